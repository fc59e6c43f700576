// The check for capitalised terms used as defined terms but never defined.
#ifndef CLAUSECHECK_ANALYZER_CHECK_TERMS_H_
#define CLAUSECHECK_ANALYZER_CHECK_TERMS_H_

#include <vector>

#include "analyzer/checks.h"

namespace clausecheck::analyzer {

/// Each capitalised phrase used at least twice after a determiner ("the
/// Licensed Software") that no definition, quotation, party or heading of the
/// contract gives, at its first use; values {value} and {count}.
std::vector<CheckHit> UndefinedTerms(const CheckContext& context);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_CHECK_TERMS_H_
