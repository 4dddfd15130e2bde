"""The layout of unchanged cells kept between builds, for `drafter watch`.

A PDF build lays out every cell and footnote alone in the galley (`pdf.measure`), at its
column's width. What that layout gives depends only on what the galley shows of the item:
the plan's kind (its stylesheet), the page geometry (the column's width), the row's class,
the language and the item's HTML. A `LayoutCache` keeps each laid-out item (its measured
`Block` and its WeasyPrint box) under that key, and the next build lays out only the items it
does not hold, in a galley of their own; pagination and drawing are unchanged, so the PDF
is the one a cold build gives. It also keeps WeasyPrint's `FontConfiguration`, so fonts are
loaded once.

The boxes handed to a build are copies (`_fill_slots` moves their lines onto the pages);
the cache keeps the originals untouched. Items the last build did not use are dropped.

The pages' frame (the second WeasyPrint pass: cover, headers and footers, empty slots) is
kept too, with the paged HTML it was laid out from: an edit that moves no line gives the
same paged HTML, and its frame is then copied instead of laid out again.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import weasyprint
from weasyprint.document import Page
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration
from weasyprint.text.line_break import Layout

from drafter.document.plan import Plan
from drafter.render.html.page import Block, Geometry
from drafter.render.html.pdf import AssetFetcher, Galley, lay_out_frame, measure
from drafter.render.html.writer import GalleyCell, GalleyNote, galley_html, galley_items

# plan kind, geometry, "cell" or "note", row class, language, HTML
Key = tuple[str, Geometry, str, str, str, str]


@dataclass
class _Item:
    """One galley item of the current build: its cache key and its name in the galley."""

    key: Key
    kind: str  # "cell" or "note"
    number: int
    language: str


class LayoutCache:
    """Laid-out galley items and the fonts, kept from one build to the next (not thread-safe:
    one build at a time)."""

    def __init__(self) -> None:
        self.fonts = FontConfiguration()
        self._entries: dict[Key, tuple[Block, boxes.BlockBox]] = {}
        self.measured = 0  # items the last build laid out
        self.reused = 0  # items it took from the cache
        # The last frame laid out, and the paged HTML it was laid out from.
        self._frame: tuple[str, weasyprint.Document] | None = None
        self.frame_reused = False  # whether the last build copied the frame

    def __len__(self) -> int:
        return len(self._entries)

    def galley(
        self, created: datetime.date, plan: Plan, geometry: Geometry, fetcher: AssetFetcher
    ) -> Galley:
        """The measured galley of `plan`, laying out only the items not in the cache."""
        cells, notes = galley_items(plan)
        items: list[_Item] = []
        missing_cells: list[GalleyCell] = []
        missing_notes: list[GalleyNote] = []
        wanted: set[Key] = set()
        for row_class, language, name, html in cells:
            key: Key = (plan.kind, geometry, "cell", row_class, language, str(html))
            items.append(_item(key, name))
            if key not in self._entries and key not in wanted:
                wanted.add(key)
                missing_cells.append((row_class, language, name, html))
        for language, name, html in notes:
            key = (plan.kind, geometry, "note", "", language, str(html))
            items.append(_item(key, name))
            if key not in self._entries and key not in wanted:
                wanted.add(key)
                missing_notes.append((language, name, html))
        if wanted:
            fresh = measure(
                galley_html(created, plan, geometry, (missing_cells, missing_notes)),
                fetcher,
                self.fonts,
            )
            for item in items:
                if item.key in wanted and item.key not in self._entries:
                    blocks = fresh.cells if item.kind == "cell" else fresh.notes
                    box = fresh.boxes[(item.kind, item.number, item.language)]
                    _keep_text_layouts(box)
                    self._entries[item.key] = (blocks[(item.number, item.language)], box)
        galley = Galley({}, {}, {})
        for item in items:
            block, box = self._entries[item.key]
            blocks = galley.cells if item.kind == "cell" else galley.notes
            blocks[(item.number, item.language)] = block
            galley.boxes[(item.kind, item.number, item.language)] = box.deepcopy()
        used = {item.key for item in items}
        self._entries = {key: value for key, value in self._entries.items() if key in used}
        self.measured = len(wanted)
        self.reused = len(used) - len(wanted)
        return galley

    def frame(self, paged: str, fetcher: AssetFetcher) -> weasyprint.Document:
        """The frame of the pages `paged` describes: a copy of the last one when it was
        laid out from the same HTML (the slots are then filled in the copy's boxes)."""
        self.frame_reused = self._frame is not None and self._frame[0] == paged
        if self._frame is None or not self.frame_reused:
            self._frame = (paged, lay_out_frame(paged, fetcher, self.fonts))
        kept = self._frame[1]
        return kept.copy([Page(page._page_box.deepcopy()) for page in kept.pages])


class _KeptLayout(Layout):
    """A line's Pango layout that stays alive once drawn: WeasyPrint frees every line's
    layout after drawing it and makes it again (setting its text and shaping it anew) the
    next time, which was half the cost of drawing a cached line again. Kept, it is made
    once, as the first drawing made it, and the next drawings read the same glyphs."""

    def reactivate(self, style: object) -> None:
        if "layout" not in self.__dict__:
            super().reactivate(style)

    def deactivate(self) -> None:
        pass


def _keep_text_layouts(box: boxes.Box) -> None:
    """Mark every line layout under `box` as `_KeptLayout` (only boxes the cache holds)."""
    stack = [box]
    while stack:
        box = stack.pop()
        layout = getattr(box, "pango_layout", None)
        if type(layout) is Layout:
            layout.__class__ = _KeptLayout
        stack.extend(getattr(box, "children", ()))


def _item(key: Key, name: str) -> _Item:
    kind, number, language = name.split(":")
    return _Item(key, kind, int(number), language)
