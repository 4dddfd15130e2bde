"""Benchmarks, as a table of whole-process timings (not a test: nothing is asserted).

    .venv/bin/python bench/bench.py [--runs N] [--only check,pdf,docx,redline,merge]

Each row runs a drafter command in a fresh process, as a user does, and reports the median
and the fastest of N runs. The "x10" rows use a synthetic resolution ten times the size of
the flagship (its memorandum, considerations, requests and footnotes repeated ten times,
with fresh ids), written by this script into a temporary folder.

The "merge" rows read back the DOCX drafter built from each resolution (`drafter merge`,
nothing to merge: every paragraph read and compared, nothing written).

The "redline" rows compare the flagship with `scripted_edits` of it: `drafter redline`, and
in the same run the two comparison engines of python-redlines (Docxodus and the Open-XML
PowerTools WmlComparer), which compare the two DOCX files drafter built. For each: the time
(whole process), the number of revision marks (w:ins and w:del, of text, paragraph marks and
table rows), and whether Accept All gives what a reader sees in the new version's DOCX and
Reject All what a reader sees in the old one's (tests/revisions.py, on every tool's output).
python-redlines is not a dependency of drafter: `.venv/bin/pip install "python-redlines[all]"`
to get its rows.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DRAFTER = [sys.executable, "-m", "drafter"]
FLAGSHIP = ROOT / "resolutions" / "doc-55-1780-001.yaml"


def timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )
        times.append(time.perf_counter() - start)
    return times


def _renamed(value: object, suffix: str) -> object:
    """A copy of a YAML tree with every id, call and reference given `suffix`."""
    if isinstance(value, dict):
        return {
            key: (f"{item}{suffix}" if key == "id" else _renamed(item, suffix))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_renamed(item, suffix) for item in value]
    if isinstance(value, str):
        return re.sub(r"\[([\^@])([a-z0-9-]+)\]", rf"[\1\2{suffix}]", value)
    return value


def synthetic(times: int, folder: Path, data: dict | None = None, name: str = "") -> Path:
    """The flagship (or `data`, a version of it) with its body repeated `times` times, as a
    new YAML file named after `name`."""
    if data is None:
        data = yaml.safe_load(FLAGSHIP.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    copies = [_renamed(data, f"-copy{n}") for n in range(times)]
    data["memorandum"]["sections"] = [
        section for copy in copies for section in copy["memorandum"]["sections"]
    ]
    data["considerations"] = [item for copy in copies for item in copy["considerations"]]
    data["requests"]["items"] = [item for copy in copies for item in copy["requests"]["items"]]
    data["footnotes"] = {
        f"{key}-copy{n}": _renamed(note, f"-copy{n}")
        for n in range(times)
        for key, note in data["footnotes"].items()
    }
    path = folder / f"synthetic-x{times}{'-' + name if name else ''}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _reworded(text: str, old: str, new: str) -> str:
    if old not in text:
        raise ValueError(f"the flagship no longer says {old!r}; update scripted_edits")
    return text.replace(old, new, 1)


def scripted_edits(data: dict) -> dict:
    """The flagship as a co-sponsor might send it back: a consideration inserted near the
    top, a request deleted (the requests after it, and a reference to one, renumber), five
    paragraphs reworded in both languages and two footnotes changed."""
    data = copy.deepcopy(data)
    considerations = data["considerations"]
    considerations.insert(
        1,
        {
            "id": "ep-december-2020",
            "nl": "overwegende dat het Europees Parlement op 17 december 2020 de toestand van "
            "de Oeigoeren opnieuw heeft veroordeeld;",
            "fr": "considérant que le Parlement européen a de nouveau condamné la situation "
            "des Ouïghours le 17 décembre 2020;",
        },
    )
    requests = data["requests"]["items"]
    del requests[1]
    intro = data["memorandum"]["intro"]
    camps = data["memorandum"]["sections"][0]["paragraphs"]
    for part, nl, fr in (
        (intro[0], ("snel", "zeer snel"), ("rapidement", "très rapidement")),
        (intro[2], ("slechts één", "maar één"), ("une facette", "un aspect")),
        (camps[1], ("bevestigd", "gestaafd"), ("confirmées", "corroborées")),
        (considerations[0], ("de term", "het begrip"), ("définit", "décrit")),
        (requests[0], ("te erkennen", "formeel te erkennen"), ("reconnaître", "reconnaître enfin")),
    ):  # fmt: skip
        part["nl"] = _reworded(part["nl"], *nl)
        part["fr"] = _reworded(part["fr"], *fr)
    notes = list(data["footnotes"].values())
    notes[0]["nl"] += " Geraadpleegd op 10 januari 2021."
    notes[0]["fr"] += " Consulté le 10 janvier 2021."
    notes[5]["nl"] = _reworded(
        notes[5]["nl"], "geraadpleegd op 17/11/2020", "geraadpleegd op 8/1/2021"
    )
    notes[5]["fr"] = _reworded(notes[5]["fr"], "consulté le 17/11/2020", "consulté le 8/1/2021")
    return data


def with_early_footnote(data: dict) -> dict:
    """`scripted_edits`, and a footnote called in the first paragraph: every later note is
    renumbered, in both languages (the case comparison tools find hardest)."""
    data = scripted_edits(data)
    first = data["memorandum"]["intro"][0]
    first["nl"] = _reworded(first["nl"], "Xinjiang", "Xinjiang[^bench-map]")
    first["fr"] = _reworded(first["fr"], "Xinjiang", "Xinjiang[^bench-map]")
    note = {"nl": "Zie de kaart van het ASPI.", "fr": "Voir la carte de l’ASPI."}
    data["footnotes"] = {"bench-map": note, **data["footnotes"]}
    return data


def pages(pdf: Path) -> int:
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", output, re.M)
    return int(match.group(1)) if match else 0


ENGINES = (
    ("python-redlines Docxodus", "DocxodusEngine"),
    ("python-redlines WmlComparer", "XmlPowerToolsEngine"),
)
# A fresh process that runs one python-redlines engine on two DOCX files: argv old new target.
ENGINE_SCRIPT = """
import sys, warnings
warnings.simplefilter("ignore")
from pathlib import Path
from python_redlines.engines import {engine}
old, new, target = map(Path, sys.argv[1:])
result, _, _ = {engine}().run_redline("bench", old.read_bytes(), new.read_bytes())
target.write_bytes(result)
"""


def _verdict(resolved: dict, version: bytes) -> str:
    """Whether a resolved redline reads as a version's own DOCX (text, styles, labels, notes;
    "same" when the formatting of every stretch of text agrees too)."""
    from tests import revisions

    wanted = revisions.parts(version)
    if (
        revisions.first_difference(
            revisions.reader_view(resolved, strict=True), revisions.reader_view(wanted, strict=True)
        )
        is None
    ):
        return "same"
    difference = revisions.first_difference(
        revisions.reader_view(resolved, strict=False), revisions.reader_view(wanted, strict=False)
    )
    return "text same" if difference is None else "DIFFERS: " + difference[:60]


REDLINE_CASES = (
    (
        "a consideration inserted near the top, a request deleted, five paragraphs reworded "
        "and two footnotes changed",
        scripted_edits,
    ),
    ("the same, and a footnote added in the first paragraph", with_early_footnote),
)


def redline_rows(folder: Path, runs: int) -> None:
    """The redline tables: drafter and both python-redlines engines on the same edits."""
    for number, (description, edits) in enumerate(REDLINE_CASES, start=1):
        print(f"redline {number}: the flagship against itself with {description}")
        case = folder / f"redline-{number}"
        case.mkdir()
        _redline_case(case, edits, runs)


def _redline_case(folder: Path, edits: Callable[[dict], dict], runs: int) -> None:
    sys.path.insert(0, str(ROOT))
    from tests import revisions

    data = yaml.safe_load(FLAGSHIP.read_text(encoding="utf-8"))
    old, new = folder / "flagship-old.yaml", folder / "flagship-new.yaml"
    for path, content in ((old, data), (new, edits(data))):
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")
        build = [*DRAFTER, "build", str(path), "-o", str(folder), "--format", "docx"]
        subprocess.run(build, check=True, capture_output=True)
    old_docx, new_docx = old.with_suffix(".docx"), new.with_suffix(".docx")
    tools: list[tuple[str, list[str], Path]] = []
    target = folder / "drafter-redline.docx"
    command = [*DRAFTER, "redline", str(old), str(new), "-o", str(target)]
    tools.append(("drafter redline", [*command, "--date", "2021-02-01T09:30"], target))
    if importlib.util.find_spec("python_redlines") is None:
        print(
            "python-redlines rows skipped: it is not installed "
            '(.venv/bin/pip install "python-redlines[all]")'
        )
    else:
        for name, engine in ENGINES:
            target = folder / f"{engine}.docx"
            script = ENGINE_SCRIPT.format(engine=engine)
            command = [sys.executable, "-c", script, str(old_docx), str(new_docx), str(target)]
            tools.append((name, command, target))
    print(f"{'tool':<30} {'median s':>9} {'best s':>8} {'marks':>6} {'ins':>5} {'del':>5}  "
          "accept all -> new / reject all -> old")  # fmt: skip
    for name, command, target in tools:
        try:
            times = timed(command, runs)
        except subprocess.CalledProcessError:
            print(f"{name:<30} failed")
            continue
        result = target.read_bytes()
        marks = [
            mark
            for tree in revisions.parts(result).values()
            for mark in revisions.revision_marks(tree)
        ]
        insertions = sum(1 for mark in marks if mark.tag == revisions.w("ins"))
        # As Word resolves them: a row marked deleted goes with all it holds, a paragraph
        # whose mark is deleted is joined to the next.
        accepted = _verdict(revisions.accept_all(result, exact=False), new_docx.read_bytes())
        rejected = _verdict(revisions.reject_all(result, exact=False), old_docx.read_bytes())
        print(
            f"{name:<30} {statistics.median(times):>9.2f} {min(times):>8.2f} {len(marks):>6} "
            f"{insertions:>5} {len(marks) - insertions:>5}  {accepted} / {rejected}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="check,pdf")
    arguments = parser.parse_args()
    only = set(arguments.only.split(","))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        big = synthetic(10, out)
        rows: list[tuple[str, list[str], int]] = [
            ("python startup (baseline)", [sys.executable, "-c", "pass"], arguments.runs)
        ]
        if "check" in only:
            rows.append(("check flagship", [*DRAFTER, "check", str(FLAGSHIP)], arguments.runs))
            rows.append(("check x10", [*DRAFTER, "check", str(big)], arguments.runs))
        for fmt in ("pdf", "docx"):
            if fmt in only:
                for name, source in (("flagship", FLAGSHIP), ("x10", big)):
                    command = [*DRAFTER, "build", str(source), "-o", folder, "--format", fmt]
                    rows.append((f"build --format {fmt} {name}", command, arguments.runs))
        if "merge" in only:
            for name, source in (("flagship", FLAGSHIP), ("x10", big)):
                build = [*DRAFTER, "build", str(source), "-o", folder, "--format", "docx"]
                subprocess.run(build, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
                docx = str(out / f"{source.stem}.docx")
                rows.append(
                    (f"merge {name}", [*DRAFTER, "merge", str(source), docx], arguments.runs)
                )
        print(f"{'command':<30} {'median s':>9} {'best s':>8}  notes")
        medians = {}
        for name, command, runs in rows:
            times = timed(command, runs)
            medians[name] = statistics.median(times)
            note = ""
            if name.startswith("build --format pdf"):
                target = out / f"{Path(command[4]).stem}.pdf"
                note = f"{pages(target)} pages"
            print(f"{name:<30} {medians[name]:>9.2f} {min(times):>8.2f}  {note}")
        if "docx" in only and shutil.which("soffice"):
            # The route a user without drafter would take to a PDF: LibreOffice converting
            # the DOCX drafter wrote.
            for name, source in (("flagship", FLAGSHIP), ("x10", big)):
                docx = out / f"{source.stem}.docx"
                command = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder]
                times = timed([*command, str(docx)], arguments.runs)
                label = f"libreoffice docx->pdf {name}"
                medians[label] = statistics.median(times)
                note = f"{pages(out / f'{source.stem}.pdf')} pages"
                print(f"{label:<30} {medians[label]:>9.2f} {min(times):>8.2f}  {note}")
        for fmt in ("pdf", "docx"):
            small, large = (
                medians.get(f"build --format {fmt} flagship"),
                medians.get(f"build --format {fmt} x10"),
            )
            if small and large:
                print(f"{fmt}: x10 takes {large / small:.1f} times the flagship's time")
        for name in ("flagship", "x10"):
            ours = medians.get(f"build --format docx {name}")
            theirs = medians.get(f"libreoffice docx->pdf {name}")
            if ours and theirs:
                ratio = theirs / ours
                print(f"{name}: LibreOffice's DOCX->PDF takes {ratio:.1f} times drafter's DOCX")
        if "redline" in only:
            redline_rows(out, arguments.runs)


if __name__ == "__main__":
    main()
