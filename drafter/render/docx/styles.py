"""Styles and page of the DOCX: a python-docx document in, the same document with drafter's
page geometry, paragraph and character styles out; once the body is written, its list
styles numbered and every style and list it does not use dropped.

A named paragraph style for every kind of row (Consideration, Request, Sub-paragraph, …), for
the cover and for footnotes, so the look is changed in one place, as a Word user would.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.part import XmlPart
from docx.shared import Mm, Pt, Twips
from docx.styles.style import BaseStyle
from docx.styles.styles import Styles

from drafter import __version__
from drafter.document import anchors
from drafter.render.docx import wordml

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


@dataclass(frozen=True)
class ParagraphStyle:
    """A paragraph style drafter defines (sizes in points, spacing in millimetres)."""

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
    indent: float = 0  # left indent, millimetres


# One style per kind of row (ROW_KINDS).
ROW_STYLES: dict[str, ParagraphStyle] = {
    "part-heading": ParagraphStyle(
        "Part Heading",
        size=11,
        bold=True,
        before=4,
        after=5,
        keep_with_next=True,
        hyphenate=False,
        outline_level=0,
    ),
    "salutation": ParagraphStyle("Salutation", after=4, keep_with_next=True),
    "section-title": ParagraphStyle(
        "Section Heading",
        bold=True,
        before=3,
        after=2.5,
        keep_with_next=True,
        hyphenate=False,
        outline_level=1,
    ),
    "paragraph": ParagraphStyle("Memorandum Paragraph", justify=True),
    "memorandum-item": ParagraphStyle("Memorandum Item", justify=True),
    "sponsor": ParagraphStyle("Sponsor", after=1, hyphenate=False),
    "enacting": ParagraphStyle("Enacting Formula", after=4, keep_with_next=True),
    "consideration": ParagraphStyle("Consideration", justify=True),
    "item": ParagraphStyle("Item", justify=True),
    "request-lead": ParagraphStyle(
        "Request Lead", bold=True, before=2, after=3, keep_with_next=True
    ),
    "request": ParagraphStyle("Request", justify=True),
    "subparagraph": ParagraphStyle("Sub-paragraph", justify=True),
    "date": ParagraphStyle("Date", before=6, hyphenate=False),
    # An amendments document (resolve/amendment_layout.py).
    "amendment-heading": ParagraphStyle(
        "Amendment Heading",
        bold=True,
        before=6,
        after=2,
        keep_with_next=True,
        hyphenate=False,
        outline_level=0,
    ),
    "amendment-target": ParagraphStyle(
        "Amendment Target", bold=True, after=2.5, keep_with_next=True, hyphenate=False
    ),
    "instruction": ParagraphStyle("Instruction", keep_with_next=True),
    "quotation": ParagraphStyle("Quotation", justify=True, indent=6),
    "justification-heading": ParagraphStyle(
        "Justification Heading",
        bold=True,
        before=2,
        after=2,
        keep_with_next=True,
        hyphenate=False,
    ),
}

COVER_HEADING = ParagraphStyle("Cover Heading", size=16, bold=True, after=14, hyphenate=False)
COVER_CHAMBER = ParagraphStyle("Cover Chamber", size=12, bold=True, after=30, hyphenate=False)
COVER_TYPE = ParagraphStyle("Cover Document Type", size=14, bold=True, after=6, hyphenate=False)
TITLE = ParagraphStyle("Resolution Title", size=12, after=8, hyphenate=False)
SPONSORS_LINE = ParagraphStyle("Sponsors Line", size=10, after=0, hyphenate=False)
# An amendments document's cover: "AMENDEMENTEN", and the "Zie:" block at its foot.
COVER_SUBTITLE = ParagraphStyle("Cover Subtitle", size=12, bold=True, before=6, after=0)
COVER_SEE = ParagraphStyle("Cover See", size=8, after=1.5, hyphenate=False)
FOOTNOTE_TEXT = ParagraphStyle("footnote text", size=7, after=1, style_id="FootnoteText")
# Between two tables (Word needs a paragraph there); as small as a paragraph can be.
SEPARATOR = ParagraphStyle("Separator", size=1, after=0)
PARAGRAPH_STYLES = (
    *ROW_STYLES.values(), COVER_HEADING, COVER_CHAMBER, COVER_TYPE, TITLE, SPONSORS_LINE,
    COVER_SUBTITLE, COVER_SEE, FOOTNOTE_TEXT, SEPARATOR,
)  # fmt: skip

# Shared with `merge`, which reads a note's mark back (see document/anchors.py).
FOOTNOTE_REFERENCE = anchors.FOOTNOTE_REFERENCE
NOTE_NUMBER = anchors.NOTE_NUMBER
HYPERLINK = "Hyperlink"
FILING_DATE = "FilingDate"


def style_id(style: ParagraphStyle) -> str:
    return style.style_id or style.name.replace(" ", "")


def set_up_page(document: Document, language: str) -> None:
    """A4 with the PDF's margins, a cover without header or footer, mirrored headers;
    settings for text in two languages (`language`: the left column's tag)."""
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = SIDE_MARGIN
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    section.header_distance, section.footer_distance = Mm(12), Mm(10)
    section.different_first_page_header_footer = True  # the cover has neither
    settings = document.settings
    settings.odd_and_even_pages_header_footer = True
    wordml.settings_for_bilingual_text(settings.element, language)
    wordml.footnote_settings(settings.element)
    # The template's Word 2010 "stylesWithEffects" copy of styles.xml would not know ours.
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)
    wordml.replace_extended_properties(document.part.package, APPLICATION)


def define_styles(document: Document, language: str) -> None:
    """Every style drafter uses, on top of Normal (`language`: the default language tag)."""
    styles = document.styles
    wordml.document_defaults(styles.element, FONT, 18, language)
    normal = styles["Normal"].paragraph_format
    normal.space_after = Pt(0)
    normal.line_spacing = 1.32
    normal.widow_control = True
    for spec in PARAGRAPH_STYLES:
        _paragraph_style(styles, spec)
    footnote_text = styles["footnote text"]
    footnote_text.paragraph_format.line_spacing = 1.25
    footnote_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    separator = styles["Separator"].paragraph_format
    separator.line_spacing = Pt(1)
    reference = _character_style(styles, "footnote reference", FOOTNOTE_REFERENCE)
    reference.font.superscript = True
    number = _character_style(styles, "Note Number", NOTE_NUMBER, builtin=False)
    number.base_style = reference
    _character_style(styles, "Hyperlink", HYPERLINK)
    filing_date = _character_style(styles, "Filing Date", FILING_DATE, builtin=False)
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


def _paragraph_style(styles: Styles, spec: ParagraphStyle) -> None:
    style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH, builtin=bool(spec.style_id))
    style.style_id = style_id(spec)
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
    if spec.indent:
        paragraph.left_indent = Mm(spec.indent)
    if spec.outline_level is not None:
        wordml.outline_level(wordml.properties_of(style.element, "w:pPr"), spec.outline_level)


def _character_style(
    styles: Styles, name: str, character_style_id: str, builtin: bool = True
) -> BaseStyle:
    style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER, builtin=builtin)
    style.style_id = character_style_id
    style.base_style = styles["Default Paragraph Font"]
    return style


def drop_unused_styles(document: Document) -> None:
    """python-docx's template brings some 150 styles and nine lists drafter never uses;
    a Word user picking a style should find drafter's, and Word's defaults, only."""
    styles = document.styles.element
    numbering = document.part.numbering_part.element
    parts = [
        part.element
        for part in document.part.package.iter_parts()
        if isinstance(part, XmlPart) and part.element not in (styles, numbering)
    ]
    wordml.keep_only_lists(
        numbering, set().union(*(wordml.list_references(part) for part in parts))
    )
    used = set().union(*(wordml.style_references(part) for part in [*parts, numbering]))
    wordml.keep_only_styles(styles, used)


def _cover_date_positions() -> tuple[int, int]:
    """Tab stops of the filing dates on the cover: the right 55 % of the line, in two halves
    8 mm apart, as in the PDF."""
    start = TEXT_WIDTH * 45 // 100
    return start, start + (TEXT_WIDTH - start + 2 * HALF_GAP) // 2
