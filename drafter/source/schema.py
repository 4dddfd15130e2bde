"""The source format, written down once as data.

The loader (`builder.py`) validates YAML against these declarations and builds the model
classes they name; `json_schema()` turns the same declarations into a JSON Schema for editors.
So the format has one definition, and the checker and the editor can never disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from drafter.document import amendments, codes, model

ID_REGEX = "^[a-z0-9]+(-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Scalar:
    """A single value: `string`, `integer`, `date`, `id`, one of `choices`, or `code` (a
    diagnostic code that can be acknowledged). `hint` says what to write when the value
    is missing or empty."""

    kind: str
    description: str = ""
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    hint: str = ""


@dataclass(frozen=True)
class TextSpec:
    """A mapping with the keys `nl` and `fr`, each a string with inline markup; with
    `may_be_empty`, "" is read as "not written yet" and left for the checker."""

    description: str = ""
    may_be_empty: bool = False


@dataclass(frozen=True)
class ListOf:
    item: Spec
    description: str = ""
    min_items: int = 0
    exact_items: int | None = None


@dataclass(frozen=True)
class MapOf:
    """A mapping from ids to records (footnotes)."""

    value: Record
    description: str = ""


@dataclass(frozen=True)
class Field:
    spec: Spec
    required: bool = True
    description: str = ""
    # The model attribute the value goes into, when it is not named like the key
    # (`label:` is the label the source fixes; `label` in the model is the computed one).
    attribute: str = ""


@dataclass(frozen=True)
class Record:
    """A mapping with fixed keys, built into `builds` (a model class).

    `has_text` records carry their own `nl` and `fr` keys (a consideration is a text with an
    id and items); they become the model's `text` attribute.
    """

    name: str  # as a reader says it: "a consideration"
    builds: type
    fields: dict[str, Field] = field(default_factory=dict)
    has_text: bool = False
    description: str = ""

    @property
    def keys(self) -> list[str]:
        return (["nl", "fr"] if self.has_text else []) + list(self.fields)


Spec = Scalar | TextSpec | ListOf | MapOf | Record

ID = Scalar("id", "Lowercase letters, digits and hyphens; unique in the file.")
TEXT = TextSpec()

ACKNOWLEDGMENT = Record(
    "an acknowledgment",
    model.Acknowledgment,
    {
        "code": Field(
            Scalar("code"),
            description="The code of the warning, as `check` prints it: warning[parity-url].",
        ),
        "reason": Field(
            Scalar(
                "string",
                hint="say why the warning is right to keep, e.g. what the filed document has",
            ),
            description="Why the warning is accepted: what the filed document has.",
        ),
    },
    description="A warning about this part that is known and meant, and why.",
)
ACKNOWLEDGE = Field(
    ListOf(ACKNOWLEDGMENT),
    required=False,
    description="Warnings about this part's own text that are accepted on purpose, each "
    "with its reason; `check --strict` and `build --strict` then let them pass.",
)

LABEL = Field(
    Scalar("string"),
    required=False,
    attribute="fixed_label",
    description="A fixed label, for blocks inserted by amendments while the filed labels "
    "must not shift: C/1 (after consideration C), 4/1, c/1), 2°/1; 0/1 before the first. "
    "Labels are otherwise computed; `build --renumber` ignores fixed ones.",
)

ITEM = Record(
    "an item",
    model.Item,
    {"id": Field(ID, required=False), "label": LABEL, "acknowledge": ACKNOWLEDGE},
    has_text=True,
    description="An enumeration element, numbered 1°, 2°, … (1., 2., … in the memorandum).",
)
ITEMS = Field(ListOf(ITEM), required=False, description="An enumeration: 1°, 2°, …")

PARAGRAPH = Record(
    "a paragraph",
    model.Paragraph,
    {
        "items": Field(ListOf(ITEM), required=False, description="A list numbered 1., 2., …"),
        "acknowledge": ACKNOWLEDGE,
    },
    has_text=True,
    description="A paragraph of the memorandum.",
)

SECTION = Record(
    "a section",
    model.Section,
    {
        "id": Field(ID),
        "title": Field(TEXT),
        "paragraphs": Field(ListOf(PARAGRAPH), required=False),
        "acknowledge": ACKNOWLEDGE,
    },
    description="A numbered section of the memorandum: 1., 2., …",
)

MEMORANDUM = Record(
    "the memorandum",
    model.Memorandum,
    {
        "intro": Field(ListOf(PARAGRAPH), required=False, description="Paragraphs before 1."),
        "sections": Field(ListOf(SECTION), required=False),
    },
    description="TOELICHTING / DÉVELOPPEMENTS.",
)

SUBPARAGRAPH = Record(
    "a sub-paragraph",
    model.Subparagraph,
    {"id": Field(ID), "label": LABEL, "items": ITEMS, "acknowledge": ACKNOWLEDGE},
    has_text=True,
    description="A sub-paragraph of a request, lettered a), b), …",
)

CONSIDERATION = Record(
    "a consideration",
    model.Consideration,
    {"id": Field(ID), "label": LABEL, "items": ITEMS, "acknowledge": ACKNOWLEDGE},
    has_text=True,
    description="A consideration, lettered A., B., …",
)

REQUEST = Record(
    "a request",
    model.Request,
    {
        "id": Field(ID),
        "label": LABEL,
        "subparagraphs": Field(ListOf(SUBPARAGRAPH), required=False),
        "items": ITEMS,
        "acknowledge": ACKNOWLEDGE,
    },
    has_text=True,
    description="A request, numbered 1., 2., …",
)

REQUESTS = Record(
    "the requests",
    model.Requests,
    {
        "lead": Field(TEXT, description="VERZOEKT DE FEDERALE REGERING (without the colon)."),
        "items": Field(ListOf(REQUEST, min_items=1)),
    },
)

SPONSOR = Record(
    "a sponsor",
    model.Sponsor,
    {
        "given": Field(Scalar("string"), description="Given name: Samuel"),
        "family": Field(Scalar("string"), description="Family name: Cogolati, de Laveleye"),
        "party": Field(Scalar("string"), description="Party: Ecolo-Groen"),
        "gender": Field(
            Scalar("choice", choices=("m", "f")),
            description="m: de heer / M.; f: mevrouw / Mme",
        ),
    },
)

FOOTNOTE = Record(
    "a footnote",
    model.Footnote,
    {"acknowledge": ACKNOWLEDGE},
    has_text=True,
    description="A footnote, called with [^id] in both languages of one paragraph.",
)

RESOLUTION = Record(
    "the resolution",
    model.Resolution,
    {
        "doc": Field(Scalar("string"), description='Document number: "1780/001"'),
        "legislature": Field(Scalar("integer", minimum=1), description="55"),
        "session": Field(
            Scalar("integer", minimum=1),
            description="3: the 3e zitting / 3e session (the extraordinary one is the 1st)",
        ),
        "years": Field(
            ListOf(Scalar("integer", minimum=1831), exact_items=2),
            description="The session's years: [2020, 2021]",
        ),
        "filed": Field(Scalar("date"), description="Filing date on the cover: 2021-01-25"),
        "title": Field(TEXT, description="The title, after 'voorstel van resolutie'."),
        "sponsors": Field(ListOf(SPONSOR, min_items=1)),
        "columns": Field(
            ListOf(Scalar("choice", choices=model.LANGUAGES), exact_items=2),
            required=False,
            description="Which language stands in the left column: [nl, fr] or [fr, nl].",
        ),
        "memorandum": Field(MEMORANDUM, required=False),
        "considerations": Field(ListOf(CONSIDERATION, min_items=1)),
        "requests": Field(REQUESTS),
        "footnotes": Field(MapOf(FOOTNOTE), required=False),
        "date": Field(Scalar("date"), description="The closing date line: 2021-01-18"),
    },
)


TARGET = Scalar(
    "string",
    description="A block as the filed text labels it: title, consideration C, "
    "consideration C, item 2°, request 4, request 4, subparagraph c), …",
    hint="name the block, e.g. request 4 or request 4, subparagraph c)",
)
WORDS_TEXT = Scalar("string", hint="write the words, as they stand in the text")
WORD_CHANGE = Record(
    "a word change",
    amendments.WordChange,
    {
        name: Field(WORDS_TEXT, required=False, description=description)
        for name, description in (
            ("replace", "The words to replace, quoted from the block (they must occur once)."),
            ("by", "The words that replace them."),
            ("delete", "The words to leave out (they must occur once)."),
            ("after", "The words after which new words are inserted (they must occur once)."),
            ("insert", "The words inserted after them."),
        )
    },
    description="replace + by, delete, or after + insert.",
)
WORDS = Record(
    "the word changes",
    amendments.Words,
    {"nl": Field(WORD_CHANGE), "fr": Field(WORD_CHANGE)},
    description="The words changed in the block, in both languages.",
)

AMENDMENT = Record(
    "an amendment",
    amendments.Amendment,
    {
        "replace": Field(TARGET, required=False, description="Replace this block's text."),
        "insert": Field(
            TARGET,
            required=False,
            description="Insert a block with this label: consideration C/1 comes after C.",
        ),
        "delete": Field(TARGET, required=False, description="Leave this block out."),
        "text": Field(
            TEXT, required=False, description="The new text (replace, insert): its own text."
        ),
        "words": Field(WORDS, required=False, description="Or: the words to change (replace)."),
        "id": Field(ID, required=False, description="The inserted block's id."),
        "items": ITEMS,
        "subparagraphs": Field(
            ListOf(SUBPARAGRAPH), required=False, description="An inserted request's a), b), …"
        ),
        "sponsors": Field(
            ListOf(SPONSOR, min_items=1),
            required=False,
            description="Who files this amendment, if not the document's sponsors.",
        ),
        "justification": Field(
            TextSpec(may_be_empty=True),
            description="VERANTWOORDING / JUSTIFICATION: why, in both languages.",
        ),
    },
    description="One amendment: replace, insert or delete one block of the filed text.",
)

AMENDMENTS = Record(
    "the amendments",
    amendments.Amendments,
    {
        "amends": Field(
            Scalar("string"),
            description="The filed resolution's source file, relative to this file.",
        ),
        "doc": Field(Scalar("string"), description='This document\'s number: "1780/002"'),
        "filed": Field(Scalar("date"), description="The date on the cover: 2021-03-03"),
        "sponsors": Field(ListOf(SPONSOR, min_items=1)),
        "first-number": Field(
            Scalar("integer", minimum=1),
            required=False,
            attribute="first_number",
            description="The first amendment's number (6 when an earlier document holds 1 to 5).",
        ),
        "amendments": Field(ListOf(AMENDMENT, min_items=1)),
        "footnotes": Field(MapOf(FOOTNOTE), required=False),
    },
)


def json_schema(root: Record = RESOLUTION) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the source format: of a resolution, or with
    `root=AMENDMENTS` of an amendments source."""
    definitions: dict[str, Any] = {}

    def text_schema() -> dict[str, Any]:
        definitions.setdefault(
            "text",
            {
                "type": "object",
                "description": "The same text in Dutch (nl) and French (fr).",
                "properties": {
                    "nl": {"type": "string", "description": "Dutch"},
                    "fr": {"type": "string", "description": "French"},
                },
                "required": ["nl", "fr"],
                "additionalProperties": False,
            },
        )
        return {"$ref": "#/$defs/text"}

    def convert(spec: Spec, description: str = "") -> dict[str, Any]:
        result: dict[str, Any]
        if isinstance(spec, Scalar):
            result = _scalar_schema(spec)
        elif isinstance(spec, TextSpec):
            result = text_schema()
        elif isinstance(spec, ListOf):
            result = {"type": "array", "items": convert(spec.item)}
            if spec.exact_items is not None:
                result["minItems"] = result["maxItems"] = spec.exact_items
            elif spec.min_items:
                result["minItems"] = spec.min_items
        elif isinstance(spec, MapOf):
            result = {
                "type": "object",
                "propertyNames": {"pattern": ID_REGEX},
                "additionalProperties": convert(spec.value),
            }
        else:
            result = record_schema(spec)
        if description or getattr(spec, "description", ""):
            result = {**result, "description": description or spec.description}
        return result

    def record_schema(record: Record) -> dict[str, Any]:
        key = record.builds.__name__.lower()
        if key not in definitions and record is not root:
            definitions[key] = {}  # placeholder against recursion
            definitions[key] = record_body(record)
        return {"$ref": f"#/$defs/{key}"}

    def record_body(record: Record) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        if record.has_text:
            properties["nl"] = {"type": "string", "description": "Dutch"}
            properties["fr"] = {"type": "string", "description": "French"}
            required += ["nl", "fr"]
        for name, spec_field in record.fields.items():
            properties[name] = convert(spec_field.spec, spec_field.description)
            if spec_field.required:
                required.append(name)
        body: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        if record.description:
            body["description"] = record.description
        return body

    body = record_body(root)
    name, description = (
        ("amendments", "Amendments to a filed resolution of the Belgian Chamber, NL and FR.")
        if root is AMENDMENTS
        else ("resolution", "A resolution of the Belgian Chamber of Representatives, NL and FR.")
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://drafter.invalid/{name}.schema.json",
        "title": f"drafter {name}",
        "description": description,
        **body,
        "$defs": definitions,
    }


def _scalar_schema(spec: Scalar) -> dict[str, Any]:
    if spec.kind == "integer":
        result: dict[str, Any] = {"type": "integer"}
        if spec.minimum is not None:
            result["minimum"] = spec.minimum
        return result
    if spec.kind == "date":
        return {"type": "string", "format": "date"}
    if spec.kind == "id":
        return {"type": "string", "pattern": ID_REGEX}
    if spec.kind == "choice":
        return {"enum": list(spec.choices)}
    if spec.kind == "code":
        # One entry per code, so that editors offer each with what it means.
        return {
            "oneOf": [
                {"const": name, "description": codes.CODES[name].meaning}
                for name in codes.ACKNOWLEDGEABLE
            ]
        }
    return {"type": "string", "minLength": 1}


def json_schema_text(root: Record = RESOLUTION) -> str:
    return json.dumps(json_schema(root), ensure_ascii=False, indent=2) + "\n"
