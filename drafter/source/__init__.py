"""Reading the source: YAML text in, a `document.model.Resolution` with source positions out.

- `loader.py`: read and parse the file, build the document (`load_source`, `load_text`);
- `schema.py`: the format, declared once (the loader and the JSON Schema both read it);
- `markup.py`: the inline markup of a text (`*italic*`, `[^note]`, `[@ref]`) into inline nodes;
- `scaffold.py`: the commented new file `drafter new` writes.
"""
