#include "reports/json.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/utf8.h"

namespace clausecheck::reports {
namespace {

using Json = nlohmann::ordered_json;

// Eight bytes of `s` from `i`, in memory order (any byte order works: the
// tests below only ask whether some byte qualifies).
inline uint64_t Load8(std::string_view s, size_t i) {
  uint64_t w;
  std::memcpy(&w, s.data() + i, sizeof w);
  return w;
}

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

// Whether some byte of `w` is below 0x20, '"' or '\\' (exact: the classic
// "has zero byte" and "has byte less than" tests have no false positives).
inline bool HasSpecial(uint64_t w) {
  const uint64_t quote = w ^ (kOnes * '"');
  const uint64_t backslash = w ^ (kOnes * '\\');
  const uint64_t below = (w - kOnes * 0x20) & ~w;
  return ((below | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHighs) != 0;
}

inline bool IsSpecial(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// The first byte at or after `i` that JSON must escape, or s.size().
size_t FirstSpecial(std::string_view s, size_t i) {
  while (i + 8 <= s.size() && !HasSpecial(Load8(s, i))) i += 8;
  while (i < s.size() && !IsSpecial(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// The first byte at or after `i` that must be escaped or is not ASCII, or s.size().
size_t FirstSpecialOrNonAscii(std::string_view s, size_t i) {
  while (i + 8 <= s.size()) {
    const uint64_t w = Load8(s, i);
    if ((w & kHighs) != 0 || HasSpecial(w)) break;
    i += 8;
  }
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || IsSpecial(c)) break;
    ++i;
  }
  return i;
}

// Writes JSON text straight from the Review, byte for byte what
// nlohmann::ordered_json::dump writes for the same values (2-space indent
// when pretty, one line otherwise; numbers and escaping as nlohmann's), but
// without building a tree of the whole report first.
class Writer {
 public:
  explicit Writer(bool pretty) : pretty_(pretty) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // A key and its value.
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  template <typename Int>
  requires std::is_integral_v<Int>
  void Field(std::string_view key, Int value) {
    Key(key);
    Integer(value);
  }
  template <typename Text>
  void FieldOrNull(std::string_view key, const Text& value) {
    Key(key);
    StringOrNull(value);
  }
  void Key(std::string_view key) {
    Element();
    Escaped(key);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
  }
  void String(std::string_view s) {
    Element();
    Escaped(s);
  }
  void Null() {
    Element();
    out_ += "null";
  }
  void Bool(bool b) {
    Element();
    out_ += b ? "true" : "false";
  }
  template <typename Int>
  requires std::is_integral_v<Int>
  void Integer(Int n) {
    Element();
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
  }
  // nlohmann's: shortest round trip (Grisu2), null for NaN and infinities.
  void Double(double d) {
    Element();
    if (!std::isfinite(d)) {
      out_ += "null";
      return;
    }
    char buf[64];
    out_.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, d));
  }
  void Strings(const std::vector<std::string>& list) {
    BeginArray();
    for (const std::string& s : list) String(s);
    EndArray();
  }
  // Every optional value in the report is null when absent, never "", so
  // that a consumer has one test for "not there" (docs/report-format.md).
  void StringOrNull(const std::string& s) {
    if (s.empty()) {
      Null();
    } else {
      String(s);
    }
  }
  void StringOrNull(const std::optional<std::string>& s) {
    if (s) {
      StringOrNull(*s);
    } else {
      Null();
    }
  }
  void NumberOrNull(const std::optional<double>& n) {
    if (n) {
      Double(*n);
    } else {
      Null();
    }
  }
  // Durations are counts ("30 days"): written as integers when whole so that
  // the report reads 30, not 30.0.
  void CountOrNull(const std::optional<double>& n) {
    double whole = 0;
    if (!n || !std::isfinite(*n)) {
      Null();
    } else if (std::modf(*n, &whole) == 0.0 && std::fabs(whole) < 9.0e15) {
      Integer(static_cast<long long>(whole));
    } else {
      Double(*n);
    }
  }
  // `s` when it is in `allowed`, else `fallback` (null when null), so the
  // report always stays inside the schema's enums.
  template <size_t N>
  void OneOf(const std::string& s, const std::array<std::string_view, N>& allowed,
             const char* fallback) {
    for (std::string_view a : allowed) {
      if (s == a) return String(s);
    }
    if (fallback) {
      String(fallback);
    } else {
      Null();
    }
  }

  std::string Take() { return std::move(out_); }
  // Room for `bytes` of output, so that a large report is not copied as it grows.
  void Reserve(size_t bytes) { out_.reserve(bytes); }

 private:
  void Open(char bracket) {
    Element();
    out_ += bracket;
    counts_.push_back(0);
  }
  void Close(char bracket) {
    const int n = counts_.back();
    counts_.pop_back();
    if (n > 0 && pretty_) NewLine();
    out_ += bracket;
  }
  // Before a value: the comma and, pretty, the line and indent of an element.
  void Element() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) out_ += ',';
    if (pretty_) NewLine();
  }
  void NewLine() {
    out_ += '\n';
    out_.append(2 * counts_.size(), ' ');
  }
  // As nlohmann escapes with ensure_ascii off: ", \ and control characters
  // escaped, UTF-8 as it is. Invalid UTF-8 (which block text never is, by
  // construction) is left to nlohmann itself, which writes U+FFFD for it.
  // The bytes between two that need escaping are copied as one run.
  void Escaped(std::string_view s) {
    const size_t first = FirstSpecialOrNonAscii(s, 0);
    if (first == s.size()) {
      out_ += '"';
      out_ += s;
      out_ += '"';
      return;
    }
    if (!utf8::IsValid(s.substr(first))) {  // the bytes before `first` are ASCII
      out_ += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    size_t i = 0;
    while (true) {
      const size_t special = FirstSpecial(s, i);
      out_.append(s.data() + i, special - i);
      if (special == s.size()) break;
      const char c = s[special];
      switch (c) {
        case '\b': out_ += "\\b"; break;
        case '\t': out_ += "\\t"; break;
        case '\n': out_ += "\\n"; break;
        case '\f': out_ += "\\f"; break;
        case '\r': out_ += "\\r"; break;
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out_ += buf;
        }
      }
      i = special + 1;
    }
    out_ += '"';
  }

  bool pretty_;
  bool after_key_ = false;
  std::vector<int> counts_;  // elements so far in each open object or array
  std::string out_;
};

constexpr std::array<std::string_view, 10> kDateRoles = {
    "effective", "start",   "end",     "signing", "expiry",
    "delivery",  "payment", "renewal", "notice",  "other"};
constexpr std::array<std::string_view, 5> kDurationUnits = {"day", "business_day", "week", "month",
                                                            "year"};
constexpr std::array<std::string_view, 3> kPercentagePer = {"year", "month", "day"};
constexpr std::array<std::string_view, 2> kForumTypes = {"court", "arbitration"};
constexpr std::array<std::string_view, 4> kLanguages = {"en", "zh", "mixed", "unknown"};

void WriteTool(Writer& w, const ToolInfo& tool) {
  w.BeginObject();
  w.Field("name", tool.name);
  w.Field("version", tool.version);
  w.EndObject();
}

void WriteLocation(Writer& w, const std::optional<Location>& loc) {
  if (!loc) return w.Null();
  w.BeginObject();
  w.Field("part", loc->part);
  w.Field("block", loc->block);
  w.Field("start", loc->start);
  w.Field("end", loc->end);
  w.EndObject();
}

void WriteDocument(Writer& w, const Review& review) {
  const Document& d = review.document;
  w.BeginObject();
  w.Field("path", d.path);
  w.Field("format", Name(d.format));
  w.FieldOrNull("sha256", d.sha256);
  w.Key("language");
  w.OneOf(review.language, kLanguages, "unknown");
  w.Key("contract_types");
  w.Strings(review.contract_types);
  w.FieldOrNull("encoding", d.encoding);
  w.Field("blocks", d.blocks.size());
  w.Field("clauses", review.clauses.size());
  w.Field("characters", review.characters);
  w.Key("notices");
  w.Strings(d.notices);
  w.EndObject();
}

void WriteCounts(Writer& w, const Review& review) {
  w.BeginObject();
  for (Severity s :
       {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo}) {
    w.Key(Name(s));
    w.Integer(review.counts[static_cast<size_t>(s)]);
  }
  w.EndObject();
}

void WriteClause(Writer& w, const Review& review, const Clause& c) {
  const auto& clauses = review.clauses;
  const auto& blocks = review.document.blocks;
  w.BeginObject();
  w.Field("id", c.id);
  w.FieldOrNull("number", c.number);
  w.FieldOrNull("heading", c.heading);
  w.Field("level", c.level);
  w.Key("parent");
  if (c.parent >= 0 && static_cast<size_t>(c.parent) < clauses.size()) {
    w.String(clauses[c.parent].id);
  } else {
    w.Null();
  }
  w.Key("categories");
  w.BeginArray();
  for (Category cat : c.categories) w.String(Name(cat));
  w.EndArray();
  w.Key("tags");
  w.Strings(c.tags);
  w.Field("text", c.text);
  w.Key("location");
  if (c.first_block >= 0 && static_cast<size_t>(c.first_block) < blocks.size()) {
    const SourceRef& src = blocks[c.first_block].source;
    w.BeginObject();
    w.Field("part", src.part);
    w.Field("block", src.index);
    w.EndObject();
  } else {
    w.Null();  // a clause without blocks: never from the segmenter
  }
  w.EndObject();
}

void WriteFinding(Writer& w, const Finding& f) {
  w.BeginObject();
  w.Field("id", f.id);
  w.Field("rule", f.rule);
  w.Field("category", Name(f.category));
  w.Field("kind", Name(f.kind));
  w.Field("severity", Name(f.severity));
  w.Field("message", f.message);
  w.FieldOrNull("recommendation", f.recommendation);
  w.FieldOrNull("clause", f.clause_id);
  w.FieldOrNull("evidence", f.evidence);
  w.FieldOrNull("affects", f.affects);
  w.Field("fingerprint", f.fingerprint);
  w.Key("suppressed");
  if (f.suppressed) {
    w.BeginObject();
    w.Field("reason", f.suppressed->reason);
    w.Field("source", f.suppressed->source);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("location");
  WriteLocation(w, f.location);
  w.EndObject();
}

// The type-specific fields first, in the order DESIGN.md gives them, then
// the fields every fact has.
void WriteFact(Writer& w, const Fact& f) {
  w.BeginObject();
  // Written twice, in words and in figures: the words' value and whether the
  // two agree (null when written once).
  auto twice = [&] {
    w.Key("words");
    w.CountOrNull(f.words);
    w.Key("consistent");
    if (f.words && f.number) {
      w.Bool(std::fabs(*f.words - *f.number) < 0.005);
    } else {
      w.Null();
    }
  };
  // The value, null for a placeholder.
  auto value = [&](auto write) {
    w.Key("value");
    if (f.placeholder) {
      w.Null();
    } else {
      write();
    }
  };
  switch (f.type) {
    case FactType::kDate:
      value([&] { w.StringOrNull(f.value); });
      w.Key("role");
      w.OneOf(f.role, kDateRoles, "other");
      w.Key("ambiguous");
      w.Bool(f.ambiguous);
      w.Key("relative");
      if (f.relative) {
        w.BeginObject();
        w.Field("anchor", f.relative->anchor);
        w.Key("offset");
        w.CountOrNull(f.relative->offset);
        w.Key("unit");
        if (f.relative->offset == 0) {
          w.Null();
        } else {
          w.OneOf(f.relative->unit, kDurationUnits, nullptr);
        }
        w.Field("direction", f.relative->direction == "before" ? "before" : "after");
        w.EndObject();
      } else {
        w.Null();
      }
      break;
    case FactType::kAmount:
      value([&] { w.NumberOrNull(f.number); });
      w.FieldOrNull("currency", f.currency);
      twice();
      break;
    case FactType::kDuration:
      value([&] { w.CountOrNull(f.number); });
      w.Key("unit");
      w.OneOf(f.unit, kDurationUnits, nullptr);
      twice();
      break;
    case FactType::kPercentage:
      value([&] { w.NumberOrNull(f.number); });
      w.Key("per");
      w.OneOf(f.per, kPercentagePer, nullptr);
      w.Key("annual");
      if (f.placeholder) {
        w.Null();
      } else {
        w.NumberOrNull(f.annual);
      }
      twice();
      break;
    case FactType::kParty:
      value([&] { w.StringOrNull(f.value); });
      w.FieldOrNull("short", f.short_name);
      w.FieldOrNull("role", f.role);
      w.Key("mentions");
      w.Strings(f.mentions);
      break;
    case FactType::kGoverningLaw: value([&] { w.StringOrNull(f.value); }); break;
    case FactType::kForum:
      w.Key("type");
      w.OneOf(f.forum_type, kForumTypes, nullptr);
      value([&] { w.StringOrNull(f.value); });
      w.FieldOrNull("seat", f.seat);
      w.FieldOrNull("rules", f.rules);
      w.FieldOrNull("language", f.language);
      w.Key("arbitrators");
      if (f.arbitrators) {
        w.Integer(*f.arbitrators);
      } else {
        w.Null();
      }
      break;
    case FactType::kDefinedTerm:
      w.FieldOrNull("value", f.value);
      w.Field("uses", f.uses);
      break;
    case FactType::kReference:
      w.FieldOrNull("value", f.value);
      w.FieldOrNull("target", f.target);
      break;
  }
  w.Key("placeholder");
  w.Bool(f.placeholder);
  w.Field("text", f.text);
  w.FieldOrNull("clause", f.clause_id);
  w.Key("location");
  WriteLocation(w, f.location);
  w.EndObject();
}

void WriteFacts(Writer& w, const std::vector<Fact>& facts) {
  constexpr std::array<FactType, 9> kOrder = {
      FactType::kDate,       FactType::kAmount,      FactType::kDuration,
      FactType::kPercentage, FactType::kParty,       FactType::kGoverningLaw,
      FactType::kForum,      FactType::kDefinedTerm, FactType::kReference};
  w.BeginObject();
  for (FactType t : kOrder) {
    w.Key(Name(t));
    w.BeginArray();
    for (const Fact& f : facts) {
      if (f.type == t) WriteFact(w, f);
    }
    w.EndArray();
  }
  w.EndObject();
}

Json ToolJson(const ToolInfo& tool) {
  Json j;
  j["name"] = tool.name;
  j["version"] = tool.version;
  return j;
}

}  // namespace

std::string ReportJsonText(const Review& review, const ToolInfo& tool, bool pretty) {
  Writer w(pretty);
  // About what the report takes: the clause texts, and a few hundred bytes
  // for each clause's other fields, each finding and each fact.
  size_t estimate = 4096;
  for (const Clause& c : review.clauses) estimate += c.text.size() + c.heading.size() + 256;
  estimate += 512 * (review.findings.size() + review.facts.size());
  w.Reserve(pretty ? estimate * 2 : estimate);
  w.BeginObject();
  w.Field("schema", kReportSchema);
  w.Key("tool");
  WriteTool(w, tool);
  w.Key("ruleset");
  w.BeginObject();
  w.Field("name", review.ruleset.name);
  w.Field("version", review.ruleset.version);
  w.Field("rules", review.ruleset.rules);
  w.EndObject();
  w.Key("document");
  WriteDocument(w, review);
  w.Field("verdict", Name(review.verdict));
  w.Field("risk_score", review.risk_score);
  w.Key("counts");
  WriteCounts(w, review);
  w.Key("clauses");
  w.BeginArray();
  for (const Clause& c : review.clauses) WriteClause(w, review, c);
  w.EndArray();
  w.Key("findings");
  w.BeginArray();
  for (const Finding& f : review.findings) WriteFinding(w, f);
  w.EndArray();
  w.Key("facts");
  WriteFacts(w, review.facts);
  w.EndObject();
  std::string out = w.Take();
  out += '\n';
  return out;
}

nlohmann::ordered_json FactsReportJson(const std::vector<Fact>& facts) {
  Writer w(false);
  WriteFacts(w, facts);
  return Json::parse(w.Take());
}

nlohmann::ordered_json ReportJson(const Review& review, const ToolInfo& tool) {
  return Json::parse(ReportJsonText(review, tool, false));
}

nlohmann::ordered_json ErrorJson(std::string_view path, const Error& error, const ToolInfo& tool) {
  Json j;
  j["schema"] = kReportSchema;
  j["tool"] = ToolJson(tool);
  Json document;
  document["path"] = path;
  j["document"] = std::move(document);
  Json err;
  err["code"] = ErrorCodeName(error.code);
  err["message"] = error.message;
  j["error"] = std::move(err);
  return j;
}

std::string Serialize(const nlohmann::ordered_json& j, bool pretty) {
  // replace: invalid UTF-8 (which block text never is, by construction)
  // becomes U+FFFD rather than an exception.
  std::string s = j.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace);
  s += '\n';
  return s;
}

}  // namespace clausecheck::reports
