// CandidateFilter: which of many patterns can match a text, found by
// scanning for their required literals only.
//
// Running hundreds of patterns as one RE2::Set builds a DFA whose states are
// the combinations of the patterns' half-finished matches; on contract text
// its cache grows to tens of megabytes. Most patterns cannot match without
// some literal words ("liability" and "exceed", or 违约金): RequiredLiterals
// (literals.h) reads, from each pattern's syntax, an AND/OR formula over such
// lowercased literals (atoms) that holds on every text the pattern matches.
// The filter scans a text once for all atoms (one RE2::Set of
// case-insensitive literals, whose DFA states are bounded by the atoms' total
// length, as in Aho-Corasick), evaluates the formulas of the patterns that
// hold a found atom, and returns every pattern whose formula holds plus those
// without one. A candidate may still not match; every pattern that matches
// is a candidate. The caller confirms a candidate with Matches, which runs
// the pattern's loosened form (prefilter.h, cheaper to run where the exact
// pattern counts a long gap) and the exact pattern, or its alternatives,
// only where the loosened form cannot decide; Find gives where it matches.
// Each program compiles on first use; pattern(i) is the whole exact one.
//
//   CandidateFilter f;
//   int i = f.Add(R"((?i)\bliability\b[^.\n]{0,200}\bexceed)");
//   f.Compile();
//   std::vector<int> c;
//   f.Candidates("Liability shall not exceed the fees.", &c);  // c == {i}
//   f.Matches(i, "Liability shall not exceed the fees.");  // true
#ifndef CLAUSECHECK_ANALYZER_CANDIDATES_H_
#define CLAUSECHECK_ANALYZER_CANDIDATES_H_

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/literals.h"

namespace clausecheck::analyzer {

/// RE2 memory of an exact pattern (LazyPattern): its program and the DFA
/// caches that grow, up to this, with the variety of the text searched.
/// Hundreds of patterns each growing caches to RE2's default 8 MB held about
/// 27 MB in a batch; at 2 MB the exact patterns still held most of the peak
/// RSS of a batch of small files (docs/performance.md, "Memory, sixth
/// pass"). At 512 KB a large program's DFA may not start and RE2 runs its
/// NFA instead, at about a thousand instructions a byte. A candidate is
/// therefore confirmed by the exact pattern only where its loosened form
/// (which keeps 2 MB) has matched and cannot decide alone, and then
/// alternative by alternative, each a smaller program whose DFA fits
/// (CandidateFilter::Matches). Every pattern of the default ruleset
/// compiles within it (pattern_size_test.cc).
inline constexpr int64_t kExactPatternMemory = int64_t{512} << 10;

/// One pattern, compiled on first use (thread-safe): many patterns are
/// never needed in a run. It gets `max_mem` (kExactPatternMemory for an
/// exact pattern); a pattern too large to compile within that gets RE2's
/// default. Given options instead, it compiles with those as they are: a
/// function-local `static const LazyPattern` costs nothing until a text
/// first needs it, where a `static const RE2` compiles on the first call
/// even when a gate then skips it (docs/performance.md, "Startup: the
/// extractors' patterns"). It converts to the RE2 it compiles, so it stands
/// wherever a `const RE2&` is taken.
class LazyPattern {
 public:
  explicit LazyPattern(std::string pattern, int64_t max_mem = kExactPatternMemory);
  LazyPattern(std::string pattern, const RE2::Options& options)
      : pattern_(std::move(pattern)), options_(options), retry_(false) {}
  const RE2& operator*() const;
  const RE2* operator->() const { return &**this; }
  operator const RE2&() const { return **this; }  // NOLINT: stands for its RE2
  /// The pattern's text (compiles nothing).
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  RE2::Options options_;
  bool retry_;  // with RE2's default max_mem when the pattern does not compile
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

/// What CandidateFilter::Add reads from a pattern's syntax (its loosened
/// form, its alternatives, the formula of its required literals): a pure
/// function of the pattern's text, computed by Analyze. Reading it costs
/// about 150,000 instructions for a long pattern, half of a start on a
/// small file; the default ruleset's patterns are therefore analysed at
/// build time and embedded (DefaultPatternAnalyses, ruleset_pack.h).
struct PatternAnalysis {
  /// A top-level alternative that loosening changes (CandidateFilter's
  /// Split): the alternative, its loosened form and Loosen's same_up_to.
  struct Alternative {
    std::string exact, loose;
    long same_up_to = 0;
    bool operator==(const Alternative& other) const = default;
  };
  bool loosened = false;  // loosening changed the pattern
  std::string loose;      // loosened: the loosened form
  long same_up_to = 0;    // loosened: Loosen's same_up_to
  bool split = false;     // loosened and split into its top-level alternatives
  std::string plain;      // split: the alternatives loosening leaves, joined ("" if none)
  std::vector<Alternative> alternatives;  // split: the others
  LiteralFormula formula;                 // "all": a candidate for every text
  bool operator==(const PatternAnalysis& other) const = default;
};

class CandidateFilter {
 public:
  CandidateFilter();
  ~CandidateFilter();
  CandidateFilter(const CandidateFilter&) = delete;
  CandidateFilter& operator=(const CandidateFilter&) = delete;

  /// Adds a pattern (RE2 syntax, must parse); returns its index, from 0.
  int Add(const std::string& pattern) { return Add(pattern, Analyze(pattern)); }
  /// Adds a pattern with its analysis, which must be Analyze(pattern).
  int Add(const std::string& pattern, PatternAnalysis analysis);
  /// The analysis Add makes of `pattern`.
  static PatternAnalysis Analyze(const std::string& pattern);

  /// Prepares the atoms. Call once, after every Add and before Candidates.
  /// Given `prebuilt` (PackCompiled of a filter to which the same patterns
  /// were added in the same order, embedded at build time for the default
  /// ruleset), uses it in place, unless it is of other patterns or does not
  /// read, and then compiles as without it. `prebuilt` must then outlive the
  /// filter and be 4-byte aligned. Where `trusted` (bytes this binary
  /// embeds, which the tests check whole with CheckPacked), only their
  /// header, fingerprint and sizes are checked, not every number, so that
  /// a start reads only the pages a scan touches.
  void Compile(std::string_view prebuilt = {}, bool trusted = false);

  /// Whether PackCompiled's `bytes` hold together: every count, index and
  /// atom number in range, the automaton's fail links and outputs as
  /// AtomScanner::Unpack checks them.
  static bool CheckPacked(std::string_view bytes);

  /// The compiled filter as bytes for Compile's `prebuilt`; empty where its
  /// literal scan is not a full DFA (AtomScanner::Pack).
  std::string PackCompiled() const;

  /// Whether Compile used its `prebuilt` bytes (tests and diagnostics).
  bool prebuilt() const { return prebuilt_; }

  /// Whether `prebuilt` (PackCompiled's bytes) is of these patterns, in
  /// this order, as far as its header says: then Compile will use it (if
  /// the rest reads), and the patterns' analyses need no formulas (a
  /// pattern added with the "all" formula would otherwise be a candidate
  /// for every text: slower, never wrong).
  static bool PrebuiltFor(std::string_view prebuilt, const std::vector<std::string_view>& patterns);

  /// The indices of the patterns that may match somewhere in `text`,
  /// ascending: every pattern that matches is among them.
  void Candidates(std::string_view text, std::vector<int>* out) const;

  /// Pattern i, compiled (on first use, as a LazyPattern).
  const RE2& pattern(int i) const;

  /// Whether pattern i's loosened form matches somewhere in `text`, which it
  /// does wherever pattern i does (true for a pattern that loosening does not
  /// change). Cheap where the exact pattern is not: a gap such as
  /// [^.\n]{0,400} makes the exact pattern's DFA count positions.
  bool LooseMatch(int i, std::string_view text) const;

  /// Whether loosening changed pattern i (it has a loosened form).
  bool Loosened(int i) const { return loose_[i] != nullptr; }

  /// Whether pattern i matches somewhere in `text` (its loosened form first;
  /// the exact pattern only where LooseIsExact is false).
  bool Matches(int i, std::string_view text) const;

  /// Pattern i's first match in `text` at or after byte `pos`: what
  /// pattern(i).Match(text, pos, text.size(), RE2::UNANCHORED, out, 1)
  /// finds, `text` before `pos` being the context of ^ and \b. A split
  /// pattern is searched alternative by alternative, so that its whole
  /// exact program (the largest of all, up to 19,000 instructions, a third
  /// of the compiling a review does) need not be compiled: an alternative
  /// runs only where its loosened form matches, and the match is the
  /// leftmost alternative's, the earlier one where two start at the same
  /// byte. Only where the joined unloosened alternatives (`plain`) and
  /// another start at the same byte, whose order the join has lost, does
  /// the whole pattern decide.
  bool Find(int i, std::string_view text, size_t pos, re2::StringPiece* out) const;

  /// Whether pattern i's loosened form matches the same substrings of `text`
  /// as the exact pattern: `text` is no longer than every bound loosening
  /// widened (prefilter.h, Loosen's same_up_to), so no gap can run past its
  /// old bound in it. Most clause texts are shorter than gaps such as
  /// [^.\n]{0,200}, and on them the exact pattern, whose DFA may not fit in
  /// kExactPatternMemory and which then runs as an NFA at about a thousand
  /// instructions a byte, need not run (docs/performance.md).
  bool LooseIsExact(int i, std::string_view text) const;

  /// Diagnostics: the number of patterns, of distinct atoms, and of patterns
  /// with no formula (candidates for every text).
  int size() const { return static_cast<int>(exact_.size()); }
  int atoms() const { return atoms_.size(); }
  int unfiltered() const { return static_cast<int>(always_.size()); }

 private:
  // The formulas, as trees evaluated bottom up from the atoms found: an
  // AND or OR node holds once `need` of its kids hold (all of them, or one);
  // a node that holds tells its parent, and a root that holds makes its
  // pattern a candidate. The cost follows the atoms found, not the patterns.
  struct Node {
    int need;     // kids that must hold
    int parent;   // or -1 for a root
    int pattern;  // a root's pattern, else -1
  };
  void Flatten(const LiteralFormula& f, int parent, int pattern);
  // A fingerprint of the patterns added, in order (PackCompiled).
  uint64_t Fingerprint() const;
  // Compile from PackCompiled's bytes; false (nothing changed) if they are
  // not of these patterns or do not read.
  bool CompileFrom(std::string_view prebuilt, bool trusted);

  // A loosened pattern's top-level alternatives, for confirming a text on
  // which the whole exact pattern would run as an NFA, and for finding a
  // match without compiling the whole (Find): the alternatives
  // loosening leaves as they are, joined again (`plain`, null if none), and
  // each of the others with its loosened form and Loosen's same_up_to. Each
  // is a much smaller program than the whole, whose DFA fits its budget.
  struct Alternative {
    std::unique_ptr<LazyPattern> exact, loose;
    long same_up_to = 0;
  };
  struct Split {
    std::unique_ptr<LazyPattern> plain;
    std::vector<Alternative> loosened;
  };
  static bool Fits(long same_up_to, std::string_view text);

  AtomScanner atoms_;
  std::vector<std::unique_ptr<LazyPattern>> exact_;  // by pattern
  std::vector<std::unique_ptr<LazyPattern>>
      loose_;                     // by pattern; null where loosening changes nothing
  std::vector<long> same_up_to_;  // by pattern: Loosen's same_up_to, 0 where loose_ is null
  std::vector<std::unique_ptr<Split>> split_;  // by pattern; null where not split
  // By atom, until Compile: the nodes it is a kid of (>= 0) and the patterns
  // whose whole formula it is (-1 - pattern).
  std::vector<std::vector<int>> atom_uses_;
  // After Compile, the same in one array: atom a's in
  // [uses_begin_[a], uses_begin_[a + 1]), so that a found atom costs one
  // load, not a vector's header and then its data.
  std::vector<int> uses_begin_;
  std::vector<int> uses_;
  std::vector<Node> nodes_;
  // Patterns without a formula (nothing required), ascending: candidates
  // for every text.
  std::vector<int> always_;
  // By pattern, until Compile: its formula, flattened by Compile unless the
  // filter comes prebuilt.
  std::vector<LiteralFormula> formulas_;
  bool prebuilt_ = false;
};

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_CANDIDATES_H_
