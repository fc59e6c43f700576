#include "analyzer/stance.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/engine.h"
#include "analyzer/ruleset.h"
#include "tests/analyzer/lines.h"

namespace clausecheck::analyzer {
namespace {

constexpr const char* kYaml = R"(
rules:
  - id: liability.uncapped
    category: liability
    kind: risky
    severity: high
    hurts: subject
    match: '(?i)without limitation|无限责任'
    message: Uncapped.
    recommendation: Cap it.
    examples:
      match: ["The Customer shall be liable without limitation."]
      no_match: ["Liability is capped."]
  - id: termination.at_will
    category: termination
    kind: risky
    severity: medium
    hurts: other
    match: '(?i)may terminate at any time|有权随时解除'
    message: One side may end the contract at will.
    recommendation: Make it mutual.
    examples:
      match: ["The Supplier may terminate at any time."]
      no_match: ["Neither party may terminate early."]
  - id: payment.advance
    category: payment
    kind: risky
    severity: low
    hurts: customer
    match: '(?i)payable in advance'
    message: Paid in advance.
    recommendation: Pay on delivery.
    examples:
      match: ["Fees are payable in advance."]
      no_match: ["Fees are payable on delivery."]
)";

std::vector<Finding> Review(const std::vector<std::string>& lines, const std::string& stance) {
  auto rs = ParseRuleset(kYaml, "s.yaml");
  EXPECT_TRUE(rs.ok()) << rs.error().ToString();
  auto engine = Engine::Compile(rs.value());
  AnalyzeOptions o;
  o.stance = stance;
  return Analyze(Lines(lines), engine.value(), o).findings;
}

const std::vector<std::string> kContract = {
    "SERVICES AGREEMENT",
    "This Agreement is made between Acme Corp. (the \"Supplier\") and Beta LLC (the "
    "\"Customer\").",
    "1. Liability. The Customer shall be liable without limitation.",
    "2. Termination. The Supplier may terminate at any time.",
    "3. Fees. Fees are payable in advance."};

TEST(Stance, FindingsSayWhomTheyAffect) {
  auto f = Review(kContract, "neutral");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].affects, "customer");  // subject: the Customer is liable
  EXPECT_EQ(f[1].affects, "customer");  // other: the Supplier's right hurts the Customer
  EXPECT_EQ(f[2].affects, "customer");  // said by the rule
  EXPECT_EQ(f[0].severity, Severity::kHigh);
}

TEST(Stance, TheOtherSidesRisksAreInformation) {
  auto vendor = Review(kContract, "vendor");
  for (const Finding& f : vendor) EXPECT_EQ(f.severity, Severity::kInfo) << f.rule;
  auto customer = Review(kContract, "customer");
  EXPECT_EQ(customer[0].severity, Severity::kHigh);
  EXPECT_EQ(customer[1].severity, Severity::kMedium);
  EXPECT_EQ(customer[2].severity, Severity::kLow);
  // The Supplier is the first party named: party-a.
  auto a = Review(kContract, "party-a");
  EXPECT_EQ(a[0].severity, Severity::kInfo);
  auto b = Review(kContract, "party-b");
  EXPECT_EQ(b[0].severity, Severity::kHigh);
}

TEST(Stance, ChineseParties) {
  std::vector<std::string> zh = {"买卖合同",
                                 "甲方：上海某某有限公司",
                                 "乙方：北京某某有限公司",
                                 "第一条 责任",
                                 "乙方对全部损失承担无限责任。",
                                 "第二条 解除",
                                 "甲方有权随时解除本合同。"};
  auto f = Review(zh, "party-a");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].affects, "party-b");
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_EQ(f[1].affects, "party-b");
  EXPECT_EQ(Review(zh, "party-b")[0].severity, Severity::kHigh);
}

TEST(Stance, UnknownSubjectKeepsTheSeverity) {
  auto f = Review({"1. Liability. Liability is without limitation."}, "vendor");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].affects, "");
  EXPECT_EQ(f[0].severity, Severity::kHigh);
}

TEST(Stance, Validation) {
  EXPECT_TRUE(ValidStance("party-b"));
  EXPECT_FALSE(ValidStance("甲方"));
  std::string bad = kYaml;
  bad.replace(bad.find("hurts: customer"), 15, "hurts: buyer");
  auto rs = ParseRuleset(bad, "s.yaml");
  ASSERT_FALSE(rs.ok());
  EXPECT_NE(
      rs.error().ToString().find("hurts must be subject, other, party-a, party-b, customer or "
                                 "vendor, not 'buyer'"),
      std::string::npos);
}

}  // namespace
}  // namespace clausecheck::analyzer
