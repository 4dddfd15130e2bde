"""Encodings of the DOCX body tried for LibreOffice's page fill (issue 11, point 5).

    python bench/pages/variants.py FLAGSHIP.docx OUTDIR NAME...

writes OUTDIR/NAME.docx for each variant NAME (see `variants`), made from drafter's DOCX by
rewriting its XML; measure them with bench/pages/measure.py. FINDINGS.md has the results."""

import re
import sys
import zipfile


def rewrite(src, dst, doc_fn=None, settings_fn=None):
    zin = zipfile.ZipFile(src)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml" and doc_fn:
                data = doc_fn(data.decode()).encode()
            if item.filename == "word/settings.xml" and settings_fn:
                data = settings_fn(data.decode()).encode()
            zout.writestr(item, data)


SEP = '<w:p><w:pPr><w:pStyle w:val="Separator"/></w:pPr></w:p>'
FINAL = re.compile(r"<w:sectPr[^>]*>.*?</w:sectPr>(?=</w:body>)", re.S)


def beneath(d):
    return FINAL.sub(
        lambda m: m.group(0).replace(
            "<w:cols", '<w:footnotePr><w:pos w:val="beneathText"/></w:footnotePr><w:cols'
        ),
        d,
    )


def section(d, cols='<w:cols w:space="720"/>'):
    """Body (from TOELICHTING on) in a continuous section of its own."""
    final = FINAL.search(d).group(0)
    # The cover's section ends before the first body table's separator (pageBreakBefore).
    i = d.find('<w:p><w:pPr><w:pStyle w:val="Separator"/><w:pageBreakBefore/></w:pPr></w:p>')
    assert i > 0
    cover_sect = final.replace("<w:titlePg/>", "<w:titlePg/>")
    # paragraph-level sectPr ending the cover section
    cover_p = (
        '<w:p><w:pPr><w:pStyle w:val="Separator"/><w:sectPr>'
        + re.sub(r"^<w:sectPr[^>]*>|</w:sectPr>$", "", cover_sect)
        + "</w:sectPr></w:pPr></w:p>"
    )
    body_sect = final.replace("<w:pgSz", '<w:type w:val="continuous"/><w:pgSz').replace(
        "<w:titlePg/>", ""
    )
    d = d[:i] + cover_p + d[i:]
    d = d.replace(final, body_sect)
    return d


variants = {
    "beneath": dict(doc_fn=beneath),
    "section": dict(doc_fn=section),
}


BODY_SEP = '<w:p><w:pPr><w:pStyle w:val="Separator"/></w:pPr></w:p>'


def perpart(d):
    return d.replace(BODY_SEP, "")


def body_tables(d):
    """Yield (start, end) of body tables (after the first page-break separator)."""
    i = d.find("<w:pageBreakBefore/>")
    return [m for m in re.finditer(r"<w:tbl>.*?</w:tbl>", d, re.S) if m.start() > i]


def floating(d):
    out, last = [], 0
    for m in body_tables(d):
        t = m.group(0).replace(
            "<w:tblPr>",
            '<w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:vertAnchor="text"'
            ' w:horzAnchor="margin" w:tblpY="1"/><w:tblOverlap w:val="never"/>',
            1,
        )
        out.append(d[last : m.start()])
        out.append(t)
        last = m.end()
    out.append(d[last:])
    return "".join(out)


def perrow(d):
    out, last = [], 0
    for m in body_tables(d):
        t = m.group(0)
        head = t[: t.find("<w:tr>")]
        rows = re.findall(r"<w:tr>.*?</w:tr>", t, re.S)
        out.append(d[last : m.start()])
        out.append(BODY_SEP.join(head + r + "</w:tbl>" for r in rows))
        last = m.end()
    out.append(d[last:])
    return "".join(out)


variants.update(
    perpart=dict(doc_fn=perpart), floating=dict(doc_fn=floating), perrow=dict(doc_fn=perrow)
)


def cantsplit(d):
    out, last = [], 0
    for m in body_tables(d):
        out.append(d[last : m.start()])
        out.append(m.group(0).replace("<w:tr>", "<w:tr><w:trPr><w:cantSplit/></w:trPr>"))
        last = m.end()
    out.append(d[last:])
    return "".join(out)


def section_perrow(d):
    return section(perrow(d))


variants.update(cantsplit=dict(doc_fn=cantsplit), section_perrow=dict(doc_fn=section_perrow))
variants.update(section_perpart=dict(doc_fn=lambda d: section(perpart(d))))


def alt_nosep(d):
    d = perrow(d).replace(BODY_SEP, "")
    n = [0]

    def f(m):
        n[0] += 1
        return (
            m.group(0)
            if n[0] % 2
            else m.group(0).replace('<w:tblInd w:w="-227"', '<w:tblInd w:w="-226"')
        )

    return re.sub(r"<w:tblPr>.*?</w:tblPr>", f, d, flags=re.S)


variants.update(perrow_alt_nosep=dict(doc_fn=alt_nosep))


def sections_each(d):
    final = FINAL.search(d).group(0)
    inner = re.sub(r"^<w:sectPr[^>]*>|</w:sectPr>$", "", final)
    cont = inner.replace("<w:pgSz", '<w:type w:val="continuous"/><w:pgSz').replace(
        "<w:titlePg/>", ""
    )
    d = section(d)
    return d.replace(
        BODY_SEP,
        '<w:p><w:pPr><w:pStyle w:val="Separator"/><w:sectPr>' + cont + "</w:sectPr></w:pPr></w:p>",
    )


variants.update(sections_each=dict(doc_fn=sections_each))


HOISTED = ("PartHeading", "SectionHeading", "RequestLead")


def headings(d):
    """A table's first row, when it is a heading, becomes one paragraph before the table:
    the Dutch text, a tab to where the right column's text starts, the French text; it takes
    the place of the separator paragraph before the table."""
    first_body = d.find("<w:pageBreakBefore/>")
    out, last = [], 0
    for m in re.finditer(r"<w:tbl>.*?</w:tbl>", d, re.S):
        if m.start() < first_body:
            continue
        table = m.group(0)
        row = re.search(r"<w:tr>.*?</w:tr>", table, re.S)
        cells = re.findall(r"<w:tc>.*?</w:tc>", row.group(0), re.S)
        style = re.search(r'<w:pStyle w:val="(\w+)"/>', cells[0]).group(1)
        if style not in HOISTED:
            continue
        paragraphs = [re.search(r"<w:p>.*?</w:p>", c, re.S).group(0) for c in cells]
        ppr = re.search(r"<w:pPr>.*?</w:pPr>", paragraphs[0], re.S).group(0)
        runs = [p[p.index("</w:pPr>") + 8 : -6] for p in paragraphs]
        before = d[last : m.start()]
        page_break = before.endswith(
            '<w:p><w:pPr><w:pStyle w:val="Separator"/><w:pageBreakBefore/></w:pPr></w:p>'
        )
        before = re.sub(
            r'<w:p><w:pPr><w:pStyle w:val="Separator"/>(<w:pageBreakBefore/>)?'
            r"</w:pPr></w:p>$",
            "",
            before,
        )
        tabs = '<w:tabs><w:tab w:val="left" w:pos="5273"/></w:tabs>'
        ppr = ppr.replace(
            "<w:rPr>", ("<w:pageBreakBefore/>" if page_break else "") + tabs + "<w:rPr>", 1
        )
        tab = '<w:r><w:rPr><w:lang w:val="nl-BE"/></w:rPr><w:tab/></w:r>'
        out += [
            before,
            "<w:p>" + ppr + runs[0] + tab + runs[1] + "</w:p>",
            table.replace(row.group(0), "", 1),
        ]
        last = m.end()
    out.append(d[last:])
    return "".join(out)


variants.update(headings=dict(doc_fn=headings))


if __name__ == "__main__":
    for name in sys.argv[3:]:
        rewrite(sys.argv[1], f"{sys.argv[2]}/{name}.docx", **variants[name])
