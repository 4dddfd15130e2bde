"""PDF writer: a resolved `Resolution` in, the bytes of a filing-ready PDF out.

The HTML from `html_writer` is laid out by WeasyPrint. WeasyPrint may fetch nothing but
the project's own template assets (the stylesheet and the fonts in `templates/`): its URL
fetcher refuses every other URL, so a document can neither read a file nor reach the network.
Metadata and dates come from the source, so the same source gives the same bytes.
"""

from __future__ import annotations

import mimetypes
from urllib import request
from pathlib import Path

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

from drafter import model
from drafter.html_writer import TEMPLATES, render_html


class AssetFetcher(URLFetcher):
    """Serves the files of `templates/` (file: URLs inside it) and refuses everything else.

    `requests` lists every URL asked for, refused ones included, for tests and audits.
    """

    def __init__(self, templates: Path = TEMPLATES) -> None:
        super().__init__(allowed_protocols=["file"], fail_on_errors=False)
        self.templates = templates.resolve()
        self.requests: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        self.requests.append(url)
        if not url.startswith("file:"):
            raise ValueError(f"drafter fetches only its own template assets, not {url}")
        path = Path(request.url2pathname(url.split("?")[0].removeprefix("file:"))).resolve()
        if not path.is_relative_to(self.templates) or not path.is_file():
            raise ValueError(f"drafter fetches only its own template assets, not {url}")
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime_type})


def render_pdf(resolution: model.Resolution, fetcher: AssetFetcher | None = None) -> bytes:
    """The PDF of a resolved resolution: tagged (PDF/UA), fonts embedded, reproducible."""
    html = weasyprint.HTML(
        string=render_html(resolution),
        base_url=TEMPLATES.as_uri() + "/",
        url_fetcher=fetcher or AssetFetcher(),
    )
    document = html.render()
    return document.write_pdf(
        pdf_variant="pdf/ua-1",
        pdf_identifier=f"DOC {resolution.legislature} {resolution.doc}".encode(),
        uncompressed_pdf=False,
    )
