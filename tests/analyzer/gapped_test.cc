#include "analyzer/gapped.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "analyzer/extract_internal.h"

namespace clausecheck::analyzer {
namespace {

using SP = re2::StringPiece;

// The groups as offsets into `text` (-1 for a group that took no part), so
// that a difference prints readably.
std::vector<long> Offsets(std::string_view text, const std::vector<SP>& g) {
  std::vector<long> out;
  for (const SP& s : g) {
    out.push_back(s.data() == nullptr ? -1 : s.data() - text.data());
    out.push_back(s.data() == nullptr ? -1 : static_cast<long>(s.size()));
  }
  return out;
}

// Random texts near the patterns' shapes: definitions and party names with
// quoted terms, bracketed notes and tails of lengths on both sides of every
// count (a term of 40 or 60 code points at most, a note of 40, a tail of
// 200), between pieces of noise.
std::string RandomText(std::mt19937* rng) {
  const auto pick = [&](std::initializer_list<std::string> l) {
    std::uniform_int_distribution<size_t> d(0, l.size() - 1);
    return std::string(l.begin()[d(*rng)]);
  };
  const auto run = [&](int lo, int hi) {
    std::uniform_int_distribution<int> len(lo, hi), c(0, 9);
    std::string out;
    for (int k = len(*rng); k > 0; --k) {
      const int x = c(*rng);
      out += x < 6 ? "a" : x == 6 ? " " : x == 7 ? "é" : x == 8 ? "," : "违";
    }
    return out;
  };
  const auto around = [&](int lo, int hi) {
    std::uniform_int_distribution<int> side(0, 2);
    const int s = side(*rng);
    return s == 0 ? run(lo, lo + 3) : s == 1 ? run(hi - 3, hi + 3) : run(lo, hi + 20);
  };
  std::string text;
  std::uniform_int_distribution<int> count(1, 4), shape(0, 4);
  for (int k = count(*rng); k > 0; --k) {
    text += pick({"", " ", "\n", "x", "(", ": ", "Acme Ltd ", "违约"});
    switch (shape(*rng)) {
      case 0:  // "Term" (note) means
        text += pick({" ", "(", ",", ";", ":", "\n", ""}) + pick({"\"", "“"}) + around(1, 60) +
                pick({"\"", "”", "\n"}) + pick({"", " ", "  "}) +
                pick({"", "(" + around(0, 40) + ") ", "(a\nb) "}) + pick({"", ", "}) +
                pick({"", "shall ", "will "}) +
                pick({"means", "includes", "has the meaning", "is defined", "mean", "meaning"});
        break;
      case 1:  // (the "Buyer") or ("Buyer", and the tail)
        text += "(" +
                pick({"", " ", "the ", "hereinafter ", "hereinafter referred to as ", "each "}) +
                pick({"\"", "“"}) + around(1, 40) +
                pick({"\")", "”)", "\" )", ",\" " + around(0, 200) + ")",
                      "\"; " + around(0, 200) + ")", "\"(", "\""});
        break;
      case 2: text += around(1, 60); break;
      default: text += pick({"\"", "“", "”", ")", "(", "means ", "(the "}); break;
    }
  }
  return text;
}

// The same for the Chinese definitions (“关联方”是指, 以下简称“甲方”), terms of
// up to 20 characters, and the "(10%)" after a rate, of up to 12.
std::string RandomChineseText(std::mt19937* rng) {
  const auto pick = [&](std::initializer_list<std::string> l) {
    std::uniform_int_distribution<size_t> d(0, l.size() - 1);
    return l.begin()[d(*rng)];
  };
  const auto run = [&](int lo, int hi) {
    std::uniform_int_distribution<int> len(lo, hi), c(0, 5);
    std::string out;
    for (int k = len(*rng); k > 0; --k) {
      const int x = c(*rng);
      out += x < 3 ? "方" : x == 3 ? "a" : x == 4 ? " " : "，";
    }
    return out;
  };
  const auto around = [&](int most) {
    std::uniform_int_distribution<int> side(0, 2);
    const int s = side(*rng);
    return s == 0 ? run(1, 3) : s == 1 ? run(most - 2, most + 2) : run(0, most + 8);
  };
  std::string text;
  std::uniform_int_distribution<int> count(1, 4), shape(0, 3);
  for (int k = count(*rng); k > 0; --k) {
    text += pick({"", " ", "\n", "本合同所称", "（", "甲方"});
    switch (shape(*rng)) {
      case 0:
        text += pick({"“", "\"", "「"}) + around(20) + pick({"”", "\"", "」", "\n"}) +
                pick({"", " ", "一词"}) + pick({"是指", "系指", "指", "包括", "为"});
        break;
      case 1:
        text += pick({"以下简称", "简称", "下称", "以下称为"}) + pick({"", "为", "：", " : "}) +
                pick({"“", "\"", "「"}) + around(20) + pick({"”", "」", "\"", "\n"}) + "）";
        break;
      case 2:
        text += pick({"", " ", "  "}) + pick({"(", "（"}) + around(12) + pick({")", "）", ""});
        break;
      default: text += around(20); break;
    }
  }
  return text;
}

// GappedPattern gives what its exact pattern gives, match and groups, from
// every start and up to every end, on texts whose gaps are shorter and
// longer than the counts: the open pattern alone would differ on many.
template <typename Gen>
void ExpectSameAsExact(const GappedPattern& p, int groups, unsigned seed, Gen gen) {
  std::mt19937 rng(seed);
  const RE2& exact = p.exact();
  ASSERT_TRUE(exact.ok()) << exact.error();
  ASSERT_TRUE(p.open().ok()) << p.open().error();
  ASSERT_EQ(exact.NumberOfCapturingGroups(), groups);
  long matches = 0, open_differs = 0;
  for (int t = 0; t < 6000; ++t) {
    const std::string text = gen(&rng);
    std::uniform_int_distribution<size_t> at(0, text.size());
    size_t pos = at(rng), end = at(rng);
    if (pos > end) std::swap(pos, end);
    if (t % 2 == 0) pos = 0, end = text.size();
    std::vector<SP> want(static_cast<size_t>(groups) + 1), got(want.size()), open(want.size());
    const bool w = exact.Match(text, pos, end, RE2::UNANCHORED, want.data(), groups + 1);
    const bool g = p.Match(text, pos, end, got.data(), groups + 1);
    ASSERT_EQ(g, w) << "text '" << text << "' from " << pos << " to " << end;
    if (w) {
      EXPECT_EQ(Offsets(text, got), Offsets(text, want))
          << "text '" << text << "' from " << pos << " to " << end;
      ++matches;
    }
    const bool o = p.open().Match(text, pos, end, RE2::UNANCHORED, open.data(), groups + 1);
    if (o != w || (w && Offsets(text, open) != Offsets(text, want))) ++open_differs;
  }
  EXPECT_GT(matches, 200);
  EXPECT_GT(open_differs, 50);  // the counts decided those
}

TEST(GappedPattern, TheDefinitionPatternAnswersAsItsExactPattern) {
  ExpectSameAsExact(internal::DefinitionPattern(), 2, 1, RandomText);
}

TEST(GappedPattern, ThePartyDefinitionPatternAnswersAsItsExactPattern) {
  ExpectSameAsExact(internal::PartyDefinitionPattern(), 1, 2, RandomText);
}

TEST(GappedPattern, TheChineseDefinitionPatternsAnswerAsTheirExactPatterns) {
  ExpectSameAsExact(internal::ZhDefinitionPattern(), 2, 3, RandomChineseText);
  ExpectSameAsExact(internal::ZhShortNamePattern(), 2, 4, RandomChineseText);
}

TEST(GappedPattern, TheRateTwinPatternAnswersAsItsExactPattern) {
  ExpectSameAsExact(internal::RateTwinPattern(), 0, 5, RandomChineseText);
}

// A gap one code point over its count: the open pattern matches there, the
// exact one searches on and finds the next; a gap at its count is taken.
TEST(GappedPattern, AGapOverItsCountIsSearchedOnFromThere) {
  RE2::Options o;
  o.set_log_errors(false);
  const GappedPattern p(R"(\[([^\]]{1,3})\])", R"(\[([^\]]+)\])", {{1, 3}}, o);
  SP g[2];
  const auto match = [&](std::string_view text, int n) {
    return p.Match(text, 0, text.size(), g, n);
  };
  ASSERT_TRUE(match("[abcd] [éé] [xyz]", 2));
  EXPECT_EQ(g[1], "éé");  // three code points at most, not three bytes
  ASSERT_TRUE(match("[abcd] [xyz]", 2));
  EXPECT_EQ(g[1], "xyz");
  EXPECT_FALSE(match("[abcd] [wxyz]", 2));
  ASSERT_TRUE(match("[a[bc]", 1));  // the open pattern's "[a[bc]" breaks the count
  EXPECT_EQ(g[0], "[bc]");
}

}  // namespace
}  // namespace clausecheck::analyzer
