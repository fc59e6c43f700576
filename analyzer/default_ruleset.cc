// DefaultRuleset: the default ruleset as packed at build time
// (rulesets/pack_ruleset.cc), read without YAML; DefaultPatternAnalyses: its
// filtered patterns' analyses, made at the same time.
#include "analyzer/ruleset.h"
#include "analyzer/ruleset_pack.h"
#include "rulesets/packed.h"

namespace clausecheck::analyzer {

Result<Ruleset> DefaultRuleset() { return UnpackRuleset(rulesets::PackedDefault()); }

const PackedPatternAnalyses& DefaultPatternAnalyses() {
  static const PackedPatternAnalyses* const analyses = [] {
    auto read = PackedPatternAnalyses::Open(rulesets::PackedPatternAnalyses());
    return new PackedPatternAnalyses(read.ok() ? std::move(read.value()) : PackedPatternAnalyses{});
  }();
  return *analyses;
}

std::string_view DefaultFilter(int bucket) { return rulesets::PackedFilter(bucket); }

}  // namespace clausecheck::analyzer
