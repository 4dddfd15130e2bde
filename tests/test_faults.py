"""No data lost: what a full disk, a folder drafter may not write in, Ctrl-C or a crash leave.

drafter never writes to a source file; it writes its outputs to temporary files in the
output folder and renames them into place once all are written. So whatever goes wrong,
the previous outputs stay byte for byte, no temporary file is left behind, and the user
reads one plain sentence and an exit status of 1 (130 for Ctrl-C), never a traceback.

The tests run as root, for whom a read-only folder is writable: a folder drafter may not
write in is simulated by a `tempfile.mkstemp` that raises EACCES, a full disk by an
`os.fsync` that raises ENOSPC (where a full disk shows when data reaches it).
"""

from __future__ import annotations

import builtins
import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from drafter import __version__
from drafter.api import build
from drafter.api.build import FORMATS
from tests.conftest import FLAGSHIP, MINIMAL, ROOT
from tests.test_bad_inputs import assert_no_traceback, folder_state, run_drafter, source_state

BUILDS = {fmt: ("build", str(MINIMAL), "-o", "{out}", "--format", fmt) for fmt in FORMATS}
BUILDS["all-formats"] = ("build", str(MINIMAL), "-o", "{out}", "--format", ",".join(FORMATS))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder holding the outputs of a previous build."""
    folder = tmp_path / "out"
    folder.mkdir()
    for fmt in FORMATS:
        (folder / f"minimal.{fmt}").write_bytes(f"previous {fmt}".encode())
    return folder


def _fail_with(error: BaseException, after: int = 0):
    """A replacement for os.fsync that fails on its call number `after` (from 0)."""
    calls = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) > after:
            raise error
        real_fsync(descriptor)

    return fsync


DISK_FULL = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("command", list(BUILDS))
@pytest.mark.parametrize(
    ("fault", "status", "message"),
    [
        (
            "disk-full",
            1,
            "{source}: error: cannot write {out}/minimal.{fmt}: No space left on device; not built",
        ),
        ("interrupted", 130, "drafter: interrupted; no file was left half-written"),
        ("not-writable", 1, "{source}: error: the folder {out} is not writable; not built"),
    ],
)
def test_a_failed_write_changes_no_output(
    command: str,
    fault: str,
    status: int,
    message: str,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    previous, before = folder_state(out), source_state(MINIMAL)
    formats = FORMATS if command == "all-formats" else (command,)
    # With several formats, the last one fails: the others are already written by then.
    if fault == "disk-full":
        monkeypatch.setattr(os, "fsync", _fail_with(DISK_FULL, after=len(formats) - 1))
    elif fault == "interrupted":
        monkeypatch.setattr(os, "fsync", _fail_with(KeyboardInterrupt(), after=len(formats) - 1))
    else:

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    args = [arg.format(out=out) for arg in BUILDS[command]]

    code, output = run_drafter(capsys, *args)

    assert code == status
    expected = message.format(source=MINIMAL, out=out, fmt=formats[-1])
    assert expected in output.splitlines(), output
    assert_no_traceback(output)
    assert folder_state(out) == previous
    assert source_state(MINIMAL) == before


def test_an_output_folder_under_a_file_is_refused_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "taken").write_text("x")
    target = tmp_path / "taken" / "out"
    code, output = run_drafter(capsys, "build", str(MINIMAL), "-o", str(target), "--format", "html")
    assert code == 1
    expected = f"{MINIMAL}: error: cannot create the folder {target}: Not a directory; not built"
    assert expected in output.splitlines()
    assert_no_traceback(output)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_a_crashing_writer_changes_no_output(
    out: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def crash(resolution: object) -> bytes:
        raise RuntimeError("the writer fell over")

    monkeypatch.setitem(build.RENDERERS, "docx", crash)
    previous = folder_state(out)
    code, output = run_drafter(
        capsys, "build", str(MINIMAL), "-o", str(out), "--format", "html,docx"
    )
    assert code == 1
    # The last resort names what failed and says how to report it.
    assert f"{MINIMAL}: error: drafter {__version__} failed with RuntimeError: " in output
    assert "the writer fell over. This is a bug in drafter" in output
    assert "please report it" in output and "`drafter --version`" in output
    assert "not built" in output
    assert "Traceback" not in output
    assert folder_state(out) == previous


@pytest.mark.parametrize(
    ("fault", "status", "message"),
    [
        ("disk-full", 1, "drafter: error: cannot write {path}: No space left on device"),
        ("interrupted", 130, "drafter: interrupted; no file was left half-written"),
        ("not-writable", 1, "drafter: error: the folder {folder} is not writable"),
        ("under-a-file", 1, "drafter: error: cannot write in the folder {folder}: Not a directory"),
    ],
)
def test_new_writes_nothing_when_the_write_fails(
    fault: str,
    status: int,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path
    if fault == "under-a-file":
        (tmp_path / "taken").write_text("x")
        folder = tmp_path / "taken"
    elif fault == "disk-full":
        monkeypatch.setattr(os, "fsync", _fail_with(DISK_FULL))
    elif fault == "interrupted":
        monkeypatch.setattr(os, "fsync", _fail_with(KeyboardInterrupt()))
    else:

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    before = folder_state(tmp_path)
    path = folder / "new.yaml"
    code, output = run_drafter(capsys, "new", str(path))
    assert code == status
    assert message.format(path=path, folder=folder) in output.splitlines(), output
    assert_no_traceback(output)
    assert folder_state(tmp_path) == before


def test_check_and_build_write_nothing_but_their_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every file opened for writing during check and build, at the Python level."""
    source = tmp_path / "source.yaml"
    source.write_bytes(MINIMAL.read_bytes())
    os.utime(source, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = source_state(source)
    written: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def recording_open(file: object, mode: str = "r", *args: object, **kwargs: object):
        if any(flag in mode for flag in "wax+") and isinstance(file, str | os.PathLike):
            written.append(os.fspath(file))
        return real_open(file, mode, *args, **kwargs)

    def recording_os_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND):
            written.append(os.fspath(path))
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", recording_open)
    monkeypatch.setattr(os, "open", recording_os_open)
    out = tmp_path / "out"
    for args in (
        ("check", str(source)),
        ("check", "--strict", "--format", "json", str(source)),
        ("build", str(source), "-o", str(out), "--format", "pdf,html,docx"),
    ):
        code, output = run_drafter(capsys, *args)
        assert code == 0, output
    assert source_state(source) == before
    assert written and all(Path(path).parent == out for path in written), written
    assert sorted(p.name for p in out.iterdir()) == ["source.docx", "source.html", "source.pdf"]


def _without_sigint_ignored() -> None:
    # A shell starts background jobs with SIGINT ignored; Ctrl-C reaches drafter in a terminal.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_until_rendering(pid: int) -> None:
    """Until the build has loaded WeasyPrint's Pango (it renders: the flagship takes several
    seconds), then half a second more; on a system without /proc, a second."""
    maps = Path(f"/proc/{pid}/maps")
    deadline = time.monotonic() + 30
    while maps.exists() and time.monotonic() < deadline:
        if "libpango" in maps.read_text(errors="replace"):
            break
        time.sleep(0.05)
    time.sleep(1.0 if not maps.exists() else 0.5)


def test_ctrl_c_during_a_build_leaves_the_previous_pdf(tmp_path: Path) -> None:
    out = tmp_path / "build"
    out.mkdir()
    previous = out / "doc-55-1780-001.pdf"
    previous.write_bytes(b"%PDF- the previous build")
    drafter = Path(sys.executable).parent / "drafter"
    command = [str(drafter), "build", str(FLAGSHIP), "-o", str(out)]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_without_sigint_ignored,
    )
    _wait_until_rendering(process.pid)
    assert process.poll() is None, "the build ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr == "drafter: interrupted; no file was left half-written\n"
    assert stdout == ""
    assert previous.read_bytes() == b"%PDF- the previous build"
    assert [p.name for p in out.iterdir()] == ["doc-55-1780-001.pdf"]


@pytest.mark.parametrize("args", [("schema",), ("check", str(MINIMAL))])
def test_a_full_stdout_is_a_plain_error(args: tuple[str, ...]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    drafter = Path(sys.executable).parent / "drafter"
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(drafter), *args], cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert result.returncode == 1
    assert result.stderr == "drafter: error: No space left on device\n"


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`drafter check FILE | head -1`: the reader stops early; drafter says nothing more."""
    source = tmp_path / "keys.yaml"  # 20,000 unknown keys: 4 MB of messages, past any pipe
    source.write_text("".join(f"key{n}: {n}\n" for n in range(20_000)))
    drafter = Path(sys.executable).parent / "drafter"
    process = subprocess.Popen(
        [str(drafter), "check", str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(str(source).encode())
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert stderr == ""


def test_two_sources_named_alike_are_refused_before_anything_is_built(
    tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`drafter build */minimal.yaml`: the second would replace the first one's outputs."""
    first, second = tmp_path / "a" / "minimal.yaml", tmp_path / "b" / "minimal.yaml"
    for path in (first, second):
        path.parent.mkdir()
        path.write_bytes(MINIMAL.read_bytes())
    previous = folder_state(out)
    code, output = run_drafter(capsys, "build", str(first), str(second), "-o", str(out))
    assert code == 2
    assert output == (
        f"drafter: error: {first} and {second} would both be built to {out}/minimal; "
        "build them into different folders (-o)\n"
    )
    assert folder_state(out) == previous
