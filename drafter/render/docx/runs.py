"""Runs: inline nodes in, WordprocessingML runs out, in a paragraph of any part (the body, a
header or footer, a footnote), with the language of their column, emphasis, URLs as
hyperlinks, footnote calls as real footnotes (`notes.py`), and in a redline the insertions
and deletions as tracked changes (`revisions.py`).

Cross-references are written as text with the labels the resolver computed, not as REF
fields to bookmarks. A reference prints drafter's reference form of a label ("A", "1", "a)",
"1°"), which is not the label as drawn ("A.", "1."); Word's REF switches (`\\r`, `\\n`, `\\t`)
only choose between Word's own forms of a paragraph number, and a field shows its cached
text only until Word or LibreOffice updates it, each by its own rules. A field could thus
show a reader something other than the PDF; text cannot. The price: a reference does not
follow a renumbering made in Word; drafter's YAML source is where parts are renumbered.
"""

from __future__ import annotations

import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part

from drafter.document.inline import Bold, Deleted, Inline, Inserted, Italic, Reference, Str
from drafter.render.docx import styles, wordml
from drafter.render.docx.notes import Notes
from drafter.render.docx.revisions import Revisions

# The same pattern as the HTML writer's: a URL ends before closing punctuation.
_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)”’]")


class Runs:
    """Writes inline text into paragraphs of one document."""

    def __init__(self, revisions: Revisions, notes: Notes, tags: dict[str, str]) -> None:
        self.revisions = revisions
        self.notes = notes
        self.tags = tags
        self.links: dict[tuple[str, str], str] = {}

    def write(
        self,
        paragraph: wordml.Element,
        part: Part,
        nodes: list[Inline],
        language: str,
        *,
        bold: bool = False,
        italic: bool = False,
        in_footnote: bool = False,
        style: str | None = None,
    ) -> None:
        """Append `nodes` to `paragraph`, which lives in `part` (for its hyperlinks)."""
        tag = self.tags[language]
        for node in nodes:
            if isinstance(node, Str):
                self._text(paragraph, part, node.text, tag, bold=bold, italic=italic, style=style)
            elif isinstance(node, Italic | Bold | Inserted | Deleted):
                kind = {Inserted: "ins", Deleted: "del"}.get(type(node), self.revisions.change)
                with self.revisions.tracking(kind):
                    self.write(
                        paragraph,
                        part,
                        node.children,
                        language,
                        bold=bold or isinstance(node, Bold),
                        italic=italic or isinstance(node, Italic),
                        in_footnote=in_footnote,
                        style=style,
                    )
            elif isinstance(node, Reference):
                run = wordml.text_run(node.label, tag, bold=bold, italic=italic, style=style)
                self.revisions.put(paragraph, run)
            elif in_footnote:
                # A footnote cannot hold a footnote; its number stays visible as a mark.
                run = wordml.text_run(str(node.number), tag, style=styles.FOOTNOTE_REFERENCE)
                self.revisions.put(paragraph, run)
            else:
                self.notes.call(
                    paragraph,
                    node,
                    language,
                    lambda text, inlines: self.write(
                        text, self.notes.part, inlines, language, in_footnote=True
                    ),
                )

    def _text(
        self,
        paragraph: wordml.Element,
        part: Part,
        text: str,
        tag: str,
        *,
        bold: bool,
        italic: bool,
        style: str | None = None,
    ) -> None:
        """Text runs; URLs become hyperlinks, related to the part the paragraph lives in."""
        position = 0
        for match in _URL.finditer(text):
            if match.start() > position:
                before = text[position : match.start()]
                self.revisions.put(
                    paragraph, wordml.text_run(before, tag, bold=bold, italic=italic, style=style)
                )
            url = match.group()
            relationship = self._link(part, url)
            run = wordml.text_run(url, tag, bold=bold, italic=italic, style=styles.HYPERLINK)
            if self.revisions.change is None:
                paragraph.append(wordml.hyperlink(relationship, [run]))
            else:  # a tracked change goes inside the link (w:ins cannot hold a w:hyperlink)
                link = wordml.hyperlink(relationship, [])
                paragraph.append(link)
                self.revisions.put(link, run)
            position = match.end()
        if position < len(text):
            run = wordml.text_run(text[position:], tag, bold=bold, italic=italic, style=style)
            self.revisions.put(paragraph, run)

    def _link(self, part: Part, url: str) -> str:
        """The part's relationship to `url` (python-docx looks one up by a linear search)."""
        key = (str(part.partname), url)
        if key not in self.links:
            self.links[key] = part.relate_to(url, RT.HYPERLINK, is_external=True)
        return self.links[key]
