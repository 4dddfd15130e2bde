"""Inline markup: a text string in, a list of inline nodes (and markup problems) out.

The markup is small on purpose:

    [^id]      a footnote call          [@id]   a cross-reference (prints the target's label)
    *italic*   **bold**                 \\x     the character x, literally (\\*, \\[, \\\\)

Offsets are kept on calls and references, so problems can be pointed at in the source file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


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
    # Set in a redline only (redline.py): the number of the note the call leads to among the
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


@dataclass(frozen=True)
class MarkupProblem:
    offset: int
    length: int
    message: str
    code: str = "unbalanced-markup"  # a diagnostic code of codes.py


@dataclass
class _Open:
    node: Italic | Bold
    delimiter: str
    offset: int


def parse(text: str) -> tuple[list[Inline], list[MarkupProblem]]:
    """Parse one language of a text node."""
    root: list[Inline] = []
    stack: list[_Open] = []
    problems: list[MarkupProblem] = []
    buffer: list[str] = []

    def children() -> list[Inline]:
        return stack[-1].node.children if stack else root

    def flush() -> None:
        if buffer:
            children().append(Str("".join(buffer)))
            buffer.clear()

    position = 0
    while position < len(text):
        character = text[position]
        if character == "\\" and position + 1 < len(text):
            buffer.append(text[position + 1])
            position += 2
        elif text.startswith("[^", position) or text.startswith("[@", position):
            end = text.find("]", position)
            sigil = text[position + 1]
            what = "footnote call" if sigil == "^" else "cross-reference"
            if end == -1:
                problems.append(
                    MarkupProblem(position, 2, f"the {what} '[{sigil}' is not closed with ']'")
                )
                buffer.append(text[position : position + 2])
                position += 2
                continue
            identifier = text[position + 2 : end]
            if not ID_PATTERN.fullmatch(identifier):
                problems.append(
                    MarkupProblem(
                        position,
                        end + 1 - position,
                        f"'{text[position : end + 1]}' is not a valid {what}: an id is made "
                        "of lowercase letters, digits and hyphens",
                        code="invalid-call",
                    )
                )
                buffer.append(text[position : end + 1])
            else:
                flush()
                node: Inline = (
                    FootnoteCall(identifier, position)
                    if sigil == "^"
                    else Reference(identifier, position)
                )
                children().append(node)
            position = end + 1
        elif character == "*":
            run = len(text[position:]) - len(text[position:].lstrip("*"))
            # In "***", an open italic closes first: "**bold *both***".
            closes_italic = run >= 3 and stack and stack[-1].delimiter == "*"
            delimiter = "**" if run >= 2 and not closes_italic else "*"
            flush()
            if stack and stack[-1].delimiter == delimiter:
                stack.pop()
            elif any(opened.delimiter == delimiter for opened in stack):
                opened = next(o for o in reversed(stack) if o.delimiter == delimiter)
                problems.append(
                    MarkupProblem(
                        opened.offset,
                        len(delimiter),
                        f"'{delimiter}' and '{stack[-1].delimiter}' are closed in the wrong order",
                    )
                )
                stack.pop()
            else:
                emphasis: Italic | Bold = Bold() if delimiter == "**" else Italic()
                children().append(emphasis)
                stack.append(_Open(emphasis, delimiter, position))
            position += len(delimiter)
        else:
            buffer.append(character)
            position += 1
    flush()
    for opened in stack:
        style = "bold" if opened.delimiter == "**" else "italic"
        problems.append(
            MarkupProblem(
                opened.offset,
                len(opened.delimiter),
                f"'{opened.delimiter}' starts {style} text that is never closed "
                "(write \\* for a literal asterisk)",
            )
        )
    return root, problems


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
