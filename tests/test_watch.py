"""`drafter watch`: rebuilds on a change of content, the PDF of a rebuild equal to a cold
build's, errors reported with their position and the old outputs kept, the preview server
(its /version endpoint and reload script), and Ctrl-C.

The watcher is driven in-process through `poll_once()` with a fake clock: no test sleeps
waiting for a poll. Only the Ctrl-C test starts a process, with generous timeouts.
"""

from __future__ import annotations

import datetime
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from drafter.api import check_file
from drafter.api.build import build_file
from drafter.api.watch import PreviewServer, Watcher, with_reload_script
from tests.conftest import FIXTURES, FLAGSHIP, MINIMAL


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self) -> float:
        return self.seconds


def _watcher(
    source: Path, output: Path, formats: list[str]
) -> tuple[Watcher, list[str], FakeClock]:
    lines: list[str] = []
    clock = FakeClock()
    watcher = Watcher(
        source,
        output,
        formats,
        echo=lines.append,
        clock=clock,
        now=lambda: datetime.datetime(2026, 1, 2, 13, 2, 11),
    )
    return watcher, lines, clock


def _copy(source: Path, folder: Path, name: str | None = None) -> Path:
    target = folder / (name or source.name)
    target.write_bytes(source.read_bytes())
    return target


def _replace_by_rename(path: Path, text: str) -> None:
    """Save as many editors do: write a new file beside it, rename it over the old one."""
    temporary = path.with_name(path.name + ".swp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_rebuilds_when_the_content_changes_and_only_then(tmp_path: Path) -> None:
    source = _copy(MINIMAL, tmp_path)
    watcher, lines, _ = _watcher(source, tmp_path / "out", ["html"])
    assert watcher.poll_once()
    assert lines == [f"13:02:11 built minimal.html in {_seconds(lines[0])} s"]
    assert watcher.build_number == 1
    assert not watcher.poll_once()
    os.utime(source)  # touched, not changed
    assert not watcher.poll_once()
    _replace_by_rename(source, source.read_text().replace("het regent", "het stormt"))
    assert watcher.poll_once()
    assert watcher.build_number == 2
    written = (tmp_path / "out" / "minimal.html").read_bytes()
    assert b"het stormt" in written
    # What watch writes is what build writes.
    cold = build_file(source, tmp_path / "cold", ["html"])
    assert written == cold.outputs[0].read_bytes()


def _seconds(line: str) -> str:
    match = re.search(r"in (\d+\.\d\d) s$", line)
    assert match, line
    return match.group(1)


def test_a_file_briefly_missing_is_waited_for(tmp_path: Path) -> None:
    source = _copy(MINIMAL, tmp_path)
    text = source.read_text()
    watcher, lines, clock = _watcher(source, tmp_path / "out", ["html"])
    watcher.poll_once()
    source.unlink()
    assert not watcher.poll_once()
    clock.seconds += 0.5
    assert not watcher.poll_once()
    assert len(lines) == 1  # a save by rename is not worth a line
    clock.seconds += 5
    assert not watcher.poll_once()
    assert not watcher.poll_once()
    assert lines[1:] == [f"13:02:11 {source} is missing; waiting for it"]
    source.write_text(text)  # back as it was: nothing to build
    assert not watcher.poll_once()
    assert lines[2:] == [f"13:02:11 {source} is back"]
    source.write_text(text.replace("het regent", "het hagelt"))
    assert watcher.poll_once()
    assert watcher.build_number == 2


def test_an_error_is_reported_with_its_position_and_the_outputs_stay(tmp_path: Path) -> None:
    source = _copy(MINIMAL, tmp_path)
    text = source.read_text()
    output = tmp_path / "out"
    watcher, lines, _ = _watcher(source, output, ["html"])
    watcher.poll_once()
    before = (output / "minimal.html").read_bytes()
    broken = text.replace("  - id: second\n", "  - id: first\n")  # a duplicate id
    source.write_text(broken)
    assert watcher.poll_once()
    line = [i for i, row in enumerate(broken.splitlines(), 1) if row == "  - id: first"][-1]
    # As `drafter check` prints it: file:line:column: error[code]: message.
    (error,) = check_file(source).errors
    assert error.format().startswith(f"{source}:{line}:5: error[duplicate-id]: ")
    assert lines[-1] == f"13:02:11 {error.format()} (not built; the previous outputs stay)"
    assert watcher.build_number == 1
    assert (output / "minimal.html").read_bytes() == before
    assert sorted(path.name for path in output.iterdir()) == ["minimal.html"]  # no temporary
    source.write_text("title: [unclosed\n")  # not even YAML: still a position
    assert watcher.poll_once()
    assert re.match(rf"13:02:11 {re.escape(str(source))}:\d+:\d+: error", lines[-1]), lines[-1]
    source.write_text(text)
    assert watcher.poll_once()
    assert watcher.build_number == 2
    assert lines[-1].startswith("13:02:11 built minimal.html in ")


def test_an_edited_flagship_pdf_is_byte_identical_to_a_cold_build(tmp_path: Path) -> None:
    source = _copy(FLAGSHIP, tmp_path)
    text = source.read_text(encoding="utf-8")
    watcher, lines, _ = _watcher(source, tmp_path / "watch", ["pdf"])
    watcher.poll_once()
    cells = watcher.cache.measured
    assert watcher.cache.reused == 0
    # One word, and a paragraph made longer: every cell after it moves in the galley.
    longer = " Een bijkomende zin die de paragraaf verlengt, zodat alles erna verschuift." * 3
    edited = text.replace("ongeveer veertien miljoen", "ongeveer vijftien miljoen" + longer, 1)
    assert edited != text
    _replace_by_rename(source, edited)
    assert watcher.poll_once(), lines
    assert watcher.build_number == 2, lines
    assert watcher.cache.measured == 1
    assert watcher.cache.reused == cells - 1
    cold = build_file(source, tmp_path / "cold", ["pdf"])
    assert (tmp_path / "watch" / source.with_suffix(".pdf").name).read_bytes() == (
        cold.outputs[0].read_bytes()
    )
    # One word as long as the one it replaces: no line moves, so the pages' frame is copied
    # rather than laid out again, and the PDF is still the cold build's.
    _replace_by_rename(
        source, edited.replace("ongeveer vijftien miljoen", "ongeveer veertien miljoen", 1)
    )
    assert watcher.poll_once(), lines
    assert watcher.cache.measured == 1 and watcher.cache.frame_reused
    cold = build_file(source, tmp_path / "cold", ["pdf"])
    assert (tmp_path / "watch" / source.with_suffix(".pdf").name).read_bytes() == (
        cold.outputs[0].read_bytes()
    )


def test_an_amendments_pdf_is_rebuilt_as_a_cold_build_would(tmp_path: Path) -> None:
    filed = tmp_path / "resolutions"
    filed.mkdir()
    _copy(FLAGSHIP, filed)
    folder = tmp_path / "tests" / "fixtures"
    folder.mkdir(parents=True)
    source = _copy(FIXTURES / "amendments-1780-002.yaml", folder)
    text = source.read_text(encoding="utf-8")
    watcher, lines, _ = _watcher(source, tmp_path / "watch", ["pdf", "html"])
    watcher.poll_once()
    assert watcher.build_number == 1, lines
    source.write_text(text.replace("Korter.", "Veel korter."), encoding="utf-8")
    assert watcher.poll_once()
    assert watcher.build_number == 2, lines
    assert watcher.cache.reused > 0
    cold = build_file(source, tmp_path / "cold", ["pdf", "html"])
    for output in cold.outputs:
        assert (tmp_path / "watch" / output.name).read_bytes() == output.read_bytes()
    # Saving the resolution they amend rebuilds the amendments too.
    assert not watcher.poll_once()
    amended = filed / FLAGSHIP.name
    amended.write_text(amended.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert watcher.poll_once()
    assert watcher.build_number == 3, lines


def _get(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read(), response.headers["Content-Type"]


def test_the_preview_server_adds_the_reload_script_to_served_html_only(tmp_path: Path) -> None:
    page = b"<!DOCTYPE html>\n<html><body><p>x</p></body>\n</html>"
    (tmp_path / "x.html").write_bytes(page)
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.7 bytes")
    build = [3]
    server = PreviewServer(tmp_path, lambda: build[0])
    server.start()
    try:
        assert server.port > 0
        body, kind = _get(server.url("version"))
        assert kind == "application/json"
        assert json.loads(body) == {"build": 3}
        build[0] = 4
        assert json.loads(_get(server.url("version"))[0]) == {"build": 4}
        html, kind = _get(server.url("x.html"))
        assert kind.startswith("text/html")
        assert html == with_reload_script(page, 4)
        assert b'fetch("/version"' in html and b"var build = 4;" in html
        assert html.index(b"<script>") < html.index(b"</body>")
        assert (tmp_path / "x.html").read_bytes() == page  # the file is left alone
        assert _get(server.url("x.pdf"))[0] == b"%PDF-1.7 bytes"
    finally:
        server.stop()
    with pytest.raises(OSError):
        _get(server.url("version"))


def test_watch_rejects_an_unknown_format(run) -> None:
    result = run("watch", "tests/fixtures/minimal.yaml", "--format", "pdf,odt")
    assert result.exit_code == 2


def _lines(stream, into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line)
    into.put("")  # the end


def _next_line(lines: queue.Queue[str], timeout: float = 120) -> str:
    return lines.get(timeout=timeout)


def _as_in_a_terminal() -> None:
    # A shell starts background jobs with SIGINT ignored (CI runs the drift check so), and
    # a process keeps what it inherits: Python then installs no Ctrl-C handler at all, and
    # the watcher would never hear the signal. In a terminal, Ctrl-C reaches it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_ctrl_c_stops_the_command_cleanly(tmp_path: Path) -> None:
    source = _copy(MINIMAL, tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "drafter", "watch", str(source), "--format", "html", "-o", "out"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=_as_in_a_terminal,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    try:
        first = _next_line(lines)
        match = re.search(r"preview at (http://127\.0\.0\.1:\d+/)minimal\.html", first)
        assert match, first
        assert " built minimal.html in " in _next_line(lines)
        assert json.loads(_get(match.group(1) + "version")[0]) == {"build": 1}
        source.write_text(source.read_text().replace("het regent", "het stormt"))
        assert " built minimal.html in " in _next_line(lines)
        assert json.loads(_get(match.group(1) + "version")[0]) == {"build": 2}
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=120) == 0
        assert _next_line(lines) == "stopped watching\n"
        assert "Traceback" not in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=60)


def test_the_layout_cache_gives_cold_bytes_build_after_build_and_per_geometry() -> None:
    from drafter.render.html.layout_cache import LayoutCache
    from drafter.render.html.page import A4, Geometry
    from drafter.render.html.pdf import render_pdf

    resolution = check_file(MINIMAL).resolution
    assert resolution is not None
    narrow = Geometry(margin_side=30)
    cache = LayoutCache()
    cold = render_pdf(resolution)
    assert render_pdf(resolution, cache=cache) == cold
    assert cache.reused == 0
    items = cache.measured
    # The cached boxes are handed out as copies: drawn again and again, the same bytes.
    assert render_pdf(resolution, cache=cache) == cold
    assert render_pdf(resolution, cache=cache) == cold
    assert (cache.measured, cache.reused) == (0, items)
    assert cache.frame_reused  # the same pages: the frame copied, not laid out again
    # The column's width is part of what a cell's layout depends on.
    assert render_pdf(resolution, cache=cache, geometry=narrow) == render_pdf(
        resolution, geometry=narrow
    )
    assert (cache.measured, cache.reused) == (items, 0)
    assert render_pdf(resolution, cache=cache, geometry=A4) == cold
