"""Acknowledgments: the warnings an author accepts on purpose, each with a reason.

A part of the document (a paragraph, consideration, request, sub-paragraph, item, section
or footnote) may carry `acknowledge:` entries, each a warning code and a reason. After the
checks, a warning about that part's own text (a section's: its title) whose code an entry
names is marked as acknowledged by that entry: it no longer counts as a warning, for
`check --strict` or `build`, but is still listed by `check --show-acknowledged` and in the
JSON. As ruff reports a `# noqa` that silences nothing, an entry that marks no warning is
itself a warning (`unused-acknowledgment`), so that acknowledgments do not outlive the
difference they were written for. There is no file-wide switch: an entry covers one part.
"""

from __future__ import annotations

from drafter.document import model
from drafter.document.codes import UNUSED_ACKNOWLEDGMENT
from drafter.document.diagnostics import Acknowledgment, DiagnosticList, Position


def apply(resolution: model.Resolution, diagnostics: DiagnosticList) -> None:
    """Mark the warnings in `diagnostics` that the parts of `resolution` acknowledge, and add
    an `unused-acknowledgment` warning for each entry that marks none."""
    by_subject = _acknowledgments_by_subject(resolution)
    used: set[Acknowledgment] = set()
    for index, diagnostic in enumerate(diagnostics.items):
        if diagnostic.severity != "warning" or diagnostic.subject is None:
            continue
        for entry in by_subject.get(diagnostic.subject, []):
            if entry.code == diagnostic.code:
                diagnostics.items[index] = diagnostic.acknowledged_by(entry)
                used.add(entry)
                break
    for entries in by_subject.values():
        first_of_code: dict[str, Acknowledgment] = {}
        for entry in entries:
            first = first_of_code.setdefault(entry.code, entry)
            if entry in used:
                continue
            if first is not entry:
                message = (
                    f"'{entry.code}' is already acknowledged on line {first.position.line}, "
                    "which covers every such warning of this part; remove this one"
                )
            else:
                message = (
                    f"this part has no '{entry.code}' warning to acknowledge (it was fixed, "
                    "or the warning is about another part); remove this acknowledgment"
                )
            diagnostics.warning(UNUSED_ACKNOWLEDGMENT, entry.position, message, subject=None)


def _acknowledgments_by_subject(
    resolution: model.Resolution,
) -> dict[Position, list[Acknowledgment]]:
    """Each part's acknowledgments, under the position of the text they cover (the
    `subject` of the warnings about that text)."""
    by_subject: dict[Position, list[Acknowledgment]] = {}
    for owner, text in resolution.all_texts():
        if isinstance(owner, model.AcknowledgingPart) and owner.acknowledge:
            by_subject[text.position] = owner.acknowledge
    return by_subject
