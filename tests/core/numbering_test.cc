#include "core/numbering.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clausecheck::numbering {
namespace {

struct Case {
  std::string text;
  std::string label;
  std::string family;
  std::vector<int> values;
  size_t length;
  std::string separator;
};

void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class ParseAccepts : public testing::TestWithParam<Case> {};

TEST_P(ParseAccepts, LabelFamilyValuesAndLength) {
  const Case& c = GetParam();
  ClauseNumber n;
  ASSERT_TRUE(Parse(c.text, &n)) << c.text;
  EXPECT_EQ(n.label, c.label);
  EXPECT_EQ(n.family, c.family);
  EXPECT_EQ(n.values, c.values);
  EXPECT_EQ(n.depth, static_cast<int>(c.values.size()));
  EXPECT_EQ(n.length, c.length);
  EXPECT_EQ(n.separator, c.separator);
}

// Lengths are in bytes: Han characters and full-width punctuation are 3 bytes
// each, U+3000 and NBSP 3 and 2.
INSTANTIATE_TEST_SUITE_P(
    Numbering, ParseAccepts,
    testing::Values(
        // Dotted decimals.
        Case{"1. Definitions", "1", "decimal", {1}, 3, "."},
        Case{"1 Definitions", "1", "decimal", {1}, 2, ""},
        Case{"12.1 Limitation of Liability", "12.1", "decimal", {12, 1}, 5, ""},
        Case{"1.1.1 Scope", "1.1.1", "decimal", {1, 1, 1}, 6, ""},
        Case{"12.1. Fees", "12.1", "decimal", {12, 1}, 6, "."},
        Case{"1.", "1", "decimal", {1}, 2, "."}, Case{"1", "1", "decimal", {1}, 1, ""},
        Case{"12.1", "12.1", "decimal", {12, 1}, 4, ""},
        Case{"3.10 Term", "3.10", "decimal", {3, 10}, 5, ""},
        Case{"  2.   TERM OF CONTRACT", "2", "decimal", {2}, 7, "."},
        Case{"1.Definitions", "1", "decimal", {1}, 2, "."},
        Case{"1.1 \"Affiliate\" means", "1.1", "decimal", {1, 1}, 4, ""},
        Case{"1: Scope", "1", "decimal", {1}, 3, ":"},
        Case{"1.甲方应当", "1", "decimal", {1}, 2, "."},
        Case{"１．合同标的", "１", "decimal", {1}, 6, "．"},
        // Parenthesised and right-parenthesis forms.
        Case{"(a) the Customer", "(a)", "paren-lower-alpha", {1}, 4, ""},
        Case{"(h) notices", "(h)", "paren-lower-alpha", {8}, 4, ""},
        Case{"(j) waiver", "(j)", "paren-lower-alpha", {10}, 4, ""},
        Case{"(A) General", "(A)", "paren-upper-alpha", {1}, 4, ""},
        Case{"(i) first", "(i)", "paren-lower-roman", {1}, 4, ""},
        Case{"(iv) fourth", "(iv)", "paren-lower-roman", {4}, 5, ""},
        Case{"(xii) twelfth", "(xii)", "paren-lower-roman", {12}, 6, ""},
        Case{"(IV) Fourth", "(IV)", "paren-upper-roman", {4}, 5, ""},
        Case{"(1) first", "(1)", "paren-decimal", {1}, 4, ""},
        Case{"（1）甲方", "（1）", "paren-decimal", {1}, 7, ""},
        Case{"(a)", "(a)", "paren-lower-alpha", {1}, 3, ""},
        Case{"（1）304不锈钢", "（1）", "paren-decimal", {1}, 7, ""},
        Case{"a) first", "a", "lower-alpha-paren", {1}, 3, ")"},
        Case{"1) first", "1", "decimal-paren", {1}, 3, ")"},
        Case{"1）甲方", "1", "decimal-paren", {1}, 4, "）"},
        Case{"iv) fourth", "iv", "lower-roman-paren", {4}, 4, ")"},
        // Letters and roman numerals with a dot.
        Case{"a. the price", "a", "lower-alpha-dot", {1}, 3, "."},
        Case{"A. Definitions", "A", "upper-alpha-dot", {1}, 3, "."},
        Case{"B.Payment shall be made", "B", "upper-alpha-dot", {2}, 2, "."},
        Case{"I. Introduction", "I", "upper-roman-dot", {1}, 3, "."},
        Case{"iv. fourth", "iv", "lower-roman-dot", {4}, 4, "."},
        Case{"XII. Miscellaneous", "XII", "upper-roman-dot", {12}, 5, "."},
        // English keywords, any case.
        Case{"Section 12", "Section 12", "section", {12}, 10, ""},
        Case{"SECTION 12. Term", "SECTION 12", "section", {12}, 12, "."},
        Case{"Section 12.1 Fees", "Section 12.1", "section", {12, 1}, 13, ""},
        Case{"Sec. 5 Notices", "Sec. 5", "section", {5}, 7, ""},
        Case{"\xC2\xA7 3 Scope", "\xC2\xA7 3", "section", {3}, 5, ""},
        Case{"Section 5 - Term", "Section 5", "section", {5}, 12, "-"},
        Case{"Section 5: Term", "Section 5", "section", {5}, 11, ":"},
        Case{"Article IV", "Article IV", "article", {4}, 10, ""},
        Case{"ARTICLE 5", "ARTICLE 5", "article", {5}, 9, ""},
        Case{"Article 5.2 Audit", "Article 5.2", "article", {5, 2}, 12, ""},
        Case{"ARTICLE I. DEFINITIONS", "ARTICLE I", "article", {1}, 11, "."},
        Case{"ARTICLE ONE", "ARTICLE ONE", "article", {1}, 11, ""},
        Case{"ARTICLE V \xE2\x80\x94 TERM", "ARTICLE V", "article", {5}, 14, "\xE2\x80\x94"},
        Case{"Clause 3", "Clause 3", "clause", {3}, 8, ""},
        Case{"Schedule 1", "Schedule 1", "schedule", {1}, 10, ""},
        Case{"SCHEDULE A", "SCHEDULE A", "schedule", {1}, 10, ""},
        Case{"Exhibit A", "Exhibit A", "exhibit", {1}, 9, ""},
        Case{"Exhibit A-1 Form of Note", "Exhibit A-1", "exhibit", {1}, 12, ""},
        Case{"Exhibit I", "Exhibit I", "exhibit", {9}, 9, ""},
        Case{"Annex 2", "Annex 2", "annex", {2}, 7, ""},
        Case{"Appendix B", "Appendix B", "appendix", {2}, 10, ""},
        Case{"Part II", "Part II", "part", {2}, 7, ""},
        Case{"Chapter 3", "Chapter 3", "chapter", {3}, 9, ""},
        // Chinese.
        Case{"第一条", "第一条", "zh-article", {1}, 9, ""},
        Case{"第十二条 违约责任", "第十二条", "zh-article", {12}, 13, ""},
        Case{"第一百零一条", "第一百零一条", "zh-article", {101}, 18, ""},
        Case{"第 12 条 保密", "第 12 条", "zh-article", {12}, 11, ""},
        Case{"第五条【违约责任】", "第五条", "zh-article", {5}, 9, ""},
        Case{"第二条：合同标的", "第二条", "zh-article", {2}, 12, "："},
        Case{"第一章 总则", "第一章", "zh-chapter", {1}, 10, ""},
        Case{"第一节", "第一节", "zh-section", {1}, 9, ""},
        Case{"第一款", "第一款", "zh-paragraph", {1}, 9, ""},
        Case{"第二部分 附件", "第二部分", "zh-part", {2}, 13, ""},
        Case{"第壹拾贰条", "第壹拾贰条", "zh-article", {12}, 15, ""},
        Case{"一、合同标的", "一", "zh-enum", {1}, 6, "、"},
        Case{"十二、其他", "十二", "zh-enum", {12}, 9, "、"},
        Case{"（一）甲方的权利", "（一）", "zh-paren-enum", {1}, 9, ""},
        Case{"(一) 甲方的权利", "(一)", "zh-paren-enum", {1}, 6, ""},
        Case{"1、甲方", "1", "zh-decimal-comma", {1}, 4, "、"},
        Case{"1.1、乙方", "1.1", "zh-decimal-comma", {1, 1}, 6, "、"},
        // Leading whitespace, including U+3000 and NBSP, is consumed.
        Case{"\xE3\x80\x80第三条 价款", "第三条", "zh-article", {3}, 13, ""},
        Case{"\xC2\xA0 1. Scope", "1", "decimal", {1}, 6, "."},
        Case{"\t(b) second", "(b)", "paren-lower-alpha", {2}, 5, ""}));

class ParseRejects : public testing::TestWithParam<std::string> {};

TEST_P(ParseRejects, NotAClauseNumber) {
  ClauseNumber n;
  EXPECT_FALSE(Parse(GetParam(), &n)) << GetParam() << " parsed as " << n.label;
}

INSTANTIATE_TEST_SUITE_P(
    Numbering, ParseRejects,
    testing::Values(
        // Amounts, years, decimals, times, quantities, dates.
        "1,000 units", "2026 was a good year", "3.5% per annum", "10:00 a.m.",
        "1.5 million dollars", "12 months after", "2026.1.1", "1995. The company", "2026年1月1日",
        "12个月内", "12 个月内", "1.5万元", "30日内", "1st of May", "3rd party", "2 (two) years",
        "$100", "1/2 of the fee",
        // Letters without a separator are words.
        "A person shall", "I am", "a party", "Inc. is", "Mr. Smith", "U.S. Government", "e.g. this",
        "i.e. that", "(the \"Agreement\")", "(1999)", "(ab) x", "(s)he",
        // Keywords used inside a sentence, or not followed by a number.
        "Section 12 of this Agreement", "Clause 3 shall survive", "Exhibit A to the Agreement",
        "Schedule of Fees", "Sections 2 and 3", "Particular purpose", "Section 12(a) applies",
        "Section 12, as amended", "Article the first",
        // Chinese references and words that start with a numeral.
        "第五条规定的违约金", "第五条约定", "第一条第二款", "第一条至第三条", "第一条、第二条",
        "一方违约", "三方协议", "第一次付款",
        // Nothing there.
        "", "   ", "Definitions", "\xE3\x80\x80", "- 3 -"));

TEST(Numbering, AmbiguousLettersCarryTheOtherReading) {
  ClauseNumber n;
  ASSERT_TRUE(Parse("(i) first", &n));
  EXPECT_EQ(n.family, "paren-lower-roman");
  EXPECT_EQ(n.values, std::vector<int>{1});
  EXPECT_EQ(n.alt_family, "paren-lower-alpha");
  EXPECT_EQ(n.alt_values, std::vector<int>{9});

  ASSERT_TRUE(Parse("(v) fifth", &n));
  EXPECT_EQ(n.family, "paren-lower-alpha");
  EXPECT_EQ(n.values, std::vector<int>{22});
  EXPECT_EQ(n.alt_family, "paren-lower-roman");
  EXPECT_EQ(n.alt_values, std::vector<int>{5});

  ASSERT_TRUE(Parse("X. Tenth", &n));
  EXPECT_EQ(n.family, "upper-alpha-dot");
  EXPECT_EQ(n.values, std::vector<int>{24});
  EXPECT_EQ(n.alt_family, "upper-roman-dot");
  EXPECT_EQ(n.alt_values, std::vector<int>{10});

  // "(m)" would be roman 1000: too large to be a list item, so unambiguous.
  ASSERT_TRUE(Parse("(m) thirteenth", &n));
  EXPECT_EQ(n.family, "paren-lower-alpha");
  EXPECT_TRUE(n.alt_family.empty());

  // A later unambiguous parse clears the alternative of an earlier one.
  ASSERT_TRUE(Parse("(ii) second", &n));
  EXPECT_EQ(n.family, "paren-lower-roman");
  EXPECT_TRUE(n.alt_family.empty());
  EXPECT_TRUE(n.alt_values.empty());
}

TEST(Numbering, LengthLeavesTheClauseText) {
  const std::string text = "12.1.  Limitation of Liability";
  ClauseNumber n;
  ASSERT_TRUE(Parse(text, &n));
  EXPECT_EQ(text.substr(n.length), "Limitation of Liability");
  const std::string zh = "第十二条\xE3\x80\x80违约责任";
  ASSERT_TRUE(Parse(zh, &n));
  EXPECT_EQ(zh.substr(n.length), "违约责任");
}

TEST(Numbering, ChineseNumeralValues) {
  EXPECT_EQ(ChineseNumeralValue("一"), 1);
  EXPECT_EQ(ChineseNumeralValue("十"), 10);
  EXPECT_EQ(ChineseNumeralValue("十二"), 12);
  EXPECT_EQ(ChineseNumeralValue("二十"), 20);
  EXPECT_EQ(ChineseNumeralValue("二十一"), 21);
  EXPECT_EQ(ChineseNumeralValue("一百"), 100);
  EXPECT_EQ(ChineseNumeralValue("一百零一"), 101);
  EXPECT_EQ(ChineseNumeralValue("一百一十"), 110);
  EXPECT_EQ(ChineseNumeralValue("一千零一十"), 1010);
  EXPECT_EQ(ChineseNumeralValue("两千"), 2000);
  EXPECT_EQ(ChineseNumeralValue("壹拾贰"), 12);
  EXPECT_EQ(ChineseNumeralValue("叁佰"), 300);
  EXPECT_EQ(ChineseNumeralValue("玖仟玖佰玖拾玖"), 9999);
  EXPECT_EQ(ChineseNumeralValue("二〇二六"), 2026);
  EXPECT_EQ(ChineseNumeralValue("零"), 0);
  EXPECT_EQ(ChineseNumeralValue(""), -1);
  EXPECT_EQ(ChineseNumeralValue("十百"), -1);
  EXPECT_EQ(ChineseNumeralValue("一二十"), -1);
  EXPECT_EQ(ChineseNumeralValue("百"), -1);
  EXPECT_EQ(ChineseNumeralValue("一百零"), -1);
  EXPECT_EQ(ChineseNumeralValue("十二条"), -1);
  EXPECT_EQ(ChineseNumeralValue("12"), -1);
}

TEST(Numbering, RomanValues) {
  EXPECT_EQ(RomanValue("i"), 1);
  EXPECT_EQ(RomanValue("iv"), 4);
  EXPECT_EQ(RomanValue("IX"), 9);
  EXPECT_EQ(RomanValue("xiv"), 14);
  EXPECT_EQ(RomanValue("XL"), 40);
  EXPECT_EQ(RomanValue("MCMXCIX"), 1999);
  EXPECT_EQ(RomanValue("iiii"), -1);
  EXPECT_EQ(RomanValue("vx"), -1);
  EXPECT_EQ(RomanValue("IL"), -1);
  EXPECT_EQ(RomanValue("Iv"), -1);
  EXPECT_EQ(RomanValue("abc"), -1);
  EXPECT_EQ(RomanValue(""), -1);
}

}  // namespace
}  // namespace clausecheck::numbering
