// Segmentation: a Document's blocks grouped into a clause tree.
//
// A clause starts at a block that carries a clause number (Block::label, or a
// number at the start of the text, see core/numbering.h) or that is a heading
// (BlockKind::kHeading, or an unnumbered heading line: ALL CAPS, or a short
// line not ending in sentence punctuation). Nesting follows the numbering
// families in the order they appear: a number of a family already open closes
// the clauses below it; a new family opens a child level. Text before the
// first clause is a preamble clause with no number and no heading.
//
// Clause ids are "c1", "c2", ... in document order, so a document always gets
// the same ids.
#ifndef CLAUSECHECK_ANALYZER_SEGMENT_H_
#define CLAUSECHECK_ANALYZER_SEGMENT_H_

#include <vector>

#include "core/clause.h"
#include "core/document.h"

namespace clausecheck::analyzer {

std::vector<Clause> Segment(const Document& doc);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_SEGMENT_H_
