// Cues: what a block holds, for the gates in front of the fact scanners'
// patterns. A gate that says "not there" wrongly would lose facts, so these
// tests hold every word to its cue, and the folding to what RE2's (?i) does.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "analyzer/extract.h"
#include "analyzer/extract_internal.h"

namespace clausecheck::analyzer::internal {
namespace {

const std::vector<std::pair<Cue, std::string>>& Examples() {
  static const std::vector<std::pair<Cue, std::string>> kExamples = {
      {Cue::kQuote, "the \"Term\""},
      {Cue::kCurlyQuote, "the “Term”"},
      {Cue::kCornerQuote, "「甲方」"},
      {Cue::kParen, "(a)"},
      {Cue::kBracket, "[Date]"},
      {Cue::kUnderscores, "Date: ____"},
      {Cue::kSectionSign, "§ 501"},
      {Cue::kPercent, "5%"},
      {Cue::kFullwidthPercent, "5％"},
      {Cue::kDollarSign, "$100"},
      {Cue::kEuroSign, "€100"},
      {Cue::kPoundSign, "£100"},
      {Cue::kYenSign, "¥100"},
      {Cue::kFullwidthYen, "￥100"},
      {Cue::kZhYear, "2026年"},
      {Cue::kZhSinceDay, "自签订之日起"},
      {Cue::kZhPeriod, "有效期"},
      {Cue::kZhYuan, "壹万元整"},
      {Cue::kZhRoundYuan, "壹万圆整"},
      {Cue::kZhFraction, "百分之五"},
      {Cue::kZhLaw, "中华人民共和国法律"},
      {Cue::kZhArbitration, "提交仲裁"},
      {Cue::kZhCourt, "向甲方所在地人民法院起诉"},
      {Cue::kZhCalled, "以下简称“甲方”"},
      {Cue::kZhOrdinal, "第三条"},
      {Cue::kDay, "30 Days"},
      {Cue::kWeek, "two WEEKS"},
      {Cue::kMonth, "one month"},
      {Cue::kYear, "five Years"},
      {Cue::kDollar, "US Dollars"},
      {Cue::kEuro, "EUROS"},
      {Cue::kPound, "pounds sterling"},
      {Cue::kYuan, "Yuan"},
      {Cue::kRenminbi, "Renminbi"},
      {Cue::kYen, "yen"},
      {Cue::kPer, "per cent"},
      {Cue::kLaw, "Governing Law"},
      {Cue::kAnniversary, "first anniversary"},
      {Cue::kArbitra, "Arbitration"},
      {Cue::kCourt, "the courts of"},
      {Cue::kSection, "Section 5"},
      {Cue::kClause, "CLAUSE 5"},
      {Cue::kArticle, "Article 5"},
      {Cue::kParagraph, "paragraph (b)"},
      {Cue::kJan, "January"},
      {Cue::kFeb, "Feb."},
      {Cue::kMar, "MARCH"},
      {Cue::kApr, "April"},
      {Cue::kMay, "May"},
      {Cue::kJun, "June"},
      {Cue::kJul, "July"},
      {Cue::kAug, "August"},
      {Cue::kSep, "Sept."},
      {Cue::kOct, "October"},
      {Cue::kNov, "November"},
      {Cue::kDec, "December"},
      {Cue::kUsd, "USD 5"},
      {Cue::kHkd, "HKD 5"},
      {Cue::kSgd, "SGD 5"},
      {Cue::kEur, "EUR 5"},
      {Cue::kGbp, "GBP 5"},
      {Cue::kJpy, "JPY 5"},
      {Cue::kCny, "CNY 5"},
      {Cue::kRmb, "RMB 5"},
      {Cue::kAud, "AUD 5"},
      {Cue::kCad, "CAD 5"},
      {Cue::kChf, "CHF 5"},
  };
  return kExamples;
}

TEST(Cues, EveryCueHasAnExample) { EXPECT_EQ(Examples().size(), static_cast<size_t>(Cue::kCount)); }

TEST(Cues, FindsEachWordAnywhereAndOnlyItsOwn) {
  for (const auto& [cue, text] : Examples()) {
    // At the start, in the middle and at the end of a longer text, and across
    // every alignment of the eight-byte steps.
    for (size_t pad = 0; pad < 9; ++pad) {
      const std::string padded = std::string(pad, ' ') + text + std::string(pad, ' ');
      EXPECT_TRUE(Cues(padded).Has(cue)) << "'" << padded << "'";
    }
    EXPECT_TRUE(Cues(text).Has(cue)) << text;
  }
  const Cues none("xyz; 0 1, kkk.");
  for (int k = 0; k < static_cast<int>(Cue::kCount); ++k) {
    EXPECT_FALSE(none.Has(static_cast<Cue>(k))) << k;
  }
  EXPECT_FALSE(Cues("pe").Has(Cue::kPer));  // a word cut short at the end
  EXPECT_FALSE(Cues("_ _").Has(Cue::kUnderscores));
}

TEST(Cues, FoldsAsRe2CaseInsensitiveMatchingDoes) {
  // RE2's (?i) matches k with KELVIN SIGN and s with LONG S.
  EXPECT_TRUE(Cues("two wee\u212A").Has(Cue::kWeek));
  EXPECT_TRUE(Cues("first anniver\u017Fary").Has(Cue::kAnniversary));
  EXPECT_TRUE(Cues("\u212A \u017Fection 5").Has(Cue::kSection));
  EXPECT_TRUE(Cues("LAW").Has(Cue::kLaw));
  EXPECT_FALSE(Cues("L\u00C1W").Has(Cue::kLaw));
}

TEST(Cues, DigitsAndHan) {
  EXPECT_FALSE(Cues("no figures here").digit());
  EXPECT_TRUE(Cues("clause 5").digit());
  EXPECT_FALSE(Cues("clause 5").digits4());
  EXPECT_TRUE(Cues("12 345 6789").digits4());
  EXPECT_FALSE(Cues("12 345 678").digits4());
  for (size_t pad = 0; pad < 17; ++pad) {
    const std::string text = std::string(pad, 'a') + "in 2026 or" + std::string(pad, 'b');
    EXPECT_TRUE(Cues(text).digits4()) << pad;
    const std::string three = std::string(pad, 'a') + "in 202 6 or 1 999" + std::string(pad, 'b');
    EXPECT_FALSE(Cues(three).digits4()) << pad;
  }
  EXPECT_TRUE(Cues("甲方").han());
  EXPECT_TRUE(Cues("\u4E00").han());
  EXPECT_TRUE(Cues("\u9FFF").han());
  EXPECT_FALSE(Cues("〇“quoted” § ￥").han());
  EXPECT_FALSE(Cues("").digit());
}

// The facts a pattern finds through a case fold outside ASCII are still found
// behind the gates.
TEST(Cues, GatedScannersStillSeeFoldedLetters) {
  Document doc;
  Block b;
  b.text = "Payment is due within thirty (30) WEE\u212AS of the invoice date.";
  doc.blocks.push_back(b);
  Clause c;
  c.id = "c1";
  c.first_block = 0;
  c.end_block = 1;
  c.text = b.text;
  c.block_offsets = {0};
  int durations = 0;
  for (const Fact& f : ExtractFacts(doc, {c}, ExtractOptions{"en", DateOrder::kAuto})) {
    if (f.type == FactType::kDuration) {
      ++durations;
      EXPECT_EQ(f.text, "thirty (30) WEE\u212AS");
      EXPECT_EQ(f.number, 30);
    }
  }
  EXPECT_EQ(durations, 1);
}

}  // namespace
}  // namespace clausecheck::analyzer::internal
