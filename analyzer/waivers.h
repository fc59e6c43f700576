// Waivers: findings a reviewer has accepted. A waived finding stays in the
// report, marked suppressed with the reason, and does not count towards the
// verdict, the risk score or the gate.
//
// Three sources:
// - a Word comment on the clause: "clausecheck-waive: RULE-ID reason";
// - a waivers file (YAML): waivers: [{rule: RULE-ID, fingerprint: ..., reason: ...}],
//   a fingerprint being rule id + the clause's normalised text, so a waiver
//   holds while the clause reads the same, wherever it moves;
// - a baseline: the fingerprints of an earlier report (--baseline), so that
//   only new findings count.
#ifndef CLAUSECHECK_ANALYZER_WAIVERS_H_
#define CLAUSECHECK_ANALYZER_WAIVERS_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/review.h"

namespace clausecheck::analyzer {

struct Waiver {
  std::string rule;
  std::string fingerprint;  // empty: every finding of the rule
  std::string reason;
};

/// 16 hex digits: FNV-1a 64 of the rule id and the clause's text with
/// whitespace collapsed and letters lower-cased ("document" for findings
/// without a clause).
std::string Fingerprint(std::string_view rule, std::string_view clause_text);

/// Sets every finding's fingerprint.
void FingerprintFindings(Review* review);

/// Parses a waivers file; errors name file and line.
Result<std::vector<Waiver>> ParseWaivers(std::string_view yaml, std::string_view source_name);

/// Marks waived findings suppressed: by comment on their clause, by the
/// waivers, or by the baseline's fingerprints. Fingerprints must be set.
void ApplyWaivers(const std::vector<Waiver>& waivers, const std::set<std::string>& baseline,
                  Review* review);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_WAIVERS_H_
