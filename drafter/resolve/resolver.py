"""Resolve: a loaded `Resolution` in, the same tree numbered and parsed out.

It computes every label (considerations A.–Z., AA., …; requests and sections 1., 2., …;
sub-paragraphs a)–z), aa), …; items 1°, 2°, …), parses the inline markup of every text,
numbers the footnotes 1..n by their first call in Dutch reading order, and gives every
`[@id]` the label of its target. Markup that cannot be parsed is reported; everything else
that can be wrong is the checker's business, and resolving never fails because of it.
"""

from __future__ import annotations

from drafter.document import model, numbering
from drafter.document.diagnostics import DiagnosticList
from drafter.document.inline import FootnoteCall, Reference, walk
from drafter.document.model import locate
from drafter.source import markup


def resolve(
    resolution: model.Resolution, diagnostics: DiagnosticList, *, renumber: bool = False
) -> model.Resolution:
    """Number, parse and label `resolution` in place. Labels the source fixes (`label:
    C/1`) are kept, and the parts after them counted on from their base; with `renumber`
    they are not (the text as adopted: A, B, C, … again, references following)."""
    _number_parts(resolution, renumber)
    _parse_texts(resolution, diagnostics)
    _number_footnotes(resolution)
    _label_references(resolution)
    return resolution


def label_parts(
    parts: list[model.Numbered] | list[model.Section],
    style: numbering.Style,
    renumber: bool = False,
) -> None:
    """Label one list of parts: 1, 2, 3, …, where a fixed label (unless `renumber`) sets
    its own label and the count goes on from its base (C, C/1, D). A fixed label that is
    not one of `style` is the checker's to report; its part is counted as if it had none."""
    counter = 0
    for part in parts:
        fixed_label = "" if renumber else getattr(part, "fixed_label", "")
        fixed = style.parse_fixed(fixed_label) if fixed_label else None
        if fixed:
            counter = fixed[0]
            part.label, part.reference_label = style.fixed_labels(*fixed)
        else:
            counter += 1
            part.label = style.label(counter)
            part.reference_label = style.reference_label(counter)


def _number_parts(resolution: model.Resolution, renumber: bool) -> None:
    if resolution.memorandum:
        label_parts(resolution.memorandum.sections, numbering.SECTION)
        paragraphs = list(resolution.memorandum.intro)
        for section in resolution.memorandum.sections:
            paragraphs.extend(section.paragraphs)
        for paragraph in paragraphs:
            label_parts(paragraph.items, numbering.MEMORANDUM_ITEM)
    label_parts(resolution.considerations, numbering.CONSIDERATION, renumber)
    for consideration in resolution.considerations:
        label_parts(consideration.items, numbering.ITEM, renumber)
    label_parts(resolution.requests.items, numbering.REQUEST, renumber)
    for request in resolution.requests.items:
        label_parts(request.items, numbering.ITEM, renumber)
        label_parts(request.subparagraphs, numbering.SUBPARAGRAPH, renumber)
        for subparagraph in request.subparagraphs:
            label_parts(subparagraph.items, numbering.ITEM, renumber)


def _parse_texts(resolution: model.Resolution, diagnostics: DiagnosticList) -> None:
    for _, text in resolution.all_texts():
        parse_text(text, diagnostics)


def parse_text(text: model.Text, diagnostics: DiagnosticList) -> None:
    """Parse the markup of both languages of `text`, reporting what cannot be parsed."""
    for language in model.LANGUAGES:
        source = text.language(language)
        inlines, problems = markup.parse(source.value)
        text.inlines[language] = inlines
        for problem in problems:
            diagnostics.error(
                problem.code, locate(source, problem.offset, problem.length), problem.message
            )


def calls(text: model.Text, language: str) -> list[FootnoteCall]:
    """The footnote calls of one language of a text, in reading order."""
    return [node for node in walk(text.inlines.get(language, [])) if isinstance(node, FootnoteCall)]


def references(text: model.Text, language: str) -> list[Reference]:
    """The cross-references of one language of a text, in reading order."""
    return [node for node in walk(text.inlines.get(language, [])) if isinstance(node, Reference)]


def _number_footnotes(resolution: model.Resolution) -> None:
    numbers: dict[str, int] = {}
    for _, text in resolution.texts():
        for call in calls(text, "nl"):
            if call.id in resolution.footnotes and call.id not in numbers:
                numbers[call.id] = len(numbers) + 1
    for identifier, footnote in resolution.footnotes.items():
        footnote.number = numbers.get(identifier, 0)
    for _, text in resolution.texts():
        for language in model.LANGUAGES:
            for call in calls(text, language):
                call.number = numbers.get(call.id, 0)
    # Footnotes in number order; never-called ones (number 0) last, as written.
    resolution.footnotes = dict(
        sorted(
            resolution.footnotes.items(),
            key=lambda entry: entry[1].number or len(numbers) + 1,
        )
    )


def parts_by_id(resolution: model.Resolution) -> dict[str, model.Numbered | model.Section]:
    """Every part that has an id; the first one wins where an id is used twice."""
    found: dict[str, model.Numbered | model.Section] = {}
    for part in resolution.numbered_parts():
        if part.id is not None:
            found.setdefault(part.id, part)
    return found


def _label_references(resolution: model.Resolution) -> None:
    targets = parts_by_id(resolution)
    for _, text in resolution.all_texts():
        for language in model.LANGUAGES:
            for reference in references(text, language):
                target = targets.get(reference.id)
                reference.label = target.reference_label if target else ""
