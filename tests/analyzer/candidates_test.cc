#include "analyzer/candidates.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ruleset.h"

namespace clausecheck::analyzer {
namespace {

std::vector<int> CandidatesOf(const CandidateFilter& f, std::string_view text) {
  std::vector<int> out;
  f.Candidates(text, &out);
  return out;
}

TEST(CandidateFilter, PicksThePatternsWhoseLiteralsArePresent) {
  CandidateFilter f;
  const int cap = f.Add(R"((?i)\bliability\b[^.\n]{0,200}\bexceed)");
  const int law = f.Add(R"((?i)governed by the laws? of)");
  const int zh = f.Add("违约金|滞纳金");
  f.Compile();
  EXPECT_EQ(CandidatesOf(f, "LIABILITY shall not Exceed the fees."), std::vector<int>{cap});
  // Both words present but not in order: a candidate, which the exact pattern rejects.
  EXPECT_EQ(CandidatesOf(f, "Exceed the liability."), std::vector<int>{cap});
  EXPECT_FALSE(RE2::PartialMatch("Exceed the liability.", f.pattern(cap)));
  EXPECT_EQ(CandidatesOf(f, "This Agreement is Governed by the law of Ruritania."),
            std::vector<int>{law});
  EXPECT_EQ(CandidatesOf(f, "乙方应支付违约金。"), std::vector<int>{zh});
  EXPECT_TRUE(CandidatesOf(f, "Payment is due in thirty days.").empty());
  EXPECT_TRUE(CandidatesOf(f, "").empty());
  EXPECT_EQ(f.size(), 3);
  EXPECT_EQ(f.unfiltered(), 0);
  EXPECT_GE(f.atoms(), 4);
}

// A count RE2 does not read (ten digits or more, or a leading zero) makes
// the brace a literal, in the filter as in RE2. fuzz_literals found the
// first pattern below confirmed as a gap of any length.
TEST(CandidateFilter, ABraceRe2TakesLiterallyIsALiteral) {
  const std::string fuzzed =
      R"((?i)\b(?:fees?|terms)\b[^.\n]{0,49999999999999999999999999999999999999999999999999999999999999999990}\b(?:shall|will) be negotiated\b)";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {fuzzed, "The fees for the Renewal Term shall be negotiated."},
      {fuzzed,
       "The fees {0,49999999999999999999999999999999999999999999999999999999999999999990}"
       "shall be negotiated."},
      {"x[^.]{0,4999999999}y", "x and y"},
      {"x[^.]{0,4999999999}y", "x {0,4999999999}y"},
      {"x[^.]{0,4999999999}y", "x.{0,4999999999}y"},
      {"x[^.]{00,99}y", "x and y"},
      {"x[^.]{00,99}y", "xa{00,99}y"},
  };
  int matched = 0;
  for (const auto& [pattern, text] : cases) {
    const RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << pattern;
    CandidateFilter f;
    f.Add(pattern);
    f.Compile();
    const bool want = RE2::PartialMatch(text, re);
    matched += want;
    EXPECT_EQ(f.Matches(0, text), want) << pattern << " on " << text;
    if (want) {
      EXPECT_EQ(CandidatesOf(f, text), std::vector<int>{0}) << pattern << " on " << text;
    }
  }
  EXPECT_EQ(matched, 3);
}

TEST(CandidateFilter, TheLoosenedFormAnswersFirst) {
  CandidateFilter f;
  const int gap = f.Add(R"((?i)\bsole\b[a-z ]{0,6}\bdiscretion)");
  const int plain = f.Add("(?i)notice");
  f.Compile();
  const std::string far = "its sole and absolute discretion";
  EXPECT_TRUE(f.LooseMatch(gap, far));  // [a-z ]* in the loosened form
  EXPECT_FALSE(f.Matches(gap, far));
  EXPECT_TRUE(f.Matches(gap, "its sole discretion"));
  EXPECT_FALSE(f.LooseMatch(gap, "sole"));
  EXPECT_TRUE(f.LooseMatch(plain, "anything"));  // unchanged by loosening: the exact decides
  EXPECT_FALSE(f.Matches(plain, "anything"));
  EXPECT_TRUE(f.Matches(plain, "NOTICE"));
}

TEST(CandidateFilter, OnAShortTextTheLoosenedFormDecides) {
  CandidateFilter f;
  const int gap = f.Add(R"((?i)\bsole\b[a-z ]{0,20}\bdiscretion)");
  f.Compile();
  const std::string near = "its sole and absolute discretion";  // 32 characters
  EXPECT_FALSE(f.LooseIsExact(gap, near));
  EXPECT_TRUE(f.Matches(gap, near));
  EXPECT_TRUE(f.LooseIsExact(gap, "sole, discretion"));  // 16 characters
  EXPECT_TRUE(f.Matches(gap, "sole discretion"));
  EXPECT_FALSE(f.Matches(gap, "sole, discretion"));  // the loosened form does not match either
  // Characters, not bytes: 18 characters (four Han ones) in 26 bytes.
  const std::string han = "sole\u8bf7\u8bf7\u8bf7\u8bf7discretion";
  ASSERT_EQ(han.size(), 26u);
  EXPECT_TRUE(f.LooseIsExact(gap, han));
  EXPECT_FALSE(f.Matches(gap, han));
  // A gap longer than 20 letters in a longer text: the exact pattern decides.
  const std::string far = "its sole and very very absolute discretion";
  EXPECT_TRUE(f.LooseMatch(gap, far));
  EXPECT_FALSE(f.Matches(gap, far));
}

TEST(CandidateFilter, ConfirmsAnExactMatchWhereverTheLoosenedFormMatchesFirst) {
  // On texts longer than the gap's bound, the first match of the loosened
  // form may be short enough to be exact, or too long with an exact match
  // inside it, after it, or nowhere.
  CandidateFilter f;
  const int gap = f.Add(R"((?i)\bsole\b[a-z ]{0,20}\bdiscretion)");
  f.Compile();
  std::string filler;
  for (int k = 0; k < 20; ++k) filler += " x.";
  const std::string texts[] = {
      filler + " its sole discretion",                                         // fits
      "sole and absolute discretion" + filler,                                 // exact within
      "sole and very very absolute discretion, then sole discretion",          // exact later
      "sole and very very absolute discretion" + filler,                       // none
      "Sole and very very absolute discretion; sole and absolute discretion",  // exact later
  };
  const bool expected[] = {true, true, true, false, true};
  for (size_t k = 0; k < std::size(texts); ++k) {
    ASSERT_FALSE(f.LooseIsExact(gap, texts[k])) << texts[k];
    ASSERT_TRUE(f.LooseMatch(gap, texts[k])) << texts[k];
    EXPECT_EQ(f.Matches(gap, texts[k]), expected[k]) << texts[k];
    EXPECT_EQ(RE2::PartialMatch(texts[k], f.pattern(gap)), expected[k]) << texts[k];
  }
}

TEST(CandidateFilter, ConfirmsAlternativeByAlternative) {
  // A long text on which the whole pattern's loosened form matches through
  // the first alternative's gap (too long) while another alternative
  // matches exactly, or none does.
  CandidateFilter f;
  const int i = f.Add(R"((?i)\balpha\b[^.]{0,5}\bomega\b|\bbeta\b[^.]{0,60}\bgamma\b|\bdelta\b)");
  f.Compile();
  const std::string filler(80, 'x');
  const std::string far_alpha = "alpha and then omega " + filler;
  EXPECT_TRUE(f.LooseMatch(i, far_alpha));
  EXPECT_FALSE(f.Matches(i, far_alpha));
  EXPECT_TRUE(f.Matches(i, far_alpha + " beta within sixty gamma"));
  EXPECT_FALSE(f.Matches(i, far_alpha + " beta " + filler + " gamma"));
  EXPECT_TRUE(f.Matches(i, far_alpha + " Delta"));
  EXPECT_TRUE(f.Matches(i, filler + " alpha, omega"));
  for (const std::string& t :
       {far_alpha, far_alpha + " beta within sixty gamma", far_alpha + " beta " + filler + " gamma",
        far_alpha + " Delta", filler + " alpha, omega"}) {
    EXPECT_EQ(f.Matches(i, t), RE2::PartialMatch(t, f.pattern(i))) << t;
  }
}

// Find gives the whole pattern's match from every position: the leftmost
// alternative's, the earlier of two loosened alternatives that start at the
// same byte, and the whole pattern's where the joined unloosened ones tie
// with another; text before the position is the context of \b.
TEST(CandidateFilter, FindsTheWholePatternsMatchAlternativeByAlternative) {
  CandidateFilter f;
  // Loosened, loosened, then two unloosened alternatives (`plain`).
  const int mixed =
      f.Add(R"((?i)\bfoo\b[^.]{0,10}\bbar\b|\bfoo\b[^.]{0,30}\bbaz\b|\bqux\b|\bfox\w*)");
  // An unloosened alternative first, which ties with the loosened one.
  const int tied = f.Add(R"(\bfo\w*|\bfoo\b[^.]{0,10}\bbar\b)");
  // And after it, which the whole pattern prefers.
  const int tied_after = f.Add(R"(\bfoo\b[^.]{0,10}\bbar\b|\bfo\w*)");
  f.Compile();
  const std::string far(20, 'x');
  const std::string texts[] = {
      "x foo then bar, foo baz",       // both loosened start at 2: the first
      "x foo then a long way baz",     // the second only
      "qux foo bar",                   // plain first
      "foo bar qux",                   // loosened first
      "Foxes and foo bar",             // plain first, case folded
      "foo " + far + " bar. foo bar",  // the loosened form starts early
      "foo " + far + " bar. Qux foo",  // ... and the exact nowhere: plain
      "foo bar",                       // `tied`, `tied_after`: the whole decides
      "foobar foo bar. fo",            // \b inside words
      "",                              //
  };
  long compared = 0, found = 0;
  for (int i : {mixed, tied, tied_after}) {
    for (const std::string& text : texts) {
      for (size_t pos = 0; pos <= text.size(); ++pos) {
        re2::StringPiece got, want;
        const bool yes = f.Find(i, text, pos, &got);
        ASSERT_EQ(yes, f.pattern(i).Match(text, pos, text.size(), RE2::UNANCHORED, &want, 1))
            << i << " at " << pos << ": " << text;
        ++compared;
        if (!yes) continue;
        ++found;
        EXPECT_EQ(got.data(), want.data()) << i << " at " << pos << ": " << text;
        EXPECT_EQ(got.size(), want.size()) << i << " at " << pos << ": " << text;
      }
    }
  }
  EXPECT_GT(found, 200);
  EXPECT_GT(compared - found, 100);
  // The spans themselves, for the cases named above: pattern, text, the
  // match and where it starts.
  const struct {
    int pattern;
    size_t text;
    std::string match;
    size_t at;
  } spans[] = {
      {mixed, 0, "foo then bar", 2},
      {mixed, 1, "foo then a long way baz", 2},
      {mixed, 2, "qux", 0},
      {mixed, 5, "foo bar", texts[5].size() - 7},
      {mixed, 6, "Qux", texts[6].size() - 7},
      {tied, 7, "foo", 0},
      {tied_after, 7, "foo bar", 0},
  };
  re2::StringPiece m;
  for (const auto& e : spans) {
    const std::string& text = texts[e.text];
    ASSERT_TRUE(f.Find(e.pattern, text, 0, &m)) << text;
    EXPECT_EQ(m, e.match) << text;
    EXPECT_EQ(static_cast<size_t>(m.data() - text.data()), e.at) << text;
  }
  EXPECT_FALSE(f.Find(mixed, texts[8], 1, &m) && m.data() == texts[8].data() + 1);
}

TEST(CandidateFilter, FoldsCaseAsRe2Does) {
  // (?i)k matches KELVIN SIGN (U+212A) and (?i)s LONG S (U+017F): the atoms
  // "kilo" and "sale" must still be found.
  CandidateFilter f;
  const int kilo = f.Add("(?i)kilogram");
  const int sale = f.Add("(?i)sale of goods");
  f.Compile();
  const std::string kelvin = "\u212Ailogram";
  const std::string long_s = "\u017Fale of goods";
  ASSERT_TRUE(RE2::PartialMatch(kelvin, f.pattern(kilo)));
  ASSERT_TRUE(RE2::PartialMatch(long_s, f.pattern(sale)));
  EXPECT_EQ(CandidatesOf(f, "per " + kelvin), std::vector<int>{kilo});
  EXPECT_EQ(CandidatesOf(f, long_s), std::vector<int>{sale});
}

TEST(CandidateFilter, APatternWithoutRequiredLiteralsIsAlwaysACandidate) {
  CandidateFilter f;
  const int digits = f.Add(R"(\d+\s*\pL)");
  const int word = f.Add("(?i)indemnif");
  f.Compile();
  EXPECT_EQ(f.unfiltered(), 1);
  EXPECT_EQ(CandidatesOf(f, "nothing here"), std::vector<int>{digits});
  EXPECT_EQ(CandidatesOf(f, "shall indemnify 5 days"), (std::vector<int>{digits, word}));
}

TEST(CandidateFilter, APatternWithOnlyShortLiteralsNeedsThem) {
  // Literals under three bytes are not required where a pattern has longer
  // ones; a pattern with none but short ones needs those rather than
  // running on every text.
  CandidateFilter f;
  const int percent = f.Add(R"(\d+\s*%)");
  const int by = f.Add(R"((?im)^\s*By\s*:)");
  const int bracket = f.Add(R"(\[(?:_+|\pL+ name)\])");
  const int long_and_short = f.Add(R"((?i)\bby\b.{0,10}\bexpiry)");
  f.Compile();
  EXPECT_EQ(f.unfiltered(), 0);
  EXPECT_TRUE(CandidatesOf(f, "nothing here by then").empty());
  EXPECT_EQ(CandidatesOf(f, "5 %"), std::vector<int>{percent});
  EXPECT_EQ(CandidatesOf(f, "BY: ____"), std::vector<int>{by});
  EXPECT_EQ(CandidatesOf(f, "Signed by [Party Name] on: [__]"), (std::vector<int>{by, bracket}));
  EXPECT_EQ(CandidatesOf(f, "expiry"), std::vector<int>{long_and_short});
  for (const char* text : {"5%", "By:", "[Party name]", "[___]", "by its expiry"}) {
    std::vector<int> c = CandidatesOf(f, text);
    for (int i : {percent, by, bracket, long_and_short}) {
      if (RE2::PartialMatch(text, f.pattern(i))) {
        EXPECT_NE(std::find(c.begin(), c.end(), i), c.end()) << text << " " << i;
      }
    }
  }
}

TEST(CandidateFilter, CommonAtomsAreNotRequiredUnlessNothingElseIs) {
  // "shall" and "the" occur in most clauses: requiring them would filter
  // out almost nothing. A pattern that has rarer atoms needs only those; one
  // with nothing else keeps them.
  CandidateFilter f;
  const int indemnify = f.Add(R"((?i)\bshall\b.{0,40}\bindemnif)");
  const int only_common = f.Add(R"((?i)\bthe\b.{0,9}\bshall\b)");
  f.Compile();
  EXPECT_EQ(CandidatesOf(f, "to indemnify"), std::vector<int>{indemnify});
  EXPECT_FALSE(RE2::PartialMatch("to indemnify", f.pattern(indemnify)));
  EXPECT_TRUE(CandidatesOf(f, "nothing here").empty());
  EXPECT_TRUE(CandidatesOf(f, "shall pay").empty());
  EXPECT_EQ(CandidatesOf(f, "the supplier shall indemnify"),
            (std::vector<int>{indemnify, only_common}));
}

TEST(CandidateFilter, APatternTooLargeForTheSmallBudgetIsAlwaysACandidate) {
  CandidateFilter f;
  const int big = f.Add(R"(\pL{300}\d)");
  const int small = f.Add("(?i)notice");
  f.Compile();
  EXPECT_EQ(CandidatesOf(f, "no"), std::vector<int>{big});
  const std::string text = std::string(300, 'a') + "7";
  EXPECT_TRUE(RE2::PartialMatch(text, f.pattern(big)));
  EXPECT_EQ(CandidatesOf(f, "Notice: " + text), (std::vector<int>{big, small}));
}

TEST(CandidateFilter, EmptyFilter) {
  CandidateFilter f;
  f.Compile();
  EXPECT_TRUE(CandidatesOf(f, "anything").empty());
}

// Texts to try the patterns on: every example of the default ruleset, whole
// and line by line, and every line (paragraph) of the text contracts in
// corpus/.
std::vector<std::string> SampleTexts(const Ruleset& rs) {
  std::vector<std::string> texts;
  auto add = [&](const std::string& text) {
    texts.push_back(text);
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) texts.push_back(line);
  };
  auto add_examples = [&](const std::vector<RuleExample>& examples) {
    for (const RuleExample& e : examples) add(e.text);
  };
  for (const Rule& r : rs.rules) {
    add_examples(r.match_examples);
    add_examples(r.no_match_examples);
  }
  for (const Classifier& c : rs.classifiers) {
    add_examples(c.match_examples);
    add_examples(c.no_match_examples);
  }
  const std::filesystem::path dir =
      std::filesystem::path(CLAUSECHECK_SOURCE_DIR) / "corpus/contracts";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    for (std::string line; std::getline(in, line);) texts.push_back(line);
  }
  return texts;
}

// Every pattern of the ruleset (rules' match, classifiers' heading and
// text), added to `f`, which is then compiled.
void AddDefaultPatterns(const Ruleset& rs, CandidateFilter* f) {
  for (const Rule& r : rs.rules) {
    if (!r.match.empty()) f->Add(r.match);
  }
  for (const Classifier& c : rs.classifiers) {
    if (!c.heading.empty()) f->Add(c.heading);
    if (!c.text.empty()) f->Add(c.text);
  }
  f->Compile();
}

// The filter never drops a pattern that matches: every pattern of the
// default ruleset (rules' match, classifiers' heading and text) against every
// sample text.
TEST(CandidateFilter, NeverDropsAMatchOfTheDefaultRuleset) {
  auto rs = DefaultRuleset();
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  CandidateFilter f;
  AddDefaultPatterns(rs.value(), &f);
  ASSERT_GT(f.size(), 300);
  const std::vector<std::string> texts = SampleTexts(rs.value());
  ASSERT_GT(texts.size(), 3000u);
  long matches = 0, candidates = 0;
  long confirmed = 0;
  for (const std::string& text : texts) {
    const std::vector<int> c = CandidatesOf(f, text);
    candidates += static_cast<long>(c.size());
    // A candidate is confirmed exactly where its pattern matches.
    for (int i : c) {
      const bool yes = f.Matches(i, text);
      confirmed += yes ? 1 : 0;
      EXPECT_EQ(yes, RE2::PartialMatch(text, f.pattern(i)))
          << "pattern " << f.pattern(i).pattern() << " on: " << text;
    }
    for (int i = 0; i < f.size(); ++i) {
      if (!RE2::PartialMatch(text, f.pattern(i))) continue;
      ++matches;
      EXPECT_TRUE(f.LooseMatch(i, text)) << f.pattern(i).pattern();
      EXPECT_TRUE(std::binary_search(c.begin(), c.end(), i))
          << "pattern " << f.pattern(i).pattern() << " dropped for: " << text;
    }
  }
  EXPECT_GT(matches, 5000);
  EXPECT_EQ(confirmed, matches);
  // And it does filter: far fewer candidates than patterns tried.
  EXPECT_LT(candidates, static_cast<long>(texts.size()) * f.size() / 10);
}

// Find finds every match the whole pattern finds, one after another as the
// engine looks for one its `except` and `unless` accept, for every pattern
// of the default ruleset (AddDefaultPatterns), on the sample texts and on runs of eight of them
// joined, long enough for gaps to run past their bounds.
TEST(CandidateFilter, FindsWhatTheWholePatternFindsForTheDefaultRuleset) {
  auto rs = DefaultRuleset();
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  CandidateFilter f;
  AddDefaultPatterns(rs.value(), &f);
  std::vector<std::string> texts = SampleTexts(rs.value());
  const size_t samples = texts.size();
  for (size_t k = 0; k + 8 <= samples; k += 8) {
    std::string joined;
    for (size_t j = k; j < k + 8; ++j) joined += texts[j] + " ";
    texts.push_back(std::move(joined));
  }
  long matches = 0;
  for (const std::string& text : texts) {
    for (int i : CandidatesOf(f, text)) {
      size_t pos = 0;
      while (pos <= text.size()) {
        re2::StringPiece got, want;
        const bool yes = f.Find(i, text, pos, &got);
        ASSERT_EQ(yes, f.pattern(i).Match(text, pos, text.size(), RE2::UNANCHORED, &want, 1))
            << f.pattern(i).pattern() << " at " << pos << ": " << text;
        if (!yes) break;
        ++matches;
        ASSERT_EQ(got.data(), want.data()) << f.pattern(i).pattern() << ": " << text;
        ASSERT_EQ(got.size(), want.size()) << f.pattern(i).pattern() << ": " << text;
        pos = got.data() - text.data() + std::max<size_t>(got.size(), 1);
      }
    }
  }
  EXPECT_GT(matches, 9000);
}

// Bytes at a 4-byte boundary, as the embedded arrays are.
struct Aligned {
  explicit Aligned(const std::string& bytes) : words((bytes.size() + 3) / 4 + 1) {
    std::memcpy(words.data(), bytes.data(), bytes.size());
    view = std::string_view(reinterpret_cast<const char*>(words.data()), bytes.size());
  }
  std::vector<uint32_t> words;
  std::string_view view;
};

// A filter compiled from another's PackCompiled bytes (the default
// ruleset's English patterns, as the build embeds them) finds exactly the
// same candidates on every sample text; bytes of other patterns, or that do
// not read, are not used, and the filter compiles as without them.
TEST(CandidateFilter, APrebuiltFilterFindsTheSameCandidates) {
  auto rs = DefaultRuleset();
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  std::vector<std::string> patterns;
  for (const Rule& r : rs.value().rules) {
    if (!r.match.empty() && r.lang != Lang::kZh) patterns.push_back(r.match);
  }
  for (const Classifier& c : rs.value().classifiers) {
    if (c.lang == Lang::kZh) continue;
    if (!c.heading.empty()) patterns.push_back(c.heading);
    if (!c.text.empty()) patterns.push_back(c.text);
  }
  std::vector<PatternAnalysis> analyses;
  for (const std::string& p : patterns) analyses.push_back(CandidateFilter::Analyze(p));
  const auto add_all = [&](CandidateFilter* f) {
    for (size_t i = 0; i < patterns.size(); ++i) f->Add(patterns[i], analyses[i]);
  };
  CandidateFilter built;
  add_all(&built);
  built.Compile();
  EXPECT_FALSE(built.prebuilt());
  const Aligned packed(built.PackCompiled());
  ASSERT_GT(packed.view.size(), 1000000u);
  EXPECT_TRUE(CandidateFilter::CheckPacked(packed.view));
  CandidateFilter again;
  add_all(&again);
  again.Compile(packed.view);
  EXPECT_TRUE(again.prebuilt());
  CandidateFilter trusted;
  add_all(&trusted);
  trusted.Compile(packed.view, /*trusted=*/true);
  EXPECT_TRUE(trusted.prebuilt());
  EXPECT_EQ(CandidatesOf(trusted, "liability shall not exceed the fees"),
            CandidatesOf(built, "liability shall not exceed the fees"));
  EXPECT_EQ(again.atoms(), built.atoms());
  EXPECT_EQ(again.unfiltered(), built.unfiltered());
  const std::vector<std::string> texts = SampleTexts(rs.value());
  long candidates = 0;
  for (const std::string& text : texts) {
    const std::vector<int> c = CandidatesOf(again, text);
    EXPECT_EQ(c, CandidatesOf(built, text)) << text;
    candidates += static_cast<long>(c.size());
  }
  EXPECT_GT(candidates, 5000);

  // PrebuiltFor reads the header: the same patterns in the same order.
  std::vector<std::string_view> views(patterns.begin(), patterns.end());
  EXPECT_TRUE(CandidateFilter::PrebuiltFor(packed.view, views));
  std::swap(views[3], views[4]);
  EXPECT_FALSE(CandidateFilter::PrebuiltFor(packed.view, views));
  std::swap(views[3], views[4]);
  views.pop_back();
  EXPECT_FALSE(CandidateFilter::PrebuiltFor(packed.view, views));
  EXPECT_FALSE(CandidateFilter::PrebuiltFor(packed.view.substr(0, 20), views));
  EXPECT_FALSE(CandidateFilter::PrebuiltFor("", {}));
  // Added without their formulas ("all"), the patterns are still the
  // prebuilt filter's candidates: the formulas are in its bytes.
  CandidateFilter without;
  for (size_t i = 0; i < patterns.size(); ++i) {
    PatternAnalysis a = analyses[i];
    a.formula = LiteralFormula();
    without.Add(patterns[i], std::move(a));
  }
  without.Compile(packed.view);
  EXPECT_TRUE(without.prebuilt());
  for (size_t t = 0; t < texts.size(); t += 7) {
    EXPECT_EQ(CandidatesOf(without, texts[t]), CandidatesOf(built, texts[t])) << texts[t];
  }

  // One pattern more, or one other: the bytes are not of these patterns.
  CandidateFilter more;
  add_all(&more);
  const int extra = more.Add("(?i)\\bunheard-of phrase\\b");
  more.Compile(packed.view);
  EXPECT_FALSE(more.prebuilt());
  EXPECT_EQ(CandidatesOf(more, "an unheard-of phrase"), (std::vector<int>{extra}));
  CandidateFilter other;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (i == 5) {
      other.Add(patterns[i] + "x");
    } else {
      other.Add(patterns[i], analyses[i]);
    }
  }
  other.Compile(packed.view);
  EXPECT_FALSE(other.prebuilt());

  // Truncated, or a count or an index out of range: not used.
  std::string bytes(packed.view);
  for (size_t n : {size_t{0}, size_t{10}, size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    const Aligned cut(bytes.substr(0, n));
    CandidateFilter f;
    add_all(&f);
    f.Compile(cut.view);
    EXPECT_FALSE(f.prebuilt()) << n;
    EXPECT_EQ(CandidatesOf(f, texts[7]), CandidatesOf(built, texts[7]));
    // Trusted bytes still have their header and sizes checked.
    CandidateFilter t;
    add_all(&t);
    t.Compile(cut.view, /*trusted=*/true);
    EXPECT_FALSE(t.prebuilt()) << n;
    EXPECT_FALSE(CandidateFilter::CheckPacked(cut.view)) << n;
  }
  size_t used = 0, tried = 0;
  for (size_t at = 0; at < 2000; at += 40) {
    std::string corrupt = bytes;
    const uint32_t big = 0x7fffff00u;
    std::memcpy(&corrupt[at], &big, 4);
    const Aligned c(corrupt);
    CandidateFilter f;
    add_all(&f);
    f.Compile(c.view);
    ++tried;
    if (f.prebuilt()) ++used;  // a number where any value is valid
    // CheckPacked knows no patterns: the count and fingerprint (bytes 4 to
    // 15) are checked against the filter's by Compile only.
    if (at < 4 || at >= 16) {
      EXPECT_EQ(CandidateFilter::CheckPacked(c.view), f.prebuilt()) << at;
    }
  }
  EXPECT_LT(used, tried / 2);
}

}  // namespace
}  // namespace clausecheck::analyzer
