// The annotated DOCX: the contract itself with one Word comment per finding.
//
// AnnotateDocx takes the bytes of the DOCX a Review was made from and returns
// a new package that a lawyer opens in Word (or LibreOffice): each finding is
// a comment by "clausecheck" anchored on its evidence, the comment saying the
// severity, the message, the recommendation, the legal basis when the rule has
// one, and the rule id.
//
// Anchoring, best first (DocxAnchor, one per finding):
//   kSpan       comment range around exactly the evidence's code points: the
//               block text is mapped back to its w:t/w:tab/... elements
//               (parsers::ParseDocx with sources) and runs are split where a
//               span starts or ends inside one;
//   kParagraph  the whole paragraph of the finding's block when the span
//               cannot be mapped (math, an embedded chunk); for a footnote,
//               endnote or comment, the paragraph that refers to it; else the
//               first paragraph of the finding's clause in the main part;
//   kDocument   the first paragraph of the body: findings with no location
//               (a missing clause) and anything else with no paragraph (a
//               header or footer: Word has no comments there).
//
// Everything else is kept: every other part of the package byte for byte once
// inflated and in the same order, existing comments (new ids continue after
// the highest existing one), tracked changes, numbering. The main part gains
// comment ranges and references, the comments part is created or extended,
// and its relationship and content type are added when missing.
//
//   reports::DocxAnnotateOptions opt;
//   opt.date = "2026-01-01T00:00:00Z";
//   auto out = reports::AnnotateDocx(original_bytes, review, opt);
//   if (!out.ok()) ...;  // out.error(): not the file reviewed, not a DOCX, ...
#ifndef CLAUSECHECK_REPORTS_DOCX_ANNOTATE_H_
#define CLAUSECHECK_REPORTS_DOCX_ANNOTATE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/review.h"

namespace clausecheck::reports {

struct DocxAnnotateOptions {
  std::string author = "clausecheck";
  std::string initials = "CC";
  // w:date of every comment, "YYYY-MM-DDTHH:MM:SSZ"; empty: no date. The CLI
  // gives the --as-of date at midnight UTC, else the time of the run.
  std::string date;
  std::map<std::string, std::string> basis;  // rule id -> legal basis, when known
};

enum class DocxAnchor { kSpan, kParagraph, kDocument };

struct DocxAnnotation {
  std::string bytes;                // the new package
  std::vector<DocxAnchor> anchors;  // one per Review::findings, in that order
  int first_comment_id = 0;         // w:id of the first finding's comment; then +1 each
};

/// `original` must be the bytes `review` was made from (checked against
/// Document::sha256 when set). Errors: kFormat (not a readable DOCX),
/// kUsage (another file's review), kTooLarge.
Result<DocxAnnotation> AnnotateDocx(std::string_view original, const Review& review,
                                    const DocxAnnotateOptions& options);

/// The paragraphs of a finding's comment: "[severity] message",
/// "Recommendation: ...", "Legal basis: ..." (each when known), "Rule: id".
std::vector<std::string> DocxCommentParagraphs(const Finding& finding,
                                               const DocxAnnotateOptions& options);

}  // namespace clausecheck::reports

#endif  // CLAUSECHECK_REPORTS_DOCX_ANNOTATE_H_
