// Document and Block: what a parser produces and everything downstream reads.
//
// A Document is the contract as a sequence of blocks in reading order
// (paragraphs, headings, list items, table cells, headers, footers, notes,
// comments). Block text is UTF-8 and is what a reader sees: the accepted view
// of tracked changes, hidden text kept out of it but recorded as marks. Each
// block carries a SourceRef saying where it came from, so that reports can
// point into, and annotate, the original file.
#ifndef CLAUSECHECK_CORE_DOCUMENT_H_
#define CLAUSECHECK_CORE_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

namespace clausecheck {

enum class Format { kText, kDocx, kOdt, kXml, kHtml };
std::string_view Name(Format f);

enum class BlockKind {
  kParagraph,
  kHeading,
  kListItem,
  kTableCell,
  kHeader,
  kFooter,
  kFootnote,
  kEndnote,
  kComment,
};
std::string_view Name(BlockKind k);

/// Where a block came from in the source file.
struct SourceRef {
  std::string part;  // "text" for plain text; "word/document.xml" etc. for packages
  int index = 0;     // block index in document order (= position in Document::blocks)
  int line = 0;      // 1-based first source line when the format has lines, else 0
  int table = -1;    // table cells: table, row and column in document order
  int row = -1;
  int column = -1;
};

/// A marked span inside a block: a tracked change, hidden text or a comment
/// anchor. Offsets are code points in Block::text, half open.
enum class MarkKind { kInsertion, kDeletion, kMoveFrom, kMoveTo, kHidden, kComment };
std::string_view Name(MarkKind k);
/// The inverse of Name(MarkKind); false for an unknown name.
bool ParseMarkKind(std::string_view name, MarkKind* out);

struct Mark {
  MarkKind kind = MarkKind::kInsertion;
  int start = 0;
  int end = 0;
  std::string author;
  std::string date;
  std::string text;  // deleted or hidden text (not in Block::text), or comment text
  // A comment whose thread was marked resolved ("done" in Word's
  // commentsExtended part, loext:resolved in LibreOffice's ODT): kept in the
  // document, but no longer an open comment.
  bool resolved = false;
};

struct Block {
  std::string text;  // UTF-8, what a reader sees, label not included
  BlockKind kind = BlockKind::kParagraph;
  int heading_level = 0;  // 1..9 for headings known from the source, else 0
  std::string label;      // list label as rendered ("12.1", "(a)", "第十二条"); empty
                          // when the number is part of the text (plain text)
  SourceRef source;
  std::vector<Mark> marks;
  // Footnotes, endnotes and comments: the index of the block that refers to
  // them (where the note reference or the comment range starts); -1 if none.
  int anchor = -1;
};

struct Document {
  std::string path;  // as given on the command line
  Format format = Format::kText;
  std::string sha256;    // lower-case hex of the input bytes
  std::string encoding;  // source encoding detected ("UTF-8", "UTF-16LE", "GB18030", ...)
  std::vector<Block> blocks;
  // What the parser found but could not read, one line each (for example an
  // embedded RTF chunk in a DOCX), so that a reader knows the text is partial.
  std::vector<std::string> notices;
};

}  // namespace clausecheck

#endif  // CLAUSECHECK_CORE_DOCUMENT_H_
