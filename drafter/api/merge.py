"""`drafter merge` from Python: a resolution file and a DOCX that drafter built from it (and
a co-sponsor edited) in, what merging would change out, and the file written when asked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.api.output import write_atomically
from drafter.document.diagnostics import DiagnosticList
from drafter.merge.merging import MergeResult, merge
from drafter.merge.reader import DocxError, read_docx
from drafter.render.docx.writer import render_docx
from drafter.resolve.resolver import resolve
from drafter.source.loader import load_text, read_text

BYTE_ORDER_MARK = "\ufeff".encode()


class MergeInputError(Exception):
    """A file merge cannot start from; the message is plain sentences, one a line."""


@dataclass
class Merged:
    path: Path
    result: MergeResult


def merge_files(yaml_path: str | Path, docx_path: str | Path, decision: str | None) -> Merged:
    """What merging `docx_path` into `yaml_path` changes; `decision` is "accept", "reject"
    or None (tracked changes are then listed, not taken). Writes nothing."""
    yaml_path, docx_path = Path(yaml_path), Path(docx_path)
    diagnostics = DiagnosticList(str(yaml_path))
    text = read_text(yaml_path, diagnostics)
    resolution = load_text(text, str(yaml_path), diagnostics) if text is not None else None
    if resolution is not None:
        resolve(resolution, diagnostics)
    errors = [d.format() for d in diagnostics.sorted() if d.severity == "error"]
    if text is None or resolution is None or errors:
        raise MergeInputError("\n".join([*errors, f"{yaml_path}: fix these before merging"]))
    try:
        data = docx_path.read_bytes()
    except OSError as error:
        raise MergeInputError(f"{docx_path}: cannot read it: {error.strerror or error}") from None
    try:
        content = read_docx(data)
        result = merge(
            resolution,
            text,
            content,
            decision,
            str(docx_path),
            built=lambda: read_docx(render_docx(resolution)),
        )
        return Merged(yaml_path, result)
    except DocxError as error:
        raise MergeInputError(f"{docx_path}: {error}") from None


def write_merged(merged: Merged) -> None:
    """Replace the resolution file with the merged text, in one step (its byte order mark,
    if it had one, kept)."""
    data = merged.result.new_text.encode("utf-8")
    if merged.path.read_bytes().startswith(BYTE_ORDER_MARK):
        data = BYTE_ORDER_MARK + data
    write_atomically(merged.path, data)
