"""Watch: rebuild a source's outputs each time it is saved, and serve a self-reloading preview.

`Watcher.poll_once` reads the source and rebuilds when its content changed (the file's bytes
are hashed on every poll, so an editor's save-by-rename, a save within the file system's
time resolution or a `touch` are all judged by content; a file briefly missing is waited
for). A rebuild is a `drafter build` of the file in the same process: check, render every
format in memory, write them all atomically; a file with errors is not built and the
previous outputs stay. The PDF of a resolution keeps a `LayoutCache` from one build to the
next (the fonts, and the laid-out cells that did not change), and is byte for byte the PDF
a cold build gives. Amendments are rendered through the same cache, and rebuilt when the
resolution they amend is saved too.

`PreviewServer` serves the output folder on 127.0.0.1: every HTML file it serves carries a
small script that polls `/version` and reloads the page when the build number changes; the
files on disk stay exactly what `build` writes.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import json
import signal
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from drafter.api.build import checked_for_build, output_name, render_formats, write_outputs
from drafter.document.diagnostics import Diagnostic, DrafterError

if TYPE_CHECKING:
    from drafter.render.html.layout_cache import LayoutCache

INTERVAL = 0.2  # seconds between polls
MISSING_GRACE = 2.0  # seconds a source may be missing (a save by rename) before it is said


class Watcher:
    """Rebuilds `source` into `output_dir` in `formats` when its content changes.

    `echo` receives one line per rebuild or problem; `clock` (monotonic seconds) and `now`
    (the time of day printed) can be replaced for tests; `describe_failure` turns an
    unexpected exception into a sentence.
    """

    def __init__(
        self,
        source: Path,
        output_dir: Path,
        formats: list[str],
        *,
        strict: bool = False,
        renumber: bool = False,
        echo: Callable[[str], None] = print,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime.datetime] = datetime.datetime.now,
        describe_failure: Callable[[Exception], str] = str,
    ) -> None:
        self.source = source
        self.output_dir = output_dir
        self.formats = formats
        self.strict = strict
        self.renumber = renumber
        self.echo = echo
        self.clock = clock
        self.now = now
        self.describe_failure = describe_failure
        self.build_number = 0  # successful builds so far: the preview reloads when it changes
        self.last_error: str | None = None  # the line printed for the last failed rebuild
        self._digest: bytes | None = None  # of the content last built (or tried)
        self._missing_since: float | None = None
        self._missing_said = False
        self._cache: LayoutCache | None = None
        self._amended: Path | None = None  # for amendments: the resolution they amend

    @property
    def cache(self) -> LayoutCache:
        if self._cache is None:
            from drafter.render.html.layout_cache import LayoutCache

            self._cache = LayoutCache()
        return self._cache

    def poll_once(self) -> bool:
        """Look at the source once; rebuild if its content changed. True if it rebuilt."""
        try:
            content = self.source.read_bytes()
        except FileNotFoundError:
            self._missing()
            return False
        except OSError as error:
            self._say_missing(f"{self.source}: cannot be read ({error.strerror}); waiting")
            return False
        if self._missing_said:
            self.echo(f"{self._time()} {self.source} is back")
        self._missing_since = None
        self._missing_said = False
        digest = self._digest_of(content)
        if digest == self._digest:
            return False
        self._digest = digest
        self.rebuild()
        self._digest = self._digest_of(content)  # amendments: now with what they amend
        return True

    def _digest_of(self, content: bytes) -> bytes:
        """The source's content, and for amendments that of the resolution they amend."""
        hashed = hashlib.sha256(content)
        if self._amended is not None:
            with contextlib.suppress(OSError):  # being saved, or gone: the check says so
                hashed.update(b"\0" + self._amended.read_bytes())
        return hashed.digest()

    def _missing(self) -> None:
        if self._missing_since is None:
            self._missing_since = self.clock()
        elif self.clock() - self._missing_since >= MISSING_GRACE:
            self._say_missing(f"{self.source} is missing; waiting for it")

    def _say_missing(self, line: str) -> None:
        if not self._missing_said:
            self._missing_said = True
            self.echo(f"{self._time()} {line}")

    def _time(self) -> str:
        return self.now().strftime("%H:%M:%S")

    def rebuild(self) -> bool:
        """Build every format now; print one line. False (outputs untouched) on a problem."""
        start = time.perf_counter()
        try:
            outputs, warnings = self._build()
        except _NotBuilt as problem:
            self._failed(problem.line)
            return False
        except Exception as error:  # a full disk, a missing template, a bug: say it, go on
            self._failed(f"{self.source}: error: {self.describe_failure(error)}")
            return False
        self.build_number += 1
        self.last_error = None
        names = ", ".join(path.name for path in outputs)
        remark = f" ({_count(len(warnings), 'warning')})" if warnings else ""
        self.echo(f"{self._time()} built {names} in {time.perf_counter() - start:.2f} s{remark}")
        return True

    def _failed(self, line: str) -> None:
        self.last_error = line
        self.echo(f"{self._time()} {line} (not built; the previous outputs stay)")

    def _build(self) -> tuple[list[Path], list[Diagnostic]]:
        try:
            result = checked_for_build(self.source, strict=self.strict, renumber=self.renumber)
        except DrafterError as error:
            blocking = error.diagnostics
            more = len(blocking) - 1
            tail = f" (and {_count(more, 'more problem')}: drafter check lists them)"
            raise _NotBuilt(blocking[0].format() + (tail if more else "")) from None
        amendments = result.amendments
        self._amended = self.source.parent / amendments.amends if amendments else None
        rendered = render_formats(result, self.formats, cache=self.cache)
        return write_outputs(self.source, self.output_dir, rendered), result.warnings

    def run(self, stop: threading.Event, interval: float = INTERVAL) -> None:
        """Build now, then poll every `interval` seconds until `stop` is set."""
        self.poll_once()
        while not stop.wait(interval):
            self.poll_once()


class _NotBuilt(Exception):
    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


RELOAD_SCRIPT = """<script>
/* drafter watch: reload when a new build is written (served pages only, not the file) */
(function () {{
  var build = {build};
  function poll() {{
    fetch("/version", {{cache: "no-store"}})
      .then(function (response) {{ return response.json(); }})
      .then(function (version) {{
        if (version.build !== build) {{ location.reload(); }} else {{ setTimeout(poll, 500); }}
      }})
      .catch(function () {{ setTimeout(poll, 1000); }});
  }}
  setTimeout(poll, 500);
}})();
</script>
"""


def with_reload_script(html: bytes, build: int) -> bytes:
    """The HTML with the reload script before its last `</body>` (or at its end)."""
    script = RELOAD_SCRIPT.format(build=build).encode()
    at = html.rfind(b"</body>")
    if at < 0:
        return html + script
    return html[:at] + script + html[at:]


class _PreviewHandler(SimpleHTTPRequestHandler):
    version: Callable[[], int]

    def __init__(self, *args: object, version: Callable[[], int], **kwargs: object) -> None:
        self.version = version
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:  # the name http.server calls
        path = urlsplit(self.path).path
        if path == "/version":
            self._send(json.dumps({"build": self.version()}).encode(), "application/json")
        elif path.endswith((".html", ".htm")):
            build = self.version()  # before reading: a build in between reloads once more
            try:
                html = Path(self.translate_path(self.path)).read_bytes()
            except OSError:
                self.send_error(404, "not built yet")
                return
            self._send(with_reload_script(html, build), "text/html; charset=utf-8")
        else:
            super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        if not any(b"Cache-Control" in header for header in self._headers_buffer):
            self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # the terminal shows the builds, not every request


class PreviewServer:
    """The output folder served on 127.0.0.1 (`port` 0: a free one), in a daemon thread.

    `stop()` (from the thread that started it, never from a request) shuts it down and
    waits for the serving thread.
    """

    def __init__(self, directory: Path, version: Callable[[], int], port: int = 0) -> None:
        handler = functools.partial(_PreviewHandler, directory=str(directory), version=version)
        self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._server.daemon_threads = True
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )

    def url(self, name: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=10)
        self._server.server_close()


def watch(
    source: Path,
    output_dir: Path,
    formats: list[str],
    *,
    port: int = 0,
    strict: bool = False,
    renumber: bool = False,
    echo: Callable[[str], None] = print,
    describe_failure: Callable[[Exception], str] = str,
    stop: threading.Event | None = None,
) -> None:
    """`drafter watch`: build, serve the preview (when HTML is built), rebuild on every save,
    until `stop` is set or Ctrl-C (KeyboardInterrupt, caught: the server is shut down and a
    line printed)."""
    watcher = Watcher(
        source,
        output_dir,
        formats,
        strict=strict,
        renumber=renumber,
        echo=echo,
        describe_failure=describe_failure,
    )
    server = None
    if "html" in formats:
        output_dir.mkdir(parents=True, exist_ok=True)
        server = PreviewServer(output_dir, lambda: watcher.build_number, port)
        server.start()
    previous = None
    try:
        where = f"; preview at {server.url(output_name(source) + '.html')}" if server else ""
        echo(f"watching {source}{where} (Ctrl-C stops)")
        watcher.run(stop or threading.Event())
    except KeyboardInterrupt:
        # A second Ctrl-C while the server shuts down must not end in a traceback.
        if threading.current_thread() is threading.main_thread():
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        echo("stopped watching")
    finally:
        if server is not None:
            server.stop()
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
