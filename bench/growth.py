"""Growth: whether each step costs the same per unit of content at every size (not a test).

    .venv/bin/python bench/growth.py [--runs N] [--only check,docx,redline,pdf] [--pdf-max T]

Two series. "Flagship ×T": the flagship repeated T times (`bench.synthetic`), unit one
flagship, for T in 1, 2, 5, 10, 20. "Considerations": a resolution made of many
considerations (the flagship's 22 cycled, with a small memorandum and two requests), unit
990 considerations, for 990, 4,950 and 9,900. For each step and size: the CPU time
(`time.process_time` and its children's, in a fresh process that has imported drafter and
run the step once on the smallest size first, so that imports, fonts and compiled patterns
are not counted),
the median of --runs runs, per unit, and its growth: time per unit at that size divided
by time per unit at the smallest. Linear is 1.0; the target is at most 1.2. A fixed cost
per document (python-docx's template, the styles) makes the smallest size dear per unit and
can hide a cost that grows faster than the content: the last column, "step", divides the
time per unit by that of the size before, and shows such a cost as it starts to count.

Steps: check (load, resolve, check a file), docx (render a checked resolution), redline
(compare two checked versions and render the DOCX; the new version has `scripted_edits` in
every copy of the flagship, or three edits in every 22 considerations), pdf (render a
checked resolution; about 0.24 s of CPU per page: --pdf-max 0 leaves it out, --pdf-max 10
stops it at ten times). The drafter measured is the one the interpreter imports: run this
script with another checkout's .venv/bin/python to measure that checkout.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # bench/ is not a package

TIMES = (1, 2, 5, 10, 20)
CONSIDERATIONS = (990, 4950, 9900)
UNIT_CONSIDERATIONS = 990
STEPS = ("check", "docx", "redline", "pdf")


def _write(data: dict, path: Path) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def flagship_pair(times: int, folder: Path) -> tuple[Path, Path]:
    """The flagship ×`times`, and the same with `scripted_edits` in every copy."""
    data = yaml.safe_load(bench.FLAGSHIP.read_text(encoding="utf-8"))
    old = bench.synthetic(times, folder)
    new = bench.synthetic(times, folder, bench.scripted_edits(data), "edited")
    return old, new


def _considerations(count: int, edited: bool) -> dict:
    """The flagship with `count` considerations (its shorter ones cycled, without items,
    footnote calls or cross-references: 9,900 of them stay under the 10 MB a file may
    have), its memorandum cut to the intro and one section, two requests."""
    data = yaml.safe_load(bench.FLAGSHIP.read_text(encoding="utf-8"))
    pool = [
        {key: re.sub(r"\[[\^@][a-z0-9-]+\]", "", item[key]) for key in ("id", "nl", "fr")}
        for item in data["considerations"]
        if not item.get("items") and max(len(item["nl"]), len(item["fr"])) <= 450
    ]
    items: list[dict] = []
    for cycle in range(-(-count // len(pool))):
        batch = [{**item, "id": f"{item['id']}-{cycle}"} for item in pool]
        if edited:  # in every cycle: a consideration reworded, one deleted, one inserted
            batch[0] = {**batch[0], "nl": "ook " + batch[0]["nl"], "fr": "aussi " + batch[0]["fr"]}
            del batch[5]
            inserted = {"nl": "overwegende dat;", "fr": "considérant que;"}
            batch.insert(2, {"id": f"inserted-{cycle}", **inserted})
        items += batch
    data["considerations"] = items[:count]
    data["memorandum"]["sections"] = data["memorandum"]["sections"][:1]
    data["requests"]["items"] = data["requests"]["items"][:2]
    kept = yaml.safe_dump({key: data[key] for key in ("memorandum", "requests", "title")})
    data["footnotes"] = {
        key: note for key, note in data["footnotes"].items() if f"[^{key}]" in kept
    }
    return data


def considerations_pair(count: int, folder: Path) -> tuple[Path, Path]:
    return (
        _write(_considerations(count, False), folder / f"considerations-{count}.yaml"),
        _write(_considerations(count, True), folder / f"considerations-{count}-edited.yaml"),
    )


WORKER = """
import json, resource, sys, time
import drafter.api
from drafter.api import check_file
from drafter.compare.comparison import compare
from drafter.render.docx.writer import render_docx, render_redline_docx

step, runs, warm_old, warm_new, old, new = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
if step == "pdf":
    from drafter.render.html.pdf import render_pdf

def cpu():
    # this process's CPU time, and its children's (the PDF's galley is laid out in a forked
    # child on a machine with two cores)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime

def run(old, new):
    if step == "check":
        start = cpu()
        check_file(old)
        return cpu() - start
    resolution = check_file(old).resolution
    if step == "redline":
        edited = check_file(new).resolution
        start = cpu()
        render_redline_docx(compare(resolution, edited), "bench", "2021-02-01T09:30:00Z")
        return cpu() - start
    render = render_pdf if step == "pdf" else render_docx
    start = cpu()
    render(resolution)
    return cpu() - start

run(warm_old, warm_new)
print(json.dumps([run(old, new) for _ in range(runs)]))
"""


def measure(step: str, runs: int, warm: tuple[Path, Path], pair: tuple[Path, Path]) -> float:
    """The median CPU seconds of `step` on `pair`, in a fresh process warmed on `warm`."""
    command = [sys.executable, "-c", WORKER, step, str(runs), *map(str, warm), *map(str, pair)]
    # Run in the folder of the sources: `python -c` imports from its working directory
    # first, and a checkout there would be measured instead of the interpreter's drafter.
    output = subprocess.run(
        command, cwd=pair[0].parent, capture_output=True, text=True, check=True
    ).stdout
    return statistics.median(json.loads(output))


def series(
    name: str, sizes: list[int], unit: int, pairs: dict[int, tuple[Path, Path]], steps, runs
) -> None:
    print(f"\n{name}: CPU seconds (with children's, median of {runs}), per unit of {unit}, growth")
    print(f"{'step':<8} {'size':>6} {'seconds':>9} {'per unit':>9} {'growth':>7} {'step':>5}")
    for step in steps:
        base, previous = 0.0, 0.0
        for size in sizes[step]:
            seconds = measure(step, runs, pairs[sizes[step][0]], pairs[size])
            per_unit = seconds / (size / unit)
            base, previous = base or per_unit, previous or per_unit
            print(
                f"{step:<8} {size:>6} {seconds:>9.2f} {per_unit:>9.3f} "
                f"{per_unit / base:>7.2f} {per_unit / previous:>5.2f}"
            )
            previous = per_unit
            sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=",".join(STEPS))
    parser.add_argument("--pdf-max", type=int, default=20, help="largest ×T for pdf; 0: none")
    parser.add_argument("--series", default="flagship,considerations")
    arguments = parser.parse_args()
    steps = [step for step in STEPS if step in arguments.only.split(",")]
    if arguments.pdf_max == 0 and "pdf" in steps:
        steps.remove("pdf")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        if "flagship" in arguments.series:
            sizes = {step: list(TIMES) for step in steps}
            if "pdf" in sizes:
                sizes["pdf"] = [times for times in TIMES if times <= arguments.pdf_max]
            pairs = {times: flagship_pair(times, out) for times in TIMES}
            series("Flagship ×T", sizes, 1, pairs, steps, arguments.runs)
        if "considerations" in arguments.series:
            counted = [step for step in steps if step != "pdf"]
            sizes = {step: list(CONSIDERATIONS) for step in counted}
            pairs = {count: considerations_pair(count, out) for count in CONSIDERATIONS}
            series("Considerations", sizes, UNIT_CONSIDERATIONS, pairs, counted, arguments.runs)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"\n{time.perf_counter() - started:.0f} s wall")
