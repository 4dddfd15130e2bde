"""The texts the DOCX shows: a resolved resolution in, each of its texts in each language out,
by the name of the bookmark the DOCX writer left on its paragraph (`document/anchors.py`),
with what merging needs to compare it (its inlines, a label or suffix the row adds) and to
name it in messages ("consideration B", in plain words)."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.document.anchors import TITLE_KEY, bookmark_name, footnote_key
from drafter.document.inline import Inline
from drafter.document.model import LanguageText, Resolution, Text
from drafter.resolve import layout


@dataclass(frozen=True)
class Target:
    """A text of the source, in one language, as the DOCX shows it."""

    text: Text
    language: str
    what: str  # "consideration B (genocide-definition)", in plain words
    inlines: list[Inline]
    index: int  # its place among `Resolution.all_texts()`, to find it again after editing
    label: str = ""  # a label the DOCX may type before the text (long lists)
    suffix: str = ""  # what the row adds after the text (the request lead's colon)

    @property
    def source(self) -> LanguageText:
        return self.text.language(self.language)


def targets(resolution: Resolution) -> dict[str, Target]:
    """Every text the DOCX shows, by the name of its bookmark."""
    indexes = {id(text): index for index, (_, text) in enumerate(resolution.all_texts())}
    by_inlines = {
        id(text.inlines[language]): text
        for _, text in resolution.all_texts()
        for language in text.inlines
    }
    found: dict[str, Target] = {}

    def add(key: str, text: Text, what: str, language: str, **extra: str) -> None:
        found[bookmark_name(key, language)] = Target(
            text, language, what, text.inlines[language], indexes[id(text)], **extra
        )

    for language in resolution.columns:
        add(TITLE_KEY, resolution.title, "the title", language)
        for row in layout.plan(resolution).rows:
            cell = row.cell(language)
            what = " ".join(part for part in (row.kind.replace("-", " "), cell.label) if part)
            if row.kind == "request-lead":
                lead = resolution.requests.lead
                add(row.key, lead, "the requests' lead", language, suffix=":")
            elif id(cell.inlines) in by_inlines:
                add(row.key, by_inlines[id(cell.inlines)], what, language, label=cell.label)
        for note in resolution.footnotes.values():
            if note.number:
                what = f"footnote {note.number} ({note.id})"
                add(footnote_key(note.id), note.text, what, language)
    return found
