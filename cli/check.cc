#include "cli/check.h"

#include <algorithm>
#include <sstream>

#include "analyzer/analyze.h"
#include "cli/review.h"
#include "parsers/parse.h"

namespace clausecheck::cli {
namespace {

std::string VerdictWord(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "PASS  ";
    case Verdict::kReview: return "REVIEW";
    case Verdict::kBlock: return "BLOCK ";
  }
  return "";
}

// "clause 4.2", or the heading or id when the clause has no number;
// "document" for findings about the whole contract (a missing clause).
std::string ClausePlace(const Review& review, const Finding& f) {
  if (f.clause_id.empty()) return "document";
  for (const Clause& c : review.clauses) {
    if (c.id != f.clause_id) continue;
    if (!c.number.empty()) return "clause " + CitedNumber(review.clauses, c);
    if (!c.heading.empty()) return "clause \"" + c.heading + "\"";
    break;
  }
  return "clause " + f.clause_id;
}

}  // namespace

bool Gate::Blocks(const Finding& f) const {
  if (f.suppressed) return false;  // waived or in the baseline
  return (fail_on && f.severity >= *fail_on) ||
         std::find(kinds.begin(), kinds.end(), f.kind) != kinds.end();
}

Verdict GateVerdict(const Review& review, const Gate& gate) {
  Verdict v = Verdict::kPass;
  for (const Finding& f : review.findings) {
    if (gate.Blocks(f)) return Verdict::kBlock;
    if (f.severity >= Severity::kLow) v = Verdict::kReview;
  }
  return v;
}

void WriteGateResult(const Review& review, const Gate& gate, std::ostream& out) {
  const Verdict v = GateVerdict(review, gate);
  out << VerdictWord(v) << "  " << review.document.path;
  if (v == Verdict::kReview) {
    const auto n = std::count_if(review.findings.begin(), review.findings.end(),
                                 [](const Finding& f) { return f.severity >= Severity::kLow; });
    out << "  (" << n << (n == 1 ? " finding" : " findings") << " below the gate)";
  }
  out << "\n";
  for (const Finding& f : review.findings) {
    if (!gate.Blocks(f)) continue;
    out << "  - " << ClausePlace(review, f) << ": " << f.rule << " (" << Name(f.severity) << ", "
        << Name(f.kind) << "): " << OneLine(f.message);
    if (!f.evidence.empty()) out << " \"" << OneLine(f.evidence) << "\"";
    out << "\n";
  }
}

CLI::App* AddCheckCommand(CLI::App* app, CheckOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "check",
      "Pre-signing gate: BLOCK / REVIEW / PASS per contract with the blocking reasons; exit 1 "
      "when any is blocked");
  AddBatchOptions(cmd, &o->batch, /*changed_since=*/false);
  cmd->add_option("--fail-on", o->fail_on,
                  "Block on findings at or above this severity (info, low, medium, high, "
                  "critical; never = severity alone does not block)")
      ->capture_default_str();
  cmd->add_option("--block-kinds", o->block_kinds,
                  "Block on every finding of these kinds (missing, risky, invalid, inconsistent, "
                  "draft; 'none' for none; default: missing and draft)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--as-of", o->analysis.as_of, "Reference date YYYY-MM-DD for date checks");
  AddAnalysisFlags(cmd, &o->analysis);
  return cmd;
}

int RunCheck(const CLI::App& cmd, CheckOptions o, const Config& config, const Environment& env,
             std::ostream& out, std::ostream& err) {
  if (cmd.count("--fail-on") == 0 && config.check_fail_on) o.fail_on = *config.check_fail_on;

  Gate gate;
  if (o.fail_on != "never") {
    Severity s;
    if (!ParseSeverity(o.fail_on, &s)) {
      PrintError(err, "--fail-on must be info, low, medium, high, critical or never");
      return kExitError;
    }
    gate.fail_on = s;
  }
  if (cmd.count("--block-kinds") == 0) {
    gate.kinds = config.check_block_kinds.value_or(kCheckDefaultBlockKinds);
  } else {
    for (const std::string& name : o.block_kinds) {
      Kind k;
      if (name == "none") continue;
      if (!ParseKind(name, &k)) {
        PrintError(err, "--block-kinds: unknown kind '" + name +
                            "' (missing, risky, invalid, inconsistent, draft or none)");
        return kExitError;
      }
      gate.kinds.push_back(k);
    }
  }
  auto prepared = PrepareAnalysis(cmd, o.analysis, o.batch, config, env);
  if (!prepared.ok()) {
    PrintError(err, prepared.error().ToString());
    return kExitError;
  }
  const PreparedAnalysis& run = prepared.value();
  const std::vector<Input>& inputs = run.plan.inputs;

  auto work = [&](size_t i) {
    Outcome outcome;
    outcome.path = inputs[i].path;
    auto review = ReviewInput(inputs[i], run.limits, run.xml, run.engine, run.analyze);
    if (!review.ok()) {
      outcome.error = review.error();
      outcome.out = "ERROR   " + inputs[i].path + ": " + review.error().message + "\n";
      return outcome;
    }
    outcome.verdict = GateVerdict(review.value(), gate);
    outcome.gate_failed = outcome.verdict == Verdict::kBlock;
    std::ostringstream text;
    WriteGateResult(review.value(), gate, text);
    outcome.out = text.str();
    return outcome;
  };
  bool blocked = false;
  auto write = [&](size_t, const Outcome& outcome) {
    blocked = blocked || outcome.gate_failed;
    out << outcome.out;
    out.flush();
  };
  BatchResult batch = DriveBatch(run.plan, o.batch, env, work, write, err);
  if (batch.interrupted) return kExitInterrupted;
  if (batch.totals.errors > 0) return kExitError;
  return blocked ? kExitGateFailed : kExitOk;
}

}  // namespace clausecheck::cli
