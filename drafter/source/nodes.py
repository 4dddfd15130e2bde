"""YAML nodes: a composed node in, its position and the checks every node goes through out.

Every node is refused if it is an alias or carries a tag, and reported if it is not the kind
the format expects there (a mapping, a list, a single value); a mapping's keys are read once,
duplicates reported. `shown` quotes a value in a message.
"""

from __future__ import annotations

import re

import yaml

from drafter.document.diagnostics import DiagnosticList, Position

# Tags that the safe composer gives to plain YAML; anything else was written by hand.
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary")
}
# Characters no PDF, HTML or Word document can hold: control characters other than tab and
# line breaks (YAML lets "\x01" through in double quotes), lone surrogates, non-characters.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
NO_ALIASES = "anchors and aliases ('&' and '*') are not allowed in a resolution"
_NODE_KIND = {
    yaml.MappingNode: "a mapping (key: value lines)",
    yaml.SequenceNode: "a list",
    yaml.ScalarNode: "a single value",
}


def mark_position(path: str, mark: yaml.Mark) -> Position:
    return Position(path, mark.line + 1, mark.column + 1)


def shown(value: str, length: int = 60) -> str:
    """A value as quoted in a message: a long one is cut, a line break shown as such, and a
    character no terminal or JSON can carry (a lone surrogate) as its YAML escape."""
    value = FORBIDDEN_CHARACTERS.sub(lambda match: f"\\u{ord(match.group()):04x}", value)
    value = value.replace("\n", "\\n")
    return value if len(value) <= length else value[: length - 1] + "…"


class NodeReader:
    """Positions and errors of the nodes of one file, and the checks common to every node.

    `text` is the file's text (a language's text keeps its source); `refused_alias` tells
    whether an alias was met and refused.
    """

    def __init__(self, text: str, diagnostics: DiagnosticList) -> None:
        self.text = text
        self.diagnostics = diagnostics
        self.path = diagnostics.path
        self.seen: set[int] = set()
        self.refused_alias = False

    def position(self, node: yaml.Node) -> Position:
        return mark_position(self.path, node.start_mark)

    def error(self, code: str, node: yaml.Node, message: str) -> None:
        self.diagnostics.error(code, self.position(node), message)

    def admit(self, node: yaml.Node) -> bool:
        """Refuse aliases (which could multiply a small file into a huge one) and tags."""
        if id(node) in self.seen:
            self.error("yaml-alias", node, NO_ALIASES)
            self.refused_alias = True
            return False
        self.seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.error(
                "yaml-tag", node, f"the YAML tag '{shown(tag)}' is not allowed in a resolution"
            )
            return False
        return True

    def expect(self, node: yaml.Node, kind: type, what: str) -> bool:
        if isinstance(node, kind):
            return True
        found = _NODE_KIND[type(node)]
        if isinstance(node, yaml.ScalarNode) and node.value == "":
            found = "nothing"
        self.error("wrong-type", node, f"{what} must be {_NODE_KIND[kind]}, found {found}")
        return False

    def mapping_entries(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The mapping's keys with their key and value nodes; reports duplicate keys."""
        entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or not self.admit(key_node):
                if isinstance(key_node, yaml.ScalarNode):
                    continue
                self.error("wrong-type", key_node, "a key must be a plain word")
                continue
            key = key_node.value
            if key in entries:
                first = self.position(entries[key][0])
                self.error(
                    "duplicate-key",
                    key_node,
                    f"duplicate key '{shown(key)}' (first given on line {first.line})",
                )
                continue
            entries[key] = (key_node, value_node)
        return entries
