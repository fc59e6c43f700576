// Writing a zip package (an annotated DOCX) from parts in memory.
//
// The output is deterministic: entries in the order given, each deflated
// (directories stored), every timestamp 1980-01-01 00:00, no extra fields, so
// the same parts always give the same bytes. Zip64 is not written: a package
// over 4 GiB, or with more than 65535 entries, is refused (kTooLarge).
//
//   auto zip = reports::WriteZip({{"[Content_Types].xml", types}, {"word/document.xml", doc}});
#ifndef CLAUSECHECK_REPORTS_ZIP_WRITER_H_
#define CLAUSECHECK_REPORTS_ZIP_WRITER_H_

#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace clausecheck::reports {

struct ZipPart {
  std::string name;  // "word/document.xml"; a name ending in '/' is a directory
  std::string content;
};

Result<std::string> WriteZip(const std::vector<ZipPart>& parts);

}  // namespace clausecheck::reports

#endif  // CLAUSECHECK_REPORTS_ZIP_WRITER_H_
