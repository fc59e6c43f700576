#include "cli/common.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>
#include <thread>

#include "analyzer/waivers.h"
#include "cli/config.h"

namespace clausecheck::cli {
namespace fs = std::filesystem;

reports::ToolInfo Tool() { return reports::ToolInfo{"clausecheck", CLAUSECHECK_VERSION}; }

void PrintError(std::ostream& err, const std::string& line) {
  err << "clausecheck: error: " << line << "\n";
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kIo, "cannot read ruleset file", path};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<analyzer::Ruleset> LoadRuleset(const RulesetOptions& o, const Config& config) {
  analyzer::Ruleset rs;
  if (!o.no_default && config.default_ruleset.value_or(true)) {
    auto def = analyzer::DefaultRuleset();
    if (!def.ok()) return def.error();
    rs = std::move(def.value());
  } else {
    rs.name = "custom";
  }
  std::vector<std::string> files = config.rulesets;
  files.insert(files.end(), o.files.begin(), o.files.end());
  for (const std::string& file : files) {
    auto text = ReadWholeFile(file);
    if (!text.ok()) return text.error();
    auto overlay = analyzer::ParseRuleset(text.value(), file);
    if (!overlay.ok()) return overlay.error();
    auto merged = analyzer::MergeRuleset(overlay.value(), &rs);
    if (!merged.ok()) {
      Error e = merged.error();
      e.where = file;
      return e;
    }
  }
  auto applied = ApplyRuleSettings(config, &rs);
  if (!applied.ok()) return applied.error();
  return rs;
}

Result<analyzer::Engine> LoadEngine(const RulesetOptions& o, const Config& config) {
  auto rs = LoadRuleset(o, config);
  if (!rs.ok()) return rs.error();
  return analyzer::Engine::Compile(std::move(rs.value()));
}

Result<parsers::XmlOptions> LoadXmlOptions(const XmlMapOptions& o) {
  std::vector<std::string> files = o.files;
  if (!o.dir.empty()) {
    std::error_code ec;
    std::vector<std::string> found;
    for (fs::directory_iterator it(o.dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string ext = it->path().extension().string();
      if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
        found.push_back(it->path().string());
      }
    }
    if (ec)
      return Error{ErrorCode::kConfig, "cannot read mapping directory: " + ec.message(), o.dir};
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  parsers::XmlOptions xml;
  for (const std::string& file : files) {
    auto text = ReadWholeFile(file);
    if (!text.ok()) return Error{ErrorCode::kConfig, "cannot read mapping file", file};
    auto mapping = parsers::LoadXmlMapping(text.value(), file);
    if (!mapping.ok()) return mapping.error();
    xml.mappings.push_back(std::move(mapping.value()));
  }
  return xml;
}

std::string OneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

analyzer::DateOrder ToDateOrder(const std::string& s) {
  if (s == "mdy") return analyzer::DateOrder::kMonthFirst;
  if (s == "dmy") return analyzer::DateOrder::kDayFirst;
  return analyzer::DateOrder::kAuto;
}

bool ValidDate(const std::string& s) {
  int y, m, d;
  char tail;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
    return false;
  }
  if (s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = (m == 2 && !leap) ? 28 : kDays[m - 1];
  return d <= max;
}

bool ParseSize(const std::string& s, uint64_t* bytes) {
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0 || digits > 15) return false;
  uint64_t value = std::stoull(s.substr(0, digits));
  std::string unit = s.substr(digits);
  int shift = 0;
  if (unit.empty() || unit == "B") {
    shift = 0;
  } else if (unit == "K" || unit == "KB" || unit == "KiB") {
    shift = 10;
  } else if (unit == "M" || unit == "MB" || unit == "MiB") {
    shift = 20;
  } else if (unit == "G" || unit == "GB" || unit == "GiB") {
    shift = 30;
  } else {
    return false;
  }
  if (value == 0) return false;
  *bytes = value << shift;
  return true;
}

bool WriteFileAtomically(const std::string& path, const std::string& content, std::string* err) {
  std::error_code ec;
  fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  if (ec) {
    *err = "cannot create directory " + p.parent_path().string() + ": " + ec.message();
    return false;
  }
  // Hidden (a directory walk skips it) and unique per thread (two workers may
  // write reports for the same path).
  std::ostringstream tmp_name;
  tmp_name << "." << p.filename().string() << ".tmp." << std::this_thread::get_id();
  const std::string tmp = (p.parent_path() / tmp_name.str()).string();
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << content;
    f.flush();
    if (!f) {
      *err = "cannot write " + tmp;
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, p, ec);
  if (ec) {
    *err = "cannot rename " + tmp + " to " + path + ": " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

Result<bool> LoadJudgementOptions(const JudgementOptions& o, analyzer::AnalyzeOptions* analyze) {
  analyze->stance = o.stance;
  analyze->language = o.language == "auto" ? "" : o.language;
  for (const std::string& path : o.waivers) {
    auto text = ReadWholeFile(path);
    if (!text.ok()) return text.error();
    auto waivers = analyzer::ParseWaivers(text.value(), path);
    if (!waivers.ok()) return waivers.error();
    analyze->waivers.insert(analyze->waivers.end(), waivers.value().begin(), waivers.value().end());
  }
  if (!o.baseline.empty()) {
    auto text = ReadWholeFile(o.baseline);
    if (!text.ok()) return text.error();
    // One report, an array of reports, or JSON Lines.
    std::vector<nlohmann::json> reports;
    auto whole = nlohmann::json::parse(text.value(), nullptr, false);
    if (!whole.is_discarded()) {
      if (whole.is_array()) {
        reports.assign(whole.begin(), whole.end());
      } else {
        reports.push_back(whole);
      }
    } else {
      std::istringstream lines(text.value());
      std::string line;
      int n = 0;
      while (std::getline(lines, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded()) {
          return Error{ErrorCode::kConfig, "not a clausecheck JSON or JSONL report",
                       o.baseline + ":" + std::to_string(n)};
        }
        reports.push_back(std::move(j));
      }
    }
    for (const auto& r : reports) {
      if (!r.is_object() || !r.contains("findings")) continue;  // error records
      for (const auto& f : r["findings"]) {
        if (f.is_object() && f.contains("fingerprint") && f["fingerprint"].is_string()) {
          analyze->baseline.insert(f["fingerprint"].get<std::string>());
        }
      }
    }
  }
  return true;
}

}  // namespace clausecheck::cli
