"""Checking: a resolved document in, diagnostics out (`rules.check`).

- `rules.py`: the checks that need the whole document (ids, footnotes, references, parity);
- `literal.py`: plain-text references ("verzoek 4") read in a text;
- `parity.py`: numbers, dates and URLs that both languages must share;
- `acknowledgments.py`: the warnings a source accepts, with their reasons.
"""
