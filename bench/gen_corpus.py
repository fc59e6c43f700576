#!/usr/bin/env python3
"""Generates N realistic contracts for benchmarks, deterministic by seed.

Each contract is recombined from the clause material in corpus/contracts: the
title and parties of one source contract of its language, then whole articles
drawn from all sources of that language, renumbered, until the contract
reaches its page count (about 3,000 characters a page in English, 1,000 in
Chinese). Formats:
  docx  real WordprocessingML: styles, a header and a footer, article headings
        and their sub-clauses as Word list paragraphs (numbering.xml renders
        "ARTICLE 3" / "3.2" or 第三条 / 2.), the other paragraphs split into
        several runs (bold defined terms), and a table of charges
  xml   Akoma Ntoso (one <paragraph> per line), as tools/txt2xml.py --layout akn
  txt   UTF-8 text, one paragraph per line, numbers as literal text

The same --seed and options give byte-identical files (fixed zip timestamps).
Only the Python standard library is used. Write outside the repository:
  bench/gen_corpus.py /tmp/cc-corpus -n 1000 --seed 1
  bench/gen_corpus.py /tmp/cc-20p -n 1 --pages 20-20 --langs en --formats docx
"""
import argparse
import os
import random
import re
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCES = os.path.join(HERE, "..", "corpus", "contracts")
FIXED_DATE = (2026, 1, 1, 0, 0, 0)
CHARS_PER_PAGE = {"en": 3000, "zh": 1000}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Top-level headings of the source contracts, most specific first. The first
# pattern that finds at least three headings in a source splits it.
HEADINGS = {
    "en": [
        re.compile(r"^ARTICLE [0-9IVXL]+\b\s*"),
        re.compile(r"^Section \d+\.\s+"),
        re.compile(r"^\d+\.\s+(?=[A-Z])"),
    ],
    "zh": [
        re.compile(r"^第[一二三四五六七八九十百零]+条\s*"),
        re.compile(r"^[一二三四五六七八九十]+、\s*"),
        re.compile(r"^\d+\.\s*(?=[^\d\s])"),
    ],
}
# Sub-clauses inside an article: "1.2 ", "Section 1.2 ", "1.02 " (en); "1. " (zh).
SUB = {
    "en": re.compile(r"^(?:Section )?\d+\.\d+\.?\s+"),
    "zh": re.compile(r"^\d+\.(?!\d)\s*"),
}
ZH_DIGITS = "零一二三四五六七八九"


def zh_number(n):
    """Chinese counting numbers (1..9999): 十二, 二十, 一百零五, 一百一十."""
    if n < 10:
        return ZH_DIGITS[n]
    if n < 20:
        return "十" + (ZH_DIGITS[n - 10] if n > 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero:
                out += "零"
            out += ZH_DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


class Source:
    """One corpus contract: its opening lines and its articles (heading, body)."""

    def __init__(self, path, lang):
        lines = [l.strip() for l in open(path, encoding="utf-8").read().splitlines()]
        lines = [l for l in lines if l]
        pattern = None
        for p in HEADINGS[lang]:
            if sum(1 for l in lines if p.match(l)) >= 3:
                pattern = p
                break
        self.ok = pattern is not None
        if not self.ok:
            return
        self.preamble, self.articles = [], []
        for line in lines:
            m = pattern.match(line)
            if m:
                self.articles.append([line[m.end():], []])
            elif self.articles:
                self.articles[-1][1].append(line)
            else:
                self.preamble.append(line)
        # A heading alone on its line ("ARTICLE 1" then "DEFINITIONS") takes the next line.
        for art in self.articles:
            if not art[0] and art[1]:
                art[0] = art[1].pop(0)


def load_sources(directory, lang):
    sources = []
    for name in sorted(os.listdir(directory)):
        # Bilingual sources would mix both languages in one article.
        if name.startswith(lang + "-") and name.endswith(".txt") and "-zh-" not in name:
            s = Source(os.path.join(directory, name), lang)
            if s.ok and s.articles:
                sources.append(s)
    if not sources:
        sys.exit(f"gen_corpus: no {lang} source contracts with articles in {directory}")
    return sources


def build_contract(rng, sources, lang, pages):
    """A contract as a list of (kind, text): kind is title, para, heading, sub or table."""
    target = pages * CHARS_PER_PAGE[lang]
    head = rng.choice(sources)
    items = [("title", head.preamble[0])] + [("para", l) for l in head.preamble[1:]]
    pool = [a for s in sources for a in s.articles]
    size = sum(len(t) for _, t in items)
    article = 0
    table_at = rng.randrange(2, 6)
    while size < target:
        title, body = rng.choice(pool)
        article += 1
        items.append(("heading", title))
        for line in body:
            m = SUB[lang].match(line)
            if m:
                items.append(("sub", line[m.end():]))
            else:
                items.append(("para", line))
            size += len(line)
        size += len(title)
        if article == table_at:
            items.append(("table", ""))
    return items


def number_label(lang, article, sub):
    if lang == "en":
        return f"ARTICLE {article}" if sub is None else f"{article}.{sub}"
    return f"第{zh_number(article)}条" if sub is None else f"{sub}."


def numbered(items, lang):
    """The items with their clause numbers as literal text (txt, xml)."""
    out, article, sub = [], 0, 0
    for kind, text in items:
        if kind == "heading":
            article, sub = article + 1, 0
            out.append(f"{number_label(lang, article, None)} {text}")
        elif kind == "sub":
            sub += 1
            out.append(f"{number_label(lang, article, sub)} {text}")
        elif kind == "table":
            out.extend("\t".join(row) for row in table_rows(lang))
        else:
            out.append(text)
    return out


def table_rows(lang):
    if lang == "en":
        return [("Item", "Unit price", "Quantity", "Amount"),
                ("Managed services (monthly)", "USD 12,500.00", "12", "USD 150,000.00"),
                ("Implementation", "USD 40,000.00", "1", "USD 40,000.00"),
                ("Training day", "USD 1,800.00", "5", "USD 9,000.00")]
    return [("项目", "单价", "数量", "金额"),
            ("技术服务（月）", "人民币25,000.00元", "12", "人民币300,000.00元"),
            ("实施费", "人民币80,000.00元", "1", "人民币80,000.00元"),
            ("培训（天）", "人民币3,000.00元", "5", "人民币15,000.00元")]


def runs(text, rng):
    """A paragraph's text as Word runs: quoted defined terms bold, long text split."""
    parts = re.split(r'(["“][^"”]{1,60}["”])', text)
    out = []
    for part in parts:
        if not part:
            continue
        bold = part[0] in '"“'
        # Word splits runs at edits and spell-check marks; imitate it.
        pieces = [part] if bold or len(part) < 80 else re.split(r"(?<=[,;，；])", part)
        for piece in pieces:
            if not piece:
                continue
            rpr = "<w:rPr><w:b/></w:rPr>" if bold else (
                '<w:rPr><w:lang w:val="en-GB"/></w:rPr>' if rng.random() < 0.2 else "")
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def docx_paragraph(text, rng, style=None, level=None):
    ppr = ""
    if style or level is not None:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if level is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{runs(text, rng)}</w:p>"


def docx_table(lang, rng):
    rows = []
    for row in table_rows(lang):
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{docx_paragraph(c, rng)}</w:tc>'
            for c in row)
        rows.append(f"<w:tr>{cells}</w:tr>")
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            '</w:tblPr><w:tblGrid>' + '<w:gridCol w:w="2000"/>' * 4 + "</w:tblGrid>" +
            "".join(rows) + "</w:tbl>")


def numbering_xml(lang):
    if lang == "en":
        levels = [("ARTICLE %1", "decimal", "space"), ("%1.%2", "decimal", "tab")]
    else:
        levels = [("第%1条", "chineseCounting", "space"), ("%2.", "decimal", "space")]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="{suff}"/><w:lvlText w:val={quoteattr(text)}/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * i}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (text, fmt, suff) in enumerate(levels))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{lvls}'
            '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
          '<w:rPr><w:sz w:val="22"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
          '<w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
          '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>'
          '<w:rPr><w:b/></w:rPr></w:style>'
          '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>'
          '</w:styles>')


def docx_bytes(items, lang, rng, name):
    body = []
    for kind, text in items:
        if kind == "title":
            body.append(docx_paragraph(text, rng, style="Title"))
        elif kind == "heading":
            body.append(docx_paragraph(text, rng, style="Heading1", level=0))
        elif kind == "sub":
            body.append(docx_paragraph(text, rng, level=1))
        elif kind == "table":
            body.append(docx_table(lang, rng))
        else:
            body.append(docx_paragraph(text, rng))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>'
            '<w:footerReference w:type="default" r:id="rId4"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" '
            'w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(body)}{sect}'
                '</w:body></w:document>')
    header_text = "CONFIDENTIAL" if lang == "en" else "保密"
    footer_text = f"{name}"

    def part(root, text):
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:{root} xmlns:w="{W}"><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:{root}>')

    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{ct}.document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{ct}.styles+xml"/>'
            f'<Override PartName="/word/numbering.xml" ContentType="{ct}.numbering+xml"/>'
            f'<Override PartName="/word/header1.xml" ContentType="{ct}.header+xml"/>'
            f'<Override PartName="/word/footer1.xml" ContentType="{ct}.footer+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            "</Types>",
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>",
        "docProps/core.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{escape(items[0][1])}</dc:title><dc:creator>gen_corpus</dc:creator>"
            "</cp:coreProperties>",
        "word/_rels/document.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/numbering" Target="numbering.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/header" Target="header1.xml"/>'
            f'<Relationship Id="rId4" Type="{rel}/footer" Target="footer1.xml"/>'
            "</Relationships>",
        "word/document.xml": document,
        "word/styles.xml": STYLES,
        "word/numbering.xml": numbering_xml(lang),
        "word/header1.xml": part("hdr", header_text),
        "word/footer1.xml": part("ftr", footer_text),
    }
    return parts


def write_docx(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content.encode("utf-8"))


def akn_xml(lines):
    body = "".join(
        f'<paragraph eId="para_{i}"><content><p>{escape(l)}</p></content></paragraph>\n'
        for i, l in enumerate(lines[1:], 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n'
            '<act name="contract"><meta><identification source="#clausecheck"/></meta>\n'
            f'<preface><p eId="preface_p_1">{escape(lines[0])}</p></preface>\n'
            f'<body>\n{body}</body></act></akomaNtoso>\n')


def parse_range(s):
    m = re.fullmatch(r"(\d+)-(\d+)", s)
    if not m or int(m.group(1)) < 1 or int(m.group(1)) > int(m.group(2)):
        raise argparse.ArgumentTypeError(f"expected MIN-MAX pages such as 5-100, not {s!r}")
    return int(m.group(1)), int(m.group(2))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    ap.add_argument("out", help="output directory (created; outside the repository)")
    ap.add_argument("-n", type=int, default=100, help="number of contracts (default 100)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=parse_range, default=(5, 100), help="MIN-MAX (default 5-100)")
    ap.add_argument("--langs", default="en,zh", help="comma-separated: en, zh (default both)")
    ap.add_argument("--formats", default="docx,xml,txt",
                    help="comma-separated: docx, xml, txt (default all three)")
    ap.add_argument("--sources", default=DEFAULT_SOURCES, help="corpus/contracts")
    args = ap.parse_args()
    langs = [l for l in args.langs.split(",") if l]
    formats = [f for f in args.formats.split(",") if f]
    if not langs or any(l not in CHARS_PER_PAGE for l in langs):
        ap.error("--langs takes en and/or zh")
    if not formats or any(f not in ("docx", "xml", "txt") for f in formats):
        ap.error("--formats takes docx, xml and/or txt")
    if args.n < 1:
        ap.error("-n must be at least 1")
    sources = {l: load_sources(args.sources, l) for l in langs}
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    width = len(str(args.n))
    total = 0
    for i in range(args.n):
        lang = rng.choice(langs)
        fmt = rng.choice(formats)
        pages = rng.randint(*args.pages)
        # Each contract has its own generator: contract i does not depend on the formats of others.
        crng = random.Random(rng.getrandbits(64))
        items = build_contract(crng, sources[lang], lang, pages)
        name = f"{i + 1:0{width}d}-{lang}-{pages}p.{fmt}"
        path = os.path.join(args.out, name)
        if fmt == "docx":
            write_docx(path, docx_bytes(items, lang, crng, name))
        else:
            lines = numbered(items, lang)
            text = akn_xml(lines) if fmt == "xml" else "\n\n".join(lines) + "\n"
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        total += os.path.getsize(path)
    print(f"gen_corpus: {args.n} contracts, {total / 1e6:.1f} MB in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
