"""The Python API: check a resolution file, or load it resolved (see `drafter`'s docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.check.rules import check
from drafter.document.diagnostics import Diagnostic, DiagnosticList, DrafterError
from drafter.document.model import Resolution
from drafter.document.redline import Redline
from drafter.resolve.resolver import resolve
from drafter.source.loader import load_source, load_text


@dataclass
class CheckResult:
    """What `check_file` found: the resolved document (None if it could not be read)."""

    path: str
    resolution: Resolution | None
    diagnostics: list[Diagnostic]

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


def check_file(path: str | Path) -> CheckResult:
    """Load, resolve and check one file; report every problem found, never raise for it."""
    resolution, diagnostics = load_source(path)
    return _checked(str(path), resolution, diagnostics)


def load(path: str | Path, *, strict: bool = False) -> Resolution:
    """The resolved resolution at `path`, or `DrafterError` with every error found.

    With `strict`, warnings count as errors too, unless the source acknowledges them.
    """
    result = check_file(path)
    blocking = result.blocking_strict if strict else result.errors
    if blocking or result.resolution is None:
        raise DrafterError(blocking or result.diagnostics)
    return result.resolution


def check_text(text: str, name: str) -> CheckResult:
    """`drafter.check_file` for a text that is not a file (a version from git): `name` is
    where diagnostics say the text comes from."""
    diagnostics = DiagnosticList(name)
    return _checked(name, load_text(text, name, diagnostics), diagnostics)


def _checked(name: str, resolution: Resolution | None, diagnostics: DiagnosticList) -> CheckResult:
    """A loaded resolution resolved and checked (nothing to do if it could not be loaded)."""
    if resolution is not None:
        resolve(resolution, diagnostics)
        check(resolution, diagnostics)
    return CheckResult(name, resolution, diagnostics.sorted())


def render_redline(redline: Redline, output_format: str, author: str, date: str) -> bytes:
    """The redline as DOCX (tracked changes) or PDF (marked up, with a summary page)."""
    if output_format == "pdf":
        from drafter.render.html.pdf import render_redline_pdf

        return render_redline_pdf(redline)
    from drafter.render.docx.writer import render_redline_docx

    return render_redline_docx(redline, author, date)
