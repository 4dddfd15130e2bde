"""Numbering styles: how the n-th consideration, request, sub-paragraph or item is labelled.

Each style gives the label printed before the text ("A.", "1.", "a)", "1°") and the label a
cross-reference prints ("A", "1", "a)", "1°"). Renderers that number natively (Word's
numbering.xml) use the `word_format` and `word_text` of the same table.
"""

from __future__ import annotations

from dataclasses import dataclass


def letters(number: int) -> str:
    """1 → 'a', 26 → 'z', 27 → 'aa', 28 → 'ab' (bijective base 26, as the Chamber counts;
    Word's own letter numbering goes on 'aa', 'bb', 'cc', see render/docx/lists.py)."""
    if number < 1:
        raise ValueError("numbering starts at 1")
    result = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        result = chr(ord("a") + remainder) + result
    return result


@dataclass(frozen=True)
class Style:
    name: str
    counter: str  # "upper-letter", "lower-letter" or "decimal"
    suffix: str  # printed after the counter before the text: ".", ")", "°"
    reference_suffix: str  # printed after the counter in a cross-reference

    def counter_text(self, number: int) -> str:
        if self.counter == "upper-letter":
            return letters(number).upper()
        if self.counter == "lower-letter":
            return letters(number)
        return str(number)

    def label(self, number: int) -> str:
        return self.counter_text(number) + self.suffix

    def reference_label(self, number: int) -> str:
        return self.counter_text(number) + self.reference_suffix


CONSIDERATION = Style("consideration", "upper-letter", ".", "")
REQUEST = Style("request", "decimal", ".", "")
SECTION = Style("section", "decimal", ".", "")
SUBPARAGRAPH = Style("subparagraph", "lower-letter", ")", ")")
ITEM = Style("item", "decimal", "°", "°")
MEMORANDUM_ITEM = Style("memorandum-item", "decimal", ".", "")
