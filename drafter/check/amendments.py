"""Check an amendments document: a resolved `Amendments` in, diagnostics out.

Each amendment must say one thing to do, to a block the filed text has (or, for an
insertion, with a label it does not have yet, after a block it has); quoted words must
occur exactly once in their target; a justification must be written in both languages;
two amendments may not change the same block, nor one change what another leaves out. The
texts are checked as a resolution's are: footnotes called must be defined, `[@id]` must
name a block of the amended text. Finally the amendments are carried out (`apply`), so
that what `check` passes, `drafter apply` can do.
"""

from __future__ import annotations

from drafter.check.rules import check as check_resolution
from drafter.document import model
from drafter.document.amendments import Amendment, Amendments
from drafter.document.diagnostics import DiagnosticList
from drafter.resolve import targets
from drafter.resolve.apply import apply_amendments, left_out, with_words_changed
from drafter.resolve.resolver import calls, references


def check_amendments(amendments: Amendments, diagnostics: DiagnosticList) -> None:
    resolution = amendments.resolution
    if resolution is None:
        return
    filed = DiagnosticList(resolution.path)
    check_resolution(resolution, filed)
    diagnostics.items += [item for item in filed.items if item.severity == "error"]
    placed: dict[tuple[tuple[str, str], ...], Amendment] = {}
    usable = True
    for amendment in amendments.amendments:
        if not _check_one(amendment, resolution, diagnostics):
            usable = False
            continue
        usable &= _check_overlap(amendment, placed, diagnostics)
    _check_texts(amendments, resolution, diagnostics)
    if usable:
        # What is left to find (quoted words gone after an earlier amendment, references
        # to a block left out) is found by carrying the amendments out.
        amended = apply_amendments(amendments, diagnostics)
        if amended is not None:
            _check_references_left(amendments, amended, diagnostics)


def _check_references_left(
    amendments: Amendments, amended: model.Resolution, diagnostics: DiagnosticList
) -> None:
    """A block that an amendment leaves out may still be referred to in the amended text
    (the memorandum keeps its filed label: see `apply`)."""
    gone = left_out(amendments)
    for part, text in amended.texts():
        for reference in references(text, "nl"):
            if reference.id not in gone or not isinstance(part, model.Numbered):
                continue
            amendment = gone[reference.id][0]
            diagnostics.error(
                "unknown-reference",
                amendment.position,
                f"once the amendments are carried out, {part.kind} {part.reference_label} "
                f"still refers to [@{reference.id}], which amendment {amendment.number} leaves "
                "out; amend that text too",
            )


def _check_one(
    amendment: Amendment, resolution: model.Resolution, diagnostics: DiagnosticList
) -> bool:
    """Whether the amendment can be carried out, reporting what stops it."""
    number = f"amendment {amendment.number}"
    for language, name in (("nl", "Dutch"), ("fr", "French")):
        if not amendment.justification.language(language).value.strip():
            diagnostics.error(
                "missing-justification",
                amendment.justification.language(language).position,
                f"{number} has no {name} justification; write why it is made",
            )
    action = amendment.action
    if not action:
        diagnostics.error(
            "amendment-action",
            amendment.position,
            f"{number} must say one thing to do: replace, insert or delete (one of them)",
        )
        return False
    problem = _misfit(amendment)
    if problem:
        diagnostics.error("amendment-action", amendment.position, f"{number}: {problem}")
        return False
    try:
        target = targets.parse_target(amendment.written_target, amendment.position)
    except targets.TargetProblem as problem_found:
        diagnostics.error("amendment-target", amendment.position, f"{number}: {problem_found}")
        return False
    if action == "insert":
        return _check_insertion(amendment, target, resolution, diagnostics)
    if target.kind == "title":
        if action == "delete":
            diagnostics.error(
                "amendment-target", amendment.position, f"{number}: the title cannot be left out"
            )
            return False
        block_text = resolution.title
    else:
        block = targets.find_block(resolution, target)
        if block is None:
            diagnostics.error(
                "amendment-target",
                amendment.position,
                f"{number}: the filed text has no {target}{_existing(resolution, target)}",
            )
            return False
        block_text = block.text
    if amendment.words is not None:
        return with_words_changed(amendment, amendment.words, block_text, diagnostics) is not None
    return True


def _misfit(amendment: Amendment) -> str:
    """What the amendment gives that its action does not use, or lacks."""
    action = amendment.action
    given = [
        name
        for name in ("text", "words", "id", "items", "subparagraphs")
        if getattr(amendment, name)
    ]
    allowed = {
        "replace": ("text", "words"),
        "insert": ("text", "id", "items", "subparagraphs"),
        "delete": (),
    }[action]
    extra = [name for name in given if name not in allowed]
    if extra:
        return f"'{extra[0]}' has no use in a {action}; remove it"
    if action == "replace" and len(given) != 1:
        return "a replacement needs either 'text' (the new text) or 'words' (the words to change)"
    if action == "insert" and amendment.text is None:
        return "an insertion needs 'text': the new block's text"
    if amendment.words is not None:
        for language in model.LANGUAGES:
            if not amendment.words.language(language).operation:
                return f"the {language} word change must be replace + by, delete, or after + insert"
    return ""


def _check_insertion(
    amendment: Amendment,
    target: targets.Target,
    resolution: model.Resolution,
    diagnostics: DiagnosticList,
) -> bool:
    number = f"amendment {amendment.number}"
    if target.kind == "title":
        diagnostics.error(
            "amendment-target", amendment.position, f"{number}: there is only one title"
        )
        return False
    base, sub = targets.key(*target.steps[-1])
    blocks = targets.siblings(resolution, target)
    if blocks is None:
        diagnostics.error(
            "amendment-target",
            amendment.position,
            f"{number}: the filed text has no {targets.Target(target.parent, target.position)}",
        )
        return False
    if sub == 0:
        diagnostics.error(
            "amendment-target",
            amendment.position,
            f"{number}: an inserted {target.kind} gets a new label after the one it follows, "
            f"like {target.kind} {targets.STYLES[target.kind].fixed_labels(base or 1, 1)[1]}",
        )
        return False
    labels = {block.reference_label for block in blocks}
    base_label = targets.STYLES[target.kind].reference_label(base) if base else ""
    if target.label in labels or (base and base_label not in labels):
        problem = (
            "already has" if target.label in labels else f"has no {target.kind} {base_label} for"
        )
        diagnostics.error(
            "amendment-target", amendment.position, f"{number}: the filed text {problem} {target}"
        )
        return False
    return True


def _check_overlap(
    amendment: Amendment,
    placed: dict[tuple[tuple[str, str], ...], Amendment],
    diagnostics: DiagnosticList,
) -> bool:
    target = amendment.target
    if target is None:
        return False
    for depth in range(1, len(target.steps) + 1):
        earlier = placed.get(target.steps[:depth])
        if earlier is None:
            continue
        inside = depth < len(target.steps)
        if not inside or earlier.action == "delete":
            what = "leaves out" if earlier.action == "delete" and inside else "also changes"
            diagnostics.error(
                "amendment-overlap",
                amendment.position,
                f"amendment {amendment.number} changes {target}, which amendment "
                f"{earlier.number} (line {earlier.position.line}) {what}",
            )
            return False
    placed[target.steps] = amendment
    return True


def _existing(resolution: model.Resolution, target: targets.Target) -> str:
    blocks = targets.siblings(resolution, target) or []
    labels = [block.reference_label for block in blocks]
    if not labels:
        return ""
    return f" (it has {target.kind} {labels[0]} to {labels[-1]})"


def _check_texts(
    amendments: Amendments, resolution: model.Resolution, diagnostics: DiagnosticList
) -> None:
    known_ids = {part.id for part in resolution.numbered_parts() if part.id}
    for amendment in amendments.amendments:
        if amendment.action == "insert" and amendment.part is not None:
            for block in [amendment.part, *amendment.items, *amendment.subparagraphs]:
                if block.id and block.id in known_ids:
                    diagnostics.error(
                        "duplicate-id",
                        block.position,
                        f"the id '{block.id}' is already used in the filed text or by an "
                        "earlier amendment; ids must be unique",
                    )
                elif block.id:
                    known_ids.add(block.id)
    for owner, text in amendments.texts():
        for language in model.LANGUAGES:
            source = text.language(language)
            for call in calls(text, language):
                if call.number == 0 and not isinstance(owner, model.Footnote):
                    diagnostics.error(
                        "undefined-footnote",
                        source.position,
                        f"the footnote [^{call.id}] is defined neither under 'footnotes' nor "
                        "in the filed resolution",
                    )
            for reference in references(text, language):
                if not reference.label:
                    diagnostics.error(
                        "unknown-reference",
                        source.position,
                        f"[@{reference.id}] names no block of the filed text or of an inserted one",
                    )
