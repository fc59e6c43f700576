#include "analyzer/gapped.h"

#include <algorithm>
#include <utility>

#include "core/utf8.h"

namespace clausecheck::analyzer {

GappedPattern::GappedPattern(std::string exact, std::string open, std::vector<Gap> gaps,
                             const RE2::Options& options)
    : exact_(std::move(exact), options), open_(std::move(open), options), gaps_(std::move(gaps)) {}

bool GappedPattern::Match(std::string_view text, size_t pos, size_t end, re2::StringPiece* groups,
                          int n) const {
  const RE2& open = *open_;
  if (!open.ok()) return exact_->Match(text, pos, end, RE2::UNANCHORED, groups, n);
  int most_group = n - 1;
  for (const Gap& g : gaps_) most_group = std::max(most_group, g.group);
  thread_local std::vector<re2::StringPiece> found;
  found.assign(static_cast<size_t>(most_group) + 1, re2::StringPiece());
  if (!open.Match(text, pos, end, RE2::UNANCHORED, found.data(), most_group + 1)) return false;
  const bool counts_kept = std::all_of(gaps_.begin(), gaps_.end(), [&](const Gap& g) {
    const re2::StringPiece gap = found[static_cast<size_t>(g.group)];
    if (gap.data() == nullptr) return true;
    const std::string_view s(gap.data(), gap.size());
    size_t at = 0, count = 0;
    while (at < s.size() && count <= g.most) {
      utf8::Next(s, &at);
      ++count;
    }
    return count <= g.most;
  });
  if (counts_kept) {
    std::copy(found.begin(), found.begin() + n, groups);
    return true;
  }
  const size_t start = static_cast<size_t>(found[0].data() - text.data());
  return exact_->Match(text, start, end, RE2::UNANCHORED, groups, n);
}

}  // namespace clausecheck::analyzer
