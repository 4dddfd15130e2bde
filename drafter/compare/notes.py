"""Footnotes: the footnotes of both versions in, the redline's notes and the calls to them out.

Footnotes are matched by id, then by the similarity of their text. A call to a matched
footnote that stays in its paragraph is one call whose note shows the changes of its text; a
call added, removed or moved is an inserted or deleted call with a note of its own, so that
accepting or rejecting it brings the right text back.
"""

from __future__ import annotations

from collections.abc import Callable

from drafter.compare.similar import pair_similar, word_list
from drafter.compare.words import WordDiff
from drafter.document import model
from drafter.document.inline import Deleted, FootnoteCall, Inline, Inserted
from drafter.document.redline import DELETED, INSERTED, Count

SIMILAR_NOTE = 0.6  # notes are short, and many cite the same kind of source

# What a note is made from: the version's footnote it copies, its text per language (with
# the changes marked), and its `change`.
_NoteSource = tuple[model.Footnote, dict[str, list[Inline]], str]


def match_footnotes(old: model.Resolution, new: model.Resolution) -> dict[str, str]:
    """Old footnote id → new footnote id, for the footnotes called in both versions."""
    old_notes = [note for note in old.footnotes.values() if note.number]
    new_notes = [note for note in new.footnotes.values() if note.number]
    new_ids = {note.id for note in new_notes}
    matched = {note.id: note.id for note in old_notes if note.id in new_ids}
    words = {
        "old": [
            word_list(n.text.inlines["nl"]) + word_list(n.text.inlines["fr"]) for n in old_notes
        ],
        "new": [
            word_list(n.text.inlines["nl"]) + word_list(n.text.inlines["fr"]) for n in new_notes
        ],
    }
    for i, j in pair_similar(
        [i for i, note in enumerate(old_notes) if note.id not in matched],
        [j for j, note in enumerate(new_notes) if note.id not in matched.values()],
        words=lambda side, index: words[side][index],
        group=lambda side, index: "",
        threshold=lambda i, j: SIMILAR_NOTE,
        least=SIMILAR_NOTE,
    ):
        matched[old_notes[i].id] = new_notes[j].id
    return matched


class Notes:
    """The redline's notes, made as the body's calls are compared (a `words.CallMarks`).

    Each note gets its `key` in the order its first call is met; `footnotes()` lists them.
    """

    def __init__(self, old: model.Resolution, new: model.Resolution) -> None:
        self.old_notes = old.footnotes
        self.new_notes = new.footnotes
        self.pairs = match_footnotes(old, new)
        self.notes: dict[tuple[str, str], model.Footnote] = {}
        self.renumbered: set[int] = set()  # keys of the old copies of renumbered notes
        # A note's own text holds no calls to mark, only the numbers of the notes it cites.
        self._text = WordDiff()

    # What a call calls: the same value in both versions for matched footnotes.

    def old_value(self, call: FootnoteCall) -> str:
        matched = self.pairs.get(call.id)
        return f"new:{matched}" if matched else f"old:{call.id}"

    def new_value(self, call: FootnoteCall) -> str:
        return f"new:{call.id}"

    # The call and its note in the redline.

    def deleted(self, call: FootnoteCall) -> list[Inline]:
        def make() -> _NoteSource:
            source = self.old_notes[call.id]
            return source, _wrapped(source.text.inlines, Deleted), DELETED

        return [_call(call, self._note("old", call.id, make))]

    def inserted(self, call: FootnoteCall) -> list[Inline]:
        def make() -> _NoteSource:
            source = self.new_notes[call.id]
            return source, _wrapped(source.text.inlines, Inserted), INSERTED

        return [_call(call, self._note("new", call.id, make))]

    def kept(self, old_call: FootnoteCall, new_call: FootnoteCall) -> list[Inline]:
        """A call that stays, to a note whose text changes are marked inside it.

        A note whose number changed is written here as the old call deleted, with its note
        (whose number only is marked deleted: its text lives on in the new note), and the new
        call inserted; the DOCX writer makes the pair one call again, whose number follows by
        itself (a column the application numbers) or is typed text whose digits change (the
        other column, see `render/docx/notes.py`).
        """

        def make() -> _NoteSource:
            old, new = self.old_notes[old_call.id], self.new_notes[new_call.id]
            inlines = {
                language: self._text.diff(old.text.inlines[language], new.text.inlines[language])[0]
                for language in model.LANGUAGES
            }
            return new, inlines, ""

        call = _call(new_call, self._note("both", new_call.id, make))
        if self.old_notes[old_call.id].number == call.number:
            return [call]

        def renumbered() -> _NoteSource:
            # The old note's text lives on in the new one: only its number is deleted.
            source = self.old_notes[old_call.id]
            return source, dict(source.text.inlines), DELETED

        old = _call(old_call, self._note("renumbered", old_call.id, renumbered))
        self.renumbered.add(old.key)
        return [Deleted([old]), Inserted([call])]

    def _note(self, which: str, identifier: str, make: Callable[[], _NoteSource]) -> model.Footnote:
        """The note of that kind ("old", "new", "both", "renumbered") for that footnote,
        made the first time it is asked for."""
        key = (which, identifier)
        if key not in self.notes:
            source, inlines, change = make()
            text = model.Text(source.text.nl, source.text.fr, source.text.position, inlines)
            self.notes[key] = model.Footnote(
                source.id,
                text,
                source.position,
                source.number,
                key=len(self.notes) + 1,
                change=change,
            )
        return self.notes[key]

    # The result.

    def footnotes(self) -> list[model.Footnote]:
        """The redline's notes, in the order of their keys."""
        return sorted(self.notes.values(), key=lambda note: note.key)

    def count(self) -> Count:
        """The footnotes added, removed and changed, for the summary."""
        old = {note.id: note for note in self.old_notes.values() if note.number}
        new = {note.id: note for note in self.new_notes.values() if note.number}
        changed = sum(
            1
            for old_id, new_id in self.pairs.items()
            if any(
                old[old_id].text.language(language).value
                != new[new_id].text.language(language).value
                for language in model.LANGUAGES
            )
        )
        return Count(len(new) - len(self.pairs), len(old) - len(self.pairs), changed)


def _call(call: FootnoteCall, note: model.Footnote) -> FootnoteCall:
    return FootnoteCall(call.id, 0, note.number, key=note.key)


def _wrapped(
    inlines: dict[str, list[Inline]], wrapper: type[Inserted] | type[Deleted]
) -> dict[str, list[Inline]]:
    return {
        language: [wrapper(list(nodes))] if nodes else [] for language, nodes in inlines.items()
    }
