#include "parsers/text.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace clausecheck::parsers {
namespace {

// Bytes from values: hex escapes in string literals swallow following hex
// digits ("\xEE9"), so encoded test data is spelled out byte by byte.
std::string Bytes(std::initializer_list<int> values) {
  std::string s;
  for (int v : values) s.push_back(static_cast<char>(v));
  return s;
}

std::string Utf16Le(std::u16string_view s) {
  std::string out;
  for (char16_t u : s) {
    out.push_back(static_cast<char>(u & 0xFF));
    out.push_back(static_cast<char>(u >> 8));
  }
  return out;
}

std::string Utf16Be(std::u16string_view s) {
  std::string out;
  for (char16_t u : s) {
    out.push_back(static_cast<char>(u >> 8));
    out.push_back(static_cast<char>(u & 0xFF));
  }
  return out;
}

std::string Decode(std::string_view bytes, std::string* encoding = nullptr) {
  std::string enc;
  Result<std::string> r = DecodeText(bytes, &enc);
  EXPECT_TRUE(r.ok()) << r.error().message;
  if (encoding) *encoding = enc;
  return r.ok() ? r.value() : std::string();
}

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Block& b : BuildParagraphs(text)) out.push_back(b.text);
  return out;
}

using Strings = std::vector<std::string>;

// --- DecodeText -------------------------------------------------------------

TEST(DecodeText, AcceptsPlainUtf8) {
  std::string enc;
  EXPECT_EQ(Decode("Price: \u20AC100 (\u5408\u540C)\n", &enc), "Price: \u20AC100 (\u5408\u540C)\n");
  EXPECT_EQ(enc, "UTF-8");
}

TEST(DecodeText, StripsUtf8Bom) {
  std::string enc;
  EXPECT_EQ(Decode("\xEF\xBB\xBFThis Agreement", &enc), "This Agreement");
  EXPECT_EQ(enc, "UTF-8-BOM");
}

TEST(DecodeText, AcceptsUtf16LeWithBom) {
  std::string enc;
  EXPECT_EQ(Decode("\xFF\xFE" + Utf16Le(u"Contract \u5408\u540C\r\n"), &enc),
            "Contract \u5408\u540C\n");
  EXPECT_EQ(enc, "UTF-16LE");
}

TEST(DecodeText, AcceptsUtf16BeWithBom) {
  std::string enc;
  EXPECT_EQ(Decode("\xFE\xFF" + Utf16Be(u"Contract \u5408\u540C"), &enc), "Contract \u5408\u540C");
  EXPECT_EQ(enc, "UTF-16BE");
}

TEST(DecodeText, AcceptsUtf16SurrogatePairs) {
  // U+1D11E (musical G clef) and U+20000 (a CJK Extension B ideograph).
  EXPECT_EQ(Decode("\xFF\xFE" + Utf16Le(u"a\U0001D11E\U00020000b")), "a\U0001D11E\U00020000b");
}

TEST(DecodeText, AcceptsUtf16LeWithoutBom) {
  std::string enc;
  EXPECT_EQ(Decode(Utf16Le(u"SERVICES AGREEMENT\r\n\r\n1. Term. \u5408\u540C\r\n"), &enc),
            "SERVICES AGREEMENT\n\n1. Term. \u5408\u540C\n");
  EXPECT_EQ(enc, "UTF-16LE");
}

TEST(DecodeText, AcceptsUtf16BeWithoutBom) {
  std::string enc;
  EXPECT_EQ(Decode(Utf16Be(u"Master Services Agreement\n"), &enc), "Master Services Agreement\n");
  EXPECT_EQ(enc, "UTF-16BE");
}

TEST(DecodeText, RejectsUtf16WithOddLength) {
  Result<std::string> r = DecodeText("\xFF\xFE" + Utf16Le(u"Contract") + "x", nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kEncoding);
  EXPECT_EQ(r.error().message, "not valid UTF-16LE (truncated: odd number of bytes)");
}

TEST(DecodeText, RejectsUtf16UnpairedSurrogate) {
  // "ab", then a high surrogate followed by "c" instead of a low surrogate.
  std::string bytes = "\xFE\xFF" + Utf16Be(u"ab") + Bytes({0xD8, 0x00}) + Utf16Be(u"c");
  Result<std::string> r = DecodeText(bytes, nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "not valid UTF-16BE (unpaired surrogate at offset 6)");
}

TEST(DecodeText, AcceptsGbk) {
  // "本合同由甲乙双方签订。\n合同" in GBK.
  std::string gbk =
      Bytes({0xB1, 0xBE, 0xBA, 0xCF, 0xCD, 0xAC, 0xD3, 0xC9, 0xBC, 0xD7, 0xD2, 0xD2, 0xCB, 0xAB,
             0xB7, 0xBD, 0xC7, 0xA9, 0xB6, 0xA9, 0xA1, 0xA3, 0x0A, 0xBA, 0xCF, 0xCD, 0xAC});
  std::string enc;
  EXPECT_EQ(Decode(gbk, &enc), "本合同由甲乙双方签订。\n合同");
  EXPECT_EQ(enc, "GB18030");
}

TEST(DecodeText, AcceptsGb18030FourByteSequences) {
  // "合同编号：A-1 " then U+3400 and U+20000, which need four bytes in GB18030.
  std::string bytes = Bytes({0xBA, 0xCF, 0xCD, 0xAC, 0xB1, 0xE0, 0xBA, 0xC5, 0xA3, 0xBA}) + "A-1 " +
                      Bytes({0x81, 0x39, 0xEE, 0x39, 0x95, 0x32, 0x82, 0x36});
  std::string enc;
  EXPECT_EQ(Decode(bytes, &enc), "合同编号：A-1 \u3400\U00020000");
  EXPECT_EQ(enc, "GB18030");
}

TEST(DecodeText, RejectsLatin1WithOffsetOfFirstBadByte) {
  // "Café au lait" in Latin-1: 0xE9 then a space is neither UTF-8 nor GBK.
  Result<std::string> r = DecodeText("Caf\xE9 au lait\n", nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kEncoding);
  EXPECT_EQ(r.error().message, "not valid UTF-8 (first bad byte at offset 3) and not GB18030/GBK");
}

TEST(DecodeText, RejectsLatin1ThatHappensToConvertAsGbk) {
  // "pr\xE9sent" is a valid GBK pair (E9 73), but not Chinese text.
  Result<std::string> r = DecodeText("Le pr\xE9sent contrat\n", nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "not valid UTF-8 (first bad byte at offset 5) and not GB18030/GBK");
}

TEST(DecodeText, RejectsInvalidUtf8AfterBom) {
  Result<std::string> r = DecodeText(
      "\xEF\xBB\xBF"
      "abc\xC0\xAF",
      nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "not valid UTF-8 (first bad byte at offset 6)");
}

TEST(DecodeText, NormalisesLineEnds) {
  EXPECT_EQ(Decode("a\r\nb\rc\n\rd\r\r\ne"), "a\nb\nc\n\nd\n\ne");
}

TEST(DecodeText, NormalisesLineEndsAcrossEncodings) {
  EXPECT_EQ(Decode("\xFF\xFE" + Utf16Le(u"a\r\nb\rc")), "a\nb\nc");
}

TEST(DecodeText, KeepsTabsAndFormFeedsDropsOtherControls) {
  EXPECT_EQ(Decode("a\tb\fc\x01\x1B\x7F"
                   "d\ve"),
            "a\tb\fcd\ne");
}

TEST(DecodeText, DropsZeroWidthAndStrayBoms) { EXPECT_EQ(Decode("ab\u200Bc\uFEFFd"), "abcd"); }

TEST(DecodeText, KeepsFullWidthPunctuation) {
  const std::string s = "甲方（以下简称“甲方”）：北京，上海；１２３";
  EXPECT_EQ(Decode(s), s);
}

// --- BuildParagraphs: blocks and lines ---------------------------------------

TEST(BuildParagraphs, EmptyTextHasNoBlocks) {
  EXPECT_TRUE(BuildParagraphs("").empty());
  EXPECT_TRUE(BuildParagraphs(" \n\t\n\u3000\n").empty());
}

TEST(BuildParagraphs, BlankLinesSeparateParagraphs) {
  EXPECT_EQ(Texts("First paragraph.\n\nSecond paragraph.\n \t \nThird.\n\u3000\u00A0\nFourth."),
            (Strings{"First paragraph.", "Second paragraph.", "Third.", "Fourth."}));
}

TEST(BuildParagraphs, FillsSourceRefWithFirstLine) {
  std::vector<Block> b =
      BuildParagraphs("\n\nTitle\n\nThe first paragraph\nwraps here.\n\n\nLast one.\n");
  ASSERT_EQ(b.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(b[i].source.part, "text");
    EXPECT_EQ(b[i].source.index, i);
    EXPECT_EQ(b[i].kind, BlockKind::kParagraph);
    EXPECT_TRUE(b[i].label.empty());
  }
  EXPECT_EQ(b[0].source.line, 3);
  EXPECT_EQ(b[1].source.line, 5);
  EXPECT_EQ(b[1].text, "The first paragraph wraps here.");
  EXPECT_EQ(b[2].source.line, 9);
}

TEST(BuildParagraphs, FormFeedEndsParagraph) {
  EXPECT_EQ(Texts("The Supplier shall deliver the goods.\fThe Buyer shall pay."),
            (Strings{"The Supplier shall deliver the goods.", "The Buyer shall pay."}));
}

TEST(BuildParagraphs, LineNumbersCountLinesNotFormFeeds) {
  std::vector<Block> b = BuildParagraphs("One.\n\fTwo.\n\nThree\fFour.");
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].source.line, 1);
  EXPECT_EQ(b[1].source.line, 2);
  EXPECT_EQ(b[2].source.line, 4);
  EXPECT_EQ(b[3].source.line, 4);
  EXPECT_EQ(b[3].text, "Four.");
}

TEST(BuildParagraphs, CollapsesSpacesAndTrims) {
  EXPECT_EQ(Texts("   The  Company \t shall\u00A0\u00A0pay.   \n"),
            (Strings{"The Company shall pay."}));
}

TEST(BuildParagraphs, KeepsASingleIdeographicSpaceBetweenChineseWords) {
  EXPECT_EQ(Texts("\u3000\u3000第一条\u3000\u3000定义\n"), (Strings{"第一条\u3000定义"}));
}

// --- Wrapped text ------------------------------------------------------------

TEST(BuildParagraphs, JoinsWrappedEnglishLines) {
  const std::string text =
      "1. Term. This Agreement shall commence on the Effective Date and shall\n"
      "continue in full force and effect for a period of three (3) years unless\n"
      "terminated earlier in accordance with its terms.\n"
      "\n"
      "2. Payment. The Customer shall pay all invoices within thirty (30) days of\n"
      "receipt, without set-off or deduction of any kind whatsoever.\n";
  EXPECT_EQ(Texts(text),
            (Strings{"1. Term. This Agreement shall commence on the Effective Date and shall "
                     "continue in full force and effect for a period of three (3) years unless "
                     "terminated earlier in accordance with its terms.",
                     "2. Payment. The Customer shall pay all invoices within thirty (30) days of "
                     "receipt, without set-off or deduction of any kind whatsoever."}));
}

TEST(BuildParagraphs, JoinsWrappedChineseWithoutSpaces) {
  const std::string text =
      "本合同由甲方与乙方在平等自愿的基础上协商一致签订，双方应当按照本合同的约定全面履行\n"
      "各自的义务，任何一方不得擅自变更或者解除本合同，本合同自双方签字盖章之日起生效，\n"
      "有效期为三年。\n";
  EXPECT_EQ(Texts(text), (Strings{"本合同由甲方与乙方在平等自愿的基础上协商一致签订，双方应当按照"
                                  "本合同的约定全面履行各自的义务，任何一方不得擅自变更或者解除本"
                                  "合同，本合同自双方签字盖章之日起生效，有效期为三年。"}));
}

TEST(BuildParagraphs, JoinsChineseWrappedBeforeDigitsWithoutSpace) {
  const std::string text =
      "乙方应于收到甲方发票后十五个工作日内向甲方支付合同价款共计人民币\n"
      "100,000元整，逾期付款的，每逾期一日应按未付金额的万分之五支付违约金。\n"
      "甲方开户银行及账号另行书面通知乙方，乙方不得以任何理由拒绝或者拖延付款。\n";
  std::vector<std::string> t = Texts(text);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_NE(t[0].find("人民币100,000元整"), std::string::npos) << t[0];
}

TEST(BuildParagraphs, RebuildsWrappedChineseContractWithPageFurniture) {
  // Wrapped at 76 columns (38 Han characters), a running header and page
  // numbers on every page, one sentence broken across a page.
  const std::string text =
      "技术服务合同\n"
      "甲方（委托方）：北京星河科技有限公司\n"
      "乙方（受托方）：上海云帆信息技术有限公司\n"
      "甲乙双方根据《中华人民共和国民法典》及相关法律法规的规定，本着平等自愿、诚实\n"
      "信用的原则，经友好协商，就甲方委托乙方提供技术服务事宜达成如下协议，以资共同\n"
      "遵守。\n"
      "\n"
      "- 1 -\n"
      "\f星河科技技术服务合同\n"
      "\n"
      "第一条 服务内容\n"
      "一、乙方应按照本合同附件一所列的技术要求，为甲方提供系统开发、部署及维护服务\n"
      "，并保证所提供的服务符合国家有关标准和行业规范的要求。\n"
      "二、乙方应于2026年3月31日前完成全部开发工作，并向甲方提交完整的源代码、技术\n"
      "文档及用户手册。\n"
      "第二条 合同价款及支付方式\n"
      "\n"
      "- 2 -\n"
      "\f星河科技技术服务合同\n"
      "\n"
      "（一）本合同总价款为人民币壹拾万元整（100,000.00元），该价款已包含乙方履行本\n"
      "合同项下全部义务所需的一切费用。\n"
      "（二）甲方应于本合同签订之日起十个工作日内向乙方支付合同总价款的百分之三十作\n"
      "为预付款；其余款项于验收合格后十五个工作日内付清。\n"
      "第三条 违约责任\n"
      "任何一方违反本合同约定的，应当向守约方支付合同总价款百分之二十的违约金；违约\n"
      "\n"
      "- 3 -\n"
      "\f星河科技技术服务合同\n"
      "\n"
      "金不足以弥补守约方损失的，违约方还应赔偿守约方的全部损失。\n"
      "甲方（盖章）：＿＿＿＿＿＿　乙方（盖章）：＿＿＿＿＿＿\n";
  EXPECT_EQ(Texts(text),
            (Strings{"技术服务合同", "甲方（委托方）：北京星河科技有限公司",
                     "乙方（受托方）：上海云帆信息技术有限公司",
                     "甲乙双方根据《中华人民共和国民法典》及相关法律法规的规定，本着平等自愿、"
                     "诚实信用的原则，经友好协商，就甲方委托乙方提供技术服务事宜达成如下协议，以"
                     "资共同遵守。",
                     "第一条 服务内容",
                     "一、乙方应按照本合同附件一所列的技术要求，为甲方提供系统开发、部署及维护"
                     "服务，并保证所提供的服务符合国家有关标准和行业规范的要求。",
                     "二、乙方应于2026年3月31日前完成全部开发工作，并向甲方提交完整的源代码、"
                     "技术文档及用户手册。",
                     "第二条 合同价款及支付方式",
                     "（一）本合同总价款为人民币壹拾万元整（100,000.00元），该价款已包含乙方履"
                     "行本合同项下全部义务所需的一切费用。",
                     "（二）甲方应于本合同签订之日起十个工作日内向乙方支付合同总价款的百分之三十"
                     "作为预付款；其余款项于验收合格后十五个工作日内付清。",
                     "第三条 违约责任",
                     "任何一方违反本合同约定的，应当向守约方支付合同总价款百分之二十的违约金；违"
                     "约金不足以弥补守约方损失的，违约方还应赔偿守约方的全部损失。",
                     "甲方（盖章）：＿＿＿＿＿＿\u3000乙方（盖章）：＿＿＿＿＿＿"}));
}

TEST(BuildParagraphs, NumberedLinesStartParagraphsWithoutBlankLines) {
  const std::string text =
      "1. Definitions\n"
      "1.1 \"Agreement\" means this agreement and its schedules.\n"
      "1.2 \"Services\" means the services described in Schedule 1.\n"
      "(a) the first item;\n"
      "(b) the second item.\n";
  EXPECT_EQ(Texts(text),
            (Strings{"1. Definitions", "1.1 \"Agreement\" means this agreement and its schedules.",
                     "1.2 \"Services\" means the services described in Schedule 1.",
                     "(a) the first item;", "(b) the second item."}));
}

TEST(BuildParagraphs, ChineseNumberedLinesStartParagraphs) {
  const std::string text =
      "第一条 合同标的\n"
      "乙方向甲方提供软件开发服务。\n"
      "第二条 合同价款\n"
      "一、合同总价为人民币十万元。\n"
      "（一）首付款为合同总价的百分之三十；\n"
      "（二）尾款于验收合格后支付。\n";
  EXPECT_EQ(Texts(text),
            (Strings{"第一条 合同标的", "乙方向甲方提供软件开发服务。", "第二条 合同价款",
                     "一、合同总价为人民币十万元。", "（一）首付款为合同总价的百分之三十；",
                     "（二）尾款于验收合格后支付。"}));
}

TEST(BuildParagraphs, WrappedReferenceDoesNotStartClause) {
  const std::string text =
      "The Supplier shall indemnify the Customer against all losses as set out in\n"
      "Section 12.1 of this Agreement, subject always to the limitations set out in\n"
      "clause 14 and the exclusions in the Schedule.\n";
  EXPECT_EQ(Texts(text).size(), 1u);
}

TEST(BuildParagraphs, ShortLastLineEndsParagraphWithoutBlankLine) {
  const std::string text =
      "The Customer shall pay the fees set out in the Order Form within thirty days\n"
      "of the date of each invoice.\n"
      "Late payments bear interest at the rate of one percent per month until the\n"
      "date of payment in full.\n";
  EXPECT_EQ(Texts(text),
            (Strings{"The Customer shall pay the fees set out in the Order Form within thirty "
                     "days of the date of each invoice.",
                     "Late payments bear interest at the rate of one percent per month until the "
                     "date of payment in full."}));
}

TEST(BuildParagraphs, ShortCapsHeadingStandsAlone) {
  const std::string text =
      "The Supplier warrants that the Services will be performed with reasonable care\n"
      "and skill in accordance with good industry practice at all times.\n"
      "CONFIDENTIALITY\n"
      "Each party shall keep the other party's Confidential Information secret and\n"
      "shall not disclose it to any third party without prior written consent.\n";
  std::vector<std::string> t = Texts(text);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1], "CONFIDENTIALITY");
}

TEST(BuildParagraphs, WrappedCapitalsParagraphStaysOneParagraph) {
  const std::string text =
      "EXCEPT AS EXPRESSLY SET OUT IN THIS AGREEMENT, THE SOFTWARE IS PROVIDED AS IS\n"
      "WITHOUT WARRANTY OF ANY KIND, EITHER EXPRESS OR IMPLIED, INCLUDING WITHOUT\n"
      "LIMITATION ANY IMPLIED WARRANTY OF MERCHANTABILITY OR FITNESS FOR A\n"
      "PARTICULAR PURPOSE.\n";
  EXPECT_EQ(Texts(text).size(), 1u);
}

TEST(BuildParagraphs, FirstLineIndentStartsParagraph) {
  const std::string text =
      "    The Licensor grants the Licensee a non-exclusive licence to use the\n"
      "Software for its internal business purposes during the term of this licence\n"
      "and for no other purpose whatsoever, subject to payment of the fees.\n"
      "    The Licensee shall not copy, modify or distribute the Software except\n"
      "as expressly permitted by this Agreement or by applicable law in force.\n";
  EXPECT_EQ(Texts(text).size(), 2u);
}

TEST(BuildParagraphs, HyphenatedLineEndKeepsHyphenWithoutSpace) {
  EXPECT_EQ(Texts("The non-\nexclusive licence is granted world-\nwide."),
            (Strings{"The non-exclusive licence is granted world-wide."}));
}

TEST(BuildParagraphs, LowercaseContinuationAfterBlankLineJoins) {
  // PDF extraction sometimes splits a sentence with a blank line.
  EXPECT_EQ(Texts("Either party may terminate this Agreement by written notice to the\n\n"
                  "other party if the other party commits a material breach.\n\n"
                  "Next clause.\n"),
            (Strings{"Either party may terminate this Agreement by written notice to the other "
                     "party if the other party commits a material breach.",
                     "Next clause."}));
}

TEST(BuildParagraphs, LowercaseLineAfterFinishedSentenceStartsParagraph) {
  EXPECT_EQ(Texts("The term is one year.\n\nand this is a separate line.\n").size(), 2u);
}

TEST(BuildParagraphs, UnwrappedLinesStaySeparate) {
  // One line per paragraph (Word's "Save as text"): every line break is real.
  EXPECT_EQ(Texts("ACME CORPORATION\nBy: John Smith\nTitle: Chief Executive Officer\n"),
            (Strings{"ACME CORPORATION", "By: John Smith", "Title: Chief Executive Officer"}));
}

// --- Page artefacts -------------------------------------------------------------

TEST(BuildParagraphs, DropsPageNumbers) {
  const std::string text =
      "First.\n\n12\n\nSecond.\n\n- 12 -\n\n-3-\n\nThird.\n\nPage 3 of 10\n\nPage 4\n\n"
      "第 3 页 共 10 页\n\n第4页\n\n3/10\n\n\u2014 7 \u2014\n\niv\n\nFourth.\n";
  EXPECT_EQ(Texts(text), (Strings{"First.", "Second.", "Third.", "Fourth."}));
}

TEST(BuildParagraphs, KeepsNumbersInsideText) {
  EXPECT_EQ(Texts("The fee is\n12 percent.\n"), (Strings{"The fee is 12 percent."}));
}

TEST(BuildParagraphs, LineEndingOnFunctionWordContinues) {
  EXPECT_EQ(
      Texts("Scope of services\nThe Supplier shall provide the\nServices described below.\n"),
      (Strings{"Scope of services", "The Supplier shall provide the Services described below."}));
}

TEST(BuildParagraphs, DropsRepeatedRunningHeader) {
  std::string text;
  for (int page = 1; page <= 4; ++page) {
    text += "ACME Master Services Agreement - CONFIDENTIAL\n\n";
    text += "Clause " + std::to_string(page) + " text of page " + std::to_string(page) + ".\n\n";
    text += "Source: HEALTHCENTRAL COM, S-1/A, 11/8/1999\n\n\n\n";
  }
  EXPECT_EQ(Texts(text), (Strings{"Clause 1 text of page 1.", "Clause 2 text of page 2.",
                                  "Clause 3 text of page 3.", "Clause 4 text of page 4."}));
}

TEST(BuildParagraphs, DropsRunningFooterWithPageNumber) {
  const std::string bodies[] = {"Recitals.", "Definitions.", "Term."};
  std::string text;
  for (int page = 1; page <= 3; ++page) {
    text += bodies[page - 1] + "\n\n";
    text += "Acme Supply Agreement Page " + std::to_string(page) + " of 3\f";
  }
  EXPECT_EQ(Texts(text), (Strings{"Recitals.", "Definitions.", "Term."}));
}

TEST(BuildParagraphs, KeepsListItemsThatOpenEveryPage) {
  std::string text;
  for (int page = 1; page <= 3; ++page)
    text += "1. Definitions.\n\nText " + std::string(page, 'x') + ".\f";
  EXPECT_EQ(Texts(text).size(), 6u);
}

TEST(BuildParagraphs, KeepsRepeatedLinesAwayFromPageEdges) {
  // Signature blocks repeat lines; they are content, not page furniture.
  const std::string text =
      "IN WITNESS WHEREOF the parties have signed this Agreement.\n\n"
      "ACME INC.\n\nName: John Smith\n\nTitle: Director\n\n"
      "BETA LLC\n\nName: John Smith\n\nTitle: Director\n\n"
      "GAMMA LTD\n\nName: John Smith\n\nTitle: Director\n\n"
      "Schedule 1 follows.\n";
  EXPECT_EQ(Texts(text).size(), 11u);
}

TEST(BuildParagraphs, KeepsHeaderRepeatedOnlyTwice) {
  const std::string text = "ACME CONFIDENTIAL\n\nOne.\fACME CONFIDENTIAL\n\nTwo.\n";
  EXPECT_EQ(Texts(text), (Strings{"ACME CONFIDENTIAL", "One.", "ACME CONFIDENTIAL", "Two."}));
}

TEST(BuildParagraphs, ContinuesParagraphAcrossPageBreak) {
  std::string text;
  for (int page = 1; page <= 3; ++page) {
    text += "Widget Supply Agreement\n\n";
    if (page == 2) {
      text += "such Products shall be delivered to the Buyer's premises within ten days.\n";
    } else {
      text += "Clause on page " + std::to_string(page) + ". The Supplier shall deliver and\n";
    }
    text += "\n- " + std::to_string(page) + " -\n\f";
  }
  std::vector<std::string> t = Texts(text);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0],
            "Clause on page 1. The Supplier shall deliver and such Products shall be delivered "
            "to the Buyer's premises within ten days.");
}

TEST(BuildParagraphs, ContinuesWrappedSentenceWithCapitalAcrossPageBreak) {
  const std::string text =
      "The Supplier shall deliver the Products to the premises nominated in writing by\n"
      "the Buyer no later than the delivery date stated in the relevant order to the\n"
      "\n"
      "                                 - 2 -\n"
      "\f"
      "Company, and shall bear all risk in the Products until delivered.\n"
      "The Buyer shall inspect the Products within five days after their delivery and\n"
      "notify the Supplier of any defect.\n";
  std::vector<std::string> t = Texts(text);
  ASSERT_EQ(t.size(), 2u) << t[0];
  EXPECT_NE(t[0].find("relevant order to the Company, and shall bear"), std::string::npos);
}

TEST(BuildParagraphs, DoesNotContinueFinishedSentenceAcrossPageBreak) {
  const std::string text =
      "The Supplier shall deliver the Products to the premises nominated in writing by\n"
      "the Buyer no later than the delivery date stated in the relevant order form.\n"
      "\f"
      "Risk in the Products passes to the Buyer on delivery to the nominated premises\n"
      "and title passes on payment in full of the price for those Products.\n";
  EXPECT_EQ(Texts(text).size(), 2u);
}

TEST(BuildParagraphs, DropsSeparatorLinesAsBreaks) {
  EXPECT_EQ(Texts("Above the line\n--------------\nbelow the line\n==========\n______________\n"
                  "- - - - - - -\nEnd."),
            (Strings{"Above the line", "below the line", "End."}));
}

TEST(BuildParagraphs, KeepsSignatureBlanks) {
  EXPECT_EQ(Texts("By: ____________________\n\nName: ________\n\n甲方（盖章）：＿＿＿＿＿＿\n"),
            (Strings{"By: ____________________", "Name: ________", "甲方（盖章）：＿＿＿＿＿＿"}));
}

TEST(BuildParagraphs, IsFastOnLargeInput) {
  // About 20 MB of wrapped paragraphs with page furniture: must not be
  // quadratic (this takes well under a second when linear).
  std::string page;
  for (int p = 0; p < 10; ++p) {
    page += std::to_string(p + 1) +
            ". The Supplier shall deliver the Products to the premises\n"
            "nominated in writing by the Buyer no later than the delivery date stated in\n"
            "the relevant order.\n\n";
  }
  page += "Widget Supply Agreement\n\n";
  std::string text;
  const int pages = 20000;
  for (int i = 0; i < pages; ++i) text += page + "- " + std::to_string(i % 500 + 1) + " -\f";
  std::vector<Block> blocks = BuildParagraphs(text);
  EXPECT_EQ(blocks.size(), static_cast<size_t>(pages) * 10);
}

TEST(BuildParagraphs, SurvivesOneHugeLine) {
  std::string text(5 << 20, 'x');
  std::vector<Block> blocks = BuildParagraphs(text);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text.size(), text.size());
}

// --- ParseText ------------------------------------------------------------------

TEST(ParseText, FillsDocument) {
  Result<Document> doc = ParseText("\xEF\xBB\xBFTitle\r\n\r\nBody text.\r\n", "in/a.txt");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc.value().path, "in/a.txt");
  EXPECT_EQ(doc.value().format, Format::kText);
  EXPECT_EQ(doc.value().encoding, "UTF-8-BOM");
  ASSERT_EQ(doc.value().blocks.size(), 2u);
  EXPECT_EQ(doc.value().blocks[1].text, "Body text.");
  EXPECT_EQ(doc.value().blocks[1].source.line, 3);
}

TEST(ParseText, WhitespaceOnlyIsEmpty) {
  Result<Document> doc = ParseText(" \n\t\r\n\u3000\n", "blank.txt");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kEmpty);
  EXPECT_EQ(doc.error().message, "no text");
  EXPECT_EQ(doc.error().where, "blank.txt");
}

TEST(ParseText, PageFurnitureOnlyIsEmpty) {
  Result<Document> doc = ParseText("- 1 -\n\f-----------\n\nPage 2 of 2\n", "x.txt");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kEmpty);
}

TEST(ParseText, EncodingErrorNamesFile) {
  Result<Document> doc = ParseText("Caf\xE9 \n", "x.txt");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kEncoding);
  EXPECT_EQ(doc.error().ToString(),
            "x.txt: not valid UTF-8 (first bad byte at offset 3) and not GB18030/GBK");
}

}  // namespace
}  // namespace clausecheck::parsers

namespace clausecheck::parsers {
namespace {

// A filler sentence, so that a test paragraph is as long as flattened text.
std::string Filler(int sentences) {
  std::string s;
  for (int i = 0; i < sentences; ++i) {
    s += "The Supplier shall perform the Services with due care and skill in accordance with "
         "good industry practice and the Specifications. ";
  }
  return s;
}

TEST(BuildParagraphs, SplitsFlattenedTextBeforeClauseNumbers) {
  const std::string text = "MASTER AGREEMENT This Agreement is made between A and B. " + Filler(8) +
                           "1. Services. " + Filler(6) + "2. Fees; payment terms apply: " +
                           "(a) invoices are monthly; (b) payment is due in 30 days. " +
                           "Section 3.1 Term. " + Filler(4) +
                           "The price is USD 5. It is paid in the U.S. 4 times a year. No. 7 "
                           "applies.";
  ASSERT_GE(text.size(), 2000u);
  std::vector<std::string> got = Texts(text);
  ASSERT_EQ(got.size(), 6u) << got[0].substr(0, 80);
  EXPECT_EQ(got[1].substr(0, 13), "1. Services. ");
  EXPECT_EQ(got[2], "2. Fees; payment terms apply:");
  EXPECT_EQ(got[3], "(a) invoices are monthly;");
  EXPECT_EQ(got[4], "(b) payment is due in 30 days.");
  EXPECT_EQ(got[5].substr(0, 18), "Section 3.1 Term. ");
  // "U.S. 4 times" and "No. 7" are not clause starts.
  EXPECT_NE(got[5].find("It is paid in the U.S. 4 times a year. No. 7 applies."),
            std::string::npos);
  // Every piece keeps the source line of the paragraph it came from.
  std::vector<Block> blocks = BuildParagraphs(text);
  for (size_t i = 0; i < blocks.size(); ++i) {
    EXPECT_EQ(blocks[i].source.index, static_cast<int>(i));
    EXPECT_EQ(blocks[i].source.line, 1);
  }
}

TEST(BuildParagraphs, SplitsFlattenedChineseAfterFullStops) {
  std::string filler;
  for (int i = 0; i < 40; ++i) filler += "乙方应按照本合同约定的时间和质量标准提供服务。";
  const std::string text = "第一条 服务内容" + filler + "第二条 付款方式甲方应按月付款。" + filler;
  std::vector<std::string> got = Texts(text);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].rfind("第二条 付款方式", 0), 0u);
}

TEST(BuildParagraphs, LeavesNormalParagraphsWithInlineListsWhole) {
  const std::string text =
      "2. Fees. The Customer shall pay: (a) the subscription fee; (b) the set-up fee. 3. Term.";
  EXPECT_EQ(Texts(text), std::vector<std::string>{text});
}

}  // namespace
}  // namespace clausecheck::parsers
