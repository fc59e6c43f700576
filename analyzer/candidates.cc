#include "analyzer/candidates.h"

#include <algorithm>
#include <cstdint>

#include "analyzer/literals.h"
#include "analyzer/prefilter.h"

namespace clausecheck::analyzer {
namespace {

// Atoms shorter than this are not scanned for: the formulas drop them (an
// AND loses that term, an OR that needs one holds always), which keeps the
// filter sound. Two bytes keep words such as "or" out of the scan and every
// Han character (three bytes in UTF-8) in.
constexpr int kMinAtomLength = 3;

// A pattern's own DFA budget: hundreds of patterns each growing caches to
// RE2's default 8 MB held tens of megabytes in a batch. 8 MB for the exact
// patterns saves about 10 M instructions a 20-page English document (fewer
// NFA fallbacks) for about 11 MB more in a batch (docs/performance.md).
constexpr int64_t kPatternMemory = int64_t{2} << 20;

RE2::Options PatternOptions(int64_t max_mem) {
  RE2::Options o;
  o.set_log_errors(false);
  if (max_mem > 0) o.set_max_mem(max_mem);
  return o;
}

// The literal scan: a DFA over the atoms only, whose states are bounded by
// their total length; 8 MB is far more than the default ruleset's atoms need.
RE2::Options AtomOptions() { return PatternOptions(int64_t{8} << 20); }

}  // namespace

CandidateFilter::CandidateFilter() : atom_set_(AtomOptions(), RE2::UNANCHORED) {}

CandidateFilter::~CandidateFilter() = default;

int CandidateFilter::Add(const std::string& pattern) {
  const int i = size();
  exact_.push_back(std::make_unique<LazyPattern>(pattern));
  std::string loose = Loosen(pattern);
  loose_.push_back(loose == pattern ? nullptr : std::make_unique<LazyPattern>(std::move(loose)));
  const LiteralFormula formula = RequiredLiterals(pattern, kMinAtomLength);
  if (formula.all()) {
    always_.push_back(i);
    root_.push_back(-1);
    return i;
  }
  const int root = Flatten(formula);
  root_.push_back(root);
  // The pattern is looked at when one of its atoms is found: a formula
  // without "all" holds on no text that has none of its atoms.
  for (int k = root; k < static_cast<int>(nodes_.size()); ++k) {
    if (nodes_[k].kind != Node::kAtom) continue;
    std::vector<int>& users = atom_patterns_[nodes_[k].value];
    if (users.empty() || users.back() != i) users.push_back(i);
  }
  return i;
}

int CandidateFilter::Flatten(const LiteralFormula& f) {
  const int id = static_cast<int>(nodes_.size());
  if (f.op == LiteralFormula::Op::kAtom) {
    auto [it, added] = atom_ids_.emplace(f.atom, static_cast<int>(atom_ids_.size()));
    if (added) atom_patterns_.emplace_back();
    nodes_.push_back({Node::kAtom, it->second, 0});
    return id;
  }
  nodes_.push_back({f.op == LiteralFormula::Op::kAnd ? Node::kAnd : Node::kOr, 0, 0});
  std::vector<int> kids;
  for (const LiteralFormula& k : f.kids) kids.push_back(Flatten(k));
  nodes_[id].value = static_cast<int>(kids_.size());
  kids_.insert(kids_.end(), kids.begin(), kids.end());
  nodes_[id].end = static_cast<int>(kids_.size());
  return id;
}

bool CandidateFilter::Holds(int node, const std::vector<char>& found) const {
  const Node& n = nodes_[node];
  if (n.kind == Node::kAtom) return found[n.value] != 0;
  for (int k = n.value; k < n.end; ++k) {
    if (Holds(kids_[k], found) != (n.kind == Node::kAnd)) return n.kind == Node::kOr;
  }
  return n.kind == Node::kAnd;
}

void CandidateFilter::Compile() {
  compiled_ = true;
  atom_count_ = static_cast<int>(atom_ids_.size());
  if (atom_count_ == 0) return;
  std::vector<const std::string*> atoms(atom_ids_.size());
  for (const auto& [atom, id] : atom_ids_) atoms[id] = &atom;
  // Atoms are lowercased; a case-insensitive literal finds every text that
  // lowercases to it (RE2's own case folding, so KELVIN SIGN finds "k").
  for (const std::string* atom : atoms) atom_set_.Add("(?i)" + RE2::QuoteMeta(*atom), nullptr);
  compiled_ = atom_set_.Compile();
  std::unordered_map<std::string, int>().swap(atom_ids_);
}

bool CandidateFilter::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  std::vector<int> found;
  if (atom_count_ > 0) {
    RE2::Set::ErrorInfo info{};
    if (!compiled_ || (!atom_set_.Match(text, &found, &info) && info.kind != RE2::Set::kNoError)) {
      for (int i = 0; i < size(); ++i) out->push_back(i);
      return false;
    }
  }
  if (!found.empty()) {
    std::vector<char> present(static_cast<size_t>(atom_count_), 0);
    for (int a : found) present[a] = 1;
    std::vector<char> judged(static_cast<size_t>(size()), 0);
    for (int a : found) {
      for (int p : atom_patterns_[a]) {
        if (judged[p] != 0) continue;
        judged[p] = 1;
        if (Holds(root_[p], present)) out->push_back(p);
      }
    }
  }
  out->insert(out->end(), always_.begin(), always_.end());
  std::sort(out->begin(), out->end());
  return true;
}

const RE2& CandidateFilter::pattern(int i) const { return **exact_[i]; }

bool CandidateFilter::LooseMatch(int i, std::string_view text) const {
  return loose_[i] == nullptr || RE2::PartialMatch(text, **loose_[i]);
}

bool CandidateFilter::Matches(int i, std::string_view text) const {
  return LooseMatch(i, text) && RE2::PartialMatch(text, pattern(i));
}

const RE2& LazyPattern::operator*() const {
  std::call_once(once_, [this] {
    re_ = std::make_unique<RE2>(pattern_, PatternOptions(kPatternMemory));
    if (!re_->ok()) re_ = std::make_unique<RE2>(pattern_, PatternOptions(0));
  });
  return *re_;
}

}  // namespace clausecheck::analyzer
