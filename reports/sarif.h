// The SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format):
// findings in the format code-scanning tools, CI dashboards and editors read.
// Documented in docs/report-format.md; validated against the official schema
// (reports/schema/sarif-2.1.0.schema.json) in tests.
//
// One log, one run, for all the inputs of a clausecheck run. Each input is an
// artifact; each finding a result whose region is the block (as line) and the
// code points (as columns) of its evidence, and whose logical location is its
// clause. An input that could not be read is a tool execution notification
// (and makes the invocation unsuccessful). Nothing in the log depends on the
// time or the machine, so it can be compared with a golden file.
//
// SarifEntryFor runs on a worker thread and keeps only what the log needs of
// a Review; SarifLog assembles the entries, in input order, at the end.
#ifndef CLAUSECHECK_REPORTS_SARIF_H_
#define CLAUSECHECK_REPORTS_SARIF_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/review.h"
#include "reports/json.h"

namespace clausecheck::reports {

inline constexpr std::string_view kSarifSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// What the log says about a rule (tool.driver.rules): from the ruleset the
/// run used, severity overrides included.
struct SarifRule {
  std::string id;
  Category category = Category::kGeneral;
  Kind kind = Kind::kRisky;
  Severity severity = Severity::kMedium;
  std::string language;  // en, zh or any
  std::string message;
  std::string recommendation;
  std::string basis;  // legal basis or rationale; may be empty
};

/// One input's share of the log.
struct SarifEntry {
  std::string path;    // as given: the artifact's URI is made from it
  std::string sha256;  // empty for an input that could not be read
  std::optional<Error> error;
  struct Item {
    Finding finding;
    std::string clause_name;  // cited clause number, else heading, else id; empty: none
    std::string clause_full;  // number and heading
    std::string clause_id;
    int clause_line = 0;  // 1-based first block of the clause, 0: none
  };
  std::vector<Item> items;
};

SarifEntry SarifEntryFor(const Review& review);
SarifEntry SarifEntryForError(std::string_view path, const Error& error);

/// SARIF severity level: critical and high are "error", medium "warning",
/// low and info "note".
std::string_view SarifLevel(Severity s);

/// A path as a URI reference: relative paths stay relative ('/' kept, every
/// byte outside RFC 3986's unreserved set percent-encoded, so "a b:c.txt" is
/// "a%20b%3Ac.txt"); absolute paths become file:// URIs.
std::string PathToUri(std::string_view path);

/// The whole log. `rules` describes the rules of the run; tool.driver.rules
/// lists those that produced a result, sorted by id (a rule missing from
/// `rules` is described from its finding).
nlohmann::ordered_json SarifLog(const std::vector<SarifEntry>& entries, const ToolInfo& tool,
                                const std::vector<SarifRule>& rules);

}  // namespace clausecheck::reports

#endif  // CLAUSECHECK_REPORTS_SARIF_H_
