"""Apply: a resolved amendments document in, the amended resolution out.

Carries the amendments out mechanically, as a committee secretary does: replace a block's
own text or the quoted words in it, leave a block out, insert a new block after the one its
label follows (C/1 after C, C/2 after C/1, 0/1 before the first). Filed labels do not shift
while amendments are pending: the result fixes the labels that counting would change (the
inserted C/1, and D when C is left out), so it prints as the committee reads it; resolving
it with `renumber` gives the text as adopted (A, B, C, … again).

Footnotes the amendments define are added; footnotes no longer called are left out.
An amendment that cannot be carried out (its target or its quoted words are gone) is
reported with its position, and the result is then None.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator

from drafter.document import model
from drafter.document.amendments import Amendment, Amendments, WordChange, Words
from drafter.document.diagnostics import DiagnosticList
from drafter.resolve import targets
from drafter.resolve.resolver import calls, resolve


def apply_amendments(
    amendments: Amendments, diagnostics: DiagnosticList
) -> model.Resolution | None:
    """The filed resolution with every amendment carried out, or None after reporting why
    one cannot be."""
    if amendments.resolution is None:
        return None
    resolution = copy.deepcopy(amendments.resolution)
    errors_before = len([item for item in diagnostics.items if item.severity == "error"])
    for amendment in amendments.amendments:
        _carry_out(amendment, resolution, diagnostics)
    if len([item for item in diagnostics.items if item.severity == "error"]) > errors_before:
        return None
    _lock_labels(resolution)
    _freeze_memorandum_references(resolution, amendments)
    _keep_called_footnotes(resolution, amendments)
    return resolution


def left_out(amendments: Amendments) -> dict[str, tuple[Amendment, targets.Block]]:
    """Every block with an id that an amendment leaves out (with the blocks inside it), and
    the amendment that does."""
    found: dict[str, tuple[Amendment, targets.Block]] = {}
    for amendment in amendments.amendments:
        if amendment.action == "delete" and amendment.part is not None:
            for block in targets.within(amendment.part):
                if block.id:
                    found[block.id] = (amendment, block)
    return found


def _freeze_memorandum_references(resolution: model.Resolution, amendments: Amendments) -> None:
    """The memorandum is not amended: it explains the filed text. Where it refers to a
    block an amendment leaves out, it keeps that block's filed label, as plain text."""
    labels = {
        identifier: block.reference_label for identifier, (_, block) in left_out(amendments).items()
    }
    if not labels or resolution.memorandum is None:
        return
    pattern = re.compile(r"\[@(" + "|".join(map(re.escape, labels)) + r")\]")
    for text in _memorandum_texts(resolution.memorandum):
        for language in model.LANGUAGES:
            current = text.language(language)
            frozen = pattern.sub(lambda match: "\\" + labels[match.group(1)], current.value)
            if frozen != current.value:
                setattr(text, language, model.LanguageText(frozen, current.position))


def _memorandum_texts(memorandum: model.Memorandum) -> Iterator[model.Text]:
    paragraphs = [*memorandum.intro]
    for section in memorandum.sections:
        yield section.title
        paragraphs += section.paragraphs
    for paragraph in paragraphs:
        yield paragraph.text
        yield from (item.text for item in paragraph.items)


def _carry_out(
    amendment: Amendment, resolution: model.Resolution, diagnostics: DiagnosticList
) -> None:
    target = amendment.target
    if target is None:
        diagnostics.error(
            "amendment-target",
            amendment.position,
            f"amendment {amendment.number}: cannot read its target '{amendment.written_target}'",
        )
        return
    if target.kind == "title":
        if amendment.action == "replace":
            resolution.title = _replaced_text(amendment, resolution.title, diagnostics)
        return
    blocks = targets.siblings(resolution, target)
    if blocks is None:
        _missing(amendment, diagnostics)
        return
    if amendment.action == "insert":
        if amendment.part is None:
            return
        new_block = copy.deepcopy(amendment.part)
        new_key = targets.key(*target.steps[-1])
        place = sum(
            1 for block in blocks if targets.key(target.kind, block.reference_label) < new_key
        )
        blocks.insert(place, new_block)
        return
    block = next((block for block in blocks if block.reference_label == target.label), None)
    if block is None:
        _missing(amendment, diagnostics)
        return
    if amendment.action == "delete":
        blocks.remove(block)
    else:
        block.text = _replaced_text(amendment, block.text, diagnostics)


def _missing(amendment: Amendment, diagnostics: DiagnosticList) -> None:
    diagnostics.error(
        "amendment-target",
        amendment.position,
        f"amendment {amendment.number}: the filed text has no {amendment.target}",
    )


def _replaced_text(
    amendment: Amendment, text: model.Text, diagnostics: DiagnosticList
) -> model.Text:
    if amendment.words is None:
        return copy.deepcopy(amendment.text) if amendment.text is not None else text
    return with_words_changed(amendment, amendment.words, text, diagnostics) or text


def with_words_changed(
    amendment: Amendment, words: Words, text: model.Text, diagnostics: DiagnosticList
) -> model.Text | None:
    """`text` with the amendment's word changes made in both languages, or None after
    reporting, at the change, quoted words that are not there once."""
    languages = {}
    for language, name in (("nl", "Dutch"), ("fr", "French")):
        change = words.language(language)
        current = text.language(language)
        changed = changed_words(current.value, change)
        if isinstance(changed, WordsProblem):
            diagnostics.error(
                "amendment-words",
                change.position,
                f"amendment {amendment.number}: {changed.message} in the {name} text of "
                f"{amendment.target}",
            )
        else:
            languages[language] = model.LanguageText(changed, current.position)
    if len(languages) < len(model.LANGUAGES):
        return None
    return model.Text(languages["nl"], languages["fr"], text.position)


class WordsProblem:
    """Why quoted words cannot be found: not there, or there more than once."""

    def __init__(self, message: str) -> None:
        self.message = message


def occurrences(value: str, words: str) -> list[re.Match[str]]:
    """Where `words` stand in `value`, spaces and line breaks counting as one space, and
    only as whole words (quoting "eer" does not find "meer")."""
    pieces = words.split()
    if not pieces:
        return []
    pattern = r"\s+".join(re.escape(piece) for piece in pieces)
    return list(re.finditer(rf"(?<!\w){pattern}(?!\w)", value))


def changed_words(value: str, change: WordChange) -> str | WordsProblem:
    """`value` with the word change made, or why it cannot be made."""
    found = occurrences(value, change.quoted)
    if len(found) != 1:
        where = "does not occur" if not found else f"occurs {len(found)} times"
        return WordsProblem(f'"{change.quoted}" {where}')
    start, end = found[0].span()
    operation = change.operation
    if operation == "replace":
        return value[:start] + change.by + value[end:]
    if operation == "insert":
        return value[:end] + " " + change.insert + value[end:]
    before, after = value[:start], value[end:]
    if before.endswith(" ") and (not after or after[0] in " ,.;:)"):
        before = before.rstrip()
    elif not before and after.startswith(" "):
        after = after.lstrip()
    return before + after


def _lock_labels(resolution: model.Resolution) -> None:
    """Fix the labels that counting would change: every block keeps the label it had (the
    filed one, or C/1 for an inserted one)."""
    _lock(resolution.considerations, "consideration")
    _lock(resolution.requests.items, "request")
    for block in [*resolution.considerations, *resolution.requests.items]:
        _lock(block.items, "item")
        for subparagraph in getattr(block, "subparagraphs", []):
            _lock(subparagraph.items, "item")
        _lock(getattr(block, "subparagraphs", []), "subparagraph")


def _lock(blocks: list[targets.Block], kind: str) -> None:
    counter = 0
    for block in blocks:
        base, sub = targets.key(kind, block.reference_label)
        natural = sub == 0 and base == counter + 1
        block.fixed_label = "" if natural else block.reference_label
        counter = base


def _keep_called_footnotes(resolution: model.Resolution, amendments: Amendments) -> None:
    for identifier, footnote in amendments.footnotes.items():
        resolution.footnotes.setdefault(identifier, copy.deepcopy(footnote))
    diagnostics = DiagnosticList(resolution.path)
    resolve(resolution, diagnostics)
    called = {call.id for _, text in resolution.texts() for call in calls(text, "nl")}
    resolution.footnotes = {
        identifier: footnote
        for identifier, footnote in resolution.footnotes.items()
        if identifier in called
    }


def adopted_text(resolution: model.Resolution) -> list[tuple[str, str, str]]:
    """What the resolution says, as adopted: every block's label (renumbered A, B, C, …)
    and its Dutch and French text with spaces normalised, then the footnotes called, in
    number order. Two resolutions with the same adopted text say the same thing."""
    resolution = copy.deepcopy(resolution)
    resolve(resolution, DiagnosticList(resolution.path), renumber=True)
    lines: list[tuple[str, str, str]] = [("title", *_values(resolution.title))]
    called: list[str] = []
    for part, text in resolution.texts():
        if (isinstance(part, model.Numbered) and part.kind != "item") or (
            isinstance(part, model.Item) and part.label.endswith("°")
        ):
            lines.append((f"{part.kind} {part.label}", *_values(text)))
            called += [call.id for call in calls(text, "nl") if call.id not in called]
    for identifier in called:
        footnote = resolution.footnotes.get(identifier)
        if footnote is not None:
            lines.append((f"footnote [^{identifier}]", *_values(footnote.text)))
    return lines


def _values(text: model.Text) -> tuple[str, str]:
    return " ".join(text.nl.value.split()), " ".join(text.fr.value.split())
