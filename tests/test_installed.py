"""drafter as a user installs it: the wheel, in a fresh virtual environment, run from a folder
outside the repository. It must find its templates and fonts, build every format with the
same bytes as the source checkout, and say plainly when its installation is damaged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

from drafter import __version__
from tests.conftest import FLAGSHIP, ROOT

FORMATS = ("pdf", "html", "docx")
# What makes the wheel: everything else in the checkout (tests, build/, .venv) stays out.
PROJECT_FILES = ("pyproject.toml", "README.md", "drafter", "templates")


@dataclass(frozen=True)
class Installation:
    drafter: Path  # the console script
    templates: Path  # the templates folder inside the installed package


def _run(command: list[str | Path], cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    environment = {
        key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    environment["SOURCE_DATE_EPOCH"] = "1611532800"  # 2021-01-25, the flagship's filing date
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=check,
        timeout=600,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installation:
    """Build the wheel from a copy of the project files, and install it, with the locked
    dependencies, into a new virtual environment."""
    work = tmp_path_factory.mktemp("installed")
    source = work / "source"
    source.mkdir()
    for name in PROJECT_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    environment = work / "venv"
    python = environment / "bin" / "python"
    _run([sys.executable, "-m", "venv", environment], cwd=work)
    pip = [python, "-m", "pip", "install", "--quiet"]
    _run([*pip, "--require-hashes", "--requirement", ROOT / "requirements.lock"], cwd=work)
    # Built with the locked setuptools, just installed: no unpinned download, and the same
    # wheel whatever environment runs the tests.
    wheels = work / "wheels"
    build = [python, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    _run([*build, "--wheel-dir", wheels, source], cwd=work)
    [wheel] = wheels.glob("drafter-*.whl")
    _run([*pip, "--no-deps", wheel], cwd=work)
    located = _run([python, "-c", "import drafter; print(drafter.__file__)"], cwd=work)
    package = Path(located.stdout.strip()).parent
    assert package.is_relative_to(environment), "the installed drafter must not be the checkout"
    return Installation(environment / "bin" / "drafter", package / "templates")


def test_the_wheel_carries_the_templates_and_fonts(installed: Installation) -> None:
    shipped = {
        path.relative_to(installed.templates).as_posix() for path in installed.templates.rglob("*")
    }
    in_repository = {
        path.relative_to(ROOT / "templates").as_posix()
        for path in (ROOT / "templates").rglob("*")
        if "__pycache__" not in path.parts
    }
    assert in_repository <= shipped


def test_the_wheel_carries_every_module(installed: Installation) -> None:
    """Every module of the checkout's package is installed (pyproject.toml lists the
    sub-packages by name: a new one left out there would be missing from the wheel)."""
    package = installed.templates.parent
    shipped = {path.relative_to(package).as_posix() for path in package.rglob("*.py")}
    in_repository = {
        path.relative_to(ROOT / "drafter").as_posix() for path in (ROOT / "drafter").rglob("*.py")
    }
    assert in_repository - shipped == set()


def test_installed_commands_run_from_elsewhere(installed: Installation, tmp_path: Path) -> None:
    """The commands that read more than one file: merge, amend, apply, with an amendments
    document built from it."""
    wanted = tmp_path / "wanted.yaml"
    wanted.write_text(
        FLAGSHIP.read_text(encoding="utf-8")
        .replace("staatsweeshuizen", "staatsinstellingen")
        .replace("orphelinats ou internats", "institutions ou internats"),
        encoding="utf-8",
    )
    _run([installed.drafter, "amend", FLAGSHIP, wanted, "-o", "amendments.yaml"], cwd=tmp_path)
    amendments = tmp_path / "amendments.yaml"
    amendments.write_text(
        amendments.read_text(encoding="utf-8").replace('""', "Daarom."), encoding="utf-8"
    )
    _run([installed.drafter, "build", amendments, "--format", "pdf,docx"], cwd=tmp_path)
    assert (tmp_path / "build" / "amendments.pdf").exists()
    _run([installed.drafter, "apply", amendments, "--expect", wanted], cwd=tmp_path)
    _run([installed.drafter, "build", FLAGSHIP, "--format", "docx", "-o", "."], cwd=tmp_path)
    merged = _run(
        [installed.drafter, "merge", FLAGSHIP, tmp_path / f"{FLAGSHIP.stem}.docx"], cwd=tmp_path
    )
    assert "no changes to merge" in merged.stdout


def test_installed_version(installed: Installation, tmp_path: Path) -> None:
    result = _run([installed.drafter, "--version"], cwd=tmp_path)
    assert result.stdout == f"drafter {__version__}\n"


def test_installed_build_equals_the_checkouts_build(
    installed: Installation, tmp_path: Path
) -> None:
    """From a folder outside the repository, every format; the same bytes as the editable
    install gives."""
    outputs = {}
    for name, command in [
        ("installed", [installed.drafter]),
        ("checkout", [sys.executable, "-m", "drafter"]),
    ]:
        folder = tmp_path / name
        folder.mkdir()
        _run([*command, "build", FLAGSHIP, "--format", ",".join(FORMATS), "-o", "out"], cwd=folder)
        outputs[name] = {
            fmt: (folder / "out" / f"{FLAGSHIP.stem}.{fmt}").read_bytes() for fmt in FORMATS
        }
    for fmt in FORMATS:
        assert outputs["installed"][fmt] == outputs["checkout"][fmt], f"{fmt} differs"

    pdf = tmp_path / "installed" / "out" / f"{FLAGSHIP.stem}.pdf"
    reader = pypdf.PdfReader(pdf)
    producer = f"drafter {__version__} (WeasyPrint "
    assert str(reader.metadata["/Producer"]).startswith(producer)
    # PDF/A: the XMP metadata must name the same producer as the information dictionary.
    assert reader.xmp_metadata is not None
    assert reader.xmp_metadata.pdf_producer == reader.metadata["/Producer"]
    with zipfile.ZipFile(tmp_path / "installed" / "out" / f"{FLAGSHIP.stem}.docx") as docx:
        properties = docx.read("docProps/app.xml").decode()
    assert f"<Application>drafter {__version__}</Application>" in properties


@pytest.fixture
def damaged(installed: Installation) -> Iterator[Installation]:
    """The installation, to be damaged by the test and repaired afterwards."""
    backup = installed.templates.with_name("templates-backup")
    shutil.copytree(installed.templates, backup)
    try:
        yield installed
    finally:
        shutil.rmtree(installed.templates)
        backup.rename(installed.templates)


@pytest.mark.parametrize(
    ("removed", "fmt"),
    [
        ("galley.html.j2", "pdf"),
        ("resolution.css", "pdf"),  # WeasyPrint alone would lay out without a stylesheet
        ("fonts/LiberationSans-Bold.ttf", "pdf"),  # … or in a fallback font
        ("resolution.css", "html"),
        ("cover.html.j2", "html"),  # included by another template
    ],
)
def test_a_missing_template_is_named(
    damaged: Installation, tmp_path: Path, removed: str, fmt: str
) -> None:
    (damaged.templates / removed).unlink()
    result = _run([damaged.drafter, "build", FLAGSHIP, "--format", fmt], cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert f"drafter's template file {damaged.templates / removed} is missing" in result.stderr
    assert "reinstall drafter" in result.stderr
    assert "None" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "build").exists() or not any((tmp_path / "build").iterdir())


def test_an_unreadable_template_is_named(damaged: Installation, tmp_path: Path) -> None:
    # As root every file is readable whatever its mode; a folder in the file's place cannot be
    # read as a file by anyone.
    stylesheet = damaged.templates / "resolution.css"
    stylesheet.unlink()
    stylesheet.mkdir()
    result = _run(
        [damaged.drafter, "build", FLAGSHIP, "--format", "pdf"], cwd=tmp_path, check=False
    )
    assert result.returncode == 1
    assert f"drafter's template file {stylesheet} cannot be read (Is a directory)" in result.stderr
    assert "None" not in result.stderr and "Traceback" not in result.stderr
