// The annotated DOCX from the command line (`review --docx-output`, and beside
// the JSON under `--output-dir`): options taken from the run, the output name,
// and the bytes (reports/docx_annotate.h does the work). Writing the file is
// the caller's, atomically.
#ifndef CLAUSECHECK_CLI_ANNOTATED_DOCX_H_
#define CLAUSECHECK_CLI_ANNOTATED_DOCX_H_

#include <string>

#include "analyzer/ruleset.h"
#include "core/result.h"
#include "core/review.h"
#include "reports/docx_annotate.h"

namespace clausecheck::cli {

/// Comments dated `as_of` (YYYY-MM-DD) at midnight UTC when given, so that a
/// run can be repeated byte for byte, else now; legal bases from the ruleset.
reports::DocxAnnotateOptions AnnotatedDocxOptions(const std::string& as_of,
                                                  const analyzer::Ruleset& ruleset);

/// ".annotated.docx", or ".annotated.docm" (.dotx, .dotm) after an input of
/// that kind: Word refuses a package whose content type does not match its
/// extension.
std::string AnnotatedDocxExtension(const std::string& input_path);

/// Reads the reviewed file (Document::path) again and annotates it. The error
/// message names the file and the reason.
Result<std::string> AnnotatedDocx(const Review& review, const reports::DocxAnnotateOptions& opt);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_ANNOTATED_DOCX_H_
