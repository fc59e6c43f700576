// Rule examples as tests: every rule's `match` examples must produce a
// finding of that rule (with the stated evidence, when given) and its
// `no_match` examples must not; classifier examples must (not) yield their
// category and tag. Each example is analysed as a whole document, through the
// same segmenter and classifier as a real contract, so an example also tests
// that its clause is recognised.
#ifndef CLAUSECHECK_ANALYZER_EXAMPLES_H_
#define CLAUSECHECK_ANALYZER_EXAMPLES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/engine.h"
#include "core/document.h"

namespace clausecheck::analyzer {

struct ExampleFailure {
  std::string where;    // "file:line" of the example
  std::string subject;  // rule id, or classifier tag/category
  std::string message;
};

struct ExampleReport {
  int rules = 0;
  int classifiers = 0;
  int examples = 0;
  std::vector<ExampleFailure> failures;
};

/// Builds a Document from example text; the CLI passes the plain-text parser.
using DocumentMaker = std::function<Document(std::string_view text)>;

ExampleReport TestExamples(const Engine& engine, const DocumentMaker& make_document);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_EXAMPLES_H_
