"""The words of each language, in one place: months, names of parts, forms of address.

Renderers and the checker look words up here instead of spelling them out, so a wording
fix is made once for the PDF, the DOCX and the diagnostics alike.
"""

from __future__ import annotations

import datetime

MONTHS: dict[str, tuple[str, ...]] = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
}  # fmt: skip

# English month names: footnotes cite English titles and dates ("21 December 1965"), and the
# checker must read them as the dates they are.
CITED_MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

# How the diagnostics name each kind of numbered part (in English, like the messages).
KIND_NAMES: dict[str, str] = {
    "consideration": "consideration",
    "request": "request",
    "subparagraph": "sub-paragraph",
    "item": "item",
    "section": "section",
}

# Words that, followed by a label, make a literal reference to a part, per language:
# singular and plural forms. Used by the checker to find references typed as plain text.
REFERENCE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "request": ("verzoek", "verzoeken"),
        "consideration": ("overweging", "overwegingen"),
        "subparagraph": ("subparagraaf", "subparagrafen"),
        "item": ("punt", "punten"),
    },
    "fr": {
        "request": ("demande", "demandes"),
        "consideration": ("considérant", "considérants"),
        "subparagraph": ("sous-paragraphe", "sous-paragraphes"),
        "item": ("point", "points"),
    },
}

# Words joining two labels: "3 en 4" / "3 et 4" (a list), "a) tot i)" / "a) à i)" (a range).
LIST_JOINERS: dict[str, tuple[str, ...]] = {"nl": ("en", "of"), "fr": ("et", "ou")}
RANGE_JOINERS: dict[str, tuple[str, ...]] = {"nl": ("tot en met", "tot"), "fr": ("à",)}

# "… of request 4" / "… de la demande 4": the words between a label and its parent's label.
PARENT_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "request": ("van verzoek", "van het verzoek"),
        "consideration": ("van overweging",),
        "subparagraph": ("van subparagraaf",),
    },
    "fr": {
        "request": ("de la demande",),
        "consideration": ("du considérant",),
        "subparagraph": ("du sous-paragraphe",),
    },
}

# Hosts that publish the same page in both languages; a URL on one counts as the other.
BILINGUAL_HOSTS: dict[str, str] = {
    "www.dekamer.be": "www.lachambre.be",
    "dekamer.be": "lachambre.be",
    "www.senaat.be": "www.senate.be",
    "www.noscommunes.ca": "www.ourcommons.ca",
}


def long_date(value: datetime.date, language: str) -> str:
    """'25 januari 2021' / '25 janvier 2021' ('1er janvier 2021' in French)."""
    day = "1er" if language == "fr" and value.day == 1 else str(value.day)
    return f"{day} {MONTHS[language][value.month - 1]} {value.year}"


# Fixed words of the document, per language.
WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "chamber": "BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS",
        "chamber-short": "KAMER",
        "document-type": "VOORSTEL VAN RESOLUTIE",
        "memorandum": "TOELICHTING",
        "salutation": "DAMES EN HEREN,",
        "resolution-heading": "VOORSTEL VAN RESOLUTIE",
        "enacting": "DE KAMER VAN VOLKSVERTEGENWOORDIGERS,",
        "filed-by": "ingediend door",
        "and": "en",
        "and-others": "c.s.",
        "session": "ZITTING VAN DE",
        "legislature": "ZITTINGSPERIODE",
    },
    "fr": {
        "chamber": "CHAMBRE DES REPRÉSENTANTS DE BELGIQUE",
        "chamber-short": "CHAMBRE",
        "document-type": "PROPOSITION DE RÉSOLUTION",
        "memorandum": "DÉVELOPPEMENTS",
        "salutation": "MESDAMES, MESSIEURS,",
        "resolution-heading": "PROPOSITION DE RÉSOLUTION",
        "enacting": "LA CHAMBRE DES REPRÉSENTANTS,",
        "filed-by": "déposée par",
        "and": "et",
        "and-others": "et consorts",
        "session": "SESSION DE LA",
        "legislature": "LÉGISLATURE",
    },
}

# "de heer Samuel Cogolati" / "M. Samuel Cogolati", by the sponsor's gender.
ADDRESS: dict[str, dict[str, str]] = {
    "nl": {"m": "de heer", "f": "mevrouw"},
    "fr": {"m": "M.", "f": "Mme"},
}


def ordinal(number: int, language: str, feminine: bool = True) -> str:
    """'3e' in both languages; French '1re' (feminine: session, législature) or '1er'."""
    if language == "fr" and number == 1:
        return "1re" if feminine else "1er"
    return f"{number}e"


def sponsors_line(sponsors: list[tuple[str, str]], language: str) -> str:
    """The cover's line for (gender, full name) pairs, main author first.

    One: "(ingediend door de heer X)"; two: "(… de heer X en mevrouw Y)";
    three or more: "(ingediend door de heer X c.s.)" / "(déposée par M. X et consorts)".
    """
    words = WORDS[language]
    named = [f"{ADDRESS[language][gender]} {name}" for gender, name in sponsors]
    if len(named) <= 2:
        who = f" {words['and']} ".join(named)
    else:
        who = f"{named[0]} {words['and-others']}"
    return f"({words['filed-by']} {who})"


def signature(given: str, family: str, party: str) -> str:
    """'Samuel COGOLATI (Ecolo-Groen)'; particles written in lower case stay so:
    'Séverine de LAVELEYE', while 'De Vriendt' becomes 'DE VRIENDT'."""
    words = [word if word[:1].islower() else word.upper() for word in family.split()]
    return f"{given} {' '.join(words)} ({party})"


def session_line(legislature: int, session: int, years: list[int], language: str) -> str:
    """'KAMER • 3e ZITTING VAN DE 55e ZITTINGSPERIODE 2020 2021' and its French twin."""
    words = WORDS[language]
    return (
        f"{words['chamber-short']} • {ordinal(session, language)} {words['session']} "
        f"{ordinal(legislature, language)} {words['legislature']} "
        f"{years[0]} {years[1]}"
    )
