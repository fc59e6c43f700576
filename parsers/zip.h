// A zip package (DOCX, ODT) opened safely from bytes in memory.
//
// Office files are zips, and every zip is untrusted: the central directory is
// read and checked before anything is inflated, and inflation stops at the
// limits, so a zip bomb costs at most the limits in memory and time. Entries
// are looked up by their exact name ("word/document.xml"); names are case
// sensitive, as OPC part names are compared case-insensitively only by Word
// itself, so Open() also offers a case-insensitive Find().
//
//   auto zip = ZipPackage::Open(bytes, ZipLimits{});
//   if (!zip.ok()) return zip.error();            // "not a zip file: ..."
//   auto xml = zip.value().Read("word/document.xml");
#ifndef CLAUSECHECK_PARSERS_ZIP_H_
#define CLAUSECHECK_PARSERS_ZIP_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace clausecheck::parsers {

struct ZipLimits {
  size_t max_entries = 10000;
  uint64_t max_entry_size = uint64_t{256} << 20;  // inflated bytes of one entry
  uint64_t max_total_size = uint64_t{1} << 30;    // inflated bytes of all entries read
  double max_ratio = 200.0;                       // inflated / compressed, per entry
};

struct ZipEntry {
  std::string name;
  uint64_t compressed_size = 0;
  uint64_t size = 0;  // as declared in the central directory
};

class ZipPackage {
 public:
  /// Reads the central directory. Errors (kFormat / kTooLarge / kUnsupported
  /// for encrypted entries) name the reason in one line.
  static Result<ZipPackage> Open(std::string_view bytes, const ZipLimits& limits);

  const std::vector<ZipEntry>& entries() const;
  bool Has(std::string_view name) const;
  /// The stored name matching `name` ignoring ASCII case, or "" if none.
  std::string Find(std::string_view name) const;

  /// Inflates one entry, enforcing the limits (declared and actual sizes,
  /// ratio, running total across reads). kFormat on a corrupt entry.
  Result<std::string> Read(std::string_view name) const;

  ZipPackage(ZipPackage&&) noexcept;
  ZipPackage& operator=(ZipPackage&&) noexcept;
  ~ZipPackage();

 private:
  struct Impl;
  explicit ZipPackage(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausecheck::parsers

#endif  // CLAUSECHECK_PARSERS_ZIP_H_
