"""Load: a YAML file in, a `model.Resolution` with source positions (and diagnostics) out.

YAML is read with PyYAML's safe composer, which gives a node tree with line and column marks;
the tree is then checked against the declarations in `schema.py` by hand rather than by
PyYAML's constructor, so that every problem (duplicate keys, anchors, tags, wrong types,
unknown keys) is reported with its position instead of being silently accepted.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
from pathlib import Path
from typing import Any

import yaml

from drafter.document import codes, model
from drafter.document.diagnostics import DiagnosticList, Position
from drafter.source import schema

# Tags that the safe composer gives to plain YAML; anything else was written by hand.
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary")
}
# libyaml's composer is ten times faster than PyYAML's pure-Python one, and gives the same
# nodes and marks; it ships in PyYAML's wheels, the fallback is for builds without it.
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Characters no PDF, HTML or Word document can hold: control characters other than tab and
# line breaks (YAML lets "\x01" through in double quotes), lone surrogates, non-characters.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Limits that stop a runaway document (a generated file, a paste gone wrong, a hostile file)
# with a clear message before it exhausts memory or time; README.md lists them. The filed
# DOC 55 1780/001 (27 pages) is a 0.2 MB file of 249 parts and 1,506 values, nested 8 levels
# deep (the deepest the format goes), whose longest text has 1,642 characters and longest
# footnote 1,245. A 200-page dossier is about eight times as large: 1.6 MB, 2,000 parts,
# 12,000 values. Each limit leaves it five times the room or more, and still bounds what a
# file can cost: 10,000 parts check in 1.5 s and build to PDF in about 80 s.
MAX_FILE_BYTES = 10_000_000  # 10 MB; read no further, so /dev/zero or a 5 GB log cannot fill memory
MAX_PARTS = 10_000  # mappings: paragraphs, items, considerations, requests, footnotes, texts…
MAX_VALUES = 100_000  # every key, value and list entry (a part holds about six)
MAX_DEPTH = 20  # nested mappings and lists; the format needs 8
MAX_FOOTNOTE_CHARACTERS = 20_000  # per language: about five pages of notes
MAX_TEXT_CHARACTERS = 100_000  # per language of any other text: twenty pages of a column
_NO_ALIASES = "anchors and aliases ('&' and '*') are not allowed in a resolution"
_NODE_KIND = {
    yaml.MappingNode: "a mapping (key: value lines)",
    yaml.SequenceNode: "a list",
    yaml.ScalarNode: "a single value",
}


def read_text(path: Path, diagnostics: DiagnosticList) -> str | None:
    """The file's text (UTF-8, with or without BOM), or None after reporting why not."""
    try:
        with path.open("rb") as stream:
            # One byte more than the limit tells a file at the limit from a larger one
            # without reading the rest.
            data = stream.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        diagnostics.error("unreadable-file", None, "this is a directory, not a resolution file")
        return None
    except FileNotFoundError:
        diagnostics.error("unreadable-file", None, "no such file")
        return None
    except OSError as error:
        diagnostics.error(
            "unreadable-file", None, f"cannot read the file: {error.strerror or error}"
        )
        return None
    if len(data) > MAX_FILE_BYTES:
        diagnostics.error(
            "too-large",
            None,
            f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB, the most a resolution "
            "may be (a 200-page one takes about 2 MB); is it the right file?",
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        diagnostics.error(
            "unreadable-file",
            Position(diagnostics.path, line, column),
            f"the file is not valid UTF-8 (byte {error.start}); save it as UTF-8",
        )
        return None


def load_source(path: str | Path) -> tuple[model.Resolution | None, DiagnosticList]:
    """Read and validate one resolution file; never raises for a bad file."""
    path = Path(path)
    diagnostics = DiagnosticList(str(path))
    text = read_text(path, diagnostics)
    if text is None:
        return None, diagnostics
    return load_text(text, str(path), diagnostics), diagnostics


def load_text(text: str, path: str, diagnostics: DiagnosticList) -> model.Resolution | None:
    scan = _scan(text, diagnostics)
    if scan is None:
        return None
    node = _compose(text, diagnostics, scan)
    if node is None:
        return None
    builder = _Builder(text, diagnostics)
    resolution = builder.build(node, schema.RESOLUTION)
    if scan.anchor is not None and not builder.refused_alias:
        # An anchor the builder never met twice: under an unknown key, in a list of the wrong
        # type (an "alias bomb" such as billion-laughs.yaml), or never used.
        diagnostics.error("yaml-alias", scan.anchor, _NO_ALIASES)
    if isinstance(resolution, model.Resolution):
        _check_header_values(resolution, diagnostics)
        return resolution
    return None


@dataclasses.dataclass
class _Scan:
    anchor: Position | None = None  # the first anchor ('&name'), if any
    deepest: Position | None = None  # where the nesting is deepest, for a last-resort message


def _scan(text: str, diagnostics: DiagnosticList) -> _Scan | None:
    """Count the parts, values and depth of the YAML as it is parsed, before building a tree.

    Parsing is streamed: a file past a limit is stopped at that point, whatever follows, and
    None says so. A YAML error is left for the composer to explain with its position.

    libyaml stops on errors of its own before our limits can trip: newer releases refuse
    flow collections nested 1,000 deep while still looking ahead for a key, before they
    have handed over the first bracket. So when libyaml fails, the pure-Python parser
    (a state machine, not recursive, and looking ahead at most 1,024 characters) scans the
    same text again: our limits then speak with their position whichever library is there.
    """
    for loader_class in dict.fromkeys((_FastLoader, yaml.SafeLoader)):
        try:
            return _scan_with(loader_class, text, diagnostics)
        except yaml.YAMLError:
            continue
    return _Scan()


def _scan_with(loader_class: type, text: str, diagnostics: DiagnosticList) -> _Scan | None:
    loader = loader_class(text)
    scan = _Scan()
    depth = deepest = parts = values = 0
    try:
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.StreamEndEvent or event is None:
                return scan
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
                continue
            if kind not in _NODE_EVENTS:
                continue
            values += 1
            if scan.anchor is None and getattr(event, "anchor", None) is not None:
                scan.anchor = _mark_position(diagnostics.path, event.start_mark)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                depth += 1
                parts += kind is yaml.MappingStartEvent
                if depth > deepest:
                    deepest = depth
                    scan.deepest = _mark_position(diagnostics.path, event.start_mark)
            problem = None
            if depth > MAX_DEPTH:
                problem = (
                    f"the file is nested more than {MAX_DEPTH} levels deep here; "
                    "a resolution needs 8 at most (check the indentation and the brackets)"
                )
            elif parts > MAX_PARTS:
                problem = (
                    f"the file has more than {MAX_PARTS:,} parts (paragraphs, items, footnotes, "
                    "texts); a 200-page resolution has about 2,000"
                )
            elif values > MAX_VALUES:
                problem = (
                    f"the file holds more than {MAX_VALUES:,} values (keys, texts, numbers, "
                    "list entries); a 200-page resolution holds about 12,000"
                )
            if problem:
                diagnostics.error(
                    "too-large", _mark_position(diagnostics.path, event.start_mark), problem
                )
                return None
    finally:
        loader.dispose()


_NODE_EVENTS = {yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent}


def _compose(text: str, diagnostics: DiagnosticList, scan: _Scan) -> yaml.Node | None:
    try:
        node = _compose_with(_FastLoader, text)
    except (yaml.YAMLError, RecursionError):
        # Compose again with the pure-Python loader: its messages and marks are the ones the
        # explanations below are written for, and a bad file is rare enough to pay twice.
        try:
            node = _compose_with(yaml.SafeLoader, text)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            position = _mark_position(diagnostics.path, mark) if mark else None
            diagnostics.error("yaml-syntax", position, _yaml_problem(error))
            return None
        except yaml.reader.ReaderError as error:
            line = text.count("\n", 0, error.position) + 1
            column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
            diagnostics.error(
                "forbidden-character",
                Position(diagnostics.path, line, column),
                f"the character U+{error.character:04X} is not allowed in a YAML file",
            )
            return None
        except RecursionError:
            # Only under a recursion limit far below Python's default: the scan has
            # already refused anything nested deeper than MAX_DEPTH.
            diagnostics.error(
                "too-large",
                scan.deepest,
                "the file is nested too deeply here to be a resolution "
                "(check the indentation and the brackets)",
            )
            return None
    if node is None:
        diagnostics.error("empty-file", Position(diagnostics.path, 1, 1), "the file is empty")
    return node


def _compose_with(loader_class: type, text: str) -> yaml.Node | None:
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


# PyYAML's wording of common mistakes, and what they mean to someone writing a resolution.
_YAML_PROBLEMS = {
    "expected <block end>": "this line does not fit the structure above it: "
    "check its indentation, and look for a quote that is not closed",
    "mapping values are not allowed here": "a ': ' inside a value is read as a new key; "
    "put the whole text between double quotes",
    "could not find expected ':'": "a line has no ':' (write key: value), or a quote is not closed",
    "found unexpected end of stream": "the file ends inside a quoted text: a quote is not closed",
    "found undefined tag handle": "a '!' starts a YAML tag; put the text between double quotes",
    "found character that cannot start any token": "this character cannot start a value; "
    "put the text between double quotes",
}


def _yaml_problem(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "the YAML is not well-formed"
    if "'\\t'" in problem:
        return "a tab is used for indentation; YAML indents with spaces only"
    if "expected a single document" in f"{problem} {error.context}":
        return "the file holds more than one YAML document ('---'); keep one resolution per file"
    for pyyaml_words, meaning in _YAML_PROBLEMS.items():
        if problem.startswith(pyyaml_words):
            return f"YAML syntax error: {meaning}"
    return f"YAML syntax error: {problem}"


def _mark_position(path: str, mark: yaml.Mark) -> Position:
    return Position(path, mark.line + 1, mark.column + 1)


def _shown(value: str, length: int = 60) -> str:
    """A value as quoted in a message: a long one is cut, a line break shown as such, and a
    character no terminal or JSON can carry (a lone surrogate) as its YAML escape."""
    value = FORBIDDEN_CHARACTERS.sub(lambda match: f"\\u{ord(match.group()):04x}", value)
    value = value.replace("\n", "\\n")
    return value if len(value) <= length else value[: length - 1] + "…"


def _suggest(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; expected one of: {', '.join(known)}"


class _Builder:
    """Walks the composed node tree along a schema declaration and builds model objects."""

    def __init__(self, text: str, diagnostics: DiagnosticList) -> None:
        self.text = text
        self.diagnostics = diagnostics
        self.path = diagnostics.path
        self.seen: set[int] = set()
        self.refused_alias = False

    def position(self, node: yaml.Node) -> Position:
        return _mark_position(self.path, node.start_mark)

    def error(self, code: str, node: yaml.Node, message: str) -> None:
        self.diagnostics.error(code, self.position(node), message)

    def admit(self, node: yaml.Node) -> bool:
        """Refuse aliases (which could multiply a small file into a huge one) and tags."""
        if id(node) in self.seen:
            self.error("yaml-alias", node, _NO_ALIASES)
            self.refused_alias = True
            return False
        self.seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.error(
                "yaml-tag", node, f"the YAML tag '{_shown(tag)}' is not allowed in a resolution"
            )
            return False
        return True

    def build(self, node: yaml.Node, spec: schema.Spec, what: str = "") -> Any:
        if not self.admit(node):
            return None
        if isinstance(spec, schema.Record):
            return self.record(node, spec)
        if isinstance(spec, schema.TextSpec):
            return self.text_node(node, what)
        if isinstance(spec, schema.ListOf):
            return self.list_of(node, spec, what)
        if isinstance(spec, schema.MapOf):
            return self.map_of(node, spec, what)
        return self.scalar(node, spec, what)

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
                    f"duplicate key '{_shown(key)}' (first given on line {first.line})",
                )
                continue
            entries[key] = (key_node, value_node)
        return entries

    def record(self, node: yaml.Node, spec: schema.Record, identifier: str | None = None) -> Any:
        if not self.expect(node, yaml.MappingNode, spec.name.capitalize()):
            return None
        entries = self.mapping_entries(node)
        known = spec.keys
        values: dict[str, Any] = {}
        suggested: set[str] = set()
        for key, (key_node, value_node) in entries.items():
            if key not in known and key == "acknowledge":
                self.error(
                    "unknown-key",
                    key_node,
                    f"'acknowledge' cannot stand in {spec.name}: put it under the paragraph, "
                    "item or footnote the warning is about (nothing acknowledges a whole file)",
                )
            elif key not in known:
                suggestion = _suggest(key, known)
                suggested.update(k for k in known if f"'{k}'?" in suggestion)
                self.error(
                    "unknown-key",
                    key_node,
                    f"unknown key '{_shown(key)}' in {spec.name}{suggestion}",
                )
            elif key in spec.fields:
                value = self.build(value_node, spec.fields[key].spec, f"'{key}'")
                if value is not None:
                    values[key] = value
        missing = [
            name
            for name, field in spec.fields.items()
            if field.required and name not in entries and name not in suggested
        ]
        for name in missing:
            hint = _hint(spec.fields[name].spec)
            self.error("missing-key", node, f"{spec.name} is missing the key '{name}'{hint}")
        if spec.has_text:
            limit = MAX_FOOTNOTE_CHARACTERS if spec is schema.FOOTNOTE else MAX_TEXT_CHARACTERS
            values["text"] = self.text_entries(node, entries, spec.name, limit)
        if identifier is not None:
            values["id"] = identifier
        if spec.builds is model.Resolution:
            values["path"] = self.path
        if any(name not in values for name in _required_arguments(spec.builds)):
            return None
        return spec.builds(position=self.position(node), **values)

    def text_node(self, node: yaml.Node, what: str) -> model.Text | None:
        if not self.expect(node, yaml.MappingNode, f"The text {what}"):
            return None
        entries = self.mapping_entries(node)
        for key, (key_node, _) in entries.items():
            if key not in model.LANGUAGES:
                suggestion = _suggest(key, list(model.LANGUAGES))
                self.error(
                    "unknown-key",
                    key_node,
                    f"unknown key '{_shown(key)}' in the text {what}{suggestion}",
                )
        return self.text_entries(node, entries, f"the text {what}")

    def text_entries(
        self,
        node: yaml.Node,
        entries: dict[str, tuple[yaml.Node, yaml.Node]],
        what: str,
        limit: int = MAX_TEXT_CHARACTERS,
    ) -> model.Text:
        languages: dict[str, model.LanguageText] = {}
        for language, name in (("nl", "Dutch"), ("fr", "French")):
            if language not in entries:
                self.error("missing-language", node, f"{what} has no {name} text ('{language}')")
                languages[language] = model.LanguageText("", self.position(node))
                continue
            value_node = entries[language][1]
            languages[language] = self.language_text(value_node, name, what, limit)
        return model.Text(languages["nl"], languages["fr"], self.position(node))

    def language_text(
        self, node: yaml.Node, name: str, what: str, limit: int
    ) -> model.LanguageText:
        position = self.position(node)
        if not self.admit(node) or not self.expect(node, yaml.ScalarNode, f"The {name} text"):
            return model.LanguageText("", position)
        # The raw scalar is used, so `nl: 2021` or `fr: yes` stay the text the author wrote.
        value = node.value
        if not value.strip():
            self.error("empty-value", node, f"the {name} text of {what} is empty")
        if len(value) > limit:
            kind = "a footnote" if limit == MAX_FOOTNOTE_CHARACTERS else "a text"
            self.error(
                "too-large",
                node,
                f"the {name} text of {what} has {len(value):,} characters; {kind} may have "
                f"{limit:,} at most (split it into several)",
            )
            # The rest would only cost time: the document is not built anyway.
            value = value[:limit]
        forbidden = FORBIDDEN_CHARACTERS.search(value)
        if forbidden:
            self.error(
                "forbidden-character",
                node,
                f"the {name} text of {what} contains the character "
                f"U+{ord(forbidden.group()):04X}, which a document cannot hold; remove it",
            )
            value = FORBIDDEN_CHARACTERS.sub("", value)
        source = self.text[node.start_mark.index : node.end_mark.index]
        return model.LanguageText(value, position, source)

    def list_of(self, node: yaml.Node, spec: schema.ListOf, what: str) -> list[Any] | None:
        if not self.expect(node, yaml.SequenceNode, what.capitalize() or "This"):
            return None
        items = [self.build(item, spec.item, what) for item in node.value]
        count = len(node.value)
        if spec.exact_items is not None and count != spec.exact_items:
            self.error(
                "wrong-type",
                node,
                f"{what} must list exactly {spec.exact_items} values, found {count}",
            )
        elif count < spec.min_items:
            self.error(
                "wrong-type", node, f"{what} must list at least {spec.min_items}, found none"
            )
        return [item for item in items if item is not None]

    def map_of(self, node: yaml.Node, spec: schema.MapOf, what: str) -> dict[str, Any] | None:
        if not self.expect(node, yaml.MappingNode, what.capitalize()):
            return None
        result: dict[str, Any] = {}
        for key, (key_node, value_node) in self.mapping_entries(node).items():
            if not re.fullmatch(schema.ID_REGEX, key):
                self.error(
                    "invalid-id",
                    key_node,
                    f"'{_shown(key)}' is not a valid id: use lowercase letters, digits and hyphens",
                )
                continue
            if self.admit(value_node):
                value = self.record(value_node, spec.value, identifier=key)
                if value is not None:
                    result[key] = value
        return result

    def scalar(self, node: yaml.Node, spec: schema.Scalar, what: str) -> Any:
        if not self.expect(node, yaml.ScalarNode, what.capitalize()):
            return None
        value: str = node.value
        tag = node.tag.rsplit(":", 1)[-1]
        if spec.kind == "integer":
            if tag != "int":
                self.error(
                    "wrong-type", node, f"{what} must be a whole number, found '{_shown(value)}'"
                )
                return None
            try:
                number = int(value.replace("_", ""), 0)
            except ValueError:
                # YAML 1.1 reads "017" (octal), "1:30" (base 60) and "0x_" as integers too.
                self.error(
                    "wrong-type", node, f"{what} must be a whole number, found '{_shown(value)}'"
                )
                return None
            if spec.minimum is not None and number < spec.minimum:
                self.error(
                    "invalid-value", node, f"{what} must be at least {spec.minimum}, found {number}"
                )
                return None
            return number
        if spec.kind == "date":
            return self.date(node, what)
        if not value.strip():
            self.error("empty-value", node, f"{what} is empty{_hint(spec)}")
            return None
        if spec.kind == "code":
            return self.acknowledgeable_code(node, value)
        forbidden = FORBIDDEN_CHARACTERS.search(value)
        if forbidden and spec.kind == "string":
            self.error(
                "forbidden-character",
                node,
                f"{what} contains the character U+{ord(forbidden.group()):04X}, "
                "which a document cannot hold; remove it",
            )
            return None
        if spec.kind == "id" and not re.fullmatch(schema.ID_REGEX, value):
            self.error(
                "invalid-id",
                node,
                f"'{_shown(value)}' is not a valid id: use lowercase letters, digits and hyphens",
            )
            return None
        if spec.kind == "choice" and value not in spec.choices:
            choices = " or ".join(f"'{choice}'" for choice in spec.choices)
            self.error("invalid-value", node, f"{what} must be {choices}, found '{_shown(value)}'")
            return None
        return value

    def acknowledgeable_code(self, node: yaml.ScalarNode, value: str) -> str | None:
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
            message = f"unknown code '{_shown(value)}'; {advice}"
        elif known.severity == "error":
            message = f"'{value}' is an error, and an error cannot be acknowledged: fix it"
        else:
            message = f"'{value}' cannot be acknowledged: remove the acknowledgment it is about"
        self.error("invalid-acknowledgment", node, message)
        return None

    def date(self, node: yaml.ScalarNode, what: str) -> datetime.date | None:
        value = node.value.strip()
        if not _ISO_DATE.fullmatch(value):
            self.error(
                "invalid-date",
                node,
                f"{what} must be a date written as YYYY-MM-DD, found '{_shown(value)}'",
            )
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            self.error("invalid-date", node, f"{value} is not a valid date for {what} ({error})")
            return None


def _hint(spec: schema.Spec) -> str:
    """'; say why …': what to write in a value the schema gives a hint for, or ''."""
    return f"; {spec.hint}" if isinstance(spec, schema.Scalar) and spec.hint else ""


def _required_arguments(cls: type) -> list[str]:
    """The model class's fields that have no default (besides the position)."""
    return [
        field.name
        for field in dataclasses.fields(cls)
        if field.default is dataclasses.MISSING
        and field.default_factory is dataclasses.MISSING
        and field.name != "position"
    ]


def _check_header_values(resolution: model.Resolution, diagnostics: DiagnosticList) -> None:
    if not re.fullmatch(r"\d{1,4}/\d{3}", resolution.doc):
        diagnostics.error(
            "invalid-value",
            resolution.position,
            f"'doc' must be a document number like \"1780/001\", found '{_shown(resolution.doc)}'",
        )
    first, second = ([*resolution.years, 0, 0])[:2]
    if second and second != first + 1:
        diagnostics.error(
            "invalid-value",
            resolution.position,
            f"'years' must be two consecutive years, like [{first}, {first + 1}]",
        )
    if len(set(resolution.columns)) != len(resolution.columns):
        diagnostics.error(
            "invalid-value", resolution.position, "'columns' must be [nl, fr] or [fr, nl]"
        )
