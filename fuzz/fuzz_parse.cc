// Any bytes through format detection and the parser it picks (ParseBytes),
// as `clausecheck review` reads a file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/parse.h"

using namespace clausecheck::parsers;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)ParseBytes(bytes, "fuzz");
  return 0;
}
