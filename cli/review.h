// `clausecheck review`: the batch review of files and directories.
//
// Each input is parsed and analysed on a worker thread; reports come out in
// input order (console, json, jsonl, sarif or line), optionally also written
// to files (--json-output, --sarif-output, --summary, --docx-output) and per
// input under --output-dir (cli/outputs.h). An unreadable input gets an error record in its
// place and the batch goes on; the exit code says what happened (cli/app.h).
#ifndef CLAUSECHECK_CLI_REVIEW_H_
#define CLAUSECHECK_CLI_REVIEW_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "analyzer/analyze.h"
#include "cli/app.h"
#include "cli/batch.h"
#include "cli/common.h"
#include "cli/config.h"
#include "cli/inputs.h"
#include "core/review.h"
#include "parsers/parse.h"

namespace clausecheck::cli {

/// What review and check share: which rules, and how inputs are read and
/// judged.
struct AnalysisFlags {
  std::string as_of;
  std::string date_order = "auto";
  JudgementOptions judgement;
  RulesetOptions rulesets;
  XmlMapOptions xml_maps;
};

/// --date-order, --stance, --language, --waivers, --baseline, --ruleset,
/// --no-default-ruleset, --xml-map, --xml-map-dir (each command adds its own
/// --as-of, whose help differs).
void AddAnalysisFlags(CLI::App* cmd, AnalysisFlags* o);

/// Everything a batch of reviews needs, loaded once.
struct PreparedAnalysis {
  BatchPlan plan;
  analyzer::Engine engine;
  parsers::XmlOptions xml;
  analyzer::AnalyzeOptions analyze;
  parsers::Limits limits;
};

/// Takes the flags not given on the command line from `config`, validates
/// them, plans the batch and loads the ruleset, XML mappings, waivers and
/// baseline. The error is one line for the user.
Result<PreparedAnalysis> PrepareAnalysis(const CLI::App& cmd, AnalysisFlags flags,
                                         const BatchOptions& batch, const Config& config,
                                         const Environment& env);

struct ReviewOptions {
  BatchOptions batch;
  AnalysisFlags analysis;
  std::string format = "console";
  std::string fail_on = "never";
  std::string output_dir;
  std::string docx_output;
  std::string html_output;
  std::string json_output;   // what --format json prints, to a file
  std::string sarif_output;  // the SARIF log of the run
  std::string summary;       // a CSV or Markdown table of the documents
  std::string color = "auto";
};

/// Parses and analyses one input; the error names the input.
Result<Review> ReviewInput(const Input& input, const parsers::Limits& limits,
                           const parsers::XmlOptions& xml, const analyzer::Engine& engine,
                           const analyzer::AnalyzeOptions& options);

CLI::App* AddReviewCommand(CLI::App* app, ReviewOptions* o);

/// `cmd` tells which options were given on the command line: those not given
/// come from `config`.
int RunReview(const CLI::App& cmd, ReviewOptions o, const Config& config, const Environment& env,
              std::ostream& out, std::ostream& err);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_REVIEW_H_
