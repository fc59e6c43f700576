// The compiled patterns of a rule's conditions and fact selectors, for the
// tests that check every pattern of a ruleset (pattern_size_test.cc,
// rule_shapes_test.cc): one walk, so that a field that gains a pattern is
// checked by both.
#ifndef CLAUSECHECK_TESTS_ANALYZER_RULE_PATTERNS_H_
#define CLAUSECHECK_TESTS_ANALYZER_RULE_PATTERNS_H_

#include <functional>
#include <string>

#include "analyzer/ruleset.h"

namespace clausecheck::analyzer {

using RulePatternFn = std::function<void(const CompiledPattern&, const std::string& where)>;

/// Calls fn(p, where) for each non-empty pattern of `f`; where is
/// `where` + " (fact selector)".
inline void ForEachPattern(const FactSelector& f, const std::string& where,
                           const RulePatternFn& fn) {
  for (const CompiledPattern* p : {&f.value, &f.not_value, &f.currency, &f.not_currency, &f.near,
                                   &f.not_near, &f.preceded_by, &f.followed_by}) {
    if (!p->empty()) fn(*p, where + " (fact selector)");
  }
}

/// The same for a condition and the conditions it holds; its text pattern
/// is `where` + " (condition text)".
inline void ForEachPattern(const Condition& c, const std::string& where, const RulePatternFn& fn) {
  if (!c.text.empty()) fn(c.text, where + " (condition text)");
  ForEachPattern(c.fact, where, fn);
  for (const Condition& sub : c.conditions) ForEachPattern(sub, where, fn);
}

/// The same for a rule's `when`, `unless_document`, `require`, `conflict`
/// and `compare`; `where` names the rule.
inline void ForEachPattern(const Rule& r, const std::string& where, const RulePatternFn& fn) {
  if (r.when) ForEachPattern(*r.when, where + " when", fn);
  if (r.unless_document) ForEachPattern(*r.unless_document, where + " unless_document", fn);
  if (r.require) ForEachPattern(*r.require, where + " require", fn);
  if (r.conflict) ForEachPattern(r.conflict->facts, where + " conflict", fn);
  if (r.compare) {
    ForEachPattern(r.compare->fact, where + " compare", fn);
    if (r.compare->per) ForEachPattern(*r.compare->per, where + " compare per", fn);
    if (r.compare->other) ForEachPattern(*r.compare->other, where + " compare other", fn);
  }
}

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_TESTS_ANALYZER_RULE_PATTERNS_H_
