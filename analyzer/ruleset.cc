#include "analyzer/ruleset.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <set>
#include <utility>

#include "analyzer/calendar.h"
#include "analyzer/candidates.h"
#include "analyzer/checks.h"
#include "analyzer/contract_type.h"
#include "analyzer/prefilter.h"
#include "analyzer/stance.h"

namespace clausecheck::analyzer {

struct CompiledPattern::Lazy {
  std::once_flag once;
  std::unique_ptr<const RE2> re;
  std::once_flag gate_once;
  std::unique_ptr<CandidateFilter> gate;  // the pattern's required literals
};

CompiledPattern CompilePattern(std::string source) {
  CompiledPattern p;
  p.source = std::move(source);
  if (!p.source.empty()) p.lazy = std::make_shared<CompiledPattern::Lazy>();
  return p;
}

const RE2& CompiledPattern::re() const {
  if (!lazy) {
    static const RE2 kNever("[^\\x00-\\x{10FFFF}]");  // matches nothing
    return kNever;
  }
  std::call_once(lazy->once, [this] {
    RE2::Options options;
    options.set_log_errors(false);
    lazy->re = std::make_unique<const RE2>(source, options);
  });
  return *lazy->re;
}

namespace {

// The pattern's gate: a literal filter of the pattern (index 0) and of its
// top-level alternatives (1 on, none if it has one), built on first use.
const CandidateFilter& Gate(const CompiledPattern& p) {
  CompiledPattern::Lazy& lazy = *p.lazy;
  std::call_once(lazy.gate_once, [&] {
    auto gate = std::make_unique<CandidateFilter>();
    gate->Add(p.source);
    for (const std::string& part : Alternatives(p.source)) gate->Add(part);
    gate->Compile();
    lazy.gate = std::move(gate);
  });
  return *lazy.gate;
}

// Whether `p` can match somewhere in `text` by its required literals, with
// the gate's candidates in *found. A document-level condition's pattern was
// compiled for every document, and the largest took 6.8 M instructions, a
// seventh of a one-line review.
bool MayMatch(const CompiledPattern& p, std::string_view text, std::vector<int>* found) {
  Gate(p).Candidates(text, found);
  return !found->empty() && found->front() == 0;
}

bool MayMatch(const CompiledPattern& p, std::string_view text) {
  if (!p.lazy) return true;  // re() decides (it matches nothing)
  thread_local std::vector<int> found;
  return MayMatch(p, text, &found);
}

}  // namespace

bool CompiledPattern::compiled() const { return lazy && lazy->re != nullptr; }

bool CompiledPattern::PartialMatch(std::string_view text) const {
  if (!lazy) return RE2::PartialMatch(text, re());
  thread_local std::vector<int> found;
  if (!MayMatch(*this, text, &found)) return false;
  const CandidateFilter& gate = Gate(*this);
  if (gate.size() == 1) return RE2::PartialMatch(text, re());
  // Whether one of its alternatives matches, of those whose literals the
  // text holds: each compiles (in the gate) when first needed, so a long
  // `unless` list compiles the entries a text may match, not all of them.
  for (size_t k = 1; k < found.size(); ++k) {
    if (gate.Matches(found[k], text)) return true;
  }
  return false;
}

bool CompiledPattern::FullMatch(std::string_view text) const {
  return MayMatch(*this, text) && RE2::FullMatch(text, re());
}

bool CompiledPattern::Find(std::string_view text, re2::StringPiece* m) const {
  return MayMatch(*this, text) && re().Match(text, 0, text.size(), RE2::UNANCHORED, m, 1);
}

std::string_view Name(Lang l) {
  switch (l) {
    case Lang::kEn: return "en";
    case Lang::kZh: return "zh";
    case Lang::kAny: return "any";
  }
  return "any";
}

namespace {

// Thrown inside this file only, turned into an Error at the boundary, so that
// the many nested validation steps stay readable.
struct LoadError {
  int line;
  std::string id;
  std::string message;
};

int LineOf(const YAML::Node& n) {
  YAML::Mark m = n.Mark();
  return m.line >= 0 ? m.line + 1 : 0;
}

[[noreturn]] void Fail(const YAML::Node& n, const std::string& id, std::string message) {
  throw LoadError{LineOf(n), id, std::move(message)};
}

// Checks that `map` is a mapping whose keys are all in `allowed` and unique.
void CheckKeys(const YAML::Node& map, const std::set<std::string_view>& allowed,
               const std::string& id, std::string_view what) {
  if (!map.IsMap()) Fail(map, id, std::string(what) + " must be a mapping");
  std::set<std::string> seen;
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) Fail(kv.first, id, "keys must be plain strings");
    const std::string key = kv.first.Scalar();
    if (!allowed.count(key)) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Fail(kv.first, id,
           "unknown key '" + key + "' in " + std::string(what) + " (known: " + list + ")");
    }
    if (!seen.insert(key).second) Fail(kv.first, id, "duplicate key '" + key + "'");
  }
}

std::string Str(const YAML::Node& n, const std::string& id, std::string_view key) {
  if (!n.IsScalar()) Fail(n, id, "'" + std::string(key) + "' must be a string");
  return n.Scalar();
}

std::vector<std::string> StrList(const YAML::Node& n, const std::string& id, std::string_view key) {
  std::vector<std::string> out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
  } else if (n.IsSequence()) {
    for (const auto& e : n) out.push_back(Str(e, id, key));
  } else {
    Fail(n, id, "'" + std::string(key) + "' must be a string or a list of strings");
  }
  return out;
}

// Whether ParseRuleset checks the patterns (it does not for the embedded
// default ruleset, which its tests check in full).
thread_local bool check_patterns = true;

// Checks a pattern without compiling it as written, which cost most of the
// startup (counted repetitions such as `[^.\n]{0,400}` unroll into hundreds of
// instructions; the engine compiles each pattern on first use). Its syntax:
// RE2::Set::Add only parses, with the error text RE2 would give. Whether it
// matches the empty string: on its loosened form (prefilter.h), compiled as
// Latin-1, which is much cheaper and gives the same answer: loosening changes
// only counted repetitions and keeps whether their minimum is zero, and an
// empty match involves no character, only the pattern's structure and its
// assertions (^, $, \b: ASCII in both encodings).
void CheckPattern(const YAML::Node& n, const std::string& pattern, const std::string& id,
                  std::string_view key) {
  if (!check_patterns) return;
  RE2::Options options;
  options.set_log_errors(false);
  std::string err;
  RE2::Set parse(options, RE2::UNANCHORED);
  if (parse.Add(pattern, &err) < 0) {
    Fail(n, id, "invalid regular expression in '" + std::string(key) + "': " + err);
  }
  RE2::Options latin1 = options;
  latin1.set_encoding(RE2::Options::EncodingLatin1);
  latin1.set_never_capture(true);
  RE2 loose(Loosen(pattern), latin1);
  RE2 exact(loose.ok() ? std::string() : pattern, options);  // only if the shortcut failed
  const RE2& re = loose.ok() ? loose : exact;
  // A pattern that matches the empty string would flag every clause.
  if (re.ok() && re.Match("", 0, 0, RE2::ANCHOR_BOTH, nullptr, 0)) {
    Fail(n, id, "'" + std::string(key) + "' matches the empty string");
  }
}

std::string Pattern(const YAML::Node& n, const std::string& id, std::string_view key) {
  std::string p = Str(n, id, key);
  if (p.empty()) Fail(n, id, "'" + std::string(key) + "' must not be empty");
  CheckPattern(n, p, id, key);
  return p;
}

Lang ParseLang(const YAML::Node& n, const std::string& id) {
  std::string s = Str(n, id, "lang");
  if (s == "en") return Lang::kEn;
  if (s == "zh") return Lang::kZh;
  if (s == "any") return Lang::kAny;
  Fail(n, id, "lang must be en, zh or any, not '" + s + "'");
}

Category ParseCat(const YAML::Node& n, const std::string& value, const std::string& id) {
  Category c;
  if (!ParseCategory(value, &c)) Fail(n, id, "unknown category '" + value + "'");
  return c;
}

std::vector<RuleExample> ParseExampleList(const YAML::Node& n, const std::string& id,
                                          bool allow_evidence, bool allow_mark) {
  if (!n.IsSequence()) Fail(n, id, "examples must be lists");
  std::vector<RuleExample> out;
  for (const auto& e : n) {
    RuleExample ex;
    ex.line = LineOf(e);
    if (e.IsScalar()) {
      ex.text = e.Scalar();
    } else {
      std::set<std::string_view> keys = {"text", "as_of"};
      if (allow_evidence || allow_mark) keys.insert("evidence");
      if (allow_mark) keys.insert("mark");
      CheckKeys(e, keys, id, "example");
      if (!e["text"]) Fail(e, id, "example needs 'text'");
      ex.text = Str(e["text"], id, "text");
      if (e["as_of"]) {
        ex.as_of = Str(e["as_of"], id, "as_of");
        if (!ParseIsoDate(ex.as_of)) Fail(e["as_of"], id, "as_of must be a date as YYYY-MM-DD");
      }
      if (e["evidence"]) ex.evidence = Str(e["evidence"], id, "evidence");
      if (!ex.evidence.empty() && ex.text.find(ex.evidence) == std::string::npos) {
        Fail(e, id, "example evidence '" + ex.evidence + "' is not part of its text");
      }
      if (e["mark"]) {
        const std::string kind = Str(e["mark"], id, "mark");
        MarkKind k;
        if (!ParseMarkKind(kind, &k)) Fail(e["mark"], id, "unknown mark kind '" + kind + "'");
        if (ex.evidence.empty())
          Fail(e, id, "an example with a 'mark' needs the 'evidence' it marks");
        ex.mark = k;
      }
    }
    if (ex.text.empty()) Fail(e, id, "example text must not be empty");
    out.push_back(std::move(ex));
  }
  return out;
}

void ParseExamples(const YAML::Node& n, const std::string& id, bool allow_evidence,
                   std::vector<RuleExample>* match, std::vector<RuleExample>* no_match,
                   bool allow_mark = false) {
  CheckKeys(n, {"match", "no_match"}, id, "examples");
  if (n["match"]) *match = ParseExampleList(n["match"], id, allow_evidence, allow_mark);
  if (n["no_match"]) *no_match = ParseExampleList(n["no_match"], id, false, allow_mark);
}

// A pattern, or a list of patterns any of which matches (`unless: [a, b]`):
// the list becomes one alternation, each part in its own group so that its
// flags ((?i)) stay its own.
std::string Patterns(const YAML::Node& n, const std::string& id, std::string_view key) {
  if (!n.IsSequence()) return Pattern(n, id, key);
  if (n.size() == 0) Fail(n, id, "'" + std::string(key) + "' must not be an empty list");
  std::string joined;
  for (const auto& e : n) {
    joined += (joined.empty() ? "(?:" : "|(?:") + Pattern(e, id, key) + ")";
  }
  return joined;
}

CompiledPattern Compiled(const YAML::Node& n, const std::string& id, std::string_view key) {
  return CompilePattern(Patterns(n, id, key));
}

std::vector<Category> CategoryList(const YAML::Node& n, const std::string& id,
                                   std::string_view key) {
  std::vector<Category> out;
  for (const auto& c : StrList(n, id, key)) out.push_back(ParseCat(n, c, id));
  return out;
}

FactType ParseFactType(const YAML::Node& n, const std::string& id) {
  const std::string v = Str(n, id, "fact");
  for (FactType t : {FactType::kDate, FactType::kAmount, FactType::kDuration, FactType::kPercentage,
                     FactType::kParty, FactType::kGoverningLaw, FactType::kForum,
                     FactType::kDefinedTerm, FactType::kReference}) {
    if (Name(t) == v) return t;
  }
  Fail(n, id,
       "unknown fact '" + v +
           "' (dates, amounts, durations, percentages, parties, governing_law, forums, "
           "defined_terms or references)");
}

const std::set<std::string_view>& FactSelectorKeys() {
  static const std::set<std::string_view> keys = {
      "fact", "role",    "forum",  "value", "not_value", "currency",    "not_currency",
      "in",   "in_tags", "not_in", "near",  "not_near",  "preceded_by", "followed_by"};
  return keys;
}

// A fact selector, as a mapping of its own or inline in a larger mapping
// whose other keys are `extra`.
FactSelector ParseFactSelector(const YAML::Node& n, const std::string& id, std::string_view what,
                               const std::set<std::string_view>& extra = {}) {
  std::set<std::string_view> keys = FactSelectorKeys();
  keys.insert(extra.begin(), extra.end());
  CheckKeys(n, keys, id, what);
  if (!n["fact"]) Fail(n, id, std::string(what) + " needs 'fact'");
  FactSelector s;
  s.type = ParseFactType(n["fact"], id);
  if (n["role"]) {
    if (s.type != FactType::kDate && s.type != FactType::kParty)
      Fail(n["role"], id, "'role' applies to dates and parties only");
    s.roles = StrList(n["role"], id, "role");
  }
  if (n["forum"]) {
    if (s.type != FactType::kForum) Fail(n["forum"], id, "'forum' applies to forums only");
    s.forum = Str(n["forum"], id, "forum");
    if (s.forum != "court" && s.forum != "arbitration")
      Fail(n["forum"], id, "forum must be court or arbitration, not '" + s.forum + "'");
  }
  for (const char* key : {"currency", "not_currency"}) {
    if (n[key] && s.type != FactType::kAmount)
      Fail(n[key], id, std::string("'") + key + "' applies to amounts only");
  }
  if (n["value"]) s.value = Compiled(n["value"], id, "value");
  if (n["not_value"]) s.not_value = Compiled(n["not_value"], id, "not_value");
  if (n["currency"]) s.currency = Compiled(n["currency"], id, "currency");
  if (n["not_currency"]) s.not_currency = Compiled(n["not_currency"], id, "not_currency");
  if (n["in"]) s.in = CategoryList(n["in"], id, "in");
  if (n["in_tags"]) s.in_tags = StrList(n["in_tags"], id, "in_tags");
  if (n["not_in"]) s.not_in = CategoryList(n["not_in"], id, "not_in");
  if (n["near"]) s.near = Compiled(n["near"], id, "near");
  if (n["not_near"]) s.not_near = Compiled(n["not_near"], id, "not_near");
  if (n["preceded_by"]) s.preceded_by = Compiled(n["preceded_by"], id, "preceded_by");
  if (n["followed_by"]) s.followed_by = Compiled(n["followed_by"], id, "followed_by");
  return s;
}

ClauseSelector ParseSelector(const YAML::Node& n, const std::string& id,
                             std::string_view what = "require");
std::vector<ClauseSelector> ParseRequire(const YAML::Node& n, const std::string& id,
                                         std::string_view what = "require");
bool ValidId(const std::string& id);

// when / unless_document: a clause selector, a fact selector, {text: P},
// {any: [...]} or {all: [...]}.
Condition ParseCondition(const YAML::Node& n, const std::string& id, std::string_view key) {
  if (!n.IsMap()) Fail(n, id, "'" + std::string(key) + "' must be a mapping");
  Condition c;
  for (const char* group : {"any", "all"}) {
    if (!n[group]) continue;
    CheckKeys(n, {group}, id, key);
    if (!n[group].IsSequence() || n[group].size() == 0)
      Fail(n, id, std::string(key) + "." + group + " must be a non-empty list");
    c.kind = std::string_view(group) == "any" ? Condition::Kind::kAny : Condition::Kind::kAll;
    for (const auto& e : n[group]) c.conditions.push_back(ParseCondition(e, id, key));
    return c;
  }
  if (n["fact"]) {
    c.kind = Condition::Kind::kFact;
    c.fact = ParseFactSelector(n, id, key);
  } else if (n["text"]) {
    CheckKeys(n, {"text"}, id, key);
    c.kind = Condition::Kind::kText;
    c.text = Compiled(n["text"], id, "text");
  } else {
    CheckKeys(n, {"category", "tag", "fact", "text", "any", "all"}, id, key);
    c.kind = Condition::Kind::kClause;
    c.clause = ParseSelector(n, id, key);
  }
  return c;
}

int Count(const YAML::Node& n, const std::string& id, std::string_view key) {
  int v = -1;
  if (!n.IsScalar() || !YAML::convert<int>::decode(n, v) || v < 0)
    Fail(n, id, "'" + std::string(key) + "' must be a whole number of at least 0");
  return v;
}

Occurrence ParseOccurrence(const YAML::Node& n, const std::string& id) {
  CheckKeys(n, {"select", "min", "max"}, id, "occurrence");
  if (!n["select"]) Fail(n, id, "occurrence needs 'select'");
  Occurrence o;
  o.select = ParseRequire(n["select"], id, "occurrence.select");
  if (n["min"]) o.min = Count(n["min"], id, "min");
  if (n["max"]) o.max = Count(n["max"], id, "max");
  if (!o.min && !o.max) Fail(n, id, "occurrence needs 'min', 'max' or both");
  if (o.min && o.max && *o.min > *o.max) Fail(n, id, "occurrence: 'min' is above 'max'");
  if (o.min && *o.min == 0) Fail(n["min"], id, "occurrence: 'min: 0' always holds");
  return o;
}

Conflict ParseConflict(const YAML::Node& n, const std::string& id) {
  Conflict c;
  c.facts = ParseFactSelector(n, id, "conflict", {"field", "across_clauses"});
  if (n["field"]) {
    c.field = Str(n["field"], id, "field");
    const bool ok = c.field == "value" ||
                    (c.field == "currency" && c.facts.type == FactType::kAmount) ||
                    (c.field == "seat" && c.facts.type == FactType::kForum);
    if (!ok)
      Fail(n["field"], id,
           "field must be value, currency (amounts) or seat (forums), not '" + c.field + "'");
  }
  if (n["across_clauses"]) {
    if (!YAML::convert<bool>::decode(n["across_clauses"], c.across_clauses))
      Fail(n["across_clauses"], id, "'across_clauses' must be true or false");
  }
  return c;
}

Comparison ParseComparison(const YAML::Node& n, const std::string& id) {
  Comparison c;
  c.fact = ParseFactSelector(n, id, "compare", {"below", "above", "before", "after", "per"});
  int ops = 0;
  for (const char* op : {"below", "above", "before", "after"}) ops += n[op] ? 1 : 0;
  if (ops != 1) Fail(n, id, "compare needs exactly one of 'below', 'above', 'before' or 'after'");
  if (n["below"] || n["above"]) {
    const YAML::Node& limit = n["below"] ? n["below"] : n["above"];
    c.op = n["below"] ? Comparison::Op::kBelow : Comparison::Op::kAbove;
    if (c.fact.type != FactType::kDuration && c.fact.type != FactType::kAmount &&
        c.fact.type != FactType::kPercentage) {
      Fail(n["fact"], id, "'below' and 'above' compare durations, amounts or percentages");
    }
    if (!limit.IsScalar()) Fail(limit, id, "the limit is a number or a parameter name");
    if (!YAML::convert<double>::decode(limit, c.number) || !std::isfinite(c.number)) {
      c.parameter = limit.Scalar();
      if (!ValidId(c.parameter) || c.parameter.find('.') != std::string::npos)
        Fail(limit, id, "the limit is a number or a parameter name, not '" + c.parameter + "'");
    }
    if (n["per"]) {
      if (c.fact.type != FactType::kAmount) Fail(n["per"], id, "'per' divides amounts");
      c.per = ParseFactSelector(n["per"], id, "per");
      if (c.per->type != FactType::kAmount) Fail(n["per"], id, "'per' takes amounts");
    }
  } else {
    if (n["per"]) Fail(n["per"], id, "'per' goes with 'below' or 'above'");
    const YAML::Node& other = n["before"] ? n["before"] : n["after"];
    c.op = n["before"] ? Comparison::Op::kBefore : Comparison::Op::kAfter;
    if (c.fact.type != FactType::kDate) Fail(n["fact"], id, "'before' and 'after' compare dates");
    c.other = ParseFactSelector(other, id, n["before"] ? "before" : "after");
    if (c.other->type != FactType::kDate) Fail(other, id, "dates compare with dates");
  }
  return c;
}

ClauseSelector ParseSelector(const YAML::Node& n, const std::string& id, std::string_view what) {
  CheckKeys(n, {"category", "tag"}, id, what);
  ClauseSelector sel;
  if (n["category"]) {
    for (const auto& c : StrList(n["category"], id, "category")) {
      sel.categories.push_back(ParseCat(n["category"], c, id));
    }
  }
  if (n["tag"]) sel.tags = StrList(n["tag"], id, "tag");
  if (sel.categories.empty() && sel.tags.empty())
    Fail(n, id, std::string(what) + " needs a category or a tag");
  return sel;
}

std::vector<ClauseSelector> ParseRequire(const YAML::Node& n, const std::string& id,
                                         std::string_view what) {
  std::vector<ClauseSelector> out;
  if (n.IsMap() && n["any"]) {
    CheckKeys(n, {"any"}, id, what);
    if (!n["any"].IsSequence() || n["any"].size() == 0)
      Fail(n, id, std::string(what) + ".any must be a non-empty list");
    for (const auto& e : n["any"]) out.push_back(ParseSelector(e, id, what));
  } else {
    out.push_back(ParseSelector(n, id, what));
  }
  return out;
}

// A text given once, or per language as {en: ..., zh: ...} (both required).
void Localized(const YAML::Node& n, const std::string& id, std::string_view key, std::string* en,
               std::string* zh) {
  if (n.IsMap()) {
    CheckKeys(n, {"en", "zh"}, id, key);
    if (!n["en"] || !n["zh"]) Fail(n, id, "'" + std::string(key) + "' needs both 'en' and 'zh'");
    *en = Str(n["en"], id, key);
    *zh = Str(n["zh"], id, key);
  } else {
    *en = Str(n, id, key);
  }
  if (en->empty() || (n.IsMap() && zh->empty())) {
    Fail(n, id, std::string(key) + " must not be empty");
  }
}

bool ValidId(const std::string& id) {
  if (id.empty() || id.size() > 100) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
      return false;
    }
  }
  return id.front() != '.' && id.back() != '.';
}

// scope: clause (the default), sentence, or (rules only) document.
std::string ParseScope(const YAML::Node& n, const std::string& id, bool document_allowed) {
  std::string v = Str(n, id, "scope");
  if (v != "clause" && v != "sentence" && (v != "document" || !document_allowed)) {
    Fail(n, id,
         std::string("scope must be clause, sentence") + (document_allowed ? " or document" : "") +
             ", not '" + v + "'");
  }
  return v;
}

Rule ParseRule(const YAML::Node& n, const std::string& file) {
  std::string id;
  if (n.IsMap() && n["id"] && n["id"].IsScalar()) id = n["id"].Scalar();
  CheckKeys(n, {"id",         "category", "kind",    "severity", "lang",
                "in",         "in_tags",  "not_in",  "match",    "unless",
                "except",     "scope",    "require", "check",    "marks",
                "occurrence", "conflict", "compare", "when",     "unless_document",
                "for",        "not_for",  "hurts",   "message",  "recommendation",
                "metadata",   "examples"},
            id, "rule");
  if (id.empty()) Fail(n, id, "rule needs an 'id'");
  if (!ValidId(id))
    Fail(n["id"], id, "rule id must be lower-case letters, digits, '.', '_' or '-'");
  Rule r;
  r.id = id;
  r.source = file + ":" + std::to_string(LineOf(n));
  for (const char* key : {"category", "kind", "severity", "message", "recommendation"}) {
    if (!n[key]) Fail(n, id, std::string("rule needs '") + key + "'");
  }
  r.category = ParseCat(n["category"], Str(n["category"], id, "category"), id);
  std::string kind = Str(n["kind"], id, "kind");
  if (!ParseKind(kind, &r.kind)) Fail(n["kind"], id, "unknown kind '" + kind + "'");
  std::string severity = Str(n["severity"], id, "severity");
  if (!ParseSeverity(severity, &r.severity))
    Fail(n["severity"], id, "unknown severity '" + severity + "'");
  if (n["lang"]) r.lang = ParseLang(n["lang"], id);
  if (n["in"]) {
    for (const auto& c : StrList(n["in"], id, "in")) r.in.push_back(ParseCat(n["in"], c, id));
  }
  if (n["in_tags"]) r.in_tags = StrList(n["in_tags"], id, "in_tags");
  if (n["not_in"]) {
    for (const auto& c : StrList(n["not_in"], id, "not_in")) {
      r.not_in.push_back(ParseCat(n["not_in"], c, id));
    }
  }
  if (n["match"]) r.match = Pattern(n["match"], id, "match");
  if (n["unless"]) r.unless = Patterns(n["unless"], id, "unless");
  if (n["except"]) r.except = Patterns(n["except"], id, "except");
  if (n["require"]) r.require = ParseCondition(n["require"], id, "require");
  if (n["occurrence"]) r.occurrence = ParseOccurrence(n["occurrence"], id);
  if (n["conflict"]) r.conflict = ParseConflict(n["conflict"], id);
  if (n["compare"]) r.compare = ParseComparison(n["compare"], id);
  if (n["when"]) r.when = ParseCondition(n["when"], id, "when");
  if (n["unless_document"])
    r.unless_document = ParseCondition(n["unless_document"], id, "unless_document");
  if (n["scope"]) {
    const std::string scope = ParseScope(n["scope"], id, true);
    r.sentence_scope = scope == "sentence";
    r.document_scope = scope == "document";
  }
  if (n["hurts"]) {
    r.hurts = Str(n["hurts"], id, "hurts");
    if (!ValidHurts(r.hurts)) {
      Fail(n["hurts"], id,
           "hurts must be subject, other, party-a, party-b, customer or vendor, not '" + r.hurts +
               "'");
    }
  }
  if (n["check"]) {
    r.check = Str(n["check"], id, "check");
    if (!FindCheck(r.check)) {
      std::string known;
      for (const CheckInfo& c : Checks())
        known += (known.empty() ? "" : ", ") + std::string(c.name);
      Fail(n["check"], id, "unknown check '" + r.check + "' (known: " + known + ")");
    }
  }
  for (const char* key : {"for", "not_for"}) {
    if (!n[key]) continue;
    auto& list = std::string_view(key) == "for" ? r.for_types : r.not_for_types;
    list = StrList(n[key], id, key);
    for (const std::string& t : list) {
      if (!IsContractType(t)) {
        std::string known;
        for (std::string_view k : ContractTypes())
          known += (known.empty() ? "" : ", ") + std::string(k);
        Fail(n[key], id, "unknown contract type '" + t + "' (known: " + known + ")");
      }
    }
  }
  if (n["marks"]) {
    for (const auto& m : StrList(n["marks"], id, "marks")) {
      MarkKind k;
      if (!ParseMarkKind(m, &k)) {
        Fail(n["marks"], id,
             "unknown mark '" + m +
                 "' (insertion, deletion, move_from, move_to, hidden or comment)");
      }
      r.marks.push_back(k);
    }
    if (r.marks.empty()) Fail(n["marks"], id, "marks must not be empty");
  }
  Localized(n["message"], id, "message", &r.message, &r.message_zh);
  Localized(n["recommendation"], id, "recommendation", &r.recommendation, &r.recommendation_zh);
  if (n["metadata"]) {
    CheckKeys(n["metadata"], {"basis", "references"}, id, "metadata");
    if (n["metadata"]["basis"]) r.basis = Str(n["metadata"]["basis"], id, "basis");
  }

  const bool is_match = !r.match.empty();
  const bool is_require = r.require.has_value();
  const bool is_check = !r.check.empty();
  const bool is_marks = !r.marks.empty();
  const bool is_occurrence = r.occurrence.has_value();
  const bool is_fact_rule = r.conflict.has_value() || r.compare.has_value();
  if (int(is_match) + int(is_require) + int(is_check) + int(is_marks) + int(is_occurrence) +
          int(r.conflict.has_value()) + int(r.compare.has_value()) !=
      1) {
    Fail(n, id,
         "a rule has exactly one of 'match', 'require', 'check', 'marks', 'occurrence', "
         "'conflict' or 'compare'");
  }
  if (!is_match && (!r.unless.empty() || !r.except.empty() || !r.in.empty() || !r.in_tags.empty() ||
                    !r.not_in.empty())) {
    Fail(n, id, "'unless', 'except', 'in', 'in_tags' and 'not_in' apply to 'match' rules only");
  }
  if (n["scope"] && !is_match) Fail(n["scope"], id, "'scope' applies to 'match' rules only");
  // A missing clause is a document's, unless a `when` points at what made
  // it needed; too few clauses of a kind is one too.
  const bool may_be_missing = is_require || (is_occurrence && !r.occurrence->max);
  if (r.kind == Kind::kMissing && !may_be_missing) {
    Fail(n["kind"], id, "kind 'missing' is for 'require' rules (and 'occurrence' with only 'min')");
  }
  // A conditional requirement is placed at a clause and may judge it (risky).
  if (is_require && !r.when && r.kind != Kind::kMissing)
    Fail(n["kind"], id, "a 'require' rule without 'when' has kind 'missing'");
  // Examples assert evidence where findings have a place in the text.
  const bool placed = is_match || is_check || is_fact_rule || (is_require && r.when) ||
                      (is_occurrence && r.occurrence->max);
  if (is_marks) {
    // Plain text carries no marks: a match example says which span it marks.
    if (!n["examples"]) Fail(n, id, "rule needs 'examples' with 'match' and 'no_match'");
    ParseExamples(n["examples"], id, true, &r.match_examples, &r.no_match_examples, true);
    if (r.match_examples.empty() || r.no_match_examples.empty()) {
      Fail(n["examples"], id, "rule needs at least one 'match' and one 'no_match' example");
    }
    for (const RuleExample& ex : r.match_examples) {
      if (!ex.mark) Fail(n["examples"], id, "a 'marks' rule's match examples need a 'mark'");
    }
    return r;
  }
  if (!n["examples"]) Fail(n, id, "rule needs 'examples' with 'match' and 'no_match'");
  ParseExamples(n["examples"], id, placed, &r.match_examples, &r.no_match_examples);
  if (r.match_examples.empty() || r.no_match_examples.empty()) {
    Fail(n["examples"], id, "rule needs at least one 'match' and one 'no_match' example");
  }
  return r;
}

Classifier ParseClassifier(const YAML::Node& n, const std::string& file) {
  CheckKeys(
      n,
      {"category", "tag", "lang", "heading", "text", "unless", "scope", "inherit_tag", "examples"},
      "", "classifier");
  Classifier c;
  if (!n["category"]) Fail(n, "", "classifier needs a 'category'");
  c.category = ParseCat(n["category"], Str(n["category"], "", "category"), "");
  if (n["tag"]) {
    c.tag = Str(n["tag"], "", "tag");
    if (!ValidId(c.tag) || c.tag.find('.') != std::string::npos) {
      Fail(n["tag"], "", "tag must be snake_case");
    }
  }
  const std::string label = c.tag.empty() ? std::string(Name(c.category)) : c.tag;
  if (n["lang"]) c.lang = ParseLang(n["lang"], label);
  if (n["heading"]) c.heading = Pattern(n["heading"], label, "heading");
  if (n["text"]) c.text = Pattern(n["text"], label, "text");
  if (n["unless"]) c.unless = Patterns(n["unless"], label, "unless");
  if (n["scope"]) c.sentence_scope = ParseScope(n["scope"], label, false) == "sentence";
  if (c.heading.empty() && c.text.empty()) Fail(n, label, "classifier needs 'heading' or 'text'");
  if (n["inherit_tag"]) {
    if (!n["inherit_tag"].IsScalar() ||
        !YAML::convert<bool>::decode(n["inherit_tag"], c.inherit_tag))
      Fail(n["inherit_tag"], label, "inherit_tag must be true or false");
    if (c.heading.empty()) Fail(n["inherit_tag"], label, "inherit_tag needs a 'heading'");
  }
  if (n["examples"]) {
    ParseExamples(n["examples"], label, false, &c.match_examples, &c.no_match_examples);
  }
  c.source = file + ":" + std::to_string(LineOf(n));
  return c;
}

}  // namespace

Result<Ruleset> ParseRuleset(std::string_view yaml, std::string_view source_name,
                             const ParseOptions& options) {
  const std::string file(source_name);
  auto error = [&](int line, const std::string& id, const std::string& message) {
    std::string where = file + ":" + std::to_string(line);
    return Error{ErrorCode::kConfig, (id.empty() ? "" : id + ": ") + message, where};
  };
  try {
    struct Checking {
      explicit Checking(bool on) { check_patterns = on; }
      ~Checking() { check_patterns = true; }
    } checking(options.check_patterns);
    YAML::Node root = YAML::Load(std::string(yaml));
    Ruleset rs;
    rs.name.clear();
    rs.patterns_checked = options.check_patterns;
    if (!root.IsDefined() || root.IsNull()) return error(1, "", "empty ruleset");
    CheckKeys(root, {"ruleset", "classifiers", "rules", "disable", "parameters"}, "",
              "ruleset file");
    if (root["ruleset"]) {
      const YAML::Node& h = root["ruleset"];
      CheckKeys(h, {"name", "version", "description"}, "", "ruleset header");
      if (h["name"]) rs.name = Str(h["name"], "", "name");
      if (h["version"]) rs.version = Str(h["version"], "", "version");
      if (h["description"]) rs.description = Str(h["description"], "", "description");
    }
    if (root["classifiers"]) {
      if (!root["classifiers"].IsSequence())
        Fail(root["classifiers"], "", "'classifiers' must be a list");
      for (const auto& n : root["classifiers"]) rs.classifiers.push_back(ParseClassifier(n, file));
    }
    if (root["rules"]) {
      if (!root["rules"].IsSequence()) Fail(root["rules"], "", "'rules' must be a list");
      std::set<std::string> ids;
      for (const auto& n : root["rules"]) {
        Rule r = ParseRule(n, file);
        if (!ids.insert(r.id).second) Fail(n, r.id, "duplicate rule id");
        rs.rules.push_back(std::move(r));
      }
    }
    if (root["disable"]) rs.disable = StrList(root["disable"], "", "disable");
    if (root["parameters"]) {
      const YAML::Node& p = root["parameters"];
      if (!p.IsMap()) Fail(p, "", "'parameters' must be a map of names to numbers");
      for (const auto& kv : p) {
        const std::string name = kv.first.as<std::string>();
        if (!ValidId(name) || name.find('.') != std::string::npos) {
          Fail(kv.first, "", "parameter names are snake_case: '" + name + "'");
        }
        double v = 0;
        if (!kv.second.IsScalar() || !YAML::convert<double>::decode(kv.second, v) ||
            !std::isfinite(v)) {
          Fail(kv.second, "", "parameter '" + name + "' must be a number");
        }
        rs.parameters[name] = v;
      }
    }
    return rs;
  } catch (const LoadError& e) {
    return error(e.line, e.id, e.message);
  } catch (const YAML::Exception& e) {
    int line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    return error(line, "", "invalid YAML: " + e.msg);
  }
}

Result<bool> MergeRuleset(const Ruleset& overlay, Ruleset* base) {
  // Checked when every pattern of both is: a side without any has none to check.
  auto checked = [](const Ruleset& r) {
    return r.patterns_checked || (r.rules.empty() && r.classifiers.empty());
  };
  base->patterns_checked = checked(*base) && checked(overlay);
  if (!overlay.name.empty()) base->name = overlay.name;
  if (!overlay.version.empty()) base->version = overlay.version;
  if (!overlay.description.empty()) base->description = overlay.description;
  for (const auto& [name, value] : overlay.parameters) base->parameters[name] = value;
  base->classifiers.insert(base->classifiers.end(), overlay.classifiers.begin(),
                           overlay.classifiers.end());
  for (const Rule& r : overlay.rules) {
    auto it = std::find_if(base->rules.begin(), base->rules.end(),
                           [&](const Rule& b) { return b.id == r.id; });
    if (it != base->rules.end()) {
      *it = r;
    } else {
      base->rules.push_back(r);
    }
  }
  for (const std::string& id : overlay.disable) {
    auto it = std::find_if(base->rules.begin(), base->rules.end(),
                           [&](const Rule& b) { return b.id == id; });
    if (it == base->rules.end()) {
      return Error{ErrorCode::kConfig, "disable: no rule with id '" + id + "'", ""};
    }
    base->rules.erase(it);
  }
  return true;
}

}  // namespace clausecheck::analyzer
