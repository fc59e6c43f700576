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
//   ClauseScans scans;  // optional: one literal scan a clause, not two
//   engine.value().Classify(lang, &clauses, &scans);
//   std::vector<Finding> findings =
//       engine.value().Evaluate(doc, lang, clauses, types, facts, &scans);
#ifndef CLAUSECHECK_ANALYZER_ENGINE_H_
#define CLAUSECHECK_ANALYZER_ENGINE_H_

#include <cstddef>
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

/// What Engine::Classify found when it scanned each clause's text for the
/// literals of the document language's patterns (the classifiers' and the
/// rules' alike: one CandidateFilter holds both), kept so that
/// Engine::Evaluate takes the rules' candidates from the same scan instead of
/// scanning every clause again. Evaluate uses a clause's scan only when the
/// language's patterns are the same and the clause's text is the one scanned
/// (same length and hash), and scans again otherwise, so a stale or foreign
/// ClauseScans costs time, never a finding.
class ClauseScans {
 public:
  /// How many clauses' scans Evaluate took from here, and how many it redid
  /// (tests and diagnostics).
  long reused() const { return reused_; }
  long rescanned() const { return rescanned_; }

 private:
  friend class Engine;
  struct Scan {
    size_t size = 0;
    size_t hash = 0;
    std::vector<int> ids;  // candidate pattern ids, ascending
  };
  int bucket_ = -1;          // which language's patterns; -1: none yet
  std::vector<Scan> scans_;  // by clause
  mutable long reused_ = 0;
  mutable long rescanned_ = 0;
};

class Engine {
 public:
  /// Takes the ruleset by value: a caller that is done with it moves it in.
  static Result<Engine> Compile(Ruleset ruleset);

  const Ruleset& ruleset() const;

  /// The compiled candidate filter of each document language's patterns
  /// (CandidateFilter::PackCompiled; empty for one without a full DFA), for
  /// the build to embed those of the default ruleset, which Compile then
  /// uses (DefaultFilter) instead of building them at every start.
  std::vector<std::string> PackFilters() const;
  /// Diagnostics and tests: whether language bucket `bucket`'s filter
  /// (built on first use) was the embedded one.
  bool FilterPrebuilt(int bucket) const;

  /// Assigns categories and tags to every clause. Categories and tags that
  /// come from a heading also hold for the clause's descendants (the clauses
  /// under "ARTICLE 9 LIMITATION OF LIABILITY" are about liability).
  /// With `scans`, the literal scan of each clause's text is kept there for
  /// Evaluate on the same clauses.
  void Classify(std::string_view doc_language, std::vector<Clause>* clauses,
                ClauseScans* scans = nullptr) const;

  /// Runs every applicable rule. Findings come document-level first (in rule
  /// order), then by clause and rule order; ids are left empty for the caller.
  /// `types` are the contract's types; a rule with `for:` runs only when one
  /// of its types is among them, one with `not_for:` only when none is.
  /// `facts` are what `when` and `unless_document` conditions on facts read.
  /// `scans`, from Classify on these clauses, saves scanning each clause
  /// again; the findings are the same with or without it.
  std::vector<Finding> Evaluate(const Document& doc, std::string_view doc_language,
                                const std::vector<Clause>& clauses,
                                const std::vector<std::string>& types = {},
                                const std::vector<Fact>& facts = {},
                                const ClauseScans* scans = nullptr) const;

  /// Runs every applicable `check`, `occurrence`, `conflict` and `compare`
  /// rule over the contract's clauses and facts. `as_of`
  /// (YYYY-MM-DD or empty) is the reference date of date checks. Messages are
  /// filled from each hit's values; ids are left empty for the caller.
  std::vector<Finding> RunChecks(const Document& doc, std::string_view doc_language,
                                 const std::vector<Clause>& clauses, const std::vector<Fact>& facts,
                                 const std::string& as_of,
                                 const std::vector<std::string>& types = {}) const;

 private:
  struct Impl;
  explicit Engine(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_ENGINE_H_
