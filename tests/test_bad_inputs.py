"""The bad-input corpus: every way a resolution file can be wrong, through every command.

Each case is a file and what drafter must say about it: committed under tests/bad_inputs/
(or tests/diagnostics/, whose golden files already pin `check`'s whole output), or generated
here when it is large, binary or not a file at all. Every case runs through every command
line in COMMANDS (check, as text and JSON; build, in each format; redline, with the case as
the new version and as the old one), in-process through `drafter.cli.main` (the console
script's entry point, which turns any exception into a message), and each run must:

- exit with the case's status: 0 for an accepted file, 1 for a refused one;
- print the case's lines (`path:line:col: error[code]: …`, or `path: error[code]: …` without
  position);
- print no traceback and no "internal error";
- leave the source file as it was, and the output folder as it was when the file is refused
  (previous outputs are there, byte for byte, and nothing else); an accepted file builds.

To run the corpus through a new command, add its command line to COMMANDS.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from drafter.api.build import FORMATS, output_name
from drafter.cli import main
from tests.conftest import MINIMAL, ROOT

BAD_INPUTS = ROOT / "tests" / "bad_inputs"
DIAGNOSTICS = ROOT / "tests" / "diagnostics"


@dataclass(frozen=True)
class Command:
    """A command line that reads a resolution: {source} is the case's file, {out} an output
    folder holding the previous outputs, {name} the outputs' name, {minimal} a valid file."""

    args: tuple[str, ...]
    output: str | None = None  # the file an accepted source gives, in {out}
    accepted: str | None = None  # a line printed for an accepted source
    refused: str | None = None  # a line printed for a refused source


BUILT = "{source} -> {out}/{output}"
# Every command that reads a resolution. Builds run one format each, so each writer meets
# every case; redline reads the case as the new version and as the old one.
COMMANDS: dict[str, Command] = {
    "check": Command(("check", "{source}"), accepted="{source}: 0 errors, 0 warnings"),
    "check-json": Command(("check", "--format", "json", "{source}")),
    **{
        f"build-{fmt}": Command(
            ("build", "{source}", "-o", "{out}", "--format", fmt),
            output=f"{{name}}.{fmt}",
            accepted=BUILT,
            refused="{source}: not built",
        )
        for fmt in FORMATS
    },
    "redline-new": Command(
        ("redline", "{minimal}", "{source}", "-o", "{out}/{name}-redline.docx"),
        output="{name}-redline.docx",
        accepted="wrote {out}/{output}",
        refused="no redline written",
    ),
    "redline-old-pdf": Command(
        ("redline", "{source}", "{minimal}", "--format", "pdf", "-o", "{out}/{name}-redline.pdf"),
        output="{name}-redline.pdf",
        accepted="wrote {out}/{output}",
        refused="no redline written",
    ),
    # amend reads the case as the wanted version and as the filed one (an accepted case may
    # or may not differ from the minimal file where amendments can: its output goes beside
    # the output folder, which must stay as it was).
    "amend-wanted": Command(
        ("amend", "{minimal}", "{source}", "-o", "{out}-amendments.yaml"),
        refused="{out}-amendments.yaml: not written",
    ),
    "amend-filed": Command(
        ("amend", "{source}", "{minimal}", "-o", "{out}-amendments.yaml"),
        refused="{out}-amendments.yaml: not written",
    ),
}


def run_drafter(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """`drafter ARGS` as the console script runs it: exit status, and stdout + stderr."""
    saved = sys.argv
    sys.argv = ["drafter", *args]
    try:
        main()
        status = 0
    except SystemExit as exit:
        status = exit.code if isinstance(exit.code, int) else 1
    finally:
        sys.argv = saved
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def assert_no_traceback(output: str) -> None:
    assert "Traceback" not in output, output
    assert "internal error" not in output, output


def folder_state(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def source_state(path: Path) -> tuple[object, ...]:
    """What must not change about a source: its bytes and modification time."""
    if not path.exists() or not path.is_file():
        return (path.exists(), path.is_dir() and sorted(os.listdir(path)))
    stat = path.stat()
    return (path.read_bytes(), stat.st_mtime_ns, stat.st_size)


# Generated cases: each writes its file (named after the case) into a folder and returns it.
def _minimal_with(old: str, new: str) -> str:
    text = MINIMAL.read_text()
    assert old in text
    return text.replace(old, new, 1)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / f"{name}.yaml"
    path.write_bytes(data)
    return path


def _bytes(data: Callable[[], bytes]) -> Callable[[Path, str], Path]:
    return lambda folder, name: _write(folder, name, data())


CONSIDERATION = "nl: overwegende dat het regent;"
GENERATED: dict[str, Callable[[Path, str], Path]] = {
    # Saved by an old editor in Latin-1: "à" is the byte 0xE0.
    "not-utf8": _bytes(lambda: MINIMAL.read_text().encode("latin-1", "replace")),
    # Saved by Notepad as "Unicode".
    "utf16": _bytes(lambda: MINIMAL.read_text().encode("utf-16")),
    "utf8-bom": _bytes(lambda: b"\xef\xbb\xbf" + MINIMAL.read_bytes()),
    "windows-line-endings": _bytes(lambda: MINIMAL.read_bytes().replace(b"\n", b"\r\n")),
    "bom-and-windows-line-endings": _bytes(
        lambda: b"\xef\xbb\xbf" + MINIMAL.read_bytes().replace(b"\n", b"\r\n")
    ),
    # A form feed pasted from a PDF, outside quotes: YAML itself refuses it.
    "raw-control-character": _bytes(
        lambda: _minimal_with(CONSIDERATION, "nl: overwegende dat het\x0c regent;").encode()
    ),
    "nesting-10000-deep": _bytes(
        lambda: _minimal_with(
            "considerations:\n", "considerations:\n  - " + "[" * 10_000 + "]" * 10_000 + "\n"
        ).encode()
    ),
    # A 50 MB file: refused after reading 10 MB, whatever it holds.
    "file-of-50-mb": _bytes(lambda: MINIMAL.read_bytes() + b"# " + b"x" * 50_000_000 + b"\n"),
    # A file of exactly 10 MB (the limit), padded with a comment, is accepted.
    "file-of-10-mb": _bytes(lambda: MINIMAL.read_bytes().ljust(10_000_000 - 1, b"#") + b"\n"),
    "line-of-100000-characters": _bytes(
        lambda: _minimal_with(CONSIDERATION, "nl: " + "overwegende dat " * 6_250).encode()
    ),
    "text-of-100001-characters": _bytes(
        lambda: _minimal_with(CONSIDERATION, "nl: " + "x" * 100_001).encode()
    ),
    "too-many-parts": _bytes(
        lambda: _minimal_with(
            "considerations:\n", "considerations:\n" + "  - {nl: a, fr: b}\n" * 10_000
        ).encode()
    ),
    "too-many-values": _bytes(
        lambda: _minimal_with("years: [2020, 2021]\n", "years:\n" + "  - 2020\n" * 100_000).encode()
    ),
    "a-folder": lambda folder, name: _mkdir(folder / f"{name}.yaml"),
    "missing-file": lambda folder, name: folder / f"{name}.yaml",
}


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


@dataclass(frozen=True)
class Case:
    name: str
    expected: tuple[str, ...] = ()  # lines every command prints; {path} is the file's path
    status: int = 1  # 0 when the file is accepted (and builds)
    source: Path | None = None  # a committed file; default tests/bad_inputs/NAME.yaml

    def path(self, folder: Path) -> Path:
        if self.name in GENERATED:
            return GENERATED[self.name](folder, self.name)
        source = self.source or BAD_INPUTS / f"{self.name}.yaml"
        return source.relative_to(ROOT)


ACCEPTED = 0
NO_ALIASES = "anchors and aliases ('&' and '*') are not allowed in a resolution"
LARGER = (
    "{path}: error[too-large]: the file is larger than 10 MB, the most a resolution may be "
    "(a 200-page one takes about 2 MB); is it the right file?"
)

CASES = [
    # Encodings and line endings.
    Case(
        "not-utf8",
        (
            "{path}:9:16: error[unreadable-file]: the file is not valid UTF-8 (byte 211); save "
            "it as UTF-8",
        ),
    ),
    Case(
        "utf16",
        (
            "{path}:1:1: error[unreadable-file]: the file is not valid UTF-8 (byte 0); save it "
            "as UTF-8",
        ),
    ),
    Case("utf8-bom", status=ACCEPTED),
    Case("windows-line-endings", status=ACCEPTED),
    Case("bom-and-windows-line-endings", status=ACCEPTED),
    # Not a resolution at all.
    Case("empty", ("{path}:1:1: error[empty-file]: the file is empty",)),
    Case("only-comments", ("{path}:1:1: error[empty-file]: the file is empty",)),
    Case(
        "list-instead-of-mapping",
        (
            "{path}:2:1: error[wrong-type]: The resolution must be a mapping (key: value "
            "lines), found a list",
        ),
    ),
    Case(
        "scalar-instead-of-mapping",
        (
            "{path}:2:1: error[wrong-type]: The resolution must be a mapping (key: value lines), "
            "found a single value",
        ),
    ),
    Case(
        "two-documents",
        (
            "{path}:55:1: error[yaml-syntax]: the file holds more than one YAML document ('---'); "
            "keep one resolution per file",
        ),
    ),
    # YAML that PyYAML would accept, silently or dangerously.
    Case(
        "tabs",
        (
            "{path}:9:1: error[yaml-syntax]: a tab is used for indentation; YAML indents with "
            "spaces only",
        ),
        source=DIAGNOSTICS / "tab-indentation.yaml",
    ),
    Case(
        "duplicate-keys",
        ("{path}:25:5: error[duplicate-key]: duplicate key 'nl' (first given on line 24)",),
        source=DIAGNOSTICS / "duplicate-key.yaml",
    ),
    Case(
        "python-object-tag",
        (
            "{path}:2:6: error[yaml-tag]: the YAML tag '!!python/object/apply:os.system' "
            "is not allowed in a resolution",
        ),
    ),
    Case(
        "billion-laughs",
        (
            "{path}:11:5: error[yaml-alias]: " + NO_ALIASES,
            "{path}:12:5: error[wrong-type]: A sponsor must be a mapping (key: value lines), "
            "found a list",
        ),
    ),
    Case(
        "integers-yaml-reads-oddly",
        (
            "{path}:3:14: error[wrong-type]: 'legislature' must be a whole number, found '1:30'",
            "{path}:4:10: error[wrong-type]: 'session' must be a whole number, found '017'",
        ),
    ),
    Case(
        "yaml-syntax-error",
        (
            "{path}:27:10: error[yaml-syntax]: YAML syntax error: this line does not fit the "
            "structure above "
            "it: check its indentation, and look for a quote that is not closed",
        ),
        source=DIAGNOSTICS / "yaml-syntax-error.yaml",
    ),
    # Characters.
    Case(
        "raw-control-character",
        (
            "{path}:24:28: error[forbidden-character]: the character U+000C is not allowed in a "
            "YAML file",
        ),
    ),
    Case(
        "control-characters",
        (
            "{path}:24:9: error[forbidden-character]: the Dutch text of a consideration "
            "contains the character "
            "U+0000, which a document cannot hold; remove it",
            "{path}:30:13: error[forbidden-character]: the Dutch text of an item contains the "
            "character U+001B, "
            "which a document cannot hold; remove it",
            "{path}:33:13: error[forbidden-character]: the French text of an item contains the "
            "character U+000C, "
            "which a document cannot hold; remove it",
        ),
    ),
    Case(
        "lone-surrogate",
        (
            "{path}:24:9: error[forbidden-character]: the Dutch text of a consideration "
            "contains the character "
            "U+D83D, which a document cannot hold; remove it",
        ),
    ),
    Case("right-to-left-marks", status=ACCEPTED),
    # Markup, ids, values.
    Case(
        "unbalanced-markup",
        (
            "{path}:24:29: error[unbalanced-markup]: '**' starts bold text that is never closed "
            "(write \\* for a literal asterisk)",
            "{path}:25:33: error[unbalanced-markup]: the footnote call '[^' is not closed with ']'",
        ),
        source=DIAGNOSTICS / "unbalanced-markup.yaml",
    ),
    Case(
        "odd-ids",
        (
            "{path}:14:37: error[invalid-call]: '[^sou rce]' is not a valid footnote call: an "
            "id is made of "
            "lowercase letters, digits and hyphens",
            "{path}:23:9: error[invalid-id]: '../fïrst' is not a valid id: use lowercase "
            "letters, digits "
            "and hyphens",
            "{path}:41:15: error[invalid-id]: 'Sub_A' is not a valid id: use lowercase letters, "
            "digits "
            "and hyphens",
            "{path}:51:3: error[invalid-id]: 'sou/rce' is not a valid id: use lowercase "
            "letters, digits "
            "and hyphens",
        ),
    ),
    Case(
        "sponsor-without-name",
        (
            "{path}:11:5: error[missing-key]: a sponsor is missing the key 'given'",
            "{path}:12:13: error[empty-value]: 'given' is empty",
            "{path}:12:25: error[empty-value]: 'family' is empty",
        ),
    ),
    Case(
        "impossible-date",
        (
            "{path}:6:8: error[invalid-date]: 2021-02-30 is not a valid date for 'filed' "
            "(day is out of range for month)",
        ),
        source=DIAGNOSTICS / "invalid-date.yaml",
    ),
    Case(
        "control-character-in-a-name",
        (
            "{path}:11:13: error[forbidden-character]: 'given' contains the character U+0001, "
            "which a document "
            "cannot hold; remove it",
            "{path}:11:52: error[forbidden-character]: 'party' contains the character U+D800, "
            "which a document "
            "cannot hold; remove it",
            "{path}:51:3: error[invalid-id]: '\\ud800' is not a valid id: use lowercase "
            "letters, digits "
            "and hyphens",
        ),
    ),
    Case("long-title-and-many-sponsors", status=ACCEPTED),
    # Size and shape: the limits.
    Case(
        "nesting-10000-deep",
        (
            "{path}:23:23: error[too-large]: the file is nested more than 20 levels deep here; "
            "a resolution "
            "needs 8 at most (check the indentation and the brackets)",
        ),
    ),
    Case("file-of-50-mb", (LARGER,)),
    Case("file-of-10-mb", status=ACCEPTED),
    Case("line-of-100000-characters", status=ACCEPTED),
    Case(
        "text-of-100001-characters",
        (
            "{path}:24:9: error[too-large]: the Dutch text of a consideration has 100,001 "
            "characters; "
            "a text may have 100,000 at most (split it into several)",
        ),
    ),
    Case(
        "footnote-too-long",
        (
            "{path}:52:9: error[too-large]: the Dutch text of a footnote has 20,171 characters; "
            "a footnote may have 20,000 at most (split it into several)",
        ),
        source=DIAGNOSTICS / "footnote-too-long.yaml",
    ),
    Case(
        "too-many-parts",
        (
            "{path}:10015:5: error[too-large]: the file has more than 10,000 parts (paragraphs, "
            "items, "
            "footnotes, texts); a 200-page resolution has about 2,000",
        ),
    ),
    Case(
        "too-many-values",
        (
            "{path}:99997:5: error[too-large]: the file holds more than 100,000 values (keys, "
            "texts, "
            "numbers, list entries); a 200-page resolution holds about 12,000",
        ),
    ),
    # Not a file.
    Case(
        "a-folder", ("{path}: error[unreadable-file]: this is a directory, not a resolution file",)
    ),
    Case("missing-file", ("{path}: error[unreadable-file]: no such file",)),
]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(
    case: Case,
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(ROOT)
    source = case.path(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    name = output_name(source)
    for fmt in FORMATS:
        (out / f"{name}.{fmt}").write_bytes(f"previous {fmt}".encode())
    previous, before = folder_state(out), source_state(source)
    run = COMMANDS[command]
    fields = {"source": source, "out": out, "name": name, "minimal": MINIMAL.relative_to(ROOT)}
    fields["output"] = run.output.format(**fields) if run.output else None
    args = [arg.format(**fields) for arg in run.args]

    status, output = run_drafter(capsys, *args)

    assert_no_traceback(output)
    assert status == case.status, output[-2000:]
    lines = output.splitlines()
    if command == "check-json":
        lines = [_json_line(diagnostic) for diagnostic in json.loads(output)["diagnostics"]]
    for line in case.expected:
        assert line.format(path=source) in lines, output[-2000:]
    assert source_state(source) == before
    assert not (ROOT / "drafter-exploited.txt").exists()  # python-object-tag.yaml's payload
    written = folder_state(out)
    said = run.accepted if case.status == ACCEPTED else run.refused
    if said:
        assert said.format(**fields) in lines, output[-2000:]
    if case.status == ACCEPTED and fields["output"]:
        assert written.pop(fields["output"]) != previous.pop(fields["output"], None)
    assert written == previous


def _json_line(diagnostic: dict[str, Any]) -> str:
    """A diagnostic of `check --format json`, as `check` prints it."""
    where = diagnostic["path"]
    if diagnostic["line"] is not None:
        where += f":{diagnostic['line']}:{diagnostic['column']}"
    return f"{where}: {diagnostic['severity']}[{diagnostic['code']}]: {diagnostic['message']}"


def test_a_device_that_never_ends_is_read_no_further_than_the_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    for args in (("check", "/dev/zero"), ("build", "/dev/zero", "-o", str(tmp_path))):
        status, output = run_drafter(capsys, *args)
        assert status == 1
        assert LARGER.format(path="/dev/zero") in output.splitlines()
        assert_no_traceback(output)
    assert list(tmp_path.iterdir()) == []


def test_every_committed_bad_input_is_in_the_corpus() -> None:
    named = {case.name for case in CASES}
    assert {path.stem for path in BAD_INPUTS.glob("*.yaml")} <= named
