"""`drafter build`: what it writes, what it refuses, and what it leaves alone on failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.api import build
from drafter.api.build import output_name
from tests.conftest import MINIMAL


def test_builds_pdf_and_html_named_after_the_source(run, tmp_path) -> None:
    result = run("build", str(MINIMAL), "-o", str(tmp_path), "--format", "pdf,html")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minimal.html", "minimal.pdf"]
    assert (tmp_path / "minimal.pdf").read_bytes().startswith(b"%PDF-")
    html = (tmp_path / "minimal.html").read_text()
    assert "<style>" in html and "overwegende dat het regent" in html
    assert f"{tmp_path / 'minimal.pdf'}" in result.stdout


def test_refuses_a_file_with_errors_and_writes_nothing(run, tmp_path) -> None:
    result = run("build", "tests/diagnostics/duplicate-id.yaml", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert (
        "duplicate-id.yaml:26:5: error[duplicate-id]: the id 'first' is already used"
        in result.stderr
    )
    assert "not built" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_a_usage_error(run, tmp_path) -> None:
    result = run("build", str(MINIMAL), "-o", str(tmp_path), "--format", "pdf,odt")
    assert result.exit_code == 2
    assert "unknown format 'odt'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_output_folder_that_is_a_file_is_refused(run, tmp_path) -> None:
    target = tmp_path / "taken"
    target.write_text("x")
    result = run("build", str(MINIMAL), "-o", str(target))
    assert result.exit_code == 2
    assert target.read_text() == "x"


def test_failed_render_leaves_previous_outputs_intact(tmp_path, monkeypatch) -> None:
    (tmp_path / "minimal.pdf").write_bytes(b"previous pdf")
    (tmp_path / "minimal.html").write_bytes(b"previous html")

    def broken(resolution):
        raise RuntimeError("renderer crashed")

    renderers = {**build.RENDERERS, "pdf": broken}
    with pytest.raises(RuntimeError):
        build.build_file(MINIMAL, tmp_path, ["html", "pdf"], renderers)
    assert (tmp_path / "minimal.pdf").read_bytes() == b"previous pdf"
    assert (tmp_path / "minimal.html").read_bytes() == b"previous html"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minimal.html", "minimal.pdf"]


def test_output_names_cannot_leave_the_output_folder() -> None:
    assert output_name(Path("../../etc/passwd")) == "passwd"
    assert output_name(Path("resolutions/doc 55 1780 (v2).yaml")) == "doc-55-1780-v2"
    assert output_name(Path("...yaml")) == "resolution"
