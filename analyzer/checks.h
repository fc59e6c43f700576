// Built-in checks: the judgements a pattern cannot express, over the facts
// of the whole contract (dates in the wrong order, a deposit above its legal
// cap, two governing laws). A rule names one with `check:`; the check says
// where it fired and with which values, and the rule's message is filled
// from them ("定金为{value}%，超过{limit}%").
#ifndef CLAUSECHECK_ANALYZER_CHECKS_H_
#define CLAUSECHECK_ANALYZER_CHECKS_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clause.h"
#include "core/document.h"
#include "core/fact.h"
#include "core/finding.h"

namespace clausecheck::analyzer {

class Surroundings;

struct CheckContext {
  const Document& doc;
  const std::vector<Clause>& clauses;
  const std::vector<Fact>& facts;
  std::string as_of;                                // YYYY-MM-DD or empty
  const std::map<std::string, double>& parameters;  // the ruleset's, by name

  /// The words around each fact, built on first use and shared by every
  /// check run with this context.
  const Surroundings& Around() const;
  mutable std::shared_ptr<Surroundings> around_;
};

struct CheckHit {
  std::string clause_id;  // empty: about the whole document
  std::optional<Location> location;
  std::string evidence;
  std::map<std::string, std::string> values;  // for the message: {value}, {limit}, ...
};

struct CheckInfo {
  std::string_view name;
  std::string_view summary;
  // Parameters the check reads; a ruleset using it must define them.
  std::vector<std::string_view> parameters;
};

/// Every built-in check, in name order.
const std::vector<CheckInfo>& Checks();
const CheckInfo* FindCheck(std::string_view name);

/// Runs the named check (which must exist). Never fails: a check without the
/// facts it needs finds nothing.
std::vector<CheckHit> RunCheck(std::string_view name, const CheckContext& context);

/// Replaces {key} in `text` with values[key]; unknown keys stay as written.
std::string FillTemplate(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_CHECKS_H_
