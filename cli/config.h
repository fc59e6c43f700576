// Configuration: .clausecheck.yaml, the defaults a team keeps with its contracts.
//
// Found, in this order: --config FILE, the environment variable
// CLAUSECHECK_CONFIG, or the first .clausecheck.yaml from the current
// directory upward. Command-line flags override it; paths in it are relative to
// the file's directory. Every key is checked: an unknown key or a bad value is
// an error naming the file and line (exit 2).
//
//   rulesets: [playbooks/ours.yaml]        # added on top of the default
//   default_ruleset: true                  # false: start from an empty ruleset
//   rules:
//     disable: [zh.*, payment.late_interest]   # rule ids or fnmatch globs
//     enable: [zh.parties.missing]             # wins over disable
//     severity: {liability.uncapped: critical} # per rule id
//   fail_on: high                          # review's gate (never: none)
//   as_of: 2026-01-01
//   jobs: 4
//   max_file_size: 64M
//   output: {format: jsonl, output_dir: reports/, color: auto}
//   xml: {maps: [maps/clm.yaml], map_dir: maps/}
//   check: {fail_on: high, block_kinds: [missing, draft]}
//
// Sections are a table in config.cc (one parse function per top-level key), so
// that a new section is one entry there and one field here.
#ifndef CLAUSECHECK_CLI_CONFIG_H_
#define CLAUSECHECK_CLI_CONFIG_H_

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/ruleset.h"
#include "core/result.h"
#include "core/vocabulary.h"

namespace clausecheck::cli {

inline constexpr const char* kConfigFileName = ".clausecheck.yaml";

// `check` blocks, unless told otherwise, on findings at or above this
// severity and on every finding of these kinds.
inline constexpr const char* kCheckDefaultFailOn = "high";
inline const std::vector<Kind> kCheckDefaultBlockKinds = {Kind::kMissing, Kind::kDraft};

struct Config {
  std::string source;  // the file read; empty when there is none

  std::vector<std::string> rulesets;  // resolved against the file's directory
  std::optional<bool> default_ruleset;
  std::vector<std::string> disable_rules;  // rule ids or fnmatch(3) globs
  std::vector<std::string> enable_rules;
  std::vector<std::pair<std::string, Severity>> severity;  // rule id -> severity

  std::optional<std::string> fail_on;  // review: a severity or "never"
  std::optional<std::string> as_of;
  std::optional<int> jobs;
  std::optional<uint64_t> max_file_size;
  std::optional<std::string> format;
  std::optional<std::string> output_dir;
  std::optional<std::string> color;
  std::vector<std::string> xml_maps;
  std::optional<std::string> xml_map_dir;

  std::map<std::string, double> parameters;  // override the ruleset's, by name
  std::optional<std::string> stance;
  std::optional<std::string> language;
  std::optional<std::string> date_order;
  std::vector<std::string> waivers;  // files, resolved against the file's directory

  std::optional<std::string> check_fail_on;
  std::optional<std::vector<Kind>> check_block_kinds;

  // "file:line" of each key read ("rules.severity.liability.uncapped", ...),
  // for errors found after loading (a rule id that names no rule).
  std::map<std::string, std::string> where;
};

/// Parses a configuration file's text; `source` names it in errors and is the
/// base for relative paths.
Result<Config> ParseConfig(const std::string& yaml, const std::string& source);

/// Which file to read: `flag` (--config), else `env_value` (CLAUSECHECK_CONFIG),
/// else the first .clausecheck.yaml in `cwd` or above. Empty: none.
std::string FindConfigFile(const std::string& flag, const std::string& env_value,
                           const std::string& cwd);

/// Reads and parses `path` (empty: the empty configuration).
Result<Config> LoadConfig(const std::string& path);

/// Applies the rule switches and severity overrides to `rs`. A switch or
/// override that matches no rule is an error naming its place in the file.
Result<bool> ApplyRuleSettings(const Config& config, analyzer::Ruleset* rs);

/// The effective configuration as YAML (`clausecheck config show`): every key,
/// with the built-in default where the file sets none.
void WriteConfig(const Config& config, std::ostream& out);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_CONFIG_H_
