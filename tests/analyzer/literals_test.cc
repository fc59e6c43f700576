#include "analyzer/literals.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace clausecheck::analyzer {
namespace {

std::string F(const std::string& pattern) { return RequiredLiterals(pattern).ToString(); }

TEST(RequiredLiterals, ALiteralIsRequiredLowercased) {
  EXPECT_EQ(F("Notice"), "notice");
  EXPECT_EQ(F(R"((?i)\bgoverning\s+law\b)"), "governing AND law");
  EXPECT_EQ(F("违约金"), "违约金");
  EXPECT_EQ(F(R"(\QA.B\E and)"), "a.b and");
}

TEST(RequiredLiterals, AlternativesAndShortStrings) {
  EXPECT_EQ(F("(?i)liabilit(?:y|ies)"), "liabilities OR liability");
  // "or" is shorter than an atom: the OR cannot be required.
  EXPECT_EQ(F("(?:or|and)"), "all");
  EXPECT_EQ(F(R"((?i)\b(?:terminat\w*|cancel)\b[^.]*notice)"), "(terminat OR cancel) AND notice");
  // A string holding a shorter alternative adds nothing to the OR.
  EXPECT_EQ(F("(?:fees?|feedback)"), "fee");
  EXPECT_EQ(F("a(?:bcd|xyz)|zzz"), "abcd OR axyz OR zzz");
  EXPECT_EQ(F("a(?:bc|x)|zzz"), "all");  // "ax" is too short
}

TEST(RequiredLiterals, RepetitionsRequireWhatTheyMust) {
  EXPECT_EQ(F("(?:shall)+ pay"), "shall AND  pay");
  EXPECT_EQ(F("(?:shall)* pay"), " pay");
  EXPECT_EQ(F("colou?r"), "color OR colour");
  EXPECT_EQ(F("(?:net ){1,3}thirty"), "net  AND thirty");
  EXPECT_EQ(F("(?:net ){0,3}thirty"), "thirty");
  EXPECT_EQ(F(R"(\bcap\b[^.\n]{0,200}\bliability)"), "cap AND liability");
  EXPECT_EQ(F("x{2,}?yz"), "all");  // "x" and "yz" are too short
  EXPECT_EQ(F("abc{"), "abc{");     // a brace that is no repetition is literal
}

TEST(RequiredLiterals, ClassesOfAFewCharacters) {
  EXPECT_EQ(F("[Tt]erm"), "term");
  EXPECT_EQ(F("pay[- ]as"), "pay as OR pay-as");
  EXPECT_EQ(F("[a-z]+ment"), "ment");
  EXPECT_EQ(F(R"([^.]*days)"), "days");
  EXPECT_EQ(F(R"([\d,]+ dollars)"), " dollars");
  EXPECT_EQ(F("[[:alpha:]]ab"), "all");
  EXPECT_EQ(F(R"([一-龥]+合同)"), "合同");
}

TEST(RequiredLiterals, GroupsAndFlags) {
  EXPECT_EQ(F("(?P<n>abc)def"), "abcdef");
  EXPECT_EQ(F("(?i:abc)(?-i)def"), "abcdef");
  EXPECT_EQ(F(R"(^\s*(?:Section|Article)\s+\d+)"), "article OR section");
  EXPECT_EQ(F(R"((?s)a.b\.c)"), "b.c");
}

TEST(RequiredLiterals, SyntaxItDoesNotReadRequiresNothing) {
  EXPECT_EQ(F("abc)"), "all");  // unbalanced
  EXPECT_EQ(F("(?#x)abc"), "all");
  EXPECT_EQ(F(R"(\pL{3}abc)"), "abc");
  EXPECT_EQ(F(R"(\x{41}bcd)"), "bcd");
}

}  // namespace
}  // namespace clausecheck::analyzer

namespace clausecheck::analyzer {
namespace {

std::vector<int> Found(const AtomScanner& s, std::string_view text) {
  std::vector<int> found;
  s.Scan(text, &found);
  std::sort(found.begin(), found.end());
  return found;
}

TEST(AtomScanner, FindsEveryAtomOnceWhereverItEnds) {
  AtomScanner s;
  const int he = s.Add("he");
  const int she = s.Add("she");
  const int his = s.Add("his");
  const int hers = s.Add("hers");
  EXPECT_EQ(s.Add("she"), she);  // once
  s.Compile();
  EXPECT_EQ(s.size(), 4);
  EXPECT_EQ(Found(s, "ushers"), (std::vector<int>{he, she, hers}));
  EXPECT_EQ(Found(s, "this his"), std::vector<int>{his});
  EXPECT_EQ(Found(s, "hhhe he she"), (std::vector<int>{he, she}));
  EXPECT_TRUE(Found(s, "h e r s").empty());
  EXPECT_TRUE(Found(s, "").empty());
  std::vector<int> order;
  s.Scan("she sells", &order);
  EXPECT_EQ(order, (std::vector<int>{she, he}));  // in the order found, each once
}

TEST(AtomScanner, FoldsAsRe2CaseInsensitiveMatching) {
  AtomScanner s;
  const int kilo = s.Add("kilo");
  const int sale = s.Add("sale");
  const int han = s.Add("违约金");
  const int upper = s.Add("NOTICE");  // atoms are folded too
  s.Compile();
  EXPECT_EQ(Found(s, "KILO"), std::vector<int>{kilo});
  EXPECT_EQ(Found(s, "\xE2\x84\xAAilo"), std::vector<int>{kilo});  // KELVIN SIGN
  EXPECT_EQ(Found(s,
                  "\xC5\xBF"
                  "ale"),
            std::vector<int>{sale});  // LONG S
  EXPECT_EQ(Found(s, "乙方应支付违约金。"), std::vector<int>{han});
  EXPECT_EQ(Found(s, "Notice"), std::vector<int>{upper});
  EXPECT_TRUE(Found(s, "违约").empty());
}

TEST(RequiredLiterals, CharactersWithACaseOutsideAsciiAreNotRequired) {
  // RE2's (?i) matches É for é; the scanner folds ASCII only.
  EXPECT_EQ(F("(?i)café au lait"), "caf AND  au lait");
  EXPECT_EQ(F("(?i)[éè]tude"), "tude");
  EXPECT_EQ(F("第[一二三]条"), "第一条 OR 第三条 OR 第二条");
  EXPECT_EQ(F("§ 12"), "§ 12");
}

}  // namespace
}  // namespace clausecheck::analyzer
