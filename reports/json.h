// The JSON report, schema "clausecheck/report@1" (reports/schema/report.schema.json,
// documented in docs/report-format.md).
//
// ReportJsonText writes the report of one Review (ReportJson: the same as an
// object); ErrorJson the record that takes
// the place of an input that could not be read. Nothing in a report depends on
// the machine it ran on except document.path.
#ifndef CLAUSECHECK_REPORTS_JSON_H_
#define CLAUSECHECK_REPORTS_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/review.h"

namespace clausecheck::reports {

inline constexpr std::string_view kReportSchema = "clausecheck/report@1";

struct ToolInfo {
  std::string name = "clausecheck";
  std::string version;
};

/// The report for one Review as JSON text, keys in the documented order:
/// pretty (2-space indent) or one line (jsonl), with a trailing newline. The
/// same bytes as Serialize(ReportJson(...)), written straight from the Review
/// without a tree. Absent optional values (no number, no clause, no
/// location...) are null, never "".
std::string ReportJsonText(const Review& review, const ToolInfo& tool, bool pretty);

/// The same report as an object (read back from ReportJsonText).
nlohmann::ordered_json ReportJson(const Review& review, const ToolInfo& tool);

/// The report's "facts" object on its own (`clausecheck dump --facts`).
nlohmann::ordered_json FactsReportJson(const std::vector<Fact>& facts);

/// {"schema", "tool", "document": {"path"}, "error": {"code", "message"}}
nlohmann::ordered_json ErrorJson(std::string_view path, const Error& error, const ToolInfo& tool);

/// Serialises: pretty (2-space indent, trailing newline) or one line (jsonl).
std::string Serialize(const nlohmann::ordered_json& j, bool pretty);

}  // namespace clausecheck::reports

#endif  // CLAUSECHECK_REPORTS_JSON_H_
