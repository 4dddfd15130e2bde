"""The `drafter` command: a thin layer over the Python API.

Exit status: 0 when all is well, 1 when a file has errors (or warnings, with --strict),
2 for a usage error (an unknown option, a bad value). Problems are printed as
`path:line:col: error: message`, never as a Python traceback.
"""

from __future__ import annotations

import datetime
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from drafter.api import CheckResult, check_file
from drafter.api.output import OutputError, create_new
from drafter.check.rules import check, summary
from drafter.document.diagnostics import (
    Diagnostic,
    DiagnosticList,
    DrafterError,
    diagnostics_to_json,
)
from drafter.resolve.resolver import resolve
from drafter.source import scaffold
from drafter.source.loader import load_text
from drafter.source.nodes import FORBIDDEN_CHARACTERS

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Draft, check and render resolutions of the Belgian Chamber of Representatives.",
)

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def _print_version(wanted: bool) -> None:
    if wanted:
        from drafter import __version__

        typer.echo(f"drafter {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Draft, check and render resolutions of the Belgian Chamber of Representatives."""


def _fail(message: str, status: int = EXIT_ERRORS) -> typer.Exit:
    typer.echo(f"drafter: error: {message}", err=True)
    return typer.Exit(status)


@app.command("check")
def check_command(
    files: Annotated[list[Path], typer.Argument(help="Resolution files (YAML).")],
    strict: Annotated[
        bool,
        typer.Option(help="Fail on warnings too, unless the source acknowledges them (filing)."),
    ] = False,
    show_acknowledged: Annotated[
        bool,
        typer.Option(help="Also list the warnings the source acknowledges, with their reasons."),
    ] = False,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text for people, json for tools.")
    ] = OutputFormat.text,
) -> None:
    """Check resolutions and report every problem found, with its file:line:column."""
    all_diagnostics: list[Diagnostic] = []
    totals: dict[str, int] = {}
    counts = {"errors": 0, "warnings": 0, "acknowledged": 0}
    lines: list[str] = []
    failed = False
    for path in files:
        result = check_file(path)
        all_diagnostics += result.diagnostics
        for diagnostic in result.diagnostics:
            if diagnostic.acknowledged and not show_acknowledged:
                continue
            lines.append(diagnostic.format())
            if diagnostic.acknowledged:
                lines.append(diagnostic.format_reason())
        if result.resolution is not None:
            for key, value in summary(result.resolution).items():
                totals[key] = totals.get(key, 0) + value
        if result.amendments is not None:
            totals["amendments"] = totals.get("amendments", 0) + len(result.amendments.amendments)
        counts["errors"] += len(result.errors)
        counts["warnings"] += len(result.warnings)
        counts["acknowledged"] += len(result.acknowledged)
        lines.append(f"{path}: {_summary_line(result)}")
        failed = failed or bool(result.blocking_strict if strict else result.errors)
    if output_format is OutputFormat.json:
        typer.echo(diagnostics_to_json(all_diagnostics, {**totals, **counts}))
    else:
        typer.echo("\n".join(lines))
    raise typer.Exit(EXIT_ERRORS if failed else EXIT_OK)


def _summary_line(result: CheckResult) -> str:
    """'2 errors, 1 warning', and ', 17 acknowledged' when the source acknowledges any."""
    line = f"{_count(len(result.errors), 'error')}, {_count(len(result.warnings), 'warning')}"
    if result.acknowledged:
        line += f", {len(result.acknowledged)} acknowledged"
    return line


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


@app.command("build")
def build_command(
    files: Annotated[list[Path], typer.Argument(help="Resolution files (YAML).")],
    output_dir: Annotated[
        Path, typer.Option("--output-dir", "-o", help="Where to write the outputs.")
    ] = Path("build"),
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: pdf, html, docx.")
    ] = "pdf",
    strict: Annotated[
        bool,
        typer.Option(
            help="For filing: refuse a file with warnings too, unless the source acknowledges them."
        ),
    ] = False,
    renumber: Annotated[
        bool,
        typer.Option(
            help="The text as adopted: ignore fixed labels (C/1) and number A, B, C, … again."
        ),
    ] = False,
) -> None:
    """Render resolutions, or amendments to one, to PDF (and HTML, DOCX) in the Chamber's
    layout."""
    from drafter.api.build import build_file, output_name

    wanted = _output_formats(formats, output_dir)
    # Two sources named alike (a/x.yaml, b/x.yaml) would write the same outputs in turn.
    sources: dict[str, Path] = {}
    for path in files:
        other = sources.setdefault(output_name(path), path)
        if other.resolve() != path.resolve():
            raise _fail(
                f"{other} and {path} would both be built to {output_dir / output_name(path)}; "
                "build them into different folders (-o)",
                EXIT_USAGE,
            )
    failed = False
    with typer.progressbar(
        files, label="Building", file=sys.stderr, hidden=len(files) < 2
    ) as progress:
        for path in progress:
            try:
                result = build_file(
                    path,
                    output_dir,
                    wanted,
                    strict=strict,
                    renumber=renumber,
                )
            except DrafterError as error:
                failed = True
                lines = [d.format() for d in error.diagnostics]
                if any(d.severity == "warning" for d in error.diagnostics):
                    lines.append(
                        f"{path}: --strict builds only a file whose every warning is fixed "
                        "or acknowledged in the source (acknowledge: with a code and a reason)"
                    )
                typer.echo("\n".join([*lines, f"{path}: not built"]), err=True)
                continue
            except Exception as error:
                failed = True
                typer.echo(f"{path}: error: {failure_reason(error)}; not built", err=True)
                continue
            if result.warnings:
                typer.echo(
                    f"{path}: {_count(len(result.warnings), 'warning')} "
                    f"(drafter check {path} lists them)",
                    err=True,
                )
            typer.echo(f"{path} -> {', '.join(str(output) for output in result.outputs)}")
    raise typer.Exit(EXIT_ERRORS if failed else EXIT_OK)


def _output_formats(formats: str, output_dir: Path) -> list[str]:
    """The formats asked for (`--format pdf,html`), each once, and a usable output folder;
    a usage error otherwise."""
    from drafter.api.build import FORMATS

    wanted = list(dict.fromkeys(fmt.strip().lower() for fmt in formats.split(",") if fmt.strip()))
    unknown = [fmt for fmt in wanted if fmt not in FORMATS]
    if unknown or not wanted:
        raise _fail(
            f"unknown format '{', '.join(unknown) or formats}'; choose from {', '.join(FORMATS)}",
            EXIT_USAGE,
        )
    if output_dir.exists() and not output_dir.is_dir():
        raise _fail(f"{output_dir} is a file, not a folder for the outputs", EXIT_USAGE)
    return wanted


@app.command("watch")
def watch_command(
    file: Annotated[Path, typer.Argument(help="The resolution (or amendments) file (YAML).")],
    output_dir: Annotated[
        Path, typer.Option("--output-dir", "-o", help="Where to write the outputs.")
    ] = Path("build"),
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: pdf, html, docx.")
    ] = "pdf,html",
    port: Annotated[
        int,
        typer.Option(min=0, max=65535, help="The preview's port on 127.0.0.1 (0: a free one)."),
    ] = 0,
    strict: Annotated[
        bool, typer.Option(help="Refuse a file with warnings too, as `build --strict`.")
    ] = False,
    renumber: Annotated[
        bool, typer.Option(help="The text as adopted, as `build --renumber`.")
    ] = False,
) -> None:
    """Rebuild FILE each time it is saved, and serve the HTML preview, which reloads itself
    (Ctrl-C stops)."""
    from drafter.api.watch import watch

    wanted = _output_formats(formats, output_dir)
    try:
        watch(
            file,
            output_dir,
            wanted,
            port=port,
            strict=strict,
            renumber=renumber,
            echo=typer.echo,
            describe_failure=failure_reason,
        )
    except OSError as error:  # the port is taken, the folder cannot be made
        raise _fail(f"cannot watch {file}: {failure_reason(error)}") from None
    raise typer.Exit(EXIT_OK)


class RedlineFormat(StrEnum):
    docx = "docx"
    pdf = "pdf"


@app.command("redline")
def redline_command(
    files: Annotated[
        list[Path],
        typer.Argument(help="OLD.yaml NEW.yaml, or FILE.yaml with --since.", show_default=False),
    ],
    since: Annotated[
        str | None,
        typer.Option(help="Compare FILE with its version at this git revision (HEAD~1, a tag)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The file to write. Default: build/NAME-redline.docx."),
    ] = None,
    author: Annotated[str, typer.Option(help="Who the tracked changes are by.")] = "drafter",
    date: Annotated[
        str | None,
        typer.Option(help="When the changes were made, ISO 8601 (2021-01-25T14:30). Default: now."),
    ] = None,
    output_format: Annotated[
        RedlineFormat,
        typer.Option("--format", help="docx: Word tracked changes; pdf: marked up, for reading."),
    ] = RedlineFormat.docx,
) -> None:
    """Compare two versions of a resolution: the new one, with every difference from the old
    one as a tracked change (DOCX) or marked up (PDF)."""
    from drafter.api import check_text, render_redline
    from drafter.api.build import output_name
    from drafter.api.output import write_atomically
    from drafter.api.versions import git_version, revision_date
    from drafter.compare.comparison import compare
    from drafter.document.redline import RedlineError

    if since is None and len(files) != 2:
        raise _fail("give two files, OLD.yaml NEW.yaml, or one file with --since REV", EXIT_USAGE)
    if since is not None and len(files) != 1:
        raise _fail(
            "with --since, give one file: its version at that revision is the old one", EXIT_USAGE
        )
    try:
        stamp = revision_date(date)
    except RedlineError as error:
        raise _fail(str(error), EXIT_USAGE) from None
    new_path = files[-1]
    if since is None:
        old_result = check_file(files[0])
    else:
        try:
            old_result = check_text(*git_version(new_path, since))
        except RedlineError as error:
            raise _fail(str(error)) from None
    new_result = check_file(new_path)
    lines = [d.format() for result in (old_result, new_result) for d in result.errors]
    if lines or old_result.resolution is None or new_result.resolution is None:
        typer.echo("\n".join([*lines, "no redline written"]), err=True)
        raise typer.Exit(EXIT_ERRORS)
    target = output or Path("build")
    if output is None or output.is_dir():
        target = target / f"{output_name(new_path)}-redline.{output_format.value}"
    try:
        redline = compare(old_result.resolution, new_result.resolution)
    except RedlineError as error:
        raise _fail(f"{error}; no redline written") from None
    data = render_redline(redline, output_format.value, author, stamp)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    except (OutputError, OSError) as error:
        raise _fail(f"{target}: {failure_reason(error)}") from None
    counts = [
        f"{name} +{count.added} -{count.removed} ~{count.changed}"
        for name, count in redline.summary.items()
        if count
    ]
    typer.echo(f"{old_result.path} -> {new_result.path}: {', '.join(counts) or 'no changes'}")
    typer.echo(f"wrote {target}")


@app.command("merge")
def merge_command(
    resolution: Annotated[
        Path, typer.Argument(help="The resolution (YAML) the DOCX was built from.")
    ],
    reviewed: Annotated[Path, typer.Argument(help="The DOCX, as a co-sponsor sent it back.")],
    accept_all: Annotated[
        bool, typer.Option("--accept-all", help="Take every tracked change as accepted.")
    ] = False,
    reject_all: Annotated[
        bool, typer.Option("--reject-all", help="Take every tracked change as rejected.")
    ] = False,
    write: Annotated[
        bool, typer.Option("--write", help="Write the merged YAML (by default, only show it).")
    ] = False,
) -> None:
    """Carry the edits made to a DOCX drafter built back into its YAML source: prints the
    YAML's diff and what changed, in plain words; with --write, updates the file. Exit
    status 1 when something needs a person (tracked changes not decided, a paragraph that
    cannot be placed, one deleted in one column only, a table deleted), 2 when a file cannot
    be merged from."""
    from drafter.api.merge import MergeInputError, merge_files, write_merged
    from drafter.merge.merging import ACCEPT, REJECT

    if accept_all and reject_all:
        raise _fail("give --accept-all or --reject-all, not both", EXIT_USAGE)
    decision = ACCEPT if accept_all else REJECT if reject_all else None
    try:
        merged = merge_files(resolution, reviewed, decision)
    except MergeInputError as error:
        raise _fail(str(error), EXIT_USAGE) from None
    result = merged.result
    lines = [*result.notes, *result.problems, *(item.format() for item in result.pending)]
    if result.pending:
        lines.append(
            f"{reviewed}: {_count(len(result.pending), 'tracked change')} to decide: "
            "give --accept-all or --reject-all (or decide them in Word and save)"
        )
    diff = result.diff(str(resolution))
    if diff:
        lines.append(diff.rstrip("\n"))
    lines.extend(edit.summary() for edit in result.edits)
    lines.extend(addition.summary() for addition in result.additions)
    lines.extend(removal.summary() for removal in result.removals)
    counts = (
        (len(result.edits), "text"),
        (len(result.additions), "new part"),
        (len(result.removals), "removed part"),
    )
    counted = ", ".join(_count(number, noun) for number, noun in counts if number)
    if result.needs_a_person:
        lines.append(f"{resolution}: nothing written")
    elif not counted:
        lines.append(f"{resolution}: no changes to merge")
    elif write:
        try:
            write_merged(merged)
        except (OutputError, OSError) as error:
            raise _fail(f"{resolution}: {failure_reason(error)}") from None
        lines.append(f"{resolution}: {counted} merged; wrote it")
        if any(addition.one_language for addition in result.additions):
            lines.append(
                f"{resolution}: a new part or note has one language only; write the other "
                "(`drafter check` shows where)"
            )
    else:
        lines.append(f"{resolution}: {counted} to merge; nothing written (--write writes it)")
    typer.echo("\n".join(lines))
    raise typer.Exit(EXIT_ERRORS if result.needs_a_person else EXIT_OK)


@app.command("amend")
def amend_command(
    filed: Annotated[Path, typer.Argument(help="The resolution as filed (YAML).")],
    wanted: Annotated[Path, typer.Argument(help="The resolution as it should read (YAML).")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The amendments file to create (never overwritten)."),
    ],
    doc: Annotated[
        str | None,
        typer.Option(
            help="This document's number. Default: the next after the filed one, 1780/002."
        ),
    ] = None,
    filed_on: Annotated[
        datetime.datetime | None,
        typer.Option(
            "--date", formats=["%Y-%m-%d"], help="Date on the cover, YYYY-MM-DD. Default: today."
        ),
    ] = None,
) -> None:
    """Write the amendments that make the filed resolution into the wanted one: one per
    changed block, with the filed labels, and an empty justification to write in both
    languages. They are carried out first, and must give the wanted text."""
    from drafter.api.amend import AmendmentsDoNotProve, amend_files

    try:
        computed = amend_files(
            filed, wanted, output, doc=doc, filed_on=filed_on.date() if filed_on else None
        )
    except DrafterError as error:
        lines = [diagnostic.format() for diagnostic in error.diagnostics]
        typer.echo("\n".join([*lines, f"{output}: not written"]), err=True)
        raise typer.Exit(EXIT_ERRORS) from None
    except AmendmentsDoNotProve as error:
        raise _fail(
            f"drafter's amendments do not give the wanted text, a fault of drafter's; please "
            f"report it with both files:\n{error}\n{output}: not written"
        ) from None
    for note in computed.notes:
        typer.echo(f"{wanted}: note: {note}")
    if not computed.count:
        typer.echo(f"{filed} and {wanted} do not differ where amendments can; nothing written")
        raise typer.Exit(EXIT_OK)
    try:
        create_new(output, computed.text.encode("utf-8"))
    except OutputError as error:
        raise _fail(str(error)) from None
    typer.echo(
        f"created {output}: {_count(computed.count, 'amendment')}; write each justification "
        f"in Dutch and French, then: drafter check {output}"
    )


@app.command("apply")
def apply_command(
    sources: Annotated[
        list[Path],
        typer.Argument(
            help="FILED.yaml AMENDMENTS.yaml, or AMENDMENTS.yaml alone (it names the filed "
            "resolution under 'amends:').",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the amended resolution here (YAML)."),
    ] = None,
    expect: Annotated[
        Path | None,
        typer.Option("--expect", help="A wanted version: say whether the amended text equals it."),
    ] = None,
) -> None:
    """Carry amendments out, as a committee secretary does, and give the amended resolution
    (YAML; to standard output unless -o). Inserted blocks keep their labels (C/1) and filed
    labels do not shift; `drafter build --renumber` gives the text as adopted."""
    from drafter.api.amend import apply_file, differences
    from drafter.api.output import write_atomically

    if len(sources) not in (1, 2):
        raise _fail("give FILED.yaml AMENDMENTS.yaml, or AMENDMENTS.yaml alone", EXIT_USAGE)
    amendments_path = sources[-1]
    filed = sources[0] if len(sources) == 2 else None
    try:
        applied = apply_file(amendments_path, filed)
    except DrafterError as error:
        lines = [diagnostic.format() for diagnostic in error.diagnostics]
        typer.echo("\n".join([*lines, f"{amendments_path}: not applied"]), err=True)
        raise typer.Exit(EXIT_ERRORS) from None
    status = EXIT_OK
    if expect is not None:
        try:
            found = differences(applied.resolution, expect)
        except DrafterError as error:
            lines = [diagnostic.format() for diagnostic in error.diagnostics]
            raise _fail("\n".join([*lines, f"{expect}: cannot be read"])) from None
        if found:
            status = EXIT_ERRORS
            typer.echo("\n".join(found), err=True)
            typer.echo(f"{expect}: the amended text differs from it", err=True)
        else:
            typer.echo(f"{expect}: the amended text equals it", err=True)
    if output is None:
        typer.echo(applied.text, nl=False)
    else:
        try:
            write_atomically(output, applied.text.encode("utf-8"))
        except (OutputError, OSError) as error:
            raise _fail(f"{output}: {failure_reason(error)}") from None
        typer.echo(f"{amendments_path} -> {output}")
    raise typer.Exit(status)


@app.command("new")
def new_command(
    path: Annotated[Path, typer.Argument(help="The file to create (never overwritten).")],
    title_nl: Annotated[str, typer.Option(help="Dutch title, after 'voorstel van resolutie'.")] = (
        "over …"
    ),
    title_fr: Annotated[
        str, typer.Option(help="French title, after 'proposition de résolution'.")
    ] = "relative à …",
    sponsor: Annotated[
        list[str] | None,
        typer.Option(
            help='A sponsor, "Given Family (Party)"; repeat for each, main author first. '
            'Start with "mevrouw" or "Mme" for a woman.',
        ),
    ] = None,
    legislature: Annotated[
        int | None, typer.Option(min=1, help="Default: the legislature of the filing date.")
    ] = None,
    session: Annotated[
        int | None, typer.Option(min=1, help="Default: the session of the filing date.")
    ] = None,
    filed: Annotated[
        datetime.datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Filing date, YYYY-MM-DD. Default: today."),
    ] = None,
    doc: Annotated[str, typer.Option(help='Document number, "1780/001".')] = "0000/001",
) -> None:
    """Create a new resolution file from a commented template that passes `drafter check`."""
    filing_date = filed.date() if filed else datetime.date.today()
    default_legislature, default_session, years = scaffold.session_of(filing_date)
    texts = [("--title-nl", title_nl), ("--title-fr", title_fr), ("--doc", doc)]
    for option, value in [*texts, *(("--sponsor", text) for text in sponsor or [])]:
        forbidden = FORBIDDEN_CHARACTERS.search(value)
        if forbidden:
            character = f"U+{ord(forbidden.group()):04X}"
            raise _fail(
                f"{option} holds the character {character}, which a document cannot hold",
                EXIT_USAGE,
            )
    try:
        sponsors = [scaffold.parse_sponsor(text) for text in sponsor or ["Voornaam Naam (Partij)"]]
    except scaffold.ScaffoldError as error:
        raise _fail(str(error), EXIT_USAGE) from None
    text = scaffold.scaffold(
        title_nl=title_nl,
        title_fr=title_fr,
        sponsors=sponsors,
        legislature=default_legislature if legislature is None else legislature,
        session=default_session if session is None else session,
        years=years,
        filed=filing_date,
        doc=doc,
    )
    problems = _scaffold_problems(text, path)
    if problems:
        raise _fail(
            f"with these options the file would not pass check: {'; '.join(problems)}; "
            "nothing was written",
            EXIT_USAGE,
        )
    try:
        create_new(path, text.encode("utf-8"))
    except OutputError as error:
        raise _fail(str(error)) from None
    typer.echo(f"created {path}; check it with: drafter check {path}")


def _scaffold_problems(text: str, path: Path) -> list[str]:
    """What `check` would say about the text `new` is about to write (a title with '**')."""
    diagnostics = DiagnosticList(str(path))
    resolution = load_text(text, str(path), diagnostics)
    if resolution is not None:
        resolve(resolution, diagnostics)
        check(resolution, diagnostics)
    return [d.message for d in diagnostics.sorted() if d.severity == "error"]


@app.command("schema")
def schema_command(
    amendments: Annotated[
        bool, typer.Option("--amendments", help="The schema of an amendments source instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of the resolution format, for editors (see README)."""
    from drafter.source.schema import AMENDMENTS, RESOLUTION, json_schema_text

    sys.stdout.write(json_schema_text(AMENDMENTS if amendments else RESOLUTION))


def _interrupted() -> None:
    typer.echo("drafter: interrupted; no file was left half-written", err=True)
    sys.exit(EXIT_INTERRUPTED)


def main() -> None:
    """Entry point of the `drafter` console script."""
    try:
        app()
    except KeyboardInterrupt:
        _interrupted()
    except SystemExit as exit:
        # Typer turns Ctrl-C inside a command into a silent exit with status 130.
        if exit.code == EXIT_INTERRUPTED:
            _interrupted()
        raise
    except Exception as error:
        typer.echo(f"drafter: error: {failure_reason(error)}", err=True)
        sys.exit(EXIT_ERRORS)


def failure_reason(error: Exception) -> str:
    """A plain sentence for what went wrong outside the user's document: the system (a full
    disk, a missing folder), drafter's installation (a template file gone), or a bug."""
    from drafter import __version__
    from drafter.render.html.writer import TemplateUnavailable

    if isinstance(error, OutputError | TemplateUnavailable):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        # Not drafter's fault: a full disk, a closed pipe, a folder that went away.
        about = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror}{about}"
    message = str(error) or "no message"
    return (
        f"drafter {__version__} failed with {type(error).__name__}: {message}. This is a bug "
        "in drafter, not in your document: please report it to drafter's maintainers with "
        "this message, the output of `drafter --version` and the file you were working on"
    )


if __name__ == "__main__":
    main()
