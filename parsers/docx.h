// WordprocessingML (.docx, .docm, .dotx, .dotm, Strict OOXML) to Document.
//
// The package is opened by its relationships (_rels/.rels -> officeDocument),
// never by fixed paths. Blocks come in reading order: body paragraphs and
// table cells, then headers and footers (each distinct part once), footnotes
// and endnotes, and comments. Block text is the reader's view: tracked
// insertions accepted, deletions left out, hidden text left out; all three
// are kept as Marks with author and date. List labels are computed as Word
// renders them (parsers/docx_numbering.h) and stored in Block::label.
#ifndef CLAUSECHECK_PARSERS_DOCX_H_
#define CLAUSECHECK_PARSERS_DOCX_H_

#include <string_view>

#include "core/document.h"
#include "core/result.h"
#include "parsers/zip.h"

namespace clausecheck::parsers {

/// Parses a WordprocessingML package already opened. `path` is for Document::path.
Result<Document> ParseDocx(const ZipPackage& package, std::string_view path);

}  // namespace clausecheck::parsers

#endif  // CLAUSECHECK_PARSERS_DOCX_H_
