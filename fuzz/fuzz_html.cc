// HTML contracts through libxml2's HTML parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/xml.h"

using namespace clausecheck::parsers;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)ParseHtml(bytes, "fuzz.html");
  return 0;
}
