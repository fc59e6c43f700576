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
      {Cue::kZhDay, "三十日"},
      {Cue::kZhTian, "三十天"},
      {Cue::kZhWeek, "两周"},
      {Cue::kZhXingqi, "两个星期"},
      {Cue::kZhMonth, "三个月"},
      {Cue::kZhRenminbi, "人民币100"},
      {Cue::kZhHkDollar, "100港币"},
      {Cue::kZhPound, "100英镑"},
      {Cue::kZhJpYen, "100円"},
      {Cue::kZhSign, "签订"},
      {Cue::kZhSeal, "盖章"},
      {Cue::kZhEffect, "生效"},
      {Cue::kZhReceive, "收到"},
      {Cue::kZhHandOver, "交付"},
      {Cue::kZhDeliver, "交货"},
      {Cue::kZhArrive, "到货"},
      {Cue::kZhAccept, "验收"},
      {Cue::kZhPay, "付款"},
      {Cue::kZhExpire, "届满"},
      {Cue::kZhDue, "到期"},
      {Cue::kZhTerminate, "终止"},
      {Cue::kZhRescind, "解除"},
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

// The Chinese scanners run where a unit, an anchor or a currency is: each of
// them, alone in a block, still gives its fact.
TEST(Cues, GatedChineseScannersSeeEveryUnitAnchorAndCurrency) {
  auto facts_of = [](const std::string& text) {
    Document doc;
    Block b;
    b.text = text;
    doc.blocks.push_back(b);
    Clause c;
    c.id = "c1";
    c.first_block = 0;
    c.end_block = 1;
    c.text = b.text;
    c.block_offsets = {0};
    return ExtractFacts(doc, {c}, ExtractOptions{"zh", DateOrder::kAuto});
  };
  auto has = [&](const std::string& text, FactType type, bool relative, const std::string& span) {
    for (const Fact& f : facts_of(text)) {
      if (f.type == type && f.relative.has_value() == relative && f.text == span) return true;
    }
    return false;
  };
  for (const char* unit : {"个工作日", "工作日", "个自然日", "自然日", "日", "天", "周", "个星期",
                           "星期", "个月", "年"}) {
    const std::string span = std::string("30") + unit;
    EXPECT_TRUE(has("乙方应在" + span + "内完成。", FactType::kDuration, false, span)) << unit;
  }
  for (const char* anchor :
       {"签订", "签署",     "签字盖章", "签字并盖章", "签章", "签字",     "盖章",
        "生效", "收到发票", "交付",     "交货",       "到货", "验收合格", "验收",
        "付款", "届满",     "期满",     "到期",       "终止", "解除"}) {
    const std::string span = std::string("自") + anchor + "之日起30日内";
    EXPECT_TRUE(has("甲方应" + span + "通知乙方。", FactType::kDate, true, span)) << anchor;
  }
  for (const char* amount : {"100元", "100美元", "100港元", "100港币", "100欧元", "100英镑",
                             "100日元", "100円", "人民币100", "美元100", "港币100", "港元100"}) {
    EXPECT_TRUE(has("价款为" + std::string(amount) + "，", FactType::kAmount, false, amount))
        << amount;
  }
}

}  // namespace
}  // namespace clausecheck::analyzer::internal
