"""Inline nodes: what a text of a resolution holds once its markup is read (plain text,
emphasis, footnote calls, cross-references) and, in a redline, what was inserted or deleted.

`source/markup.py` makes them from the source's markup; every later stage reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Str:
    text: str


@dataclass
class Italic:
    children: list[Inline] = field(default_factory=list)


@dataclass
class Bold:
    children: list[Inline] = field(default_factory=list)


@dataclass
class FootnoteCall:
    id: str
    offset: int
    number: int = 0  # filled by the resolver
    # Set in a redline only (compare): the number of the note the call leads to among the
    # redline's notes (an old note 5 that was removed and a new note 5 are two notes).
    key: int = 0


@dataclass
class Reference:
    id: str
    offset: int
    label: str = ""  # filled by the resolver


@dataclass
class Inserted:
    """In a redline: text the new version has and the old one had not."""

    children: list[Inline] = field(default_factory=list)


@dataclass
class Deleted:
    """In a redline: text the old version had and the new one has not."""

    children: list[Inline] = field(default_factory=list)


Inline = Str | Italic | Bold | FootnoteCall | Reference | Inserted | Deleted


def plain_text(inlines: list[Inline]) -> str:
    """The text a reader sees, without footnote calls (references print their label).

    In a redline, that is the new version's text: insertions are read, deletions are not.
    """
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Str):
            parts.append(node.text)
        elif isinstance(node, Italic | Bold | Inserted):
            parts.append(plain_text(node.children))
        elif isinstance(node, Reference):
            parts.append(node.label)
    return "".join(parts)


def walk(inlines: list[Inline]) -> list[Inline]:
    """Every node of the tree, depth first, in reading order."""
    found: list[Inline] = []
    for node in inlines:
        found.append(node)
        if isinstance(node, Italic | Bold | Inserted | Deleted):
            found.extend(walk(node.children))
    return found
