"""DOCX writer: a layout plan (or a redline) in, the bytes of an editable Word document out.

The document walks the layout plan like the PDF does, and is made of the structures a Word
expert would use by hand, so co-sponsors and the Chamber's services can edit it in Word or
LibreOffice. This module lays out the document: a cover page without header or footer, then
a header with the document number and a PAGE field (mirrored on even pages, as in the PDF)
and a footer with the session line; the two languages side by side in borderless two-column
tables, one row per pair of paragraphs, rows allowed to break across pages, one table per
block (a memorandum section, the list of considerations, the list of requests); each part
of the document starts on a new page, as in the PDF. Every Dutch run is marked nl-BE and
every French run fr-BE, for spelling and hyphenation.

The rest has a module each: `styles.py` (page, paragraph and character styles), `lists.py`
(native numbering), `runs.py` (inline text), `notes.py` (footnotes), `revisions.py` (tracked
changes), `package.py` (core properties and reproducible bytes); raw XML is built in
`wordml.py` only.
"""

from __future__ import annotations

import copy
import datetime
import itertools
from collections import Counter
from collections.abc import Callable

import docx
from docx.oxml.parser import OxmlElement
from docx.oxml.table import CT_Row, CT_Tbl
from docx.shared import Mm, Twips
from docx.text.paragraph import Paragraph

from drafter.document import model
from drafter.document.amendments import Amendments
from drafter.document.anchors import TITLE_KEY, bookmark_name
from drafter.document.inline import FootnoteCall, Inline, Str
from drafter.document.plan import Plan, Row
from drafter.document.redline import DELETED, INSERTED, Redline
from drafter.render.docx import package, styles, wordml
from drafter.render.docx.lists import Lists, uncounted_lists
from drafter.render.docx.notes import Notes, column_numbered_by_application, without_renumbering
from drafter.render.docx.revisions import Revisions
from drafter.render.docx.runs import Runs
from drafter.render.docx.styles import ROW_STYLES, style_id
from drafter.resolve import layout
from drafter.resolve.amendment_layout import plan_amendments

# Rows that open a new table in the body (see DocumentWriter._body).
BLOCK_STARTS = frozenset(
    {"section-title", "consideration", "request-lead", "request", "amendment-heading"}
)
# The rows a list of considerations or requests is made of: such a list is one table, so
# that a consideration or request inserted or deleted in a redline is a table row, with no
# paragraph between tables to come and go with it.
# The widths of a body table's columns, in twips.
COLUMN_WIDTHS = (styles.COLUMN_WIDTH, styles.COLUMN_WIDTH)
LIST_ROWS = {
    "consideration": frozenset({"consideration", "item"}),
    "request": frozenset({"request", "subparagraph", "item"}),
}
# Rows that show a text of the source, each with a bookmark that `merge` reads back.
TEXT_ROWS = frozenset(
    {"section-title", "paragraph", "memorandum-item", "consideration", "item"}
    | {"request-lead", "request", "subparagraph"}
)


def render_docx(resolution: model.Resolution) -> bytes:
    """The DOCX of a resolved resolution (from `drafter.load`): same bytes for the same source."""
    return render_plan_docx(layout.plan(resolution), resolution.filed)


def render_amendments_docx(amendments: Amendments) -> bytes:
    """The DOCX of a resolved amendments document (`resolve_amendments`), in the layout of
    the resolution it amends: same bytes for the same source."""
    return render_plan_docx(plan_amendments(amendments), amendments.filed)


def render_plan_docx(plan: Plan, filed: datetime.date) -> bytes:
    """The DOCX of any layout plan (`filed`: the document's date, for its properties)."""
    return DocumentWriter(plan, filed).build()


def render_redline_docx(redline: Redline, author: str, date: str) -> bytes:
    """The DOCX of a redline (`compare`): the new version's document with every difference
    from the old one as a Word tracked change by `author` at `date` (ISO 8601,
    "2021-01-25T10:00:00Z"). The same redline, author and date give the same bytes."""
    return RedlineWriter(redline, author, date).build()


class DocumentWriter:
    """Builds one document from a plan: the cover, header and footer, and the body."""

    def __init__(
        self,
        plan: Plan,
        filed: datetime.date,
        revisions: Revisions | None = None,
        note_of: Callable[[FootnoteCall], model.Footnote] | None = None,
    ) -> None:
        self.plan = plan
        self.filed = filed
        self.document = docx.Document()
        # The body's own section properties, which stay its last child: every paragraph and
        # table goes in before them. Found once, since python-docx's `add_paragraph` and
        # `add_table` look for them (and for the last section) through the whole body each
        # time, which made the DOCX quadratic in its blocks.
        self.body_end = self.document.element.body.sectPr
        self.tags = dict(zip(plan.columns, plan.metadata.languages, strict=True))
        self.revisions = revisions or Revisions()
        notes_by_id = {note.id: note for note in plan.footnotes}
        self.lists = Lists(
            self.document.part.numbering_part.element,
            Counter(row.list_key for row in plan.rows),
            uncounted_lists(plan.rows),
        )
        self.notes = Notes(
            self.document.part,
            self.revisions,
            self.tags,
            note_of or (lambda call: notes_by_id[call.id]),
        )
        self.notes.numbered_column = column_numbered_by_application([plan])
        self.bookmark_ids = itertools.count(1)
        self.notes.bookmark_ids = self.bookmark_ids
        self.runs = Runs(self.revisions, self.notes, self.tags)

    def build(self) -> bytes:
        left = self.tags[self.plan.columns[0]]
        styles.set_up_page(self.document, left)
        self._page_setup()
        styles.define_styles(self.document, left)
        self._header_and_footer()
        self._cover()
        self._body()
        self.lists.number_styles(self.document.styles.element)
        package.set_core_properties(
            self.document, self.plan.metadata, self.plan.cover.doc_number, self.filed
        )
        styles.drop_unused_styles(self.document)
        return package.save(self.document, self.filed)

    def _page_setup(self) -> None:
        """What a kind of document adds to the page set-up (a redline: tracking on)."""

    def _cover_texts(self) -> dict[str, dict[str, list[Inline]]]:
        """The cover's texts that are plain strings in the plan, as inline text per language:
        "doc_number", "filed", "sponsors" and "session" (the footer's session line)."""
        cover, columns = self.plan.cover, self.plan.columns
        return {
            "doc_number": {language: [Str(cover.doc_number)] for language in columns},
            "filed": {language: [Str(cover.filed[language])] for language in columns},
            "sponsors": {language: [Str(cover.sponsors[language])] for language in columns},
            "session": {language: [Str(cover.session[language])] for language in columns},
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
            self.runs.write(paragraph, header.part, doc_number, first_language)
            if not page_first:
                paragraph.extend([wordml.tab_run(left), *number])
        for footer in (section.footer, section.even_page_footer):
            paragraph = footer.paragraphs[0]._p
            paragraph.style = "Footer"
            session = texts["session"]
            self.runs.write(paragraph, footer.part, session[first_language], first_language)
            paragraph.append(wordml.tab_run(left))
            self.runs.write(paragraph, footer.part, session[second_language], second_language)
        # Empty first-page header and footer: nothing on the cover.
        section.first_page_header.is_linked_to_previous = False
        section.first_page_footer.is_linked_to_previous = False

    def _cover(self) -> None:
        cover = self.plan.cover
        columns = self.plan.columns
        texts = self._cover_texts()
        part = self.document.part
        heading = self._paragraph()
        heading.style = style_id(styles.COVER_HEADING)
        wordml.paragraph_language(heading, self.tags[columns[0]])
        self.runs.write(heading, part, texts["doc_number"][columns[0]], columns[0])
        for language in columns:
            heading.append(wordml.tab_run(self.tags[language], style=styles.FILING_DATE))
            self.runs.write(
                heading, part, texts["filed"][language], language, style=styles.FILING_DATE
            )
        table = self._table()
        cover_rows = [
            (
                styles.COVER_CHAMBER,
                {language: [Str(cover.chamber[language])] for language in columns},
            ),
            (
                styles.COVER_TYPE,
                {language: [Str(cover.document_type[language])] for language in columns},
            ),
            (styles.TITLE, cover.title),
        ]
        if cover.subtitle:  # an amendments document: "AMENDEMENTEN"
            subtitle = {language: [Str(cover.subtitle[language])] for language in columns}
            cover_rows.append((styles.COVER_SUBTITLE, subtitle))
        if any(cover.sponsors.values()):
            cover_rows.append((styles.SPONSORS_LINE, texts["sponsors"]))
        for index in range(max((len(lines) for lines in cover.see.values()), default=0)):
            see = {language: [Str(cover.see[language][index])] for language in columns}
            cover_rows.append((styles.COVER_SEE, see))
        first_see = True
        for style, row_texts in cover_rows:
            gap = style is styles.COVER_SEE and first_see  # the space above "Zie:"
            first_see = first_see and not gap
            for language, cell in zip(columns, _add_row(table).tc_lst, strict=True):
                paragraph = cell.p_lst[0]
                paragraph.style = style_id(style)
                if gap:
                    format_ = Paragraph(paragraph, None).paragraph_format  # type: ignore[arg-type]
                    format_.space_before = Mm(36)
                wordml.paragraph_language(paragraph, self.tags[language])
                self.runs.write(paragraph, part, row_texts[language], language)
                if style is styles.TITLE:
                    self._bookmark(paragraph, TITLE_KEY, language)

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
        table: CT_Tbl | None = None
        for row in self.plan.rows:
            if table is None or row.kind == "part-heading":
                table = self._new_table(page_break=True)
            elif _starts_block(row, previous):
                table = self._new_table(page_break=False)
            for language, cell in zip(self.plan.columns, _add_row(table).tc_lst, strict=True):
                paragraph = cell.p_lst[0]
                self._row_paragraph(paragraph, row, language)
                _row_formatting(paragraph, row, previous)
            previous = row
        self._separator()  # Word ends a document with a paragraph, never with a table

    def _new_table(self, *, page_break: bool) -> CT_Tbl:
        """A table after a separator paragraph (Word joins two adjacent tables into one)."""
        separator = self._separator()
        if page_break:
            wordml.page_break_before(wordml.properties_of(separator, "w:pPr"))
        return self._table()

    def _paragraph(self) -> wordml.Element:
        """A new empty paragraph at the end of the body."""
        paragraph = OxmlElement("w:p")
        self.body_end.addprevious(paragraph)
        return paragraph

    def _separator(self) -> wordml.Element:
        paragraph = self._paragraph()
        paragraph.style = style_id(styles.SEPARATOR)
        return paragraph

    def _table(self) -> CT_Tbl:
        """A new two-column table without rows at the end of the body."""
        table = CT_Tbl.new_tbl(0, len(COLUMN_WIDTHS), Twips(sum(COLUMN_WIDTHS)))
        self.body_end.addprevious(table)
        wordml.table_geometry(table, COLUMN_WIDTHS, styles.HALF_GAP)
        return table

    def _row_paragraph(self, paragraph: wordml.Element, row: Row, language: str) -> None:
        row_style = style_id(ROW_STYLES[row.kind])
        paragraph.style = row_style
        wordml.paragraph_language(paragraph, self.tags[language])
        num_id: int | None = None
        if row.style is not None and not self.lists.typed(row):
            num_id = self.lists.instance(row.style, row.list_key, language)
            wordml.number_paragraph(paragraph, num_id)
        elif row.style is not None:
            self._typed_label(paragraph, row, language)
        self.lists.note_style(row_style, num_id, language == self.plan.columns[0])
        inlines = self._cell_inlines(row, language)
        self.runs.write(paragraph, self.document.part, inlines, language)
        if row.kind in TEXT_ROWS and row.change != DELETED:
            self._bookmark(paragraph, row.key, language)

    def _bookmark(self, paragraph: wordml.Element, key: str, language: str) -> None:
        """A bookmark around the paragraph's content, for `merge` to find it by."""
        start = int(paragraph.pPr is not None)
        wordml.bookmark(paragraph, start, next(self.bookmark_ids), bookmark_name(key, language))

    def _cell_inlines(self, row: Row, language: str) -> list[Inline]:
        return row.cell(language).inlines

    def _typed_label(self, paragraph: wordml.Element, row: Row, language: str) -> None:
        """A label typed as text; in a redline, tracked with its row, or where it changed."""
        cell, tag = row.cell(language), self.tags[language]
        kind = {"inserted": "ins", "deleted": "del"}.get(row.change)
        if kind is None and cell.previous_label:
            with self.revisions.tracking("del"):
                self.revisions.put(paragraph, wordml.text_run(f"{cell.previous_label} ", tag))
            kind = "ins"
        with self.revisions.tracking(kind):
            self.revisions.put(paragraph, wordml.text_run(f"{cell.label} ", tag))


class RedlineWriter(DocumentWriter):
    """The new version's document with the old version's differences as tracked changes.

    Rows that only one version has are tracked as inserted or deleted table rows, with
    their paragraph marks and their text, so that Accept All leaves exactly the new
    version's document and Reject All exactly the old one's, down to the tables: a block
    that starts a table in one version only has its separator paragraph tracked too.
    Labels stay native numbering: a deleted row keeps its place in its list, so rejecting
    it gives the old labels back, and accepting it the new ones, without a tracked change.
    """

    def __init__(self, redline: Redline, author: str, date: str) -> None:
        keyed_notes = {note.key: note for note in redline.plan.footnotes}
        super().__init__(
            redline.plan,
            redline.new.filed,
            Revisions(author, date),
            lambda call: keyed_notes[call.key],
        )
        self.redline = redline
        # A list counts as long (its labels typed) when it is long in either version.
        lengths = {hidden: Counter[str]() for hidden in (DELETED, INSERTED)}
        for row in redline.plan.rows:
            for hidden, counts in lengths.items():
                if row.change != hidden:
                    counts[row.list_key] += 1
        self.lists.list_lengths = lengths[DELETED] | lengths[INSERTED]
        self.lists.uncounted = uncounted_lists(redline.plan.rows, DELETED) | uncounted_lists(
            redline.plan.rows, INSERTED
        )
        # Numbered by the application in the redline only if so in both versions' files.
        self.notes.numbered_column = column_numbered_by_application(
            [layout.plan(redline.old), layout.plan(redline.new)]
        )

    def _page_setup(self) -> None:
        wordml.track_revisions(self.document.settings.element)

    def _cell_inlines(self, row: Row, language: str) -> list[Inline]:
        """A renumbered note is its new call alone, so the note appears once, with its
        edits: in the column numbered by the application its number follows by itself; in
        the other, the typed number changes (see `notes.Notes._number`)."""
        return without_renumbering(row.cell(language).inlines, self.redline.renumbered)

    def _cover_texts(self) -> dict[str, dict[str, list[Inline]]]:
        return self.redline.cover

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
            elif _starts_block(row, previous):
                starts[index] = False
            if previous is not None:
                previous_rows[index] = previous
            previous = row
        return starts, previous_rows

    def _body(self) -> None:
        new_starts, new_previous = self._block_starts(DELETED)
        old_starts, old_previous = self._block_starts(INSERTED)
        table: CT_Tbl | None = None
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
                    wordml.track_paragraph_mark(separator, self.revisions.mark(kind))
            if separators:
                table = self._table()
            assert table is not None  # the first row starts a table in both versions
            kind = {INSERTED: "ins", DELETED: "del"}.get(row.change)
            tr = _add_row(table)
            if kind:
                wordml.track_row(tr, self.revisions.mark(kind))
            previous = (old_previous if row.change == DELETED else new_previous).get(index)
            for language, cell in zip(self.plan.columns, tr.tc_lst, strict=True):
                paragraph = cell.p_lst[0]
                self._row_paragraph(paragraph, row, language)
                if kind:
                    wordml.track_paragraph_mark(paragraph, self.revisions.mark(kind))
                    _row_formatting(paragraph, row, previous)
                else:
                    self._kept_row_formatting(paragraph, row, previous, old_previous.get(index))
        self._separator()

    def _kept_row_formatting(
        self, paragraph: wordml.Element, row: Row, previous: Row | None, old_previous: Row | None
    ) -> None:
        """The formatting of a row both versions have, as the new version gives it; where
        the old version formats it otherwise (the first signature gets the space above the
        signatures when the one before it is deleted), a tracked change of the paragraph's
        properties, so that Reject All gives the old formatting back."""
        old = OxmlElement("w:p")
        old.append(copy.deepcopy(wordml.properties_of(paragraph, "w:pPr")))
        _row_formatting(paragraph, row, previous)
        _row_formatting(old, row, old_previous)
        before = wordml.paragraph_formatting(old)
        if not wordml.same_formatting(before, wordml.paragraph_formatting(paragraph)):
            mark = self.revisions.mark("pPrChange")
            wordml.track_paragraph_formatting(paragraph, before, mark)


def _add_row(table: CT_Tbl) -> CT_Row:
    """A new row at the end of a body table, its cells each with an empty paragraph.

    As python-docx's `Table.add_row`, without looking up the table's grid: lxml finds a
    child in time proportional to the children before it, and a list of considerations is
    one table of thousands of rows."""
    row = table.add_tr()
    for width in COLUMN_WIDTHS:
        row.add_tc().width = Twips(width)
    return row


def _starts_block(row: Row, previous: Row | None) -> bool:
    if previous is None or ROW_STYLES[previous.kind].keep_with_next:
        return False  # a heading stays in the table of what it introduces
    if row.kind == "sponsor":
        return previous.kind != "sponsor"
    if previous.kind in LIST_ROWS.get(row.kind, ()):
        return False  # the next consideration or request of the same list
    return row.kind in BLOCK_STARTS


def _row_formatting(paragraph: wordml.Element, row: Row, previous: Row | None) -> None:
    """The formatting of a row's paragraph that depends on the row before it: the
    signatures stand apart from the last paragraph of the memorandum."""
    if row.kind == "sponsor" and previous is not None and previous.kind != "sponsor":
        Paragraph(paragraph, None).paragraph_format.space_before = Mm(6)  # type: ignore[arg-type]
