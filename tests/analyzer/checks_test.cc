// Check rules: loading, parameters, message templates, and the checks on
// whole contracts.
#include "analyzer/checks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/engine.h"
#include "analyzer/ruleset.h"
#include "tests/analyzer/lines.h"

namespace clausecheck::analyzer {
namespace {

constexpr const char* kDepositRule = R"(
parameters:
  deposit_cap_percent: 20
rules:
  - id: zh.payment.deposit_over_cap
    category: payment
    kind: invalid
    severity: high
    check: deposit_over_cap
    message: {en: "Deposit {value}% > {limit}%", zh: "定金{value}%超过{limit}%"}
    recommendation: Reduce it to {limit}%.
    examples:
      match:
        - text: 定金为合同总价的30%。
          evidence: 30%
      no_match: [定金为合同总价的20%。]
)";

Review ReviewWith(const char* yaml, const std::vector<std::string>& lines,
                  const std::string& as_of = "") {
  auto rs = ParseRuleset(yaml, "t.yaml");
  EXPECT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  EXPECT_TRUE(engine.ok()) << engine.error().ToString();
  AnalyzeOptions options;
  options.as_of = as_of;
  return Analyze(Lines(lines), engine.value(), options);
}

constexpr const char* kUndefinedTermRule = R"(
rules:
  - id: drafting.undefined_term
    category: drafting
    kind: inconsistent
    severity: info
    check: undefined_term
    message: '"{value}" used {count} times, never defined'
    recommendation: Define it.
    examples:
      match:
        - text: '"A" means a. "B" means b. "C" means c. The Big Thing and the Big Thing.'
          evidence: Big Thing
      no_match: ['"A" means a. "B" means b. The Big Thing and the Big Thing.']
)";

std::vector<std::string> UndefinedTermValues(const Review& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.push_back(f.evidence + "|" + f.message);
  return out;
}

// Every way a contract defines a term counts as a definition: quotation
// marks, a run-in heading ("Holder. The registered owner ..."), "X means",
// "X is the ...", a short name in brackets, "as defined in Exhibit A"; known
// names (statutes, institutions, countries, offices) and numbered labels are
// no defined terms. What is left, used twice, is reported once at its first use.
TEST(Checks, UndefinedTermsAreCapitalisedUsesNoDefinitionGives) {
  Review r = ReviewWith(
      kUndefinedTermRule,
      {"1. Definitions",
       "\"Affiliate\" means any entity controlling a party. \"Territory\" means Canada. \"Fees\" "
       "means the fees.",
       "Holder. The registered owner of any Note.",
       "Service Credits means the credits in Schedule 2.",
       "End User is the final purchaser of a Product.", "2. Supply",
       "The Supplier (hereinafter Seller) shall deliver the Licensed Software and the Products as "
       "defined in Exhibit A to each Affiliate in the Territory.",
       "3. Support",
       "The Seller shall support the Licensed Software, credit any Service Credits to each Holder "
       "and each End User, and deliver the Products under the laws of the Netherlands.",
       "4. Law",
       "The Securities and Exchange Commission, the Chief Executive Officer of the Seller and the "
       "Netherlands aside, each Class I breach and each Class I default is reported; the Delivery "
       "Point is the Delivery Point."});
  EXPECT_EQ(UndefinedTermValues(r),
            (std::vector<std::string>{
                "Licensed Software|\"Licensed Software\" used 2 times, never defined",
                "Delivery Point|\"Delivery Point\" used 2 times, never defined"}));
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].clause_id, r.clauses[1].id);
  ASSERT_TRUE(r.findings[0].location.has_value());
  EXPECT_EQ(r.findings[0].location->block, 6);
  EXPECT_EQ(r.findings[0].location->start, 52);
  EXPECT_EQ(r.findings[0].location->end, 69);
}

// A contract that imports its definitions, or defines fewer than three terms,
// is not checked; nor is Chinese, which has no capitals.
TEST(Checks, UndefinedTermsNeedAContractThatDefinesItsOwnTerms) {
  const std::vector<std::string> body = {
      "1. Definitions", "\"Affiliate\" means an affiliate. \"Territory\" means Canada.",
      "\"Fees\" means the fees.", "2. Supply",
      "The Supplier shall deliver the Licensed Software and support the Licensed Software."};
  EXPECT_EQ(ReviewWith(kUndefinedTermRule, body).findings.size(), 1u);
  std::vector<std::string> imported = body;
  imported.insert(
      imported.begin() + 1,
      "Capitalized terms used but not defined herein have the meanings given to them in "
      "the Master Agreement.");
  EXPECT_TRUE(ReviewWith(kUndefinedTermRule, imported).findings.empty());
  std::vector<std::string> two_definitions = body;
  two_definitions.erase(two_definitions.begin() + 2);
  EXPECT_TRUE(ReviewWith(kUndefinedTermRule, two_definitions).findings.empty());
}

// Each definition pattern runs only on the clauses a set of all of them says
// it matches: a term defined in each way alone, in a clause of its own, is
// still defined (and reported when that clause is left out).
TEST(Checks, UndefinedTermsSeeEachWayOfDefiningAlone) {
  const std::vector<std::string> body = {
      "1. Definitions", "\"Affiliate\" means an affiliate. \"Territory\" means Canada.",
      "\"Fees\" means the fees.", "2. Support",
      "The Seller shall install the Licensed Software and report the Licensed Software."};
  ASSERT_EQ(UndefinedTermValues(ReviewWith(kUndefinedTermRule, body)),
            (std::vector<std::string>{
                "Licensed Software|\"Licensed Software\" used 2 times, never defined"}));
  const std::string kDefinitions[] = {
      "Licensed Software means the software in Schedule 2.",       // X means
      "Licensed Software refers to the software in Schedule 2.",   // X refers to
      "Licensed Software: the software in Schedule 2.",            // run-in heading, colon
      "Licensed Software. The software in Schedule 2.",            // run-in heading, full stop
      "4.2 Licensed Software - the software in Schedule 2.",       // numbered, dash
      "See clause 7: 4.2 Licensed Software. The software apply.",  // after a number in the line
      "Licensed Software is the software of Schedule 2.",          // X is the
      "(a) Licensed Software are the software of Schedule 2.",     // X are the, numbered
      "The software in Schedule 2 (Licensed Software) apply.",     // short name in brackets
      "The software in Schedule 2 (hereinafter Licensed Software) apply.",
      "The software in Schedule 2 (the “Licensed Software”) apply.",  // quotation marks
      "The software in Schedule 2 are the \"Licensed Software\"."};
  for (const std::string& definition : kDefinitions) {
    std::vector<std::string> lines = body;
    lines.insert(lines.begin() + 3, "3. Credits");
    lines.insert(lines.begin() + 4, definition);
    EXPECT_TRUE(ReviewWith(kUndefinedTermRule, lines).findings.empty()) << definition;
  }
}

TEST(Checks, FillTemplate) {
  EXPECT_EQ(FillTemplate("{value}% > {limit}%", {{"value", "30"}, {"limit", "20"}}), "30% > 20%");
  EXPECT_EQ(FillTemplate("keep {unknown} and {", {{"value", "1"}}), "keep {unknown} and {");
  EXPECT_EQ(FillTemplate("", {}), "");
}

TEST(Checks, ARuleFindsWithFilledMessageAndEvidence) {
  Review r = ReviewWith(kDepositRule, {"第三条 定金", "买方应支付定金，定金为合同总价的30%。"});
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.rule, "zh.payment.deposit_over_cap");
  EXPECT_EQ(f.message, "定金30%超过20%");  // a Chinese document gets the zh text
  EXPECT_EQ(f.recommendation, "Reduce it to 20%.");
  EXPECT_EQ(f.evidence, "30%");
  EXPECT_EQ(f.clause_id, r.clauses[0].id);
  ASSERT_TRUE(f.location.has_value());
  EXPECT_EQ(f.location->block, 1);
  EXPECT_EQ(f.location->start, 16);
  EXPECT_EQ(f.location->end, 19);
  EXPECT_EQ(f.id, "f1");
  EXPECT_EQ(r.verdict, Verdict::kBlock);
}

// A deposit set as an amount is measured against the amount named as the
// price, not against a larger amount that is no price (registered capital).
TEST(Checks, DepositIsMeasuredAgainstTheNamedPrice) {
  Review r =
      ReviewWith(kDepositRule, {"第一条 转让价款", "目标公司注册资本为人民币壹仟万元整。",
                                "标的股权的转让价款为人民币捌佰万元整（¥8,000,000.00）。",
                                "第二条 定金", "乙方应支付定金人民币贰佰万元整（¥2,000,000.00）。",
                                "第三条 付款", "定金抵作第一期转让价款，即人民币贰佰万元整。"});
  ASSERT_EQ(r.findings.size(), 1u);  // the deposit restated in 第三条 is the same finding
  EXPECT_EQ(r.findings[0].message, "定金25%超过20%");
  EXPECT_EQ(r.findings[0].evidence, "人民币贰佰万元整（¥2,000,000.00）");
  // With no amount named as the price, the largest amount is the base: 20%.
  EXPECT_TRUE(ReviewWith(kDepositRule, {"第一条 价格", "货物单价人民币壹仟万元整。", "第二条 定金",
                                        "乙方应支付定金人民币贰佰万元整（¥2,000,000.00）。"})
                  .findings.empty());
}

TEST(Checks, ParametersAreOverriddenByLaterFiles) {
  auto base = ParseRuleset(kDepositRule, "a.yaml");
  auto overlay = ParseRuleset("parameters: {deposit_cap_percent: 35}\n", "b.yaml");
  ASSERT_TRUE(base.ok() && overlay.ok());
  Ruleset rs = base.value();
  ASSERT_TRUE(MergeRuleset(overlay.value(), &rs).ok());
  EXPECT_EQ(rs.parameters.at("deposit_cap_percent"), 35);
  auto engine = Engine::Compile(rs);
  ASSERT_TRUE(engine.ok());
  Review r = Analyze(Lines({"定金为合同总价的30%。"}), engine.value(), AnalyzeOptions{});
  EXPECT_TRUE(r.findings.empty());
}

TEST(Checks, LoaderAndCompilerErrors) {
  std::string unknown = kDepositRule;
  unknown.replace(unknown.find("check: deposit_over_cap"), 23, "check: deposit_over");
  auto bad = ParseRuleset(unknown, "t.yaml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().ToString().find("t.yaml:"), std::string::npos);
  EXPECT_NE(bad.error().ToString().find("unknown check 'deposit_over'"), std::string::npos);

  std::string no_param = kDepositRule;
  const std::string params = "parameters:\n  deposit_cap_percent: 20\n";
  no_param.replace(no_param.find(params), params.size(), "");
  auto rs = ParseRuleset(no_param, "t.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(engine.error().ToString().find("needs the parameter 'deposit_cap_percent'"),
            std::string::npos)
      << engine.error().ToString();

  auto not_number = ParseRuleset("parameters: {deposit_cap_percent: twenty}\n", "p.yaml");
  ASSERT_FALSE(not_number.ok());
  EXPECT_NE(not_number.error().ToString().find("must be a number"), std::string::npos);

  std::string two = kDepositRule;
  two.replace(two.find("    check:"), 0, "    match: 'x'\n");
  auto both = ParseRuleset(two, "t.yaml");
  ASSERT_FALSE(both.ok());
  EXPECT_NE(both.error().ToString().find(
                "exactly one of 'match', 'require', 'check', 'marks', 'occurrence'"),
            std::string::npos);
}

TEST(Checks, EveryCheckIsListedOnceWithItsParameters) {
  std::set<std::string_view> names;
  for (const CheckInfo& c : Checks()) {
    EXPECT_TRUE(names.insert(c.name).second) << c.name;
    EXPECT_FALSE(c.summary.empty());
  }
  EXPECT_GE(names.size(), 12u);
  EXPECT_EQ(FindCheck("interest_over_cap")->parameters.size(), 2u);
  EXPECT_EQ(FindCheck("nope"), nullptr);
}

TEST(Checks, DefaultPlaybookOnWholeContracts) {
  auto rs = DefaultRuleset();
  ASSERT_TRUE(rs.ok());
  auto engine = Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok());
  auto rules_of = [&](const std::vector<std::string>& lines, const std::string& as_of) {
    AnalyzeOptions o;
    o.as_of = as_of;
    std::vector<std::string> ids;
    for (const Finding& f : Analyze(Lines(lines), engine.value(), o).findings)
      ids.push_back(f.rule);
    return ids;
  };
  auto has = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  const std::vector<std::string> loan = {"借款合同",
                                         "出借人（甲方）：杭州某某投资有限公司",
                                         "借款人（乙方）：宁波某某贸易有限公司",
                                         "第一条 借款金额",
                                         "借款金额为人民币壹拾万元整（¥100,000.00）。",
                                         "第二条 借款期限",
                                         "借款期限自2026年1月1日起至2026年12月31日止。",
                                         "第三条 利息",
                                         "借款年利率为15%。"};
  auto ids = rules_of(loan, "");
  EXPECT_TRUE(has(ids, "zh.payment.interest_over_cap"));  // 15% > 4 x 3.0%
  EXPECT_FALSE(has(ids, "dates.expired"));                // no review date given
  EXPECT_FALSE(has(ids, "drafting.words_figures_mismatch"));
  EXPECT_TRUE(has(rules_of(loan, "2027-03-01"), "dates.expired"));
  EXPECT_FALSE(has(rules_of(loan, "2026-06-01"), "dates.expired"));
  // State and federal law named together combine; a second law elsewhere
  // conflicts.
  const std::string together =
      "This Agreement is governed by the laws of the State of New York and the federal laws of "
      "the United States applicable therein.";
  EXPECT_FALSE(
      has(rules_of({"1. Governing Law", together}, ""), "dispute.conflicting_governing_law"));
  EXPECT_TRUE(has(rules_of({"1. Governing Law", together, "2. Construction",
                            "It shall be construed under the laws of England and Wales."},
                           ""),
                  "dispute.conflicting_governing_law"));
}

}  // namespace
}  // namespace clausecheck::analyzer
