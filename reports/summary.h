// Batch summaries: one table row per document of a run (`review --summary
// FILE`), as CSV (RFC 4180) or Markdown.
//
// Columns: path, verdict, risk score, finding counts by severity (critical,
// high, medium, low, info), parties (short names, else names, joined with
// "; "), effective date, end date, governing law, and the error for an input
// that could not be read (its other cells empty). Rows come in input order.
#ifndef CLAUSECHECK_REPORTS_SUMMARY_H_
#define CLAUSECHECK_REPORTS_SUMMARY_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/review.h"

namespace clausecheck::reports {

struct SummaryRow {
  std::string path;
  std::string verdict;  // pass, review, block; "error" for an input that failed
  int risk_score = 0;
  std::array<int, 5> counts{};  // indexed by Severity
  std::string parties;
  std::string effective_date;  // YYYY-MM-DD: the earliest effective (else start) date
  std::string end_date;        // the latest end date
  std::string governing_law;
  std::string error;  // "code: message" for an input that failed
};

SummaryRow SummaryRowFor(const Review& review);
SummaryRow SummaryRowForError(std::string_view path, const Error& error);

enum class SummaryFormat { kCsv, kMarkdown };

/// From the file name: .csv is CSV, .md and .markdown Markdown (any case).
/// False for anything else.
bool SummaryFormatFor(std::string_view file_name, SummaryFormat* format);

/// A header row, then one row per entry. CSV: cells with a comma, a double
/// quote, CR or LF are quoted, quotes doubled; lines end with CRLF as RFC 4180
/// says. Markdown: a pipe table; '|' and '\' are escaped with '\', line breaks
/// become <br>, and <, >, & are written as HTML entities.
std::string SummaryTable(const std::vector<SummaryRow>& rows, SummaryFormat format);

}  // namespace clausecheck::reports

#endif  // CLAUSECHECK_REPORTS_SUMMARY_H_
