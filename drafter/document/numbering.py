"""Numbering styles: how the n-th consideration, request, sub-paragraph or item is labelled.

Each style gives the label printed before the text ("A.", "1.", "a)", "1°") and the label a
cross-reference prints ("A", "1", "a)", "1°"). Renderers that number natively (Word's
numbering.xml) use the `word_format` and `word_text` of the same table.
"""

from __future__ import annotations

import re
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


def letters_number(text: str) -> int:
    """The inverse of `letters`: 'a' → 1, 'z' → 26, 'aa' → 27 (case does not matter)."""
    number = 0
    for character in text.lower():
        number = number * 26 + ord(character) - ord("a") + 1
    return number


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

    def parse_fixed(self, text: str) -> tuple[int, int] | None:
        """A fixed label as a source writes it, as (base, sub-number): "C" → (3, 0),
        "C/1" → (3, 1), "c/2)" → (3, 2), "2°/1" → (2, 1), "0/1" → (0, 1) (before the first
        one). None if `text` is not a label of this style."""
        counter = {"upper-letter": "[A-Z]+", "lower-letter": "[a-z]+"}.get(self.counter, "[0-9]+")
        suffix = re.escape(self.reference_suffix) + "?" if self.reference_suffix else ""
        if self.suffix == "°":
            pattern = r"(?P<base>0|[0-9]+)°?(?:/(?P<sub>[1-9][0-9]*))?"
        else:
            pattern = rf"(?P<base>0|{counter})(?:/(?P<sub>[1-9][0-9]*))?{suffix}"
        match = re.fullmatch(pattern, text.strip())
        if not match:
            return None
        base_text, sub = match.group("base"), int(match.group("sub") or 0)
        if base_text == "0":
            return (0, sub) if sub else None
        base = int(base_text) if self.counter == "decimal" else letters_number(base_text)
        return base, sub

    def fixed_labels(self, base: int, sub: int) -> tuple[str, str]:
        """The printed and the reference label of (base, sub-number): (3, 1) → ("C/1.",
        "C/1") for a consideration, ("c/1)", "c/1)") for a sub-paragraph, ("2°/1", "2°/1")
        for an item."""
        if not sub:
            return self.label(base), self.reference_label(base)
        counter = self.counter_text(base) if base else "0"
        if self.suffix == "°":
            core = f"{counter}°/{sub}"
            return core, core
        core = f"{counter}/{sub}"
        return core + self.suffix, core + self.reference_suffix


CONSIDERATION = Style("consideration", "upper-letter", ".", "")
REQUEST = Style("request", "decimal", ".", "")
SECTION = Style("section", "decimal", ".", "")
SUBPARAGRAPH = Style("subparagraph", "lower-letter", ")", ")")
ITEM = Style("item", "decimal", "°", "°")
MEMORANDUM_ITEM = Style("memorandum-item", "decimal", ".", "")
