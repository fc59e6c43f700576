#include "analyzer/engine.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/language.h"
#include "analyzer/segment.h"
#include "analyzer/sentence.h"
#include "tests/analyzer/lines.h"

namespace clausecheck::analyzer {
namespace {

constexpr const char* kRuleset = R"(
classifiers:
  - category: liability
    tag: cap_on_liability
    heading: '(?i)limitation of liability'
  - category: liability
    tag: indemnification
    text: '(?i)\bindemnify\b'
  - category: dispute_resolution
    tag: governing_law
    lang: en
    text: '(?i)governed by the laws? of'
  - category: dispute_resolution
    tag: arbitration
    lang: zh
    text: '仲裁'
rules:
  - id: liability.uncapped
    category: liability
    kind: risky
    severity: high
    lang: en
    in: [liability]
    match: '(?i)(?:including,? )?without limitation\b'
    except: '(?i)including,? without limitation'
    unless: '(?i)gross negligence'
    message: Uncapped.
    recommendation: Cap it.
    examples: {match: ["x"], no_match: ["y"]}
  - id: zh.liability.uncapped
    category: liability
    kind: risky
    severity: high
    lang: zh
    match: '不设上限'
    message: 无上限。
    recommendation: 设上限。
    examples: {match: ["x"], no_match: ["y"]}
  - id: law.missing
    category: dispute_resolution
    kind: missing
    severity: medium
    require: {tag: governing_law}
    message: No law.
    recommendation: Add one.
    examples: {match: ["x"], no_match: ["y"]}
  - id: placeholder
    category: drafting
    kind: draft
    severity: medium
    not_in: [dispute_resolution]
    match: '\[●\]'
    message: Placeholder.
    recommendation: Fill it.
    examples: {match: ["x"], no_match: ["y"]}
  - id: tracked
    category: drafting
    kind: draft
    severity: medium
    marks: [insertion, deletion]
    message: Pending {change}.
    recommendation: Accept or reject it.
    examples: {match: [{text: "x y", mark: insertion, evidence: "y"}], no_match: ["y"]}
  - id: hidden
    category: drafting
    kind: draft
    severity: high
    marks: [hidden, comment]
    message:
      en: "{change} by {author}: {comment}"
      zh: "{author}的{change}：{comment}"
    recommendation: Clear it.
    examples: {match: [{text: "x y", mark: comment, evidence: "y"}], no_match: ["y"]}
)";

Engine MakeEngine() {
  auto rs = ParseRuleset(kRuleset, "t.yaml");
  EXPECT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  EXPECT_TRUE(engine.ok()) << engine.error().ToString();
  return std::move(engine.value());
}

// A document whose blocks are `texts`, one clause per entry of `clause_blocks`
// ({first, end, parent, heading}).
struct ClauseSpec {
  int first, end, parent;
  std::string heading;
};

struct Fixture {
  Document doc;
  std::vector<Clause> clauses;
};

Fixture Make(const std::vector<std::string>& texts, const std::vector<ClauseSpec>& specs) {
  Fixture f;
  for (size_t i = 0; i < texts.size(); ++i) {
    Block b;
    b.text = texts[i];
    b.source.part = "text";
    b.source.index = static_cast<int>(i);
    f.doc.blocks.push_back(b);
  }
  for (size_t i = 0; i < specs.size(); ++i) {
    Clause c;
    c.id = "c" + std::to_string(i + 1);
    c.first_block = specs[i].first;
    c.end_block = specs[i].end;
    c.parent = specs[i].parent;
    c.heading = specs[i].heading;
    for (int b = c.first_block; b < c.end_block; ++b) {
      if (b > c.first_block) c.text += "\n";
      c.block_offsets.push_back(static_cast<int>(c.text.size()));
      c.text += texts[b];
    }
    f.clauses.push_back(c);
  }
  return f;
}

TEST(Engine, HeadingCategoriesHoldForDescendants) {
  Engine e = MakeEngine();
  Fixture f = Make({"9. Limitation of Liability", "9.1 The Customer is liable without limitation.",
                    "10. Notices"},
                   {{0, 1, -1, "Limitation of Liability"}, {1, 2, 0, ""}, {2, 3, -1, "Notices"}});
  e.Classify("en", &f.clauses);
  EXPECT_EQ(f.clauses[0].categories, std::vector<Category>{Category::kLiability});
  EXPECT_EQ(f.clauses[1].categories, std::vector<Category>{Category::kLiability});
  EXPECT_EQ(f.clauses[1].tags, std::vector<std::string>{"cap_on_liability"});
  EXPECT_TRUE(f.clauses[2].categories.empty());
}

// inherit_tag: false: the heading's own clause has the tag, the clauses nested
// under it only when their text says so; the category still holds for all.
TEST(Engine, HeadingTagWithoutInheritanceHoldsForItsOwnClause) {
  auto rs = ParseRuleset(R"(
classifiers:
  - category: intellectual_property
    tag: license_grant
    heading: '(?i)grant of licen[cs]e'
    inherit_tag: false
  - category: intellectual_property
    tag: license_grant
    text: '(?i)hereby grants'
)",
                         "t.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  EXPECT_FALSE(rs.value().classifiers[0].inherit_tag);
  EXPECT_TRUE(rs.value().classifiers[1].inherit_tag);
  auto e = Engine::Compile(rs.value());
  ASSERT_TRUE(e.ok()) << e.error().ToString();
  Fixture f = Make({"2. Grant of License", "2.1 Licensor hereby grants a licence.",
                    "2.2 Licensee shall pay the fees.", "2.2.1 Fees are due monthly."},
                   {{0, 1, -1, "Grant of License"}, {1, 2, 0, ""}, {2, 3, 0, ""}, {3, 4, 2, ""}});
  e.value().Classify("en", &f.clauses);
  const std::vector<std::string> tagged = {"license_grant"};
  EXPECT_EQ(f.clauses[0].tags, tagged);
  EXPECT_EQ(f.clauses[1].tags, tagged);
  EXPECT_TRUE(f.clauses[2].tags.empty());
  EXPECT_TRUE(f.clauses[3].tags.empty());
  for (const Clause& c : f.clauses) {
    EXPECT_EQ(c.categories, std::vector<Category>{Category::kIntellectualProperty}) << c.id;
  }
}

// A classifier's pattern classifies a clause where any of its top-level
// alternatives matches, each scanned for by its own literals (the filter's
// parts); a heading not within the clause text is scanned for by itself.
TEST(Engine, ClassifiesByAnyAlternativeOfItsPattern) {
  auto rs = ParseRuleset(R"(
classifiers:
  - category: intellectual_property
    tag: ip_grant
    heading: '(?i)licen[cs]e grant|grant of rights'
  - category: liability
    tag: cap_on_liability
    text: '(?i)\bliability\b[^.]{0,60}\bexceed|\bcapped at\b|\baggregate liability\b'
)",
                         "t.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  auto e = Engine::Compile(rs.value());
  ASSERT_TRUE(e.ok()) << e.error().ToString();
  Fixture f = Make({"1. Rights", "Its aggregate liability is limited.", "Fees are capped at cost.",
                    "The liability of either party shall not exceed the fees.",
                    "Liability is unlimited. Costs may exceed the fees.", "2. Licence Grant"},
                   {{0, 1, -1, "Grant of Rights"},
                    {1, 2, -1, ""},
                    {2, 3, -1, ""},
                    {3, 4, -1, ""},
                    {4, 5, -1, ""},
                    {5, 6, -1, "Licence Grant"}});
  e.value().Classify("en", &f.clauses);
  const std::vector<std::string> ip = {"ip_grant"}, cap = {"cap_on_liability"};
  EXPECT_EQ(f.clauses[0].tags, ip);
  EXPECT_EQ(f.clauses[1].tags, cap);
  EXPECT_EQ(f.clauses[2].tags, cap);
  EXPECT_EQ(f.clauses[3].tags, cap);
  EXPECT_TRUE(f.clauses[4].tags.empty());
  EXPECT_EQ(f.clauses[5].tags, ip);
}

TEST(Engine, FindsSpanInCodePointsOfTheRightBlock) {
  Engine e = MakeEngine();
  Fixture f = Make({"9. Limitation of Liability", "First paragraph.",
                    "Überall the Customer is liable without limitation."},
                   {{0, 3, -1, "Limitation of Liability"}});
  e.Classify("en", &f.clauses);
  auto findings = e.Evaluate(f.doc, "en", f.clauses);
  ASSERT_EQ(findings.size(), 2u);  // law.missing, then the clause finding
  EXPECT_EQ(findings[0].rule, "law.missing");
  EXPECT_FALSE(findings[0].location.has_value());
  EXPECT_TRUE(findings[0].clause_id.empty());
  const Finding& u = findings[1];
  EXPECT_EQ(u.rule, "liability.uncapped");
  EXPECT_EQ(u.clause_id, "c1");
  EXPECT_EQ(u.evidence, "without limitation");
  ASSERT_TRUE(u.location.has_value());
  EXPECT_EQ(u.location->block, 2);
  EXPECT_EQ(u.location->part, "text");
  // "Überall the Customer is liable " is 31 code points (Ü is two bytes).
  EXPECT_EQ(u.location->start, 31);
  EXPECT_EQ(u.location->end, 49);
}

TEST(Engine, MarkRulesFireOncePerMarkInTheClauseOfItsBlock) {
  Engine e = MakeEngine();
  Fixture f =
      Make({"Preamble.", "1. Fees", "Pay ünder 30 days.", "A comment."}, {{1, 3, -1, "Fees"}});
  f.doc.blocks[0].marks.push_back({MarkKind::kHidden, 8, 8, "", "", "secret words"});
  // "ünder" (code points 4..9) was inserted, "60" deleted at 10.
  f.doc.blocks[2].marks.push_back({MarkKind::kInsertion, 4, 9, "Ed", "2026-01-01", ""});
  f.doc.blocks[2].marks.push_back({MarkKind::kDeletion, 10, 10, "Ed", "2026-01-01", "60 "});
  f.doc.blocks[2].marks.push_back({MarkKind::kMoveFrom, 0, 0, "Ed", "", "gone"});
  f.doc.blocks[2].marks.push_back({MarkKind::kComment, 0, 3, "Dee", "", "Why?"});
  e.Classify("en", &f.clauses);
  auto findings = e.Evaluate(f.doc, "en", f.clauses);
  ASSERT_EQ(findings.size(), 5u);
  EXPECT_EQ(findings[0].rule, "law.missing");
  findings.erase(findings.begin());
  // A block in no clause: document-level, but with its location.
  EXPECT_EQ(findings[0].rule, "hidden");
  EXPECT_EQ(findings[0].clause_id, "");
  EXPECT_EQ(findings[0].evidence, "secret words");
  ASSERT_TRUE(findings[0].location.has_value());
  EXPECT_EQ(findings[0].location->block, 0);
  EXPECT_EQ(findings[0].location->start, 8);
  // In the clause: rule order, then block and mark order; move_from is not asked for.
  EXPECT_EQ(findings[1].rule, "tracked");
  EXPECT_EQ(findings[1].clause_id, "c1");
  EXPECT_EQ(findings[1].evidence, "ünder");
  EXPECT_EQ(findings[1].location->block, 2);
  EXPECT_EQ(findings[1].location->start, 4);
  EXPECT_EQ(findings[1].location->end, 9);
  EXPECT_EQ(findings[2].rule, "tracked");
  EXPECT_EQ(findings[2].evidence, "60 ");
  EXPECT_EQ(findings[2].location->start, 10);
  EXPECT_EQ(findings[3].rule, "hidden");
  EXPECT_EQ(findings[3].evidence, "Pay");  // a comment points at its range
  EXPECT_EQ(findings[3].severity, Severity::kHigh);
  EXPECT_EQ(findings[3].kind, Kind::kDraft);
  // Messages name the mark, its author (or that none is named) and a
  // comment's text.
  EXPECT_EQ(findings[0].message, "hidden text by an unnamed author: ");
  EXPECT_EQ(findings[3].message, "comment by Dee: Why?");
}

TEST(Engine, TextDeletedAndInsertedInItsPlaceByOneAuthorIsOneReplacement) {
  Engine e = MakeEngine();
  Fixture f = Make({"1. Fees", "Pay in 60 days or 9 weeks."}, {{0, 2, -1, "Fees"}});
  auto& marks = f.doc.blocks[1].marks;
  marks.push_back({MarkKind::kDeletion, 7, 7, "Ed", "", "30"});  // "30" -> "60" by Ed
  marks.push_back({MarkKind::kInsertion, 7, 9, "Ed", "", ""});
  marks.push_back({MarkKind::kDeletion, 18, 18, "Ann", "", "8"});  // Ann deleted, Ed inserted
  marks.push_back({MarkKind::kInsertion, 18, 19, "Ed", "", ""});
  e.Classify("en", &f.clauses);
  std::vector<std::string> got;
  for (const auto& x : e.Evaluate(f.doc, "en", f.clauses)) {
    if (x.rule != "tracked") continue;
    got.push_back(x.evidence + "@" + std::to_string(x.location->start) + "-" +
                  std::to_string(x.location->end) + ":" + x.message);
  }
  // The replacement is one finding at the insertion, quoting what it
  // replaces. Two authors make two changes.
  EXPECT_EQ(got,
            (std::vector<std::string>{"60@7-9:Pending replacement of \"30\".",
                                      "8@18-18:Pending deletion.", "9@18-19:Pending insertion."}));
}

TEST(Engine, MarkMessagesAreInTheDocumentsLanguageAndCutLongComments) {
  Engine e = MakeEngine();
  Fixture f = Make({"一、价款", "甲方应支付价款。"}, {{0, 2, -1, "价款"}});
  std::string long_comment;
  for (int i = 0; i < 200; ++i) long_comment += "批";
  f.doc.blocks[1].marks.push_back({MarkKind::kComment, 0, 2, "", "", long_comment + "\n"});
  f.doc.blocks[1].marks.push_back({MarkKind::kHidden, 2, 2, "张三", "", "内部"});
  e.Classify("zh", &f.clauses);
  auto findings = e.Evaluate(f.doc, "zh", f.clauses);
  std::vector<std::string> got;
  for (const auto& x : findings) {
    if (x.rule == "hidden") got.push_back(x.message);
  }
  std::string cut;
  for (int i = 0; i < 160; ++i) cut += "批";
  EXPECT_EQ(got,
            (std::vector<std::string>{"未署名者的批注：" + cut + "\u2026", "张三的隐藏文字："}));
}

TEST(Engine, ResolvedCommentsAreNotOpen) {
  Engine e = MakeEngine();
  Fixture f = Make({"1. Fees", "Pay in 30 days."}, {{0, 2, -1, "Fees"}});
  Mark done{MarkKind::kComment, 0, 3, "Dee", "", "Fixed."};
  done.resolved = true;
  f.doc.blocks[1].marks.push_back(done);
  f.doc.blocks[1].marks.push_back({MarkKind::kComment, 4, 6, "Ed", "", "Open?"});
  e.Classify("en", &f.clauses);
  auto findings = e.Evaluate(f.doc, "en", f.clauses);
  std::vector<std::string> got;
  for (const auto& x : findings) got.push_back(x.rule + ":" + x.evidence);
  // The resolved comment on "Pay" is gone; the open one on "in" stays.
  EXPECT_EQ(got, (std::vector<std::string>{"law.missing:", "hidden:in"}));
}

TEST(Engine, InUnlessAndExceptDecide) {
  Engine e = MakeEngine();
  Fixture f =
      Make({"1. Scope. Services include, without limitation, hosting.",          // not in liability
            "2. Liability. We indemnify, including without limitation, costs.",  // except skips it
            "3. Liability. We indemnify without limitation save gross negligence.",  // unless
            "4. Liability. We indemnify, including without limitation costs, and are liable "
            "without limitation."},  // second match counts
           {{0, 1, -1, ""}, {1, 2, -1, ""}, {2, 3, -1, ""}, {3, 4, -1, ""}});
  e.Classify("en", &f.clauses);
  auto findings = e.Evaluate(f.doc, "en", f.clauses);
  std::vector<std::string> got;
  for (const auto& x : findings) got.push_back(x.rule + "@" + x.clause_id);
  EXPECT_EQ(got, (std::vector<std::string>{"law.missing@", "liability.uncapped@c4"}));
  EXPECT_EQ(findings[1].location->start, 79);
}

TEST(Engine, LanguageSelectsRules) {
  Engine e = MakeEngine();
  Fixture f = Make({"第八条 违约责任：赔偿不设上限。争议提交仲裁。"}, {{0, 1, -1, ""}});
  e.Classify("zh", &f.clauses);
  // The zh arbitration classifier ran; the en governing-law one did not.
  EXPECT_EQ(f.clauses[0].tags, std::vector<std::string>{"arbitration"});
  auto findings = e.Evaluate(f.doc, "zh", f.clauses);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule, "law.missing");  // lang any
  EXPECT_EQ(findings[1].rule, "zh.liability.uncapped");
  EXPECT_EQ(findings[1].location->start, 11);  // 第八条 违约责任：赔偿 is 11 code points
  EXPECT_EQ(findings[1].location->end, 15);
  // An English document never runs the Chinese rule.
  EXPECT_EQ(e.Evaluate(f.doc, "en", f.clauses).size(), 1u);
}

TEST(Engine, NotInSkipsClausesOfThatCategory) {
  Engine e = MakeEngine();
  Fixture f = Make({"1. Law. Governed by the laws of [●].", "2. Fees. The fee is [●]."},
                   {{0, 1, -1, ""}, {1, 2, -1, ""}});
  e.Classify("en", &f.clauses);
  auto findings = e.Evaluate(f.doc, "en", f.clauses);
  ASSERT_EQ(findings.size(), 1u);  // the law clause is present and exempt
  EXPECT_EQ(findings[0].rule, "placeholder");
  EXPECT_EQ(findings[0].clause_id, "c2");
}

TEST(Engine, LangAppliesTable) {
  EXPECT_TRUE(LangApplies(Lang::kEn, "en"));
  EXPECT_FALSE(LangApplies(Lang::kEn, "zh"));
  EXPECT_TRUE(LangApplies(Lang::kZh, "mixed"));
  EXPECT_TRUE(LangApplies(Lang::kAny, "zh"));
  EXPECT_TRUE(LangApplies(Lang::kZh, "unknown"));
}

TEST(Engine, LargeRulesetMatchesExactlyLikeItsSingleRules) {
  // A set of 300 patterns gives the same rules, in rule order, with the same
  // evidence as each rule alone would.
  std::string yaml = "rules:\n";
  for (int i = 0; i < 300; ++i) {
    yaml += "  - id: r" + std::to_string(i) +
            "\n    category: general\n    kind: risky\n    severity: low\n"
            "    match: '(?i)\\bterm" +
            std::to_string(i) +
            "[a-z]{0,20}\\b'\n    message: m\n    recommendation: r\n"
            "    examples: {match: [x], no_match: [y]}\n";
  }
  auto rs = ParseRuleset(yaml, "big.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok());
  Fixture f = Make({"Term7abc and term299 and TERM42x."}, {{0, 1, -1, ""}});
  auto findings = engine.value().Evaluate(f.doc, "en", f.clauses);
  std::vector<std::string> got;
  for (const auto& x : findings) got.push_back(x.rule + ":" + x.evidence);
  EXPECT_EQ(got, (std::vector<std::string>{"r7:Term7abc", "r42:TERM42x", "r299:term299"}));
}

TEST(Engine, LoosenedSetCandidatesAreConfirmedByTheExactPattern) {
  // The sets hold "[a-z ]*" for "[a-z ]{0,6}": both texts are candidates, only
  // the first matches the classifier and the rule as written.
  auto rs = ParseRuleset(R"(
classifiers:
  - category: liability
    tag: cap_on_liability
    text: '(?i)\bcap\b[a-z ]{0,6}\bliability'
rules:
  - id: r
    category: general
    kind: risky
    severity: low
    match: '(?i)\bsole\b[a-z ]{0,6}\bdiscretion'
    message: m
    recommendation: r
    examples: {match: [sole discretion], no_match: [y]}
)",
                         "loose.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok()) << engine.error().ToString();
  Fixture f = Make({"A cap on liability, in its sole discretion.",
                    "A cap on all of the liability, in its sole and absolute discretion."},
                   {{0, 1, -1, ""}, {1, 2, -1, ""}});
  engine.value().Classify("en", &f.clauses);
  EXPECT_EQ(f.clauses[0].tags, std::vector<std::string>{"cap_on_liability"});
  EXPECT_TRUE(f.clauses[1].tags.empty());
  auto findings = engine.value().Evaluate(f.doc, "en", f.clauses);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].clause_id, "c1");
  EXPECT_EQ(findings[0].evidence, "sole discretion");
}

// Single patterns compile with a small memory budget first; one too large for
// it (\pL{300} unrolls into a big UTF-8 program) still matches, with RE2's
// default budget.
TEST(Engine, APatternTooLargeForTheSmallBudgetStillMatches) {
  auto rs = ParseRuleset(R"(
rules:
  - id: long.word
    category: general
    kind: risky
    severity: low
    match: '\pL{300}x'
    message: m
    recommendation: r
    examples: {match: [y], no_match: [z]}
)",
                         "big.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok()) << engine.error().ToString();
  Fixture f = Make({"A " + std::string(300, 'a') + "x b"}, {{0, 1, -1, ""}});
  auto findings = engine.value().Evaluate(f.doc, "en", f.clauses);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence, std::string(300, 'a') + "x");
}

}  // namespace
}  // namespace clausecheck::analyzer

namespace clausecheck::analyzer {
namespace {

constexpr const char* kSentenceYaml = R"(
classifiers:
  - category: termination
    tag: termination_for_convenience
    text: '(?i)may terminate'
    unless: '(?i)breach'
    scope: sentence
rules:
  - id: term.one_sided
    category: termination
    kind: risky
    severity: medium
    match: '(?i)may terminate'
    unless: '(?i)either party'
    scope: sentence
    message: One side only.
    recommendation: Make it mutual.
    examples:
      match: ["Customer may terminate at any time. Either party may assign."]
      no_match: ["Either party may terminate at any time."]
)";

TEST(EngineScope, SentenceScopeLooksAtTheMatchingSentenceOnly) {
  auto rs = ParseRuleset(kSentenceYaml, "s.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok());
  auto run = [&](const std::string& text) {
    Fixture f = Make({text}, {{0, 1, -1, ""}});
    engine.value().Classify("en", &f.clauses);
    return std::make_pair(f.clauses[0].tags, engine.value().Evaluate(f.doc, "en", f.clauses));
  };
  // "Either party" in the next sentence does not save "Customer may terminate".
  auto [tags, findings] = run("Customer may terminate at any time. Either party may assign.");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence, "may terminate");
  EXPECT_EQ(tags, std::vector<std::string>{"termination_for_convenience"});
  EXPECT_TRUE(run("Either party may terminate at any time.").second.empty());
  // The classifier's `unless` holds for the matching sentence alone: a breach
  // sentence elsewhere does not stop the convenience sentence.
  EXPECT_EQ(run("Supplier may terminate on notice. Breach is dealt with in clause 9.").first,
            std::vector<std::string>{"termination_for_convenience"});
  EXPECT_TRUE(run("Supplier may terminate if Customer is in breach.").first.empty());
  // Abbreviations and Chinese full stops.
  EXPECT_EQ(run("Acme Inc. may terminate at any time.").second.size(), 1u);
  EXPECT_TRUE(run("Either party, e.g. Acme Inc. may terminate.").second.empty());
  std::string wrong = kSentenceYaml;
  wrong.replace(wrong.rfind("scope: sentence"), 15, "scope: paragraph");
  auto err = ParseRuleset(wrong, "s.yaml");
  ASSERT_FALSE(err.ok());
  EXPECT_NE(
      err.error().ToString().find("scope must be clause, sentence or document, not 'paragraph'"),
      std::string::npos);
}

TEST(Sentence, AroundASpanFromEndToEnd) {
  const std::string text =
      "Fees are due. The Supplier shall pay within 30 days; or else. 第一条。乙方付款。";
  const size_t at = text.find("pay");
  EXPECT_EQ(SentenceAround(text, at, at + 3), " The Supplier shall pay within 30 days;");
  const size_t zh = text.find("付款");
  EXPECT_EQ(SentenceAround(text, zh, zh + 6), "乙方付款。");
  EXPECT_EQ(SentenceAround("Acme Inc. shall pay. Next", 0, 0), "Acme Inc. shall pay.");
}

// A run-on paragraph: the sentence reaches at most kMaxSentenceReach bytes
// either side of the span, cut at whole code points.
TEST(Sentence, ReachIsBoundedInARunOnParagraph) {
  std::string text;
  while (text.size() < 3 * kMaxSentenceReach) text += "乙方 shall pay ";
  const size_t at = text.size() / 2;
  const std::string_view s = SentenceAround(text, at, at + 1);
  EXPECT_LE(s.size(), 2 * kMaxSentenceReach + 1);
  EXPECT_GE(s.size(), 2 * kMaxSentenceReach - 6);
  EXPECT_NE(static_cast<unsigned char>(s.front()) & 0xC0, 0x80);
  const size_t end = s.data() - text.data() + s.size();
  EXPECT_TRUE(end == text.size() || (static_cast<unsigned char>(text[end]) & 0xC0) != 0x80);
}

// What a finding says, as one string: rule, clause, span and evidence.
std::vector<std::string> Described(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& x : findings) {
    std::string s = x.rule + "@" + x.clause_id + ":" + x.evidence;
    if (x.location) {
      s += ":" + std::to_string(x.location->block) + ":" + std::to_string(x.location->start) + "-" +
           std::to_string(x.location->end);
    }
    out.push_back(s);
  }
  return out;
}

// Classifies `clauses` with and without a ClauseScans and expects the same
// categories and tags; then expects Evaluate with those scans to give the
// findings of a fresh scan, every clause's scan reused and none redone.
// Returns how many findings there were.
size_t ExpectScansReused(const Engine& e, const Document& doc, const std::string& lang,
                         const std::vector<Clause>& clauses, const std::string& label) {
  std::vector<Clause> fresh = clauses, shared = clauses;
  e.Classify(lang, &fresh);
  ClauseScans scans;
  e.Classify(lang, &shared, &scans);
  for (size_t i = 0; i < fresh.size(); ++i) {
    EXPECT_EQ(shared[i].categories, fresh[i].categories) << label << " clause " << i;
    EXPECT_EQ(shared[i].tags, fresh[i].tags) << label << " clause " << i;
  }
  const auto want = Described(e.Evaluate(doc, lang, fresh));
  EXPECT_EQ(Described(e.Evaluate(doc, lang, shared, {}, {}, &scans)), want) << label;
  EXPECT_EQ(scans.reused(), static_cast<long>(clauses.size())) << label;
  EXPECT_EQ(scans.rescanned(), 0) << label;
  return want.size();
}

// Classify's scans, reused by Evaluate, give the findings of a fresh scan of
// every clause: at clause edges (a match cut in two by a clause boundary),
// in other case, in Chinese, in empty clauses and in clauses of equal text.
TEST(Engine, ClassifysScansGiveTheFindingsOfAFreshScan) {
  Engine e = MakeEngine();
  Fixture f = Make(
      {"9. Limitation of Liability", "The Customer is liable without", "limitation. Fees are [●].",
       "", "WITHOUT LIMITATION, the Customer pays.", "WITHOUT LIMITATION, the Customer pays.",
       "第八条 违约责任：赔偿不设上限。", "Governed by the laws of [●]."},
      {{0, 1, -1, "Limitation of Liability"},
       {1, 2, 0, ""},
       {2, 3, 0, ""},
       {3, 4, 0, ""},
       {4, 5, 0, ""},
       {5, 6, 0, ""},
       {6, 7, -1, ""},
       {7, 8, -1, ""}});
  for (const char* lang : {"en", "zh", "mixed"}) {
    ExpectScansReused(e, f.doc, lang, f.clauses, lang);
  }
  // What the English rules find: not the match cut by the clause boundary
  // (c2 | c3), the placeholder in c3, both upper-case matches, the Chinese
  // clause's nothing, the law clause's placeholder exempt.
  std::vector<Clause> clauses = f.clauses;
  ClauseScans scans;
  e.Classify("en", &clauses, &scans);
  EXPECT_EQ(Described(e.Evaluate(f.doc, "en", clauses, {}, {}, &scans)),
            (std::vector<std::string>{"placeholder@c3:[●]:2:21-24",
                                      "liability.uncapped@c5:WITHOUT LIMITATION:4:0-18",
                                      "liability.uncapped@c6:WITHOUT LIMITATION:5:0-18"}));
}

// A scan that is not of the clause's text or language is not used: the
// clause is scanned again and the findings are those of a fresh scan.
TEST(Engine, StaleOrForeignScansAreScannedAgain) {
  Engine e = MakeEngine();
  Fixture f = Make({"9. Limitation of Liability", "The Customer is liable.", "Fees are due."},
                   {{0, 1, -1, "Limitation of Liability"}, {1, 2, 0, ""}, {2, 3, 0, ""}});
  ClauseScans scans;
  e.Classify("en", &f.clauses, &scans);
  EXPECT_EQ(Described(e.Evaluate(f.doc, "en", f.clauses, {}, {}, &scans)),
            std::vector<std::string>{"law.missing@:"});
  EXPECT_EQ(scans.reused(), 3);
  // Same length, other text: the rule's words appear only after the scan.
  f.clauses[1].text = "The Customer is liable without limitation.";
  f.doc.blocks[1].text = f.clauses[1].text;
  f.clauses[2].text = "FEES ARE DUE.";  // same length and letters, other case
  f.doc.blocks[2].text = f.clauses[2].text;
  EXPECT_EQ(Described(e.Evaluate(f.doc, "en", f.clauses, {}, {}, &scans)),
            Described(e.Evaluate(f.doc, "en", f.clauses)));
  EXPECT_EQ(Described(e.Evaluate(f.doc, "en", f.clauses, {}, {}, &scans)),
            (std::vector<std::string>{"law.missing@:",
                                      "liability.uncapped@c2:without limitation:1:23-41"}));
  EXPECT_EQ(scans.rescanned(), 2 * 2);
  // Fewer clauses than scanned, and more.
  std::vector<Clause> fewer(f.clauses.begin(), f.clauses.begin() + 2);
  EXPECT_EQ(Described(e.Evaluate(f.doc, "en", fewer, {}, {}, &scans)),
            Described(e.Evaluate(f.doc, "en", fewer)));
  // Another language's patterns: nothing of the English scan is used.
  Fixture zh = Make({"赔偿不设上限。"}, {{0, 1, -1, ""}});
  ClauseScans en_scans;
  e.Classify("en", &zh.clauses, &en_scans);
  const auto got = Described(e.Evaluate(zh.doc, "zh", zh.clauses, {}, {}, &en_scans));
  EXPECT_EQ(got,
            (std::vector<std::string>{"law.missing@:", "zh.liability.uncapped@c1:不设上限:0:2-6"}));
  EXPECT_EQ(en_scans.reused(), 0);
  EXPECT_EQ(en_scans.rescanned(), 1);
}

// Every text contract of corpus/, one block a non-empty line (as the text
// parser gives a contract with a paragraph a line), with its path.
std::vector<std::pair<std::filesystem::path, Document>> CorpusTextContracts() {
  std::vector<std::pair<std::filesystem::path, Document>> out;
  const std::filesystem::path dir =
      std::filesystem::path(CLAUSECHECK_SOURCE_DIR) / "corpus/contracts";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) lines.push_back(line);
    }
    out.emplace_back(entry.path(), Lines(lines));
  }
  return out;
}

// With the default ruleset, on every text contract of corpus/ (English and
// Chinese): the same categories, tags and findings with the shared scans as
// with a fresh scan in Evaluate, and every clause's scan reused.
TEST(Engine, ClassifysScansAreTheRulesScansOnTheCorpus) {
  auto rs = DefaultRuleset();
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok()) << engine.error().ToString();
  const Engine& e = engine.value();
  int files = 0;
  long findings = 0;
  for (const auto& [path, doc] : CorpusTextContracts()) {
    const std::string lang = DetectLanguage(doc);
    findings += static_cast<long>(ExpectScansReused(e, doc, lang, Segment(doc), path));
    ++files;
  }
  EXPECT_GT(files, 20);
  EXPECT_GT(findings, 40);
}

// A heading found in its clause's text takes its candidates from the text's
// scan, a heading that is not (other case, other spacing, empty text) is
// scanned alone: both classify as the heading pattern alone says.
TEST(Engine, HeadingsInAndOutOfTheirTextClassifyAlike) {
  auto rs = ParseRuleset(R"(
classifiers:
  - category: liability
    tag: cap
    heading: '(?i)limitation of liability'
  - category: dispute_resolution
    tag: arbitration
    heading: '仲裁|争议解决'
  - category: confidentiality
    tag: confidential
    heading: '(?i)\bconfidential'
)",
                         "t.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok()) << engine.error().ToString();
  Fixture f = Make({"9. Limitation of Liability", "ARTICLE 9\nLIMITATION OF LIABILITY",
                    "9. limitation  of liability", "第十条 争议解决", "12. Notices", ""},
                   {{0, 1, -1, "Limitation of Liability"},
                    {1, 2, -1, "LIMITATION OF LIABILITY"},
                    {2, 3, -1, "Limitation of Liability"},
                    {3, 4, -1, "争议解决"},
                    {4, 5, -1, "Notices"},
                    {5, 6, -1, "Confidentiality"}});
  for (const char* lang : {"en", "zh"}) {
    std::vector<Clause> clauses = f.clauses;
    engine.value().Classify(lang, &clauses);
    std::vector<std::vector<std::string>> got;
    for (const Clause& c : clauses) got.push_back(c.tags);
    EXPECT_EQ(got, (std::vector<std::vector<std::string>>{
                       {"cap"}, {"cap"}, {"cap"}, {"arbitration"}, {}, {"confidential"}}))
        << lang;
  }
}

// Classifies every text contract of corpus/ with the default engine, then
// calls check(path, clause, classifier) for each clause and each default
// classifier of the document's language without `unless` whose `pattern`
// (heading or text) alone matches the clause's `part`, in classifier order.
void ForEachDefaultClassifierMatch(
    std::string Classifier::*pattern, std::string Clause::*part,
    const std::function<void(const std::filesystem::path&, const Clause&, const Classifier&)>&
        check) {
  auto rs = DefaultRuleset();
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok()) << engine.error().ToString();
  const std::vector<Classifier>& classifiers = rs.value().classifiers;
  // Each classifier's pattern alone, compiled once.
  std::vector<std::unique_ptr<RE2>> compiled;
  for (const Classifier& k : classifiers) {
    compiled.push_back((k.*pattern).empty() ? nullptr : std::make_unique<RE2>(k.*pattern));
  }
  for (const auto& [path, doc] : CorpusTextContracts()) {
    const std::string lang = DetectLanguage(doc);
    std::vector<Clause> clauses = Segment(doc);
    engine.value().Classify(lang, &clauses);
    for (const Clause& c : clauses) {
      if ((c.*part).empty()) continue;
      for (size_t ki = 0; ki < classifiers.size(); ++ki) {
        const Classifier& k = classifiers[ki];
        if (compiled[ki] && k.unless.empty() && LangApplies(k.lang, lang) &&
            RE2::PartialMatch(c.*part, *compiled[ki])) {
          check(path, c, k);
        }
      }
    }
  }
}

// On every text contract of corpus/, each clause has the tag of every
// default classifier whose heading pattern (alone, no `unless`) matches its
// heading.
TEST(Engine, EveryHeadingMatchOfTheDefaultClassifiersTagsItsClauseOnTheCorpus) {
  long checked = 0;
  ForEachDefaultClassifierMatch(
      &Classifier::heading, &Clause::heading,
      [&](const std::filesystem::path& path, const Clause& c, const Classifier& k) {
        if (k.tag.empty()) return;
        ++checked;
        EXPECT_TRUE(std::binary_search(c.tags.begin(), c.tags.end(), k.tag))
            << path << ": " << c.heading << " lacks " << k.tag;
      });
  EXPECT_GT(checked, 200);
}

// The same for text patterns: each clause has the category and the tag of
// every default classifier (without `unless`) whose text pattern matches its
// text, however many classifiers of that category matched before it.
TEST(Engine, EveryTextMatchOfTheDefaultClassifiersTagsItsClauseOnTheCorpus) {
  long checked = 0, same_category_before = 0;
  std::filesystem::path document;
  const Clause* clause = nullptr;
  std::set<Category> seen;  // the categories matched so far in `clause` of `document`
  ForEachDefaultClassifierMatch(
      &Classifier::text, &Clause::text,
      [&](const std::filesystem::path& path, const Clause& c, const Classifier& k) {
        if (&c != clause || path != document) {
          document = path;
          clause = &c;
          seen.clear();
        }
        ++checked;
        same_category_before += seen.insert(k.category).second ? 0 : 1;
        EXPECT_TRUE(std::binary_search(c.categories.begin(), c.categories.end(), k.category))
            << path << ": " << c.id << " lacks its category";
        if (!k.tag.empty()) {
          EXPECT_TRUE(std::binary_search(c.tags.begin(), c.tags.end(), k.tag))
              << path << ": " << c.id << " lacks " << k.tag;
        }
      });
  EXPECT_GT(checked, 500);
  EXPECT_GT(same_category_before, 100);  // classifiers of a category already found
}

}  // namespace
}  // namespace clausecheck::analyzer
