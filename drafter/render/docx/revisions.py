"""Tracked changes: where the runs being written go when they are a change of a redline.

A `Revisions` is shared by everything that writes runs into one document. Outside a
redline, nothing is tracked and runs are appended as they come; in a redline, the writer
says which kind of change it is writing (`tracking("ins")`, `tracking("del")`), and `put`
wraps the runs in Word's `w:ins` and `w:del`, each with its id, author and date.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from drafter.render.docx import wordml


class Revisions:
    """The change being written and the revision ids handed out so far."""

    def __init__(self, author: str = "", date: str = "") -> None:
        self.author = author
        self.date = date
        # The kind of change being written ("ins" or "del"; None for plain text), and the
        # w:ins or w:del that runs of that kind go into while they follow each other.
        self.change: str | None = None
        self.container: tuple[wordml.Element, str] | None = None
        self.next_id = 1

    @contextlib.contextmanager
    def tracking(self, kind: str | None) -> Iterator[None]:
        """Runs put while inside are tracked as `kind` ("ins", "del"; None: not tracked)."""
        outer = self.change
        self.change = kind
        try:
            yield
        finally:
            self.change = outer

    @contextlib.contextmanager
    def apart(self) -> Iterator[None]:
        """Runs put while inside are not tracked and open no change of their own (a note's
        text, written while its call is inside a change), until `tracking` says otherwise."""
        outer = self.change, self.container
        self.change = self.container = None
        try:
            yield
        finally:
            self.change, self.container = outer

    def mark(self, kind: str) -> wordml.Element:
        """A new, empty w:ins or w:del with the next revision id."""
        mark = wordml.revision(kind, self.next_id, self.author, self.date)
        self.next_id += 1
        return mark

    def put(self, parent: wordml.Element, run: wordml.Element) -> None:
        """Append a run to a paragraph (or a hyperlink), inside the tracked change being
        written, if any: consecutive runs of one change share one w:ins or w:del."""
        kind = self.change
        if kind is None:
            parent.append(run)
            return
        open_change = self.container
        if (
            open_change is None
            or open_change[1] != kind
            or not len(parent)
            or (parent[-1] is not open_change[0])
        ):
            open_change = (self.mark(kind), kind)
            parent.append(open_change[0])
            self.container = open_change
        if kind == "del":
            wordml.delete_text(run)
        open_change[0].append(run)
