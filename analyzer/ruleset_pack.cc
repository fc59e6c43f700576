#include "analyzer/ruleset_pack.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "analyzer/prefilter.h"

namespace clausecheck::analyzer {
namespace {

// Bumped whenever a field is added, removed or reordered below.
constexpr uint8_t kFormatVersion = 2;

// The largest value of each enum the ruleset holds, for checking on reading.
template <typename E>
constexpr uint64_t kEnumMax = 0;
template <>
constexpr uint64_t kEnumMax<Category> = kCategoryCount - 1;
template <>
constexpr uint64_t kEnumMax<Kind> = static_cast<uint64_t>(Kind::kDraft);
template <>
constexpr uint64_t kEnumMax<Severity> = static_cast<uint64_t>(Severity::kCritical);
template <>
constexpr uint64_t kEnumMax<Lang> = static_cast<uint64_t>(Lang::kAny);
template <>
constexpr uint64_t kEnumMax<FactType> = static_cast<uint64_t>(FactType::kReference);
template <>
constexpr uint64_t kEnumMax<MarkKind> = static_cast<uint64_t>(MarkKind::kComment);
template <>
constexpr uint64_t kEnumMax<Condition::Kind> = static_cast<uint64_t>(Condition::Kind::kAll);
template <>
constexpr uint64_t kEnumMax<Comparison::Op> = static_cast<uint64_t>(Comparison::Op::kAfter);
template <>
constexpr uint64_t kEnumMax<LiteralFormula::Op> = static_cast<uint64_t>(LiteralFormula::Op::kOr);

// A pattern and its analysis, packed on its own (PackPatternAnalyses).
struct AnalysisEntry {
  std::string pattern;
  std::string analysis;
};

// Every struct's fields, in declaration order, for the Writer and the Reader
// alike (T is const for writing), so that the two cannot disagree.
template <typename A, typename T>
void Fields(A& a, T& s) {
  using S = std::remove_const_t<T>;
  if constexpr (std::is_same_v<S, ClauseSelector>) {
    a(s.categories, s.tags);
  } else if constexpr (std::is_same_v<S, FactSelector>) {
    a(s.type, s.roles, s.forum, s.value, s.not_value, s.currency, s.not_currency, s.in, s.in_tags,
      s.not_in, s.near, s.not_near, s.preceded_by, s.followed_by);
  } else if constexpr (std::is_same_v<S, Condition>) {
    a(s.kind, s.clause, s.fact, s.text, s.conditions);
  } else if constexpr (std::is_same_v<S, Occurrence>) {
    a(s.select, s.min, s.max);
  } else if constexpr (std::is_same_v<S, Conflict>) {
    a(s.facts, s.field, s.across_clauses);
  } else if constexpr (std::is_same_v<S, Comparison>) {
    a(s.fact, s.op, s.number, s.parameter, s.per, s.other);
  } else if constexpr (std::is_same_v<S, RuleExample>) {
    a(s.text, s.evidence, s.as_of, s.mark, s.line);
  } else if constexpr (std::is_same_v<S, Classifier>) {
    a(s.category, s.tag, s.lang, s.heading, s.text, s.unless, s.sentence_scope, s.inherit_tag,
      s.match_examples, s.no_match_examples, s.source);
  } else if constexpr (std::is_same_v<S, Rule>) {
    a(s.id, s.category, s.kind, s.severity, s.lang, s.in, s.in_tags, s.not_in, s.match, s.unless,
      s.except, s.sentence_scope, s.require, s.occurrence, s.conflict, s.compare, s.document_scope,
      s.when, s.unless_document, s.check, s.hurts, s.for_types, s.not_for_types, s.marks, s.message,
      s.recommendation, s.message_zh, s.recommendation_zh, s.basis, s.match_examples,
      s.no_match_examples, s.source);
  } else if constexpr (std::is_same_v<S, LiteralFormula>) {
    a(s.op, s.atom, s.kids);
  } else if constexpr (std::is_same_v<S, PatternAnalysis::Alternative>) {
    a(s.exact, s.loose, s.same_up_to);
  } else if constexpr (std::is_same_v<S, PatternAnalysis>) {
    a(s.loosened, s.loose, s.same_up_to, s.split, s.plain, s.alternatives, s.formula);
  } else if constexpr (std::is_same_v<S, AnalysisEntry>) {
    a(s.pattern, s.analysis);
  } else if constexpr (std::is_same_v<S, Ruleset>) {
    a(s.name, s.version, s.description, s.classifiers, s.rules, s.disable, s.parameters,
      s.patterns_checked);
  } else {
    static_assert(!sizeof(S), "no fields listed for this type");
  }
}

class Writer {
 public:
  template <typename... Ts>
  void operator()(const Ts&... values) {
    (Put(values), ...);
  }
  std::string Take() { return std::move(out_); }

 private:
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Put(const std::string& s) {
    Varint(s.size());
    out_ += s;
  }
  void Put(bool b) { out_.push_back(b ? 1 : 0); }
  void Put(int v) { Varint(static_cast<uint64_t>(static_cast<uint32_t>(v))); }
  // Zigzag: small magnitudes of either sign take few bytes.
  void Put(long v) {
    const auto u = static_cast<uint64_t>(v);
    Varint(v < 0 ? ~(u << 1) : u << 1);
  }
  void Put(double d) {
    uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>(bits >> (8 * i)));
  }
  void Put(const CompiledPattern& p) { Put(p.source); }
  template <typename E>
  requires std::is_enum_v<E>
  void Put(E e) { Varint(static_cast<uint64_t>(e)); }
  template <typename T>
  void Put(const std::optional<T>& o) {
    Put(o.has_value());
    if (o) Put(*o);
  }
  template <typename T>
  void Put(const std::vector<T>& v) {
    Varint(v.size());
    for (const T& e : v) Put(e);
  }
  void Put(const std::map<std::string, double>& m) {
    Varint(m.size());
    for (const auto& [k, v] : m) {
      Put(k);
      Put(v);
    }
  }
  template <typename T>
  requires std::is_class_v<T>
  void Put(const T& s) { Fields(*this, s); }

  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  template <typename... Ts>
  void operator()(Ts&... values) {
    (Get(values), ...);
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  // A count of items, each of which takes at least one byte.
  size_t Count() {
    const uint64_t n = Varint();
    if (n > in_.size() - pos_) return Fail(), 0;
    return static_cast<size_t>(n);
  }
  // A string, as a view of the bytes read.
  std::string_view View() {
    const size_t n = Count();
    const std::string_view v = in_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  uint8_t Byte() {
    if (pos_ >= in_.size()) return Fail(), 0;
    return static_cast<uint8_t>(in_[pos_++]);
  }

 private:
  void Fail() {
    ok_ = false;
    pos_ = in_.size();  // every later read fails at once
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const uint8_t b = Byte();
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) {
        if (b == 0 && shift > 0) break;  // not the shortest form: the writer never does that
        return v;
      }
    }
    Fail();
    return 0;
  }
  void Get(std::string& s) {
    const size_t n = Count();
    s.assign(in_.substr(pos_, n));
    pos_ += n;
  }
  void Get(bool& b) {
    const uint8_t v = Byte();
    if (v > 1) Fail();
    b = v == 1;
  }
  void Get(int& v) {
    const uint64_t u = Varint();
    if (u > UINT32_MAX) Fail();
    v = static_cast<int>(static_cast<uint32_t>(u));
  }
  void Get(long& v) {
    const uint64_t u = Varint();
    v = static_cast<long>(u & 1 ? ~(u >> 1) : u >> 1);
  }
  void Get(double& d) {
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= static_cast<uint64_t>(Byte()) << (8 * i);
    std::memcpy(&d, &bits, sizeof d);
  }
  void Get(CompiledPattern& p) {
    std::string source;
    Get(source);
    if (!source.empty()) p = CompilePattern(std::move(source));
  }
  template <typename E>
  requires std::is_enum_v<E>
  void Get(E& e) {
    const uint64_t v = Varint();
    if (v > kEnumMax<E>) Fail();
    e = ok_ ? static_cast<E>(v) : E{};
  }
  template <typename T>
  void Get(std::optional<T>& o) {
    bool has = false;
    Get(has);
    if (has) Get(o.emplace());
  }
  template <typename T>
  void Get(std::vector<T>& v) {
    const size_t n = Count();
    v.resize(n);
    for (T& e : v) Get(e);
  }
  void Get(std::map<std::string, double>& m) {
    const size_t n = Count();
    for (size_t i = 0; i < n && ok_; ++i) {
      std::string k;
      Get(k);
      // The writer writes the keys in order, each once.
      if (!m.empty() && !(m.rbegin()->first < k)) return Fail();
      Get(m[std::move(k)]);
    }
  }
  template <typename T>
  requires std::is_class_v<T>
  void Get(T& s) { Fields(*this, s); }

  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

std::string PackRuleset(const Ruleset& rs) {
  Writer w;
  w(static_cast<int>(kFormatVersion), rs);
  return w.Take();
}

Result<Ruleset> UnpackRuleset(std::string_view bytes) {
  Reader r(bytes);
  Ruleset rs;
  int version = 0;
  r(version);
  if (version != kFormatVersion) {
    return Error{ErrorCode::kInternal,
                 "packed ruleset: format version " + std::to_string(version) + ", expected " +
                     std::to_string(kFormatVersion),
                 ""};
  }
  r(rs);
  if (!r.ok() || !r.at_end()) {
    return Error{ErrorCode::kInternal, "packed ruleset: truncated or corrupt", ""};
  }
  return rs;
}

std::string PackPatternAnalyses(const PatternAnalyses& analyses) {
  std::vector<AnalysisEntry> entries;
  entries.reserve(analyses.size());
  for (const auto& [pattern, analysis] : analyses) {
    Writer record;
    record(analysis);
    entries.push_back({pattern, record.Take()});
  }
  std::sort(entries.begin(), entries.end(),
            [](const AnalysisEntry& a, const AnalysisEntry& b) { return a.pattern < b.pattern; });
  Writer w;
  w(static_cast<int>(kFormatVersion), entries);
  return w.Take();
}

Result<PackedPatternAnalyses> PackedPatternAnalyses::Open(std::string_view bytes) {
  Reader r(bytes);
  int version = 0;
  r(version);
  if (version != kFormatVersion) {
    return Error{ErrorCode::kInternal,
                 "packed pattern analyses: format version " + std::to_string(version) +
                     ", expected " + std::to_string(kFormatVersion),
                 ""};
  }
  PackedPatternAnalyses out;
  const size_t n = r.Count();
  out.index_.reserve(n);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    const std::string_view pattern = r.View();
    const std::string_view record = r.View();
    // The writer writes the patterns in order, each once.
    if (!out.index_.empty() && !(out.index_.back().first < pattern)) break;
    out.index_.emplace_back(pattern, record);
  }
  if (!r.ok() || !r.at_end() || out.index_.size() != n) {
    return Error{ErrorCode::kInternal, "packed pattern analyses: truncated or corrupt", ""};
  }
  return out;
}

std::optional<PatternAnalysis> PackedPatternAnalyses::Find(std::string_view pattern,
                                                           bool formula) const {
  const auto it = std::lower_bound(index_.begin(), index_.end(), pattern,
                                   [](const std::pair<std::string_view, std::string_view>& e,
                                      std::string_view p) { return e.first < p; });
  if (it == index_.end() || it->first != pattern) return std::nullopt;
  Reader r(it->second);
  PatternAnalysis a;
  if (formula) {
    r(a);
    if (!r.ok() || !r.at_end()) return std::nullopt;
  } else {
    // Fields' order: the formula is the last (the complete read above
    // checks the record's end; this one stops before the formula).
    r(a.loosened, a.loose, a.same_up_to, a.split, a.plain, a.alternatives);
    if (!r.ok()) return std::nullopt;
  }
  return a;
}

std::vector<std::string> ClassifierParts(const std::string& pattern) {
  return Alternatives(pattern);
}

std::vector<std::string> FilteredPatterns(const Ruleset& rs) {
  std::vector<std::string> out;
  const auto add = [&](const std::string& p) {
    if (!p.empty() && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  for (const Rule& r : rs.rules) add(r.match);
  for (const Classifier& c : rs.classifiers) {
    for (const std::string* p : {&c.heading, &c.text}) {
      add(*p);
      if (!p->empty()) {
        for (const std::string& part : ClassifierParts(*p)) add(part);
      }
    }
  }
  return out;
}

}  // namespace clausecheck::analyzer
