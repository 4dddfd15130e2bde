"""Values: a YAML scalar and its `schema.Scalar` in, a checked value out (a whole number, a
date, an id, a choice, an acknowledgeable code, a string), or None after reporting why not;
and one language of a text, checked for emptiness, length and characters a document cannot
hold.
"""

from __future__ import annotations

import datetime
import difflib
import re
from typing import Any

import yaml

from drafter.document import codes, model
from drafter.source import schema
from drafter.source.limits import MAX_FOOTNOTE_CHARACTERS
from drafter.source.nodes import FORBIDDEN_CHARACTERS, NodeReader, shown

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def value_hint(spec: schema.Spec) -> str:
    """'; say why …': what to write in a value the schema gives a hint for, or ''."""
    return f"; {spec.hint}" if isinstance(spec, schema.Scalar) and spec.hint else ""


class ValueReader:
    """Reads the single values of one file; `nodes` reports the problems."""

    def __init__(self, nodes: NodeReader) -> None:
        self.nodes = nodes

    def scalar(self, node: yaml.Node, spec: schema.Scalar, what: str) -> Any:
        nodes = self.nodes
        if not nodes.expect(node, yaml.ScalarNode, what.capitalize()):
            return None
        value: str = node.value
        tag = node.tag.rsplit(":", 1)[-1]
        if spec.kind == "integer":
            if tag != "int":
                nodes.error(
                    "wrong-type", node, f"{what} must be a whole number, found '{shown(value)}'"
                )
                return None
            try:
                number = int(value.replace("_", ""), 0)
            except ValueError:
                # YAML 1.1 reads "017" (octal), "1:30" (base 60) and "0x_" as integers too.
                nodes.error(
                    "wrong-type", node, f"{what} must be a whole number, found '{shown(value)}'"
                )
                return None
            if spec.minimum is not None and number < spec.minimum:
                nodes.error(
                    "invalid-value", node, f"{what} must be at least {spec.minimum}, found {number}"
                )
                return None
            return number
        if spec.kind == "date":
            return self._date(node, what)
        if not value.strip():
            nodes.error("empty-value", node, f"{what} is empty{value_hint(spec)}")
            return None
        if spec.kind == "code":
            return self._acknowledgeable_code(node, value)
        forbidden = FORBIDDEN_CHARACTERS.search(value)
        if forbidden and spec.kind == "string":
            nodes.error(
                "forbidden-character",
                node,
                f"{what} contains the character U+{ord(forbidden.group()):04X}, "
                "which a document cannot hold; remove it",
            )
            return None
        if spec.kind == "id" and not re.fullmatch(schema.ID_REGEX, value):
            nodes.error(
                "invalid-id",
                node,
                f"'{shown(value)}' is not a valid id: use lowercase letters, digits and hyphens",
            )
            return None
        if spec.kind == "choice" and value not in spec.choices:
            choices = " or ".join(f"'{choice}'" for choice in spec.choices)
            nodes.error("invalid-value", node, f"{what} must be {choices}, found '{shown(value)}'")
            return None
        return value

    def language_text(
        self, node: yaml.Node, name: str, what: str, limit: int, may_be_empty: bool = False
    ) -> model.LanguageText:
        """One language (`name`: "Dutch", "French") of the text `what`, at most `limit`
        characters long."""
        nodes = self.nodes
        position = nodes.position(node)
        if not nodes.admit(node) or not nodes.expect(node, yaml.ScalarNode, f"The {name} text"):
            return model.LanguageText("", position)
        # The raw scalar is used, so `nl: 2021` or `fr: yes` stay the text the author wrote.
        value = node.value
        if not value.strip() and not may_be_empty:
            nodes.error("empty-value", node, f"the {name} text of {what} is empty")
        if len(value) > limit:
            kind = "a footnote" if limit == MAX_FOOTNOTE_CHARACTERS else "a text"
            nodes.error(
                "too-large",
                node,
                f"the {name} text of {what} has {len(value):,} characters; {kind} may have "
                f"{limit:,} at most (split it into several)",
            )
            # The rest would only cost time: the document is not built anyway.
            value = value[:limit]
        forbidden = FORBIDDEN_CHARACTERS.search(value)
        if forbidden:
            nodes.error(
                "forbidden-character",
                node,
                f"the {name} text of {what} contains the character "
                f"U+{ord(forbidden.group()):04X}, which a document cannot hold; remove it",
            )
            value = FORBIDDEN_CHARACTERS.sub("", value)
        source = nodes.text[node.start_mark.index : node.end_mark.index]
        return model.LanguageText(value, position, source)

    def _acknowledgeable_code(self, node: yaml.ScalarNode, value: str) -> str | None:
        """The code of an acknowledgment, if it names a warning that can be acknowledged."""
        if value in codes.ACKNOWLEDGEABLE:
            return value
        known = codes.CODES.get(value)
        if known is None:
            close = difflib.get_close_matches(value, codes.ACKNOWLEDGEABLE, n=1, cutoff=0.5)
            advice = (
                f"did you mean '{close[0]}'?"
                if close
                else f"the codes that can be acknowledged are {', '.join(codes.ACKNOWLEDGEABLE)}"
            )
            message = f"unknown code '{shown(value)}'; {advice}"
        elif known.severity == "error":
            message = f"'{value}' is an error, and an error cannot be acknowledged: fix it"
        else:
            message = f"'{value}' cannot be acknowledged: remove the acknowledgment it is about"
        self.nodes.error("invalid-acknowledgment", node, message)
        return None

    def _date(self, node: yaml.ScalarNode, what: str) -> datetime.date | None:
        value = node.value.strip()
        if not _ISO_DATE.fullmatch(value):
            self.nodes.error(
                "invalid-date",
                node,
                f"{what} must be a date written as YYYY-MM-DD, found '{shown(value)}'",
            )
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            self.nodes.error(
                "invalid-date", node, f"{value} is not a valid date for {what} ({error})"
            )
            return None
