"""What a reader of the DOCX sees: a paragraph's pieces (runs, calls, tracked changes) and the
decision on tracked changes in, the segments left once they are accepted or rejected out
(`decided`), or, without a decision, the changes listed as pending. The notes made in Word
are read here too (`Calls`), as a call first leads to them; and the glyphs' helpers that
compare what is seen with the source's text (labels, suffixes and end spaces left out)."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.document.anchors import bookmark_name, footnote_key
from drafter.document.diagnostics import Position
from drafter.document.model import Resolution, locate
from drafter.merge import additions, markup
from drafter.merge.reader import DocxContent, Piece, Revision
from drafter.merge.results import MergeResult, Pending
from drafter.merge.targets import Target

ACCEPT, REJECT = "accept", "reject"  # the decisions on tracked changes; None: no decision


@dataclass
class NewNote:
    """A note made in Word, as it will be written into `footnotes:`."""

    id: str
    language: str
    markup: str
    plain: str
    where: str


class Calls:
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
        self.made: dict[str, NewNote] = {}  # by the DOCX's note id
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
            self.revisions += [(target, *change) for change in grouped(changed)]
        glyphs = stripped(markup.glyphs(decided(pieces, self.decision, self, target) or []))
        plain = plain_of(glyphs)
        note_id = additions.new_id(plain, self.taken, "note")
        self.index[note_id] = len(self.ids)
        self.ids.append(note_id)
        value = markup.new_markup([], glyphs, self.ids)
        where = f"called from {target.what}"
        self.made[docx_id] = NewNote(note_id, target.language, value, plain, where)
        return note_id


def pending(
    result: MergeResult, position: Position, revision: Revision, words: str, row: str = ""
) -> None:
    """List `revision` as pending, once however often it is met."""
    if all(item.revision != revision for item in result.pending):
        result.pending.append(Pending(position, revision, words, row))


def position_of(target: Target, words: str) -> Position:
    """Where `words` stand in the source, if they do (a deletion), else the text's start."""
    source = target.source
    offset = source.value.find(words.strip()) if words.strip() else -1
    return locate(source, offset, len(words.strip())) if offset >= 0 else source.position


def grouped(pieces: list[Piece]) -> list[tuple[Revision, str]]:
    """Each tracked change with the words it holds."""
    words: dict[Revision, list[str]] = {}
    for piece in pieces:
        for revision in (piece.inserted, piece.deleted):
            if revision is not None:
                words.setdefault(revision, []).append(piece.text)
    return [(revision, "".join(texts)) for revision, texts in words.items()]


def decided(
    pieces: list[Piece], decision: str | None, calls: Calls, target: Target
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


def trimmed(glyphs: list[markup.Glyph], target: Target) -> list[markup.Glyph]:
    """The text alone: without a label typed before it, what the row adds after it, and
    spaces at either end (the source's texts have none)."""
    chars = "".join(g.char for g in glyphs)
    start, end = 0, len(glyphs)
    if target.label and chars.startswith(f"{target.label} "):
        start = len(target.label) + 1
    if target.suffix and chars.rstrip().endswith(target.suffix):
        end = len(chars.rstrip()) - len(target.suffix)
    return stripped(glyphs[start:end])


def stripped(glyphs: list[markup.Glyph]) -> list[markup.Glyph]:
    """Without spaces at either end (a note's text after its mark starts with one)."""
    start, end = 0, len(glyphs)
    while start < end and glyphs[start].char.isspace():
        start += 1
    while end > start and glyphs[end - 1].char.isspace():
        end -= 1
    return glyphs[start:end]


def segmented(glyphs: list[markup.Glyph]) -> list[markup.Segment]:
    return [(g.char, g.bold, g.italic) for g in glyphs]


def call_count(glyphs: list[markup.Glyph]) -> int:
    return sum(g.char >= chr(markup.CALL_BASE) for g in glyphs)


def plain_of(glyphs: list[markup.Glyph]) -> str:
    return "".join(g.char for g in glyphs if g.char < chr(markup.CALL_BASE))
