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
  French call to the French text. Word numbers footnotes by itself (a note called in both
  columns would become 171 and 172), so every call carries a custom mark
  (`w:customMarkFollows`) holding drafter's number, and that number is typed at the start of
  the footnote text, which is what Word itself writes for a footnote with a custom mark.
  (LibreOffice 7.4 shows that number twice in the footnote area, "22 Amnesty…", for every
  note but the first; it does the same with the custom marks of the DOCX files it writes.)
- the two languages side by side in borderless two-column tables, one row per pair of
  paragraphs, rows allowed to break across pages, one table per block (a section, a
  consideration, a request with its sub-paragraphs); each part of the document starts on a
  new page, as in the PDF;
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

import datetime
import io
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.shared import Mm, Pt, Twips
from docx.styles.style import BaseStyle
from docx.styles.styles import Styles
from docx.table import Table
from docx.text.paragraph import Paragraph

from drafter import layout, model, numbering, wordml
from drafter.markup import Bold, FootnoteCall, Inline, Italic, Reference, Str

# Page geometry, as in the PDF's stylesheet (templates/resolution.css): A4, 16 mm side
# margins, 8 mm between the columns.
PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
SIDE_MARGIN = Mm(16)
TEXT_WIDTH = PAGE_WIDTH.twips - 2 * SIDE_MARGIN.twips
HALF_GAP = Mm(4).twips
COLUMN_WIDTH = TEXT_WIDTH // 2 + HALF_GAP  # a cell, margins included
FONT = "Arial"  # LibreOffice shows Liberation Sans, the PDF's font, which has its metrics
APPLICATION = "drafter"

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


# One style per kind of row (layout.ROW_KINDS).
ROW_STYLES: dict[str, _ParagraphStyle] = {
    "part-heading": _ParagraphStyle(
        "Part Heading",
        size=11,
        bold=True,
        before=4,
        after=5,
        keep_with_next=True,
        hyphenate=False,
    ),
    "salutation": _ParagraphStyle("Salutation", after=4, keep_with_next=True),
    "section-title": _ParagraphStyle(
        "Section Heading", bold=True, before=3, after=2.5, keep_with_next=True, hyphenate=False
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

FOOTNOTE_REFERENCE = "FootnoteReference"
HYPERLINK = "Hyperlink"
FILING_DATE = "FilingDate"


def render_docx(resolution: model.Resolution) -> bytes:
    """The DOCX of a resolved resolution (from `drafter.load`): same bytes for the same source."""
    return _Writer(layout.plan(resolution), resolution.filed).build()


def _style_id(style: _ParagraphStyle) -> str:
    return style.style_id or style.name.replace(" ", "")


class _Writer:
    """Builds one document; holds the numbering and footnote counters while doing so."""

    def __init__(self, plan: layout.Plan, filed: datetime.date) -> None:
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
        self.list_lengths = Counter(row.list_key for row in plan.rows)
        self.links: dict[tuple[str, str], str] = {}

    def build(self) -> bytes:
        self._page_setup()
        self._styles()
        self._header_and_footer()
        self._cover()
        self._body()
        self._properties()
        stream = io.BytesIO()
        self.document.save(stream)
        return _reproducible_zip(stream.getvalue(), self.filed)

    # --- Document set-up ---------------------------------------------------------------------

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

    @staticmethod
    def _character_style(
        styles: Styles, name: str, style_id: str, builtin: bool = True
    ) -> BaseStyle:
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER, builtin=builtin)
        style.style_id = style_id
        style.base_style = styles["Default Paragraph Font"]
        return style

    def _header_and_footer(self) -> None:
        section = self.document.sections[0]
        left = self.tags[self.plan.columns[0]]
        doc_number = self.plan.cover.doc_number
        for header, page_first in ((section.header, False), (section.even_page_header, True)):
            paragraph = header.paragraphs[0]._p
            number = wordml.field_runs("PAGE", "2" if page_first else "3", left)
            text = [wordml.text_run(doc_number, left)]
            paragraph.extend(
                [*number, wordml.tab_run(left), *text]
                if page_first
                else [*text, wordml.tab_run(left), *number]
            )
        for footer in (section.footer, section.even_page_footer):
            paragraph = footer.paragraphs[0]._p
            paragraph.style = "Footer"
            first, second = (self.tags[language] for language in self.plan.columns)
            paragraph.extend(
                [
                    wordml.text_run(self.plan.cover.session[self.plan.columns[0]], first),
                    wordml.tab_run(first),
                    wordml.text_run(self.plan.cover.session[self.plan.columns[1]], second),
                ]
            )
        # Empty first-page header and footer: nothing on the cover.
        section.first_page_header.is_linked_to_previous = False
        section.first_page_footer.is_linked_to_previous = False

    # --- Content ------------------------------------------------------------------------------

    def _cover(self) -> None:
        cover = self.plan.cover
        columns = self.plan.columns
        heading = self.document.add_paragraph()._p
        heading.style = _style_id(COVER_HEADING)
        left = self.tags[columns[0]]
        wordml.paragraph_language(heading, left)
        heading.append(wordml.text_run(cover.doc_number, left))
        for language in columns:
            heading.append(wordml.tab_run(self.tags[language], style=FILING_DATE))
            heading.append(
                wordml.text_run(cover.filed[language], self.tags[language], style=FILING_DATE)
            )
        table = self._table()
        for style, texts in (
            (COVER_CHAMBER, {language: [Str(cover.chamber[language])] for language in columns}),
            (COVER_TYPE, {language: [Str(cover.document_type[language])] for language in columns}),
            (TITLE, cover.title),
            (SPONSORS_LINE, {language: [Str(cover.sponsors[language])] for language in columns}),
        ):
            cells = table.add_row()._tr.tc_lst
            for language, cell in zip(columns, cells, strict=True):
                paragraph = cell.p_lst[0]
                paragraph.style = _style_id(style)
                wordml.paragraph_language(paragraph, self.tags[language])
                self._inlines(paragraph, self.document.part, texts[language], language)

    def _body(self) -> None:
        """One borderless table per block: the opening of a part, each memorandum section,
        the signatures, each consideration, the operative part's lead, each request (with
        their items and sub-paragraphs). A part starts on a new page, as in the PDF.

        Blocks rather than one table per part: LibreOffice lays out footnotes in long tables
        in more than linear time (the ten-times synthetic resolution as one table per part
        did not convert in 10 minutes; as blocks, in 9 s), and Word users edit them alike.
        """
        previous: layout.Row | None = None
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
    def _starts_block(row: layout.Row, previous: layout.Row | None) -> bool:
        if previous is None or ROW_STYLES[previous.kind].keep_with_next:
            return False  # a heading stays in the table of what it introduces
        if row.kind == "sponsor":
            return previous.kind != "sponsor"
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

    def _row_paragraph(self, paragraph: wordml.Element, row: layout.Row, language: str) -> None:
        paragraph.style = _style_id(ROW_STYLES[row.kind])
        wordml.paragraph_language(paragraph, self.tags[language])
        if row.style is not None and not self._typed_labels(row):
            wordml.number_paragraph(paragraph, self._list(row.style, row.list_key, language))
        elif row.style is not None:
            paragraph.append(wordml.text_run(f"{row.cell(language).label} ", self.tags[language]))
        self._inlines(paragraph, self.document.part, row.cell(language).inlines, language)

    def _typed_labels(self, row: layout.Row) -> bool:
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
    ) -> None:
        tag = self.tags[language]
        for node in nodes:
            if isinstance(node, Str):
                self._text(paragraph, part, node.text, tag, bold=bold, italic=italic)
            elif isinstance(node, Italic | Bold):
                self._inlines(
                    paragraph,
                    part,
                    node.children,
                    language,
                    bold=bold or isinstance(node, Bold),
                    italic=italic or isinstance(node, Italic),
                    in_footnote=in_footnote,
                )
            elif isinstance(node, Reference):
                paragraph.append(wordml.text_run(node.label, tag, bold=bold, italic=italic))
            elif in_footnote:
                # A footnote cannot hold a footnote; its number stays visible as a mark.
                paragraph.append(wordml.text_run(str(node.number), tag, style=FOOTNOTE_REFERENCE))
            else:
                self._footnote(paragraph, node, language)

    def _text(
        self,
        paragraph: wordml.Element,
        part: Part,
        text: str,
        tag: str,
        *,
        bold: bool,
        italic: bool,
    ) -> None:
        """Text runs; URLs become hyperlinks, related to the part the paragraph lives in."""
        position = 0
        for match in _URL.finditer(text):
            if match.start() > position:
                before = text[position : match.start()]
                paragraph.append(wordml.text_run(before, tag, bold=bold, italic=italic))
            url = match.group()
            relationship = self._link(part, url)
            run = wordml.text_run(url, tag, bold=bold, italic=italic, style=HYPERLINK)
            paragraph.append(wordml.hyperlink(relationship, [run]))
            position = match.end()
        if position < len(text):
            paragraph.append(wordml.text_run(text[position:], tag, bold=bold, italic=italic))

    def _link(self, part: Part, url: str) -> str:
        """The part's relationship to `url` (python-docx looks one up by a linear search)."""
        key = (str(part.partname), url)
        if key not in self.links:
            self.links[key] = part.relate_to(url, RT.HYPERLINK, is_external=True)
        return self.links[key]

    def _footnote(self, paragraph: wordml.Element, call: FootnoteCall, language: str) -> None:
        """A call with drafter's number as its mark, and the note's text in that language."""
        tag = self.tags[language]
        note = self.notes[call.id]
        footnote_id = self.next_footnote
        self.next_footnote += 1
        mark = str(call.number)
        paragraph.append(wordml.footnote_reference_run(footnote_id, mark, tag, FOOTNOTE_REFERENCE))
        text = wordml.add_footnote(self.footnotes, footnote_id, _style_id(FOOTNOTE_TEXT), tag)
        text.append(wordml.text_run(str(note.number), tag, style=FOOTNOTE_REFERENCE))
        text.append(wordml.text_run(" ", tag))
        self._inlines(text, self.footnotes, note.text.inlines[language], language, in_footnote=True)

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
