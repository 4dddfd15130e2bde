"""Comparing: two resolved versions in, one `document.redline.Redline` out: the new version's
plan with the old one's differences marked in it. Nothing here knows any output format.
"""
