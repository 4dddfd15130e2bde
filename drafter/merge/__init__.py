"""Reading back a DOCX that drafter built and a co-sponsor edited (`drafter merge`): the DOCX
is read in `reader.py`, its paragraphs are matched to the source's texts and the edits made
into edits of the YAML in `merging.py`, with the markup kept in `markup.py` and the
scalars' quoting and folding in `scalars.py`."""
