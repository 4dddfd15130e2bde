"""Benchmarks, as a table of whole-process timings (not a test: nothing is asserted).

    .venv/bin/python bench/bench.py [--runs N]

Each row runs a drafter command in a fresh process, as a user does, and reports the
median and the fastest of N runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFTER = [sys.executable, "-m", "drafter.cli"]
FLAGSHIP = "resolutions/doc-55-1780-001.yaml"


def timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    rows = [
        ("python startup (baseline)", [sys.executable, "-c", "pass"]),
        ("drafter check flagship", [*DRAFTER, "check", FLAGSHIP]),
        ("drafter check --format json flagship", [*DRAFTER, "check", "--format", "json", FLAGSHIP]),
    ]
    print(f"{'command':<42} {'median s':>9} {'best s':>8}  (runs: {runs})")
    for name, command in rows:
        times = timed(command, runs)
        print(f"{name:<42} {statistics.median(times):>9.3f} {min(times):>8.3f}")


if __name__ == "__main__":
    main()
