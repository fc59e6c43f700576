#include "core/fact.h"

namespace clausecheck {

std::string_view Name(FactType t) {
  switch (t) {
    case FactType::kDate: return "dates";
    case FactType::kAmount: return "amounts";
    case FactType::kDuration: return "durations";
    case FactType::kPercentage: return "percentages";
    case FactType::kParty: return "parties";
    case FactType::kGoverningLaw: return "governing_law";
    case FactType::kForum: return "forums";
    case FactType::kDefinedTerm: return "defined_terms";
    case FactType::kReference: return "references";
  }
  return "dates";
}

}  // namespace clausecheck
