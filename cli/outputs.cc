#include "cli/outputs.h"

namespace clausecheck::cli {

std::vector<reports::SarifRule> SarifRules(const analyzer::Ruleset& ruleset) {
  std::vector<reports::SarifRule> rules;
  rules.reserve(ruleset.rules.size());
  for (const analyzer::Rule& r : ruleset.rules) {
    reports::SarifRule s;
    s.id = r.id;
    s.category = r.category;
    s.kind = r.kind;
    s.severity = r.severity;
    s.language = std::string(analyzer::Name(r.lang));
    s.message = r.message.empty() ? r.message_zh : r.message;
    s.recommendation = r.recommendation.empty() ? r.recommendation_zh : r.recommendation;
    s.basis = r.basis;
    rules.push_back(std::move(s));
  }
  return rules;
}

std::string AsArrayElement(const std::string& pretty) {
  std::string s = "  ";
  for (size_t i = 0; i < pretty.size(); ++i) {
    if (pretty[i] == '\n') {
      if (i + 1 == pretty.size()) break;
      s += "\n  ";
    } else {
      s += pretty[i];
    }
  }
  return s;
}

std::string JsonDocument(const std::vector<std::string>& items, bool array) {
  if (!array) return items.empty() ? std::string() : items.front();
  if (items.empty()) return "[]\n";
  std::string s = "[\n";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) s += ",\n";
    s += AsArrayElement(items[i]);
  }
  return s + "\n]\n";
}

}  // namespace clausecheck::cli
