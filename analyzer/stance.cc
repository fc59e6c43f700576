#include "analyzer/stance.h"

#include <algorithm>
#include <set>

#include "analyzer/sentence.h"
#include "core/ascii.h"

namespace clausecheck::analyzer {
namespace {

constexpr std::string_view kCustomerRoles[] = {
    "Customer", "Client",     "Buyer",      "Purchaser",   "Licensee", "Lessee", "Tenant",
    "Borrower", "Subscriber", "Franchisee", "Distributor", "Reseller", "买方",   "需方",
    "采购方",   "承租方",     "承租人",     "借款人",      "委托方",   "委托人", "被许可方",
    "买受人",   "发包方",     "发包人",     "客户"};
constexpr std::string_view kVendorRoles[] = {
    "Supplier",   "Vendor",       "Provider",   "Service Provider",
    "Seller",     "Licensor",     "Lessor",     "Landlord",
    "Lender",     "Consultant",   "Contractor", "Developer",
    "Franchisor", "Manufacturer", "卖方",       "供方",
    "供货方",     "供应商",       "出租方",     "出租人",
    "出借人",     "贷款人",       "受托方",     "受托人",
    "许可方",     "出卖人",       "服务方",     "承包方",
    "承包人"};

// Sides are a set of labels: {"party-a", "vendor"} for the first party named
// in a contract where it is the Supplier.
using Sides = std::set<std::string>;

Sides RoleSides(std::string_view word) {
  Sides s;
  for (std::string_view r : kCustomerRoles) {
    if (ascii::EqualsIgnoreCase(word, r)) s.insert("customer");
  }
  for (std::string_view r : kVendorRoles) {
    if (ascii::EqualsIgnoreCase(word, r)) s.insert("vendor");
  }
  if (word == "甲方") s.insert("party-a");
  if (word == "乙方") s.insert("party-b");
  return s;
}

struct Mention {
  std::string needle;
  Sides sides;
};

// Every way the contract names a side: the parties' names, short names and
// roles (the first party is party-a, the second party-b), and the role words.
std::vector<Mention> Mentions(const Review& r) {
  std::vector<Mention> out;
  int index = 0;
  for (const Fact& f : r.facts) {
    if (f.type != FactType::kParty || f.placeholder) continue;
    Sides sides = RoleSides(f.role);
    Sides by_short = RoleSides(f.short_name);
    sides.insert(by_short.begin(), by_short.end());
    if (!sides.count("party-a") && !sides.count("party-b") && index < 2) {
      sides.insert(index == 0 ? "party-a" : "party-b");
    }
    ++index;
    for (const std::string& n : {f.value.value_or(""), f.short_name, f.role}) {
      if (n.size() >= 2) out.push_back({n, sides});
    }
  }
  for (std::string_view w : kCustomerRoles) out.push_back({std::string(w), RoleSides(w)});
  for (std::string_view w : kVendorRoles) out.push_back({std::string(w), RoleSides(w)});
  out.push_back({"甲方", {"party-a"}});
  out.push_back({"乙方", {"party-b"}});
  return out;
}

Sides Opposite(const Sides& s) {
  Sides o;
  if (s.count("party-a")) o.insert("party-b");
  if (s.count("party-b")) o.insert("party-a");
  if (s.count("customer")) o.insert("vendor");
  if (s.count("vendor")) o.insert("customer");
  return o;
}

// The side the sentence before `at` in `text` names last.
Sides Subject(const std::string& text, size_t at, const std::vector<Mention>& mentions) {
  std::string_view sentence = SentenceAround(text, at, at);
  const size_t start = static_cast<size_t>(sentence.data() - text.data());
  std::string_view before(text.data() + start, at - start);
  // The latest mention wins; where two start at the same place, the longer
  // ("Service Provider" over "Provider" is the same place only if equal).
  size_t best = std::string_view::npos, best_len = 0;
  Sides sides;
  for (const Mention& m : mentions) {
    size_t p = before.rfind(m.needle);
    if (p == std::string_view::npos) continue;
    size_t end = p + m.needle.size();
    if (best == std::string_view::npos || end > best ||
        (end == best && m.needle.size() > best_len)) {
      best = end;
      best_len = m.needle.size();
      sides = m.sides;
    }
  }
  return sides;
}

// The one label a report shows: party-a/party-b in Chinese contracts (甲方,
// 乙方), customer/vendor where the roles say so, else party-a/party-b.
std::string Label(const Sides& s, bool chinese) {
  if (s.empty()) return "";
  if (chinese && (s.count("party-a") || s.count("party-b"))) {
    return s.count("party-a") ? "party-a" : "party-b";
  }
  if (s.count("customer") != s.count("vendor")) return s.count("customer") ? "customer" : "vendor";
  if (s.count("party-a") != s.count("party-b")) return s.count("party-a") ? "party-a" : "party-b";
  return "";
}

}  // namespace

bool ValidStance(std::string_view stance) {
  return stance == "neutral" || stance == "party-a" || stance == "party-b" ||
         stance == "customer" || stance == "vendor";
}

bool ValidHurts(std::string_view hurts) {
  return hurts == "subject" || hurts == "other" || hurts == "party-a" || hurts == "party-b" ||
         hurts == "customer" || hurts == "vendor";
}

void ApplyStance(const Ruleset& ruleset, std::string_view stance, Review* review) {
  std::vector<Mention> mentions;
  bool mentions_ready = false;
  const bool chinese = review->language == "zh";
  for (Finding& f : review->findings) {
    auto rule = std::find_if(ruleset.rules.begin(), ruleset.rules.end(),
                             [&](const Rule& r) { return r.id == f.rule; });
    if (rule == ruleset.rules.end() || rule->hurts.empty()) continue;
    Sides sides;
    if (rule->hurts == "subject" || rule->hurts == "other") {
      const Clause* clause = nullptr;
      for (const Clause& c : review->clauses) {
        if (c.id == f.clause_id) clause = &c;
      }
      if (!clause || f.evidence.empty()) continue;
      size_t at = clause->text.find(f.evidence);
      if (at == std::string::npos) continue;
      if (!mentions_ready) {
        mentions = Mentions(*review);
        mentions_ready = true;
      }
      sides = Subject(clause->text, at, mentions);
      if (rule->hurts == "other") sides = Opposite(sides);
    } else {
      sides.insert(rule->hurts);
    }
    f.affects = Label(sides, chinese);
    if (stance.empty() || stance == "neutral" || sides.empty()) continue;
    const std::string ours_label(stance);
    const Sides other_side = Opposite({ours_label});
    const bool ours = sides.count(ours_label) > 0;
    const bool theirs = std::any_of(sides.begin(), sides.end(),
                                    [&](const std::string& x) { return other_side.count(x) > 0; });
    if (!ours && theirs) f.severity = Severity::kInfo;
  }
}

}  // namespace clausecheck::analyzer
