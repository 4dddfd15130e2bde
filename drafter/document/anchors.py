"""What the DOCX writer leaves in the file for `merge` to read back: a part's key and a
language in, the name of the bookmark around that paragraph out; and the names of the
character styles and characters that make up a note's mark, which are not the note's text.

A bookmark, not `w14:paraId` (which LibreOffice rewrites): Word and LibreOffice both keep
bookmarks through editing and saving, and a reader never sees one.
"""

from __future__ import annotations

import hashlib

# Word accepts letters, digits and underscores in a bookmark name, at most 40 of them, and
# part keys hold colons, slashes and hyphens: the key is hashed into the name.
BOOKMARK_PREFIX = "drafter_"
TITLE_KEY = "title"

FOOTNOTE_REFERENCE = "FootnoteReference"
# The number typed before a call with an invisible custom mark (see render/docx/notes.py): a
# style of its own, based on the footnote reference's (LibreOffice reads every run in the
# footnote reference style after a custom mark as part of that mark).
NOTE_NUMBER = "NoteNumber"
# The custom mark of a call whose number is typed before it: invisible, and no line break.
WORD_JOINER = "\u2060"


def bookmark_name(key: str, language: str) -> str:
    """The bookmark around the paragraph of the row or note `key` in `language`."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()
    return f"{BOOKMARK_PREFIX}{language}_{digest}"


def footnote_key(footnote_id: str) -> str:
    return f"footnote:{footnote_id}"
