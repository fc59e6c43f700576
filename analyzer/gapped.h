// A pattern with counted gaps, such as
//
//   ["“]([^"”\n]{1,60}?)["”]      or      [,;][^()]{0,200}\)
//
// matched through the same pattern with the counts left out ("open":
// [^"”\n]+?, [^()]*), each gap in a group of its own, its length checked
// after. RE2 compiles a counted repetition as one copy of its class per
// count, and a negated class in UTF-8 as about a dozen instructions: the two
// extractor patterns that need this were 2,739 and 1,894 instructions, about
// 0.5 ms each to compile (and as much again for the reverse program that
// finds where a match starts), where their open forms are a few hundred.
//
// The answer is the exact pattern's, always. Every match of the exact
// pattern is one of the open pattern (a gap of at most `most` code points is
// a gap), so the open pattern's leftmost match starts no later than the
// exact one's; and the two order their ways of matching alike (a lazy gap
// tries fewer first, a greedy one more, counted or not), so where the open
// pattern's first way keeps every count, it is the exact pattern's match.
// Where it breaks one, the exact pattern (compiled then, and only then)
// searches on from that start.
#ifndef CLAUSECHECK_ANALYZER_GAPPED_H_
#define CLAUSECHECK_ANALYZER_GAPPED_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/candidates.h"

namespace clausecheck::analyzer {

class GappedPattern {
 public:
  /// A gap: the open pattern's group `group` holds at most `most` code
  /// points where the exact pattern counts it (a group that did not take
  /// part in the match is not checked).
  struct Gap {
    int group;
    size_t most;
  };
  /// `open` is `exact` with each counted gap's upper bound dropped and each
  /// gap in a group, the groups that are not the exact pattern's numbered
  /// after all of its own (so the first groups are the same).
  GappedPattern(std::string exact, std::string open, std::vector<Gap> gaps,
                const RE2::Options& options);

  /// What exact.Match(text, pos, end, RE2::UNANCHORED, groups, n) gives,
  /// `n` at most the exact pattern's groups and one.
  bool Match(std::string_view text, size_t pos, size_t end, re2::StringPiece* groups, int n) const;

  /// The exact and open patterns, compiled (tests).
  const RE2& exact() const { return *exact_; }
  const RE2& open() const { return *open_; }

 private:
  LazyPattern exact_, open_;
  std::vector<Gap> gaps_;
};

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_GAPPED_H_
