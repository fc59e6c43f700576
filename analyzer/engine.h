// Engine: a Ruleset compiled for matching, shared read-only across threads.
//
// Compile once per run. The `match` patterns of the rules that apply to a
// language and the classifiers' heading and text patterns go into one
// CandidateFilter (candidates.h) per document language: each clause is
// scanned once for the literals those patterns need, and only the candidate
// patterns then run on it, each confirmed by its own RE2. The memory of that
// scan is bounded by the literals, where one RE2::Set over the patterns grew
// caches of tens of megabytes. A filter is built on first use, per document
// language. When the scan cannot answer (its DFA ran out of memory, which
// RE2 reports like "no match" unless asked), every pattern is a candidate: a
// limit never turns into a silent "no findings".
//
//   auto engine = Engine::Compile(ruleset);
//   if (!engine.ok()) ...;
//   engine.value().Classify(lang, &clauses);
//   std::vector<Finding> findings = engine.value().Evaluate(doc, lang, clauses);
#ifndef CLAUSECHECK_ANALYZER_ENGINE_H_
#define CLAUSECHECK_ANALYZER_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ruleset.h"
#include "core/clause.h"
#include "core/document.h"
#include "core/fact.h"
#include "core/finding.h"
#include "core/result.h"

namespace clausecheck::analyzer {

/// Which rules run on a document: "en" runs en and any rules, "zh" zh and any,
/// "mixed" and "unknown" all of them.
bool LangApplies(Lang rule_lang, std::string_view doc_language);

/// Whether a rule's `for`/`not_for` lets it run on a contract of `types`.
bool TypesApply(const Rule& rule, const std::vector<std::string>& types);

class Engine {
 public:
  static Result<Engine> Compile(const Ruleset& ruleset);

  const Ruleset& ruleset() const;

  /// Assigns categories and tags to every clause. Categories and tags that
  /// come from a heading also hold for the clause's descendants (the clauses
  /// under "ARTICLE 9 LIMITATION OF LIABILITY" are about liability).
  void Classify(std::string_view doc_language, std::vector<Clause>* clauses) const;

  /// Runs every applicable rule. Findings come document-level first (in rule
  /// order), then by clause and rule order; ids are left empty for the caller.
  /// `types` are the contract's types; a rule with `for:` runs only when one
  /// of its types is among them, one with `not_for:` only when none is.
  /// `facts` are what `when` and `unless_document` conditions on facts read.
  std::vector<Finding> Evaluate(const Document& doc, std::string_view doc_language,
                                const std::vector<Clause>& clauses,
                                const std::vector<std::string>& types = {},
                                const std::vector<Fact>& facts = {}) const;

  /// Runs every applicable `check`, `occurrence`, `conflict` and `compare`
  /// rule over the contract's clauses and facts. `as_of`
  /// (YYYY-MM-DD or empty) is the reference date of date checks. Messages are
  /// filled from each hit's values; ids are left empty for the caller.
  std::vector<Finding> RunChecks(const Document& doc, std::string_view doc_language,
                                 const std::vector<Clause>& clauses, const std::vector<Fact>& facts,
                                 const std::string& as_of,
                                 const std::vector<std::string>& types = {}) const;

  /// How many times the literal scan could not answer and every pattern ran
  /// (for tests and diagnostics).
  long fallbacks() const;

 private:
  struct Impl;
  explicit Engine(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_ENGINE_H_
