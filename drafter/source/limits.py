"""The limits that stop a runaway document (a generated file, a paste gone wrong, a hostile
file) with a clear message before it exhausts memory or time; README.md lists them.

The filed DOC 55 1780/001 (27 pages) is a 0.2 MB file of 249 parts and 1,506 values, nested
8 levels deep (the deepest the format goes), whose longest text has 1,642 characters and
longest footnote 1,245. A 200-page dossier is about eight times as large: 1.6 MB, 2,000
parts, 12,000 values. Each limit leaves it five times the room or more, and still bounds
what a file can cost: 10,000 parts check in 1.5 s and build to PDF in about 80 s.
"""

MAX_FILE_BYTES = 10_000_000  # 10 MB; read no further, so /dev/zero or a 5 GB log cannot fill memory
MAX_PARTS = 10_000  # mappings: paragraphs, items, considerations, requests, footnotes, texts…
MAX_VALUES = 100_000  # every key, value and list entry (a part holds about six)
MAX_DEPTH = 20  # nested mappings and lists; the format needs 8
MAX_FOOTNOTE_CHARACTERS = 20_000  # per language: about five pages of notes
MAX_TEXT_CHARACTERS = 100_000  # per language of any other text: twenty pages of a column
