// Finding and Location: what the rule engine reports and reporters print.
#ifndef CLAUSECHECK_CORE_FINDING_H_
#define CLAUSECHECK_CORE_FINDING_H_

#include <optional>
#include <string>

#include "core/vocabulary.h"

namespace clausecheck {

/// A span of one block. start/end are code points in Block::text, half open.
struct Location {
  std::string part;
  int block = 0;
  int start = 0;
  int end = 0;
};

/// Why a finding does not count: accepted by a reviewer or already known.
struct Suppression {
  std::string reason;
  std::string source;  // comment | waivers | baseline
};

struct Finding {
  std::string id;  // "f1", "f2", ... in report order
  std::string rule;
  Category category = Category::kGeneral;
  Kind kind = Kind::kRisky;
  Severity severity = Severity::kInfo;
  std::string message;
  std::string recommendation;
  std::string clause_id;  // empty for document-level findings (kind missing)
  std::string evidence;   // the matched text, empty for document-level findings
  // Whose side it hurts, when the rule says: party-a, party-b, customer,
  // vendor; empty when not said or not known (analyzer/stance.h).
  std::string affects;
  // Rule id + the clause's normalised text, hashed: stable while the clause
  // reads the same (analyzer/waivers.h).
  std::string fingerprint;
  std::optional<Suppression> suppressed;  // set: waived, does not count
  std::optional<Location> location;
};

}  // namespace clausecheck

#endif  // CLAUSECHECK_CORE_FINDING_H_
