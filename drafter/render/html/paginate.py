"""Paginate: measured paragraphs in, pages out (which lines of which rows and notes go where).

drafter does its own page breaking, like a typesetter, rather than leaving it to the browser
engine: WeasyPrint lays out every cell once, in a tall galley at its column's width
(`measure_galley`, in `pdf.py`), and this module fills A4 pages line by line:

- both cells of a row start at the same height, and a row may break across pages;
- a footnote stands on the page of its call, under the column of its call (the Dutch note
  under the Dutch text); a note too long for one page continues on the next;
- no paragraph leaves a single line at the foot or the head of a page, and headings stay
  with what follows them; the resolution itself starts on a new page.

The notes of each page are placed by `note_area.py` as their calls are; the types of the
page and of what is measured are in `page.py`. The writer then renders each page with its
content fixed, so layout is done once per page.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.document.plan import Plan
from drafter.render.html.note_area import NoteArea
from drafter.render.html.page import A4, Block, Geometry, Page, Part, Slice

# Rows that must not end a page: a heading stays with the first lines of what follows.
KEEP_WITH_NEXT = {"part-heading", "salutation", "section-title", "enacting", "request-lead"} | {
    "amendment-heading",
    "amendment-target",
    "instruction",
    "justification-heading",
}
# Headings that, one after the other, stay together with what follows the last one.
CHAINED = {"amendment-heading", "amendment-target", "instruction"}
# Rows that start a new page (except at the very start of the body).
BREAK_BEFORE = {"part-heading"}
MINIMUM_LINES = 2  # no orphan, no widow


@dataclass
class _State:
    """The page being filled."""

    page: Page
    y: float = 0.0  # bottom of the last placed row

    @property
    def empty(self) -> bool:
        return not self.page.slices


class Paginator:
    """Fills pages with the rows of a plan, in order; `paginate()` returns them."""

    def __init__(
        self,
        plan: Plan,
        cells: dict[tuple[int, str], Block],
        notes: dict[tuple[int, str], Block],
        geometry: Geometry = A4,
    ) -> None:
        self.plan = plan
        self.cells = cells
        self.geometry = geometry
        self.languages = plan.columns
        self.pages: list[Page] = []
        self.note_area = NoteArea(notes, self.languages, geometry)

    def _new_page(self) -> _State:
        page = Page(
            notes={language: [] for language in self.languages},
            notes_height=dict.fromkeys(self.languages, 0.0),
        )
        self.pages.append(page)
        self.note_area.carry_over(page)
        return _State(page)

    def paginate(self) -> list[Page]:
        state = self._new_page()
        rows = self.plan.rows
        starts = dict.fromkeys(self.languages, 0)
        index = 0
        while index < len(rows):
            row = rows[index]
            at_row_start = all(start == 0 for start in starts.values())
            if at_row_start and row.kind in BREAK_BEFORE and index > 0 and not state.empty:
                state = self._new_page()
            if (
                at_row_start
                and row.kind in KEEP_WITH_NEXT
                and not state.empty
                and not self._fits_with_next(state, index)
            ):
                state = self._new_page()
            ends = self._fit(state, index, starts)
            if ends is None:
                state = self._new_page()
                continue
            self._place(state, index, starts, ends)
            if all(
                ends[language] == len(self._cell(index, language).lines)
                for language in self.languages
            ):
                index += 1
                starts = dict.fromkeys(self.languages, 0)
            else:
                starts = ends
                state = self._new_page()
        return self.pages

    def _cell(self, index: int, language: str) -> Block:
        return self.cells[(index, language)]

    def _top(self, state: _State, index: int, starts: dict[str, int]) -> float:
        if state.empty or any(starts.values()):
            return state.y
        return state.y + max(self._cell(index, lang).margin_top for lang in self.languages)

    def _fits_with_next(self, state: _State, index: int) -> bool:
        """Whether heading `index` and the first lines of the row after it fit here."""
        if index + 1 >= len(self.plan.rows):
            return True
        languages = self.languages
        top = self._top(state, index, dict.fromkeys(languages, 0))
        heading = self._whole_height(index)
        following = index + 1
        # A chain of headings (an amendment's heading, target and instruction) stays
        # together with the first lines of what follows the last of them.
        while (
            self.plan.rows[index].kind in CHAINED
            and self.plan.rows[following].kind in CHAINED
            and following + 1 < len(self.plan.rows)
        ):
            top += heading + max(self._cell(following, lang).margin_top for lang in languages)
            heading = self._whole_height(following)
            index, following = following, following + 1
        top += heading + max(self._cell(following, lang).margin_top for lang in languages)
        needed = max(
            self._cell(following, lang).height(
                0, min(MINIMUM_LINES, len(self._cell(following, lang).lines))
            )
            for lang in languages
        )
        return top + needed + state.page.notes_area(self.geometry) <= self.geometry.usable_height

    def _whole_height(self, index: int) -> float:
        """The height of row `index` with its margin below, the taller column's."""
        return max(
            self._cell(index, lang).height(0, len(self._cell(index, lang).lines))
            + self._cell(index, lang).margin_bottom
            for lang in self.languages
        )

    def _fit(self, state: _State, index: int, starts: dict[str, int]) -> dict[str, int] | None:
        """How far each column of row `index` gets on this page; None: start a new page."""
        geometry = self.geometry
        top = self._top(state, index, starts)
        cells = {language: self._cell(index, language) for language in self.languages}
        # Lines of both columns in the order a reader's eye meets them, top to bottom.
        candidates = sorted(
            (
                (cell.lines[line].bottom - cell.lines[starts[language]].top, language, line)
                for language, cell in cells.items()
                for line in range(starts[language], len(cell.lines))
            ),
        )
        ends = dict(starts)
        notes_height = dict(state.page.notes_height)
        placed_notes: set[tuple[int, str]] = set()
        for bottom, language, line in candidates:
            extra = notes_height[language]
            new_notes = [
                number
                for number in cells[language].lines[line].calls
                if self.note_area.has(number, language) and (number, language) not in placed_notes
            ]
            for number in new_notes:
                extra += self.note_area.whole_height(number, language)
            heights = {**notes_height, language: extra}
            area = max(heights.values())
            area = area + geometry.note_separator if area else 0.0
            if top + bottom + area > geometry.usable_height:
                break
            notes_height = heights
            placed_notes.update((number, language) for number in new_notes)
            ends[language] = line + 1
        ends = _keep_lines_together(cells, starts, ends, state.empty)
        at_row_start = all(start == 0 for start in starts.values())
        if any(ends[language] == starts[language] for language in self.languages) and (
            at_row_start or all(ends[language] == starts[language] for language in ends)
        ):
            # Both columns of a row start on the same page. When not even one line of each
            # fits on an empty page, its notes are too long: place the first lines and let
            # the notes continue on the next page.
            if state.empty:
                return {
                    language: min(starts[language] + 1, len(cells[language].lines))
                    for language in self.languages
                }
            return None
        return ends

    def _place(
        self, state: _State, index: int, starts: dict[str, int], ends: dict[str, int]
    ) -> None:
        top = self._top(state, index, starts)
        parts: dict[str, Part] = {}
        bottom = top
        for language in self.languages:
            cell = self._cell(index, language)
            first, end = starts[language], ends[language]
            parts[language] = Part(first, end, top)
            height = cell.height(first, end)
            if end == len(cell.lines):
                height += cell.margin_bottom
            bottom = max(bottom, top + height)
            for line in cell.lines[first:end]:
                for number in line.calls:
                    if self.note_area.has(number, language):
                        room = (
                            self.geometry.usable_height
                            - self.geometry.note_separator
                            - (top + cell.height(first, end))
                        )
                        self.note_area.place(state.page, language, number, 0, limit=room)
        state.page.slices.append(Slice(index, parts))
        state.y = bottom


def _keep_lines_together(
    cells: dict[str, Block], starts: dict[str, int], ends: dict[str, int], page_empty: bool
) -> dict[str, int]:
    """Apply the orphan and widow rules to a proposed split of a row."""
    ends = dict(ends)
    for language, cell in cells.items():
        total = len(cell.lines)
        if ends[language] < total and total - ends[language] < MINIMUM_LINES:
            ends[language] = max(starts[language], total - MINIMUM_LINES)
    if page_empty:
        return ends
    for language, cell in cells.items():
        total = len(cell.lines)
        placed = ends[language] - starts[language]
        # A row starting at the foot of the page shows at least two lines of each
        # column there, or moves to the next page whole.
        if starts[language] == 0 and ends[language] < total and placed < min(MINIMUM_LINES, total):
            return dict(starts)
    return ends


def paginate(
    plan: Plan,
    cells: dict[tuple[int, str], Block],
    notes: dict[tuple[int, str], Block],
    geometry: Geometry = A4,
) -> list[Page]:
    """Pages for a plan whose cells and notes have been measured."""
    return Paginator(plan, cells, notes, geometry).paginate()
