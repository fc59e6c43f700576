#include "core/clause.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clausecheck {
namespace {

// Clauses numbered `numbers`, each the child of the clause at `parents`
// (-1: top level).
std::vector<Clause> Outline(const std::vector<std::string>& numbers,
                            const std::vector<int>& parents) {
  std::vector<Clause> out;
  for (size_t i = 0; i < numbers.size(); ++i) {
    Clause c;
    c.id = "c" + std::to_string(i);
    c.number = numbers[i];
    c.parent = parents[i];
    out.push_back(c);
  }
  return out;
}

TEST(CitedNumber, BracketedItemsFollowTheirParent) {
  const auto c = Outline({"7", "(b)", "(ii)", "第十条", "（二）"}, {-1, 0, 1, -1, 3});
  EXPECT_EQ(CitedNumber(c, c[1]), "7(b)");
  EXPECT_EQ(CitedNumber(c, c[2]), "7(b)(ii)");
  EXPECT_EQ(CitedNumber(c, c[4]), "第十条（二）");
}

TEST(CitedNumber, AnArticlesNumberedParagraphIsItsKuan) {
  const auto c = Outline({"第十一条", "4", "（1）", "第十二条"}, {-1, 0, 1, -1});
  EXPECT_EQ(CitedNumber(c, c[1]), "第十一条第4款");
  EXPECT_EQ(CitedNumber(c, c[2]), "第十一条第4款（1）");
  EXPECT_EQ(CitedNumber(c, c[3]), "第十二条");
}

TEST(CitedNumber, NumbersThatAreWholeStayAsTheyAre) {
  // "1.1" under "1" is already whole; a bare number under a non-article
  // parent, or at the top, is cited alone; a clause without a number is "".
  const auto c = Outline({"1", "1.1", "3", "2", "", "(a)"}, {-1, 0, 0, -1, -1, 4});
  EXPECT_EQ(CitedNumber(c, c[1]), "1.1");
  EXPECT_EQ(CitedNumber(c, c[2]), "3");
  EXPECT_EQ(CitedNumber(c, c[3]), "2");
  EXPECT_EQ(CitedNumber(c, c[4]), "");
  EXPECT_EQ(CitedNumber(c, c[5]), "(a)");
  // A parent index out of range is no parent.
  auto bad = Outline({"(a)", "4"}, {7, -5});
  EXPECT_EQ(CitedNumber(bad, bad[0]), "(a)");
  EXPECT_EQ(CitedNumber(bad, bad[1]), "4");
}

}  // namespace
}  // namespace clausecheck
