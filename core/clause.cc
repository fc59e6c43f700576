#include "core/clause.h"

#include <algorithm>
#include <string_view>

namespace clausecheck {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

std::string Cited(const std::vector<Clause>& clauses, const Clause& c, int depth) {
  const bool bracketed = c.number.starts_with("(") || c.number.starts_with("（");
  const bool bare = AllDigits(c.number);
  if ((bracketed || bare) && c.parent >= 0 && static_cast<size_t>(c.parent) < clauses.size() &&
      depth < 16) {
    const std::string up = Cited(clauses, clauses[c.parent], depth + 1);
    if (up.empty()) return c.number;
    if (bracketed) return up + c.number;
    // "1." under "第十一条" is that article's paragraph 1: 第十一条第1款.
    if (up.ends_with("条")) return up + "第" + c.number + "款";
  }
  return c.number;
}

}  // namespace

std::string CitedNumber(const std::vector<Clause>& clauses, const Clause& c) {
  return Cited(clauses, c, 0);
}

}  // namespace clausecheck
