// The HTML report: one self-contained page per Review (docs/html-report.md).
//
// ReportHtml writes a summary header (path, language, contract types, verdict,
// risk score, counts), a clause outline, the facts (parties, dates, amounts,
// durations, rates, governing law, forums), the findings (missing clauses
// first), filterable by severity and category, and the contract text block by
// block with the clause numbers, each finding's evidence highlighted and
// linked to its card and back. CSS and script are inline and nothing refers
// outside the file: the page opens offline, can be mailed, and a
// Content-Security-Policy lets only its own script run. With scripts off
// everything is shown. Every piece of text from the document, the ruleset or
// the facts goes through HtmlEscape.
//
// The page depends only on the Review and the tool version (no clock, no
// machine path beyond document.path), so it can be a golden file.
#ifndef CLAUSECHECK_REPORTS_HTML_H_
#define CLAUSECHECK_REPORTS_HTML_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/review.h"
#include "reports/json.h"

namespace clausecheck::reports {

/// The page for one Review, UTF-8.
std::string ReportHtml(const Review& review, const ToolInfo& tool);

/// The page that takes the place of an input that could not be read.
std::string ErrorHtml(std::string_view path, const Error& error, const ToolInfo& tool);

/// Text as HTML text or attribute value: & < > " ' escaped, control
/// characters other than tab and newline as spaces, invalid UTF-8 as U+FFFD.
std::string HtmlEscape(std::string_view text);

// ---- building blocks, public for tests ----

/// One finding's evidence in a block: code points [start, end) of its text.
struct HtmlSpan {
  int start = 0;
  int end = 0;
  std::string finding;  // the finding's id: the card is #<id>, the span #t-<id>
  Severity severity = Severity::kInfo;
};

/// A block's text with its spans marked. The text is cut where any span
/// starts or ends; each piece covered by spans is one
/// <a class="hl s-SEV" href="#F" data-f="F G"> naming every finding that
/// covers it (href and colour: the most severe, the first on a tie). The
/// first piece of each span carries id="t-F" (an empty <span id="t-F"> when
/// the piece's id is taken or the span is empty), and a reference
/// <sup class="ref" data-f="F"><a href="#F">F</a></sup> follows each span's
/// end. Offsets out of range are clamped to the text.
///
/// The block's marks are shown too: an insertion or a move to here as <ins>
/// around each piece it covers, a commented stretch as <span class="cmt">
/// (title: who commented and the comment); at their point, deleted and
/// moved-away text as <del> (a deleted paragraph end as ¶), hidden text as
/// <span class="hid">, a comment on no text as a ✎ mark. Mark tags sit inside
/// the finding's <a>, so every piece stays well nested.
std::string HighlightedText(std::string_view text, const std::vector<HtmlSpan>& spans,
                            const std::vector<Mark>& marks = {});

}  // namespace clausecheck::reports

#endif  // CLAUSECHECK_REPORTS_HTML_H_
