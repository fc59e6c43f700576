#!/usr/bin/env python3
"""Writes a marked-up plain-text contract as a .docx with tracked changes, comments and hidden text.

For the negotiated drafts in corpus/: one paragraph per non-empty line, as
txt2docx.py, with inline marks written as Word writes them:

  {+Author|2026-02-03T10:00:00Z|text+}   an insertion (w:ins)
  {-Author|2026-02-03T10:00:00Z|text-}   a deletion (w:del, w:delText)
  {~text~}                               hidden text (w:vanish)
  {!Author|2026-02-03T10:00:00Z|comment|text!}   a comment on text (open)
  {?Author|2026-02-03T10:00:00Z|comment|text?}   a resolved comment (w15:done)

Marks do not nest. Comments go to word/comments.xml, their resolved state to
word/commentsExtended.xml. Only the Python standard library is used; the
output is deterministic, so regenerated files are byte-identical.
  tools/redline2docx.py corpus/sources/en-nda-mutual-redline.txt corpus/contracts/en-nda-mutual-redline.docx
"""
import argparse
import os
import re
import sys
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from txt2docx import REL, W, write_package  # noqa: E402  (the package boilerplate)

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MARK = re.compile(r"\{([+\-~!?])(.*?)\1\}", re.S)


def run(text, props="", tag="w:t"):
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<{tag} xml:space="preserve">{escape(text)}</{tag}></w:r>'


class Writer:
    def __init__(self):
        self.change_id = 0
        self.comments = []  # (id, author, date, text, resolved)

    def next_change(self, author, date):
        self.change_id += 1
        return f'w:id="{self.change_id}" w:author={quoteattr(author)} w:date={quoteattr(date)}'

    def paragraph(self, line):
        out, pos = [], 0
        for m in MARK.finditer(line):
            if m.start() > pos:
                out.append(run(line[pos:m.start()]))
            kind, body = m.group(1), m.group(2)
            if kind == "~":
                out.append(run(body, "<w:vanish/>"))
            elif kind in "+-":
                author, date, text = body.split("|", 2)
                attrs = self.next_change(author, date)
                if kind == "+":
                    out.append(f"<w:ins {attrs}>{run(text)}</w:ins>")
                else:
                    out.append(f"<w:del {attrs}>{run(text, tag='w:delText')}</w:del>")
            else:
                author, date, comment, text = body.split("|", 3)
                cid = len(self.comments)
                self.comments.append((cid, author, date, comment, kind == "?"))
                out.append(f'<w:commentRangeStart w:id="{cid}"/>{run(text)}'
                           f'<w:commentRangeEnd w:id="{cid}"/>'
                           f'<w:r><w:commentReference w:id="{cid}"/></w:r>')
            pos = m.end()
        if pos < len(line):
            out.append(run(line[pos:]))
        return f"<w:p>{''.join(out)}</w:p>"

    def comments_xml(self):
        items = []
        for cid, author, date, text, _ in self.comments:
            items.append(f'<w:comment w:id="{cid}" w:author={quoteattr(author)} '
                         f'w:date={quoteattr(date)}><w:p w14:paraId="{cid + 1:08X}">'
                         f'{run(text)}</w:p></w:comment>')
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:comments xmlns:w="{W}" xmlns:w14="{W14}">{"".join(items)}</w:comments>')

    def comments_extended_xml(self):
        items = [f'<w15:commentEx w15:paraId="{cid + 1:08X}" w15:done="{int(done)}"/>'
                 for cid, _, _, _, done in self.comments]
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w15:commentsEx xmlns:w15="{W15}">{"".join(items)}</w15:commentsEx>')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    args = ap.parse_args()
    writer = Writer()
    body = [writer.paragraph(line.strip())
            for line in open(args.input, encoding="utf-8").read().splitlines() if line.strip()]
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}<w:sectPr/></w:body>'
                f'</w:document>')
    extras = []
    if writer.comments:
        extras = [("word/comments.xml", "comments", REL + "comments", writer.comments_xml()),
                  ("word/commentsExtended.xml", "commentsExtended",
                   "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                   writer.comments_extended_xml())]
    write_package(args.output, document, extras)
    return 0


if __name__ == "__main__":
    sys.exit(main())
