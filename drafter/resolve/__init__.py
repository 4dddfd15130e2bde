"""Resolving: a loaded document in, the same document with everything computed out.

- `resolver.py`: labels of numbered parts, footnote numbers, parsed markup, the labels that
  cross-references print;
- `layout.py`: the layout plan (`document.plan.Plan`) of a resolved document, which every
  later stage reads: the checks do not, the comparison and both writers do.
"""
