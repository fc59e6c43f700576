#include "analyzer/ruleset_pack.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/candidates.h"
#include "analyzer/engine.h"
#include "analyzer/literals.h"
#include "analyzer/ruleset.h"

namespace clausecheck::analyzer {
namespace {

// What the binary loads at startup is what the YAML loader gives, field by
// field (Ruleset's operator== compares every member, down to the examples'
// lines and the fact selectors' patterns).
TEST(PackedRuleset, DefaultRulesetEqualsTheYamlFiles) {
  auto packed = DefaultRuleset();
  ASSERT_TRUE(packed.ok()) << packed.error().ToString();
  auto yaml = DefaultRulesetFromYaml();
  ASSERT_TRUE(yaml.ok()) << yaml.error().ToString();
  const Ruleset& p = packed.value();
  const Ruleset& y = yaml.value();
  ASSERT_EQ(p.rules.size(), y.rules.size());
  for (size_t i = 0; i < y.rules.size(); ++i)
    EXPECT_TRUE(p.rules[i] == y.rules[i]) << y.rules[i].id;
  ASSERT_EQ(p.classifiers.size(), y.classifiers.size());
  for (size_t i = 0; i < y.classifiers.size(); ++i) {
    EXPECT_TRUE(p.classifiers[i] == y.classifiers[i]) << y.classifiers[i].source;
  }
  EXPECT_EQ(p.parameters, y.parameters);
  EXPECT_EQ(p.name, y.name);
  EXPECT_EQ(p.version, y.version);
  EXPECT_EQ(p.description, y.description);
  EXPECT_TRUE(p == y);
  EXPECT_GT(y.rules.size(), 150u);
}

// The comparison the test above relies on sees a change deep inside a rule.
TEST(PackedRuleset, EqualityLooksInsideNestedConditions) {
  auto rs = DefaultRulesetFromYaml();
  ASSERT_TRUE(rs.ok());
  Ruleset changed = rs.value();
  bool found = false;
  for (Rule& r : changed.rules) {
    if (r.require && !r.require->conditions.empty()) {
      r.require->conditions.back().clause.tags.push_back("x");
      found = true;
      break;
    }
  }
  ASSERT_TRUE(found);
  EXPECT_FALSE(changed == rs.value());
}

// A ruleset with every field set to something other than its default.
Ruleset EveryField() {
  FactSelector f;
  f.type = FactType::kAmount;
  f.roles = {"cap", "fee"};
  f.forum = "court";
  f.value = CompilePattern("^USD");
  f.not_value = CompilePattern("0$");
  f.currency = CompilePattern("USD|EUR");
  f.not_currency = CompilePattern("CNY");
  f.in = {Category::kLiability, Category::kPayment};
  f.in_tags = {"cap_on_liability"};
  f.not_in = {Category::kGeneral};
  f.near = CompilePattern("(?i)aggregate");
  f.not_near = CompilePattern("(?i)per claim");
  f.preceded_by = CompilePattern("(?i)exceed");
  f.followed_by = CompilePattern("(?i)in total");

  Condition leaf;
  leaf.kind = Condition::Kind::kFact;
  leaf.fact = f;
  Condition text;
  text.kind = Condition::Kind::kText;
  text.text = CompilePattern("(?i)\\bsoftware\\b");
  Condition any;
  any.kind = Condition::Kind::kAny;
  any.clause.categories = {Category::kWarranty};
  any.clause.tags = {"warranty_duration"};
  any.conditions = {leaf, text};

  Rule r;
  r.id = "test.every_field";
  r.category = Category::kLiability;
  r.kind = Kind::kInconsistent;
  r.severity = Severity::kCritical;
  r.lang = Lang::kZh;
  r.in = {Category::kLiability};
  r.in_tags = {"cap_on_liability"};
  r.not_in = {Category::kDrafting};
  r.match = "(?i)shall not exceed";
  r.unless = "(?i)gross negligence";
  r.except = "(?i)except";
  r.sentence_scope = true;
  r.require = any;
  r.occurrence = Occurrence{{ClauseSelector{{Category::kTerm}, {"renewal_term"}}}, 1, 3};
  r.conflict = Conflict{f, "currency", true};
  Comparison c;
  c.fact = f;
  c.op = Comparison::Op::kAfter;
  c.number = -12.625;
  c.parameter = "deposit_cap_percent";
  c.per = f;
  c.other = f;
  r.compare = c;
  r.document_scope = true;
  r.when = leaf;
  r.unless_document = text;
  r.check = "deposit_cap";
  r.hurts = "customer";
  r.for_types = {"lease"};
  r.not_for_types = {"nda"};
  r.marks = {MarkKind::kDeletion, MarkKind::kComment};
  r.message = "Message, with \"quotes\" and a\nline break";
  r.recommendation = "Recommendation";
  r.message_zh = "责任上限";
  r.recommendation_zh = "建议";
  r.basis = "Basis";
  r.match_examples = {RuleExample{"text", "evidence", "2026-01-31", MarkKind::kHidden, 42}};
  r.no_match_examples = {RuleExample{"other", "", "", std::nullopt, 7}};
  r.source = "user.yaml:12";

  Classifier k;
  k.category = Category::kForceMajeure;
  k.tag = "force_majeure";
  k.lang = Lang::kEn;
  k.heading = "(?i)force majeure";
  k.text = "(?i)act of god";
  k.unless = "(?i)not";
  k.sentence_scope = true;
  k.inherit_tag = false;
  k.match_examples = r.match_examples;
  k.no_match_examples = r.no_match_examples;
  k.source = "user.yaml:3";

  Ruleset rs;
  rs.name = "every";
  rs.version = "1.2";
  rs.description = "all fields";
  rs.classifiers = {k, Classifier{}};
  rs.rules = {r, Rule{}};
  rs.disable = {"old.rule"};
  rs.parameters = {{"deposit_cap_percent", 20}, {"tiny", 1e-300}, {"neg", -0.5}};
  rs.patterns_checked = true;
  return rs;
}

TEST(PackedRuleset, RoundTripKeepsEveryField) {
  const Ruleset rs = EveryField();
  auto back = UnpackRuleset(PackRuleset(rs));
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_TRUE(back.value() == rs);
  const Rule& r = back.value().rules[0];
  EXPECT_EQ(r.compare->number, -12.625);
  EXPECT_EQ(r.occurrence->max, 3);
  EXPECT_EQ(r.match_examples[0].line, 42);
  EXPECT_EQ(r.message_zh, "责任上限");
  EXPECT_EQ(back.value().parameters.at("tiny"), 1e-300);
  // The fact selectors' patterns are compiled again, and work.
  const FactSelector& f = r.require->conditions[0].fact;
  EXPECT_TRUE(RE2::PartialMatch("the aggregate sum", f.near.re()));
  EXPECT_FALSE(RE2::PartialMatch("per item", f.near.re()));
  EXPECT_EQ(back.value().rules[1].compare, std::nullopt);
}

// Bytes that end early, or carry a value out of range, give an error, never a
// ruleset read past the end.
TEST(PackedRuleset, TruncatedOrCorruptBytesAreAnError) {
  const std::string bytes = PackRuleset(EveryField());
  for (size_t n = 0; n < bytes.size(); ++n) {
    auto r = UnpackRuleset(std::string_view(bytes).substr(0, n));
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  }
  EXPECT_FALSE(UnpackRuleset(bytes + "x").ok());
  std::string wrong_version = bytes;
  wrong_version[0] = 99;
  auto v = UnpackRuleset(wrong_version);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().message, "packed ruleset: format version 99, expected 2");
  // Every single byte changed: an error, or bytes that are exactly the
  // packed form of what was read (a changed letter in a string).
  size_t rejected = 0;
  for (size_t i = 1; i < bytes.size(); ++i) {
    for (char c : {'\x00', '\x02', '\x7f', '\xff'}) {
      std::string corrupt = bytes;
      corrupt[i] = c;
      auto r = UnpackRuleset(corrupt);
      if (r.ok()) {
        EXPECT_EQ(PackRuleset(r.value()), corrupt) << i;
      } else {
        ++rejected;
      }
    }
  }
  EXPECT_GT(rejected, bytes.size() / 2);
}

// The analyses embedded at build time are those the filter would make at
// startup, for every pattern the engine filters for: none missing, none
// stale.
TEST(PackedPatternAnalyses, DefaultsAreTheAnalysesOfEveryFilteredPattern) {
  auto yaml = DefaultRulesetFromYaml();
  ASSERT_TRUE(yaml.ok()) << yaml.error().ToString();
  const std::vector<std::string> patterns = FilteredPatterns(yaml.value());
  EXPECT_GT(patterns.size(), 300u);
  const PackedPatternAnalyses& packed = DefaultPatternAnalyses();
  EXPECT_EQ(packed.size(), patterns.size());
  for (const std::string& p : patterns) {
    const std::optional<PatternAnalysis> a = packed.Find(p);
    ASSERT_TRUE(a.has_value()) << p;
    EXPECT_TRUE(*a == CandidateFilter::Analyze(p)) << p;
  }
}

// The patterns FilteredPatterns lists: the rules' match patterns and the
// classifiers' heading and text patterns with their parts (a rule's
// alternatives are not parts), each once, in order.
TEST(PackedPatternAnalyses, FilteredPatternsAreMatchHeadingAndTextPatternsOnce) {
  Ruleset rs;
  rs.rules.resize(3);
  rs.rules[0].match = "a";
  rs.rules[2].match = "b|x";
  rs.classifiers.resize(2);
  rs.classifiers[0].heading = "c";
  rs.classifiers[0].text = "a";
  rs.classifiers[1].text = "(?i)d|b";
  rs.rules[1].unless = "e";
  EXPECT_EQ(FilteredPatterns(rs),
            (std::vector<std::string>{"a", "b|x", "c", "(?i)d|b", "(?i)d", "(?i)b"}));
  EXPECT_EQ(ClassifierParts("(?i)d|b"), (std::vector<std::string>{"(?i)d", "(?i)b"}));
  EXPECT_TRUE(ClassifierParts("c").empty());
}

PatternAnalyses SomeAnalyses() {
  PatternAnalyses out;
  for (const char* p : {R"((?i)\bliabilit(?:y|ies)\b[^.]{0,200}\bexceed)", "违约金", "(?i)x|y",
                        R"((?i)\bfoo\b[^.]{0,50}bar|\bbaz\b[^.]{0,30}qux|plain)"}) {
    out.emplace(p, CandidateFilter::Analyze(p));
  }
  PatternAnalysis every;  // every field set, a negative bound among them
  every.loosened = true;
  every.loose = "loose";
  every.same_up_to = -7;
  every.split = true;
  every.plain = "plain";
  every.alternatives.push_back({"exact", "lo", 300});
  every.formula = RequiredLiterals("(?:abc|def).*ghi.*(?:jkl|mno)");
  out.emplace("every", every);
  return out;
}

TEST(PackedPatternAnalyses, RoundTripFindsEachAnalysisAndNoOther) {
  const PatternAnalyses analyses = SomeAnalyses();
  EXPECT_EQ(analyses.at("every").formula.ToString(), "(abc OR def) AND ghi AND (jkl OR mno)");
  EXPECT_TRUE(analyses.at(R"((?i)\bfoo\b[^.]{0,50}bar|\bbaz\b[^.]{0,30}qux|plain)").split);
  const std::string bytes = PackPatternAnalyses(analyses);
  auto packed = PackedPatternAnalyses::Open(bytes);
  ASSERT_TRUE(packed.ok()) << packed.error().ToString();
  EXPECT_EQ(packed.value().size(), analyses.size());
  for (const auto& [p, a] : analyses) {
    const std::optional<PatternAnalysis> back = packed.value().Find(p);
    ASSERT_TRUE(back.has_value()) << p;
    EXPECT_TRUE(*back == a) << p;
    // Without its formula: the rest as it was, the formula "all".
    std::optional<PatternAnalysis> bare = packed.value().Find(p, false);
    ASSERT_TRUE(bare.has_value()) << p;
    EXPECT_TRUE(bare->formula.all()) << p;
    PatternAnalysis expected = a;
    expected.formula = LiteralFormula();
    EXPECT_TRUE(*bare == expected) << p;
  }
  EXPECT_FALSE(analyses.at("every").formula.all());
  EXPECT_EQ(packed.value().Find("ever"), std::nullopt);
  EXPECT_EQ(packed.value().Find("everyone"), std::nullopt);
  EXPECT_EQ(packed.value().Find(""), std::nullopt);
  // The same analyses, the same bytes, whatever the map's order.
  PatternAnalyses copy;
  for (const auto& [p, a] : analyses) copy.emplace(p, a);
  EXPECT_EQ(PackPatternAnalyses(copy), bytes);
}

// Bytes that end early or are out of order do not open; a corrupt record is
// not found (its pattern is then analysed again), never read past its end.
TEST(PackedPatternAnalyses, TruncatedOrCorruptBytesAreAnErrorOrNotFound) {
  const PatternAnalyses analyses = SomeAnalyses();
  const std::string bytes = PackPatternAnalyses(analyses);
  for (size_t n = 0; n < bytes.size(); ++n) {
    auto r = PackedPatternAnalyses::Open(std::string_view(bytes).substr(0, n));
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  }
  EXPECT_FALSE(PackedPatternAnalyses::Open(bytes + "x").ok());
  std::string wrong_version = bytes;
  wrong_version[0] = 99;
  auto v = PackedPatternAnalyses::Open(wrong_version);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().message, "packed pattern analyses: format version 99, expected 2");
  // Two patterns out of order.
  PatternAnalyses two{{"a", PatternAnalysis{}}, {"b", PatternAnalysis{}}};
  std::string swapped = PackPatternAnalyses(two);
  const size_t a = swapped.find('a'), b = swapped.find('b');
  ASSERT_LT(a, b);
  std::swap(swapped[a], swapped[b]);
  EXPECT_FALSE(PackedPatternAnalyses::Open(swapped).ok());
  size_t found_wrong = 0, not_found = 0;
  for (size_t i = 1; i < bytes.size(); ++i) {
    for (char c : {'\x00', '\x03', '\x7f', '\xff'}) {
      std::string corrupt = bytes;
      if (corrupt[i] == c) continue;
      corrupt[i] = c;
      auto r = PackedPatternAnalyses::Open(corrupt);
      if (!r.ok()) continue;
      for (const auto& [p, an] : analyses) {
        const std::optional<PatternAnalysis> back = r.value().Find(p);
        if (!back) {
          ++not_found;
        } else if (!(*back == an)) {
          ++found_wrong;  // a changed letter or number inside a record
        }
      }
    }
  }
  EXPECT_GT(not_found, 0u);
  EXPECT_GT(found_wrong, 0u);
}

// The default ruleset's English, Chinese and every-language filters come
// embedded, built at build time; a ruleset with other patterns builds its
// own.
TEST(PackedFilters, TheDefaultRulesetsFiltersAreEmbedded) {
  EXPECT_FALSE(DefaultFilter(0).empty());
  EXPECT_FALSE(DefaultFilter(1).empty());
  EXPECT_FALSE(DefaultFilter(2).empty());
  // Read at startup with their header and sizes checked only: every number
  // in them is checked here.
  for (int b = 0; b < 3; ++b) EXPECT_TRUE(CandidateFilter::CheckPacked(DefaultFilter(b))) << b;
  auto rs = DefaultRuleset();
  ASSERT_TRUE(rs.ok());
  auto engine = Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok());
  EXPECT_TRUE(engine.value().FilterPrebuilt(0));
  EXPECT_TRUE(engine.value().FilterPrebuilt(1));
  EXPECT_TRUE(engine.value().FilterPrebuilt(2));  // no full DFA, its fail links packed
  // An English rule's pattern changed: the English filter is built anew,
  // the Chinese one is still the embedded one.
  Ruleset other = rs.value();
  auto english = std::find_if(other.rules.begin(), other.rules.end(), [](const Rule& r) {
    return r.lang == Lang::kEn && !r.match.empty();
  });
  ASSERT_NE(english, other.rules.end());
  english->match = "(?i)\\bsomething else\\b";
  auto changed = Engine::Compile(other);
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(changed.value().FilterPrebuilt(0));
  EXPECT_TRUE(changed.value().FilterPrebuilt(1));
  EXPECT_FALSE(changed.value().FilterPrebuilt(2));
}

// The loader says whether it checked the patterns; a merge keeps that only
// when both sides were checked (or one has no patterns at all).
TEST(PatternsChecked, SetByTheLoaderAndKeptByMergesOfCheckedRulesets) {
  const char* yaml =
      "rules:\n  - id: a.b\n    category: general\n    kind: risky\n"
      "    severity: low\n    match: 'foo'\n    message: m\n    recommendation: r\n"
      "    examples: {match: ['a foo'], no_match: ['a bar']}\n";
  auto checked = ParseRuleset(yaml, "a.yaml");
  ASSERT_TRUE(checked.ok()) << checked.error().ToString();
  EXPECT_TRUE(checked.value().patterns_checked);
  auto unchecked = ParseRuleset(yaml, "a.yaml", ParseOptions{.check_patterns = false});
  ASSERT_TRUE(unchecked.ok());
  EXPECT_FALSE(unchecked.value().patterns_checked);

  Ruleset empty;
  ASSERT_TRUE(MergeRuleset(checked.value(), &empty).ok());
  EXPECT_TRUE(empty.patterns_checked);
  Ruleset base = checked.value();
  ASSERT_TRUE(MergeRuleset(unchecked.value(), &base).ok());
  EXPECT_FALSE(base.patterns_checked);
  Ruleset params_only;
  params_only.parameters["x"] = 1;
  Ruleset checked_base = checked.value();
  ASSERT_TRUE(MergeRuleset(params_only, &checked_base).ok());
  EXPECT_TRUE(checked_base.patterns_checked);
}

// A ruleset built in code is not marked checked: Engine::Compile parses its
// patterns and names the bad one.
TEST(PatternsChecked, AnUncheckedRulesetsBadPatternIsRefusedByTheEngine) {
  Ruleset rs;
  Rule r;
  r.id = "bad.match";
  r.match = "(unclosed";
  r.source = "code:1";
  rs.rules.push_back(r);
  auto engine = Engine::Compile(rs);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.error().ToString(), "code:1: bad.match: invalid 'match': missing ): (unclosed");
}

}  // namespace
}  // namespace clausecheck::analyzer
