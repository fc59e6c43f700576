#include "analyzer/candidates.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string_view>

#include "analyzer/literals.h"
#include "analyzer/prefilter.h"
#include "core/utf8.h"

namespace clausecheck::analyzer {
namespace {

// Atoms shorter than this are not scanned for: the formulas drop them (an
// AND loses that term, an OR that needs one holds always), which keeps the
// filter sound. Two bytes keep words such as "or" out of the scan and every
// Han character (three bytes in UTF-8) in. A pattern that this leaves with
// no formula at all gets one over literals of any length instead (Add).
constexpr int kMinAtomLength = 3;

// Atoms that occur in so many clauses that requiring them filters out
// almost nothing, while finding them costs the scan its outputs and the
// formulas their updates on nearly every clause: the atoms of the default
// ruleset found in at least a fifth of the 31,956 paragraphs of the 258 CUAD
// contracts (English), or of the paragraphs of corpus/contracts' Chinese
// contracts (docs/performance.md, "The literal scan and the filter's
// formulas, eleventh session"). A formula does not require them
// (WithoutAtoms) unless it would then require nothing at all. Sorted, for
// binary search.
// clang-format off
constexpr std::string_view kCommonAtoms[] = {
    " by ", " in", " not", " of", " on", " this", " to ", " with", "act", "agree", "agreement",
    "all", "all ", "and", "and ", "any", "any ", "as ", "at ", "be ", "by ", "for", "for ",
    "in ", "inc", "ing", "is ", "its", "not", "of ", "on ", "or ", "other", "part", "shall",
    "shall ", "ten", "the", "the ", "this ", "this agreement", "to ", "with ",
    "乙方", "合同", "应", "甲方"};
// clang-format on
static_assert(std::is_sorted(std::begin(kCommonAtoms), std::end(kCommonAtoms)));

bool Common(std::string_view atom) {
  return std::binary_search(std::begin(kCommonAtoms), std::end(kCommonAtoms), atom);
}

// A loosened pattern's own DFA budget: hundreds of patterns each growing
// caches to RE2's default 8 MB held tens of megabytes in a batch. Unlike the
// exact patterns (kExactPatternMemory), the loosened ones keep 2 MB: they are
// tried on every candidate, and at 512 KB their DFAs fail often enough to
// cost a third more instructions over CUAD contracts (docs/performance.md).
constexpr int64_t kLoosePatternMemory = int64_t{2} << 20;

RE2::Options PatternOptions(int64_t max_mem) {
  RE2::Options o;
  o.set_log_errors(false);
  if (max_mem > 0) o.set_max_mem(max_mem);
  return o;
}

}  // namespace

CandidateFilter::CandidateFilter() = default;

CandidateFilter::~CandidateFilter() = default;

PatternAnalysis CandidateFilter::Analyze(const std::string& pattern) {
  PatternAnalysis a;
  std::string loose = Loosen(pattern, 4, &a.same_up_to);
  a.loosened = loose != pattern;
  if (a.loosened) {
    a.loose = std::move(loose);
    std::vector<std::string> alternatives = Alternatives(pattern);
    a.split = !alternatives.empty();
    for (std::string& alt : alternatives) {
      long up_to = 0;
      std::string loose_alt = Loosen(alt, 4, &up_to);
      if (loose_alt == alt) {
        if (!a.plain.empty()) a.plain += '|';
        a.plain += alt;  // each keeps the flags it starts with
        continue;
      }
      a.alternatives.push_back({std::move(alt), std::move(loose_alt), up_to});
    }
  } else {
    a.same_up_to = 0;
  }
  LiteralFormula formula = RequiredLiterals(pattern, kMinAtomLength);
  // A pattern that requires no literal of kMinAtomLength bytes would be a
  // candidate for every text; shorter literals ("[" and "]", "by" and ":")
  // are often missing from a clause, and then it need not run there.
  if (formula.all()) formula = RequiredLiterals(pattern, 1);
  // Common atoms are not required (kCommonAtoms), unless that would leave
  // the formula requiring nothing.
  if (LiteralFormula relaxed = WithoutAtoms(formula, Common); !relaxed.all()) {
    formula = std::move(relaxed);
  }
  a.formula = std::move(formula);
  return a;
}

int CandidateFilter::Add(const std::string& pattern, PatternAnalysis a) {
  const int i = size();
  exact_.push_back(std::make_unique<LazyPattern>(pattern));
  loose_.push_back(a.loosened
                       ? std::make_unique<LazyPattern>(std::move(a.loose), kLoosePatternMemory)
                       : nullptr);
  same_up_to_.push_back(a.loosened ? a.same_up_to : 0);
  std::unique_ptr<Split> split;
  if (a.loosened && a.split) {
    split = std::make_unique<Split>();
    if (!a.plain.empty()) split->plain = std::make_unique<LazyPattern>(std::move(a.plain));
    for (PatternAnalysis::Alternative& alt : a.alternatives) {
      Alternative part;
      part.exact = std::make_unique<LazyPattern>(std::move(alt.exact));
      part.loose = std::make_unique<LazyPattern>(std::move(alt.loose), kLoosePatternMemory);
      part.same_up_to = alt.same_up_to;
      split->loosened.push_back(std::move(part));
    }
  }
  split_.push_back(std::move(split));
  formulas_.push_back(std::move(a.formula));
  return i;
}

void CandidateFilter::Flatten(const LiteralFormula& f, int parent, int pattern) {
  if (f.op == LiteralFormula::Op::kAtom) {
    const size_t atom = static_cast<size_t>(atoms_.Add(f.atom));
    if (atom >= atom_uses_.size()) atom_uses_.resize(atom + 1);
    atom_uses_[atom].push_back(parent < 0 ? -1 - pattern : parent);
    return;
  }
  const int id = static_cast<int>(nodes_.size());
  const int need = f.op == LiteralFormula::Op::kAnd ? static_cast<int>(f.kids.size()) : 1;
  nodes_.push_back({need, parent, parent < 0 ? pattern : -1});
  for (const LiteralFormula& k : f.kids) Flatten(k, id, pattern);
}

void CandidateFilter::Compile(std::string_view prebuilt, bool trusted) {
  prebuilt_ = !prebuilt.empty() && CompileFrom(prebuilt, trusted);
  if (!prebuilt_) {
    for (size_t i = 0; i < formulas_.size(); ++i) {
      if (formulas_[i].all()) {
        always_.push_back(static_cast<int>(i));
      } else {
        Flatten(formulas_[i], -1, static_cast<int>(i));
      }
    }
    atoms_.Compile();
    atom_uses_.resize(static_cast<size_t>(atoms_.size()));
    uses_begin_.assign(1, 0);
    for (std::vector<int>& u : atom_uses_) {
      uses_.insert(uses_.end(), u.begin(), u.end());
      uses_begin_.push_back(static_cast<int>(uses_.size()));
    }
  }
  std::vector<std::vector<int>>().swap(atom_uses_);
  std::vector<LiteralFormula>().swap(formulas_);
}

namespace {

// The patterns' hashes (std::hash, eight bytes at a time: the embedded
// filter is read by the build that wrote it), combined in order.
class PatternsHash {
 public:
  void Add(std::string_view pattern) {
    h_ = (h_ ^ std::hash<std::string_view>()(pattern)) * 1099511628211ull + pattern.size();
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 14695981039346656037ull;
};

}  // namespace

uint64_t CandidateFilter::Fingerprint() const {
  PatternsHash h;
  for (const auto& p : exact_) h.Add(p->pattern());
  return h.value();
}

namespace {

// PackCompiled's bytes: this header, the arrays it counts (32-bit numbers:
// uses_begin_, uses_, nodes_ as three numbers each, always_), then the
// AtomScanner's packed DFA, at a 4-byte boundary.
constexpr uint32_t kPackedFilterMagic = 0x31464343;  // "CCF1"
struct PackedFilterHeader {
  uint32_t magic, patterns;
  uint64_t fingerprint;
  uint32_t uses_begin, uses, nodes, always;
};
static_assert(sizeof(PackedFilterHeader) % 4 == 0);

}  // namespace

std::string CandidateFilter::PackCompiled() const {
  const std::string scanner = atoms_.Pack();
  if (scanner.empty()) return "";
  static_assert(sizeof(Node) == 3 * sizeof(int));
  PackedFilterHeader h{kPackedFilterMagic,
                       static_cast<uint32_t>(size()),
                       Fingerprint(),
                       static_cast<uint32_t>(uses_begin_.size()),
                       static_cast<uint32_t>(uses_.size()),
                       static_cast<uint32_t>(nodes_.size()),
                       static_cast<uint32_t>(always_.size())};
  std::string out(reinterpret_cast<const char*>(&h), sizeof h);
  const auto ints = [&](const void* data, size_t n) {
    out.append(static_cast<const char*>(data), n * sizeof(int));
  };
  ints(uses_begin_.data(), uses_begin_.size());
  ints(uses_.data(), uses_.size());
  ints(nodes_.data(), 3 * nodes_.size());
  ints(always_.data(), always_.size());
  return out + scanner;
}

bool CandidateFilter::PrebuiltFor(std::string_view prebuilt,
                                  const std::vector<std::string_view>& patterns) {
  PackedFilterHeader h;
  if (prebuilt.size() < sizeof h) return false;
  std::memcpy(&h, prebuilt.data(), sizeof h);
  PatternsHash hash;
  for (std::string_view p : patterns) hash.Add(p);
  return h.magic == kPackedFilterMagic && h.patterns == patterns.size() &&
         h.fingerprint == hash.value();
}

namespace {

// PackCompiled's bytes, read: the header and the arrays it counts (in
// place), and the AtomScanner's bytes after them. False where the bytes are
// too short or misaligned for what the header says.
struct PackedFilter {
  PackedFilterHeader h;
  const int* uses_begin;
  const int* uses;
  const int* nodes;  // three numbers each
  const int* always;
  std::string_view scanner;
  bool Read(std::string_view bytes) {
    if (bytes.size() < sizeof h || reinterpret_cast<uintptr_t>(bytes.data()) % 4 != 0) {
      return false;
    }
    std::memcpy(&h, bytes.data(), sizeof h);
    if (h.magic != kPackedFilterMagic) return false;
    const size_t counts = size_t{h.uses_begin} + h.uses + 3 * size_t{h.nodes} + h.always;
    if (bytes.size() < sizeof h + counts * sizeof(int)) return false;
    uses_begin = reinterpret_cast<const int*>(bytes.data() + sizeof h);
    uses = uses_begin + h.uses_begin;
    nodes = uses + h.uses;
    always = nodes + 3 * size_t{h.nodes};
    scanner = bytes.substr(sizeof h + counts * sizeof(int));
    return true;
  }
};

}  // namespace

bool CandidateFilter::CheckPacked(std::string_view bytes) {
  PackedFilter f;
  AtomScanner scanner;
  if (!f.Read(bytes) || !scanner.Unpack(f.scanner)) return false;
  // Every number in range: the formulas' trees point up to their roots,
  // and a found atom's uses to nodes or patterns.
  const size_t patterns = f.h.patterns, nodes = f.h.nodes;
  const auto in = [](long v, long lo, size_t n) { return v >= lo && v < static_cast<long>(n); };
  if (f.h.uses_begin != static_cast<size_t>(scanner.size()) + 1 || f.uses_begin[0] != 0 ||
      f.uses_begin[f.h.uses_begin - 1] != static_cast<int>(f.h.uses) ||
      !std::is_sorted(f.uses_begin, f.uses_begin + f.h.uses_begin)) {
    return false;
  }
  for (size_t k = 0; k < f.h.uses; ++k) {
    const int u = f.uses[k];
    if (u >= 0 ? !in(u, 0, nodes) : !in(-1L - u, 0, patterns)) return false;
  }
  for (size_t k = 0; k < nodes; ++k) {
    const int* n = f.nodes + 3 * k;  // need, parent, pattern
    // A kid comes after its parent (Flatten numbers them so): no cycles.
    if (n[0] < 1 || !in(n[1], -1, k) || !in(n[2], -1, patterns)) return false;
  }
  for (size_t k = 0; k < f.h.always; ++k) {
    if (!in(f.always[k], 0, patterns)) return false;
  }
  return true;
}

bool CandidateFilter::CompileFrom(std::string_view bytes, bool trusted) {
  PackedFilter f;
  if (!f.Read(bytes) || f.h.patterns != exact_.size() || f.h.fingerprint != Fingerprint()) {
    return false;
  }
  if (!trusted && !CheckPacked(bytes)) return false;
  AtomScanner scanner;
  if (!scanner.Unpack(f.scanner, /*trusted=*/true) ||
      f.h.uses_begin != static_cast<size_t>(scanner.size()) + 1) {
    return false;
  }
  atoms_ = std::move(scanner);
  uses_begin_.assign(f.uses_begin, f.uses_begin + f.h.uses_begin);
  uses_.assign(f.uses, f.uses + f.h.uses);
  nodes_.resize(f.h.nodes);
  if (f.h.nodes > 0) std::memcpy(nodes_.data(), f.nodes, 3 * sizeof(int) * f.h.nodes);
  always_.assign(f.always, f.always + f.h.always);
  return true;
}

void CandidateFilter::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  // The atoms found, and how many kids of each node hold so far (zero
  // between calls: the nodes touched are reset before returning), kept per
  // thread to spare allocations per call.
  thread_local std::vector<int> found;
  thread_local std::vector<int> held;
  thread_local std::vector<int> touched;
  atoms_.Scan(text, &found);
  if (held.size() < nodes_.size()) held.resize(nodes_.size(), 0);
  touched.clear();
  for (int a : found) {  // each atom once: a kid tells its parent once
    for (int u = uses_begin_[a]; u < uses_begin_[a + 1]; ++u) {
      int node = uses_[u];
      if (node < 0) {
        out->push_back(-1 - node);
        continue;
      }
      while (node >= 0) {
        if (held[node]++ == 0) touched.push_back(node);
        const Node& n = nodes_[node];
        if (held[node] != n.need) break;  // not yet, or already told
        if (n.pattern >= 0) out->push_back(n.pattern);
        node = n.parent;
      }
    }
  }
  for (int node : touched) held[node] = 0;
  out->insert(out->end(), always_.begin(), always_.end());
  std::sort(out->begin(), out->end());
}

const RE2& CandidateFilter::pattern(int i) const { return **exact_[i]; }

bool CandidateFilter::LooseMatch(int i, std::string_view text) const {
  return loose_[i] == nullptr || RE2::PartialMatch(text, **loose_[i]);
}

bool CandidateFilter::Fits(long up_to, std::string_view text) {
  if (up_to <= 0) return false;
  // Bytes first: a text of no more bytes than that has no more characters,
  // and one of more than four bytes a character has more.
  const size_t bytes = text.size();
  if (bytes <= static_cast<size_t>(up_to)) return true;
  if (bytes / 4 > static_cast<size_t>(up_to)) return false;
  return utf8::CodePointCount(text) <= up_to;
}

bool CandidateFilter::LooseIsExact(int i, std::string_view text) const {
  return Fits(same_up_to_[i], text);
}

bool CandidateFilter::Matches(int i, std::string_view text) const {
  if (!LooseMatch(i, text)) return false;
  if (LooseIsExact(i, text)) return true;
  const Split* split = split_[i].get();
  const auto whole = [&] { return RE2::PartialMatch(text, pattern(i)); };
  if (split == nullptr) return whole();
  // A part that does not compile (which the splitter's reading of a syntax
  // RE2 has but contract patterns do not use could cause) leaves the answer
  // to the whole pattern. Each part compiles when first needed.
  if (split->plain) {
    const RE2& plain = **split->plain;
    if (!plain.ok()) return whole();
    if (RE2::PartialMatch(text, plain)) return true;
  }
  for (const Alternative& a : split->loosened) {
    const RE2& loose = **a.loose;
    if (!loose.ok()) return whole();
    if (!RE2::PartialMatch(text, loose)) continue;
    if (Fits(a.same_up_to, text)) return true;
    const RE2& exact = **a.exact;
    if (!exact.ok()) return whole();
    if (RE2::PartialMatch(text, exact)) return true;
  }
  return false;
}

bool CandidateFilter::Find(int i, std::string_view text, size_t pos, re2::StringPiece* out) const {
  const auto search = [&](const RE2& re, re2::StringPiece* m) {
    return re.Match(text, pos, text.size(), RE2::UNANCHORED, m, 1);
  };
  const auto whole = [&] { return search(pattern(i), out); };
  const Split* split = split_[i].get();
  if (split == nullptr) return whole();
  // The whole pattern's leftmost-first match starts where its leftmost
  // alternative's does; of those starting there, the first alternative in
  // the pattern that matches wins, with the match it prefers.
  bool found = false, plain_best = false, tie = false;
  re2::StringPiece best, m;
  const auto consider = [&](bool is_plain) {
    if (!found || m.data() < best.data()) {
      best = m;
      found = true;
      plain_best = is_plain;
      tie = false;
    } else if (m.data() == best.data() && (is_plain || plain_best)) {
      tie = true;
    }
  };
  if (split->plain) {
    const RE2& plain = **split->plain;
    if (!plain.ok()) return whole();
    if (search(plain, &m)) consider(true);
  }
  for (const Alternative& a : split->loosened) {
    const RE2& loose = **a.loose;
    if (!loose.ok()) return whole();
    // The loosened form matches wherever the alternative does; asked only
    // whether, so that RE2 need not compile its reversed program to find
    // where a match starts.
    if (!loose.Match(text, pos, text.size(), RE2::UNANCHORED, nullptr, 0)) continue;
    const RE2& exact = **a.exact;
    if (!exact.ok()) return whole();
    if (search(exact, &m)) consider(false);
  }
  if (tie) return whole();
  if (found) *out = best;
  return found;
}

LazyPattern::LazyPattern(std::string pattern, int64_t max_mem)
    : pattern_(std::move(pattern)), options_(PatternOptions(max_mem)), retry_(true) {}

const RE2& LazyPattern::operator*() const {
  std::call_once(once_, [this] {
    re_ = std::make_unique<RE2>(pattern_, options_);
    if (!re_->ok() && retry_) re_ = std::make_unique<RE2>(pattern_, PatternOptions(0));
  });
  return *re_;
}

}  // namespace clausecheck::analyzer
