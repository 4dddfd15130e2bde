"""`drafter new`: the text of a fresh resolution file, with comments that explain each part.

The scaffold is a complete, valid resolution (it passes `drafter check`), so a member starts
from something that builds and replaces the sample sentences one by one.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass

# Forms of address a sponsor may be given with, and the gender they tell.
_ADDRESS = {
    "de heer": "m", "m.": "m", "mr": "m", "mr.": "m", "monsieur": "m",
    "mevrouw": "f", "mevr.": "f", "mme": "f", "mme.": "f", "madame": "f", "ms": "f",
}  # fmt: skip
_SPONSOR = re.compile(r"^\s*(?P<name>[^()]+?)\s*\((?P<party>[^()]+)\)\s*$")

# Election days that opened each legislature. The Chamber counts the extraordinary session
# after the election as the 1st session, so 2020-2021 is the 3rd session of the 55th.
ELECTIONS: dict[int, datetime.date] = {
    54: datetime.date(2014, 5, 25),
    55: datetime.date(2019, 5, 26),
    56: datetime.date(2024, 6, 9),
}


class ScaffoldError(ValueError):
    """An option of `drafter new` cannot be used; the message says why."""


@dataclass(frozen=True)
class SponsorOption:
    given: str
    family: str
    party: str
    gender: str
    gender_given: bool


def parse_sponsor(text: str) -> SponsorOption:
    """'Samuel Cogolati (Ecolo-Groen)' or 'mevrouw Séverine de Laveleye (Ecolo-Groen)'."""
    match = _SPONSOR.match(text)
    if not match:
        raise ScaffoldError(
            f"cannot read the sponsor '{text}'; write it as \"Given Family (Party)\", "
            'for example "Samuel Cogolati (Ecolo-Groen)"'
        )
    name, party = match.group("name"), match.group("party").strip()
    gender, gender_given = "m", False
    lowered = name.lower()
    for address, address_gender in sorted(_ADDRESS.items(), key=lambda a: -len(a[0])):
        if lowered.startswith(address + " "):
            gender, gender_given = address_gender, True
            name = name[len(address) :].strip()
            break
    words = name.split()
    if len(words) < 2:
        raise ScaffoldError(f"the sponsor '{text}' needs a given name and a family name")
    return SponsorOption(words[0], " ".join(words[1:]), party, gender, gender_given)


def session_of(day: datetime.date) -> tuple[int, int, list[int]]:
    """The legislature and session a day falls in, and the session's two years.

    Ordinary sessions open in October; before that, a day in an election year belongs to
    the extraordinary session that follows the election.
    """
    legislature = max(
        (number for number, election in ELECTIONS.items() if election <= day),
        default=min(ELECTIONS),
    )
    election_year = ELECTIONS[legislature].year
    first_year = day.year if day.month >= 10 else day.year - 1
    if first_year < election_year:
        return legislature, 1, [election_year, election_year + 1]
    return legislature, first_year - election_year + 2, [first_year, first_year + 1]


# Characters a JSON string may hold as they are, but YAML may not: C1 control characters
# (refused in a YAML file), line separators (read as line breaks) and the byte order mark.
_YAML_ESCAPED = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def double_quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar, which reads back as exactly `text`."""
    # JSON strings are double-quoted YAML scalars, once the characters above are escaped.
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_ESCAPED.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def scaffold(
    *,
    title_nl: str,
    title_fr: str,
    sponsors: list[SponsorOption],
    legislature: int,
    session: int,
    years: list[int],
    filed: datetime.date,
    doc: str,
) -> str:
    sponsor_lines = []
    for sponsor in sponsors:
        note = "" if sponsor.gender_given else "  # m: de heer / M.; f: mevrouw / Mme"
        sponsor_lines.append(
            f"  - {{given: {double_quoted(sponsor.given)}, "
            f"family: {double_quoted(sponsor.family)}, "
            f"party: {double_quoted(sponsor.party)}, gender: {sponsor.gender}}}{note}"
        )
    return f"""\
# A resolution for drafter. Check it with `drafter check FILE`; every problem is reported
# with its line and column. Both languages stand side by side in every text: `nl` and `fr`.
# Never type numbers or letters (A., 1., a), 1°): drafter computes them.
# Inline markup: [^id] calls a footnote, [@id] prints the label of the part with that id,
# *italic*, **bold**, and a backslash for a literal character (\\*).
# A warning that is right (the filed document itself differs between the languages) is
# accepted under its paragraph or footnote, with the code `check` prints and a reason:
#   acknowledge:
#     - code: parity-numbers
#       reason: the filed document has 2021 in Dutch and 2020 in French

doc: {double_quoted(doc)}  # the number the Chamber gives the document: "1780/001"
legislature: {legislature}
session: {session}  # the session of the legislature: 3e zitting / 3e session
years: [{years[0]}, {years[1]}]  # the two years of that session
filed: {filed.isoformat()}  # the filing date on the cover page

title:  # what follows "voorstel van resolutie" / "proposition de résolution"
  nl: {double_quoted(title_nl)}
  fr: {double_quoted(title_fr)}

sponsors:  # the first sponsor is the main author
{chr(10).join(sponsor_lines)}

memorandum:  # TOELICHTING / DÉVELOPPEMENTS
  intro:  # paragraphs before the first numbered section
    - nl: Schrijf hier de inleiding van de toelichting.
      fr: Écrivez ici l’introduction des développements.
  sections:  # numbered 1., 2., …
    - id: context  # an id: lowercase letters, digits and hyphens; unique in the file
      title: {{nl: Context, fr: Contexte}}
      paragraphs:
        - nl: Een paragraaf met een voetnoot[^example-source].
          fr: Un paragraphe avec une note de bas de page[^example-source].

considerations:  # lettered A., B., …
  - id: first-consideration
    nl: overwegende dat …;
    fr: considérant que …;

requests:
  lead: {{nl: VERZOEKT DE FEDERALE REGERING, fr: DEMANDE AU GOUVERNEMENT FÉDÉRAL}}
  items:  # numbered 1., 2., …; sub-paragraphs a), b), … go under `subparagraphs:`
    - id: first-request
      nl: ….
      fr: ….

footnotes:  # numbered 1, 2, … in the order they are first called
  example-source:
    nl: Bron, online te raadplegen op https://www.dekamer.be.
    fr: Source, [en ligne] https://www.lachambre.be.

date: {filed.isoformat()}  # the date line at the end of the resolution
"""
