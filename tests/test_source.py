"""Source positions: every diagnostic points at the right line and column."""

from __future__ import annotations

import datetime

from drafter import scaffold
from drafter.diagnostics import DiagnosticList, Position
from drafter.source import load_text, locate
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
    from drafter.source import load_source

    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes().replace(b"\n", b"\r\n"))
    resolution, diagnostics = load_source(path)
    assert diagnostics.items == []
    assert resolution.title.nl.value == "over de proef"


def test_invalid_utf8_is_reported_with_its_byte_offset(tmp_path) -> None:
    from drafter.source import load_source

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
