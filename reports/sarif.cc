#include "reports/sarif.h"

#include <algorithm>
#include <map>
#include <set>

namespace clausecheck::reports {
namespace {

using Json = nlohmann::ordered_json;

// "liability.uncapped" -> "LiabilityUncapped": SARIF's name for people.
std::string RuleName(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '.' || c == '_' || c == '-') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

std::string Joined(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + " " + b;
}

Json Text(const std::string& text) {
  Json j;
  j["text"] = text;
  return j;
}

Json RuleJson(const SarifRule& r) {
  Json j;
  j["id"] = r.id;
  j["name"] = RuleName(r.id);
  j["shortDescription"] = Text(r.message.empty() ? r.id : r.message);
  j["fullDescription"] = Text(
      Joined(r.message, r.recommendation).empty() ? r.id : Joined(r.message, r.recommendation));
  std::string help = r.recommendation.empty() ? r.message : r.recommendation;
  if (!r.basis.empty()) help += (help.empty() ? "" : "\n") + std::string("Basis: ") + r.basis;
  j["help"] = Text(help.empty() ? r.id : help);
  Json config;
  config["level"] = SarifLevel(r.severity);
  j["defaultConfiguration"] = std::move(config);
  Json props;
  props["tags"] = Json::array({"contract", Name(r.category), Name(r.kind)});
  props["category"] = Name(r.category);
  props["kind"] = Name(r.kind);
  props["severity"] = Name(r.severity);
  props["language"] = r.language.empty() ? "any" : r.language;
  if (!r.basis.empty()) props["basis"] = r.basis;
  j["properties"] = std::move(props);
  return j;
}

SarifRule RuleFromFinding(const Finding& f) {
  SarifRule r;
  r.id = f.rule;
  r.category = f.category;
  r.kind = f.kind;
  r.severity = f.severity;
  r.message = f.message;
  r.recommendation = f.recommendation;
  return r;
}

Json ArtifactLocation(const std::string& path, size_t index) {
  Json j;
  j["uri"] = PathToUri(path);
  j["index"] = index;
  return j;
}

Json ResultJson(const SarifEntry::Item& item, const std::string& path, size_t artifact,
                size_t rule_index) {
  const Finding& f = item.finding;
  Json j;
  j["ruleId"] = f.rule;
  j["ruleIndex"] = rule_index;
  j["level"] = SarifLevel(f.severity);
  j["message"] = Text(Joined(f.message, f.recommendation));

  Json physical;
  physical["artifactLocation"] = ArtifactLocation(path, artifact);
  if (f.location) {
    Json region;
    region["startLine"] = f.location->block + 1;
    region["startColumn"] = f.location->start + 1;
    region["endColumn"] = std::max(f.location->end, f.location->start) + 1;
    if (!f.evidence.empty()) region["snippet"] = Text(f.evidence);
    physical["region"] = std::move(region);
  } else if (item.clause_line > 0) {
    Json region;
    region["startLine"] = item.clause_line;
    physical["region"] = std::move(region);
  }
  Json location;
  location["physicalLocation"] = std::move(physical);
  if (!item.clause_name.empty()) {
    Json logical;
    logical["name"] = item.clause_name;
    logical["fullyQualifiedName"] = item.clause_full;
    logical["decoratedName"] = item.clause_id;
    logical["kind"] = "section";
    location["logicalLocations"] = Json::array({std::move(logical)});
  }
  j["locations"] = Json::array({std::move(location)});

  if (!f.fingerprint.empty()) {
    Json fp;
    fp["clausecheck/v1"] = f.fingerprint;
    j["partialFingerprints"] = std::move(fp);
  }
  if (f.suppressed) {
    Json s;
    // A waiver written in the contract (a Word comment) is in source; a
    // waivers file or a baseline report is kept outside it.
    s["kind"] = f.suppressed->source == "comment" ? "inSource" : "external";
    s["status"] = "accepted";
    s["justification"] = f.suppressed->reason;
    Json props;
    props["source"] = f.suppressed->source;
    s["properties"] = std::move(props);
    j["suppressions"] = Json::array({std::move(s)});
  }
  Json props;
  props["finding"] = f.id;
  props["severity"] = Name(f.severity);
  props["category"] = Name(f.category);
  props["kind"] = Name(f.kind);
  if (!f.affects.empty()) props["affects"] = f.affects;
  j["properties"] = std::move(props);
  return j;
}

}  // namespace

std::string_view SarifLevel(Severity s) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kHigh: return "error";
    case Severity::kMedium: return "warning";
    case Severity::kLow:
    case Severity::kInfo: return "note";
  }
  return "note";
}

std::string PathToUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri;
  if (!path.empty() && path[0] == '/') uri = "file://";
  for (unsigned char c : path) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

SarifEntry SarifEntryFor(const Review& review) {
  SarifEntry e;
  e.path = review.document.path;
  e.sha256 = review.document.sha256;
  std::map<std::string, const Clause*> clauses;
  for (const Clause& c : review.clauses) clauses[c.id] = &c;
  for (const Finding& f : review.findings) {
    SarifEntry::Item item;
    item.finding = f;
    auto it = f.clause_id.empty() ? clauses.end() : clauses.find(f.clause_id);
    if (it != clauses.end()) {
      const Clause& c = *it->second;
      const std::string number = CitedNumber(review.clauses, c);
      item.clause_name = !number.empty() ? number : !c.heading.empty() ? c.heading : c.id;
      item.clause_full = number.empty() ? item.clause_name : Joined(number, c.heading);
      item.clause_id = c.id;
      item.clause_line = c.first_block + 1;
    } else if (!f.clause_id.empty()) {
      item.clause_name = item.clause_full = item.clause_id = f.clause_id;
    }
    e.items.push_back(std::move(item));
  }
  return e;
}

SarifEntry SarifEntryForError(std::string_view path, const Error& error) {
  SarifEntry e;
  e.path = std::string(path);
  e.error = error;
  return e;
}

nlohmann::ordered_json SarifLog(const std::vector<SarifEntry>& entries, const ToolInfo& tool,
                                const std::vector<SarifRule>& rules) {
  // The rules that produced a result, sorted by id; ruleIndex points here.
  std::map<std::string, const SarifRule*> known;
  for (const SarifRule& r : rules) known.emplace(r.id, &r);
  std::map<std::string, SarifRule> used;
  for (const SarifEntry& e : entries) {
    for (const SarifEntry::Item& item : e.items) {
      const std::string& id = item.finding.rule;
      if (used.count(id)) continue;
      auto it = known.find(id);
      used.emplace(id, it != known.end() ? *it->second : RuleFromFinding(item.finding));
    }
  }
  std::map<std::string, size_t> rule_index;
  Json rule_list = Json::array();
  for (const auto& [id, rule] : used) {
    rule_index[id] = rule_list.size();
    rule_list.push_back(RuleJson(rule));
  }

  Json driver;
  driver["name"] = tool.name;
  driver["version"] = tool.version;
  driver["semanticVersion"] = tool.version;
  driver["rules"] = std::move(rule_list);
  Json tool_json;
  tool_json["driver"] = std::move(driver);

  Json artifacts = Json::array();
  Json results = Json::array();
  Json notifications = Json::array();
  // One artifact per path: an input named twice is one artifact (the schema
  // wants artifacts unique).
  std::map<std::string, size_t> artifact_index;
  for (const SarifEntry& e : entries) {
    auto [it, added] = artifact_index.emplace(e.path, artifacts.size());
    const size_t a = it->second;
    if (added) {
      Json artifact;
      Json location;
      location["uri"] = PathToUri(e.path);
      artifact["location"] = std::move(location);
      artifact["roles"] = Json::array({"analysisTarget"});
      if (!e.sha256.empty()) {
        Json hashes;
        hashes["sha-256"] = e.sha256;
        artifact["hashes"] = std::move(hashes);
      }
      artifacts.push_back(std::move(artifact));
    }
    if (e.error) {
      Json n;
      n["level"] = "error";
      n["message"] = Text(e.error->ToString());
      Json physical;
      physical["artifactLocation"] = ArtifactLocation(e.path, a);
      Json where;
      where["physicalLocation"] = std::move(physical);
      n["locations"] = Json::array({std::move(where)});
      Json descriptor;
      descriptor["id"] = ErrorCodeName(e.error->code);
      n["descriptor"] = std::move(descriptor);
      notifications.push_back(std::move(n));
    }
    for (const SarifEntry::Item& item : e.items) {
      results.push_back(ResultJson(item, e.path, a, rule_index[item.finding.rule]));
    }
  }
  Json invocation;
  invocation["executionSuccessful"] = notifications.empty();
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  Json run;
  run["tool"] = std::move(tool_json);
  run["invocations"] = Json::array({std::move(invocation)});
  run["artifacts"] = std::move(artifacts);
  run["results"] = std::move(results);
  run["columnKind"] = "unicodeCodePoints";

  Json log;
  log["$schema"] = kSarifSchemaUri;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  return log;
}

}  // namespace clausecheck::reports
