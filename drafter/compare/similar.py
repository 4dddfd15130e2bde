"""Matching by similarity: the words of old and new things (rows, footnotes) in, the pairs
that read most alike out. Rows and footnotes fall back on it where their ids say nothing.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable

from drafter.document.inline import Inline, plain_text


def word_list(inlines: list[Inline]) -> list[str]:
    """The words of inline text, lowercase: what similarity is measured on."""
    return re.findall(r"\w+", plain_text(inlines).lower())


def pair_similar(
    olds: list[int],
    news: list[int],
    words: Callable[[str, int], list[str]],
    group: Callable[[str, int], str],
    threshold: Callable[[int, int], float],
    least: float,
) -> list[tuple[int, int]]:
    """Pairs of similar old and new things (by index), the most similar first, each once.

    `words("old" or "new", index)` gives a thing's words, `group` what it may be paired with
    (only things of one group are), `threshold(old, new)` the similarity a pair needs, never
    below `least` (above 0).

    Only pairs whose lengths allow `least` are compared (difflib's ratio is at most twice
    the shorter length over both): comparing every pair took a redline with hundreds of
    rows inserted and deleted time in their product.
    """
    by_length = sorted(olds, key=lambda old: len(words("old", old)))
    lengths = [len(words("old", old)) for old in by_length]
    candidates: list[tuple[float, int, int]] = []
    for new in news:
        length = len(words("new", new))
        # The old lengths with 2 * min / (old + new) >= least; a hair wider for rounding.
        shortest = length * least / (2 - least) - 1e-9
        longest = length * (2 - least) / least + 1e-9
        start = bisect.bisect_left(lengths, shortest)
        for old in by_length[start : bisect.bisect_right(lengths, longest)]:
            if group("old", old) != group("new", new):
                continue
            limit = threshold(old, new)
            score = _similarity(words("old", old), words("new", new), limit)
            if score >= limit:
                candidates.append((-score, old, new))
    candidates.sort()
    pairs: list[tuple[int, int]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, old, new in candidates:
        if old not in used_old and new not in used_new:
            used_old.add(old)
            used_new.add(new)
            pairs.append((old, new))
    return pairs


def _similarity(first: list[str], second: list[str], threshold: float) -> float:
    """difflib's ratio of two word lists, or 0 when it is surely below `threshold`."""
    if not first and not second:
        return 1.0
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()
