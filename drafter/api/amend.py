"""Amendments: compute them from a filed and a wanted version (`drafter amend`), carry
them out (`drafter apply`), and compare what that gives with a wanted version."""

from __future__ import annotations

import datetime
import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from drafter.api import load, load_amendments
from drafter.compare.amend import compute_amendments
from drafter.document.amendments import Amendments
from drafter.document.diagnostics import DiagnosticList, DrafterError
from drafter.document.model import Resolution
from drafter.resolve.amendments import resolve_amendments
from drafter.resolve.apply import adopted_text, apply_amendments
from drafter.source.amendments_writer import amendments_yaml, next_doc
from drafter.source.loader import load_text
from drafter.source.writer import resolution_yaml


@dataclass
class Computed:
    text: str  # the amendments source
    count: int  # how many amendments
    notes: list[str]  # differences amendments cannot make (memorandum, sponsors, …)


class AmendmentsDoNotProve(Exception):
    """drafter's own amendments do not give the wanted text: a fault of drafter's, never
    written out; the message says where they differ."""


def amend_files(
    filed_path: str | Path,
    wanted_path: str | Path,
    output_path: str | Path,
    *,
    doc: str | None = None,
    filed_on: datetime.date | None = None,
) -> Computed:
    """The amendments that make the filed resolution into the wanted one, as the source of
    an amendments document to be written at `output_path` (its `amends:` is relative to
    it). Before they are returned they are carried out, and must give the wanted text.

    Raises `DrafterError` when either version has errors.
    """
    filed, wanted = load(filed_path), load(wanted_path)
    computed = compute_amendments(filed, wanted)
    output_path = Path(output_path)
    amends = os.path.relpath(Path(filed_path).resolve(), output_path.resolve().parent)
    text = amendments_yaml(
        computed.amendments,
        amends=Path(amends).as_posix(),
        doc=doc or next_doc(filed.doc),
        filed=filed_on or datetime.date.today(),
        sponsors=filed.sponsors,
        footnotes=computed.footnotes,
        header_comment=f"Amendments to DOC {filed.legislature} {filed.doc}, computed by "
        f"`drafter amend` from {Path(wanted_path).name}.",
    )
    if computed.amendments:
        _prove(text, output_path, filed_path, wanted)
    return Computed(text, len(computed.amendments), computed.notes)


def _prove(text: str, output_path: Path, filed_path: str | Path, wanted: Resolution) -> None:
    """Carry the amendments out as `drafter apply` will, and compare with `wanted`."""
    diagnostics = DiagnosticList(str(output_path))
    amendments = load_text(text, str(output_path), diagnostics, filed_path)
    if not isinstance(amendments, Amendments):
        raise AmendmentsDoNotProve("; ".join(d.format() for d in diagnostics.sorted()))
    resolve_amendments(amendments, diagnostics)
    amended = apply_amendments(amendments, diagnostics)
    if amended is None:
        raise AmendmentsDoNotProve("; ".join(d.format() for d in diagnostics.sorted()))
    found = _differences(adopted_text(amended), adopted_text(wanted))
    if found:
        raise AmendmentsDoNotProve("\n".join(found))


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
    return _differences(adopted_text(amended), adopted_text(wanted))


def _differences(ours: list[tuple[str, str, str]], theirs: list[tuple[str, str, str]]) -> list[str]:
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
