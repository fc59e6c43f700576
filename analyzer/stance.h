// Stance: whose side the review takes. A rule may say which party a clause
// hurts (`hurts:`): a fixed side (party-a, party-b, customer, vendor), the
// party the matching sentence is about (`subject`: "Customer shall be liable
// without limitation" hurts the customer), or the other one (`other`:
// "Supplier may terminate at any time" hurts the customer). Each such finding
// says whom it affects; under --stance, a finding that only affects the other
// side becomes information (the same uncapped liability is high risk for the
// side that bears it and a note for the side that benefits).
#ifndef CLAUSECHECK_ANALYZER_STANCE_H_
#define CLAUSECHECK_ANALYZER_STANCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ruleset.h"
#include "core/review.h"

namespace clausecheck::analyzer {

/// neutral, party-a, party-b, customer, vendor.
bool ValidStance(std::string_view stance);
/// Values of a rule's `hurts:`.
bool ValidHurts(std::string_view hurts);

/// Sets Finding::affects for findings of rules with `hurts`, and lowers to
/// info those that affect only the side opposite `stance`.
void ApplyStance(const Ruleset& ruleset, std::string_view stance, Review* review);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_STANCE_H_
