// The default ruleset as rulesets/pack_ruleset.cc packed it at build time
// (analyzer/ruleset_pack.h), read by analyzer::DefaultRuleset().
#ifndef CLAUSECHECK_RULESETS_PACKED_H_
#define CLAUSECHECK_RULESETS_PACKED_H_

#include <string_view>

namespace clausecheck::rulesets {

std::string_view PackedDefault();

/// The analyses of its filtered patterns (analyzer::DefaultPatternAnalyses).
std::string_view PackedPatternAnalyses();

/// The compiled candidate filter of the engine's language bucket `bucket`
/// (analyzer::DefaultFilter), 4-byte aligned; empty if none was embedded.
std::string_view PackedFilter(int bucket);

}  // namespace clausecheck::rulesets

#endif  // CLAUSECHECK_RULESETS_PACKED_H_
