#include "tests/reports/sample_review.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.h"

namespace clausecheck::reports::testing {
namespace {

constexpr char kPart[] = "word/document.xml";

// Location of the first occurrence of `needle` in block `index`, in code
// points, computed the way the analyzer does (the tests assert the numbers).
Location Span(const Document& doc, int index, std::string_view needle) {
  const std::string& text = doc.blocks[index].text;
  size_t at = text.find(needle);
  Location loc;
  loc.part = doc.blocks[index].source.part;
  loc.block = index;
  loc.start = utf8::CodePointOffset(text, at);
  loc.end = utf8::CodePointOffset(text, at + needle.size());
  return loc;
}

Clause MakeClause(const Document& doc, std::string id, std::string number, std::string heading,
                  int level, int parent, int block, std::vector<Category> categories,
                  std::vector<std::string> tags) {
  Clause c;
  c.id = std::move(id);
  c.number = std::move(number);
  c.heading = std::move(heading);
  c.level = level;
  c.parent = parent;
  c.first_block = block;
  c.end_block = block + 1;
  c.text = doc.blocks[block].text;
  c.block_offsets = {0};
  c.categories = std::move(categories);
  c.tags = std::move(tags);
  return c;
}

Fact MakeFact(FactType type, std::string text, std::string clause,
              std::optional<Location> location) {
  Fact f;
  f.type = type;
  f.text = std::move(text);
  f.clause_id = std::move(clause);
  f.location = std::move(location);
  return f;
}

void Count(Review* r) {
  r->counts = {};
  for (const Finding& f : r->findings) ++r->counts[static_cast<size_t>(f.severity)];
  r->characters = 0;
  for (const Block& b : r->document.blocks) r->characters += utf8::CodePointCount(b.text);
}

}  // namespace

Review RichReview() {
  Review r;
  Document& d = r.document;
  d.path = "contracts/msa.docx";
  d.format = Format::kDocx;
  d.sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  d.encoding = "UTF-8";
  const std::vector<std::string> texts = {
      "MASTER SERVICES AGREEMENT",
      "This Agreement is made between Acme Corp. (\"Acme\") and 上海某某科技有限公司 (the "
      "\"Supplier\").",
      "This Agreement starts on 1 January 2026 and continues for 30 days.",
      "Each party is liable as follows.",
      "The Customer shall be liable for all damages without limitation.",
      "违约方应按合同总价壹拾万元整的百分之三十支付违约金。",
      "Payment is due within [●] days of invoice. Late payments bear interest at 1.5% per "
      "month.",
      "本合同适用中华人民共和国法律。争议提交上海国际仲裁中心仲裁。",
      "签署日期：____年__月__日",
  };
  for (size_t i = 0; i < texts.size(); ++i) {
    Block b;
    b.text = texts[i];
    b.kind = i == 0 ? BlockKind::kHeading : BlockKind::kParagraph;
    b.source.part = kPart;
    b.source.index = static_cast<int>(i);
    d.blocks.push_back(std::move(b));
  }
  r.language = "mixed";
  r.contract_types = {"services"};
  r.ruleset = {"default", "2026.11", 120};

  r.clauses = {
      MakeClause(d, "c1", "1", "Term", 1, -1, 2, {Category::kTerm}, {}),
      MakeClause(d, "c2", "12", "Liability", 1, -1, 3, {Category::kLiability}, {}),
      MakeClause(d, "c3", "12.1", "Limitation of Liability", 2, 1, 4, {Category::kLiability},
                 {"cap_on_liability"}),
      MakeClause(d, "c4", "第十二条", "违约责任", 1, -1, 5, {Category::kLiability},
                 {"liquidated_damages"}),
      MakeClause(d, "c5", "", "", 1, -1, 6, {Category::kPayment}, {}),
      MakeClause(d, "c6", "第十五条", "争议解决", 1, -1, 7, {Category::kDisputeResolution},
                 {"arbitration", "governing_law"}),
  };

  auto finding = [&](std::string rule, Category category, Kind kind, Severity severity,
                     std::string message, std::string recommendation) {
    Finding f;
    f.id = "f" + std::to_string(r.findings.size() + 1);
    f.rule = std::move(rule);
    f.category = category;
    f.kind = kind;
    f.severity = severity;
    f.message = std::move(message);
    f.recommendation = std::move(recommendation);
    // A fixed fingerprint per finding: "00000000000000f1", ...
    f.fingerprint = std::string(14, '0') + f.id;
    r.findings.push_back(std::move(f));
    return &r.findings.back();
  };
  auto locate = [&](Finding* f, std::string clause, int block, std::string_view evidence) {
    f->clause_id = std::move(clause);
    f->evidence = std::string(evidence);
    f->location = Span(d, block, evidence);
  };
  finding("confidentiality.missing", Category::kConfidentiality, Kind::kMissing, Severity::kHigh,
          "No confidentiality clause.", "Add a mutual confidentiality clause.");
  locate(finding("term.short", Category::kTerm, Kind::kRisky, Severity::kInfo,
                 "The initial term is shorter than 90 days.", "Confirm the term is intended."),
         "c1", 2, "30 days");
  locate(finding("liability.uncapped", Category::kLiability, Kind::kRisky, Severity::kHigh,
                 "The customer's liability is uncapped.",
                 "Cap liability, e.g. at the fees paid in the 12 months before the claim."),
         "c3", 4, "without limitation");
  r.findings.back().affects = "customer";
  locate(finding("zh.penalty.excessive", Category::kLiability, Kind::kRisky, Severity::kMedium,
                 "违约金超过合同总价的百分之二十。", "将违约金调整为合同总价的百分之二十以内。"),
         "c4", 5, "百分之三十");
  locate(finding("drafting.placeholder", Category::kDrafting, Kind::kDraft, Severity::kLow,
                 "Unfilled placeholder.", ""),
         "c5", 6, "[●]");
  r.verdict = Verdict::kBlock;
  r.risk_score = 59;

  Fact f = MakeFact(FactType::kDate, "1 January 2026", "c1", Span(d, 2, "1 January 2026"));
  f.value = "2026-01-01";
  f.role = "effective";
  r.facts.push_back(f);
  f = MakeFact(FactType::kDate, "____年__月__日", "", Span(d, 8, "____年__月__日"));
  f.role = "signing";
  f.placeholder = true;
  r.facts.push_back(f);
  f = MakeFact(FactType::kAmount, "壹拾万元整", "c4", Span(d, 5, "壹拾万元整"));
  f.number = 100000.0;
  f.currency = "CNY";
  r.facts.push_back(f);
  f = MakeFact(FactType::kDate, "within [●] days of invoice", "c5",
               Span(d, 6, "[●] days of invoice"));
  f.text = "[●] days of invoice";
  f.role = "payment";
  f.relative = RelativeDate{"invoice", 0, "", "after"};
  r.facts.push_back(f);
  f = MakeFact(FactType::kDuration, "30 days", "c1", Span(d, 2, "30 days"));
  f.number = 30;
  f.unit = "day";
  r.facts.push_back(f);
  f = MakeFact(FactType::kDuration, "[●] days", "c5", Span(d, 6, "[●] days"));
  f.unit = "day";
  f.placeholder = true;
  r.facts.push_back(f);
  f = MakeFact(FactType::kPercentage, "百分之三十", "c4", Span(d, 5, "百分之三十"));
  f.number = 30.0;
  r.facts.push_back(f);
  f = MakeFact(FactType::kPercentage, "1.5% per month", "c5", std::nullopt);
  f.number = 1.5;
  f.per = "month";
  f.annual = 18.0;
  r.facts.push_back(f);
  f = MakeFact(FactType::kParty, "Acme Corp.", "", Span(d, 1, "Acme Corp."));
  f.value = "Acme Corp.";
  f.short_name = "Acme";
  f.mentions = {"c1"};
  r.facts.push_back(f);
  f = MakeFact(FactType::kParty, "上海某某科技有限公司", "", Span(d, 1, "上海某某科技有限公司"));
  f.value = "上海某某科技有限公司";
  f.role = "Supplier";
  r.facts.push_back(f);
  f = MakeFact(FactType::kGoverningLaw, "中华人民共和国法律", "c6",
               Span(d, 7, "中华人民共和国法律"));
  f.value = "中华人民共和国";
  r.facts.push_back(f);
  f = MakeFact(FactType::kForum, "上海国际仲裁中心", "c6", Span(d, 7, "上海国际仲裁中心"));
  f.forum_type = "arbitration";
  f.value = "上海国际仲裁中心";
  f.seat = "上海";
  f.language = "Chinese";
  f.arbitrators = 3;
  r.facts.push_back(f);
  f = MakeFact(FactType::kDefinedTerm, "\"Supplier\"", "", Span(d, 1, "\"Supplier\""));
  f.value = "Supplier";
  f.uses = 0;
  r.facts.push_back(f);
  f = MakeFact(FactType::kReference, "Section 12.1", "c5", std::nullopt);
  f.value = "12.1";
  f.target = "c3";
  r.facts.push_back(f);

  Count(&r);
  return r;
}

Review CleanReview() {
  Review r;
  Document& d = r.document;
  d.path = "contracts/nda.txt";
  d.format = Format::kText;
  d.sha256 = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
  d.encoding = "UTF-8";
  Block b;
  b.text = "1. Each party keeps the other's information confidential.";
  b.source.part = "text";
  b.source.line = 1;
  d.blocks.push_back(b);
  r.language = "en";
  r.ruleset = {"default", "2026.11", 120};
  Clause c = MakeClause(d, "c1", "1", "", 1, -1, 0, {Category::kConfidentiality}, {});
  c.text = "Each party keeps the other's information confidential.";
  r.clauses.push_back(c);
  r.verdict = Verdict::kPass;
  r.risk_score = 0;
  Count(&r);
  return r;
}

}  // namespace clausecheck::reports::testing
