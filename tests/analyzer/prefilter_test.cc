#include "analyzer/prefilter.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <climits>
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
        R"(\Q{0,99}\E)", "a{,99}", "a{x}", "{0,99}", "no repetition at all",
        // Counts RE2 does not read (a leading zero; ten digits or more): the
        // brace is a literal to it (found by fuzz_literals).
        "a{0,099}", "a{00,99}", "a{0,4999999999}b", "a{1234567890}"}) {
    EXPECT_EQ(Loosen(p), p) << p;
  }
  EXPECT_EQ(Loosen("a{0,999999999}b"), "a*b");  // nine digits: a count RE2 reads (and refuses)
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

TEST(Loosen, SaysUpToWhichLengthNothingChanged) {
  long same = -1;
  EXPECT_EQ(Loosen(R"(a[^.\n]{0,200}b|c[^.]{1,40}d)", 4, &same), R"(a[^.\n]*b|c[^.]+d)");
  EXPECT_EQ(same, 40);  // the least of the widened bounds
  Loosen(R"(a{0,3}b)", 4, &same);
  EXPECT_EQ(same, LONG_MAX);  // nothing widened
  // Not the same at any length: a widened lower bound above 1, or none above.
  for (const char* p : {R"(x{2,40})", R"(x{12})", R"(x{7,})", R"(a[^.]{0,99}\Cb)"}) {
    Loosen(p, 4, &same);
    EXPECT_EQ(same, 0) << p;
  }
}

// The claim behind same_up_to: on every text of at most that many
// characters the loosened pattern matches exactly where the pattern does,
// and on longer ones it may not.
TEST(Loosen, IsThePatternOnTextsUpToSameUpTo) {
  const std::string pattern =
      R"((?i)\bsole\b[^.]{0,12}\bdiscretion|\bat will\b(?:[^.;]|\.\d){1,8}\bend)";
  long same = 0;
  RE2 exact(pattern), loose(Loosen(pattern, 4, &same));
  ASSERT_EQ(same, 8);
  const std::vector<std::string> texts = {
      "sole discretion",   "sole  discretion", "at will 1.2 end",
      "at will end",       "at willxxend",     "Sole, its discretion",
      "x at will 2.5 end", "at will 1.23 end", "SOLE DISCRETION"};
  int compared = 0;
  for (const std::string& t : texts) {
    for (size_t from = 0; from < t.size(); ++from) {
      for (size_t n = 0; from + n <= t.size() && n <= static_cast<size_t>(same); ++n) {
        const std::string sub = t.substr(from, n);
        EXPECT_EQ(RE2::PartialMatch(sub, exact), RE2::PartialMatch(sub, loose)) << sub;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 500);
  // Past it they differ: 9 characters between "at will" and "end".
  EXPECT_FALSE(RE2::PartialMatch("at will 123456789 end", exact));
  EXPECT_TRUE(RE2::PartialMatch("at will 123456789 end", loose));
}

TEST(Alternatives, SplitsTheTopLevelAndKeepsTheLeadingFlags) {
  EXPECT_EQ(Alternatives(R"((?i)a|b(c|d)|[|]\||\Q|\E)"),
            (std::vector<std::string>{"(?i)a", "(?i)b(c|d)", R"((?i)[|]\|)", R"((?i)\Q|\E)"}));
  EXPECT_EQ(Alternatives("(?i)(?m)x|^y"), (std::vector<std::string>{"(?i)(?m)x", "(?i)(?m)^y"}));
  EXPECT_EQ(Alternatives("x|"), (std::vector<std::string>{"x", ""}));
  // Nothing to split, or a split that could change what a flag covers.
  for (const char* p : {"abc", "(?i)(?:a|b)", "a(?i)b|c", "(a|b", "a)|(b", "(?i:a)b"}) {
    EXPECT_TRUE(Alternatives(p).empty()) << p;
  }
  EXPECT_EQ(Alternatives("(?i:a)|b"), (std::vector<std::string>{"(?i:a)", "b"}));
}

TEST(Alternatives, MatchWhereThePatternMatches) {
  const std::string pattern = R"((?i)\bsole\b[^.]{0,12}\bdiscretion|^\s*notice\b|违约金)";
  const std::vector<std::string> alternatives = Alternatives(pattern);
  ASSERT_EQ(alternatives.size(), 3u);
  RE2 whole(pattern);
  for (const char* text : {"its SOLE discretion", "x\nNotice: y", "Notice", "乙方支付违约金",
                           "none", " notice", "sole. discretion"}) {
    bool any = false;
    for (const std::string& a : alternatives) any = any || RE2::PartialMatch(text, RE2(a));
    EXPECT_EQ(any, RE2::PartialMatch(text, whole)) << text;
  }
}

}  // namespace
}  // namespace clausecheck::analyzer
