"""HTML and PDF: `writer.py` (HTML from a plan), `paginate.py` (pages from measured cells,
with `note_area.py` placing the footnotes and `page.py` the page's geometry and contents),
`pdf.py` (WeasyPrint: measure, paginate, draw)."""
