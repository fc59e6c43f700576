#include "analyzer/contract_type.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/ruleset.h"
#include "analyzer/segment.h"
#include "tests/analyzer/lines.h"

namespace clausecheck::analyzer {
namespace {

std::vector<std::string> TypesOf(const std::vector<std::string>& lines) {
  Document d = Lines(lines);
  return DetectContractTypes(d, Segment(d));
}

using Types = std::vector<std::string>;

TEST(ContractType, FromTheTitle) {
  EXPECT_EQ(TypesOf({"MUTUAL NON-DISCLOSURE AGREEMENT", "1. Definitions"}), Types{"nda"});
  EXPECT_EQ(TypesOf({"Software License Agreement", "1. Grant"}), Types{"license"});
  EXPECT_EQ(TypesOf({"MASTER SERVICES AGREEMENT", "1. Services"}), Types{"services"});
  EXPECT_EQ(TypesOf({"SaaS Subscription Agreement"}), Types{"saas"});
  EXPECT_EQ(TypesOf({"COMMERCIAL LEASE", "1. Premises"}), Types{"lease"});
  EXPECT_EQ(TypesOf({"LOAN AGREEMENT"}), Types{"loan"});
  EXPECT_EQ(TypesOf({"Co-Branding Agreement and Hosting Agreement"}),
            (Types{"services", "marketing"}));
  EXPECT_EQ(TypesOf({"房屋租赁合同", "第一条 租赁物"}), Types{"lease"});
  EXPECT_EQ(TypesOf({"借款合同"}), Types{"loan"});
  EXPECT_EQ(TypesOf({"采购合同"}), Types{"purchase"});
  EXPECT_EQ(TypesOf({"保密协议"}), Types{"nda"});
  EXPECT_EQ(TypesOf({"劳动合同"}), Types{"employment"});
  EXPECT_EQ(TypesOf({"技术服务合同"}), (Types{"services", "technology_service"}));
}

// Each type from a title of its own, in English and in Chinese: the
// patterns sit behind a literal filter, which must let each through.
TEST(ContractType, EveryTypeFromATitleInEachLanguage) {
  const std::vector<std::pair<std::string, std::string>> titles = {
      {"Confidentiality Agreement", "nda"},
      {"保密合同", "nda"},
      {"Cloud Services Agreement", "saas"},
      {"云服务条款", "saas"},
      {"Licensing Agreement", "license"},
      {"软件授权使用协议", "license"},
      {"Statement of Work", "services"},
      {"外包合同", "services"},
      {"技术开发协议", "technology_service"},
      {"Consultancy Agreement", "consulting"},
      {"咨询服务合同", "consulting"},
      {"Manufacturing and Supply Agreement", "supply"},
      {"供货合同", "supply"},
      {"Purchase Order", "purchase"},
      {"购销合同", "purchase"},
      {"Reseller Agreement", "distribution"},
      {"分销协议", "distribution"},
      {"Agency Agreement", "agency"},
      {"代理合同", "agency"},
      {"Tenancy Agreement", "lease"},
      {"Promissory Note", "loan"},
      {"贷款合同", "loan"},
      {"Employment Contract", "employment"},
      {"聘用合同", "employment"},
      {"Strategic Alliance", "joint_venture"},
      {"合资合同", "joint_venture"},
      {"Sponsorship Agreement", "marketing"},
      {"赞助协议", "marketing"},
      {"Franchise Agreement", "franchise"},
      {"特许经营合同", "franchise"},
      {"Construction Contract", "construction"},
      {"施工合同", "construction"},
      {"Carriage Agreement", "transportation"},
      {"运输合同", "transportation"},
      {"Development Agreement", "development"},
      {"开发协议", "development"},
  };
  std::set<std::string> seen;
  for (const auto& [title, type] : titles) {
    const Types got = TypesOf({title, "1. Terms"});
    EXPECT_NE(std::find(got.begin(), got.end(), type), got.end()) << title;
    seen.insert(type);
  }
  for (const std::string_view type : ContractTypes()) {
    EXPECT_TRUE(seen.count(std::string(type))) << type << " has no title here";
  }
}

TEST(ContractType, TheBodyDoesNotCount) {
  // A supply agreement that mentions a lease in clause 9 is not a lease.
  EXPECT_EQ(TypesOf({"SUPPLY AGREEMENT", "1. Supply", "The Supplier shall supply the Goods.",
                     "9. Premises", "The Supplier's lease of the premises is not affected."}),
            Types{"supply"});
  EXPECT_TRUE(TypesOf({"1. Payment", "The Customer shall pay."}).empty());
}

TEST(ContractType, RulesForSomeTypesOnly) {
  constexpr const char* kYaml = R"(
rules:
  - id: lease.deposit.return
    category: payment
    kind: risky
    severity: low
    for: [lease]
    match: 'deposit is not refundable'
    message: The deposit is not refundable.
    recommendation: Make it refundable.
    examples:
      match: ["COMMERCIAL LEASE\n5. Deposit. The deposit is not refundable."]
      no_match: ["SUPPLY AGREEMENT\n5. Deposit. The deposit is not refundable."]
)";
  auto rs = ParseRuleset(kYaml, "t.yaml");
  ASSERT_TRUE(rs.ok()) << rs.error().ToString();
  EXPECT_EQ(rs.value().rules[0].for_types, Types{"lease"});
  auto engine = Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok());
  auto fired = [&](const std::vector<std::string>& lines) {
    return Analyze(Lines(lines), engine.value(), AnalyzeOptions{}).findings.size();
  };
  EXPECT_EQ(fired({"COMMERCIAL LEASE", "5. Deposit. The deposit is not refundable."}), 1u);
  EXPECT_EQ(fired({"SUPPLY AGREEMENT", "5. Deposit. The deposit is not refundable."}), 0u);
  std::string bad = kYaml;
  bad.replace(bad.find("for: [lease]"), 12, "for: [leasing]");
  auto err = ParseRuleset(bad, "t.yaml");
  ASSERT_FALSE(err.ok());
  EXPECT_NE(err.error().ToString().find("t.yaml:7: lease.deposit.return: unknown contract type "
                                        "'leasing'"),
            std::string::npos)
      << err.error().ToString();
}

}  // namespace
}  // namespace clausecheck::analyzer
