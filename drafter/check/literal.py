"""Find references typed as plain text: a string in, the literal references it contains out.

"verzoek 21", "verzoeken 3 en 4", "de subparagrafen a) tot k) van verzoek 4", "demande 4",
"des sous-paragraphes a) à i) de la demande 4", "considérant B", "punt 2°". The checker
decides what each one points at; this module only reads the words (from `vocabulary.py`).
A backslash before the label ("verzoek \\4") tells drafter the words are not a reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.document import vocabulary

# How the label of each kind of part is written in running text.
LABEL_PATTERNS: dict[str, str] = {
    "request": r"\d+(?![\d°])",
    "consideration": r"[A-Z]{1,2}(?![\w’'])",
    "subparagraph": r"[a-z]{1,2}\)",
    "item": r"\d+°",
}


@dataclass(frozen=True)
class Label:
    text: str  # "4", "B", "a)", "2°"
    start: int
    end: int


@dataclass(frozen=True)
class LiteralReference:
    kind: str
    labels: tuple[Label, ...]
    is_range: bool
    parent_kind: str | None
    parent: Label | None
    start: int
    end: int
    text: str


def _words(words: tuple[str, ...]) -> str:
    # Longest first, so "verzoeken" is not read as "verzoek" + "en".
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered)


def _pattern(language: str, kind: str) -> re.Pattern[str]:
    label = LABEL_PATTERNS[kind]
    joiners = _words(vocabulary.LIST_JOINERS[language])
    ranges = _words(vocabulary.RANGE_JOINERS[language])
    parents = []
    for parent_kind, words in vocabulary.PARENT_WORDS[language].items():
        if kind in ("subparagraph", "item") and parent_kind != kind:
            parents.append(
                rf"(?P<parent_{parent_kind}>(?i:{_words(words)}))\s+"
                rf"(?P<parent_label_{parent_kind}>{LABEL_PATTERNS[parent_kind]})"
            )
    parent = rf"(?:\s+(?:{'|'.join(parents)}))?" if parents else ""
    return re.compile(
        rf"(?<![\w-])(?P<word>(?i:{_words(vocabulary.REFERENCE_WORDS[language][kind])}))\s+"
        rf"(?P<labels>{label}(?:\s*,\s*{label})*"
        rf"(?:\s+(?:(?P<range>{ranges})|(?:{joiners}))\s+{label})?)"
        rf"{parent}"
    )


_PATTERNS = {
    language: {kind: _pattern(language, kind) for kind in LABEL_PATTERNS}
    for language in vocabulary.REFERENCE_WORDS
}


def find(text: str, language: str) -> list[LiteralReference]:
    """The literal references in `text`, in order of appearance.

    `text` should have its markup calls blanked out (same length), so that offsets match
    the source and `[@id]` references are not read as words.
    """
    found: list[LiteralReference] = []
    for kind, pattern in _PATTERNS[language].items():
        label_pattern = re.compile(LABEL_PATTERNS[kind])
        for match in pattern.finditer(text):
            labels_start = match.start("labels")
            labels = tuple(
                Label(m.group(), labels_start + m.start(), labels_start + m.end())
                for m in label_pattern.finditer(match.group("labels"))
            )
            parent_kind, parent = None, None
            for candidate in ("request", "consideration", "subparagraph"):
                group = f"parent_label_{candidate}"
                if group in pattern.groupindex and match.group(group):
                    parent_kind = candidate
                    parent = Label(match.group(group), match.start(group), match.end(group))
            found.append(
                LiteralReference(
                    kind=kind,
                    labels=labels,
                    is_range=bool(match.group("range")),
                    parent_kind=parent_kind,
                    parent=parent,
                    start=match.start(),
                    end=match.end(),
                    text=match.group(),
                )
            )
    # A sub-paragraph reference's parent ("van verzoek 4") is not a reference of its own.
    covered = [(r.parent.start, r.parent.end) for r in found if r.parent]
    found = [
        reference
        for reference in found
        if not any(start <= reference.labels[0].start < end for start, end in covered)
    ]
    return sorted(found, key=lambda reference: reference.start)
