#include "reports/json.h"

#include <array>
#include <cmath>
#include <cstddef>
#include <string>

namespace clausecheck::reports {
namespace {

using Json = nlohmann::ordered_json;

// Every optional value in the report is null when absent, never "", so that
// a consumer has one test for "not there" (docs/report-format.md).
Json StringOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json StringOrNull(const std::optional<std::string>& s) {
  return s && !s->empty() ? Json(*s) : Json(nullptr);
}

// JSON has no NaN or infinity; nlohmann would write them as null anyway, but
// say so explicitly.
Json NumberOrNull(const std::optional<double>& n) {
  if (!n || !std::isfinite(*n)) return nullptr;
  return *n;
}

// Durations are counts ("30 days"): written as integers when whole so that
// the report reads 30, not 30.0.
Json CountOrNull(const std::optional<double>& n) {
  if (!n || !std::isfinite(*n)) return nullptr;
  double whole = 0;
  if (std::modf(*n, &whole) == 0.0 && std::fabs(whole) < 9.0e15) {
    return static_cast<long long>(whole);
  }
  return *n;
}

// Maps a value to itself when it is in `allowed`, else to `fallback`, so the
// report always stays inside the schema's enums.
template <size_t N>
Json OneOf(const std::string& s, const std::array<std::string_view, N>& allowed, Json fallback) {
  for (std::string_view a : allowed) {
    if (s == a) return s;
  }
  return fallback;
}

constexpr std::array<std::string_view, 10> kDateRoles = {
    "effective", "start",   "end",     "signing", "expiry",
    "delivery",  "payment", "renewal", "notice",  "other"};
constexpr std::array<std::string_view, 5> kDurationUnits = {"day", "business_day", "week", "month",
                                                            "year"};
constexpr std::array<std::string_view, 3> kPercentagePer = {"year", "month", "day"};
constexpr std::array<std::string_view, 2> kForumTypes = {"court", "arbitration"};
constexpr std::array<std::string_view, 4> kLanguages = {"en", "zh", "mixed", "unknown"};

Json ToolJson(const ToolInfo& tool) {
  Json j;
  j["name"] = tool.name;
  j["version"] = tool.version;
  return j;
}

Json LocationJson(const std::optional<Location>& loc) {
  if (!loc) return nullptr;
  Json j;
  j["part"] = loc->part;
  j["block"] = loc->block;
  j["start"] = loc->start;
  j["end"] = loc->end;
  return j;
}

Json DocumentJson(const Review& review) {
  const Document& d = review.document;
  Json j;
  j["path"] = d.path;
  j["format"] = Name(d.format);
  j["sha256"] = StringOrNull(d.sha256);
  j["language"] = OneOf(review.language, kLanguages, "unknown");
  j["contract_types"] = review.contract_types;
  j["encoding"] = StringOrNull(d.encoding);
  j["blocks"] = d.blocks.size();
  j["clauses"] = review.clauses.size();
  j["characters"] = review.characters;
  j["notices"] = d.notices;
  return j;
}

Json CountsJson(const Review& review) {
  Json j;
  for (Severity s :
       {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo}) {
    j[std::string(Name(s))] = review.counts[static_cast<size_t>(s)];
  }
  return j;
}

Json ClauseJson(const Review& review, const Clause& c) {
  const auto& clauses = review.clauses;
  const auto& blocks = review.document.blocks;
  Json j;
  j["id"] = c.id;
  j["number"] = StringOrNull(c.number);
  j["heading"] = StringOrNull(c.heading);
  j["level"] = c.level;
  j["parent"] = c.parent >= 0 && static_cast<size_t>(c.parent) < clauses.size()
                    ? Json(clauses[c.parent].id)
                    : Json(nullptr);
  Json categories = Json::array();
  for (Category cat : c.categories) categories.push_back(Name(cat));
  j["categories"] = std::move(categories);
  j["tags"] = c.tags;
  j["text"] = c.text;
  if (c.first_block >= 0 && static_cast<size_t>(c.first_block) < blocks.size()) {
    const SourceRef& src = blocks[c.first_block].source;
    Json loc;
    loc["part"] = src.part;
    loc["block"] = src.index;
    j["location"] = std::move(loc);
  } else {
    j["location"] = nullptr;  // a clause without blocks: never from the segmenter
  }
  return j;
}

Json FindingJson(const Finding& f) {
  Json j;
  j["id"] = f.id;
  j["rule"] = f.rule;
  j["category"] = Name(f.category);
  j["kind"] = Name(f.kind);
  j["severity"] = Name(f.severity);
  j["message"] = f.message;
  j["recommendation"] = StringOrNull(f.recommendation);
  j["clause"] = StringOrNull(f.clause_id);
  j["evidence"] = StringOrNull(f.evidence);
  j["affects"] = StringOrNull(f.affects);
  j["fingerprint"] = f.fingerprint;
  if (f.suppressed) {
    Json sup;
    sup["reason"] = f.suppressed->reason;
    sup["source"] = f.suppressed->source;
    j["suppressed"] = std::move(sup);
  } else {
    j["suppressed"] = nullptr;
  }
  j["location"] = LocationJson(f.location);
  return j;
}

// The type-specific fields first, in the order DESIGN.md gives them, then
// the fields every fact has.
Json FactJson(const Fact& f) {
  Json j;
  // Written twice, in words and in figures: the words' value and whether the
  // two agree (null when written once).
  auto twice = [&] {
    j["words"] = f.words ? CountOrNull(f.words) : Json(nullptr);
    j["consistent"] =
        f.words && f.number ? Json(std::fabs(*f.words - *f.number) < 0.005) : Json(nullptr);
  };
  switch (f.type) {
    case FactType::kDate:
      j["value"] = f.placeholder ? Json(nullptr) : StringOrNull(f.value);
      j["role"] = OneOf(f.role, kDateRoles, "other");
      j["ambiguous"] = f.ambiguous;
      if (f.relative) {
        Json r;
        r["anchor"] = f.relative->anchor;
        r["offset"] = CountOrNull(f.relative->offset);
        r["unit"] = f.relative->offset == 0 ? Json(nullptr)
                                            : OneOf(f.relative->unit, kDurationUnits, nullptr);
        r["direction"] = f.relative->direction == "before" ? "before" : "after";
        j["relative"] = std::move(r);
      } else {
        j["relative"] = nullptr;
      }
      break;
    case FactType::kAmount:
      j["value"] = f.placeholder ? Json(nullptr) : NumberOrNull(f.number);
      j["currency"] = StringOrNull(f.currency);
      twice();
      break;
    case FactType::kDuration:
      j["value"] = f.placeholder ? Json(nullptr) : CountOrNull(f.number);
      j["unit"] = OneOf(f.unit, kDurationUnits, nullptr);
      twice();
      break;
    case FactType::kPercentage:
      j["value"] = f.placeholder ? Json(nullptr) : NumberOrNull(f.number);
      j["per"] = OneOf(f.per, kPercentagePer, nullptr);
      j["annual"] = f.placeholder ? Json(nullptr) : NumberOrNull(f.annual);
      twice();
      break;
    case FactType::kParty:
      j["value"] = f.placeholder ? Json(nullptr) : StringOrNull(f.value);
      j["short"] = StringOrNull(f.short_name);
      j["role"] = StringOrNull(f.role);
      j["mentions"] = f.mentions;
      break;
    case FactType::kGoverningLaw:
      j["value"] = f.placeholder ? Json(nullptr) : StringOrNull(f.value);
      break;
    case FactType::kForum:
      j["type"] = OneOf(f.forum_type, kForumTypes, nullptr);
      j["value"] = f.placeholder ? Json(nullptr) : StringOrNull(f.value);
      j["seat"] = StringOrNull(f.seat);
      j["rules"] = StringOrNull(f.rules);
      j["language"] = StringOrNull(f.language);
      j["arbitrators"] = f.arbitrators ? Json(*f.arbitrators) : Json(nullptr);
      break;
    case FactType::kDefinedTerm:
      j["value"] = StringOrNull(f.value);
      j["uses"] = f.uses;
      break;
    case FactType::kReference:
      j["value"] = StringOrNull(f.value);
      j["target"] = StringOrNull(f.target);
      break;
  }
  j["placeholder"] = f.placeholder;
  j["text"] = f.text;
  j["clause"] = StringOrNull(f.clause_id);
  j["location"] = LocationJson(f.location);
  return j;
}

Json FactsJson(const std::vector<Fact>& facts) {
  constexpr std::array<FactType, 9> kOrder = {
      FactType::kDate,       FactType::kAmount,      FactType::kDuration,
      FactType::kPercentage, FactType::kParty,       FactType::kGoverningLaw,
      FactType::kForum,      FactType::kDefinedTerm, FactType::kReference};
  Json j;
  for (FactType t : kOrder) {
    Json list = Json::array();
    for (const Fact& f : facts) {
      if (f.type == t) list.push_back(FactJson(f));
    }
    j[std::string(Name(t))] = std::move(list);
  }
  return j;
}

}  // namespace

nlohmann::ordered_json FactsReportJson(const std::vector<Fact>& facts) { return FactsJson(facts); }

nlohmann::ordered_json ReportJson(const Review& review, const ToolInfo& tool) {
  Json j;
  j["schema"] = kReportSchema;
  j["tool"] = ToolJson(tool);
  Json ruleset;
  ruleset["name"] = review.ruleset.name;
  ruleset["version"] = review.ruleset.version;
  ruleset["rules"] = review.ruleset.rules;
  j["ruleset"] = std::move(ruleset);
  j["document"] = DocumentJson(review);
  j["verdict"] = Name(review.verdict);
  j["risk_score"] = review.risk_score;
  j["counts"] = CountsJson(review);
  Json clauses = Json::array();
  for (const Clause& c : review.clauses) clauses.push_back(ClauseJson(review, c));
  j["clauses"] = std::move(clauses);
  Json findings = Json::array();
  for (const Finding& f : review.findings) findings.push_back(FindingJson(f));
  j["findings"] = std::move(findings);
  j["facts"] = FactsJson(review.facts);
  return j;
}

nlohmann::ordered_json ErrorJson(std::string_view path, const Error& error, const ToolInfo& tool) {
  Json j;
  j["schema"] = kReportSchema;
  j["tool"] = ToolJson(tool);
  Json document;
  document["path"] = path;
  j["document"] = std::move(document);
  Json err;
  err["code"] = ErrorCodeName(error.code);
  err["message"] = error.message;
  j["error"] = std::move(err);
  return j;
}

std::string Serialize(const nlohmann::ordered_json& j, bool pretty) {
  // replace: invalid UTF-8 (which block text never is, by construction)
  // becomes U+FFFD rather than an exception.
  std::string s = j.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
  s += '\n';
  return s;
}

}  // namespace clausecheck::reports
