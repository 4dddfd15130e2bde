"""Word by word: the inline text of both versions in, the new text with `Inserted` and
`Deleted` around the changed words out.

Text is cut into tokens (words, spaces, punctuation, footnote calls, cross-references),
difflib matches the two token sequences, and the tokens are built back into inline nodes.
What a footnote call in the body becomes is asked of a `CallMarks` (`notes.Notes`), which
gives each call the note it points at in the redline.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from drafter.document.inline import (
    Bold,
    Deleted,
    FootnoteCall,
    Inline,
    Inserted,
    Italic,
    Reference,
    Str,
)
from drafter.document.redline import DELETED

# A word, a run of spaces, or one other character; a URL is one token, so that it changes
# as a whole and stays a link.
_TOKEN = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)”’]|\w+|\s+|[^\w\s]")

# A token: (kind, value, bold, italic). Kinds: "t" text, "c" a footnote call in the body
# (value: the footnote it calls, the same in both versions when matched), "r" a
# cross-reference (value: the label it prints), "n" a call inside a footnote (printed as
# its number).
Token = tuple[str, str, bool, bool]


class CallMarks(Protocol):
    """What the footnote calls of the body become in the redline."""

    def old_value(self, call: FootnoteCall) -> str:
        """The token value of an old version's call: equal to a new call's when both call
        footnotes that were matched."""
        ...

    def new_value(self, call: FootnoteCall) -> str: ...

    def deleted(self, call: FootnoteCall) -> list[Inline]: ...

    def inserted(self, call: FootnoteCall) -> list[Inline]: ...

    def kept(self, old_call: FootnoteCall, new_call: FootnoteCall) -> list[Inline]: ...


@dataclass(frozen=True)
class WordDiff:
    """Compares inline text word by word.

    `calls`: how the body's footnote calls are marked; None for a footnote's own text, whose
    calls are only printed numbers. `renamed`: old id → new id of the parts matched, so that
    a reference to a part whose id was renamed is not taken for an edit.
    """

    calls: CallMarks | None = None
    renamed: Mapping[str, str] = field(default_factory=dict)

    def diff(self, old: list[Inline], new: list[Inline]) -> tuple[list[Inline], bool]:
        """The new inlines with the old one's differences marked, and whether the words
        themselves changed (not only a reference's label or a footnote's number)."""
        old_tokens, old_sources = self._tokenize(old, "old")
        new_tokens, new_sources = self._tokenize(new, "new")
        edited = _edited(old_tokens, old_sources, new_tokens, new_sources, self.renamed)
        result: list[Inline] = []

        def deleted(index: int) -> list[Inline]:
            call = old_sources[index]
            assert isinstance(call, FootnoteCall) and self.calls is not None
            return self.calls.deleted(call)

        def inserted(index: int) -> list[Inline]:
            call = new_sources[index]
            assert isinstance(call, FootnoteCall) and self.calls is not None
            return self.calls.inserted(call)

        if old_tokens == new_tokens:
            opcodes = [("equal", 0, len(old_tokens), 0, len(new_tokens))]
        else:
            opcodes = _opcodes(old_tokens, new_tokens)
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal":

                def kept(index: int, shift: int = i1 - j1) -> list[Inline]:
                    old_call, new_call = old_sources[index + shift], new_sources[index]
                    assert isinstance(old_call, FootnoteCall)
                    assert isinstance(new_call, FootnoteCall)
                    assert self.calls is not None
                    return self.calls.kept(old_call, new_call)

                result += _build(new_tokens, new_sources, j1, j2, kept)
                continue
            if i2 > i1:
                result.append(Deleted(_build(old_tokens, old_sources, i1, i2, deleted)))
            if j2 > j1:
                result.append(Inserted(_build(new_tokens, new_sources, j1, j2, inserted)))
        return result, edited

    def whole(self, inlines: list[Inline], change: str) -> list[Inline]:
        """A row's inlines when the row was inserted or deleted as a whole."""
        side = "old" if change == DELETED else "new"
        tokens, sources = self._tokenize(inlines, side)

        def call(index: int) -> list[Inline]:
            source = sources[index]
            assert isinstance(source, FootnoteCall) and self.calls is not None
            if change == DELETED:
                return self.calls.deleted(source)
            return self.calls.inserted(source)

        built = _build(tokens, sources, 0, len(tokens), call)
        if not built:
            return []
        return [Deleted(built) if change == DELETED else Inserted(built)]

    def _tokenize(
        self, inlines: list[Inline], side: str
    ) -> tuple[list[Token], list[Inline | None]]:
        tokens: list[Token] = []
        sources: list[Inline | None] = []
        value = None
        if self.calls is not None:
            value = self.calls.old_value if side == "old" else self.calls.new_value
        _tokens(inlines, value, tokens, sources)
        return tokens, sources


def has_changes(inlines: list[Inline]) -> bool:
    """Whether inlines hold an `Inserted` or `Deleted` node, at any depth of style."""
    for node in inlines:
        if isinstance(node, Inserted | Deleted):
            return True
        if isinstance(node, Italic | Bold) and has_changes(node.children):
            return True
    return False


def _tokens(
    nodes: Iterable[Inline],
    call_value: Callable[[FootnoteCall], str] | None,
    tokens: list[Token],
    sources: list[Inline | None],
    bold: bool = False,
    italic: bool = False,
) -> None:
    """Append the tokens of inline nodes, and the node each call or reference came from.

    `call_value` names the footnote a body call calls; None: calls are inside a footnote.
    """
    for node in nodes:
        if isinstance(node, Str):
            for word in _TOKEN.findall(node.text):
                tokens.append(("t", word, bold, italic))
                sources.append(None)
        elif isinstance(node, Italic | Bold):
            _tokens(
                node.children,
                call_value,
                tokens,
                sources,
                bold or isinstance(node, Bold),
                italic or isinstance(node, Italic),
            )
        elif isinstance(node, Reference):
            tokens.append(("r", node.label, bold, italic))
            sources.append(node)
        elif isinstance(node, FootnoteCall):
            if call_value is None:
                tokens.append(("n", str(node.number), bold, italic))
            else:
                tokens.append(("c", call_value(node), bold, italic))
            sources.append(node)
        else:  # Inserted, Deleted: never in a resolved version
            _tokens(node.children, call_value, tokens, sources, bold, italic)


def _build(
    tokens: list[Token],
    sources: list[Inline | None],
    start: int,
    end: int,
    make_call: Callable[[int], list[Inline]],
) -> list[Inline]:
    """Inline nodes from tokens[start:end]: adjacent text of one style is one `Str`."""
    groups: list[tuple[bool, bool, list[Inline]]] = []
    # The text since the last node that is not text, joined once: adding each token to a
    # `Str` was quadratic in the length of a paragraph.
    text: list[str] = []

    def flush() -> None:
        if text:
            groups[-1][2].append(Str("".join(text)))
            text.clear()

    for index in range(start, end):
        kind, value, bold, italic = tokens[index]
        source = sources[index]
        nodes: list[Inline]
        if kind == "t":
            nodes = [Str(value)]
        elif kind == "r":
            assert isinstance(source, Reference)
            nodes = [Reference(source.id, 0, value)]
        elif kind == "n":
            assert isinstance(source, FootnoteCall)
            nodes = [FootnoteCall(source.id, 0, source.number)]
        else:
            nodes = make_call(index)
        if not groups or groups[-1][:2] != (bold, italic):
            flush()
            groups.append((bold, italic, []))
        for node in nodes:
            if isinstance(node, Str):
                text.append(node.text)
            else:
                flush()
                groups[-1][2].append(node)
    flush()
    result: list[Inline] = []
    for bold, italic, children in groups:
        wrapped: list[Inline] = children
        if italic:
            wrapped = [Italic(wrapped)]
        if bold:
            wrapped = [Bold(wrapped)]
        result.extend(wrapped)
    return result


def _small(tokens: list[Token]) -> bool:
    """Whether an unchanged stretch between two changes is too small to stand on its own
    ("de", ", "): shown inside the change, it makes the change easier to read."""
    if any(kind == "c" for kind, *_ in tokens):
        return False  # a call that stayed keeps its note
    words = [value for kind, value, *_ in tokens if kind != "t" or value.strip()]
    return len(words) <= 1 and sum(len(word) for word in words) <= 3


def _opcodes(old: list[Token], new: list[Token]) -> list[tuple[str, int, int, int, int]]:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    opcodes = matcher.get_opcodes()
    merged: list[tuple[str, int, int, int, int]] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal" and 0 < index < len(opcodes) - 1 and _small(old[i1:i2]):
            tag = "replace"
        if tag != "equal" and merged and merged[-1][0] != "equal":
            _, start_old, _, start_new, _ = merged[-1]
            merged[-1] = ("replace", start_old, i2, start_new, j2)
        else:
            merged.append((tag, i1, i2, j1, j2))
    return merged


def _edited(
    old_tokens: list[Token],
    old_sources: list[Inline | None],
    new_tokens: list[Token],
    new_sources: list[Inline | None],
    renamed: Mapping[str, str],
) -> bool:
    """Whether the text was edited: references compare by the part they point at, not by
    the label they print (a reference that prints 5 instead of 4 was not edited), nor by
    its id (a part whose id was renamed is the same part)."""
    if len(old_tokens) != len(new_tokens):
        return True
    for old, old_source, new, new_source in zip(
        old_tokens, old_sources, new_tokens, new_sources, strict=True
    ):
        if old[0] == "r" and new[0] == "r":
            assert isinstance(old_source, Reference) and isinstance(new_source, Reference)
            old_target = renamed.get(old_source.id, old_source.id)
            if (old_target, old[2:]) != (new_source.id, new[2:]):
                return True
        elif old[0] == "n" and new[0] == "n":
            continue  # a footnote's number, printed inside another note
        elif old != new:
            return True
    return False
