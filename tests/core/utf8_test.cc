#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace clausecheck::utf8 {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValid("plain ASCII"));
  EXPECT_TRUE(IsValid("违约责任 and café"));
  EXPECT_TRUE(IsValid("\xF0\x9F\x98\x80"));  // U+1F600
}

TEST(Utf8, RejectsMalformedSequencesWithOffset) {
  size_t bad = 0;
  EXPECT_FALSE(IsValid("ab\xC3", &bad));  // truncated
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(IsValid("a\xC0\xAF", &bad));  // overlong '/'
  EXPECT_EQ(bad, 1u);
  EXPECT_FALSE(IsValid("\xED\xA0\x80", &bad));  // UTF-16 surrogate
  EXPECT_EQ(bad, 0u);
  EXPECT_FALSE(IsValid("xy\xF4\x90\x80\x80", &bad));  // above U+10FFFF
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(IsValid("\xBA\xCF\xCD\xAC", &bad));  // GBK 合同
  EXPECT_EQ(bad, 0u);
}

// A bad byte is found, at its offset, wherever it falls after an ASCII run
// (which IsValid skips without decoding) of any length.
TEST(Utf8, FindsABadByteAfterAnAsciiRunOfAnyLength) {
  for (size_t run = 0; run < 20; ++run) {
    for (std::string_view bad : {"\xFF", "\xC3", "\xE5\x90", "\x80"}) {
      const std::string text = std::string(run, 'a') + std::string(bad) + std::string(9, 'b');
      size_t at = 99;
      EXPECT_FALSE(IsValid(text, &at)) << run;
      EXPECT_EQ(at, run);
      EXPECT_TRUE(IsValid(std::string(run, 'a') + "合" + std::string(run, 'b'))) << run;
    }
  }
}

TEST(Utf8, DecodesAndReplacesInvalidBytes) {
  std::string_view s = "a合\xFF";
  size_t pos = 0;
  EXPECT_EQ(Next(s, &pos), U'a');
  EXPECT_EQ(Next(s, &pos), U'合');
  EXPECT_EQ(pos, 4u);
  EXPECT_EQ(Next(s, &pos), 0xFFFDu);
  EXPECT_EQ(pos, 5u);
}

TEST(Utf8, AppendRoundTrips) {
  std::string out;
  for (char32_t cp : {U'A', U'é', U'合', U'\U0001F600'}) Append(cp, &out);
  EXPECT_EQ(out, "Aé合\U0001F600");
}

TEST(Utf8, CountsCodePointsUpToAByteOffset) {
  std::string_view s = "甲方 pays";  // 甲 and 方 are 3 bytes each
  EXPECT_EQ(CodePointOffset(s, 0), 0);
  EXPECT_EQ(CodePointOffset(s, 3), 1);
  EXPECT_EQ(CodePointOffset(s, 6), 2);
  EXPECT_EQ(CodePointOffset(s, 7), 3);
  EXPECT_EQ(CodePointCount(s), 7);
  EXPECT_EQ(CodePointOffset(s, 1000), 7);  // clamped
}

TEST(Utf8, ClassifiesHanAndSpaces) {
  EXPECT_TRUE(IsHan(U'合'));
  EXPECT_TRUE(IsHan(U'〇'));
  EXPECT_FALSE(IsHan(U'（'));
  EXPECT_FALSE(IsHan(U'a'));
  EXPECT_TRUE(IsSpace(U'\u3000'));
  EXPECT_TRUE(IsSpace(U'\u00A0'));
  EXPECT_FALSE(IsSpace(U'_'));
}

}  // namespace
}  // namespace clausecheck::utf8
