"""Write a source: a `model.Resolution` in, the text of a resolution file out.

`drafter apply` writes the amended resolution with it. The keys come in the order of
`schema.py`; long texts are folded (`>-`) where YAML can fold them exactly, and quoted
otherwise; fixed labels (`label: C/1`) are written where the model has them. The text is
read back before it is returned: what the loader reads from it is what was written.
"""

from __future__ import annotations

from typing import Any

import yaml

from drafter.document import model

# Texts longer than this are folded over several lines.
FOLD_FROM = 70
WIDTH = 92


class _Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line: {given: …, family: …}."""


class _FlowList(list):  # type: ignore[type-arg]
    """A list written on one line: [2020, 2021]."""


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > FOLD_FROM and "\n" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=True)


def _represent_flow_list(dumper: yaml.SafeDumper, value: _FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=True)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(_FlowList, _represent_flow_list)


def resolution_yaml(resolution: model.Resolution, comment: str = "") -> str:
    """The source text of `resolution`, headed by `comment` (one `#` line per line)."""
    data = _resolution_data(resolution)
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH)
    if yaml.safe_load(text) != _plain(data):
        # Folding could not keep a text exactly (PyYAML falls back to quoting where it
        # knows it cannot; this is the guard for where it does not know).
        text = yaml.safe_dump(_plain(data), sort_keys=False, allow_unicode=True, width=WIDTH)
    heading = "".join(f"# {line}".rstrip() + "\n" for line in comment.splitlines())
    return heading + text


def _plain(data: Any) -> Any:
    """`data` with plain dicts and lists only, as YAML reads it back."""
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(value) for value in data]
    return data


def _text(text: model.Text) -> dict[str, str]:
    return {"nl": text.nl.value, "fr": text.fr.value}


def _acknowledge(entries: list[model.Acknowledgment]) -> dict[str, Any]:
    if not entries:
        return {}
    return {"acknowledge": [{"code": entry.code, "reason": entry.reason} for entry in entries]}


def _part(part: model.Numbered | model.Paragraph) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if getattr(part, "id", None):
        data["id"] = part.id  # type: ignore[union-attr]
    if getattr(part, "fixed_label", ""):
        data["label"] = part.fixed_label  # type: ignore[union-attr]
    data.update(_text(part.text))
    if getattr(part, "items", None):
        data["items"] = [_part(item) for item in part.items]  # type: ignore[union-attr]
    if getattr(part, "subparagraphs", None):
        data["subparagraphs"] = [_part(sub) for sub in part.subparagraphs]  # type: ignore[union-attr]
    data.update(_acknowledge(part.acknowledge))
    return data


def sponsor_data(sponsor: model.Sponsor) -> _Flow:
    return _Flow(
        given=sponsor.given, family=sponsor.family, party=sponsor.party, gender=sponsor.gender
    )


def _resolution_data(resolution: model.Resolution) -> dict[str, Any]:
    data: dict[str, Any] = {
        "doc": resolution.doc,
        "legislature": resolution.legislature,
        "session": resolution.session,
        "years": _FlowList(resolution.years),
        "filed": resolution.filed,
        "title": _text(resolution.title),
        "sponsors": [sponsor_data(sponsor) for sponsor in resolution.sponsors],
    }
    if list(resolution.columns) != list(model.LANGUAGES):
        data["columns"] = _FlowList(resolution.columns)
    memorandum = resolution.memorandum
    if memorandum is not None:
        data["memorandum"] = {}
        if memorandum.intro:
            data["memorandum"]["intro"] = [_part(paragraph) for paragraph in memorandum.intro]
        if memorandum.sections:
            data["memorandum"]["sections"] = [
                {
                    "id": section.id,
                    "title": _text(section.title),
                    **(
                        {"paragraphs": [_part(paragraph) for paragraph in section.paragraphs]}
                        if section.paragraphs
                        else {}
                    ),
                    **_acknowledge(section.acknowledge),
                }
                for section in memorandum.sections
            ]
    data["considerations"] = [_part(part) for part in resolution.considerations]
    data["requests"] = {
        "lead": _text(resolution.requests.lead),
        "items": [_part(part) for part in resolution.requests.items],
    }
    if resolution.footnotes:
        data["footnotes"] = {
            identifier: {**_text(note.text), **_acknowledge(note.acknowledge)}
            for identifier, note in resolution.footnotes.items()
        }
    data["date"] = resolution.date
    return data
