"""Raw WordprocessingML: the XML that python-docx has no API for, and nothing else.

In: plain values (texts, language tags such as "nl-BE", footnote and numbering ids, formats)
and the python-docx parts or elements to attach them to. Out: lxml elements of python-docx's
own element classes (so `docx.text.paragraph.Paragraph` and friends can wrap them), or parts
related to the document part. Like python-docx's `oxml` layer, this module knows how Word
spells things, never what a resolution contains: the writer decides what goes where.

Word is strict about the order of child elements (the schema's `xsd:sequence`), so every
insertion into an existing properties element goes through `_insert` with the schema's order.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable, Sequence

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import nsdecls
from docx.oxml.ns import qn as _docx_qn
from docx.oxml.parser import OxmlElement, parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

Element = BaseOxmlElement | etree._Element

# Child order of w:pPr, w:rPr and w:tblPr (ECMA-376 Part 1, CT_PPrBase, CT_RPr, CT_TblPr).
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip
# Child order of the w:rPr of a paragraph mark (CT_ParaRPr): its tracked changes come first.
PARA_RPR_ORDER = ("w:ins", "w:del", "w:moveFrom", "w:moveTo", *RPR_ORDER, "w:rPrChange")
TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
    "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
    "w:tblDescription",
)  # fmt: skip
# Child order of w:style (CT_Style).
STYLE_ORDER = (
    "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
    "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked",
    "w:personal", "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr", "w:rPr",
    "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr",
)  # fmt: skip
# The part of CT_Settings' order that matters for the elements set here.
SETTINGS_ORDER = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
    "w:removeDateAndTime", "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape",
    "w:printPostScriptOverText", "w:printFractionalCharacterWidth", "w:printFormsData",
    "w:embedTrueTypeFonts", "w:embedSystemFonts", "w:saveSubsetFonts", "w:saveFormsData",
    "w:mirrorMargins", "w:alignBordersAndEdges", "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign",
    "w:attachedTemplate", "w:linkStyles", "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod", "w:documentType", "w:mailMerge", "w:revisionView",
    "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting",
    "w:documentProtection", "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet",
    "w:defaultTabStop", "w:autoHyphenation", "w:consecutiveHyphenLimit",
    "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength",
    "w:clickAndTypeStyle", "w:defaultTableStyle", "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting", "w:bookFoldPrinting", "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin", "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin", "w:doNotShadeFormData", "w:noPunctuationKerning",
    "w:characterSpacingControl", "w:printTwoOnOne", "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr",
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
    "w:themeFontLang", "w:clrSchemeMapping",
)  # fmt: skip

# python-docx's qn splits its argument on every call; names repeat thousands of times.
qn = functools.cache(_docx_qn)

_W_VAL = qn("w:val")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _new(tag: str, attributes: dict[str, str] | None = None) -> Element:
    """A loose element of python-docx's class for `tag`; attribute names are prefixed."""
    element = OxmlElement(tag)
    for name, value in (attributes or {}).items():
        element.set(qn(name), value)
    return element


def _add(parent: Element, tag: str, attributes: dict[str, str] | None = None) -> Element:
    """Append a new child (for elements built here from scratch, in schema order)."""
    child = etree.SubElement(parent, qn(tag))
    for name, value in (attributes or {}).items():
        child.set(qn(name), value)
    return child


@functools.cache
def _successors(order: tuple[str, ...], tag: str) -> frozenset[str]:
    """The qualified names that come after `tag` in `order` (none if `tag` is not in it)."""
    names = [qn(name) for name in order]
    return frozenset(names[names.index(tag) + 1 :] if tag in names else ())


def _insert(parent: Element, child: Element, order: tuple[str, ...]) -> Element:
    """Put `child` in `parent` at its place in `order`, replacing one of the same tag."""
    tag = child.tag
    for old in parent.findall(tag):
        parent.remove(old)
    successors = _successors(order, tag)
    for index, existing in enumerate(parent):
        if existing.tag in successors:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def _properties(parent: Element, tag: str, first_children: Sequence[str] = ()) -> Element:
    """The properties child (w:pPr, w:rPr, …) of `parent`, created as its first child."""
    found = parent.find(qn(tag))
    if found is None:
        found = _new(tag)
        before = {qn(name) for name in first_children}
        index = 0
        while index < len(parent) and parent[index].tag in before:
            index += 1
        parent.insert(index, found)
    return found


# --- Runs -------------------------------------------------------------------------------------


def _run_properties(
    run: Element,
    language: str,
    *,
    style: str | None = None,
    bold: bool = False,
    italic: bool = False,
) -> None:
    properties = _add(run, "w:rPr")
    if style:
        _add(properties, "w:rStyle", {"w:val": style})
    if bold:
        _add(properties, "w:b")
    if italic:
        _add(properties, "w:i")
    _add(properties, "w:lang", {"w:val": language})


def text_run(
    text: str,
    language: str,
    *,
    bold: bool = False,
    italic: bool = False,
    style: str | None = None,
) -> Element:
    """`<w:r>` with the text, marked with its language (so Word checks its spelling)."""
    run = _new("w:r")
    _run_properties(run, language, style=style, bold=bold, italic=italic)
    _add(run, "w:t").text = text
    run[-1].set(_XML_SPACE, "preserve")
    return run


def tab_run(language: str, *, style: str | None = None) -> Element:
    """A run holding one tab character, for tab stops in headers, footers and the cover."""
    run = _new("w:r")
    _run_properties(run, language, style=style)
    _add(run, "w:tab")
    return run


def field_runs(instruction: str, result: str, language: str) -> list[Element]:
    """A complex field (`PAGE`, …): begin, instruction, separate, cached result, end.

    The cached result is what a reader sees until the application updates the field; Word
    and LibreOffice update PAGE on every layout.
    """
    runs: list[Element] = []
    for kind in ("begin", "instruction", "separate", "result", "end"):
        run = _new("w:r")
        _run_properties(run, language)
        if kind == "instruction":
            child = _add(run, "w:instrText")
            child.text = f" {instruction} "
            child.set(_XML_SPACE, "preserve")
        elif kind == "result":
            _add(run, "w:t").text = result
        else:
            _add(run, "w:fldChar", {"w:fldCharType": kind})
        runs.append(run)
    return runs


def footnote_reference_run(
    footnote_id: int, mark: str | None, language: str, style: str
) -> Element:
    """A footnote call: numbered by the application when `mark` is None, else showing `mark`.

    A call numbered by the application (Word and LibreOffice count such calls in document
    order) renumbers itself when a note is added or removed before it, so a redline need not
    touch it. A call with a custom mark (`w:customMarkFollows`: the text following the
    reference in the same run is the mark) shows drafter's number whatever comes before it;
    it does not count in the application's numbering (ECMA-376 Part 1, 17.11.14), so the
    notes of the column numbered by the application keep 1, 2, 3 …
    """
    run = _new("w:r")
    _run_properties(run, language, style=style)
    if mark is None:
        _add(run, "w:footnoteReference", {"w:id": str(footnote_id)})
        return run
    _add(run, "w:footnoteReference", {"w:customMarkFollows": "1", "w:id": str(footnote_id)})
    # One w:t per character: Word reads them as one text, and LibreOffice (7.4) takes only
    # single characters as the mark, printing a longer text again after it ("8585").
    for character in mark:
        _add(run, "w:t").text = character
    return run


def footnote_mark_run(language: str, style: str) -> Element:
    """The note's own mark at the start of its text (`w:footnoteRef`): the number the
    application gives the call, or the call's custom mark ("the display of the mark is
    specified via the footnoteRef element", 17.11.14). LibreOffice draws the mark of every
    note itself and skips this element; a mark typed as text there it shows twice."""
    run = _new("w:r")
    _run_properties(run, language, style=style)
    _add(run, "w:footnoteRef")
    return run


def hyperlink(relationship_id: str, runs: Iterable[Element]) -> Element:
    """`<w:hyperlink>` around `runs`, pointing at an external relationship of the part."""
    link = _new("w:hyperlink", {"r:id": relationship_id, "w:history": "1"})
    link.extend(runs)
    return link


# --- Paragraphs -------------------------------------------------------------------------------


def paragraph_language(paragraph: Element, language: str) -> None:
    """Mark the paragraph mark (and so the list label Word draws with it) with a language."""
    ppr = _properties(paragraph, "w:pPr")
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = _insert(ppr, _new("w:rPr"), PPR_ORDER)
    _insert(rpr, _new("w:lang", {"w:val": language}), RPR_ORDER)


def number_paragraph(paragraph: Element, num_id: int, level: int = 0) -> None:
    """Make the paragraph an item of the numbered list `num_id` (a `w:num` instance)."""
    ppr = _properties(paragraph, "w:pPr")
    numbering = _new("w:numPr")
    _add(numbering, "w:ilvl", {"w:val": str(level)})
    _add(numbering, "w:numId", {"w:val": str(num_id)})
    _insert(ppr, numbering, PPR_ORDER)


def number_style(style: Element, num_id: int) -> None:
    """Make a paragraph style number its paragraphs in the list `num_id` (a `w:num`)."""
    properties = _properties(style, "w:pPr", STYLE_ORDER[: STYLE_ORDER.index("w:pPr")])
    numbering = _new("w:numPr")
    _add(numbering, "w:numId", {"w:val": str(num_id)})
    _insert(properties, numbering, PPR_ORDER)


def page_break_before(paragraph_properties: Element) -> None:
    """`w:pageBreakBefore` in a w:pPr (a paragraph's or a style's)."""
    _insert(paragraph_properties, _new("w:pageBreakBefore"), PPR_ORDER)


def suppress_auto_hyphens(paragraph_properties: Element) -> None:
    """`w:suppressAutoHyphens` in a w:pPr: headings are not hyphenated."""
    _insert(paragraph_properties, _new("w:suppressAutoHyphens"), PPR_ORDER)


def bottom_border(paragraph_properties: Element, size_eighths: int, space_points: int) -> None:
    """A single black line under a paragraph (`w:pBdr/w:bottom`)."""
    border = _new("w:pBdr")
    _add(
        border,
        "w:bottom",
        {
            "w:val": "single",
            "w:sz": str(size_eighths),
            "w:space": str(space_points),
            "w:color": "000000",
        },
    )
    _insert(paragraph_properties, border, PPR_ORDER)


def character_spacing(run_properties: Element, twips: int) -> None:
    """Letter spacing (`w:spacing` in a w:rPr), in twentieths of a point."""
    _insert(run_properties, _new("w:spacing", {"w:val": str(twips)}), RPR_ORDER)


def properties_of(element: Element, tag: str) -> Element:
    """The w:pPr or w:rPr of a style (or the w:pPr of a paragraph), created if missing."""
    return _properties(element, tag, STYLE_ORDER[: STYLE_ORDER.index(tag)])


# --- Tables -----------------------------------------------------------------------------------


def table_geometry(table: Element, column_widths: Sequence[int], cell_margin: int) -> None:
    """Fixed column widths, cell margins left and right, and the table pulled to the left by
    one margin so that the text of the first column starts at the page margin.

    Word 2013+ (compatibility mode 15) and LibreOffice measure `w:tblInd` to the cell edge.
    """
    properties = table.find(qn("w:tblPr"))
    _insert(
        properties, _new("w:tblW", {"w:w": str(sum(column_widths)), "w:type": "dxa"}), TBLPR_ORDER
    )
    _insert(properties, _new("w:tblInd", {"w:w": str(-cell_margin), "w:type": "dxa"}), TBLPR_ORDER)
    _insert(properties, _new("w:tblLayout", {"w:type": "fixed"}), TBLPR_ORDER)
    margins = _new("w:tblCellMar")
    for side, width in (("top", 0), ("left", cell_margin), ("bottom", 0), ("right", cell_margin)):
        _add(margins, f"w:{side}", {"w:w": str(width), "w:type": "dxa"})
    _insert(properties, margins, TBLPR_ORDER)
    for column, width in zip(table.find(qn("w:tblGrid")), column_widths, strict=True):
        column.set(qn("w:w"), str(width))


# --- Tracked changes -------------------------------------------------------------------------


def revision(kind: str, revision_id: int, author: str, date: str) -> Element:
    """`<w:ins>` or `<w:del>` (`kind` "ins" or "del"): a tracked change by `author` at `date`
    (ISO 8601), for runs to go in, or to mark a paragraph mark or a table row with; or
    `<w:pPrChange>` ("pPrChange"), for `track_paragraph_formatting`.

    `revision_id` must be unique in the document: Word keeps one count for the revisions of
    the body, the footnotes, the headers and the footers.
    """
    return _new(f"w:{kind}", {"w:id": str(revision_id), "w:author": author, "w:date": date})


def delete_text(run: Element) -> Element:
    """A run's text as deleted text: inside `w:del`, Word reads `w:delText`, not `w:t`."""
    for text in run.iter(qn("w:t")):
        text.tag = qn("w:delText")
    for instruction in run.iter(qn("w:instrText")):
        instruction.tag = qn("w:delInstrText")
    return run


def track_paragraph_mark(paragraph: Element, mark: Element) -> None:
    """Mark a paragraph's mark as inserted or deleted (`mark` from `revision`): accepting a
    deleted mark (or rejecting an inserted one) takes the paragraph away."""
    ppr = _properties(paragraph, "w:pPr")
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = _insert(ppr, _new("w:rPr"), PPR_ORDER)
    _insert(rpr, mark, PARA_RPR_ORDER)


# What a paragraph's w:pPr holds besides its formatting (CT_PPrBase): the paragraph mark's
# run properties, a section break, and a tracked change of the formatting itself.
_NOT_FORMATTING = frozenset(qn(name) for name in ("w:rPr", "w:sectPr", "w:pPrChange"))


def paragraph_formatting(paragraph: Element) -> list[Element]:
    """The formatting children of a paragraph's w:pPr (style, numbering, spacing, …)."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        return []
    return [child for child in properties if child.tag not in _NOT_FORMATTING]


def same_formatting(first: Sequence[Element], second: Sequence[Element]) -> bool:
    """Whether two lists of w:pPr children (from `paragraph_formatting`) are equal."""
    return [etree.tostring(child, method="c14n", exclusive=True) for child in first] == [
        etree.tostring(child, method="c14n", exclusive=True) for child in second
    ]


def track_paragraph_formatting(paragraph: Element, old: Sequence[Element], mark: Element) -> None:
    """Record a tracked change of a paragraph's formatting: `mark` is a `w:pPrChange` (from
    `revision`), and `old` the formatting before the change (from `paragraph_formatting`):
    Accept All keeps the paragraph's w:pPr as it is, Reject All puts `old` in its place."""
    properties = _properties(paragraph, "w:pPr")
    before = _add(mark, "w:pPr")
    for child in old:
        before.append(copy.deepcopy(child))
    _insert(properties, mark, PPR_ORDER)


def track_row(row: Element, mark: Element) -> None:
    """Mark a table row (`w:tr`) as inserted or deleted (`mark` from `revision`)."""
    properties = row.find(qn("w:trPr"))
    if properties is None:
        properties = _new("w:trPr")
        exceptions = row.find(qn("w:tblPrEx"))
        row.insert(0 if exceptions is None else 1, properties)
    properties.append(mark)  # w:ins and w:del come after every other row property


def track_revisions(settings: Element) -> None:
    """`w:trackRevisions` in settings.xml: Word and LibreOffice open the document with
    Track Changes on, so what a reader edits in it is tracked too."""
    _insert(settings, _new("w:trackRevisions"), SETTINGS_ORDER)


# --- Footnotes --------------------------------------------------------------------------------


def add_footnotes_part(document_part: Part) -> XmlPart:
    """A new `/word/footnotes.xml`, related to the document part, holding the separator and
    continuation separator Word requires (ids -1 and 0; notes count from 1)."""
    separators = "".join(
        f'<w:footnote w:type="{kind}" w:id="{number}"><w:p><w:pPr>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:r><w:{kind}/></w:r></w:p></w:footnote>"
        for number, kind in ((-1, "separator"), (0, "continuationSeparator"))
    )
    element = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{separators}</w:footnotes>")
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    return part


def add_footnote(footnotes: XmlPart, footnote_id: int, style: str, language: str) -> Element:
    """A new `w:footnote` with one empty paragraph of `style`; returns the paragraph."""
    footnote = _add(footnotes.element, "w:footnote", {"w:id": str(footnote_id)})
    paragraph = _add(footnote, "w:p")
    ppr = _add(paragraph, "w:pPr")
    _add(ppr, "w:pStyle", {"w:val": style})
    _add(_add(ppr, "w:rPr"), "w:lang", {"w:val": language})
    return paragraph


def bookmark(paragraph: Element, start: int, bookmark_id: int, name: str) -> None:
    """A bookmark `name` from the paragraph's child at index `start` to its end."""
    paragraph.insert(start, _new("w:bookmarkStart", {"w:id": str(bookmark_id), "w:name": name}))
    _add(paragraph, "w:bookmarkEnd", {"w:id": str(bookmark_id)})


def footnote_settings(settings: Element) -> None:
    """`w:footnotePr` in settings.xml: names the separator footnotes, as Word writes it."""
    properties = _new("w:footnotePr")
    for number in ("-1", "0"):
        _add(properties, "w:footnote", {"w:id": number})
    _insert(settings, properties, SETTINGS_ORDER)


# --- Numbering --------------------------------------------------------------------------------

# numbering.Style.counter → ST_NumberFormat.
NUMBER_FORMATS = {
    "upper-letter": "upperLetter",
    "lower-letter": "lowerLetter",
    "decimal": "decimal",
}


def add_abstract_num(
    numbering: Element, abstract_id: int, nsid: int, name: str, counter: str, suffix: str
) -> None:
    """A one-level list definition: "%1." upper letters, "%1)" lower letters, "%1°" …

    The label is followed by a space and sits on the first line with the text, as in the
    PDF. The schema puts every `w:abstractNum` before the first `w:num`.
    """
    definition = _new("w:abstractNum", {"w:abstractNumId": str(abstract_id)})
    _add(definition, "w:nsid", {"w:val": f"{nsid:08X}"})
    _add(definition, "w:multiLevelType", {"w:val": "singleLevel"})
    _add(definition, "w:name", {"w:val": name})
    level = _add(definition, "w:lvl", {"w:ilvl": "0"})
    _add(level, "w:start", {"w:val": "1"})
    _add(level, "w:numFmt", {"w:val": NUMBER_FORMATS[counter]})
    _add(level, "w:suff", {"w:val": "space"})
    _add(level, "w:lvlText", {"w:val": f"%1{suffix}"})
    _add(level, "w:lvlJc", {"w:val": "left"})
    _add(_add(level, "w:pPr"), "w:ind", {"w:left": "0", "w:firstLine": "0"})
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(definition)
    else:
        first_num.addprevious(definition)


def add_num(numbering: Element, num_id: int, abstract_id: int) -> None:
    """A list instance of a definition that counts on its own from 1.

    Without `w:startOverride`, Word continues one count across all instances of the same
    definition; with it, each instance (each column, each enumeration) starts again.
    """
    instance = _add(numbering, "w:num", {"w:numId": str(num_id)})
    _add(instance, "w:abstractNumId", {"w:val": str(abstract_id)})
    override = _add(instance, "w:lvlOverride", {"w:ilvl": "0"})
    _add(override, "w:startOverride", {"w:val": "1"})


def numbering_ids(numbering: Element) -> tuple[int, int]:
    """The next free abstractNumId and numId of a numbering part."""
    abstract = [int(e.get(qn("w:abstractNumId"))) for e in numbering.findall(qn("w:abstractNum"))]
    nums = [int(e.get(qn("w:numId"))) for e in numbering.findall(qn("w:num"))]
    return max(abstract, default=-1) + 1, max(nums, default=0) + 1


# --- Styles, settings and package properties -------------------------------------------------


def document_defaults(styles: Element, font: str, half_points: int, language: str) -> None:
    """Default font, size and language of the document (`w:docDefaults`).

    The theme font attributes go: in Word, `w:asciiTheme` wins over `w:ascii`.
    """
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = _new("w:rFonts")
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), font)
    _insert(rpr, fonts, RPR_ORDER)
    for tag in ("w:sz", "w:szCs"):
        _insert(rpr, _new(tag, {"w:val": str(half_points)}), RPR_ORDER)
    _insert(rpr, _new("w:lang", {"w:val": language}), RPR_ORDER)


def keep_only_lists(numbering: Element, used: set[str]) -> None:
    """Remove the list instances (`w:num`) whose ids are not in `used`, then the list
    definitions no instance uses: python-docx's template defines lists for its List Bullet
    and List Number styles, which drafter does not use."""
    for instance in numbering.findall(qn("w:num")):
        if instance.get(qn("w:numId")) not in used:
            numbering.remove(instance)
    definitions = {element.get(_W_VAL) for element in numbering.iter(qn("w:abstractNumId"))}
    for definition in numbering.findall(qn("w:abstractNum")):
        if definition.get(qn("w:abstractNumId")) not in definitions:
            numbering.remove(definition)


def list_references(part: Element) -> set[str]:
    """The ids of the list instances a part's paragraphs (or styles) are numbered with."""
    return {element.get(_W_VAL) for element in part.iter(qn("w:numId"))}


STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink")


def style_references(part: Element) -> set[str]:
    """The style ids an XML part refers to (paragraphs, runs, tables, list definitions)."""
    tags = {qn(tag) for tag in STYLE_REFERENCES}
    return {element.get(_W_VAL) for element in part.iter(*tags)}


def keep_only_styles(styles: Element, used: set[str]) -> None:
    """Remove every style that nothing uses: not in `used` (style ids), not a document
    default (Word's Normal, Default Paragraph Font, Normal Table, No List), and not the
    base, linked or next style of one that stays. Word's latent style list stays: it only
    tells Word how to show its built-in styles, which it lists whether they are in the file
    or not."""
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    keep = {style_id for style_id, style in by_id.items() if style.get(qn("w:default")) == "1"}
    pending = list(keep | (used & by_id.keys()))
    while pending:
        style_id = pending.pop()
        keep.add(style_id)
        for tag in ("w:basedOn", "w:link", "w:next"):
            for reference in by_id[style_id].findall(qn(tag)):
                target = reference.get(_W_VAL)
                if target in by_id and target not in keep:
                    pending.append(target)
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.remove(style)


def outline_level(paragraph_properties: Element, level: int) -> None:
    """`w:outlineLvl` in a w:pPr (0 is the top): the paragraph is a heading for Word's
    Navigation pane and tables of contents, and for LibreOffice's Navigator."""
    _insert(paragraph_properties, _new("w:outlineLvl", {"w:val": str(level)}), PPR_ORDER)


def settings_for_bilingual_text(settings: Element, language: str) -> None:
    """Settings of a document that Word should spell-check and hyphenate per language.

    The template's "proof state: clean" would tell Word the text was already checked, and its
    "save preview picture" asks for a thumbnail that drafter does not write; both go.
    Compatibility mode 15 (Word 2013 and later) fixes how table indents are measured.
    """
    for tag in ("w:proofState", "w:savePreviewPicture"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    _insert(settings, _new("w:autoHyphenation"), SETTINGS_ORDER)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for theme_language in settings.findall(qn("w:themeFontLang")):
        theme_language.set(_W_VAL, language)


def extended_properties(application: str) -> bytes:
    """docProps/app.xml naming the application that wrote the file (Word rewrites it)."""
    return (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/docPropsVTypes"><Application>'
        + application.encode()
        + b"</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        b"<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    )


def replace_extended_properties(package: object, application: str) -> None:
    """Swap the template's docProps/app.xml ("Microsoft Macintosh Word", 1 page) for ours."""
    rels = package.rels  # type: ignore[attr-defined]
    for rel_id, rel in list(rels.items()):
        if rel.reltype in (RT.EXTENDED_PROPERTIES, RT.THUMBNAIL):
            del rels[rel_id]
    part = Part(
        PackURI("/docProps/app.xml"),
        CT.OFC_EXTENDED_PROPERTIES,
        extended_properties(application),
        package,  # type: ignore[arg-type]
    )
    package.relate_to(part, RT.EXTENDED_PROPERTIES)  # type: ignore[attr-defined]
