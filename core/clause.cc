#include "core/clause.h"

namespace clausecheck {
namespace {

std::string Cited(const std::vector<Clause>& clauses, const Clause& c, int depth) {
  const bool bracketed = c.number.rfind("(", 0) == 0 || c.number.rfind("（", 0) == 0;
  if (bracketed && c.parent >= 0 && static_cast<size_t>(c.parent) < clauses.size() && depth < 16) {
    const std::string up = Cited(clauses, clauses[c.parent], depth + 1);
    if (!up.empty()) return up + c.number;
  }
  return c.number;
}

}  // namespace

std::string CitedNumber(const std::vector<Clause>& clauses, const Clause& c) {
  return Cited(clauses, c, 0);
}

}  // namespace clausecheck
