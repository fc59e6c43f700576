// Built-in checks: the judgements a pattern cannot express, over the facts
// of the whole contract (dates in the wrong order, a deposit above its legal
// cap, two governing laws). A rule names one with `check:`; the check says
// where it fired and with which values, and the rule's message is filled
// from them ("定金为{value}%，超过{limit}%").
#ifndef CLAUSECHECK_ANALYZER_CHECKS_H_
#define CLAUSECHECK_ANALYZER_CHECKS_H_

#include <functional>
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

  /// The clause with this id, or null; the index is built on first use.
  const Clause* ClauseById(const std::string& id) const;
  mutable std::shared_ptr<std::map<std::string, const Clause*>> clause_index_;
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

/// The sentence a fact stands in, within its block; empty without a location.
std::string_view SentenceOf(const CheckContext& context, const Fact& fact);

/// Up to `n` code points before / after a fact, within its sentence.
std::string_view WordsBefore(const CheckContext& context, const Fact& fact, int n);
std::string_view WordsAfter(const CheckContext& context, const Fact& fact, int n);

/// A hit on a fact: its clause, location and text.
CheckHit HitOn(const Fact& fact);

/// A duration in days (a week is 7, a business day 7/5, a month 30.4, a
/// year 365); -1 without a number or a known unit.
double DurationDays(const Fact& fact);

/// A number as a message shows it: 30, 12.5, 0.05.
std::string FormatNumber(double value);

/// Facts that `of_kind` takes and whose `field` is set, in document order:
/// each new distinct value after the first is a hit ({value} the new one,
/// {other} the first). With `across_clauses`, values named in the same clause
/// as the first value combine with it ("the laws of New York and the federal
/// laws of the United States") and are not hits.
std::vector<CheckHit> SecondValues(const CheckContext& context, bool across_clauses,
                                   const std::function<bool(const Fact&)>& of_kind,
                                   const std::function<const std::string*(const Fact&)>& field);

/// Replaces {key} in `text` with values[key]; unknown keys stay as written.
std::string FillTemplate(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_CHECKS_H_
