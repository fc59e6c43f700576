// The rule shapes of engine v2: conditional `require` (`when`), `occurrence`,
// `conflict`, `compare`, `scope: document`, `unless` lists and
// `unless_document`, through the whole analysis of small contracts.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/engine.h"
#include "analyzer/ruleset.h"
#include "lines.h"
#include "tests/analyzer/rule_patterns.h"

namespace clausecheck::analyzer {
namespace {

constexpr const char* kClassifiers = R"(
classifiers:
  - category: liability
    tag: cap_on_liability
    text: '(?i)shall not exceed'
  - category: liability
    tag: consequential_damages_exclusion
    text: '(?i)consequential'
  - category: dispute_resolution
    tag: governing_law
    heading: '(?i)governing law'
  - category: dispute_resolution
    tag: governing_law
    text: '(?i)governed by the laws? of'
  - category: termination
    heading: '(?i)termination'
  - category: payment
    heading: '(?i)fees|deposit'
parameters:
  min_notice_days: 30
rules:
)";

// A rule with the examples every rule needs (not run here).
std::string RuleYaml(const std::string& id, const std::string& body,
                     const std::string& kind = "risky") {
  return "  - id: " + id + "\n    category: general\n    kind: " + kind +
         "\n    severity: medium\n" + body +
         "    message: 'Found {value} / {number} / {limit} / {other}.'\n"
         "    recommendation: Fix it.\n"
         "    examples: {match: [x], no_match: [y]}\n";
}

Engine Compile(const std::string& rules) {
  auto rs = ParseRuleset(kClassifiers + rules, "t.yaml");
  EXPECT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  EXPECT_TRUE(engine.ok()) << engine.error().ToString();
  return std::move(engine.value());
}

std::vector<Finding> Review(const Engine& engine, const std::vector<std::string>& lines) {
  return Analyze(Lines(lines), engine, AnalyzeOptions{}).findings;
}

std::string LoadError(const std::string& rules) {
  auto rs = ParseRuleset(kClassifiers + rules, "t.yaml");
  return rs.ok() ? "loaded" : rs.error().ToString();
}

TEST(ConditionalRequire, FiresOnlyWhenTheConditionHoldsAndPointsAtIt) {
  Engine engine = Compile(RuleYaml("cap.no_exclusion",
                                   "    when: {tag: cap_on_liability}\n"
                                   "    require: {tag: consequential_damages_exclusion}\n",
                                   "missing"));
  auto capped = Review(engine, {"1. Liability. Liability shall not exceed the fees paid.",
                                "2. Notices. In writing."});
  ASSERT_EQ(capped.size(), 1u);
  EXPECT_EQ(capped[0].rule, "cap.no_exclusion");
  EXPECT_EQ(capped[0].kind, Kind::kMissing);
  EXPECT_EQ(capped[0].clause_id, "c1");
  EXPECT_EQ(capped[0].evidence, "Liability");  // the heading, after the number
  ASSERT_TRUE(capped[0].location.has_value());
  EXPECT_EQ(capped[0].location->block, 0);
  EXPECT_EQ(capped[0].location->start, 3);
  EXPECT_EQ(capped[0].location->end, 12);
  EXPECT_EQ(capped[0].message, "Found Liability / {number} / {limit} / {other}.");
  // The requirement met, or the condition absent: nothing.
  EXPECT_TRUE(Review(engine, {"1. Liability. Liability shall not exceed the fees paid.",
                              "2. Exclusion. No consequential damages."})
                  .empty());
  EXPECT_TRUE(Review(engine, {"1. Notices. In writing."}).empty());
}

TEST(ConditionalRequire, FactConditionsAnyAndAll) {
  Engine engine =
      Compile(RuleYaml("law.foreign",
                       "    when:\n"
                       "      any:\n"
                       "        - {fact: amounts, not_currency: CNY}\n"
                       "        - {fact: forums, forum: arbitration, not_value: 'China.*'}\n"
                       "    require: {tag: governing_law}\n",
                       "missing") +
              RuleYaml("all.of",
                       "    when: {all: [{text: 'alpha'}, {text: 'beta'}]}\n"
                       "    require: {tag: nothing_has_this}\n",
                       "missing"));
  auto usd = Review(engine, {"1. Fees. The Buyer shall pay USD 5,000 on delivery."});
  ASSERT_EQ(usd.size(), 1u);
  EXPECT_EQ(usd[0].rule, "law.foreign");
  EXPECT_EQ(usd[0].evidence, "USD 5,000");
  EXPECT_EQ(usd[0].clause_id, "c1");
  // A stated CNY amount is not foreign; an amount with no currency is not either.
  EXPECT_TRUE(Review(engine, {"1. Fees. The Buyer shall pay RMB 5,000 on delivery."}).empty());
  // The law named: nothing.
  EXPECT_TRUE(Review(engine, {"1. Fees. The Buyer shall pay USD 5,000 on delivery.",
                              "2. Governing Law. The laws of England govern."})
                  .empty());
  // all: both texts must be there; the finding is at the first.
  EXPECT_TRUE(Review(engine, {"1. Scope. alpha only."}).empty());
  auto both = Review(engine, {"1. Scope. alpha here.", "2. More. beta there."});
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0].rule, "all.of");
  EXPECT_EQ(both[0].evidence, "alpha");
  EXPECT_EQ(both[0].clause_id, "c1");
}

TEST(Occurrence, PointsAtEachClauseBeyondTheMaximumAndCountsNestedClausesOnce) {
  Engine engine =
      Compile(RuleYaml("law.once", "    occurrence: {select: {tag: governing_law}, max: 1}\n") +
              RuleYaml("notices.twice",
                       "    occurrence: {select: {category: termination}, min: 2}\n", "missing"));
  auto two = Review(engine, {"1. Governing Law", "1.1 This Agreement is governed by New York law.",
                             "1.2 Also the federal law.", "2. Termination. On notice.",
                             "3. Disputes. This Agreement is governed by the laws of England."});
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].rule, "law.once");
  EXPECT_EQ(two[0].clause_id, "c5");
  // The clause's heading, after its number: a DOCX list label and a number
  // typed in the text give the same evidence.
  EXPECT_EQ(two[0].evidence, "Disputes");
  ASSERT_TRUE(two[0].location.has_value());
  EXPECT_EQ(two[0].location->start, 3);
  EXPECT_EQ(two[0].message, "Found 2 / {number} / 1 / {other}.");
  EXPECT_EQ(two[1].rule, "notices.twice");
  EXPECT_TRUE(two[1].clause_id.empty());
  EXPECT_FALSE(two[1].location.has_value());
  EXPECT_EQ(two[1].message, "Found 1 / {number} / 2 / {other}.");
  auto one = Review(engine, {"1. Governing Law", "1.1 This Agreement is governed by New York law.",
                             "2. Termination. On notice.", "3. Termination. On breach."});
  EXPECT_TRUE(one.empty());
}

TEST(Conflict, EachNewValueAfterTheFirstIsAFinding) {
  Engine engine =
      Compile(RuleYaml("currency.mixed", "    conflict: {fact: amounts, field: currency}\n") +
              RuleYaml("law.two", "    conflict: {fact: governing_law, across_clauses: true}\n"));
  auto mixed =
      Review(engine, {"1. Fees. The fee is USD 1,000.", "2. Deposit. A deposit of EUR 200.",
                      "3. Costs. Costs of USD 50 and EUR 20."});
  ASSERT_EQ(mixed.size(), 1u);
  EXPECT_EQ(mixed[0].rule, "currency.mixed");
  EXPECT_EQ(mixed[0].evidence, "EUR 200");
  EXPECT_EQ(mixed[0].clause_id, "c2");
  EXPECT_EQ(mixed[0].message, "Found EUR / {number} / {limit} / USD.");
  // Two laws named in one clause combine; in another clause they conflict.
  EXPECT_TRUE(Review(engine, {"1. Law. Governed by the laws of New York and the laws of Delaware."})
                  .empty());
  auto laws = Review(engine, {"1. Law. This Agreement is governed by the laws of New York.",
                              "2. Other. This Agreement is governed by the laws of Delaware."});
  ASSERT_EQ(laws.size(), 1u);
  EXPECT_EQ(laws[0].rule, "law.two");
  EXPECT_EQ(laws[0].evidence, "Delaware");
}

TEST(Compare, DurationsBelowAParameterRatiosAndDateOrder) {
  Engine engine = Compile(
      RuleYaml("notice.short",
               "    compare: {fact: durations, in: [termination], near: '(?i)notice', below: "
               "min_notice_days}\n") +
      RuleYaml(
          "deposit.share",
          "    compare: {fact: amounts, near: '(?i)deposit', per: {fact: amounts}, above: 20}\n") +
      RuleYaml("dates.order",
               "    compare: {fact: dates, role: [end], before: {fact: dates, role: [start, "
               "effective]}}\n"));
  auto f = Review(
      engine, {"1. Termination. Either party may terminate on seven (7) days' notice.",
               "2. Termination for cause. Within sixty (60) days' notice.",
               "3. Fees. The price is USD 100,000.", "4. Deposit. A deposit of USD 30,000 is due.",
               "5. Term. This Agreement commences on March 1, 2026 and ends on "
               "February 1, 2026."});
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].rule, "notice.short");
  EXPECT_EQ(f[0].evidence, "seven (7) days");
  EXPECT_EQ(f[0].message, "Found seven (7) days / 7 / 30 / {other}.");
  EXPECT_EQ(f[1].rule, "deposit.share");
  EXPECT_EQ(f[1].evidence, "USD 30,000");
  EXPECT_EQ(f[1].message, "Found USD 30,000 / 30 / 20 / USD 100,000.");
  EXPECT_EQ(f[2].rule, "dates.order");
  EXPECT_EQ(f[2].evidence, "February 1, 2026");
  EXPECT_EQ(f[2].message, "Found February 1, 2026 / 2026-02-01 / 2026-03-01 / March 1, 2026.");
  EXPECT_TRUE(Review(engine, {"1. Termination. Either party may terminate on 45 days' notice.",
                              "2. Fees. The price is USD 100,000.",
                              "3. Deposit. A deposit of USD 20,000 is due."})
                  .empty());
}

TEST(Compare, PrecededByAndFollowedByLookAtTheWordsNextToTheFact) {
  Engine engine = Compile(RuleYaml("renewal.window",
                                   "    compare: {fact: durations, followed_by: '^\\s*before\\b', "
                                   "preceded_by: '(?i)at least\\s*$', above: 90}\n"));
  auto f = Review(engine, {"1. Renewal. This Agreement renews for periods of twelve (12) months "
                           "unless notice is given at least one hundred twenty (120) days before "
                           "the end of the term."});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].evidence, "one hundred twenty (120) days");
  EXPECT_EQ(f[0].message, "Found one hundred twenty (120) days / 120 / 90 / {other}.");
  // The period of twelve months is followed by other words; 60 days is not above 90.
  EXPECT_TRUE(Review(engine, {"1. Renewal. This Agreement renews for periods of twelve (12) months "
                              "unless notice is given at least sixty (60) days before the end."})
                  .empty());
  EXPECT_NE(LoadError(RuleYaml("a", "    compare: {fact: durations, followed_by: '(', above: 1}\n"))
                .find("invalid regular expression in 'followed_by'"),
            std::string::npos);
}

TEST(DocumentScope, OneFindingPerDocumentAndUnlessAnywhereExempts) {
  Engine engine = Compile(RuleYaml("once",
                                   "    match: '(?i)best efforts'\n"
                                   "    unless: ['(?i)sole discretion', 'gross negligence']\n"
                                   "    scope: document\n") +
                          RuleYaml("each",
                                   "    match: '(?i)best efforts'\n"
                                   "    unless: ['(?i)sole discretion', 'gross negligence']\n") +
                          RuleYaml("gated",
                                   "    match: '(?i)best efforts'\n"
                                   "    unless_document: {tag: governing_law}\n"));
  // Without `unless` anywhere: one finding for the document, one per clause for the others.
  auto f = Review(engine, {"1. Effort. Best efforts apply.", "2. More. Best efforts again."});
  std::vector<std::string> got;
  for (const Finding& x : f) got.push_back(x.rule + "@" + x.clause_id);
  EXPECT_EQ(got,
            (std::vector<std::string>{"once@c1", "each@c1", "gated@c1", "each@c2", "gated@c2"}));
  // `unless` in any clause exempts a document-scope rule; for a clause-scope
  // rule it exempts that clause only, and any pattern of the list does.
  f = Review(engine, {"1. Effort. Best efforts apply.", "2. More. Best efforts, gross negligence.",
                      "3. Other. SOLE DISCRETION."});
  got.clear();
  for (const Finding& x : f) got.push_back(x.rule + "@" + x.clause_id);
  EXPECT_EQ(got, (std::vector<std::string>{"each@c1", "gated@c1", "gated@c2"}));
  // unless_document: a governing law clause anywhere switches the rule off.
  f = Review(engine, {"1. Effort. Best efforts apply.",
                      "2. Law. This Agreement is governed by the laws of Ohio."});
  got.clear();
  for (const Finding& x : f) got.push_back(x.rule + "@" + x.clause_id);
  EXPECT_EQ(got, (std::vector<std::string>{"once@c1", "each@c1"}));
}

// A fact selector's or condition's pattern is asked of its required
// literals first: a text without them is answered without compiling it.
TEST(CompiledPattern, AnswersFromItsLiteralsBeforeCompiling) {
  const CompiledPattern p = CompilePattern(R"((?i)\bliability\b[^.\n]{0,120}\bexceed)");
  EXPECT_FALSE(p.PartialMatch("This Agreement is governed by the laws of New York."));
  re2::StringPiece m;
  EXPECT_FALSE(p.Find("The fees shall not exceed USD 100.", &m));
  EXPECT_FALSE(p.FullMatch("liability"));
  EXPECT_FALSE(p.compiled());
  EXPECT_TRUE(p.PartialMatch("Liability shall not exceed the fees."));
  EXPECT_TRUE(p.compiled());
  ASSERT_TRUE(p.Find("Its LIABILITY shall not EXCEED the fees.", &m));
  EXPECT_EQ(m.as_string(), "LIABILITY shall not EXCEED");
  EXPECT_FALSE(p.FullMatch("Liability shall not exceed the fees."));
  EXPECT_TRUE(p.FullMatch("liability may exceed"));
  EXPECT_FALSE(CompiledPattern{}.PartialMatch("anything"));
}

// A pattern of several alternatives is asked by those whose literals the
// text holds, each on its own: the whole is never compiled for it.
TEST(CompiledPattern, PartialMatchAsksTheAlternativesWhoseLiteralsTheTextHolds) {
  const CompiledPattern p =
      CompilePattern(R"((?:(?i)\bliability\b[^.]{0,50}\bexceed)|(?:\bhold harmless\b))");
  EXPECT_TRUE(p.PartialMatch("Each party shall hold harmless the other."));
  EXPECT_TRUE(p.PartialMatch("LIABILITY shall not EXCEED the fees."));
  EXPECT_FALSE(p.PartialMatch("Liability is unlimited. Fees may exceed the cap."));
  EXPECT_FALSE(p.PartialMatch("Each party shall Hold Harmless the other."));
  EXPECT_FALSE(p.compiled());
  re2::StringPiece m;
  ASSERT_TRUE(p.Find("Liability shall not exceed; hold harmless.", &m));
  EXPECT_EQ(m.as_string(), "Liability shall not exceed");
  EXPECT_TRUE(p.compiled());
}

// Over the default ruleset's condition, fact-selector and unless/except
// patterns and its rules' and classifiers' examples, the literals never
// answer no where the pattern matches, nor the alternatives otherwise
// than the whole.
TEST(CompiledPattern, AnswersAsItsPatternOnTheDefaultRulesetsExamples) {
  auto rs = DefaultRuleset();
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  std::vector<const CompiledPattern*> patterns;
  std::vector<CompiledPattern> unless;  // rules' unless and except, classifiers' unless
  std::vector<std::string> texts;
  for (const Rule& r : rs.value().rules) {
    ForEachPattern(r, r.id,
                   [&](const CompiledPattern& p, const std::string&) { patterns.push_back(&p); });
    for (const std::string* u : {&r.unless, &r.except}) {
      if (!u->empty()) unless.push_back(CompilePattern(*u));
    }
    for (const auto* examples : {&r.match_examples, &r.no_match_examples}) {
      for (const RuleExample& e : *examples) {
        texts.push_back(e.text);
        if (!e.evidence.empty()) texts.push_back(e.evidence);
      }
    }
  }
  for (const Classifier& c : rs.value().classifiers) {
    if (!c.unless.empty()) unless.push_back(CompilePattern(c.unless));
    for (const auto* examples : {&c.match_examples, &c.no_match_examples}) {
      for (const RuleExample& e : *examples) texts.push_back(e.text);
    }
  }
  ASSERT_GT(unless.size(), 20u);
  for (const CompiledPattern& p : unless) patterns.push_back(&p);
  ASSERT_GE(patterns.size(), 30u);
  ASSERT_GT(texts.size(), 500u);
  int matched = 0;
  for (const CompiledPattern* p : patterns) {
    for (const std::string& t : texts) {
      const bool partial = RE2::PartialMatch(t, p->re());
      matched += partial;
      EXPECT_EQ(p->PartialMatch(t), partial) << p->source << " on " << t;
      EXPECT_EQ(p->FullMatch(t), RE2::FullMatch(t, p->re())) << p->source << " on " << t;
      re2::StringPiece got, want;
      const bool found = p->Find(t, &got);
      ASSERT_EQ(found, p->re().Match(t, 0, t.size(), RE2::UNANCHORED, &want, 1)) << p->source;
      if (found) {
        EXPECT_EQ(got.data(), want.data()) << p->source << " on " << t;
        EXPECT_EQ(got.size(), want.size()) << p->source << " on " << t;
      }
    }
  }
  EXPECT_GT(matched, 200) << "the examples must exercise the patterns";
}

TEST(RuleShapesLoader, RejectsMistakesWithFileLineAndId) {
  struct Case {
    std::string rules;
    std::string error;
  };
  const Case cases[] = {
      {RuleYaml("a", "    compare: {fact: durations, below: 3, colour: red}\n"),
       "unknown key 'colour' in compare"},
      {RuleYaml("a", "    compare: {fact: durations, per: {fact: amounts}, above: 3}\n"),
       "t.yaml:26: a: 'per' divides amounts"},
      {RuleYaml("a", "    compare: {fact: amounts, below: 'ten thousand'}\n"),
       "the limit is a number or a parameter name, not 'ten thousand'"},
      {RuleYaml("a", "    compare: {fact: parties, below: 3}\n"),
       "'below' and 'above' compare durations, amounts or percentages"},
      {RuleYaml("a", "    compare: {fact: dates, below: 3, above: 4}\n"),
       "compare needs exactly one of 'below', 'above', 'before' or 'after'"},
      {RuleYaml("a", "    compare: {fact: dates, before: {fact: amounts}}\n"),
       "dates compare with dates"},
      {RuleYaml("a", "    compare: {fact: amounts, role: end, below: 3}\n"),
       "'role' applies to dates and parties only"},
      {RuleYaml("a", "    conflict: {fact: durations, field: currency}\n"),
       "field must be value, currency (amounts) or seat (forums), not 'currency'"},
      {RuleYaml("a", "    conflict: {fact: forums, across_clauses: sometimes}\n"),
       "'across_clauses' must be true or false"},
      {RuleYaml("a", "    conflict: {fact: money}\n"), "unknown fact 'money'"},
      {RuleYaml("a", "    occurrence: {select: {tag: x}, min: 3, max: 1}\n"),
       "occurrence: 'min' is above 'max'"},
      {RuleYaml("a", "    occurrence: {select: {tag: x}}\n"),
       "occurrence needs 'min', 'max' or both"},
      {RuleYaml("a", "    occurrence: {select: {tag: x}, max: -1}\n"),
       "'max' must be a whole number of at least 0"},
      {RuleYaml("a", "    occurrence: {select: {tag: x}, max: 1}\n", "missing"),
       "kind 'missing' is for 'require' rules"},
      {RuleYaml("a", "    require: {tag: x}\n    scope: document\n", "missing"),
       "'scope' applies to 'match' rules only"},
      {RuleYaml("a", "    match: x\n    unless: []\n"), "'unless' must not be an empty list"},
      {RuleYaml("a", "    match: x\n    unless: ['(']\n"),
       "invalid regular expression in 'unless'"},
      {RuleYaml("a", "    require: {tag: x}\n    when: {tags: y}\n", "missing"),
       "unknown key 'tags' in when"},
      {RuleYaml("a", "    require: {tag: x}\n    when: {any: []}\n", "missing"),
       "when.any must be a non-empty list"},
      {RuleYaml("a", "    match: x\n    unless_document: {fact: amounts, forum: court}\n"),
       "'forum' applies to forums only"},
      {RuleYaml("a", "    match: x\n    scope: page\n"),
       "scope must be clause, sentence or document, not 'page'"},
      {RuleYaml("a", "    conflict: {fact: amounts}\n    require: {tag: x}\n"),
       "a rule has exactly one of"},
  };
  for (const Case& c : cases) {
    const std::string got = LoadError(c.rules);
    EXPECT_NE(got.find(c.error), std::string::npos) << "got: " << got << "\nwant: " << c.error;
    EXPECT_EQ(got.rfind("t.yaml:", 0), 0u) << got;
  }
  // A compare on a parameter no file sets is refused when compiled.
  auto rs = ParseRuleset(kClassifiers + RuleYaml("a",
                                                 "    compare: {fact: durations, below: "
                                                 "max_whatever_days}\n"),
                         "t.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(engine.error().ToString().find("compare needs the parameter 'max_whatever_days'"),
            std::string::npos);
}

TEST(RuleShapesLoader, EveryShapeNeedsExamplesBothWays) {
  const std::string rule =
      "  - id: a\n    category: general\n    kind: risky\n    severity: low\n"
      "    conflict: {fact: amounts, field: currency}\n"
      "    message: m\n    recommendation: r\n";
  EXPECT_NE(LoadError(rule).find("rule needs 'examples'"), std::string::npos);
  EXPECT_NE(LoadError(rule + "    examples: {match: [x]}\n").find("at least one 'match' and one"),
            std::string::npos);
  // Evidence is asserted where findings are placed, not on a document-level one.
  EXPECT_EQ(LoadError(rule + "    examples: {match: [{text: x y, evidence: y}], no_match: [z]}\n"),
            "loaded");
  const std::string doc_level =
      "  - id: b\n    category: general\n    kind: missing\n    severity: low\n"
      "    occurrence: {select: {tag: x}, min: 1}\n"
      "    message: m\n    recommendation: r\n"
      "    examples: {match: [{text: x y, evidence: y}], no_match: [z]}\n";
  EXPECT_NE(LoadError(doc_level).find("unknown key 'evidence' in example"), std::string::npos);
}

}  // namespace
}  // namespace clausecheck::analyzer
