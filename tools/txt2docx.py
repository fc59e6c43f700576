#!/usr/bin/env python3
"""Writes a plain-text contract as a .docx, for the DOCX versions in corpus/.

One paragraph per non-empty line. By default clause numbers stay literal text,
as in many real Word contracts. With --scheme, lines that start with the
scheme's numbers become real Word list paragraphs instead: the number is taken
out of the text and w:numPr points at a numbering definition whose lvlText
renders it, so the parser has to compute the label as Word would.

Schemes (two levels, the second restarting under each first-level item):
  zh-article   第%1条 (chineseCounting) / %2. (decimal)
  zh-article-paren  第%1条 (chineseCounting) / （%2） (chineseCounting)
  en-article   ARTICLE %1 (decimal) / Section %1.%2 (decimal)

Only the Python standard library is used; the output is deterministic
(fixed timestamps), so regenerated files are byte-identical.
  tools/txt2docx.py corpus/contracts/zh-caigou-hetong.txt out.docx --scheme zh-article
"""
import argparse
import re
import sys
import zipfile
from xml.sax.saxutils import escape

ZH_NUM = "零一二三四五六七八九十百"
SCHEMES = {
    "zh-article": [
        (re.compile(r"^第[一二三四五六七八九十百零]+条\s*"), "第%1条", "chineseCounting", "space"),
        (re.compile(r"^\d+\.(?!\d)\s*"), "%2.", "decimal", "space"),
    ],
    "zh-article-paren": [
        (re.compile(r"^第[一二三四五六七八九十百零]+条\s*"), "第%1条", "chineseCounting", "space"),
        (re.compile(r"^（[一二三四五六七八九十]+）\s*"), "（%2）", "chineseCounting", "nothing"),
    ],
    "en-article": [
        (re.compile(r"^ARTICLE \d+\s*"), "ARTICLE %1", "decimal", "space"),
        (re.compile(r"^Section \d+\.\d+\s*"), "Section %1.%2", "decimal", "space"),
    ],
}

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED_DATE = (2026, 1, 1, 0, 0, 0)


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def write_package(output, document_xml, extras=()):
    """Writes a .docx: word/document.xml and `extras`, each a tuple (part name
    under word/, content type suffix after MAIN_TYPE + ".", relationship type,
    content), related from the document as rId1, rId2, ... in order."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    overrides = f'<Override PartName="/word/document.xml" ContentType="{MAIN_TYPE}.document.main+xml"/>'
    rels = ""
    for i, (name, type_suffix, rel_type, _) in enumerate(extras, 1):
        overrides += f'<Override PartName="/{name}" ContentType="{MAIN_TYPE}.{type_suffix}+xml"/>'
        rels += f'<Relationship Id="rId{i}" Type="{rel_type}" Target="{name[len("word/"):]}"/>'
    parts = {
        "[Content_Types].xml":
            head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + overrides + "</Types>",
        "_rels/.rels":
            head + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        "word/_rels/document.xml.rels":
            head + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + rels + "</Relationships>",
        "word/document.xml": document_xml,
    }
    for name, _, _, content in extras:
        parts[name] = content
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content.encode("utf-8"))


def paragraph(text, level=None):
    ppr = ""
    if level is not None:
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def numbering_xml(scheme):
    levels = []
    for ilvl, (_, text, fmt, suffix) in enumerate(SCHEMES[scheme]):
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{escape(text)}"/></w:lvl>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def convert(text, scheme):
    body = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        level = None
        if scheme:
            for ilvl, (pattern, _, _, _) in enumerate(SCHEMES[scheme]):
                m = pattern.match(line)
                if m:
                    level, line = ilvl, line[m.end():]
                    break
        body.append(paragraph(line, level))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}'
            f'<w:sectPr/></w:body></w:document>')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--scheme", choices=sorted(SCHEMES))
    args = ap.parse_args()
    text = open(args.input, encoding="utf-8").read()
    extras = []
    if args.scheme:
        extras.append(("word/numbering.xml", "numbering", REL + "numbering",
                       numbering_xml(args.scheme)))
    write_package(args.output, convert(text, args.scheme), extras)
    return 0


if __name__ == "__main__":
    sys.exit(main())
