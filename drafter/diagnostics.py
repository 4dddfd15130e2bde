"""Diagnostics: what drafter says about a source file, and where.

Every stage reports problems as `Diagnostic` values (an error or a warning, a plain sentence,
and the file position it is about). `DrafterError` carries them out of the API when a
document cannot be used, so callers (the CLI, a script) print them instead of a traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Position:
    """A place in a source file; line and column count from 1, as editors show them."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a source file."""

    severity: Severity
    message: str
    path: str
    position: Position | None = None

    def format(self) -> str:
        """The compiler-style line: `path:line:col: error: message`."""
        where = str(self.position) if self.position else self.path
        return f"{where}: {self.severity}: {self.message}"

    def as_json(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.position.line if self.position else None,
            "column": self.position.column if self.position else None,
        }

    def sort_key(self) -> tuple[str, int, int]:
        if self.position is None:
            return (self.path, 0, 0)
        return (self.path, self.position.line, self.position.column)


@dataclass
class DiagnosticList:
    """Collects the diagnostics of one file, so that every problem is reported at once."""

    path: str
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, position: Position | None, message: str) -> None:
        self.items.append(Diagnostic("error", message, self.path, position))

    def warning(self, position: Position | None, message: str) -> None:
        self.items.append(Diagnostic("warning", message, self.path, position))

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=Diagnostic.sort_key)


class DrafterError(Exception):
    """A document drafter cannot use; `diagnostics` says why and where."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(d.format() for d in diagnostics))


def diagnostics_to_json(diagnostics: list[Diagnostic], summary: dict[str, int]) -> str:
    return json.dumps(
        {"diagnostics": [d.as_json() for d in diagnostics], "summary": summary},
        ensure_ascii=False,
        indent=2,
    )
