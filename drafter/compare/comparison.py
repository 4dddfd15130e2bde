"""Redline: two resolved versions of a resolution in, one comparison out, as data to render.

`compare(old, new)` walks the layout plans of both versions (`resolve/layout.py`) and returns
a `Redline`: the new version's plan with the old one's differences in it, which the DOCX
writer turns into Word tracked changes and the PDF writer into underlined and
struck-through text. The work is shared out as follows:

- `rows.py` pairs the rows of both versions (by key, then by the similarity of their
  words) and marks each pair: compared, inserted or deleted;
- `notes.py` pairs the footnotes (by id, then by similarity) and makes the redline's notes
  and the calls to them;
- `words.py` compares each language of a matched row word by word: text, footnote calls (by
  the footnote they call) and cross-references (by the label they print: a `[@id]` that now
  prints 5 instead of 4 is a change a reader must see). Labels ("A.", "1°") are not text:
  the writers draw them, so an inserted consideration changes no other row.

The result is inline nodes (`Inserted`, `Deleted` around the changed words), rows with a
`change` ("inserted", "deleted", "changed") and notes with a `key` that tells them apart.
Nothing here knows about XML or HTML.
"""

from __future__ import annotations

from dataclasses import replace

from drafter.compare.notes import Notes
from drafter.compare.rows import RowMarker, align
from drafter.compare.words import WordDiff
from drafter.document import model, vocabulary
from drafter.document.inline import Inline, Str
from drafter.document.plan import Plan
from drafter.document.redline import Count, Redline, RedlineError
from drafter.resolve import layout


def _strings(old: str, new: str) -> list[Inline]:
    """A cover's line compared word by word: plain text, without calls or references."""
    return WordDiff().diff([Str(old)], [Str(new)])[0]


def compare(old: model.Resolution, new: model.Resolution) -> Redline:
    """The redline of two resolved versions (from `drafter.load`): `new` with `old`'s
    differences marked in it.

    Raises `RedlineError` for a difference that tracked changes cannot express, so that no
    redline is written that Reject All could not take back to the old version: the order
    of the columns (Word has no tracked change for swapping table columns).
    """
    if list(old.columns) != list(new.columns):
        raise RedlineError(
            f"the columns changed order ({', '.join(old.columns)} → {', '.join(new.columns)}): "
            "tracked changes cannot swap columns, so a redline could not be rejected back to "
            "the old version; compare versions with the same `columns`"
        )
    old_plan, new_plan = layout.plan(old), layout.plan(new)
    notes = Notes(old, new)
    # Every row is matched before any words are compared, so that a reference to a part
    # whose id was renamed is known to point at the same part.
    alignment = align(old_plan.rows, new_plan.rows)
    body = WordDiff(notes, alignment.renamed())
    marker = RowMarker(body, alignment.matched_keys)
    rows = marker.rows(alignment.pairs)
    languages = model.LANGUAGES
    title: dict[str, list[Inline]] = {}
    title_edited = False
    for language in languages:
        title[language], edited = body.diff(
            old_plan.cover.title[language], new_plan.cover.title[language]
        )
        title_edited = title_edited or edited
    old_cover, new_cover = old_plan.cover, new_plan.cover
    doc_number = _strings(old_cover.doc_number, new_cover.doc_number)
    cover = {
        "doc_number": dict.fromkeys(languages, doc_number),
        "filed": {
            lang: _strings(old_cover.filed[lang], new_cover.filed[lang]) for lang in languages
        },
        "sponsors": {
            lang: _strings(old_cover.sponsors[lang], new_cover.sponsors[lang]) for lang in languages
        },
        "session": {
            lang: _strings(old_cover.session[lang], new_cover.session[lang]) for lang in languages
        },
    }
    summary = {part: Count(*counts) for part, counts in marker.summary.items()}
    summary["title"] = Count(changed=int(title_edited))
    summary["footnotes"] = notes.count()
    # The signatures under the memorandum are rows; a resolution without a memorandum has
    # none, so sponsors are counted from the list itself.
    old_names = [vocabulary.signature(s.given, s.family, s.party) for s in old.sponsors]
    new_names = [vocabulary.signature(s.given, s.family, s.party) for s in new.sponsors]
    old_people = {(s.given, s.family) for s in old.sponsors}
    new_people = {(s.given, s.family) for s in new.sponsors}
    summary["sponsors"] = Count(
        len(new_people - old_people),
        len(old_people - new_people),
        sum(
            1
            for name, person in zip(new_names, new.sponsors, strict=True)
            if (person.given, person.family) in old_people and name not in old_names
        ),
    )
    plan = Plan(
        cover=replace(new_cover, title=title),
        rows=rows,
        footnotes=notes.footnotes(),
        columns=list(new_plan.columns),
        metadata=new_plan.metadata,
    )
    return Redline(old, new, plan, cover, summary, frozenset(notes.renumbered))
