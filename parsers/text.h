// Plain-text contracts: decoding and paragraph reconstruction.
//
// Decoding accepts UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or
// without one when the NUL pattern is unmistakable), and GB18030/GBK (Chinese
// files saved by Windows tools: invalid UTF-8 that converts cleanly with ICU
// and is mostly Han), converting to UTF-8. Text extracted from PDF wraps lines
// at ~80 columns and repeats page numbers and running headers; the paragraph
// builder rejoins wrapped lines (with no space between Han characters) and
// drops those artefacts. A new paragraph starts at a blank line, a form feed,
// a separator rule, or a line that starts a numbered clause
// (core/numbering.h) or a heading. Paragraphs far longer than any real one
// (text whose line breaks were lost) are split before inline clause numbers
// that follow a sentence end.
#ifndef CLAUSECHECK_PARSERS_TEXT_H_
#define CLAUSECHECK_PARSERS_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/result.h"

namespace clausecheck::parsers {

/// Decodes `bytes` to UTF-8 and sets *encoding to the source encoding name
/// ("UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE", "GB18030"). kEncoding
/// error when no accepted encoding fits, naming the first bad byte offset.
Result<std::string> DecodeText(std::string_view bytes, std::string* encoding);

/// Splits decoded text into paragraph blocks (kind kParagraph; the segmenter
/// decides what is a heading),
/// with SourceRef part "text", index = position, line = first source line.
std::vector<Block> BuildParagraphs(std::string_view utf8);

/// DecodeText + BuildParagraphs. kEmpty when there is no text at all.
Result<Document> ParseText(std::string_view bytes, std::string_view path);

}  // namespace clausecheck::parsers

#endif  // CLAUSECHECK_PARSERS_TEXT_H_
