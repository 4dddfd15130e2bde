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
