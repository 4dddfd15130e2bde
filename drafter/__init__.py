"""drafter: resolutions of the Belgian Chamber of Representatives, from YAML to print.

The Python API, for scripts and for the command line alike:

    import drafter
    resolution = drafter.load("resolutions/doc-55-1780-001.yaml")   # or DrafterError
    resolution.considerations[1].label            # "B."
    result = drafter.check_file("resolutions/doc-55-1780-001.yaml")  # never raises
    for diagnostic in result.diagnostics: print(diagnostic.format())
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.check import check
from drafter.diagnostics import Diagnostic, DrafterError, Position
from drafter.model import Resolution
from drafter.resolve import resolve
from drafter.source import load_source

__all__ = [
    "CheckResult",
    "Diagnostic",
    "DrafterError",
    "Position",
    "Resolution",
    "check_file",
    "load",
]


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
        return [d for d in self.diagnostics if d.severity == "warning"]


def check_file(path: str | Path) -> CheckResult:
    """Load, resolve and check one file; report every problem found, never raise for it."""
    resolution, diagnostics = load_source(path)
    if resolution is not None:
        resolve(resolution, diagnostics)
        check(resolution, diagnostics)
    return CheckResult(str(path), resolution, diagnostics.sorted())


def load(path: str | Path, *, strict: bool = False) -> Resolution:
    """The resolved resolution at `path`, or `DrafterError` with every error found.

    With `strict`, warnings count as errors too.
    """
    result = check_file(path)
    blocking = result.diagnostics if strict else result.errors
    if blocking or result.resolution is None:
        raise DrafterError(blocking or result.diagnostics)
    return result.resolution
