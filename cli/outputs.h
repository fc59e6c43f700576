// What `review` writes besides stdout: --json-output, --sarif-output,
// --summary and the per-input files of --output-dir. Each is written
// atomically (cli/common.h WriteFileAtomically); the run-wide ones once, at
// the end, from what the workers kept of each input in input order.
#ifndef CLAUSECHECK_CLI_OUTPUTS_H_
#define CLAUSECHECK_CLI_OUTPUTS_H_

#include <string>
#include <vector>

#include "analyzer/ruleset.h"
#include "reports/sarif.h"

namespace clausecheck::cli {

/// The rules of `ruleset` as SARIF describes them (severity overrides of the
/// configuration included, since they are applied to the ruleset).
std::vector<reports::SarifRule> SarifRules(const analyzer::Ruleset& ruleset);

/// A pretty JSON report as an element of a pretty array: every line two
/// spaces in, no trailing newline.
std::string AsArrayElement(const std::string& pretty);

/// What `--format json` prints: the one report of one input, else an array of
/// them (`[]` for none). `items` are pretty reports (reports::Serialize).
std::string JsonDocument(const std::vector<std::string>& items, bool array);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_OUTPUTS_H_
