#include "cli/annotated_docx.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/ascii.h"

namespace clausecheck::cli {

reports::DocxAnnotateOptions AnnotatedDocxOptions(const std::string& as_of,
                                                  const analyzer::Ruleset& ruleset) {
  reports::DocxAnnotateOptions opt;
  if (!as_of.empty()) {
    opt.date = as_of + "T00:00:00Z";
  } else {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    char buf[32];
    if (gmtime_r(&now, &utc) && std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc)) {
      opt.date = buf;
    }
  }
  for (const auto& r : ruleset.rules) {
    if (!r.basis.empty()) opt.basis[r.id] = r.basis;
  }
  return opt;
}

std::string AnnotatedDocxExtension(const std::string& input_path) {
  std::string ext = std::filesystem::path(input_path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return ascii::Lower(c); });
  return ".annotated" + (ext == ".docm" || ext == ".dotx" || ext == ".dotm" ? ext : ".docx");
}

Result<std::string> AnnotatedDocx(const Review& review, const reports::DocxAnnotateOptions& opt) {
  const std::string& path = review.document.path;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Error{ErrorCode::kIo, "cannot read the input again to annotate it", path};
  auto annotated = reports::AnnotateDocx(bytes.str(), review, opt);
  if (!annotated.ok()) {
    return Error{annotated.error().code, "cannot annotate: " + annotated.error().message, path};
  }
  return std::move(annotated.value().bytes);
}

}  // namespace clausecheck::cli
