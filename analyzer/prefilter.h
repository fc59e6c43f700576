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
#include <vector>

namespace clausecheck::analyzer {

/// `pattern` (RE2 syntax) with every repetition {m,n} or {m} whose upper
/// bound, or {m,} whose lower bound, exceeds `max_count` made `*` (m = 0) or
/// `+` (m >= 1); a lazy
/// `?` after it stays. Escapes, character classes and \Q...\E are copied as
/// they are. The result matches a superset of what `pattern` matches; a
/// pattern without such a repetition is returned unchanged.
///
/// Where `same_up_to` is given, it receives the length (in characters) up
/// to which the result is the same pattern as `pattern`: on a text of at
/// most that many characters both match the same substrings, because no
/// widened repetition can run past its old bound there (each of its turns
/// takes a character, and a turn that takes none can be dropped). That is
/// the least upper bound of the widened {0,n} and {1,n}; 0 where a widened
/// repetition had a lower bound above 1 or none above, or where the pattern
/// has \C (a turn of a single byte); unlimited (LONG_MAX) where nothing was
/// widened.
std::string Loosen(std::string_view pattern, int max_count = 4, long* same_up_to = nullptr);

/// Reads a repetition count ({m,n}'s m or n) at s[*i] as RE2's parser
/// does, advancing *i past its digits: false where RE2 reads none there
/// (no digit, a leading zero, or ten digits or more), and then the brace
/// that opened the repetition is a literal to RE2.
bool ReadRepeatCount(std::string_view s, size_t* i, long* out);

/// The top-level alternatives of `pattern`, each a pattern of its own that
/// keeps the flags the pattern starts with: `(?i)a|b(c|d)` gives `(?i)a` and
/// `(?i)b(c|d)`. `pattern` matches somewhere in a text exactly where one of
/// them does. Empty where there is one alternative, or where splitting could
/// change a flag (a flag group such as `(?s)` after the start, whose effect
/// runs on into the alternatives after it).
std::vector<std::string> Alternatives(std::string_view pattern);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_PREFILTER_H_
