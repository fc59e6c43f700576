#include "reports/summary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/reports/sample_review.h"

namespace clausecheck::reports {
namespace {

using testing::CleanReview;
using testing::RichReview;

std::vector<SummaryRow> Rows() {
  return {SummaryRowFor(RichReview()),
          SummaryRowForError("contracts/old.doc",
                             Error{ErrorCode::kUnsupported, "legacy .doc, \"not\" supported", ""}),
          SummaryRowFor(CleanReview())};
}

TEST(SummaryRowFor, TakesVerdictCountsAndFacts) {
  const SummaryRow r = SummaryRowFor(RichReview());
  EXPECT_EQ(r.path, "contracts/msa.docx");
  EXPECT_EQ(r.verdict, "block");
  EXPECT_EQ(r.risk_score, 59);
  EXPECT_EQ(r.counts, (std::array<int, 5>{1, 1, 1, 2, 0}));  // info, low, medium, high, critical
  // Short names where there is one, else the name.
  EXPECT_EQ(r.parties, "Acme; 上海某某科技有限公司");
  EXPECT_EQ(r.effective_date, "2026-01-01");
  EXPECT_EQ(r.end_date, "");
  EXPECT_EQ(r.governing_law, "中华人民共和国");
  EXPECT_EQ(r.error, "");
}

TEST(SummaryRowFor, EarliestEffectiveElseStartAndLatestEnd) {
  Review review = CleanReview();
  auto date = [&](std::string value, std::string role) {
    Fact f;
    f.type = FactType::kDate;
    f.value = std::move(value);
    f.role = std::move(role);
    review.facts.push_back(f);
  };
  date("2026-05-01", "start");
  date("2029-02-28", "end");
  date("2029-03-01", "end");
  date("2026-04-01", "start");
  EXPECT_EQ(SummaryRowFor(review).effective_date, "2026-04-01");
  EXPECT_EQ(SummaryRowFor(review).end_date, "2029-03-01");
  date("2026-06-01", "effective");
  EXPECT_EQ(SummaryRowFor(review).effective_date, "2026-06-01");
}

TEST(SummaryFormatFor, ByExtension) {
  SummaryFormat f = SummaryFormat::kMarkdown;
  EXPECT_TRUE(SummaryFormatFor("out/summary.csv", &f));
  EXPECT_EQ(f, SummaryFormat::kCsv);
  EXPECT_TRUE(SummaryFormatFor("SUMMARY.MD", &f));
  EXPECT_EQ(f, SummaryFormat::kMarkdown);
  EXPECT_TRUE(SummaryFormatFor("s.markdown", &f));
  EXPECT_FALSE(SummaryFormatFor("summary.txt", &f));
  EXPECT_FALSE(SummaryFormatFor("summary", &f));
  EXPECT_FALSE(SummaryFormatFor(".csv", &f));
}

TEST(SummaryTable, CsvQuotesAsRfc4180) {
  EXPECT_EQ(SummaryTable(Rows(), SummaryFormat::kCsv),
            "path,verdict,risk_score,critical,high,medium,low,info,parties,effective_date,"
            "end_date,governing_law,error\r\n"
            "contracts/msa.docx,block,59,0,2,1,1,1,Acme; 上海某某科技有限公司,2026-01-01,,"
            "中华人民共和国,\r\n"
            "contracts/old.doc,error,,,,,,,,,,,\"unsupported: legacy .doc, \"\"not\"\" "
            "supported\"\r\n"
            "contracts/nda.txt,pass,0,0,0,0,0,0,,,,,\r\n");
}

TEST(SummaryTable, CsvQuotesLineBreaks) {
  SummaryRow r;
  r.path = "a\nb.txt";
  r.verdict = "pass";
  const std::string csv = SummaryTable({r}, SummaryFormat::kCsv);
  EXPECT_NE(csv.find("\r\n\"a\nb.txt\",pass,0,"), std::string::npos) << csv;
}

TEST(SummaryTable, MarkdownEscapesPipesLineBreaksAndHtml) {
  SummaryRow r;
  r.path = "x|y\\z\r\nw.txt";
  r.verdict = "review";
  r.parties = "<script>A&B</script>";
  EXPECT_EQ(
      SummaryTable({r}, SummaryFormat::kMarkdown),
      "| path | verdict | risk_score | critical | high | medium | low | info | parties | "
      "effective_date | end_date | governing_law | error |\n"
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | --- |\n"
      "| x\\|y\\\\z<br>w.txt | review | 0 | 0 | 0 | 0 | 0 | 0 | "
      "&lt;script&gt;A&amp;B&lt;/script&gt; |  |  |  |  |\n");
}

TEST(SummaryTable, MarkdownErrorRow) {
  const std::string md = SummaryTable(Rows(), SummaryFormat::kMarkdown);
  EXPECT_NE(md.find("| contracts/old.doc | error |  |  |  |  |  |  |  |  |  |  | unsupported: "
                    "legacy .doc, \"not\" supported |\n"),
            std::string::npos)
      << md;
}

}  // namespace
}  // namespace clausecheck::reports
