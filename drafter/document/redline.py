"""The redline's type: two versions compared, as one plan with the old version's differences
marked in it (`compare` makes it; both writers render it).
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.document import model
from drafter.document.inline import Inline
from drafter.document.plan import Plan

INSERTED, DELETED, CHANGED = "inserted", "deleted", "changed"


@dataclass(frozen=True)
class Count:
    """How many parts of one kind the new version added, removed and changed."""

    added: int = 0
    removed: int = 0
    changed: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


# The summary's lines, in the order of the document, with their names in both languages.
SUMMARY_PARTS: dict[str, dict[str, str]] = {
    "title": {"nl": "Titel", "fr": "Titre"},
    "sponsors": {"nl": "Indieners", "fr": "Auteurs"},
    "sections": {"nl": "Afdelingen van de toelichting", "fr": "Sections des développements"},
    "paragraphs": {"nl": "Alinea’s van de toelichting", "fr": "Alinéas des développements"},
    "considerations": {"nl": "Overwegingen", "fr": "Considérants"},
    "lead": {"nl": "Aanhef van de verzoeken", "fr": "Phrase liminaire des demandes"},
    "requests": {"nl": "Verzoeken", "fr": "Demandes"},
    "subparagraphs": {"nl": "Subparagrafen", "fr": "Sous-paragraphes"},
    "items": {"nl": "Punten", "fr": "Points"},
    "footnotes": {"nl": "Voetnoten", "fr": "Notes de bas de page"},
    "date": {"nl": "Datum", "fr": "Date"},
}
SUMMARY_COLUMNS: dict[str, dict[str, str]] = {
    "added": {"nl": "toegevoegd", "fr": "ajoutés"},
    "removed": {"nl": "weggelaten", "fr": "supprimés"},
    "changed": {"nl": "gewijzigd", "fr": "modifiés"},
}
SUMMARY_WORDS: dict[str, dict[str, str]] = {
    "heading": {"nl": "Vergelijking van twee versies", "fr": "Comparaison de deux versions"},
    "inserted": {"nl": "ingevoegde tekst", "fr": "texte inséré"},
    "deleted": {"nl": "geschrapte tekst", "fr": "texte supprimé"},
}


@dataclass
class Redline:
    """The comparison of two versions.

    `plan` is the new version's layout plan with the old version's rows and words in it:
    rows carry their `change`, cells and notes hold `Inserted` and `Deleted` nodes, every
    footnote call has the `key` of its note in `plan.footnotes`. `cover` holds the cover's
    texts that are not inline text in the plan (document number, filing dates, sponsors
    line, session line), compared word by word, per language.
    """

    old: model.Resolution
    new: model.Resolution
    plan: Plan
    cover: dict[str, dict[str, list[Inline]]]
    summary: dict[str, Count]
    # The keys of the notes that are only the old copy of a note whose number changed: a
    # writer whose notes are numbered by the application may show such a call as the new
    # call alone (its number follows by itself), and need not write this copy.
    renumbered: frozenset[int] = frozenset()

    @property
    def changed(self) -> bool:
        return any(self.summary.values()) or any(row.change for row in self.plan.rows)


class RedlineError(Exception):
    """A redline cannot be made (git, a date); the message is a plain sentence."""
