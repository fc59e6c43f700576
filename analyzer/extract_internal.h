// Internals shared by the fact extractors (extract.cc, extract_terms.cc):
// not an interface for other modules.
#ifndef CLAUSECHECK_ANALYZER_EXTRACT_INTERNAL_H_
#define CLAUSECHECK_ANALYZER_EXTRACT_INTERNAL_H_

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/clause.h"
#include "core/fact.h"

namespace clausecheck::analyzer::internal {

using re2::RE2;
using SP = re2::StringPiece;

// A fact found in one block, with its byte span in the block text; spans are
// converted to code points once, when the fact leaves the block.
struct Candidate {
  Fact fact;
  size_t begin = 0;
  size_t end = 0;
};

inline bool Overlaps(const std::vector<Candidate>& taken, size_t b, size_t e) {
  for (const Candidate& c : taken) {
    if (b < c.end && c.begin < e) return true;
  }
  return false;
}

inline size_t Off(std::string_view text, const SP& piece) {
  return static_cast<size_t>(piece.data() - text.data());
}

inline std::string_view Str(const SP& p) { return std::string_view(p.data(), p.size()); }

// Calls fn(groups) for every non-overlapping match of `re` in `text`, groups[0]
// being the whole match.
template <typename Fn>
void ForEachMatch(const RE2& re, std::string_view text, Fn fn) {
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<SP> g(n);
  size_t pos = 0;
  while (pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, g.data(), n)) {
    size_t end = Off(text, g[0]) + g[0].size();
    fn(g);
    pos = g[0].empty() ? end + 1 : end;
  }
}

inline RE2::Options Opts() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

// Moves `pos` back to a UTF-8 character boundary.
inline size_t Boundary(std::string_view s, size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// Occurrences of `needle` in `hay` that stand as words of their own where the
// needle starts or ends with a letter or digit (Chinese has no word
// boundaries to check): "Party" is not counted in "Parties".
int CountWord(std::string_view hay, std::string_view needle);

// Defined terms ("Affiliate" means ...; (the "Services"); 本合同所称“…”是指)
// in one block's text.
void ScanDefinedTerms(std::string_view text, std::vector<Candidate>* out);

// Cross-references to clauses of the same contract in one block's text:
// Section 14.3, clause 5(b), 第十二条, 本合同第三条第二款. `value` is the
// normalised number; `target` is left for ResolveReferences.
void ScanReferences(std::string_view text, std::vector<Candidate>* out);

// Sets each reference's target to the clause it cites, and each defined
// term's number of uses, from the whole contract.
void ResolveReferences(const std::vector<Clause>& clauses, std::vector<Fact>* facts);
void CountTermUses(const std::vector<Clause>& clauses, std::vector<Fact>* facts);

}  // namespace clausecheck::analyzer::internal

#endif  // CLAUSECHECK_ANALYZER_EXTRACT_INTERNAL_H_
