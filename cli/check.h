// `clausecheck check`: the pre-signing gate.
//
// Reviews each file and gives it a verdict: BLOCK when anything blocking is
// left (by default: a critical or high finding, a missing core clause, and
// every draft finding: an unfilled placeholder, a pending tracked change, an
// open comment, hidden text), REVIEW when only lesser findings remain, PASS
// otherwise. Each blocking reason is listed with its rule and clause number.
// Exit 1 when any file is blocked, 2 on any error, 0 otherwise.
//
// --fail-on and --block-kinds (or the configuration's `check` section)
// tighten or relax the blocking set.
#ifndef CLAUSECHECK_CLI_CHECK_H_
#define CLAUSECHECK_CLI_CHECK_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/batch.h"
#include "cli/common.h"
#include "cli/config.h"
#include "cli/review.h"
#include "core/review.h"

namespace clausecheck::cli {

struct CheckOptions {
  BatchOptions batch;
  std::string fail_on = kCheckDefaultFailOn;
  std::vector<std::string> block_kinds;  // empty: the default (missing, draft)
  AnalysisFlags analysis;
};

/// Which findings block.
struct Gate {
  std::optional<Severity> fail_on;  // none: severity alone never blocks
  std::vector<Kind> kinds;          // every finding of these kinds blocks

  bool Blocks(const Finding& f) const;
};

/// BLOCK when a finding blocks, REVIEW when a finding of low severity or more
/// remains, PASS otherwise.
Verdict GateVerdict(const Review& review, const Gate& gate);

/// The verdict line and one line per blocking reason:
///   BLOCK   contract.docx
///     - clause 4.2: drafting.placeholder (high, draft): The contract ... "[●]"
void WriteGateResult(const Review& review, const Gate& gate, std::ostream& out);

CLI::App* AddCheckCommand(CLI::App* app, CheckOptions* o);

int RunCheck(const CLI::App& cmd, CheckOptions o, const Config& config, const Environment& env,
             std::ostream& out, std::ostream& err);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_CHECK_H_
