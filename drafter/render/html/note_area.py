"""The note area: measured footnotes in, the lines of each note placed on its page out.

A footnote stands on the page of its call, under the column of its call (the Dutch note under
the Dutch text); a note too long for the room left continues on the next page.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter.render.html.page import Block, Geometry, NotePart, Page, Part


class NoteArea:
    """Places the notes of each page, per language, as `Paginator` places their calls; the
    lines that do not fit are carried to the next page."""

    def __init__(
        self, notes: dict[tuple[int, str], Block], languages: Sequence[str], geometry: Geometry
    ) -> None:
        self.notes = notes
        self.geometry = geometry
        # Note lines left over when a note had to continue on the next page.
        self.carried: dict[str, list[NotePart]] = {language: [] for language in languages}

    def has(self, number: int, language: str) -> bool:
        """Whether footnote `number` has a text in `language` (a call may have none)."""
        return (number, language) in self.notes

    def whole_height(self, number: int, language: str) -> float:
        """The height the whole note takes in the area, its spacing included."""
        return self.height(number, language, 0, len(self.notes[(number, language)].lines))

    def height(self, number: int, language: str, first: int, end: int) -> float:
        block = self.notes[(number, language)]
        spacing = block.margin_bottom if end == len(block.lines) else 0.0
        return block.height(first, end) + spacing

    def carry_over(self, page: Page) -> None:
        """Start a new page's note area with the lines carried from the page before."""
        for language, carried in self.carried.items():
            self.carried[language] = []
            for note in carried:
                limit = self.geometry.usable_height - self.geometry.note_separator
                self.place(page, language, note.number, note.part.first, limit)

    def place(self, page: Page, language: str, number: int, first: int, limit: float) -> None:
        """Put note lines from `first` into the page's note area, up to `limit` for the
        area's height (but at least one line); the lines that do not fit are carried to the
        next page."""
        block = self.notes[(number, language)]
        end = len(block.lines)
        used = page.notes_height[language]
        while end > first + 1 and used + self.height(number, language, first, end) > limit:
            end -= 1
        height = self.height(number, language, first, end)
        page.notes[language].append(NotePart(number, Part(first, end, page.notes_height[language])))
        page.notes_height[language] += height
        if end < len(block.lines):
            self.carried[language].append(NotePart(number, Part(end, len(block.lines), 0)))
