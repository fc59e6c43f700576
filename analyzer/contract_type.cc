#include "analyzer/contract_type.h"

#include <algorithm>
#include <vector>

#include "analyzer/candidates.h"

namespace clausecheck::analyzer {
namespace {

struct TypePattern {
  const char* type;
  const char* pattern;
};

// Title words per type, English and Chinese. Order matters only for the
// order types are reported in; every matching type is reported.
constexpr TypePattern kPatterns[] = {
    {"nda",
     R"((?i)non[-\s]?disclosure|confidentiality\s+(?:and\s+\w+\s+)?agreement|\bNDA\b|保密协议|保密合同)"},
    {"saas",
     R"((?i)software[-\s]as[-\s]a[-\s]service|\bSaaS\b|subscription\s+(?:services?\s+)?agreement|cloud\s+services?\s+agreement|订阅服务|云服务)"},
    {"license",
     R"((?i)licen[cs]e\s+agreement|licensing\s+agreement|\blicen[cs]e\b(?:\s+and\s+\w+)?\s+agreement|许可(?:使用)?(?:合同|协议)|授权(?:使用)?(?:合同|协议))"},
    {"services",
     R"((?i)(?:master\s+)?services?\s+agreement|statement\s+of\s+work|hosting\s+agreement|maintenance\s+(?:and\s+support\s+)?agreement|support\s+agreement|outsourcing\s+agreement|服务(?:合同|协议)|委托(?:合同|协议)|外包(?:合同|协议)|维护(?:合同|协议))"},
    {"technology_service", R"(技术服务(?:合同|协议)|技术咨询(?:合同|协议)|技术开发(?:合同|协议))"},
    {"consulting",
     R"((?i)consult(?:ing|ancy)\s+(?:services\s+)?agreement|咨询(?:服务)?(?:合同|协议))"},
    {"supply",
     R"((?i)supply\s+agreement|manufacturing\s+(?:and\s+supply\s+)?agreement|供货(?:合同|协议)|供应(?:合同|协议))"},
    {"purchase",
     R"((?i)purchase\s+(?:order|agreement)|terms\s+and\s+conditions\s+of\s+purchase|sales?\s+(?:and\s+purchase\s+)?agreement|采购(?:合同|协议)|买卖(?:合同|协议)|购销(?:合同|协议)|订货(?:合同|协议))"},
    {"distribution",
     R"((?i)distribut(?:ion|or)\s+agreement|reseller\s+agreement|dealer\s+agreement|经销(?:合同|协议)|分销(?:合同|协议))"},
    {"agency", R"((?i)agency\s+agreement|代理(?:合同|协议))"},
    {"lease", R"((?i)\blease\b|tenancy\s+agreement|租赁(?:合同|协议))"},
    {"loan",
     R"((?i)loan\s+agreement|credit\s+agreement|promissory\s+note|facility\s+agreement|借款(?:合同|协议)|贷款(?:合同|协议)|借贷(?:合同|协议))"},
    {"employment",
     R"((?i)employment\s+(?:agreement|contract)|劳动合同|劳务(?:合同|协议)|聘用(?:合同|协议))"},
    {"joint_venture",
     R"((?i)joint\s+venture|strategic\s+alliance|collaboration\s+agreement|co-?operation\s+agreement|合作(?:合同|协议)|合资(?:合同|协议))"},
    {"marketing",
     R"((?i)co-?branding|marketing\s+agreement|promotion\s+agreement|sponsorship\s+agreement|endorsement\s+agreement|affiliate\s+agreement|推广(?:合同|协议)|赞助(?:合同|协议))"},
    {"franchise", R"((?i)franchise\s+agreement|特许经营(?:合同|协议))"},
    {"construction", R"((?i)construction\s+(?:contract|agreement)|建设工程|施工(?:合同|协议))"},
    {"transportation", R"((?i)transportation\s+agreement|carriage\s+agreement|运输(?:合同|协议))"},
    {"development", R"((?i)development\s+agreement|开发(?:合同|协议))"},
};

// The patterns behind one literal filter (candidates.h), in kPatterns'
// order: an opening compiles only the patterns whose words it holds, most
// often none or one. Compiling all of them took 6.7 M instructions, a
// ninth of a one-line review.
const CandidateFilter& TypeFilter() {
  static const CandidateFilter* filter = [] {
    auto* f = new CandidateFilter;
    for (const TypePattern& p : kPatterns) f->Add(p.pattern);
    f->Compile();
    return f;
  }();
  return *filter;
}

}  // namespace

const std::vector<std::string_view>& ContractTypes() {
  static const std::vector<std::string_view>* types = [] {
    auto* v = new std::vector<std::string_view>;
    for (const TypePattern& p : kPatterns) v->push_back(p.type);
    return v;
  }();
  return *types;
}

bool IsContractType(std::string_view name) {
  const auto& t = ContractTypes();
  return std::find(t.begin(), t.end(), name) != t.end();
}

std::vector<std::string> DetectContractTypes(const Document& doc,
                                             const std::vector<Clause>& clauses) {
  // The title and the opening: the first blocks up to the first numbered
  // clause, at most 600 bytes. The body names other contracts too ("the
  // Lease", "any Statement of Work") and is not read.
  std::string opening;
  size_t first_numbered = doc.blocks.size();
  for (const Clause& c : clauses) {
    if (!c.number.empty()) {
      first_numbered = static_cast<size_t>(std::max(c.first_block, 1));
      break;
    }
  }
  for (size_t i = 0; i < doc.blocks.size() && i < std::min<size_t>(first_numbered, 8); ++i) {
    opening += doc.blocks[i].text;
    opening += '\n';
    if (opening.size() > 600) break;
  }
  if (opening.size() > 600) {
    size_t cut = 600;
    while (cut > 0 && (static_cast<unsigned char>(opening[cut]) & 0xC0) == 0x80) --cut;
    opening.resize(cut);
  }
  const CandidateFilter& filter = TypeFilter();
  std::vector<int> candidates;  // ascending, as kPatterns
  filter.Candidates(opening, &candidates);
  std::vector<std::string> types;
  for (const int i : candidates) {
    if (filter.Matches(i, opening)) types.emplace_back(kPatterns[i].type);
  }
  return types;
}

}  // namespace clausecheck::analyzer
