#include "core/document.h"

namespace clausecheck {

std::string_view Name(Format f) {
  switch (f) {
    case Format::kText: return "text";
    case Format::kDocx: return "docx";
    case Format::kOdt: return "odt";
    case Format::kXml: return "xml";
    case Format::kHtml: return "html";
  }
  return "text";
}

std::string_view Name(BlockKind k) {
  switch (k) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kTableCell: return "table_cell";
    case BlockKind::kHeader: return "header";
    case BlockKind::kFooter: return "footer";
    case BlockKind::kFootnote: return "footnote";
    case BlockKind::kEndnote: return "endnote";
    case BlockKind::kComment: return "comment";
  }
  return "paragraph";
}

std::string_view Name(MarkKind k) {
  switch (k) {
    case MarkKind::kInsertion: return "insertion";
    case MarkKind::kDeletion: return "deletion";
    case MarkKind::kMoveFrom: return "move_from";
    case MarkKind::kMoveTo: return "move_to";
    case MarkKind::kHidden: return "hidden";
    case MarkKind::kComment: return "comment";
  }
  return "insertion";
}

bool ParseMarkKind(std::string_view name, MarkKind* out) {
  for (MarkKind k : {MarkKind::kInsertion, MarkKind::kDeletion, MarkKind::kMoveFrom,
                     MarkKind::kMoveTo, MarkKind::kHidden, MarkKind::kComment}) {
    if (Name(k) == name) {
      *out = k;
      return true;
    }
  }
  return false;
}

}  // namespace clausecheck
