"""Measure the redline of the flagship with a note added before all others (issue 11, point 1):
tracked marks in the XML, LibreOffice's change count, pages as LibreOffice lays the redline
out, and whether LibreOffice's Accept All and Reject All give each version's text and notes.

    .venv/bin/python -m bench.fr_calls OUTDIR

Writes OUTDIR/{old,early,early-redline}.docx and the PDFs LibreOffice prints of them, and
prints one JSON object with the figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from bench.bench import pages, scripted_edits, with_early_footnote
from drafter import load
from drafter.compare.comparison import compare
from drafter.render.docx.writer import render_docx, render_redline_docx
from tests import revisions
from tests.conftest import FLAGSHIP
from tests.libreoffice_client import LibreOffice

AUTHOR = "Samuel Cogolati"
DATE = "2021-02-01T09:30:00Z"


def _shown(paragraphs: list[list[str]]) -> list[list[str]]:
    return [paragraph for paragraph in paragraphs if any(paragraph)]


def _difference(got: list, wanted: list) -> str | None:
    for index, (first, second) in enumerate(zip(got, wanted, strict=False)):
        if first != second:
            return f"[{index}]: {first!r} != {second!r}"
    if len(got) != len(wanted):
        return f"{len(got)} entries != {len(wanted)} entries"
    return None


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load(FLAGSHIP.read_text(encoding="utf-8"))
    sources = {}
    for name, content in (
        ("old", data),
        ("new", scripted_edits(data)),
        ("early", with_early_footnote(data)),
    ):
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")
        sources[name] = load(path)
    files = {}
    for name, resolution in sources.items():
        files[name] = folder / f"{name}.docx"
        files[name].write_bytes(render_docx(resolution))
    figures: dict[str, object] = {}
    office = LibreOffice()
    try:
        views = {
            name: office.read(files[name], pdf=files[name].with_suffix(".pdf"))
            for name in ("old", "early")
        }
        for version in ("new", "early"):
            redline = folder / f"{version}-redline.docx"
            redline.write_bytes(
                render_redline_docx(compare(sources["old"], sources[version]), AUTHOR, DATE)
            )
            marks = sum(
                len(revisions.revision_marks(tree))
                for tree in revisions.parts(redline.read_bytes()).values()
            )
            pdf = redline.with_suffix(".pdf")
            shown = office.read(redline, pdf=pdf)
            result = {
                "marks": marks,
                "lo_changes": shown["changes"],
                "pages": pages(pdf),
                "notes_in_redline": len(shown["notes"]),
            }
            if version == "early":
                for resolve, wanted in (("accept", "early"), ("reject", "old")):
                    got = office.read(redline, resolve)
                    result[resolve] = {
                        "remaining": got["remaining"],
                        "body": _difference(_shown(got["body"]), _shown(views[wanted]["body"])),
                        "all paragraphs": _difference(got["body"], views[wanted]["body"]),
                        "notes": _difference(got["notes"], views[wanted]["notes"]),
                    }
                    # The XML's own Accept/Reject, against the version's DOCX (tests/revisions).
                    resolved = (
                        revisions.accept_all if resolve == "accept" else revisions.reject_all
                    )(redline.read_bytes())
                    result[resolve]["xml"] = revisions.first_difference(
                        revisions.reader_view(resolved),
                        revisions.reader_view(revisions.parts(files[wanted].read_bytes())),
                    )
            figures[f"{version} redline"] = result
        figures["pages"] = {
            name: pages(files[name].with_suffix(".pdf")) for name in ("old", "early")
        }
    finally:
        office.close()
    print(json.dumps(figures, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
