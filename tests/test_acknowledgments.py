"""The filing gate: stable codes, acknowledgments with reasons, `check` and `build --strict`.

The golden files in tests/diagnostics/ pin what `check` prints about bad acknowledgments
(acknowledgment-*.yaml); these tests show what the acknowledged warnings do everywhere else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import drafter
from drafter.document.codes import ACKNOWLEDGEABLE, CODES
from drafter.document.diagnostics import DiagnosticList
from tests.conftest import FIXTURES, FLAGSHIP, ROOT

ACKNOWLEDGED = "tests/fixtures/acknowledged-difference.yaml"
UNACKNOWLEDGED = "tests/diagnostics/numbers-differ-between-languages.yaml"


def test_acknowledged_warning_is_counted_not_listed(run) -> None:
    result = run("check", ACKNOWLEDGED)
    assert result.stdout == f"{ACKNOWLEDGED}: 0 errors, 0 warnings, 1 acknowledged\n"
    assert result.exit_code == 0


def test_show_acknowledged_lists_each_with_its_reason(run) -> None:
    result = run("check", "--show-acknowledged", ACKNOWLEDGED)
    assert result.stdout.splitlines() == [
        f"{ACKNOWLEDGED}:24:9: acknowledged[parity-numbers]: the Dutch and French texts of "
        "this paragraph have different numbers: 2019, 80000 in Dutch only, 2018, 8000 in "
        "French only",
        "    reason (line 27): The filed document has 80 000 and 2019 in Dutch, 8 000 and 2018 "
        "in French.",
        f"{ACKNOWLEDGED}: 0 errors, 0 warnings, 1 acknowledged",
    ]


def test_json_carries_the_acknowledged_warning_with_its_reason(run) -> None:
    report = json.loads(run("check", "--format", "json", ACKNOWLEDGED).stdout)
    (diagnostic,) = report["diagnostics"]
    assert diagnostic["code"] == "parity-numbers"
    assert diagnostic["severity"] == "warning"
    assert diagnostic["acknowledged"] is True
    assert diagnostic["reason"].startswith("The filed document has 80 000")
    assert (report["summary"]["warnings"], report["summary"]["acknowledged"]) == (0, 1)


def test_strict_passes_acknowledged_warnings_and_fails_on_the_others(run) -> None:
    assert run("check", "--strict", ACKNOWLEDGED).exit_code == 0
    assert run("check", "--strict", UNACKNOWLEDGED).exit_code == 1


def test_unused_acknowledgment_fails_strict(run) -> None:
    case = "tests/diagnostics/acknowledgment-that-silences-nothing-is-a-warning.yaml"
    assert run("check", case).exit_code == 0
    assert run("check", "--strict", case).exit_code == 1


def test_load_strict_accepts_what_the_source_acknowledges() -> None:
    assert drafter.load(ROOT / ACKNOWLEDGED, strict=True).considerations[0].acknowledge
    with pytest.raises(drafter.DrafterError):
        drafter.load(ROOT / UNACKNOWLEDGED, strict=True)


def test_build_strict_refuses_an_unacknowledged_warning_and_writes_nothing(
    run, tmp_path: Path
) -> None:
    result = run("build", "--strict", "--format", "html", "-o", str(tmp_path), UNACKNOWLEDGED)
    assert result.exit_code == 1
    assert "warning[parity-numbers]" in result.stderr
    assert result.stderr.endswith(f"{UNACKNOWLEDGED}: not built\n")
    assert list(tmp_path.iterdir()) == []


def test_build_without_strict_builds_and_counts_the_warning(run, tmp_path: Path) -> None:
    result = run("build", "--format", "html", "-o", str(tmp_path), UNACKNOWLEDGED)
    assert result.exit_code == 0
    assert "1 warning (drafter check" in result.stderr


def test_build_strict_builds_the_flagship_and_prints_no_warning(run, tmp_path: Path) -> None:
    result = run("build", "--strict", "--format", "html", "-o", str(tmp_path), str(FLAGSHIP))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert (tmp_path / "doc-55-1780-001.html").exists()


def test_acknowledgments_survive_a_tool_that_rewrites_the_yaml(run, tmp_path: Path) -> None:
    # A formatter or a script loads the YAML and saves it again: comments are lost, keys
    # are not.
    rewritten = tmp_path / "rewritten.yaml"
    data = yaml.safe_load((ROOT / ACKNOWLEDGED).read_text())
    rewritten.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=60))
    assert "#" not in rewritten.read_text()
    result = run("check", "--strict", str(rewritten))
    assert result.stdout == f"{rewritten}: 0 errors, 0 warnings, 1 acknowledged\n"


def test_acknowledgment_does_not_reach_into_another_part(tmp_path: Path) -> None:
    # The same acknowledgment on the footnote rather than on the consideration that has the
    # difference: the warning stays, and the acknowledgment is reported as unused.
    text = (FIXTURES / "minimal.yaml").read_text()
    text = text.replace("het regent;", "het in 2019 regent;").replace(
        "il pleut;", "il pleut en 2018;"
    )
    text = text.replace(
        "    fr: Source, 2020.\n",
        "    fr: Source, 2020.\n"
        "    acknowledge:\n"
        "      - {code: parity-numbers, reason: the filed document has 2019 and 2018}\n",
    )
    path = tmp_path / "elsewhere.yaml"
    path.write_text(text)
    result = drafter.check_file(path)
    assert [d.code for d in result.warnings] == ["parity-numbers", "unused-acknowledgment"]
    assert result.acknowledged == []


def test_schema_offers_the_acknowledgeable_codes_with_their_meaning(run) -> None:
    schema = json.loads(run("schema").stdout)
    code = schema["$defs"]["acknowledgment"]["properties"]["code"]
    offered = {entry["const"]: entry["description"] for entry in code["oneOf"]}
    assert offered == {name: CODES[name].meaning for name in ACKNOWLEDGEABLE}
    assert schema["$defs"]["acknowledgment"]["required"] == ["code", "reason"]
    assert "acknowledge" in schema["$defs"]["footnote"]["properties"]


def test_only_warnings_can_be_acknowledged() -> None:
    assert set(ACKNOWLEDGEABLE) == {
        "unused-footnote",
        "literal-reference",
        "parity-numbers",
        "parity-url",
    }
    assert all(CODES[name].severity == "warning" for name in ACKNOWLEDGEABLE)


def test_a_diagnostic_with_an_unregistered_code_is_a_bug() -> None:
    diagnostics = DiagnosticList("x.yaml")
    with pytest.raises(ValueError, match="not a registered error code"):
        diagnostics.error("no-such-code", None, "message")
    with pytest.raises(ValueError, match="not a registered error code"):
        diagnostics.error("parity-url", None, "a warning's code used for an error")


def test_codes_are_short_stable_words() -> None:
    for name in CODES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", name), name


def test_readme_explains_every_code_as_codes_py_does() -> None:
    readme = (ROOT / "README.md").read_text()
    rows = [
        line for line in readme.splitlines() if re.match(r"\| `[a-z-]+` \| (error|warning)", line)
    ]
    expected = [
        f"| `{code.name}` | {code.severity} | {code.meaning} | {code.fix} |"
        for code in CODES.values()
    ]
    assert rows == expected, "README's table of codes differs from drafter/document/codes.py"


def test_a_reason_written_on_several_lines_is_shown_on_one(run, tmp_path: Path) -> None:
    text = (ROOT / ACKNOWLEDGED).read_text()
    one_line = (
        "        reason: The filed document has 80 000 and 2019 in Dutch, 8 000 and 2018 in "
        "French.\n"
    )
    assert one_line in text
    path = tmp_path / "block-reason.yaml"
    path.write_text(
        text.replace(
            one_line,
            "        reason: |\n          The filed document has\n          these numbers.\n",
        )
    )
    lines = run("check", "--show-acknowledged", str(path)).stdout.splitlines()
    assert lines[1] == "    reason (line 27): The filed document has these numbers."
