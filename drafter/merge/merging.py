"""Merging: a resolved resolution, its source text and the bytes of a DOCX that drafter built
from it (and a co-sponsor edited) in, the new source text out, with what changed, the
tracked changes still to decide, the comments, and what needs a person.

Each bookmarked paragraph of the DOCX is matched to the text it was built from by the
bookmark's name (`targets.py`, from `document/anchors.py`): the plan's row keys, the title,
the notes' ids. Here each is compared with its text once the tracked changes are decided
(`seen.py`); deleted parts go (`deletions.py`), added paragraphs and notes become new parts
(`new_material.py`), and only the scalars whose text a reader sees differently are edited
(`splicing.py`, with `scalars.py`); the result is read again to make sure YAML gives back
exactly the new texts. What was found is reported as `results.py` words it.
"""

from __future__ import annotations

from collections.abc import Callable

from drafter.document.inline import plain_text
from drafter.document.model import Resolution
from drafter.merge import additions, markup, new_material
from drafter.merge.deletions import deleted_parts, paragraphs_gone, removals_checked
from drafter.merge.reader import DocxContent, DocxError
from drafter.merge.results import Edit, MergeResult, short
from drafter.merge.seen import (
    ACCEPT,
    REJECT,
    Calls,
    call_count,
    decided,
    grouped,
    pending,
    plain_of,
    position_of,
    segmented,
    stripped,
    trimmed,
)
from drafter.merge.splicing import apply, spliced
from drafter.merge.targets import targets
from drafter.resolve import layout

# What `drafter.api.merge` and the command use; the rest is this package's own.
__all__ = ["ACCEPT", "REJECT", "MergeResult", "merge"]


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
    calls = Calls(resolution, content, decision)
    slots = additions.slots(resolution)
    new_parts: dict[int, new_material.NewPart] = {}
    swapped: set[str] = set()
    found = [name for name in content.paragraphs if name in wanted]
    if not found:
        raise DocxError(
            "none of its paragraphs was built from this resolution (was it built from "
            "another file?)"
        )
    gone = paragraphs_gone(wanted, content, decision)
    removed, texts_removed = deleted_parts(
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
                f'after a heading, or a heading\'s words edited): "{short(added.text)}"; copy '
                "it into the source by hand"
            )
    for added in content.unplaced:
        result.problems.append(
            f"{docx}: {added.place}: error: a paragraph was added where no part of the "
            f'resolution stands: "{short(added.text)}"; copy it into the source by hand'
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
            new_material.added(result, added, target, slots, new_parts, calls, docx)
        if paragraph.deleted_row is not None and decision is None:
            words = "".join(piece.text for piece in paragraph.pieces).strip()
            pending(result, position, paragraph.deleted_row, words, target.what)
        revisions = [p for p in paragraph.pieces if p.inserted or p.deleted]
        if revisions and decision is None:
            for revision, words in grouped(revisions):
                pending(result, position_of(target, words), revision, words)
            continue
        segments = decided(paragraph.pieces, decision, calls, target)
        if segments is None:
            result.problems.append(
                f"{position}: error: {target.what} ({target.language}) calls a footnote the "
                "DOCX does not hold; merge it by hand"
            )
            continue
        old_segments = markup.shown(target.inlines, calls.index)
        if markup.same_text(old_segments, segments):
            continue  # the common case, without a character-by-character comparison
        glyphs = trimmed(markup.glyphs(segments), target)
        old = markup.glyphs(old_segments)
        # A space at either end of the source's text is not seen in the DOCX.
        if markup.same_text(segmented(stripped(old)), segmented(glyphs)):
            continue
        value = target.source.value
        new = markup.new_markup(markup.with_markup(value, target.inlines, old), glyphs, calls.ids)
        if new != value:
            old_plain = plain_of(old)
            calls_added = call_count(glyphs) - call_count(old)
            result.edits.append(Edit(target, value, new, old_plain, plain_of(glyphs), calls_added))
    for comment in content.other_comments:
        result.notes.append(
            f"{resolution.position}: note: comment by {comment.author} on a part of the DOCX "
            f'that shows no text of the source (the cover, a heading): "{comment.text}"'
        )
    for target, revision, words in calls.revisions:
        pending(result, target.source.position, revision, words)
    if decision is None and result.pending:
        return result
    replacements = apply(text, resolution.path, result.edits, result.problems)
    if result.problems:
        return result
    insertions = new_material.insertions(resolution, text, new_parts, calls, result.problems)
    replacements += [(removal.start, removal.end, "") for removal in removed]
    if result.problems or not (insertions or replacements):
        return result
    new_text, placed = spliced(text, replacements, insertions)
    if placed:
        result.additions = new_material.checked(new_text, resolution.path, placed, result.problems)
    if removed:
        expected = len(list(resolution.all_texts())) - texts_removed + len(placed)
        removals_checked(new_text, resolution.path, expected, removed, result.problems)
    if not result.problems:
        result.new_text = new_text
        result.removals = removed
    return result
