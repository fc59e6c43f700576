#include "parsers/docx_numbering.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace clausecheck::parsers {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string NumberingXml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") +
         "<w:numbering xmlns:w=\"" + kW + "\">" + body + "</w:numbering>";
}

std::string StylesXml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"") + kW +
         "\">" + body + "</w:styles>";
}

std::string Lvl(int ilvl, const std::string& fmt, const std::string& text, int start = 1,
                const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" +
         std::to_string(start) + "\"/><w:numFmt w:val=\"" + fmt + "\"/>" + extra +
         "<w:lvlText w:val=\"" + text + "\"/></w:lvl>";
}

std::string Abstract(int id, const std::string& levels, const std::string& extra = "") {
  return "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) + "\">" + extra + levels +
         "</w:abstractNum>";
}

std::string Num(int id, int abstract_id, const std::string& overrides = "") {
  return "<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" +
         std::to_string(abstract_id) + "\"/>" + overrides + "</w:num>";
}

std::string ParaStyle(const std::string& id, const std::string& name, const std::string& ppr = "",
                      const std::string& based_on = "") {
  std::string s =
      "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>";
  if (!based_on.empty()) s += "<w:basedOn w:val=\"" + based_on + "\"/>";
  if (!ppr.empty()) s += "<w:pPr>" + ppr + "</w:pPr>";
  return s + "</w:style>";
}

std::string NumPr(int num_id, int ilvl = -1) {
  std::string s = "<w:numPr>";
  if (ilvl >= 0) s += "<w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/>";
  return s + "<w:numId w:val=\"" + std::to_string(num_id) + "\"/></w:numPr>";
}

// Labels of paragraphs given as (numId, ilvl) with direct numPr.
std::vector<std::string> Labels(DocxNumbering& numbering,
                                const std::vector<std::pair<int, int>>& paragraphs) {
  std::vector<std::string> out;
  for (auto [num_id, ilvl] : paragraphs) {
    DocxNumbering::ListRef ref;
    if (!numbering.Resolve(num_id, ilvl, "", &ref)) {
      out.push_back("<unnumbered>");
      continue;
    }
    out.push_back(numbering.NextLabel(ref));
  }
  return out;
}

std::vector<std::pair<int, int>> Repeat(int num_id, int ilvl, int count) {
  return std::vector<std::pair<int, int>>(static_cast<size_t>(count), {num_id, ilvl});
}

struct FormatCase {
  const char* fmt;
  const char* text;
  int start;
  std::vector<std::string> expected;  // labels of consecutive paragraphs from `start`
};

class DocxNumberingFormat : public testing::TestWithParam<FormatCase> {};

TEST_P(DocxNumberingFormat, RendersLabelsAsWord) {
  const FormatCase& c = GetParam();
  DocxNumbering numbering = DocxNumbering::Load(
      NumberingXml(Abstract(1, Lvl(0, c.fmt, c.text, c.start)) + Num(1, 1)), "");
  EXPECT_EQ(Labels(numbering, Repeat(1, 0, static_cast<int>(c.expected.size()))), c.expected)
      << c.fmt << " from " << c.start;
}

std::vector<std::string> Sequence(int from, int to, const std::string& prefix,
                                  const std::string& suffix) {
  std::vector<std::string> out;
  for (int i = from; i <= to; ++i) out.push_back(prefix + std::to_string(i) + suffix);
  return out;
}

const FormatCase kFormatCases[] = {
    {"decimal", "%1.", 1, {"1.", "2.", "3.", "4."}},
    {"decimal", "%1.", 9, {"9.", "10.", "11."}},
    {"decimal", "%1)", 0, {"0)", "1)"}},
    {"upperRoman",
     "Article %1",
     1,
     {"Article I", "Article II", "Article III", "Article IV", "Article V", "Article VI"}},
    {"upperRoman", "%1.", 39, {"XXXIX.", "XL.", "XLI."}},
    {"upperRoman", "%1", 1999, {"MCMXCIX", "MM"}},
    {"lowerRoman",
     "(%1)",
     1,
     {"(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)", "(vii)", "(viii)", "(ix)", "(x)", "(xi)"}},
    {"lowerLetter", "(%1)", 1, {"(a)", "(b)", "(c)", "(d)", "(e)", "(f)",  "(g)",
                                "(h)", "(i)", "(j)", "(k)", "(l)", "(m)",  "(n)",
                                "(o)", "(p)", "(q)", "(r)", "(s)", "(t)",  "(u)",
                                "(v)", "(w)", "(x)", "(y)", "(z)", "(aa)", "(bb)"}},
    {"upperLetter", "Exhibit %1", 25, {"Exhibit Y", "Exhibit Z", "Exhibit AA", "Exhibit BB"}},
    {"lowerLetter", "%1.", 52, {"zz.", "aaa."}},
    {"ordinal", "%1", 1, {"1st", "2nd", "3rd", "4th", "5th"}},
    {"ordinal", "%1", 11, {"11th", "12th", "13th", "14th"}},
    {"ordinal", "%1", 21, {"21st", "22nd", "23rd", "24th"}},
    {"ordinal", "%1", 101, {"101st", "102nd"}},
    {"ordinal", "%1", 111, {"111th", "112th", "113th"}},
    {"cardinalText", "%1", 1, {"One", "Two", "Three"}},
    {"cardinalText", "%1", 19, {"Nineteen", "Twenty", "Twenty-One"}},
    {"cardinalText", "%1", 100, {"One Hundred", "One Hundred One"}},
    {"cardinalText", "%1", 1000, {"One Thousand"}},
    {"ordinalText",
     "%1",
     1,
     {"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
      "Eleventh", "Twelfth"}},
    {"ordinalText", "%1", 20, {"Twentieth", "Twenty-First", "Twenty-Second"}},
    {"decimalZero", "%1.", 8, {"08.", "09.", "10.", "11."}},
    {"decimalFullWidth", "%1．", 9, {"９．", "１０．", "１１．"}},
    {"decimalHalfWidth", "%1", 1, {"1", "2"}},
    {"decimalEnclosedParen", "%1", 19, {"⒆", "⒇", "21"}},
    {"decimalEnclosedFullstop", "%1", 1, {"⒈", "⒉"}},
    {"ideographTraditional", "%1、", 9, {"壬、", "癸、", "甲、", "乙、"}},
    {"ideographZodiac", "%1", 11, {"戌", "亥", "子", "丑"}},
    {"chineseCounting",
     "第%1条",
     1,
     {"第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条",
      "第十条", "第十一条", "第十二条"}},
    {"chineseCounting", "第%1条", 19, {"第十九条", "第二十条", "第二十一条"}},
    {"chineseCounting", "第%1条", 99, {"第九十九条", "第一百条", "第一百零一条"}},
    {"chineseCounting", "第%1条", 110, {"第一百一十条", "第一百一十一条"}},
    {"chineseCounting", "%1、", 1, {"一、", "二、"}},
    {"chineseCountingThousand", "%1", 999, {"九百九十九", "一千", "一千零一"}},
    {"chineseCountingThousand", "%1", 1010, {"一千零一十", "一千零一十一"}},
    {"chineseCountingThousand", "%1", 2300, {"二千三百"}},
    {"chineseCountingThousand", "%1", 10000, {"一万", "一万零一"}},
    {"chineseLegalSimplified",
     "%1",
     1,
     {"壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "壹拾", "壹拾壹"}},
    {"chineseLegalSimplified", "%1", 100, {"壹佰", "壹佰零壹"}},
    {"japaneseCounting", "第%1条", 9, {"第九条", "第十条", "第十一条"}},
    {"japaneseCounting", "%1", 100, {"百", "百一"}},
    {"koreanCounting", "제%1조", 9, {"제구조", "제십조", "제십일조"}},
    {"koreanCounting", "%1", 20, {"이십", "이십일"}},
    {"koreanCounting", "%1", 100, {"백", "백일"}},
    {"koreanDigital", "%1", 10, {"일영", "일일"}},
    {"ganada", "%1.", 13, {"파.", "하.", "가."}},
    {"chosung", "%1)", 1, {"ㄱ)", "ㄴ)"}},
    {"ideographDigital", "%1", 101, {"一〇一"}},
    {"bullet", "\xEF\x82\xB7", 1, {"•", "•"}},  // U+F0B7, Symbol font
    {"bullet", "\xEF\x82\xA7", 1, {"▪"}},       // U+F0A7, Wingdings
    {"bullet", "\xEF\x83\x98", 1, {"➢"}},       // U+F0D8
    {"bullet", "\xEF\x81\xB6", 1, {"❖"}},       // U+F076
    {"bullet", "\xEF\x83\xBC", 1, {"✓"}},       // U+F0FC
    {"bullet", "\xEF\x80\xAD", 1, {"•"}},       // other private use
    {"bullet", "o", 1, {"o"}},
    {"bullet", "–", 1, {"–"}},
    {"none", "%1.", 1, {"", ""}},
    {"someFutureFormat", "%1.", 1, {"1.", "2."}},
};

INSTANTIATE_TEST_SUITE_P(Formats, DocxNumberingFormat, testing::ValuesIn(kFormatCases));

TEST(DocxNumbering, EnclosedCircleUpToTwentyThenDecimal) {
  DocxNumbering numbering = DocxNumbering::Load(
      NumberingXml(Abstract(1, Lvl(0, "decimalEnclosedCircle", "%1")) + Num(1, 1)), "");
  std::vector<std::string> expected = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪",
                                       "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲", "⑳", "21"};
  EXPECT_EQ(Labels(numbering, Repeat(1, 0, 21)), expected);
}

TEST(DocxNumbering, DecimalSequenceToOneHundred) {
  DocxNumbering numbering =
      DocxNumbering::Load(NumberingXml(Abstract(1, Lvl(0, "decimal", "%1.")) + Num(1, 1)), "");
  EXPECT_EQ(Labels(numbering, Repeat(1, 0, 100)), Sequence(1, 100, "", "."));
}

const std::string kMultilevel =
    Abstract(1, Lvl(0, "decimal", "%1.") + Lvl(1, "decimal", "%1.%2") +
                    Lvl(2, "lowerLetter", "(%3)") + Lvl(3, "lowerRoman", "(%4)"));

TEST(DocxNumbering, MultilevelRestartsDeeperLevels) {
  DocxNumbering numbering = DocxNumbering::Load(NumberingXml(kMultilevel + Num(1, 1)), "");
  std::vector<std::string> expected = {"1.",  "1.1", "1.2", "(a)", "(b)", "(i)", "1.3",
                                       "(a)", "2.",  "2.1", "(a)", "(i)", "(ii)"};
  EXPECT_EQ(Labels(numbering, {{1, 0},
                               {1, 1},
                               {1, 1},
                               {1, 2},
                               {1, 2},
                               {1, 3},
                               {1, 1},
                               {1, 2},
                               {1, 0},
                               {1, 1},
                               {1, 2},
                               {1, 3},
                               {1, 3}}),
            expected);
}

// As Word (and LibreOffice) render tika testWORD_numbered_list.docx: a list
// whose first item is on level 2 counts level 1 as used at its start.
TEST(DocxNumbering, UnusedHigherLevelsCountAsUsedAtTheirStart) {
  DocxNumbering numbering = DocxNumbering::Load(
      NumberingXml(Abstract(1, Lvl(0, "decimal", "%1.", 3) + Lvl(1, "decimal", "%1.%2")) +
                   Num(1, 1)),
      "");
  EXPECT_EQ(Labels(numbering, {{1, 1}, {1, 1}, {1, 0}, {1, 1}}),
            (std::vector<std::string>{"3.1", "3.2", "4.", "4.1"}));
}

TEST(DocxNumbering, LevelTextMixesFormatsOfEachLevel) {
  DocxNumbering numbering =
      DocxNumbering::Load(NumberingXml(Abstract(1, Lvl(0, "upperRoman", "Article %1") +
                                                       Lvl(1, "decimal", "Section %1.%2") +
                                                       Lvl(2, "lowerLetter", "%1.%2(%3)")) +
                                       Num(1, 1)),
                          "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 1}, {1, 2}, {1, 0}, {1, 1}, {1, 1}, {1, 2}}),
            (std::vector<std::string>{"Article I", "Section I.1", "I.1(a)", "Article II",
                                      "Section II.1", "Section II.2", "II.2(a)"}));
}

TEST(DocxNumbering, IsLglRendersEveryLevelInDecimal) {
  DocxNumbering numbering = DocxNumbering::Load(
      NumberingXml(
          Abstract(1, Lvl(0, "upperRoman", "Article %1") +
                          Lvl(1, "decimal", "Section %1.%2", 1, "<w:isLgl/>") +
                          Lvl(2, "lowerLetter", "%1.%2.%3", 1, "<w:isLgl w:val=\"false\"/>")) +
          Num(1, 1)),
      "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 1}, {1, 1}, {1, 0}, {1, 1}, {1, 2}}),
            (std::vector<std::string>{"Article I", "Section 1.1", "Section 1.2", "Article II",
                                      "Section 2.1", "II.1.a"}));
}

TEST(DocxNumbering, LvlRestartZeroNeverRestarts) {
  DocxNumbering numbering = DocxNumbering::Load(
      NumberingXml(Abstract(1, Lvl(0, "decimal", "Part %1") +
                                   Lvl(1, "decimal", "Note %2", 1, "<w:lvlRestart w:val=\"0\"/>")) +
                   Num(1, 1)),
      "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 1}, {1, 1}, {1, 0}, {1, 1}}),
            (std::vector<std::string>{"Part 1", "Note 1", "Note 2", "Part 2", "Note 3"}));
}

TEST(DocxNumbering, LvlRestartOnlyAfterTheNamedLevel) {
  // Level 3 restarts after level 1 (lvlRestart 1), not after level 2.
  DocxNumbering numbering = DocxNumbering::Load(
      NumberingXml(
          Abstract(1, Lvl(0, "decimal", "%1") + Lvl(1, "decimal", "%1.%2") +
                          Lvl(2, "lowerLetter", "(%3)", 1, "<w:lvlRestart w:val=\"1\"/>")) +
          Num(1, 1)),
      "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 1}, {1, 2}, {1, 1}, {1, 2}, {1, 0}, {1, 2}}),
            (std::vector<std::string>{"1", "1.1", "(a)", "1.2", "(b)", "2", "(a)"}));
}

TEST(DocxNumbering, NumsSharingAnAbstractNumContinue) {
  DocxNumbering numbering =
      DocxNumbering::Load(NumberingXml(kMultilevel + Num(1, 1) + Num(2, 1)), "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 0}, {2, 0}, {2, 1}, {1, 1}}),
            (std::vector<std::string>{"1.", "2.", "3.", "3.1", "3.2"}));
}

TEST(DocxNumbering, StartOverrideRestartsTheNumOnFirstUse) {
  const std::string restart =
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>";
  DocxNumbering numbering =
      DocxNumbering::Load(NumberingXml(kMultilevel + Num(1, 1) + Num(2, 1, restart)), "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 0}, {1, 0}, {2, 0}, {2, 0}, {2, 1}}),
            (std::vector<std::string>{"1.", "2.", "3.", "1.", "2.", "2.1"}));
}

TEST(DocxNumbering, StartOverrideRestartsTheLevelsBelow) {
  const std::string restart =
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>";
  DocxNumbering numbering =
      DocxNumbering::Load(NumberingXml(kMultilevel + Num(1, 1) + Num(2, 1, restart)), "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 1}, {1, 1}, {2, 1}, {2, 1}, {2, 0}}),
            (std::vector<std::string>{"1.", "1.1", "1.2", "1.1", "1.2", "2."}));
}

TEST(DocxNumbering, StartOverrideSetsTheStartValue) {
  const std::string from5 =
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride>";
  DocxNumbering numbering = DocxNumbering::Load(NumberingXml(kMultilevel + Num(3, 1, from5)), "");
  EXPECT_EQ(Labels(numbering, {{3, 1}, {3, 0}, {3, 0}}),
            (std::vector<std::string>{"5.1", "6.", "7."}));
}

TEST(DocxNumbering, LvlOverrideReplacesTheLevel) {
  const std::string replace =
      "<w:lvlOverride w:ilvl=\"1\">" + Lvl(1, "upperLetter", "Schedule %2", 1) + "</w:lvlOverride>";
  DocxNumbering numbering =
      DocxNumbering::Load(NumberingXml(kMultilevel + Num(1, 1) + Num(2, 1, replace)), "");
  EXPECT_EQ(Labels(numbering, {{2, 0}, {2, 1}, {2, 1}, {1, 1}}),
            (std::vector<std::string>{"1.", "Schedule A", "Schedule B", "1.3"}));
}

const std::string kStyledNumbering =
    NumberingXml(Abstract(1, Lvl(0, "decimal", "%1.", 1, "<w:pStyle w:val=\"ClauseL1\"/>") +
                                 Lvl(1, "decimal", "%1.%2", 1, "<w:pStyle w:val=\"ClauseL2\"/>")) +
                 Num(4, 1));

const std::string kStyles = StylesXml(
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/></w:style>" +
    ParaStyle("ClauseL1", "Clause Level 1", NumPr(4), "Normal") +
    ParaStyle("ClauseL2", "Clause Level 2", NumPr(4, 1), "ClauseL1") +
    ParaStyle("MyClause", "My clause", "", "ClauseL2") +
    ParaStyle("Body", "Body Text", "", "Normal") + ParaStyle("LoopA", "Loop A", "", "LoopB") +
    ParaStyle("LoopB", "Loop B", "", "LoopA") +
    ParaStyle("Heading1", "heading 1", "<w:keepNext/><w:outlineLvl w:val=\"0\"/>", "Normal") +
    ParaStyle("Heading2", "heading 2", "", "Heading1") + ParaStyle("1", "标题 3", "", "Normal") +
    ParaStyle("Jp4", "見出し 4", "", "Normal") +
    ParaStyle("CustomH", "Clause Heading", "<w:outlineLvl w:val=\"4\"/>", "Normal") +
    ParaStyle("SubCustom", "Sub clause heading", "", "CustomH") +
    ParaStyle("BodyOutline", "Body outline", "<w:outlineLvl w:val=\"9\"/>", "Heading1") +
    ParaStyle("Heading7", "Heading 7", "", "Normal") +
    ParaStyle("Heading10", "heading 10", "", "Normal") +
    ParaStyle("NotHeading", "Headings", "", "Normal") +
    ParaStyle("Ueberschrift2", "Überschrift 2", "", "Normal") +
    ParaStyle("Ru3", "Заголовок 3", "", "Normal") + ParaStyle("Ko1", "제목 1", "", "Normal") +
    ParaStyle("Title", "Title", "", "Normal"));

std::string StyledLabel(DocxNumbering& numbering, int num_id, int ilvl, const std::string& style) {
  DocxNumbering::ListRef ref;
  if (!numbering.Resolve(num_id, ilvl, style, &ref)) return "<unnumbered>";
  return numbering.NextLabel(ref);
}

TEST(DocxNumbering, NumbersThroughParagraphStylesAndBasedOn) {
  DocxNumbering numbering = DocxNumbering::Load(kStyledNumbering, kStyles);
  EXPECT_EQ(StyledLabel(numbering, -1, -1, "ClauseL1"), "1.");
  EXPECT_EQ(StyledLabel(numbering, -1, -1, "ClauseL2"), "1.1");
  EXPECT_EQ(StyledLabel(numbering, -1, -1, "MyClause"), "1.2");
  EXPECT_EQ(StyledLabel(numbering, -1, -1, "ClauseL1"), "2.");
  EXPECT_EQ(StyledLabel(numbering, -1, -1, "Body"), "<unnumbered>");
  EXPECT_EQ(StyledLabel(numbering, -1, -1, ""), "<unnumbered>");
  EXPECT_EQ(StyledLabel(numbering, -1, -1, "LoopA"), "<unnumbered>");
  EXPECT_EQ(StyledLabel(numbering, -1, -1, "NoSuchStyle"), "<unnumbered>");
  // Direct ilvl on a styled paragraph wins over the style's.
  EXPECT_EQ(StyledLabel(numbering, -1, 1, "ClauseL1"), "2.1");
}

TEST(DocxNumbering, StyleWithoutIlvlTakesTheLevelNamingIt) {
  // ClauseL1's numPr has no ilvl; the level whose pStyle is ClauseL1 is 0.
  std::string numbering_xml =
      NumberingXml(Abstract(1, Lvl(0, "decimal", "%1.") +
                                   Lvl(1, "lowerLetter", "(%2)", 1, "<w:pStyle w:val=\"Sub\"/>")) +
                   Num(4, 1));
  std::string styles = StylesXml(ParaStyle("Sub", "Sub", NumPr(4)));
  DocxNumbering numbering = DocxNumbering::Load(numbering_xml, styles);
  DocxNumbering::ListRef ref;
  ASSERT_TRUE(numbering.Resolve(-1, -1, "Sub", &ref));
  EXPECT_EQ(ref.num_id, 4);
  EXPECT_EQ(ref.ilvl, 1);
  EXPECT_EQ(numbering.NextLabel(ref), "(a)");
}

TEST(DocxNumbering, DerivedStyleTakesTheLevelNamingIt) {
  // Heading2 inherits the numId from Heading1; level 1 names Heading2.
  std::string numbering_xml = NumberingXml(
      Abstract(1, Lvl(0, "upperRoman", "Article %1", 1, "<w:pStyle w:val=\"Heading1\"/>") +
                      Lvl(1, "decimal", "Section %1.%2", 1, "<w:pStyle w:val=\"Heading2\"/>")) +
      Num(3, 1));
  std::string styles = StylesXml(ParaStyle("Heading1", "heading 1", NumPr(3)) +
                                 ParaStyle("Heading2", "heading 2", "", "Heading1") +
                                 ParaStyle("Heading2Bold", "Heading 2 bold", "", "Heading2"));
  DocxNumbering numbering = DocxNumbering::Load(numbering_xml, styles);
  EXPECT_EQ(StyledLabel(numbering, -1, -1, "Heading1"), "Article I");
  EXPECT_EQ(StyledLabel(numbering, -1, -1, "Heading2"), "Section I.1");
  EXPECT_EQ(StyledLabel(numbering, -1, -1, "Heading2Bold"), "Section I.2");
}

TEST(DocxNumbering, DirectNumIdZeroSuppressesStyleNumbering) {
  DocxNumbering numbering = DocxNumbering::Load(kStyledNumbering, kStyles);
  DocxNumbering::ListRef ref;
  EXPECT_FALSE(numbering.Resolve(0, -1, "ClauseL1", &ref));
  EXPECT_FALSE(numbering.Resolve(0, 0, "", &ref));
  EXPECT_FALSE(numbering.Resolve(99, 0, "", &ref));  // no such num
  EXPECT_FALSE(numbering.Resolve(-1, -1, "", &ref));
  ASSERT_TRUE(numbering.Resolve(4, -1, "", &ref));
  EXPECT_EQ(ref.ilvl, 0);
}

TEST(DocxNumbering, ParagraphWithoutStyleUsesTheDefaultStyle) {
  std::string styles = StylesXml(
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Body\"><w:name w:val=\"Body\"/>"
      "<w:pPr>" +
      NumPr(1) + "</w:pPr></w:style>" + ParaStyle("Other", "Other"));
  DocxNumbering numbering = DocxNumbering::Load(NumberingXml(kMultilevel + Num(1, 1)), styles);
  DocxNumbering::ListRef ref;
  ASSERT_TRUE(numbering.Resolve(-1, -1, "", &ref));
  EXPECT_EQ(numbering.NextLabel(ref), "1.");
  EXPECT_FALSE(numbering.Resolve(-1, -1, "Other", &ref));
}

TEST(DocxNumbering, StyleNumIdZeroStopsInheritedNumbering) {
  std::string styles = StylesXml(ParaStyle("List", "List", NumPr(1)) +
                                 ParaStyle("Plain", "Plain", NumPr(0), "List"));
  DocxNumbering numbering = DocxNumbering::Load(NumberingXml(kMultilevel + Num(1, 1)), styles);
  DocxNumbering::ListRef ref;
  EXPECT_TRUE(numbering.Resolve(-1, -1, "List", &ref));
  EXPECT_FALSE(numbering.Resolve(-1, -1, "Plain", &ref));
}

TEST(DocxNumbering, NumStyleLinkFollowsTheNumberingStyle) {
  // abstractNum 1 holds the levels and defines style "LegalList"; abstractNum
  // 2 only links to it. num 2 uses abstractNum 2; num 1 (the style's) uses 1.
  std::string numbering_xml = NumberingXml(
      Abstract(1, Lvl(0, "upperRoman", "Article %1") + Lvl(1, "lowerLetter", "(%2)"),
               "<w:styleLink w:val=\"LegalList\"/>") +
      Abstract(2, "", "<w:numStyleLink w:val=\"LegalList\"/>") + Num(1, 1) + Num(2, 2));
  std::string styles = StylesXml(
      "<w:style w:type=\"numbering\" w:styleId=\"LegalList\"><w:name w:val=\"Legal List\"/>"
      "<w:pPr>" +
      NumPr(1) + "</w:pPr></w:style>");
  DocxNumbering numbering = DocxNumbering::Load(numbering_xml, styles);
  EXPECT_EQ(Labels(numbering, {{2, 0}, {2, 1}, {2, 0}, {1, 0}}),
            (std::vector<std::string>{"Article I", "(a)", "Article II", "Article III"}));
}

TEST(DocxNumbering, NumStyleLinkCycleIsHarmless) {
  std::string numbering_xml =
      NumberingXml(Abstract(1, "", "<w:numStyleLink w:val=\"A\"/>") +
                   Abstract(2, "", "<w:numStyleLink w:val=\"B\"/>") + Num(1, 1) + Num(2, 2));
  std::string styles =
      StylesXml("<w:style w:type=\"numbering\" w:styleId=\"A\"><w:pPr>" + NumPr(2) +
                "</w:pPr></w:style><w:style w:type=\"numbering\" w:styleId=\"B\"><w:pPr>" +
                NumPr(1) + "</w:pPr></w:style>");
  DocxNumbering numbering = DocxNumbering::Load(numbering_xml, styles);
  EXPECT_EQ(Labels(numbering, {{1, 0}, {2, 0}}), (std::vector<std::string>{"", ""}));
}

TEST(DocxNumbering, HeadingLevels) {
  DocxNumbering numbering = DocxNumbering::Load("", kStyles);
  const std::pair<const char*, int> cases[] = {
      {"Heading1", 1},      {"Heading2", 2},    {"1", 3},        {"Jp4", 4},
      {"CustomH", 5},       {"SubCustom", 5},   {"Heading7", 7}, {"BodyOutline", 0},
      {"Heading10", 0},     {"NotHeading", 0},  {"Normal", 0},   {"Body", 0},
      {"LoopA", 0},         {"NoSuchStyle", 0}, {"", 0},         {"heading 1", 0},
      {"Ueberschrift2", 2}, {"Ru3", 3},         {"Ko1", 1},      {"Title", 0},
  };
  for (const auto& [style, level] : cases) {
    EXPECT_EQ(numbering.HeadingLevel(style), level) << style;
  }
}

TEST(DocxNumbering, AcceptsStrictNamespaceAndOtherPrefixes) {
  std::string xml =
      "<n:numbering xmlns:n=\"http://purl.oclc.org/ooxml/wordprocessingml/main\">"
      "<n:abstractNum n:abstractNumId=\"0\"><n:lvl n:ilvl=\"0\"><n:start n:val=\"1\"/>"
      "<n:numFmt n:val=\"lowerRoman\"/><n:lvlText n:val=\"%1)\"/></n:lvl></n:abstractNum>"
      "<n:num n:numId=\"1\"><n:abstractNumId n:val=\"0\"/></n:num></n:numbering>";
  DocxNumbering numbering = DocxNumbering::Load(xml, "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 0}}), (std::vector<std::string>{"i)", "ii)"}));
}

TEST(DocxNumbering, CustomZeroPaddedFormatInAlternateContent) {
  std::string lvl =
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/"
      "2006\" xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\">"
      "<mc:Choice Requires=\"w14\"><w:numFmt w:val=\"custom\" w:format=\"001, 002, 003, ...\"/>"
      "</mc:Choice><mc:Fallback><w:numFmt w:val=\"decimal\"/></mc:Fallback>"
      "</mc:AlternateContent><w:lvlText w:val=\"%1.\"/></w:lvl>";
  DocxNumbering numbering = DocxNumbering::Load(NumberingXml(Abstract(1, lvl) + Num(1, 1)), "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 0}}), (std::vector<std::string>{"001.", "002."}));
}

TEST(DocxNumbering, LevelWithoutStartStartsAtZero) {
  DocxNumbering numbering =
      DocxNumbering::Load(NumberingXml(Abstract(1,
                                                "<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/>"
                                                "<w:lvlText w:val=\"%1.\"/></w:lvl>") +
                                       Num(1, 1)),
                          "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 0}}), (std::vector<std::string>{"0.", "1."}));
}

TEST(DocxNumbering, CustomGreekFormat) {
  std::string lvl =
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"23\"/><w:numFmt w:val=\"custom\" "
      "w:format=\"α, β, γ, ...\"/><w:lvlText w:val=\"Some-%1-Format\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"17\"/><w:numFmt w:val=\"custom\" "
      "w:format=\"Α, Β, Γ, ...\"/><w:lvlText w:val=\"%2\"/></w:lvl>";
  DocxNumbering numbering = DocxNumbering::Load(NumberingXml(Abstract(1, lvl) + Num(1, 1)), "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1}}),
            (std::vector<std::string>{"Some-ψ-Format", "Some-ω-Format", "Some-αα-Format", "Ρ", "Σ",
                                      "Τ"}));
}

TEST(DocxNumbering, MalformedInputsGiveNoNumbering) {
  const char* const bad[] = {
      "",
      "not xml at all",
      "<w:numbering xmlns:w=\"x\"><w:abstractNum",
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
  };
  for (const char* xml : bad) {
    DocxNumbering numbering = DocxNumbering::Load(xml, xml);
    DocxNumbering::ListRef ref;
    EXPECT_FALSE(numbering.Resolve(1, 0, "Heading1", &ref)) << xml;
    EXPECT_EQ(numbering.HeadingLevel("Heading1"), 0) << xml;
  }
}

TEST(DocxNumbering, AbsurdValuesAreClamped) {
  std::string xml = NumberingXml(
      Abstract(1, Lvl(0, "decimal", "%1.", -5) + Lvl(1, "upperRoman", "%2", 99999999) +
                      Lvl(99, "decimal", "never") + Lvl(-1, "decimal", "never") +
                      Lvl(2, "lowerLetter", "%3%9%0%", 2147483647)) +
      Abstract(2, Lvl(0, "decimal", "%1", 1, "<w:lvlRestart w:val=\"-3\"/>")) +
      "<w:abstractNum w:abstractNumId=\"x\"/>" + Num(1, 1) + Num(2147483647, 2) +
      "<w:num w:numId=\"99999999999999999999\"><w:abstractNumId w:val=\"1\"/></w:num>" +
      "<w:num w:numId=\"7\"/>" + Num(8, 555));
  DocxNumbering numbering = DocxNumbering::Load(xml, "");
  EXPECT_EQ(
      Labels(numbering, {{1, 0}, {1, 0}, {1, 1}, {1, 99}, {1, 2}, {1, 2}}),
      // An undefined level (%9) shows zero, like a level without w:start; counters saturate.
      (std::vector<std::string>{"0.", "1.", "99999999", "", "21474836470%0%", "21474836470%0%"}));
  EXPECT_EQ(Labels(numbering, {{2147483647, 0}, {7, 0}, {8, 0}, {-4, 0}}),
            (std::vector<std::string>{"1", "<unnumbered>", "<unnumbered>", "<unnumbered>"}));
  DocxNumbering::ListRef ref;
  ASSERT_TRUE(numbering.Resolve(1, 99, "", &ref));
  EXPECT_EQ(ref.ilvl, 8);
  ref.ilvl = -7;  // a caller's bad ref does not index out of range
  EXPECT_EQ(numbering.NextLabel(ref), "2.");
  ref.num_id = 12345;
  EXPECT_EQ(numbering.NextLabel(ref), "");
}

TEST(DocxNumbering, ManyLevelsAndListsStayFast) {
  std::string body;
  for (int i = 0; i < 20000; ++i) body += Lvl(i % 12, "decimal", "%1");
  std::string xml = NumberingXml(Abstract(1, body) + Num(1, 1));
  DocxNumbering numbering = DocxNumbering::Load(xml, "");
  EXPECT_EQ(Labels(numbering, {{1, 0}, {1, 0}}), (std::vector<std::string>{"1", "2"}));
}

TEST(DocxNumbering, ManyEmptyDefinitionsAreCheap) {
  std::string body;
  for (int i = 0; i < 100000; ++i) {
    body += "<w:abstractNum w:abstractNumId=\"" + std::to_string(i + 10) + "\"/>";
    body += Num(i + 10, i + 10);
  }
  DocxNumbering numbering = DocxNumbering::Load(NumberingXml(kMultilevel + Num(1, 1) + body), "");
  // Defined nums with no levels are numbered paragraphs with empty labels.
  EXPECT_EQ(Labels(numbering, {{1, 0}, {50000, 3}, {1, 0}}),
            (std::vector<std::string>{"1.", "", "2."}));
}

TEST(DocxNumbering, MovedFromKeepsCounters) {
  DocxNumbering a = DocxNumbering::Load(NumberingXml(kMultilevel + Num(1, 1)), "");
  EXPECT_EQ(Labels(a, {{1, 0}}), (std::vector<std::string>{"1."}));
  DocxNumbering b = std::move(a);
  EXPECT_EQ(Labels(b, {{1, 0}}), (std::vector<std::string>{"2."}));
}

}  // namespace
}  // namespace clausecheck::parsers
