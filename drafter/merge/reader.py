"""DOCX reader: the bytes of a DOCX that drafter built (and Word or LibreOffice saved) in,
the content of every paragraph drafter bookmarked out, as pieces of text with their
emphasis, footnote calls and tracked changes, and the comments anchored to them.

Only WordprocessingML is read (zipfile and lxml, no entities, no network): what a person
may have done to a run (split it, mark a spelling error, move a bookmark, type over it with
changes tracked) changes how the XML looks, not the text this reader gives back.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO

from lxml import etree

from drafter.document.anchors import (
    BOOKMARK_PREFIX,
    FOOTNOTE_REFERENCE,
    NOTE_NUMBER,
    WORD_JOINER,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "/officeDocument"
# Containers whose runs are read as if they stood in the paragraph itself.
_TRANSPARENT = frozenset(
    f"{{{W}}}{name}"
    for name in ("hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple", "dir")
)
_INSERTIONS = frozenset({f"{{{W}}}ins", f"{{{W}}}moveTo"})
_DELETIONS = frozenset({f"{{{W}}}del", f"{{{W}}}moveFrom"})
_OFF = frozenset({"0", "false", "off"})
# LibreOffice 25.2 saves the bookmarks of notes renamed "NAME_Copy_1" (and, saved again,
# "NAME_Copy_1_Copy_1"; it copies each note's
# text while reading the file).
_COPY_SUFFIX = re.compile(r"(_Copy_\d+)+$")
# The paragraph styles of what drafter writes without a bookmark (`render/docx/styles.py`):
# on the cover, and between tables, a paragraph in one of them is drafter's own; in the
# rows of fixed words (headings, the enacting formula, signatures, the date) it is drafter's
# own if it holds the words drafter writes there, which `merge` knows. A paragraph without a
# bookmark in any other style is new.
_COVER_STYLES = frozenset(
    {"CoverHeading", "CoverChamber", "CoverDocumentType", "SponsorsLine", "Separator"}
)
_FIXED_STYLES = frozenset({"PartHeading", "Salutation", "Sponsor", "EnactingFormula", "Date"})
# The size of a part past which the file is refused: a 200-page dossier's document part is
# a few MB, and a zip bomb should cost nothing.
MAX_PART_BYTES = 200_000_000


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class DocxError(Exception):
    """The file is not a DOCX drafter can read back; the message is a plain sentence."""


@dataclass(frozen=True)
class Revision:
    """A tracked change: `kind` is "insertion" or "deletion"; `key` tells changes apart."""

    kind: str
    author: str
    date: str
    key: int


@dataclass(frozen=True)
class Piece:
    """Text of one run (or a footnote call, with `note` the w:id of its note)."""

    text: str
    bold: bool = False
    italic: bool = False
    inserted: Revision | None = None
    deleted: Revision | None = None
    note: str | None = None


@dataclass(frozen=True)
class Comment:
    author: str
    date: str
    text: str


@dataclass(frozen=True)
class Added:
    """A paragraph drafter did not write, and where it stands in the DOCX."""

    pieces: list[Piece]
    place: str  # "table 3, row 2, left column"
    # (table, row, its place in its cell): paragraphs added with the same table and row
    # and place are one part's two languages.
    order: tuple[int, int, int] = (0, 0, 0)

    @property
    def text(self) -> str:
        return " ".join("".join(p.text for p in self.pieces if p.deleted is None).split())


@dataclass
class ReadParagraph:
    """A bookmarked paragraph: its pieces, its comments, the paragraphs drafter did not write
    that follow it in its column (in its cell, or in rows added below), and where it stands
    (`column`, the index of its cell in its row; -1 in a note)."""

    name: str
    pieces: list[Piece]
    place: str = ""
    column: int = -1
    table: int = 0  # the number of its table (0 in a note)
    comments: list[Comment] = field(default_factory=list)
    added: list[Added] = field(default_factory=list)
    deleted_row: Revision | None = None


@dataclass
class DocxContent:
    paragraphs: dict[str, ReadParagraph]
    # The w:id of each note that holds a drafter bookmark → that bookmark's name.
    notes: dict[str, str]
    # Comments anchored to no bookmarked paragraph (the cover, a heading).
    other_comments: list[Comment]
    # Notes without a drafter bookmark (made in Word), by w:id: their text.
    new_notes: dict[str, list[Piece]] = field(default_factory=dict)
    # Paragraphs drafter did not write that follow no bookmarked paragraph of their column.
    unplaced: list[Added] = field(default_factory=list)
    # Paragraphs without a bookmark in the styles of drafter's fixed words.
    fixed: list[Added] = field(default_factory=list)
    # How many tables the body has.
    tables: int = 0


def read_docx(data: bytes) -> DocxContent:
    """The bookmarked paragraphs of a DOCX; `DocxError` when it is not a DOCX drafter built."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        raise DocxError("it is not a DOCX file (a DOCX is a zip archive)") from None
    main = _main_part(archive)
    related = _related(archive, main)
    document = _xml(archive, main)
    notes_root = _xml(archive, related["footnotes"]) if "footnotes" in related else None
    comments = _comments(_xml(archive, related["comments"])) if "comments" in related else {}
    reader = _Reader(comments)
    reader.read(document)
    notes: dict[str, str] = {}
    new_notes: dict[str, list[Piece]] = {}
    if notes_root is not None:
        for note in notes_root.iter(w("footnote")):
            if note.get(w("type")) not in (None, "normal"):
                continue  # the separator lines
            if any(_drafters(start) for start in note.iter(w("bookmarkStart"))):
                notes[note.get(w("id"), "")] = reader.read(note)[0]
            else:
                new_notes[note.get(w("id"), "")] = [
                    piece for p in note.iter(w("p")) for piece in reader.pieces(p)
                ]
    if not reader.paragraphs:
        raise DocxError(
            "it was not built by drafter: it has none of the bookmarks drafter puts around "
            "each paragraph (build it with `drafter build --format docx`)"
        )
    other = [comment for key, comment in comments.items() if key not in reader.placed]
    tables = sum(1 for _ in document.iter(w("tbl")))
    return DocxContent(
        reader.paragraphs, notes, other, new_notes, reader.unplaced, reader.fixed, tables
    )


def _member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise DocxError(f"it is not a DOCX file: it has no {name}") from None
    if info.file_size > MAX_PART_BYTES:
        raise DocxError(
            f"its part {name} is {info.file_size:,} bytes, too large to be a resolution"
        )
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise DocxError(f"its part {name} cannot be read ({error})") from None


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _xml(archive: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        return etree.fromstring(_member(archive, name), _PARSER)
    except etree.XMLSyntaxError as error:
        raise DocxError(f"its part {name} is not well-formed XML ({error})") from None


def _relationships(archive: zipfile.ZipFile, name: str) -> list[tuple[str, str]]:
    """(type, target) of each relationship in the .rels part `name`, if it exists."""
    if name not in archive.namelist():
        return []
    root = _xml(archive, name)
    return [
        (element.get("Type", ""), element.get("Target", ""))
        for element in root.iter(f"{{{RELATIONSHIPS}}}Relationship")
        if element.get("TargetMode") != "External"
    ]


def _main_part(archive: zipfile.ZipFile) -> str:
    for kind, target in _relationships(archive, "_rels/.rels"):
        if kind.endswith(OFFICE_DOCUMENT):
            return target.lstrip("/")
    raise DocxError("it is not a DOCX file: it names no main document")


def _related(archive: zipfile.ZipFile, main: str) -> dict[str, str]:
    """The footnotes and comments parts of the main document, by the last word of their
    relationship type."""
    folder, name = posixpath.split(main)
    found: dict[str, str] = {}
    for kind, target in _relationships(archive, posixpath.join(folder, "_rels", f"{name}.rels")):
        word = kind.rsplit("/", 1)[-1]
        if word in ("footnotes", "comments"):
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found[word] = posixpath.normpath(path)
    return found


def _comments(root: etree._Element) -> dict[str, Comment]:
    comments: dict[str, Comment] = {}
    for comment in root.iter(w("comment")):
        paragraphs = [
            "".join(t.text or "" for t in paragraph.iter(w("t")))
            for paragraph in comment.iter(w("p"))
        ]
        comments[comment.get(w("id"), "")] = Comment(
            comment.get(w("author"), "unknown"),
            comment.get(w("date"), ""),
            " ".join(text for text in paragraphs if text),
        )
    return comments


class _Reader:
    """Reads the bookmarked paragraphs of one story (the body, or one note)."""

    def __init__(self, comments: dict[str, Comment]) -> None:
        self.comments = comments
        self.paragraphs: dict[str, ReadParagraph] = {}
        self.placed: set[str] = set()
        self.revision_keys: dict[str, Revision] = {}
        self.unplaced: list[Added] = []
        self.fixed: list[Added] = []

    def read(self, story: etree._Element) -> list[str]:
        """Read the bookmarked paragraphs of `story`, and the paragraphs drafter did not
        write; the names of the bookmarks found."""
        names: list[str] = []
        tables = {table: number for number, table in enumerate(story.iter(w("tbl")), start=1)}
        # The last bookmarked paragraph of each column of each table, and of the note.
        last: dict[tuple[etree._Element | None, int], ReadParagraph] = {}
        starts = [start for start in story.iter(w("bookmarkStart")) if _drafters(start)]
        owners: dict[etree._Element, str] = {}
        for start in starts:
            paragraph = _paragraph_of(start)
            if paragraph is not None and paragraph not in owners:
                owners[paragraph] = _COPY_SUFFIX.sub("", start.get(w("name"), ""))
        for paragraph in story.iter(w("p")):
            table, column, place, order = _place(paragraph, tables)
            in_cell = len(list(paragraph.itersiblings(w("p"), preceding=True)))
            name = owners.get(paragraph)
            host = last.get((table, column))
            style = _style(paragraph) if story.tag != w("footnote") else None
            if name is not None:
                host = ReadParagraph(name, self.pieces(paragraph), place, column, order[0])
                host.deleted_row = self._deleted_row(paragraph)
                self.paragraphs[name] = host
                last[(table, column)] = host
                names.append(name)
            elif style in _COVER_STYLES:
                continue  # the cover, the space between tables: no source text to point at
            else:
                added = Added(self.pieces(paragraph), place, (*order, in_cell))
                if not added.text:
                    continue
                if style in _FIXED_STYLES:
                    self.fixed.append(added)
                    continue  # a heading, a signature: no source text to point at
                if host is None:
                    self.unplaced.append(added)
                    continue
                host.added.append(added)
            for key in _comment_ids(paragraph):
                if key in self.comments and key not in self.placed:
                    self.placed.add(key)
                    host.comments.append(self.comments[key])
        return names

    def _revision(self, element: etree._Element, kind: str) -> Revision:
        # Its path, not id(): lxml makes a new proxy (and id) each time an element is found
        # again, so a row's mark, found from each of its cells, would count twice.
        key = element.getroottree().getpath(element)
        if key not in self.revision_keys:
            self.revision_keys[key] = Revision(
                kind,
                element.get(w("author"), "unknown"),
                element.get(w("date"), ""),
                len(self.revision_keys),
            )
        return self.revision_keys[key]

    def _deleted_row(self, paragraph: etree._Element) -> Revision | None:
        """The tracked deletion of the table row the paragraph stands in, if any."""
        row = next(paragraph.iterancestors(w("tr")), None)
        mark = row.find(f"{w('trPr')}/{w('del')}") if row is not None else None
        return self._revision(mark, "deletion") if mark is not None else None

    def pieces(self, paragraph: etree._Element) -> list[Piece]:
        pieces: list[Piece] = []
        self._walk(paragraph, None, None, pieces)
        return pieces

    def _walk(
        self,
        element: etree._Element,
        inserted: Revision | None,
        deleted: Revision | None,
        pieces: list[Piece],
    ) -> None:
        for child in element:
            tag = child.tag
            if tag == w("r"):
                self._run(child, inserted, deleted, pieces)
            elif tag in _INSERTIONS:
                self._walk(child, self._revision(child, "insertion"), deleted, pieces)
            elif tag in _DELETIONS:
                self._walk(child, inserted, self._revision(child, "deletion"), pieces)
            elif tag in _TRANSPARENT:
                self._walk(child, inserted, deleted, pieces)

    def _run(
        self,
        run: etree._Element,
        inserted: Revision | None,
        deleted: Revision | None,
        pieces: list[Piece],
    ) -> None:
        properties = run.find(w("rPr"))
        style = properties.find(w("rStyle")) if properties is not None else None
        style_name = style.get(w("val")) if style is not None else None
        if style_name == NOTE_NUMBER:
            return  # the typed number before a call: drafter's, not the text's
        bold, italic = _on(properties, "b"), _on(properties, "i")
        for child in run:
            tag = child.tag
            text = ""
            if tag in (w("t"), w("delText")):
                text = (child.text or "").replace(WORD_JOINER, "")
            elif tag in (w("tab"), w("br"), w("cr")):
                text = " "
            elif tag == w("noBreakHyphen"):
                text = "-"
            elif tag == w("footnoteReference"):
                note = child.get(w("id"), "")
                pieces.append(Piece("", bold, italic, inserted, deleted, note))
                continue
            if text and style_name != FOOTNOTE_REFERENCE:
                pieces.append(Piece(text, bold, italic, inserted, deleted))


def _on(properties: etree._Element | None, name: str) -> bool:
    """Whether the run's own formatting turns `name` (b, i) on."""
    if properties is None:
        return False
    toggle = properties.find(w(name))
    return toggle is not None and toggle.get(w("val"), "true").lower() not in _OFF


def _paragraph_of(start: etree._Element) -> etree._Element | None:
    """The paragraph a bookmark marks: the one it stands in, or, when an editor moved its
    start out of the paragraph (before it, in the cell), the next one."""
    paragraph = next(start.iterancestors(w("p")), None)
    if paragraph is not None:
        return paragraph
    following = next(start.itersiblings(w("p")), None)
    return following if following is not None else next(start.iterdescendants(w("p")), None)


def _drafters(start: etree._Element) -> bool:
    """Whether a bookmark is one drafter put around a paragraph."""
    return start.get(w("name"), "").startswith(BOOKMARK_PREFIX)


def _style(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return style.get(w("val")) if style is not None else None


def _place(
    paragraph: etree._Element, tables: dict[etree._Element, int]
) -> tuple[etree._Element | None, int, str, tuple[int, int]]:
    """The table and column index of a paragraph, where it stands in plain words ("table
    3, row 2, left column"), and the numbers of its table and row; outside a table (in a
    note), its table is None."""
    cell = next(paragraph.iterancestors(w("tc")), None)
    if cell is None:
        before = next(paragraph.itersiblings(w("tbl"), preceding=True), None)
        where = f"after table {tables[before]}" if before is not None else "before the tables"
        return None, -1, f"the paragraph {where}", (0, 0)
    row = cell.getparent()
    table = row.getparent()
    cells = row.findall(w("tc"))
    column = cells.index(cell)
    side = ("left", "right")[column] + " column" if len(cells) == 2 else f"column {column + 1}"
    row_number = table.findall(w("tr")).index(row) + 1
    number = tables.get(table, 0)
    return table, column, f"table {number}, row {row_number}, {side}", (number, row_number)


def _comment_ids(paragraph: etree._Element) -> list[str]:
    return [
        element.get(w("id"), "")
        for element in paragraph.iter(w("commentRangeStart"), w("commentReference"))
    ]
