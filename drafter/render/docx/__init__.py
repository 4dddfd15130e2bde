"""DOCX: `writer.py` (a plan or a redline into a Word document), `wordml.py` (raw XML)."""
