// A loaded Ruleset written as compact bytes and read back, so that the default
// ruleset is not parsed from YAML at every start.
//
// The build runs rulesets/pack_ruleset.cc, which loads the embedded YAML files
// with the ordinary loader (DefaultRulesetFromYaml, every pattern checked) and
// writes PackRuleset's bytes into the binary; DefaultRuleset() unpacks them.
// UnpackRuleset(PackRuleset(rs)) == rs, every field; the fact selectors'
// patterns are compiled again on reading, as the loader compiles them.
//
// The format is private to one build (the bytes are made and read by the same
// code): a version byte, then each struct's fields in declaration order;
// unsigned integers as LEB128 varints, strings and lists as a length and their
// contents, doubles as their 8 bytes little-endian, optionals as a 0/1 byte
// then the value. Reading checks every length against the bytes left, every
// enum against its range, and that the bytes are exactly what the writer
// would write for what was read (shortest varints, map keys in order), and
// fails with an Error instead of reading past the end.
#ifndef CLAUSECHECK_ANALYZER_RULESET_PACK_H_
#define CLAUSECHECK_ANALYZER_RULESET_PACK_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyzer/candidates.h"
#include "analyzer/ruleset.h"
#include "core/result.h"

namespace clausecheck::analyzer {

std::string PackRuleset(const Ruleset& rs);

Result<Ruleset> UnpackRuleset(std::string_view bytes);

/// Analyses of patterns (CandidateFilter::Analyze), by pattern text.
using PatternAnalyses = std::unordered_map<std::string, PatternAnalysis>;

/// The same format for pattern analyses: each pattern, in order, with its
/// analysis packed on its own, so that one can be read without the others.
std::string PackPatternAnalyses(const PatternAnalyses& analyses);

/// Packed pattern analyses, found by pattern text and read one at a time,
/// when a filter needs it: a run on English documents reads none of the
/// Chinese patterns' analyses, and none stays in memory after its filter is
/// built.
class PackedPatternAnalyses {
 public:
  PackedPatternAnalyses() = default;
  /// Indexes `bytes`, which must outlive the result.
  static Result<PackedPatternAnalyses> Open(std::string_view bytes);
  /// The analysis of `pattern`; nullopt if it is not there (or does not
  /// read). Without `formula`, its formula is not read and is left "all"
  /// (for a filter that comes prebuilt, which has the formulas compiled).
  std::optional<PatternAnalysis> Find(std::string_view pattern, bool formula = true) const;
  size_t size() const { return index_.size(); }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> index_;  // by pattern: its record
};

/// The parts a classifier's heading or text pattern is scanned for by as
/// well as whole: its top-level alternatives (Alternatives, prefilter.h),
/// none if it has one. A clause is classified where some part matches, and
/// only the parts whose own literals the clause holds need to run, so that
/// a pattern of twenty alternatives compiles the two a clause may match,
/// not all twenty.
std::vector<std::string> ClassifierParts(const std::string& pattern);

/// The patterns of `rs` that the engine scans for with a CandidateFilter:
/// the rules' match patterns and the classifiers' heading and text
/// patterns and their ClassifierParts, each once, in order.
std::vector<std::string> FilteredPatterns(const Ruleset& rs);

/// The analyses of the default ruleset's FilteredPatterns, made at build
/// time (rulesets/pack_ruleset.cc) and indexed on first use; empty if they
/// do not read back, which costs only the time to analyse the patterns
/// again.
const PackedPatternAnalyses& DefaultPatternAnalyses();

/// The default ruleset's compiled candidate filter for the engine's
/// language bucket `bucket` (Engine::PackFilters, embedded at build time),
/// or empty. 4-byte aligned, for the life of the program.
std::string_view DefaultFilter(int bucket);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_RULESET_PACK_H_
