"""New markup for an edited text: a language's markup as the source has it (with its parsed
inline nodes) and the text the DOCX now shows in, the source's markup for that text out.

Both texts are compared as what a reader sees, character by character with the emphasis of
each, a footnote call being one character of its own. Where the words are unchanged, the
source's own markup is kept: a reference `[@id]` (shown "4") whose shown label is wholly
unchanged, a footnote call `[^id]`, an escape (`\\4`, `\\*`). What is new is written as
plain text with the markup characters escaped, so what a co-sponsor typed over a reference
stays what they typed (and `check` then reports it as usual). Emphasis is the DOCX's own:
it is written where it starts and stops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from drafter.document.inline import Bold, FootnoteCall, Inline, Italic, Reference, Str, walk
from drafter.source.markup import ID_PATTERN

# A footnote call shown as one character of a private-use plane, one per note.
CALL_BASE = 0xF0000
_TOKEN = re.compile(r"\w+|\s+|.", re.DOTALL)


@dataclass(frozen=True)
class Glyph:
    """One character a reader sees, with its emphasis; in the source's text, the markup
    that wrote it and, for a reference or call, which one (`atom`, its index)."""

    char: str
    bold: bool = False
    italic: bool = False
    markup: str | None = None
    atom: int = -1


def call_char(index: int) -> str:
    return chr(CALL_BASE + index)


# Text with its emphasis: (text, bold, italic), as runs are; a list of them is a paragraph.
Segment = tuple[str, bool, bool]


def shown(inlines: list[Inline], calls: dict[str, int]) -> list[Segment]:
    """What a reader sees of parsed inline nodes (calls as one character each)."""
    segments: list[Segment] = []

    def visit(nodes: list[Inline], bold: bool, italic: bool) -> None:
        for node in nodes:
            if isinstance(node, Str):
                segments.append((node.text, bold, italic))
            elif isinstance(node, Reference):
                segments.append((node.label, bold, italic))
            elif isinstance(node, FootnoteCall):
                segments.append((call_char(calls[node.id]), bold, italic))
            elif isinstance(node, Italic | Bold):
                visit(
                    node.children,
                    bold or isinstance(node, Bold),
                    italic or isinstance(node, Italic),
                )

    visit(inlines, False, False)
    return segments


def glyphs(segments: list[Segment]) -> list[Glyph]:
    return [Glyph(char, bold, italic) for text, bold, italic in segments for char in text]


def _normal(segments: list[Segment]) -> list[Segment]:
    """Segments joined where their emphasis is the same; a call takes the emphasis of what
    stands before it (the application writes its mark without the text's emphasis)."""
    joined: list[list] = []
    for text, bold, italic in segments:
        if not text:
            continue
        if _is_call(text[0]) and joined:
            bold, italic = joined[-1][1], joined[-1][2]
        if joined and (joined[-1][1], joined[-1][2]) == (bold, italic):
            joined[-1][0] += text
        else:
            joined.append([text, bold, italic])
    return [(text, bold, italic) for text, bold, italic in joined]


def with_markup(value: str, inlines: list[Inline], glyphs: list[Glyph]) -> list[Glyph]:
    """`glyphs` (from `shown`) with the markup of `value` that wrote each one; unchanged when
    the two do not line up (a text with markup errors), so that nothing is kept from it."""
    atoms = {
        node.offset: node for node in walk(inlines) if isinstance(node, Reference | FootnoteCall)
    }
    pieces: list[tuple[str, int]] = []  # (markup, atom) per shown character, in order
    position = atom = 0
    while position < len(value):
        character = value[position]
        end = value.find("]", position) if position in atoms else -1
        if character == "\\" and position + 1 < len(value):
            pieces.append((value[position : position + 2], -1))
            position += 2
        elif end != -1 and ID_PATTERN.fullmatch(value[position + 2 : end]):
            node = atoms[position]
            shown_length = 1 if isinstance(node, FootnoteCall) else len(node.label)
            atom += 1
            pieces.extend(
                (value[position : end + 1] if i == 0 else "", atom) for i in range(shown_length)
            )
            position = end + 1
        elif character == "*":
            position += 1
        else:
            pieces.append((character, -1))
            position += 1
    if len(pieces) != len(glyphs):
        return glyphs
    return [
        Glyph(glyph.char, glyph.bold, glyph.italic, markup, atom)
        for glyph, (markup, atom) in zip(glyphs, pieces, strict=True)
    ]


def same_text(old: list[Segment], new: list[Segment]) -> bool:
    """Whether a reader sees the same text (emphasis included, except on calls)."""
    return _normal(old) == _normal(new)


def new_markup(old: list[Glyph], new: list[Glyph], call_ids: list[str]) -> str:
    """The markup for `new` (the DOCX's text), keeping the markup of `old` (from
    `with_markup`) where its words are unchanged."""
    old_tokens = [match.span() for match in _TOKEN.finditer("".join(g.char for g in old))]
    new_tokens = [match.span() for match in _TOKEN.finditer("".join(g.char for g in new))]
    old_words = ["".join(g.char for g in old[a:b]) for a, b in old_tokens]
    new_words = ["".join(g.char for g in new[a:b]) for a, b in new_tokens]
    source: list[Glyph | None] = [None] * len(new)
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for i, j, size in matcher.get_matching_blocks():
        if not size:
            continue
        old_start, new_start = old_tokens[i][0], new_tokens[j][0]
        for offset in range(new_tokens[j + size - 1][1] - new_start):
            source[new_start + offset] = old[old_start + offset]
    kept = _whole_atoms(old, source)
    parts: list[str] = []
    open_marks: list[str] = []
    bold = italic = False
    for index, glyph in enumerate(new):
        if not _is_call(glyph.char):  # a call takes the emphasis around it
            bold, italic = glyph.bold, glyph.italic
        _emphasis(parts, open_marks, bold, italic)
        origin = source[index]
        if (
            origin is not None
            and origin.markup is not None
            and (origin.atom in kept or origin.atom < 0)
        ):
            parts.append(origin.markup)
        elif _is_call(glyph.char):
            parts.append(f"[^{call_ids[ord(glyph.char) - CALL_BASE]}]")
        else:
            following = new[index + 1].char if index + 1 < len(new) else ""
            parts.append(_escape(glyph.char, following))
    _emphasis(parts, open_marks, False, False)
    return "".join(parts)


def _is_call(char: str) -> bool:
    return ord(char) >= CALL_BASE


def _whole_atoms(old: list[Glyph], source: list[Glyph | None]) -> set[int]:
    """The references and calls of `old` all of whose characters stand, in order and
    together, in the new text."""
    wanted: dict[int, int] = {}
    for glyph in old:
        if glyph.atom >= 0:
            wanted[glyph.atom] = wanted.get(glyph.atom, 0) + 1
    found: dict[int, list[int]] = {}
    for index, glyph in enumerate(source):
        if glyph is not None and glyph.atom >= 0:
            found.setdefault(glyph.atom, []).append(index)
    return {
        atom
        for atom, places in found.items()
        if len(places) == wanted[atom] and places == list(range(places[0], places[-1] + 1))
    }


def _emphasis(parts: list[str], open_marks: list[str], bold: bool, italic: bool) -> None:
    """Close and open `*` and `**` so that the emphasis from here on is `bold`, `italic`;
    marks close in the reverse order they opened, bold opening before italic (the order in
    which `source/markup.py` reads "***")."""
    wanted = {"**": bold, "*": italic}
    while open_marks and any(not wanted[mark] for mark in open_marks):
        parts.append(open_marks.pop())
    for mark in ("**", "*"):
        if wanted[mark] and mark not in open_marks:
            parts.append(mark)
            open_marks.append(mark)


def _escape(char: str, following: str) -> str:
    if char in ("\\", "*") or (char == "[" and following in ("^", "@")):
        return "\\" + char
    return char
