"""Rows: the layout rows of both versions in, one sequence of rows with their changes out.

`align` pairs the rows. They are matched within their parent (the items of one
consideration, the paragraphs of one section, …) by their layout key
("consideration:genocide-definition", "request:…/item:2"), which survives renumbering.
Where a key says nothing (memorandum paragraphs and items without an id are keyed by
position) or found no partner (an id was renamed), rows of the same kind are matched by the
similarity of their words, best pairs first. Matched rows that changed order keep the
longest run in order; the others are shown as deleted where they were and inserted where
they are.

`RowMarker` then marks each pair: matched rows compared word by word, the others inserted
or deleted whole, and counts them for the summary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from drafter.compare.similar import pair_similar, word_list
from drafter.compare.words import WordDiff, has_changes
from drafter.document import model
from drafter.document.plan import Cell, Row
from drafter.document.redline import CHANGED, DELETED, INSERTED, SUMMARY_PARTS

# Rows whose words are at least this similar are taken for one that was renamed; memorandum
# paragraphs, keyed by position only, need a little less.
SIMILAR = 0.5
SIMILAR_POSITIONAL = 0.4

_POSITIONAL = re.compile(r"(?:^|/)(?:paragraph|item):\d+$")

_SUMMARY_OF_KIND = {
    "sponsor": "sponsors",
    "section-title": "sections",
    "paragraph": "paragraphs",
    "memorandum-item": "items",
    "consideration": "considerations",
    "item": "items",
    "request-lead": "lead",
    "request": "requests",
    "subparagraph": "subparagraphs",
    "date": "date",
}


@dataclass
class Alignment:
    """Both versions' rows as one sequence of (old, new): None where a row has no partner."""

    pairs: list[tuple[Row | None, Row | None]] = field(default_factory=list)
    matched_keys: dict[str, str] = field(default_factory=dict)  # old row key → new row key

    def renamed(self) -> dict[str, str]:
        """Old id → new id of the parts matched by id or by their words, so that a reference
        to a part whose id was renamed is known to point at the same part."""
        renamed: dict[str, str] = {}
        for old, new in self.pairs:
            if (
                old is not None
                and new is not None
                and (_POSITIONAL.search(old.key) is None and _POSITIONAL.search(new.key) is None)
            ):
                renamed[old.key.rsplit(":", 1)[-1]] = new.key.rsplit(":", 1)[-1]
        return renamed


def align(old_rows: list[Row], new_rows: list[Row]) -> Alignment:
    """The rows of both versions paired, parents first, then their children within them."""
    alignment = Alignment()
    _align_children(_tree(old_rows), _tree(new_rows), alignment)
    return alignment


class RowMarker:
    """Aligned rows in, rows with their changes marked out; `summary` counts them per part
    (added, removed, changed)."""

    def __init__(self, text: WordDiff, matched_keys: Mapping[str, str]) -> None:
        self.text = text
        self.matched_keys = matched_keys
        self.summary: dict[str, list[int]] = {part: [0, 0, 0] for part in SUMMARY_PARTS}

    def rows(self, pairs: list[tuple[Row | None, Row | None]]) -> list[Row]:
        merged: list[Row] = []
        for old, new in pairs:
            if old is not None and new is not None:
                merged.append(self._changed_row(old, new))
            elif old is not None:
                merged.append(self._whole_row(old, DELETED))
            elif new is not None:
                merged.append(self._whole_row(new, INSERTED))
        return merged

    def _changed_row(self, old: Row, new: Row) -> Row:
        cells: dict[str, Cell] = {}
        changed = edited = False
        for language in model.LANGUAGES:
            inlines, language_edited = self.text.diff(
                old.cell(language).inlines, new.cell(language).inlines
            )
            label, old_label = new.cell(language).label, old.cell(language).label
            cells[language] = Cell(inlines, label, old_label if old_label != label else "")
            changed = changed or has_changes(inlines)
            edited = edited or language_edited
        if edited:
            self._count(new, 2)
        return replace(new, nl=cells["nl"], fr=cells["fr"], change=CHANGED if changed else "")

    def _whole_row(self, row: Row, change: str) -> Row:
        self._count(row, 0 if change == INSERTED else 1)
        list_key = row.list_key
        if change == DELETED and "/" in list_key:
            # The old row counts in the new version's list where its list is still there
            # (a deleted item of a kept consideration), else in a list of its own.
            owner, suffix = list_key.rsplit("/", 1)
            kept = self.matched_keys.get(owner)
            list_key = f"{kept}/{suffix}" if kept else f"old:{list_key}"
        return replace(
            row,
            nl=Cell(self.text.whole(row.nl.inlines, change), row.nl.label),
            fr=Cell(self.text.whole(row.fr.inlines, change), row.fr.label),
            list_key=list_key,
            change=change,
        )

    def _count(self, row: Row, column: int) -> None:
        part = _SUMMARY_OF_KIND.get(row.kind)
        if part:
            self.summary[part][column] += 1


# --- Alignment --------------------------------------------------------------------------------


@dataclass
class _Node:
    """A row and the rows it holds (a consideration's items, a section's paragraphs, …)."""

    row: Row
    local: str  # the key within its parent
    children: list[_Node] = field(default_factory=list)
    _words: list[str] | None = None

    @property
    def positional(self) -> bool:
        return bool(_POSITIONAL.search(self.local))

    def words(self) -> list[str]:
        if self._words is None:
            words: list[str] = []
            for language in ("nl", "fr"):
                words += word_list(self.row.cell(language).inlines)
            for child in self.children:
                words += child.words()
            self._words = words
        return self._words

    def rows(self) -> Iterable[Row]:
        yield self.row
        for child in self.children:
            yield from child.rows()


def _parent_key(row: Row) -> str:
    if row.kind in ("item", "memorandum-item"):
        return row.key.rsplit("/item:", 1)[0]
    if row.kind == "paragraph":
        return row.key.rsplit("/paragraph:", 1)[0]
    if row.kind == "subparagraph":
        return row.list_key.removesuffix("/subparagraphs")
    return ""


def _tree(rows: list[Row]) -> list[_Node]:
    top: list[_Node] = []
    nodes: dict[str, _Node] = {}
    for row in rows:
        parent = nodes.get(_parent_key(row))
        if parent is None:
            node = _Node(row, row.key)
            top.append(node)
        else:
            node = _Node(row, row.key.removeprefix(parent.row.key).lstrip("/"))
            parent.children.append(node)
        nodes.setdefault(row.key, node)
    return top


def _align_children(olds: list[_Node], news: list[_Node], alignment: Alignment) -> None:
    for old, new in _align_siblings(olds, news):
        if old is not None and new is not None:
            alignment.matched_keys[old.row.key] = new.row.key
            alignment.pairs.append((old.row, new.row))
            _align_children(old.children, new.children, alignment)
        elif old is not None:
            alignment.pairs += [(row, None) for row in old.rows()]
        elif new is not None:
            alignment.pairs += [(None, row) for row in new.rows()]


def _align_siblings(
    olds: list[_Node], news: list[_Node]
) -> list[tuple[_Node | None, _Node | None]]:
    """Sibling rows of both versions as one sequence of (old, new), matched where possible."""
    by_key = {(node.row.kind, node.local): j for j, node in enumerate(news) if not node.positional}
    pairs: list[tuple[int, int]] = []
    for i, node in enumerate(olds):
        if not node.positional and (j := by_key.get((node.row.kind, node.local))) is not None:
            pairs.append((i, j))
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    sides = {"old": olds, "new": news}
    pairs += pair_similar(
        [i for i in range(len(olds)) if i not in paired_old],
        [j for j in range(len(news)) if j not in paired_new],
        words=lambda side, index: sides[side][index].words(),
        group=lambda side, index: sides[side][index].row.kind,
        threshold=lambda i, j: (
            SIMILAR_POSITIONAL if olds[i].positional and news[j].positional else SIMILAR
        ),
        least=min(SIMILAR_POSITIONAL, SIMILAR),
    )
    return [
        (None if i is None else olds[i], None if j is None else news[j])
        for i, j in _merge(len(olds), len(news), in_order(pairs))
    ]


def in_order(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of pairs increasing in both versions (the others moved)."""
    pairs = sorted(pairs)
    tails: list[int] = []  # index into pairs of the smallest tail of each length
    previous: list[int] = [-1] * len(pairs)
    for index, (_, new) in enumerate(pairs):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if pairs[tails[middle]][1] < new:
                low = middle + 1
            else:
                high = middle
        previous[index] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    kept: list[tuple[int, int]] = []
    index = tails[-1] if tails else -1
    while index >= 0:
        kept.append(pairs[index])
        index = previous[index]
    return kept[::-1]


def _merge(
    old_count: int, new_count: int, pairs: list[tuple[int, int]]
) -> list[tuple[int | None, int | None]]:
    """Both versions' sequences as one: pairs in order, deletions before insertions."""
    merged: list[tuple[int | None, int | None]] = []
    old_at = new_at = 0
    for old, new in [*pairs, (old_count, new_count)]:
        merged.extend((index, None) for index in range(old_at, old))
        merged.extend((None, index) for index in range(new_at, new))
        if old < old_count:
            merged.append((old, new))
        old_at, new_at = old + 1, new + 1
    return merged
