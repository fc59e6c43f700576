#include "core/review.h"

namespace clausecheck {

std::string_view Name(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "pass";
    case Verdict::kReview: return "review";
    case Verdict::kBlock: return "block";
  }
  return "pass";
}

}  // namespace clausecheck
