// Engine: a Ruleset compiled for matching, shared read-only across threads.
//
// Compile once per run. All `match` patterns of the rules that apply to a
// language go into one RE2::Set, as do the classifiers' heading and text
// patterns, so each clause is scanned once per set; only the candidate rules
// then run their own RE2 to confirm and find positions. The sets hold the
// patterns loosened (prefilter.h: no counted gaps, so the DFA stays small and
// fast) and are compiled on first use, per document language. When a set
// cannot answer (it is too large to compile, or the DFA ran out of memory,
// which RE2 reports like "no match" unless asked), the engine falls back to
// running every pattern one by one: a limit never turns into a silent "no
// findings".
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

  /// How many times a set could not answer and every pattern ran one by one
  /// (for tests and diagnostics).
  long fallbacks() const;

 private:
  struct Impl;
  explicit Engine(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_ENGINE_H_
