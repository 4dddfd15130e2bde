"""Redline: two resolved versions of a resolution in, one comparison out, as data to render.

`compare(old, new)` walks the layout plans of both versions (`resolve/layout.py`) and returns a
`Redline`: the new version's plan with the old one's differences in it, which the DOCX writer
turns into Word tracked changes and the PDF writer into underlined and struck-through text.

How versions are matched:

- Rows are matched within their parent (the items of one consideration, the paragraphs of one
  section, …) by their layout key ("consideration:genocide-definition", "request:…/item:2"),
  which survives renumbering. Where a key says nothing (memorandum paragraphs and items
  without an id are keyed by position) or found no partner (an id was renamed), rows of the
  same kind are matched by the similarity of their words (difflib), best pairs first. Matched
  rows that changed order keep the longest run in order; the others are shown as deleted
  where they were and inserted where they are.
- Footnotes are matched by id, then by the similarity of their text. A call to a matched
  footnote that stays in its paragraph is one call whose note shows the changes of its text;
  a call added, removed or moved is an inserted or deleted call with a note of its own, so
  accepting or rejecting it brings the right text back.
- Inside a matched row, each language is compared word by word: text, footnote calls (by the
  footnote they call) and cross-references (by the label they print: a `[@id]` that now
  prints 5 instead of 4 is a change a reader must see). Labels ("A.", "1°") are not text:
  the writers draw them, so an inserted consideration changes no other row.

The result is inline nodes (`Inserted`, `Deleted` around the changed words), rows with a
`change` ("inserted", "deleted", "changed") and notes with a `key` that tells them apart.
Nothing here knows about XML or HTML.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from drafter.document import model, vocabulary
from drafter.document.inline import (
    Bold,
    Deleted,
    FootnoteCall,
    Inline,
    Inserted,
    Italic,
    Reference,
    Str,
    plain_text,
)
from drafter.document.plan import Cell, Plan, Row
from drafter.document.redline import (
    CHANGED,
    DELETED,
    INSERTED,
    SUMMARY_PARTS,
    Count,
    Redline,
    RedlineError,
)
from drafter.resolve import layout

# Rows whose words are at least this similar are taken for one that was renamed; memorandum
# paragraphs, keyed by position only, need a little less; footnotes more.
SIMILAR = 0.5
SIMILAR_POSITIONAL = 0.4
SIMILAR_NOTE = 0.6  # notes are short, and many cite the same kind of source

# A word, a run of spaces, or one other character; a URL is one token, so that it changes
# as a whole and stays a link.
_TOKEN = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)”’]|\w+|\s+|[^\w\s]")
_POSITIONAL = re.compile(r"(?:^|/)(?:paragraph|item):\d+$")

# A token: (kind, value, bold, italic). Kinds: "t" text, "c" a footnote call in the body
# (value: the footnote it calls, the same in both versions when matched), "r" a
# cross-reference (value: the label it prints), "n" a call inside a footnote (printed as
# its number).
Token = tuple[str, str, bool, bool]


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


# --- Tokens -----------------------------------------------------------------------------------


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


def _words(inlines: list[Inline]) -> list[str]:
    return re.findall(r"\w+", plain_text(inlines).lower())


def _build(
    tokens: list[Token],
    sources: list[Inline | None],
    start: int,
    end: int,
    make_call: Callable[[int], list[Inline]],
) -> list[Inline]:
    """Inline nodes from tokens[start:end]: adjacent text of one style is one `Str`."""
    groups: list[tuple[bool, bool, list[Inline]]] = []
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
            groups.append((bold, italic, []))
        children = groups[-1][2]
        for node in nodes:
            if isinstance(node, Str) and children and isinstance(children[-1], Str):
                children[-1] = Str(children[-1].text + node.text)
            else:
                children.append(node)
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


# --- Matching ---------------------------------------------------------------------------------


def _similarity(first: list[str], second: list[str], threshold: float) -> float:
    """difflib's ratio of two word lists, or 0 when it is surely below `threshold`."""
    if not first and not second:
        return 1.0
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def _pair_similar(
    olds: list[int],
    news: list[int],
    words: Callable[[str, int], list[str]],
    group: Callable[[str, int], str],
    threshold: Callable[[int, int], float],
) -> list[tuple[int, int]]:
    """Pairs of similar old and new things (by index), the most similar first, each once."""
    candidates: list[tuple[float, int, int]] = []
    for old in olds:
        for new in news:
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


def _in_order(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
                words += _words(self.row.cell(language).inlines)
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


def _align(olds: list[_Node], news: list[_Node]) -> list[tuple[_Node | None, _Node | None]]:
    """Sibling rows of both versions as one sequence of (old, new), matched where possible."""
    by_key = {(node.row.kind, node.local): j for j, node in enumerate(news) if not node.positional}
    pairs: list[tuple[int, int]] = []
    for i, node in enumerate(olds):
        if not node.positional and (j := by_key.get((node.row.kind, node.local))) is not None:
            pairs.append((i, j))
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    sides = {"old": olds, "new": news}
    pairs += _pair_similar(
        [i for i in range(len(olds)) if i not in paired_old],
        [j for j in range(len(news)) if j not in paired_new],
        words=lambda side, index: sides[side][index].words(),
        group=lambda side, index: sides[side][index].row.kind,
        threshold=lambda i, j: (
            SIMILAR_POSITIONAL if olds[i].positional and news[j].positional else SIMILAR
        ),
    )
    return [
        (None if i is None else olds[i], None if j is None else news[j])
        for i, j in _merge(len(olds), len(news), _in_order(pairs))
    ]


def match_footnotes(old: model.Resolution, new: model.Resolution) -> dict[str, str]:
    """Old footnote id → new footnote id, for the footnotes called in both versions."""
    old_notes = [note for note in old.footnotes.values() if note.number]
    new_notes = [note for note in new.footnotes.values() if note.number]
    new_ids = {note.id for note in new_notes}
    matched = {note.id: note.id for note in old_notes if note.id in new_ids}
    words = {
        "old": [_words(n.text.inlines["nl"]) + _words(n.text.inlines["fr"]) for n in old_notes],
        "new": [_words(n.text.inlines["nl"]) + _words(n.text.inlines["fr"]) for n in new_notes],
    }
    for i, j in _pair_similar(
        [i for i, note in enumerate(old_notes) if note.id not in matched],
        [j for j, note in enumerate(new_notes) if note.id not in matched.values()],
        words=lambda side, index: words[side][index],
        group=lambda side, index: "",
        threshold=lambda i, j: SIMILAR_NOTE,
    ):
        matched[old_notes[i].id] = new_notes[j].id
    return matched


# --- Comparing --------------------------------------------------------------------------------


class _Comparer:
    def __init__(self, old: model.Resolution, new: model.Resolution) -> None:
        self.old = old
        self.new = new
        self.old_notes = old.footnotes
        self.new_notes = new.footnotes
        self.note_pairs = match_footnotes(old, new)
        self.notes: dict[tuple[str, str], model.Footnote] = {}
        self.matched_keys: dict[str, str] = {}  # old row key → new row key
        self.renamed: dict[str, str] = {}  # old id → new id of the parts matched
        self.summary: dict[str, list[int]] = {part: [0, 0, 0] for part in SUMMARY_PARTS}
        self.renumbered: set[int] = set()  # keys of the old copies of renumbered notes

    # Footnote calls: what a call calls, and the redline's note for it.

    def _old_call_value(self, call: FootnoteCall) -> str:
        matched = self.note_pairs.get(call.id)
        return f"new:{matched}" if matched else f"old:{call.id}"

    @staticmethod
    def _new_call_value(call: FootnoteCall) -> str:
        return f"new:{call.id}"

    def _note(
        self,
        which: str,
        identifier: str,
        make: Callable[[], tuple[model.Footnote, dict[str, list[Inline]], str]],
    ) -> model.Footnote:
        key = (which, identifier)
        if key not in self.notes:
            source, inlines, change = make()
            text = model.Text(source.text.nl, source.text.fr, source.text.position, inlines)
            self.notes[key] = model.Footnote(
                source.id,
                text,
                source.position,
                source.number,
                key=len(self.notes) + 1,
                change=change,
            )
        return self.notes[key]

    @staticmethod
    def _call(call: FootnoteCall, note: model.Footnote) -> FootnoteCall:
        return FootnoteCall(call.id, 0, note.number, key=note.key)

    def _deleted_call(self, call: FootnoteCall) -> list[Inline]:
        def make() -> tuple[model.Footnote, dict[str, list[Inline]], str]:
            source = self.old_notes[call.id]
            return source, _wrapped(source.text.inlines, Deleted), DELETED

        return [self._call(call, self._note("old", call.id, make))]

    def _inserted_call(self, call: FootnoteCall) -> list[Inline]:
        def make() -> tuple[model.Footnote, dict[str, list[Inline]], str]:
            source = self.new_notes[call.id]
            return source, _wrapped(source.text.inlines, Inserted), INSERTED

        return [self._call(call, self._note("new", call.id, make))]

    def _kept_call(self, old_call: FootnoteCall, new_call: FootnoteCall) -> list[Inline]:
        """A call that stays, to a note whose text changes are marked inside it.

        A note whose number changed is written here as the old call deleted, with its note
        (whose number only is marked deleted: its text lives on in the new note), and the new
        call inserted; the DOCX writer makes the pair one call again, whose number follows by
        itself (a column the application numbers) or is typed text whose digits change (the
        other column, see `render/docx/notes.py`).
        """

        def make() -> tuple[model.Footnote, dict[str, list[Inline]], str]:
            old, new = self.old_notes[old_call.id], self.new_notes[new_call.id]
            inlines = {
                language: self.diff(old.text.inlines[language], new.text.inlines[language])[0]
                for language in model.LANGUAGES
            }
            return new, inlines, ""

        call = self._call(new_call, self._note("both", new_call.id, make))
        if self.old_notes[old_call.id].number == call.number:
            return [call]

        def renumbered() -> tuple[model.Footnote, dict[str, list[Inline]], str]:
            # The old note's text lives on in the new one: only its number is deleted.
            source = self.old_notes[old_call.id]
            return source, dict(source.text.inlines), DELETED

        old = self._call(old_call, self._note("renumbered", old_call.id, renumbered))
        self.renumbered.add(old.key)
        return [Deleted([old]), Inserted([call])]

    # Inline text.

    def _tokenize(
        self, inlines: list[Inline], side: str, body: bool
    ) -> tuple[list[Token], list[Inline | None]]:
        tokens: list[Token] = []
        sources: list[Inline | None] = []
        value = None
        if body:
            value = self._old_call_value if side == "old" else self._new_call_value
        _tokens(inlines, value, tokens, sources)
        return tokens, sources

    def diff(
        self, old: list[Inline], new: list[Inline], *, body: bool = False
    ) -> tuple[list[Inline], bool]:
        """The new inlines with the old one's differences marked, and whether the words
        themselves changed (not only a reference's label or a footnote's number)."""
        old_tokens, old_sources = self._tokenize(old, "old", body)
        new_tokens, new_sources = self._tokenize(new, "new", body)
        edited = _edited(old_tokens, old_sources, new_tokens, new_sources, self.renamed)
        result: list[Inline] = []

        def deleted(index: int) -> list[Inline]:
            call = old_sources[index]
            assert isinstance(call, FootnoteCall)
            return self._deleted_call(call)

        def inserted(index: int) -> list[Inline]:
            call = new_sources[index]
            assert isinstance(call, FootnoteCall)
            return self._inserted_call(call)

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
                    return self._kept_call(old_call, new_call)

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
        tokens, sources = self._tokenize(inlines, side, True)

        def call(index: int) -> list[Inline]:
            source = sources[index]
            assert isinstance(source, FootnoteCall)
            if change == DELETED:
                return self._deleted_call(source)
            return self._inserted_call(source)

        built = _build(tokens, sources, 0, len(tokens), call)
        if not built:
            return []
        return [Deleted(built) if change == DELETED else Inserted(built)]

    # Rows.

    def rows(self, old_rows: list[Row], new_rows: list[Row]) -> list[Row]:
        """Both versions' rows as one sequence, matched rows compared word by word.

        Every row is matched first, so that a reference to a part whose id was renamed is
        known to point at the same part when the words are compared.
        """
        pairs: list[tuple[Row | None, Row | None]] = []
        self._align_rows(_tree(old_rows), _tree(new_rows), pairs)
        for old, new in pairs:
            if (
                old is not None
                and new is not None
                and (_POSITIONAL.search(old.key) is None and _POSITIONAL.search(new.key) is None)
            ):
                self.renamed[old.key.rsplit(":", 1)[-1]] = new.key.rsplit(":", 1)[-1]
        merged: list[Row] = []
        for old, new in pairs:
            if old is not None and new is not None:
                merged.append(self._changed_row(old, new))
            elif old is not None:
                merged.append(self._whole_row(old, DELETED))
            elif new is not None:
                merged.append(self._whole_row(new, INSERTED))
        return merged

    def _align_rows(
        self,
        olds: list[_Node],
        news: list[_Node],
        pairs: list[tuple[Row | None, Row | None]],
    ) -> None:
        for old, new in _align(olds, news):
            if old is not None and new is not None:
                self.matched_keys[old.row.key] = new.row.key
                pairs.append((old.row, new.row))
                self._align_rows(old.children, new.children, pairs)
            elif old is not None:
                pairs += [(row, None) for row in old.rows()]
            elif new is not None:
                pairs += [(None, row) for row in new.rows()]

    def _count(self, row: Row, column: int) -> None:
        part = _SUMMARY_OF_KIND.get(row.kind)
        if part:
            self.summary[part][column] += 1

    def _changed_row(self, old: Row, new: Row) -> Row:
        cells: dict[str, Cell] = {}
        changed = edited = False
        for language in model.LANGUAGES:
            inlines, language_edited = self.diff(
                old.cell(language).inlines, new.cell(language).inlines, body=True
            )
            label, old_label = new.cell(language).label, old.cell(language).label
            cells[language] = Cell(inlines, label, old_label if old_label != label else "")
            changed = changed or _has_changes(inlines)
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
            nl=Cell(self.whole(row.nl.inlines, change), row.nl.label),
            fr=Cell(self.whole(row.fr.inlines, change), row.fr.label),
            list_key=list_key,
            change=change,
        )

    # Footnotes, for the summary.

    def footnote_counts(self) -> Count:
        old = {note.id: note for note in self.old_notes.values() if note.number}
        new = {note.id: note for note in self.new_notes.values() if note.number}
        changed = sum(
            1
            for old_id, new_id in self.note_pairs.items()
            if any(
                old[old_id].text.language(language).value
                != new[new_id].text.language(language).value
                for language in model.LANGUAGES
            )
        )
        return Count(len(new) - len(self.note_pairs), len(old) - len(self.note_pairs), changed)


def _wrapped(
    inlines: dict[str, list[Inline]], wrapper: type[Inserted] | type[Deleted]
) -> dict[str, list[Inline]]:
    return {
        language: [wrapper(list(nodes))] if nodes else [] for language, nodes in inlines.items()
    }


def _has_changes(inlines: list[Inline]) -> bool:
    for node in inlines:
        if isinstance(node, Inserted | Deleted):
            return True
        if isinstance(node, Italic | Bold) and _has_changes(node.children):
            return True
    return False


def _edited(
    old_tokens: list[Token],
    old_sources: list[Inline | None],
    new_tokens: list[Token],
    new_sources: list[Inline | None],
    renamed: dict[str, str],
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


def _strings(old: str, new: str, comparer: _Comparer) -> list[Inline]:
    return comparer.diff([Str(old)], [Str(new)])[0]


def compare(old: model.Resolution, new: model.Resolution) -> Redline:
    """The redline of two resolved versions (from `drafter.load`): `new` with `old`'s
    differences marked in it.

    Raises `RedlineError` for a difference that tracked changes cannot express, so that no
    redline is written that Reject All could not take back to the old version: the order
    of the columns (Word has no tracked change for swapping table columns).
    """
    if list(old.columns) != list(new.columns):
        raise RedlineError(
            f"the columns changed order ({', '.join(old.columns)} → {', '.join(new.columns)}): "
            "tracked changes cannot swap columns, so a redline could not be rejected back to "
            "the old version; compare versions with the same `columns`"
        )
    old_plan, new_plan = layout.plan(old), layout.plan(new)
    comparer = _Comparer(old, new)
    rows = comparer.rows(old_plan.rows, new_plan.rows)
    languages = model.LANGUAGES
    title: dict[str, list[Inline]] = {}
    title_edited = False
    for language in languages:
        title[language], edited = comparer.diff(
            old_plan.cover.title[language], new_plan.cover.title[language], body=True
        )
        title_edited = title_edited or edited
    old_cover, new_cover = old_plan.cover, new_plan.cover
    doc_number = _strings(old_cover.doc_number, new_cover.doc_number, comparer)
    cover = {
        "doc_number": dict.fromkeys(languages, doc_number),
        "filed": {
            lang: _strings(old_cover.filed[lang], new_cover.filed[lang], comparer)
            for lang in languages
        },
        "sponsors": {
            lang: _strings(old_cover.sponsors[lang], new_cover.sponsors[lang], comparer)
            for lang in languages
        },
        "session": {
            lang: _strings(old_cover.session[lang], new_cover.session[lang], comparer)
            for lang in languages
        },
    }
    summary = {part: Count(*counts) for part, counts in comparer.summary.items()}
    summary["title"] = Count(changed=int(title_edited))
    summary["footnotes"] = comparer.footnote_counts()
    # The signatures under the memorandum are rows; a resolution without a memorandum has
    # none, so sponsors are counted from the list itself.
    old_names = [vocabulary.signature(s.given, s.family, s.party) for s in old.sponsors]
    new_names = [vocabulary.signature(s.given, s.family, s.party) for s in new.sponsors]
    old_people = {(s.given, s.family) for s in old.sponsors}
    new_people = {(s.given, s.family) for s in new.sponsors}
    summary["sponsors"] = Count(
        len(new_people - old_people),
        len(old_people - new_people),
        sum(
            1
            for name, person in zip(new_names, new.sponsors, strict=True)
            if (person.given, person.family) in old_people and name not in old_names
        ),
    )
    plan = Plan(
        cover=replace(new_cover, title=title),
        rows=rows,
        footnotes=sorted(comparer.notes.values(), key=lambda note: note.key),
        columns=list(new_plan.columns),
        metadata=new_plan.metadata,
    )
    return Redline(old, new, plan, cover, summary, frozenset(comparer.renumbered))
