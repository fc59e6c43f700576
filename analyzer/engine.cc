#include "analyzer/engine.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <utility>

#include "analyzer/candidates.h"
#include "analyzer/checks.h"
#include "analyzer/rule_shapes.h"
#include "analyzer/ruleset_pack.h"
#include "analyzer/sentence.h"
#include "core/utf8.h"

namespace clausecheck::analyzer {

bool LangApplies(Lang rule_lang, std::string_view doc_language) {
  if (rule_lang == Lang::kAny) return true;
  if (doc_language == "en") return rule_lang == Lang::kEn;
  if (doc_language == "zh") return rule_lang == Lang::kZh;
  return true;  // mixed or unknown: every rule
}

namespace {

// Buckets of patterns by the document languages they serve.
constexpr int kBuckets = 3;
constexpr std::string_view kBucketLanguage[kBuckets] = {"en", "zh", "mixed"};

int BucketOf(std::string_view doc_language) {
  if (doc_language == "en") return 0;
  if (doc_language == "zh") return 1;
  return 2;
}

RE2::Options PatternOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

// Owner i's pattern, or null where it has none.
const CompiledPattern* Get(const std::vector<CompiledPattern>& patterns, size_t i) {
  return patterns[i].empty() ? nullptr : &patterns[i];
}

// Whether `pattern` parses; *err says why not. Parsing only (RE2::Set::Add
// does not compile), so checking every pattern costs little at startup.
bool Parses(const std::string& pattern, std::string* err) {
  RE2::Set probe(PatternOptions(), RE2::UNANCHORED);
  return probe.Add(pattern, err) >= 0;
}

// What a document language's clauses are scanned with: the rules' match
// patterns and the classifiers' heading and text patterns of that language,
// in one CandidateFilter (candidates.h: a scan for the patterns' required
// literals, then each candidate confirmed by its exact pattern). Its DFA
// memory is bounded by the literals, where one RE2::Set over the patterns
// themselves grew a cache of tens of megabytes. Built on first use: a run on
// English documents never builds the Chinese filter.
//
// A classifier's pattern is in the filter whole, and also as its parts
// (ClassifierParts: its top-level alternatives), each of which has its own
// literals: a clause that holds the literals of two of a pattern's twenty
// alternatives runs (and compiles) those two only. The whole stays for
// Find, and as the first gate: a part can match only where the whole can.
enum Group { kRuleMatch, kHeading, kText, kHeadingPart, kTextPart, kGroups };

class PatternFilter {
 public:
  void Add(Group group, int owner, const std::string& pattern) {
    pending_.push_back({group, owner, pattern});
  }

  // Every pattern of every group that may match `text` (all that do, and
  // some that do not): filter indices, ascending, in *ids.
  void Scan(std::string_view text, std::vector<int>* ids) const {
    Build();
    filter_.Candidates(text, ids);
  }

  // The owners in `group` of the scanned `ids`, ascending, each once.
  std::vector<int> Owners(Group group, const std::vector<int>& ids) const {
    std::vector<int> out;
    for (int id : ids) {
      if (group_[id] == group) out.push_back(owner_[id]);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // Those of the candidate `owners` in `group` whose pattern matches `text`,
  // `ids` being Scan's candidates for `text` or for a text that holds it.
  std::vector<int> Confirmed(Group group, std::vector<int> owners, std::string_view text,
                             const std::vector<int>& ids) const {
    owners.erase(std::remove_if(owners.begin(), owners.end(),
                                [&](int owner) { return !Matches(group, owner, text, ids); }),
                 owners.end());
    return owners;
  }

  // Whether the owner's pattern in `group` matches `text`, `ids` as above:
  // whether one of its parts among `ids` does, where it has parts (a part
  // that matches has its literals in the text, so it is among them).
  bool Matches(Group group, int owner, std::string_view text, const std::vector<int>& ids) const {
    const Group parts = group == kHeading ? kHeadingPart : group == kText ? kTextPart : kGroups;
    if (parts == kGroups || static_cast<size_t>(owner) >= parts_[parts].size() ||
        parts_[parts][owner].empty()) {
      return filter_.Matches(by_owner_[group][owner], text);
    }
    for (const int id : parts_[parts][owner]) {
      if (std::binary_search(ids.begin(), ids.end(), id) && filter_.Matches(id, text)) return true;
    }
    return false;
  }

  // False where the owner's pattern in `group` cannot match `text`, found
  // without running the whole exact pattern where loosening changed it (its
  // loosened form, or its alternatives, CandidateFilter::Matches); true
  // where it may, to be found by the exact pattern. A pattern that loosening
  // leaves as it is is not run here, as it would be run twice.
  bool MayMatch(Group group, int owner, std::string_view text) const {
    const int i = by_owner_[group][owner];
    return !filter_.Loosened(i) || filter_.Matches(i, text);
  }

  // The first match of the owner's exact pattern in `group` (it must have
  // one) in `text` at or after `pos` (CandidateFilter::Find).
  bool Find(Group group, int owner, std::string_view text, size_t pos,
            re2::StringPiece* out) const {
    Build();
    return filter_.Find(by_owner_[group][owner], text, pos, out);
  }

 private:
  struct Pending {
    Group group;
    int owner;
    std::string pattern;
  };
  void Build() const {
    std::call_once(built_, [this] {
      // The default ruleset's patterns were analysed when it was built.
      const PackedPatternAnalyses& known = DefaultPatternAnalyses();
      // A classifier's parts follow its whole pattern (read here, not in Add,
      // so that only a language that is reviewed pays for reading them).
      std::vector<Pending> pending;
      pending.reserve(pending_.size());
      for (Pending& p : pending_) {
        const Group parts = p.group == kHeading ? kHeadingPart : kTextPart;
        std::vector<std::string> split;
        if (p.group == kHeading || p.group == kText) split = ClassifierParts(p.pattern);
        const int owner = p.owner;
        pending.push_back(std::move(p));
        for (std::string& part : split) pending.push_back({parts, owner, std::move(part)});
      }
      // The embedded filter has the formulas compiled: where it is of
      // these patterns, the analyses are read without them.
      std::vector<std::string_view> patterns;
      patterns.reserve(pending.size());
      for (const Pending& p : pending) patterns.push_back(p.pattern);
      const bool prebuilt = CandidateFilter::PrebuiltFor(prebuilt_, patterns);
      for (const Pending& p : pending) {
        std::optional<PatternAnalysis> analysis = known.Find(p.pattern, !prebuilt);
        const int id =
            analysis ? filter_.Add(p.pattern, std::move(*analysis)) : filter_.Add(p.pattern);
        group_.push_back(p.group);
        owner_.push_back(p.owner);
        if (p.group == kHeadingPart || p.group == kTextPart) {
          auto& index = parts_[p.group];
          if (index.size() <= static_cast<size_t>(p.owner)) index.resize(p.owner + 1);
          index[p.owner].push_back(id);
          continue;
        }
        auto& index = by_owner_[p.group];
        if (index.size() <= static_cast<size_t>(p.owner)) index.resize(p.owner + 1, -1);
        index[p.owner] = id;
      }
      std::vector<Pending>().swap(pending_);
      // The embedded bytes, checked whole by the tests (PackedFilters.*).
      filter_.Compile(prebuilt ? prebuilt_ : std::string_view(), /*trusted=*/true);
    });
  }

 public:
  // The bytes of the embedded compiled filter (DefaultFilter), used by
  // Build where they are of the same patterns.
  void SetPrebuilt(std::string_view bytes) { prebuilt_ = bytes; }
  std::string Pack() const {
    Build();
    return filter_.PackCompiled();
  }
  bool prebuilt() const {
    Build();
    return filter_.prebuilt();
  }

 private:
  std::string_view prebuilt_;
  mutable std::vector<Pending> pending_;  // until built
  mutable std::once_flag built_;
  mutable CandidateFilter filter_;
  mutable std::vector<Group> group_;  // by filter index
  mutable std::vector<int> owner_;    // by filter index
  mutable std::vector<int> by_owner_[kGroups];
  mutable std::vector<std::vector<int>> parts_[kGroups];  // the part groups': ids by owner
};

bool HasAny(const std::vector<Category>& have, const std::vector<Category>& want) {
  for (Category c : want) {
    if (std::find(have.begin(), have.end(), c) != have.end()) return true;
  }
  return false;
}

bool HasAnyTag(const std::vector<std::string>& have, const std::vector<std::string>& want) {
  for (const auto& t : want) {
    if (std::binary_search(have.begin(), have.end(), t)) return true;
  }
  return false;
}

// The first match in `text` that `accept` takes, of the pattern that
// find(pos, out) searches from `pos` (as RE2::Match does); a rejected match
// is skipped and the search resumes after it.
template <typename Find, typename Accept>
bool FirstMatch(Find find, std::string_view text, Accept accept, re2::StringPiece* out) {
  size_t pos = 0;
  while (pos <= text.size()) {
    if (!find(pos, out)) return false;
    if (accept(*out)) return true;
    // Resume after the rejected match, so that no part of it can match again
    // ("including without limitation" must not yield its "without limitation").
    size_t next = out->data() - text.data() + out->size();
    if (out->empty()) {
      ++next;
      while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    }
    pos = next;
  }
  return false;
}

// The text a mark points at: the marked span of the block for what is in the
// text (insertions, moves in, comment ranges), else the text the mark carries
// (deleted or hidden text, or a comment on an empty range).
std::string MarkEvidence(const Block& b, const Mark& m) {
  if (m.kind == MarkKind::kInsertion || m.kind == MarkKind::kMoveTo ||
      m.kind == MarkKind::kComment) {
    size_t pos = 0;
    int cp = 0;
    while (cp < m.start && pos < b.text.size()) {
      utf8::Next(b.text, &pos);
      ++cp;
    }
    const size_t begin = pos;
    while (cp < m.end && pos < b.text.size()) {
      utf8::Next(b.text, &pos);
      ++cp;
    }
    if (pos > begin) return b.text.substr(begin, pos - begin);
  }
  return m.text;
}

// A deletion that an insertion by the same author replaces: deleted text
// where the inserted text starts. The deleted texts there, in order; empty
// when the insertion replaces nothing.
std::string ReplacedText(const Block& b, const Mark& ins) {
  std::string out;
  if (ins.kind != MarkKind::kInsertion || ins.end <= ins.start) return out;
  for (const Mark& d : b.marks) {
    if (d.kind == MarkKind::kDeletion && d.start == ins.start && d.author == ins.author) {
      out += d.text;
    }
  }
  return out;
}

// Whether a deletion is reported as part of a replacement (see ReplacedText).
bool IsReplaced(const Block& b, const Mark& del) {
  return del.kind == MarkKind::kDeletion &&
         std::any_of(b.marks.begin(), b.marks.end(), [&](const Mark& ins) {
           return ins.kind == MarkKind::kInsertion && ins.start == del.start &&
                  ins.end > ins.start && ins.author == del.author;
         });
}

// What a mark's finding may say of it: {change} (the kind of mark, in the
// document's language; for an insertion that replaces `replaced`, a
// replacement quoting it), {author} (or that none is named) and {comment} (a
// comment's text, cut at 160 code points).
std::map<std::string, std::string> MarkValues(const Mark& m, bool chinese,
                                              std::string_view replaced = {}) {
  static constexpr std::string_view kEn[] = {"insertion", "deletion",    "move away",
                                             "move in",   "hidden text", "comment"};
  static constexpr std::string_view kZh[] = {"插入", "删除", "移出", "移入", "隐藏文字", "批注"};
  const auto k = static_cast<size_t>(m.kind);
  std::map<std::string, std::string> v;
  v["change"] = std::string(k < std::size(kEn) ? (chinese ? kZh[k] : kEn[k]) : "");
  if (!replaced.empty()) {
    v["change"] = chinese ? "替换，原文“" + std::string(replaced) + "”"
                          : "replacement of \"" + std::string(replaced) + "\"";
  }
  v["author"] = !m.author.empty() ? m.author : chinese ? "未署名者" : "an unnamed author";
  std::string comment;
  size_t pos = m.kind == MarkKind::kComment ? 0 : m.text.size();
  for (int n = 0; pos < m.text.size(); ++n) {
    if (n == 160) {
      comment += "\u2026";
      break;
    }
    const size_t start = pos;
    const char32_t c = utf8::Next(m.text, &pos);
    if (c == '\n' || c == '\t') {
      comment += ' ';
    } else {
      comment.append(m.text, start, pos - start);
    }
  }
  v["comment"] = std::move(comment);
  return v;
}

size_t TextHash(std::string_view text) { return std::hash<std::string_view>{}(text); }

}  // namespace

struct Engine::Impl {
  Ruleset ruleset;
  // Asked only whether they match (CompiledPattern::PartialMatch): by their
  // literals, then their alternatives.
  std::vector<CompiledPattern> rule_unless, rule_except, cls_unless;
  PatternFilter filters[kBuckets];
};

Engine::Engine(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

const Ruleset& Engine::ruleset() const { return impl_->ruleset; }

std::vector<std::string> Engine::PackFilters() const {
  std::vector<std::string> out;
  for (const PatternFilter& f : impl_->filters) out.push_back(f.Pack());
  return out;
}

bool Engine::FilterPrebuilt(int bucket) const { return impl_->filters[bucket].prebuilt(); }

Result<Engine> Engine::Compile(Ruleset ruleset) {
  auto impl = std::make_shared<Impl>();
  impl->ruleset = std::move(ruleset);
  const Ruleset& rs = impl->ruleset;
  auto fail = [](const std::string& source, const std::string& id, const std::string& err) {
    return Error{ErrorCode::kConfig, (id.empty() ? "" : id + ": ") + err, source};
  };
  std::string err;
  for (int b = 0; b < kBuckets; ++b) impl->filters[b].SetPrebuilt(DefaultFilter(b));
  for (size_t i = 0; i < rs.rules.size(); ++i) {
    const Rule& r = rs.rules[i];
    impl->rule_unless.push_back(CompilePattern(r.unless));
    impl->rule_except.push_back(CompilePattern(r.except));
    if (r.match.empty()) continue;
    if (!rs.patterns_checked && !Parses(r.match, &err)) {
      return fail(r.source, r.id, "invalid 'match': " + err);
    }
    for (int b = 0; b < kBuckets; ++b) {
      if (LangApplies(r.lang, kBucketLanguage[b]))
        impl->filters[b].Add(kRuleMatch, static_cast<int>(i), r.match);
    }
  }
  for (const Rule& r : rs.rules) {
    if (r.check.empty()) continue;
    const CheckInfo* info = FindCheck(r.check);
    if (!info) return fail(r.source, r.id, "unknown check '" + r.check + "'");
    for (std::string_view p : info->parameters) {
      if (!rs.parameters.count(std::string(p))) {
        return fail(r.source, r.id,
                    "check '" + r.check + "' needs the parameter '" + std::string(p) +
                        "' (set it under 'parameters:')");
      }
    }
  }
  for (const Rule& r : rs.rules) {
    if (r.compare && !r.compare->parameter.empty() && !rs.parameters.count(r.compare->parameter)) {
      return fail(r.source, r.id,
                  "compare needs the parameter '" + r.compare->parameter +
                      "' (set it under 'parameters:')");
    }
  }
  for (size_t i = 0; i < rs.classifiers.size(); ++i) {
    const Classifier& c = rs.classifiers[i];
    impl->cls_unless.push_back(CompilePattern(c.unless));
    if (!rs.patterns_checked && !c.heading.empty() && !Parses(c.heading, &err)) {
      return fail(c.source, c.tag, "invalid 'heading': " + err);
    }
    if (!rs.patterns_checked && !c.text.empty() && !Parses(c.text, &err)) {
      return fail(c.source, c.tag, "invalid 'text': " + err);
    }
    for (int b = 0; b < kBuckets; ++b) {
      if (!LangApplies(c.lang, kBucketLanguage[b])) continue;
      if (!c.heading.empty()) impl->filters[b].Add(kHeading, static_cast<int>(i), c.heading);
      if (!c.text.empty()) impl->filters[b].Add(kText, static_cast<int>(i), c.text);
    }
  }
  return Engine(std::move(impl));
}

void Engine::Classify(std::string_view doc_language, std::vector<Clause>* clauses,
                      ClauseScans* scans) const {
  const Impl& m = *impl_;
  const int bucket = BucketOf(doc_language);
  const PatternFilter& filter = m.filters[bucket];
  if (scans) {
    scans->bucket_ = bucket;
    scans->scans_.assign(clauses->size(), {});
  }
  std::vector<int> ids, heading_ids;
  // Categories and tags from headings, including those inherited from ancestors.
  std::vector<std::vector<Category>> heading_cats(clauses->size());
  std::vector<std::vector<std::string>> heading_tags(clauses->size());
  for (size_t i = 0; i < clauses->size(); ++i) {
    Clause& c = (*clauses)[i];
    std::set<Category> cats;
    std::set<std::string> tags;
    if (c.parent >= 0 && static_cast<size_t>(c.parent) < i) {
      heading_cats[i] = heading_cats[c.parent];
      heading_tags[i] = heading_tags[c.parent];
    }
    auto take = [&](int k, bool from_heading) {
      const Classifier& cl = m.ruleset.classifiers[k];
      if (const CompiledPattern* unless = Get(m.cls_unless, k)) {
        if (cl.sentence_scope && !from_heading && !cl.text.empty()) {
          // Classified when some sentence that matches is free of `unless`.
          auto clean = [&](const re2::StringPiece& match) {
            size_t at = match.data() - c.text.data();
            return !unless->PartialMatch(SentenceAround(c.text, at, at + match.size()));
          };
          re2::StringPiece found;
          const auto find = [&](size_t pos, re2::StringPiece* out) {
            return filter.Find(kText, k, c.text, pos, out);
          };
          if (!FirstMatch(find, c.text, clean, &found)) return;
        } else if (unless->PartialMatch(c.text)) {
          return;
        }
      }
      cats.insert(cl.category);
      if (!cl.tag.empty()) tags.insert(cl.tag);
      if (from_heading) {
        heading_cats[i].push_back(cl.category);
        if (!cl.tag.empty() && cl.inherit_tag) heading_tags[i].push_back(cl.tag);
      }
    };
    // One scan of the text for every group: the rules' candidates are kept.
    filter.Scan(c.text, &ids);
    if (!c.heading.empty()) {
      // A heading found in the text has no literal the text lacks, so the
      // text's candidates include the heading's (a formula only ever needs
      // literals present): no scan of its own.
      const bool within = c.text.find(c.heading) != std::string::npos;
      if (!within) filter.Scan(c.heading, &heading_ids);
      const std::vector<int>& hids = within ? ids : heading_ids;
      for (int k : filter.Confirmed(kHeading, filter.Owners(kHeading, hids), c.heading, hids)) {
        take(k, true);
      }
    }
    for (int k : filter.Owners(kText, ids)) {
      // A classifier whose category and tag the clause already has would
      // add nothing: its pattern need not run.
      const Classifier& cl = m.ruleset.classifiers[k];
      if (cats.count(cl.category) != 0 && (cl.tag.empty() || tags.count(cl.tag) != 0)) continue;
      if (filter.Matches(kText, k, c.text, ids)) take(k, false);
    }
    if (scans) scans->scans_[i] = {c.text.size(), TextHash(c.text), ids};
    cats.insert(heading_cats[i].begin(), heading_cats[i].end());
    tags.insert(heading_tags[i].begin(), heading_tags[i].end());
    c.categories.assign(cats.begin(), cats.end());
    c.tags.assign(tags.begin(), tags.end());
  }
}

bool TypesApply(const Rule& rule, const std::vector<std::string>& types) {
  auto in_types = [&](const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& t) {
      return std::find(types.begin(), types.end(), t) != types.end();
    });
  };
  if (!rule.for_types.empty() && !in_types(rule.for_types)) return false;
  return !in_types(rule.not_for_types);
}

namespace {

// A rule's own text in the document's language.
Finding MakeFinding(const Rule& r, bool chinese) {
  Finding f;
  f.rule = r.id;
  f.category = r.category;
  f.kind = r.kind;
  f.severity = r.severity;
  f.message = chinese && !r.message_zh.empty() ? r.message_zh : r.message;
  f.recommendation =
      chinese && !r.recommendation_zh.empty() ? r.recommendation_zh : r.recommendation;
  return f;
}

// A finding at a hit, its message and recommendation filled from the hit's values.
Finding FindingAt(const Rule& r, bool chinese, CheckHit hit) {
  Finding f = MakeFinding(r, chinese);
  f.message = FillTemplate(f.message, hit.values);
  f.recommendation = FillTemplate(f.recommendation, hit.values);
  f.clause_id = std::move(hit.clause_id);
  f.location = std::move(hit.location);
  f.evidence = std::move(hit.evidence);
  return f;
}

// Whether a rule runs on this document: its language, its contract types,
// its `when` (whose hit, if any, is put in *when_hit) and `unless_document`.
bool Applies(const Rule& r, std::string_view doc_language, const std::vector<std::string>& types,
             const CheckContext& context, std::optional<CheckHit>* when_hit = nullptr) {
  if (!LangApplies(r.lang, doc_language) || !TypesApply(r, types)) return false;
  if (r.when) {
    auto hit = ConditionHolds(*r.when, context);
    if (!hit) return false;
    if (when_hit) *when_hit = std::move(hit);
  }
  return !(r.unless_document && ConditionHolds(*r.unless_document, context));
}

}  // namespace

std::vector<Finding> Engine::Evaluate(const Document& doc, std::string_view doc_language,
                                      const std::vector<Clause>& clauses,
                                      const std::vector<std::string>& types,
                                      const std::vector<Fact>& facts,
                                      const ClauseScans* scans) const {
  const Impl& m = *impl_;
  const int bucket = BucketOf(doc_language);
  const PatternFilter& filter = m.filters[bucket];
  std::vector<Finding> findings;
  const bool chinese = doc_language == "zh";
  const CheckContext context{doc, clauses, facts, "", m.ruleset.parameters};
  auto make = [chinese](const Rule& r) { return MakeFinding(r, chinese); };

  for (const Rule& r : m.ruleset.rules) {
    if (!r.require) continue;
    std::optional<CheckHit> when_hit;
    if (!Applies(r, doc_language, types, context, &when_hit)) continue;
    const bool present = ConditionHolds(*r.require, context).has_value();
    if (present) continue;
    // A conditional requirement points at what made it one.
    findings.push_back(when_hit ? FindingAt(r, chinese, std::move(*when_hit)) : make(r));
  }

  // Marks (tracked changes, hidden text, comments) on the blocks in
  // [first, end): one finding per mark of a kind a rule asks for.
  std::vector<const Rule*> mark_rules;
  for (const Rule& r : m.ruleset.rules) {
    if (!r.marks.empty() && Applies(r, doc_language, types, context)) mark_rules.push_back(&r);
  }
  auto mark_findings = [&](int first, int end, const std::string& clause_id) {
    for (const Rule* rule : mark_rules) {
      const Rule& r = *rule;
      // Text deleted and text inserted in its place by the same author is
      // one change, reported at the insertion, when the rule asks for both.
      const bool both =
          std::find(r.marks.begin(), r.marks.end(), MarkKind::kInsertion) != r.marks.end() &&
          std::find(r.marks.begin(), r.marks.end(), MarkKind::kDeletion) != r.marks.end();
      for (int bi = first; bi < end; ++bi) {
        const Block& block = doc.blocks[bi];
        for (const Mark& mark : block.marks) {
          if (std::find(r.marks.begin(), r.marks.end(), mark.kind) == r.marks.end()) continue;
          if (mark.resolved) continue;  // a resolved comment is no longer open
          if (both && IsReplaced(block, mark)) continue;
          findings.push_back(FindingAt(
              r, chinese,
              CheckHit{clause_id,
                       Location{block.source.part, block.source.index, mark.start, mark.end},
                       MarkEvidence(block, mark),
                       MarkValues(mark, chinese, both ? ReplacedText(block, mark) : "")}));
        }
      }
    }
  };
  // Blocks in no clause (notes and comments, text before the first clause).
  std::vector<bool> in_clause(doc.blocks.size(), false);
  for (const Clause& c : clauses) {
    for (int bi = c.first_block; bi < c.end_block && bi < static_cast<int>(in_clause.size());
         ++bi) {
      in_clause[bi] = true;
    }
  }
  for (size_t bi = 0; bi < doc.blocks.size(); ++bi) {
    if (!in_clause[bi]) mark_findings(static_cast<int>(bi), static_cast<int>(bi) + 1, "");
  }

  // Match rules: whether each runs on this document is decided once, on
  // first use; a rule of scope document stops at its first finding.
  enum : char { kUnknown, kRuns, kSkipped };
  std::vector<char> state(m.ruleset.rules.size(), kUnknown);
  auto runs = [&](size_t k) {
    if (state[k] == kUnknown) {
      const Rule& r = m.ruleset.rules[k];
      bool yes = Applies(r, doc_language, types, context);
      // Only document-scoped rules look at their unless here: Get compiles the
      // pattern, and the others may never need it.
      const CompiledPattern* unless = yes && r.document_scope ? Get(m.rule_unless, k) : nullptr;
      if (unless) {
        yes = std::none_of(clauses.begin(), clauses.end(),
                           [&](const Clause& c) { return unless->PartialMatch(c.text); });
      }
      state[k] = yes ? kRuns : kSkipped;
    }
    return state[k] == kRuns;
  };
  // The scan Classify made of a clause, where it is of this text and language.
  const bool same_patterns = scans && scans->bucket_ == bucket;
  std::vector<int> ids;
  auto scan_of = [&](size_t ci, const Clause& c) -> const std::vector<int>& {
    if (same_patterns && ci < scans->scans_.size()) {
      const ClauseScans::Scan& s = scans->scans_[ci];
      if (s.size == c.text.size() && s.hash == TextHash(c.text)) {
        ++scans->reused_;
        return s.ids;
      }
    }
    if (scans) ++scans->rescanned_;
    filter.Scan(c.text, &ids);
    return ids;
  };
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    const Clause& c = clauses[ci];
    mark_findings(c.first_block, std::min<int>(c.end_block, doc.blocks.size()), c.id);
    // Candidates are confirmed by FirstMatch below, after the cheaper tests.
    for (int k : filter.Owners(kRuleMatch, scan_of(ci, c))) {
      const Rule& r = m.ruleset.rules[k];
      if (!runs(k)) continue;
      if (!r.in.empty() && !HasAny(c.categories, r.in)) continue;
      if (!r.in_tags.empty() && !HasAnyTag(c.tags, r.in_tags)) continue;
      if (HasAny(c.categories, r.not_in)) continue;
      const CompiledPattern* unless = Get(m.rule_unless, k);
      const CompiledPattern* except = Get(m.rule_except, k);
      // scope: document looked at every clause once, in runs().
      if (unless && !r.sentence_scope && !r.document_scope && unless->PartialMatch(c.text)) {
        continue;
      }
      auto accept = [&](const re2::StringPiece& match) {
        if (except && except->PartialMatch(std::string_view(match.data(), match.size()))) {
          return false;
        }
        if (unless && r.sentence_scope) {
          size_t at = match.data() - c.text.data();
          return !unless->PartialMatch(SentenceAround(c.text, at, at + match.size()));
        }
        return true;
      };
      re2::StringPiece whole;
      if (!filter.MayMatch(kRuleMatch, k, c.text)) continue;
      const auto find = [&](size_t pos, re2::StringPiece* out) {
        return filter.Find(kRuleMatch, k, c.text, pos, out);
      };
      if (!FirstMatch(find, c.text, accept, &whole)) continue;
      const size_t begin = whole.data() - c.text.data();
      CheckHit hit = SpanHit(doc, c, begin, begin + whole.size());
      Finding f = make(r);
      f.clause_id = std::move(hit.clause_id);
      f.location = std::move(hit.location);
      f.evidence = std::move(hit.evidence);
      findings.push_back(std::move(f));
      if (r.document_scope) state[k] = kSkipped;
    }
  }
  return findings;
}

std::vector<Finding> Engine::RunChecks(const Document& doc, std::string_view doc_language,
                                       const std::vector<Clause>& clauses,
                                       const std::vector<Fact>& facts, const std::string& as_of,
                                       const std::vector<std::string>& types) const {
  const Ruleset& rs = impl_->ruleset;
  const bool chinese = doc_language == "zh";
  CheckContext context{doc, clauses, facts, as_of, rs.parameters};
  std::vector<Finding> findings;
  for (const Rule& r : rs.rules) {
    std::vector<CheckHit> hits;
    if (!r.check.empty()) {
      if (Applies(r, doc_language, types, context)) hits = RunCheck(r.check, context);
    } else if (r.occurrence) {
      if (Applies(r, doc_language, types, context)) hits = RunOccurrence(*r.occurrence, context);
    } else if (r.conflict) {
      if (Applies(r, doc_language, types, context)) hits = RunConflict(*r.conflict, context);
    } else if (r.compare) {
      if (Applies(r, doc_language, types, context)) hits = RunCompare(*r.compare, context);
    }
    for (CheckHit& hit : hits) findings.push_back(FindingAt(r, chinese, std::move(hit)));
  }
  return findings;
}

}  // namespace clausecheck::analyzer
