"""The Python API: check a resolution file, or load it resolved (see `drafter`'s docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.check.amendments import check_amendments
from drafter.check.rules import check
from drafter.document.amendments import Amendments
from drafter.document.diagnostics import Diagnostic, DiagnosticList, DrafterError
from drafter.document.model import Resolution
from drafter.document.redline import Redline
from drafter.resolve.amendments import resolve_amendments
from drafter.resolve.resolver import resolve
from drafter.source.loader import Document, load_source, load_text


@dataclass
class CheckResult:
    """What `check_file` found: the resolved resolution, or the resolved amendments (with
    the resolution they amend), or neither if the file could not be read."""

    path: str
    resolution: Resolution | None
    diagnostics: list[Diagnostic]
    amendments: Amendments | None = None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The warnings that no acknowledgment in the source accepts."""
        return [d for d in self.diagnostics if d.severity == "warning" and not d.acknowledged]

    @property
    def acknowledged(self) -> list[Diagnostic]:
        """The warnings the source acknowledges, each with its reason."""
        return [d for d in self.diagnostics if d.acknowledged]

    @property
    def blocking_strict(self) -> list[Diagnostic]:
        """What `--strict` refuses the file for: errors and unacknowledged warnings."""
        return [d for d in self.diagnostics if d.blocks_strict]


def check_file(
    path: str | Path, *, renumber: bool = False, filed: str | Path | None = None
) -> CheckResult:
    """Load, resolve and check one file (a resolution, or amendments to `filed`, by default
    the file their `amends:` names); report every problem found, never raise for it. With
    `renumber`, a resolution's fixed labels (C/1) are ignored: the text as adopted."""
    document, diagnostics = load_source(path, filed)
    return _checked(str(path), document, diagnostics, renumber)


def load(path: str | Path, *, strict: bool = False, renumber: bool = False) -> Resolution:
    """The resolved resolution at `path`, or `DrafterError` with every error found.

    With `strict`, warnings count as errors too, unless the source acknowledges them.
    """
    result = check_file(path, renumber=renumber)
    blocking = result.blocking_strict if strict else result.errors
    if result.amendments is not None and not blocking:
        raise DrafterError([_diagnostic(str(path), "this file holds amendments, not a resolution")])
    if blocking or result.resolution is None:
        raise DrafterError(blocking or result.diagnostics)
    return result.resolution


def load_amendments(
    path: str | Path, *, strict: bool = False, filed: str | Path | None = None
) -> Amendments:
    """The resolved amendments at `path` (with the filed resolution they amend), or
    `DrafterError` with every error found."""
    result = check_file(path, filed=filed)
    blocking = result.blocking_strict if strict else result.errors
    if result.resolution is not None and not blocking:
        raise DrafterError(
            [_diagnostic(str(path), "this file holds a resolution, not amendments (no 'amends:')")]
        )
    if blocking or result.amendments is None:
        raise DrafterError(blocking or result.diagnostics)
    return result.amendments


def _diagnostic(path: str, message: str) -> Diagnostic:
    diagnostics = DiagnosticList(path)
    diagnostics.error("invalid-value", None, message)
    return diagnostics.items[0]


def check_text(text: str, name: str) -> CheckResult:
    """`drafter.check_file` for a text that is not a file (a version from git): `name` is
    where diagnostics say the text comes from."""
    diagnostics = DiagnosticList(name)
    return _checked(name, load_text(text, name, diagnostics), diagnostics)


def _checked(
    name: str, document: Document | None, diagnostics: DiagnosticList, renumber: bool = False
) -> CheckResult:
    """A loaded document resolved and checked (nothing to do if it could not be loaded)."""
    if isinstance(document, Amendments):
        resolve_amendments(document, diagnostics)
        check_amendments(document, diagnostics)
        return CheckResult(name, None, diagnostics.sorted(), document)
    if document is not None:
        resolve(document, diagnostics, renumber=renumber)
        check(document, diagnostics)
    return CheckResult(name, document, diagnostics.sorted())


def render_redline(redline: Redline, output_format: str, author: str, date: str) -> bytes:
    """The redline as DOCX (tracked changes) or PDF (marked up, with a summary page)."""
    if output_format == "pdf":
        from drafter.render.html.pdf import render_redline_pdf

        return render_redline_pdf(redline)
    from drafter.render.docx.writer import render_redline_docx

    return render_redline_docx(redline, author, date)
