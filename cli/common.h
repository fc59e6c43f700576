// Helpers shared by the sub-commands: error lines, ruleset and XML-mapping
// options, dates, sizes and atomic file writes.
//
// Every command that reviews documents loads its Engine the same way:
// the embedded default playbook (unless switched off), then the configuration's
// rulesets, then --ruleset files, then the configuration's rule switches and
// severity overrides (cli/config.h).
#ifndef CLAUSECHECK_CLI_COMMON_H_
#define CLAUSECHECK_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/engine.h"
#include "analyzer/extract.h"
#include "analyzer/ruleset.h"
#include "core/result.h"
#include "parsers/xml.h"
#include "reports/json.h"

namespace clausecheck::cli {

struct Config;

reports::ToolInfo Tool();

/// "clausecheck: error: <line>" on `err`.
void PrintError(std::ostream& err, const std::string& line);

// Options shared by every command that loads a ruleset.
struct RulesetOptions {
  std::vector<std::string> files;
  bool no_default = false;
};

void AddRulesetOptions(CLI::App* cmd, RulesetOptions* o);

Result<std::string> ReadWholeFile(const std::string& path);

/// The default ruleset (unless switched off), then `config`'s rulesets, then
/// `o.files`, then `config`'s rule switches and severity overrides.
Result<analyzer::Ruleset> LoadRuleset(const RulesetOptions& o, const Config& config);
Result<analyzer::Engine> LoadEngine(const RulesetOptions& o, const Config& config);

// Mapping files for custom XML schemas: --xml-map FILE (repeatable) and every
// *.yaml / *.yml in --xml-map-dir, in name order; a document uses the first
// whose root element (and namespace) match.
struct XmlMapOptions {
  std::vector<std::string> files;
  std::string dir;
};

void AddXmlMapOptions(CLI::App* cmd, XmlMapOptions* o);
Result<parsers::XmlOptions> LoadXmlOptions(const XmlMapOptions& o);

/// `s` with its line breaks turned into spaces.
std::string OneLine(std::string s);

/// --date-order mdy|dmy|auto: how to read 01/02/2026.
void AddDateOrderOption(CLI::App* cmd, std::string* order);
analyzer::DateOrder ToDateOrder(const std::string& s);

/// --stance, --waivers, --baseline: whose side a review takes and which
/// findings are already accepted (review and check share them).
struct JudgementOptions {
  std::string stance = "neutral";
  std::string language = "auto";     // auto, en, zh, mixed
  std::vector<std::string> waivers;  // YAML files (analyzer/waivers.h)
  std::string baseline;              // an earlier JSON or JSONL report
};
void AddJudgementOptions(CLI::App* cmd, JudgementOptions* o);
/// Loads the waivers and the baseline's fingerprints into `analyze`; the
/// error names the file.
Result<bool> LoadJudgementOptions(const JudgementOptions& o, analyzer::AnalyzeOptions* analyze);

/// A calendar date written YYYY-MM-DD.
bool ValidDate(const std::string& s);

/// "1000", "512K", "20M", "1G" (powers of 1024). False on anything else.
bool ParseSize(const std::string& s, uint64_t* bytes);

/// Writes `content` to `path` atomically: a temporary file in the same
/// directory, then a rename, so a reader never sees half a report.
bool WriteFileAtomically(const std::string& path, const std::string& content, std::string* err);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_COMMON_H_
