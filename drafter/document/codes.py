"""The stable codes of drafter's diagnostics: what each one means and how to fix it.

Every diagnostic carries one of these codes (`warning[parity-url]`), so that a staffer can
look it up and an acknowledgment can name it. A code, once published, keeps its meaning:
rename a message freely, never a code. README.md lists them (a test keeps it in step).
Only warnings can be acknowledged; an error always has to be fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Code:
    """One diagnostic code: its severity, what it means, and how to fix it."""

    name: str
    severity: Severity
    meaning: str
    fix: str

    @property
    def acknowledgeable(self) -> bool:
        """Whether an `acknowledge:` entry may accept it (warnings other than about
        acknowledgments themselves)."""
        return self.severity == "warning" and self.name != UNUSED_ACKNOWLEDGMENT


UNUSED_ACKNOWLEDGMENT = "unused-acknowledgment"

_ALL = (
    # Reading the file.
    Code(
        "unreadable-file",
        "error",
        "the file cannot be read: no such file, a folder, or not saved as UTF-8",
        "check the path; save the file as UTF-8",
    ),
    Code(
        "empty-file",
        "error",
        "the file holds nothing but comments or blank lines",
        "write the resolution, or start from `drafter new`",
    ),
    Code(
        "too-large",
        "error",
        "the file, a text or the nesting is past one of drafter's limits (see Limits)",
        "check that it is the right file; split a very long text into several",
    ),
    Code(
        "yaml-syntax",
        "error",
        "the file is not well-formed YAML (indentation, an unclosed quote, a tab)",
        "fix the line shown: indent with spaces, close the quote, quote a text holding ': '",
    ),
    Code(
        "yaml-alias",
        "error",
        "an anchor or alias ('&name', '*name'), which a resolution may not use",
        "write the text out in full where it is needed",
    ),
    Code(
        "yaml-tag",
        "error",
        "a YAML tag ('!' or '!!'), which a resolution may not use",
        "remove the tag, or put the text between double quotes",
    ),
    Code(
        "forbidden-character",
        "error",
        "a control character or other character no document can hold",
        "delete the character (often pasted in invisibly from another program)",
    ),
    # The shape of the file.
    Code(
        "duplicate-key",
        "error",
        "the same key twice in one mapping",
        "keep one of them",
    ),
    Code(
        "unknown-key",
        "error",
        "a key the format does not have (often a typo)",
        "use the key suggested, or remove it",
    ),
    Code(
        "missing-key",
        "error",
        "a required key is missing (an acknowledgment's `reason` is required too)",
        "add the key",
    ),
    Code(
        "missing-language",
        "error",
        "a text has no Dutch (`nl`) or no French (`fr`) version",
        "add the missing language",
    ),
    Code(
        "wrong-type",
        "error",
        "a value of the wrong kind: a list where a mapping is needed, a word for a number",
        "write the value in the form the message names",
    ),
    Code(
        "empty-value",
        "error",
        "a text or value that is empty",
        "write the text, or remove the key if it is optional",
    ),
    Code(
        "invalid-value",
        "error",
        "a value the format does not allow ('doc', 'years', 'columns', 'gender', a minimum)",
        "write one of the values the message names",
    ),
    Code(
        "invalid-date",
        "error",
        "a date not written YYYY-MM-DD, or one that does not exist",
        "write the date as YYYY-MM-DD, e.g. 2021-01-25",
    ),
    Code(
        "invalid-id",
        "error",
        "an id with characters other than lowercase letters, digits and hyphens",
        "rename it, e.g. `human-rights-2020`",
    ),
    Code(
        "duplicate-id",
        "error",
        "two parts have the same id",
        "give one of them another id (and update the [@id] references to it)",
    ),
    # Inline markup and footnotes.
    Code(
        "unbalanced-markup",
        "error",
        "`*`, `**`, `[^` or `[@` opened and not closed, or closed in the wrong order",
        "close it, or write a backslash before a literal character (`\\*`)",
    ),
    Code(
        "invalid-call",
        "error",
        "a footnote call or reference whose id is not a valid id (`[^sou rce]`)",
        "write the id of the footnote or part, as defined",
    ),
    Code(
        "undefined-footnote",
        "error",
        "a footnote is called that is not defined under `footnotes`",
        "define it, or correct the id (the nearest one is suggested)",
    ),
    Code(
        "footnote-in-one-language",
        "error",
        "a footnote is called in one language of a paragraph and not in the other",
        "call it in both languages, so that its number is the same in both columns",
    ),
    Code(
        "footnote-order",
        "error",
        "the footnotes of a paragraph are called in a different order in Dutch and French",
        "call them in the same order in both languages",
    ),
    Code(
        "footnote-called-twice",
        "error",
        "a footnote is called twice (in one text, or from two paragraphs)",
        "define a second footnote with its own id (for example one that says 'Idem.')",
    ),
    Code(
        "footnote-in-footnote",
        "error",
        "a footnote calls another footnote",
        "write the reference in the footnote's text instead",
    ),
    Code(
        "unused-footnote",
        "warning",
        "a footnote is defined but never called, so it is not printed",
        "call it where it belongs, or delete it",
    ),
    # References.
    Code(
        "unknown-reference",
        "error",
        "a cross-reference `[@id]` to an id no part has",
        "correct the id (the nearest one is suggested)",
    ),
    Code(
        "reference-to-footnote",
        "error",
        "a cross-reference `[@id]` names a footnote",
        "call the footnote with `[^id]`",
    ),
    Code(
        "literal-reference-to-nothing",
        "error",
        "a reference typed as plain text ('verzoek 21') points at a part that does not exist",
        "write it as `[@id]` to the part meant",
    ),
    Code(
        "references-differ",
        "error",
        "the Dutch and French texts of a paragraph refer to different parts",
        "make both languages refer to the same parts",
    ),
    Code(
        "literal-reference",
        "warning",
        "a reference typed as plain text ('verzoek 4') that would not follow renumbering",
        "write the `[@id]` form the message gives; a backslash (`verzoek \\4`) says it is "
        "not a reference",
    ),
    # Labels the source fixes, and amendments.
    Code(
        "invalid-label",
        "error",
        "a fixed `label:` that is not a label of its kind (C/1, 4/1, c/1), 2°/1), or one that "
        "repeats or goes back on an earlier label of the same list",
        "write the label as the text prints it, in order: C, C/1, C/2, D",
    ),
    Code(
        "amendment-action",
        "error",
        "an amendment that does not say one thing to do (replace, insert or delete), or gives "
        "what its action does not use (a text for a deletion, words and a text together)",
        "keep one of `replace:`, `insert:`, `delete:`, with `text:` or `words:` as the "
        "action needs",
    ),
    Code(
        "amendment-target",
        "error",
        "an amendment's target cannot be read, or names a block the filed text does not have "
        "(or, for an insertion, a label it already has)",
        "name the block as the filed text labels it: request 4, subparagraph c); insert "
        "with a new label: consideration C/1",
    ),
    Code(
        "amendment-words",
        "error",
        "the words an amendment quotes do not occur in its target, or occur more than once",
        "quote more words, so that they occur exactly once; or replace the whole text",
    ),
    Code(
        "amendment-overlap",
        "error",
        "two amendments change the same block, or one changes a block another leaves out",
        "merge them into one amendment, or drop one",
    ),
    Code(
        "missing-justification",
        "error",
        "an amendment has no justification in one language or both",
        "write why the amendment is made under `justification:`, in Dutch and French",
    ),
    # The two languages.
    Code(
        "parity-numbers",
        "warning",
        "the two languages of a paragraph have different numbers, years or dates",
        "correct the language that is wrong; if the filed document differs, acknowledge it",
    ),
    Code(
        "parity-url",
        "warning",
        "a URL or DOI stands in one language of a paragraph only",
        "add it to the other language; if the filed document differs, acknowledge it",
    ),
    # Acknowledgments.
    Code(
        "invalid-acknowledgment",
        "error",
        "an acknowledgment names an unknown code, or an error (errors cannot be acknowledged)",
        "use the code printed in the warning's brackets (the nearest one is suggested)",
    ),
    Code(
        UNUSED_ACKNOWLEDGMENT,
        "warning",
        "an acknowledgment that silences nothing (the warning was fixed, or is elsewhere)",
        "remove the acknowledgment; it cannot itself be acknowledged",
    ),
)

CODES: dict[str, Code] = {code.name: code for code in _ALL}
ACKNOWLEDGEABLE: tuple[str, ...] = tuple(code.name for code in _ALL if code.acknowledgeable)
