// The zip reader alone: open, then inflate every entry.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/zip.h"

using namespace clausecheck::parsers;
using clausecheck::Result;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<ZipPackage> zip = ZipPackage::Open(bytes, ZipLimits{});
  if (!zip.ok()) return 0;
  for (const ZipEntry& e : zip.value().entries()) {
    (void)zip.value().Find(e.name);
    (void)zip.value().Read(e.name);
  }
  return 0;
}
