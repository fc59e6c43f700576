#include "analyzer/candidates.h"

#include <algorithm>
#include <cstdint>

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

CandidateFilter::CandidateFilter()
    : filtered_(kMinAtomLength), atom_set_(AtomOptions(), RE2::UNANCHORED) {}

CandidateFilter::~CandidateFilter() = default;

int CandidateFilter::Add(const std::string& pattern) {
  const int i = size();
  exact_.push_back(std::make_unique<LazyPattern>(pattern));
  const std::string loose = Loosen(pattern);
  int id = -1;
  if (filtered_.Add(loose, PatternOptions(kPatternMemory), &id) == RE2::NoError ||
      filtered_.Add(loose, PatternOptions(0), &id) == RE2::NoError) {
    filtered_to_pattern_.push_back(i);
  } else {
    always_.push_back(i);
  }
  loose_.push_back(loose == pattern ? -1 : id);
  return i;
}

void CandidateFilter::Compile() {
  compiled_ = true;
  if (filtered_to_pattern_.empty()) return;  // FilteredRE2 refuses to compile empty
  std::vector<std::string> atoms;
  filtered_.Compile(&atoms);
  atom_count_ = static_cast<int>(atoms.size());
  // Atoms are lowercased; a case-insensitive literal finds every text that
  // lowercases to it (RE2's own case folding, so KELVIN SIGN finds "k").
  for (const std::string& atom : atoms) atom_set_.Add("(?i)" + RE2::QuoteMeta(atom), nullptr);
  if (!atoms.empty()) compiled_ = atom_set_.Compile();
}

int CandidateFilter::unfiltered() const {
  std::vector<int> out;
  if (!filtered_to_pattern_.empty()) filtered_.AllPotentials({}, &out);
  return static_cast<int>(out.size() + always_.size());
}

bool CandidateFilter::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  std::vector<int> found;
  bool ok = true;
  if (atom_count_ > 0) {
    RE2::Set::ErrorInfo info{};
    if (!compiled_ || (!atom_set_.Match(text, &found, &info) && info.kind != RE2::Set::kNoError)) {
      ok = false;
    }
  }
  if (!ok) {
    for (int i = 0; i < size(); ++i) out->push_back(i);
    return false;
  }
  if (!filtered_to_pattern_.empty()) {
    std::vector<int> potentials;
    filtered_.AllPotentials(found, &potentials);
    for (int id : potentials) out->push_back(filtered_to_pattern_[id]);
  }
  out->insert(out->end(), always_.begin(), always_.end());
  std::sort(out->begin(), out->end());
  return true;
}

const RE2& CandidateFilter::pattern(int i) const { return **exact_[i]; }

bool CandidateFilter::LooseMatch(int i, std::string_view text) const {
  return loose_[i] < 0 || RE2::PartialMatch(text, filtered_.GetRE2(loose_[i]));
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
