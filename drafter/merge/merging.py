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
from dataclasses import dataclass, field

from drafter.document.anchors import TITLE_KEY, bookmark_name, footnote_key
from drafter.document.diagnostics import DiagnosticList, Position
from drafter.document.inline import Inline
from drafter.document.model import LanguageText, Resolution, Text, locate
from drafter.merge import markup, scalars
from drafter.merge.reader import DocxContent, DocxError, Piece, Revision
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

    def summary(self) -> str:
        return f"{self.target.source.position}: {self.target.what}, {self.target.language}: " + (
            describe(self.old_plain, self.new_plain)
        )


@dataclass(frozen=True)
class Pending:
    position: Position
    revision: Revision
    words: str

    def format(self) -> str:
        kind = "inserted" if self.revision.kind == "insertion" else "deleted"
        when = f" on {self.revision.date}" if self.revision.date else ""
        return (
            f"{self.position}: error: tracked change not accepted or rejected: {kind} "
            f'by {self.revision.author}{when}: "{self.words}"'
        )


@dataclass
class MergeResult:
    old_text: str
    new_text: str
    edits: list[Edit] = field(default_factory=list)
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


def merge(
    resolution: Resolution, text: str, content: DocxContent, decision: str | None
) -> MergeResult:
    """Carry the DOCX's edits into `text`, the source of `resolution`; `decision` says what
    to do with tracked changes (ACCEPT, REJECT, or None: list them, merge nothing)."""
    result = MergeResult(text, text)
    wanted = targets(resolution)
    note_ids = list(resolution.footnotes)
    calls = {note_id: index for index, note_id in enumerate(note_ids)}
    notes_by_name = {
        bookmark_name(footnote_key(note_id), language): note_id
        for note_id in note_ids
        for language in resolution.columns
    }
    found = [name for name in content.paragraphs if name in wanted]
    if not found:
        raise DocxError(
            "none of its paragraphs was built from this resolution (was it built from "
            "another file?)"
        )
    for name, target in wanted.items():
        if name not in content.paragraphs:
            result.problems.append(
                f"{target.source.position}: error: {target.what} ({target.language}) is no "
                "longer in the DOCX (deleted, or its paragraph joined to another); merge it by hand"
            )
    for name, paragraph in content.paragraphs.items():
        target = wanted.get(name)
        if target is None:
            continue  # a bookmark of a paragraph this version does not have (a redline's)
        position = target.source.position
        for comment in paragraph.comments:
            result.notes.append(f'{position}: note: comment by {comment.author}: "{comment.text}"')
        for added in paragraph.added:
            result.problems.append(
                f"{position}: error: a paragraph was added after {target.what} "
                f'({target.language}): "{_short(added)}"; merge does not add paragraphs yet, '
                "copy it into the source by hand"
            )
        if paragraph.deleted_row is not None:
            _pending(result, position, paragraph.deleted_row, "the whole row")
        revisions = [p for p in paragraph.pieces if p.inserted or p.deleted]
        if revisions and decision is None:
            for revision, words in _grouped(revisions):
                _pending(result, _position_of(target, words), revision, words)
            continue
        segments = _segments(paragraph.pieces, decision, content.notes, notes_by_name, calls)
        if segments is None:
            result.problems.append(
                f"{position}: error: {target.what} ({target.language}) calls a footnote made "
                "in the DOCX; merge does not add footnotes yet, copy it into the source by hand"
            )
            continue
        old_segments = markup.shown(target.inlines, calls)
        if markup.same_text(old_segments, segments):
            continue  # the common case, without a character-by-character comparison
        glyphs = _trimmed(markup.glyphs(segments), target)
        old = markup.glyphs(old_segments)
        if markup.same_text(old_segments, [(g.char, g.bold, g.italic) for g in glyphs]):
            continue
        value = target.source.value
        new = markup.new_markup(markup.with_markup(value, target.inlines, old), glyphs, note_ids)
        if new != value:
            old_plain = _plain(old)
            result.edits.append(Edit(target, value, new, old_plain, _plain(glyphs)))
    for comment in content.other_comments:
        result.notes.append(
            f"{resolution.position}: note: comment by {comment.author} on a part of the DOCX "
            f'that shows no text of the source (the cover, a heading): "{comment.text}"'
        )
    if decision is None and result.pending:
        return result
    if result.edits:
        result.new_text = _apply(text, resolution.path, result.edits, result.problems)
    return result


def _pending(result: MergeResult, position: Position, revision: Revision, words: str) -> None:
    if all(item.revision != revision for item in result.pending):
        result.pending.append(Pending(position, revision, words))


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
    pieces: list[Piece],
    decision: str | None,
    notes: dict[str, str],
    notes_by_name: dict[str, str],
    calls: dict[str, int],
) -> list[markup.Segment] | None:
    """What a reader sees once the tracked changes are accepted or rejected; None when a
    call leads to a note drafter did not write."""
    segments: list[markup.Segment] = []
    for piece in pieces:
        if (piece.deleted and decision != REJECT) or (piece.inserted and decision == REJECT):
            continue
        if piece.note is not None:
            note_id = notes_by_name.get(notes.get(piece.note, ""))
            if note_id is None:
                return None
            segments.append((markup.call_char(calls[note_id]), piece.bold, piece.italic))
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
    while start < end and glyphs[start].char.isspace():
        start += 1
    while end > start and glyphs[end - 1].char.isspace():
        end -= 1
    return glyphs[start:end]


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


def _apply(text: str, path: str, edits: list[Edit], problems: list[str]) -> str:
    """`text` with each edited scalar replaced; a scalar whose edited words YAML would read
    otherwise (a `: ` or ` #` typed into an unquoted text) is written again, quoted."""
    quoted: set[int] = set()
    for _ in range(2):
        new_text = _replaced(text, edits, quoted)
        wrong = _misread(new_text, path, edits)
        if not wrong:
            return new_text
        quoted |= wrong
    for index in sorted(quoted):
        edit = edits[index]
        problems.append(
            f"{edit.target.source.position}: error: the new text of {edit.target.what} "
            f"({edit.target.language}) could not be written into the YAML; edit it by hand"
        )
    return text


def _replaced(text: str, edits: list[Edit], quoted: set[int]) -> str:
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
    for start, end, new_source in sorted(replacements, reverse=True):
        text = text[:start] + new_source + text[end:]
    return text


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
