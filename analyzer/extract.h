// Fact extraction: typed values found in clauses, normalised, with where they
// stand. Dates (with roles), durations, money, percentages and rates, parties,
// governing law and forums, in English and Chinese (docs/report-format.md
// gives each fact's JSON shape).
#ifndef CLAUSECHECK_ANALYZER_EXTRACT_H_
#define CLAUSECHECK_ANALYZER_EXTRACT_H_

#include <string>
#include <vector>

#include "core/clause.h"
#include "core/document.h"
#include "core/fact.h"

namespace clausecheck::analyzer {

enum class DateOrder { kAuto, kMonthFirst, kDayFirst };

struct ExtractOptions {
  std::string language;                     // the document's: "en", "zh", "mixed", "unknown"
  DateOrder date_order = DateOrder::kAuto;  // for 01/02/2026
};

/// Facts of every clause, in document order. Never fails: text that does not
/// parse is simply not a fact.
std::vector<Fact> ExtractFacts(const Document& doc, const std::vector<Clause>& clauses,
                               const ExtractOptions& options);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_EXTRACT_H_
