"""Resolve an amendments document: loaded amendments in, the same numbered and placed out.

The filed resolution is resolved first (its labels are what targets name). Then each
amendment gets its number (Nr. 1, 2, … from `first-number`), its target read and found:
`part` is the filed block for "replace" and "delete", and for "insert" a new block of the
right kind labelled as the target says (C/1.), its own items and sub-paragraphs labelled
1°, a), …. Every text is parsed; cross-references are labelled as in the amended text, and
footnotes are numbered 1..n in the amendments document's own reading order. Problems with
targets are the checker's business (`check/amendments.py`); resolving never fails on them.
"""

from __future__ import annotations

from drafter.document import model, numbering
from drafter.document.amendments import Amendment, Amendments
from drafter.document.diagnostics import DiagnosticList
from drafter.document.inline import Inline, Str
from drafter.resolve import targets
from drafter.resolve.resolver import (
    calls,
    label_parts,
    parse_text,
    parts_by_id,
    references,
    resolve,
)
from drafter.source import markup


def resolve_amendments(amendments: Amendments, diagnostics: DiagnosticList) -> Amendments:
    resolution = amendments.resolution
    if resolution is None:
        return amendments
    resolve(resolution, diagnostics)
    for index, amendment in enumerate(amendments.amendments):
        amendment.number = amendments.first_number + index
        amendment.target, amendment.part = _placed(amendment, resolution)
    for _, text in amendments.texts():
        parse_text(text, diagnostics)
    for amendment in amendments.amendments:
        if amendment.words is not None:
            for language in model.LANGUAGES:
                change = amendment.words.language(language)
                change.inlines = {
                    "quoted": _parsed_words(change.quoted),
                    "new": _parsed_words(change.new_words),
                }
    _number_footnotes(amendments, resolution)
    _label_references(amendments, resolution)
    return amendments


def _placed(
    amendment: Amendment, resolution: model.Resolution
) -> tuple[targets.Target | None, targets.Block | None]:
    """The amendment's target, and the block it names (a new one for an insertion)."""
    try:
        target = targets.parse_target(amendment.written_target, amendment.position)
    except targets.TargetProblem:
        return None, None
    if amendment.action != "insert":
        return target, targets.find_block(resolution, target)
    if target.kind == "title":
        return target, None
    block = new_block(amendment, target.kind)
    style = targets.STYLES[target.kind]
    block.label, block.reference_label = style.fixed_labels(*targets.key(*target.steps[-1]))
    return target, block


def new_block(amendment: Amendment, kind: str) -> targets.Block:
    """The block an insertion adds, made from the amendment (its text, id, items and
    sub-paragraphs), with its inner lists labelled."""
    text = amendment.text or model.Text(
        model.LanguageText("", amendment.position),
        model.LanguageText("", amendment.position),
        amendment.position,
    )
    block: targets.Block
    if kind == "consideration":
        block = model.Consideration(text, amendment.position, amendment.id, items=amendment.items)
    elif kind == "request":
        block = model.Request(
            text,
            amendment.position,
            amendment.id,
            items=amendment.items,
            subparagraphs=amendment.subparagraphs,
        )
    elif kind == "subparagraph":
        block = model.Subparagraph(text, amendment.position, amendment.id, items=amendment.items)
    else:
        block = model.Item(text, amendment.position, amendment.id)
    label_parts(getattr(block, "items", []), numbering.ITEM)
    label_parts(getattr(block, "subparagraphs", []), numbering.SUBPARAGRAPH)
    for subparagraph in getattr(block, "subparagraphs", []):
        label_parts(subparagraph.items, numbering.ITEM)
    return block


def _parsed_words(words: str) -> list[Inline]:
    # Quoted words are a piece of a text: markup cut in two there is shown as written.
    inlines, problems = markup.parse(words)
    return inlines if not problems else [Str(words)]


def _body_texts(amendments: Amendments) -> list[model.Text]:
    return [text for owner, text in amendments.texts() if not isinstance(owner, model.Footnote)]


def _number_footnotes(amendments: Amendments, resolution: model.Resolution) -> None:
    """Footnotes 1..n by their first call in the amendments; a call to a footnote of the
    filed resolution shows that footnote's text again, as the quoted block has it."""
    numbers: dict[str, int] = {}
    for text in _body_texts(amendments):
        for call in calls(text, "nl"):
            known = call.id in amendments.footnotes or call.id in resolution.footnotes
            if known and call.id not in numbers:
                numbers[call.id] = len(numbers) + 1
    for identifier in numbers:
        if identifier not in amendments.footnotes:
            filed = resolution.footnotes[identifier]
            amendments.footnotes[identifier] = model.Footnote(
                identifier, filed.text, filed.position
            )
    for identifier, footnote in amendments.footnotes.items():
        footnote.number = numbers.get(identifier, 0)
    for text in _body_texts(amendments):
        for language in model.LANGUAGES:
            for call in calls(text, language):
                call.number = numbers.get(call.id, 0)
    amendments.footnotes = dict(
        sorted(amendments.footnotes.items(), key=lambda entry: entry[1].number or len(numbers) + 1)
    )


def _label_references(amendments: Amendments, resolution: model.Resolution) -> None:
    """`[@id]` prints the label its target has in the amended text: a filed block's label,
    or an inserted block's (C/1)."""
    found: dict[str, model.Numbered | model.Section] = dict(parts_by_id(resolution))
    for amendment in amendments.amendments:
        if amendment.action == "insert" and amendment.part is not None:
            for part in targets.within(amendment.part):
                if part.id is not None:
                    found.setdefault(part.id, part)
    for _, text in amendments.texts():
        for language in model.LANGUAGES:
            for reference in references(text, language):
                target = found.get(reference.id)
                reference.label = target.reference_label if target else ""
