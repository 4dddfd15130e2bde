"""The layout plan and the fixed wording both writers share."""

from __future__ import annotations

import datetime

import drafter
from drafter.document import vocabulary
from drafter.document.inline import plain_text
from drafter.resolve.layout import plan
from tests.conftest import FLAGSHIP, MINIMAL


def test_sponsor_lines_for_one_two_and_more_sponsors() -> None:
    one = [("m", "Samuel Cogolati")]
    two = [("m", "Samuel Cogolati"), ("f", "Séverine de Laveleye")]
    three = [*two, ("m", "Wouter De Vriendt")]
    assert vocabulary.sponsors_line(one, "nl") == "(ingediend door de heer Samuel Cogolati)"
    assert vocabulary.sponsors_line(one, "fr") == "(déposée par M. Samuel Cogolati)"
    assert vocabulary.sponsors_line([("f", "Claire Hugon")], "nl") == (
        "(ingediend door mevrouw Claire Hugon)"
    )
    assert (
        vocabulary.sponsors_line([("f", "Claire Hugon")], "fr") == "(déposée par Mme Claire Hugon)"
    )
    assert vocabulary.sponsors_line(two, "nl") == (
        "(ingediend door de heer Samuel Cogolati en mevrouw Séverine de Laveleye)"
    )
    assert vocabulary.sponsors_line(two, "fr") == (
        "(déposée par M. Samuel Cogolati et Mme Séverine de Laveleye)"
    )
    assert vocabulary.sponsors_line(three, "nl") == "(ingediend door de heer Samuel Cogolati c.s.)"
    assert vocabulary.sponsors_line(three, "fr") == "(déposée par M. Samuel Cogolati et consorts)"


def test_signatures_keep_lower_case_particles() -> None:
    assert vocabulary.signature("Séverine", "de Laveleye", "Ecolo-Groen") == (
        "Séverine de LAVELEYE (Ecolo-Groen)"
    )
    assert vocabulary.signature("Wouter", "De Vriendt", "Ecolo-Groen") == (
        "Wouter DE VRIENDT (Ecolo-Groen)"
    )


def test_dates_in_both_languages() -> None:
    assert vocabulary.long_date(datetime.date(2021, 1, 25), "nl") == "25 januari 2021"
    assert vocabulary.long_date(datetime.date(2021, 1, 25), "fr") == "25 janvier 2021"
    assert vocabulary.long_date(datetime.date(2021, 3, 1), "fr") == "1er mars 2021"
    assert vocabulary.long_date(datetime.date(2021, 3, 1), "nl") == "1 maart 2021"


def test_session_lines() -> None:
    assert vocabulary.session_line(55, 3, [2020, 2021], "nl") == (
        "KAMER • 3e ZITTING VAN DE 55e ZITTINGSPERIODE 2020 2021"
    )
    assert vocabulary.session_line(55, 3, [2020, 2021], "fr") == (
        "CHAMBRE • 3e SESSION DE LA 55e LÉGISLATURE 2020 2021"
    )
    assert vocabulary.session_line(56, 1, [2024, 2025], "fr").startswith("CHAMBRE • 1re SESSION")


def test_flagship_rows_follow_the_filed_order() -> None:
    rows = plan(drafter.load(FLAGSHIP)).rows
    kinds = [row.kind for row in rows]
    assert kinds[:3] == ["part-heading", "salutation", "paragraph"]
    assert kinds.count("section-title") == 14
    assert kinds.count("sponsor") == 10
    assert kinds.index("sponsor") < kinds.index("enacting") < kinds.index("consideration")
    assert kinds.count("consideration") == 22 and kinds.count("request") == 20
    assert kinds[-1] == "date"
    lead = next(row for row in rows if row.kind == "request-lead")
    assert plain_text(lead.nl.inlines) == "VERZOEKT DE FEDERALE REGERING:"
    assert plain_text(lead.fr.inlines) == "DEMANDE AU GOUVERNEMENT FÉDÉRAL:"


def test_each_enumeration_is_its_own_list() -> None:
    rows = plan(drafter.load(MINIMAL)).rows
    items = [row for row in rows if row.kind == "item"]
    assert [row.nl.label for row in items] == ["1°", "2°"]
    assert {row.list_key for row in items} == {"consideration:second/items"}
    subparagraphs = [row for row in rows if row.kind == "subparagraph"]
    assert [row.list_key for row in subparagraphs] == ["request:first-request/subparagraphs"] * 2
