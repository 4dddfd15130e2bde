"""Native list numbering (numbering.xml): the labels "A.", "1.", "a)", "1°" are drawn by Word
from list definitions, never typed, so a consideration inserted in Word moves the following
letters. One list definition per numbering style and column, so Dutch and French count on
their own; one list instance (`w:num`, restarted at 1) per enumeration, so each
consideration's items start at 1°.
"""

from __future__ import annotations

import zlib
from collections import Counter

from drafter.document import numbering
from drafter.document.plan import Row
from drafter.render.docx import wordml


def uncounted_lists(rows: list[Row], hidden: str = "") -> set[str]:
    """The enumerations some of whose labels are not the count of their place (fixed
    labels: C/1, or D after a C left out). `hidden`: in a redline, the change whose rows
    the version counted does not have ("deleted": the new version; "inserted": the old one,
    whose labels are the rows' previous ones where they changed)."""
    places: Counter[str] = Counter()
    found: set[str] = set()
    for row in rows:
        if row.style is None or (hidden and row.change == hidden):
            continue
        places[row.list_key] += 1
        label = row.nl.label
        if hidden == "inserted" and row.nl.previous_label:
            label = row.nl.previous_label
        if label != row.style.label(places[row.list_key]):
            found.add(row.list_key)
    return found


class Lists:
    """The list definitions and instances of one document, made as the body is written."""

    def __init__(
        self, numbering_part: wordml.Element, list_lengths: Counter[str], uncounted: set[str]
    ) -> None:
        self.numbering = numbering_part
        self.next_abstract, self.next_num = wordml.numbering_ids(numbering_part)
        self.abstracts: dict[str, int] = {}
        self.nums: dict[tuple[str, str], int] = {}
        # How many rows each enumeration has (in a redline: in the longer version).
        self.list_lengths = list_lengths
        # The enumerations whose labels are not counted 1, 2, 3, … (see `uncounted_lists`).
        self.uncounted = uncounted
        # Per paragraph style of a row: the list of its first paragraph in the first column,
        # or None once a paragraph of that style is not natively numbered (see number_styles).
        self.style_lists: dict[str, int | None] = {}

    def typed(self, row: Row) -> bool:
        """Whether a list's labels must be typed, because Word cannot draw them: past Z
        Word counts letters AA, BB, CC, where the Chamber (and drafter's PDF) counts AA, AB,
        AC; and fixed labels (C/1, or D after a C that amendments leave out) are no count
        at all. Such a list, and only such a list, carries its labels as text, so that the
        DOCX shows the labels the PDF shows (and, fixed, Word does not shift them)."""
        if row.style is None:
            return False
        if row.list_key in self.uncounted:
            return True
        lettered = row.style.counter.endswith("letter")
        return lettered and self.list_lengths[row.list_key] > 26

    def instance(self, style: numbering.Style, list_key: str, language: str) -> int:
        """The `w:num` of one enumeration in one column, created at its first paragraph.

        Each column has its own list definitions: LibreOffice counts every instance of one
        definition as a single list (`w:startOverride` only restarts it at the instance's
        first paragraph), so Dutch and French instances of a shared definition would
        interleave into A., C., E. Within a column, the instances of one definition follow
        each other (each consideration's items), and the restart is all they need.
        """
        key = (list_key, language)
        if key not in self.nums:
            definition = f"{style.name}-{language}"
            if definition not in self.abstracts:
                self.abstracts[definition] = self.next_abstract
                wordml.add_abstract_num(
                    self.numbering,
                    self.next_abstract,
                    zlib.crc32(definition.encode()),  # a stable list id across builds
                    definition,
                    style.counter,
                    style.suffix,
                )
                self.next_abstract += 1
            self.nums[key] = self.next_num
            wordml.add_num(self.numbering, self.next_num, self.abstracts[definition])
            self.next_num += 1
        return self.nums[key]

    def note_style(self, style_id: str, num_id: int | None, first_column: bool) -> None:
        """Record how a paragraph of style `style_id` is numbered (None: not natively)."""
        if num_id is None:
            self.style_lists[style_id] = None
        elif first_column:
            self.style_lists.setdefault(style_id, num_id)

    def number_styles(self, styles: wordml.Element) -> None:
        """The numbering of a list in the style of its paragraphs (Consideration, Request,
        Item, …), so that a paragraph a Word user sets in that style is numbered too; it
        joins the style's first list in the first column (a user's new consideration is
        lettered in the Dutch count). Every paragraph drafter writes names its own list
        (each column and enumeration counts on its own), which wins over its style's. A
        style some of whose paragraphs are not natively numbered (typed labels past Z) gets
        no numbering: Word would draw a label before the typed one."""
        for style in styles.findall(wordml.qn("w:style")):
            num_id = self.style_lists.get(style.get(wordml.qn("w:styleId")))
            if num_id is not None:
                wordml.number_style(style, num_id)
