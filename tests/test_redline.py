"""`drafter redline`: the comparison, its DOCX of tracked changes, its PDF, and the command.

The proof of correctness is tests/revisions.py: Accept All on the redline must give what a
reader sees in the new version's own DOCX (every paragraph of the body, with its style, the
label Word draws and its text and formatting; every footnote in the order it is called; the
headers and footers), and Reject All what a reader sees in the old version's. Hypothesis
makes random edits to a small resolution and checks both, every time.
"""

from __future__ import annotations

import copy
import datetime
import io
import re
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

import drafter
from drafter.cli import app
from drafter.compare.comparison import compare
from drafter.document import redline as redline_module
from drafter.document.inline import Deleted, Inserted
from drafter.render.docx.writer import render_docx, render_redline_docx
from tests import revisions
from tests.conftest import FLAGSHIP, MINIMAL, libreoffice_pdf, needs_libreoffice, pdf_text

DATE = "2021-02-01T09:30:00Z"
AUTHOR = "Samuel Cogolati"
W = revisions.W
NS = revisions.NS


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def write(folder: Path, name: str, data: dict | str) -> Path:
    path = folder / name
    text = (
        data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    )
    path.write_text(text, encoding="utf-8")
    return path


def minimal_data() -> dict:
    return yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))


def redline_docx(old: drafter.Resolution, new: drafter.Resolution) -> bytes:
    return render_redline_docx(compare(old, new), AUTHOR, DATE)


def assert_accept_and_reject(old: drafter.Resolution, new: drafter.Resolution) -> bytes:
    """The redline of old → new: Accept All gives new's DOCX, Reject All old's."""
    data = redline_docx(old, new)
    for name, resolved, version in (
        ("accept all", revisions.accept_all(data), new),
        ("reject all", revisions.reject_all(data), old),
    ):
        got = revisions.reader_view(resolved)
        wanted = revisions.reader_view(revisions.parts(render_docx(version)))
        difference = revisions.first_difference(got, wanted)
        assert difference is None, f"{name}: {difference}"
    return data


def marks(data: bytes) -> list[etree._Element]:
    return [
        mark for tree in revisions.parts(data).values() for mark in revisions.revision_marks(tree)
    ]


def marked_texts(data: bytes) -> list[tuple[str, str]]:
    """(ins or del, text) of every tracked run change in the body and footnotes."""
    return [
        (etree.QName(mark).localname, "".join(mark.itertext()))
        for mark in marks(data)
        if etree.QName(mark.getparent()).localname not in ("rPr", "trPr")
    ]


def loaded(folder: Path, name: str, data: dict | str) -> drafter.Resolution:
    return drafter.load(write(folder, name, data))


# --- The comparison ---------------------------------------------------------------------------


def test_identical_versions_have_no_changes() -> None:
    resolution = drafter.load(MINIMAL)
    result = compare(resolution, drafter.load(MINIMAL))
    assert not result.changed
    assert not any(row.change for row in result.plan.rows)
    data = assert_accept_and_reject(resolution, drafter.load(MINIMAL))
    assert marks(data) == []


def test_an_inserted_consideration_changes_no_other_row(tmp_path: Path) -> None:
    data = minimal_data()
    old = loaded(tmp_path, "old.yaml", data)
    data["considerations"].insert(
        0, {"id": "new-first", "nl": "overwegende dat het waait;", "fr": "considérant qu’il vente;"}
    )
    new = loaded(tmp_path, "new.yaml", data)
    result = compare(old, new)
    changes = {row.key: row.change for row in result.plan.rows if row.change}
    assert changes == {"consideration:new-first": "inserted"}
    labels = [row.nl.label for row in result.plan.rows if row.kind == "consideration"]
    assert labels == ["A.", "B.", "C."]  # the new version's, drawn by Word's numbering
    document = assert_accept_and_reject(old, new)
    assert {text for _, text in marked_texts(document)} == {
        "overwegende dat het waait;",
        "considérant qu’il vente;",
    }
    # The considerations that follow carry no tracked change at all.
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml"))
    for paragraph in body.iter(w("p")):
        text = "".join(paragraph.itertext(w("t")))
        if "regent" in text or "pleut" in text:
            assert revisions.revision_marks(paragraph) == []
            assert paragraph.getparent().getparent().find("w:trPr", NS) is None


def test_words_are_compared_per_language(tmp_path: Path) -> None:
    data = minimal_data()
    old = loaded(tmp_path, "old.yaml", data)
    data["considerations"][0]["nl"] = "overwegende dat het hard regent;"
    new = loaded(tmp_path, "new.yaml", data)
    result = compare(old, new)
    row = next(row for row in result.plan.rows if row.key == "consideration:first")
    assert row.change == "changed"
    assert Inserted in {type(node) for node in row.nl.inlines}
    assert not any(isinstance(node, Inserted | Deleted) for node in row.fr.inlines)
    document = assert_accept_and_reject(old, new)
    assert marked_texts(document) == [("ins", "hard ")]
    assert result.summary["considerations"].changed == 1


def test_a_renamed_id_is_matched_by_similarity(tmp_path: Path) -> None:
    data = minimal_data()
    old = loaded(tmp_path, "old.yaml", data)
    text = write(tmp_path, "old.yaml", data).read_text(encoding="utf-8")
    renamed = text.replace("second-request", "execution").replace("id: second\n", "id: wind\n")
    new = loaded(tmp_path, "new.yaml", renamed)
    result = compare(old, new)
    assert not any(row.change for row in result.plan.rows)
    assert all(not count for count in result.summary.values())
    assert marks(assert_accept_and_reject(old, new)) == []


def test_memorandum_paragraphs_keyed_by_position_are_matched_by_their_words(
    tmp_path: Path,
) -> None:
    data = minimal_data()
    paragraphs = data["memorandum"]["sections"][0]["paragraphs"]
    paragraphs.append(
        {"nl": "Een tweede alinea over de regen.", "fr": "Un second alinéa sur la pluie."}
    )
    old = loaded(tmp_path, "old.yaml", data)
    paragraphs.insert(0, {"nl": "Een nieuwe eerste alinea.", "fr": "Un nouvel alinéa premier."})
    new = loaded(tmp_path, "new.yaml", data)
    result = compare(old, new)
    changes = [(row.key, row.change) for row in result.plan.rows if row.kind == "paragraph"]
    assert changes == [
        ("intro/paragraph:1", ""),
        ("section:context/paragraph:1", "inserted"),
        ("section:context/paragraph:2", ""),
        ("section:context/paragraph:3", ""),
    ]
    assert result.summary["paragraphs"].added == 1
    assert_accept_and_reject(old, new)


def test_a_reference_that_prints_another_label_is_a_change(tmp_path: Path) -> None:
    data = minimal_data()
    old = loaded(tmp_path, "old.yaml", data)
    data["requests"]["items"].insert(
        0, {"id": "zeroth", "nl": "iets eerst te doen;", "fr": "de faire quelque chose d’abord;"}
    )
    new = loaded(tmp_path, "new.yaml", data)
    document = assert_accept_and_reject(old, new)
    texts = marked_texts(document)
    # "Zie verzoek 2." now reads "Zie verzoek 3.", and "van verzoek 1" "van verzoek 2".
    assert texts.count(("del", "2")) == 2 and texts.count(("ins", "3")) == 2
    assert texts.count(("del", "1")) == 2 and texts.count(("ins", "2")) == 2
    result = compare(old, new)
    assert result.summary["requests"].added == 1
    assert result.summary["requests"].changed == 0  # a label that changed is no edit
    assert result.summary["paragraphs"].changed == 0


def _with_notes(data: dict, calls: dict[str, str], notes: dict[str, str]) -> dict:
    data = copy.deepcopy(data)
    for consideration in data["considerations"]:
        call = calls.get(consideration["id"])
        if call:
            for language in ("nl", "fr"):
                text = consideration[language]
                consideration[language] = f"{text[:-1]}[^{call}]{text[-1]}"
    for identifier, text in notes.items():
        data["footnotes"][identifier] = {"nl": f"Noot {text}.", "fr": f"Note {text}."}
    return data


def test_footnotes_added_removed_changed_and_renumbered(tmp_path: Path) -> None:
    base = minimal_data()
    old = loaded(
        tmp_path, "old.yaml", _with_notes(base, {"first": "gone"}, {"gone": "over de regen"})
    )
    new_data = _with_notes(base, {"second": "added"}, {"added": "van het KMI, 2021"})
    new_data["footnotes"]["source"] = {"nl": "Bron, 2021.", "fr": "Source, 2021."}
    new_data["memorandum"]["intro"][0] = {
        "nl": "Inleiding[^early] met een voetnoot[^source].",
        "fr": "Introduction[^early] avec une note[^source].",
    }
    new_data["footnotes"]["early"] = {"nl": "Vroeg.", "fr": "Tôt."}
    new = loaded(tmp_path, "new.yaml", new_data)
    result = compare(old, new)
    assert result.summary["footnotes"] == redline_module.Count(added=2, removed=1, changed=1)
    document = assert_accept_and_reject(old, new)
    footnotes = etree.fromstring(zipfile.ZipFile(io.BytesIO(document)).read("word/footnotes.xml"))
    texts = ["".join(note.itertext(w("t"), w("delText"))) for note in footnotes]
    # In the Dutch column the note's mark is drawn by the application (w:footnoteRef), never
    # typed; in a note inserted or deleted as a whole, it is tracked.
    dutch = [note for note in footnotes[2:] if note.find(".//w:lang", NS).get(w("val")) == "nl-BE"]
    marks_of_notes = [note.find("w:p", NS).find(".//w:footnoteRef", NS) for note in dutch]
    assert all(mark is not None for mark in marks_of_notes)
    tracked = [etree.QName(mark.getparent().getparent()).localname for mark in marks_of_notes]
    assert tracked.count("del") == 1  # the removed note
    # The removed note is still there, deleted, so that Reject All can bring it back.
    assert " Noot over de regen." in texts
    # Note 1 is now note 2. In the Dutch column, whose calls Word and LibreOffice number,
    # it is one call, whose number follows by itself: the note appears once, with its text
    # changes marked. In the French column, whose calls have an invisible custom mark and
    # the number as text, it is one call too: its number "1" deleted and "2" inserted, in
    # the call and in the note, which also appears once.
    assert texts.count(" Bron, 20202021.") == 1 and " Bron, 2020." not in texts
    assert texts.count("\u206012 Source, 20202021.") == 1 and " Source, 2020." not in texts
    assert [text for text in texts if "Source" in text] == ["\u206012 Source, 20202021."]
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml"))
    references = list(body.iter(w("footnoteReference")))
    numbered = [r for r in references if r.get(w("customMarkFollows")) is None]
    assert len(numbered) == 4  # Dutch: early, source, the removed note (deleted), added
    assert len(references) == 8  # as many French calls
    assert ("del", "1") in marked_texts(document) and ("ins", "2") in marked_texts(document)


def test_sponsors_and_title_are_compared(tmp_path: Path) -> None:
    data = minimal_data()
    old = loaded(tmp_path, "old.yaml", data)
    data["sponsors"].append(
        {"given": "Séverine", "family": "de Laveleye", "party": "Ecolo-Groen", "gender": "f"}
    )
    data["title"]["nl"] = "over de tweede proef"
    new = loaded(tmp_path, "new.yaml", data)
    result = compare(old, new)
    assert result.summary["sponsors"] == redline_module.Count(added=1)
    assert result.summary["title"].changed == 1
    document = assert_accept_and_reject(old, new)
    texts = [text for _, text in marked_texts(document)]
    assert "tweede " in texts
    assert any("de Laveleye" in text for text in texts)


LAVELEYE = {"given": "Séverine", "family": "de Laveleye", "party": "Ecolo-Groen", "gender": "f"}


def _space_before(paragraph: etree._Element) -> str | None:
    return paragraph.xpath("string(w:pPr/w:spacing/@w:before)", namespaces=NS) or None


@pytest.mark.parametrize("edit", ["first removed", "one put first"])
def test_a_change_of_paragraph_formatting_is_tracked(tmp_path: Path, edit: str) -> None:
    """The space above the signatures belongs to the first sponsor: when the first one is
    removed (or another put before it), the sponsor that stays changes formatting, and
    Reject All must give back each paragraph's old formatting (the reader views compare
    every paragraph's own properties), through a tracked w:pPrChange."""
    data = minimal_data()
    data["sponsors"].append(LAVELEYE)
    old_data, new_data = copy.deepcopy(data), copy.deepcopy(data)
    if edit == "first removed":
        new_data["sponsors"].pop(0)  # Cogolati: de Laveleye is now first
    else:
        new_data["sponsors"].insert(0, dict(SPONSORS[0]))  # before Cogolati, who was first
    old = loaded(tmp_path, "old.yaml", old_data)
    new = loaded(tmp_path, "new.yaml", new_data)
    document = assert_accept_and_reject(old, new)
    body = revisions.parts(document)["word/document.xml"]
    changes = body.findall(".//w:pPrChange", NS)
    assert len(changes) == 2  # the sponsor that stays, in both columns
    for change in changes:
        assert change.get(w("author")) == AUTHOR and change.get(w("date")) == DATE
        paragraph = change.getparent().getparent()
        kept = "de LAVELEYE" if edit == "first removed" else "COGOLATI"
        assert kept in "".join(paragraph.itertext())
        old_space = change.xpath("string(w:pPr/w:spacing/@w:before)", namespaces=NS) or None
        assert (old_space, _space_before(paragraph)) == (
            (None, "340") if edit == "first removed" else ("340", None)
        )
    ids = [mark.get(w("id")) for mark in body.iter(w("ins"), w("del"), w("pPrChange"))]
    assert len(ids) == len(set(ids))


def test_cover_header_and_footer_changes_are_tracked(tmp_path: Path) -> None:
    data = minimal_data()
    old = loaded(tmp_path, "old.yaml", data)
    data.update(doc="1234/002", filed=datetime.date(2021, 2, 3), session=4, years=[2021, 2022])
    new = loaded(tmp_path, "new.yaml", data)
    document = assert_accept_and_reject(old, new)  # headers and footers included
    header_marks = [
        mark
        for name, tree in revisions.parts(document).items()
        if name.startswith(("word/header", "word/footer"))
        for mark in revisions.revision_marks(tree)
    ]
    assert header_marks
    assert ("del", "001") in marked_texts(document) and ("ins", "002") in marked_texts(document)


def test_a_list_past_z_has_typed_labels_whose_changes_are_tracked(tmp_path: Path) -> None:
    data = minimal_data()
    data["considerations"] += [
        {"id": f"extra-{n}", "nl": f"overwegende punt {n};", "fr": f"considérant le point {n};"}
        for n in range(26)
    ]
    old = loaded(tmp_path, "old.yaml", data)
    data["considerations"].insert(
        3, {"id": "inserted", "nl": "overwegende dat het waait;", "fr": "considérant qu’il vente;"}
    )
    new = loaded(tmp_path, "new.yaml", data)
    document = assert_accept_and_reject(old, new)
    # Word would letter AA, BB: these labels are text, so a label that changes is marked.
    assert ("del", "AB. ") in marked_texts(document) and ("ins", "AC. ") in marked_texts(document)


def test_rows_that_moved_are_deleted_and_inserted(tmp_path: Path) -> None:
    data = minimal_data()
    old = loaded(tmp_path, "old.yaml", data)
    data["considerations"].reverse()
    new = loaded(tmp_path, "new.yaml", data)
    result = compare(old, new)
    changes = sorted(row.change for row in result.plan.rows if row.change)
    assert changes == ["deleted", "inserted"]
    assert_accept_and_reject(old, new)


# --- The DOCX ---------------------------------------------------------------------------------


@cache
def _flagship_pair(folder: str) -> tuple[Path, Path]:
    """The flagship and the bench's scripted edits of it."""
    from bench.bench import scripted_edits

    data = yaml.safe_load(FLAGSHIP.read_text(encoding="utf-8"))
    return write(Path(folder), "old.yaml", data), write(
        Path(folder), "new.yaml", scripted_edits(data)
    )


@pytest.fixture(scope="module")
def flagship_redline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, bytes]:
    old_path, new_path = _flagship_pair(str(tmp_path_factory.mktemp("flagship")))
    data = assert_accept_and_reject(drafter.load(old_path), drafter.load(new_path))
    return old_path, new_path, data


def test_flagship_edits_accept_and_reject_exactly(flagship_redline) -> None:
    _, _, data = flagship_redline
    texts = marked_texts(data)
    assert ("ins", "zeer ") in texts and ("del", "bevestigd") in texts
    assert len(marks(data)) < 60


def test_every_revision_has_a_unique_id_an_author_and_a_date(flagship_redline) -> None:
    _, _, data = flagship_redline
    found = marks(data)
    assert found
    ids = [mark.get(w("id")) for mark in found]
    assert len(set(ids)) == len(ids)
    assert {mark.get(w("author")) for mark in found} == {AUTHOR}
    assert {mark.get(w("date")) for mark in found} == {DATE}
    settings = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml"))
    assert settings.find("w:trackRevisions", NS) is not None


def test_deleted_text_is_del_text_and_properties_keep_schema_order(flagship_redline) -> None:
    from drafter.render.docx import wordml

    _, _, data = flagship_redline
    orders = {"rPr": wordml.RPR_ORDER, "tblPr": wordml.TBLPR_ORDER}
    for name, tree in revisions.parts(data).items():
        for deletion in tree.iter(w("del")):
            assert deletion.find(".//w:t", NS) is None, name
        for insertion in tree.iter(w("ins")):
            assert insertion.find(".//w:delText", NS) is None, name
        for paragraph_properties in tree.iter(w("pPr")):
            tags = [child.tag for child in paragraph_properties]
            positions = [wordml.PPR_ORDER.index(f"w:{etree.QName(t).localname}") for t in tags]
            assert positions == sorted(positions)
            mark = paragraph_properties.find("w:rPr", NS)
            if mark is not None:
                order = [f"w:{etree.QName(child).localname}" for child in mark]
                positions = [wordml.PARA_RPR_ORDER.index(tag) for tag in order]
                assert positions == sorted(positions), order
        for tag, order in orders.items():
            for properties in tree.iter(w(tag)):
                if properties.getparent().tag == w("pPr"):
                    continue
                positions = [
                    order.index(f"w:{etree.QName(child).localname}")
                    for child in properties
                    if f"w:{etree.QName(child).localname}" in order
                ]
                assert positions == sorted(positions)
        for row_properties in tree.iter(w("trPr")):
            assert row_properties.getparent()[0] is row_properties


def test_same_inputs_author_and_date_give_the_same_bytes(flagship_redline) -> None:
    old_path, new_path, data = flagship_redline
    again = redline_docx(drafter.load(old_path), drafter.load(new_path))
    assert again == data
    other = render_redline_docx(
        compare(drafter.load(old_path), drafter.load(new_path)), AUTHOR, "2021-02-02T00:00:00Z"
    )
    assert other != data


# --- Random edits (hypothesis) ------------------------------------------------------------------

NL_WORDS = ("regen", "wind", "zon", "sneeuw", "mist", "hagel", "storm")
FR_WORDS = ("pluie", "vent", "soleil", "neige", "brume", "grêle", "orage")
SPONSORS = (
    {"given": "Wouter", "family": "De Vriendt", "party": "Ecolo-Groen", "gender": "m"},
    {"given": "Claire", "family": "Hugon", "party": "Ecolo-Groen", "gender": "f"},
    {"given": "Kristof", "family": "Calvo", "party": "Groen", "gender": "m"},
)


def _base() -> dict:
    """The minimal resolution with a few more parts to edit."""
    data = minimal_data()
    data["considerations"].append(
        {
            "id": "third",
            "nl": "overwegende dat het vriest[^cold];",
            "fr": "considérant qu’il gèle[^cold];",
            "items": [
                {"nl": "op maandag;", "fr": "le lundi;"},
                {"id": "tuesday", "nl": "op dinsdag;", "fr": "le mardi;"},
            ],
        }
    )
    data["footnotes"]["cold"] = {"nl": "Het KMI, 2021.", "fr": "L’IRM, 2021."}
    return data


def _texts(data: dict) -> list[dict]:
    """Every mapping with nl and fr texts, footnotes included (not the title)."""
    found: list[dict] = []

    def visit(value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("nl"), str) and isinstance(value.get("fr"), str):
                found.append(value)
            for key, item in value.items():
                if key != "title":
                    visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)

    visit(data)
    return found


def _lists(data: dict) -> list[tuple[list, bool]]:
    """Every list of parts that may lose or gain one (items, considerations, …), and
    whether its parts need an id."""
    lists = [(data["considerations"], True), (data["requests"]["items"], True)]
    for parent in (*data["considerations"], *data["requests"]["items"]):
        lists += [(parent["items"], False)] if parent.get("items") else []
        lists += [(parent["subparagraphs"], True)] if parent.get("subparagraphs") else []
    lists += [(data["memorandum"]["sections"][0]["paragraphs"], False)]
    return [(entries, ids) for entries, ids in lists if entries]


def _apply(data: dict, edit: str, first: int, second: int, counter: list[int]) -> None:
    counter[0] += 1
    fresh = counter[0]
    lists = _lists(data)
    target, needs_id = lists[first % len(lists)]
    texts = _texts(data)
    if edit == "insert":
        entry = {
            "nl": f"overwegende {NL_WORDS[second % 7]} nummer;",
            "fr": f"considérant {FR_WORDS[second % 7]} numéro;",
        }
        if needs_id:
            entry = {"id": f"fresh-{fresh}", **entry}
        target.insert(second % (len(target) + 1), entry)
    elif edit == "delete" and len(target) > 1:
        target.pop(second % len(target))
    elif edit == "move" and len(target) > 1:
        target.insert(second % len(target), target.pop(first % len(target)))
    elif edit == "reword":
        text = texts[second % len(texts)]
        for language, words in (("nl", NL_WORDS), ("fr", FR_WORDS)):
            pieces = text[language].split(" ")
            index = first % len(pieces)
            if not re.search(r"[\[\]*\\]", pieces[index]):  # markup stays as it is
                pieces[index] = words[(first + second) % 7]
                text[language] = " ".join(pieces)
    elif edit == "add-note":
        text = texts[second % len(texts)]
        if text in data["footnotes"].values():
            return
        identifier = f"note-{fresh}"
        data["footnotes"][identifier] = {
            "nl": f"Bron {NL_WORDS[first % 7]}.",
            "fr": f"Source {FR_WORDS[first % 7]}.",
        }
        for language in ("nl", "fr"):
            text[language] += f"[^{identifier}]"
    elif edit == "drop-note":
        called = [text for text in texts if "[^" in text["nl"]]
        if called:
            text = called[second % len(called)]
            for language in ("nl", "fr"):
                text[language] = re.sub(r"\[\^[a-z0-9-]+\]", "", text[language], count=1)
    elif edit == "note-text":
        notes = list(data["footnotes"].values())
        note = notes[second % len(notes)]
        note["nl"] = f"{note['nl']} {NL_WORDS[first % 7]}"
        note["fr"] = f"{note['fr']} {FR_WORDS[first % 7]}"
    elif edit == "sponsor":
        sponsors = data["sponsors"]
        choice = second % 3
        if choice == 0:
            sponsors.append(dict(SPONSORS[first % len(SPONSORS)]))
        elif choice == 1 and len(sponsors) > 1:
            sponsors.pop(first % len(sponsors))
        else:
            sponsors[first % len(sponsors)]["party"] = ("Groen", "Ecolo", "PS")[second % 3]
    elif edit == "rename":
        identified = [text for text in texts if text.get("id")]
        if identified:
            text = identified[second % len(identified)]
            old_id, new_id = text["id"], f"renamed-{fresh}"
            text["id"] = new_id
            for other in _texts(data):
                for language in ("nl", "fr"):
                    other[language] = other[language].replace(f"[@{old_id}]", f"[@{new_id}]")


def _repair(data: dict) -> None:
    """Keep the edited resolution valid: no reference to a part that is gone, unique
    sponsors, subparagraphs lettered from a), no footnote called twice."""
    ids = {text["id"] for text in _texts(data) if text.get("id")}
    for text in _texts(data):
        for language in ("nl", "fr"):
            text[language] = re.sub(
                r"\[@([a-z0-9-]+)\]",
                lambda match: match.group(0) if match.group(1) in ids else "iets",
                text[language],
            )
    seen: set[tuple[str, str]] = set()
    data["sponsors"] = [
        s
        for s in data["sponsors"]
        if not ((s["given"], s["family"]) in seen or seen.add((s["given"], s["family"])))
    ]
    called: set[str] = set()
    for text in _texts(data):
        if text in data["footnotes"].values():
            continue
        for identifier in re.findall(r"\[\^([a-z0-9-]+)\]", text["nl"]):
            if identifier in called:
                for language in ("nl", "fr"):
                    text[language] = text[language].replace(f"[^{identifier}]", "")
            called.add(identifier)


EDITS = (
    "insert",
    "delete",
    "move",
    "reword",
    "add-note",
    "drop-note",
    "note-text",
    "sponsor",
    "rename",
)
edit_lists = st.lists(
    st.tuples(st.sampled_from(EDITS), st.integers(0, 50), st.integers(0, 50)),
    min_size=1,
    max_size=5,
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(old_edits=edit_lists, new_edits=edit_lists)
def test_random_edits_accept_to_the_new_and_reject_to_the_old(
    tmp_path: Path, old_edits: list, new_edits: list
) -> None:
    counter = [0]
    old_data = _base()
    for edit in old_edits[:2]:
        _apply(old_data, *edit, counter)
    _repair(old_data)
    new_data = copy.deepcopy(old_data)
    for edit in new_edits:
        _apply(new_data, *edit, counter)
    _repair(new_data)
    old = loaded(tmp_path, "old.yaml", old_data)
    new = loaded(tmp_path, "new.yaml", new_data)
    data = assert_accept_and_reject(old, new)
    ids = [mark.get(w("id")) for mark in marks(data)]
    assert len(set(ids)) == len(ids)


# --- The command --------------------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


def _pair(folder: Path) -> tuple[Path, Path]:
    data = minimal_data()
    old = write(folder, "old.yaml", data)
    data["considerations"][0]["nl"] = "overwegende dat het hard regent;"
    return old, write(folder, "new.yaml", data)


def test_command_writes_build_name_redline_docx(cli, tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    result = cli("redline", str(old), str(new), "--author", AUTHOR, "--date", "2021-02-01T09:30")
    assert result.exit_code == 0, result.stderr
    target = tmp_path / "build" / "new-redline.docx"
    assert f"wrote {Path('build') / 'new-redline.docx'}" in result.stdout
    assert "considerations +0 -0 ~1" in result.stdout
    data = target.read_bytes()
    assert {mark.get(w("date")) for mark in marks(data)} == {DATE}
    assert {mark.get(w("author")) for mark in marks(data)} == {AUTHOR}
    again = cli(
        "redline", str(old), str(new), "--author", AUTHOR, "--date", "2021-02-01T10:30+01:00"
    )
    assert again.exit_code == 0
    assert target.read_bytes() == data
    assert [p.name for p in (tmp_path / "build").iterdir()] == ["new-redline.docx"]


def test_command_output_option_and_bad_values(cli, tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    result = cli("redline", str(old), str(new), "-o", "changes.docx")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "changes.docx").read_bytes().startswith(b"PK")
    result = cli("redline", str(old), str(new), "--date", "yesterday")
    assert result.exit_code == 2
    assert "'yesterday' is not an ISO 8601 date" in result.stderr
    result = cli("redline", str(old))
    assert result.exit_code == 2
    assert "give two files" in result.stderr
    result = cli("redline", str(old), str(new), "--since", "HEAD")
    assert result.exit_code == 2
    result = cli("redline", str(old), str(new), "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "build" / "new-redline.pdf").read_bytes().startswith(b"%PDF-")


def test_command_refuses_versions_with_errors(cli, tmp_path: Path) -> None:
    old, _ = _pair(tmp_path)
    bad = Path(__file__).parent / "diagnostics" / "duplicate-id.yaml"
    result = cli("redline", str(old), str(bad))
    assert result.exit_code == 1
    assert (
        "duplicate-id.yaml:26:5: error[duplicate-id]: the id 'first' is already used"
        in result.stderr
    )
    assert "no redline written" in result.stderr
    assert not (tmp_path / "build").exists()


def test_command_refuses_a_change_of_column_order(cli, tmp_path: Path) -> None:
    """Tracked changes cannot swap columns: rather than a redline that Reject All cannot
    take back to the old version, a clear refusal, exit 1 and nothing written."""
    data = minimal_data()
    old = write(tmp_path, "old.yaml", data)
    data["columns"] = ["fr", "nl"]
    data["considerations"][0]["nl"] = "overwegende dat het hard regent;"
    new = write(tmp_path, "new.yaml", data)
    with pytest.raises(redline_module.RedlineError, match="columns changed order"):
        compare(drafter.load(old), drafter.load(new))
    for output_format in ("docx", "pdf"):
        result = cli("redline", str(old), str(new), "--format", output_format)
        assert result.exit_code == 1
        assert "the columns changed order (nl, fr → fr, nl)" in result.stderr
        assert "no redline written" in result.stderr
        assert not (tmp_path / "build").exists()


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@needs_git
def test_since_takes_the_old_version_from_git(cli, tmp_path: Path) -> None:
    repository = tmp_path / "repository"
    (repository / "resolutions").mkdir(parents=True)
    data = minimal_data()
    path = write(repository / "resolutions", "proef.yaml", data)
    _git(repository, "init", "-q")
    _git(repository, "add", ".")
    _git(repository, "commit", "-q", "-m", "first")
    data["considerations"][0]["fr"] = "considérant qu’il pleut fort;"
    write(repository / "resolutions", "proef.yaml", data)
    result = cli("redline", str(path), "--since", "HEAD", "--date", "2021-02-01")
    assert result.exit_code == 0, result.stderr
    assert "HEAD:resolutions/proef.yaml ->" in result.stdout
    data = (tmp_path / "build" / "proef-redline.docx").read_bytes()
    assert marked_texts(data) == [("ins", " fort")]
    result = cli("redline", str(path), "--since", "no-such-tag")
    assert result.exit_code == 1
    assert "unknown revision 'no-such-tag'" in result.stderr
    other = write(repository / "resolutions", "other.yaml", data={"nl": 1})
    result = cli("redline", str(other), "--since", "HEAD")
    assert result.exit_code == 1
    assert "resolutions/other.yaml does not exist at revision 'HEAD'" in result.stderr
    outside = write(tmp_path, "outside.yaml", minimal_data())
    result = cli("redline", str(outside), "--since", "HEAD")
    assert result.exit_code == 1
    assert "is not in a git repository" in result.stderr


# --- LibreOffice --------------------------------------------------------------------------------


@needs_libreoffice
def test_libreoffice_opens_the_redline(tmp_path: Path) -> None:
    data = minimal_data()
    old = loaded(tmp_path, "old.yaml", data)
    data["considerations"].insert(
        1,
        {
            "id": "windy",
            "nl": "overwegende dat het stormt;",
            "fr": "considérant qu’il y a tempête;",
        },
    )
    data["considerations"][0]["nl"] = "overwegende dat het hard regent;"
    new = loaded(tmp_path, "new.yaml", data)
    pdf = libreoffice_pdf(redline_docx(old, new), tmp_path, "redline")
    text = pdf_text(pdf, "-layout")
    # Both versions' text is shown (LibreOffice draws the deleted and inserted words).
    assert "overwegende dat het hard regent;" in text
    assert "overwegende dat het stormt;" in text
    assert "C. overwegende dat:" in text or "C.[B.] overwegende dat:" in text


# --- The PDF ------------------------------------------------------------------------------------


def test_pdf_shows_a_summary_then_the_marked_up_new_version(tmp_path: Path) -> None:
    import pdfplumber

    from drafter.render.html.pdf import render_redline_pdf

    data = minimal_data()
    old = loaded(tmp_path, "old.yaml", data)
    data["considerations"].insert(
        1, {"id": "windy", "nl": "overwegende dat het stormt;", "fr": "considérant qu’il tonne;"}
    )
    data["considerations"][0]["nl"] = "overwegende dat het hard regent;"
    data["requests"]["items"][0]["subparagraphs"].pop()
    data["requests"]["items"][1]["nl"] = "de subparagraaf [@sub-a] van verzoek [@first-request]."
    data["requests"]["items"][1]["fr"] = (
        "d’exécuter le sous-paragraphe [@sub-a] de la demande [@first-request]."
    )
    new = loaded(tmp_path, "new.yaml", data)
    pdf_bytes = render_redline_pdf(compare(old, new))
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        summary = " ".join((pdf.pages[0].extract_text() or "").split())
        assert "Vergelijking van twee versies" in summary
        assert "Comparaison de deux versions" in summary
        assert "Overwegingen / Considérants 1 0 1" in summary
        assert "Subparagrafen / Sous-paragraphes 0 1 0" in summary
        assert "DOC 55 1234/001" in summary and "ZITTING" not in summary
        assert "VOORSTEL VAN RESOLUTIE" in (pdf.pages[1].extract_text() or "")  # the cover
        pages = pdf.pages[2:]
        header = [w["text"] for w in pages[0].extract_words() if w["top"] < 60]
        assert "2" in header  # the summary does not count as a page of the document

        def coloured(page, colour: tuple[float, ...]) -> str:
            chars = [
                c
                for c in page.chars
                if tuple(round(v, 2) for v in c["non_stroking_color"] or ()) == colour
            ]
            return "".join(c["text"] for c in chars)

        inserted = "".join(coloured(page, (0.04, 0.31, 0.61)) for page in pages)
        deleted = "".join(coloured(page, (0.64, 0.09, 0.1)) for page in pages)
    assert "hard" in inserted and "overwegendedathetstormt;" in inserted.replace(" ", "")
    assert "B." in inserted  # the label of an inserted row is marked too
    assert "fasseautrechose;" in deleted.replace(" ", "")  # the deleted sub-paragraph b)
