"""The command line as a user meets it: exit statuses, output formats, new and schema."""

from __future__ import annotations

import json
import subprocess
import sys

import yaml

from tests.conftest import FLAGSHIP, MINIMAL, ROOT


def test_clean_file_exits_zero(run) -> None:
    result = run("check", "tests/fixtures/minimal.yaml")
    assert result.exit_code == 0
    assert result.stdout == "tests/fixtures/minimal.yaml: 0 errors, 0 warnings\n"


def test_flagship_passes_strict_with_its_differences_acknowledged(run) -> None:
    result = run("check", "--strict", "resolutions/doc-55-1780-001.yaml")
    assert result.exit_code == 0, result.stdout
    assert (
        result.stdout == "resolutions/doc-55-1780-001.yaml: 0 errors, 0 warnings, 17 acknowledged\n"
    )


def test_warnings_fail_only_with_strict(run) -> None:
    case = "tests/diagnostics/numbers-differ-between-languages.yaml"
    assert run("check", case).exit_code == 0
    assert run("check", "--strict", case).exit_code == 1


def test_errors_exit_one(run) -> None:
    assert run("check", "tests/diagnostics/duplicate-id.yaml").exit_code == 1


def test_unknown_option_is_a_usage_error(run) -> None:
    result = run("check", "--no-such-option", "tests/fixtures/minimal.yaml")
    assert result.exit_code == 2


def test_missing_file_and_directory_are_reported_plainly(run) -> None:
    result = run("check", "resolutions/absent.yaml", "tests")
    assert result.exit_code == 1
    assert "resolutions/absent.yaml: error[unreadable-file]: no such file\n" in result.stdout
    assert (
        "tests: error[unreadable-file]: this is a directory, not a resolution file\n"
        in result.stdout
    )
    assert "Traceback" not in result.stdout


def test_several_files_are_all_checked(run) -> None:
    result = run("check", "tests/fixtures/minimal.yaml", "tests/diagnostics/alias.yaml")
    assert result.exit_code == 1
    assert "minimal.yaml: 0 errors, 0 warnings" in result.stdout
    assert "alias.yaml: 1 error, 0 warnings" in result.stdout


def test_json_format_counts_the_flagship(run) -> None:
    result = run("check", "--format", "json", "resolutions/doc-55-1780-001.yaml")
    report = json.loads(result.stdout)
    assert report["summary"] == {
        "considerations": 22,
        "requests": 20,
        "subparagraphs": 9,
        "items": 6,
        "sections": 14,
        "footnotes": 86,
        "sponsors": 10,
        "errors": 0,
        "warnings": 0,
        "acknowledged": 17,
    }
    assert all(d["severity"] == "warning" for d in report["diagnostics"])
    assert all(d["acknowledged"] and d["reason"] for d in report["diagnostics"])


def test_json_diagnostics_carry_position(run) -> None:
    result = run("check", "--format", "json", "tests/diagnostics/duplicate-id.yaml")
    (diagnostic,) = json.loads(result.stdout)["diagnostics"]
    assert diagnostic["severity"] == "error"
    assert diagnostic["code"] == "duplicate-id"
    assert (diagnostic["acknowledged"], diagnostic["reason"]) == (False, None)
    assert (diagnostic["line"], diagnostic["column"]) == (26, 5)
    assert diagnostic["path"] == "tests/diagnostics/duplicate-id.yaml"
    assert result.exit_code == 1


def test_new_creates_a_file_that_passes_check(run, tmp_path) -> None:
    target = tmp_path / "new.yaml"
    result = run(
        "new",
        str(target),
        "--title-nl",
        "over de bescherming van de Oeigoeren",
        "--title-fr",
        "relative à la protection des Ouïghours",
        "--sponsor",
        "Samuel Cogolati (Ecolo-Groen)",
        "--sponsor",
        "mevrouw Séverine de Laveleye (Ecolo-Groen)",
        "--filed",
        "2021-01-25",
    )
    assert result.exit_code == 0, result.stdout
    data = yaml.safe_load(target.read_text())
    assert data["sponsors"][1] == {
        "given": "Séverine",
        "family": "de Laveleye",
        "party": "Ecolo-Groen",
        "gender": "f",
    }
    assert data["title"]["fr"] == "relative à la protection des Ouïghours"
    assert (data["legislature"], data["session"], data["years"]) == (55, 3, [2020, 2021])
    checked = run("check", "--strict", str(target))
    assert checked.exit_code == 0, checked.stdout


def test_new_never_overwrites(run, tmp_path) -> None:
    target = tmp_path / "existing.yaml"
    target.write_text("mine\n")
    result = run("new", str(target))
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert target.read_text() == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["existing.yaml"]


def test_new_with_unreadable_sponsor_is_a_usage_error(run, tmp_path) -> None:
    result = run("new", str(tmp_path / "x.yaml"), "--sponsor", "Cogolati")
    assert result.exit_code == 2
    assert "Given Family (Party)" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_schema_accepts_the_flagship_and_rejects_a_typo(run) -> None:
    import jsonschema

    schema = json.loads(run("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in (FLAGSHIP, MINIMAL):
        document = yaml.safe_load(path.read_text())
        document["filed"] = document["filed"].isoformat()
        document["date"] = document["date"].isoformat()
        assert list(validator.iter_errors(document)) == []
    document["consideratons"] = document.pop("considerations")
    assert list(validator.iter_errors(document))


def test_committed_schema_file_is_up_to_date(run) -> None:
    assert (ROOT / "resolution.schema.json").read_text() == run("schema").stdout


def test_check_does_not_import_the_renderers() -> None:
    code = (
        "import sys\n"
        "from drafter.cli import main\n"
        "sys.argv = ['drafter', 'check', 'tests/fixtures/minimal.yaml']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('weasyprint', 'docx', 'jinja2') if m in sys.modules))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert output.strip().endswith("[]")


def test_committed_amendments_schema_file_is_up_to_date(run) -> None:
    assert (ROOT / "amendments.schema.json").read_text() == run("schema", "--amendments").stdout
