// Analyze: one Document through the whole analysis, to a complete Review.
//
// language -> segment -> classify -> evaluate rules -> verdict and risk score.
// The Engine is compiled once and shared; Analyze is safe to call from many
// threads at once.
#ifndef CLAUSECHECK_ANALYZER_ANALYZE_H_
#define CLAUSECHECK_ANALYZER_ANALYZE_H_

#include <set>
#include <string>
#include <vector>

#include "analyzer/engine.h"
#include "analyzer/extract.h"
#include "analyzer/waivers.h"
#include "core/document.h"
#include "core/finding.h"
#include "core/review.h"

namespace clausecheck::analyzer {

struct AnalyzeOptions {
  // Reference date (YYYY-MM-DD) for date checks such as expiry; empty means
  // the checks that need it do not run.
  std::string as_of;
  // How to read 01/02/2026; kAuto decides by governing law and language.
  DateOrder date_order = DateOrder::kAuto;
  // Whose side the review takes: neutral (or empty), party-a, party-b,
  // customer, vendor (analyzer/stance.h).
  std::string stance;
  // The document's language as the reviewer states it ("en", "zh", "mixed");
  // empty: detected from the text.
  std::string language;
  // Accepted findings (analyzer/waivers.h) and the fingerprints of a
  // baseline report: these findings are marked suppressed.
  std::vector<Waiver> waivers;
  std::set<std::string> baseline;
};

Review Analyze(Document doc, const Engine& engine, const AnalyzeOptions& options);

/// Verdict: block on any critical or high finding, review on any medium or low,
/// else pass. Info findings never change it.
Verdict ComputeVerdict(const std::vector<Finding>& findings);

/// round(100 * (1 - prod(1 - w))) with w = critical .5, high .3, medium .12,
/// low .04, info 0 (docs/report-format.md).
int ComputeRiskScore(const std::vector<Finding>& findings);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_ANALYZE_H_
