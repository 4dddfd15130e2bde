"""New parts and notes written into the YAML: where a paragraph added in the DOCX goes (the
part that stands right after the one it follows, in reading order), its generated id, and
the lines that write it, indented as the entries beside it are.

The lines are inserted between whole lines of the file, so nothing else in it changes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import yaml

from drafter.document import model
from drafter.document.diagnostics import Position
from drafter.source.markup import ID_PATTERN

_WORDS_IN_ID = 4
_MAX_ID_LENGTH = 40


# A part that holds a text and may have a part added before or after it.
Part = model.Numbered | model.Paragraph


@dataclass(frozen=True)
class Slot:
    """Where a paragraph added after a part goes: a new `kind` (in words; `keyed` when it
    carries an id), before `anchor` (the part's first child) or after it."""

    kind: str
    keyed: bool
    anchor: Part
    before: bool


def slots(resolution: model.Resolution) -> dict[int, Slot]:
    """By `id()` of a text: where a paragraph added after it goes. The title, the requests'
    lead and the notes have none: nothing can be added there."""
    found: dict[int, Slot] = {}

    def listed(part: Part, kind: str, keyed: bool, children: Sequence[Part], child: str) -> None:
        if children:
            found[id(part.text)] = Slot(child, child != "memorandum paragraph", children[0], True)
        else:
            found[id(part.text)] = Slot(kind, keyed, part, False)

    def items(parts: list[model.Item], kind: str = "item") -> None:
        for item in parts:
            listed(item, kind, True, [], "")

    memorandum = resolution.memorandum
    if memorandum:
        for paragraph in [
            *memorandum.intro,
            *(p for s in memorandum.sections for p in s.paragraphs),
        ]:
            listed(paragraph, "memorandum paragraph", False, paragraph.items, "memorandum item")
            items(paragraph.items, "memorandum item")
        for section in memorandum.sections:
            if section.paragraphs:
                found[id(section.title)] = Slot(
                    "memorandum paragraph", False, section.paragraphs[0], True
                )
    for consideration in resolution.considerations:
        listed(consideration, "consideration", True, consideration.items, "item")
        items(consideration.items)
    for request in resolution.requests.items:
        children = request.items or request.subparagraphs
        child = "item" if request.items else "sub-paragraph"
        listed(request, "request", True, children, child)
        items(request.items)
        for subparagraph in request.subparagraphs:
            listed(subparagraph, "sub-paragraph", True, subparagraph.items, "item")
            items(subparagraph.items)
    return found


def all_ids(resolution: model.Resolution) -> set[str]:
    ids = {part.id for part in resolution.numbered_parts() if part.id}
    return ids | set(resolution.footnotes)


def new_id(text: str, taken: set[str], fallback: str) -> str:
    """An id made of the first words of `text` (accents dropped), unique among `taken`,
    which it joins."""
    # Apostrophes and dashes part words ("l’arrêté" gives "l-arrete"), accents are dropped.
    spaced = re.sub(r"[\W_]+", " ", text)
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:_WORDS_IN_ID]
    base = "-".join(words)[:_MAX_ID_LENGTH].strip("-") or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    assert ID_PATTERN.fullmatch(candidate)
    taken.add(candidate)
    return candidate


def scalar(value: str) -> str:
    """`value` as a YAML scalar on one line: plain when YAML reads it back as it is."""
    try:
        plain = yaml.safe_load(f"key: {value}") == {"key": value}
    except yaml.YAMLError:
        plain = False
    return value if plain and value == value.strip() else json.dumps(value, ensure_ascii=False)


class Places:
    """Where entries go in one YAML text: its composed nodes, by the position the loader
    gives the parts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.root = yaml.compose(text, Loader=yaml.SafeLoader)
        self.mappings = {
            (node.start_mark.line + 1, node.start_mark.column + 1): node
            for node in walk(self.root)
            if isinstance(node, yaml.MappingNode)
        }

    def list_entry(self, part_position: Position, before: bool) -> tuple[int, int, int]:
        """(offset, dash column, key column) of a new entry of the list that holds the part
        at `part_position`: before it, or after it."""
        node = self.mappings[(part_position.line, part_position.column)]
        line, column = node.start_mark.line, node.start_mark.column
        prefix = self.lines[line][:column]
        dash = prefix.rfind("-") if prefix.strip() == "-" else max(column - 2, 0)
        key = column if not node.flow_style and prefix.strip() == "-" else dash + 2
        offset = sum(len(text) for text in self.lines[:line])
        if not before:
            offset = self.after(node)
        return offset, dash, key

    def footnote(self) -> tuple[int, int, int] | None:
        """(offset, key column, text's key column) of a new footnote, after the last one;
        None when the file has no `footnotes:` mapping written as lines."""
        footnotes = self.root_value("footnotes")
        if not isinstance(footnotes, yaml.MappingNode) or footnotes.flow_style:
            return None
        if not footnotes.value:
            return None
        key, value = footnotes.value[-1]
        inner = value.start_mark.column
        if not isinstance(value, yaml.MappingNode) or value.flow_style:
            inner = key.start_mark.column + 2
        return self.after(footnotes), key.start_mark.column, inner

    def has_footnotes(self) -> bool:
        return self.root_value("footnotes") is not None

    def root_value(self, name: str) -> yaml.Node | None:
        if not isinstance(self.root, yaml.MappingNode):
            return None
        for key, value in self.root.value:
            if key.value == name:
                return value
        return None

    def after(self, node: yaml.Node) -> int:
        """The start of the line after the last line of `node` (its comment included)."""
        end = max(
            inner.end_mark.index
            for inner in walk(node)
            if isinstance(inner, yaml.ScalarNode) or inner.flow_style
        )
        while end > 0 and self.text[end - 1] in " \t\r\n":
            end -= 1
        line_end = self.text.find("\n", end)
        return len(self.text) if line_end == -1 else line_end + 1


def walk(node: yaml.Node) -> Iterator[yaml.Node]:
    yield node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from walk(key)
            yield from walk(value)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from walk(child)


def list_entry_lines(dash: int, key: int, fields: list[tuple[str, str]]) -> str:
    """A list entry's lines: `- ` at column `dash`, its keys at column `key`."""
    lines = [f"{' ' * key}{name}: {scalar(value)}\n" for name, value in fields]
    lines[0] = " " * dash + "-" + lines[0][dash + 1 :]
    return "".join(lines)


def footnote_lines(key: int, inner: int, note_id: str, fields: list[tuple[str, str]]) -> str:
    lines = [f"{' ' * key}{note_id}:\n"]
    lines += [f"{' ' * inner}{name}: {scalar(value)}\n" for name, value in fields]
    return "".join(lines)
