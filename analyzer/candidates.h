// CandidateFilter: which of many patterns can match a text, found by
// scanning for their required literals only.
//
// Running hundreds of patterns as one RE2::Set builds a DFA whose states are
// the combinations of the patterns' half-finished matches; on contract text
// its cache grows to tens of megabytes. Most patterns cannot match without
// some literal words ("liability" and "exceed", or 违约金): RE2's FilteredRE2
// computes, for each pattern, an AND/OR formula over such lowercased literals
// (atoms) that holds on every text the pattern matches. The filter scans a
// text once for all atoms (one RE2::Set of case-insensitive literals, whose
// DFA states are bounded by the atoms' total length, as in Aho-Corasick),
// evaluates the formulas, and returns every pattern whose formula holds plus
// those without one. A candidate may still not match; every pattern that
// matches is a candidate. The caller confirms a candidate with pattern(i),
// the exact pattern, compiled once here.
//
//   CandidateFilter f;
//   int i = f.Add(R"((?i)\bliability\b[^.\n]{0,200}\bexceed)");
//   f.Compile();
//   std::vector<int> c;
//   f.Candidates("Liability shall not exceed the fees.", &c);  // c == {i}
//   RE2::PartialMatch(text, f.pattern(i));
#ifndef CLAUSECHECK_ANALYZER_CANDIDATES_H_
#define CLAUSECHECK_ANALYZER_CANDIDATES_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clausecheck::analyzer {

class CandidateFilter {
 public:
  CandidateFilter();
  ~CandidateFilter();
  CandidateFilter(const CandidateFilter&) = delete;
  CandidateFilter& operator=(const CandidateFilter&) = delete;

  /// Adds a pattern (RE2 syntax, must parse); returns its index, from 0.
  /// Each pattern is compiled here with a 2 MB memory budget (RE2's default
  /// 8 MB for one too large for it).
  int Add(const std::string& pattern);

  /// Prepares the atoms. Call once, after every Add and before Candidates.
  void Compile();

  /// The indices of the patterns that may match somewhere in `text`,
  /// ascending: every pattern that matches is among them. Returns false when
  /// the literal scan could not answer (its DFA ran out of memory); *out then
  /// holds every index.
  bool Candidates(std::string_view text, std::vector<int>* out) const;

  /// Pattern i, compiled.
  const RE2& pattern(int i) const;

  /// Diagnostics: the number of patterns, of distinct atoms, and of patterns
  /// with no formula (candidates for every text).
  int size() const { return static_cast<int>(index_.size()); }
  int atoms() const { return atom_count_; }
  int unfiltered() const;

 private:
  re2::FilteredRE2 filtered_;
  RE2::Set atom_set_;
  // By pattern: its index in filtered_, or -(1 + its index in big_) for a
  // pattern FilteredRE2 could not take, which is a candidate for every text.
  std::vector<int> index_;
  std::vector<int> filtered_to_pattern_;
  std::vector<std::unique_ptr<RE2>> big_;
  std::vector<int> always_;  // patterns in big_, ascending
  int atom_count_ = 0;
  bool compiled_ = false;
};

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_CANDIDATES_H_
