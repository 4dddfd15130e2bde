"""The layout plan's types: what a reader sees, in reading order, as rows of paired
paragraphs (Dutch and French side by side), with the cover and the file's metadata.

`resolve/layout.py` makes a plan from a resolved resolution; `compare` makes one that also
carries insertions and deletions; both writers (HTML → PDF, and DOCX) render any plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.document import model, numbering
from drafter.document.inline import Inline

# The rows only an amendments document has (`resolve/amendment_layout.py`), in the order
# each amendment has them; its justification is a "paragraph", its signatures "sponsor"s.
AMENDMENT_ROW_KINDS = (
    "amendment-heading",  # Nr. 1 VAN DE HEER COGOLATI c.s.
    "amendment-target",  # Considerans C / Considérant C
    "instruction",  # Considerans C vervangen als volgt:
    "quotation",  # “C. overwegende …”
    "justification-heading",  # VERANTWOORDING / JUSTIFICATION
)

# The kinds of rows, in the order they may appear (a resolution's, then an amendments').
ROW_KINDS = (
    "part-heading",  # TOELICHTING / DÉVELOPPEMENTS, VOORSTEL VAN RESOLUTIE / …
    "salutation",  # DAMES EN HEREN, / MESDAMES, MESSIEURS,
    "section-title",  # 1. Concentratiekampen
    "paragraph",  # a memorandum paragraph
    "memorandum-item",  # 1. in a memorandum enumeration
    "sponsor",  # Samuel COGOLATI (Ecolo-Groen)
    "enacting",  # DE KAMER VAN VOLKSVERTEGENWOORDIGERS,
    "consideration",  # A. overwegende …
    "item",  # 1° …
    "request-lead",  # VERZOEKT DE FEDERALE REGERING:
    "request",  # 1. …
    "subparagraph",  # a) …
    "date",  # 18 januari 2021
    *AMENDMENT_ROW_KINDS,
)


@dataclass(frozen=True)
class Cell:
    """One language of a row: its label ("A.", "1°", or "") and its inline content."""

    inlines: list[Inline]
    label: str = ""
    # In a redline (compare): the label the row had in the old version, when it differs.
    previous_label: str = ""


@dataclass(frozen=True)
class Row:
    """A pair of paragraphs that stand side by side.

    `key` names the row's source in a way that survives renumbering ("consideration:
    genocide-definition", "section:camps/paragraph:2"), for comparing versions. `list_key`
    names the numbered list the row belongs to, so a writer that numbers natively knows
    where a list starts again (each consideration's items count from 1°).
    """

    kind: str
    nl: Cell
    fr: Cell
    key: str
    style: numbering.Style | None = None
    list_key: str = ""
    # In a redline (compare): "changed", "inserted" or "deleted"; "" when unchanged.
    change: str = ""

    def cell(self, language: str) -> Cell:
        return self.nl if language == "nl" else self.fr


@dataclass(frozen=True)
class Cover:
    """The cover page and the running header and footer, per language where it differs."""

    doc_number: str  # "DOC 55 1780/001"
    chamber: dict[str, str]
    filed: dict[str, str]
    document_type: dict[str, str]
    title: dict[str, list[Inline]]
    sponsors: dict[str, str]  # "" in a language: no sponsors line
    session: dict[str, str]
    # An amendments document: "AMENDEMENTEN" under the title, and the "Zie:" block (the
    # documents before it) at the foot of the cover; empty for a resolution.
    subtitle: dict[str, str] = field(default_factory=dict)
    see: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Metadata:
    title: str  # "VOORSTEL VAN RESOLUTIE over … / PROPOSITION DE RÉSOLUTION relative à …"
    authors: list[str]
    languages: list[str]


@dataclass(frozen=True)
class Plan:
    cover: Cover
    rows: list[Row]
    footnotes: list[model.Footnote]
    columns: list[str]
    metadata: Metadata
    # "resolution" or "amendments" (`resolve/amendment_layout.py`): the HTML writer adds
    # the amendments' stylesheet to the latter.
    kind: str = "resolution"
