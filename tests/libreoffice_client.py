"""A LibreOffice test client: opens DOCX files in a headless LibreOffice through its UNO API,
resolves their tracked changes as a reviewer would, and reports what a reader then sees.

Debian's UNO bridge (python3-uno) only imports into Debian's own Python (/usr/bin/python3),
not into the project's virtual environment, so this file is two things:

- run as a script by /usr/bin/python3, it is the client: it starts one `soffice --headless`
  with a profile of its own, then answers requests, one JSON object per line on stdin, one
  JSON answer per line on stdout, until stdin closes (then LibreOffice is closed too);
- imported by the tests (any Python), `LibreOffice` starts that script in a subprocess and
  sends it requests, so one LibreOffice serves a whole test session.

A request: {"path": "/x.docx", "resolve": "accept" | "reject" | null, "save": "/y.docx" | null,
"pdf": "/y.pdf" | null, "edits": [[old, new], …], "record": bool}: "edits" are made first, with
LibreOffice's own Replace All (body and notes; changes recorded as tracked changes when "record"
is true, by the author "LibreOffice Reviewer"), "save" stores the document as DOCX, "pdf" as
LibreOffice lays it out and prints it (tracked changes shown as in its markup view, with the
list labels it draws there).
The answer: {"changes": how many tracked changes LibreOffice counts before resolving,
"body": [[list label, text], …] for every paragraph of the body in document order (the cells
of a table row by row, left to right), "tops": the space above each of those paragraphs
(ParaTopMargin, in 1/100 mm), "notes": [[label, text], …] for every footnote in the
order of its call (the label LibreOffice draws for it, its text as shown in the note area),
"remaining": tracked changes left after resolving}, or {"error": "…"}. A footnote call in a
paragraph's text is written "[label]".

This module imports nothing outside the standard library, so both Pythons can read it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEBIAN_PYTHON = "/usr/bin/python3"
# Installed by libreoffice-script-provider-python: what runs Python macros inside LibreOffice.
SCRIPT_PROVIDER = "/usr/lib/libreoffice/program/pythonscript.py"
CONNECT_SECONDS = 60


def available() -> bool:
    """Whether LibreOffice, its Python bridge (python3-uno) and its Python macros
    (libreoffice-script-provider-python) can be used here."""
    if shutil.which("soffice") is None or not Path(DEBIAN_PYTHON).exists():
        return False
    if not Path(SCRIPT_PROVIDER).exists():
        return False
    probe = subprocess.run([DEBIAN_PYTHON, "-c", "import uno"], capture_output=True)
    return probe.returncode == 0


class LibreOffice:
    """One headless LibreOffice behind the client script; `read` one document at a time."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [DEBIAN_PYTHON, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def read(
        self,
        path: Path,
        resolve: str | None = None,
        save: Path | None = None,
        pdf: Path | None = None,
        edits: list[tuple[str, str]] | None = None,
        record: bool = False,
    ) -> dict:
        """What LibreOffice shows of the DOCX at `path`, after Replace All of each (old,
        new) of `edits` (tracked, with `record`) and Accept All ("accept") or Reject All
        ("reject") if asked, saving the result as DOCX to `save` and as PDF to `pdf`."""
        assert self.process.stdin is not None and self.process.stdout is not None
        request = {
            "path": str(path),
            "resolve": resolve,
            "save": save and str(save),
            "pdf": pdf and str(pdf),
            "edits": edits or [],
            "record": record,
        }
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the LibreOffice client stopped")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- The client, run by Debian's Python with python3-uno ---------------------------------------


def _property(name: str, value: object) -> Any:
    import uno  # type: ignore[import-not-found]

    prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    prop.Name, prop.Value = name, value
    return prop


def _start(profile: Path) -> tuple[subprocess.Popen, Any]:
    """Start soffice with the profile `profile`, listening on a named pipe: the process,
    and the component context and desktop of that LibreOffice."""
    import uno

    pipe = f"drafter_{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if time.monotonic() > deadline or office.poll() is not None:
                raise
            time.sleep(0.2)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    return office, (context, desktop)


def _portions_text(paragraph: Any) -> str:
    """A paragraph's text as shown, with "[label]" for each footnote call."""
    parts: list[str] = []
    for portion in _iterate(paragraph):
        kind = portion.TextPortionType
        if kind == "Text":
            parts.append(portion.getString())
        elif kind == "Footnote":
            parts.append(f"[{portion.Footnote.getAnchor().getString()}]")
    return "".join(parts)


def _iterate(container: Any) -> list[Any]:
    enumeration = container.createEnumeration()
    items = []
    while enumeration.hasMoreElements():
        items.append(enumeration.nextElement())
    return items


def _paragraphs(text: Any, tops: list[int] | None = None) -> list[list[str]]:
    """[label, text] of every paragraph of a text, tables included, in reading order; and,
    given `tops`, the space above each paragraph (ParaTopMargin, 1/100 mm) appended to it."""
    result: list[list[str]] = []
    for element in _iterate(text):
        if element.supportsService("com.sun.star.text.TextTable"):
            rows, columns = element.getRows().getCount(), element.getColumns().getCount()
            for row in range(rows):
                for column in range(columns):
                    try:
                        cell = element.getCellByPosition(column, row)
                    except Exception:
                        continue  # a merged cell
                    result += _paragraphs(cell.getText(), tops)
        elif element.supportsService("com.sun.star.text.Paragraph"):
            label = element.getPropertyValue("ListLabelString") or ""
            result.append([label, _portions_text(element)])
            if tops is not None:
                tops.append(element.getPropertyValue("ParaTopMargin"))
    return result


def _notes(document: Any) -> list[list[str]]:
    """[label, text] of every footnote, in the order of the calls."""
    footnotes = document.getFootnotes()
    notes = []
    for index in range(footnotes.getCount()):
        note = footnotes.getByIndex(index)
        texts = [text for _, text in _paragraphs(note.getText())]
        notes.append([note.getAnchor().getString(), "\n".join(texts)])
    return notes


def _changes(document: Any) -> int:
    return len(_iterate(document.getRedlines()))


def _answer(desktop: Any, context: Any, request: dict) -> dict:
    import uno

    url = uno.systemPathToFileUrl(request["path"])
    document = desktop.loadComponentFromURL(
        url, "_blank", 0, (_property("Hidden", True), _property("ReadOnly", False))
    )
    if document is None:
        raise ValueError(f"LibreOffice could not open {request['path']}")
    try:
        _edit(context, document, request.get("edits") or [], bool(request.get("record")))
        changes = _changes(document)
        if request.get("resolve"):
            command = {
                "accept": ".uno:AcceptAllTrackedChanges",
                "reject": ".uno:RejectAllTrackedChanges",
            }[request["resolve"]]
            dispatcher = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.DispatchHelper", context
            )
            frame = document.getCurrentController().getFrame()
            dispatcher.executeDispatch(frame, command, "", 0, ())
        tops: list[int] = []
        answer = {
            "changes": changes,
            "body": _paragraphs(document.getText(), tops),
            "tops": tops,
            "notes": _notes(document),
            "remaining": _changes(document),
        }
        if request.get("save"):
            document.storeToURL(
                uno.systemPathToFileUrl(request["save"]),
                (_property("FilterName", "MS Word 2007 XML"),),
            )
        if request.get("pdf"):
            document.storeToURL(
                uno.systemPathToFileUrl(request["pdf"]),
                (_property("FilterName", "writer_pdf_Export"),),
            )
        return answer
    finally:
        document.close(True)


def _edit(context: Any, document: Any, edits: list[list[str]], record: bool) -> None:
    """Replace All of each (old, new), as a reviewer does in LibreOffice; recorded as tracked
    changes by "LibreOffice Reviewer" when `record`. Fails if `old` is not found. A line
    break in `new` is a paragraph break, as Enter types it: the replacement is then made as
    a regular expression, in which LibreOffice reads "\\n" so."""
    if not edits:
        return
    settings = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context
    ).createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (_property("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    settings.setPropertyValue("givenname", "LibreOffice")
    settings.setPropertyValue("sn", "Reviewer")
    settings.commitChanges()
    document.RecordChanges = record
    for old, new in edits:
        descriptor = document.createReplaceDescriptor()
        breaks = "\n" in new
        descriptor.SearchRegularExpression = breaks
        descriptor.SearchString = re.escape(old) if breaks else old
        descriptor.ReplaceString = new.replace("\n", "\\n") if breaks else new
        descriptor.SearchCaseSensitive = True
        if document.replaceAll(descriptor) == 0:
            raise ValueError(f"{old!r} is not in the document")
    document.RecordChanges = False


# Where the reading runs: inside LibreOffice, as a Python macro of the client's own profile
# (libreoffice-script-provider-python). Driven from outside through the bridge, the same
# reading makes thousands of round trips and takes 6 s per flagship document; inside, well
# under one.
MACRO_FILE = "drafter_reader.py"
MACRO = f"vnd.sun.star.script:{MACRO_FILE}$read_document?language=Python&location=user"


def read_document(request: str) -> str:
    """The macro: a JSON request in, the JSON answer out (see the module's docstring)."""
    context = XSCRIPTCONTEXT.getComponentContext()  # type: ignore[name-defined]  # noqa: F821
    desktop = XSCRIPTCONTEXT.getDesktop()  # type: ignore[name-defined]  # noqa: F821
    try:
        answer = _answer(desktop, context, json.loads(request))
    except Exception as error:  # reported to the test, which fails with it
        answer = {"error": f"{type(error).__name__}: {error}"}
    return json.dumps(answer, ensure_ascii=False)


g_exportedScripts = (read_document,)


def main() -> None:
    profile = Path(tempfile.mkdtemp(prefix="drafter-lo-"))
    scripts = profile / "user" / "Scripts" / "python"
    scripts.mkdir(parents=True)
    shutil.copy(__file__, scripts / MACRO_FILE)
    office, (context, desktop) = _start(profile)
    try:
        factory = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.script.provider.MasterScriptProviderFactory", context
        )
        script = factory.createScriptProvider("").getScript(MACRO)
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                answer = script.invoke((line,), (), ())[0]
            except Exception as error:  # reported to the test, which fails with it
                answer = json.dumps({"error": f"{type(error).__name__}: {error}"})
            sys.stdout.write(answer + "\n")
            sys.stdout.flush()
    finally:
        with contextlib.suppress(Exception):  # the bridge goes down with LibreOffice
            desktop.terminate()
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
