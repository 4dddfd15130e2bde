"""Footnotes: a call in a paragraph, and its note in the footnotes part.

Real footnotes, one per call and language: the Dutch call leads to the Dutch text, the
French call to the French text. Word keeps one count of a section's notes (a note called in
both columns would become 171 and 172), so the calls of one column, which calls the notes in
drafter's order, are numbered by the application, and the other column's calls have an
invisible custom mark (`w:customMarkFollows`, a word joiner), which the application does not
count (ECMA-376 Part 1, 17.11.14), after drafter's number typed in the "Note Number" style.
A note added before others thus renumbers the first column by itself, in Word and
LibreOffice, and is a change of the typed numbers in the other: each note stays one note,
whose edits a redline shows once. The first column's notes start with their mark as
`w:footnoteRef`, drawn by the application (a mark typed there, LibreOffice shows twice); the
other's with the custom mark typed, as Word writes it, and the number.

Tried for the other column, and not kept: drafter's number as the custom mark itself
(LibreOffice cannot track a change inside a custom mark: a renumbered note had to be its old
call deleted and its new call inserted, so it showed twice); a NOTEREF field to the first
column's call, as the custom mark (LibreOffice numbers such a call itself) or after an
invisible one (after Reject All, LibreOffice and Word show the field's new number until the
fields are updated, and LibreOffice misplaces the tracked edits of a note holding one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from docx.opc.part import Part, XmlPart

from drafter.document import model
from drafter.document.anchors import WORD_JOINER, bookmark_name, footnote_key
from drafter.document.inline import Bold, Deleted, FootnoteCall, Inline, Inserted, Italic
from drafter.document.plan import Plan
from drafter.render.docx import styles, wordml
from drafter.render.docx.revisions import Revisions


class Notes:
    """The footnotes part of one document, and the next note's id."""

    def __init__(
        self,
        document_part: Part,
        revisions: Revisions,
        tags: dict[str, str],
        note_of: Callable[[FootnoteCall], model.Footnote],
    ) -> None:
        self.part: XmlPart = wordml.add_footnotes_part(document_part)
        self.revisions = revisions
        self.tags = tags
        self.note_of = note_of
        self.next_id = 1
        # Shared with the body's bookmarks (ids are unique in a document); None: no
        # bookmarks (a redline's deleted notes, which `merge` does not read back).
        self.bookmark_ids: Iterator[int] | None = None
        # The column whose calls Word and LibreOffice number themselves (None: neither).
        self.numbered_column: str | None = None

    def call(
        self,
        paragraph: wordml.Element,
        call: FootnoteCall,
        language: str,
        write_text: Callable[[wordml.Element, list[Inline]], None],
    ) -> None:
        """Put the call in `paragraph`, and its note in that language: the note's mark, then
        its text, which `write_text` writes into the note's paragraph (`Revisions.apart`:
        the note's text is not part of the change its call is in).

        In a redline, the call goes inside the tracked change it is in, and a note that was
        inserted or deleted as a whole (or the old copy of a renumbered one) has its mark
        tracked too: Word strikes the old copy's number, so a reader sees which copy is the
        old one.
        """
        tag = self.tags[language]
        note = self.note_of(call)
        footnote_id = self.next_id
        self.next_id += 1
        typed = language != self.numbered_column
        if typed:  # before the call: LibreOffice may break a line right after a call
            self._number(paragraph, call, tag)
        self.revisions.put(
            paragraph,
            wordml.footnote_reference_run(
                footnote_id, WORD_JOINER if typed else None, tag, styles.FOOTNOTE_REFERENCE
            ),
        )
        with self.revisions.apart():
            text = wordml.add_footnote(
                self.part, footnote_id, styles.style_id(styles.FOOTNOTE_TEXT), tag
            )
            with self.revisions.tracking({"inserted": "ins", "deleted": "del"}.get(note.change)):
                if typed:  # the custom mark typed, as Word writes a custom-marked note
                    mark = wordml.text_run(WORD_JOINER, tag, style=styles.FOOTNOTE_REFERENCE)
                    self.revisions.put(text, mark)
                    self._number(text, call, tag)
                else:
                    mark = wordml.footnote_mark_run(tag, styles.FOOTNOTE_REFERENCE)
                    self.revisions.put(text, mark)
                self.revisions.put(text, wordml.text_run(" ", tag))
            start = len(text)
            write_text(text, note.text.inlines[language])
            if self.bookmark_ids is not None and note.change != "deleted":
                name = bookmark_name(footnote_key(note.id), language)
                wordml.bookmark(text, start, next(self.bookmark_ids), name)

    def _number(self, parent: wordml.Element, call: FootnoteCall, tag: str) -> None:
        """The number of a call with an invisible custom mark, as text in its own style; in
        a redline, a renumbered call's old number deleted and its new number inserted, so
        that the call and its note are written once."""
        new = str(call.number)
        old = str(call.old_number) if isinstance(call, RenumberedCall) else new
        if old == new or self.revisions.change is not None:
            self.revisions.put(parent, wordml.text_run(new, tag, style=styles.NOTE_NUMBER))
            return
        outer = self.revisions.container
        for kind, number in (("del", old), ("ins", new)):
            with self.revisions.tracking(kind):
                run = wordml.text_run(number, tag, style=styles.NOTE_NUMBER)
                self.revisions.put(parent, run)
        self.revisions.container = outer


def calls(nodes: list[Inline]) -> Iterator[FootnoteCall]:
    """The footnote calls among inline nodes, in order (not those inside notes)."""
    for node in nodes:
        if isinstance(node, FootnoteCall):
            yield node
        elif isinstance(node, Bold | Italic | Inserted | Deleted):
            yield from calls(node.children)


def column_numbered_by_application(plans: list[Plan]) -> str | None:
    """The column whose footnote calls Word and LibreOffice can number themselves: the
    first column (else the second) whose calls, in document order, are 1, 2, 3 … in every
    plan (both versions, for a redline), so that the application's count is drafter's
    number. None when neither column calls its notes in that order."""
    for language in plans[0].columns:
        for plan in plans:
            inlines = [plan.cover.title[language]] + [
                row.cell(language).inlines for row in plan.rows
            ]
            numbers = [call.number for nodes in inlines for call in calls(nodes)]
            if numbers != list(range(1, len(numbers) + 1)):
                break
        else:
            return language
    return None


@dataclass
class RenumberedCall(FootnoteCall):
    """In a redline, a call whose note had another number in the old version."""

    old_number: int = 0


def without_renumbering(nodes: list[Inline], renumbered: frozenset[int]) -> list[Inline]:
    """Inline nodes with each renumbered call (the old call deleted, the new one inserted
    right after it, as `compare` writes it) replaced by the new call, untracked, which
    remembers the old number."""
    result: list[Inline] = []
    after_renumbered: FootnoteCall | None = None
    for node in nodes:
        children = getattr(node, "children", None)
        single = children[0] if children is not None and len(children) == 1 else None
        if (
            isinstance(node, Deleted)
            and isinstance(single, FootnoteCall)
            and single.key in renumbered
        ):
            after_renumbered = single
            continue
        if after_renumbered and isinstance(node, Inserted) and isinstance(single, FootnoteCall):
            old_number = after_renumbered.number
            result.append(
                RenumberedCall(single.id, single.offset, single.number, single.key, old_number)
            )
        elif isinstance(node, Bold | Italic):
            result.append(type(node)(without_renumbering(node.children, renumbered)))
        else:
            result.append(node)
        after_renumbered = None
    return result
