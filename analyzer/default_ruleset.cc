// DefaultRuleset: the default ruleset as packed at build time
// (rulesets/pack_ruleset.cc), read without YAML.
#include "analyzer/ruleset.h"
#include "analyzer/ruleset_pack.h"
#include "rulesets/packed.h"

namespace clausecheck::analyzer {

Result<Ruleset> DefaultRuleset() { return UnpackRuleset(rulesets::PackedDefault()); }

}  // namespace clausecheck::analyzer
