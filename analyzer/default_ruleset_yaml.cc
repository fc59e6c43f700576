// DefaultRulesetFromYaml, apart from the loader so that a binary that only
// unpacks the default ruleset (DefaultRuleset) does not link its YAML text.
#include "analyzer/ruleset.h"
#include "rulesets/embedded.h"

namespace clausecheck::analyzer {

Result<Ruleset> DefaultRulesetFromYaml() {
  Ruleset all;
  for (const auto& [name, content] : rulesets::EmbeddedDefault()) {
    auto rs = ParseRuleset(content, name);
    if (!rs.ok()) return rs.error();
    auto merged = MergeRuleset(rs.value(), &all);
    if (!merged.ok()) return merged.error();
  }
  return all;
}

}  // namespace clausecheck::analyzer
