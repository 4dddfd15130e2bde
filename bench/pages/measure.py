"""Lay DOCX files out with LibreOffice (soffice --convert-to pdf) and print, per page, the
blank above the notes as test_libreoffice_fills_every_page_before_its_notes measures it.

    .venv/bin/python bench/pages/measure.py A.docx B.docx ...   (one conversion at a time)"""

import itertools
import subprocess
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.test_docx import _page_fill

for arg in sys.argv[1:]:
    src = Path(arg)
    out = src.with_suffix(".pdf")
    t = time.time()
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={(src.parent / 'lo-profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(src.parent),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    dt = time.time() - t
    fills = _page_fill(out)
    doc = zipfile.ZipFile(src).read("word/document.xml").decode()
    seps = doc.count('w:val="Separator"')
    gaps = [
        (f.number, round(f.blank * 100))
        for f, g in itertools.pairwise(fills)
        if not g.starts_part and f.blank > 0.15
    ]
    print(
        f"{src.name}: {len(fills)} pages, {dt:.0f} s, tables={doc.count('<w:tbl>')},"
        f" separators={seps}, parts start={[f.number for f in fills if f.starts_part]}"
    )
    if len(fills) < 60:
        print("  all:", [(f.number, round(f.blank * 100)) for f in fills])
    print("  GAPS>15%:", gaps)
