"""Reading back a DOCX that drafter built and a co-sponsor edited (`drafter merge`): the DOCX
is read in `reader.py`; `merging.py` matches its paragraphs to the source's texts
(`targets.py`), decides tracked changes (`seen.py`) and makes the edits, deletions
(`deletions.py`, `removals.py`) and new parts (`new_material.py`, `additions.py`) into edits
of the YAML (`splicing.py`), with the markup kept in `markup.py` and the scalars' quoting and
folding in `scalars.py`; `results.py` words what was found."""
