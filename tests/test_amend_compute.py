"""`compare.amend.compute_amendments` and `source.amendments_writer.amendments_yaml`: the
amendments that turn the filed flagship into an edited version, and their YAML."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.api import load
from drafter.compare.amend import AmendmentsComputed, compute_amendments, word_change
from drafter.document import model
from drafter.document.amendments import Amendment, WordChange
from drafter.document.diagnostics import Position
from drafter.source.amendments_writer import amendments_yaml, next_doc
from tests.conftest import FLAGSHIP

SOURCE = FLAGSHIP.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def filed() -> model.Resolution:
    return load(FLAGSHIP)


def _wanted_from_source(tmp_path: Path, *edits: tuple[str, str]) -> model.Resolution:
    """The flagship with its source text edited (each `old` occurs once), loaded."""
    text = SOURCE
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "wanted.yaml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def _normal(value: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", value).strip()


def _carry_out(value: str, change: WordChange) -> str:
    """What a word change should make of a text (the test's own reading of the format)."""
    assert value.count(change.quoted) == 1
    if change.operation == "replace":
        return value.replace(change.replace, change.by)
    if change.operation == "delete":
        return value.replace(change.delete, "")
    assert change.operation == "insert"
    return value.replace(change.after, f"{change.after} {change.insert}")


def _targets(result: AmendmentsComputed) -> list[tuple[str, str]]:
    return [(amendment.action, amendment.written_target) for amendment in result.amendments]


def _request(resolution: model.Resolution, label: str) -> model.Request:
    return next(r for r in resolution.requests.items if r.reference_label == label)


def _consideration(resolution: model.Resolution, label: str) -> model.Consideration:
    return next(c for c in resolution.considerations if c.reference_label == label)


def _yaml(result: AmendmentsComputed, filed: model.Resolution) -> str:
    return amendments_yaml(
        result.amendments,
        amends="doc-55-1780-001.yaml",
        doc=next_doc(filed.doc),
        filed=date(2021, 3, 3),
        sponsors=filed.sponsors,
        footnotes=result.footnotes,
        header_comment="computed by drafter amend",
    )


# --- one kind at a time -----------------------------------------------------------------------


def test_unchanged_and_whitespace_only_give_nothing(filed: model.Resolution) -> None:
    wanted = copy.deepcopy(filed)
    request = wanted.requests.items[2]
    request.text.nl.value = "  " + request.text.nl.value.replace(" ", "\n  ", 3) + " "
    result = compute_amendments(filed, wanted)
    assert result.amendments == []
    assert result.notes == []
    assert result.footnotes == {}


def test_replace_words(filed: model.Resolution) -> None:
    wanted = copy.deepcopy(filed)
    request = _request(wanted, "1")
    request.text.nl.value = request.text.nl.value.replace("te erkennen", "formeel te erkennen")
    request.text.fr.value = request.text.fr.value.replace("la Chine", "la Chine populaire")
    request.text.fr.value = request.text.fr.value.replace("Chine", "Chine continentale", 1)
    assert compute_amendments(filed, filed).amendments == []
    (amendment,) = compute_amendments(filed, wanted).amendments
    assert (amendment.action, amendment.written_target) == ("replace", "request 1")
    assert amendment.text is None and amendment.words is not None
    old = _request(filed, "1").text
    for language in model.LANGUAGES:
        change = amendment.words.language(language)
        assert change.operation in ("replace", "insert")
        assert _normal(_carry_out(old.language(language).value, change)) == _normal(
            request.text.language(language).value
        )
    assert amendment.words.nl.quoted and "formeel" in amendment.words.nl.new_words


def test_word_change_kinds() -> None:
    old = "de regering wordt verzocht onverwijld de zaak te onderzoeken;"
    wanted = old.replace("de regering", "de federale regering")
    replaced = word_change(old, wanted)
    # "de" occurs more than once: the word after it is replaced instead.
    assert replaced is not None and replaced.operation == "replace"
    assert (replaced.replace, replaced.by) == ("regering", "federale regering")
    inserted = word_change(old, old.replace("verzocht", "verzocht om"))
    assert inserted is not None
    assert (inserted.operation, inserted.after, inserted.insert) == ("insert", "verzocht", "om")
    deleted = word_change(old, old.replace("onverwijld ", ""))
    assert deleted is not None
    assert (deleted.operation, deleted.delete) == ("delete", "onverwijld")
    swapped = word_change(old, old.replace("zaak", "kwestie"))
    assert swapped is not None
    assert (swapped.replace, swapped.by) == ("zaak", "kwestie")
    # "de" occurs twice: the quoted words are widened until they occur once.
    widened = word_change(old, old.replace("de zaak", "het dossier"))
    assert widened is not None and old.count(widened.quoted) == 1
    assert _normal(_carry_out(old, widened)) == old.replace("de zaak", "het dossier")
    # A change of most of the words is not a word change.
    assert word_change(old, "iets heel anders dan wat er eerst stond;") is None
    assert word_change(old, old) is None


def test_replace_whole_text(filed: model.Resolution) -> None:
    wanted = copy.deepcopy(filed)
    request = _request(wanted, "2")
    request.text.nl.value = "de regering te verzoeken iets heel anders te doen;"
    request.text.fr.value = "de demander au gouvernement de faire tout autre chose;"
    (amendment,) = compute_amendments(filed, wanted).amendments
    assert (amendment.action, amendment.written_target) == ("replace", "request 2")
    assert amendment.words is None and amendment.text is not None
    assert amendment.text.nl.value == request.text.nl.value
    assert amendment.text.fr.value == request.text.fr.value


def test_one_language_changed_replaces_the_whole_text(filed: model.Resolution) -> None:
    wanted = copy.deepcopy(filed)
    request = _request(wanted, "2")
    request.text.nl.value = request.text.nl.value.replace(
        "huidige vorm", "huidige, onaanvaardbare vorm"
    )
    (amendment,) = compute_amendments(filed, wanted).amendments
    assert amendment.words is None and amendment.text is not None
    assert amendment.text.fr.value == _request(filed, "2").text.fr.value


def test_title(filed: model.Resolution) -> None:
    wanted = copy.deepcopy(filed)
    wanted.title.nl.value = wanted.title.nl.value.replace("erkenning", "formele erkenning")
    wanted.title.fr.value = wanted.title.fr.value.replace(
        "reconnaissance", "reconnaissance formelle"
    )
    (amendment,) = compute_amendments(filed, wanted).amendments
    assert (amendment.action, amendment.written_target) == ("replace", "title")
    assert amendment.words is not None
    assert amendment.words.nl.new_words.split()[0] == "formele"


def test_insert_consideration(filed: model.Resolution, tmp_path: Path) -> None:
    new = (
        "  - id: new-first\n    nl: overwegende dat er eerst dit is;\n"
        "    fr: considérant qu’il y a d’abord ceci;\n"
        "  - id: genocide-definition\n"
    )
    extra = (
        "  - id: new-after-c\n    nl: overwegende dat een nieuw feit bekend is;\n"
        "    fr: considérant qu’un fait nouveau est connu;\n"
        "    items:\n      - {nl: eerste punt;, fr: premier point;}\n"
        "  - id: second-after-c\n    nl: overwegende dat nog iets bekend is[^new-note];\n"
        "    fr: considérant qu’autre chose encore est connu[^new-note];\n"
        "  - id: un-investigators-refused\n"
    )
    note = "footnotes:\n  new-note: {nl: Een nieuwe bron., fr: Une source nouvelle.}\n"
    wanted = _wanted_from_source(
        tmp_path,
        ("  - id: genocide-definition\n", new),
        ("  - id: un-investigators-refused\n", extra),
        ("footnotes:\n", note),
    )
    result = compute_amendments(filed, wanted)
    assert _targets(result) == [
        ("insert", "consideration 0/1"),
        ("insert", "consideration C/1"),
        ("insert", "consideration C/2"),
    ]
    first, after_c, _second = result.amendments
    assert first.id == "new-first" and after_c.id == "new-after-c"
    assert after_c.text is not None and after_c.text.nl.value.startswith("overwegende dat een")
    assert [item.text.fr.value for item in after_c.items] == ["premier point;"]
    assert list(result.footnotes) == ["new-note"]
    assert result.footnotes["new-note"].text.nl.value == "Een nieuwe bron."


def test_insert_subparagraph_and_items(filed: model.Resolution) -> None:
    wanted = copy.deepcopy(filed)
    request = _request(wanted, "4")
    template = request.subparagraphs[0]
    added = copy.deepcopy(template)
    added.id = "new-subparagraph"
    added.text.nl.value, added.text.fr.value = "een nieuw verzoek doet;", "fait une demande;"
    request.subparagraphs.insert(3, added)  # after c)
    first = copy.deepcopy(template)
    first.id, first.text.nl.value, first.text.fr.value = None, "vooraf;", "d’abord;"
    request.subparagraphs.insert(0, first)
    consideration = _consideration(wanted, "C")
    item = copy.deepcopy(consideration.items[0])
    item.id, item.text.nl.value, item.text.fr.value = "new-item", "iets nieuws;", "du neuf;"
    consideration.items.insert(2, item)  # after 2°
    leading = copy.deepcopy(item)
    leading.id, leading.text.nl.value, leading.text.fr.value = None, "vooraan;", "en tête;"
    consideration.items.insert(0, leading)
    result = compute_amendments(filed, wanted)
    assert _targets(result) == [
        ("insert", "consideration C, item 0°/1"),
        ("insert", "consideration C, item 2°/1"),
        ("insert", "request 4, subparagraph 0/1)"),
        ("insert", "request 4, subparagraph c/1)"),
    ]
    assert [a.id for a in result.amendments] == [None, "new-item", None, "new-subparagraph"]


def test_delete_request(filed: model.Resolution) -> None:
    wanted = copy.deepcopy(filed)
    del wanted.requests.items[4]  # request 5
    del wanted.requests.items[3]  # request 4, with its sub-paragraphs
    del _consideration(wanted, "C").items[1]
    result = compute_amendments(filed, wanted)
    assert _targets(result) == [
        ("delete", "consideration C, item 2°"),
        ("delete", "request 4"),
        ("delete", "request 5"),
    ]


def test_moved_block_is_deleted_and_inserted(filed: model.Resolution) -> None:
    wanted = copy.deepcopy(filed)
    moved = wanted.requests.items.pop(0)
    wanted.requests.items.insert(2, moved)
    result = compute_amendments(filed, wanted)
    assert _targets(result) == [("delete", "request 1"), ("insert", "request 3/1")]
    assert result.amendments[1].id == "recognise-genocide"


def test_block_without_id_paired_by_its_words(filed: model.Resolution) -> None:
    filed_copy = copy.deepcopy(filed)
    wanted = copy.deepcopy(filed)
    for resolution in (filed_copy, wanted):
        resolution.requests.items[5].id = None
    request = wanted.requests.items[5]
    request.text.nl.value = request.text.nl.value.rstrip(";") + " zonder verwijl;"
    request.text.fr.value = request.text.fr.value.rstrip(";") + " sans délai;"
    assert _targets(compute_amendments(filed_copy, wanted)) == [("replace", "request 6")]


def test_notes_for_what_cannot_be_amended(filed: model.Resolution) -> None:
    wanted = copy.deepcopy(filed)
    assert wanted.memorandum is not None
    wanted.memorandum.intro[0].text.nl.value += " Meer."
    wanted.sponsors = wanted.sponsors[:1]
    wanted.requests.lead.nl.value = "VERZOEKT DE REGERING"
    note = next(iter(wanted.footnotes.values()))
    note.text.fr.value += " Ajouté."
    result = compute_amendments(filed, wanted)
    assert result.amendments == []
    joined = "\n".join(result.notes)
    for word in ("memorandum", "sponsors", "lead", note.id):
        assert word in joined


# --- the YAML -------------------------------------------------------------------------------


def test_yaml_round_trips(filed: model.Resolution) -> None:
    wanted = copy.deepcopy(filed)
    _request(wanted, "1").text.nl.value += " Nu."
    _request(wanted, "1").text.fr.value += " Maintenant."
    request = _request(wanted, "2")
    request.text.nl.value = 'een "tekst": met #tekens, \\* en  dubbele  spaties'
    request.text.fr.value = "  begint met spaties\net een regel"
    del wanted.requests.items[6]
    wanted.considerations.insert(1, copy.deepcopy(wanted.considerations[2]))
    wanted.considerations[1].id = "copied-c"
    result = compute_amendments(filed, wanted)
    text = _yaml(result, filed)
    assert text == _yaml(result, filed)  # deterministic
    data = yaml.safe_load(text)
    assert data["amends"] == "doc-55-1780-001.yaml"
    assert data["doc"] == "1780/002" and data["filed"] == date(2021, 3, 3)
    assert data["sponsors"][0] == {
        "given": "Samuel",
        "family": "Cogolati",
        "party": "Ecolo-Groen",
        "gender": "m",
    }
    assert len(data["amendments"]) == len(result.amendments)
    for written, amendment in zip(data["amendments"], result.amendments, strict=True):
        _same(written, amendment)
    assert "justification" in text and "# " in text


def _same(written: dict, amendment: Amendment) -> None:
    action = amendment.action
    assert next(iter(written)) == action
    assert written[action] == amendment.written_target
    assert written["justification"] == {"nl": "", "fr": ""}
    if amendment.text is not None:
        assert written["text"] == {"nl": amendment.text.nl.value, "fr": amendment.text.fr.value}
    if amendment.words is not None:
        for language in model.LANGUAGES:
            change = amendment.words.language(language)
            expected = {
                key: getattr(change, key)
                for key in ("replace", "by", "delete", "after", "insert")
                if getattr(change, key)
            }
            assert written["words"][language] == expected
    if amendment.insert:
        assert written.get("id") == amendment.id
        items = [{"nl": i.text.nl.value, "fr": i.text.fr.value} for i in amendment.items]
        assert [{k: v for k, v in i.items() if k != "id"} for i in written.get("items", [])] == (
            items
        )


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_round_trips(value: str) -> None:
    where = Position("x", 1, 1)
    text = model.Text(
        model.LanguageText(value, where), model.LanguageText(value[::-1], where), where
    )
    amendment = Amendment(where, text, replace="request 1", text=text)
    footnote = model.Footnote("a-note", text, where)
    data = yaml.safe_load(
        amendments_yaml(
            [amendment],
            amends=value or "x.yaml",
            doc=value,
            filed=date(2021, 3, 3),
            sponsors=[],
            footnotes={"a-note": footnote},
            header_comment=value,
        )
    )
    assert data["amendments"][0]["text"] == {"nl": value, "fr": value[::-1]}
    assert data["amendments"][0]["justification"] == {"nl": value, "fr": value[::-1]}
    assert data["footnotes"]["a-note"] == {"nl": value, "fr": value[::-1]}
    assert data["doc"] == value and data["amends"] == (value or "x.yaml")


# --- random edits -----------------------------------------------------------------------------


def _filed_targets(resolution: model.Resolution) -> dict[str, list[str]]:
    """Every filed target → the labels of the blocks of each list under it ("" = top)."""
    lists: dict[str, list[str]] = {
        "consideration": [c.reference_label for c in resolution.considerations],
        "request": [r.reference_label for r in resolution.requests.items],
    }
    for c in resolution.considerations:
        lists[f"consideration {c.reference_label}|item"] = [i.reference_label for i in c.items]
    for r in resolution.requests.items:
        parent = f"request {r.reference_label}"
        lists[f"{parent}|item"] = [i.reference_label for i in r.items]
        lists[f"{parent}|subparagraph"] = [s.reference_label for s in r.subparagraphs]
        for s in r.subparagraphs:
            sub = f"{parent}, subparagraph {s.reference_label}"
            lists[f"{sub}|item"] = [i.reference_label for i in s.items]
    return lists


def _valid_target(target: str, action: str, lists: dict[str, list[str]]) -> bool:
    if target == "title":
        return action == "replace"
    parent, _, last = target.rpartition(", ")
    kind, _, label = last.partition(" ")
    key = f"{parent}|{kind}" if parent else kind
    if key not in lists:
        return False
    if action != "insert":
        return label in lists[key]
    match = re.fullmatch(r"(.*)/\d+(\)?)", label)
    if match is None:
        return False
    base = match.group(1) + match.group(2)
    return base in lists[key] or base in ("0", "0)", "0°")


EDIT = st.tuples(
    st.sampled_from(["word", "insert", "delete"]),
    st.sampled_from(["consideration", "request", "subparagraph", "item"]),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(EDIT, min_size=1, max_size=5))
def test_random_edits_target_filed_labels(filed: model.Resolution, edits: list) -> None:
    wanted = copy.deepcopy(filed)
    counter = 0
    for operation, kind, index, word in edits:
        if kind == "consideration":
            blocks: list = wanted.considerations
        elif kind == "request":
            blocks = wanted.requests.items
        elif kind == "subparagraph":
            blocks = _by_id(wanted.requests.items, "demands-to-china", "subparagraphs")
        else:
            blocks = _by_id(wanted.considerations, "human-rights-instruments", "items")
        if not blocks and operation != "insert":
            continue
        at = index % (len(blocks) + (operation == "insert"))
        if operation == "word":
            text = blocks[at].text
            for language in model.LANGUAGES:
                value = text.language(language)
                words = value.value.split(" ")
                words[word % len(words)] = f"woord{counter}"
                value.value = " ".join(words)
        elif operation == "insert":
            counter += 1
            template = blocks[0] if blocks else _request(filed, "4").subparagraphs[0]
            block = copy.deepcopy(template)
            block.id = f"random-{counter}"
            block.text.nl.value = f"nieuw blok {counter};"
            block.text.fr.value = f"bloc nouveau {counter};"
            blocks.insert(at, block)
        else:
            del blocks[at]
        counter += 1
    result = compute_amendments(filed, wanted)
    lists = _filed_targets(filed)
    for amendment in result.amendments:
        assert _valid_target(amendment.written_target, amendment.action, lists), (
            amendment.written_target
        )
        if amendment.words is not None:
            assert amendment.text is None
    targets = [a.written_target for a in result.amendments if not a.insert]
    assert len(targets) == len(set(targets))
    data = yaml.safe_load(_yaml(result, filed))
    assert [next(iter(a)) for a in data.get("amendments") or []] == [
        a.action for a in result.amendments
    ]


def _by_id(blocks: list, block_id: str, children: str) -> list:
    """The children of the block with that id, or [] when an edit deleted it."""
    return next((getattr(b, children) for b in blocks if b.id == block_id), [])


def test_next_doc() -> None:
    assert next_doc("1780/001") == "1780/002"
    assert next_doc("1780/009") == "1780/010"
    assert next_doc("1780") == "1780"
