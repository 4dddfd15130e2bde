"""The PDF as a reader sees it: cover, headers, columns, footnotes, metadata, safety.

The PDF text is read with pdfplumber: words with their size and position, so the tests can
tell a footnote call (a small superscript) from a footnote number (at a column's left edge
in the footnote area) and the Dutch column from the French one.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pypdf
import pytest

import drafter
from drafter.render.html.page import A4
from drafter.render.html.pdf import AssetFetcher, render_pdf
from tests.conftest import FLAGSHIP, MINIMAL, ROOT

CALL_SIZE = 9 * 0.65  # sup.call in templates/resolution.css
NOTE_SIZE = 7
POINTS_PER_PIXEL = 72 / 96
LEFT_MARGIN = A4.margin_side * 72 / 25.4
MIDDLE = LEFT_MARGIN + (A4.column_width + A4.column_gap / 2) * POINTS_PER_PIXEL
RIGHT_COLUMN = LEFT_MARGIN + (A4.column_width + A4.column_gap) * POINTS_PER_PIXEL


@pytest.fixture(scope="module")
def flagship_pdf() -> bytes:
    return render_pdf(drafter.load(FLAGSHIP))


@pytest.fixture(scope="module")
def flagship_pages(flagship_pdf: bytes) -> list[list[dict]]:
    with pdfplumber.open(io.BytesIO(flagship_pdf)) as pdf:
        # A small x tolerance keeps adjacent footnote calls ("40 41") apart.
        return [page.extract_words(extra_attrs=["size"], x_tolerance=1.5) for page in pdf.pages]


def _text(words: list[dict]) -> str:
    return " ".join(word["text"] for word in words)


def _column(word: dict) -> str:
    return "left" if word["x0"] < MIDDLE else "right"


def _resolution_with(tmp_path: Path, old: str, new: str, name: str = "case.yaml") -> Path:
    text = MINIMAL.read_text()
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1))
    return path


def test_cover_page(flagship_pdf: bytes, flagship_pages) -> None:
    words = flagship_pages[0]
    columns = [_text([w for w in words if _column(w) == side]) for side in ("left", "right")]
    with pdfplumber.open(io.BytesIO(flagship_pdf)) as pdf:
        lines = " ".join((pdf.pages[0].extract_text() or "").split())
    cover = " | ".join([lines, *columns])
    for expected in (
        "DOC 55 1780/001",
        "25 januari 2021",
        "25 janvier 2021",
        "BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS",
        "CHAMBRE DES REPRÉSENTANTS DE BELGIQUE",
        "VOORSTEL VAN RESOLUTIE",
        "PROPOSITION DE RÉSOLUTION",
        "(ingediend door de heer Samuel Cogolati c.s.)",
        "(déposée par M. Samuel Cogolati et consorts)",
    ):
        assert expected in cover
    # The cover carries no running header or footer.
    assert "ZITTING" not in cover


@pytest.mark.parametrize(
    ("sponsors", "dutch", "french"),
    [
        ("", "(ingediend door de heer Samuel Cogolati)", "(déposée par M. Samuel Cogolati)"),
        (
            "  - {given: Séverine, family: de Laveleye, party: Ecolo-Groen, gender: f}\n",
            "(ingediend door de heer Samuel Cogolati en mevrouw Séverine de Laveleye)",
            "(déposée par M. Samuel Cogolati et Mme Séverine de Laveleye)",
        ),
    ],
)
def test_sponsor_line_for_one_and_two_sponsors(tmp_path, sponsors, dutch, french) -> None:
    first = "  - {given: Samuel, family: Cogolati, party: Ecolo-Groen, gender: m}\n"
    path = _resolution_with(tmp_path, first, first + sponsors)
    with pdfplumber.open(io.BytesIO(render_pdf(drafter.load(path)))) as pdf:
        words = pdf.pages[0].extract_words()
    for column, expected in (("left", dutch), ("right", french)):
        assert expected in _text([word for word in words if _column(word) == column])


def test_running_header_and_footer_on_every_page_after_the_cover(flagship_pages) -> None:
    for number, words in enumerate(flagship_pages[1:], start=2):
        header = [word["text"] for word in words if word["top"] < 60]
        assert "1780/001" in header and str(number) in header, number
        text = _text(words)
        assert "KAMER • 3e ZITTING VAN DE 55e ZITTINGSPERIODE 2020 2021" in text
        assert "CHAMBRE • 3e SESSION DE LA 55e LÉGISLATURE 2020 2021" in text


def test_parts_come_in_the_filed_order(flagship_pages) -> None:
    text = " ".join(_text(words) for words in flagship_pages[1:])
    milestones = [
        "TOELICHTING",
        "DAMES EN HEREN,",
        "1. Concentratiekampen",
        "14. ",
        "Samuel COGOLATI (Ecolo-Groen)",
        "Séverine de LAVELEYE (Ecolo-Groen)",
        "VOORSTEL VAN RESOLUTIE",
        "DE KAMER VAN VOLKSVERTEGENWOORDIGERS,",
        "A. overwegende",
        "V. gelet op",
        "VERZOEKT DE FEDERALE REGERING:",
        "1. de misdaad van genocide",
        "a) haar verbintenis",
        "20. specifieke humanitaire hulp",
        "18 januari 2021",
    ]
    positions = [text.find(milestone) for milestone in milestones]
    assert -1 not in positions, [m for m, p in zip(milestones, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert "MESDAMES, MESSIEURS," in text and "18 janvier 2021" in text
    assert "de la demande 4" in text


def _calls_and_notes(words: list[dict]) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    calls: dict[str, set[int]] = defaultdict(set)
    notes: dict[str, set[int]] = defaultdict(set)
    edges = {"left": LEFT_MARGIN, "right": RIGHT_COLUMN}
    for word in words:
        if not word["text"].isdigit():
            continue
        column = _column(word)
        if abs(word["size"] - CALL_SIZE) < 0.1:
            calls[column].add(int(word["text"]))
        elif abs(word["size"] - NOTE_SIZE) < 0.1 and abs(word["x0"] - edges[column]) < 1:
            notes[column].add(int(word["text"]))
    return calls, notes


def test_every_footnote_stands_on_the_page_of_its_call(flagship_pages) -> None:
    away = []
    seen_calls: dict[str, list[int]] = defaultdict(list)
    for page_number, words in enumerate(flagship_pages, start=1):
        calls, notes = _calls_and_notes(words)
        for column in ("left", "right"):
            seen_calls[column] += sorted(calls[column])
            away += [(page_number, column, n) for n in calls[column] - notes[column]]
    assert away == []
    # Each of the 86 numbers is called once in each column, in order.
    assert seen_calls["left"] == list(range(1, 87))
    assert seen_calls["right"] == list(range(1, 87))


def test_paired_paragraphs_start_at_the_same_height(flagship_pages) -> None:
    labels = {f"{chr(65 + i)}." for i in range(22)} | {f"{n}." for n in range(1, 21)}
    checked = 0
    for words in flagship_pages[1:]:
        starts: dict[tuple[str, str], list[float]] = defaultdict(list)
        for word in words:
            edge = LEFT_MARGIN if _column(word) == "left" else RIGHT_COLUMN
            if word["text"] in labels and abs(word["x0"] - edge) < 1 and word["size"] == 9:
                starts[(word["text"], _column(word))].append(round(word["top"], 1))
        for (label, column), tops in starts.items():
            if column == "left" and (label, "right") in starts:
                assert tops == starts[(label, "right")], label
                checked += 1
    assert checked >= 40


def test_text_stays_inside_its_column(flagship_pages) -> None:
    # Long URLs wrap instead of running into the other column. (WeasyPrint lets a justified
    # line with no-break spaces stick out by half a point: well inside the 8 mm gap.)
    gap = A4.column_gap * POINTS_PER_PIXEL
    for words in flagship_pages[1:]:
        for word in words:
            if word["size"] in (NOTE_SIZE, 9.0, CALL_SIZE):
                inside_left = word["x1"] <= MIDDLE - gap / 2 + 1
                inside_right = word["x0"] >= MIDDLE + gap / 2 - 1
                assert inside_left or inside_right, word["text"]


def test_metadata_and_embedded_fonts(flagship_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(flagship_pdf))
    info = reader.metadata
    assert "Voorstel van resolutie over de erkenning" in info.title
    assert "Proposition de résolution relative à" in info.title
    assert info.author.startswith("Samuel Cogolati, Wouter De Vriendt")
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor
            fonts.add(str(font["/BaseFont"]))
    assert fonts and all("Liberation-Sans" in font for font in fonts)


def test_same_source_gives_the_same_bytes() -> None:
    resolution = drafter.load(MINIMAL)
    assert render_pdf(resolution) == render_pdf(drafter.load(MINIMAL))


def test_french_left_when_columns_say_so(tmp_path) -> None:
    path = _resolution_with(tmp_path, "title:\n", "columns: [fr, nl]\ntitle:\n")
    with pdfplumber.open(io.BytesIO(render_pdf(drafter.load(path)))) as pdf:
        words = pdf.pages[-1].extract_words()
    lead = {word["text"]: _column(word) for word in words}
    assert lead["DEMANDE"] == "left" and lead["VERZOEKT"] == "right"


HOSTILE = (
    '<img src="file:///etc/passwd"> {{ 7*7 }} {% if 1 %}x{% endif %} '
    "<script>alert(1)</script></p> http://192.0.2.1/x.css "
    'data:text/html,<b>x</b> <link rel="stylesheet" href="file:///etc/passwd">'
)


def test_hostile_text_is_printed_literally_and_nothing_is_fetched(tmp_path) -> None:
    # In YAML single quotes, with the markup's asterisks escaped.
    written = "'" + HOSTILE.replace("*", "\\*").replace("'", "''") + "'"
    path = _resolution_with(tmp_path, "nl: overwegende dat het regent;", f"nl: {written}")
    resolution = drafter.load(path)
    fetcher = AssetFetcher()
    pdf = render_pdf(resolution, fetcher)
    templates = (ROOT / "templates").as_uri()
    assert fetcher.requests and all(url.startswith(templates) for url in fetcher.requests)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = " ".join(
            _text([w for w in page.extract_words() if _column(w) == "left"])
            for page in document.pages
        ).replace("\u2010 ", "")  # words hyphenated at a line end
    for fragment in (
        "{{ 7*7 }}",
        "{% if 1 %}x{% endif %}",
        "<script>alert(1)</script></p>",
        '<img src="file:///etc/passwd">',
        "data:text/html,<b>x</b>",
    ):
        assert fragment in words
    assert "root:" not in words


def test_fetcher_refuses_everything_but_the_templates(tmp_path) -> None:
    fetcher = AssetFetcher()
    for url in (
        "file:///etc/passwd",
        "http://192.0.2.1/x.css",
        "data:text/css,body{}",
        (ROOT / "templates" / ".." / "pyproject.toml").as_uri(),
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch((ROOT / "templates" / "resolution.css").as_uri()).read()


def test_overlong_paragraph_and_footnote_continue_on_following_pages(tmp_path) -> None:
    note = " ".join(f"Bron {i}, zie https://www.example.org/pad/{i}." for i in range(300))
    paragraph = " ".join(f"Zin {i} van een lange paragraaf." for i in range(500))
    text = MINIMAL.read_text()
    text = text.replace("nl: Bron, 2020.", f'nl: "{note}"')
    text = text.replace("nl: overwegende dat het regent;", f'nl: "overwegende dat {paragraph};"')
    path = tmp_path / "long.yaml"
    path.write_text(text)
    with pdfplumber.open(io.BytesIO(render_pdf(drafter.load(path)))) as pdf:
        assert len(pdf.pages) > 8
        words = [page.extract_words(extra_attrs=["size"]) for page in pdf.pages]

    def dutch(size: float) -> str:
        return " ".join(
            _text([w for w in page if abs(w["size"] - size) < 0.1 and _column(w) == "left"])
            for page in words
        ).replace("\u2010 ", "")

    notes, body = dutch(NOTE_SIZE), dutch(9)
    assert all(f"Bron {i}," in notes for i in range(300))
    assert all(f"Zin {i} van" in body for i in range(500))
    # The note starts on the page of its call.
    first = next(n for n, page in enumerate(words) if "Bron" in _text(page))
    assert "voetnoot" in _text(words[first])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the search is skipped on Linux")
def test_the_pdf_writer_starts_no_process_while_it_loads() -> None:
    """WeasyPrint's libraries are opened by their sonames, without `ctypes.util.find_library`
    running ldconfig and gcc for every name that does not exist on Linux (54 processes)."""
    script = (
        "import subprocess\n"
        "started = []\n"
        "real = subprocess.Popen.__init__\n"
        "def record(self, *args, **kwargs):\n"
        "    started.append(args[0] if args else kwargs.get('args'))\n"
        "    real(self, *args, **kwargs)\n"
        "subprocess.Popen.__init__ = record\n"
        "import drafter.render.html.pdf\n"
        "import weasyprint\n"
        "assert weasyprint.__version__\n"
        "print(len(started), started[:3])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("0 "), result.stdout


def test_a_galley_in_parts_measures_what_the_whole_galley_measures() -> None:
    """A long document's galley is laid out a part at a time (to bound its memory): every
    block measures the same as in one galley, to the last bit, so that the pages, and the
    bytes, do not depend on where the parts begin."""
    from weasyprint.text.fonts import FontConfiguration

    from drafter.render.html.pdf import measure_parts
    from drafter.render.html.writer import galley_htmls
    from drafter.resolve import layout

    resolution = drafter.load(FLAGSHIP)
    plan = layout.plan(resolution)
    fetcher, fonts = AssetFetcher(), FontConfiguration()
    whole = measure_parts(galley_htmls(resolution.filed, plan), fetcher, fonts)
    parts = galley_htmls(resolution.filed, plan, blocks_per_galley=150)
    assert len(parts) == 4
    measured = measure_parts(parts, fetcher, fonts)
    assert measured.cells == whole.cells
    assert measured.notes == whole.notes
    assert measured.boxes.keys() == whole.boxes.keys()


def test_a_long_document_is_drawn_from_a_packed_galley_to_the_same_bytes(
    flagship_pdf: bytes, monkeypatch
) -> None:
    """A galley in several parts keeps its boxes pickled, and each page copies its lines
    when it is made and again when it is drawn: the flagship so made is the same PDF to the
    byte (its lines, links to the notes and notes included), and while a page is drawn the
    other pages' lines are not alive (the flagship has 2,900 lines; kept, all of them are)."""
    import gc

    from weasyprint.formatting_structure import boxes

    from drafter.render.html import pdf

    monkeypatch.setattr(pdf, "BLOCKS_PER_GALLEY", 150)
    alive: list[int] = []
    paint = pdf._DrawnOnce.paint

    def counting_paint(page: pdf._DrawnOnce, stream: object, scale: float = 1) -> None:
        gc.unfreeze()  # what the build set aside is counted too
        gc.collect()
        alive.append(sum(isinstance(thing, boxes.LineBox) for thing in gc.get_objects()))
        paint(page, stream, scale)

    monkeypatch.setattr(pdf._DrawnOnce, "paint", counting_paint)
    assert render_pdf(drafter.load(FLAGSHIP)) == flagship_pdf
    assert len(alive) == 27
    assert max(alive) < 300  # the frame's own lines (headers, footers), and no more


def test_a_galley_in_parts_gives_the_same_bytes(monkeypatch) -> None:
    from drafter.render.html import pdf

    resolution = drafter.load(MINIMAL)
    monkeypatch.setattr(pdf, "BLOCKS_PER_GALLEY", None)
    whole = render_pdf(resolution)
    monkeypatch.setattr(pdf, "BLOCKS_PER_GALLEY", 3)
    assert render_pdf(resolution) == whole
