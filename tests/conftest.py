"""Shared helpers: where the fixtures are, and a way to run the CLI in-process."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FLAGSHIP = ROOT / "resolutions" / "doc-55-1780-001.yaml"
MINIMAL = FIXTURES / "minimal.yaml"


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch):
    """Run `drafter ARGS...` from the repository root; returns the click Result."""
    monkeypatch.chdir(ROOT)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed: "
    "apt-get install libreoffice-writer-nogui poppler-utils",
)


def libreoffice_pdf(data: bytes, directory: Path, name: str = "resolution") -> Path:
    """Open a DOCX with LibreOffice, as a user without Word would, and save it as PDF."""
    source = directory / f"{name}.docx"
    source.write_bytes(data)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={(directory / 'lo').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(directory),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return directory / f"{name}.pdf"


def pdf_text(pdf: Path, *options: str) -> str:
    """The text of a PDF as poppler's pdftotext reads it."""
    result = subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return result.stdout


def libreoffice_version() -> tuple[int, ...]:
    """LibreOffice's version, (25, 2, 3, 2) for "LibreOffice 25.2.3.2 …"."""
    printed = subprocess.run(
        ["soffice", "--version"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    match = re.search(r"LibreOffice (\d+(?:\.\d+)*)", printed)
    return tuple(int(part) for part in match.group(1).split(".")) if match else (0,)


@pytest.fixture(scope="session")
def libreoffice():
    """One headless LibreOffice for the whole session, driven through its UNO API
    (tests/libreoffice_client.py); skips when LibreOffice or python3-uno is missing."""
    from tests.libreoffice_client import LibreOffice, available

    if not available():
        pytest.skip(
            "LibreOffice with its Python bridge is not installed: apt-get install "
            "libreoffice-writer-nogui python3-uno libreoffice-script-provider-python"
        )
    version = libreoffice_version()
    if version < (25, 2):
        pytest.skip(
            f"LibreOffice {'.'.join(map(str, version))} drops the tracked changes in footnotes "
            "called from table cells (25.2 keeps them); `make test` installs 25.2 on Debian 12 "
            "from bookworm-backports"
        )
    office = LibreOffice()
    yield office
    office.close()
