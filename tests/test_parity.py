"""Numbers, dates and URLs compared between the two languages of a paragraph.

Each file in tests/fixtures/parity/ is a resolution whose two languages write the same
figures differently, and must check clean; the real differences (a year that differs, a URL
or DOI in one language only) are golden files in tests/diagnostics/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.check import parity
from tests.conftest import FIXTURES, ROOT

NOT_DIFFERENCES = sorted((FIXTURES / "parity").glob("*.yaml"))


@pytest.mark.parametrize("case", NOT_DIFFERENCES, ids=[case.stem for case in NOT_DIFFERENCES])
def test_figures_written_differently_are_not_a_difference(case: Path, run) -> None:
    path = str(case.relative_to(ROOT))
    result = run("check", "--strict", path)
    assert result.stdout == f"{path}: 0 errors, 0 warnings\n"


def _unmatched(dutch: str, french: str) -> tuple[list[int], list[int]]:
    nl, fr = parity.read(dutch, []), parity.read(french, [])
    return (
        sorted(parity.unmatched_numbers(nl, fr).elements()),
        sorted(parity.unmatched_numbers(fr, nl).elements()),
    )


def test_same_date_in_figures_and_in_words_matches() -> None:
    assert _unmatched("op 16/11/2019", "le 16 novembre 2019") == ([], [])
    assert _unmatched("op 16 november 2019", "le 16/11/2019") == ([], [])
    assert _unmatched("op 1/1/2021", "le 1er janvier 2021") == ([], [])


def test_a_date_that_differs_counts_as_its_numbers() -> None:
    assert _unmatched("geraadpleegd op 07/01/2021", "consulté le 07/01/2020") == ([2021], [2020])
    assert _unmatched("14/07/2020", "l4/07/2020") == ([14], [4])


def test_an_impossible_date_is_read_as_numbers() -> None:
    assert _unmatched("31/02/2020", "31 février 2020") == ([2], [])


def test_a_doi_is_the_same_as_a_url_or_as_doi_colon() -> None:
    as_url = parity.read("https://doi.org/10.1080/14623528.2020.1848109.", [])
    as_doi = parity.read("DOI: 10.1080/14623528.2020.1848109.", [])
    as_old_resolver = parity.read("http://dx.doi.org/10.1080/14623528.2020.1848109", [])
    assert as_url.urls == as_doi.urls == as_old_resolver.urls
    assert as_doi.numbers == as_url.numbers  # nothing left of the DOI to count as numbers


def test_a_page_on_the_chambers_two_sites_is_the_same_url() -> None:
    dutch = parity.read("https://www.dekamer.be/doc/ccri/pdf/55/ic235.pdf", [])
    french = parity.read("https://www.lachambre.be/doc/ccri/pdf/55/ic235.pdf#search=x", [])
    assert dutch.urls == french.urls
