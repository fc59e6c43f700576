// Segmentation and fact extraction (dates, durations, money, percentages,
// parties, governing law) over text, one block per line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/extract.h"
#include "analyzer/language.h"
#include "analyzer/segment.h"
#include "core/document.h"
#include "core/utf8.h"
#include "fuzz/fuzz_util.h"

using namespace clausecheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the date order; the rest is the text, which the
  // parsers always hand over as valid UTF-8.
  const auto order = static_cast<analyzer::DateOrder>(data[0] % 3);
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!utf8::IsValid(text)) return 0;
  Document doc = fuzz::LinesDocument(text);
  const std::vector<Clause> clauses = analyzer::Segment(doc);
  analyzer::ExtractOptions options;
  options.language = analyzer::DetectLanguage(doc);
  options.date_order = order;
  (void)analyzer::ExtractFacts(doc, clauses, options);
  return 0;
}
