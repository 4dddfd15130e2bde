"""Accept All and Reject All on a DOCX, as Word applies them, and what a reader then sees.

Used by tests/test_redline.py and bench/bench.py (on drafter's redlines and on those of other
comparison tools alike), so it knows nothing about drafter: only WordprocessingML.

- Accept All: a `w:del` goes with what it holds, a `w:ins` leaves what it holds in place; a
  paragraph whose mark is deleted is joined to the next paragraph (gone, when it is empty by
  then), a table row marked deleted goes with its cells, and a table left without rows.
- Reject All: the same with `w:ins` and `w:del` swapped, deleted text (`w:delText`) becoming
  text again.
- A tracked change of a paragraph's formatting (`w:pPrChange`): Accept All keeps the
  paragraph's properties, Reject All puts back the ones the change holds.

With `exact`, a paragraph or row whose mark goes must be empty by then: drafter never relies
on Word joining paragraphs or dropping text that is not itself marked (`NotResolvable`).

`reader_view` is what a reader of the result sees, part by part: every paragraph of the
body in order with its style, the label Word draws for it (native numbering) and its text
(with, in strict mode, the bold, italic, character style and language of each stretch, and
the paragraph's own formatting: spacing, alignment, keep with next, page break before, …);
every footnote in the order it is called; every header and footer.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
TEXT_PARTS = ("word/document.xml", "word/footnotes.xml")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class NotResolvable(AssertionError):
    """In exact mode: a paragraph or table row whose mark goes still holds text."""


def parts(data: bytes) -> dict[str, etree._Element]:
    """The XML parts that hold text: body, footnotes, headers, footers, numbering."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    wanted = [
        name
        for name in archive.namelist()
        if name in (*TEXT_PARTS, "word/numbering.xml")
        or (name.startswith(("word/header", "word/footer")) and name.endswith(".xml"))
    ]
    return {name: etree.fromstring(archive.read(name)) for name in wanted}


def revision_marks(tree: etree._Element) -> list[etree._Element]:
    """Every w:ins and w:del (of runs, of paragraph marks, of table rows)."""
    return [element for element in tree.iter(w("ins"), w("del"))]


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    _remove(element)


def _remove(element: etree._Element) -> None:
    """Remove an element, keeping its tail text (there is none in WordprocessingML)."""
    element.getparent().remove(element)


def _has_text(element: etree._Element) -> bool:
    return any(True for _ in element.iter(w("r")))


# What a paragraph's w:pPr holds besides its formatting: the paragraph mark's run properties,
# a section break, and a tracked change of the formatting (w:pPrChange).
_NOT_FORMATTING = (w("rPr"), w("sectPr"), w("pPrChange"))


def _restore_formatting(change: etree._Element) -> None:
    """Reject a w:pPrChange: the paragraph's formatting becomes the one the change holds."""
    properties = change.getparent()
    for child in list(properties):
        if child.tag not in _NOT_FORMATTING:
            _remove(child)
    old = change.find("w:pPr", NS)
    for offset, child in enumerate([] if old is None else list(old)):
        properties.insert(offset, child)


def resolve(tree: etree._Element, accept: bool, exact: bool = True) -> etree._Element:
    """Accept (or reject) every tracked change of one part, in place."""
    keep, drop = ("ins", "del") if accept else ("del", "ins")
    marks = [
        element
        for element in tree.iter(w("ins"), w("del"))
        if element.getparent().tag not in (w("rPr"), w("trPr"))
    ]
    for element in marks:
        if element.tag == w(drop):
            _remove(element)
        else:
            _unwrap(element)
    if not accept:
        for element in tree.iter(w("delText"), w("delInstrText")):
            element.tag = w("t") if element.tag == w("delText") else w("instrText")
    for change in list(tree.iter(w("pPrChange"))):
        if not accept:
            _restore_formatting(change)
        _remove(change)
    for row in list(tree.iter(w("tr"))):
        mark = row.find(f"w:trPr/w:{drop}", NS)
        if mark is not None:
            if exact and _has_text(row):
                raise NotResolvable("a table row marked as removed still holds text")
            _remove(row)
        else:
            for mark in row.findall(f"w:trPr/w:{keep}", NS):
                _remove(mark)
    for paragraph in list(tree.iter(w("p"))):
        mark = paragraph.find(f"w:pPr/w:rPr/w:{drop}", NS)
        if mark is not None:
            following = paragraph.getnext()
            if _has_text(paragraph):
                if exact:
                    raise NotResolvable("a paragraph whose mark is removed still holds text")
                if following is not None and following.tag == w("p"):
                    content = [child for child in paragraph if child.tag != w("pPr")]
                    at = 1 if following.find("w:pPr", NS) is not None else 0
                    for offset, child in enumerate(content):
                        following.insert(at + offset, child)
                else:  # the last paragraph of a cell or before a table stays
                    mark.getparent().remove(mark)
                    continue
            _remove(paragraph)
        else:
            for mark in paragraph.findall(f"w:pPr/w:rPr/w:{keep}", NS):
                _remove(mark)
    for table in list(tree.iter(w("tbl"))):
        if table.find("w:tr", NS) is None:
            _remove(table)
    return tree


def accept_all(data: bytes, exact: bool = True) -> dict[str, etree._Element]:
    return {name: resolve(tree, True, exact) for name, tree in parts(data).items()}


def reject_all(data: bytes, exact: bool = True) -> dict[str, etree._Element]:
    return {name: resolve(tree, False, exact) for name, tree in parts(data).items()}


# --- What a reader sees -----------------------------------------------------------------------


def _counter(number_format: str, number: int) -> str:
    if number_format == "decimal":
        return str(number)
    letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
    return letter.upper() if number_format == "upperLetter" else letter


class _Labels:
    """The labels Word draws for numbered paragraphs, counted in document order."""

    def __init__(self, numbering: etree._Element | None) -> None:
        self.definitions: dict[str, tuple[str, str]] = {}
        self.instances: dict[str, tuple[str, int]] = {}
        self.counts: Counter[str] = Counter()
        if numbering is None:
            return
        for element in numbering.findall("w:abstractNum", NS):
            level = element.find("w:lvl", NS)
            self.definitions[element.get(w("abstractNumId"))] = (
                level.find("w:numFmt", NS).get(w("val")),
                level.find("w:lvlText", NS).get(w("val")),
            )
        for element in numbering.findall("w:num", NS):
            start = element.xpath("string(w:lvlOverride/w:startOverride/@w:val)", namespaces=NS)
            self.instances[element.get(w("numId"))] = (
                element.find("w:abstractNumId", NS).get(w("val")),
                int(start or 1),
            )

    def label(self, paragraph: etree._Element) -> str:
        num_id = paragraph.find("w:pPr/w:numPr/w:numId", NS)
        if num_id is None or num_id.get(w("val")) not in self.instances:
            return ""
        key = num_id.get(w("val"))
        abstract, start = self.instances[key]
        number_format, text = self.definitions[abstract]
        number = start + self.counts[key]
        self.counts[key] += 1
        return text.replace("%1", _counter(number_format, number))


def _run_format(run: etree._Element) -> tuple[str, ...]:
    properties = run.find("w:rPr", NS)
    if properties is None:
        return ("", "", "", "")
    style = properties.find("w:rStyle", NS)
    language = properties.find("w:lang", NS)
    return (
        "" if style is None else style.get(w("val")),
        "b" if properties.find("w:b", NS) is not None else "",
        "i" if properties.find("w:i", NS) is not None else "",
        "" if language is None else language.get(w("val")),
    )


def note_marks(document: etree._Element) -> dict[str, str]:
    """The mark each footnote shows, by footnote id, as Word and LibreOffice draw it: a
    call with a custom mark shows the text that follows it in its run; the others are
    numbered 1, 2, 3 … in document order (custom marks do not count, ECMA-376 17.11.14)."""
    marks: dict[str, str] = {}
    count = 0
    for reference in document.iter(w("footnoteReference")):
        if reference.get(w("customMarkFollows")) in ("1", "true", "on"):
            marks[reference.get(w("id"))] = "".join(
                sibling.text or "" for sibling in reference.itersiblings(w("t"))
            )
        else:
            count += 1
            marks[reference.get(w("id"))] = str(count)
    return marks


def _run_text(run: etree._Element, marks: dict[str, str], note: str | None) -> str:
    """The text a run shows: its text and tabs, the number of a call the application
    numbers, and (in a footnote) the note's own mark where `w:footnoteRef` stands."""
    parts = []
    for child in run:
        if child.tag == w("t"):
            parts.append(child.text or "")
        elif child.tag == w("tab"):
            parts.append("\t")
        elif child.tag == w("footnoteReference") and child.get(w("customMarkFollows")) is None:
            parts.append(marks.get(child.get(w("id")), ""))
        elif child.tag == w("footnoteRef") and note is not None:
            parts.append(marks.get(note, ""))
    return "".join(parts)


def paragraph_view(
    paragraph: etree._Element,
    labels: _Labels,
    strict: bool,
    marks: dict[str, str] | None = None,
    note: str | None = None,
) -> tuple[object, ...]:
    """A paragraph's style, the label drawn for it and its text (with, in strict mode, the
    formatting of each stretch); `marks` (from `note_marks`) gives the numbers of the calls
    the application numbers, and `note` the id of the footnote the paragraph is in."""
    style = paragraph.find("w:pPr/w:pStyle", NS)
    spans: list[list] = []
    for run in paragraph.iter(w("r")):
        text = _run_text(run, marks or {}, note)
        if not text:
            continue
        form = _run_format(run) if strict else ()
        if spans and spans[-1][1] == form:
            spans[-1][0] += text
        else:
            spans.append([text, form])
    label = labels.label(paragraph)
    text = "".join(span[0] for span in spans)
    view: tuple[object, ...] = (None if style is None else style.get(w("val")), label, text)
    if strict:
        view += (tuple((text, *form) for text, form in spans), _formatting(paragraph))
    return view


def _formatting(paragraph: etree._Element) -> tuple[str, ...]:
    """A paragraph's direct formatting besides its style and numbering (shown apart), as
    canonical XML: spacing, indents, alignment, keep with next, page break before, …"""
    properties = paragraph.find("w:pPr", NS)
    if properties is None:
        return ()
    return tuple(
        etree.tostring(child, method="c14n", exclusive=True).decode()
        for child in properties
        if child.tag not in (*_NOT_FORMATTING, w("pStyle"), w("numPr"))
    )


@dataclass
class ReaderView:
    body: list[tuple[object, ...]]
    footnotes: list[list[tuple[object, ...]]]
    margins: dict[str, list[tuple[object, ...]]]


def reader_view(resolved: dict[str, etree._Element], strict: bool = True) -> ReaderView:
    """What a reader sees in a document without tracked changes (or after resolving them)."""
    labels = _Labels(resolved.get("word/numbering.xml"))
    document = resolved["word/document.xml"]
    marks = note_marks(document)
    body = [paragraph_view(p, labels, strict, marks) for p in document.iter(w("p"))]
    notes: dict[str, etree._Element] = {}
    if "word/footnotes.xml" in resolved:
        notes = {
            note.get(w("id")): note for note in resolved["word/footnotes.xml"].iter(w("footnote"))
        }
    footnotes = []
    for reference in document.iter(w("footnoteReference")):
        note = notes.get(reference.get(w("id")))
        paragraphs = [] if note is None else note.iter(w("p"))
        footnotes.append(
            [
                paragraph_view(p, _Labels(None), strict, marks, reference.get(w("id")))
                for p in paragraphs
            ]
        )
    margins = {
        name: [paragraph_view(p, _Labels(None), strict) for p in tree.iter(w("p"))]
        for name, tree in sorted(resolved.items())
        if name.startswith(("word/header", "word/footer"))
    }
    return ReaderView(body, footnotes, margins)


def first_difference(first: ReaderView, second: ReaderView) -> str | None:
    """A description of the first place the two views differ, or None when they are equal."""
    for part in ("body", "footnotes", "margins"):
        a, b = getattr(first, part), getattr(second, part)
        if a == b:
            continue
        if isinstance(a, dict):
            return f"{part}: {a} != {b}"
        for index, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return f"{part}[{index}]: {x!r} != {y!r}"
        return f"{part}: {len(a)} entries != {len(b)} entries"
    return None
