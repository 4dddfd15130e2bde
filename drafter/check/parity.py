"""Read what must agree between the two languages of a paragraph: numbers, dates and URLs.

One language of a text goes in (markup calls blanked out, references typed as plain text
given apart); its `Figures` come out, written in a form that does not depend on the
language, so that the checker can compare the Dutch figures with the French ones:

- a date is the same date however it is written: "16/11/2019", "16 november 2019",
  "16 novembre 2019", "16 November 2019", "November 16, 2019" (footnotes cite English
  sources) are 2019-11-16; "11/2020" and "november 2020" are 2020-11. A date that only one
  language has counts as the numbers it is written with, so that "9 december 1948" and
  "de 1948" differ by a day (9), which may be written in words, not by a date;
- a DOI is the same reference as a URL (https://doi.org/10.1080/…) or as "DOI: 10.1080/…";
- a URL on a bilingual site (dekamer.be / lachambre.be) is the same URL in either language;
- "80 000", "80.000" and "80000" are the same number; a page range ("blz. 14-15" /
  "pp. 14-15") is its two numbers.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.check import literal
from drafter.document import vocabulary

_URL = re.compile(r"https?://[^\s\]]+")
_DOI = re.compile(r"(?i)\bdoi:?\s*(10\.\d{4,9}/[^\s\]]+)")
_NUMBER = re.compile(r"(?<![\w/])\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?![\d])|\d+")
_MONTH_NAMES = {
    name: number
    for names in (*vocabulary.MONTHS.values(), vocabulary.CITED_MONTHS)
    for number, name in enumerate(names, start=1)
}
_MONTH = "|".join(sorted(map(re.escape, _MONTH_NAMES), key=len, reverse=True))
# Whole dates first, then months, so that "16/11/2019" is not read as a month "11/2019".
_DATES = (
    re.compile(r"(?<![\w/.])(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})(?![\w/])"),
    re.compile(
        rf"(?<![\w/.])(?P<day>\d{{1,2}})(?:er)?\s+(?P<name>(?i:{_MONTH}))\s+(?P<year>\d{{4}})(?!\d)"
    ),
    re.compile(
        rf"(?<![\w/.])(?P<name>(?i:{_MONTH}))\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})(?!\d)"
    ),
    re.compile(r"(?<![\w/.])(?P<month>\d{1,2})/(?P<year>\d{4})(?![\w/])"),
    re.compile(rf"(?<![\w/.])(?P<name>(?i:{_MONTH}))\s+(?P<year>\d{{4}})(?!\d)"),
)


@dataclass
class Figures:
    """The numbers, dates and URLs of one language of a text.

    `dates` counts each date by a key both languages share ("2019-11-16", or "2020-11" for
    a month); `date_numbers` gives the numbers each date is written with ([16, 11, 2019] for
    "16/11/2019", [16, 2019] for "16 november 2019"); `numbers` holds the other numbers.
    """

    numbers: Counter[int] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)
    date_numbers: dict[str, list[int]] = field(default_factory=dict)
    urls: set[str] = field(default_factory=set)


def read(text: str, typed: list[literal.LiteralReference]) -> Figures:
    """The figures of `text`, leaving out the labels of the references typed in it
    ("verzoek 4"), which the checker compares as references."""
    text = _blank(text, [(found.start, found.end) for found in typed])
    figures = Figures()
    text = _DOI.sub(lambda match: f"https://doi.org/{match.group(1)}", text)
    for match in _URL.finditer(text):
        figures.urls.add(_canonical_url(match.group()))
    text = _URL.sub(" ", text)
    for pattern in _DATES:
        dates: list[tuple[int, int]] = []
        for match in pattern.finditer(text):
            key = _date_key(match)
            if key is not None:
                figures.dates[key] += 1
                figures.date_numbers.setdefault(key, _numbers(match.group()))
                dates.append(match.span())
        text = _blank(text, dates)
    figures.numbers.update(_numbers(text))
    return figures


def unmatched_numbers(mine: Figures, theirs: Figures) -> Counter[int]:
    """The numbers of `mine` that `theirs` has not, once the dates both have (however each
    writes them) are set aside; a date only one of them has counts as its numbers."""
    return _all_numbers(mine, theirs) - _all_numbers(theirs, mine)


def is_year(number: int) -> bool:
    """A year differing on its own is worth a warning; another number may be written in
    words in one language ("veertien" / "14")."""
    return 1800 <= number <= 2100


def host(url: str) -> str:
    """The host of a URL: 'www.dekamer.be'."""
    return url.split("/")[2] if url.count("/") >= 2 else url


def _canonical_url(url: str) -> str:
    url = url.rstrip('.,;:)”’"').split("#")[0]
    name = host(url)
    if name in ("doi.org", "dx.doi.org"):
        # DOIs are case-insensitive; the resolver's host and scheme do not matter either.
        return "https://doi.org/" + url.split("/", 3)[3].lower()
    if name in vocabulary.BILINGUAL_HOSTS:
        url = url.replace(name, vocabulary.BILINGUAL_HOSTS[name], 1)
    return url


def _date_key(match: re.Match[str]) -> str | None:
    """'2019-11-16' for a day, '2019-11' for a month; None if it is no date ('31/02/2020')."""
    groups = match.groupdict()
    name = groups.get("name")
    month = _MONTH_NAMES[name.lower()] if name else int(groups["month"])
    year = int(groups["year"])
    day = int(groups["day"]) if groups.get("day") else 1
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    if groups.get("day"):
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}"


def _all_numbers(mine: Figures, theirs: Figures) -> Counter[int]:
    numbers = Counter(mine.numbers)
    for key in (mine.dates - theirs.dates).elements():
        numbers.update(mine.date_numbers[key])
    return numbers


def _numbers(text: str) -> list[int]:
    # Python converts no more than 4,300 digits; the first hundred tell numbers apart.
    return [
        int(re.sub(r"[ \u00a0\u202f.]", "", match.group())[:100])
        for match in _NUMBER.finditer(text)
    ]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with spaces over each (start, end) span, built once: a copy of the text for
    each span was quadratic in the length of a paragraph."""
    if not spans:
        return text
    characters = list(text)
    for start, end in spans:
        characters[start:end] = " " * (end - start)
    return "".join(characters)
