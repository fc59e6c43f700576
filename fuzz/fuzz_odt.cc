// A whole ODT package: the zip reader, content.xml and styles.xml.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/odt.h"
#include "parsers/zip.h"

using namespace clausecheck::parsers;
using clausecheck::Result;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<ZipPackage> zip = ZipPackage::Open(bytes, ZipLimits{});
  if (!zip.ok()) return 0;
  (void)ParseOdt(zip.value(), "fuzz.odt");
  return 0;
}
