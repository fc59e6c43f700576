#include "analyzer/delimited.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"

namespace clausecheck::analyzer {
namespace {

using Spans = std::vector<std::pair<size_t, size_t>>;

std::string Utf8(std::u32string_view s) {
  std::string out;
  for (const char32_t c : s) utf8::Append(c, &out);
  return out;
}

// The pattern whose matches ForEachDelimited gives for `d`.
std::string PatternOf(const Delimited& d) {
  auto cls = [](std::u32string_view s) {
    std::string out;
    for (const char32_t c : s) out += c == U'\n' ? std::string("\\n") : Utf8(std::u32string(1, c));
    return out;
  };
  return "[" + cls(d.open) + "]([^" + cls(d.close) + cls(d.stop) + "]{1," + std::to_string(d.most) +
         "})[" + cls(d.close) + "]";
}

// Each match's whole span and group 1's, from the scan and from RE2 walked
// as ForEachMatch walks it.
Spans Scanned(std::string_view text, const Delimited& d) {
  Spans out;
  ForEachDelimited(text, d, [&](std::string_view whole, std::string_view inside) {
    out.emplace_back(whole.data() - text.data(), whole.size());
    out.emplace_back(inside.data() - text.data(), inside.size());
  });
  return out;
}

Spans Matched(std::string_view text, const RE2& re) {
  Spans out;
  re2::StringPiece g[2];
  size_t pos = 0;
  while (pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, g, 2)) {
    out.emplace_back(g[0].data() - text.data(), g[0].size());
    out.emplace_back(g[1].data() - text.data(), g[1].size());
    pos = g[0].data() - text.data() + g[0].size();
  }
  return out;
}

const Delimited kParen{U"(", U")", U"(\n", 200};
const Delimited kQuoted{U"\"“", U"\"”", U"\n", 80};

TEST(Delimited, FindsWhatItsPatternFinds) {
  EXPECT_EQ(PatternOf(kParen), "[(]([^)(\\n]{1,200})[)]");
  const std::string text = "See (the \"Services\") and (“Customer” (a) ) \"\" “x“y” ()\n(z)";
  RE2 paren(PatternOf(kParen));
  RE2 quoted(PatternOf(kQuoted));
  ASSERT_TRUE(paren.ok() && quoted.ok());
  EXPECT_EQ(Scanned(text, kParen), Matched(text, paren));
  // (the "Services"), (a), (z): "(“Customer” (" meets a bracket first.
  EXPECT_EQ(Scanned(text, kParen).size(), 6u);
  EXPECT_EQ(Scanned(text, kQuoted), Matched(text, quoted));
  // "Services", "Customer", then " “x“y” from the second of "": the first
  // closes an empty run. When at most 2 code points may stand between the
  // marks, that match is “y” from the last mark.
  const Spans q = Scanned(text, kQuoted);
  ASSERT_EQ(q.size(), 6u);
  EXPECT_EQ(text.substr(q[5].first, q[5].second), " “x“y");
  const Spans short_q = Scanned(text, Delimited{U"\"“", U"\"”", U"\n", 2});
  ASSERT_FALSE(short_q.empty());
  EXPECT_EQ(text.substr(short_q.back().first, short_q.back().second), "y");
}

// Random texts over the marks, letters, a Chinese character and, in some, a
// byte that is not UTF-8, with short and long limits: every match and group
// as RE2 finds them.
TEST(Delimited, AgreesWithRe2OnRandomTexts) {
  const std::vector<std::string> pieces = {"\"", "“", "”", "(", ")", "\n", "a", "b c", "中", " "};
  const std::vector<Delimited> shapes = {kParen,
                                         kQuoted,
                                         {U"\"“", U"\"”", U"\n", 60},
                                         {U"\"“", U"\"”", U"\n", 1},
                                         {U"\"“", U"\"”", U"\n", 3},
                                         {U"(", U")", U"(\n", 2},
                                         {U"“", U"”", U"", 4}};
  std::mt19937 rng(20261129);
  int matches = 0;
  for (const Delimited& d : shapes) {
    RE2 re(PatternOf(d));
    ASSERT_TRUE(re.ok()) << PatternOf(d);
    for (int n = 0; n < 3000; ++n) {
      std::string text;
      const int length = static_cast<int>(rng() % (n % 3 == 0 ? 400 : 40));
      const bool invalid = n % 7 == 0;
      for (int k = 0; k < length; ++k) {
        const unsigned r = rng() % (pieces.size() + (invalid ? 1 : 0) + 6);
        // Mostly letters, so that long runs occur.
        text += r < pieces.size() ? pieces[r] : r == pieces.size() && invalid ? "\xff" : "x";
      }
      const Spans want = Matched(text, re);
      ASSERT_EQ(Scanned(text, d), want) << PatternOf(d) << " on " << text;
      matches += static_cast<int>(want.size() / 2);
    }
  }
  EXPECT_GT(matches, 10000);
}

}  // namespace
}  // namespace clausecheck::analyzer
