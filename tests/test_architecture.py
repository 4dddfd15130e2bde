"""The package's shape: each stage of the pipeline is a package, and imports only go
downstream, from the stage that uses something to the stage that makes it:

    document ← source ← resolve ← check / compare / merge / render ← api ← cli

`document` holds the types every stage shares. check, compare, merge and render stand side by side
and do not import one another (the writers render any plan, with or without change marks, so
neither writer knows the comparison), and within render the HTML/PDF and DOCX writers do not
import each other. The test reads the imports of every module, those inside functions too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "drafter"

# The rank of each stage: a module may import its own stage and those of lower rank.
RANKS = {
    "document": 0,
    "source": 1,
    "resolve": 2,
    "check": 3,
    "compare": 3,
    "merge": 3,
    "render": 3,
    "api": 4,
    "cli": 5,
}
# The entry points: `drafter` itself (its version, and the API's names, imported lazily) and
# `python -m drafter`; every stage may read `drafter.__version__`.
ENTRY_POINTS = {"drafter", "drafter.__main__"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The drafter modules `path` imports, as dotted names."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from drafter.document import model` imports the module drafter.document.model.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "drafter" or name.startswith("drafter.")}


def _existing(name: str) -> bool:
    relative = Path(*name.split("."))
    return (PACKAGE.parent / relative).with_suffix(".py").exists() or (
        PACKAGE.parent / relative / "__init__.py"
    ).exists()


def _stage(name: str) -> str:
    """ "render.docx" for drafter.render.docx.writer, "check" for drafter.check.rules."""
    parts = name.split(".")[1:]
    return ".".join(parts[:2]) if parts[0] == "render" and len(parts) > 1 else parts[0]


MODULES = {
    _module_name(path): path
    for path in sorted(PACKAGE.rglob("*.py"))
    if "templates" not in path.parts
}


def test_every_module_belongs_to_a_stage() -> None:
    strays = [
        name
        for name in MODULES
        if name not in ENTRY_POINTS and _stage(name).split(".")[0] not in RANKS
    ]
    assert not strays, "modules outside every stage; put them in one (see RANKS)"


@pytest.mark.parametrize("name", sorted(set(MODULES) - ENTRY_POINTS))
def test_imports_go_downstream(name: str) -> None:
    stage = _stage(name)
    rank = RANKS[stage.split(".")[0]]
    wrong = []
    for imported in sorted(_imports(MODULES[name])):
        if imported == "drafter" or not _existing(imported):
            continue  # the version, or a name imported from a module (checked as the module)
        target = _stage(imported)
        if target == stage or imported in ENTRY_POINTS:
            continue
        target_rank = RANKS[target.split(".")[0]]
        if target_rank >= rank:
            wrong.append(f"{imported} ({target})")
    assert not wrong, f"{name} ({stage}) imports upstream or sideways: {', '.join(wrong)}"


def test_the_graph_is_read() -> None:
    """The test above would pass on a graph it failed to read: check it sees known edges."""
    assert "drafter.document.model" in _imports(MODULES["drafter.source.loader"])
    assert "drafter.document.redline" in _imports(MODULES["drafter.render.docx.writer"])
    # Imports inside functions count: the build imports each writer only when it is needed.
    assert "drafter.render.html.pdf" in _imports(MODULES["drafter.api.build"])
    assert _stage("drafter.render.html.pdf") == "render.html"
    assert _stage("drafter.check.rules") == "check"
