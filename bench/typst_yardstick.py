"""drafter's PDF against Typst's, cold: each a fresh process, as a user runs it.

    .venv/bin/python bench/typst_yardstick.py [--runs N] [RESOLUTION.yaml]

drafter: `drafter build RESOLUTION --format pdf`. Typst: a fresh Python process that
compiles the same resolution's Typst version (bench/typst_source.py writes it, with the
layout of bench/typst/layout.typ) with the `typst` package (the `bench` extra), fonts from
templates/fonts. Both measured in the same run, as CPU time (user + system of the process,
which a shared machine inflates less than wall time), median of N runs; also wall time and
peak memory (maximum resident set size). The target (issue 16): drafter at most twice
Typst's CPU time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from typst_source import FLAGSHIP, ROOT, write

FONTS = ROOT / "templates" / "fonts"
TYPST = """
import sys, typst
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]])
"""


@dataclass
class Run:
    cpu: float
    wall: float
    rss_mb: float


def run(command: list[str]) -> Run:
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if status != 0:
            errors.seek(0)
            raise SystemExit(f"{command} failed:\n{errors.read().decode(errors='replace')}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", nargs="?", type=Path, default=FLAGSHIP)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        main_typ = write(arguments.source, out / "typst")
        drafter = [sys.executable, "-m", "drafter", "build", str(arguments.source),
                   "-o", str(out), "--format", "pdf"]  # fmt: skip
        typst = [sys.executable, "-c", TYPST, str(main_typ), str(out / "typst.pdf"), str(FONTS)]
        # Alternated, so that a change in the machine's load falls on both.
        rows = {"drafter build --format pdf": drafter, "typst compile": typst}
        results: dict[str, list[Run]] = {name: [] for name in rows}
        for _ in range(arguments.runs):
            for name, command in rows.items():
                results[name].append(run(command))
        print(f"{arguments.source.name}: cold, fresh process, median of {arguments.runs}")
        print(f"{'':<28} {'CPU s':>7} {'wall s':>7} {'max RSS MB':>11}")
        cpu = {}
        for name, runs in results.items():
            cpu[name] = statistics.median(result.cpu for result in runs)
            wall = statistics.median(result.wall for result in runs)
            rss = max(result.rss_mb for result in runs)
            print(f"{name:<28} {cpu[name]:>7.2f} {wall:>7.2f} {rss:>11.0f}")
        ratio = cpu["drafter build --format pdf"] / cpu["typst compile"]
        print(f"drafter / Typst (CPU): {ratio:.1f} (target: at most 2.0)")


if __name__ == "__main__":
    main()
