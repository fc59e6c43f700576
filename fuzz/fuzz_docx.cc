// A whole DOCX package: the zip reader, the relationships, every part.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "parsers/docx.h"
#include "parsers/zip.h"

using namespace clausecheck::parsers;
using clausecheck::Result;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<ZipPackage> zip = ZipPackage::Open(bytes, ZipLimits{});
  if (!zip.ok()) return 0;
  (void)FindDocxParts(zip.value());
  std::vector<DocxBlockSource> sources;
  Result<clausecheck::Document> doc = ParseDocx(zip.value(), "fuzz.docx", &sources);
  if (doc.ok() && sources.size() != doc.value().blocks.size()) __builtin_trap();
  return 0;
}
