// Test helper: a Document with one paragraph block per line, as the text
// parser gives it ("text" part, blocks numbered from 0).
#ifndef CLAUSECHECK_TESTS_ANALYZER_LINES_H_
#define CLAUSECHECK_TESTS_ANALYZER_LINES_H_

#include <string>
#include <vector>

#include "core/document.h"

namespace clausecheck::analyzer {

inline Document Lines(const std::vector<std::string>& lines) {
  Document d;
  for (size_t i = 0; i < lines.size(); ++i) {
    Block b;
    b.text = lines[i];
    b.source.part = "text";
    b.source.index = static_cast<int>(i);
    d.blocks.push_back(b);
  }
  return d;
}

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_TESTS_ANALYZER_LINES_H_
