"""Rendering: a layout plan (or a redline's) in, file bytes out.

- `html/`: HTML (the preview), and the PDF: a galley of every cell measured by WeasyPrint,
  pages computed by `paginate.py`, then the final pages drawn by WeasyPrint (`pdf.py`);
- `docx/`: WordprocessingML; `wordml.py` holds the raw XML helpers, the writer the rest.

Both writers render any plan, with or without change marks; neither imports the other.
"""
