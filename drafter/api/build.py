"""Build: a resolution file in, its outputs (PDF, HTML, DOCX) written into a folder.

A file with errors is not built: its diagnostics come back in a `DrafterError`; with
`strict` (a build for filing), neither is a file with warnings it does not acknowledge. Every output
is rendered in memory first and then written atomically, so a failed or interrupted build
leaves the previous outputs as they were and never a half-written file. The renderers are
imported only when their format is asked for, so `check` never pays for WeasyPrint.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.api import CheckResult, check_file
from drafter.api.output import OutputError, write_all_atomically
from drafter.document.amendments import Amendments
from drafter.document.diagnostics import Diagnostic, DrafterError
from drafter.document.model import Resolution

if TYPE_CHECKING:
    from drafter.render.html.layout_cache import LayoutCache

FORMATS = ("pdf", "html", "docx")


def _render_pdf(resolution: Resolution, cache: LayoutCache | None = None) -> bytes:
    from drafter.render.html.pdf import render_pdf

    return render_pdf(resolution, cache=cache)


def _render_html(resolution: Resolution) -> bytes:
    from drafter.render.html.writer import render_html

    return render_html(resolution, standalone=True).encode("utf-8")


def _render_docx(resolution: Resolution) -> bytes:
    from drafter.render.docx.writer import render_docx

    return render_docx(resolution)


RENDERERS: dict[str, Callable[[Resolution], bytes]] = {
    "pdf": _render_pdf,
    "html": _render_html,
    "docx": _render_docx,
}


def _render_amendments_pdf(amendments: Amendments, cache: LayoutCache | None = None) -> bytes:
    from drafter.render.html.pdf import render_amendments_pdf

    return render_amendments_pdf(amendments, cache=cache)


def _render_amendments_html(amendments: Amendments) -> bytes:
    from drafter.render.html.writer import render_amendments_html

    return render_amendments_html(amendments, standalone=True).encode("utf-8")


def _render_amendments_docx(amendments: Amendments) -> bytes:
    from drafter.render.docx.writer import render_amendments_docx

    return render_amendments_docx(amendments)


AMENDMENTS_RENDERERS: dict[str, Callable[[Amendments], bytes]] = {
    "pdf": _render_amendments_pdf,
    "html": _render_amendments_html,
    "docx": _render_amendments_docx,
}


@dataclass
class BuildResult:
    source: str
    outputs: list[Path]
    warnings: list[Diagnostic]


def output_name(source: Path) -> str:
    """The outputs' name: the source file's name without extension, made safe as a name.

    Only the final component of the path is used, so no name can lead out of the output
    folder; characters that file systems or shells trip over become '-'.
    """
    name = re.sub(r"[^\w.-]+", "-", source.stem).strip(".-")
    return name or "resolution"


def build_file(
    source: str | Path,
    output_dir: Path,
    formats: list[str],
    renderers: dict[str, Callable[[Resolution], bytes]] = RENDERERS,
    *,
    strict: bool = False,
    renumber: bool = False,
) -> BuildResult:
    """Check `source` (a resolution, or amendments), render every format, then write them
    all into `output_dir`. With `renumber`, a resolution's fixed labels (C/1) are ignored.

    Raises `DrafterError` with what blocks the build: errors, and with `strict` the
    warnings the source does not acknowledge too.
    """
    source = Path(source)
    result = checked_for_build(source, strict=strict, renumber=renumber)
    rendered = render_formats(result, formats, renderers)
    return BuildResult(str(source), write_outputs(source, output_dir, rendered), result.warnings)


def checked_for_build(source: Path, *, strict: bool, renumber: bool) -> CheckResult:
    """`source` checked, or `DrafterError` with what blocks its build."""
    result = check_file(source, renumber=renumber)
    blocking = result.blocking_strict if strict else result.errors
    if blocking:
        raise DrafterError(blocking)
    if result.amendments is None and result.resolution is None:
        raise DrafterError(result.diagnostics)
    return result


def render_formats(
    result: CheckResult,
    formats: list[str],
    renderers: dict[str, Callable[[Resolution], bytes]] = RENDERERS,
    cache: LayoutCache | None = None,
) -> dict[str, bytes]:
    """Every format of a checked source, in memory; the PDF through `cache` when given
    (`drafter watch` keeps the layout of unchanged cells in it)."""
    document: Resolution | Amendments
    if result.amendments is not None:
        document, table = result.amendments, AMENDMENTS_RENDERERS
    else:
        assert result.resolution is not None
        document, table = result.resolution, renderers
    rendered = {}
    for fmt in formats:
        if fmt == "pdf" and cache is not None:
            rendered[fmt] = table[fmt](document, cache=cache)  # type: ignore[call-arg]
        else:
            rendered[fmt] = table[fmt](document)  # type: ignore[arg-type]
    return rendered


def write_outputs(source: Path, output_dir: Path, rendered: dict[str, bytes]) -> list[Path]:
    """The rendered formats written, all or none, into `output_dir` as `NAME.FORMAT`."""
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the folder {output_dir}: {error.strerror}") from error
    name = output_name(source)
    files = {output_dir / f"{name}.{fmt}": data for fmt, data in rendered.items()}
    write_all_atomically(files)
    return list(files)
