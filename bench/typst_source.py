"""The Typst version of a resolution, for the PDF's yardstick (bench/typst_yardstick.py).

    .venv/bin/python bench/typst_source.py [RESOLUTION.yaml] -o FOLDER

writes FOLDER/main.typ (which imports bench/typst/layout.typ, copied beside it) with the
same text as drafter's PDF: the cover, then every row of drafter's layout plan, each footnote
called where drafter calls it, with its text in the call's language. Only the layout is
Typst's (see layout.typ); the words, labels and note numbers are drafter's.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from drafter.api import load
from drafter.document.inline import (
    Bold,
    Deleted,
    FootnoteCall,
    Inline,
    Inserted,
    Italic,
    Reference,
    Str,
)
from drafter.resolve import layout

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = Path(__file__).resolve().parent / "typst" / "layout.typ"
FLAGSHIP = ROOT / "resolutions" / "doc-55-1780-001.yaml"


def _string(text: str) -> str:
    """A Typst string literal, shown as text wherever it stands in markup."""
    return '#"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _markup(nodes: list[Inline], notes: dict[int, dict[str, list[Inline]]], language: str) -> str:
    pieces: list[str] = []
    for node in nodes:
        if isinstance(node, Str):
            pieces.append(_string(node.text))
        elif isinstance(node, Italic):
            pieces.append(f"#emph[{_markup(node.children, notes, language)}]")
        elif isinstance(node, Bold):
            pieces.append(f"#strong[{_markup(node.children, notes, language)}]")
        elif isinstance(node, Inserted | Deleted):
            pieces.append(_markup(node.children, notes, language))
        elif isinstance(node, Reference):
            pieces.append(_string(node.label))
        elif isinstance(node, FootnoteCall):
            text = _markup(notes[node.number][language], notes, language)
            french = "true" if language == "fr" else "false"
            pieces.append(f"#note({node.number}, {french}, [{text}])")
    return "".join(pieces)


def typst_source(source: Path) -> str:
    """The text of main.typ for a resolution file."""
    resolution = load(source)
    plan = layout.plan(resolution)
    notes = {note.number: note.text.inlines for note in plan.footnotes}
    cover = plan.cover
    lines = [
        '#import "layout.typ": setup, cover, row, note',
        f"#show: setup.with(doc-number: {_string(cover.doc_number)[1:]}, "
        f"session-nl: {_string(cover.session['nl'])[1:]}, "
        f"session-fr: {_string(cover.session['fr'])[1:]})",
        f"#cover({_string(cover.doc_number)[1:]}, "
        f"[{_markup(cover.title['nl'], notes, 'nl')}], "
        f"[{_markup(cover.title['fr'], notes, 'fr')}], "
        f"{_string(cover.sponsors['nl'])[1:]}, {_string(cover.sponsors['fr'])[1:]})",
    ]
    for row in plan.rows:
        cells = []
        for language in ("nl", "fr"):
            cell = row.cell(language)
            label = _string(cell.label + " ") if cell.label else ""
            cells.append(f"[{label}{_markup(cell.inlines, notes, language)}]")
        lines.append(f'#row("{row.kind}", {cells[0]}, {cells[1]})')
    return "\n".join(lines) + "\n"


def write(source: Path, folder: Path) -> Path:
    """main.typ and layout.typ in `folder`; the path of main.typ."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LAYOUT, folder / "layout.typ")
    main = folder / "main.typ"
    main.write_text(typst_source(source), encoding="utf-8")
    return main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", nargs="?", type=Path, default=FLAGSHIP)
    parser.add_argument("-o", "--output", type=Path, required=True)
    arguments = parser.parse_args()
    print(write(arguments.source, arguments.output))


if __name__ == "__main__":
    main()
