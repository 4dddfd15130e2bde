"""An amendments document as a reader sees it: its plan, its PDF (per column), its DOCX
(paragraphs by style, footnotes) and its HTML (user text escaped).

The amendments are built by hand in `tests/amendment_fixture.py`, resolved as
`resolve_amendments` leaves them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from xml.etree import ElementTree

import pdfplumber
import pytest

from drafter.api import load_amendments
from drafter.document import model, vocabulary
from drafter.document.amendments import Amendment, Amendments
from drafter.document.inline import FootnoteCall, plain_text
from drafter.document.plan import AMENDMENT_ROW_KINDS, ROW_KINDS, Plan
from drafter.render.docx.writer import render_amendments_docx
from drafter.render.html.page import A4
from drafter.render.html.pdf import render_amendments_pdf
from drafter.render.html.writer import render_amendments_html, render_html
from drafter.resolve.amendment_layout import instruction, plan_amendments, quotation
from tests.amendment_fixture import HERE, amendment, amendments, filed, item, text, words
from tests.conftest import FIXTURES

POINTS_PER_PIXEL = 72 / 96
MIDDLE = A4.margin_side * 72 / 25.4 + (A4.column_width + A4.column_gap / 2) * POINTS_PER_PIXEL
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# What each amendment of the fixture says, in both languages.
INSTRUCTIONS = [
    ("Considerans B vervangen als volgt:", "Remplacer le considérant B par ce qui suit:"),
    (
        "In verzoek 3, de woorden “de regering” vervangen door de woorden “de Staat”.",
        "Dans la demande 3, remplacer les mots “le gouvernement” par les mots “l'État”.",
    ),
    ("Een considerans C/1 invoegen, luidende:", "Insérer un considérant C/1, rédigé comme suit:"),
    (
        "In verzoek 4, een punt c/1) invoegen, luidende:",
        "Dans la demande 4, insérer un c/1), rédigé comme suit:",
    ),
    ("Verzoek 5 weglaten.", "Supprimer la demande 5."),
    ("Het opschrift vervangen als volgt:", "Remplacer l'intitulé par ce qui suit:"),
    (
        "In verzoek 3, de woorden “onmiddellijk” weglaten.",
        "Dans la demande 3, supprimer les mots “immédiatement”.",
    ),
    (
        "In verzoek 3, na de woorden “te veroordelen” de woorden “krachtig” invoegen.",
        "Dans la demande 3, insérer les mots “fermement” après les mots “condamner”.",
    ),
    (
        "In considerans C, het 2° vervangen als volgt:",
        "Dans le considérant C, remplacer le 2° par ce qui suit:",
    ),
    ("In verzoek 4, punt c) weglaten.", "Dans la demande 4, supprimer le c)."),
    (
        "In verzoek 4, de inleidende zin vervangen als volgt:",
        "Dans la demande 4, remplacer la phrase liminaire par ce qui suit:",
    ),
]
HEADINGS = [
    ("Nr. 1 VAN DE HEER COGOLATI c.s.", "N° 1 DE M. COGOLATI ET CONSORTS"),
    ("Nr. 2 VAN DE HEER DE VRIENDT", "N° 2 DE M. DE VRIENDT"),
    ("Nr. 3 VAN MEVROUW de LAVELEYE", "N° 3 DE MME de LAVELEYE"),
    ("Nr. 4 VAN DE HEREN COGOLATI EN MOUTQUIN", "N° 4 DE MM. COGOLATI ET MOUTQUIN"),
    ("Nr. 5 VAN DE HEER COGOLATI EN MEVROUW HUGON", "N° 5 DE M. COGOLATI ET MME HUGON"),
    ("Nr. 6 VAN DE DAMES HUGON EN CHANSON", "N° 6 DE MMES HUGON ET CHANSON"),
]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return plan_amendments(amendments())


def _rows(plan: Plan, kind: str) -> list[tuple[str, str]]:
    return [
        (plain_text(row.nl.inlines), plain_text(row.fr.inlines))
        for row in plan.rows
        if row.kind == kind
    ]


# The vocabulary: headings name the sponsors as the Chamber does.


@pytest.mark.parametrize(
    ("sponsors", "nl", "fr"),
    [
        ([("m", "Cogolati")], "Nr. 1 VAN DE HEER COGOLATI", "N° 1 DE M. COGOLATI"),
        ([("f", "de Laveleye")], "Nr. 1 VAN MEVROUW de LAVELEYE", "N° 1 DE MME de LAVELEYE"),
        (
            [("m", "Cogolati"), ("f", "Hugon")],
            "Nr. 1 VAN DE HEER COGOLATI EN MEVROUW HUGON",
            "N° 1 DE M. COGOLATI ET MME HUGON",
        ),
        (
            [("m", "Cogolati"), ("m", "De Vriendt")],
            "Nr. 1 VAN DE HEREN COGOLATI EN DE VRIENDT",
            "N° 1 DE MM. COGOLATI ET DE VRIENDT",
        ),
        (
            [("f", "Hugon"), ("f", "Chanson")],
            "Nr. 1 VAN DE DAMES HUGON EN CHANSON",
            "N° 1 DE MMES HUGON ET CHANSON",
        ),
        (
            [("m", "Cogolati"), ("f", "Hugon"), ("m", "Calvo")],
            "Nr. 1 VAN DE HEER COGOLATI c.s.",
            "N° 1 DE M. COGOLATI ET CONSORTS",
        ),
    ],
)
def test_amendment_heading(sponsors: list[tuple[str, str]], nl: str, fr: str) -> None:
    assert vocabulary.amendment_heading(1, sponsors, "nl") == nl
    assert vocabulary.amendment_heading(1, sponsors, "fr") == fr


def test_signature_unchanged_by_the_family_capitals_helper() -> None:
    assert (
        vocabulary.signature("Séverine", "de Laveleye", "Ecolo") == "Séverine de LAVELEYE (Ecolo)"
    )
    assert vocabulary.signature("Wouter", "De Vriendt", "Groen") == "Wouter DE VRIENDT (Groen)"


# The plan.


def test_plan_rows_have_known_kinds_and_unique_keys(plan: Plan) -> None:
    kinds = {row.kind for row in plan.rows}
    assert kinds <= set(ROW_KINDS)
    assert kinds == {*AMENDMENT_ROW_KINDS, "paragraph", "sponsor"}
    keys = [row.key for row in plan.rows]
    assert len(keys) == len(set(keys))
    assert all(row.style is None for row in plan.rows)  # no native numbering anywhere
    assert plan.kind == "amendments"


def test_plan_has_every_formula_in_both_languages(plan: Plan) -> None:
    assert _rows(plan, "instruction") == INSTRUCTIONS
    assert _rows(plan, "amendment-heading")[:6] == HEADINGS


def test_plan_quotes_new_blocks_with_their_labels(plan: Plan) -> None:
    quotations = _rows(plan, "quotation")
    assert quotations[0] == (
        "“B. overwegende dat het nieuw is;”",
        "“B. considérant que c'est nouveau;”",
    )
    # An inserted consideration and its items, one quotation from its label to its end.
    assert quotations[1][0] == "“C/1. overwegende dat <de kampen> blijven bestaan;"
    assert quotations[2] == ("1° eerste punt;", "1° premier point;")
    assert quotations[3] == ("2° tweede punt;”", "2° deuxième point;”")
    assert ("“over de <Oeigoeren>”", "“relative aux <Ouïghours>”") in quotations  # title
    assert ("“2° dat alles nieuw is;”", "“2° que tout est nouveau;”") in quotations
    # The introductory sentence alone: no label, the sub-paragraphs stay.
    assert quotations[-1] == (
        "“de volgende maatregelen te nemen:”",
        "“de prendre les mesures suivantes:”",
    )


def test_plan_target_lines(plan: Plan) -> None:
    targets = _rows(plan, "amendment-target")
    assert targets[0] == ("Considerans B", "Considérant B")
    assert targets[2] == ("Considerans C/1 (nieuw)", "Considérant C/1 (nouveau)")
    assert targets[3] == ("Verzoek 4, punt c/1) (nieuw)", "Demande 4, c/1) (nouveau)")
    assert targets[5] == ("Opschrift", "Intitulé")


def test_plan_justification_signatures_and_notes(plan: Plan) -> None:
    assert _rows(plan, "justification-heading")[0] == ("VERANTWOORDING", "JUSTIFICATION")
    first = plan.rows[: [row.kind for row in plan.rows].index("amendment-heading", 1)]
    assert [plain_text(row.nl.inlines) for row in first if row.kind == "sponsor"] == [
        "Samuel COGOLATI (Ecolo-Groen)",
        "Séverine de LAVELEYE (Ecolo-Groen)",
        "Wouter DE VRIENDT (Ecolo-Groen)",
    ]
    calls = [node for row in first for node in row.nl.inlines if isinstance(node, FootnoteCall)]
    assert [call.number for call in calls] == [1]
    assert [note.number for note in plan.footnotes] == [1]


def test_plan_cover(plan: Plan) -> None:
    cover = plan.cover
    assert cover.doc_number == "DOC 55 1780/002"
    assert cover.filed == {"nl": "2 maart 2021", "fr": "2 mars 2021"}
    assert cover.subtitle == {"nl": "AMENDEMENTEN", "fr": "AMENDEMENTS"}
    assert cover.sponsors == {"nl": "", "fr": ""}
    assert cover.see["nl"][-1] == "001: Voorstel van resolutie van de heer Cogolati c.s."
    assert cover.see["fr"][-1] == "001: Proposition de résolution de M. Cogolati et consorts."
    assert cover.see["fr"][1] == "Doc 55 1780/ (2020/2021):"


# The PDF, column by column.


@pytest.fixture(scope="module")
def pdf_columns() -> list[tuple[str, str]]:
    with pdfplumber.open(io.BytesIO(render_amendments_pdf(amendments()))) as pdf:
        return [
            (
                page.crop((0, 0, MIDDLE, page.height)).extract_text(),
                page.crop((MIDDLE, 0, page.width, page.height)).extract_text(),
            )
            for page in pdf.pages
        ]


def _joined(text: str) -> str:
    """A column's text with its lines joined (an instruction may wrap)."""
    return re.sub(r"\s+", " ", text)


def test_pdf_cover(pdf_columns: list[tuple[str, str]]) -> None:
    nl, fr = pdf_columns[0]
    assert "DOC 55 1780/002" in nl
    assert "AMENDEMENTEN" in nl and "AMENDEMENTS" in fr
    assert "VOORSTEL VAN RESOLUTIE" in nl and "PROPOSITION DE RÉSOLUTION" in fr
    assert "001: Voorstel van resolutie van de heer Cogolati c.s." in nl
    assert "ingediend door" not in nl  # no sponsors line on an amendments cover


def test_pdf_shows_headings_formulas_and_justifications(
    pdf_columns: list[tuple[str, str]],
) -> None:
    nl = _joined(" ".join(page[0] for page in pdf_columns[1:]))
    fr = _joined(" ".join(page[1] for page in pdf_columns[1:]))
    for heading_nl, heading_fr in HEADINGS:
        assert heading_nl in nl
        assert heading_fr in fr
    for instruction_nl, instruction_fr in INSTRUCTIONS:
        assert instruction_nl in nl
        assert instruction_fr in fr
    assert nl.count("VERANTWOORDING") == len(INSTRUCTIONS)
    assert fr.count("JUSTIFICATION") == len(INSTRUCTIONS)
    assert "“C/1. overwegende dat <de kampen> blijven bestaan;" in nl
    assert "2° deuxième point;”" in fr


def test_pdf_footnote_under_its_column(pdf_columns: list[tuple[str, str]]) -> None:
    nl, fr = pdf_columns[1]
    assert "De tekst is verouderd1." in nl
    assert "1 Zie DOC 55 1780/001." in nl
    assert "1 Voir DOC 55 1780/001." in fr


# The DOCX: paragraphs by style.


@pytest.fixture(scope="module")
def docx_parts() -> dict[str, ElementTree.Element]:
    with zipfile.ZipFile(io.BytesIO(render_amendments_docx(amendments()))) as package:
        return {
            name: ElementTree.fromstring(package.read(f"word/{name}.xml"))
            for name in ("document", "footnotes", "styles")
        }


def _paragraphs(root: ElementTree.Element) -> list[tuple[str, str, bool]]:
    """(style id, text, natively numbered) of every paragraph."""
    found = []
    for paragraph in root.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        text = "".join(node.text or "" for node in paragraph.iter(f"{W}t"))
        numbered = paragraph.find(f"{W}pPr/{W}numPr") is not None
        found.append((style.get(f"{W}val") if style is not None else "", text, numbered))
    return found


def test_docx_paragraphs(docx_parts: dict[str, ElementTree.Element]) -> None:
    paragraphs = _paragraphs(docx_parts["document"])
    by_style: dict[str, list[str]] = {}
    for style, content, numbered in paragraphs:
        by_style.setdefault(style, []).append(content)
        assert not numbered, content  # quoted labels are text, not list numbers
    headings = by_style["AmendmentHeading"]
    assert headings[:12] == [heading for pair in HEADINGS for heading in pair]
    assert by_style["Instruction"] == [line for pair in INSTRUCTIONS for line in pair]
    assert by_style["JustificationHeading"][:2] == ["VERANTWOORDING", "JUSTIFICATION"]
    assert "“C/1. overwegende dat <de kampen> blijven bestaan;" in by_style["Quotation"]
    assert "AMENDEMENTEN" in by_style["CoverSubtitle"]
    assert "Voir:" in by_style["CoverSee"]
    assert "SponsorsLine" not in by_style
    assert "De tekst is verouderd." in by_style["MemorandumParagraph"]


def test_docx_footnotes_and_quotation_indent(docx_parts: dict[str, ElementTree.Element]) -> None:
    notes = [text for _, text, _ in _paragraphs(docx_parts["footnotes"]) if text.strip()]
    assert any("Zie DOC 55 1780/001." in text for text in notes)
    assert any("Voir DOC 55 1780/001." in text for text in notes)
    styles = {style.get(f"{W}styleId"): style for style in docx_parts["styles"].iter(f"{W}style")}
    indent = styles["Quotation"].find(f"{W}pPr/{W}ind")
    assert indent is not None and int(indent.get(f"{W}left")) > 0
    assert styles["AmendmentHeading"].find(f"{W}rPr/{W}b") is not None


# The HTML.


def test_html_escapes_user_text_and_adds_the_amendments_stylesheet() -> None:
    html = render_amendments_html(amendments())
    assert "&lt;de kampen&gt;" in html and "<de kampen>" not in html
    assert "&lt;Oeigoeren&gt;" in html
    assert ".amendment-heading .cell" in html  # standalone: amendments.css inlined
    assert "Nr. 1 VAN DE HEER COGOLATI c.s." in html
    assert "N° 1 DE M. COGOLATI ET CONSORTS" in html
    assert 'class="row quotation"' in html


def test_resolution_html_has_no_amendments_stylesheet() -> None:
    html = render_html(filed(), standalone=True)
    assert ".amendment-heading" not in html
    assert "cover-subtitle" not in html and "cover-see" not in html


# Formulas of targets the fixture's document does not render.


def _request(label: str, subparagraphs: list[model.Subparagraph] | None = None) -> model.Request:
    return model.Request(
        text("x", "x"),
        HERE,
        label=f"{label}.",
        reference_label=label,
        subparagraphs=subparagraphs or [],
    )


def _subparagraph(label: str, items: list[model.Item] | None = None) -> model.Subparagraph:
    return model.Subparagraph(
        text("x", "x"), HERE, label=label, reference_label=label, items=items or []
    )


@pytest.mark.parametrize(
    ("made", "nl", "fr"),
    [
        (
            lambda: amendment(
                1,
                "replace",
                (("request", "4"), ("subparagraph", "c)"), ("item", "1°")),
                item("1°", "x", "x"),
                text=text("y", "y"),
            ),
            "In verzoek 4, punt c), het 1° vervangen als volgt:",
            "Dans la demande 4, c), remplacer le 1° par ce qui suit:",
        ),
        (
            lambda: amendment(
                1,
                "replace",
                (("request", "4"), ("subparagraph", "c)")),
                _subparagraph("c)", [item("1°", "x", "x")]),
                text=text("y", "y"),
            ),
            "In verzoek 4, punt c), de inleidende zin vervangen als volgt:",
            "Dans la demande 4, c), remplacer la phrase liminaire par ce qui suit:",
        ),
        (
            lambda: amendment(
                1,
                "replace",
                (("request", "4"), ("subparagraph", "c)")),
                _subparagraph("c)"),
                text=text("y", "y"),
            ),
            "In verzoek 4, punt c) vervangen als volgt:",
            "Dans la demande 4, remplacer le c) par ce qui suit:",
        ),
        (
            lambda: amendment(
                1, "replace", (("request", "4"),), _request("4"), text=text("y", "y")
            ),
            "Verzoek 4 vervangen als volgt:",
            "Remplacer la demande 4 par ce qui suit:",
        ),
        (
            lambda: amendment(
                1,
                "insert",
                (("request", "4/1"),),
                _request("4/1", subparagraphs=[_subparagraph("a)")]),
            ),
            "Een verzoek 4/1 invoegen, luidende:",
            "Insérer une demande 4/1, rédigée comme suit:",
        ),
        (
            lambda: amendment(
                1,
                "insert",
                (("consideration", "C"), ("item", "2°/1")),
                item("2°/1", "x", "x"),
            ),
            "In considerans C, een 2°/1 invoegen, luidende:",
            "Dans le considérant C, insérer un 2°/1, rédigé comme suit:",
        ),
        (
            lambda: amendment(1, "insert", (("request", "0/1"),), _request("0/1")),
            "Een verzoek 0/1 invoegen, luidende:",
            "Insérer une demande 0/1, rédigée comme suit:",
        ),
        (
            lambda: amendment(1, "delete", (("consideration", "C"),), filed().considerations[2]),
            "Considerans C weglaten.",
            "Supprimer le considérant C.",
        ),
        (
            lambda: amendment(
                1,
                "replace",
                (("title", ""),),
                None,
                words=words("replace", ("Oeigoeren", "Oeigoerse volk"), ("Ouïghours", "peuple")),
            ),
            "In het opschrift, de woorden “Oeigoeren” vervangen door de woorden “Oeigoerse volk”.",
            "Dans l'intitulé, remplacer les mots “Ouïghours” par les mots “peuple”.",
        ),
    ],
)
def test_instruction(made: Callable[[], Amendment], nl: str, fr: str) -> None:
    made_amendment = made()
    assert plain_text(instruction(made_amendment, "nl")) == nl
    assert plain_text(instruction(made_amendment, "fr")) == fr


def test_inserted_request_is_quoted_with_its_subparagraphs() -> None:
    inserted = amendment(
        1,
        "insert",
        (("request", "4/1"),),
        _request("4/1", subparagraphs=[_subparagraph("a)"), _subparagraph("b)")]),
    )
    assert [plain_text(paragraph["fr"]) for paragraph in quotation(inserted)] == [
        "“4/1. x",
        "a) x",
        "b) x”",
    ]


# From the source, through the loader and `resolve_amendments`.

SOURCE = FIXTURES / "amendments-1780-002.yaml"


@pytest.fixture(scope="module")
def loaded() -> Amendments:
    return load_amendments(SOURCE)


def test_source_plan(loaded: Amendments) -> None:
    plan = plan_amendments(loaded)
    assert _rows(plan, "amendment-heading")[1] == ("Nr. 2 VAN MEVROUW HUGON", "N° 2 DE MME HUGON")
    assert _rows(plan, "instruction") == [
        INSTRUCTIONS[0],
        INSTRUCTIONS[2],
        INSTRUCTIONS[10],
        INSTRUCTIONS[3],
        INSTRUCTIONS[4],
        (
            "In verzoek 3, na de woorden “via diplomatieke weg” de woorden “<dringend>” invoegen.",
            "Dans la demande 3, insérer les mots “<d’urgence>” après les mots "
            "“par voie diplomatique”.",
        ),
        (
            "In het opschrift, de woorden “genocide” vervangen door de woorden “misdaden”.",
            "Dans l'intitulé, remplacer les mots “génocide” par les mots “crimes”.",
        ),
    ]
    quotations = _rows(plan, "quotation")
    assert quotations[0] == (
        "“B. overwegende dat alles nieuw is;”",
        "“B. considérant que tout est nouveau;”",
    )
    assert quotations[1:4] == [
        (
            "“C/1. overwegende dat de kampen blijven bestaan:",
            "“C/1. considérant que les camps subsistent:",
        ),
        ("1° eerste punt;", "1° premier point;"),
        ("2° tweede punt;”", "2° deuxième point;”"),
    ]
    assert [note.number for note in plan.footnotes] == [1, 2]


def test_source_pdf_and_docx(loaded: Amendments) -> None:
    with pdfplumber.open(io.BytesIO(render_amendments_pdf(loaded))) as pdf:
        pages = [
            (
                _joined(page.crop((0, 0, MIDDLE, page.height)).extract_text()),
                _joined(page.crop((MIDDLE, 0, page.width, page.height)).extract_text()),
            )
            for page in pdf.pages
        ]
    nl = " ".join(page[0] for page in pages)
    fr = " ".join(page[1] for page in pages)
    assert "Nr. 7 VAN DE HEER COGOLATI c.s." in nl
    assert "N° 7 DE M. COGOLATI ET CONSORTS" in fr
    assert "“<dringend>”" in nl
    assert "2 Tweede voetnoot." in nl and "2 Deuxième note." in fr
    with zipfile.ZipFile(io.BytesIO(render_amendments_docx(loaded))) as package:
        document = ElementTree.fromstring(package.read("word/document.xml"))
    texts = [content for style, content, _ in _paragraphs(document) if style == "Instruction"]
    assert texts[:2] == list(INSTRUCTIONS[0])
