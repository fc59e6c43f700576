#include "analyzer/analyze.h"

#include <gtest/gtest.h>

#include "analyzer/language.h"

namespace clausecheck::analyzer {
namespace {

Finding Of(Severity s) {
  Finding f;
  f.severity = s;
  return f;
}

TEST(Verdict, BlocksOnHighReviewsOnMediumOrLowPassesOnInfo) {
  EXPECT_EQ(ComputeVerdict({}), Verdict::kPass);
  EXPECT_EQ(ComputeVerdict({Of(Severity::kInfo)}), Verdict::kPass);
  EXPECT_EQ(ComputeVerdict({Of(Severity::kLow)}), Verdict::kReview);
  EXPECT_EQ(ComputeVerdict({Of(Severity::kInfo), Of(Severity::kMedium)}), Verdict::kReview);
  EXPECT_EQ(ComputeVerdict({Of(Severity::kLow), Of(Severity::kHigh)}), Verdict::kBlock);
  EXPECT_EQ(ComputeVerdict({Of(Severity::kCritical)}), Verdict::kBlock);
}

TEST(RiskScore, FollowsTheDocumentedFormula) {
  EXPECT_EQ(ComputeRiskScore({}), 0);
  EXPECT_EQ(ComputeRiskScore({Of(Severity::kInfo)}), 0);
  EXPECT_EQ(ComputeRiskScore({Of(Severity::kHigh)}), 30);
  EXPECT_EQ(ComputeRiskScore({Of(Severity::kHigh), Of(Severity::kHigh)}), 51);
  EXPECT_EQ(ComputeRiskScore({Of(Severity::kMedium), Of(Severity::kLow)}), 16);  // 1-.88*.96
  EXPECT_EQ(ComputeRiskScore({Of(Severity::kCritical)}), 50);
  std::vector<Finding> many(40, Of(Severity::kCritical));
  EXPECT_EQ(ComputeRiskScore(many), 100);
}

TEST(Language, DetectsEnglishChineseMixedAndUnknown) {
  EXPECT_EQ(DetectLanguage("This Agreement is made between Acme and Beta."), "en");
  EXPECT_EQ(DetectLanguage("本合同由甲方与乙方于上海签订，双方同意如下条款。"), "zh");
  // English names inside a Chinese contract do not make it bilingual.
  EXPECT_EQ(
      DetectLanguage("甲方：Acme Technology (Shanghai) Co., Ltd.，住所：上海市浦东新区张江路一号，"
                     "法定代表人：张三。乙方应按照本合同约定提供服务。"),
      "zh");
  EXPECT_EQ(DetectLanguage("The parties agree as follows. 双方同意如下条款，本合同一式两份。"),
            "mixed");
  EXPECT_EQ(DetectLanguage("12. 3.4 —"), "unknown");
}

// Only ASCII letters and Han characters count, whatever is around them: 31
// letters make 31/4 words, under the 8 below which a text is "unknown"; 32
// make 8; a Han character adds one. Every other ASCII byte, two-byte
// characters (é, Arabic, Cyrillic) and a stray continuation byte count for
// nothing.
TEST(Language, CountsTheSameLettersWhereverTheyFall) {
  std::string noise;
  for (int b = 0; b < 0x80; ++b) {
    const bool letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    if (!letter) noise += static_cast<char>(b);
  }
  noise += "é\u0644\u0436\x80\xC3 \u00DF";
  for (size_t at = 0; at < 9; ++at) {
    for (size_t letters : {size_t{31}, size_t{32}}) {
      std::string text = noise.substr(0, at);
      for (size_t k = 0; k < letters; ++k)
        text += static_cast<char>(k % 2 ? 'a' + k % 26 : 'Z' - k % 26);
      text += noise.substr(at);
      EXPECT_EQ(DetectLanguage(text), letters == 32 ? "en" : "unknown") << at << " " << letters;
      // A Han character adds a word: 31 letters and one are eight and three-quarters.
      EXPECT_EQ(DetectLanguage(text + "甲"), "en") << at;
      EXPECT_EQ(DetectLanguage("甲" + text), "en") << at;
    }
  }
}

}  // namespace
}  // namespace clausecheck::analyzer
