#include "cli/inputs.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace clausecheck::cli {
namespace fs = std::filesystem;
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Hidden entries, Office lock files, and clausecheck's own JSON reports
// (so that --output-dir inside the reviewed folder does not feed the next run).
bool Skipped(const std::string& name) {
  return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0 || EndsWith(name, ".json") ||
         EndsWith(name, ".jsonl");
}

void Walk(const fs::path& dir, std::vector<Input>* out, int depth) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    out->push_back({dir.string(), "cannot list directory: " + ec.message()});
    return;
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const auto& e : entries) {
    if (Skipped(e.path().filename().string())) continue;
    std::error_code sec;
    // Symlinked directories are not followed: that is how loops are avoided.
    if (e.is_directory(sec) && !e.is_symlink(sec)) {
      if (depth < 64) Walk(e.path(), out, depth + 1);
    } else if (e.is_regular_file(sec)) {
      out->push_back({e.path().string(), ""});
    }
  }
}

}  // namespace

std::vector<Input> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<Input> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      size_t before = out.size();
      Walk(p, &out, 0);
      if (out.size() == before) out.push_back({p, "no documents found in directory"});
    } else {
      out.push_back({p, ""});  // missing or special files are reported by the parser
    }
  }
  return out;
}

std::string MirrorPath(const std::string& dir, const std::string& input_path,
                       const std::string& extension) {
  fs::path rel;
  for (const auto& part : fs::path(input_path).relative_path()) {
    if (part == "..") {
      rel /= "__";
    } else if (part != ".") {
      rel /= part;
    }
  }
  return (fs::path(dir) / rel).string() + extension;
}

}  // namespace clausecheck::cli
