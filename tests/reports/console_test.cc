#include "reports/console.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "tests/reports/sample_review.h"

namespace clausecheck::reports {
namespace {

using testing::CleanReview;
using testing::RichReview;

std::string Console(const Review& review, bool color = false) {
  std::ostringstream out;
  WriteConsole(review, ConsoleOptions{color}, out);
  return out.str();
}

std::string Totals(const BatchTotals& totals, bool color = false) {
  std::ostringstream out;
  WriteConsoleTotals(totals, ConsoleOptions{color}, out);
  return out.str();
}

// A review with one clause and one finding in it, for exact colour output.
Review OneFinding(std::string evidence) {
  Review r = CleanReview();
  r.verdict = Verdict::kReview;
  r.risk_score = 12;
  Finding f;
  f.id = "f1";
  f.rule = "confidentiality.one_way";
  f.category = Category::kConfidentiality;
  f.severity = Severity::kMedium;
  f.message = "Only one party is bound.";
  f.recommendation = "Make it mutual.";
  f.clause_id = "c1";
  f.evidence = std::move(evidence);
  f.location = Location{"text", 0, 0, 10};
  r.findings.push_back(f);
  r.counts[static_cast<size_t>(Severity::kMedium)] = 1;
  return r;
}

TEST(WriteConsole, GroupsFindingsByClauseInDocumentOrder) {
  EXPECT_EQ(Console(RichReview()),
            "contracts/msa.docx  BLOCK  risk 59  0 critical, 2 high, 1 medium, 1 low, 1 info\n"
            "  Missing\n"
            "    HIGH     confidentiality.missing  No confidentiality clause.\n"
            "             → Add a mutual confidentiality clause.\n"
            "  § 1 Term\n"
            "    INFO     term.short  The initial term is shorter than 90 days.\n"
            "             \"30 days\"\n"
            "             → Confirm the term is intended.\n"
            "  § 12.1 Limitation of Liability\n"
            "    HIGH     liability.uncapped  The customer's liability is uncapped.\n"
            "             \"without limitation\"\n"
            "             → Cap liability, e.g. at the fees paid in the 12 months before the "
            "claim.\n"
            "  第十二条 违约责任\n"
            "    MEDIUM   zh.penalty.excessive  违约金超过合同总价的百分之二十。\n"
            "             \"百分之三十\"\n"
            "             → 将违约金调整为合同总价的百分之二十以内。\n"
            "  c5\n"
            "    LOW      drafting.placeholder  Unfilled placeholder.\n"
            "             \"[●]\"\n");
}

TEST(WriteConsole, NoColorMeansNoEscapes) {
  EXPECT_EQ(Console(RichReview()).find('\x1b'), std::string::npos);
}

TEST(WriteConsole, ColorWrapsVerdictSeverityAndHeaders) {
  EXPECT_EQ(Console(OneFinding("the Recipient"), true),
            "\x1b[1mcontracts/nda.txt\x1b[0m  \x1b[1;33mREVIEW\x1b[0m  risk 12  "
            "0 critical, 0 high, 1 medium, 0 low, 0 info\n"
            "  \x1b[1m§ 1\x1b[0m\n"
            "    \x1b[33mMEDIUM   \x1b[0m\x1b[2mconfidentiality.one_way\x1b[0m  "
            "Only one party is bound.\n"
            "             \"the Recipient\"\n"
            "             → Make it mutual.\n");
}

TEST(WriteConsole, CleanDocumentIsOneLine) {
  EXPECT_EQ(Console(CleanReview()), "contracts/nda.txt  PASS  risk 0  no findings\n");
  EXPECT_EQ(Console(CleanReview(), true),
            "\x1b[1mcontracts/nda.txt\x1b[0m  \x1b[1;32mPASS\x1b[0m  risk 0  no findings\n");
}

TEST(WriteConsole, TruncatesEvidenceByCodePoints) {
  std::string evidence;
  for (int i = 0; i < 90; ++i) evidence += "违";  // 3 bytes each
  std::string out = Console(OneFinding(evidence));
  std::string kept;
  for (int i = 0; i < 80; ++i) kept += "违";
  EXPECT_NE(out.find("             \"" + kept + "…\"\n"), std::string::npos) << out;

  // Exactly at the limit: nothing cut, no ellipsis.
  out = Console(OneFinding(kept));
  EXPECT_NE(out.find("\"" + kept + "\"\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("…"), std::string::npos);
}

TEST(WriteConsole, ControlCharactersAndBadUtf8CannotReachTheTerminal) {
  std::string out = Console(OneFinding("a\x1b[2Jb\nc\xff"));
  EXPECT_NE(out.find("\"a [2Jb c\xEF\xBF\xBD\"\n"), std::string::npos) << out;
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

TEST(WriteConsole, FindingsWithoutClauseOrWithUnknownClauseArePrinted) {
  Review r = OneFinding("x");
  r.findings[0].clause_id = "";
  Finding other = r.findings[0];
  other.id = "f2";
  other.clause_id = "c9";
  other.evidence = "";
  other.recommendation = "";
  r.findings.push_back(other);
  EXPECT_EQ(Console(r),
            "contracts/nda.txt  REVIEW  risk 12  0 critical, 0 high, 1 medium, 0 low, 0 info\n"
            "  Document\n"
            "    MEDIUM   confidentiality.one_way  Only one party is bound.\n"
            "             \"x\"\n"
            "             → Make it mutual.\n"
            "  c9\n"
            "    MEDIUM   confidentiality.one_way  Only one party is bound.\n");
}

TEST(WriteConsole, ClauseTitles) {
  Review r = OneFinding("x");
  r.clauses[0].number = "Article IV";
  r.clauses[0].heading = "Confidentiality";
  EXPECT_NE(Console(r).find("\n  Article IV Confidentiality\n"), std::string::npos);
  r.clauses[0].number = "";
  EXPECT_NE(Console(r).find("\n  Confidentiality\n"), std::string::npos);
  r.clauses[0].heading = "";
  EXPECT_NE(Console(r).find("\n  c1\n"), std::string::npos);
}

TEST(WriteConsoleTotals, ClosingLine) {
  EXPECT_EQ(Totals({12, 7, 3, 1, 1}), "12 documents: 7 pass, 3 review, 1 block; 1 error\n");
  EXPECT_EQ(Totals({1, 1, 0, 0, 0}), "1 document: 1 pass, 0 review, 0 block; 0 errors\n");
  EXPECT_EQ(Totals({3, 0, 0, 2, 1}, true),
            "3 documents: 0 pass, 0 review, \x1b[1;31m2 block\x1b[0m; "
            "\x1b[1;31m1 error\x1b[0m\n");
}

TEST(WriteConsoleError, OneLine) {
  std::ostringstream out;
  WriteConsoleError("in/old.doc",
                    Error{ErrorCode::kUnsupported, "encrypted or legacy .doc, not supported", ""},
                    ConsoleOptions{}, out);
  EXPECT_EQ(out.str(), "in/old.doc  ERROR  unsupported: encrypted or legacy .doc, not supported\n");
}

}  // namespace
}  // namespace clausecheck::reports

namespace clausecheck::reports {
namespace {

std::string Lines(const Review& review) {
  std::ostringstream out;
  WriteLines(review, out);
  return out.str();
}

TEST(WriteLines, OneLinePerFindingWithBlockAndCodePointColumn) {
  EXPECT_EQ(
      Lines(testing::RichReview()),
      "contracts/msa.docx:1:1: high confidentiality.missing No confidentiality clause.\n"
      "contracts/msa.docx:3:59: info term.short The initial term is shorter than 90 days.\n"
      "contracts/msa.docx:5:46: high liability.uncapped The customer's liability is "
      "uncapped.\n"
      "contracts/msa.docx:6:16: medium zh.penalty.excessive 违约金超过合同总价的百分之二十。\n"
      "contracts/msa.docx:7:23: low drafting.placeholder Unfilled placeholder.\n");
  EXPECT_EQ(Lines(testing::CleanReview()), "");
}

TEST(WriteLines, LeavesOutSuppressedFindingsAndKeepsOneLine) {
  Review review = testing::RichReview();
  for (size_t i = 1; i < review.findings.size(); ++i) {
    review.findings[i].suppressed = Suppression{"ok", "waivers"};
  }
  review.document.path = "a\nb.txt";
  review.findings[0].message = "two\nlines\x1b[31m";
  EXPECT_EQ(Lines(review), "a b.txt:1:1: high confidentiality.missing two lines [31m\n");
}

}  // namespace
}  // namespace clausecheck::reports
