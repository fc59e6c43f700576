// The text decoder (UTF-8, UTF-16, GB18030) and the paragraph builder.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "parsers/text.h"

using namespace clausecheck::parsers;
using clausecheck::Result;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string encoding;
  Result<std::string> text = DecodeText(bytes, &encoding);
  if (!text.ok()) return 0;
  (void)BuildParagraphs(text.value());
  return 0;
}
