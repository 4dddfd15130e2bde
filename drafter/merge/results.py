"""What a merge found, as `drafter merge` prints it: the edits, additions, removals, pending
tracked changes, comments and problems in, a line each in plain words out (`summary`,
`format`, `describe`), and the unified diff of the source text (`MergeResult.diff`)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from drafter.document.diagnostics import Position
from drafter.document.model import LANGUAGES
from drafter.merge.reader import Revision
from drafter.merge.targets import Target


@dataclass(frozen=True)
class Edit:
    target: Target
    old: str  # the markup before and after
    new: str
    old_plain: str  # what a reader saw before and sees now
    new_plain: str
    calls: int = 0  # footnote calls added (removed, if negative)

    def summary(self) -> str:
        said = describe(self.old_plain, self.new_plain)
        if self.calls:
            change = "added" if self.calls > 0 else "removed"
            calls = f"{change} {'a footnote call' if abs(self.calls) == 1 else 'footnote calls'}"
            said = calls if self.old_plain == self.new_plain else f"{said}; {calls}"
        return f"{self.target.source.position}: {self.target.what}, {self.target.language}: {said}"


@dataclass(frozen=True)
class Pending:
    position: Position
    revision: Revision
    words: str
    row: str = ""  # the part whose whole row the change deletes, in plain words

    def format(self) -> str:
        kind = "inserted" if self.revision.kind == "insertion" else "deleted"
        when = f" on {self.revision.date}" if self.revision.date else ""
        row = f"the row of {self.row}, " if self.row else ""
        return (
            f"{self.position}: error: tracked change not accepted or rejected: {kind} "
            f'by {self.revision.author}{when}: {row}"{self.words}"'
        )


@dataclass(frozen=True)
class Removal:
    """A part or note deleted in the DOCX, removed from the YAML."""

    what: str  # "consideration B. (second)"
    position: Position  # where it stood in the YAML
    start: int  # the offsets of its lines
    end: int

    def summary(self) -> str:
        return f"{self.position}: removed {self.what}"


@dataclass(frozen=True)
class Addition:
    """A part or a note new in the DOCX, as written into the YAML."""

    what: str  # "consideration", "footnote"
    id: str | None
    where: str  # "after consideration A. (first)"
    plain: dict[str, str]  # what a reader sees, by language
    position: Position  # where it stands in the new YAML

    @property
    def one_language(self) -> bool:
        return len(self.plain) < len(LANGUAGES)

    def summary(self) -> str:
        named = f" {self.id}" if self.id else ""
        texts = ", ".join(f'{language}: "{short(text)}"' for language, text in self.plain.items())
        missing = [language for language in LANGUAGES if language not in self.plain]
        lacks = f"; it has no {missing[0]} text yet" if missing else ""
        return f"{self.position}: added {self.what}{named} {self.where}, {texts}{lacks}"


@dataclass
class MergeResult:
    old_text: str
    new_text: str
    edits: list[Edit] = field(default_factory=list)
    additions: list[Addition] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # comments, as `path:line:col: note: …`
    problems: list[str] = field(default_factory=list)  # `path:line:col: error: …`

    @property
    def needs_a_person(self) -> bool:
        return bool(self.pending or self.problems)

    def diff(self, path: str) -> str:
        lines = difflib.unified_diff(
            self.old_text.splitlines(keepends=True),
            self.new_text.splitlines(keepends=True),
            f"a/{path.lstrip('/')}",
            f"b/{path.lstrip('/')}",
        )
        return "".join(lines)


def short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def describe(old: str, new: str) -> str:
    """A change of text in plain words: replaced "x" with "y"; added "z"; removed "w"."""
    old_words, new_words = old.split(), new.split()
    sentences: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = " ".join(old_words[i1:i2]), " ".join(new_words[j1:j2])
        if tag == "replace":
            sentences.append(f'replaced "{short(before)}" with "{short(after)}"')
        elif tag == "insert":
            sentences.append(f'added "{short(after)}"')
        elif tag == "delete":
            sentences.append(f'removed "{short(before)}"')
    return "; ".join(sentences) or "changed emphasis"
