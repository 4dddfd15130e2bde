"""Layout plan of an amendments document: a resolved `Amendments` in, a plan out.

The plan is the resolution's kind of plan (`document/plan.py`), so both writers render it
as they render a resolution: the cover, then each amendment in reading order:

- its heading ("Nr. 1 VAN DE HEER COGOLATI c.s." / "N° 1 DE M. COGOLATI ET CONSORTS"),
- the block it amends, as the filed text labels it ("Considerans C" / "Considérant C"), as
  amendments to a bill name their article ("Art. 2"),
- the instruction ("Considerans C vervangen als volgt:"), built here from the words of
  `vocabulary.py`, and the new text quoted with its labels (“C. overwegende …”),
- "VERANTWOORDING" / "JUSTIFICATION", the justification, and the sponsors' signatures.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.document import model, vocabulary
from drafter.document.amendments import Amendment, Amendments, Target
from drafter.document.inline import Inline, Str, plain_text
from drafter.document.plan import Cell, Cover, Metadata, Plan, Row
from drafter.resolve import layout

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def plan_amendments(amendments: Amendments) -> Plan:
    """The layout plan of a resolved amendments document (see `resolve_amendments`)."""
    resolution = _filed(amendments)
    rows: list[Row] = []
    for amendment in amendments.amendments:
        rows += _amendment_rows(amendment, amendments)
    return Plan(
        cover=_cover(amendments, resolution),
        rows=rows,
        footnotes=sorted(
            (note for note in amendments.footnotes.values() if note.number),
            key=lambda note: note.number,
        ),
        columns=list(resolution.columns),
        metadata=_metadata(amendments, resolution),
        kind="amendments",
    )


def _filed(amendments: Amendments) -> model.Resolution:
    if amendments.resolution is None:
        raise ValueError(f"{amendments.path}: the amended resolution is not loaded")
    return amendments.resolution


def _sponsors(amendment: Amendment, amendments: Amendments) -> list[model.Sponsor]:
    return amendment.sponsors or amendments.sponsors


def _pair(kind: str, key: str, texts: dict[str, list[Inline]]) -> Row:
    return Row(kind, Cell(texts["nl"]), Cell(texts["fr"]), key)


def _amendment_rows(amendment: Amendment, amendments: Amendments) -> list[Row]:
    key = f"amendment:{amendment.number}"
    sponsors = _sponsors(amendment, amendments)
    people = [(sponsor.gender, sponsor.family) for sponsor in sponsors]
    rows = [
        _pair(
            "amendment-heading",
            f"{key}/heading",
            {
                language: [Str(vocabulary.amendment_heading(amendment.number, people, language))]
                for language in model.LANGUAGES
            },
        ),
        _pair(
            "amendment-target",
            f"{key}/target",
            {language: [Str(target_heading(amendment, language))] for language in model.LANGUAGES},
        ),
        _pair(
            "instruction",
            f"{key}/instruction",
            {language: instruction(amendment, language) for language in model.LANGUAGES},
        ),
    ]
    for index, texts in enumerate(quotation(amendment), start=1):
        rows.append(_pair("quotation", f"{key}/quotation:{index}", texts))
    words = vocabulary.AMENDMENT_WORDS
    rows.append(
        _pair(
            "justification-heading",
            f"{key}/justification-heading",
            {language: [Str(words[language]["justification"])] for language in model.LANGUAGES},
        )
    )
    rows.append(_pair("paragraph", f"{key}/justification", dict(amendment.justification.inlines)))
    for index, sponsor in enumerate(sponsors, start=1):
        line = [Str(vocabulary.signature(sponsor.given, sponsor.family, sponsor.party))]
        rows.append(Row("sponsor", Cell(line), Cell(list(line)), f"{key}/sponsor:{index}"))
    return rows


def _target(amendment: Amendment) -> Target:
    if amendment.target is None:
        raise ValueError(f"amendment {amendment.number} is not resolved: it has no target")
    return amendment.target


def _label(amendment: Amendment) -> str:
    """The target block's reference label ("C", "c)", "C/1" for an inserted block)."""
    part = amendment.part
    if part is not None and part.reference_label:
        return part.reference_label
    return _target(amendment).label


def _name(language: str, form: str, kind: str, label: str) -> str:
    return vocabulary.TARGET_NAMES[language][form][kind].format(label=label)


def _context(steps: tuple[tuple[str, str], ...], language: str) -> str:
    """The blocks that hold a target, outermost first: "verzoek 4, punt c)"."""
    return ", ".join(_name(language, "context", kind, label) for kind, label in steps)


def target_heading(amendment: Amendment, language: str) -> str:
    """The line under an amendment's heading: "Verzoek 4, punt c)" / "Demande 4, c)";
    an inserted block: "Considerans C/1 (nieuw)" / "Considérant C/1 (nouveau)"."""
    target = _target(amendment)
    names = [_name(language, "heading", kind, label) for kind, label in target.parent]
    form = "new-heading" if amendment.action == "insert" else "heading"
    names.append(_name(language, form, target.kind, _label(amendment)))
    return ", ".join(names)


def _replaces_lead(amendment: Amendment) -> bool:
    """Whether a replacement is of the block's own sentence only: the block has items or
    sub-paragraphs below it, which stay."""
    part = amendment.part
    return part is not None and bool(
        getattr(part, "items", None) or getattr(part, "subparagraphs", None)
    )


def instruction(amendment: Amendment, language: str) -> list[Inline]:
    """The instruction, in one language: "In verzoek 4, punt c) vervangen als volgt:"."""
    target = _target(amendment)
    action = amendment.action
    if action == "replace" and amendment.words is not None:
        change = amendment.words.language(language)
        quoted = {
            "quoted": _quoted(change.inlines.get("quoted", [Str(change.quoted)]), language),
            "new": _quoted(change.inlines.get("new", [Str(change.new_words)]), language),
        }
        context = _context(target.steps, language)
        return _fill(
            vocabulary.FORMULAS[language][f"{change.operation}-words"],
            {"context": context},
            quoted,
        )
    if action == "replace" and _replaces_lead(amendment):
        context_steps, object_name = target.steps, _name(language, "object", "lead", "")
    elif action == "insert":
        context_steps = target.parent
        object_name = _name(language, "new", target.kind, _label(amendment))
    else:
        context_steps = target.parent
        object_name = _name(language, "object", target.kind, _label(amendment))
    formula = f"{action}-in" if context_steps else action
    return _fill(
        vocabulary.FORMULAS[language][formula],
        {"context": _context(context_steps, language), "object": object_name},
        {},
    )


def _quoted(inlines: list[Inline], language: str) -> list[Inline]:
    words = vocabulary.AMENDMENT_WORDS[language]
    return [Str(words["open-quote"]), *inlines, Str(words["close-quote"])]


def _fill(formula: str, strings: dict[str, str], inlines: dict[str, list[Inline]]) -> list[Inline]:
    """A formula with its placeholders filled: names by `strings`, quoted words (which may
    hold emphasis and footnote calls) by `inlines`; the first letter a capital."""
    result: list[Inline] = []
    text = ""
    position = 0
    for match in _PLACEHOLDER.finditer(formula):
        text += formula[position : match.start()]
        name = match.group(1)
        if name in strings:
            text += strings[name]
        else:
            if text:
                result.append(Str(text))
                text = ""
            result += inlines[name]
        position = match.end()
    text += formula[position:]
    if text:
        result.append(Str(text))
    first = result[0]
    if isinstance(first, Str):
        result[0] = Str(first.text[:1].upper() + first.text[1:])
    return result


def _block_texts(block: model.Numbered, with_label: bool = True) -> dict[str, list[Inline]]:
    return {
        language: [
            *([Str(f"{block.label} ")] if with_label and block.label else []),
            *block.text.inlines[language],
        ]
        for language in model.LANGUAGES
    }


def _children(block: model.Numbered) -> list[model.Numbered]:
    """The items and sub-paragraphs of a block (with their own items), in reading order."""
    found: list[model.Numbered] = []
    for item in getattr(block, "items", []):
        found.append(item)
    for subparagraph in getattr(block, "subparagraphs", []):
        found.append(subparagraph)
        found += subparagraph.items
    return found


def _written_children(amendment: Amendment) -> list[model.Numbered]:
    """The items and sub-paragraphs of an inserted block as the amendment holds them, when
    its new block does not (labelled by the resolver all the same)."""
    found: list[model.Numbered] = list(amendment.items)
    for subparagraph in amendment.subparagraphs:
        found.append(subparagraph)
        found += subparagraph.items
    return found


def quotation(amendment: Amendment) -> list[dict[str, list[Inline]]]:
    """The quoted new text, one paragraph per row, each with its label inside the quotation
    marks (“C/1. overwegende …”, “1° …”); none for a deletion or a change of words."""
    action = amendment.action
    if action == "replace" and amendment.text is not None:
        part = amendment.part
        if part is None or _replaces_lead(amendment):  # the title, or a sentence alone
            paragraphs = [dict(amendment.text.inlines)]
        else:
            paragraphs = [
                {
                    language: [Str(f"{part.label} "), *amendment.text.inlines[language]]
                    for language in model.LANGUAGES
                }
            ]
    elif action == "insert" and amendment.part is not None:
        blocks = [amendment.part, *(_children(amendment.part) or _written_children(amendment))]
        paragraphs = [_block_texts(block) for block in blocks]
    else:
        return []
    words = vocabulary.AMENDMENT_WORDS
    for language in model.LANGUAGES:
        paragraphs[0][language] = [Str(words[language]["open-quote"]), *paragraphs[0][language]]
        paragraphs[-1][language] = [*paragraphs[-1][language], Str(words[language]["close-quote"])]
    return paragraphs


def _cover(amendments: Amendments, resolution: model.Resolution) -> Cover:
    """The filed resolution's cover, with this document's number and date, "AMENDEMENTEN"
    under the title, the "Zie:" block, and no sponsors line (each amendment names its own)."""
    words = vocabulary.WORDS
    filed_people = [(sponsor.gender, sponsor.family) for sponsor in resolution.sponsors]
    series = amendments.doc.split("/")[0]
    years = "/".join(str(year) for year in resolution.years)
    first = resolution.doc.split("/")[-1]
    return replace(
        layout.cover(resolution),
        doc_number=f"DOC {resolution.legislature} {amendments.doc}",
        filed={language: vocabulary.long_date(amendments.filed, language) for language in words},
        sponsors=dict.fromkeys(words, ""),
        subtitle={
            language: vocabulary.AMENDMENT_WORDS[language]["amendments"] for language in words
        },
        see={
            language: [
                vocabulary.AMENDMENT_WORDS[language]["see"],
                f"Doc {resolution.legislature} {series}/ ({years}):",
                vocabulary.previous_document(
                    first, words[language]["document-type"], filed_people, language
                ),
            ]
            for language in words
        },
    )


def _metadata(amendments: Amendments, resolution: model.Resolution) -> Metadata:
    titles = [
        f"{vocabulary.AMENDMENT_WORDS[language]['amendments'].capitalize()}: "
        f"{vocabulary.WORDS[language]['document-type'].capitalize()} "
        f"{plain_text(resolution.title.inlines[language])}"
        for language in resolution.columns
    ]
    people = {
        f"{sponsor.given} {sponsor.family}": None
        for amendment in amendments.amendments
        for sponsor in _sponsors(amendment, amendments)
    }
    return Metadata(
        title=" / ".join(titles),
        authors=list(people),
        languages=[f"{language}-BE" for language in resolution.columns],
    )
