#!/usr/bin/env python3
"""Hostile inputs at the limits, through the real binary (docs/robustness.md).

    limits_test.py CLAUSECHECK [--sanitized] [CASE...]

Each input is generated at test time in a temporary directory (nothing big is
committed) and reviewed with `clausecheck review --format jsonl`. Each case
asserts the exact outcome: a one-line error naming the reason with exit code 2
and its JSON error record, or a complete review with exit code 0 or 1. Memory
is bounded twice: the child runs under an address-space limit (RLIMIT_AS), and
its peak resident size (ru_maxrss from wait4) must stay under the case's bound.
Wall time is not asserted; ctest's TIMEOUT is only a guard against hangs.
With --sanitized (ASan build) the memory limits are not applied: ASan
reserves terabytes of address space and its shadow memory and quarantine
multiply the resident size, but every outcome is still checked.
"""
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/content-types"><Default Extension="xml" '
                 'ContentType="application/xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
             'package/2006/relationships"><Relationship Id="rId1" Type="' + REL +
             '/officeDocument" Target="word/document.xml"/></Relationships>')
DOC_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="' +
            W + '"><w:body>')
DOC_TAIL = '</w:body></w:document>'


def docx(path, chunks, extra=()):
    """A DOCX whose word/document.xml is the concatenation of `chunks` (an
    iterable of str or bytes, streamed through the compressor)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        with z.open("word/document.xml", "w") as part:
            for c in chunks:
                part.write(c.encode() if isinstance(c, str) else c)
        for name, data in extra:
            z.writestr(name, data)


def repeat(piece, total):
    """`piece` repeated up to `total` bytes, in chunks of about a megabyte."""
    block = piece * max(1, (1 << 20) // len(piece))
    sent = 0
    while sent + len(block) <= total:
        yield block
        sent += len(block)
    if total > sent:
        yield (piece * (1 + (total - sent) // len(piece)))[: total - sent]


def words(total):
    """`total` bytes of varied English words, no sentence end, no line break."""
    vocab = ("the supplier shall pay all fees within thirty days of invoice and indemnify "
             "customer against third party claims arising from breach of this agreement "
             "including reasonable costs").split()
    rng = random.Random(1)  # varied beyond deflate's 32 KB window: no zip bomb
    line = " ".join(rng.choice(vocab) for _ in range(150000)) + " "
    return repeat(line, total)


# ------------------------------------------------------------------ inputs --

def zip_bomb_ratio(d):
    # 100 MB of one byte: deflate packs it about 1000:1.
    p = os.path.join(d, "zip-bomb-ratio.docx")
    docx(p, [DOC_HEAD, "<w:p><w:r><w:t>", *repeat("a", 100 << 20), "</w:t></w:r></w:p>", DOC_TAIL])
    return p


def zip_bomb_size(d):
    # 300 MB in one part, honestly declared: over the 256 MB entry limit,
    # refused before inflating anything.
    p = os.path.join(d, "zip-bomb-size.docx")
    docx(p, [DOC_HEAD, "<w:p><w:r><w:t>", *repeat("a", 300 << 20), "</w:t></w:r></w:p>", DOC_TAIL])
    return p


def zip_bomb_lying(d):
    # 50 MB in one part whose central directory claims 1000 bytes: inflation
    # stops at the declared size.
    p = os.path.join(d, "zip-bomb-lying.docx")
    docx(p, [DOC_HEAD, "<w:p><w:r><w:t>", *repeat("a", 50 << 20), "</w:t></w:r></w:p>", DOC_TAIL])
    data = bytearray(open(p, "rb").read())
    name = b"word/document.xml"
    at = data.rfind(b"PK\x01\x02", 0, data.rfind(name))  # its central header
    assert data[at + 46: at + 46 + len(name)] == name
    data[at + 24: at + 28] = (1000).to_bytes(4, "little")  # the uncompressed size
    open(p, "wb").write(bytes(data))
    return p


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10)) +
    ']>')


def billion_laughs_xml(d):
    p = os.path.join(d, "billion-laughs.xml")
    open(p, "w").write('<?xml version="1.0"?>\n' + LAUGHS + "\n<contract><p>&lol9;</p></contract>\n")
    return p


def billion_laughs_docx(d):
    p = os.path.join(d, "billion-laughs.docx")
    docx(p, ['<?xml version="1.0"?>' + LAUGHS + '<w:document xmlns:w="' + W +
             '"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>' + DOC_TAIL])
    return p


def deep_xml(d):
    p = os.path.join(d, "deep.xml")
    open(p, "w").write('<?xml version="1.0"?>\n' + "<a>" * 10000 + "text" + "</a>" * 10000 + "\n")
    return p


def deep_docx(d):
    p = os.path.join(d, "deep.docx")
    docx(p, [DOC_HEAD, "<w:sdt><w:sdtContent>" * 10000, "<w:p><w:r><w:t>text</w:t></w:r></w:p>",
             "</w:sdtContent></w:sdt>" * 10000, DOC_TAIL])
    return p


def long_paragraph_txt(d):
    p = os.path.join(d, "long-paragraph.txt")
    with open(p, "w") as f:
        for c in words(100 << 20):
            f.write(c)
    return p


def long_paragraph_docx(d):
    p = os.path.join(d, "long-paragraph.docx")
    docx(p, [DOC_HEAD, "<w:p><w:r><w:t>", *words(100 << 20), "</w:t></w:r></w:p>", DOC_TAIL])
    return p


def paragraph_at_limit_txt(d):
    """One paragraph of exactly the most a block may hold (1 MiB): reviewed."""
    p = os.path.join(d, "paragraph-at-limit.txt")
    with open(p, "w") as f:
        for c in words(1 << 20):
            f.write(c)
    return p


def million_paragraphs_txt(d):
    p = os.path.join(d, "million-paragraphs.txt")
    with open(p, "w") as f:
        f.write("Term.\n\n" * 1000000)
    return p


def million_paragraphs_docx(d):
    # Numbered so that the part does not compress like a zip bomb.
    p = os.path.join(d, "million-paragraphs.docx")
    paragraphs = (f"<w:p><w:r><w:t>Term {i}.</w:t></w:r></w:p>" for i in range(1000000))
    docx(p, [DOC_HEAD, *paragraphs, DOC_TAIL])
    return p


def many_entries(d):
    p = os.path.join(d, "many-entries.docx")
    with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/document.xml", DOC_HEAD + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + DOC_TAIL)
        for i in range(50000 - 3):
            z.writestr(f"media/{i}.bin", b"")
    return p


# name -> (generator, expected, max resident MB)
# expected: ("error", code, message) or ("review", None, None)
CASES = {
    "zip-bomb-ratio": (zip_bomb_ratio, ("error", "too_large",
        "zip entry word/document.xml compression ratio above 200:1 (zip bomb?)"), 128),
    "zip-bomb-size": (zip_bomb_size, ("error", "too_large",
        "zip entry word/document.xml too large (declared %d bytes, limit 268435456)" %
        ((300 << 20) + len(DOC_HEAD + "<w:p><w:r><w:t></w:t></w:r></w:p>" + DOC_TAIL))), 128),
    "zip-bomb-lying": (zip_bomb_lying, ("error", "format",
        "corrupt zip entry word/document.xml: inflates beyond its declared size"), 128),
    "billion-laughs-xml": (billion_laughs_xml, ("error", "unsupported",
        "XML with entity declarations is not accepted (DTD entities are never expanded) at line 2"),
        128),
    "billion-laughs-docx": (billion_laughs_docx, ("error", "format",
        "word/document.xml has a DTD (not allowed in Office documents)"), 128),
    "deep-xml": (deep_xml, ("error", "too_large", "XML nesting deeper than 256 levels at line 2"),
                 128),
    "deep-docx": (deep_docx, ("error", "format",
        "word/document.xml is nested too deeply (more than 256 levels)"), 128),
    "many-entries": (many_entries, ("error", "too_large",
        "too many zip entries (50000, limit 10000)"), 128),
    "million-paragraphs-txt": (million_paragraphs_txt, ("review", None, None), 768),
    "million-paragraphs-docx": (million_paragraphs_docx, ("review", None, None), 1024),
    "long-paragraph-txt": (long_paragraph_txt, ("error", "too_large",
        "paragraph 1 too long (104857600 bytes, limit 1048576)"), 640),
    "long-paragraph-docx": (long_paragraph_docx, ("error", "too_large",
        "paragraph 1 too long (104857600 bytes, limit 1048576)"), 640),
    "paragraph-at-limit-txt": (paragraph_at_limit_txt, ("review", None, None), 256),
}


def run(binary, path, max_mb, sanitized):
    out_path, err_path = path + ".out", path + ".err"

    def limit():
        if not sanitized:
            cap = (max_mb + 256) << 20  # address space: resident bound plus code and stacks
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        child = subprocess.Popen([binary, "review", "--format", "jsonl", path], stdout=out,
                                 stderr=err, preexec_fn=limit)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    return (child.returncode, open(out_path, "rb").read().decode("utf-8", "replace"),
            open(err_path, "rb").read().decode("utf-8", "replace"), usage.ru_maxrss // 1024)


def check(binary, name, tmp, sanitized):
    make, (kind, code, message), max_mb = CASES[name]
    path = make(tmp)
    rc, out, err, rss_mb = run(binary, path, max_mb, sanitized)
    problems = []
    if kind == "error":
        if rc != 2:
            problems.append(f"exit {rc}, expected 2")
        want = f"clausecheck: error: {path}: {message}\n"
        if err != want:
            problems.append(f"stderr {err!r}, expected {want!r}")
        try:
            record = json.loads(out)
            if record.get("error") != {"code": code, "message": message}:
                problems.append(f"error record {record.get('error')}")
        except ValueError:
            problems.append(f"stdout is not one JSON record: {out[:200]!r}")
    else:
        if rc not in (0, 1):
            problems.append(f"exit {rc}, expected 0 or 1: {err.strip()[:300]}")
        try:
            record = json.loads(out)
            if "error" in record or "findings" not in record:
                problems.append(f"not a complete review: {out[:200]!r}")
        except ValueError:
            problems.append(f"stdout is not one JSON record: {out[:200]!r}")
    if not sanitized and rss_mb > max_mb:
        problems.append(f"peak resident {rss_mb} MB, bound {max_mb} MB")
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    print(f"{name}: exit {rc}, peak {rss_mb} MB" + ("" if not problems else
                                                  ": FAILED: " + "; ".join(problems)))
    return not problems


def main():
    args = sys.argv[1:]
    binary = args.pop(0)
    sanitized = "--sanitized" in args
    names = [a for a in args if not a.startswith("--")] or list(CASES)
    tmp = tempfile.mkdtemp(prefix="clausecheck-limits-")
    try:
        ok = all([check(binary, n, tmp, sanitized) for n in names])
    finally:
        shutil.rmtree(tmp)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
