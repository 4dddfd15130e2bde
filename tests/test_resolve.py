"""Numbering, footnote numbers and cross-references, as a reader of the document sees them."""

from __future__ import annotations

import re

import pytest

import drafter
from drafter.document import numbering
from drafter.document.inline import plain_text
from tests.conftest import FLAGSHIP, MINIMAL


@pytest.fixture(scope="module")
def flagship() -> drafter.Resolution:
    return drafter.load(FLAGSHIP)


def test_letters_continue_after_z() -> None:
    assert [numbering.letters(n) for n in (1, 26, 27, 28, 52, 53, 702, 703)] == [
        "a", "z", "aa", "ab", "az", "ba", "zz", "aaa",
    ]  # fmt: skip
    assert numbering.CONSIDERATION.label(28) == "AB."
    assert numbering.SUBPARAGRAPH.label(27) == "aa)"
    assert numbering.ITEM.label(2) == "2°"


def test_flagship_parts_are_numbered_as_filed(flagship: drafter.Resolution) -> None:
    assert [c.label for c in flagship.considerations] == [f"{chr(65 + i)}." for i in range(22)]
    assert [r.label for r in flagship.requests.items] == [f"{n}." for n in range(1, 21)]
    assert [s.label for s in flagship.requests.items[3].subparagraphs] == [
        f"{letter})" for letter in "abcdefghi"
    ]
    assert [i.label for i in flagship.considerations[2].items] == ["1°", "2°", "3°"]
    assert [s.label for s in flagship.memorandum.sections] == [f"{n}." for n in range(1, 15)]


def test_flagship_footnotes_get_the_filed_numbers(flagship: drafter.Resolution) -> None:
    # The transcription keeps each footnote's number in the filed document as a comment.
    filed = {
        match.group(1): int(match.group(2))
        for match in re.finditer(r"^  ([a-z0-9-]+):\s+# (\d+)$", FLAGSHIP.read_text(), re.M)
    }
    assert len(filed) == 86
    assert {key: note.number for key, note in flagship.footnotes.items()} == filed
    assert [note.number for note in flagship.footnotes.values()] == list(range(1, 87))


def test_footnote_calls_carry_the_same_number_in_both_languages(
    flagship: drafter.Resolution,
) -> None:
    from drafter.resolve.resolver import calls

    for _, text in flagship.texts():
        dutch = [call.number for call in calls(text, "nl")]
        assert dutch == [call.number for call in calls(text, "fr")]


def test_request_5_prints_the_labels_of_request_4(flagship: drafter.Resolution) -> None:
    request = flagship.requests.items[4]
    # As filed, with a no-break space before the request number.
    assert "de subparagrafen a) tot i) van verzoek\u00a04;" in plain_text(
        request.text.inlines["nl"]
    )
    assert "les sous-paragraphes a) à i) de la demande\u00a04;" in plain_text(
        request.text.inlines["fr"]
    )


def test_references_follow_renumbering(tmp_path) -> None:
    # Insert a request before the one referred to: the reference now prints 3.
    text = MINIMAL.read_text().replace(
        "  items:\n    - id: first-request",
        "  items:\n    - id: new-request\n      nl: nieuw;\n      fr: nouveau;\n"
        "    - id: first-request",
    )
    path = tmp_path / "renumbered.yaml"
    path.write_text(text)
    resolution = drafter.load(path)
    paragraph = resolution.memorandum.sections[0].paragraphs[0]
    assert plain_text(paragraph.text.inlines["nl"]) == "Zie verzoek 3."
    assert plain_text(paragraph.text.inlines["fr"]) == "Voir la demande 3."


def test_footnotes_are_numbered_by_first_call_in_dutch_reading_order(tmp_path) -> None:
    text = MINIMAL.read_text()
    text = text.replace(
        "nl: overwegende dat het regent;", "nl: overwegende dat het regent[^early];"
    ).replace("fr: considérant qu’il pleut;", "fr: considérant qu’il pleut[^early];")
    text = text.replace("footnotes:\n", "footnotes:\n  early:\n    nl: Vroeg.\n    fr: Tôt.\n")
    path = tmp_path / "order.yaml"
    path.write_text(text)
    resolution = drafter.load(path)
    # Defined first, but called after the memorandum's footnote: number 2.
    assert resolution.footnotes["early"].number == 2
    assert resolution.footnotes["source"].number == 1
    assert list(resolution.footnotes) == ["source", "early"]


def test_load_raises_with_every_error(tmp_path) -> None:
    with pytest.raises(drafter.DrafterError) as raised:
        drafter.load("tests/diagnostics/literal-reference-to-nothing.yaml")
    assert len(raised.value.diagnostics) == 4
    assert all(d.severity == "error" for d in raised.value.diagnostics)


def test_load_strict_raises_on_warnings() -> None:
    case = "tests/diagnostics/footnote-never-called.yaml"
    assert drafter.load(case).footnotes["unused"].number == 0
    with pytest.raises(drafter.DrafterError):
        drafter.load(case, strict=True)
