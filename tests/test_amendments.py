"""Amendments: fixed labels, the amendments source checked, carried out (`drafter apply`),
and what a committee secretary would see go wrong."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import drafter
from drafter.api import check_file
from drafter.api.amend import apply_file, differences
from drafter.cli import app
from drafter.document.diagnostics import DrafterError
from tests.conftest import FLAGSHIP, MINIMAL

HEADER = """\
amends: filed.yaml
doc: "1234/002"
filed: 2021-03-03
sponsors:
  - {given: Samuel, family: Cogolati, party: Ecolo-Groen, gender: m}
amendments:
"""
WHY = "    justification: {nl: Daarom., fr: Voilà pourquoi.}\n"


def _amendments(folder: Path, body: str, filed: Path = MINIMAL) -> Path:
    shutil.copy(filed, folder / "filed.yaml")
    path = folder / "amendments.yaml"
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return path


def _labels(resolution: drafter.Resolution) -> list[str]:
    return [consideration.label for consideration in resolution.considerations]


# Fixed labels and number locking.


def _with_considerations(folder: Path, labels: list[str]) -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: extra-{index}\n"
        + (f"    label: {label}\n" if label else "")
        + f"    nl: overwegende dat {index};\n    fr: considérant que {index};\n"
        for index, label in enumerate(labels)
    )
    text = text.replace("requests:\n", extra + "requests:\n", 1)
    path = folder / "labelled.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_fixed_label_stands_and_the_count_goes_on_from_its_base(tmp_path: Path) -> None:
    path = _with_considerations(tmp_path, ["B/1", "B/2", "", "E", ""])
    resolution = drafter.load(path)
    assert _labels(resolution) == ["A.", "B.", "B/1.", "B/2.", "C.", "E.", "F."]
    assert resolution.considerations[2].reference_label == "B/1"
    adopted = drafter.load(path, renumber=True)
    assert _labels(adopted) == [f"{letter}." for letter in "ABCDEFG"]


def test_references_follow_fixed_labels_and_renumbering(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "    - id: second-request\n", "    - id: second-request\n      label: 1/1\n"
    )
    path = tmp_path / "locked.yaml"
    path.write_text(text, encoding="utf-8")
    locked = drafter.load(path)
    assert locked.requests.items[1].label == "1/1."
    section = locked.memorandum.sections[0]
    reference = section.paragraphs[0].text.inlines["nl"][1]
    assert reference.label == "1/1"
    adopted = drafter.load(path, renumber=True)
    assert adopted.memorandum.sections[0].paragraphs[0].text.inlines["nl"][1].label == "2"


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (["b/1"], "'b/1' is not the label of a consideration"),
        (["B/1", "B/1"], "labelled 'B/1' comes after B/1"),
        (["A"], "labelled 'A' comes after B"),
    ],
)
def test_a_wrong_fixed_label_is_an_error_at_its_line(
    tmp_path: Path, labels: list[str], message: str
) -> None:
    result = check_file(_with_considerations(tmp_path, labels))
    errors = [d for d in result.errors if d.code == "invalid-label"]
    assert errors and message in errors[0].message
    assert errors[0].position is not None and errors[0].position.line > 20


# The amendments source checked.


def test_a_correct_amendments_source_passes(tmp_path: Path) -> None:
    path = _amendments(
        tmp_path,
        """\
  - replace: consideration A
    words:
      nl: {replace: regent, by: stormt}
      fr: {replace: pleut, by: tonne}
""" + WHY,
    )
    result = check_file(path)
    assert result.errors == []
    assert result.amendments is not None and result.amendments.amendments[0].number == 1


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        ("  - replace: request 7\n    text: {nl: x, fr: y}\n", "amendment-target", "no request 7"),
        (
            "  - replace: request 1, subparagraph z)\n    text: {nl: x, fr: y}\n",
            "amendment-target",
            "no request 1, subparagraph z)",
        ),
        (
            "  - insert: consideration B\n    text: {nl: x, fr: y}\n",
            "amendment-target",
            "like consideration B/1",
        ),
        ("  - insert: consideration A/1\n", "amendment-action", "needs 'text'"),
        ("  - delete: request 2\n    text: {nl: x, fr: y}\n", "amendment-action", "no use"),
        ("  - replace: bill 3\n    text: {nl: x, fr: y}\n", "amendment-target", "not a kind"),
        (
            "  - replace: consideration A\n    words:\n      nl: {replace: zon, by: maan}\n"
            "      fr: {replace: pleut, by: tonne}\n",
            "amendment-words",
            '"zon" does not occur',
        ),
    ],
)
def test_what_cannot_be_carried_out_is_an_error_at_its_amendment(
    tmp_path: Path, body: str, code: str, words: str
) -> None:
    path = _amendments(tmp_path, body + WHY)
    result = check_file(path)
    found = [d for d in result.errors if d.code == code]
    assert found, [d.format() for d in result.diagnostics]
    assert words in found[0].message
    assert found[0].path == str(path) and found[0].position is not None
    assert found[0].position.line >= 7


def test_quoted_words_that_occur_twice_are_refused() -> None:
    from drafter.document.amendments import WordChange
    from drafter.document.diagnostics import Position
    from drafter.resolve.apply import changed_words

    change = WordChange(Position("x", 1, 1), replace="de", by="het")
    problem = changed_words("de man en de vrouw", change)
    assert not isinstance(problem, str) and "occurs 2 times" in problem.message
    # Whole words only: "eer" is not in "meer".
    change = WordChange(Position("x", 1, 1), replace="eer", by="ook")
    assert not isinstance(changed_words("meer", change), str)


def test_missing_justification_and_overlap_are_errors(tmp_path: Path) -> None:
    path = _amendments(
        tmp_path,
        """\
  - delete: request 1
    justification: {nl: "", fr: Parce que.}
  - replace: request 1, subparagraph a)
    text: {nl: x, fr: y}
""" + WHY,
    )
    result = check_file(path)
    codes = sorted(d.code for d in result.errors)
    assert codes == ["amendment-overlap", "missing-justification"]
    overlap = next(d for d in result.errors if d.code == "amendment-overlap")
    assert "which amendment 1 (line 7) leaves out" in overlap.message


# Carried out.


ONE_OF_EACH = """\
  - replace: title
    words:
      nl: {replace: proef, by: test}
      fr: {replace: essai, by: test}
  - replace: consideration A
    text: {nl: overwegende dat het stormt;, fr: considérant qu’il tonne;}
  - insert: consideration A/1
    id: inserted
    text:
      nl: "overwegende dat [@second-request] telt:"
      fr: "considérant que [@second-request] compte:"
    items:
      - {nl: één;, fr: un;}
  - replace: consideration B, item 2°
    words:
      nl: {delete: het}
      fr: {after: il, insert: encore}
  - delete: request 1, subparagraph a)
  - insert: request 1, subparagraph b/1)
    id: sub-new
    text: {nl: nog iets doet;, fr: fasse encore autre chose;}
  - replace: request 2
    words:
      nl: {replace: "subparagrafen [@sub-a] en [@sub-b]", by: "subparagraaf [@sub-b]"}
      fr: {replace: "sous-paragraphes [@sub-a] et [@sub-b]", by: "sous-paragraphe [@sub-b]"}
"""


def _justified(body: str) -> str:
    return body.replace("\n  - ", "\n" + WHY + "  - ") + WHY


def test_one_amendment_of_each_kind_is_carried_out(tmp_path: Path) -> None:
    path = _amendments(tmp_path, _justified(ONE_OF_EACH))
    assert check_file(path).errors == []
    amended = apply_file(path).resolution
    assert amended.title.nl.value == "over de test"
    assert [c.label for c in amended.considerations] == ["A.", "A/1.", "B."]
    assert amended.considerations[0].text.fr.value == "considérant qu’il tonne;"
    assert amended.considerations[1].items[0].label == "1°"
    assert amended.considerations[2].items[1].text.nl.value == "sneeuwt;"
    assert amended.considerations[2].items[1].text.fr.value == "il encore neige;"
    subparagraphs = amended.requests.items[0].subparagraphs
    # Sub-paragraph a) is gone, and b) keeps its letter while the amendments are pending.
    assert [s.label for s in subparagraphs] == ["b)", "b/1)"]
    request = amended.requests.items[1]
    assert request.text.nl.value.startswith("de subparagraaf [@sub-b] van verzoek")
    # The text as written, read back, is the same resolution.
    written = tmp_path / "amended.yaml"
    written.write_text(apply_file(path).text, encoding="utf-8")
    reread = drafter.load(written)
    assert [s.label for s in reread.requests.items[0].subparagraphs] == ["b)", "b/1)"]
    assert differences(amended, written) == []
    adopted = drafter.load(written, renumber=True)
    assert [s.label for s in adopted.requests.items[0].subparagraphs] == ["a)", "b)"]
    assert adopted.considerations[1].text.inlines["nl"][1].label == "2"
    assert adopted.requests.items[1].text.inlines["nl"][1].label == "a)"


def test_a_reference_to_a_block_left_out_is_an_error(tmp_path: Path) -> None:
    path = _amendments(tmp_path, "  - delete: request 1, subparagraph a)\n" + WHY)
    errors = check_file(path).errors
    assert [d.code for d in errors] == ["unknown-reference"]
    assert "request 2 still refers to [@sub-a]" in errors[0].message
    assert "amendment 1 leaves out" in errors[0].message
    # In an item of the operative part too (only the memorandum keeps the filed label).
    filed = tmp_path / "with-item-reference.yaml"
    filed.write_text(
        MINIMAL.read_text(encoding="utf-8")
        .replace("het waait;", "zie [@sub-a];")
        .replace("il vente;", "voir [@sub-a];"),
        encoding="utf-8",
    )
    path = _amendments(tmp_path, "  - delete: request 1, subparagraph a)\n" + WHY, filed=filed)
    errors = check_file(path).errors
    assert [d.code for d in errors] == ["unknown-reference", "unknown-reference"]
    assert any("item 1° still refers to [@sub-a]" in d.message for d in errors)


def test_the_flagship_amended_by_hand_equals_the_wanted_text(tmp_path: Path) -> None:
    wanted_text = FLAGSHIP.read_text(encoding="utf-8").replace(
        "staatsweeshuizen", "staatsinstellingen"
    )
    wanted_text = wanted_text.replace("orphelinats ou internats", "institutions ou internats")
    wanted = tmp_path / "wanted.yaml"
    wanted.write_text(wanted_text, encoding="utf-8")
    path = _amendments(
        tmp_path,
        """\
  - replace: consideration B
    words:
      nl: {replace: staatsweeshuizen, by: staatsinstellingen}
      fr: {replace: orphelinats, by: institutions}
""" + WHY,
        filed=FLAGSHIP,
    )
    amended = apply_file(path).resolution
    assert differences(amended, wanted) == []
    assert differences(amended, FLAGSHIP) != []


def test_drafter_apply_writes_the_amended_text_and_proves_it(tmp_path: Path) -> None:
    path = _amendments(tmp_path, _justified(ONE_OF_EACH))
    runner = CliRunner()
    out = tmp_path / "out.yaml"
    result = runner.invoke(app, ["apply", str(tmp_path / "filed.yaml"), str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "label: A/1" in out.read_text(encoding="utf-8")
    result = runner.invoke(app, ["apply", str(path), "--expect", str(out)])
    assert result.exit_code == 0 and "equals it" in result.output
    result = runner.invoke(app, ["apply", str(path), "--expect", str(tmp_path / "filed.yaml")])
    assert result.exit_code == 1 and "differs" in result.output


def test_drafter_apply_refuses_words_no_longer_there_and_writes_nothing(tmp_path: Path) -> None:
    path = _amendments(
        tmp_path,
        "  - replace: consideration A\n    words:\n      nl: {replace: zon, by: maan}\n"
        "      fr: {replace: pleut, by: tonne}\n" + WHY,
    )
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(app, ["apply", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert 'amendments.yaml:9:' in result.output and '"zon" does not occur' in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_load_refuses_the_wrong_kind_of_file(tmp_path: Path) -> None:
    path = _amendments(tmp_path, "  - delete: request 2\n" + WHY)
    with pytest.raises(DrafterError, match="holds amendments"):
        drafter.load(path)


def test_the_memorandum_keeps_the_filed_label_of_a_block_left_out(tmp_path: Path) -> None:
    path = _amendments(
        tmp_path,
        "  - delete: request 2\n" + WHY,
    )
    applied = apply_file(path)
    paragraph = applied.resolution.memorandum.sections[0].paragraphs[0]
    assert paragraph.text.nl.value == "Zie verzoek \\2."
    written = tmp_path / "amended.yaml"
    written.write_text(applied.text, encoding="utf-8")
    assert check_file(written).errors == []


def test_a_misspelt_target_and_a_missing_filed_file_say_what_to_write(tmp_path: Path) -> None:
    path = _amendments(
        tmp_path,
        "  - replace: requets 2\n    text: {nl: x, fr: y}\n" + WHY
        + "  - replace: request 1 a)\n    text: {nl: x, fr: y}\n" + WHY,
    )
    messages = [d.message for d in check_file(path).errors]
    assert "'requets' is not a kind of block; did you mean 'request'?" in messages[0]
    assert "separate the blocks with a comma" in messages[1]
    (tmp_path / "filed.yaml").unlink()
    errors = check_file(path).errors
    assert [d.code for d in errors] == ["unreadable-file"]
    assert errors[0].path == str(path) and errors[0].position is not None
    assert "that 'amends' names" in errors[0].message


def test_fixed_labels_stand_in_the_docx_as_in_the_pdf(tmp_path: Path) -> None:
    """Word cannot count C/1: a list with fixed labels carries them as text, and a list
    without keeps Word's own numbering."""
    import io
    import zipfile

    from drafter.render.docx.writer import render_docx

    resolution = drafter.load(_with_considerations(tmp_path, ["B/1", "", "E"]))
    document = zipfile.ZipFile(io.BytesIO(render_docx(resolution))).read("word/document.xml")
    text = re.sub(r"<[^>]+>", "", document.decode("utf-8"))
    for label in ("A. overwegende", "B/1. overwegende", "C. overwegende", "E. overwegende"):
        assert label in text
    assert "1. de regering te vragen" not in text  # requests keep native numbering
    assert b"<w:numPr>" in document
