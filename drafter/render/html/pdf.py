"""PDF writer: a resolved `Resolution` (or `Amendments`) in, the bytes of a filing-ready PDF out.

Three steps: WeasyPrint lays out every cell and footnote once in a galley (`measure`),
`paginate.py` breaks the pages, and WeasyPrint draws the pages with everything at its place,
moving the galley's lines into them. A long galley is laid out in parts and kept pickled
(`packed.py`), so that its lines are alive only while their page is made and drawn.
WeasyPrint may fetch nothing but the project's own template assets (the stylesheet and the
fonts in `templates/`): its URL fetcher refuses every other URL, so a document can neither
read a file nor reach the network. Metadata and dates come from the source, so the same
source gives the same bytes.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import mimetypes
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib import request

from drafter.render.html import libraries  # noqa: F401 (before weasyprint: see there)

# isort: split
import pydyf
import weasyprint
from weasyprint.document import Page
from weasyprint.formatting_structure import boxes
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from drafter import __version__
from drafter.document import model, redline
from drafter.document.amendments import Amendments
from drafter.document.plan import Plan
from drafter.render.html import forked
from drafter.render.html.packed import PackedBoxes
from drafter.render.html.page import A4, Block, Geometry, Line
from drafter.render.html.paginate import paginate
from drafter.render.html.writer import (
    TEMPLATES,
    TemplateUnavailable,
    galley_halves,
    galley_htmls,
    galley_items,
    inline_html,
    paged_html,
    read_template_file,
)
from drafter.resolve import layout
from drafter.resolve.amendment_layout import plan_amendments

if TYPE_CHECKING:
    from drafter.render.html.layout_cache import LayoutCache


class AssetFetcher(URLFetcher):
    """Serves the files of `templates/` (file: URLs inside it) and refuses everything else.

    `requests` lists every URL asked for, refused ones included, for tests and audits.
    WeasyPrint only logs an asset it could not fetch and lays out without it (in a fallback
    font, with no stylesheet), which would give a wrong PDF; `unavailable` keeps the first
    template file that could not be served, for `raise_if_unavailable` to report.
    """

    def __init__(self, templates: Path = TEMPLATES) -> None:
        super().__init__(allowed_protocols=["file"], fail_on_errors=False)
        self.templates = templates.resolve()
        self.requests: list[str] = []
        self.unavailable: TemplateUnavailable | None = None

    def raise_if_unavailable(self) -> None:
        if self.unavailable is not None:
            raise self.unavailable

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        self.requests.append(url)
        if not url.startswith("file:"):
            raise ValueError(f"drafter fetches only its own template assets, not {url}")
        path = Path(request.url2pathname(url.split("?")[0].removeprefix("file:"))).resolve()
        if not path.is_relative_to(self.templates):
            raise ValueError(f"drafter fetches only its own template assets, not {url}")
        try:
            data = read_template_file(path)
        except TemplateUnavailable as error:
            self.unavailable = self.unavailable or error
            raise
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, data, {"Content-Type": mime_type})


def _html(source: str, fetcher: AssetFetcher) -> weasyprint.HTML:
    return weasyprint.HTML(string=source, base_url=TEMPLATES.as_uri() + "/", url_fetcher=fetcher)


def _calls(box: boxes.Box) -> list[int]:
    """The footnote numbers called in a line box, in reading order."""
    element = box.element
    if element is not None and box.element_tag == "sup" and element.get("data-note"):
        return [int(element.get("data-note"))]
    return [number for child in getattr(box, "children", ()) for number in _calls(child)]


def _line_boxes(box: boxes.BlockBox) -> list[boxes.LineBox]:
    return [child for child in box.children if isinstance(child, boxes.LineBox)]


def _block(box: boxes.BlockBox) -> Block:
    """A block's lines, measured from its content's top.

    Lines stand one under the other, so each line's top is the sum of the heights above it:
    measured so, a block's lines are the same wherever it stood in the galley. (Subtracting
    the block's top from each line's position on the galley page left an error of about
    1e-11 px that depended on that position: the same Dutch and French lines then differed,
    which flipped the order `paginate` takes them in, so a document paginated differently
    depending on where its blocks fell in the galley.)"""
    line_boxes = _line_boxes(box)
    lines: list[Line] = []
    y = line_boxes[0].position_y - box.content_box_y() if line_boxes else 0.0
    for line_box in line_boxes:
        lines.append(Line(top=y, bottom=y + line_box.height, calls=tuple(_calls(line_box))))
        y += line_box.height
    return Block(tuple(lines), box.margin_top, box.margin_bottom)


def _boxes_with(
    roots: list[boxes.Box], attribute: str, around: list[boxes.Box] | None = None
) -> list[tuple[str, boxes.BlockBox]]:
    """The block boxes under `roots` whose element carries `attribute`, with its value;
    the boxes passed on the way to them are added to `around` when given."""
    found: list[tuple[str, boxes.BlockBox]] = []
    stack = list(roots)
    while stack:
        box = stack.pop()
        # An absolutely positioned box stands in the tree behind a placeholder.
        box = getattr(box, "_box", box)
        element = box.element
        value = element.get(attribute) if element is not None else None
        if value and isinstance(box, boxes.BlockBox):
            found.append((value, box))
            continue
        if around is not None:
            around.append(box)
        stack.extend(getattr(box, "children", ()))
    return found


def _page_boxes(document: weasyprint.Document) -> list[boxes.Box]:
    return [page._page_box for page in document.pages]


@dataclass
class Galley:
    """The measured galley: every cell's and note's lines, and the laid-out boxes (kept
    alive, or for a long galley `PackedBoxes`, which gives a fresh copy on each request)."""

    cells: dict[tuple[int, str], Block]
    notes: dict[tuple[int, str], Block]
    boxes: Mapping[tuple[str, int, str], boxes.BlockBox]


def measure(html: str, fetcher: AssetFetcher, fonts: FontConfiguration) -> Galley:
    """Lay out the galley once; the lines of every cell and every footnote."""
    return measure_parts([html], fetcher, fonts)


# The most cells and notes laid out in one galley: the flagship's 470 in one, a document ten
# times its size in eight. Between two parts the garbage of the layout is collected (see
# `_collect_garbage`), and a galley in parts keeps its boxes pickled (`PackedBoxes`): this
# bounds the memory a long document takes.
BLOCKS_PER_GALLEY = 600

# The fewest cells and notes whose galley is laid out on two cores (`measure_galley`): below
# that, starting the child and bringing its boxes back costs more than it saves.
BLOCKS_TO_SHARE = 100


def measure_galley(
    created: datetime.date,
    plan: Plan,
    geometry: Geometry,
    fetcher: AssetFetcher,
    fonts: FontConfiguration,
) -> Galley:
    """Lay out the galley of `plan`, in parts of at most `BLOCKS_PER_GALLEY` blocks (kept
    pickled when there are several), the later half of it in a child process on another core
    when there is one (`forked.py`). The child's blocks come back pickled, which is exact:
    the galley, and the PDF, are the ones one process gives."""
    items = galley_items(plan)
    blocks = len(items[0]) + len(items[1])
    packed = BLOCKS_PER_GALLEY is not None and blocks > BLOCKS_PER_GALLEY
    if blocks < BLOCKS_TO_SHARE or not forked.available():
        parts = galley_htmls(created, plan, geometry, BLOCKS_PER_GALLEY, items)
        return measure_parts(parts, fetcher, fonts, packed=packed)
    first, later = (
        galley_htmls(created, plan, geometry, BLOCKS_PER_GALLEY, half)
        for half in galley_halves(items)
    )
    with forked.Forked(lambda: _measured_for_transfer(later, fetcher, fonts)) as child:
        galley = measure_parts(first, fetcher, fonts, packed=packed)
        transferred = child.result()
    if transferred is None:  # the child failed: lay its half out here, and meet its error
        rest = measure_parts(later, fetcher, fonts, packed=packed)
    else:
        cells, notes, data = transferred
        rest = Galley(cells, notes, PackedBoxes.from_bytes(data, fonts))
    galley.cells.update(rest.cells)
    galley.notes.update(rest.notes)
    if isinstance(galley.boxes, PackedBoxes):
        galley.boxes.merge(rest.boxes)
    else:  # a short document keeps its boxes alive: the child's are unpickled
        assert isinstance(galley.boxes, dict)
        galley.boxes.update(rest.boxes.items())
    return galley


def _measured_for_transfer(
    htmls: list[str], fetcher: AssetFetcher, fonts: FontConfiguration
) -> tuple[dict[tuple[int, str], Block], dict[tuple[int, str], Block], bytes]:
    """In the child: the galley of `htmls`, measured, its boxes packed as bytes."""
    galley = measure_parts(htmls, fetcher, fonts, packed=True)
    assert isinstance(galley.boxes, PackedBoxes)
    return galley.cells, galley.notes, galley.boxes.to_bytes()


def measure_parts(
    htmls: list[str], fetcher: AssetFetcher, fonts: FontConfiguration, packed: bool = False
) -> Galley:
    """Lay out the galley's parts (`galley_htmls`) one after the other, as one galley;
    with `packed`, its boxes are kept pickled (`PackedBoxes`)."""
    kept: dict[tuple[str, int, str], boxes.BlockBox] = {}
    packed_boxes = PackedBoxes(fonts) if packed else None
    galley = Galley({}, {}, kept if packed_boxes is None else packed_boxes)
    for html in htmls:
        document = _html(html, fetcher).render(font_config=fonts)
        fetcher.raise_if_unavailable()
        around: list[boxes.Box] = []
        found = _boxes_with(_page_boxes(document), "data-block", around)
        if packed_boxes is not None:
            packed_boxes.share(around)
        for name, box in found:
            key = _block_key(name)
            kind, number, language = key
            target = galley.cells if kind == "cell" else galley.notes
            target[(number, language)] = _block(box)
            if packed_boxes is None:
                kept[key] = box
            else:
                packed_boxes.add(key, box)
        del document, found, around
        if len(htmls) > 1:
            _collect_garbage()
    return galley


def lay_out_frame(
    paged: str, fetcher: AssetFetcher, fonts: FontConfiguration
) -> weasyprint.Document:
    """The pages' frame: the cover, the running headers and footers, and an empty slot
    where each measured block's lines go (`paged_html`)."""
    document = _html(paged, fetcher).render(font_config=fonts)
    fetcher.raise_if_unavailable()
    return document


def _fill_slots(document: weasyprint.Document, galley: Galley) -> weasyprint.Document:
    """The pages of the frame `document`, each filled with its measured lines when it is
    made and when it is drawn (`_DrawnOnce`)."""
    pages = [_DrawnOnce(page._page_box, galley) for page in document.pages]
    return document.copy(pages)


def _move_lines(
    slots: list[tuple[str, boxes.BlockBox]],
    blocks: Mapping[tuple[str, int, str], boxes.BlockBox],
) -> None:
    """Move the measured lines (from the galley's `blocks`) into the empty slots of a page.

    The lines keep everything the galley's layout gave them (breaks, hyphens, justification),
    so no paragraph is laid out twice; they are only moved to their place on the page.
    """
    for key, slot in slots:
        source = blocks[_block_key(key)]
        first, end = key.split(":")[3:]
        lines = _line_boxes(source)[int(first) : int(end)]
        # From border box to border box: a cell's padding (an indented quotation) stays.
        dx = slot.border_box_x() - source.border_box_x()
        dy = slot.content_box_y() - lines[0].position_y
        for line in lines:
            line.translate(dx, dy)
        slot.children = lines


class _DrawnOnce(Page):
    """A page of the PDF, which holds its lines only while it needs them.

    Its slots are filled when it is made, as WeasyPrint gathers its links, anchors and
    bookmarks from its boxes. From a packed galley (a long document) only the blocks that
    give any are copied in then, and emptied again; every slot is filled from fresh copies
    when the page is drawn. Once drawn, the page lets go of its boxes: the lines of a long
    document are never all alive at once.
    """

    def __init__(self, page_box: boxes.PageBox, galley: Galley) -> None:
        self._slots = _boxes_with([page_box], "data-slot")
        self._packed = galley.boxes if isinstance(galley.boxes, PackedBoxes) else None
        if self._packed is None:
            gathered = self._slots
            _move_lines(gathered, galley.boxes)
        else:
            gathered = [slot for slot in self._slots if _block_key(slot[0]) in self._packed.marked]
            _move_lines(gathered, self._packed)
        super().__init__(page_box)
        # A link keeps its box only to hang its PDF annotation on; an empty holder does
        # as well, and lets the lines go.
        self.links = [
            (kind, target, rectangle, box if kind == "attachment" else _Annotated())
            for kind, target, rectangle, box in self.links
        ]
        if self._packed is not None and gathered:
            for _, slot in gathered:
                slot.children = []
            # Only once the links let go of their boxes: what a collection finds alive is
            # out of reach of the next ones (of the youngest objects only).
            _collect_copies()

    def paint(self, stream: object, scale: float = 1) -> None:
        if self._packed is not None:
            _move_lines(self._slots, self._packed)
        super().paint(stream, scale)
        del self._page_box, self._slots
        if self._packed is not None:
            _collect_copies()


def _block_key(name: str) -> tuple[str, int, str]:
    """The galley block a block's or a slot's name stands for: "cell:4:nl" (`data-block`),
    or "cell:4:nl:0:3" (`data-slot`, which takes lines 0 to 3 of it)."""
    kind, number, language = name.split(":")[:3]
    return kind, int(number), language


def _collect_copies() -> None:
    """Free the copies a page took from a packed galley: their styles refer to each other
    (a style and its anonymous style), which only the cyclic collector frees, and it is
    paused while WeasyPrint works (`_without_cyclic_collection`)."""
    gc.collect(0)


class _Annotated:
    """What a link's PDF annotation is hung on (`link_annotation`), in place of its box."""

    link_annotation: object


def render_pdf(
    resolution: model.Resolution,
    fetcher: AssetFetcher | None = None,
    geometry: Geometry = A4,
    cache: LayoutCache | None = None,
) -> bytes:
    """The PDF of a resolved resolution: archival (PDF/A-2u), fonts embedded, reproducible.
    With a `cache` (`drafter watch`), the cells it holds are not laid out again."""
    return _render(resolution.filed, layout.plan(resolution), fetcher, geometry, cache=cache)


def render_amendments_pdf(
    amendments: Amendments,
    fetcher: AssetFetcher | None = None,
    geometry: Geometry = A4,
    cache: LayoutCache | None = None,
) -> bytes:
    """The PDF of a resolved amendments document (`resolve_amendments`), in the layout of
    the resolution it amends: archival, fonts embedded, reproducible."""
    plan = plan_amendments(amendments)
    return _render(amendments.filed, plan, fetcher, geometry, cache=cache)


def render_plan_pdf(
    plan: Plan,
    created: datetime.date,
    fetcher: AssetFetcher | None = None,
    geometry: Geometry = A4,
) -> bytes:
    """The PDF of any layout plan (`created`: the document's date, for its metadata)."""
    return _render(created, plan, fetcher, geometry)


def render_redline_pdf(
    comparison: redline.Redline,
    fetcher: AssetFetcher | None = None,
    geometry: Geometry = A4,
) -> bytes:
    """A redline (`redline.compare`) for reading: the new version in the Chamber's layout,
    what it inserted underlined and what it deleted struck through, after a summary page."""
    plan = comparison.plan
    texts = comparison.cover
    cover = replace(
        plan.cover,
        filed={language: inline_html(texts["filed"][language]) for language in plan.columns},
        sponsors={language: inline_html(texts["sponsors"][language]) for language in plan.columns},
    )
    counts = comparison.summary
    summary = {
        **redline.SUMMARY_WORDS,
        "old": comparison.old.path,
        "new": comparison.new.path,
        "columns": list(redline.SUMMARY_COLUMNS.values()),
        "rows": [
            (names, (counts[part].added, counts[part].removed, counts[part].changed))
            for part, names in redline.SUMMARY_PARTS.items()
        ],
    }
    return _render(comparison.new.filed, replace(plan, cover=cover), fetcher, geometry, summary)


def _render(
    created: datetime.date,
    plan: Plan,
    fetcher: AssetFetcher | None,
    geometry: Geometry,
    summary: dict[str, object] | None = None,
    cache: LayoutCache | None = None,
) -> bytes:
    with _without_cyclic_collection():
        return _render_pages(created, plan, fetcher or AssetFetcher(), geometry, summary, cache)


@contextlib.contextmanager
def _without_cyclic_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while WeasyPrint works.

    Layout allocates millions of small objects, and the collector, which wakes every few
    hundred allocations to look for cycles, cost 10 to 20 % of a build while finding little:
    the boxes live until the PDF is written. Memory is still freed by reference counting,
    and between the steps by `_collect_garbage`; the collector runs again afterwards.
    """
    enabled = gc.isenabled()
    frozen = gc.get_freeze_count()
    gc.disable()
    try:
        yield
    finally:
        if not frozen:  # what `_collect_garbage` set aside (unless the caller froze some)
            gc.unfreeze()
        if enabled:
            gc.enable()


def _collect_garbage() -> None:
    """Free the cycles a step of the layout left (WeasyPrint's discarded boxes and layouts:
    as much again as what it keeps), then set aside what is still alive, so that the next
    collection looks only at what was made after this one (`_without_cyclic_collection`
    unfreezes it at the end)."""
    gc.collect()
    gc.freeze()


def _render_pages(
    created: datetime.date,
    plan: Plan,
    fetcher: AssetFetcher,
    geometry: Geometry,
    summary: dict[str, object] | None,
    cache: LayoutCache | None = None,
) -> bytes:
    if cache is None:
        fonts = FontConfiguration()
        galley = measure_galley(created, plan, geometry, fetcher, fonts)
    else:
        fonts = cache.fonts
        galley = cache.galley(created, plan, geometry, fetcher)
    pages = paginate(plan, galley.cells, galley.notes, geometry)
    paged = paged_html(created, plan, pages, galley.cells, galley.notes, geometry, summary)
    if cache is None:
        frame_document = lay_out_frame(paged, fetcher, fonts)
    else:
        frame_document = cache.frame(paged, fetcher)
    document = _fill_slots(frame_document, galley)
    long_document = isinstance(galley.boxes, PackedBoxes)
    # From here on the lines live in the pages alone, which let go of them once drawn.
    del frame_document, galley
    if long_document:  # (a short one is not worth the collection's time)
        _collect_garbage()
    return document.write_pdf(
        pdf_variant="pdf/a-2u",
        pdf_identifier=plan.cover.doc_number.encode(),
        finisher=_name_the_producer,
    )


PRODUCER = f"drafter {__version__} (WeasyPrint {weasyprint.__version__})"


def _name_the_producer(document: weasyprint.Document, pdf: pydyf.PDF) -> None:
    """Name drafter as the PDF's producer, beside WeasyPrint, so a filed PDF says which
    release made it. PDF/A wants the same name in the information dictionary and in the XMP
    metadata, which WeasyPrint has already written; both are changed before the PDF is."""
    weasyprint_name = f"WeasyPrint {weasyprint.__version__}".encode()
    pdf.info["Producer"] = pydyf.String(PRODUCER)
    metadata_reference = pdf.catalog["Metadata"]
    for pdf_object in pdf.objects:
        if isinstance(pdf_object, pydyf.Stream) and pdf_object.reference == metadata_reference:
            pdf_object.stream = [
                chunk.replace(weasyprint_name, PRODUCER.encode()) for chunk in pdf_object.stream
            ]
