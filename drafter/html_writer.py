"""HTML writer: a resolved `Resolution` in, the HTML that WeasyPrint lays out as PDF out.

The layout plan (`layout.py`) says what stands where; the Jinja templates in `templates/`
say how it looks. This module only turns inline nodes into escaped HTML: user text is
always data, escaped by MarkupSafe, and never evaluated as a template.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from drafter import layout, model
from drafter.markup import Bold, FootnoteCall, Inline, Italic, Reference, Str

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)”’]")


def _text_html(text: str) -> Markup:
    """Escaped text, with URLs marked so that they may wrap anywhere and can be clicked."""
    pieces: list[Markup] = []
    position = 0
    for match in _URL.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        url = match.group()
        pieces.append(Markup('<a class="url" href="{0}">{1}</a>').format(url, _breakable(url)))
        position = match.end()
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


def _breakable(url: str) -> Markup:
    # A zero-width break opportunity after each / keeps long URLs from overflowing while
    # still preferring to break at path separators.
    return Markup("/<wbr>").join(escape(part) for part in url.split("/"))


class _InlineRenderer:
    """Renders inline nodes; footnote calls in the host column carry the footnote itself."""

    def __init__(
        self, footnotes: dict[str, model.Footnote], host_language: str, columns: list[str]
    ):
        self.footnotes = footnotes
        self.host_language = host_language
        self.columns = columns

    def render(self, nodes: list[Inline], language: str) -> Markup:
        return Markup("").join(self.node(node, language) for node in nodes)

    def node(self, node: Inline, language: str) -> Markup:
        if isinstance(node, Str):
            return _text_html(node.text)
        if isinstance(node, Italic):
            return Markup("<em>{0}</em>").format(self.render(node.children, language))
        if isinstance(node, Bold):
            return Markup("<strong>{0}</strong>").format(self.render(node.children, language))
        if isinstance(node, Reference):
            return Markup('<span class="reference">{0}</span>').format(node.label)
        return self.call(node, language)

    def call(self, node: FootnoteCall, language: str) -> Markup:
        marker = Markup('<sup class="call">{0}</sup>').format(node.number)
        footnote = self.footnotes.get(node.id)
        if language != self.host_language or footnote is None:
            return marker
        # The footnote is attached to the call of the left column only: one footnote box
        # holds both languages side by side, under their own columns.
        halves = Markup("").join(
            Markup(
                '<span class="note-text" lang="{0}"><span class="note-number">{1}</span>{2}</span>'
            ).format(column, footnote.number, self.render(footnote.text.inlines[column], column))
            for column in self.columns
        )
        return marker + Markup('<span class="footnote">{0}</span>').format(halves)


def render_html(resolution: model.Resolution, *, standalone: bool = False) -> str:
    """The complete HTML document of a resolved resolution.

    With `standalone`, the stylesheet is inlined and its fonts point at `templates/`, so the
    file can be opened from anywhere in a browser as a preview.
    """
    plan = layout.plan(resolution)
    renderer = _InlineRenderer(resolution.footnotes, plan.columns[0], plan.columns)
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["inlines"] = renderer.render
    template = environment.get_template("resolution.html.j2")
    return template.render(
        stylesheet=_inline_stylesheet() if standalone else None,
        plan=plan,
        cover=plan.cover,
        columns=plan.columns,
        created=resolution.filed.isoformat(),
        endnotes=[
            (
                note.number,
                {
                    language: renderer.render(note.text.inlines[language], language)
                    for language in plan.columns
                },
            )
            for note in plan.footnotes
        ],
    )


def _inline_stylesheet() -> Markup:
    css = (TEMPLATES / "resolution.css").read_text(encoding="utf-8")
    fonts = (TEMPLATES / "fonts").as_uri()
    # The stylesheet is the project's own file, not user text: it is trusted as it is.
    return Markup(css.replace("url(fonts/", f"url({fonts}/"))
