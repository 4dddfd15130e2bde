"""Inline markup: a text string in, a list of inline nodes (and markup problems) out.

The markup is small on purpose:

    [^id]      a footnote call          [@id]   a cross-reference (prints the target's label)
    *italic*   **bold**                 \\x     the character x, literally (\\*, \\[, \\\\)

Offsets are kept on calls and references, so problems can be pointed at in the source file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.document.inline import Bold, FootnoteCall, Inline, Italic, Reference, Str

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Where markup may start (a run of asterisks whole): the text in between is taken at once.
_SPECIAL = re.compile(r"\\|\[[\^@]|\*+")


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
        special = _SPECIAL.search(text, position)
        if special is None:
            buffer.append(text[position:])
            break
        if special.start() > position:
            buffer.append(text[position : special.start()])
            position = special.start()
        character = text[position]
        if character == "\\":
            # A backslash at the very end escapes nothing and stays.
            buffer.append(text[position + 1 : position + 2] or character)
            position += 2
        elif character == "[":
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
        else:  # "*"
            run = len(special.group())
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
