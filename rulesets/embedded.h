// The default ruleset files compiled into the binary by rulesets/embed.cmake.
#ifndef CLAUSECHECK_RULESETS_EMBEDDED_H_
#define CLAUSECHECK_RULESETS_EMBEDDED_H_

#include <string_view>
#include <utility>
#include <vector>

namespace clausecheck::rulesets {

/// (path relative to the repository, content) of each default ruleset file, in load order.
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedDefault();

}  // namespace clausecheck::rulesets

#endif  // CLAUSECHECK_RULESETS_EMBEDDED_H_
