"""Benchmarks, as a table of whole-process timings (not a test: nothing is asserted).

    .venv/bin/python bench/bench.py [--runs N] [--only check,pdf,docx]

Each row runs a drafter command in a fresh process, as a user does, and reports the median
and the fastest of N runs. The "x10" rows use a synthetic resolution ten times the size of
the flagship (its memorandum, considerations, requests and footnotes repeated ten times,
with fresh ids), written by this script into a temporary folder.
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DRAFTER = [sys.executable, "-m", "drafter.cli"]
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


def synthetic(times: int, folder: Path) -> Path:
    """The flagship with its body repeated `times` times, as a new YAML file."""
    data = yaml.safe_load(FLAGSHIP.read_text(encoding="utf-8"))
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
    path = folder / f"synthetic-x{times}.yaml"
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


def pages(pdf: Path) -> int:
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", output, re.M)
    return int(match.group(1)) if match else 0


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


if __name__ == "__main__":
    main()
