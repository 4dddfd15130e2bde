"""The document tree: a resolution as typed Python objects, with source positions.

`drafter.load` builds it from YAML (see `source/loader.py`) and `drafter.resolve` fills in what is
computed: the `label` of every numbered part, the `number` of every footnote and the parsed
`inlines` of every text. Renderers only read this tree; they never number or check anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from drafter.document.diagnostics import Acknowledgment, Position
from drafter.document.inline import Inline

LANGUAGES: tuple[str, str] = ("nl", "fr")


@dataclass
class LanguageText:
    """The text of one language as written in the source, and where it was written."""

    value: str
    position: Position
    # The scalar exactly as it stands in the file (quotes, line breaks, indentation), so a
    # problem found at some offset of `value` can be pointed at in the file.
    source: str = ""


@dataclass
class Text:
    """A text node: the same paragraph in Dutch and in French."""

    nl: LanguageText
    fr: LanguageText
    position: Position
    # Filled by the resolver: the parsed markup of each language.
    inlines: dict[str, list[Inline]] = field(default_factory=dict)

    def language(self, language: str) -> LanguageText:
        return self.nl if language == "nl" else self.fr


@dataclass
class Numbered:
    """A part of the document that gets a computed label and can be referred to by id."""

    text: Text
    position: Position
    id: str | None = None
    # Warnings about this part's own text that the author accepts (`acknowledge:`).
    acknowledge: list[Acknowledgment] = field(default_factory=list)
    # A label the source fixes (`label: C/1`): while amendments are pending, blocks inserted
    # between filed ones are labelled C/1, 4/1, c/1), and filed labels do not shift.
    fixed_label: str = ""
    # Filled by the resolver: "A.", "1.", "a)", "1°" as printed before the text, and the
    # form a cross-reference prints ("A", "1", "a)", "1°").
    label: str = ""
    reference_label: str = ""

    kind = "part"


@dataclass
class Item(Numbered):
    """An enumeration element: 1°, 2°, … (in the memorandum: 1., 2., …)."""

    kind = "item"


@dataclass
class Subparagraph(Numbered):
    """A lettered sub-paragraph of a request: a), b), …"""

    items: list[Item] = field(default_factory=list)
    kind = "subparagraph"


@dataclass
class Consideration(Numbered):
    """A lettered consideration: A., B., …"""

    items: list[Item] = field(default_factory=list)
    kind = "consideration"


@dataclass
class Request(Numbered):
    """A numbered request: 1., 2., …"""

    subparagraphs: list[Subparagraph] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    kind = "request"


@dataclass
class Paragraph:
    """An unnumbered paragraph of the memorandum, with an optional enumeration."""

    text: Text
    position: Position
    items: list[Item] = field(default_factory=list)
    acknowledge: list[Acknowledgment] = field(default_factory=list)


@dataclass
class Section:
    """A numbered section of the memorandum: 1., 2., …"""

    title: Text
    position: Position
    id: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    label: str = ""
    reference_label: str = ""
    # Warnings about the section's title that the author accepts (`acknowledge:`).
    acknowledge: list[Acknowledgment] = field(default_factory=list)
    kind = "section"


@dataclass
class Memorandum:
    """The explanatory memorandum (TOELICHTING / DÉVELOPPEMENTS)."""

    position: Position
    intro: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@dataclass
class Requests:
    """The operative part: its lead ("VERZOEKT DE FEDERALE REGERING") and the requests."""

    lead: Text
    position: Position
    items: list[Request] = field(default_factory=list)


@dataclass
class Sponsor:
    """A member who files the resolution; the first one is the main author."""

    given: str
    family: str
    party: str
    gender: str
    position: Position


@dataclass
class Footnote:
    """A footnote, defined once and called once, in both languages, from the same paragraph."""

    id: str
    text: Text
    position: Position
    # Filled by the resolver: 1..n in the order of the first call in Dutch reading order.
    number: int = 0
    # Set in a redline only (compare): a number unique among the redline's notes, and
    # whether the note is "inserted" or "deleted" as a whole.
    key: int = 0
    change: str = ""
    # Warnings about the footnote's text that the author accepts (`acknowledge:`).
    acknowledge: list[Acknowledgment] = field(default_factory=list)


@dataclass
class Resolution:
    """A whole resolution."""

    path: str
    position: Position
    doc: str
    legislature: int
    session: int
    years: list[int]
    filed: date
    title: Text
    sponsors: list[Sponsor]
    considerations: list[Consideration]
    requests: Requests
    date: date
    memorandum: Memorandum | None = None
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    columns: list[str] = field(default_factory=lambda: list(LANGUAGES))

    def texts(self) -> Iterator[tuple[object, Text]]:
        """Every text of the body, with the part it belongs to, in reading order.

        Footnote texts are not included: they are read where they are called.
        """
        yield self, self.title
        if self.memorandum:
            for paragraph in self.memorandum.intro:
                yield from _paragraph_texts(paragraph)
            for section in self.memorandum.sections:
                yield section, section.title
                for paragraph in section.paragraphs:
                    yield from _paragraph_texts(paragraph)
        for consideration in self.considerations:
            yield consideration, consideration.text
            for item in consideration.items:
                yield item, item.text
        yield self.requests, self.requests.lead
        for request in self.requests.items:
            yield request, request.text
            for item in request.items:
                yield item, item.text
            for subparagraph in request.subparagraphs:
                yield subparagraph, subparagraph.text
                for item in subparagraph.items:
                    yield item, item.text

    def all_texts(self) -> Iterator[tuple[object, Text]]:
        """`texts()` followed by the footnote texts."""
        yield from self.texts()
        for footnote in self.footnotes.values():
            yield footnote, footnote.text

    def numbered_parts(self) -> Iterator[Numbered | Section]:
        """Every part that has an id and a label, in reading order."""
        if self.memorandum:
            for paragraph in self.memorandum.intro:
                yield from paragraph.items
            for section in self.memorandum.sections:
                yield section
                for paragraph in section.paragraphs:
                    yield from paragraph.items
        for consideration in self.considerations:
            yield consideration
            yield from consideration.items
        for request in self.requests.items:
            yield request
            yield from request.items
            for subparagraph in request.subparagraphs:
                yield subparagraph
                yield from subparagraph.items


def _paragraph_texts(paragraph: Paragraph) -> Iterator[tuple[object, Text]]:
    yield paragraph, paragraph.text
    for item in paragraph.items:
        yield item, item.text


# The parts that may carry `acknowledge:`; each one covers the warnings about its own text
# (a section: its title), not those of the parts it contains.
AcknowledgingPart = Numbered | Paragraph | Section | Footnote


def locate(text: LanguageText, offset: int, length: int = 1) -> Position:
    """The file position of `text.value[offset:offset + length]`.

    The value a YAML scalar yields differs from what stands in the file (folded lines,
    indentation, quotes), so the fragment is looked up in the scalar's source by its words;
    when that fails, the scalar's own position is the best answer.
    """
    value, source = text.value, text.source
    fragment = value[offset : offset + length].strip()
    if not source or not fragment:
        return text.position
    pattern = re.compile(r"\s+".join(re.escape(word) for word in fragment.split()))
    occurrence = sum(1 for match in pattern.finditer(value) if match.start() < offset)
    matches = list(pattern.finditer(source))
    if occurrence >= len(matches):
        return text.position
    start = matches[occurrence].start()
    line_break = source.rfind("\n", 0, start)
    if line_break == -1:
        return Position(text.position.path, text.position.line, text.position.column + start)
    line = text.position.line + source.count("\n", 0, start)
    return Position(text.position.path, line, start - line_break)
