"""The redline in LibreOffice itself: Accept All and Reject All as a reviewer clicks them.

tests/revisions.py proves the redline exact through the XML; these tests open the files in
LibreOffice (through its UNO API, tests/libreoffice_client.py) and compare what it shows
after Accept All with what it shows of the new version's own DOCX, and after Reject All with
the old version's: every paragraph's text and the list label LibreOffice draws for it, every
footnote. One LibreOffice serves the session; the flagship pair is read four times.

The tests need LibreOffice 25.2 or newer (`make test` installs it on Debian 12 from
bookworm-backports): 7.4 dropped the tracked changes inside footnotes called from a table
cell, except in the document's first note, so that an edited note after Accept or Reject
held both versions' words.

LibreOffice 25.2 leaves standing an empty paragraph whose mark is tracked as deleted (or
inserted, on Reject) between two tables: the invisible 1-pt separator before a table that
only one version has. The DOCX makes each list of considerations and of requests one table,
so that a consideration or request inserted or deleted (as in the scripted edits) is a table
row and no separator comes or goes with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.bench import scripted_edits, with_early_footnote
from drafter import load
from drafter.docx_writer import render_docx, render_redline_docx
from drafter.redline import compare
from tests.conftest import FLAGSHIP

AUTHOR = "Samuel Cogolati"
DATE = "2021-02-01T09:30:00Z"

Paragraphs = list[list[str]]


@pytest.fixture(scope="module")
def flagship_views(libreoffice, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """What LibreOffice shows of the flagship ("old"), of `scripted_edits` of it ("new"), of
    their redline as opened ("redline"), after Accept All ("accept") and Reject All
    ("reject")."""
    folder = tmp_path_factory.mktemp("libreoffice")
    data = yaml.safe_load(FLAGSHIP.read_text(encoding="utf-8"))
    sources = {}
    versions = (("old", data), ("new", scripted_edits(data)), ("early", with_early_footnote(data)))
    for name, content in versions:
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")
        sources[name] = load(path)
    files: dict[str, Path] = {}
    for name, resolution in sources.items():
        files[name] = folder / f"{name}.docx"
        files[name].write_bytes(render_docx(resolution))
    for name, version in (("redline", "new"), ("early redline", "early")):
        files[name] = folder / f"{name}.docx"
        redline = compare(sources["old"], sources[version])
        files[name].write_bytes(render_redline_docx(redline, AUTHOR, DATE))
    return {
        "old": libreoffice.read(files["old"]),
        "new": libreoffice.read(files["new"]),
        "redline": libreoffice.read(files["redline"]),
        "accept": libreoffice.read(files["redline"], "accept"),
        "reject": libreoffice.read(files["redline"], "reject"),
        "early": libreoffice.read(files["early"]),
        "early redline": libreoffice.read(files["early redline"]),
        "early accept": libreoffice.read(files["early redline"], "accept"),
        "early reject": libreoffice.read(files["early redline"], "reject"),
    }


def _text_paragraphs(paragraphs: Paragraphs) -> Paragraphs:
    """The paragraphs that show something: a label or text."""
    return [paragraph for paragraph in paragraphs if any(paragraph)]


def _first_difference(got: Paragraphs, wanted: Paragraphs) -> str | None:
    for index, (first, second) in enumerate(zip(got, wanted, strict=False)):
        if first != second:
            return f"[{index}]: {first!r} != {wanted[index]!r}"
    if len(got) != len(wanted):
        return f"{len(got)} entries != {len(wanted)} entries"
    return None


def test_the_redline_opens_with_its_changes_and_resolves_them_all(flagship_views) -> None:
    assert flagship_views["old"]["changes"] == flagship_views["new"]["changes"] == 0
    # Five rewordings in both languages, a consideration inserted, a request deleted, two
    # notes edited: LibreOffice joins the marks of one row into fewer changes.
    assert flagship_views["redline"]["changes"] >= 20
    assert flagship_views["accept"]["remaining"] == flagship_views["reject"]["remaining"] == 0


@pytest.mark.parametrize(
    ("resolved", "version"),
    [("accept", "new"), ("reject", "old"), ("early accept", "early"), ("early reject", "old")],
)
def test_accept_and_reject_give_each_versions_text_and_labels(
    flagship_views, resolved: str, version: str
) -> None:
    """Every paragraph that shows something, in order, with the label LibreOffice draws
    ("B.", "2.", "a)") and its text with "[n]" for each note call: the numbers LibreOffice
    gives the Dutch calls, and the French calls' custom marks."""
    got = _text_paragraphs(flagship_views[resolved]["body"])
    wanted = _text_paragraphs(flagship_views[version]["body"])
    assert any(label == "W." for label, _ in wanted) == (version != "old")  # A–V, one more
    assert _first_difference(got, wanted) is None


def test_a_note_added_first_renumbers_the_dutch_notes_without_marks(flagship_views) -> None:
    """With a note added in the first paragraph, every later note's number changes. In the
    Dutch column, numbered by LibreOffice, that is no change at all: about half as many
    changes as when every renumbered call was deleted and inserted again (371)."""
    early, plain = flagship_views["early redline"], flagship_views["redline"]
    assert 150 < early["changes"] < 220
    assert plain["changes"] <= 30
    # The note area holds each note once per column, and the 86 old copies of the French
    # notes (custom marks, deleted and inserted again), so that Reject All can go back.
    assert len(early["notes"]) == 2 * 87 + 86


@pytest.mark.parametrize(("resolved", "version"), [("accept", "new"), ("reject", "old")])
def test_accept_and_reject_leave_no_extra_paragraph(
    flagship_views, resolved: str, version: str
) -> None:
    """Every paragraph, the empty ones too: a consideration inserted and a request deleted
    leave no separator paragraph behind."""
    got, wanted = flagship_views[resolved]["body"], flagship_views[version]["body"]
    assert _first_difference(got, wanted) is None


@pytest.mark.parametrize(
    ("resolved", "version"),
    [("accept", "new"), ("reject", "old"), ("early accept", "early"), ("early reject", "old")],
)
def test_accept_and_reject_give_each_versions_notes(
    flagship_views, resolved: str, version: str
) -> None:
    """Every note of both columns, with the number LibreOffice draws for it: the edits inside
    notes (the first one's and the sixth's in the scripted edits) resolve both ways."""
    got, wanted = flagship_views[resolved]["notes"], flagship_views[version]["notes"]
    assert len(got) == len(wanted) == (174 if version == "early" else 172)
    assert _first_difference(got, wanted) is None
    assert flagship_views["new"]["notes"][0][1].endswith("Geraadpleegd op 10 januari 2021.")
    assert not flagship_views["old"]["notes"][0][1].endswith("januari 2021.")


def test_each_note_shows_its_number_once(flagship_views) -> None:
    """In the note area a note reads "22 Amnesty…", its label drawn once, in both columns:
    the note's mark is LibreOffice's own (w:footnoteRef), not typed a second time."""
    for name in ("new", "early", "early redline"):
        notes = flagship_views[name]["notes"]
        assert len(notes) >= 172
        for label, text in notes:
            assert label and not text.lstrip().startswith(f"{label} "), (name, label, text[:40])
