"""Hostile content: a resolution is data, never markup, a template, a URL to fetch or a path.

A file from a co-sponsor's mailbox may hold HTML, CSS, Jinja, WordprocessingML or URLs in
any text. They must come out as the same characters in the HTML and the DOCX (the PDF's own
test is in test_pdf.py), add no element, link, field or relationship of their own, and the
PDF build must read no file outside templates/ and open no network connection. Output files
are named after the source file only, and never land outside the output folder.
"""

from __future__ import annotations

import builtins
import io
import os
import socket
import tempfile
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import weasyprint
import yaml

import drafter
from drafter.api.build import RENDERERS
from drafter.render.html.writer import TEMPLATES
from tests.conftest import MINIMAL, ROOT
from tests.test_bad_inputs import assert_no_traceback, run_drafter

FRAGMENTS = [
    "<script>alert('x')</script>",
    "</p></td></tr></table></div>",
    '<img src="file:///etc/passwd" onerror="alert(1)">',
    '<link rel="stylesheet" href="http://192.0.2.1/x.css">',
    "<style>body{display:none} @import 'http://192.0.2.1/y.css';</style>",
    'style="background:url(file:///etc/passwd)"',
    "{{ 7*7 }}",
    "{% include '/etc/passwd' %}",
    "{# a Jinja comment #}",
    "${7*7} #{7*7}",
    "file:///etc/passwd",
    "http://192.0.2.1/tracker.png",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "javascript:alert(1)",
    "&amp; &lt;b&gt; &#x3C;script&#x3E; &nbsp;",
    "]]><!-- --><![CDATA[x]]>",
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
    "<w:p><w:r><w:t>injected</w:t></w:r></w:p>",
    '<w:fldSimple w:instr="INCLUDETEXT &quot;file:///etc/passwd&quot;"/>',
    'INCLUDEPICTURE "http://192.0.2.1/p.png" \\d',
]
HOSTILE = " ".join(FRAGMENTS)


def _escaped(text: str) -> str:
    """`text` written in drafter's markup, so that it prints as it is."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("[", "\\[")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _everywhere(text: str, path: Path) -> Path:
    """The minimal resolution with `text` added to every text and name, written to `path`."""
    document = yaml.safe_load(MINIMAL.read_text())
    written = _escaped(text)

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("nl", "fr") and isinstance(value, str):
                    node[key] = f"{value} {written}"
                elif key in ("given", "family", "party"):
                    node[key] = f"{value} {text}"
                else:
                    visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(document)
    path.write_text(yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False))
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> drafter.Resolution:
    return drafter.load(_everywhere(HOSTILE, tmp_path_factory.mktemp("hostile") / "h.yaml"))


@pytest.fixture(scope="module")
def harmless(tmp_path_factory: pytest.TempPathFactory) -> drafter.Resolution:
    """The same document with a plain word where the hostile text stands."""
    return drafter.load(_everywhere("harmless", tmp_path_factory.mktemp("harmless") / "h.yaml"))


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attributes += [(tag, name, value) for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read_html(resolution: drafter.Resolution) -> _Reader:
    reader = _Reader()
    reader.feed(RENDERERS["html"](resolution).decode("utf-8"))
    reader.close()
    return reader


def test_html_prints_hostile_text_literally_and_adds_no_element(hostile, harmless) -> None:
    page, plain = _read_html(hostile), _read_html(harmless)
    text = "".join(page.text)
    for fragment in FRAGMENTS:
        # Sponsors' names stand on the cover; every other text in its paragraphs.
        assert text.count(fragment) >= 10, fragment
    # The text's URLs become links (<a>, with <wbr> break points); nothing else is added.
    links = {"a", "wbr"}
    assert {t: n for t, n in page.tags.items() if t not in links} == {
        t: n for t, n in plain.tags.items() if t not in links
    }
    for tag, name, value in page.attributes:
        if name in ("href", "src") or name.startswith("on"):
            assert tag == "a" and name == "href", (tag, name, value)
            assert value and value.startswith(("http://", "https://")), value
    assert "49" not in text


def _docx_parts(resolution: drafter.Resolution) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(RENDERERS["docx"](resolution))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_docx_prints_hostile_text_literally_and_adds_no_field_or_link(hostile, harmless) -> None:
    parts, plain = _docx_parts(hostile), _docx_parts(harmless)
    # The same parts, besides the relationships of the footnotes' links.
    assert {name for name in parts if not name.endswith(".rels")} == {
        name for name in plain if not name.endswith(".rels")
    }
    text = []
    for name, data in parts.items():
        if not name.endswith((".xml", ".rels")):
            continue
        root = ElementTree.fromstring(data)  # well-formed, whatever the text held
        text += [element.text or "" for element in root.iter(f"{W}t")]
        # Fields are drafter's own (page numbers), never built from the text.
        instructions = {(i.text or "").strip() for i in root.iter(f"{W}instrText")}
        assert instructions <= {"PAGE"}, instructions
        assert not list(root.iter(f"{W}fldSimple"))
        if name.endswith(".rels"):
            for relationship in root:
                if relationship.get("TargetMode") == "External":
                    assert relationship.get("Target", "").startswith(("http://", "https://"))
    joined = "".join(text)
    for fragment in FRAGMENTS:
        assert joined.count(fragment) >= 10, fragment
    assert b"injected</w:t>" not in parts["word/document.xml"]
    core = ElementTree.fromstring(parts["docProps/core.xml"])
    title = next(e.text for e in core.iter() if e.tag.endswith("}title"))
    assert title and FRAGMENTS[0] in title


def test_pdf_reads_only_templates_and_needs_no_network(
    hostile, monkeypatch: pytest.MonkeyPatch
) -> None:
    RENDERERS["pdf"](hostile)  # imports and warms up WeasyPrint before anything is recorded
    reads: list[str] = []
    connections: list[object] = []
    real_open, real_io_open, real_os_open = builtins.open, io.open, os.open

    def record(path: object) -> None:
        if isinstance(path, str | bytes | os.PathLike):
            reads.append(os.fsdecode(os.fspath(path)))

    def recording_open(file: object, *args: object, **kwargs: object):
        record(file)
        return real_open(file, *args, **kwargs)

    def recording_io_open(file: object, *args: object, **kwargs: object):
        record(file)
        return real_io_open(file, *args, **kwargs)

    def recording_os_open(path: object, *args: object, **kwargs: object) -> int:
        record(path)
        return real_os_open(path, *args, **kwargs)

    def unreachable(*args: object, **kwargs: object) -> None:
        connections.append(args)
        raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(builtins, "open", recording_open)
    monkeypatch.setattr(io, "open", recording_io_open)
    monkeypatch.setattr(os, "open", recording_os_open)
    monkeypatch.setattr(socket.socket, "connect", unreachable)
    monkeypatch.setattr(socket.socket, "connect_ex", unreachable)
    monkeypatch.setattr(socket, "getaddrinfo", unreachable)
    monkeypatch.setattr(socket, "create_connection", unreachable)

    pdf = RENDERERS["pdf"](hostile)

    assert pdf.startswith(b"%PDF-")
    assert connections == []
    # Besides templates/: WeasyPrint's colour profile, and the folder where it hands the
    # templates' fonts to fontconfig.
    temporary = Path(tempfile.gettempdir()).resolve()

    def allowed(path: Path) -> bool:
        # The checkout itself may live in the temporary folder (CI clones there).
        if path.is_relative_to(TEMPLATES.resolve()) or path.is_relative_to(
            Path(weasyprint.__file__).resolve().parent
        ):
            return True
        return path.is_relative_to(temporary) and path.relative_to(temporary).parts[0].startswith(
            "weasyprint-"
        )

    outside = [path for path in reads if not allowed(Path(path).resolve())]
    assert any(Path(path).name == "resolution.css" for path in reads)
    assert outside == []


@pytest.mark.parametrize(
    ("relative", "output"),
    [
        ("sub/../../escape.yaml", "escape"),
        ("..yaml", "resolution"),
        ("....yaml", "resolution"),
        ("-o.yaml", "o"),
        ("$(touch pwned); rm -rf ~.yaml", "touch-pwned-rm--rf"),
        ("a\nb\tc.yaml", "a-b-c"),
        ("..\\..\\windows.yaml", "windows"),
        ("doc.pdf.yaml", "doc.pdf"),
        ("x" * 245 + ".yaml", "x" * 245),  # its temporary file's name must fit too
    ],
)
def test_outputs_stay_in_the_output_folder_whatever_the_source_is_called(
    relative: str,
    output: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "work" / "deeper"
    (work / "sub").mkdir(parents=True)
    monkeypatch.chdir(work)
    source = work / relative
    source.write_bytes(MINIMAL.read_bytes())
    before = {p for p in tmp_path.rglob("*")}
    # After "--", "-o.yaml" is a file, not an option.
    code, text = run_drafter(capsys, "build", "-o", "out", "--format", "html,docx", "--", relative)
    assert code == 0, text
    assert_no_traceback(text)
    created = {p for p in tmp_path.rglob("*")} - before
    assert created == {
        work / "out",
        work / "out" / f"{output}.html",
        work / "out" / f"{output}.docx",
    }


def test_a_symlink_in_the_output_folder_is_replaced_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / "minimal.html").symlink_to(victim)
    code, text = run_drafter(capsys, "build", str(MINIMAL), "-o", str(out), "--format", "html")
    assert code == 0, text
    assert victim.read_text() == "precious"
    assert not (out / "minimal.html").is_symlink()


def test_a_document_cannot_name_its_own_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing inside the file (its number, its title) takes part in the outputs' names."""
    text = MINIMAL.read_text().replace("over de proef", "../../../etc/passwd")
    source = tmp_path / "plain.yaml"
    source.write_text(text)
    out = tmp_path / "out"
    code, output = run_drafter(capsys, "build", str(source), "-o", str(out), "--format", "html")
    assert code == 0, output
    assert [p.name for p in out.iterdir()] == ["plain.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "plain.yaml"]
    assert ROOT.joinpath("build", "passwd.html").exists() is False
