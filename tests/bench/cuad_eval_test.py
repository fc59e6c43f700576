#!/usr/bin/env python3
"""Runs bench/cuad_eval.py on a two-contract data set in CUAD's layout and checks
its counting: document and clause precision/recall, <omitted> pieces, excerpts
that are not in the text, the splits and the JSON output.

Usage: cuad_eval_test.py CLAUSECHECK_BINARY   (from the repository root)
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import unittest

BINARY = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/ci/cli/clausecheck"
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench",
                      "cuad_eval.py")

CATEGORIES = [
    "Document Name", "Parties", "Agreement Date", "Effective Date", "Expiration Date",
    "Renewal Term", "Notice Period to Terminate Renewal", "Governing Law", "Most Favored Nation",
    "Competitive Restriction Exception", "Non-Compete", "Exclusivity", "No-Solicit of Customers",
    "No-Solicit of Employees", "Non-Disparagement", "Termination for Convenience",
    "Rofr/Rofo/Rofn", "Change of Control", "Anti-Assignment", "Revenue/Profit Sharing",
    "Price Restrictions", "Minimum Commitment", "Volume Restriction", "IP Ownership Assignment",
    "Joint IP Ownership", "License Grant", "Non-Transferable License",
    "Affiliate License-Licensor", "Affiliate License-Licensee",
    "Unlimited/All-You-Can-Eat-License", "Irrevocable or Perpetual License",
    "Source Code Escrow", "Post-Termination Services", "Audit Rights", "Uncapped Liability",
    "Cap on Liability", "Liquidated Damages", "Warranty Duration", "Insurance",
    "Covenant Not to Sue", "Third Party Beneficiary",
]

CONTRACTS = {
    "A-supply.txt": (
        "SUPPLY AGREEMENT\n\n"
        "1. Insurance. Beta shall maintain product liability insurance of at least USD\n"
        "1,000,000 per occurrence with an insurer rated A or better.\n\n"
        "2. Governing Law. This Agreement shall be governed by the laws of the State of\n"
        "New York.\n\n"
        "3. Notices. Notices shall be in writing.\n",
        {
            "Governing Law": ["This Agreement shall be governed by the laws of the State of "
                              "New York."],
            "Insurance": ["Beta shall maintain product liability insurance<omitted>per "
                          "occurrence"],
            # Not in the text at all: counts as an excerpt not found and not recalled.
            "Audit Rights": ["Supplier may audit the books of Beta once a year."],
        },
    ),
    "B-services.txt": (
        "SERVICES AGREEMENT\n\n"
        "1. Services. Provider shall perform the services described in Exhibit A.\n\n"
        "2. Insurance. Provider shall maintain insurance coverage of at least USD 500,000.\n\n"
        "3. Law. This Agreement is governed by the laws of England.\n",
        {},
    ),
}


def write_dataset(root, contracts):
    os.mkdir(os.path.join(root, "txt"))
    columns = ["Filename"]
    for c in CATEGORIES:
        columns += [c, c + "-Answer"]
    with open(os.path.join(root, "labels.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, columns)
        w.writeheader()
        for name, (text, labels) in contracts.items():
            with open(os.path.join(root, "txt", name), "w", encoding="utf-8") as t:
                t.write(text)
            row = {"Filename": name}
            for c in CATEGORIES:
                row[c] = repr(labels.get(c, []))
                row[c + "-Answer"] = "Yes" if labels.get(c) else "No"
            w.writerow(row)


class CuadEvalTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = cls.tmp.name
        write_dataset(root, CONTRACTS)
        cls.json_path = os.path.join(root, "out.json")
        cls.proc = subprocess.run(
            [sys.executable, SCRIPT, "--binary", BINARY, "--data", root, "--jobs", "2",
             "--json", cls.json_path], capture_output=True, text=True)
        with open(cls.json_path, encoding="utf-8") as f:
            cls.figures = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_runs_and_prints_every_split(self):
        self.assertEqual(self.proc.returncode, 0, self.proc.stderr)
        self.assertIn("== all files: 2 contracts ==", self.proc.stdout)
        self.assertIn("== held-out split (the files after the first 180): 0 contracts ==",
                      self.proc.stdout)
        self.assertEqual(sorted(self.figures), ["all", "holdout", "tune"])
        self.assertEqual(len(self.figures["all"]["tags"]), 39)

    def test_governing_law_counts_a_false_document_and_a_false_clause(self):
        t = self.figures["all"]["tags"]["governing_law"]
        self.assertEqual(t["docs"], 1)
        self.assertEqual((t["doc_precision"], t["doc_recall"]), (0.5, 1.0))
        self.assertEqual((t["tagged_clauses"], t["clause_precision"]), (2, 0.5))
        self.assertEqual((t["excerpts"], t["clause_recall"]), (1, 1.0))

    def test_omitted_pieces_are_found_across_line_breaks(self):
        t = self.figures["all"]["tags"]["insurance"]
        self.assertEqual((t["excerpts"], t["excerpts_not_found"], t["clause_recall"]), (1, 0, 1.0))
        self.assertEqual((t["tagged_clauses"], t["clause_precision"]), (2, 0.5))

    def test_an_excerpt_not_in_the_text_is_reported_and_missed(self):
        t = self.figures["all"]["tags"]["audit_rights"]
        self.assertEqual((t["excerpts"], t["excerpts_not_found"], t["clause_recall"]), (1, 1, 0.0))
        self.assertEqual((t["doc_recall"], t["tagged_clauses"]), (0.0, 0))

    def test_errors_list_misses_and_false_tags_of_the_tune_split(self):
        errors = os.path.join(self.tmp.name, "errors.txt")
        r = subprocess.run([sys.executable, SCRIPT, "--binary", BINARY, "--data", self.tmp.name,
                            "--tags", "governing_law,audit_rights", "--errors", errors],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(errors, encoding="utf-8") as f:
            lines = f.read().splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertTrue(lines[0].startswith("governing_law FP B-services.txt: "), lines[0])
        self.assertIn("governed by the laws of England", lines[0])
        self.assertEqual(lines[1], "audit_rights MISS A-supply.txt: "
                                   "Supplier may audit the books of Beta once a year.")

    def test_unknown_tag_is_an_error(self):
        r = subprocess.run([sys.executable, SCRIPT, "--binary", BINARY, "--data", self.tmp.name,
                            "--tags", "no_such_tag"], capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("unknown tag(s): no_such_tag", r.stderr)


class OmittedPieceTest(unittest.TestCase):
    """A short piece of an <omitted> excerpt that occurs all over the contract
    (here "Gamma shall") belongs to the excerpt's passage: a tagged clause far
    away that merely contains it is not a hit, and does not recall the excerpt."""

    def test_a_repeated_short_piece_counts_only_near_the_excerpt(self):
        filler = "".join("%d. Notices. Notices to Gamma shall be given in writing to the address "
                         "stated in the preamble of this Agreement.\n\n" % n
                         for n in range(2, 80))
        text = ("INSURANCE AGREEMENT\n\n"
                "1. Insurance. Gamma shall maintain general liability insurance with limits "
                "of at least USD 2,000,000 per occurrence.\n\n" + filler +
                "80. Cargo insurance. Gamma shall maintain cargo insurance for the goods in "
                "transit with an insurer of good standing.\n")
        contracts = {"C-insurance.txt": (text, {"Insurance": [
            "Gamma shall maintain general liability insurance with limits of at least "
            "USD 2,000,000<omitted>Gamma shall"]})}
        with tempfile.TemporaryDirectory() as root:
            write_dataset(root, contracts)
            out = os.path.join(root, "out.json")
            r = subprocess.run([sys.executable, SCRIPT, "--binary", BINARY, "--data", root,
                                "--tags", "insurance", "--split", "all", "--json", out],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out, encoding="utf-8") as f:
                t = json.load(f)["all"]["tags"]["insurance"]
        self.assertEqual((t["tagged_clauses"], t["clause_precision"]), (2, 0.5))
        self.assertEqual((t["excerpts"], t["clause_recall"]), (1, 1.0))


class HeadingSectionTest(unittest.TestCase):
    """A clause that is only a heading ("7. GOVERNING LAW") holds no text to
    overlap an excerpt: it is scored on its section (the heading and its
    sub-clauses). Here the heading and 7.1 are hits, 7.2 (jurisdiction, also
    tagged governing_law by its heading) is not: 2 of 3. Counting the heading
    by its own text alone gave 1 of 3. The ruleset is the test's own: a heading
    classifier whose tag the sub-clauses inherit (the default playbook's
    governing_law heading keeps its tag on the heading's clause, inherit_tag:
    false)."""

    def test_a_heading_only_clause_is_scored_on_its_section(self):
        text = ("LICENCE AGREEMENT\n\n7. GOVERNING LAW\n\n"
                "7.1 This Agreement shall be governed by the laws of the State of Delaware.\n\n"
                "7.2 The courts of Delaware shall have exclusive jurisdiction.\n\n"
                "9. Notices. Notices shall be in writing.\n")
        contracts = {"D-licence.txt": (text, {"Governing Law": [
            "This Agreement shall be governed by the laws of the State of Delaware."]})}
        with tempfile.TemporaryDirectory() as root:
            write_dataset(root, contracts)
            ruleset = os.path.join(root, "law.yaml")
            with open(ruleset, "w", encoding="utf-8") as f:
                f.write("classifiers:\n"
                        "  - category: dispute_resolution\n"
                        "    tag: governing_law\n"
                        "    heading: '(?i)\\bgoverning law\\b'\n"
                        "    text: '(?i)\\bgoverned by the laws? of\\b'\n")
            out = os.path.join(root, "out.json")
            r = subprocess.run([sys.executable, SCRIPT, "--binary", BINARY, "--data", root,
                                "--tags", "governing_law", "--split", "all", "--json", out,
                                "--ruleset", ruleset],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out, encoding="utf-8") as f:
                t = json.load(f)["all"]["tags"]["governing_law"]
        self.assertEqual(t["tagged_clauses"], 3)
        self.assertAlmostEqual(t["clause_precision"], 2 / 3)
        self.assertEqual((t["excerpts"], t["clause_recall"]), (1, 1.0))


if __name__ == "__main__":
    unittest.main(verbosity=2)
