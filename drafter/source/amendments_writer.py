"""`drafter amend`: the text of an amendments file, with comments that explain each part.

The file is written for a member who is not a programmer: a header says what the file is and
what to fill in, each amendment is preceded by a comment saying what it does in plain words,
and every justification is left empty (`""`) in both languages, to be written before filing.

Texts round-trip exactly (`yaml.safe_load` gives back the same strings): prose is written
folded (`>-`, wrapped at spaces) when folding cannot change it, and double-quoted otherwise.
The output is deterministic: the same amendments give the same text.
"""

from __future__ import annotations

import re
from datetime import date

import yaml

from drafter.document import model
from drafter.document.amendments import Amendment, WordChange
from drafter.source.scaffold import double_quoted

# Lines of folded prose are wrapped at this width (indentation included) where they can be.
WIDTH = 92

# What a folded scalar cannot hold as it is: line breaks (YAML also breaks lines at NEL and
# the Unicode separators), tabs, control characters, a byte order mark, and two spaces in a
# row (where a line break would be folded into one space).
_NOT_FOLDABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|  ")
_DOC = re.compile(r"^(?P<number>.*/)(?P<part>\d+)$")

_HEADER = """\
# Amendments to a filed resolution, for drafter. Check them with `drafter check FILE`.
# Each amendment below says what to do to one block of the filed text, in both languages:
#   replace: a block's own text, whole (`text:`) or some of its words (`words:`);
#   insert:  a new block, after the filed block its label names ("C/1": the first block
#            after consideration C; "0/1": before the first one);
#   delete:  a block, with everything under it.
# Targets name the blocks as the FILED document numbers them ("request 4, subparagraph c)");
# drafter numbers the amendments and writes the formulas ("Verzoek 4 vervangen als volgt"
#   / "Remplacer la demande 4 par ce qui suit").
# Every amendment needs a justification: write it in `justification:` in Dutch (nl) and in
# French (fr); drafter refuses an empty one.
# Inline markup as in a resolution: [^id] calls a footnote, [@id] prints the label of the
# part with that id, *italic*, **bold**.
"""


def next_doc(doc: str) -> str:
    """The number of the document after `doc`: "1780/001" → "1780/002"."""
    match = _DOC.match(doc)
    if match is None:
        return doc
    part = match.group("part")
    return f"{match.group('number')}{int(part) + 1:0{len(part)}d}"


def amendments_yaml(
    amendments: list[Amendment],
    *,
    amends: str,
    doc: str,
    filed: date,
    sponsors: list[model.Sponsor],
    footnotes: dict[str, model.Footnote],
    header_comment: str = "",
) -> str:
    """The source of an amendments document (the format `source/` loads with `amends:`)."""
    lines: list[str] = []
    for line in header_comment.splitlines():
        line = _printable(line)
        lines.append(line if line.startswith("#") else f"# {line}".rstrip())
    lines += _HEADER.splitlines()
    lines.append("")
    lines.append(f"amends: {_scalar(amends)}  # the filed resolution, relative to this file")
    lines.append(f"doc: {double_quoted(doc)}  # the number of this document")
    lines.append(f"filed: {filed.isoformat()}  # the date on the cover")
    lines.append("sponsors:  # who files the amendments; the first one is the main author")
    for sponsor in sponsors:
        lines.append(f"  - {_sponsor(sponsor)}")
    if not sponsors:
        lines[-1] = "sponsors: []  # who files the amendments: add at least one"
    if amendments:
        lines.append("amendments:  # numbered by drafter, in this order")
        for amendment in amendments:
            lines.append("")
            lines += _amendment(amendment)
    else:
        lines.append("amendments: []  # the two versions do not differ where amendments can")
    if footnotes:
        lines.append("")
        lines.append("footnotes:  # footnotes that the amendments' new texts call")
        for note_id, footnote in footnotes.items():
            lines.append(f"  {_scalar(note_id)}:")
            lines += _text(footnote.text, 4)
    return "\n".join(lines) + "\n"


def _sponsor(sponsor: model.Sponsor) -> str:
    return (
        f"{{given: {double_quoted(sponsor.given)}, family: {double_quoted(sponsor.family)}, "
        f"party: {double_quoted(sponsor.party)}, gender: {_scalar(sponsor.gender)}}}"
    )


def describe(amendment: Amendment) -> str:
    """What an amendment does, in one plain English sentence."""
    target = amendment.written_target
    if amendment.delete:
        return f"Delete {target}, with everything under it."
    if amendment.insert:
        parts = []
        if amendment.items:
            parts.append(f"{len(amendment.items)} item(s)")
        if amendment.subparagraphs:
            parts.append(f"{len(amendment.subparagraphs)} sub-paragraph(s)")
        under = f", with {' and '.join(parts)}" if parts else ""
        return f"Insert a new block as {target}{under}."
    if amendment.words is not None:
        return f"In {target}: {_describe_words(amendment.words.nl)} (Dutch)."
    return f"Replace the text of {target} (its own text; what is under it stays)."


def _describe_words(change: WordChange) -> str:
    if change.operation == "replace":
        return f"replace “{_short(change.replace)}” by “{_short(change.by)}”"
    if change.operation == "delete":
        return f"delete “{_short(change.delete)}”"
    return f"insert “{_short(change.insert)}” after “{_short(change.after)}”"


def _printable(text: str) -> str:
    """Text for a comment: what YAML refuses or reads as a line break, as spaces."""
    return _NOT_FOLDABLE.sub(lambda match: " " * len(match.group()), text)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _amendment(amendment: Amendment) -> list[str]:
    lines = [f"  # {_printable(describe(amendment))}"]
    action = amendment.action
    lines.append(f"  - {action}: {_scalar(amendment.written_target)}")
    if amendment.insert and amendment.id:
        lines.append(f"    id: {_scalar(amendment.id)}")
    if amendment.text is not None:
        lines.append("    text:")
        lines += _text(amendment.text, 6)
    if amendment.words is not None:
        lines.append("    words:")
        for language in model.LANGUAGES:
            lines.append(f"      {language}: {_words(amendment.words.language(language))}")
    if amendment.items:
        lines.append("    items:")
        lines += _blocks(amendment.items, 6)
    if amendment.subparagraphs:
        lines.append("    subparagraphs:")
        lines += _blocks(amendment.subparagraphs, 6)
    if amendment.sponsors:
        lines.append("    sponsors:  # who files this amendment, when not the document's sponsors")
        lines += [f"      - {_sponsor(sponsor)}" for sponsor in amendment.sponsors]
    lines.append("    justification:  # why: write it in both languages before filing")
    lines += _text(amendment.justification, 6)
    return lines


def _blocks(blocks: list[model.Subparagraph] | list[model.Item], indent: int) -> list[str]:
    """Items or sub-paragraphs as a resolution writes them: `- id`, `nl`, `fr`, `items`."""
    pad = " " * indent
    lines: list[str] = []
    for block in blocks:
        text = _text(block.text, indent + 2)
        if block.id:
            lines.append(f"{pad}- id: {_scalar(block.id)}")
            lines += text
        else:
            lines.append(f"{pad}- {text[0].lstrip()}")
            lines += text[1:]
        items = getattr(block, "items", [])
        if items:
            lines.append(f"{pad}  items:")
            lines += _blocks(items, indent + 4)
    return lines


def _words(change: WordChange) -> str:
    operation = change.operation
    if operation == "replace":
        pairs = [("replace", change.replace), ("by", change.by)]
    elif operation == "delete":
        pairs = [("delete", change.delete)]
    else:
        pairs = [("after", change.after), ("insert", change.insert)]
    return "{" + ", ".join(f"{key}: {double_quoted(value)}" for key, value in pairs) + "}"


def _text(text: model.Text, indent: int) -> list[str]:
    lines: list[str] = []
    for language in model.LANGUAGES:
        lines += _prose(language, text.language(language).value, indent)
    return lines


def _prose(key: str, value: str, indent: int) -> list[str]:
    """`key: value` at `indent`: folded when that keeps the value, else double-quoted."""
    pad = " " * indent
    if not _foldable(value):
        return [f"{pad}{key}: {double_quoted(value)}"]
    lines = [f"{pad}{key}: >-"]
    inner = pad + "  "
    line = ""
    for word in value.split(" "):
        if line and len(inner) + len(line) + 1 + len(word) > WIDTH:
            lines.append(inner + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(inner + line)
    return lines


def _foldable(value: str) -> bool:
    """Whether `value` reads back the same from a folded block scalar wrapped at spaces."""
    return bool(value) and value == value.strip(" ") and _NOT_FOLDABLE.search(value) is None


def _scalar(value: str) -> str:
    """A short value (an id, a target, a path): plain when YAML reads it back as the same
    string, else double-quoted."""
    if value and value == value.strip() and "\n" not in value:
        try:
            if yaml.safe_load(f"key: {value}") == {"key": value}:
                return value
        except yaml.YAMLError:
            pass
    return double_quoted(value)
