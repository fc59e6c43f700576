#include "analyzer/prefilter.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

namespace clausecheck::analyzer {
namespace {

TEST(Loosen, WidensLargeBoundedRepetitions) {
  EXPECT_EQ(Loosen(R"(\bliability\b[^.\n]{0,200}\bexceed)"), R"(\bliability\b[^.\n]*\bexceed)");
  EXPECT_EQ(Loosen(R"(between\b[^.\n]{3,400}?\band)"), R"(between\b[^.\n]+?\band)");
  EXPECT_EQ(Loosen("(?:a|b){0,9}c"), "(?:a|b)*c");
  EXPECT_EQ(Loosen("x{12}"), "x+");
  EXPECT_EQ(Loosen("x{7,}"), "x+");
  EXPECT_EQ(Loosen("自[^。；\n]{2,40}起至"), "自[^。；\n]+起至");
}

TEST(Loosen, KeepsSmallCountsEscapesClassesAndLiteralBraces) {
  for (const char* p :
       {R"(\d{4}-\d{1,2})", R"(x{2,})", R"(\{0,99\})", R"([{0,99}])", R"([]{0,99}])",
        R"([^]{0,99}])", R"([[:alpha:]{0,99}])", R"(\p{Han}{0,3})", R"(\x{4E00}{1,2})",
        R"(\Q{0,99}\E)", "a{,99}", "a{x}", "{0,99}", "no repetition at all"}) {
    EXPECT_EQ(Loosen(p), p) << p;
  }
  EXPECT_EQ(Loosen(R"(\p{Han}{0,30})"), R"(\p{Han}*)");
  EXPECT_EQ(Loosen(R"([]]{0,30}x)"), R"([]]*x)");
  EXPECT_EQ(Loosen(R"(\Q{0,99}\Ey{0,99})"), R"(\Q{0,99}\Ey*)");
}

TEST(Loosen, MatchesEverythingThePatternMatches) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"((?i)\b(?:aggregate|total) liability\b[^.\n]{0,200}\bexceed)",
       "The total liability of the Supplier under this Agreement shall not exceed"},
      {R"(自[^。；\n]{2,40}起至[^。；\n]{2,40}止)", "自2026年1月1日起至2026年12月31日止"},
      {R"(a{3,5}b)", "aaaab"},
  };
  for (const auto& [pattern, text] : cases) {
    RE2 exact(pattern), loose(Loosen(pattern));
    ASSERT_TRUE(exact.ok() && loose.ok()) << pattern;
    EXPECT_TRUE(RE2::PartialMatch(text, exact)) << pattern;
    EXPECT_TRUE(RE2::PartialMatch(text, loose)) << pattern;
  }
  // And more: the gap is no longer counted.
  EXPECT_FALSE(RE2::PartialMatch("aaaaaab", RE2("^a{3,5}b")));
  EXPECT_TRUE(RE2::PartialMatch("aaaaaab", RE2(Loosen("^a{3,5}b"))));
}

}  // namespace
}  // namespace clausecheck::analyzer
