#include "analyzer/ruleset.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <set>
#include <string>

#include "rulesets/embedded.h"

namespace clausecheck::analyzer {
namespace {

constexpr const char* kValidRule = R"(
rules:
  - id: liability.uncapped
    category: liability
    kind: risky
    severity: high
    lang: en
    in: [liability]
    match: '(?i)\bunlimited liability\b'
    unless: '(?i)\bgross negligence\b'
    message: Liability is uncapped.
    recommendation: Cap it.
    metadata: {basis: "Common sense."}
    examples:
      match:
        - text: "The Supplier accepts unlimited liability."
          evidence: "unlimited liability"
      no_match: ["Liability is capped."]
)";

TEST(RulesetLoader, LoadsAValidRule) {
  auto rs = ParseRuleset(kValidRule, "t.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  ASSERT_EQ(rs.value().rules.size(), 1u);
  const Rule& r = rs.value().rules[0];
  EXPECT_EQ(r.id, "liability.uncapped");
  EXPECT_EQ(r.category, Category::kLiability);
  EXPECT_EQ(r.kind, Kind::kRisky);
  EXPECT_EQ(r.severity, Severity::kHigh);
  EXPECT_EQ(r.lang, Lang::kEn);
  ASSERT_EQ(r.in.size(), 1u);
  EXPECT_EQ(r.basis, "Common sense.");
  ASSERT_EQ(r.match_examples.size(), 1u);
  EXPECT_EQ(r.match_examples[0].evidence, "unlimited liability");
  EXPECT_EQ(r.match_examples[0].line, 16);
  EXPECT_EQ(r.source, "t.yaml:3");
}

// Each case: a ruleset text and the exact error it must produce.
struct BadCase {
  const char* name;
  std::string yaml;
  std::string error;
};

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  auto pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) s.replace(pos, from.size(), to);
  return s;
}

// A rule on marks; the list of marks is appended by each test.
constexpr const char* kMarksRule = R"(
rules:
  - id: drafting.hidden
    category: drafting
    kind: draft
    severity: high
    message: Hidden text.
    recommendation: Unhide it.
    examples:
      match:
        - {text: "Fees are USD 10, plus a bonus.", mark: hidden, evidence: ", plus a bonus"}
      no_match: ["Nothing hidden here."]
    marks:
)";

TEST(RulesetLoader, LoadsAMarksRule) {
  auto rs = ParseRuleset(kMarksRule + std::string("      - hidden\n      - comment\n"), "t.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  ASSERT_EQ(rs.value().rules.size(), 1u);
  EXPECT_EQ(rs.value().rules[0].marks,
            (std::vector<MarkKind>{MarkKind::kHidden, MarkKind::kComment}));
  EXPECT_EQ(rs.value().rules[0].no_match_examples.size(), 1u);
  ASSERT_EQ(rs.value().rules[0].match_examples.size(), 1u);
  EXPECT_EQ(rs.value().rules[0].match_examples[0].mark, MarkKind::kHidden);
  EXPECT_EQ(rs.value().rules[0].match_examples[0].evidence, ", plus a bonus");
}

TEST(RulesetLoader, RejectsEachKindOfMistakeWithFileLineAndId) {
  const std::string v = kValidRule;
  const BadCase cases[] = {
      {"unknown key", Replace(v, "    lang: en\n", "    lang: en\n    severty: low\n"),
       "t.yaml:8: liability.uncapped: unknown key 'severty' in rule (known: category, check, "
       "compare, conflict, examples, except, for, hurts, id, in, in_tags, kind, lang, marks, "
       "match, message, metadata, not_for, not_in, occurrence, recommendation, require, scope, "
       "severity, unless, unless_document, when)"},
      {"bad regex", Replace(v, R"('(?i)\bunlimited liability\b')", "'(unclosed'"),
       "t.yaml:9: liability.uncapped: invalid regular expression in 'match': missing ): "
       "(unclosed"},
      {"bad category", Replace(v, "category: liability", "category: money"),
       "t.yaml:4: liability.uncapped: unknown category 'money'"},
      {"bad severity", Replace(v, "severity: high", "severity: severe"),
       "t.yaml:6: liability.uncapped: unknown severity 'severe'"},
      {"bad lang", Replace(v, "lang: en", "lang: fr"),
       "t.yaml:7: liability.uncapped: lang must be en, zh or any, not 'fr'"},
      {"no examples", v.substr(0, v.find("    examples:")),
       "t.yaml:3: liability.uncapped: rule needs 'examples' with 'match' and 'no_match'"},
      {"evidence not in text", Replace(v, "evidence: \"unlimited liability\"", "evidence: \"cap\""),
       "t.yaml:16: liability.uncapped: example evidence 'cap' is not part of its text"},
      {"missing with match", Replace(v, "kind: risky", "kind: missing"),
       "t.yaml:5: liability.uncapped: kind 'missing' is for 'require' rules (and 'occurrence' "
       "with only 'min')"},
      {"bad id", Replace(v, "id: liability.uncapped", "id: Liability Uncapped"),
       "t.yaml:3: Liability Uncapped: rule id must be lower-case letters, digits, '.', '_' or '-'"},
      {"empty match", Replace(v, R"('(?i)\bunlimited liability\b')", "'x*'"),
       "t.yaml:9: liability.uncapped: 'match' matches the empty string"},
      {"not yaml", "rules: [unclosed", "t.yaml:1: invalid YAML: end of sequence flow not found"},
      {"match and marks", Replace(v, "    in: [liability]\n", "    marks: [comment]\n"),
       "t.yaml:3: liability.uncapped: a rule has exactly one of 'match', 'require', 'check', "
       "'marks', 'occurrence', 'conflict' or 'compare'"},
      {"unknown mark", kMarksRule + std::string("      - revision\n"),
       "t.yaml:14: drafting.hidden: unknown mark 'revision' (insertion, deletion, move_from, "
       "move_to, hidden or comment)"},
      {"marks match example without a mark",
       Replace(kMarksRule, "mark: hidden, ", "") + "      - hidden\n",
       "t.yaml:10: drafting.hidden: a 'marks' rule's match examples need a 'mark'"},
      {"mark without evidence",
       Replace(kMarksRule, ", evidence: \", plus a bonus\"", "") + "      - hidden\n",
       "t.yaml:11: drafting.hidden: an example with a 'mark' needs the 'evidence' it marks"},
      {"unknown mark in example",
       Replace(kMarksRule, "mark: hidden", "mark: secret") + "      - hidden\n",
       "t.yaml:11: drafting.hidden: unknown mark kind 'secret'"},
      {"inherit_tag not a bool",
       "classifiers:\n  - category: general\n    tag: x\n    heading: 'h'\n    inherit_tag: "
       "sometimes\n",
       "t.yaml:5: x: inherit_tag must be true or false"},
      {"inherit_tag without heading",
       "classifiers:\n  - category: general\n    tag: x\n    text: 't'\n    inherit_tag: false\n",
       "t.yaml:5: x: inherit_tag needs a 'heading'"},
      {"unknown top key", "rulez: []\n",
       "t.yaml:1: unknown key 'rulez' in ruleset file (known: classifiers, disable, parameters, "
       "rules, ruleset)"},
  };
  for (const BadCase& c : cases) {
    auto rs = ParseRuleset(c.yaml, "t.yaml");
    ASSERT_FALSE(rs.ok()) << c.name;
    EXPECT_EQ(rs.error().code, ErrorCode::kConfig) << c.name;
    EXPECT_EQ(rs.error().ToString(), c.error) << c.name;
  }
}

// The loader tests the empty string on the loosened pattern compiled as
// Latin-1 (cheap); the answer must be the pattern's own.
TEST(RulesetLoader, EmptyStringCheckAgreesWithThePatternItself) {
  const std::string v = kValidRule;
  const std::string pattern = R"('(?i)\bunlimited liability\b')";
  const struct {
    const char* pattern;
    bool empty;
  } cases[] = {
      {"'x{0,400}'", true},
      {"'x{3,400}'", false},
      {"'(?:ab){0,9}c?'", true},
      {"'(?:a|){5,9}'", true},
      {"'^\\s{0,300}$'", true},
      {"'\\b'", false},
      {"'\\B'", true},
      {"'[^。；\\n]{0,40}'", true},
      {"'自[^。；\\n]{0,40}'", false},
      {"'(?m)^$'", true},
      {"'\\p{Han}{0,30}'", true},
      {"'\\p{Han}{1,30}'", false},
      {"'(?:x{0,9}|y)z{0,200}'", true},
  };
  for (const auto& c : cases) {
    auto rs = ParseRuleset(Replace(v, pattern, c.pattern), "t.yaml");
    const RE2 re(std::string(c.pattern).substr(1, std::string(c.pattern).size() - 2));
    ASSERT_TRUE(re.ok()) << c.pattern;
    ASSERT_EQ(re.Match("", 0, 0, RE2::ANCHOR_BOTH, nullptr, 0), c.empty) << c.pattern;
    EXPECT_EQ(!rs.ok(), c.empty) << c.pattern;
    if (!rs.ok()) {
      EXPECT_EQ(rs.error().ToString(),
                "t.yaml:9: liability.uncapped: 'match' matches the empty string");
    }
  }
}

TEST(RulesetLoader, RejectsDuplicateIdsInOneFile) {
  std::string yaml = kValidRule;
  yaml += yaml.substr(yaml.find("  - id:"));
  auto rs = ParseRuleset(yaml, "t.yaml");
  ASSERT_FALSE(rs.ok());
  EXPECT_EQ(rs.error().ToString(), "t.yaml:19: liability.uncapped: duplicate rule id");
}

TEST(RulesetLoader, ParsesRequireForms) {
  auto rs = ParseRuleset(R"(
rules:
  - id: dispute.forum.missing
    category: dispute_resolution
    kind: missing
    severity: high
    require: {any: [{tag: arbitration}, {category: [dispute_resolution, general], tag: court}]}
    message: m
    recommendation: r
    examples: {match: ["a"], no_match: ["b"]}
)",
                         "t.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  const Rule& r = rs.value().rules[0];
  ASSERT_TRUE(r.require.has_value());
  ASSERT_EQ(r.require->kind, Condition::Kind::kAny);
  ASSERT_EQ(r.require->conditions.size(), 2u);
  EXPECT_EQ(r.require->conditions[0].clause.tags, std::vector<std::string>{"arbitration"});
  EXPECT_EQ(r.require->conditions[1].clause.categories.size(), 2u);
  EXPECT_EQ(r.lang, Lang::kAny);
}

TEST(RulesetMerge, OverridesByIdAppendsAndDisables) {
  auto base = ParseRuleset(kValidRule, "base.yaml");
  ASSERT_TRUE(base.ok());
  std::string overlay_text = Replace(kValidRule, "severity: high", "severity: low");
  overlay_text += R"(
disable: [liability.other]
)";
  Ruleset rs = base.value();
  Rule other = rs.rules[0];
  other.id = "liability.other";
  rs.rules.push_back(other);
  auto overlay = ParseRuleset(overlay_text, "user.yaml");
  ASSERT_TRUE(overlay.ok()) << overlay.error().ToString();
  ASSERT_TRUE(MergeRuleset(overlay.value(), &rs).ok());
  ASSERT_EQ(rs.rules.size(), 1u);
  EXPECT_EQ(rs.rules[0].severity, Severity::kLow);
  EXPECT_EQ(rs.rules[0].source, "user.yaml:3");

  auto bad = ParseRuleset("disable: [no.such.rule]\n", "user.yaml");
  ASSERT_TRUE(bad.ok());
  auto merged = MergeRuleset(bad.value(), &rs);
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.error().message, "disable: no rule with id 'no.such.rule'");
}

// DefaultRuleset skips the pattern checks (they cost most of the startup):
// every embedded file must pass them, and give the same rules.
TEST(DefaultRuleset, EveryEmbeddedFilePassesThePatternChecks) {
  size_t rules = 0, classifiers = 0;
  for (const auto& [name, content] : rulesets::EmbeddedDefault()) {
    auto checked = ParseRuleset(content, name);
    ASSERT_TRUE(checked.ok()) << checked.error().ToString();
    auto unchecked = ParseRuleset(content, name, ParseOptions{.check_patterns = false});
    ASSERT_TRUE(unchecked.ok()) << name;
    EXPECT_EQ(checked.value().rules.size(), unchecked.value().rules.size()) << name;
    rules += checked.value().rules.size();
    classifiers += checked.value().classifiers.size();
  }
  auto rs = DefaultRuleset();
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs.value().rules.size(), rules);
  EXPECT_EQ(rs.value().classifiers.size(), classifiers);
  EXPECT_GT(rules, 150u);
}

TEST(DefaultRuleset, LoadsWithUniqueIdsAndCoversTheCore) {
  auto rs = DefaultRuleset();
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  EXPECT_EQ(rs.value().name, "default");
  EXPECT_FALSE(rs.value().version.empty());
  std::set<std::string> ids;
  for (const Rule& r : rs.value().rules) EXPECT_TRUE(ids.insert(r.id).second) << r.id;
  for (const char* id :
       {"parties.missing", "zh.parties.missing", "term.missing", "zh.term.missing",
        "liability.missing", "zh.liability.breach.missing", "liability.uncapped",
        "zh.liability.uncapped", "dispute.governing_law.missing", "dispute.forum.missing",
        "zh.dispute.missing", "signature.missing", "zh.signature.missing"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
}

}  // namespace
}  // namespace clausecheck::analyzer
