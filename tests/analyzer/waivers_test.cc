#include "analyzer/waivers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/engine.h"
#include "analyzer/ruleset.h"

namespace clausecheck::analyzer {
namespace {

constexpr const char* kYaml = R"(
rules:
  - id: liability.uncapped
    category: liability
    kind: risky
    severity: high
    match: '(?i)without limitation'
    message: Uncapped.
    recommendation: Cap it.
    examples:
      match: ["Liability is without limitation."]
      no_match: ["Liability is capped."]
)";

Review ReviewOf(std::vector<Block> blocks, const AnalyzeOptions& options) {
  auto rs = ParseRuleset(kYaml, "w.yaml");
  EXPECT_TRUE(rs.ok());
  auto engine = Engine::Compile(rs.value());
  Document d;
  for (size_t i = 0; i < blocks.size(); ++i) blocks[i].source.index = static_cast<int>(i);
  d.blocks = std::move(blocks);
  return Analyze(d, engine.value(), options);
}

Block Para(const std::string& text) {
  Block b;
  b.text = text;
  return b;
}

TEST(Waivers, FingerprintIsStableAcrossWhitespaceCaseAndPosition) {
  EXPECT_EQ(Fingerprint("r", "Liability is  unlimited.\n"),
            Fingerprint("r", "liability IS unlimited."));
  EXPECT_NE(Fingerprint("r", "Liability is unlimited."),
            Fingerprint("s", "Liability is unlimited."));
  EXPECT_EQ(Fingerprint("r", "x").size(), 16u);
  Review a = ReviewOf({Para("1. Liability. Liability is without limitation.")}, {});
  Review b =
      ReviewOf({Para("TITLE"), Para("1. Liability. Liability is   without limitation.")}, {});
  ASSERT_EQ(a.findings.size(), 1u);
  ASSERT_EQ(b.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].fingerprint, b.findings[0].fingerprint);
}

TEST(Waivers, ACommentOnTheClauseWaivesItsRule) {
  Block b = Para("1. Liability. Liability is without limitation.");
  Mark m;
  m.kind = MarkKind::kComment;
  m.start = 0;
  m.end = 10;
  m.text = "clausecheck-waive: liability.uncapped agreed with the GC on 2026-11-20";
  b.marks.push_back(m);
  Review r = ReviewOf({b}, {});
  ASSERT_EQ(r.findings.size(), 1u);
  ASSERT_TRUE(r.findings[0].suppressed.has_value());
  EXPECT_EQ(r.findings[0].suppressed->source, "comment");
  EXPECT_EQ(r.findings[0].suppressed->reason, "agreed with the GC on 2026-11-20");
  EXPECT_EQ(r.verdict, Verdict::kPass);
  EXPECT_EQ(r.risk_score, 0);
  EXPECT_EQ(r.counts[static_cast<int>(Severity::kHigh)], 0);
  // A comment naming another rule waives nothing.
  b.marks[0].text = "clausecheck-waive: other.rule fine";
  EXPECT_FALSE(ReviewOf({b}, {}).findings[0].suppressed.has_value());
}

TEST(Waivers, FileAndBaseline) {
  std::vector<Block> doc = {Para("1. Liability. Liability is without limitation.")};
  std::string fp = ReviewOf(doc, {}).findings[0].fingerprint;
  auto waivers = ParseWaivers("waivers:\n  - rule: liability.uncapped\n    fingerprint: " + fp +
                                  "\n    reason: accepted in negotiation\n",
                              "waivers.yaml");
  ASSERT_TRUE(waivers.ok()) << waivers.error().ToString();
  AnalyzeOptions o;
  o.waivers = waivers.value();
  Review r = ReviewOf(doc, o);
  ASSERT_TRUE(r.findings[0].suppressed.has_value());
  EXPECT_EQ(r.findings[0].suppressed->source, "waivers");
  EXPECT_EQ(r.findings[0].suppressed->reason, "accepted in negotiation");
  // The clause changed: the waiver no longer holds.
  EXPECT_FALSE(ReviewOf({Para("1. Liability. Each party's liability is without limitation.")}, o)
                   .findings[0]
                   .suppressed.has_value());
  AnalyzeOptions base;
  base.baseline = {fp};
  Review old = ReviewOf(doc, base);
  EXPECT_EQ(old.findings[0].suppressed->source, "baseline");
  EXPECT_EQ(old.verdict, Verdict::kPass);
}

TEST(Waivers, FileErrorsNameFileAndLine) {
  auto bad = ParseWaivers("waivers:\n  - rule: x\n    reason: y\n    fingerprnt: abc\n", "w.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().ToString(),
            "w.yaml:4: unknown key 'fingerprnt' in waiver (known: fingerprint, reason, rule)");
  auto no_reason = ParseWaivers("waivers:\n  - rule: x\n", "w.yaml");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_NE(no_reason.error().ToString().find("a waiver needs 'reason'"), std::string::npos);
  auto short_fp = ParseWaivers("waivers:\n  - {rule: x, reason: y, fingerprint: abc}\n", "w.yaml");
  ASSERT_FALSE(short_fp.ok());
  EXPECT_NE(short_fp.error().ToString().find("16 hex digits"), std::string::npos);
}

}  // namespace
}  // namespace clausecheck::analyzer
