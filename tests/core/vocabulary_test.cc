#include "core/vocabulary.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/result.h"

namespace clausecheck {
namespace {

TEST(Vocabulary, NamesRoundTripForEveryCategory) {
  std::set<std::string> names;
  for (Category c : AllCategories()) {
    Category parsed;
    ASSERT_TRUE(ParseCategory(Name(c), &parsed)) << Name(c);
    EXPECT_EQ(parsed, c);
    names.insert(std::string(Name(c)));
  }
  EXPECT_EQ(names.size(), 16u);
  EXPECT_TRUE(names.count("dispute_resolution"));
  EXPECT_TRUE(names.count("intellectual_property"));
}

TEST(Vocabulary, RejectsUnknownNames) {
  Category c;
  Kind k;
  Severity s;
  EXPECT_FALSE(ParseCategory("Liability", &c));  // names are lower case
  EXPECT_FALSE(ParseKind("broken", &k));
  EXPECT_FALSE(ParseSeverity("severe", &s));
}

TEST(Vocabulary, SeveritiesAreOrdered) {
  Severity s;
  ASSERT_TRUE(ParseSeverity("medium", &s));
  EXPECT_LT(Severity::kInfo, Severity::kLow);
  EXPECT_LT(s, Severity::kHigh);
  EXPECT_LT(Severity::kHigh, Severity::kCritical);
  EXPECT_EQ(Name(Severity::kCritical), "critical");
  EXPECT_EQ(Name(Kind::kInconsistent), "inconsistent");
}

TEST(ErrorTest, FormatsWhereAndMessage) {
  Error e{ErrorCode::kFormat, "binary data, not a text document", "in/x.txt"};
  EXPECT_EQ(e.ToString(), "in/x.txt: binary data, not a text document");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kTooLarge), "too_large");
  Error bare{ErrorCode::kUsage, "no input", ""};
  EXPECT_EQ(bare.ToString(), "no input");
}

TEST(ResultTest, HoldsValueOrError) {
  Result<int> ok = 42;
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value(), 42);
  Result<int> bad = Error{ErrorCode::kIo, "no such file", "a.txt"};
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace clausecheck
