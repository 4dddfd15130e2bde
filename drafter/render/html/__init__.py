"""HTML and PDF: `writer.py` (HTML from a plan), `paginate.py` (pages from measured cells),
`pdf.py` (WeasyPrint: measure, paginate, draw)."""
