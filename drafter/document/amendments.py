"""An amendments document: numbered instructions that change a filed resolution.

After a resolution is filed (…/001) it changes in committee only through amendments,
published as the next documents (…/002, …/003). Each amendment says what to do to one block
of the filed text (a consideration, a request, a sub-paragraph, an item, or the title),
in both languages, with a justification and its sponsors.

The loader builds these objects from an amendments source (`amends:` at the top);
`resolve/amendments.py` numbers them and finds their targets in the filed resolution;
`check/amendments.py` checks them; `resolve/apply.py` carries them out; `compare/amend.py`
computes them from a filed and a wanted version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from drafter.document import model
from drafter.document.diagnostics import Position

# What an amendment does; each is a key of the source whose value is the target.
ACTIONS: tuple[str, ...] = ("replace", "insert", "delete")


@dataclass
class WordChange:
    """A change of some words inside a block's text, in one language.

    `replace` and `by`: replace the words; `delete` alone: leave them out; `after` and
    `insert`: insert words after the quoted ones.
    """

    position: Position
    replace: str = ""
    by: str = ""
    delete: str = ""
    after: str = ""
    insert: str = ""

    @property
    def operation(self) -> str:
        """"replace", "delete", "insert", or "" when the source mixes them up."""
        if self.replace and not (self.delete or self.after or self.insert):
            return "replace"
        if self.delete and not (self.replace or self.by or self.after or self.insert):
            return "delete"
        if self.after and self.insert and not (self.replace or self.by or self.delete):
            return "insert"
        return ""

    @property
    def quoted(self) -> str:
        """The words of the target that the instruction quotes, which must occur once."""
        return self.replace or self.delete or self.after

    @property
    def new_words(self) -> str:
        return self.by if self.replace else self.insert


@dataclass
class Words:
    """Word changes in both languages of one block."""

    nl: WordChange
    fr: WordChange
    position: Position

    def language(self, language: str) -> WordChange:
        return self.nl if language == "nl" else self.fr


@dataclass
class Target:
    """Where an amendment applies, as the filed text labels it: "request 4, subparagraph c)".

    `steps` are (kind, reference label) pairs from the outermost block inward; the title is
    the single step ("title", "").
    """

    steps: tuple[tuple[str, str], ...]
    position: Position

    @property
    def kind(self) -> str:
        return self.steps[-1][0]

    @property
    def label(self) -> str:
        return self.steps[-1][1]

    @property
    def parent(self) -> tuple[tuple[str, str], ...]:
        return self.steps[:-1]

    def __str__(self) -> str:
        return ", ".join(f"{kind} {label}".strip() for kind, label in self.steps)


@dataclass
class Amendment:
    """One numbered amendment: an action on one target, and why."""

    position: Position
    justification: model.Text
    # Exactly one of these three is set in a valid source: the target as written.
    replace: str = ""
    insert: str = ""
    delete: str = ""
    # `replace`: the block's new text (its own text: an introductory sentence stays apart
    # from the sub-paragraphs and items below it) or `words` to change in it.
    # `insert`: the new block's text, with its id and any items or sub-paragraphs.
    text: model.Text | None = None
    words: Words | None = None
    id: str | None = None
    items: list[model.Item] = field(default_factory=list)
    subparagraphs: list[model.Subparagraph] = field(default_factory=list)
    # Who files it, when not the document's sponsors.
    sponsors: list[model.Sponsor] = field(default_factory=list)
    # Filled by the resolver.
    number: int = 0
    target: Target | None = None
    # The block the target names in the filed text, for "replace" and "delete"; for
    # "insert", the new block (its label set from the target).
    part: model.Numbered | None = None

    @property
    def action(self) -> str:
        actions = [name for name in ACTIONS if getattr(self, name)]
        return actions[0] if len(actions) == 1 else ""

    @property
    def written_target(self) -> str:
        return getattr(self, self.action, "") if self.action else ""


@dataclass
class Amendments:
    """A whole amendments document, and the filed resolution it amends once loaded."""

    path: str
    position: Position
    amends: str  # the filed resolution's source, relative to this file
    doc: str  # "1780/002"
    filed: date  # the date on the cover
    sponsors: list[model.Sponsor]
    amendments: list[Amendment]
    # The number of the first amendment ("Nr. 6" when …/002 held 1 to 5).
    first_number: int = 1
    footnotes: dict[str, model.Footnote] = field(default_factory=dict)
    # Filled by the loader: the filed resolution, loaded from `amends`.
    resolution: model.Resolution | None = None

    def texts(self) -> list[tuple[object, model.Text]]:
        """Every text of the document, with the object it belongs to, in reading order."""
        found: list[tuple[object, model.Text]] = []
        for amendment in self.amendments:
            if amendment.text is not None:
                found.append((amendment, amendment.text))
            for block in [*amendment.items, *amendment.subparagraphs]:
                found.append((block, block.text))
                for item in getattr(block, "items", []):
                    found.append((item, item.text))
            found.append((amendment, amendment.justification))
        found.extend((note, note.text) for note in self.footnotes.values())
        return found
