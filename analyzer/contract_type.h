// Contract types: what kind of contract this is (an NDA, a lease, a loan...),
// from its title and opening words, so that rules can apply to some types
// only (`for: [lease]`).
#ifndef CLAUSECHECK_ANALYZER_CONTRACT_TYPE_H_
#define CLAUSECHECK_ANALYZER_CONTRACT_TYPE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/clause.h"
#include "core/document.h"

namespace clausecheck::analyzer {

/// The vocabulary, in the order types are reported.
const std::vector<std::string_view>& ContractTypes();
bool IsContractType(std::string_view name);

/// The types a contract declares in its title or first sentences: usually one
/// ("lease"), sometimes several ("Co-Branding and Hosting Agreement": services
/// and marketing). Empty when none is recognised.
std::vector<std::string> DetectContractTypes(const Document& doc,
                                             const std::vector<Clause>& clauses);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_CONTRACT_TYPE_H_
