"""The document: the types every stage shares, and nothing that computes.

- `model.py`: a resolution as typed objects with source positions (`Resolution`, …);
- `inline.py`: the inline nodes of a text (emphasis, footnote calls, references, and in a
  redline insertions and deletions);
- `plan.py`: the layout plan, what a reader sees in reading order, as rows of paired paragraphs;
- `redline.py`: two versions compared, as a plan carrying insertions and deletions;
- `diagnostics.py` and `codes.py`: positions, diagnostics, and every diagnostic code;
- `numbering.py` and `vocabulary.py`: the Chamber's numbering styles and fixed words.
"""
