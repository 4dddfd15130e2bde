"""HTML writer: a layout plan in, HTML out, in three forms from the same cell rendering.

- `render_html`: the preview a browser shows (`drafter build --format html`): one grid row per
  pair of paragraphs, footnotes listed at the end.
- `galley_html`: every cell and footnote alone at its column's width, for measuring
  (`galley_htmls`: the same in parts, for a long document).
- `paged_html`: the final pages, with every row and footnote at the place `paginate.py`
  computed, for WeasyPrint to turn into PDF without paginating anything itself.

The Jinja templates in `templates/` hold the layout; this module turns inline nodes into
escaped HTML. User text is always data, escaped by MarkupSafe, never a template.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FunctionLoader, StrictUndefined, Template
from markupsafe import Markup, escape

from drafter import __version__
from drafter.document import model
from drafter.document.amendments import Amendments
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
from drafter.document.plan import Cell, Plan, Row
from drafter.render.html.page import A4, Block, Geometry, Page
from drafter.resolve import layout
from drafter.resolve.amendment_layout import plan_amendments


def _templates_folder() -> Path:
    """The templates and fonts: inside the package once installed (the wheel carries the
    repository's `templates/` as `drafter/templates/`, see pyproject.toml), and beside the
    package in a source checkout or an editable install."""
    package = Path(__file__).resolve().parents[2]  # drafter/, from drafter/render/html/
    installed = package / "templates"
    return installed if installed.is_dir() else package.parent / "templates"


TEMPLATES = _templates_folder()


class TemplateUnavailable(Exception):
    """One of drafter's own template files (a template, the stylesheet, a font) is missing or
    unreadable: the installation is damaged, not the user's document."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        super().__init__(
            f"drafter's template file {path} {problem}; drafter's installation is incomplete: "
            "reinstall drafter (or, in a source checkout, restore the file with git)"
        )


def read_template_file(path: Path) -> bytes:
    """The bytes of one of drafter's template files, or `TemplateUnavailable`."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TemplateUnavailable(path, "is missing") from None
    except OSError as error:
        raise TemplateUnavailable(path, f"cannot be read ({error.strerror or error})") from None


_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)”’]")


def _text_html(text: str) -> Markup:
    """Escaped text, with URLs marked so that they may wrap anywhere and can be clicked."""
    pieces: list[Markup] = []
    position = 0
    for match in _URL.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        url = match.group()
        pieces.append(Markup('<a class="url" href="{0}">{1}</a>').format(url, _breakable(url)))
        position = match.end()
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


def _breakable(url: str) -> Markup:
    # A break opportunity after each / keeps long URLs inside their column, preferring
    # to break at path separators.
    return Markup("/<wbr>").join(escape(part) for part in url.split("/"))


_ELEMENTS = {Italic: "em", Bold: "strong", Inserted: "ins", Deleted: "del"}


def inline_html(nodes: list[Inline]) -> Markup:
    """The HTML of inline nodes; a footnote call is its number, set as a superscript, that
    names its note (in a redline, by the note's `key`). A redline's inserted and deleted
    text is in <ins> and <del>."""
    pieces: list[Markup] = []
    for node in nodes:
        if isinstance(node, Str):
            pieces.append(_text_html(node.text))
        elif isinstance(node, Italic | Bold | Inserted | Deleted):
            element = _ELEMENTS[type(node)]
            pieces.append(
                Markup("<{0}>{1}</{0}>").format(Markup(element), inline_html(node.children))
            )
        elif isinstance(node, Reference):
            pieces.append(Markup('<span class="reference">{0}</span>').format(node.label))
        elif isinstance(node, FootnoteCall):
            pieces.append(
                Markup('<sup class="call" data-note="{0}">{1}</sup>').format(
                    node.key or node.number, node.number
                )
            )
    return Markup("").join(pieces)


def cell_html(cell: Cell) -> Markup:
    """A cell's content, its label ("A.", "1°") first."""
    label = (
        Markup('<span class="label">{0}</span> ').format(cell.label) if cell.label else Markup("")
    )
    return label + inline_html(cell.inlines)


def note_html(footnote: model.Footnote, language: str) -> Markup:
    number = Markup('<span class="note-number">{0}</span>').format(footnote.number)
    if footnote.change:  # a redline's note, inserted or deleted with its call
        element = Markup("ins" if footnote.change == "inserted" else "del")
        number = Markup("<{0}>{1}</{0}>").format(element, number)
    return Markup("{0} {1}").format(number, inline_html(footnote.text.inlines[language]))


def _note_key(footnote: model.Footnote) -> int:
    """What names a note in the galley and on the pages: its number, or in a redline (where
    a deleted note 5 and an inserted note 5 are two notes), its key."""
    return footnote.key or footnote.number


def _row_class(row: Row) -> str:
    """The classes of a row: its kind, and in a redline its change ("inserted", …)."""
    return f"{row.kind} {row.change}" if row.change else row.kind


def _template_source(name: str) -> str:
    path = TEMPLATES / name
    try:
        return read_template_file(path).decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateUnavailable(path, "is not valid UTF-8") from None


@cache
def _template(name: str) -> Template:
    # The loader raises TemplateUnavailable itself, for included templates too, so a missing
    # file is named as such instead of surfacing as Jinja's TemplateNotFound (an OSError
    # without an error text).
    environment = Environment(
        loader=FunctionLoader(_template_source),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["css_string"] = _css_string
    return environment.get_template(name)


def _css_string(text: str) -> Markup:
    """Text for a double-quoted CSS string: every character but letters, digits and spaces
    escaped as a code point, so no text can end the string or the rule."""
    return Markup(
        "".join(
            character if character.isalnum() or character == " " else f"\\{ord(character):x} "
            for character in text
        )
    )


def _inline_stylesheet(plan: Plan) -> Markup:
    # The stylesheet is the project's own file, not user text: it is trusted as it is.
    stylesheet = _template_source("resolution.css")
    if plan.kind == "amendments":
        stylesheet += "\n" + _template_source("amendments.css")
    return Markup(stylesheet)


def _common(plan: Plan, created: datetime.date, geometry: Geometry) -> dict:
    return {
        "plan": plan,
        "cover": plan.cover,
        "columns": plan.columns,
        "created": created.isoformat(),
        "generator": f"drafter {__version__}",
        "geometry": geometry,
        "title_html": {lang: inline_html(plan.cover.title[lang]) for lang in plan.columns},
    }


def render_html(resolution: model.Resolution, *, standalone: bool = False) -> str:
    """The preview: rows as a grid, footnotes at the end.

    With `standalone`, the stylesheet is inlined and the shipped fonts are left out (see
    templates/fonts.css), so the file opens the same from anywhere in a browser.
    """
    return plan_html(layout.plan(resolution), resolution.filed, standalone=standalone)


def render_amendments_html(amendments: Amendments, standalone: bool = True) -> str:
    """The preview of a resolved amendments document (`resolve_amendments`), as
    `render_html` shows a resolution; standalone by default."""
    return plan_html(plan_amendments(amendments), amendments.filed, standalone=standalone)


def plan_html(plan: Plan, created: datetime.date, *, standalone: bool = False) -> str:
    """The preview of any plan (`created`: the document's date, for its metadata)."""
    rows = [
        (_row_class(row), [(language, cell_html(row.cell(language))) for language in plan.columns])
        for row in plan.rows
    ]
    notes = [
        (note.number, [(language, note_html(note, language)) for language in plan.columns])
        for note in plan.footnotes
    ]
    return _template("resolution.html.j2").render(
        **_common(plan, created, A4),
        mode="preview",
        stylesheet=_inline_stylesheet(plan) if standalone else None,
        rows=rows,
        notes=notes,
        pages=[],
    )


GalleyCell = tuple[str, str, str, Markup]  # row class, language, data-block key, HTML
GalleyNote = tuple[str, str, Markup]  # language, data-block key, HTML


def galley_items(plan: Plan) -> tuple[list[GalleyCell], list[GalleyNote]]:
    """What the galley lays out: every cell (`data-block="cell:ROW:LANGUAGE"`) and every
    footnote (`data-block="note:NUMBER:LANGUAGE"`), each with its HTML."""
    cells = [
        (_row_class(row), language, f"cell:{index}:{language}", cell_html(row.cell(language)))
        for index, row in enumerate(plan.rows)
        for language in plan.columns
    ]
    notes = [
        (language, f"note:{_note_key(note)}:{language}", note_html(note, language))
        for note in plan.footnotes
        for language in plan.columns
    ]
    return cells, notes


def galley_html(
    created: datetime.date,
    plan: Plan,
    geometry: Geometry = A4,
    items: tuple[list[GalleyCell], list[GalleyNote]] | None = None,
) -> str:
    """Every cell and every footnote on its own, at its column's width (`items`: only
    those, a part of `galley_items(plan)`)."""
    cells, notes = items if items is not None else galley_items(plan)
    return _template("galley.html.j2").render(
        **_common(plan, created, geometry), cells=cells, notes=notes
    )


GalleyItems = tuple[list[GalleyCell], list[GalleyNote]]


def galley_htmls(
    created: datetime.date,
    plan: Plan,
    geometry: Geometry = A4,
    blocks_per_galley: int | None = None,
    items: GalleyItems | None = None,
) -> list[str]:
    """The galley (`galley_html`) in parts of at most `blocks_per_galley` cells and notes
    each, in order (None: one part), so that a long document is laid out a part at a time.
    Each block is laid out alone at its column's width, so the parts measure what the whole
    galley measures. `items`: only those, a part of `galley_items(plan)`."""
    cells, notes = items if items is not None else galley_items(plan)
    size = blocks_per_galley or len(cells) + len(notes) or 1
    parts = []
    for start in range(0, max(len(cells) + len(notes), 1), size):
        end = start + size
        part_notes = notes[max(start - len(cells), 0) : max(end - len(cells), 0)]
        parts.append(galley_html(created, plan, geometry, (cells[start:end], part_notes)))
    return parts


# What laying out a note costs for its length, against a cell: about twice (measured on the
# flagship: the notes' long words, addresses most, make the line breaking try many breaks).
NOTE_WEIGHT = 2


def galley_halves(items: GalleyItems) -> tuple[GalleyItems, GalleyItems]:
    """The galley's items cut in two, in order, each half with about as much layout to do
    (the length of an item's HTML stands for it, a note's twice: `NOTE_WEIGHT`)."""
    cells, notes = items
    lengths = [len(html) for *_, html in cells]
    lengths += [NOTE_WEIGHT * len(html) for *_, html in notes]
    half, total, cut = sum(lengths) / 2, 0, 0
    while cut < len(lengths) and total + lengths[cut] / 2 < half:
        total += lengths[cut]
        cut += 1
    first = (cells[:cut], notes[: max(cut - len(cells), 0)])
    later = (cells[cut:], notes[max(cut - len(cells), 0) :])
    return first, later


@dataclass(frozen=True)
class Slot:
    """An empty box at its place on a page, in CSS pixels from the body's top left; the PDF
    writer fills it with the measured lines named by `key` ("cell:ROW:LANGUAGE:FIRST:END"
    or "note:NUMBER:LANGUAGE:FIRST:END")."""

    language: str
    key: str
    top: float
    left: float
    width: float
    height: float


def paged_html(
    created: datetime.date,
    plan: Plan,
    pages: list[Page],
    cells: dict[tuple[int, str], Block],
    notes: dict[tuple[int, str], Block],
    geometry: Geometry = A4,
    summary: dict[str, object] | None = None,
) -> str:
    """The final document's frame: the cover, then every page with an empty slot wherever
    measured lines go, and the rules above the footnotes. A redline's `summary` (see
    templates/redline-summary.html.j2) is a page before the cover."""
    left = {
        language: index * (geometry.column_width + geometry.column_gap)
        for index, language in enumerate(plan.columns)
    }
    rendered_pages = []
    for page in pages:
        slots: list[Slot] = []
        for piece in page.slices:
            for language, part in piece.parts.items():
                if part.end > part.first:
                    block = cells[(piece.row, language)]
                    slots.append(
                        Slot(
                            language,
                            f"cell:{piece.row}:{language}:{part.first}:{part.end}",
                            part.top,
                            left[language],
                            geometry.column_width,
                            block.height(part.first, part.end),
                        )
                    )
        area = page.notes_area(geometry)
        note_top = geometry.usable_height - area + geometry.note_separator
        for language, note_parts in page.notes.items():
            for note_part in note_parts:
                part = note_part.part
                block = notes[(note_part.number, language)]
                slots.append(
                    Slot(
                        language,
                        f"note:{note_part.number}:{language}:{part.first}:{part.end}",
                        note_top + part.top,
                        left[language],
                        geometry.column_width,
                        block.height(part.first, part.end),
                    )
                )
        rendered_pages.append(
            {
                "slots": slots,
                "rule_top": geometry.usable_height - area if area else None,
                "rule_lefts": list(left.values()),
            }
        )
    return _template("resolution.html.j2").render(
        **_common(plan, created, geometry),
        mode="paged",
        stylesheet=None,
        rows=[],
        notes=[],
        pages=rendered_pages,
        summary=summary,
    )
