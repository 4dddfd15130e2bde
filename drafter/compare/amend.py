"""Amendments computed: a filed and a wanted version of a resolution in, the amendments that
turn the first into the second out (`drafter amend`).

What can be amended: the title, the considerations and their items, the requests, their
items, their sub-paragraphs and the sub-paragraphs' items. Everything else (the memorandum,
the sponsors, the header, the requests' lead, the closing date, the text of a filed
footnote) cannot be: a difference there is reported in `AmendmentsComputed.notes`, in plain
words, and no amendment is made for it.

How the blocks are paired. Each list is aligned on its own (the considerations, the items
of one kept consideration, the sub-paragraphs of one kept request, …): blocks with the same
`id` first; then, among the blocks left, the pairs whose words read most alike (at least
`SIMILAR`, see `similar.pair_similar`), but only when the wanted block has no id or an id
that no text of the wanted version refers to (an amendment cannot rename a block, so a
renamed id that is referred to must come in with an inserted block). Pairs that changed
order keep their longest run in order; the others are moved blocks: deleted where they
were and inserted where they are. Children of a deleted or inserted block go with it.

The amendments, one per changed block, in the filed document's reading order (a block's own
amendment before those of its items and sub-paragraphs; in a list, the deletions of a gap
before its insertions):

- a deleted block: `delete`, with the filed label;
- an inserted block: `insert`, labelled after the filed block it follows (the last kept
  block of its list before it): "C/1", "C/2" for consecutive insertions after C;
  "consideration 0/1" before the first block; sub-paragraphs "c/1)", "0/1)"; items "2°/1",
  "0°/1". It carries the wanted block's id and its whole content (text, items,
  sub-paragraphs), copied;
- a kept block whose own text changed (whitespace aside): `replace`, either with `words`
  or with the whole new `text` (the block's own text; its items and sub-paragraphs have
  their own amendments).

Words or whole text: an amendment is bilingual, so `words` are used only when BOTH languages
changed and each language's change qualifies: the changed words (a word is a run of
characters between ASCII spaces, tabs or line breaks, punctuation included) form one span
once the first and last changes are joined; the span is at most a third of the block's words
(at least 3 words are always allowed), on the old side and on the new; and the quoted words
occur exactly once in the filed text as written (`LanguageText.value`, counted as
substrings, overlapping). A span that is not unique is widened by the words around it,
turning a deletion or an insertion into a replacement, while it stays small. An insertion
quotes the words before it (`after`, joined by a space when carried out); one at the very
start of a text replaces the first word instead. Otherwise the whole text is replaced.

Footnotes: a footnote that an amendment's new text calls (`[^id]`) and that the filed
version lacks is returned in `AmendmentsComputed.footnotes` (the amendments document's
`footnotes:`). A filed footnote whose text differs in the wanted version is only noted.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from drafter.compare.rows import in_order
from drafter.compare.similar import pair_similar
from drafter.document import model
from drafter.document.amendments import Amendment, WordChange, Words
from drafter.document.diagnostics import Position

# Blocks whose words are at least this similar are taken for one block, edited.
SIMILAR = 0.5
# The share of a text's words that a word change may quote, and the words always allowed.
WORDS_SHARE = 1 / 3
WORDS_LEAST = 3

_WORD = re.compile(r"[^ \t\r\n]+")
_SPACES = re.compile(r"[ \t\r\n]+")
_CALL = re.compile(r"\[\^([^\]\s]+)\]")
_REFERENCE = re.compile(r"\[@([^\]\s]+)\]")


@dataclass
class AmendmentsComputed:
    """What `compute_amendments` found.

    `amendments`: in reading order, unnumbered, targets written with the filed labels.
    `notes`: differences that no amendment can make, in plain words.
    `footnotes`: the wanted footnotes that amendments call and the filed version lacks.
    """

    amendments: list[Amendment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    footnotes: dict[str, model.Footnote] = field(default_factory=dict)


def compute_amendments(filed: model.Resolution, wanted: model.Resolution) -> AmendmentsComputed:
    """The amendments that turn `filed` into `wanted`, both loaded and resolved."""
    computer = _Computer(filed, wanted)
    computer.title()
    computer.blocks(filed.considerations, wanted.considerations, (), "consideration")
    computer.blocks(filed.requests.items, wanted.requests.items, (), "request")
    result = computer.result
    result.footnotes = _new_footnotes(result.amendments, filed, wanted)
    result.notes += _notes(filed, wanted)
    return result


def same_text(first: model.Text, second: model.Text) -> bool:
    """Whether two texts read alike in both languages, differences of whitespace aside."""
    return all(
        _normal(first.language(language).value) == _normal(second.language(language).value)
        for language in model.LANGUAGES
    )


def target_string(steps: Sequence[tuple[str, str]]) -> str:
    """ "request 4, subparagraph c)" from (kind, label) steps; the title is ("title", "")."""
    return ", ".join(f"{kind} {label}".strip() for kind, label in steps)


def inserted_label(kind: str, base: str, count: int) -> str:
    """The label of the `count`th block inserted after the filed block labelled `base`
    ("" before the first one): "C/1", "c/1)", "2°/1", "0/1", "0/1)", "0°/1"."""
    if not base:
        base = {"item": "0°", "subparagraph": "0)"}.get(kind, "0")
    if base.endswith(")"):
        return f"{base[:-1]}/{count})"
    return f"{base}/{count}"


Block = model.Consideration | model.Request | model.Subparagraph | model.Item
Steps = tuple[tuple[str, str], ...]


class _Computer:
    def __init__(self, filed: model.Resolution, wanted: model.Resolution) -> None:
        self.filed = filed
        self.wanted = wanted
        self.result = AmendmentsComputed()
        wanted_texts = " ".join(
            text.language(lang).value for _, text in wanted.all_texts() for lang in model.LANGUAGES
        )
        self.referred = set(_REFERENCE.findall(wanted_texts))

    def title(self) -> None:
        if not same_text(self.filed.title, self.wanted.title):
            self.result.amendments.append(
                _replacement("title", self.filed.title, self.wanted.title)
            )

    def blocks(
        self, olds: Sequence[Block], news: Sequence[Block], parent: Steps, kind: str
    ) -> None:
        """The amendments of one list of blocks, and of the lists inside its kept blocks."""
        amendments = self.result.amendments
        base = ""
        count = 0
        for old, new in self._aligned(olds, news):
            if old is not None and new is not None:
                steps = (*parent, (kind, old.reference_label))
                if not same_text(old.text, new.text):
                    amendments.append(_replacement(target_string(steps), old.text, new.text))
                self._children(old, new, steps)
                base, count = old.reference_label, 0
            elif old is not None:
                target = target_string((*parent, (kind, old.reference_label)))
                amendments.append(
                    Amendment(
                        position=old.position, justification=_empty(old.position), delete=target
                    )
                )
            elif new is not None:
                count += 1
                label = inserted_label(kind, base, count)
                amendments.append(_insertion(target_string((*parent, (kind, label))), new))

    def _children(self, old: Block, new: Block, steps: Steps) -> None:
        if isinstance(old, model.Consideration | model.Request | model.Subparagraph):
            assert isinstance(new, model.Consideration | model.Request | model.Subparagraph)
            self.blocks(old.items, new.items, steps, "item")
        if isinstance(old, model.Request):
            assert isinstance(new, model.Request)
            self.blocks(old.subparagraphs, new.subparagraphs, steps, "subparagraph")

    def _aligned(
        self, olds: Sequence[Block], news: Sequence[Block]
    ) -> list[tuple[Block | None, Block | None]]:
        """Both lists as one sequence of (old, new) pairs: None where a block has none."""
        pairs = _pairs(olds, news, self._pairable)
        kept = in_order(pairs)
        result: list[tuple[Block | None, Block | None]] = []
        old_at = new_at = 0
        for old_index, new_index in [*kept, (len(olds), len(news))]:
            result += [(olds[i], None) for i in range(old_at, old_index)]
            result += [(None, news[j]) for j in range(new_at, new_index)]
            if old_index < len(olds):
                result.append((olds[old_index], news[new_index]))
            old_at, new_at = old_index + 1, new_index + 1
        return result

    def _pairable(self, new: Block) -> bool:
        """Whether a wanted block may be paired by its words with a filed block whose id
        differs: only when its own id is not needed (none, or never referred to)."""
        return new.id is None or new.id not in self.referred


def _pairs(
    olds: Sequence[Block], news: Sequence[Block], pairable: Callable[[Block], bool]
) -> list[tuple[int, int]]:
    """(old index, new index) of the blocks matched by id, then by their words."""
    old_ids = {block.id: index for index, block in enumerate(olds) if block.id}
    pairs = [
        (old_ids[block.id], index)
        for index, block in enumerate(news)
        if block.id and block.id in old_ids
    ]
    matched_old = {old for old, _ in pairs}
    matched_new = {new for _, new in pairs}
    rest_old = [index for index in range(len(olds)) if index not in matched_old]
    rest_new = [
        index for index in range(len(news)) if index not in matched_new and pairable(news[index])
    ]
    if rest_old and rest_new:
        words = {
            "old": [_words(block.text) for block in olds],
            "new": [_words(block.text) for block in news],
        }
        pairs += pair_similar(
            rest_old,
            rest_new,
            lambda side, index: words[side][index],
            lambda side, index: "",
            lambda old, new: SIMILAR,
            SIMILAR,
        )
    return pairs


def _words(text: model.Text) -> list[str]:
    return re.findall(r"\w+", f"{text.nl.value} {text.fr.value}".lower())


def _normal(value: str) -> str:
    return _SPACES.sub(" ", value).strip()


def _empty(position: Position) -> model.Text:
    return model.Text(model.LanguageText("", position), model.LanguageText("", position), position)


def _insertion(target: str, block: Block) -> Amendment:
    copied = copy.deepcopy(block)
    return Amendment(
        position=block.position,
        justification=_empty(block.position),
        insert=target,
        id=block.id,
        text=copied.text,
        items=list(getattr(copied, "items", [])),
        subparagraphs=list(getattr(copied, "subparagraphs", [])),
    )


def _replacement(target: str, old: model.Text, new: model.Text) -> Amendment:
    changes = {
        language: word_change(old.language(language).value, new.language(language).value)
        for language in model.LANGUAGES
    }
    nl, fr = changes["nl"], changes["fr"]
    if nl is not None and fr is not None:
        for change in (nl, fr):
            change.position = new.position
        return Amendment(
            position=new.position,
            justification=_empty(new.position),
            replace=target,
            words=Words(nl, fr, new.position),
        )
    return Amendment(
        position=new.position,
        justification=_empty(new.position),
        replace=target,
        text=copy.deepcopy(new),
    )


# --- words ----------------------------------------------------------------------------------


def word_change(old: str, new: str) -> WordChange | None:
    """The change of some words that turns `old` into `new` (source texts of one language),
    or None when there is none or it is not small (see the module's docstring)."""
    if _normal(old) == _normal(new):
        return None
    old_spans = [match.span() for match in _WORD.finditer(old)]
    new_spans = [match.span() for match in _WORD.finditer(new)]
    old_words = [old[start:end] for start, end in old_spans]
    new_words = [new[start:end] for start, end in new_spans]
    if not old_words or not new_words:
        return None
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    changed = [opcode for opcode in matcher.get_opcodes() if opcode[0] != "equal"]
    _, i1, _, j1, _ = changed[0]
    _, _, i2, _, j2 = changed[-1]
    limit = max(WORDS_LEAST, int(len(old_words) * WORDS_SHARE))

    def small(i1: int, i2: int, j1: int, j2: int) -> bool:
        return i2 - i1 <= limit and j2 - j1 <= limit

    def text(spans: list[tuple[int, int]], source: str, start: int, end: int) -> str:
        return source[spans[start][0] : spans[end - 1][1]] if end > start else ""

    if i1 == i2 and i1 > 0:
        # An insertion: after the words before it, as few as make them unique.
        for first in range(i1 - 1, max(-1, i1 - 1 - limit), -1):
            after = text(old_spans, old, first, i1)
            if _occurrences(old, after) == 1:
                if not small(i1, i2, j1, j2):
                    return None
                return WordChange(_nowhere(), after=after, insert=text(new_spans, new, j1, j2))
    if i1 == i2:
        # An insertion at the start, or after words that are nowhere unique: replace a
        # word around it.
        if i1 < len(old_words):
            i2, j2 = i2 + 1, j2 + 1
        else:
            i1, j1 = i1 - 1, j1 - 1
    while small(i1, i2, j1, j2):
        quoted = text(old_spans, old, i1, i2)
        if _occurrences(old, quoted) == 1:
            by = text(new_spans, new, j1, j2)
            if not by:
                return WordChange(_nowhere(), delete=quoted)
            return WordChange(_nowhere(), replace=quoted, by=by)
        if i1 > 0 and j1 > 0:
            i1, j1 = i1 - 1, j1 - 1
        elif i2 < len(old_words) and j2 < len(new_words):
            i2, j2 = i2 + 1, j2 + 1
        else:
            return None
    return None


def _occurrences(text: str, part: str) -> int:
    """How often `part` occurs in `text`, overlapping occurrences included."""
    count, at = 0, text.find(part)
    while part and at != -1:
        count += 1
        at = text.find(part, at + 1)
    return count


def _nowhere() -> Position:
    return Position("", 0, 0)


# --- footnotes and notes --------------------------------------------------------------------


def _amendment_texts(amendment: Amendment) -> Iterator[str]:
    if amendment.text is not None:
        yield amendment.text.nl.value
        yield amendment.text.fr.value
    if amendment.words is not None:
        yield amendment.words.nl.new_words
        yield amendment.words.fr.new_words
    for block in [*amendment.items, *amendment.subparagraphs]:
        yield block.text.nl.value
        yield block.text.fr.value
        for item in getattr(block, "items", []):
            yield item.text.nl.value
            yield item.text.fr.value


def _new_footnotes(
    amendments: list[Amendment], filed: model.Resolution, wanted: model.Resolution
) -> dict[str, model.Footnote]:
    """The wanted footnotes that the amendments call and the filed version lacks, in the
    order of their first call; a footnote's own calls are followed too."""
    found: dict[str, model.Footnote] = {}
    texts = [value for amendment in amendments for value in _amendment_texts(amendment)]
    while texts:
        value = texts.pop(0)
        for note in _CALL.findall(value):
            if note in filed.footnotes or note in found or note not in wanted.footnotes:
                continue
            footnote = copy.deepcopy(wanted.footnotes[note])
            found[note] = footnote
            texts += [footnote.text.nl.value, footnote.text.fr.value]
    return found


def _notes(filed: model.Resolution, wanted: model.Resolution) -> list[str]:
    """Differences that amendments cannot make."""
    notes: list[str] = []
    header = ("doc", "legislature", "session", "years", "filed")
    changed = [name for name in header if getattr(filed, name) != getattr(wanted, name)]
    if changed:
        notes.append(
            f"the header differs ({', '.join(changed)}); amendments do not change the header"
        )
    if _memorandum(filed) != _memorandum(wanted):
        notes.append("the memorandum differs; amendments do not change the memorandum")
    if _sponsors(filed) != _sponsors(wanted):
        notes.append(
            "the sponsors differ; amendments do not change the filed resolution's sponsors "
            "(the amendments document has its own)"
        )
    if not same_text(filed.requests.lead, wanted.requests.lead):
        notes.append("the requests' lead differs; amendments do not change the lead")
    if filed.date != wanted.date:
        notes.append("the closing date differs; amendments do not change the date")
    for note, footnote in filed.footnotes.items():
        other = wanted.footnotes.get(note)
        if other is not None and not same_text(footnote.text, other.text):
            notes.append(
                f"the text of the footnote '{note}' differs; amendments do not change a filed "
                "footnote (call a new footnote from a replaced text instead)"
            )
    return notes


def _memorandum(resolution: model.Resolution) -> list[tuple[str | None, str, str]]:
    """The memorandum's ids and texts, whitespace aside, in reading order."""
    memorandum = resolution.memorandum
    if memorandum is None:
        return []
    found: list[tuple[str | None, str, str]] = []

    def add(part_id: str | None, text: model.Text) -> None:
        found.append((part_id, _normal(text.nl.value), _normal(text.fr.value)))

    def paragraphs(parts: list[model.Paragraph]) -> None:
        for paragraph in parts:
            add(None, paragraph.text)
            for item in paragraph.items:
                add(item.id, item.text)

    paragraphs(memorandum.intro)
    for section in memorandum.sections:
        add(section.id, section.title)
        paragraphs(section.paragraphs)
    return found


def _sponsors(resolution: model.Resolution) -> list[tuple[str, str, str, str]]:
    return [(s.given, s.family, s.party, s.gender) for s in resolution.sponsors]
