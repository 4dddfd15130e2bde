"""drafter: resolutions of the Belgian Chamber of Representatives, from YAML to print.

The Python API, for scripts and for the command line alike:

    import drafter
    resolution = drafter.load("resolutions/doc-55-1780-001.yaml")   # or DrafterError
    resolution.considerations[1].label            # "B."
    result = drafter.check_file("resolutions/doc-55-1780-001.yaml")  # never raises
    for diagnostic in result.diagnostics: print(diagnostic.format())
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# The one place the version is written: pyproject.toml reads it from here when building.
__version__ = "0.1.0"

__all__ = [
    "CheckResult",
    "Diagnostic",
    "DrafterError",
    "Position",
    "Resolution",
    "check_file",
    "load",
]

# Where each public name lives. They are imported when first used, so that importing the
# package (which every `drafter` command does first) costs nothing: the console script can
# then catch Ctrl-C from its very first line.
_HOMES = {
    "CheckResult": "drafter.api",
    "check_file": "drafter.api",
    "load": "drafter.api",
    "Diagnostic": "drafter.document.diagnostics",
    "DrafterError": "drafter.document.diagnostics",
    "Position": "drafter.document.diagnostics",
    "Resolution": "drafter.document.model",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'drafter' has no attribute {name!r}")
