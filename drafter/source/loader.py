"""Load: a YAML file in, a `model.Resolution` with source positions (and diagnostics) out.

YAML is read with PyYAML's safe composer, which gives a node tree with line and column marks;
the tree is then checked against the declarations in `schema.py` by hand (`builder.py`)
rather than by PyYAML's constructor, so that every problem (duplicate keys, anchors, tags,
wrong types, unknown keys) is reported with its position instead of being silently accepted.
Before that, the text is scanned against the limits of `limits.py`.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml

from drafter.document import model
from drafter.document.amendments import Amendments
from drafter.document.diagnostics import DiagnosticList, Position
from drafter.source import schema
from drafter.source.builder import Builder
from drafter.source.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_PARTS, MAX_VALUES
from drafter.source.nodes import NO_ALIASES, mark_position, shown

# libyaml's composer is ten times faster than PyYAML's pure-Python one, and gives the same
# nodes and marks; it ships in PyYAML's wheels, the fallback is for builds without it.
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


Document = model.Resolution | Amendments


def load_source(
    path: str | Path, filed: str | Path | None = None
) -> tuple[Document | None, DiagnosticList]:
    """Read and validate one source file (a resolution, or amendments to one together with
    the resolution they amend: `filed`, or else the file their `amends:` names); never
    raises for a bad file."""
    path = Path(path)
    diagnostics = DiagnosticList(str(path))
    text = read_text(path, diagnostics)
    if text is None:
        return None, diagnostics
    return load_text(text, str(path), diagnostics, filed), diagnostics


def load_text(
    text: str, path: str, diagnostics: DiagnosticList, filed: str | Path | None = None
) -> Document | None:
    """A source's text read and validated; `path` names it in diagnostics, and the file an
    amendments source amends (unless `filed` names it) is found relative to it."""
    scan = _scan(text, diagnostics)
    if scan is None:
        return None
    node = _compose(text, diagnostics, scan)
    if node is None:
        return None
    builder = Builder(text, diagnostics)
    amending = _is_amendments(node)
    document = builder.build(node, schema.AMENDMENTS if amending else schema.RESOLUTION)
    if scan.anchor is not None and not builder.refused_alias:
        # An anchor the builder never met twice: under an unknown key, in a list of the wrong
        # type (an "alias bomb" such as billion-laughs.yaml), or never used.
        diagnostics.error("yaml-alias", scan.anchor, NO_ALIASES)
    if isinstance(document, model.Resolution):
        _check_header_values(document, diagnostics)
        return document
    if isinstance(document, Amendments):
        _check_document_number(document.doc, document.position, diagnostics)
        filed_path = Path(filed) if filed else Path(path).parent / document.amends
        document.resolution = _amended_resolution(document, filed_path, diagnostics)
        return document
    return None


def _is_amendments(node: yaml.Node) -> bool:
    """Whether the file is an amendments source: one whose top level has `amends:`."""
    return isinstance(node, yaml.MappingNode) and any(
        isinstance(key, yaml.ScalarNode) and key.value == "amends" for key, _ in node.value
    )


def _amended_resolution(
    amendments: Amendments, filed_path: Path, diagnostics: DiagnosticList
) -> model.Resolution | None:
    """The amended resolution, loaded; its own problems are reported at its lines."""
    resolution, filed_diagnostics = load_source(filed_path)
    for item in filed_diagnostics.items:
        if item.code == "unreadable-file" and item.position is None:
            # The filed file cannot be read: the problem is where the amendments name it.
            diagnostics.error(
                "unreadable-file",
                amendments.position,
                f"cannot read the filed resolution '{filed_path}' that 'amends' names: "
                f"{item.message}",
            )
        else:
            diagnostics.items.append(item)
    if isinstance(resolution, Amendments):
        diagnostics.error(
            "invalid-value",
            amendments.position,
            f"'amends' must name the filed resolution, but {filed_path} holds amendments",
        )
        return None
    return resolution


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
                scan.anchor = mark_position(diagnostics.path, event.start_mark)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                depth += 1
                parts += kind is yaml.MappingStartEvent
                if depth > deepest:
                    deepest = depth
                    scan.deepest = mark_position(diagnostics.path, event.start_mark)
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
                    "too-large", mark_position(diagnostics.path, event.start_mark), problem
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
            position = mark_position(diagnostics.path, mark) if mark else None
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


def _check_document_number(doc: str, position: Position, diagnostics: DiagnosticList) -> None:
    if not re.fullmatch(r"\d{1,4}/\d{3}", doc):
        diagnostics.error(
            "invalid-value",
            position,
            f"'doc' must be a document number like \"1780/001\", found '{shown(doc)}'",
        )


def _check_header_values(resolution: model.Resolution, diagnostics: DiagnosticList) -> None:
    _check_document_number(resolution.doc, resolution.position, diagnostics)
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
