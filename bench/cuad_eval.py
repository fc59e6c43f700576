#!/usr/bin/env python3
"""Measures clausecheck's clause tags against CUAD's expert labels (issue 6).

Usage: bench/cuad_eval.py [--binary B] [--data DIR] [--jobs N] [--split S] [--tags T,...]
                          [--json FILE] [--errors FILE] [--ruleset FILE]...
  defaults: build/ci/cli/clausecheck, ../shared/data/cuad-dev, all cores, every split

Runs `clausecheck dump --format json` over every contract of the CUAD dev set (in
parallel) and compares, for each of CUAD's 39 clause categories (all but Document
Name and Parties), the clauses clausecheck tags with the category's snake_case name
against the labelled excerpts:

- document level: a contract is labelled positive for a category when its excerpt
  list in labels.csv is non-empty, and predicted positive when some clause has the
  tag; precision, recall and F1 over contracts.
- clause level: a tagged clause is a true positive when its text overlaps a
  labelled excerpt of that category; a labelled excerpt is recalled when some clause
  with the tag overlaps it. Precision = true-positive clauses / tagged clauses,
  recall = recalled excerpts / excerpts. A clause that is only a heading ("17.
  GOVERNING LAW") with sub-clauses is compared on its whole section (see
  clause_spans).

Texts are compared after normalisation (lower case, letters and digits only), so
line wrapping and punctuation do not matter. An excerpt with "<omitted>" is split
into its pieces; it overlaps a clause when any piece does. The excerpt's longest
piece counts at each place it occurs (the same text duplicated elsewhere); another
piece that occurs several times counts only near it (see locate_excerpt). A piece that cannot be found in the text as
read (the parser dropped a page header inside it, say) is found by its first and last
30 characters; excerpts still not found count as not recalled and are reported.

Splits: the files sorted by name; the first 180 are the tuning split, the other 78
the held-out split. The output is the same on every run (no randomness, sorted).
"""
import argparse
import ast
import bisect
import concurrent.futures
import csv
import json
import os
import subprocess
import sys

TUNE_COUNT = 180
SKIP = {"Document Name", "Parties"}


def snake(category):
    out = []
    for ch in category.lower():
        out.append(ch if ch.isalnum() else "_")
    s = "".join(out)
    while "__" in s:
        s = s.replace("__", "_")
    return s.strip("_")


# CUAD's names that snake_case alone does not turn into the tag.
TAG_OF = {
    "Unlimited/All-You-Can-Eat-License": "unlimited_all_you_can_eat_license",
    "Rofr/Rofo/Rofn": "rofr_rofo_rofn",
    "No-Solicit of Customers": "no_solicit_of_customers",
    "No-Solicit of Employees": "no_solicit_of_employees",
}


def tag_of(category):
    return TAG_OF.get(category, snake(category))


def normalise(text):
    return "".join(ch for ch in text.lower() if ch.isalnum())


def find_all(hay, needle):
    out, pos = [], hay.find(needle)
    while pos >= 0:
        out.append((pos, pos + len(needle)))
        pos = hay.find(needle, pos + 1)
    return out


def locate(hay, piece):
    """Spans of a normalised excerpt piece in the normalised document text."""
    spans = find_all(hay, piece)
    if spans or len(piece) < 80:
        return spans
    head, tail = piece[:30], piece[-30:]
    out = []
    for hs, _ in find_all(hay, head):
        te = hay.find(tail, hs + 30)
        if te >= 0 and te + 30 - hs <= 2 * len(piece):
            out.append((hs, te + 30))
    return out


# How far (in normalised characters) a piece of an "<omitted>" excerpt may lie
# from the excerpt's longest piece when the piece occurs more than once.
NEAR = 5000


def locate_excerpt(hay, excerpt):
    """Spans of an excerpt's pieces in the normalised document text.

    A piece that occurs once counts where it is. The longest piece found (the
    anchor) counts at each place it occurs: the excerpt's text is there. Any
    other piece that occurs several times ("this", "you must", a party's name:
    what is left of a sentence CUAD cut with <omitted>) counts only near the
    anchor, within NEAR characters, or else at the one place nearest to it: it
    belongs to the excerpt's passage, not to every sentence that uses the word."""
    pieces = [p for p in (normalise(x) for x in excerpt.split("<omitted>")) if len(p) >= 4]
    found = [locate(hay, p) for p in pieces]
    if len(pieces) <= 1:
        return found[0] if found else []
    candidates = [i for i in range(len(pieces)) if found[i]]
    if not candidates:
        return []
    anchor = max(candidates, key=lambda i: len(pieces[i]))
    anchors = found[anchor]

    def gap(span):
        return min(max(a_s - span[1], span[0] - a_e, 0) for a_s, a_e in anchors)

    spans = list(anchors)
    for i, sp in enumerate(found):
        if i == anchor or not sp:
            continue
        if len(sp) == 1:
            spans.extend(sp)
            continue
        near = [x for x in sp if gap(x) <= NEAR]
        spans.extend(near if near else [min(sp, key=gap)])
    return spans


RULESETS = []  # --ruleset files: replace the embedded default ruleset (for tuning)


def run(binary, path):
    extra = ["--no-default-ruleset"] + [a for f in RULESETS for a in ("--ruleset", f)] \
        if RULESETS else []
    proc = subprocess.run([binary, "dump", "--format", "json"] + extra + [path],
                          capture_output=True)
    if proc.returncode != 0:
        return None, proc.stderr.decode("utf-8", "replace").strip()
    return json.loads(proc.stdout.decode("utf-8")), None


def heading_only(clause, text):
    """True when a clause's own text is its number and heading only (a page
    number at most besides): "17. GOVERNING LAW" above "17.1 This Agreement
    shall be governed by ..."."""
    rest = normalise(text)
    for part in (clause.get("number", ""), clause.get("heading", "")):
        n = normalise(part)
        if n:
            rest = rest.replace(n, "", 1)
    return bool(normalise(clause.get("heading", ""))) and len(rest) <= 4


def clause_spans(dump, starts):
    """Each clause's span in the normalised text: its own blocks; for a clause
    that is a heading only and has sub-clauses, its whole section (the heading
    and every descendant). A heading has no text of its own to overlap an
    excerpt: its tag says what the section under it is about, so it is right
    when the section holds an excerpt of the tag (and wrong when it does not)."""
    clauses = dump["clauses"]
    index = {c["id"]: i for i, c in enumerate(clauses)}
    spans = [[starts[c["blocks"][0]], starts[c["blocks"][1]]] for c in clauses]
    section_end = [e for _, e in spans]
    has_children = [False] * len(clauses)
    for i, c in enumerate(clauses):
        p = c.get("parent")
        while p is not None and p in index:
            j = index[p]
            has_children[j] = True
            section_end[j] = max(section_end[j], spans[i][1])
            p = clauses[j].get("parent")
    blocks = dump["blocks"]
    for i, c in enumerate(clauses):
        first, end = c["blocks"]
        if has_children[i] and heading_only(c, " ".join(b["text"] for b in blocks[first:end])):
            spans[i][1] = section_end[i]
    return [tuple(s) for s in spans]


def analyse(binary, root, row, categories):
    """Per category: (labelled, tagged, clause_tp, clause_count, excerpts_recalled,
    excerpts, excerpts_unfound, misses, false_hits) for one contract."""
    dump, err = run(binary, os.path.join(root, "txt", row["Filename"]))
    if dump is None:
        return None, err
    starts, parts = [], []
    pos = 0
    for b in dump["blocks"]:
        starts.append(pos)
        n = normalise(b["text"])
        parts.append(n)
        pos += len(n)
    starts.append(pos)
    hay = "".join(parts)
    clauses = []
    for c, (s, e) in zip(dump["clauses"], clause_spans(dump, starts)):
        clauses.append((s, e, set(c["tags"]), c))
    result = {}
    for cat in categories:
        tag = tag_of(cat)
        excerpts = ast.literal_eval(row[cat])
        tagged = [(s, e, c) for s, e, tags, c in clauses if tag in tags and e > s]
        spans_of = []
        unfound = 0
        for ex in excerpts:
            spans = locate_excerpt(hay, ex)
            spans_of.append(spans)
            unfound += not spans
        def overlaps(s, e, spans):
            return any(s < se and ss < e for ss, se in spans)
        tp = [c for s, e, c in tagged if any(overlaps(s, e, sp) for sp in spans_of)]
        fp = [(c["id"], " ".join(b["text"] for b in dump["blocks"][c["blocks"][0]:c["blocks"][1]]))
              for s, e, c in tagged if not any(overlaps(s, e, sp) for sp in spans_of)]
        recalled = [any(overlaps(s, e, sp) for s, e, _ in tagged) for sp in spans_of]
        misses = [ex for ex, r in zip(excerpts, recalled) if not r]
        result[tag] = (bool(excerpts), bool(tagged), len(tp), len(tagged), sum(recalled),
                       len(excerpts), unfound, misses, fp)
    return result, None


def ratio(a, b):
    return a / b if b else 0.0


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def table(name, per_file, tags, out):
    """Prints one split's table; returns its summary."""
    rows = []
    for tag in tags:
        tp = fp = fn = ctp = cn = rec = exn = unf = 0
        for res in per_file:
            lab, pred, c_tp, c_n, ex_rec, ex_n, ex_unf = res[tag][:7]
            tp += lab and pred
            fp += pred and not lab
            fn += lab and not pred
            ctp += c_tp
            cn += c_n
            rec += ex_rec
            exn += ex_n
            unf += ex_unf
        dp, dr = ratio(tp, tp + fp), ratio(tp, tp + fn)
        rows.append((tag, tp + fn, dp, dr, f1(dp, dr), cn, ratio(ctp, cn), exn, ratio(rec, exn),
                     unf, ctp, rec))
    print("\n== %s: %d contracts ==" % (name, len(per_file)), file=out)
    print("%-36s %4s %6s %6s %6s | %6s %6s %6s %6s %4s" %
          ("tag", "docs", "doc-P", "doc-R", "doc-F1", "tagged", "cl-P", "excpts", "cl-R", "nf"),
          file=out)
    for t, pos, dp, dr, df, cn, cp, exn, cr, unf, _, _ in rows:
        print("%-36s %4d %6.3f %6.3f %6.3f | %6d %6.3f %6d %6.3f %4d" %
              (t, pos, dp, dr, df, cn, cp, exn, cr, unf), file=out)
    n = len(rows)
    macro = {
        "doc_precision": sum(r[2] for r in rows) / n,
        "doc_recall": sum(r[3] for r in rows) / n,
        "doc_f1": sum(r[4] for r in rows) / n,
        "clause_precision": sum(r[6] for r in rows) / n,
        "clause_recall": sum(r[8] for r in rows) / n,
    }
    micro = {
        "clause_precision": ratio(sum(r[10] for r in rows), sum(r[5] for r in rows)),
        "clause_recall": ratio(sum(r[11] for r in rows), sum(r[7] for r in rows)),
    }
    print("%-36s %4s %6.3f %6.3f %6.3f | %6s %6.3f %6s %6.3f" %
          ("macro average", "", macro["doc_precision"], macro["doc_recall"], macro["doc_f1"], "",
           macro["clause_precision"], "", macro["clause_recall"]), file=out)
    print("%-36s %4s %6s %6s %6s | %6s %6.3f %6s %6.3f" %
          ("micro average (clauses, excerpts)", "", "", "", "", "", micro["clause_precision"], "",
           micro["clause_recall"]), file=out)
    return {"contracts": len(per_file), "macro": macro, "micro": micro,
            "tags": {r[0]: {"docs": r[1], "doc_precision": r[2], "doc_recall": r[3],
                            "doc_f1": r[4], "tagged_clauses": r[5], "clause_precision": r[6],
                            "excerpts": r[7], "clause_recall": r[8], "excerpts_not_found": r[9]}
                     for r in rows}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default="build/ci/cli/clausecheck")
    ap.add_argument("--data", default="../shared/data/cuad-dev")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--split", choices=["all", "tune", "holdout", "every"], default="every",
                    help="which files to report: all 258, the first 180 (tune), the other 78 "
                         "(holdout), or every one of these (default)")
    ap.add_argument("--tags", default="", help="comma-separated tags to report (default: all)")
    ap.add_argument("--json", default="", help="also write the figures as JSON to this file")
    ap.add_argument("--errors", default="",
                    help="write the missed excerpts and the wrongly tagged clauses of every "
                         "tag in the tune split to this file (for tuning)")
    ap.add_argument("--ruleset", action="append", default=[],
                    help="run with these ruleset files instead of the embedded default "
                         "(repeatable; e.g. the YAML files under rulesets/default/ while "
                         "tuning, without a rebuild)")
    args = ap.parse_args()
    RULESETS.extend(args.ruleset)

    with open(os.path.join(args.data, "labels.csv"), encoding="utf-8", newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["Filename"])
    categories = [k for k in rows[0] if k != "Filename" and not k.endswith("-Answer")
                  and k not in SKIP]
    tags = [tag_of(c) for c in categories]
    if args.tags:
        wanted = args.tags.split(",")
        unknown = [t for t in wanted if t not in tags]
        if unknown:
            sys.exit("unknown tag(s): " + ", ".join(unknown))
        tags = [t for t in tags if t in wanted]

    tune_names = {r["Filename"] for r in rows[:TUNE_COUNT]}
    # Run only the contracts the report needs.
    if args.split == "tune":
        rows = rows[:TUNE_COUNT]
    elif args.split == "holdout":
        rows = rows[TUNE_COUNT:]
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(lambda r: analyse(args.binary, args.data, r, categories), rows))
    failed = [(r["Filename"], err) for r, (res, err) in zip(rows, results) if res is None]
    for name, err in failed:
        print("failed: %s: %s" % (name, err), file=sys.stderr)
    if failed:
        sys.exit(2)
    per_file = [res for res, _ in results]

    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as f:
            for tag in tags:
                # Only tune-split files, whatever --split says: the held-out
                # split must not be looked at while tuning.
                for row, res in zip(rows, per_file):
                    if row["Filename"] not in tune_names:
                        continue
                    _, _, _, _, _, _, _, misses, fps = res[tag]
                    for m in misses:
                        print("%s MISS %s: %s" % (tag, row["Filename"][:40], " ".join(m.split())),
                              file=f)
                    for cid, text in fps:
                        print("%s FP %s: %s %s" % (tag, row["Filename"][:40], cid,
                                                   " ".join(text.split())[:400]), file=f)

    if args.split in ("tune", "holdout"):
        splits = {args.split: per_file}
    else:
        splits = {"all": per_file, "tune": per_file[:TUNE_COUNT],
                  "holdout": per_file[TUNE_COUNT:]}
    names = list(splits) if args.split == "every" else [args.split]
    summary = {}
    print("clausecheck CUAD evaluation: %d tags" % len(tags))
    for name in names:
        label = {"all": "all files", "tune": "tune split (first %d by name)" % TUNE_COUNT,
                 "holdout": "held-out split (the files after the first %d)" % TUNE_COUNT}[name]
        summary[name] = table(label, splits[name], tags, sys.stdout)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
