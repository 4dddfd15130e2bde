"""The source text rewritten: the text and the edits in, each edited scalar's replacement out
(`apply`: only the words that changed, or the scalar quoted again when YAML would read the
new words otherwise, checked by reading back through the loader); then the text with the
replacements made and the new lines inserted (`spliced`)."""

from __future__ import annotations

import re

from drafter.document.diagnostics import DiagnosticList, Position
from drafter.merge import scalars
from drafter.merge.new_material import Insertion
from drafter.merge.results import Edit
from drafter.source.loader import load_text


def apply(
    text: str, path: str, edits: list[Edit], problems: list[str]
) -> list[tuple[int, int, str]]:
    """The replacements of the edited scalars of `text`; a scalar whose edited words YAML
    would read otherwise (a `: ` or ` #` typed into an unquoted text) is written again,
    quoted."""
    if not edits:
        return []
    quoted: set[int] = set()
    for _ in range(2):
        replacements = _replaced(text, edits, quoted)
        wrong = _misread(spliced(text, replacements, [])[0], path, edits)
        if not wrong:
            return replacements
        quoted |= wrong
    for index in sorted(quoted):
        edit = edits[index]
        problems.append(
            f"{edit.target.source.position}: error: the new text of {edit.target.what} "
            f"({edit.target.language}) could not be written into the YAML; edit it by hand"
        )
    return []


def _replaced(text: str, edits: list[Edit], quoted: set[int]) -> list[tuple[int, int, str]]:
    replacements: list[tuple[int, int, str]] = []
    for index, edit in enumerate(edits):
        source = edit.target.source
        start = _offset(text, source.position)
        if text[start : start + len(source.source)] != source.source:
            raise ValueError(f"{source.position}: the source moved while merging")
        new_source = (
            scalars.quoted(source.source, edit.new)
            if index in quoted
            else scalars.edited_source(source.source, edit.old, edit.new)
        )
        replacements.append((start, start + len(source.source), new_source))
    return replacements


def _offset(text: str, position: Position) -> int:
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    return starts[position.line - 1] + position.column - 1


def _misread(text: str, path: str, edits: list[Edit]) -> set[int]:
    """The edits whose new value YAML does not read back exactly from `text`."""
    reloaded = load_text(text, path, DiagnosticList(path))
    if reloaded is None:
        return set(range(len(edits)))
    texts = [text for _, text in reloaded.all_texts()]
    return {
        index
        for index, edit in enumerate(edits)
        if edit.target.index >= len(texts)
        or texts[edit.target.index].language(edit.target.language).value != edit.new
    }


def spliced(
    text: str, replacements: list[tuple[int, int, str]], insertions: list[Insertion]
) -> tuple[str, list[tuple[int, Insertion]]]:
    """`text` with the scalars replaced and the lines inserted (those at one place in the
    order given); each insertion with the line, in the new text, where its lines start."""
    changes: list[tuple[int, int, str, Insertion | None]] = [
        (start, end, new, None) for start, end, new in replacements
    ]
    changes += [(entry.offset, entry.offset, entry.lines, entry) for entry in insertions]
    changes.sort(key=lambda change: (change[0], change[1]))  # stable: insertions keep order
    parts: list[str] = []
    placed: list[tuple[int, Insertion]] = []
    done = 0
    for start, end, new, entry in changes:
        parts.append(text[done:start])
        if entry is not None:
            placed.append((sum(part.count("\n") for part in parts) + 1, entry))
        parts.append(new)
        done = end
    parts.append(text[done:])
    return "".join(parts), placed
