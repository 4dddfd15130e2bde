"""Merging: a resolved resolution, its source text and the bytes of a DOCX that drafter built
from it (and a co-sponsor edited) in, the new source text out, with what changed, the
tracked changes still to decide, the comments, and what needs a person.

Each bookmarked paragraph of the DOCX is matched to the text it was built from by the
bookmark's name (`document/anchors.py`): the plan's row keys, the title, the notes' ids.
Only the scalars whose text a reader sees differently are edited (`scalars.py`), and the
result is read again to make sure YAML gives back exactly the new texts.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from drafter.document import model
from drafter.document.anchors import TITLE_KEY, bookmark_name, footnote_key
from drafter.document.diagnostics import DiagnosticList, Position
from drafter.document.inline import Inline, plain_text
from drafter.document.model import LANGUAGES, LanguageText, Resolution, Text, locate
from drafter.merge import additions, markup, removals, scalars
from drafter.merge.reader import Added, DocxContent, DocxError, Piece, Revision
from drafter.resolve import layout
from drafter.source.loader import load_text

ACCEPT, REJECT = "accept", "reject"


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


@dataclass(frozen=True)
class Edit:
    target: Target
    old: str  # the markup before and after
    new: str
    old_plain: str  # what a reader saw before and sees now
    new_plain: str
    calls: int = 0  # footnote calls added (removed, if negative)

    def summary(self) -> str:
        said = describe(self.old_plain, self.new_plain)
        if self.calls:
            change = "added" if self.calls > 0 else "removed"
            calls = f"{change} {'a footnote call' if abs(self.calls) == 1 else 'footnote calls'}"
            said = calls if self.old_plain == self.new_plain else f"{said}; {calls}"
        return f"{self.target.source.position}: {self.target.what}, {self.target.language}: {said}"


@dataclass(frozen=True)
class Pending:
    position: Position
    revision: Revision
    words: str
    row: str = ""  # the part whose whole row the change deletes, in plain words

    def format(self) -> str:
        kind = "inserted" if self.revision.kind == "insertion" else "deleted"
        when = f" on {self.revision.date}" if self.revision.date else ""
        row = f"the row of {self.row}, " if self.row else ""
        return (
            f"{self.position}: error: tracked change not accepted or rejected: {kind} "
            f'by {self.revision.author}{when}: {row}"{self.words}"'
        )


@dataclass(frozen=True)
class Removal:
    """A part or note deleted in the DOCX, removed from the YAML."""

    what: str  # "consideration B. (second)"
    position: Position  # where it stood in the YAML
    start: int  # the offsets of its lines
    end: int

    def summary(self) -> str:
        return f"{self.position}: removed {self.what}"


@dataclass(frozen=True)
class Addition:
    """A part or a note new in the DOCX, as written into the YAML."""

    what: str  # "consideration", "footnote"
    id: str | None
    where: str  # "after consideration A. (first)"
    plain: dict[str, str]  # what a reader sees, by language
    position: Position  # where it stands in the new YAML

    @property
    def one_language(self) -> bool:
        return len(self.plain) < len(LANGUAGES)

    def summary(self) -> str:
        named = f" {self.id}" if self.id else ""
        texts = ", ".join(f'{language}: "{_short(text)}"' for language, text in self.plain.items())
        missing = [language for language in LANGUAGES if language not in self.plain]
        lacks = f"; it has no {missing[0]} text yet" if missing else ""
        return f"{self.position}: added {self.what}{named} {self.where}, {texts}{lacks}"


@dataclass
class _NewPart:
    """Paragraphs added after one text, by language, to be written as new parts."""

    target: Target
    slot: additions.Slot
    # By where they stand in the DOCX (`Added.order`), by language: (markup, plain).
    texts: dict[tuple[int, int, int], dict[str, tuple[str, str]]] = field(default_factory=dict)


@dataclass
class _NewNote:
    id: str
    language: str
    markup: str
    plain: str
    where: str


@dataclass
class MergeResult:
    old_text: str
    new_text: str
    edits: list[Edit] = field(default_factory=list)
    additions: list[Addition] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # comments, as `path:line:col: note: …`
    problems: list[str] = field(default_factory=list)  # `path:line:col: error: …`

    @property
    def needs_a_person(self) -> bool:
        return bool(self.pending or self.problems)

    def diff(self, path: str) -> str:
        lines = difflib.unified_diff(
            self.old_text.splitlines(keepends=True),
            self.new_text.splitlines(keepends=True),
            f"a/{path.lstrip('/')}",
            f"b/{path.lstrip('/')}",
        )
        return "".join(lines)


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


class _Calls:
    """The notes a text may call, by the DOCX's note ids: drafter's, and those made in Word,
    which get an id when first called."""

    def __init__(self, resolution: Resolution, content: DocxContent, decision: str | None) -> None:
        self.content = content
        self.decision = decision
        self.ids = list(resolution.footnotes)
        self.index = {note_id: index for index, note_id in enumerate(self.ids)}
        self.by_name = {
            bookmark_name(footnote_key(note_id), language): note_id
            for note_id in self.ids
            for language in resolution.columns
        }
        self.taken = additions.all_ids(resolution)
        self.made: dict[str, _NewNote] = {}  # by the DOCX's note id
        # Tracked changes in the new notes' texts, with the text calling each note.
        self.revisions: list[tuple[Target, Revision, str]] = []

    def note(self, docx_id: str, target: Target) -> str | None:
        """The id a call to the DOCX's note `docx_id` stands for; None for none."""
        known = self.by_name.get(self.content.notes.get(docx_id, ""))
        if known is not None:
            return known
        if docx_id in self.made:
            return self.made[docx_id].id
        pieces = self.content.new_notes.get(docx_id)
        if pieces is None:
            return None
        if self.decision is None:
            changed = [piece for piece in pieces if piece.inserted or piece.deleted]
            self.revisions += [(target, *change) for change in _grouped(changed)]
        glyphs = _stripped(markup.glyphs(_segments(pieces, self.decision, self, target) or []))
        plain = _plain(glyphs)
        note_id = additions.new_id(plain, self.taken, "note")
        self.index[note_id] = len(self.ids)
        self.ids.append(note_id)
        value = markup.new_markup([], glyphs, self.ids)
        where = f"called from {target.what}"
        self.made[docx_id] = _NewNote(note_id, target.language, value, plain, where)
        return note_id


def merge(
    resolution: Resolution,
    text: str,
    content: DocxContent,
    decision: str | None,
    docx: str = "the DOCX",
    built: Callable[[], DocxContent] | None = None,
) -> MergeResult:
    """Carry the DOCX's edits into `text`, the source of `resolution`; `decision` says what
    to do with tracked changes (ACCEPT, REJECT, or None: list them, merge nothing); `docx`
    names the DOCX in messages; `built` reads the DOCX as drafter built it, to tell where a
    deleted table stood."""
    result = MergeResult(text, text)
    wanted = targets(resolution)
    calls = _Calls(resolution, content, decision)
    slots = additions.slots(resolution)
    new_parts: dict[int, _NewPart] = {}
    swapped: set[str] = set()
    found = [name for name in content.paragraphs if name in wanted]
    if not found:
        raise DocxError(
            "none of its paragraphs was built from this resolution (was it built from "
            "another file?)"
        )
    gone = _gone(wanted, content, decision)
    removed, texts_removed = _deletions(
        resolution, text, wanted, content, gone, built, docx, result
    )
    fixed_words = {
        " ".join(plain_text(row.cell(language).inlines).split())
        for row in layout.plan(resolution).rows
        for language in resolution.columns
    }
    for added in content.fixed:
        if added.text not in fixed_words:
            result.problems.append(
                f"{docx}: {added.place}: error: a paragraph drafter did not write there (added "
                f'after a heading, or a heading\'s words edited): "{_short(added.text)}"; copy '
                "it into the source by hand"
            )
    for added in content.unplaced:
        result.problems.append(
            f"{docx}: {added.place}: error: a paragraph was added where no part of the "
            f'resolution stands: "{_short(added.text)}"; copy it into the source by hand'
        )
    for name, paragraph in content.paragraphs.items():
        target = wanted.get(name)
        if target is None:
            continue  # a bookmark of a paragraph this version does not have (a redline's)
        position = target.source.position
        for comment in paragraph.comments:
            result.notes.append(f'{position}: note: comment by {comment.author}: "{comment.text}"')
        if name in gone:
            continue  # deleted: removed with its part, or reported
        table = paragraph.place.split(",")[0]
        if paragraph.column not in (-1, resolution.columns.index(target.language)):
            if table not in swapped:
                swapped.add(table)
                result.problems.append(
                    f"{docx}: {paragraph.place}: error: {target.what} ({target.language}) "
                    "stands in the other language's column (were the columns swapped?); "
                    "swap them back in the DOCX, or merge by hand"
                )
            continue
        for added in paragraph.added:
            _added(result, added, target, slots, new_parts, calls, docx)
        if paragraph.deleted_row is not None and decision is None:
            words = "".join(piece.text for piece in paragraph.pieces).strip()
            _pending(result, position, paragraph.deleted_row, words, target.what)
        revisions = [p for p in paragraph.pieces if p.inserted or p.deleted]
        if revisions and decision is None:
            for revision, words in _grouped(revisions):
                _pending(result, _position_of(target, words), revision, words)
            continue
        segments = _segments(paragraph.pieces, decision, calls, target)
        if segments is None:
            result.problems.append(
                f"{position}: error: {target.what} ({target.language}) calls a footnote the "
                "DOCX does not hold; merge it by hand"
            )
            continue
        old_segments = markup.shown(target.inlines, calls.index)
        if markup.same_text(old_segments, segments):
            continue  # the common case, without a character-by-character comparison
        glyphs = _trimmed(markup.glyphs(segments), target)
        old = markup.glyphs(old_segments)
        # A space at either end of the source's text is not seen in the DOCX.
        if markup.same_text(_segmented(_stripped(old)), _segmented(glyphs)):
            continue
        value = target.source.value
        new = markup.new_markup(markup.with_markup(value, target.inlines, old), glyphs, calls.ids)
        if new != value:
            old_plain = _plain(old)
            calls_added = _calls(glyphs) - _calls(old)
            result.edits.append(Edit(target, value, new, old_plain, _plain(glyphs), calls_added))
    for comment in content.other_comments:
        result.notes.append(
            f"{resolution.position}: note: comment by {comment.author} on a part of the DOCX "
            f'that shows no text of the source (the cover, a heading): "{comment.text}"'
        )
    for target, revision, words in calls.revisions:
        _pending(result, target.source.position, revision, words)
    if decision is None and result.pending:
        return result
    replacements = _apply(text, resolution.path, result.edits, result.problems)
    if result.problems:
        return result
    insertions = _insertions(resolution, text, new_parts, calls, result.problems)
    replacements += [(removal.start, removal.end, "") for removal in removed]
    if result.problems or not (insertions or replacements):
        return result
    new_text, placed = _spliced(text, replacements, insertions)
    if placed:
        result.additions = _checked(new_text, resolution.path, placed, result.problems)
    if removed:
        expected = len(list(resolution.all_texts())) - texts_removed + len(placed)
        _removals_checked(new_text, resolution.path, expected, removed, result.problems)
    if not result.problems:
        result.new_text = new_text
        result.removals = removed
    return result


def _gone(wanted: dict[str, Target], content: DocxContent, decision: str | None) -> set[str]:
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


def _deletions(
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
    return f'{what} ("{_short(first.source.value, 40)}")'


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


def _removals_checked(
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


def _added(
    result: MergeResult,
    added: Added,
    target: Target,
    slots: dict[int, additions.Slot],
    new_parts: dict[int, _NewPart],
    calls: _Calls,
    docx: str,
) -> None:
    """Take a paragraph added after `target` as a new part (or report why it cannot be)."""
    revisions = [p for p in added.pieces if p.inserted or p.deleted]
    if revisions and calls.decision is None:
        for revision, words in _grouped(revisions):
            _pending(result, target.source.position, revision, words)
        return
    segments = _segments(added.pieces, calls.decision, calls, target)
    glyphs = _stripped(markup.glyphs(segments or []))
    if not glyphs:
        return  # its words were all tracked insertions, rejected
    slot = slots.get(id(target.text))
    where = added.place or target.what
    if slot is None or segments is None:
        result.problems.append(
            f"{docx}: {where}: error: a paragraph was added after {target.what} "
            f'({target.language}), where no part can be added: "{_short(added.text)}"; '
            "copy it into the source by hand"
        )
        return
    part = new_parts.setdefault(id(target.text), _NewPart(target, slot))
    value = markup.new_markup([], glyphs, calls.ids)
    part.texts.setdefault(added.order, {})[target.language] = (value, _plain(glyphs))


@dataclass(frozen=True)
class _Insertion:
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


def _insertions(
    resolution: Resolution,
    text: str,
    new_parts: dict[int, _NewPart],
    calls: _Calls,
    problems: list[str],
) -> list[_Insertion]:
    """The lines that write the new parts and notes, where they go in `text`."""
    if not new_parts and not calls.made:
        return []
    places = additions.Places(text)
    found: list[_Insertion] = []
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
                _Insertion(offset, lines, 0, key + 1, slot.kind, part_id, values, plain, where)
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
            _Insertion(
                offset, lines, line, inner + 1, "footnote", note.id, values, plain, note.where
            )
        )
        header = ""
    return found


def _spliced(
    text: str, replacements: list[tuple[int, int, str]], insertions: list[_Insertion]
) -> tuple[str, list[tuple[int, _Insertion]]]:
    """`text` with the scalars replaced and the lines inserted (those at one place in the
    order given); each insertion with the line, in the new text, where its lines start."""
    changes: list[tuple[int, int, str, _Insertion | None]] = [
        (start, end, new, None) for start, end, new in replacements
    ]
    changes += [(entry.offset, entry.offset, entry.lines, entry) for entry in insertions]
    changes.sort(key=lambda change: (change[0], change[1]))  # stable: insertions keep order
    parts: list[str] = []
    placed: list[tuple[int, _Insertion]] = []
    done = 0
    for start, end, new, entry in changes:
        parts.append(text[done:start])
        if entry is not None:
            placed.append((sum(part.count("\n") for part in parts) + 1, entry))
        parts.append(new)
        done = end
    parts.append(text[done:])
    return "".join(parts), placed


def _checked(
    text: str, path: str, placed: list[tuple[int, _Insertion]], problems: list[str]
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


def _pending(
    result: MergeResult, position: Position, revision: Revision, words: str, row: str = ""
) -> None:
    if all(item.revision != revision for item in result.pending):
        result.pending.append(Pending(position, revision, words, row))


def _position_of(target: Target, words: str) -> Position:
    """Where `words` stand in the source, if they do (a deletion), else the text's start."""
    source = target.source
    offset = source.value.find(words.strip()) if words.strip() else -1
    return locate(source, offset, len(words.strip())) if offset >= 0 else source.position


def _grouped(pieces: list[Piece]) -> list[tuple[Revision, str]]:
    """Each tracked change with the words it holds."""
    words: dict[Revision, list[str]] = {}
    for piece in pieces:
        for revision in (piece.inserted, piece.deleted):
            if revision is not None:
                words.setdefault(revision, []).append(piece.text)
    return [(revision, "".join(texts)) for revision, texts in words.items()]


def _segments(
    pieces: list[Piece], decision: str | None, calls: _Calls, target: Target
) -> list[markup.Segment] | None:
    """What a reader sees once the tracked changes are accepted or rejected; None when a
    call leads to a note the DOCX does not hold."""
    segments: list[markup.Segment] = []
    for piece in pieces:
        if (piece.deleted and decision != REJECT) or (piece.inserted and decision == REJECT):
            continue
        if piece.note is not None:
            note_id = calls.note(piece.note, target)
            if note_id is None:
                return None
            segments.append((markup.call_char(calls.index[note_id]), piece.bold, piece.italic))
        else:
            segments.append((piece.text, piece.bold, piece.italic))
    return segments


def _trimmed(glyphs: list[markup.Glyph], target: Target) -> list[markup.Glyph]:
    """The text alone: without a label typed before it, what the row adds after it, and
    spaces at either end (the source's texts have none)."""
    chars = "".join(g.char for g in glyphs)
    start, end = 0, len(glyphs)
    if target.label and chars.startswith(f"{target.label} "):
        start = len(target.label) + 1
    if target.suffix and chars.rstrip().endswith(target.suffix):
        end = len(chars.rstrip()) - len(target.suffix)
    return _stripped(glyphs[start:end])


def _stripped(glyphs: list[markup.Glyph]) -> list[markup.Glyph]:
    """Without spaces at either end (a note's text after its mark starts with one)."""
    start, end = 0, len(glyphs)
    while start < end and glyphs[start].char.isspace():
        start += 1
    while end > start and glyphs[end - 1].char.isspace():
        end -= 1
    return glyphs[start:end]


def _segmented(glyphs: list[markup.Glyph]) -> list[markup.Segment]:
    return [(g.char, g.bold, g.italic) for g in glyphs]


def _calls(glyphs: list[markup.Glyph]) -> int:
    return sum(g.char >= chr(markup.CALL_BASE) for g in glyphs)


def _plain(glyphs: list[markup.Glyph]) -> str:
    return "".join(g.char for g in glyphs if g.char < chr(markup.CALL_BASE))


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def describe(old: str, new: str) -> str:
    """A change of text in plain words: replaced "x" with "y"; added "z"; removed "w"."""
    old_words, new_words = old.split(), new.split()
    sentences: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = " ".join(old_words[i1:i2]), " ".join(new_words[j1:j2])
        if tag == "replace":
            sentences.append(f'replaced "{_short(before)}" with "{_short(after)}"')
        elif tag == "insert":
            sentences.append(f'added "{_short(after)}"')
        elif tag == "delete":
            sentences.append(f'removed "{_short(before)}"')
    return "; ".join(sentences) or "changed emphasis"


def _offset(text: str, position: Position) -> int:
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    return starts[position.line - 1] + position.column - 1


def _apply(
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
        wrong = _misread(_spliced(text, replacements, [])[0], path, edits)
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
