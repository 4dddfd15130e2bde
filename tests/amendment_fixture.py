"""A resolved amendments document on the flagship resolution, built by hand: one amendment
of each kind the writers render (blocks replaced, inserted and deleted; words replaced,
deleted and inserted; the title), with one, two and many sponsors, and two footnotes."""

from __future__ import annotations

import datetime
from functools import cache

import drafter
from drafter.document import model
from drafter.document.amendments import Amendment, Amendments, Target, WordChange, Words
from drafter.document.diagnostics import Position
from drafter.document.inline import FootnoteCall, Inline, Italic, Str
from tests.conftest import FLAGSHIP

HERE = Position("amendments.yaml", 1, 1)


def text(nl: str | list[Inline | str], fr: str | list[Inline | str]) -> model.Text:
    """A resolved text: its inlines parsed (plain strings become one `Str`)."""
    inlines = {
        language: [Str(value)]
        if isinstance(value, str)
        else [Str(node) if isinstance(node, str) else node for node in value]
        for language, value in (("nl", nl), ("fr", fr))
    }
    return model.Text(
        model.LanguageText(model_plain(inlines["nl"]), HERE),
        model.LanguageText(model_plain(inlines["fr"]), HERE),
        HERE,
        inlines,
    )


def model_plain(inlines: list[Inline]) -> str:
    return "".join(node.text if isinstance(node, Str) else "…" for node in inlines)


def sponsor(given: str, family: str, gender: str, party: str = "Ecolo-Groen") -> model.Sponsor:
    return model.Sponsor(given, family, party, gender, HERE)


def words(operation: str, nl: tuple[str, str], fr: tuple[str, str]) -> Words:
    def change(quoted: str, new: str) -> WordChange:
        fields = {
            "replace": {"replace": quoted, "by": new},
            "delete": {"delete": quoted},
            "insert": {"after": quoted, "insert": new},
        }[operation]
        result = WordChange(HERE, **fields)
        result.inlines = {"quoted": [Str(quoted)], "new": [Str(new)]}
        return result

    return Words(change(*nl), change(*fr), HERE)


def item(label: str, nl: str, fr: str) -> model.Item:
    return model.Item(text(nl, fr), HERE, label=label, reference_label=label)


def amendment(
    number: int,
    action: str,
    steps: tuple[tuple[str, str], ...],
    part: model.Numbered | None = None,
    **fields: object,
) -> Amendment:
    justification = fields.pop("justification", None) or text(
        f"Verantwoording van amendement {number}.", f"Justification de l'amendement {number}."
    )
    result = Amendment(HERE, justification, **{action: str(steps)}, **fields)  # type: ignore[arg-type]
    result.number = number
    result.target = Target(steps, HERE)
    result.part = part
    return result


@cache
def filed() -> model.Resolution:
    return drafter.load(FLAGSHIP)


def amendments() -> Amendments:
    resolution = filed()
    consideration = {c.reference_label: c for c in resolution.considerations}
    request = {r.reference_label: r for r in resolution.requests.items}
    note_nl = FootnoteCall("bron", 0, number=1)
    note_fr = FootnoteCall("bron", 0, number=1)
    new_consideration = model.Consideration(
        text(
            "overwegende dat <de kampen> blijven bestaan;", "considérant que les camps subsistent;"
        ),
        HERE,
        label="C/1.",
        reference_label="C/1",
        items=[
            item("1°", "eerste punt;", "premier point;"),
            item("2°", "tweede punt;", "deuxième point;"),
        ],
    )
    new_subparagraph = model.Subparagraph(
        text("een onafhankelijk onderzoek te steunen;", "de soutenir une enquête indépendante;"),
        HERE,
        label="c/1)",
        reference_label="c/1)",
    )
    many = [
        sponsor("Samuel", "Cogolati", "m"),
        sponsor("Séverine", "de Laveleye", "f"),
        sponsor("Wouter", "De Vriendt", "m"),
    ]
    rows = [
        amendment(
            1,
            "replace",
            (("consideration", "B"),),
            consideration["B"],
            text=text("overwegende dat het nieuw is;", "considérant que c'est nouveau;"),
            justification=text(
                ["De tekst is verouderd", note_nl, "."], ["Le texte est dépassé", note_fr, "."]
            ),
        ),
        amendment(
            2,
            "replace",
            (("request", "3"),),
            request["3"],
            words=words("replace", ("de regering", "de Staat"), ("le gouvernement", "l'État")),
            sponsors=[sponsor("Wouter", "De Vriendt", "m")],
        ),
        amendment(
            3,
            "insert",
            (("consideration", "C/1"),),
            new_consideration,
            sponsors=[sponsor("Séverine", "de Laveleye", "f")],
        ),
        amendment(
            4,
            "insert",
            (("request", "4"), ("subparagraph", "c/1)")),
            new_subparagraph,
            sponsors=[sponsor("Samuel", "Cogolati", "m"), sponsor("Simon", "Moutquin", "m")],
        ),
        amendment(
            5,
            "delete",
            (("request", "5"),),
            request["5"],
            sponsors=[sponsor("Samuel", "Cogolati", "m"), sponsor("Claire", "Hugon", "f")],
        ),
        amendment(
            6,
            "replace",
            (("title", ""),),
            None,
            text=text("over de <Oeigoeren>", "relative aux <Ouïghours>"),
            sponsors=[sponsor("Claire", "Hugon", "f"), sponsor("Julie", "Chanson", "f")],
        ),
        amendment(
            7,
            "replace",
            (("request", "3"),),
            request["3"],
            words=words("delete", ("onmiddellijk", ""), ("immédiatement", "")),
        ),
        amendment(
            8,
            "replace",
            (("request", "3"),),
            request["3"],
            words=words("insert", ("te veroordelen", "krachtig"), ("condamner", "fermement")),
        ),
        amendment(
            9,
            "replace",
            (("consideration", "C"), ("item", "2°")),
            consideration["C"].items[1],
            text=text(
                ["dat ", Italic([Str("alles")]), " nieuw is;"],
                ["que ", Italic([Str("tout")]), " est nouveau;"],
            ),
        ),
        amendment(
            10,
            "delete",
            (("request", "4"), ("subparagraph", "c)")),
            request["4"].subparagraphs[2],
        ),
        amendment(
            11,
            "replace",
            (("request", "4"),),
            request["4"],
            text=text("de volgende maatregelen te nemen:", "de prendre les mesures suivantes:"),
        ),
    ]
    return Amendments(
        path="amendments.yaml",
        position=HERE,
        amends="doc-55-1780-001.yaml",
        doc="1780/002",
        filed=datetime.date(2021, 3, 2),
        sponsors=many,
        amendments=rows,
        footnotes={
            "bron": model.Footnote(
                "bron",
                text("Zie DOC 55 1780/001.", "Voir DOC 55 1780/001."),
                HERE,
                number=1,
            )
        },
        resolution=resolution,
    )
