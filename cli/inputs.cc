#include "cli/inputs.h"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <system_error>
#include <utility>

namespace clausecheck::cli {
namespace fs = std::filesystem;
namespace {

constexpr int kMaxDepth = 64;

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

bool GlobMatches(const std::string& glob, const std::string& name, const std::string& rel) {
  const std::string& subject = glob.find('/') == std::string::npos ? name : rel;
  return fnmatch(glob.c_str(), subject.c_str(), 0) == 0;
}

bool AnyGlob(const std::vector<std::string>& globs, const std::string& name,
             const std::string& rel) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& g) { return GlobMatches(g, name, rel); });
}

class Walker {
 public:
  Walker(const InputOptions& options, std::vector<Input>* out) : options_(options), out_(out) {}

  void Walk(const fs::path& dir, const std::string& rel, int depth) {
    if (!FirstVisit(dir)) return;  // a symlink loop, or a directory linked twice
    std::error_code ec;
    struct Entry {
      std::string key;  // name, plus '/' for a directory
      fs::path path;
      std::string name;
      bool dir;
    };
    std::vector<Entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (Skipped(name)) continue;
      std::error_code sec;
      const bool is_dir = it->is_directory(sec);  // follows symlinks
      if (!is_dir && !it->is_regular_file(sec)) continue;
      entries.push_back({is_dir ? name + "/" : name, it->path(), name, is_dir});
    }
    if (ec) {
      out_->push_back({dir.string(), "cannot list directory: " + ec.message()});
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.key < b.key; });
    for (const Entry& e : entries) {
      const std::string sub = rel.empty() ? e.name : rel + "/" + e.name;
      if (AnyGlob(options_.exclude, e.name, sub)) continue;
      if (e.dir) {
        if (depth < kMaxDepth) Walk(e.path, sub, depth + 1);
      } else if (options_.include.empty() || AnyGlob(options_.include, e.name, sub)) {
        out_->push_back({e.path.string(), ""});
      }
    }
  }

 private:
  bool FirstVisit(const fs::path& dir) {
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) return true;  // listing it will say why
    return visited_.insert({st.st_dev, st.st_ino}).second;
  }

  const InputOptions& options_;
  std::vector<Input>* out_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

void ExpandOne(const std::string& p, const InputOptions& options, std::vector<Input>* out);

void ExpandList(std::istream& in, const std::string& name, const InputOptions& options,
                std::vector<Input>* out) {
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line == "-") {
      out->push_back({line, "'-' inside a list of paths (" + name + ")"});
      continue;
    }
    ExpandOne(line, options, out);
  }
}

void ExpandOne(const std::string& p, const InputOptions& options, std::vector<Input>* out) {
  if (p == "-") {
    if (options.stdin_list == nullptr) {
      out->push_back({p, "no standard input to read paths from"});
    } else {
      ExpandList(*options.stdin_list, "standard input", options, out);
    }
    return;
  }
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    size_t before = out->size();
    Walker(options, out).Walk(p, "", 0);
    if (out->size() == before) out->push_back({p, "no documents found in directory"});
  } else {
    out->push_back({p, ""});  // missing or special files are reported by the parser
  }
}

}  // namespace

std::vector<Input> ExpandInputs(const std::vector<std::string>& paths,
                                const InputOptions& options) {
  std::vector<Input> out;
  for (const std::string& p : paths) ExpandOne(p, options, &out);
  for (const std::string& list : options.files_from) {
    if (list == "-") {
      ExpandOne(list, options, &out);
      continue;
    }
    std::ifstream in(list, std::ios::binary);
    if (!in) {
      out.push_back({list, "cannot read list of paths"});
      continue;
    }
    ExpandList(in, list, options, &out);
  }
  return out;
}

std::vector<Input> ExpandInputs(const std::vector<std::string>& paths) {
  return ExpandInputs(paths, InputOptions{});
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

uint64_t PathHash(const std::string& path) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : path) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace clausecheck::cli
