"""Amendments: carry them out (`drafter apply`), and compare what that gives with a wanted
version of the resolution."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.api import load, load_amendments
from drafter.document.diagnostics import DiagnosticList, DrafterError
from drafter.document.model import Resolution
from drafter.resolve.apply import adopted_text, apply_amendments
from drafter.source.writer import resolution_yaml


@dataclass
class Applied:
    resolution: Resolution  # the amended resolution, resolved, filed labels locked
    text: str  # its source


def apply_file(amendments_path: str | Path, filed: str | Path | None = None) -> Applied:
    """The resolution the amendments at `amendments_path` make of the filed one, or
    `DrafterError` with what stops them (their errors, or words no longer there)."""
    amendments = load_amendments(amendments_path, filed=filed)
    diagnostics = DiagnosticList(str(amendments_path))
    resolution = apply_amendments(amendments, diagnostics)
    if resolution is None:
        raise DrafterError(diagnostics.sorted())
    numbers = [amendment.number for amendment in amendments.amendments]
    span = f"s {numbers[0]} to {numbers[-1]}" if len(numbers) > 1 else f" {numbers[0]}"
    legislature = resolution.legislature
    comment = (
        f"DOC {legislature} {resolution.doc} as amended by DOC {legislature} "
        f"{amendments.doc} (amendment{span}).\n"
        "Written by `drafter apply`. Inserted blocks keep labels like C/1 (`label:`), and\n"
        "filed labels do not shift, while the amendments are pending; `drafter build\n"
        "--renumber` gives the text as adopted (A, B, C, … again)."
    )
    return Applied(resolution, resolution_yaml(resolution, comment))


def differences(amended: Resolution, wanted_path: str | Path) -> list[str]:
    """Where the amended resolution's adopted text differs from the wanted version's, as
    lines for a person; empty when they say the same."""
    wanted = load(wanted_path, renumber=True)
    ours, theirs = adopted_text(amended), adopted_text(wanted)
    found: list[str] = []
    for index in range(max(len(ours), len(theirs))):
        mine = ours[index] if index < len(ours) else None
        other = theirs[index] if index < len(theirs) else None
        if mine != other:
            found.append(f"amended: {_shown(mine)}\n  wanted: {_shown(other)}")
    return found


def _shown(line: tuple[str, str, str] | None) -> str:
    if line is None:
        return "(nothing)"
    where, dutch, french = line
    return f"{where}: {dutch[:80]!r} / {french[:80]!r}"
