// Shared by the libFuzzer targets: building zip packages in memory.
#ifndef CLAUSECHECK_FUZZ_FUZZ_UTIL_H_
#define CLAUSECHECK_FUZZ_FUZZ_UTIL_H_

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"

namespace clausecheck::fuzz {

using Files = std::vector<std::pair<std::string, std::string>>;

/// A zip of `files`, stored (not deflated): the fuzzer's bytes reach the part
/// parsers unchanged and building the package stays cheap.
inline std::string StoredZip(const Files& files) {
  std::stringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, content] : files) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(2026, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX),
                Poco::Zip::ZipCommon::CM_STORE);
  }
  zip.close();
  return out.str();
}

/// A plain-text Document with one paragraph block per line of `text`.
inline Document LinesDocument(std::string_view text) {
  Document doc;
  doc.path = "fuzz.txt";
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    Block b;
    b.text = std::string(text.substr(start, end - start));
    b.source.part = "text";
    b.source.index = static_cast<int>(doc.blocks.size());
    doc.blocks.push_back(std::move(b));
    start = end + 1;
  }
  return doc;
}

}  // namespace clausecheck::fuzz

#endif  // CLAUSECHECK_FUZZ_FUZZ_UTIL_H_
