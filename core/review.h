// Review: the complete result of analysing one document, handed to reporters.
//
// Reporters print a Review and never re-run analysis. A Review is complete by
// construction: if any stage failed, the caller has an Error instead.
#ifndef CLAUSECHECK_CORE_REVIEW_H_
#define CLAUSECHECK_CORE_REVIEW_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/clause.h"
#include "core/document.h"
#include "core/fact.h"
#include "core/finding.h"

namespace clausecheck {

enum class Verdict { kPass, kReview, kBlock };
std::string_view Name(Verdict v);

struct RulesetInfo {
  std::string name;
  std::string version;
  int rules = 0;
};

struct Review {
  Document document;
  std::string language;  // "en", "zh", "mixed" or "unknown"
  // What kind of contract: "nda", "lease", ... (analyzer/contract_type.h);
  // empty when the title names none.
  std::vector<std::string> contract_types;
  RulesetInfo ruleset;
  std::vector<Clause> clauses;
  std::vector<Fact> facts;
  std::vector<Finding> findings;  // sorted: document-level first, then by position
  Verdict verdict = Verdict::kPass;
  int risk_score = 0;           // 0..100, see docs/report-format.md
  std::array<int, 5> counts{};  // findings per Severity, indexed by the enum

  /// Number of code points of all block text.
  int characters = 0;
};

}  // namespace clausecheck

#endif  // CLAUSECHECK_CORE_REVIEW_H_
