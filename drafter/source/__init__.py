"""Reading the source: YAML text in, a `document.model.Resolution` with source positions out.

- `loader.py`: read and parse the file, build the document (`load_source`, `load_text`);
- `builder.py`: the YAML node tree walked along the schema into model objects, with
  `values.py` for single values and `nodes.py` for the checks every node goes through;
- `limits.py`: the limits that stop a runaway file;
- `schema.py`: the format, declared once (the loader and the JSON Schema both read it);
- `markup.py`: the inline markup of a text (`*italic*`, `[^note]`, `[@ref]`) into inline nodes;
- `scaffold.py`: the commented new file `drafter new` writes.
"""
