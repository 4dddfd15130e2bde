"""Check fixed labels: a resolved resolution in, a diagnostic for every fixed `label:` that
is not a label of its kind, or that repeats or goes back on an earlier one in its list."""

from __future__ import annotations

from drafter.document import model, vocabulary
from drafter.document.diagnostics import DiagnosticList
from drafter.resolve.targets import STYLES, Block


def check_labels(resolution: model.Resolution, diagnostics: DiagnosticList) -> None:
    _check_list(resolution.considerations, "consideration", diagnostics)
    _check_list(resolution.requests.items, "request", diagnostics)
    for block in [*resolution.considerations, *resolution.requests.items]:
        _check_list(block.items, "item", diagnostics)
        subparagraphs = getattr(block, "subparagraphs", [])
        _check_list(subparagraphs, "subparagraph", diagnostics)
        for subparagraph in subparagraphs:
            _check_list(subparagraph.items, "item", diagnostics)


def _check_list(blocks: list[Block], kind: str, diagnostics: DiagnosticList) -> None:
    style = STYLES[kind]
    name = vocabulary.KIND_NAMES[kind]
    previous: tuple[int, int] = (0, 0)
    for block in blocks:
        key = style.parse_fixed(block.reference_label) or previous
        if block.fixed_label and style.parse_fixed(block.fixed_label) is None:
            example = style.fixed_labels(3, 1)[1]
            diagnostics.error(
                "invalid-label",
                block.position,
                f"'{block.fixed_label}' is not the label of a {name}; write it as the text "
                f"prints it, e.g. '{example}'",
            )
        elif block.fixed_label and key <= previous:
            diagnostics.error(
                "invalid-label",
                block.position,
                f"the {name} labelled '{block.reference_label}' comes after "
                f"{style.fixed_labels(*previous)[1] if previous[0] else 'the start'}; labels must "
                "go up: C, C/1, C/2, D",
            )
        previous = max(previous, key)
