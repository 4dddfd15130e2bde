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


def resolve(resolution: model.Resolution, diagnostics: DiagnosticList) -> model.Resolution:
    _number_parts(resolution)
    _parse_texts(resolution, diagnostics)
    _number_footnotes(resolution)
    _label_references(resolution)
    return resolution


def _label(parts: list[model.Numbered] | list[model.Section], style: numbering.Style) -> None:
    for number, part in enumerate(parts, start=1):
        part.label = style.label(number)
        part.reference_label = style.reference_label(number)


def _number_parts(resolution: model.Resolution) -> None:
    if resolution.memorandum:
        _label(resolution.memorandum.sections, numbering.SECTION)
        paragraphs = list(resolution.memorandum.intro)
        for section in resolution.memorandum.sections:
            paragraphs.extend(section.paragraphs)
        for paragraph in paragraphs:
            _label(paragraph.items, numbering.MEMORANDUM_ITEM)
    _label(resolution.considerations, numbering.CONSIDERATION)
    for consideration in resolution.considerations:
        _label(consideration.items, numbering.ITEM)
    _label(resolution.requests.items, numbering.REQUEST)
    for request in resolution.requests.items:
        _label(request.items, numbering.ITEM)
        _label(request.subparagraphs, numbering.SUBPARAGRAPH)
        for subparagraph in request.subparagraphs:
            _label(subparagraph.items, numbering.ITEM)


def _parse_texts(resolution: model.Resolution, diagnostics: DiagnosticList) -> None:
    for _, text in resolution.all_texts():
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
