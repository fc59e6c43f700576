#include "cli/config.h"

#include <fnmatch.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <system_error>

#include "analyzer/stance.h"
#include "cli/common.h"
#include "parsers/parse.h"

namespace clausecheck::cli {
namespace fs = std::filesystem;
namespace {

struct ConfigError {
  int line;
  std::string message;
};

// Reads one file into a Config; every parse function throws ConfigError.
class Loader {
 public:
  Loader(const std::string& source, Config* config)
      : source_(source), base_(fs::path(source).parent_path()), config_(config) {}

  [[noreturn]] void Fail(const YAML::Node& n, const std::string& message) const {
    throw ConfigError{n.Mark().line >= 0 ? n.Mark().line + 1 : 0, message};
  }

  std::string Where(const YAML::Node& n) const {
    return source_ + ":" + std::to_string(n.Mark().line + 1);
  }

  void Note(const std::string& key, const YAML::Node& n) { config_->where[key] = Where(n); }

  void CheckKeys(const YAML::Node& map, const std::set<std::string>& allowed,
                 const std::string& section) const {
    if (!map.IsMap()) Fail(map, section + " must be a mapping");
    for (const auto& kv : map) {
      const std::string key = kv.first.as<std::string>();
      if (allowed.count(key) == 0) {
        std::string known;
        for (const std::string& k : allowed) known += (known.empty() ? "" : ", ") + k;
        Fail(kv.first, "unknown key '" + key + "' in " + section + " (known: " + known + ")");
      }
    }
  }

  std::string Scalar(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) Fail(n, key + " must be a single value");
    return n.as<std::string>();
  }

  std::vector<std::string> List(const YAML::Node& n, const std::string& key) const {
    std::vector<std::string> out;
    if (n.IsScalar()) {
      out.push_back(n.as<std::string>());
    } else if (n.IsSequence()) {
      for (const auto& item : n) out.push_back(Scalar(item, key + " item"));
    } else if (!n.IsNull()) {
      Fail(n, key + " must be a list");
    }
    return out;
  }

  bool Bool(const YAML::Node& n, const std::string& key) const {
    const std::string v = Scalar(n, key);
    if (v == "true") return true;
    if (v == "false") return false;
    Fail(n, key + " must be true or false, not '" + v + "'");
  }

  std::string Path(const YAML::Node& n, const std::string& key) const {
    fs::path p(Scalar(n, key));
    if (p.is_relative() && !base_.empty()) p = base_ / p;
    return p.lexically_normal().string();
  }

  std::string SeverityOrNever(const YAML::Node& n, const std::string& key) const {
    const std::string v = Scalar(n, key);
    Severity s;
    if (v != "never" && !ParseSeverity(v, &s)) {
      Fail(n, key + " must be info, low, medium, high, critical or never, not '" + v + "'");
    }
    return v;
  }

  Config* config() { return config_; }

 private:
  std::string source_;
  fs::path base_;
  Config* config_;
};

// ------------------------------------------------------------- sections --
// One function per top-level key. A new section (parameters, stance,
// date_order, ...) is a field in Config, a function here and a row in kSections.

void ParseRulesets(const YAML::Node& n, Loader& l) {
  if (!n.IsSequence()) l.Fail(n, "rulesets must be a list of files");
  for (const auto& item : n) l.config()->rulesets.push_back(l.Path(item, "rulesets item"));
}

void ParseDefaultRuleset(const YAML::Node& n, Loader& l) {
  l.config()->default_ruleset = l.Bool(n, "default_ruleset");
}

void ParseRules(const YAML::Node& n, Loader& l) {
  l.CheckKeys(n, {"disable", "enable", "severity"}, "rules");
  Config* c = l.config();
  for (const char* key : {"disable", "enable"}) {
    if (!n[key]) continue;
    const YAML::Node list = n[key];
    auto& target = std::string(key) == "disable" ? c->disable_rules : c->enable_rules;
    if (!list.IsSequence()) l.Fail(list, std::string("rules.") + key + " must be a list");
    for (const auto& item : list) {
      target.push_back(l.Scalar(item, std::string("rules.") + key + " item"));
      l.Note(std::string("rules.") + key + "." + target.back(), item);
    }
  }
  if (n["severity"]) {
    const YAML::Node map = n["severity"];
    if (!map.IsMap()) l.Fail(map, "rules.severity must map rule ids to severities");
    for (const auto& kv : map) {
      const std::string id = kv.first.as<std::string>();
      const std::string v = l.Scalar(kv.second, "rules.severity." + id);
      Severity s;
      if (!ParseSeverity(v, &s)) {
        l.Fail(kv.second, "rules.severity." + id +
                              " must be info, low, medium, high or critical, not '" + v + "'");
      }
      c->severity.emplace_back(id, s);
      l.Note("rules.severity." + id, kv.first);
    }
  }
}

void ParseFailOn(const YAML::Node& n, Loader& l) {
  l.config()->fail_on = l.SeverityOrNever(n, "fail_on");
}

void ParseAsOf(const YAML::Node& n, Loader& l) {
  const std::string v = l.Scalar(n, "as_of");
  if (!ValidDate(v)) l.Fail(n, "as_of must be a date as YYYY-MM-DD, not '" + v + "'");
  l.config()->as_of = v;
}

void ParseJobs(const YAML::Node& n, Loader& l) {
  const std::string v = l.Scalar(n, "jobs");
  if (v == "auto") return;
  if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(v) < 1) {
    l.Fail(n, "jobs must be a positive number or auto, not '" + v + "'");
  }
  l.config()->jobs = std::stoi(v);
}

void ParseMaxFileSize(const YAML::Node& n, Loader& l) {
  const std::string v = l.Scalar(n, "max_file_size");
  uint64_t bytes = 0;
  if (!ParseSize(v, &bytes)) {
    l.Fail(n,
           "max_file_size must be a positive size such as 1000, 512K, 20M or 1G, not '" + v + "'");
  }
  l.config()->max_file_size = bytes;
}

void ParseOutput(const YAML::Node& n, Loader& l) {
  l.CheckKeys(n, {"format", "output_dir", "color"}, "output");
  Config* c = l.config();
  if (n["format"]) {
    const std::string v = l.Scalar(n["format"], "output.format");
    if (v != "console" && v != "json" && v != "jsonl" && v != "html" && v != "sarif" &&
        v != "line") {
      l.Fail(n["format"],
             "output.format must be console, json, jsonl, html, sarif or line, not '" + v + "'");
    }
    c->format = v;
  }
  if (n["output_dir"]) c->output_dir = l.Path(n["output_dir"], "output.output_dir");
  if (n["color"]) {
    const std::string v = l.Scalar(n["color"], "output.color");
    if (v != "auto" && v != "always" && v != "never") {
      l.Fail(n["color"], "output.color must be auto, always or never, not '" + v + "'");
    }
    c->color = v;
  }
}

void ParseXml(const YAML::Node& n, Loader& l) {
  l.CheckKeys(n, {"maps", "map_dir"}, "xml");
  if (n["maps"]) {
    if (!n["maps"].IsSequence()) l.Fail(n["maps"], "xml.maps must be a list of files");
    for (const auto& item : n["maps"]) l.config()->xml_maps.push_back(l.Path(item, "xml.maps"));
  }
  if (n["map_dir"]) l.config()->xml_map_dir = l.Path(n["map_dir"], "xml.map_dir");
}

void ParseCheck(const YAML::Node& n, Loader& l) {
  l.CheckKeys(n, {"fail_on", "block_kinds"}, "check");
  if (n["fail_on"]) l.config()->check_fail_on = l.SeverityOrNever(n["fail_on"], "check.fail_on");
  if (n["block_kinds"]) {
    std::vector<Kind> kinds;
    for (const std::string& v : l.List(n["block_kinds"], "check.block_kinds")) {
      Kind k;
      if (!ParseKind(v, &k)) {
        l.Fail(n["block_kinds"], "check.block_kinds: unknown kind '" + v +
                                     "' (missing, risky, invalid, inconsistent, draft)");
      }
      kinds.push_back(k);
    }
    l.config()->check_block_kinds = kinds;
  }
}

void ParseParameters(const YAML::Node& n, Loader& l) {
  if (!n.IsMap()) l.Fail(n, "parameters must map names to numbers");
  for (const auto& kv : n) {
    const std::string name = kv.first.as<std::string>();
    const std::string v = l.Scalar(kv.second, "parameters." + name);
    char* end = nullptr;
    double d = std::strtod(v.c_str(), &end);
    if (v.empty() || end != v.c_str() + v.size() || !std::isfinite(d)) {
      l.Fail(kv.second, "parameters." + name + " must be a number, not '" + v + "'");
    }
    l.config()->parameters[name] = d;
    l.Note("parameters." + name, kv.first);
  }
}

void ParseStance(const YAML::Node& n, Loader& l) {
  const std::string v = l.Scalar(n, "stance");
  if (!analyzer::ValidStance(v)) {
    l.Fail(n, "stance must be neutral, party-a, party-b, customer or vendor, not '" + v + "'");
  }
  l.config()->stance = v;
}

void ParseLanguage(const YAML::Node& n, Loader& l) {
  const std::string v = l.Scalar(n, "language");
  if (v != "auto" && v != "en" && v != "zh" && v != "mixed") {
    l.Fail(n, "language must be auto, en, zh or mixed, not '" + v + "'");
  }
  l.config()->language = v;
}

void ParseDateOrder(const YAML::Node& n, Loader& l) {
  const std::string v = l.Scalar(n, "date_order");
  if (v != "auto" && v != "mdy" && v != "dmy") {
    l.Fail(n, "date_order must be auto, mdy or dmy, not '" + v + "'");
  }
  l.config()->date_order = v;
}

void ParseWaivers(const YAML::Node& n, Loader& l) {
  if (!n.IsSequence()) l.Fail(n, "waivers must be a list of files");
  for (const auto& item : n) l.config()->waivers.push_back(l.Path(item, "waivers item"));
}

struct Section {
  const char* key;
  void (*parse)(const YAML::Node&, Loader&);
};

const Section kSections[] = {
    {"rulesets", ParseRulesets},
    {"default_ruleset", ParseDefaultRuleset},
    {"rules", ParseRules},
    {"fail_on", ParseFailOn},
    {"as_of", ParseAsOf},
    {"jobs", ParseJobs},
    {"max_file_size", ParseMaxFileSize},
    {"output", ParseOutput},
    {"xml", ParseXml},
    {"check", ParseCheck},
    {"parameters", ParseParameters},
    {"stance", ParseStance},
    {"language", ParseLanguage},
    {"date_order", ParseDateOrder},
    {"waivers", ParseWaivers},
};

// ------------------------------------------------------------------ show --

std::string Quote(const std::string& s) {
  const bool plain = !s.empty() &&
                     s.find_first_not_of(
                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                         "0123456789_./-*") == std::string::npos &&
                     s[0] != '*' && s[0] != '-' && s != "true" && s != "false" && s != "null";
  if (plain) return s;
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("''") : std::string(1, c);
  return q + "'";
}

std::string QuoteList(const std::vector<std::string>& items) {
  std::string s = "[";
  for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + Quote(items[i]);
  return s + "]";
}

std::string Opt(const std::optional<std::string>& v, const std::string& fallback) {
  return v ? Quote(*v) : fallback;
}

std::string Size(uint64_t bytes) {
  for (auto [shift, unit] : {std::pair{30, "G"}, {20, "M"}, {10, "K"}}) {
    if (bytes % (uint64_t{1} << shift) == 0) return std::to_string(bytes >> shift) + unit;
  }
  return std::to_string(bytes);
}

}  // namespace

Result<Config> ParseConfig(const std::string& yaml, const std::string& source) {
  Config config;
  config.source = source;
  Loader loader(source, &config);
  try {
    YAML::Node root = YAML::Load(yaml);
    if (root.IsNull()) return config;  // an empty file
    std::set<std::string> keys;
    for (const Section& s : kSections) keys.insert(s.key);
    loader.CheckKeys(root, keys, "the configuration");
    for (const Section& s : kSections) {
      if (root[s.key]) s.parse(root[s.key], loader);
    }
  } catch (const ConfigError& e) {
    return Error{ErrorCode::kConfig, e.message, source + ":" + std::to_string(e.line)};
  } catch (const YAML::Exception& e) {
    return Error{ErrorCode::kConfig, "invalid YAML: " + e.msg,
                 source + ":" + std::to_string(e.mark.line + 1)};
  }
  return config;
}

std::string FindConfigFile(const std::string& flag, const std::string& env_value,
                           const std::string& cwd) {
  if (!flag.empty()) return flag;
  if (!env_value.empty()) return env_value;
  std::error_code ec;
  fs::path dir = cwd.empty() ? fs::current_path(ec) : fs::path(cwd);
  if (ec) return "";
  dir = fs::absolute(dir, ec);
  for (int depth = 0; depth < 256 && !dir.empty(); ++depth) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return "";
}

Result<Config> LoadConfig(const std::string& path) {
  if (path.empty()) return Config{};
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Error{ErrorCode::kConfig, "cannot read configuration file", path};
  }
  auto text = ReadWholeFile(path);
  if (!text.ok()) return Error{ErrorCode::kConfig, "cannot read configuration file", path};
  return ParseConfig(text.value(), path);
}

Result<bool> ApplyRuleSettings(const Config& config, analyzer::Ruleset* rs) {
  auto where = [&config](const std::string& key) {
    auto it = config.where.find(key);
    return it == config.where.end() ? config.source : it->second;
  };
  auto matches = [](const std::string& glob, const std::string& id) {
    return fnmatch(glob.c_str(), id.c_str(), 0) == 0;
  };
  for (const auto& [key, globs] : {std::pair{std::string("disable"), &config.disable_rules},
                                   std::pair{std::string("enable"), &config.enable_rules}}) {
    for (const std::string& glob : *globs) {
      if (std::none_of(rs->rules.begin(), rs->rules.end(),
                       [&](const analyzer::Rule& r) { return matches(glob, r.id); })) {
        return Error{ErrorCode::kConfig, "rules." + key + ": '" + glob + "' names no rule",
                     where("rules." + key + "." + glob)};
      }
    }
  }
  for (const auto& [id, severity] : config.severity) {
    // id by name: clang before 16 cannot capture a structured binding.
    auto it = std::find_if(rs->rules.begin(), rs->rules.end(),
                           [&rule_id = id](const analyzer::Rule& r) { return r.id == rule_id; });
    if (it == rs->rules.end()) {
      return Error{ErrorCode::kConfig, "rules.severity: no rule '" + id + "'",
                   where("rules.severity." + id)};
    }
    it->severity = severity;
  }
  for (const auto& [name, value] : config.parameters) {
    if (!rs->parameters.count(name)) {
      std::string known;
      for (const auto& [k, v] : rs->parameters) known += (known.empty() ? "" : ", ") + k;
      return Error{ErrorCode::kConfig,
                   "parameters: no parameter '" + name + "' (known: " + known + ")",
                   where("parameters." + name)};
    }
    rs->parameters[name] = value;
  }
  auto any = [&](const std::vector<std::string>& globs, const std::string& id) {
    return std::any_of(globs.begin(), globs.end(),
                       [&](const std::string& g) { return matches(g, id); });
  };
  std::erase_if(rs->rules, [&](const analyzer::Rule& r) {
    return any(config.disable_rules, r.id) && !any(config.enable_rules, r.id);
  });
  return true;
}

void WriteConfig(const Config& c, std::ostream& out) {
  out << "# effective configuration: "
      << (c.source.empty() ? "no configuration file, built-in defaults"
                           : "from " + c.source + ", built-in defaults for the rest")
      << "\n";
  out << "rulesets: " << QuoteList(c.rulesets) << "\n";
  out << "default_ruleset: " << (c.default_ruleset.value_or(true) ? "true" : "false") << "\n";
  out << "rules:\n";
  out << "  disable: " << QuoteList(c.disable_rules) << "\n";
  out << "  enable: " << QuoteList(c.enable_rules) << "\n";
  out << "  severity:" << (c.severity.empty() ? " {}" : "") << "\n";
  for (const auto& [id, s] : c.severity) out << "    " << Quote(id) << ": " << Name(s) << "\n";
  out << "fail_on: " << Opt(c.fail_on, "never") << "\n";
  out << "as_of: " << Opt(c.as_of, "null") << "\n";
  out << "jobs: " << (c.jobs ? std::to_string(*c.jobs) : "auto") << "\n";
  out << "max_file_size: " << Size(c.max_file_size.value_or(parsers::Limits{}.max_file_size))
      << "\n";
  out << "output:\n";
  out << "  format: " << Opt(c.format, "console") << "\n";
  out << "  output_dir: " << Opt(c.output_dir, "null") << "\n";
  out << "  color: " << Opt(c.color, "auto") << "\n";
  out << "xml:\n";
  out << "  maps: " << QuoteList(c.xml_maps) << "\n";
  out << "  map_dir: " << Opt(c.xml_map_dir, "null") << "\n";
  out << "parameters:" << (c.parameters.empty() ? " {}" : "") << "\n";
  for (const auto& [name, v] : c.parameters) {
    std::ostringstream num;
    num << v;
    out << "  " << Quote(name) << ": " << num.str() << "\n";
  }
  out << "stance: " << Opt(c.stance, "neutral") << "\n";
  out << "language: " << Opt(c.language, "auto") << "\n";
  out << "date_order: " << Opt(c.date_order, "auto") << "\n";
  out << "waivers: " << QuoteList(c.waivers) << "\n";
  out << "check:\n";
  out << "  fail_on: " << Opt(c.check_fail_on, kCheckDefaultFailOn) << "\n";
  std::vector<std::string> kinds;
  for (Kind k : c.check_block_kinds.value_or(kCheckDefaultBlockKinds)) {
    kinds.emplace_back(Name(k));
  }
  out << "  block_kinds: " << QuoteList(kinds) << "\n";
}

}  // namespace clausecheck::cli
