"""`drafter amend` proven by `drafter apply`: the amendments computed from a filed and a
wanted version, carried out, give the wanted text; for one edit of each kind on the
flagship, and for random edits."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import drafter
from drafter.api import check_file
from drafter.api.amend import amend_files
from drafter.cli import app
from drafter.document import model
from drafter.source.writer import resolution_yaml
from tests.conftest import FLAGSHIP


@pytest.fixture(scope="module")
def filed() -> model.Resolution:
    return drafter.load(FLAGSHIP)


def _justified(text: str) -> str:
    return text.replace('nl: ""', "nl: Daarom.").replace('fr: ""', "fr: Voilà pourquoi.")


def _prove(tmp_path: Path, wanted: model.Resolution) -> str:
    """Amend, write the amendments with justifications, and apply them with --expect."""
    wanted_path = tmp_path / "wanted.yaml"
    wanted_path.write_text(resolution_yaml(wanted), encoding="utf-8")
    output = tmp_path / "amendments.yaml"
    computed = amend_files(FLAGSHIP, wanted_path, output)  # raises if they do not prove
    output.write_text(_justified(computed.text), encoding="utf-8")
    assert check_file(output).errors == []
    result = CliRunner().invoke(app, ["apply", str(output), "--expect", str(wanted_path)])
    assert result.exit_code == 0, result.output
    assert "equals it" in result.output
    return computed.text


def _request(resolution: model.Resolution, label: str) -> model.Request:
    return next(r for r in resolution.requests.items if r.reference_label == label)


def test_each_kind_of_change_on_the_flagship_is_proven(
    filed: model.Resolution, tmp_path: Path
) -> None:
    wanted = copy.deepcopy(filed)
    # Words in a consideration; a whole new text for request 1; the title.
    consideration = wanted.considerations[1]
    consideration.text.nl.value = consideration.text.nl.value.replace(
        "staatsweeshuizen", "staatsinstellingen"
    )
    consideration.text.fr.value = consideration.text.fr.value.replace(
        "orphelinats", "institutions"
    )
    request = _request(wanted, "1")
    request.text.nl.value = "de genocide op de Oeigoeren onverwijld te erkennen;"
    request.text.fr.value = "de reconnaître sans délai le génocide des Ouïghours;"
    wanted.title.nl.value += " en de gevolgen ervan"
    wanted.title.fr.value += " et ses conséquences"
    # A consideration inserted after C, with an item; an item inserted in C.
    inserted = copy.deepcopy(wanted.considerations[2])
    inserted.id, inserted.items = "new-consideration", inserted.items[:1]
    inserted.items[0].id = None
    inserted.text.nl.value, inserted.text.fr.value = "overwegende dat:", "considérant que:"
    wanted.considerations.insert(3, inserted)
    item = copy.deepcopy(wanted.considerations[2].items[0])
    item.text.nl.value, item.text.fr.value = "een nieuw verdrag;", "une nouvelle convention;"
    wanted.considerations[2].items.insert(1, item)
    # A sub-paragraph inserted in request 4 and one left out; request 20 left out.
    subparagraphs = _request(wanted, "4").subparagraphs
    added = copy.deepcopy(subparagraphs[0])
    added.id = "new-subparagraph"
    added.text.nl.value, added.text.fr.value = "iets nieuws te doen;", "de faire du neuf;"
    subparagraphs.insert(3, added)
    del subparagraphs[5]
    wanted.requests.items.remove(_request(wanted, "20"))
    text = _prove(tmp_path, wanted)
    assert "- replace: consideration B\n    words:" in text
    assert "- replace: request 1\n    text:" in text
    assert "- replace: title" in text
    assert "- insert: consideration C/1\n" in text
    assert "- insert: consideration C, item 1°/1\n" in text
    assert "- insert: request 4, subparagraph c/1)\n" in text
    assert "- delete: request 4, subparagraph e)\n" in text
    assert "- delete: request 20\n" in text


EDIT = st.tuples(
    st.sampled_from(["word", "insert", "delete"]),
    st.sampled_from(["consideration", "request", "subparagraph", "item"]),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=60),
)


def _blocks(resolution: model.Resolution, kind: str) -> list | None:  # type: ignore[type-arg]
    """The list of blocks of `kind` an edit works on; None when an earlier edit deleted the
    only request with sub-paragraphs, or the only consideration with items."""
    if kind == "consideration":
        return resolution.considerations
    if kind == "request":
        return resolution.requests.items
    if kind == "subparagraph":
        return next((r.subparagraphs for r in resolution.requests.items if r.subparagraphs), None)
    return next((c.items for c in resolution.considerations if c.items), None)


# The same examples on every run (`derandomize`): a gate that passes or fails by chance
# would stop work that has nothing to do with it.
@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(st.lists(EDIT, min_size=1, max_size=4))
def test_random_edits_are_proven(
    filed: model.Resolution, tmp_path_factory: pytest.TempPathFactory, edits: list
) -> None:
    wanted = copy.deepcopy(filed)
    for number, (operation, kind, index, word) in enumerate(edits):
        blocks = _blocks(wanted, kind)
        if blocks is None or (len(blocks) < 2 and operation == "delete"):
            continue
        at = index % (len(blocks) + (operation == "insert"))
        if operation == "word":
            for language in model.LANGUAGES:
                value = blocks[at].text.language(language)
                words = value.value.split()
                words[word % len(words)] = f"woord{number}"
                value.value = " ".join(words)
        elif operation == "insert":
            block = copy.deepcopy(blocks[0])
            block.id = f"random-{number}"
            for children in ("items", "subparagraphs"):
                if hasattr(block, children):
                    setattr(block, children, [])
            block.text.nl.value = f"nieuw blok {number};"
            block.text.fr.value = f"bloc nouveau {number};"
            blocks.insert(at, block)
        else:
            removed = blocks.pop(at)
            # A block another text refers to cannot go without that text changing too.
            source = resolution_yaml(wanted)
            assume(not re.search(rf"\[@{re.escape(removed.id or '-')}\]", source))
    _prove(tmp_path_factory.mktemp("proof"), wanted)


def test_drafter_amend_writes_once_and_says_what_it_cannot_amend(tmp_path: Path) -> None:
    text = FLAGSHIP.read_text(encoding="utf-8")
    wanted = tmp_path / "wanted.yaml"
    wanted.write_text(
        text.replace("staatsweeshuizen", "staatsinstellingen")
        .replace("orphelinats ou internats", "institutions ou internats")
        .replace("In de Oeigoerse autonome regio Xinjiang leven", "In Xinjiang leven"),
        encoding="utf-8",
    )
    output = tmp_path / "amendments.yaml"
    runner = CliRunner()
    result = runner.invoke(
        app, ["amend", str(FLAGSHIP), str(wanted), "-o", str(output), "--date", "2021-03-03"]
    )
    assert result.exit_code == 0, result.output
    assert "note: the memorandum differs" in result.output
    assert f"created {output}: 1 amendment;" in result.output
    written = output.read_text(encoding="utf-8")
    assert 'doc: "1780/002"' in written and "filed: 2021-03-03" in written
    assert "amends: " in written and "doc-55-1780-001.yaml" in written
    # Not checked until the justifications are written; never overwritten.
    assert [d.code for d in check_file(output).errors] == ["missing-justification"] * 2
    output.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["amend", str(FLAGSHIP), str(wanted), "-o", str(output)])
    assert result.exit_code == 1 and "never overwrites" in result.output
    assert output.read_text(encoding="utf-8") == "mine"
    same = runner.invoke(app, ["amend", str(FLAGSHIP), str(FLAGSHIP), "-o", str(tmp_path / "x")])
    assert same.exit_code == 0 and "nothing written" in same.output
    assert not (tmp_path / "x").exists()
