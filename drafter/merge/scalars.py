"""Minimal edits of a YAML scalar: its source as it stands in the file (quotes, folding,
indentation), its old value and its new value in, its new source out.

Only the words that changed are replaced, in place, so the rest of the scalar keeps its
line breaks and its quoting; a scalar whose words cannot be matched to its value one to one
(a literal block, escapes in a double-quoted string, runs of spaces) is written again as one
double-quoted line, which YAML reads as exactly the new value.
"""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher

# Words as YAML folds them: between spaces and line breaks only (a no-break space, which
# the Chamber's texts hold before numbers, is part of a word).
_WORD = re.compile(r"[^ \t\r\n]+")


def edited_source(source: str, old: str, new: str) -> str:
    """The new source of a scalar whose value goes from `old` to `new`."""
    return _word_edit(source, old, new) or quoted(source, new)


def quoted(source: str, new: str) -> str:
    """`new` as a double-quoted scalar, keeping what followed the old one (a block
    scalar's source ends with its line break)."""
    trailing = source[len(source.rstrip()) :]
    return json.dumps(new, ensure_ascii=False) + trailing


def _body(source: str) -> tuple[int, int, str] | None:
    """Where the scalar's words stand in `source`, and its style ('"', "'", ">" or "")."""
    if not source:
        return None
    first = source[0]
    if first in "\"'":
        end = source.rfind(first)
        return (1, end, first) if end > 0 else None
    if first == ">":
        header = source.find("\n")
        return (header + 1, len(source), ">") if header != -1 else None
    if first == "|":
        return None  # a literal block keeps its line breaks in the value
    return (0, len(source), "")


def _unescape(word: str, style: str) -> str | None:
    if style == '"':
        return None if "\\" in word else word
    if style == "'":
        return word.replace("''", "'")
    return word


def _escape(word: str, style: str) -> str:
    if style == '"':
        return word.replace("\\", "\\\\").replace('"', '\\"')
    if style == "'":
        return word.replace("'", "''")
    return word


def _word_edit(source: str, old: str, new: str) -> str | None:
    body = _body(source)
    new_words = new.split(" ")
    if body is None or not new or " ".join(_WORD.findall(new)) != new:
        return None
    start, end, style = body
    spans = [(start + m.start(), start + m.end()) for m in _WORD.finditer(source[start:end])]
    old_words = [_unescape(source[a:b], style) for a, b in spans]
    if None in old_words or " ".join(word or "" for word in old_words) != old:
        return None
    edits: list[tuple[int, int, str]] = []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        words = " ".join(_escape(word, style) for word in new_words[j1:j2])
        if tag == "equal":
            continue
        if tag == "insert":
            if i1 > 0:
                edits.append((spans[i1 - 1][1], spans[i1 - 1][1], " " + words))
            else:
                edits.append((spans[0][0], spans[0][0], words + " "))
        elif tag == "delete":
            # The words go with the space before them (after them, at the start).
            if i1 > 0:
                edits.append((spans[i1 - 1][1], spans[i2 - 1][1], ""))
            else:
                edits.append((spans[0][0], spans[i2][0], ""))
        else:
            edits.append((spans[i1][0], spans[i2 - 1][1], words))
    result = source
    for a, b, text in reversed(edits):
        result = result[:a] + text + result[b:]
    return result
