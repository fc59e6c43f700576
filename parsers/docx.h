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

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/result.h"
#include "parsers/zip.h"

namespace clausecheck::parsers {

/// Parses a WordprocessingML package already opened. `path` is for Document::path.
Result<Document> ParseDocx(const ZipPackage& package, std::string_view path);

/// Where one code point of a block's text came from. Elements are named by
/// their byte offset in the part's XML as pugixml parsed it
/// (pugi::xml_node::offset_debug()), which any later parse of the same bytes
/// reproduces, so an annotator can find them again (reports/docx_annotate.h).
struct DocxCharSource {
  ptrdiff_t element = -1;  // the w:t, w:tab, w:br, w:sym...; -1: none (a space
                           // put between paragraphs joined in the accepted view)
  uint32_t byte = 0;       // byte offset of the code point in a w:t's text, else 0
};

struct DocxBlockSource {
  std::vector<DocxCharSource> chars;  // one per code point of Block::text
  std::vector<ptrdiff_t> paragraphs;  // the w:p elements the block comes from, in order
};

/// ParseDocx, also saying where every block's text came from: (*sources)[i]
/// is for Document::blocks[i], empty for blocks that are not read from w:p
/// elements of their part (embedded HTML or text chunks, comments).
Result<Document> ParseDocx(const ZipPackage& package, std::string_view path,
                           std::vector<DocxBlockSource>* sources);

/// The parts of a WordprocessingML package found by its relationships, named
/// as stored in the zip. A part named by a relationship may still be missing
/// from the zip; "" when no relationship names it.
struct DocxParts {
  std::string main;       // "word/document.xml"
  std::string main_rels;  // "word/_rels/document.xml.rels", present or not
  std::string comments;   // the main part's comments part
  std::string styles;
};

/// kFormat when the package has no main document part.
Result<DocxParts> FindDocxParts(const ZipPackage& package);

/// Removes the latent styles element (w:latentStyles, with its
/// w:lsdException children) from a styles part before it is parsed: which
/// built-in styles an editor lists and how, no formatting of any text, and
/// most of the bytes of a Word document's styles part (74 % of those of the
/// 58 styles parts in docs/performance.md's DOCX set). The whole element,
/// from its start tag to its end tag under the same prefix, and only where
/// no comment, CDATA section or processing instruction lies before that end
/// tag (either tag could then be text), no other element of the name lies
/// inside, and the start tag does not close itself; otherwise the part is
/// left as it is. True if it removed it.
bool CutLatentStyles(std::string* styles_xml);

}  // namespace clausecheck::parsers

#endif  // CLAUSECHECK_PARSERS_DOCX_H_
