"""New parts and notes: the paragraphs added after a text (and the notes made in Word) in, the
lines that write them into the source, where they go, out (`insertions`); once spliced in,
the new source is read back to make sure each gets its texts (`checked`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.document.diagnostics import DiagnosticList, Position
from drafter.document.model import Resolution
from drafter.merge import additions, markup
from drafter.merge.reader import Added
from drafter.merge.results import Addition, MergeResult, short
from drafter.merge.seen import Calls, decided, grouped, pending, plain_of, stripped
from drafter.merge.targets import Target
from drafter.source.loader import load_text


@dataclass
class NewPart:
    """Paragraphs added after one text, by language, to be written as new parts."""

    target: Target
    slot: additions.Slot
    # By where they stand in the DOCX (`Added.order`), by language: (markup, plain).
    texts: dict[tuple[int, int, int], dict[str, tuple[str, str]]] = field(default_factory=dict)


def added(
    result: MergeResult,
    added: Added,
    target: Target,
    slots: dict[int, additions.Slot],
    new_parts: dict[int, NewPart],
    calls: Calls,
    docx: str,
) -> None:
    """Take a paragraph added after `target` as a new part (or report why it cannot be)."""
    revisions = [p for p in added.pieces if p.inserted or p.deleted]
    if revisions and calls.decision is None:
        for revision, words in grouped(revisions):
            pending(result, target.source.position, revision, words)
        return
    segments = decided(added.pieces, calls.decision, calls, target)
    glyphs = stripped(markup.glyphs(segments or []))
    if not glyphs:
        return  # its words were all tracked insertions, rejected
    slot = slots.get(id(target.text))
    where = added.place or target.what
    if slot is None or segments is None:
        result.problems.append(
            f"{docx}: {where}: error: a paragraph was added after {target.what} "
            f'({target.language}), where no part can be added: "{short(added.text)}"; '
            "copy it into the source by hand"
        )
        return
    part = new_parts.setdefault(id(target.text), NewPart(target, slot))
    value = markup.new_markup([], glyphs, calls.ids)
    part.texts.setdefault(added.order, {})[target.language] = (value, plain_of(glyphs))


@dataclass(frozen=True)
class Insertion:
    """Lines to insert at `offset` of the source, writing a new part or note whose texts
    (`values`, by language) start at line `line` of them, column `column`."""

    offset: int
    lines: str
    line: int
    column: int
    kind: str
    id: str | None
    values: dict[str, str]
    plain: dict[str, str]
    where: str


def insertions(
    resolution: Resolution,
    text: str,
    new_parts: dict[int, NewPart],
    calls: Calls,
    problems: list[str],
) -> list[Insertion]:
    """The lines that write the new parts and notes, where they go in `text`."""
    if not new_parts and not calls.made:
        return []
    places = additions.Places(text)
    found: list[Insertion] = []
    for part in new_parts.values():
        slot, target = part.slot, part.target
        offset, dash, key = places.list_entry(slot.anchor.position, slot.before)
        where = f"after {target.what}"
        for _, by_language in sorted(part.texts.items()):
            texts = {
                language: by_language[language]
                for language in resolution.columns
                if language in by_language
            }
            first = next(iter(texts.values()))[1]
            fallback = slot.kind.split()[-1].replace("-", "")
            part_id = additions.new_id(first, calls.taken, fallback) if slot.keyed else None
            values = {
                language: texts[language][0] for language in ("nl", "fr") if language in texts
            }
            fields = [("id", part_id)] if part_id else []
            lines = additions.list_entry_lines(dash, key, [*fields, *values.items()])
            plain = {language: texts[language][1] for language in texts}
            found.append(
                Insertion(offset, lines, 0, key + 1, slot.kind, part_id, values, plain, where)
            )
            where = f"after the {slot.kind} added before it"
    notes = list(calls.made.values())
    if not notes:
        return found
    place = places.footnote()
    if place is None and places.has_footnotes():
        problems.append(
            f"{resolution.position}: error: `footnotes:` is not written as lines, so the "
            f"new footnote {notes[0].id} cannot be added to it; add it by hand"
        )
        return []
    offset, key, inner = place if place is not None else (len(text), 2, 4)
    header = "" if place is not None else ("" if text.endswith("\n") else "\n") + "footnotes:\n"
    for note in notes:
        values = {note.language: note.markup}
        lines = header + additions.footnote_lines(key, inner, note.id, list(values.items()))
        line = lines.count("\n") - 1  # the text's line: the last
        plain = {note.language: note.plain}
        found.append(
            Insertion(
                offset, lines, line, inner + 1, "footnote", note.id, values, plain, note.where
            )
        )
        header = ""
    return found


def checked(
    text: str, path: str, placed: list[tuple[int, Insertion]], problems: list[str]
) -> list[Addition]:
    """The additions, once the new text is read back and gives each one its texts."""
    reloaded = load_text(text, path, DiagnosticList(path))
    written = {
        (found.position.line, found.position.column): found
        for _, found in (reloaded.all_texts() if reloaded is not None else [])
    }
    additions_made: list[Addition] = []
    for line, entry in placed:
        position = Position(path, line + entry.line, entry.column)
        found = written.get((position.line, position.column))
        if found is None or any(
            found.language(language).value != value for language, value in entry.values.items()
        ):
            problems.append(
                f"{position}: error: the new {entry.kind} could not be written into the YAML; "
                "add it by hand"
            )
            continue
        additions_made.append(Addition(entry.kind, entry.id, entry.where, entry.plain, position))
    return additions_made
