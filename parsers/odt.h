// OpenDocument Text (.odt) to Document: content.xml paragraphs, headings,
// lists with their labels, tables, tracked changes and annotations, with the
// same Block conventions as the DOCX parser.
#ifndef CLAUSECHECK_PARSERS_ODT_H_
#define CLAUSECHECK_PARSERS_ODT_H_

#include <string_view>

#include "core/document.h"
#include "core/result.h"
#include "parsers/zip.h"

namespace clausecheck::parsers {

Result<Document> ParseOdt(const ZipPackage& package, std::string_view path);

}  // namespace clausecheck::parsers

#endif  // CLAUSECHECK_PARSERS_ODT_H_
