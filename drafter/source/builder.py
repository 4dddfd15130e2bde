"""Building: the composed YAML node tree and a `schema.Spec` in, model objects out.

The walk follows the declarations in `schema.py`: a record's keys (unknown ones reported with
a suggestion, missing ones with a hint), lists, maps keyed by id, and texts with one entry
per language. Single values are left to `values.ValueReader`, the checks every node goes
through to `nodes.NodeReader`. A part with a problem is reported and left out (None), so that
every problem of the file is found in one pass.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from typing import Any

import yaml

from drafter.document import amendments, model
from drafter.document.diagnostics import DiagnosticList
from drafter.source import schema
from drafter.source.limits import MAX_FOOTNOTE_CHARACTERS, MAX_TEXT_CHARACTERS
from drafter.source.nodes import NodeReader, shown
from drafter.source.values import ValueReader, value_hint


class Builder:
    """Walks the composed node tree along a schema declaration and builds model objects."""

    def __init__(self, text: str, diagnostics: DiagnosticList) -> None:
        self.nodes = NodeReader(text, diagnostics)
        self.values = ValueReader(self.nodes)

    @property
    def refused_alias(self) -> bool:
        """Whether an alias was met (and refused) on the way."""
        return self.nodes.refused_alias

    def build(self, node: yaml.Node, spec: schema.Spec, what: str = "") -> Any:
        if not self.nodes.admit(node):
            return None
        if isinstance(spec, schema.Record):
            return self.record(node, spec)
        if isinstance(spec, schema.TextSpec):
            return self.text_node(node, what, spec.may_be_empty)
        if isinstance(spec, schema.ListOf):
            return self.list_of(node, spec, what)
        if isinstance(spec, schema.MapOf):
            return self.map_of(node, spec, what)
        return self.values.scalar(node, spec, what)

    def record(self, node: yaml.Node, spec: schema.Record, identifier: str | None = None) -> Any:
        nodes = self.nodes
        if not nodes.expect(node, yaml.MappingNode, spec.name.capitalize()):
            return None
        entries = nodes.mapping_entries(node)
        known = spec.keys
        values: dict[str, Any] = {}
        suggested: set[str] = set()
        for key, (key_node, value_node) in entries.items():
            if key not in known and key == "acknowledge":
                nodes.error(
                    "unknown-key",
                    key_node,
                    f"'acknowledge' cannot stand in {spec.name}: put it under the paragraph, "
                    "item or footnote the warning is about (nothing acknowledges a whole file)",
                )
            elif key not in known:
                suggestion = _suggest(key, known)
                suggested.update(k for k in known if f"'{k}'?" in suggestion)
                nodes.error(
                    "unknown-key",
                    key_node,
                    f"unknown key '{shown(key)}' in {spec.name}{suggestion}",
                )
            elif key in spec.fields:
                field = spec.fields[key]
                value = self.build(value_node, field.spec, f"'{key}'")
                if value is not None:
                    values[field.attribute or key] = value
        missing = [
            name
            for name, field in spec.fields.items()
            if field.required and name not in entries and name not in suggested
        ]
        for name in missing:
            hint = value_hint(spec.fields[name].spec)
            nodes.error("missing-key", node, f"{spec.name} is missing the key '{name}'{hint}")
        if spec.has_text:
            limit = MAX_FOOTNOTE_CHARACTERS if spec is schema.FOOTNOTE else MAX_TEXT_CHARACTERS
            values["text"] = self.text_entries(node, entries, spec.name, limit)
        if identifier is not None:
            values["id"] = identifier
        if spec.builds in (model.Resolution, amendments.Amendments):
            values["path"] = nodes.path
        if any(name not in values for name in _required_arguments(spec.builds)):
            return None
        return spec.builds(position=nodes.position(node), **values)

    def text_node(
        self, node: yaml.Node, what: str, may_be_empty: bool = False
    ) -> model.Text | None:
        if not self.nodes.expect(node, yaml.MappingNode, f"The text {what}"):
            return None
        entries = self.nodes.mapping_entries(node)
        for key, (key_node, _) in entries.items():
            if key not in model.LANGUAGES:
                suggestion = _suggest(key, list(model.LANGUAGES))
                self.nodes.error(
                    "unknown-key",
                    key_node,
                    f"unknown key '{shown(key)}' in the text {what}{suggestion}",
                )
        return self.text_entries(node, entries, f"the text {what}", may_be_empty=may_be_empty)

    def text_entries(
        self,
        node: yaml.Node,
        entries: dict[str, tuple[yaml.Node, yaml.Node]],
        what: str,
        limit: int = MAX_TEXT_CHARACTERS,
        may_be_empty: bool = False,
    ) -> model.Text:
        languages: dict[str, model.LanguageText] = {}
        for language, name in (("nl", "Dutch"), ("fr", "French")):
            if language not in entries:
                self.nodes.error(
                    "missing-language", node, f"{what} has no {name} text ('{language}')"
                )
                languages[language] = model.LanguageText("", self.nodes.position(node))
                continue
            value_node = entries[language][1]
            languages[language] = self.values.language_text(
                value_node, name, what, limit, may_be_empty
            )
        return model.Text(languages["nl"], languages["fr"], self.nodes.position(node))

    def list_of(self, node: yaml.Node, spec: schema.ListOf, what: str) -> list[Any] | None:
        if not self.nodes.expect(node, yaml.SequenceNode, what.capitalize() or "This"):
            return None
        items = [self.build(item, spec.item, what) for item in node.value]
        count = len(node.value)
        if spec.exact_items is not None and count != spec.exact_items:
            self.nodes.error(
                "wrong-type",
                node,
                f"{what} must list exactly {spec.exact_items} values, found {count}",
            )
        elif count < spec.min_items:
            self.nodes.error(
                "wrong-type", node, f"{what} must list at least {spec.min_items}, found none"
            )
        return [item for item in items if item is not None]

    def map_of(self, node: yaml.Node, spec: schema.MapOf, what: str) -> dict[str, Any] | None:
        if not self.nodes.expect(node, yaml.MappingNode, what.capitalize()):
            return None
        result: dict[str, Any] = {}
        for key, (key_node, value_node) in self.nodes.mapping_entries(node).items():
            if not re.fullmatch(schema.ID_REGEX, key):
                self.nodes.error(
                    "invalid-id",
                    key_node,
                    f"'{shown(key)}' is not a valid id: use lowercase letters, digits and hyphens",
                )
                continue
            if self.nodes.admit(value_node):
                value = self.record(value_node, spec.value, identifier=key)
                if value is not None:
                    result[key] = value
        return result


def _suggest(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; expected one of: {', '.join(known)}"


def _required_arguments(cls: type) -> list[str]:
    """The model class's fields that have no default (besides the position)."""
    return [
        field.name
        for field in dataclasses.fields(cls)
        if field.default is dataclasses.MISSING
        and field.default_factory is dataclasses.MISSING
        and field.name != "position"
    ]
