"""Golden files: each tests/diagnostics/NAME.yaml is a bad input, NAME.txt what check prints.

Set DRAFTER_UPDATE_GOLDEN=1 to rewrite the .txt files after a deliberate change of wording,
then read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT

CASES = sorted((ROOT / "tests" / "diagnostics").glob("*.yaml"))


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_check_prints_the_expected_diagnostics(case: Path, run) -> None:
    result = run("check", str(case.relative_to(ROOT)))
    expected_file = case.with_suffix(".txt")
    if os.environ.get("DRAFTER_UPDATE_GOLDEN"):
        expected_file.write_text(result.stdout)
    assert result.stdout == expected_file.read_text()
    has_errors = ": error[" in result.stdout
    assert result.exit_code == (1 if has_errors else 0)


def test_every_golden_case_reports_something() -> None:
    for case in CASES:
        text = case.with_suffix(".txt").read_text()
        assert ": error[" in text or ": warning[" in text, case.name
