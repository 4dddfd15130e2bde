"""Targets of amendments: "request 4, subparagraph c)" read, and found in a resolution.

A target names a block as the filed text labels it, from the outermost block inward. Each
step is a kind and a label; the kinds may be written in English (as the source's keys are),
Dutch or French, and a label with or without its suffix ("c" or "c)", "2" or "2°").
`parse_target` reads one; `find_block` and `siblings` find it in a resolved resolution.
"""

from __future__ import annotations

import difflib

from drafter.document import model, numbering
from drafter.document.amendments import Target
from drafter.document.diagnostics import Position

KINDS: dict[str, str] = {
    "title": "title", "titel": "title", "opschrift": "title", "intitulé": "title",
    "titre": "title",
    "consideration": "consideration", "considerans": "consideration",
    "overweging": "consideration", "considérant": "consideration",
    "request": "request", "verzoek": "request", "demande": "request",
    "subparagraph": "subparagraph", "sub-paragraph": "subparagraph",
    "subparagraaf": "subparagraph", "sous-paragraphe": "subparagraph",
    "item": "item",
}  # fmt: skip

STYLES: dict[str, numbering.Style] = {
    "consideration": numbering.CONSIDERATION,
    "request": numbering.REQUEST,
    "subparagraph": numbering.SUBPARAGRAPH,
    "item": numbering.ITEM,
}

# What each kind of block holds, and where a target may start.
CHILDREN: dict[str, tuple[str, ...]] = {
    "": ("title", "consideration", "request"),
    "consideration": ("item",),
    "request": ("item", "subparagraph"),
    "subparagraph": ("item",),
    "title": (),
    "item": (),
}

Block = model.Consideration | model.Request | model.Subparagraph | model.Item


class TargetProblem(ValueError):
    """A target that cannot be read; the message says why, for the diagnostics."""


def parse_target(text: str, position: Position) -> Target:
    """The steps of a written target, labels in their reference form ("c)", "2°", "C/1")."""
    steps: list[tuple[str, str]] = []
    parent = ""
    for piece in text.split(","):
        words = piece.split(None, 1)
        if not words:
            raise TargetProblem(f"'{text}' has an empty part between commas")
        kind = KINDS.get(words[0].lower())
        if kind is None:
            close = difflib.get_close_matches(words[0].lower(), list(KINDS), n=1, cutoff=0.6)
            hint = (
                f"; did you mean '{close[0]}'?"
                if close
                else (
                    "; write title, consideration, request, subparagraph or item, e.g. "
                    "'request 4, subparagraph c)'"
                )
            )
            raise TargetProblem(f"'{words[0]}' is not a kind of block{hint}")
        if kind not in CHILDREN[parent]:
            where = f"in a {parent}" if parent else "first"
            raise TargetProblem(f"a {kind} cannot stand {where} ('{text}')")
        label = words[1].strip() if len(words) > 1 else ""
        if kind == "title":
            if label:
                raise TargetProblem(f"the title has no label ('{text}')")
            steps.append((kind, ""))
        else:
            style = STYLES[kind]
            fixed = style.parse_fixed(label)
            if fixed is None:
                example = style.reference_label(3)
                hint = (
                    "separate the blocks with a comma, e.g. 'request 4, subparagraph c)'"
                    if " " in label
                    else f"write it as the text shows it, e.g. '{kind} {example}'"
                )
                raise TargetProblem(f"'{label}' is not the label of a {kind}; {hint}")
            steps.append((kind, style.fixed_labels(*fixed)[1]))
        parent = kind
    return Target(tuple(steps), position)


def key(kind: str, label: str) -> tuple[int, int]:
    """A label's place among its siblings: "C" → (3, 0), "C/1" → (3, 1)."""
    return STYLES[kind].parse_fixed(label) or (0, 0)


def siblings(resolution: model.Resolution, target: Target) -> list[Block] | None:
    """The list the target's block is (or would be, once inserted) one of, itself, not a
    copy; None when a block on the way does not exist."""
    blocks: list[Block] | None = None
    parent: Block | None = None
    for depth, (kind, label) in enumerate(target.steps):
        if parent is None:
            blocks = _top_level(resolution, kind)
        else:
            blocks = getattr(parent, "subparagraphs" if kind == "subparagraph" else "items")
        if depth == len(target.steps) - 1:
            return blocks
        parent = next((block for block in blocks or [] if block.reference_label == label), None)
        if parent is None:
            return None
    return blocks


def find_block(resolution: model.Resolution, target: Target) -> Block | None:
    """The block a target names in a resolved resolution, if it exists."""
    blocks = siblings(resolution, target) or []
    return next((block for block in blocks if block.reference_label == target.label), None)


def _top_level(resolution: model.Resolution, kind: str) -> list[Block]:
    """The resolution's own list (not a copy: `apply` inserts into it and removes from it)."""
    if kind == "consideration":
        return resolution.considerations  # type: ignore[return-value]
    if kind == "request":
        return resolution.requests.items  # type: ignore[return-value]
    return []


def within(block: Block) -> list[Block]:
    """A block and every block inside it (items, sub-paragraphs and their items)."""
    blocks: list[Block] = [block, *getattr(block, "items", [])]
    for subparagraph in getattr(block, "subparagraphs", []):
        blocks += [subparagraph, *subparagraph.items]
    return blocks
