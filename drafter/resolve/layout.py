"""Layout plan: a resolved `Resolution` in, what a reader sees, in reading order, out.

Both writers (HTML → PDF, and DOCX) walk this plan, so they show the same parts, in the same
order, with the same fixed words; they only decide how things look. Each row pairs the Dutch
and the French version of one paragraph, which the two-column layout keeps side by side.
"""

from __future__ import annotations

from drafter.document import model, numbering, vocabulary
from drafter.document.inline import Str, plain_text
from drafter.document.plan import Cell, Cover, Metadata, Plan, Row


def _fixed(kind: str, word: str, key: str) -> Row:
    words = vocabulary.WORDS
    return Row(kind, Cell([Str(words["nl"][word])]), Cell([Str(words["fr"][word])]), key)


def _text_row(
    kind: str,
    text: model.Text,
    key: str,
    label: str = "",
    style: numbering.Style | None = None,
    list_key: str = "",
) -> Row:
    return Row(
        kind,
        Cell(text.inlines["nl"], label),
        Cell(text.inlines["fr"], label),
        key,
        style,
        list_key,
    )


def _items(
    parent_key: str, items: list[model.Item], kind: str, style: numbering.Style
) -> list[Row]:
    list_key = f"{parent_key}/items"
    return [
        _text_row(
            kind,
            item.text,
            f"{parent_key}/item:{item.id or index}",
            item.label,
            style,
            list_key,
        )
        for index, item in enumerate(items, start=1)
    ]


def _paragraph_rows(paragraphs: list[model.Paragraph], parent_key: str) -> list[Row]:
    rows: list[Row] = []
    for index, paragraph in enumerate(paragraphs, start=1):
        key = f"{parent_key}/paragraph:{index}"
        rows.append(_text_row("paragraph", paragraph.text, key))
        rows += _items(key, paragraph.items, "memorandum-item", numbering.MEMORANDUM_ITEM)
    return rows


def plan(resolution: model.Resolution) -> Plan:
    """The layout plan of a resolved resolution."""
    rows: list[Row] = []
    if resolution.memorandum:
        memorandum = resolution.memorandum
        rows.append(_fixed("part-heading", "memorandum", "heading:memorandum"))
        rows.append(_fixed("salutation", "salutation", "heading:salutation"))
        rows += _paragraph_rows(memorandum.intro, "intro")
        for section in memorandum.sections:
            key = f"section:{section.id}"
            rows.append(
                _text_row(
                    "section-title",
                    section.title,
                    key,
                    section.label,
                    numbering.SECTION,
                    "sections",
                )
            )
            rows += _paragraph_rows(section.paragraphs, key)
        for sponsor in resolution.sponsors:
            line = [Str(vocabulary.signature(sponsor.given, sponsor.family, sponsor.party))]
            rows.append(
                Row("sponsor", Cell(line), Cell(line), f"sponsor:{sponsor.given} {sponsor.family}")
            )
    rows.append(_fixed("part-heading", "resolution-heading", "heading:resolution"))
    rows.append(_fixed("enacting", "enacting", "heading:enacting"))
    for consideration in resolution.considerations:
        key = f"consideration:{consideration.id}"
        rows.append(
            _text_row(
                "consideration",
                consideration.text,
                key,
                consideration.label,
                numbering.CONSIDERATION,
                "considerations",
            )
        )
        rows += _items(key, consideration.items, "item", numbering.ITEM)
    lead = resolution.requests.lead
    rows.append(
        Row(
            "request-lead",
            Cell([*lead.inlines["nl"], Str(":")]),
            Cell([*lead.inlines["fr"], Str(":")]),
            "requests:lead",
        )
    )
    for request in resolution.requests.items:
        key = f"request:{request.id}"
        rows.append(
            _text_row("request", request.text, key, request.label, numbering.REQUEST, "requests")
        )
        rows += _items(key, request.items, "item", numbering.ITEM)
        for subparagraph in request.subparagraphs:
            sub_key = f"subparagraph:{subparagraph.id}"
            rows.append(
                _text_row(
                    "subparagraph",
                    subparagraph.text,
                    sub_key,
                    subparagraph.label,
                    numbering.SUBPARAGRAPH,
                    f"{key}/subparagraphs",
                )
            )
            rows += _items(sub_key, subparagraph.items, "item", numbering.ITEM)
    rows.append(
        Row(
            "date",
            Cell([Str(vocabulary.long_date(resolution.date, "nl"))]),
            Cell([Str(vocabulary.long_date(resolution.date, "fr"))]),
            "date",
        )
    )
    return Plan(
        cover=cover(resolution),
        rows=rows,
        footnotes=[note for note in resolution.footnotes.values() if note.number],
        columns=list(resolution.columns),
        metadata=_metadata(resolution),
    )


def _full_name(sponsor: model.Sponsor) -> str:
    return f"{sponsor.given} {sponsor.family}"


def cover(resolution: model.Resolution) -> Cover:
    """A resolution's cover page, header and footer."""
    people = [(sponsor.gender, _full_name(sponsor)) for sponsor in resolution.sponsors]
    words = vocabulary.WORDS
    return Cover(
        doc_number=f"DOC {resolution.legislature} {resolution.doc}",
        chamber={language: words[language]["chamber"] for language in words},
        filed={language: vocabulary.long_date(resolution.filed, language) for language in words},
        document_type={language: words[language]["document-type"] for language in words},
        title={language: resolution.title.inlines[language] for language in words},
        sponsors={language: vocabulary.sponsors_line(people, language) for language in words},
        session={
            language: vocabulary.session_line(
                resolution.legislature, resolution.session, resolution.years, language
            )
            for language in words
        },
    )


def _metadata(resolution: model.Resolution) -> Metadata:
    titles = [
        f"{vocabulary.WORDS[language]['document-type'].capitalize()} "
        f"{plain_text(resolution.title.inlines[language])}"
        for language in resolution.columns
    ]
    return Metadata(
        title=" / ".join(titles),
        authors=[_full_name(sponsor) for sponsor in resolution.sponsors],
        languages=[f"{language}-BE" for language in resolution.columns],
    )
