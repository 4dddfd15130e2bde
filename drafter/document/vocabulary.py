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
    return f"{given} {family_capitals(family)} ({party})"


def family_capitals(family: str) -> str:
    """'COGOLATI', 'de LAVELEYE', 'DE VRIENDT': a family name as a signature prints it."""
    words = [word if word[:1].islower() else word.upper() for word in family.split()]
    return " ".join(words)


def session_line(legislature: int, session: int, years: list[int], language: str) -> str:
    """'KAMER • 3e ZITTING VAN DE 55e ZITTINGSPERIODE 2020 2021' and its French twin."""
    words = WORDS[language]
    return (
        f"{words['chamber-short']} • {ordinal(session, language)} {words['session']} "
        f"{ordinal(legislature, language)} {words['legislature']} "
        f"{years[0]} {years[1]}"
    )


# The fixed words of an amendments document (…/002), per language.
AMENDMENT_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "amendments": "AMENDEMENTEN",
        "number": "Nr.",
        "of": "VAN",
        "and": "EN",
        "and-others": "c.s.",
        "justification": "VERANTWOORDING",
        "see": "Zie:",
        "of-sponsors": "van",
        "open-quote": "“",
        "close-quote": "”",
    },
    "fr": {
        "amendments": "AMENDEMENTS",
        "number": "N°",
        "of": "DE",
        "and": "ET",
        "and-others": "ET CONSORTS",
        "justification": "JUSTIFICATION",
        "see": "Voir:",
        "of-sponsors": "de",
        "open-quote": "“",
        "close-quote": "”",
    },
}

# How an amendment's heading names its sponsors: one man or woman ("m", "f"), or two men
# or two women ("mm", "ff"); a man and a woman are named each with their own word.
HEADING_ADDRESS: dict[str, dict[str, str]] = {
    "nl": {"m": "DE HEER", "f": "MEVROUW", "mm": "DE HEREN", "ff": "DE DAMES"},
    "fr": {"m": "M.", "f": "MME", "mm": "MM.", "ff": "MMES"},
}
# The same, in running text (the cover's "Zie:" line): "de heren X en Y", "MM. X et Y".
PLURAL_ADDRESS: dict[str, dict[str, str]] = {
    "nl": {"mm": "de heren", "ff": "de dames"},
    "fr": {"mm": "MM.", "ff": "Mmes"},
}


def _named(
    sponsors: list[tuple[str, str]],
    address: dict[str, str],
    plural: dict[str, str],
    joiner: str,
    others: str,
) -> str:
    """(gender, name) pairs named as a heading or the cover's "Zie:" line does."""
    if len(sponsors) > 2:
        gender, name = sponsors[0]
        return f"{address[gender]} {name} {others}"
    if len(sponsors) == 2 and sponsors[0][0] == sponsors[1][0]:
        gender = sponsors[0][0]
        return f"{plural[gender * 2]} {sponsors[0][1]} {joiner} {sponsors[1][1]}"
    return f" {joiner} ".join(f"{address[gender]} {name}" for gender, name in sponsors)


def amendment_heading(number: int, sponsors: list[tuple[str, str]], language: str) -> str:
    """'Nr. 1 VAN DE HEER COGOLATI c.s.' / 'N° 1 DE M. COGOLATI ET CONSORTS' for (gender,
    family name) pairs, main author first; two: 'VAN DE HEER X EN MEVROUW Y', 'DE MM. X ET
    Y', 'VAN DE DAMES X EN Y'."""
    words = AMENDMENT_WORDS[language]
    addresses = HEADING_ADDRESS[language]
    capitals = [(gender, family_capitals(family)) for gender, family in sponsors]
    who = _named(capitals, addresses, addresses, words["and"], words["and-others"])
    return f"{words['number']} {number} {words['of']} {who}"


def previous_document(
    number: str, document_type: str, sponsors: list[tuple[str, str]], language: str
) -> str:
    """A line of the cover's "Zie:" block: '001: Voorstel van resolutie van de heer
    Cogolati c.s.' / '001: Proposition de résolution de M. Cogolati et consorts.'"""
    words = WORDS[language]
    who = _named(
        sponsors,
        ADDRESS[language],
        PLURAL_ADDRESS[language],
        words["and"],
        words["and-others"],
    )
    of = AMENDMENT_WORDS[language]["of-sponsors"]
    line = f"{number}: {document_type.capitalize()} {of} {who}"
    return line if line.endswith(".") else f"{line}."


# How an amendment names the blocks of the filed text, per language; `{label}` is the
# block's reference label ("C", "4", "c)", "2°", "C/1"). "object": what is replaced or
# deleted; "context": a block that holds the target ("In verzoek 4, …"); "new": a block
# inserted; "heading": the line under the amendment's heading; "new-heading": the same for
# an inserted block.
TARGET_NAMES: dict[str, dict[str, dict[str, str]]] = {
    "nl": {
        "object": {
            "consideration": "considerans {label}",
            "request": "verzoek {label}",
            "subparagraph": "punt {label}",
            "item": "het {label}",
            "title": "het opschrift",
            "lead": "de inleidende zin",
        },
        "context": {
            "consideration": "considerans {label}",
            "request": "verzoek {label}",
            "subparagraph": "punt {label}",
            "item": "het {label}",
            "title": "het opschrift",
        },
        "new": {
            "consideration": "een considerans {label}",
            "request": "een verzoek {label}",
            "subparagraph": "een punt {label}",
            "item": "een {label}",
        },
        "heading": {
            "consideration": "Considerans {label}",
            "request": "Verzoek {label}",
            "subparagraph": "punt {label}",
            "item": "{label}",
            "title": "Opschrift",
        },
        "new-heading": {
            "consideration": "Considerans {label} (nieuw)",
            "request": "Verzoek {label} (nieuw)",
            "subparagraph": "punt {label} (nieuw)",
            "item": "{label} (nieuw)",
        },
    },
    "fr": {
        "object": {
            "consideration": "le considérant {label}",
            "request": "la demande {label}",
            "subparagraph": "le {label}",
            "item": "le {label}",
            "title": "l'intitulé",
            "lead": "la phrase liminaire",
        },
        "context": {
            "consideration": "le considérant {label}",
            "request": "la demande {label}",
            "subparagraph": "{label}",
            "item": "{label}",
            "title": "l'intitulé",
        },
        "new": {
            "consideration": "un considérant {label}, rédigé",
            "request": "une demande {label}, rédigée",
            "subparagraph": "un {label}, rédigé",
            "item": "un {label}, rédigé",
        },
        "heading": {
            "consideration": "Considérant {label}",
            "request": "Demande {label}",
            "subparagraph": "{label}",
            "item": "{label}",
            "title": "Intitulé",
        },
        "new-heading": {
            "consideration": "Considérant {label} (nouveau)",
            "request": "Demande {label} (nouvelle)",
            "subparagraph": "{label} (nouveau)",
            "item": "{label} (nouveau)",
        },
    },
}

# The instructions, per language: `{object}` and `{context}` are target names (above),
# `{quoted}` and `{new}` quoted words. The form without "-in" is for a target that no other
# block holds; its first letter is capitalised.
FORMULAS: dict[str, dict[str, str]] = {
    "nl": {
        "replace": "{object} vervangen als volgt:",
        "replace-in": "In {context}, {object} vervangen als volgt:",
        "delete": "{object} weglaten.",
        "delete-in": "In {context}, {object} weglaten.",
        "insert": "{object} invoegen, luidende:",
        "insert-in": "In {context}, {object} invoegen, luidende:",
        "replace-words": "In {context}, de woorden {quoted} vervangen door de woorden {new}.",
        "delete-words": "In {context}, de woorden {quoted} weglaten.",
        "insert-words": "In {context}, na de woorden {quoted} de woorden {new} invoegen.",
    },
    "fr": {
        "replace": "Remplacer {object} par ce qui suit:",
        "replace-in": "Dans {context}, remplacer {object} par ce qui suit:",
        "delete": "Supprimer {object}.",
        "delete-in": "Dans {context}, supprimer {object}.",
        "insert": "Insérer {object} comme suit:",
        "insert-in": "Dans {context}, insérer {object} comme suit:",
        "replace-words": "Dans {context}, remplacer les mots {quoted} par les mots {new}.",
        "delete-words": "Dans {context}, supprimer les mots {quoted}.",
        "insert-words": "Dans {context}, insérer les mots {new} après les mots {quoted}.",
    },
}
