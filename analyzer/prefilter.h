// Looser versions of patterns, for the RE2::Sets that pick candidate rules.
//
// A set of hundreds of unanchored patterns runs as one DFA. A bounded gap
// such as `[^.\n]{0,200}` makes that DFA count: every position inside the gap
// is a state of its own, and the states of all the patterns multiply, so the
// DFA builds new states on almost every byte and its cache grows to its
// memory limit. The set only has to find candidates: each is then confirmed
// by its own exact pattern. So the set gets each pattern with its large
// bounded repetitions widened to `*` or `+`, which matches everything the
// pattern matches (and some more) without counting.
//
//   Loosen(R"(\bliability\b[^.\n]{0,200}\bexceed)")  // \bliability\b[^.\n]*\bexceed
#ifndef CLAUSECHECK_ANALYZER_PREFILTER_H_
#define CLAUSECHECK_ANALYZER_PREFILTER_H_

#include <string>
#include <string_view>

namespace clausecheck::analyzer {

/// `pattern` (RE2 syntax) with every repetition {m,n} or {m} whose upper
/// bound, or {m,} whose lower bound, exceeds `max_count` made `*` (m = 0) or
/// `+` (m >= 1); a lazy
/// `?` after it stays. Escapes, character classes and \Q...\E are copied as
/// they are. The result matches a superset of what `pattern` matches; a
/// pattern without such a repetition is returned unchanged.
std::string Loosen(std::string_view pattern, int max_count = 4);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_PREFILTER_H_
