"""Watch: a cold build against a one-word rebuild of the flagship, in-process (not a test).

    .venv/bin/python bench/watch.py [--runs N] [--format pdf] [--breakdown]

CPU time (`time.process_time` and the children's), median of --runs runs, after one warm-up
build (imports, compiled templates). "cold": `build_file`, as `drafter build` runs it (check,
render with fresh fonts, atomic write); for reference, a whole `drafter build` process too
(its CPU time, interpreter start and imports included). "rebuild": `Watcher.poll_once` after a
one-word edit of the flagship ("veertien" ↔ "vijftien", alternately, so that each rebuild
has exactly one cell that changed), with the fonts and the layout of the other cells kept.
With --breakdown, the steps of one cached PDF rebuild are timed apart.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.api import check_file  # noqa: E402
from drafter.api.build import build_file  # noqa: E402
from drafter.api.watch import Watcher  # noqa: E402

FLAGSHIP = ROOT / "resolutions" / "doc-55-1780-001.yaml"
WORDS = ("ongeveer veertien miljoen", "ongeveer vijftien miljoen")


def cpu(step: Callable[[], object]) -> float:
    """The CPU time of `step`, with its children's (a cold PDF build lays half its galley
    out in a forked child on a machine with two cores)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.process_time()
    step()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.process_time() - start + children


def child_cpu(step: Callable[[], object]) -> float:
    """The CPU time of the processes `step` ran (interpreter start and imports included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    step()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def breakdown(source: Path) -> dict[str, float]:
    """One cached PDF rebuild, step by step (the steps of `pdf._render_pages`)."""
    from drafter.render.html import pdf
    from drafter.render.html.layout_cache import LayoutCache
    from drafter.render.html.paginate import paginate
    from drafter.render.html.writer import paged_html
    from drafter.resolve import layout

    cache = LayoutCache()
    resolution = check_file(source).resolution
    assert resolution is not None
    pdf.render_pdf(resolution, cache=cache)
    times: dict[str, float] = {}
    start = time.process_time()
    resolution = check_file(source).resolution
    assert resolution is not None
    times["check"] = time.process_time() - start
    plan = layout.plan(resolution)
    fetcher = pdf.AssetFetcher()
    with pdf._without_cyclic_collection():
        start = time.process_time()
        galley = cache.galley(resolution.filed, plan, pdf.A4, fetcher)
        times["galley (cached)"] = time.process_time() - start
        start = time.process_time()
        pages = paginate(plan, galley.cells, galley.notes, pdf.A4)
        html = paged_html(resolution.filed, plan, pages, galley.cells, galley.notes, pdf.A4)
        times["paginate, paged HTML"] = time.process_time() - start
        start = time.process_time()
        frame = cache.frame(html, fetcher)
        reused = "copied" if cache.frame_reused else "laid out"
        times[f"frame (2nd WeasyPrint pass: {reused})"] = time.process_time() - start
        start = time.process_time()
        document = pdf._fill_slots(frame, galley)
        times["fill slots"] = time.process_time() - start
        start = time.process_time()
        document.write_pdf(
            pdf_variant="pdf/a-2u",
            pdf_identifier=plan.cover.doc_number.encode(),
            finisher=pdf._name_the_producer,
        )
        times["write_pdf (draw, fonts, compress)"] = time.process_time() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="pdf")
    parser.add_argument("--breakdown", action="store_true")
    options = parser.parse_args()
    formats = options.format.split(",")
    text = FLAGSHIP.read_text(encoding="utf-8")
    assert WORDS[0] in text
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / FLAGSHIP.name
        source.write_text(text, encoding="utf-8")
        output = Path(folder) / "build"
        build_file(source, output, formats)  # warm-up: imports, templates
        cold = [cpu(lambda: build_file(source, output, formats)) for _ in range(options.runs)]
        lines: list[str] = []
        watcher = Watcher(source, output, formats, echo=lines.append)
        first = cpu(watcher.poll_once)
        rebuilds = []
        for run in range(options.runs):
            old, new = WORDS if run % 2 == 0 else WORDS[::-1]
            source.write_text(source.read_text(encoding="utf-8").replace(old, new, 1), "utf-8")
            rebuilds.append(cpu(watcher.poll_once))
            assert watcher.cache.measured == 1, lines
        cold_median, rebuild_median = statistics.median(cold), statistics.median(rebuilds)
        command = [sys.executable, "-m", "drafter", "build", str(source), "-o", str(output)]
        command += ["--format", options.format]
        process = [
            child_cpu(lambda: subprocess.run(command, check=True, capture_output=True))
            for _ in range(options.runs)
        ]
        print(f"flagship, --format {options.format}, CPU seconds, median of {options.runs}")
        print(f"cold build (build_file)         {cold_median:6.2f}  {_runs(cold)}")
        whole = statistics.median(process)
        print(f"cold `drafter build` process    {whole:6.2f}  {_runs(process)}")
        print(f"first watch build (cache empty) {first:6.2f}")
        print(f"one-word rebuild                {rebuild_median:6.2f}  {_runs(rebuilds)}")
        print(f"rebuild / cold                  {rebuild_median / cold_median:6.2f}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of the process      {peak:6.0f} MB ({len(watcher.cache)} items cached)")
        if options.breakdown:
            print("one cached PDF rebuild, by step:")
            for step, seconds in breakdown(source).items():
                print(f"  {step:34} {seconds:6.2f}")


def _runs(times: list[float]) -> str:
    return "(" + ", ".join(f"{t:.2f}" for t in times) + ")"


if __name__ == "__main__":
    main()
