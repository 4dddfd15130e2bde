"""Parts deleted in the DOCX removed from the YAML: which parts can go (those whose texts,
and their children's, were deleted in every column), and the lines that write each.

Whole lines are removed, so nothing else in the file changes. A part's lines are its entry
(from its `- ` to the end of its last line, with a comment at the end of that line) and the
comment lines right above it at its dash's indentation, which are taken to be about it; a
comment line below it or after a blank line stays. When every entry of a list goes, the
list's key goes with them (an empty `items:` would read as no list at all), and so does
`footnotes:` when every note goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from drafter.document import model
from drafter.merge.additions import Part, Places, walk


@dataclass(frozen=True)
class Removable:
    """A part that may be removed: `texts`, its own and its children's, all must be gone;
    `siblings`, the list it is an entry of."""

    part: Part
    kind: str
    texts: list[model.Text]
    siblings: list[Part]


def removables(resolution: model.Resolution) -> list[Removable]:
    """Every part a deletion in the DOCX may remove, parents before their children."""
    found: list[Removable] = []

    def add(part: Part, kind: str, siblings: list, children: list[Part]) -> None:
        texts = [part.text, *(text for child in children for text in _texts(child))]
        found.append(Removable(part, kind, texts, siblings))

    def items(parts: list[model.Item], kind: str = "item") -> None:
        for item in parts:
            add(item, kind, parts, [])

    memorandum = resolution.memorandum
    if memorandum:
        lists = [memorandum.intro, *(section.paragraphs for section in memorandum.sections)]
        for paragraphs in lists:
            for paragraph in paragraphs:
                add(paragraph, "memorandum paragraph", paragraphs, paragraph.items)
                items(paragraph.items, "memorandum item")
    for consideration in resolution.considerations:
        add(consideration, "consideration", resolution.considerations, consideration.items)
        items(consideration.items)
    for request in resolution.requests.items:
        add(request, "request", resolution.requests.items, [*request.items, *request.subparagraphs])
        items(request.items)
        for subparagraph in request.subparagraphs:
            add(subparagraph, "sub-paragraph", request.subparagraphs, subparagraph.items)
            items(subparagraph.items)
    return found


def _texts(part: Part) -> Iterator[model.Text]:
    yield part.text
    for child in [*getattr(part, "items", []), *getattr(part, "subparagraphs", [])]:
        yield from _texts(child)


class Lines:
    """The lines of one YAML text that write its entries, as (start, end) offsets."""

    def __init__(self, text: str) -> None:
        self.places = Places(text)
        self.text = text
        # Each block sequence, by the position of its first entry's mapping, with its key.
        self.keys: dict[int, yaml.Node] = {}
        for node in _mappings(self.places.root):
            for key, value in node.value:
                if isinstance(value, yaml.SequenceNode):
                    self.keys[id(value)] = key
        self.sequences = {
            id(entry): sequence
            for sequence in _sequences(self.places.root)
            for entry in sequence.value
        }

    def entry(self, part: Part) -> tuple[int, int] | None:
        """The lines of a list entry; None when it shares a line with other entries."""
        node = self.places.mappings.get((part.position.line, part.position.column))
        sequence = self.sequences.get(id(node))
        if node is None or sequence is None or sequence.flow_style:
            return None
        return self._lines(node, node.start_mark, dash=True)

    def whole_list(self, part: Part) -> tuple[int, int] | None:
        """The lines of the list `part` is an entry of, with its key."""
        node = self.places.mappings.get((part.position.line, part.position.column))
        sequence = self.sequences.get(id(node))
        key = self.keys.get(id(sequence)) if sequence is not None else None
        if key is None or sequence is None:
            return None
        return self._lines(sequence, key.start_mark, dash=False)

    def footnote(self, note_id: str) -> tuple[int, int] | None:
        """The lines of the entry of `footnotes:` named `note_id`."""
        footnotes = self.places.root_value("footnotes")
        if not isinstance(footnotes, yaml.MappingNode) or footnotes.flow_style:
            return None
        for key, value in footnotes.value:
            if key.value == note_id:
                return self._lines(value, key.start_mark, dash=False)
        return None

    def all_footnotes(self) -> tuple[int, int] | None:
        """The lines of `footnotes:` and all its entries."""
        root = self.places.root
        for key, value in root.value if isinstance(root, yaml.MappingNode) else []:
            if key.value == "footnotes":
                return self._lines(value, key.start_mark, dash=False)
        return None

    def _lines(self, node: yaml.Node, start: yaml.Mark, *, dash: bool) -> tuple[int, int] | None:
        """From the line of `start` (with the comment lines right above it) to the end of
        `node`'s last line; None when something else stands before `start` on its line."""
        lines = self.places.lines
        prefix = lines[start.line][: start.column]
        indent = len(prefix) - len(prefix.lstrip(" "))
        if prefix.strip() not in (("-", "") if dash else ("",)):
            return None
        first = start.line
        while first > 0 and lines[first - 1].lstrip(" ").startswith("#"):
            above = lines[first - 1]
            if len(above) - len(above.lstrip(" ")) != indent:
                break
            first -= 1
        return sum(len(line) for line in lines[:first]), self.places.after(node)


def _mappings(node: yaml.Node) -> Iterator[yaml.MappingNode]:
    return (inner for inner in walk(node) if isinstance(inner, yaml.MappingNode))


def _sequences(node: yaml.Node) -> Iterator[yaml.SequenceNode]:
    return (inner for inner in walk(node) if isinstance(inner, yaml.SequenceNode))
