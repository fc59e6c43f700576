#!/usr/bin/env python3
"""Writes a plain-text contract as XML or HTML, for the XML versions in corpus/.

One element per non-empty line, clause numbers kept as literal text, so the
parsed blocks are the text version's paragraphs and a review must give the
same clauses, findings and facts. Layouts:
  akn    Akoma Ntoso 3.0 act: preface + body/paragraph/content/p with eIds
  html   HTML5: h1 title, p paragraphs
  plain  a generic custom schema: <contract><clause><text>...</text></clause>
  clm    a custom namespaced schema read through corpus/mappings/clm.yaml
  tools/txt2xml.py corpus/contracts/en-nda-mutual.txt out.xml --layout akn
"""
import argparse
import sys
from xml.sax.saxutils import escape


def lines(text):
    return [l.strip() for l in text.splitlines() if l.strip()]


def akn(ls):
    body = "".join(
        f'<paragraph eId="para_{i}"><content><p>{escape(l)}</p></content></paragraph>\n'
        for i, l in enumerate(ls[1:], 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n'
            '<act name="contract"><meta><identification source="#clausecheck"/></meta>\n'
            f'<preface><p eId="preface_p_1">{escape(ls[0])}</p></preface>\n'
            f'<body>\n{body}</body></act></akomaNtoso>\n')


def html(ls):
    body = "".join(f"<p>{escape(l)}</p>\n" for l in ls[1:])
    return ('<!DOCTYPE html>\n<html lang="und"><head><meta charset="utf-8">'
            f'<title>{escape(ls[0])}</title><style>p{{margin:0}}</style>'
            '<script>var tracking = "must not be read";</script></head>\n'
            f'<body>\n<h1>{escape(ls[0])}</h1>\n{body}</body></html>\n')


def plain(ls):
    body = "".join(f'<clause id="k{i}"><text>{escape(l)}</text></clause>\n'
                   for i, l in enumerate(ls))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<contract>\n{body}</contract>\n'


def clm(ls):
    body = "".join(
        f'<c:provision code="P-{i}"><c:body><c:para>{escape(l)}</c:para></c:body>'
        f'<c:internalNote>reviewed by CLM workflow step {i}</c:internalNote></c:provision>\n'
        for i, l in enumerate(ls, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<c:agreement xmlns:c="urn:example:clm:2">\n'
            '<c:audit><c:entry>Exported by CLM 9.1</c:entry></c:audit>\n'
            f'<c:provisions>\n{body}</c:provisions>\n</c:agreement>\n')


LAYOUTS = {"akn": akn, "html": html, "plain": plain, "clm": clm}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--layout", choices=sorted(LAYOUTS), required=True)
    args = ap.parse_args()
    ls = lines(open(args.input, encoding="utf-8").read())
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(LAYOUTS[args.layout](ls))
    return 0


if __name__ == "__main__":
    sys.exit(main())
