// Clause: a numbered or headed unit of a contract, as a node of the clause tree.
//
// The segmenter groups a Document's blocks into clauses. A clause owns the
// blocks from its first block up to (not including) its first child or next
// sibling; its text is those blocks joined with '\n'. Clauses are stored in
// document order in a flat vector; `parent` indexes into it.
#ifndef CLAUSECHECK_CORE_CLAUSE_H_
#define CLAUSECHECK_CORE_CLAUSE_H_

#include <string>
#include <vector>

#include "core/vocabulary.h"

namespace clausecheck {

struct Clause {
  std::string id;       // "c1", "c2", ... in document order: stable for a document
  std::string number;   // "12.1", "(a)", "Article IV", "第十二条"; empty if unnumbered
  std::string heading;  // "Limitation of Liability"; empty if none
  int level = 1;        // depth in the tree, 1 = top level
  int parent = -1;      // index of the parent clause, -1 at top level
  int first_block = 0;  // this clause's own blocks: [first_block, end_block)
  int end_block = 0;
  std::string text;                  // own blocks' text joined with '\n'
  std::vector<int> block_offsets;    // byte offset in `text` where each own block starts
  std::vector<Category> categories;  // assigned by the classifier, sorted, unique
  std::vector<std::string> tags;     // finer clause types named by the ruleset, sorted
};

/// A clause's number as a reader cites it: "(b)" under "7" is "7(b)", "（二）"
/// under "第十条" is "第十条（二）", "2." under "第十条" is "第十条第2款".
/// Empty when the clause has no number.
std::string CitedNumber(const std::vector<Clause>& clauses, const Clause& c);

}  // namespace clausecheck

#endif  // CLAUSECHECK_CORE_CLAUSE_H_
