"""Fuzzing: generated resolutions, valid and broken, through load → check → build.

Whatever a file holds, `check_file` never raises, `drafter.load` and `build_file` raise
nothing but `DrafterError`, and every document that checks without errors builds (HTML and
DOCX in-process; a few PDFs too, as WeasyPrint is slower). Texts mix random Unicode with the
markup characters, HTML, Jinja and URLs that a document may hold.

`drafter new` gets random options: it writes a file that passes check, or nothing (exit 2).
Every message drafter prints, as text or JSON, can be written to a terminal.

In CI the examples are the same in every run (derandomized) and few: 1,262 in all (150
valid resolutions, 400 broken ones, 300 byte strings, 250 random texts, 150 `new` commands,
12 PDFs), about 40 s on two cores. `DRAFTER_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py`
explores more, with fresh random examples and shrinking.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import drafter
from drafter.api.build import RENDERERS, build_file
from drafter.cli import app
from drafter.document.diagnostics import DrafterError, diagnostics_to_json
from tests.conftest import MINIMAL

SCALE = int(os.environ.get("DRAFTER_FUZZ_EXAMPLES", "0"))
SETTINGS: dict[str, Any] = {
    "deadline": None,  # the first DOCX or PDF render imports and warms up its library
    "derandomize": not SCALE,  # the same examples in every CI run; random when exploring
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "database": None,
    # Shrinking a failure can take minutes; in CI the failing example is printed as found.
    "phases": list(Phase) if SCALE else [Phase.explicit, Phase.generate],
}

# Characters the loader refuses in a text (see source.nodes.FORBIDDEN_CHARACTERS).
FORBIDDEN = {*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF}
HOSTILE = [
    "<script>alert(1)</script>",
    "</p></td></tr>",
    '<img src="file:///etc/passwd">',
    "{{ 7*7 }}",
    "{% if 1 %}x{% endif %}",
    "&amp; &lt; &#0;",
    "http://192.0.2.1/x.css",
    "https://example.org/a_(b)?c=d&e=f",
    "file:///etc/passwd",
    "data:text/html,<b>x</b>",
    "url(file:///etc/passwd)",
    "]]><!--",
    "\u202e\u200f\u2028\u0085\ufeff",
]
# Pieces of markup, balanced or not, for the broken texts.
MARKUP = ["*", "**", "***", "\\", "[^", "[@", "]", "[^note-1]", "[@req-1]", "[^nope]", "\\*"]
# Literal references the checker reads ("verzoek 4", "considérant B").
LITERALS = ["verzoek 1", "verzoek 9", "demande 2", "overweging B", "considérant Z", "punt 2°"]


def _plain_character(code: int) -> bool:
    return code not in FORBIDDEN and chr(code) not in "*[]\\"


PLAIN = st.text(
    st.characters(exclude_categories=("Cs",)).filter(lambda c: _plain_character(ord(c))),
    max_size=12,
)


# A name: any characters a document can hold (markup is not read in names).
NAME = st.text(
    st.characters(exclude_categories=("Cs",)).filter(lambda c: ord(c) not in FORBIDDEN),
    min_size=1,
    max_size=12,
).filter(str.strip)


@st.composite
def valid_text(draw: st.DrawFn) -> str:
    """A text that parses: plain Unicode, escaped markup characters, balanced emphasis."""
    pieces = [draw(st.sampled_from(["a", "Z", "é", "ß", "7", "Ω", "中"]))]
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            pieces.append(draw(st.sampled_from(["\\*", "\\[", "\\\\", "\\]"])))
        elif kind == 1:
            pieces.append(f"*{draw(PLAIN)}x*")
        elif kind == 2:
            pieces.append(f"**x{draw(PLAIN)}**")
        elif kind == 3:
            pieces.append(draw(st.sampled_from(HOSTILE)).replace("*", "\\*"))
        else:
            pieces.append(draw(PLAIN))
    # Spaces keep adjacent emphasis apart: "*a**b*" would be ambiguous.
    return " ".join(pieces)


ANY_TEXT = st.lists(
    st.one_of(
        st.text(max_size=10),
        st.sampled_from(MARKUP + HOSTILE + LITERALS),
        st.characters(codec="utf-8"),
    ),
    max_size=8,
).map("".join)


def _text(nl: str, fr: str) -> dict[str, str]:
    return {"nl": nl, "fr": fr}


@st.composite
def resolutions(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> dict[str, Any]:
    """A resolution as the YAML mapping a user writes; valid when `texts` are."""

    def text() -> dict[str, str]:
        return _text(draw(texts), draw(texts))

    def items(prefix: str) -> list[dict[str, Any]]:
        return [
            {"id": f"{prefix}-item-{n}", **text()} if draw(st.booleans()) else text()
            for n in range(draw(st.integers(0, 2)))
        ]

    paragraphs: list[dict[str, Any]] = []

    def paragraph() -> dict[str, Any]:
        part: dict[str, Any] = text()
        paragraphs.append(part)
        if draw(st.integers(0, 4)) == 0:
            part["items"] = items(f"p{len(paragraphs)}")
        return part

    sections = [
        {
            "id": f"section-{n}",
            "title": text(),
            "paragraphs": [paragraph() for _ in range(draw(st.integers(0, 2)))],
        }
        for n in range(draw(st.integers(0, 3)))
    ]
    intro = [paragraph() for _ in range(draw(st.integers(0, 2)))]
    considerations = []
    for n in range(draw(st.integers(1, 4))):
        consideration = {"id": f"c{n + 1}", **text()}
        paragraphs.append(consideration)
        if draw(st.booleans()):
            consideration["items"] = items(f"c{n + 1}")
        considerations.append(consideration)
    requests = []
    for n in range(draw(st.integers(1, 4))):
        request: dict[str, Any] = {"id": f"req-{n + 1}", **text()}
        paragraphs.append(request)
        subparagraphs = []
        for m in range(draw(st.integers(0, 3))):
            subparagraph = {"id": f"req-{n + 1}-{m + 1}", **text()}
            paragraphs.append(subparagraph)
            subparagraphs.append(subparagraph)
        if subparagraphs:
            request["subparagraphs"] = subparagraphs
        requests.append(request)
    # Each footnote is called once, at the end of both languages of one paragraph.
    footnotes = {}
    for n in range(draw(st.integers(0, 4))):
        identifier = f"note-{n + 1}"
        footnotes[identifier] = text()
        host = draw(st.sampled_from(paragraphs))
        host["nl"] += f"[^{identifier}]"
        host["fr"] += f"[^{identifier}]"
    # A cross-reference to a part that exists, in both languages.
    if draw(st.booleans()):
        host = draw(st.sampled_from(paragraphs))
        target = draw(st.sampled_from([*considerations, *requests]))["id"]
        host["nl"] += f" [@{target}]"
        host["fr"] += f" [@{target}]"
    filed = draw(st.dates(datetime.date(2019, 10, 1), datetime.date(2024, 5, 31)))
    first_year = filed.year if filed.month >= 10 else filed.year - 1
    document: dict[str, Any] = {
        "doc": f"{draw(st.integers(1, 9999))}/{draw(st.integers(1, 999)):03d}",
        "legislature": 55,
        "session": first_year - 2019 + 2,
        "years": [first_year, first_year + 1],
        "filed": filed,
        "title": text(),
        "sponsors": [
            {
                "given": draw(st.sampled_from(["Samuel", "Séverine", "Ö", "李"]) | NAME),
                "family": draw(st.sampled_from(["Cogolati", "de Laveleye", "N'Guyen"]) | NAME),
                "party": draw(st.sampled_from(["Ecolo-Groen", "PS", "N-VA", *HOSTILE]) | NAME),
                "gender": draw(st.sampled_from(["m", "f"])),
            }
            for _ in range(draw(st.integers(1, 4)))
        ],
        "columns": draw(st.sampled_from([["nl", "fr"], ["fr", "nl"]])),
        "considerations": considerations,
        "requests": {"lead": text(), "items": requests},
        "date": filed,
    }
    if sections or intro:
        document["memorandum"] = {"intro": intro, "sections": sections}
    if footnotes:
        document["footnotes"] = footnotes
    return document


class _Dumper(yaml.SafeDumper):
    """Writes shared values twice, as a person would, rather than as anchor and alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(document: dict[str, Any]) -> str:
    return yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=80)


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside the document, for the mutations to pick from."""
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _paths(value, (*prefix, index))
    return found


def _container(document: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    """The mapping or list that holds the value at `path`, and its key there."""
    *parents, last = path
    for step in parents:
        document = document[step]
    return document, last


# Characters no document can hold (YAML writes them as escapes: "\x01", "\ud800").
UNPRINTABLE = ["\x00", "\x01", "\x0c", "\x1b", "\ud800", "\udcff", "\ufffe", "\uffff"]
ODD_VALUES = st.one_of(
    st.none(),
    st.integers(-5, 10**20),
    st.booleans(),
    st.floats(allow_nan=True),
    ANY_TEXT,
    st.lists(st.integers(), max_size=2),
    st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=2),
    st.sampled_from(["", " ", "2021-02-30", "bad id", "../x", "UPPER", "c1", "note-1"]),
    st.sampled_from(UNPRINTABLE).map("a{}b".format),
)
# Plain YAML scalars as written in the file, which YAML reads as numbers, dates and so on.
RAW_SCALARS = [
    *("017", "08", "1:30", "190:20:30", "0x_", "0b_", "0o", "0x1F", "+5", "-0", "1_000"),
    *(".inf", "-.nan", "1e3", "~", "null", "yes", "No", "on", "=", "<<"),
    *("2021-02-30", "2021-13-01", "0000-01-01", "2021-01-01T10:00:00Z", "２０２１-01-25"),
    *("!!binary aGk=", "!!int 3", "!!str 5", "!foo x", "&x 1", "*x", "[]", "{}", "[[[]]]"),
    "9" * 5000,
]
RAW = "RAW-SCALAR-"


@st.composite
def broken_sources(draw: st.DrawFn) -> str:
    """A resolution's YAML after a few structural and textual mutations."""
    document = draw(resolutions(ANY_TEXT if draw(st.booleans()) else valid_text()))
    if draw(st.booleans()):
        # A number or date of the header written oddly.
        key = draw(st.sampled_from(["doc", "legislature", "session", "years", "filed", "date"]))
        raw = RAW + draw(st.sampled_from(RAW_SCALARS))
        if key == "years":
            document["years"][draw(st.integers(0, 1))] = raw
        else:
            document[key] = raw
    if draw(st.booleans()):
        # A character no document can hold, in any value: a name, an id, a text, a number.
        path = draw(st.sampled_from(_paths(document)[1:]))
        container, last = _container(document, path)
        value = str(container[last])
        cut = draw(st.integers(0, len(value)))
        character = draw(st.sampled_from(UNPRINTABLE))
        container[last] = value[:cut] + character + value[cut:]
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(_paths(document)[1:]))
        container, last = _container(document, path)
        action = draw(st.integers(0, 3))
        if action == 0:
            del container[last]
        elif action == 1:
            container[last] = draw(ODD_VALUES | st.sampled_from(RAW_SCALARS).map(RAW.__add__))
        elif action == 2 and isinstance(container, dict):
            container[draw(ANY_TEXT)] = draw(ODD_VALUES)
        elif isinstance(container, list):
            container.append(container[last])  # a duplicate (duplicate ids)
    source = _dump(document)
    for raw in RAW_SCALARS:
        source = source.replace(RAW + raw, raw)
    for _ in range(draw(st.integers(0, 2))):
        position = draw(st.integers(0, len(source)))
        insert = draw(
            st.one_of(
                ANY_TEXT,
                st.sampled_from(
                    ["\t", "\n", ": ", "- ", "&a ", "*a", "!!python/object ", '"\\ud800"', "{", "'"]
                ),
            )
        )
        cut = draw(st.integers(0, 3))
        source = source[:position] + insert + source[position + cut :]
    return source


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _write(workdir: Path, data: bytes) -> Path:
    path = workdir / "fuzzed.yaml"
    path.write_bytes(data)
    return path


def _through_everything(path: Path, formats: list[str]) -> drafter.CheckResult:
    """Check, load and build `path`; only DrafterError may come out of load and build."""
    result = drafter.check_file(path)
    for diagnostic in result.diagnostics:
        # What `drafter check` prints, in either format, can be written to a terminal.
        assert diagnostic.format().startswith(str(path))
        diagnostic.format().encode("utf-8")
    diagnostics_to_json(result.diagnostics, {}).encode("utf-8")
    output = path.parent / "out"
    try:
        built = build_file(path, output, formats)
    except DrafterError as error:
        event("refused")
        assert result.errors or result.resolution is None
        assert error.diagnostics == (result.errors or result.diagnostics)
    else:
        event("built")
        assert not result.errors
        assert [p.name for p in built.outputs] == [f"fuzzed.{fmt}" for fmt in formats]
    try:
        drafter.load(path)
    except DrafterError:
        assert result.errors or result.resolution is None
    return result


@settings(max_examples=SCALE or 150, **SETTINGS)
@given(document=resolutions(valid_text()))
def test_valid_resolutions_check_clean_and_build(document: dict[str, Any], workdir: Path) -> None:
    path = _write(workdir, _dump(document).encode("utf-8"))
    result = _through_everything(path, ["html", "docx"])
    assert result.errors == [], "\n".join(d.format() for d in result.errors)


@settings(max_examples=SCALE or 400, **SETTINGS)
@given(source=broken_sources())
def test_broken_resolutions_never_raise(source: str, workdir: Path) -> None:
    # Lone surrogates cannot be encoded; they reach the file as YAML escapes ("\ud800").
    path = _write(workdir, source.encode("utf-8", "surrogatepass"))
    _through_everything(path, ["html", "docx"])


@settings(max_examples=SCALE or 300, **SETTINGS)
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_arbitrary_bytes_never_raise(data: bytes, workdir: Path) -> None:
    _through_everything(_write(workdir, data), ["html"])


@settings(max_examples=SCALE // 20 or 12, **SETTINGS)
@given(document=resolutions(valid_text()))
def test_valid_resolutions_build_to_pdf(document: dict[str, Any], workdir: Path) -> None:
    path = _write(workdir, _dump(document).encode("utf-8"))
    resolution = drafter.load(path)
    assert RENDERERS["pdf"](resolution).startswith(b"%PDF-")


@settings(max_examples=SCALE or 250, **SETTINGS)
@given(texts=st.lists(ANY_TEXT, min_size=2, max_size=2))
def test_any_text_in_a_valid_frame_never_raises(texts: list[str], workdir: Path) -> None:
    """Random texts in the one consideration of an otherwise valid file."""
    base = yaml.safe_load(MINIMAL.read_text())
    base["considerations"][0].update(nl=texts[0], fr=texts[1])
    _through_everything(_write(workdir, _dump(base).encode("utf-8")), ["html", "docx"])


# Options of `drafter new`: mostly usable, sometimes anything, now and then unprintable.
OPTION_TEXT = ANY_TEXT | st.sampled_from(UNPRINTABLE).map("over {} dingen".format)


@settings(max_examples=SCALE or 150, **SETTINGS)
@given(
    title_nl=st.one_of(valid_text(), valid_text(), valid_text(), OPTION_TEXT),
    title_fr=st.one_of(valid_text(), valid_text(), valid_text(), OPTION_TEXT),
    sponsors=st.lists(
        st.one_of(
            st.builds("{} {} ({})".format, NAME, NAME, NAME),
            st.builds("mevrouw {} {} ({})".format, NAME, NAME, NAME),
            st.builds("{} {} ({})".format, NAME, NAME, NAME),
            OPTION_TEXT,
        ),
        max_size=3,
    ),
    doc=st.one_of(*[st.sampled_from(["1780/001", "1/001", "0000/001"])] * 3, OPTION_TEXT),
)
def test_new_writes_a_file_that_passes_check_or_nothing(
    title_nl: str, title_fr: str, sponsors: list[str], doc: str, workdir: Path
) -> None:
    path = workdir / "new.yaml"
    path.unlink(missing_ok=True)
    options = ["--title-nl", title_nl, "--title-fr", title_fr, "--doc", doc]
    for sponsor in sponsors:
        options += ["--sponsor", sponsor]
    result = CliRunner().invoke(app, ["new", str(path), *options])
    assert not isinstance(result.exception, Exception), result.exception
    assert result.exit_code in (0, 2), result.output
    event("new: written" if result.exit_code == 0 else "new: refused")
    if result.exit_code == 0:
        checked = drafter.check_file(path)
        assert checked.errors == [], "\n".join(d.format() for d in checked.errors)
    else:
        assert not path.exists()
