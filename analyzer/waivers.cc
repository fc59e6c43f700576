#include "analyzer/waivers.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <cstdio>

namespace clausecheck::analyzer {

std::string Fingerprint(std::string_view rule, std::string_view clause_text) {
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&](unsigned char c) {
    h ^= c;
    h *= 1099511628211ULL;
  };
  for (char c : rule) mix(static_cast<unsigned char>(c));
  mix('\n');
  bool space = false;
  for (char c : clause_text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u == ' ' || u == '\t' || u == '\n' || u == '\r') {
      space = true;
      continue;
    }
    if (space) mix(' ');
    space = false;
    mix(u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u - 'A' + 'a') : u);
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void FingerprintFindings(Review* review) {
  for (Finding& f : review->findings) {
    std::string_view text = "document";
    for (const Clause& c : review->clauses) {
      if (c.id == f.clause_id) text = c.text;
    }
    f.fingerprint = Fingerprint(f.rule, text);
  }
}

Result<std::vector<Waiver>> ParseWaivers(std::string_view yaml, std::string_view source_name) {
  const std::string file(source_name);
  auto error = [&](const YAML::Mark& mark, const std::string& message) {
    return Error{ErrorCode::kConfig, message,
                 file + ":" + std::to_string(mark.line >= 0 ? mark.line + 1 : 0)};
  };
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    std::vector<Waiver> out;
    if (!root.IsDefined() || root.IsNull()) return out;
    if (!root.IsMap()) return error(root.Mark(), "a waivers file is a map with 'waivers:'");
    for (const auto& kv : root) {
      if (kv.first.as<std::string>() != "waivers") {
        return error(kv.first.Mark(), "unknown key '" + kv.first.as<std::string>() +
                                          "' in waivers file (known: waivers)");
      }
    }
    const YAML::Node list = root["waivers"];
    if (!list || !list.IsSequence()) return error(root.Mark(), "'waivers' must be a list");
    for (const auto& w : list) {
      if (!w.IsMap()) return error(w.Mark(), "a waiver is a map: {rule, fingerprint, reason}");
      Waiver waiver;
      for (const auto& kv : w) {
        const std::string key = kv.first.as<std::string>();
        if (!kv.second.IsScalar()) return error(kv.second.Mark(), "'" + key + "' must be text");
        if (key == "rule") {
          waiver.rule = kv.second.Scalar();
        } else if (key == "fingerprint") {
          waiver.fingerprint = kv.second.Scalar();
          static const RE2 hex16("[0-9a-f]{16}");
          if (!RE2::FullMatch(waiver.fingerprint, hex16)) {
            return error(kv.second.Mark(), "a fingerprint is 16 hex digits, as in the report");
          }
        } else if (key == "reason") {
          waiver.reason = kv.second.Scalar();
        } else {
          return error(kv.first.Mark(),
                       "unknown key '" + key + "' in waiver (known: fingerprint, reason, rule)");
        }
      }
      if (waiver.rule.empty()) return error(w.Mark(), "a waiver needs 'rule'");
      if (waiver.reason.empty()) return error(w.Mark(), "a waiver needs 'reason'");
      out.push_back(std::move(waiver));
    }
    return out;
  } catch (const YAML::Exception& e) {
    return error(e.mark, "invalid YAML: " + e.msg);
  }
}

void ApplyWaivers(const std::vector<Waiver>& waivers, const std::set<std::string>& baseline,
                  Review* review) {
  // "clausecheck-waive: liability.uncapped agreed with legal, 2026-11"
  static const RE2 in_comment(R"((?i)clausecheck-waive\s*[:：]\s*([a-z0-9_.\-]+)\s*(.*))");
  for (Finding& f : review->findings) {
    if (f.suppressed) continue;
    for (const Clause& c : review->clauses) {
      if (c.id != f.clause_id || f.clause_id.empty()) continue;
      for (int b = c.first_block; b < c.end_block && !f.suppressed; ++b) {
        for (const Mark& m : review->document.blocks[b].marks) {
          std::string rule, reason;
          if (m.kind == MarkKind::kComment &&
              RE2::PartialMatch(m.text, in_comment, &rule, &reason) && rule == f.rule) {
            f.suppressed = Suppression{reason.empty() ? "waived in a comment" : reason, "comment"};
            break;
          }
        }
      }
    }
    for (const Waiver& w : waivers) {
      if (f.suppressed) break;
      if (w.rule == f.rule && (w.fingerprint.empty() || w.fingerprint == f.fingerprint)) {
        f.suppressed = Suppression{w.reason, "waivers"};
      }
    }
    if (!f.suppressed && baseline.count(f.fingerprint)) {
      f.suppressed = Suppression{"in the baseline report", "baseline"};
    }
  }
}

}  // namespace clausecheck::analyzer
