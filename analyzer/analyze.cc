#include "analyzer/analyze.h"

#include <cmath>
#include <string>
#include <utility>

#include "analyzer/contract_type.h"
#include "analyzer/extract.h"
#include "analyzer/language.h"
#include "analyzer/segment.h"
#include "analyzer/stance.h"
#include "analyzer/waivers.h"
#include "core/utf8.h"

namespace clausecheck::analyzer {

Verdict ComputeVerdict(const std::vector<Finding>& findings) {
  Verdict v = Verdict::kPass;
  for (const Finding& f : findings) {
    if (f.suppressed) continue;
    if (f.severity >= Severity::kHigh) return Verdict::kBlock;
    if (f.severity >= Severity::kLow) v = Verdict::kReview;
  }
  return v;
}

int ComputeRiskScore(const std::vector<Finding>& findings) {
  static constexpr double kWeight[] = {0.0, 0.04, 0.12, 0.3, 0.5};
  double clean = 1.0;
  for (const Finding& f : findings) {
    if (!f.suppressed) clean *= 1.0 - kWeight[static_cast<int>(f.severity)];
  }
  return static_cast<int>(std::lround(100.0 * (1.0 - clean)));
}

Review Analyze(Document doc, const Engine& engine, const AnalyzeOptions& options) {
  Review r;
  r.language = options.language.empty() ? DetectLanguage(doc) : options.language;
  r.clauses = Segment(doc);
  r.contract_types = DetectContractTypes(doc, r.clauses);
  ClauseScans scans;  // the clauses' literal scan, made once for classifiers and rules
  engine.Classify(r.language, &r.clauses, &scans);
  r.facts = ExtractFacts(doc, r.clauses, ExtractOptions{r.language, options.date_order});
  r.findings = engine.Evaluate(doc, r.language, r.clauses, r.contract_types, r.facts, &scans);
  for (Finding& f :
       engine.RunChecks(doc, r.language, r.clauses, r.facts, options.as_of, r.contract_types)) {
    r.findings.push_back(std::move(f));
  }
  for (const Block& b : doc.blocks) r.characters += utf8::CodePointCount(b.text);
  r.document = std::move(doc);
  ApplyStance(engine.ruleset(), options.stance, &r);
  FingerprintFindings(&r);
  ApplyWaivers(options.waivers, options.baseline, &r);
  // Suppressed findings stay in the report but do not count.
  for (size_t i = 0; i < r.findings.size(); ++i) {
    r.findings[i].id = "f" + std::to_string(i + 1);
    if (!r.findings[i].suppressed) ++r.counts[static_cast<int>(r.findings[i].severity)];
  }
  r.verdict = ComputeVerdict(r.findings);
  r.risk_score = ComputeRiskScore(r.findings);
  const Ruleset& rs = engine.ruleset();
  r.ruleset = RulesetInfo{rs.name, rs.version, static_cast<int>(rs.rules.size())};
  return r;
}

}  // namespace clausecheck::analyzer
