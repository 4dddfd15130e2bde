"""The inline markup: footnote calls, references, emphasis and escapes."""

from __future__ import annotations

from drafter.document.inline import Bold, FootnoteCall, Italic, Reference, Str
from drafter.source.markup import parse


def test_calls_references_and_emphasis() -> None:
    nodes, problems = parse("zie *de wet*[^law] en **verzoek** [@demands]")
    assert problems == []
    assert nodes == [
        Str("zie "),
        Italic([Str("de wet")]),
        FootnoteCall("law", 12),
        Str(" en "),
        Bold([Str("verzoek")]),
        Str(" "),
        Reference("demands", 34),
    ]


def test_backslash_makes_markup_characters_literal() -> None:
    nodes, problems = parse(r"RFI\*, \[^niet] en C:\\pad")
    assert problems == []
    assert nodes == [Str(r"RFI*, [^niet] en C:\pad")]


def test_plain_brackets_are_text() -> None:
    nodes, problems = parse("[en ligne] https://example.org")
    assert problems == [] and nodes == [Str("[en ligne] https://example.org")]


def test_nested_emphasis() -> None:
    nodes, problems = parse("**vet en *schuin***")
    assert problems == []
    assert nodes == [Bold([Str("vet en "), Italic([Str("schuin")])])]


def test_unclosed_markup_is_reported_with_its_offset() -> None:
    _, problems = parse("het **zware[^bron")
    assert [(p.offset, p.message.split(" ")[0]) for p in problems] == [
        (11, "the"),
        (4, "'**'"),
    ]


def test_invalid_id_is_reported() -> None:
    _, problems = parse("tekst[^Bron 1]")
    assert len(problems) == 1
    assert "'[^Bron 1]' is not a valid footnote call" in problems[0].message
