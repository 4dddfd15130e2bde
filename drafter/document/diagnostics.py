"""Diagnostics: what drafter says about a source file, and where.

Every stage reports problems as `Diagnostic` values (an error or a warning with its stable
code from `codes.py`, a plain sentence, and the file position it is about). A warning the
author has acknowledged (`acknowledge:` in the source) stays a diagnostic, marked with the
acknowledgment, so that tools and `check --show-acknowledged` can list it. `DrafterError`
carries diagnostics out of the API when a document cannot be used, so callers (the CLI, a
script) print them instead of a traceback.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field

from drafter.document.codes import CODES, Severity


@dataclass(frozen=True, order=True)
class Position:
    """A place in a source file; line and column count from 1, as editors show them."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Acknowledgment:
    """An entry of a part's `acknowledge:` list: the warnings of `code` about this part are
    known and meant, for `reason` (what the filed document has)."""

    code: str
    reason: str
    position: Position


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a source file.

    `subject` is the position of the text (paragraph, footnote, title) the problem is about,
    which the acknowledgments of that part cover; `acknowledgment` is the one that did.
    """

    severity: Severity
    code: str
    message: str
    path: str
    position: Position | None = None
    subject: Position | None = None
    acknowledgment: Acknowledgment | None = None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledgment is not None

    @property
    def blocks_strict(self) -> bool:
        """Whether `--strict` refuses the file for it: an error, or a warning not acknowledged."""
        return self.severity == "error" or not self.acknowledged

    def format(self) -> str:
        """The compiler-style line: `path:line:col: warning[code]: message`; an acknowledged
        warning says `acknowledged[code]` instead."""
        where = str(self.position) if self.position else self.path
        kind = "acknowledged" if self.acknowledged else self.severity
        return f"{where}: {kind}[{self.code}]: {self.message}"

    def format_reason(self) -> str:
        """The acknowledgment's reason, indented under `format()`'s line ('' if none)."""
        if self.acknowledgment is None:
            return ""
        # A reason written as a YAML block (`|`) keeps its line breaks; one line reads better.
        reason = " ".join(self.acknowledgment.reason.split())
        return f"    reason (line {self.acknowledgment.position.line}): {reason}"

    def as_json(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "path": self.path,
            "line": self.position.line if self.position else None,
            "column": self.position.column if self.position else None,
            "acknowledged": self.acknowledged,
            "reason": self.acknowledgment.reason if self.acknowledgment else None,
        }

    def sort_key(self) -> tuple[str, int, int]:
        if self.position is None:
            return (self.path, 0, 0)
        return (self.path, self.position.line, self.position.column)

    def acknowledged_by(self, acknowledgment: Acknowledgment) -> Diagnostic:
        return dataclasses.replace(self, acknowledgment=acknowledgment)


@dataclass
class DiagnosticList:
    """Collects the diagnostics of one file, so that every problem is reported at once."""

    path: str
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, code: str, position: Position | None, message: str) -> None:
        self._add("error", code, position, message, None)

    def warning(
        self, code: str, position: Position | None, message: str, subject: Position | None
    ) -> None:
        """A warning about the text at `subject`, whose part may acknowledge it."""
        self._add("warning", code, position, message, subject)

    def _add(
        self,
        severity: Severity,
        code: str,
        position: Position | None,
        message: str,
        subject: Position | None,
    ) -> None:
        # A code missing from codes.py, or used at the wrong severity, is a bug in drafter:
        # README and the acknowledgments would not know it.
        if code not in CODES or CODES[code].severity != severity:
            raise ValueError(f"{code!r} is not a registered {severity} code")
        self.items.append(Diagnostic(severity, code, message, self.path, position, subject))

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
