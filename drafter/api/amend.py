"""Amendments: carry them out (`drafter apply`), and compare what that gives with a wanted
version of the resolution."""

from __future__ import annotations

import difflib
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
    # Compared without their labels, so that one block more does not make all that follow
    # it differ.
    matcher = difflib.SequenceMatcher(
        a=[(where.split()[0], *texts) for where, *texts in ours],
        b=[(where.split()[0], *texts) for where, *texts in theirs],
        autojunk=False,
    )
    for tag, start, end, other_start, other_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        mine, other = ours[start:end], theirs[other_start:other_end]
        for index in range(max(len(mine), len(other))):
            line = mine[index] if index < len(mine) else None
            wanted_line = other[index] if index < len(other) else None
            found.append(_difference(line, wanted_line))
    return found


def _difference(amended: tuple[str, str, str] | None, wanted: tuple[str, str, str] | None) -> str:
    if amended is None:
        assert wanted is not None
        return f"{wanted[0]}: only the wanted version has it: {wanted[1][:70]!r}"
    if wanted is None:
        return f"{amended[0]}: only the amended text has it: {amended[1][:70]!r}"
    if amended[0] != wanted[0]:
        return f"{amended[0]}: the amended text has it where the wanted version has {wanted[0]}"
    for language, mine, other in zip(("nl", "fr"), amended[1:], wanted[1:], strict=True):
        if mine != other:
            at = next(
                (i for i, (a, b) in enumerate(zip(mine, other, strict=False)) if a != b),
                min(len(mine), len(other)),
            )
            return (
                f"{amended[0]} ({language}): amended {mine[max(0, at - 30) : at + 30]!r}, "
                f"wanted {other[max(0, at - 30) : at + 30]!r}"
            )
    return f"{amended[0]}: differs"
