// XML contracts (generic, Akoma Ntoso) through libxml2 with the secure options.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/xml.h"

using namespace clausecheck::parsers;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)ParseXml(bytes, "fuzz.xml", XmlOptions{});
  return 0;
}
