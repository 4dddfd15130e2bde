"""Shared helpers: where the fixtures are, and a way to run the CLI in-process."""

from __future__ import annotations

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
