"""Parts and notes deleted in the DOCX: the texts the DOCX should show, what it holds and the
source text in, the removals (each with the lines it takes out of the source) out, or the
problem that keeps one from being carried into the YAML (a deletion in one column only, a
whole table, a part whose parts under it stay). The source without them is read back through
the loader (`removals_checked`)."""

from __future__ import annotations

from collections.abc import Callable

from drafter.document import model
from drafter.document.diagnostics import DiagnosticList, Position
from drafter.document.model import Resolution
from drafter.merge import additions, removals
from drafter.merge.reader import DocxContent
from drafter.merge.results import MergeResult, Removal, short
from drafter.merge.seen import ACCEPT, REJECT
from drafter.merge.targets import Target
from drafter.source.loader import load_text


def paragraphs_gone(
    wanted: dict[str, Target], content: DocxContent, decision: str | None
) -> set[str]:
    """The bookmarks of the paragraphs deleted in the DOCX: no longer there, in a row whose
    tracked deletion is accepted, or with nothing left to read."""
    gone: set[str] = set()
    for name in wanted:
        paragraph = content.paragraphs.get(name)
        if paragraph is None or (paragraph.deleted_row is not None and decision == ACCEPT):
            gone.add(name)
            continue
        if decision is None and any(p.inserted or p.deleted for p in paragraph.pieces):
            continue  # pending: listed, not taken
        shown = [
            piece
            for piece in paragraph.pieces
            if not (piece.deleted and decision != REJECT)
            and not (piece.inserted and decision == REJECT)
        ]
        if all(piece.note is None and not piece.text.strip() for piece in shown):
            gone.add(name)
    return gone


def deleted_parts(
    resolution: Resolution,
    text: str,
    wanted: dict[str, Target],
    content: DocxContent,
    gone: set[str],
    built: Callable[[], DocxContent] | None,
    docx: str,
    result: MergeResult,
) -> tuple[list[Removal], int]:
    """The parts and notes deleted in every column, to be removed, with how many texts they
    hold; a deletion that cannot be carried into the YAML is a problem."""
    if not gone:
        return [], 0
    by_text: dict[int, list[Target]] = {}
    for name in sorted(gone):
        by_text.setdefault(id(wanted[name].text), []).append(wanted[name])
    names = {(id(target.text), target.language): name for name, target in wanted.items()}
    tables = _deleted_tables(wanted, content, gone, built, docx, result)
    notes = {id(note.text): note for note in resolution.footnotes.values()}
    deleted: set[int] = set()  # texts deleted in every column
    for key, targets_gone in by_text.items():
        target = targets_gone[0]
        if key in tables:
            continue
        if len(targets_gone) == len(resolution.columns):
            deleted.add(key)
        elif key not in notes:  # a note deleted in one language stays: `check` says so
            result.problems.append(_one_column(target, names, resolution, content, docx))
    lines = removals.Lines(text)
    found: list[Removal] = []
    count = 0
    notes_gone = [note for note in resolution.footnotes.values() if id(note.text) in deleted]
    every_note = len(notes_gone) == len(resolution.footnotes)
    for note in notes_gone:
        span = lines.all_footnotes() if every_note else lines.footnote(note.id)
        if every_note and note is not notes_gone[0] and span is not None:
            span = (span[0], span[0])  # `footnotes:` goes once
        _removal(found, f"footnote {note.number} ({note.id})", note.position, span, result.problems)
        count += 1
        deleted.discard(id(note.text))
    whole: dict[int, list[removals.Removable]] = {}
    taken: set[int] = set()
    for part in removals.removables(resolution):
        if id(part.part.text) not in deleted or id(part.part.text) in taken:
            continue
        what = _what(wanted, part.part)
        kept = [t for t in part.texts if id(t) not in deleted]
        if kept:
            result.problems.append(
                f"{part.part.text.position}: error: {what} was deleted in the DOCX, but not "
                "the parts under it; delete them too, or merge by hand"
            )
            continue
        taken.update(id(t) for t in part.texts)
        count += len(part.texts)
        whole.setdefault(id(part.siblings), []).append(part)
    for entries in whole.values():
        siblings = entries[0].siblings
        if len(entries) == len(siblings):
            span = lines.whole_list(entries[0].part)
            for entry in entries:
                _removal(
                    found, _what(wanted, entry.part), entry.part.position, span, result.problems
                )
                span = (span[0], span[0]) if span is not None else None  # the list goes once
            continue
        for entry in entries:
            span = lines.entry(entry.part)
            _removal(found, _what(wanted, entry.part), entry.part.position, span, result.problems)
    for key in deleted - taken:
        target = by_text[key][0]
        result.problems.append(
            f"{target.text.position}: error: {target.what} was deleted in the DOCX, and it "
            "cannot go (a resolution always has it); restore it, or merge by hand"
        )
    found.sort(key=lambda removal: removal.start)
    return found, count


def _removal(
    found: list[Removal],
    what: str,
    position: Position,
    span: tuple[int, int] | None,
    problems: list[str],
) -> None:
    if span is None:
        problems.append(
            f"{position}: error: {what} was deleted in the DOCX, but its lines in the YAML "
            "hold other parts too; remove it by hand"
        )
        return
    found.append(Removal(what, position, *span))


def _what(wanted: dict[str, Target], part: additions.Part) -> str:
    """A part in plain words, with its id or, without one, its first words: "consideration
    B. (second)", "memorandum paragraph ("Sinds 2017 …")"."""
    what = next(t.what for t in wanted.values() if t.text is part.text)
    if isinstance(part, model.Paragraph):
        what = f"memorandum {what}"
    part_id = getattr(part, "id", None)
    if part_id:
        return f"{what} ({part_id})"
    first = next(t for t in wanted.values() if t.text is part.text)
    return f'{what} ("{short(first.source.value, 40)}")'


def _one_column(
    target: Target,
    names: dict[tuple[int, str], str],
    resolution: Resolution,
    content: DocxContent,
    docx: str,
) -> str:
    """A paragraph deleted in one column only, where it stood in the DOCX: its own place if
    it is still there (emptied), else that of the other language's paragraph beside it."""
    paragraph = content.paragraphs.get(names[(id(target.text), target.language)])
    place = paragraph.place if paragraph is not None else ""
    others = [
        content.paragraphs[names[(id(target.text), language)]]
        for language in resolution.columns
        if language != target.language
        and names.get((id(target.text), language)) in content.paragraphs
    ]
    if not place and others and others[0].place.startswith("table "):
        side = ("left", "right")[resolution.columns.index(target.language)]
        place = f"{others[0].place.rsplit(', ', 1)[0]}, {side} column"
    where = f"{docx}: {place}" if place else docx
    return (
        f"{where}: error: {target.what} ({target.language}) was deleted, but not the other "
        "language's text beside it; delete both (or neither), or merge it by hand "
        f"({target.source.position})"
    )


def _deleted_tables(
    wanted: dict[str, Target],
    content: DocxContent,
    gone: set[str],
    built: Callable[[], DocxContent] | None,
    docx: str,
    result: MergeResult,
) -> set[int]:
    """The texts of the tables deleted whole (the DOCX has fewer tables than drafter built,
    and every text of one of them is gone), each reported with where it stood."""
    if built is None:
        return set()
    original = built()
    if content.tables >= original.tables:
        return set()
    by_table: dict[int, list[str]] = {}
    for name, paragraph in original.paragraphs.items():
        if paragraph.table and name in wanted:
            by_table.setdefault(paragraph.table, []).append(name)
    texts: set[int] = set()
    for number, names in sorted(by_table.items()):
        if not all(name in gone and name not in content.paragraphs for name in names):
            continue
        first, last = wanted[names[0]].what, wanted[names[-1]].what
        held = first if first == last else f"{first} to {last}"
        if number == 1:
            where = "before table 1"
        elif number == original.tables:
            where = f"after table {number - 1}"
        else:
            where = f"between table {number - 1} and table {number}"
        result.problems.append(
            f"{docx}: {where}: error: a whole table was deleted (table {number} as drafter "
            f"built it, with {held}); restore it, or merge by hand"
        )
        texts.update(id(wanted[name].text) for name in names)
    return texts


def removals_checked(
    text: str, path: str, expected: int, removed: list[Removal], problems: list[str]
) -> None:
    """Make sure the YAML without the removed lines reads back, with the texts expected."""
    diagnostics = DiagnosticList(path)
    reloaded = load_text(text, path, diagnostics)
    if (
        reloaded is not None
        and not diagnostics.has_errors
        and len(list(reloaded.all_texts())) == expected
    ):
        return
    for removal in removed:
        problems.append(
            f"{removal.position}: error: {removal.what} was deleted in the DOCX, but the YAML "
            "without it cannot be read; remove it by hand"
        )
