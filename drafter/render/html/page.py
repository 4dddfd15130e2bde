"""The page and what goes on it: the geometry of an A4 page, the measured paragraphs
(`Block`, from the galley) that `paginate.py` takes in, and the `Page`s it gives out (which
lines of which rows and notes go where), which the HTML writer draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def millimetres(value: float) -> float:
    """Millimetres in CSS pixels (1/96 inch), the unit WeasyPrint measures in."""
    return value * 96 / 25.4


@dataclass(frozen=True)
class Geometry:
    """The page, in millimetres; the writer prints the @page rule from these numbers."""

    page_width: float = 210
    page_height: float = 297
    margin_top: float = 22
    margin_bottom: float = 20
    margin_side: float = 16
    gap: float = 8  # between the columns
    separator: float = 5  # the rule above the footnotes and its spacing

    @property
    def body_width(self) -> float:
        return millimetres(self.page_width - 2 * self.margin_side)

    @property
    def body_height(self) -> float:
        return millimetres(self.page_height - self.margin_top - self.margin_bottom)

    @property
    def usable_height(self) -> float:
        """The height drafter fills: a pixel less than the body, so that rounding the
        positions in the HTML can never push a page's content onto an extra page."""
        return self.body_height - 1

    @property
    def column_gap(self) -> float:
        return millimetres(self.gap)

    @property
    def column_width(self) -> float:
        return (self.body_width - self.column_gap) / 2

    @property
    def note_separator(self) -> float:
        return millimetres(self.separator)


A4 = Geometry()


@dataclass(frozen=True)
class Line:
    top: float  # from the top of its block's content
    bottom: float
    calls: tuple[int, ...] = ()  # footnote numbers called on this line


@dataclass(frozen=True)
class Block:
    """One measured paragraph: a cell of a row, or one language of a footnote."""

    lines: tuple[Line, ...]
    margin_top: float
    margin_bottom: float

    def height(self, first: int, end: int) -> float:
        if end <= first:
            return 0.0
        return self.lines[end - 1].bottom - self.lines[first].top


@dataclass
class Part:
    """Lines [first, end) of one block, placed with their top at `top` on the page."""

    first: int
    end: int
    top: float


@dataclass
class Slice:
    row: int
    parts: dict[str, Part]


@dataclass
class NotePart:
    number: int
    part: Part


@dataclass
class Page:
    slices: list[Slice] = field(default_factory=list)
    notes: dict[str, list[NotePart]] = field(default_factory=dict)
    notes_height: dict[str, float] = field(default_factory=dict)

    def notes_area(self, geometry: Geometry) -> float:
        height = max(self.notes_height.values(), default=0.0)
        return height + geometry.note_separator if height else 0.0
