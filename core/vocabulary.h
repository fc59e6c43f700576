// The fixed vocabulary that rules and reports share: categories, finding
// kinds and severities, with their stable lower-case names.
//
// Names are what appear in YAML rulesets and JSON reports; Parse* returns
// false for a name outside the vocabulary so that loaders can reject it.
#ifndef CLAUSECHECK_CORE_VOCABULARY_H_
#define CLAUSECHECK_CORE_VOCABULARY_H_

#include <array>
#include <string_view>

namespace clausecheck {

enum class Category {
  kParties,
  kTerm,
  kRenewal,
  kPayment,
  kLiability,
  kDisputeResolution,
  kTermination,
  kConfidentiality,
  kIntellectualProperty,
  kForceMajeure,
  kAssignment,
  kWarranty,
  kCompliance,
  kSignature,
  kDrafting,
  kGeneral,
};
inline constexpr int kCategoryCount = 16;

enum class Kind { kMissing, kRisky, kInvalid, kInconsistent, kDraft };

// Ordered: a larger value is more severe.
enum class Severity { kInfo, kLow, kMedium, kHigh, kCritical };

std::string_view Name(Category c);
std::string_view Name(Kind k);
std::string_view Name(Severity s);

bool ParseCategory(std::string_view name, Category* out);
bool ParseKind(std::string_view name, Kind* out);
bool ParseSeverity(std::string_view name, Severity* out);

/// All categories in declaration order, for iteration.
const std::array<Category, kCategoryCount>& AllCategories();

}  // namespace clausecheck

#endif  // CLAUSECHECK_CORE_VOCABULARY_H_
