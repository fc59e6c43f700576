// The console report: what a person reads in a terminal.
//
// Per document: path, verdict, risk score and counts; then missing clauses;
// then findings grouped by clause (clause number and heading), each with its
// severity, message, evidence and recommendation. Colour only when asked
// (the CLI asks when stdout is a terminal and NO_COLOR is unset).
#ifndef CLAUSECHECK_REPORTS_CONSOLE_H_
#define CLAUSECHECK_REPORTS_CONSOLE_H_

#include <ostream>
#include <string_view>

#include "core/result.h"
#include "core/review.h"

namespace clausecheck::reports {

struct ConsoleOptions {
  bool color = false;
};

/// One document: a header line (path, verdict, risk score, counts), then its
/// findings grouped by clause. A document without findings is one line.
void WriteConsole(const Review& review, const ConsoleOptions& options, std::ostream& out);

/// The line that takes the place of an input that could not be read:
/// "path  ERROR  code: message".
void WriteConsoleError(std::string_view path, const Error& error, const ConsoleOptions& options,
                       std::ostream& out);

/// `--format line`, for grep and editors: one line per finding that counts
/// (suppressed findings are left out),
///   path:block:column: severity rule-id message
/// block and column 1-based, the column in code points; a finding without a
/// location (a missing clause) is at 1:1. Control characters become spaces,
/// so a finding is always one line. No colour.
void WriteLines(const Review& review, std::ostream& out);

/// A batch's closing line: "N documents: P pass, R review, B block; E errors".
struct BatchTotals {
  int documents = 0;
  int pass = 0;
  int review = 0;
  int block = 0;
  int errors = 0;
};
void WriteConsoleTotals(const BatchTotals& totals, const ConsoleOptions& options,
                        std::ostream& out);

}  // namespace clausecheck::reports

#endif  // CLAUSECHECK_REPORTS_CONSOLE_H_
