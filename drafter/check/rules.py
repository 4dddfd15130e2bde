"""Check: a resolved `Resolution` in, diagnostics about its meaning out.

The loader has already reported what is wrong with the shape of the file (keys, types,
missing languages) and the resolver what is wrong with the markup. This stage reports what
only the whole document can tell: duplicate ids, footnotes that do not match between the
languages, cross-references to nothing, references typed as plain text, and numbers, years
or URLs that differ between the Dutch and the French text of one paragraph. Last, the
acknowledgments in the source mark the warnings they accept (`acknowledgments.py`).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.check import acknowledgments, literal, parity
from drafter.check.labels import check_labels
from drafter.document import model, vocabulary
from drafter.document.diagnostics import DiagnosticList, Position
from drafter.document.model import locate
from drafter.resolve.resolver import calls, parts_by_id, references

LANGUAGE_NAMES = {"nl": "Dutch", "fr": "French"}
Part = model.Numbered | model.Section


def check(resolution: model.Resolution, diagnostics: DiagnosticList) -> None:
    structure = _Structure(resolution)
    _check_ids(structure, diagnostics)
    _check_footnotes(resolution, diagnostics)
    check_labels(resolution, diagnostics)
    for owner, text in resolution.all_texts():
        # The text a reader sees, markup calls blanked out (offsets kept), and the
        # references typed as plain text in it; both checks below read them.
        masked = {language: _masked(text.language(language).value) for language in LANGUAGE_NAMES}
        typed = {language: literal.find(masked[language], language) for language in masked}
        _check_references(structure, owner, text, typed, diagnostics)
        _check_parity(masked, typed, text, diagnostics)
    acknowledgments.apply(resolution, diagnostics)


@dataclass
class _Structure:
    """Who contains whom, so references can be resolved and described."""

    resolution: model.Resolution
    parent: dict[int, Part] = field(default_factory=dict)
    # The request, consideration or sub-paragraph a text stands in: "sub-paragraph b)"
    # without "of request 4" means a sub-paragraph of that request.
    context: dict[int, Part] = field(default_factory=dict)
    _labelled: dict[tuple[int, str], dict[str, tuple[int, Part]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for consideration in self.resolution.considerations:
            self._adopt(consideration, consideration.items)
        for request in self.resolution.requests.items:
            self._adopt(request, request.items)
            self._adopt(request, request.subparagraphs)
            for subparagraph in request.subparagraphs:
                self._adopt(subparagraph, subparagraph.items)
        self.targets = parts_by_id(self.resolution)

    def _adopt(self, parent: Part, children: list[model.Item] | list[model.Subparagraph]) -> None:
        self.context[id(parent)] = parent
        for child in children:
            self.parent[id(child)] = parent
            self.context[id(child)] = parent

    def describe(self, part: Part) -> str:
        name = f"{vocabulary.KIND_NAMES[part.kind]} {part.reference_label}"
        parent = self.parent.get(id(part))
        return f"{name} of {self.describe(parent)}" if parent else name

    def labelled(self, part: Part | None, kind: str) -> dict[str, tuple[int, Part]]:
        """The children of `kind` of `part` by label, with their place among them (the
        first where two have one label); made once, as each literal reference asks."""
        key = (id(part), kind)
        if key not in self._labelled:
            found: dict[str, tuple[int, Part]] = {}
            for index, child in enumerate(self.children(part, kind)):
                found.setdefault(child.reference_label, (index, child))
            self._labelled[key] = found
        return self._labelled[key]

    def children(self, part: Part | None, kind: str) -> list[Part]:
        if kind == "consideration":
            return list(self.resolution.considerations)
        if kind == "request":
            return list(self.resolution.requests.items)
        if kind == "subparagraph":
            return list(part.subparagraphs) if isinstance(part, model.Request) else []
        return list(getattr(part, "items", []))


def _check_ids(structure: _Structure, diagnostics: DiagnosticList) -> None:
    seen: dict[str, Part] = {}
    for part in structure.resolution.numbered_parts():
        if part.id is None:
            continue
        if part.id in seen:
            first = seen[part.id]
            diagnostics.error(
                "duplicate-id",
                part.position,
                f"the id '{part.id}' is already used by {structure.describe(first)} "
                f"on line {first.position.line}; ids must be unique",
            )
        else:
            seen[part.id] = part


def _check_footnotes(resolution: model.Resolution, diagnostics: DiagnosticList) -> None:
    footnotes = resolution.footnotes
    called_from: dict[str, Position] = {}
    for _, text in resolution.texts():
        by_language = {language: calls(text, language) for language in model.LANGUAGES}
        for language, language_calls in by_language.items():
            source = text.language(language)
            for call in language_calls:
                if call.id not in footnotes:
                    diagnostics.error(
                        "undefined-footnote",
                        locate(source, call.offset, len(call.id) + 3),
                        f"the footnote '{call.id}' is called but not defined under "
                        f"'footnotes'{_did_you_mean(call.id, footnotes)}",
                    )
        dutch = [call.id for call in by_language["nl"]]
        french = [call.id for call in by_language["fr"]]
        for language, mine, theirs in (("nl", dutch, french), ("fr", french, dutch)):
            other = "fr" if language == "nl" else "nl"
            for call in by_language[language]:
                if call.id not in theirs:
                    diagnostics.error(
                        "footnote-in-one-language",
                        locate(text.language(language), call.offset, len(call.id) + 3),
                        f"the footnote '{call.id}' is called in the "
                        f"{LANGUAGE_NAMES[language]} text but not in the "
                        f"{LANGUAGE_NAMES[other]} text of the same paragraph",
                    )
            for identifier, count in Counter(mine).items():
                if count > 1:
                    diagnostics.error(
                        "footnote-called-twice",
                        text.language(language).position,
                        f"the footnote '{identifier}' is called {count} times in this "
                        f"{LANGUAGE_NAMES[language]} text; a footnote is called once",
                    )
        shared = [identifier for identifier in dutch if identifier in french]
        if shared != [identifier for identifier in french if identifier in dutch]:
            diagnostics.error(
                "footnote-order",
                text.nl.position,
                "the footnotes are called in a different order in Dutch "
                f"({', '.join(dutch)}) and in French ({', '.join(french)}); "
                "their numbers would not match",
            )
        for call in by_language["nl"]:
            position = locate(text.nl, call.offset, len(call.id) + 3)
            if call.id in called_from and called_from[call.id] != text.nl.position:
                diagnostics.error(
                    "footnote-called-twice",
                    position,
                    f"the footnote '{call.id}' is already called on line "
                    f"{called_from[call.id].line}; a footnote is called from one place only "
                    "(define a second footnote with its own id)",
                )
            called_from.setdefault(call.id, text.nl.position)
    for footnote in footnotes.values():
        for language in model.LANGUAGES:
            for call in calls(footnote.text, language):
                diagnostics.error(
                    "footnote-in-footnote",
                    locate(footnote.text.language(language), call.offset, len(call.id) + 3),
                    "a footnote cannot call another footnote",
                )
        if footnote.number == 0:
            diagnostics.warning(
                "unused-footnote",
                footnote.position,
                f"the footnote '{footnote.id}' is defined but never called; "
                "it will not appear in the document",
                subject=footnote.text.position,
            )


def _did_you_mean(identifier: str, known: dict[str, object] | list[str]) -> str:
    close = difflib.get_close_matches(identifier, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _masked(value: str) -> str:
    """The text with markup calls blanked out, same length, so offsets stay valid."""
    return re.sub(r"\[[\^@][^\]]*\]", lambda match: " " * len(match.group()), value)


def _check_references(
    structure: _Structure,
    owner: object,
    text: model.Text,
    typed: dict[str, list[literal.LiteralReference]],
    diagnostics: DiagnosticList,
) -> None:
    targets_by_language: dict[str, list[str]] = {}
    for language in model.LANGUAGES:
        source = text.language(language)
        targets: list[str] = []
        for reference in references(text, language):
            position = locate(source, reference.offset, len(reference.id) + 3)
            target = structure.targets.get(reference.id)
            if target is not None:
                targets.append(structure.describe(target))
            elif reference.id in structure.resolution.footnotes:
                diagnostics.error(
                    "reference-to-footnote",
                    position,
                    f"'{reference.id}' is a footnote; call it with [^{reference.id}]",
                )
            else:
                diagnostics.error(
                    "unknown-reference",
                    position,
                    f"the reference [@{reference.id}] points at nothing: no part has the id "
                    f"'{reference.id}'{_did_you_mean(reference.id, list(structure.targets))}",
                )
        context = structure.context.get(id(owner))
        for found in typed[language]:
            targets += _check_literal(structure, context, text, language, found, diagnostics)
        targets_by_language[language] = targets
    dutch, french = targets_by_language["nl"], targets_by_language["fr"]
    if sorted(set(dutch)) != sorted(set(french)):
        diagnostics.error(
            "references-differ",
            text.nl.position,
            "the Dutch and French texts of this paragraph refer to different parts: "
            f"the Dutch to {_listing(dutch)}, the French to {_listing(french)}",
        )


def _listing(descriptions: list[str]) -> str:
    unique = list(dict.fromkeys(descriptions))
    return ", ".join(unique) if unique else "nothing"


def _check_literal(
    structure: _Structure,
    context: Part | None,
    text: model.Text,
    language: str,
    found: literal.LiteralReference,
    diagnostics: DiagnosticList,
) -> list[str]:
    """Report one literal reference of `text` in `language`; return descriptions of what it
    points at."""
    position = locate(text.language(language), found.start, found.end - found.start)
    quoted = f"'{found.text}'"
    kind_name = vocabulary.KIND_NAMES[found.kind]
    container: Part | None = None
    if found.kind in ("subparagraph", "item"):
        if found.parent is not None and found.parent_kind is not None:
            container = _find(structure, None, found.parent_kind, found.parent.text)
            if container is None:
                parent_name = vocabulary.KIND_NAMES[found.parent_kind]
                diagnostics.error(
                    "literal-reference-to-nothing",
                    position,
                    f"{quoted} refers to {parent_name} {found.parent.text}, "
                    f"which does not exist{_existing(structure, None, found.parent_kind)}",
                )
                return [f"{parent_name} {found.parent.text} (missing)"]
        else:
            container = context
            if container is None:
                diagnostics.warning(
                    "literal-reference",
                    position,
                    f"{quoted} does not say which part its {kind_name} belongs to; "
                    "write it as a cross-reference [@id]",
                    subject=text.position,
                )
                return [f"{kind_name} {label.text}" for label in found.labels]
    parts: list[Part] = []
    missing: list[str] = []
    for label in found.labels:
        part = _find(structure, container, found.kind, label.text)
        if part is None:
            missing.append(label.text)
        else:
            parts.append(part)
    if found.is_range and len(parts) == 2:
        labelled = structure.labelled(container, found.kind)
        first, last = (labelled[part.reference_label][0] for part in parts)
        if first <= last:
            parts = structure.children(container, found.kind)[first : last + 1]
    where = f" of {structure.describe(container)}" if container is not None else ""
    if missing:
        diagnostics.error(
            "literal-reference-to-nothing",
            position,
            f"{quoted} refers to {kind_name} {' and '.join(missing)}{where}, which does not "
            f"exist{_existing(structure, container, found.kind)}",
        )
        return [structure.describe(part) for part in parts] + [
            f"{kind_name} {label}{where} (missing)" for label in missing
        ]
    diagnostics.warning(
        "literal-reference",
        position,
        f"{quoted} is a reference typed as plain text; write "
        f"'{_suggestion(structure, container, found)}' so that it follows renumbering",
        subject=text.position,
    )
    return [structure.describe(part) for part in parts]


def _find(structure: _Structure, container: Part | None, kind: str, label: str) -> Part | None:
    found = structure.labelled(container, kind).get(label)
    return found[1] if found else None


def _existing(structure: _Structure, container: Part | None, kind: str) -> str:
    siblings = structure.children(container, kind)
    if not siblings:
        return ""
    first, last = siblings[0].reference_label, siblings[-1].reference_label
    what = vocabulary.KIND_NAMES[kind] + ("s" if len(siblings) > 1 else "")
    span = first if len(siblings) == 1 else f"{first} to {last}"
    return f" (there {'are' if len(siblings) > 1 else 'is'} {what} {span})"


def _suggestion(
    structure: _Structure, container: Part | None, found: literal.LiteralReference
) -> str:
    """The literal text with each label replaced by `[@id]`, where the target has an id."""
    pieces: list[tuple[literal.Label, Part | None]] = [
        (label, _find(structure, container, found.kind, label.text)) for label in found.labels
    ]
    if found.parent is not None:
        pieces.append((found.parent, container))
    text = found.text
    for label, part in sorted(pieces, key=lambda piece: piece[0].start, reverse=True):
        if part is not None and part.id:
            start, end = label.start - found.start, label.end - found.start
            text = text[:start] + f"[@{part.id}]" + text[end:]
    return text


def _check_parity(
    masked: dict[str, str],
    typed: dict[str, list[literal.LiteralReference]],
    text: model.Text,
    diagnostics: DiagnosticList,
) -> None:
    """Warn when the two languages of a paragraph disagree on numbers, dates or URLs.

    A number written in words in one language ("veertien miljoen" / "14 millions") is not
    a disagreement, nor a date written differently (`parity.py` reads them alike); a number
    that stands in each language where the other has a different one ("80 000" / "8 000"),
    or a year or URL found in one language only, is.
    """
    dutch = parity.read(masked["nl"], typed["nl"])
    french = parity.read(masked["fr"], typed["fr"])
    only_dutch = parity.unmatched_numbers(dutch, french)
    only_french = parity.unmatched_numbers(french, dutch)
    years = [number for number in only_dutch | only_french if parity.is_year(number)]
    if (only_dutch and only_french) or years:
        diagnostics.warning(
            "parity-numbers",
            text.nl.position,
            "the Dutch and French texts of this paragraph have different numbers: "
            f"{_numbers(only_dutch)} in Dutch only, {_numbers(only_french)} in French only",
            subject=text.position,
        )
    unmatched = {"nl": dutch.urls - french.urls, "fr": french.urls - dutch.urls}
    for language, other in (("nl", "fr"), ("fr", "nl")):
        # A URL on the same site as an unmatched URL of the other language is taken for its
        # translation (…/EN/… and …/FR/…), not for a disagreement.
        other_hosts = {parity.host(url) for url in unmatched[other]}
        for url in sorted(unmatched[language]):
            if parity.host(url) not in other_hosts:
                diagnostics.warning(
                    "parity-url",
                    text.language(language).position,
                    f"the URL {url} is in the {LANGUAGE_NAMES[language]} text of this "
                    "paragraph only",
                    subject=text.position,
                )


def _numbers(numbers: Counter[int]) -> str:
    return ", ".join(str(number) for number in sorted(numbers.elements())) or "none"


def summary(resolution: model.Resolution) -> dict[str, int]:
    """How many parts of each kind the document has, for `check --format json`."""
    counts = Counter(part.kind for part in resolution.numbered_parts())
    return {
        "considerations": counts["consideration"],
        "requests": counts["request"],
        "subparagraphs": counts["subparagraph"],
        "items": counts["item"],
        "sections": counts["section"],
        "footnotes": len(resolution.footnotes),
        "sponsors": len(resolution.sponsors),
    }
