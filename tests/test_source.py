"""Source positions: every diagnostic points at the right line and column."""

from __future__ import annotations

import datetime
import inspect
import sys

import pytest
import yaml

from drafter.document.diagnostics import DiagnosticList, Position
from drafter.document.model import locate
from drafter.source import loader as source
from drafter.source import scaffold
from drafter.source.loader import load_text
from tests.conftest import MINIMAL


def _load(text: str):
    diagnostics = DiagnosticList("x.yaml")
    return load_text(text, "x.yaml", diagnostics), diagnostics


def test_locate_finds_a_fragment_in_a_folded_scalar() -> None:
    text = MINIMAL.read_text().replace(
        "    nl: overwegende dat het regent;\n",
        "    nl: >-\n      overwegende dat het\n      regent en verzoek 7 komt;\n",
    )
    resolution, _ = _load(text)
    dutch = resolution.considerations[0].text.nl
    offset = dutch.value.index("verzoek 7")
    line = text.splitlines().index("      regent en verzoek 7 komt;") + 1
    assert locate(dutch, offset, len("verzoek 7")) == Position("x.yaml", line, 17)


def test_locate_across_a_line_break() -> None:
    text = MINIMAL.read_text().replace(
        "    nl: overwegende dat het regent;\n",
        "    nl: >-\n      overwegende dat verzoek\n      7 komt;\n",
    )
    resolution, _ = _load(text)
    dutch = resolution.considerations[0].text.nl
    line = text.splitlines().index("      overwegende dat verzoek") + 1
    assert locate(dutch, dutch.value.index("verzoek"), 9) == Position("x.yaml", line, 23)


def test_utf8_bom_and_windows_line_endings_are_accepted(tmp_path) -> None:
    from drafter.source.loader import load_source

    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes().replace(b"\n", b"\r\n"))
    resolution, diagnostics = load_source(path)
    assert diagnostics.items == []
    assert resolution.title.nl.value == "over de proef"


def test_invalid_utf8_is_reported_with_its_byte_offset(tmp_path) -> None:
    from drafter.source.loader import load_source

    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"doc: x\ntitle: caf\xe9\n")
    resolution, diagnostics = load_source(path)
    assert resolution is None
    (problem,) = diagnostics.items
    assert problem.position == Position(str(path), 2, 11)
    assert "not valid UTF-8 (byte 17)" in problem.message


def test_empty_file_and_wrong_top_level() -> None:
    for text, message in (
        ("", "the file is empty"),
        ("- a\n- b\n", "The resolution must be a mapping (key: value lines), found a list"),
        ("hello\n", "The resolution must be a mapping (key: value lines), found a single value"),
    ):
        resolution, diagnostics = _load(text)
        assert resolution is None
        assert [d.message for d in diagnostics.items] == [message]


def test_control_characters_are_refused_with_position() -> None:
    resolution, diagnostics = _load("doc: x\ntitle: a\x01b\n")
    assert resolution is None
    (problem,) = diagnostics.items
    assert problem.position == Position("x.yaml", 2, 9)
    assert "U+0001" in problem.message


def test_sessions_are_counted_as_the_chamber_counts_them() -> None:
    assert scaffold.session_of(datetime.date(2021, 1, 25)) == (55, 3, [2020, 2021])
    assert scaffold.session_of(datetime.date(2019, 7, 1)) == (55, 1, [2019, 2020])
    assert scaffold.session_of(datetime.date(2026, 11, 23)) == (56, 4, [2026, 2027])


def _nested(depth: int, block: bool) -> str:
    """MINIMAL with a consideration nested `depth` lists deep, in flow or block style."""
    if block:
        levels = "".join("  " * level + "- \n" for level in range(1, depth))
        nesting = "  -\n" + levels + "  " * depth + "- x\n"
    else:
        nesting = "  - " + "[" * depth + "]" * depth + "\n"
    return MINIMAL.read_text().replace("considerations:\n", "considerations:\n" + nesting, 1)


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize(
    ("depth", "block"), [(25, False), (1_500, False), (10_000, False), (400, True)]
)
def test_nesting_error_has_a_position_whichever_parser_trips_first(
    monkeypatch: pytest.MonkeyPatch, libyaml: bool, depth: int, block: bool
) -> None:
    # libyaml (0.2.6 and newer) stops at 1,000 levels of its own; PyYAML's pure-Python
    # composer recurses. Either way the author must learn where the nesting goes wrong.
    if libyaml and not hasattr(yaml, "CSafeLoader"):
        pytest.skip("this PyYAML has no libyaml")
    if not libyaml:
        monkeypatch.setattr(source, "_FastLoader", yaml.SafeLoader)
    resolution, diagnostics = _load(_nested(depth, block))
    assert resolution is None
    [error] = diagnostics.items
    assert error.position is not None
    assert error.message.startswith("the file is nested more than 20 levels deep here")
    first_line = MINIMAL.read_text().splitlines().index("considerations:") + 2
    # In block style each level is a line: the 21st is where the limit is passed.
    assert error.position.line == first_line + (20 if block else 0)


def test_nesting_error_has_a_position_under_a_low_recursion_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An embedding program may run drafter with a small recursion limit; the composer then
    # fails inside the limits the scan allows, and still says where.
    monkeypatch.setattr(source, "_FastLoader", yaml.SafeLoader)
    text = _nested(15, block=False)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 40)
    try:
        resolution, diagnostics = _load(text)
    finally:
        sys.setrecursionlimit(limit)
    assert resolution is None
    [error] = diagnostics.items
    assert "nested too deeply here" in error.message
    assert error.position is not None
    assert error.position.line == text.splitlines().index("considerations:") + 2
