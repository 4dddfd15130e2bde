"""DOCX writer: a resolved `Resolution` in, the bytes of an editable Word document out.

The document walks the layout plan (`layout.py`) like the PDF does, and is made of the
structures a Word expert would use by hand, so co-sponsors and the Chamber's services can
edit it in Word or LibreOffice:

- a named paragraph style for every kind of row (Consideration, Request, Sub-paragraph, …),
  for the cover and for footnotes, so the look is changed in one place;
- native numbering (numbering.xml): the labels "A.", "1.", "a)", "1°" are drawn by Word from
  list definitions, never typed, so inserting a consideration moves the following letters.
  One list definition per numbering style and column, so Dutch and French count on their
  own; one list instance (`w:num`, restarted at 1) per enumeration, so each consideration's
  items start at 1°;
- real footnotes, one per call and language: the Dutch call leads to the Dutch text, the
  French call to the French text. Word keeps one count of a section's notes (a note called
  in both columns would become 171 and 172), so the calls of one column, which calls the
  notes in drafter's order, are numbered by the application, and the other column's calls
  carry drafter's number as a custom mark (`w:customMarkFollows`), which the application
  does not count (ECMA-376 Part 1, 17.11.14). A note added before others thus renumbers the
  first column by itself, in Word and LibreOffice. Each note's text starts with its mark as
  `w:footnoteRef`, drawn by the application: a mark typed there, LibreOffice shows twice;
- the two languages side by side in borderless two-column tables, one row per pair of
  paragraphs, rows allowed to break across pages, one table per block (a memorandum
  section, the list of considerations, the list of requests); each part of the document
  starts on a new page, as in the PDF;
- a cover page without header or footer, then a header with the document number and a PAGE
  field (mirrored on even pages, as in the PDF) and a footer with the session line;
- every Dutch run marked nl-BE and every French run fr-BE, for spelling and hyphenation;
- core properties from the source, and fixed dates in the zip, so the same source gives the
  same bytes.

Cross-references are written as text with the labels the resolver computed, not as REF
fields to bookmarks. A reference prints drafter's reference form of a label ("A", "1", "a)",
"1°"), which is not the label as drawn ("A.", "1."); Word's REF switches (`\\r`, `\\n`, `\\t`)
only choose between Word's own forms of a paragraph number, and a field shows its cached
text only until Word or LibreOffice updates it, each by its own rules. A field could thus
show a reader something other than the PDF; text cannot. The price: a reference does not
follow a renumbering made in Word; drafter's YAML source is where parts are renumbered.

Raw XML is built in `wordml.py` only; this module uses python-docx and those helpers.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.shared import Mm, Pt, Twips
from docx.styles.style import BaseStyle
from docx.styles.styles import Styles
from docx.table import Table
from docx.text.paragraph import Paragraph

from drafter import __version__
from drafter.document import model, numbering
from drafter.document.inline import (
    Bold,
    Deleted,
    FootnoteCall,
    Inline,
    Inserted,
    Italic,
    Reference,
    Str,
)
from drafter.document.plan import Plan, Row
from drafter.document.redline import DELETED, INSERTED, Redline
from drafter.render.docx import wordml
from drafter.resolve import layout

# Page geometry, as in the PDF's stylesheet (templates/resolution.css): A4, 16 mm side
# margins, 8 mm between the columns.
PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
SIDE_MARGIN = Mm(16)
TEXT_WIDTH = PAGE_WIDTH.twips - 2 * SIDE_MARGIN.twips
HALF_GAP = Mm(4).twips
COLUMN_WIDTH = TEXT_WIDTH // 2 + HALF_GAP  # a cell, margins included
FONT = "Arial"  # LibreOffice shows Liberation Sans, the PDF's font, which has its metrics
APPLICATION = f"drafter {__version__}"

# The same pattern as the HTML writer's: a URL ends before closing punctuation.
_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)”’]")


@dataclass(frozen=True)
class _ParagraphStyle:
    name: str
    size: float | None = None  # points; None: Normal's 9 pt
    bold: bool = False
    justify: bool = False
    before: float = 0  # millimetres
    after: float = 2.2
    keep_with_next: bool = False
    hyphenate: bool = True
    style_id: str | None = None  # for Word's built-in styles ("footnote text")
    outline_level: int | None = None  # a heading's level in Word's Navigation pane (0: top)


# One style per kind of row (ROW_KINDS).
ROW_STYLES: dict[str, _ParagraphStyle] = {
    "part-heading": _ParagraphStyle(
        "Part Heading",
        size=11,
        bold=True,
        before=4,
        after=5,
        keep_with_next=True,
        hyphenate=False,
        outline_level=0,
    ),
    "salutation": _ParagraphStyle("Salutation", after=4, keep_with_next=True),
    "section-title": _ParagraphStyle(
        "Section Heading",
        bold=True,
        before=3,
        after=2.5,
        keep_with_next=True,
        hyphenate=False,
        outline_level=1,
    ),
    "paragraph": _ParagraphStyle("Memorandum Paragraph", justify=True),
    "memorandum-item": _ParagraphStyle("Memorandum Item", justify=True),
    "sponsor": _ParagraphStyle("Sponsor", after=1, hyphenate=False),
    "enacting": _ParagraphStyle("Enacting Formula", after=4, keep_with_next=True),
    "consideration": _ParagraphStyle("Consideration", justify=True),
    "item": _ParagraphStyle("Item", justify=True),
    "request-lead": _ParagraphStyle(
        "Request Lead", bold=True, before=2, after=3, keep_with_next=True
    ),
    "request": _ParagraphStyle("Request", justify=True),
    "subparagraph": _ParagraphStyle("Sub-paragraph", justify=True),
    "date": _ParagraphStyle("Date", before=6, hyphenate=False),
}

COVER_HEADING = _ParagraphStyle("Cover Heading", size=16, bold=True, after=14, hyphenate=False)
COVER_CHAMBER = _ParagraphStyle("Cover Chamber", size=12, bold=True, after=30, hyphenate=False)
COVER_TYPE = _ParagraphStyle("Cover Document Type", size=14, bold=True, after=6, hyphenate=False)
TITLE = _ParagraphStyle("Resolution Title", size=12, after=8, hyphenate=False)
SPONSORS_LINE = _ParagraphStyle("Sponsors Line", size=10, after=0, hyphenate=False)
FOOTNOTE_TEXT = _ParagraphStyle("footnote text", size=7, after=1, style_id="FootnoteText")
# Between two tables (Word needs a paragraph there); as small as a paragraph can be.
SEPARATOR = _ParagraphStyle("Separator", size=1, after=0)
PARAGRAPH_STYLES = (
    *ROW_STYLES.values(), COVER_HEADING, COVER_CHAMBER, COVER_TYPE, TITLE, SPONSORS_LINE,
    FOOTNOTE_TEXT, SEPARATOR,
)  # fmt: skip

# Rows that open a new table in the body (see _Writer._body).
BLOCK_STARTS = frozenset({"section-title", "consideration", "request-lead", "request"})
# The rows a list of considerations or requests is made of: such a list is one table, so
# that a consideration or request inserted or deleted in a redline is a table row, with no
# paragraph between tables to come and go with it.
LIST_ROWS = {
    "consideration": frozenset({"consideration", "item"}),
    "request": frozenset({"request", "subparagraph", "item"}),
}

FOOTNOTE_REFERENCE = "FootnoteReference"
HYPERLINK = "Hyperlink"
FILING_DATE = "FilingDate"


def render_docx(resolution: model.Resolution) -> bytes:
    """The DOCX of a resolved resolution (from `drafter.load`): same bytes for the same source."""
    return _Writer(layout.plan(resolution), resolution.filed).build()


def render_redline_docx(redline: Redline, author: str, date: str) -> bytes:
    """The DOCX of a redline (`redline.compare`): the new version's document with every
    difference from the old one as a Word tracked change by `author` at `date` (ISO 8601,
    "2021-01-25T10:00:00Z"). The same redline, author and date give the same bytes."""
    return _RedlineWriter(redline, author, date).build()


def _style_id(style: _ParagraphStyle) -> str:
    return style.style_id or style.name.replace(" ", "")


class _Writer:
    """Builds one document; holds the numbering and footnote counters while doing so."""

    def __init__(self, plan: Plan, filed: datetime.date) -> None:
        self.plan = plan
        self.filed = filed
        self.document = docx.Document()
        self.tags = dict(zip(plan.columns, plan.metadata.languages, strict=True))
        self.notes = {note.id: note for note in plan.footnotes}
        self.numbering = self.document.part.numbering_part.element
        self.next_abstract, self.next_num = wordml.numbering_ids(self.numbering)
        self.abstracts: dict[str, int] = {}
        self.nums: dict[tuple[str, str], int] = {}
        self.footnotes = wordml.add_footnotes_part(self.document.part)
        self.next_footnote = 1
        # The column whose calls Word and LibreOffice number themselves (see _footnote).
        self.numbered_column = _column_numbered_by_application([plan])
        self.list_lengths = Counter(row.list_key for row in plan.rows)
        self.links: dict[tuple[str, str], str] = {}
        # Per paragraph style of a row: the list of its first paragraph in the first column,
        # or None once a paragraph of that style is not natively numbered (see _list_styles).
        self.style_lists: dict[str, int | None] = {}
        # Tracked changes (a redline only): the kind of change being written ("ins" or "del",
        # None for plain text), the w:ins or w:del that runs go into, and who made them when.
        self.change: str | None = None
        self.container: tuple[wordml.Element, str] | None = None
        self.author = ""
        self.date = ""
        self.next_revision = 1

    def build(self) -> bytes:
        self._page_setup()
        self._styles()
        self._header_and_footer()
        self._cover()
        self._body()
        self._list_styles()
        self._properties()
        self._drop_unused_styles()
        stream = io.BytesIO()
        self.document.save(stream)
        return _reproducible_zip(stream.getvalue(), self.filed)

    # --- Document set-up ---------------------------------------------------------------------

    def _list_styles(self) -> None:
        """The numbering of a list in the style of its paragraphs (Consideration, Request,
        Item, …), so that a paragraph a Word user sets in that style is numbered too; it
        joins the style's first list in the first column (a user's new consideration is
        lettered in the Dutch count). Every paragraph drafter writes names its own list
        (each column and enumeration counts on its own), which wins over its style's. A
        style some of whose paragraphs are not natively numbered (typed labels past Z) gets
        no numbering: Word would draw a label before the typed one."""
        styles = self.document.styles.element
        for style in styles.findall(wordml.qn("w:style")):
            num_id = self.style_lists.get(style.get(wordml.qn("w:styleId")))
            if num_id is not None:
                wordml.number_style(style, num_id)

    def _drop_unused_styles(self) -> None:
        """python-docx's template brings some 150 styles and nine lists drafter never uses;
        a Word user picking a style should find drafter's, and Word's defaults, only."""
        styles = self.document.styles.element
        parts = [
            part.element
            for part in self.document.part.package.iter_parts()
            if isinstance(part, XmlPart) and part.element not in (styles, self.numbering)
        ]
        wordml.keep_only_lists(
            self.numbering, set().union(*(wordml.list_references(part) for part in parts))
        )
        used = set().union(*(wordml.style_references(part) for part in [*parts, self.numbering]))
        wordml.keep_only_styles(styles, used)

    def _page_setup(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = SIDE_MARGIN
        section.top_margin, section.bottom_margin = Mm(22), Mm(20)
        section.header_distance, section.footer_distance = Mm(12), Mm(10)
        section.different_first_page_header_footer = True  # the cover has neither
        settings = self.document.settings
        settings.odd_and_even_pages_header_footer = True
        wordml.settings_for_bilingual_text(settings.element, self.tags[self.plan.columns[0]])
        wordml.footnote_settings(settings.element)
        # The template's Word 2010 "stylesWithEffects" copy of styles.xml would not know ours.
        for rel_id, rel in list(self.document.part.rels.items()):
            if rel.reltype.endswith("/stylesWithEffects"):
                self.document.part.drop_rel(rel_id)
        wordml.replace_extended_properties(self.document.part.package, APPLICATION)

    def _styles(self) -> None:
        styles = self.document.styles
        wordml.document_defaults(styles.element, FONT, 18, self.tags[self.plan.columns[0]])
        normal = styles["Normal"].paragraph_format
        normal.space_after = Pt(0)
        normal.line_spacing = 1.32
        normal.widow_control = True
        for spec in PARAGRAPH_STYLES:
            self._paragraph_style(styles, spec)
        footnote_text = styles["footnote text"]
        footnote_text.paragraph_format.line_spacing = 1.25
        footnote_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        separator = styles["Separator"].paragraph_format
        separator.line_spacing = Pt(1)
        reference = self._character_style(styles, "footnote reference", FOOTNOTE_REFERENCE)
        reference.font.superscript = True
        self._character_style(styles, "Hyperlink", HYPERLINK)
        filing_date = self._character_style(styles, "Filing Date", FILING_DATE, builtin=False)
        filing_date.font.size, filing_date.font.bold = Pt(9), False
        for name, size, bold, spacing in (("Header", 8, True, 0), ("Footer", 6.5, False, 16)):
            style = styles[name]
            style.font.size, style.font.bold = Pt(size), bold
            tabs = style.paragraph_format.tab_stops
            tabs.clear_all()  # the template's stops are set for US Letter
            tabs.add_tab_stop(Twips(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
            if spacing:
                wordml.character_spacing(wordml.properties_of(style.element, "w:rPr"), spacing)
        cover = styles["Cover Heading"]
        wordml.bottom_border(wordml.properties_of(cover.element, "w:pPr"), 5, 10)
        stops = cover.paragraph_format.tab_stops
        for position in _cover_date_positions():
            stops.add_tab_stop(Twips(position))

    def _paragraph_style(self, styles: Styles, spec: _ParagraphStyle) -> None:
        style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH, builtin=bool(spec.style_id))
        style.style_id = _style_id(spec)
        style.base_style = styles["Normal"]
        style.quick_style = spec.style_id is None
        paragraph = style.paragraph_format
        paragraph.space_before, paragraph.space_after = Mm(spec.before), Mm(spec.after)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if spec.justify else None
        if spec.keep_with_next:
            paragraph.keep_with_next = True
        if spec.size:
            style.font.size = Pt(spec.size)
        if spec.bold:
            style.font.bold = True
        if not spec.hyphenate:
            wordml.suppress_auto_hyphens(wordml.properties_of(style.element, "w:pPr"))
        if spec.outline_level is not None:
            wordml.outline_level(wordml.properties_of(style.element, "w:pPr"), spec.outline_level)

    @staticmethod
    def _character_style(
        styles: Styles, name: str, style_id: str, builtin: bool = True
    ) -> BaseStyle:
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER, builtin=builtin)
        style.style_id = style_id
        style.base_style = styles["Default Paragraph Font"]
        return style

    def _cover_texts(self) -> dict[str, dict[str, list[Inline]]]:
        """The cover's texts that are plain strings in the plan, as inline text per language:
        "doc_number", "filed", "sponsors" and "session" (the footer's session line)."""
        cover = self.plan.cover
        return {
            "doc_number": {language: [Str(cover.doc_number)] for language in self.plan.columns},
            "filed": {language: [Str(cover.filed[language])] for language in self.plan.columns},
            "sponsors": {
                language: [Str(cover.sponsors[language])] for language in self.plan.columns
            },
            "session": {language: [Str(cover.session[language])] for language in self.plan.columns},
        }

    def _header_and_footer(self) -> None:
        section = self.document.sections[0]
        first_language, second_language = self.plan.columns
        left = self.tags[first_language]
        texts = self._cover_texts()
        doc_number = texts["doc_number"][first_language]
        for header, page_first in ((section.header, False), (section.even_page_header, True)):
            paragraph = header.paragraphs[0]._p
            number = wordml.field_runs("PAGE", "2" if page_first else "3", left)
            if page_first:
                paragraph.extend([*number, wordml.tab_run(left)])
            self._inlines(paragraph, header.part, doc_number, first_language)
            if not page_first:
                paragraph.extend([wordml.tab_run(left), *number])
        for footer in (section.footer, section.even_page_footer):
            paragraph = footer.paragraphs[0]._p
            paragraph.style = "Footer"
            self._inlines(paragraph, footer.part, texts["session"][first_language], first_language)
            paragraph.append(wordml.tab_run(left))
            self._inlines(
                paragraph, footer.part, texts["session"][second_language], second_language
            )
        # Empty first-page header and footer: nothing on the cover.
        section.first_page_header.is_linked_to_previous = False
        section.first_page_footer.is_linked_to_previous = False

    # --- Content ------------------------------------------------------------------------------

    def _cover(self) -> None:
        cover = self.plan.cover
        columns = self.plan.columns
        texts = self._cover_texts()
        part = self.document.part
        heading = self.document.add_paragraph()._p
        heading.style = _style_id(COVER_HEADING)
        wordml.paragraph_language(heading, self.tags[columns[0]])
        self._inlines(heading, part, texts["doc_number"][columns[0]], columns[0])
        for language in columns:
            heading.append(wordml.tab_run(self.tags[language], style=FILING_DATE))
            self._inlines(heading, part, texts["filed"][language], language, style=FILING_DATE)
        table = self._table()
        for style, row_texts in (
            (COVER_CHAMBER, {language: [Str(cover.chamber[language])] for language in columns}),
            (COVER_TYPE, {language: [Str(cover.document_type[language])] for language in columns}),
            (TITLE, cover.title),
            (SPONSORS_LINE, texts["sponsors"]),
        ):
            cells = table.add_row()._tr.tc_lst
            for language, cell in zip(columns, cells, strict=True):
                paragraph = cell.p_lst[0]
                paragraph.style = _style_id(style)
                wordml.paragraph_language(paragraph, self.tags[language])
                self._inlines(paragraph, part, row_texts[language], language)

    def _body(self) -> None:
        """One borderless table per block: the opening of a part, each memorandum section,
        the signatures, the enacting formula with the considerations (and their items), the
        operative part's lead with the requests (and their items and sub-paragraphs). A
        part starts on a new page, as in the PDF. Between two tables stands an invisible
        separator paragraph: Word joins adjacent tables, and so does LibreOffice 25.2 (which
        then also drops the page break before a part).

        Blocks rather than one table per part: LibreOffice lays out footnotes in long tables
        in more than linear time (the ten-times synthetic resolution as one table per part
        did not convert in 13 minutes in LibreOffice 25.2; as blocks, in 20 s), and Word
        users edit them alike. A list of considerations or of requests is one table, so that
        a consideration or request inserted or deleted in a redline is a table row only,
        with no separator that comes or goes with it (LibreOffice's Accept and Reject leave
        such a paragraph standing).
        """
        previous: Row | None = None
        table: Table | None = None
        for row in self.plan.rows:
            if table is None or row.kind == "part-heading":
                table = self._new_table(page_break=True)
            elif self._starts_block(row, previous):
                table = self._new_table(page_break=False)
            cells = table.add_row()._tr.tc_lst
            for language, cell in zip(self.plan.columns, cells, strict=True):
                paragraph = cell.p_lst[0]
                self._row_paragraph(paragraph, row, language)
                if row.kind == "sponsor" and previous is not None and previous.kind != "sponsor":
                    self._space_before_first_sponsor(paragraph)
            previous = row
        self._separator()  # Word ends a document with a paragraph, never with a table

    @staticmethod
    def _starts_block(row: Row, previous: Row | None) -> bool:
        if previous is None or ROW_STYLES[previous.kind].keep_with_next:
            return False  # a heading stays in the table of what it introduces
        if row.kind == "sponsor":
            return previous.kind != "sponsor"
        if previous.kind in LIST_ROWS.get(row.kind, ()):
            return False  # the next consideration or request of the same list
        return row.kind in BLOCK_STARTS

    def _new_table(self, *, page_break: bool) -> Table:
        """A table after a separator paragraph (Word joins two adjacent tables into one)."""
        separator = self._separator()
        if page_break:
            wordml.page_break_before(wordml.properties_of(separator, "w:pPr"))
        return self._table()

    def _separator(self) -> wordml.Element:
        paragraph = self.document.add_paragraph()._p
        paragraph.style = _style_id(SEPARATOR)
        return paragraph

    @staticmethod
    def _space_before_first_sponsor(paragraph: wordml.Element) -> None:
        # The signatures stand apart from the last paragraph of the memorandum.
        Paragraph(paragraph, None).paragraph_format.space_before = Mm(6)  # type: ignore[arg-type]

    def _table(self) -> Table:
        table = self.document.add_table(rows=0, cols=2)
        wordml.table_geometry(table._tbl, (COLUMN_WIDTH, COLUMN_WIDTH), HALF_GAP)
        return table

    def _row_paragraph(self, paragraph: wordml.Element, row: Row, language: str) -> None:
        style_id = _style_id(ROW_STYLES[row.kind])
        paragraph.style = style_id
        wordml.paragraph_language(paragraph, self.tags[language])
        num_id: int | None = None
        if row.style is not None and not self._typed_labels(row):
            num_id = self._list(row.style, row.list_key, language)
            wordml.number_paragraph(paragraph, num_id)
        elif row.style is not None:
            self._typed_label(paragraph, row, language)
        if num_id is None:
            self.style_lists[style_id] = None
        elif language == self.plan.columns[0]:
            self.style_lists.setdefault(style_id, num_id)
        self._inlines(paragraph, self.document.part, self._cell_inlines(row, language), language)

    def _cell_inlines(self, row: Row, language: str) -> list[Inline]:
        return row.cell(language).inlines

    def _typed_label(self, paragraph: wordml.Element, row: Row, language: str) -> None:
        """A label typed as text; in a redline, tracked with its row, or where it changed."""
        cell, tag = row.cell(language), self.tags[language]
        kind = {"inserted": "ins", "deleted": "del"}.get(row.change)
        if kind is None and cell.previous_label:
            with self._tracking("del"):
                self._put(paragraph, wordml.text_run(f"{cell.previous_label} ", tag))
            kind = "ins"
        with self._tracking(kind):
            self._put(paragraph, wordml.text_run(f"{cell.label} ", tag))

    def _typed_labels(self, row: Row) -> bool:
        """Whether a list's labels must be typed: Word counts letters past Z as AA, BB, CC,
        where the Chamber (and drafter's PDF) counts AA, AB, AC; such a list, and only such
        a list, carries its labels as text so that both files show the same labels."""
        lettered = row.style is not None and row.style.counter.endswith("letter")
        return lettered and self.list_lengths[row.list_key] > 26

    def _list(self, style: numbering.Style, list_key: str, language: str) -> int:
        """The `w:num` of one enumeration in one column, created at its first paragraph.

        Each column has its own list definitions: LibreOffice counts every instance of one
        definition as a single list (`w:startOverride` only restarts it at the instance's
        first paragraph), so Dutch and French instances of a shared definition would
        interleave into A., C., E. Within a column, the instances of one definition follow
        each other (each consideration's items), and the restart is all they need.
        """
        key = (list_key, language)
        if key not in self.nums:
            definition = f"{style.name}-{language}"
            if definition not in self.abstracts:
                self.abstracts[definition] = self.next_abstract
                wordml.add_abstract_num(
                    self.numbering,
                    self.next_abstract,
                    zlib.crc32(definition.encode()),  # a stable list id across builds
                    definition,
                    style.counter,
                    style.suffix,
                )
                self.next_abstract += 1
            self.nums[key] = self.next_num
            wordml.add_num(self.numbering, self.next_num, self.abstracts[definition])
            self.next_num += 1
        return self.nums[key]

    def _inlines(
        self,
        paragraph: wordml.Element,
        part: Part,
        nodes: list[Inline],
        language: str,
        *,
        bold: bool = False,
        italic: bool = False,
        in_footnote: bool = False,
        style: str | None = None,
    ) -> None:
        tag = self.tags[language]
        for node in nodes:
            if isinstance(node, Str):
                self._text(paragraph, part, node.text, tag, bold=bold, italic=italic, style=style)
            elif isinstance(node, Italic | Bold | Inserted | Deleted):
                kind = {Inserted: "ins", Deleted: "del"}.get(type(node), self.change)
                with self._tracking(kind):
                    self._inlines(
                        paragraph,
                        part,
                        node.children,
                        language,
                        bold=bold or isinstance(node, Bold),
                        italic=italic or isinstance(node, Italic),
                        in_footnote=in_footnote,
                        style=style,
                    )
            elif isinstance(node, Reference):
                run = wordml.text_run(node.label, tag, bold=bold, italic=italic, style=style)
                self._put(paragraph, run)
            elif in_footnote:
                # A footnote cannot hold a footnote; its number stays visible as a mark.
                self._put(
                    paragraph, wordml.text_run(str(node.number), tag, style=FOOTNOTE_REFERENCE)
                )
            else:
                self._footnote(paragraph, node, language)

    # --- Tracked changes (a redline) --------------------------------------------------------

    @contextlib.contextmanager
    def _tracking(self, kind: str | None) -> Iterator[None]:
        """Runs put while inside are tracked as `kind` ("ins", "del"; None: not tracked)."""
        outer = self.change
        self.change = kind
        try:
            yield
        finally:
            self.change = outer

    def _revision(self, kind: str) -> wordml.Element:
        mark = wordml.revision(kind, self.next_revision, self.author, self.date)
        self.next_revision += 1
        return mark

    def _put(self, parent: wordml.Element, run: wordml.Element) -> None:
        """Append a run to a paragraph (or a hyperlink), inside the tracked change being
        written, if any: consecutive runs of one change share one w:ins or w:del."""
        kind = self.change
        if kind is None:
            parent.append(run)
            return
        open_change = self.container
        if (
            open_change is None
            or open_change[1] != kind
            or not len(parent)
            or (parent[-1] is not open_change[0])
        ):
            open_change = (self._revision(kind), kind)
            parent.append(open_change[0])
            self.container = open_change
        if kind == "del":
            wordml.delete_text(run)
        open_change[0].append(run)

    def _text(
        self,
        paragraph: wordml.Element,
        part: Part,
        text: str,
        tag: str,
        *,
        bold: bool,
        italic: bool,
        style: str | None = None,
    ) -> None:
        """Text runs; URLs become hyperlinks, related to the part the paragraph lives in."""
        position = 0
        for match in _URL.finditer(text):
            if match.start() > position:
                before = text[position : match.start()]
                self._put(
                    paragraph, wordml.text_run(before, tag, bold=bold, italic=italic, style=style)
                )
            url = match.group()
            relationship = self._link(part, url)
            run = wordml.text_run(url, tag, bold=bold, italic=italic, style=HYPERLINK)
            if self.change is None:
                paragraph.append(wordml.hyperlink(relationship, [run]))
            else:  # a tracked change goes inside the link (w:ins cannot hold a w:hyperlink)
                link = wordml.hyperlink(relationship, [])
                paragraph.append(link)
                self._put(link, run)
            position = match.end()
        if position < len(text):
            run = wordml.text_run(text[position:], tag, bold=bold, italic=italic, style=style)
            self._put(paragraph, run)

    def _link(self, part: Part, url: str) -> str:
        """The part's relationship to `url` (python-docx looks one up by a linear search)."""
        key = (str(part.partname), url)
        if key not in self.links:
            self.links[key] = part.relate_to(url, RT.HYPERLINK, is_external=True)
        return self.links[key]

    def _note(self, call: FootnoteCall) -> model.Footnote:
        return self.notes[call.id]

    def _footnote(self, paragraph: wordml.Element, call: FootnoteCall, language: str) -> None:
        """A call and the note's text in that language, the note's mark at its start.

        Word keeps one count of the notes of a section, so the two columns cannot both be
        numbered by it (a note called in both would be 1 and 2). The calls of one column
        are numbered by the application, which is drafter's number when that column calls
        the notes in order, 1, 2, 3 … (see `_column_numbered_by_application`); the other
        column's calls carry drafter's number as a custom mark, which Word does not count.

        In a redline, the call goes inside the tracked change it is in, and a note that was
        inserted or deleted as a whole has its text tracked with it.
        """
        tag = self.tags[language]
        note = self._note(call)
        footnote_id = self.next_footnote
        self.next_footnote += 1
        mark = None if language == self.numbered_column else str(call.number)
        self._put(
            paragraph, wordml.footnote_reference_run(footnote_id, mark, tag, FOOTNOTE_REFERENCE)
        )
        outer = self.change, self.container
        self.change = self.container = None
        text = wordml.add_footnote(self.footnotes, footnote_id, _style_id(FOOTNOTE_TEXT), tag)
        # A note inserted or deleted as a whole (or the old copy of a renumbered one) has
        # its mark tracked too: Word strikes the old copy's number, so a reader sees which
        # copy is the old one.
        with self._tracking({"inserted": "ins", "deleted": "del"}.get(note.change)):
            self._put(text, wordml.footnote_mark_run(tag, FOOTNOTE_REFERENCE))
            self._put(text, wordml.text_run(" ", tag))
        self._inlines(text, self.footnotes, note.text.inlines[language], language, in_footnote=True)
        self.change, self.container = outer

    def _properties(self) -> None:
        properties = self.document.core_properties
        metadata = self.plan.metadata
        properties.title = metadata.title[:255]  # python-docx refuses longer properties
        properties.author = "; ".join(metadata.authors)[:255]
        # The language of the left column, as the PDF's (and the HTML's) document language.
        properties.language = metadata.languages[0]
        properties.keywords = self.plan.cover.doc_number
        properties.subject = ""
        properties.comments = ""
        properties.category = ""
        properties.last_modified_by = ""
        properties.revision = 1
        stamp = datetime.datetime(self.filed.year, self.filed.month, self.filed.day)
        properties.created = properties.modified = stamp


class _RedlineWriter(_Writer):
    """The new version's document with the old version's differences as tracked changes.

    Rows that only one version has are tracked as inserted or deleted table rows, with
    their paragraph marks and their text, so that Accept All leaves exactly the new
    version's document and Reject All exactly the old one's, down to the tables: a block
    that starts a table in one version only has its separator paragraph tracked too.
    Labels stay native numbering: a deleted row keeps its place in its list, so rejecting
    it gives the old labels back, and accepting it the new ones, without a tracked change.
    """

    def __init__(self, redline: Redline, author: str, date: str) -> None:
        super().__init__(redline.plan, redline.new.filed)
        self.redline = redline
        self.author = author
        self.date = date
        self.keyed_notes = {note.key: note for note in redline.plan.footnotes}
        # A list counts as long (its labels typed) when it is long in either version.
        lengths = {hidden: Counter[str]() for hidden in (DELETED, INSERTED)}
        for row in redline.plan.rows:
            for hidden, counts in lengths.items():
                if row.change != hidden:
                    counts[row.list_key] += 1
        self.list_lengths = lengths[DELETED] | lengths[INSERTED]
        # Numbered by the application in the redline only if so in both versions' files.
        self.numbered_column = _column_numbered_by_application(
            [layout.plan(redline.old), layout.plan(redline.new)]
        )

    def _page_setup(self) -> None:
        super()._page_setup()
        wordml.track_revisions(self.document.settings.element)

    def _cell_inlines(self, row: Row, language: str) -> list[Inline]:
        """A renumbered note, in the column numbered by the application, is its new call
        alone: its number follows by itself, so the note appears once, with its edits."""
        inlines = row.cell(language).inlines
        if language != self.numbered_column:
            return inlines
        return _without_renumbering(inlines, self.redline.renumbered)

    def _cover_texts(self) -> dict[str, dict[str, list[Inline]]]:
        return self.redline.cover

    def _note(self, call: FootnoteCall) -> model.Footnote:
        return self.keyed_notes[call.key]

    def _block_starts(self, hidden: str) -> tuple[dict[int, bool], dict[int, Row]]:
        """Where the version without the rows marked `hidden` starts a table (index → page
        break before it), and the row before each row in that version."""
        starts: dict[int, bool] = {}
        previous_rows: dict[int, Row] = {}
        previous: Row | None = None
        for index, row in enumerate(self.plan.rows):
            if row.change == hidden:
                continue
            if previous is None or row.kind == "part-heading":
                starts[index] = True
            elif self._starts_block(row, previous):
                starts[index] = False
            if previous is not None:
                previous_rows[index] = previous
            previous = row
        return starts, previous_rows

    def _body(self) -> None:
        new_starts, new_previous = self._block_starts(DELETED)
        old_starts, old_previous = self._block_starts(INSERTED)
        table: Table | None = None
        for index, row in enumerate(self.plan.rows):
            in_new, in_old = new_starts.get(index), old_starts.get(index)
            separators: list[tuple[str | None, bool]] = []
            if in_new is not None and in_new == in_old:
                separators.append((None, in_new))
            else:
                if in_old is not None:
                    separators.append(("del", in_old))
                if in_new is not None:
                    separators.append(("ins", in_new))
            for kind, page_break in separators:
                separator = self._separator()
                if page_break:
                    wordml.page_break_before(wordml.properties_of(separator, "w:pPr"))
                if kind:
                    wordml.track_paragraph_mark(separator, self._revision(kind))
            if separators:
                table = self._table()
            assert table is not None  # the first row starts a table in both versions
            kind = {INSERTED: "ins", DELETED: "del"}.get(row.change)
            tr = table.add_row()._tr
            if kind:
                wordml.track_row(tr, self._revision(kind))
            previous = (old_previous if row.change == DELETED else new_previous).get(index)
            for language, cell in zip(self.plan.columns, tr.tc_lst, strict=True):
                paragraph = cell.p_lst[0]
                self._row_paragraph(paragraph, row, language)
                if kind:
                    wordml.track_paragraph_mark(paragraph, self._revision(kind))
                if row.kind == "sponsor" and previous is not None and previous.kind != "sponsor":
                    self._space_before_first_sponsor(paragraph)
        self._separator()


def _calls(nodes: list[Inline]) -> Iterator[FootnoteCall]:
    """The footnote calls among inline nodes, in order (not those inside notes)."""
    for node in nodes:
        if isinstance(node, FootnoteCall):
            yield node
        elif isinstance(node, Bold | Italic | Inserted | Deleted):
            yield from _calls(node.children)


def _column_numbered_by_application(plans: list[Plan]) -> str | None:
    """The column whose footnote calls Word and LibreOffice can number themselves: the
    first column (else the second) whose calls, in document order, are 1, 2, 3 … in every
    plan (both versions, for a redline), so that the application's count is drafter's
    number. None when neither column calls its notes in that order."""
    for language in plans[0].columns:
        for plan in plans:
            inlines = [plan.cover.title[language]] + [
                row.cell(language).inlines for row in plan.rows
            ]
            numbers = [call.number for nodes in inlines for call in _calls(nodes)]
            if numbers != list(range(1, len(numbers) + 1)):
                break
        else:
            return language
    return None


def _without_renumbering(nodes: list[Inline], renumbered: frozenset[int]) -> list[Inline]:
    """Inline nodes with each renumbered call (the old call deleted, the new one inserted
    right after it, as `redline.compare` writes it) replaced by the new call, untracked."""
    result: list[Inline] = []
    after_renumbered = False
    for node in nodes:
        children = getattr(node, "children", None)
        single = children[0] if children is not None and len(children) == 1 else None
        if (
            isinstance(node, Deleted)
            and isinstance(single, FootnoteCall)
            and single.key in renumbered
        ):
            after_renumbered = True
            continue
        if after_renumbered and isinstance(node, Inserted) and isinstance(single, FootnoteCall):
            result.append(single)
        elif isinstance(node, Bold | Italic):
            result.append(type(node)(_without_renumbering(node.children, renumbered)))
        else:
            result.append(node)
        after_renumbered = False
    return result


def _cover_date_positions() -> tuple[int, int]:
    """Tab stops of the filing dates on the cover: the right 55 % of the line, in two halves
    8 mm apart, as in the PDF."""
    start = TEXT_WIDTH * 45 // 100
    return start, start + (TEXT_WIDTH - start + 2 * HALF_GAP) // 2


def _reproducible_zip(data: bytes, day: datetime.date) -> bytes:
    """The same archive with every entry dated `day` (python-docx stamps them with the time
    of saving), so two builds of one source give identical bytes."""
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0  # the same on every platform
            fixed.external_attr = 0
            target.writestr(fixed, source.read(entry))
    return output.getvalue()
