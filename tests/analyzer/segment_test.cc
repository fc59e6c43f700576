#include "analyzer/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clausecheck::analyzer {
namespace {

Block Para(std::string text, BlockKind kind = BlockKind::kParagraph) {
  Block b;
  b.text = std::move(text);
  b.kind = kind;
  return b;
}

Block Labelled(std::string label, std::string text, BlockKind kind = BlockKind::kListItem) {
  Block b = Para(std::move(text), kind);
  b.label = std::move(label);
  return b;
}

Block Heading(std::string text, int level) {
  Block b = Para(std::move(text), BlockKind::kHeading);
  b.heading_level = level;
  return b;
}

Document Doc(std::vector<Block> blocks) {
  Document d;
  d.blocks = std::move(blocks);
  for (size_t i = 0; i < d.blocks.size(); ++i) {
    d.blocks[i].source.part = "text";
    d.blocks[i].source.index = static_cast<int>(i);
  }
  return d;
}

Document Doc(const std::vector<std::string>& lines) {
  std::vector<Block> blocks;
  for (const std::string& l : lines) blocks.push_back(Para(l));
  return Doc(std::move(blocks));
}

// The shape of a clause tree, one clause per entry, to compare in one go.
struct Expect {
  std::string number;
  std::string heading;
  int level;
  int parent;
  int first_block;
  int end_block;
};

void ExpectTree(const std::vector<Clause>& got, const std::vector<Expect>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE("clause " + std::to_string(i) + " (" + want[i].number + ")");
    EXPECT_EQ(got[i].id, "c" + std::to_string(i + 1));
    EXPECT_EQ(got[i].number, want[i].number);
    EXPECT_EQ(got[i].heading, want[i].heading);
    EXPECT_EQ(got[i].level, want[i].level);
    EXPECT_EQ(got[i].parent, want[i].parent);
    EXPECT_EQ(got[i].first_block, want[i].first_block);
    EXPECT_EQ(got[i].end_block, want[i].end_block);
  }
}

TEST(Segment, SplitsAnEnglishAgreementByArticleSectionAndList) {
  Document doc = Doc(std::vector<std::string>{
      "MASTER SERVICES AGREEMENT",                                                    // 0
      "This Master Services Agreement is entered into by Acme Corp. and Beta LLC.",   // 1
      "ARTICLE 1",                                                                    // 2
      "DEFINITIONS",                                                                  // 3
      "Section 1.1 \"Affiliate\" means any entity controlling a party.",              // 4
      "Section 1.2 \"Services\" means the services described in Schedule A.",         // 5
      "ARTICLE 2 SERVICES",                                                           // 6
      "Section 2.1 Scope. The Supplier shall provide the Services:",                  // 7
      "(a) in a professional manner;",                                                // 8
      "(b) in accordance with:",                                                      // 9
      "(i) the Specifications;",                                                      // 10
      "(ii) applicable law; and",                                                     // 11
      "(c) on time.",                                                                 // 12
      "Section 2.2 Changes. Either party may request changes in writing.",            // 13
      "ARTICLE 3 - FEES",                                                             // 14
      "The Customer shall pay the fees within thirty days of receiving an invoice.",  // 15
  });
  std::vector<Clause> clauses = Segment(doc);
  ExpectTree(clauses, {
                          {"", "", 1, -1, 0, 2},
                          {"ARTICLE 1", "DEFINITIONS", 1, -1, 2, 4},
                          {"Section 1.1", "", 2, 1, 4, 5},
                          {"Section 1.2", "", 2, 1, 5, 6},
                          {"ARTICLE 2", "SERVICES", 1, -1, 6, 7},
                          {"Section 2.1", "Scope", 2, 4, 7, 8},
                          {"(a)", "", 3, 5, 8, 9},
                          {"(b)", "", 3, 5, 9, 10},
                          {"(i)", "", 4, 7, 10, 11},
                          {"(ii)", "", 4, 7, 11, 12},
                          {"(c)", "", 3, 5, 12, 13},
                          {"Section 2.2", "Changes", 2, 4, 13, 14},
                          {"ARTICLE 3", "FEES", 1, -1, 14, 16},
                      });
  // The merged heading block belongs to the article's clause; the text keeps
  // the numbers, because finding offsets refer to block text.
  EXPECT_EQ(clauses[1].text, "ARTICLE 1\nDEFINITIONS");
  EXPECT_EQ(clauses[1].block_offsets, (std::vector<int>{0, 10}));
  EXPECT_EQ(clauses[12].text,
            "ARTICLE 3 - FEES\nThe Customer shall pay the fees within thirty days of receiving "
            "an invoice.");
  EXPECT_EQ(clauses[12].block_offsets, (std::vector<int>{0, 17}));
}

TEST(Segment, NestsDottedDecimalsByDepth) {
  Document doc = Doc(std::vector<std::string>{
      "1. Definitions",                                               // 0
      "1.1 \"Agreement\" means this agreement and its schedules.",    // 1
      "1.1.1 A reference to a schedule includes its annexes.",        // 2
      "1.1.2 A reference to a party includes its successors.",        // 3
      "1.2 Interpretation. Headings do not affect interpretation.",   // 4
      "2. Term",                                                      // 5
      "This Agreement lasts for two years from the Effective Date.",  // 6
      "2.1 Renewal. It renews automatically for one further year.",   // 7
      "3.    GENERAL",                                                // 8
  });
  std::vector<Clause> clauses = Segment(doc);
  ExpectTree(clauses, {
                          {"1", "Definitions", 1, -1, 0, 1},
                          {"1.1", "", 2, 0, 1, 2},
                          {"1.1.1", "", 3, 1, 2, 3},
                          {"1.1.2", "", 3, 1, 3, 4},
                          {"1.2", "Interpretation", 2, 0, 4, 5},
                          {"2", "Term", 1, -1, 5, 7},
                          {"2.1", "Renewal", 2, 5, 7, 8},
                          {"3", "GENERAL", 1, -1, 8, 9},
                      });
  EXPECT_EQ(clauses[5].text,
            "2. Term\nThis Agreement lasts for two years from the Effective Date.");
  EXPECT_EQ(clauses[5].block_offsets, (std::vector<int>{0, 8}));
}

TEST(Segment, NestsChineseArticlesUnderChapters) {
  Document doc = Doc(std::vector<std::string>{
      "采购合同",                                                                        // 0
      "甲方：北京某某科技有限公司",                                                      // 1
      "乙方：上海某某贸易有限公司",                                                      // 2
      "根据《中华人民共和国民法典》及相关法律法规，甲乙双方经友好协商，达成如下协议。",  // 3
      "第一章 总则",                                                                     // 4
      "第一条 合同目的",                                                                 // 5
      "本合同旨在明确双方在货物采购中的权利和义务。",                                    // 6
      "第二条 定义：本合同中下列用语具有如下含义。",                                     // 7
      "一、“货物”指本合同附件一所列产品。",                                              // 8
      "二、“交付”指货物运抵甲方指定地点。",                                              // 9
      "（一）交付地点由甲方书面指定。",                                                  // 10
      "（二）交付时间以签收日期为准。",                                                  // 11
      "第二章　价款与支付",                                                              // 12
      "第三条【价款】合同总价为人民币壹拾万元整。",                                      // 13
      "第四条 支付方式",                                                                 // 14
      "1. 甲方应于收货后三十日内付款。",                                                 // 15
      "2. 乙方应开具增值税专用发票。",                                                   // 16
      "第五条规定的期限届满后，甲方不再付款。",                                          // 17
  });
  std::vector<Clause> clauses = Segment(doc);
  ExpectTree(clauses, {
                          {"", "", 1, -1, 0, 4},
                          {"第一章", "总则", 1, -1, 4, 5},
                          {"第一条", "合同目的", 2, 1, 5, 7},
                          {"第二条", "定义", 2, 1, 7, 8},
                          {"一", "", 3, 3, 8, 9},
                          {"二", "", 3, 3, 9, 10},
                          {"（一）", "", 4, 5, 10, 11},
                          {"（二）", "", 4, 5, 11, 12},
                          {"第二章", "价款与支付", 1, -1, 12, 13},
                          {"第三条", "价款", 2, 8, 13, 14},
                          {"第四条", "支付方式", 2, 8, 14, 15},
                          {"1", "", 3, 10, 15, 16},
                          {"2", "", 3, 10, 16, 18},  // "第五条规定的" is a reference
                      });
}

TEST(Segment, KeepsTextBeforeTheFirstClauseAsPreamble) {
  Document doc = Doc(std::vector<std::string>{
      "NON-DISCLOSURE AGREEMENT",
      "This Agreement is made on 1 January 2026 between Acme Corp. and Beta LLC.",
      "WHEREAS the parties wish to exchange confidential information;",
      "1. Confidentiality. Each party shall keep the other's information secret.",
  });
  std::vector<Clause> clauses = Segment(doc);
  ExpectTree(clauses, {
                          {"", "", 1, -1, 0, 3},
                          {"1", "Confidentiality", 1, -1, 3, 4},
                      });
  EXPECT_EQ(clauses[0].text,
            "NON-DISCLOSURE AGREEMENT\nThis Agreement is made on 1 January 2026 between Acme "
            "Corp. and Beta LLC.\nWHEREAS the parties wish to exchange confidential information;");
  EXPECT_EQ(clauses[0].block_offsets, (std::vector<int>{0, 25, 99}));
}

TEST(Segment, MakesOnePreambleWhenNothingIsNumbered) {
  Document doc = Doc(std::vector<std::string>{"Dear Sirs,", "We confirm our order of 12 units."});
  std::vector<Clause> clauses = Segment(doc);
  ExpectTree(clauses, {{"", "", 1, -1, 0, 2}});
  EXPECT_EQ(clauses[0].text, "Dear Sirs,\nWe confirm our order of 12 units.");
}

TEST(Segment, ReturnsNothingForAnEmptyDocument) {
  EXPECT_TRUE(Segment(Document{}).empty());
  EXPECT_TRUE(Segment(Doc(std::vector<std::string>{"", "   "})).empty());
}

TEST(Segment, LeavesLeadingBlankBlocksOutOfAnyClause) {
  Document doc = Doc(std::vector<std::string>{"", "1. Scope", "The Supplier shall deliver."});
  std::vector<Clause> clauses = Segment(doc);
  ExpectTree(clauses, {{"1", "Scope", 1, -1, 1, 3}});
}

TEST(Segment, StartsClausesAtUnnumberedHeadings) {
  Document doc = Doc(std::vector<std::string>{
      "SERVICES AGREEMENT",                                                                 // 0
      "This Services Agreement is entered into between Acme Corp. and Beta LLC in March.",  // 1
      "CONFIDENTIALITY",                                                                    // 2
      "Each party shall keep the other party's confidential information secret.",           // 3
      "Governing Law",                                                                      // 4
      "This Agreement is governed by the laws of England and Wales.",                       // 5
      "违约责任",                                                                           // 6
      "任何一方违反本协议约定的，应当向守约方支付违约金并赔偿全部损失。",                   // 7
  });
  ExpectTree(Segment(doc), {
                               {"", "", 1, -1, 0, 2},
                               {"", "CONFIDENTIALITY", 1, -1, 2, 4},
                               {"", "Governing Law", 1, -1, 4, 6},
                               {"", "违约责任", 1, -1, 6, 8},
                           });
}

TEST(Segment, UnnumberedHeadingClosesOpenNumbersButNumberingContinues) {
  Document doc = Doc(std::vector<std::string>{
      "1. Services",                                                          // 0
      "1.1 The Supplier shall provide the Services described in the order.",  // 1
      "GENERAL PROVISIONS",                                                   // 2
      "2. All notices under this Agreement shall be given in writing.",       // 3
      "Notices sent by email are valid.",                                     // 4
  });
  // "2." is judged against "1.", which the heading closed but did not erase.
  ExpectTree(Segment(doc), {
                               {"1", "Services", 1, -1, 0, 1},
                               {"1.1", "", 2, 0, 1, 2},
                               {"", "GENERAL PROVISIONS", 1, -1, 2, 3},
                               {"2", "", 1, -1, 3, 5},
                           });
}

TEST(Segment, MergesAnArticleLineWithTheHeadingLineAfterIt) {
  Document doc = Doc(std::vector<std::string>{
      "This Agreement is made between Acme Corp. and Beta LLC on 1 May 2026.",
      "ARTICLE 5",
      "",
      "CONFIDENTIALITY",
      "The Recipient shall not disclose Confidential Information to any third party.",
      "Section 6",
      "The Supplier shall maintain insurance with a reputable insurer at all times.",
  });
  std::vector<Clause> clauses = Segment(doc);
  ExpectTree(clauses, {
                          {"", "", 1, -1, 0, 1},
                          {"ARTICLE 5", "CONFIDENTIALITY", 1, -1, 1, 5},
                          // Running text after a bare number is not its heading.
                          {"Section 6", "", 2, 1, 5, 7},
                      });
  EXPECT_EQ(clauses[1].text,
            "ARTICLE 5\n\nCONFIDENTIALITY\nThe Recipient shall not disclose Confidential "
            "Information to any third party.");
  EXPECT_EQ(clauses[1].block_offsets, (std::vector<int>{0, 10, 11, 27}));
}

TEST(Segment, ReadsAmbiguousLettersFromTheListAroundThem) {
  Document doc = Doc(std::vector<std::string>{
      "1. Obligations",                            // 0
      "(a) keep records;",                         // 1
      "(b) pay on time;",                          // 2
      "(c) insure the goods;",                     // 3
      "(d) report defects;",                       // 4
      "(e) comply with law;",                      // 5
      "(f) cooperate;",                            // 6
      "(g) maintain licences;",                    // 7
      "(h) notify changes;",                       // 8
      "(i) keep premises safe;",                   // 9: a letter after (h)
      "(j) return materials.",                     // 10
      "2. Rights",                                 // 11
      "(i) to audit;",                             // 12: roman, opens a list
      "(ii) to inspect;",                          // 13
      "(iii) to terminate;",                       // 14
      "(iv) to claim damages;",                    // 15
      "(v) to suspend;",                           // 16: roman after (iv)
      "(vi) to assign.",                           // 17
      "3. Reports",                                // 18
      "(h) reports shall include the following:",  // 19
      "(i) sales;",                                // 20: roman, since (ii) follows
      "(ii) returns.",                             // 21
  });
  ExpectTree(Segment(doc), {
                               {"1", "Obligations", 1, -1, 0, 1},
                               {"(a)", "", 2, 0, 1, 2},
                               {"(b)", "", 2, 0, 2, 3},
                               {"(c)", "", 2, 0, 3, 4},
                               {"(d)", "", 2, 0, 4, 5},
                               {"(e)", "", 2, 0, 5, 6},
                               {"(f)", "", 2, 0, 6, 7},
                               {"(g)", "", 2, 0, 7, 8},
                               {"(h)", "", 2, 0, 8, 9},
                               {"(i)", "", 2, 0, 9, 10},
                               {"(j)", "", 2, 0, 10, 11},
                               {"2", "Rights", 1, -1, 11, 12},
                               {"(i)", "", 2, 11, 12, 13},
                               {"(ii)", "", 2, 11, 13, 14},
                               {"(iii)", "", 2, 11, 14, 15},
                               {"(iv)", "", 2, 11, 15, 16},
                               {"(v)", "", 2, 11, 16, 17},
                               {"(vi)", "", 2, 11, 17, 18},
                               {"3", "Reports", 1, -1, 18, 20},
                               // A first item "(h)" is implausible alone; it stays text.
                               {"(i)", "", 2, 18, 20, 21},
                               {"(ii)", "", 2, 18, 21, 22},
                           });
}

TEST(Segment, NestsRomanListUnderTheLetterBeforeIt) {
  Document doc = Doc(std::vector<std::string>{
      "1. Reports",
      "(a) monthly reports;",
      "(h) reports shall include the following:",
      "(i) sales;",
      "(ii) returns.",
      "(b) annual reports.",
  });
  // "(h)" after "(a)" is too far a jump, so it is text of "(a)"; the roman
  // list then nests under "(a)" and "(b)" closes it.
  ExpectTree(Segment(doc), {
                               {"1", "Reports", 1, -1, 0, 1},
                               {"(a)", "", 2, 0, 1, 3},
                               {"(i)", "", 3, 1, 3, 4},
                               {"(ii)", "", 3, 1, 4, 5},
                               {"(b)", "", 2, 0, 5, 6},
                           });
}

TEST(Segment, KeepsRecitalListsOutOfTheArticlesAfterThem) {
  Document doc = Doc(std::vector<std::string>{
      "MASTER SERVICES AGREEMENT",                                                     // 0
      "This Agreement is dated 1 March 2026 and made between the following parties:",  // 1
      "(1) CALDERWOOD LOGISTICS LIMITED, a company incorporated in England; and",      // 2
      "(2) BRIGHTLANE DIGITAL SERVICES LTD, a company incorporated in Scotland.",      // 3
      "BACKGROUND",                                                                    // 4
      "(A) Supplier provides managed application support services.",                   // 5
      "(B) Customer wishes to appoint Supplier to provide such services.",             // 6
      "ARTICLE 1",                                                                     // 7
      "DEFINITIONS",                                                                   // 8
      "Section 1.1 Definitions. In this Agreement the following terms apply.",         // 9
      "(a) \"Charges\" means the amounts payable under Article 5.",                    // 10
      "A. The Parties wish to cooperate on the terms below.",                          // 11
      "1. DEFINITIONS",                                                                // 12
  });
  // A section number with its own title does not nest inside list items of
  // running text before it ("(B) Customer wishes...", "(a) ...", "A. ..."),
  // but it does not leave a section ("Section 1.1") for them either.
  ExpectTree(Segment(doc), {
                               {"", "", 1, -1, 0, 2},
                               {"(1)", "", 1, -1, 2, 3},
                               {"(2)", "", 1, -1, 3, 4},
                               {"", "BACKGROUND", 1, -1, 4, 5},
                               {"(A)", "", 1, -1, 5, 6},
                               {"(B)", "", 1, -1, 6, 7},
                               {"ARTICLE 1", "DEFINITIONS", 1, -1, 7, 9},
                               {"Section 1.1", "Definitions", 2, 6, 9, 10},
                               {"(a)", "", 3, 7, 10, 11},
                               {"A", "", 4, 8, 11, 12},
                               {"1", "DEFINITIONS", 3, 7, 12, 13},
                           });
}

TEST(Segment, RejectsImplausibleNumbers) {
  Document doc = Doc(std::vector<std::string>{
      "1. Term",                                                                             // 0
      "The term starts on the Effective Date and ends as stated in the order form.",         // 1
      "2. Fees",                                                                             // 2
      "250 The price list has many items and is attached to this agreement for reference.",  // 3
      "3. Payment",                                                                          // 4
      "7",                                                                                   // 5
      "1. Year one fees are payable in advance.",                                            // 6
      "99. The Customer pays late fees on overdue amounts at the statutory rate.",           // 7
      "2026 was the first year of the term.",                                                // 8
      "4. Liability",                                                                        // 9
      "9. GENERAL",                                                                          // 10
  });
  // "9. GENERAL" is a jump too, but a number with a bare heading is a clause
  // even when items before it were lost.
  ExpectTree(Segment(doc), {
                               {"1", "Term", 1, -1, 0, 2},
                               {"2", "Fees", 1, -1, 2, 4},
                               {"3", "Payment", 1, -1, 4, 9},
                               {"4", "Liability", 1, -1, 9, 10},
                               {"9", "GENERAL", 1, -1, 10, 11},
                           });
}

TEST(Segment, KeepsSignatureBlocksInTheLastClause) {
  Document doc = Doc(std::vector<std::string>{
      "1. Notices. All notices shall be in writing and sent to the addresses below.",  // 0
      "IN WITNESS WHEREOF, the parties have executed this Agreement as of the date above.",
      "ACME CORPORATION",
      "By: ______________________",
      "Name: John Smith",
      "Title: Chief Executive Officer",
      "BETA LLC",
      "By: /s/ Jane Doe",
      "Jane Doe",
      "Chief Financial Officer",
      "甲方（盖章）：",
      "法定代表人：",
      "北京某某科技有限公司",
      "日期：2026年1月1日",
  });
  ExpectTree(Segment(doc), {{"1", "Notices", 1, -1, 0, 14}});
}

TEST(Segment, TakesNumbersFromBlockLabels) {
  std::vector<Block> blocks;
  blocks.push_back(Heading("Services Agreement", 1));                                       // 0
  blocks.push_back(Para("This Agreement is made between Acme Corp. and Beta LLC today."));  // 1
  blocks.push_back(Labelled("1.", "Definitions", BlockKind::kHeading));                     // 2
  blocks.push_back(Labelled("1.1", "\"Affiliate\" means a controlled entity."));            // 3
  blocks.push_back(Labelled("(a)", "directly; or"));                                        // 4
  blocks.push_back(Labelled("(b)", "indirectly."));                                         // 5
  blocks.push_back(Labelled("\xE2\x80\xA2", "a bullet is not a clause number"));            // 6
  blocks.push_back(Labelled("12.", "Liability"));                                           // 7
  blocks.push_back(Labelled("第十二条", "违约责任"));                                       // 8
  std::vector<Clause> clauses = Segment(Doc(std::move(blocks)));
  // Labels are taken as the source renders them: no plausibility check, so
  // "12." after "1." is a sibling.
  ExpectTree(clauses, {
                          {"", "", 1, -1, 0, 2},
                          {"1", "Definitions", 1, -1, 2, 3},
                          {"1.1", "", 2, 1, 3, 4},
                          {"(a)", "", 3, 2, 4, 5},
                          {"(b)", "", 3, 2, 5, 7},
                          {"12", "Liability", 1, -1, 7, 8},
                          {"第十二条", "违约责任", 2, 5, 8, 9},
                      });
  // The text is the blocks' text: it has no label to include.
  EXPECT_EQ(clauses[4].text, "indirectly.\na bullet is not a clause number");
  EXPECT_EQ(clauses[4].block_offsets, (std::vector<int>{0, 12}));
}

TEST(Segment, NestsByHeadingLevelsFromTheSource) {
  std::vector<Block> blocks;
  blocks.push_back(Para("This Agreement is made between Acme Corp. and Beta LLC today."));  // 0
  blocks.push_back(Heading("Payment", 1));                                                  // 1
  blocks.push_back(Labelled("1.", "Fees are due monthly in arrears."));                     // 2
  blocks.push_back(Heading("Invoices", 2));                                                 // 3
  blocks.push_back(Para("Invoices are sent by email to the Customer's finance team."));     // 4
  blocks.push_back(Heading("Liability", 1));                                                // 5
  ExpectTree(Segment(Doc(std::move(blocks))), {
                                                  {"", "", 1, -1, 0, 1},
                                                  {"", "Payment", 1, -1, 1, 2},
                                                  {"1", "", 2, 1, 2, 3},
                                                  {"", "Invoices", 2, 1, 3, 5},
                                                  {"", "Liability", 1, -1, 5, 6},
                                              });
}

TEST(Segment, ResetsToTopLevelAtSchedules) {
  Document doc = Doc(std::vector<std::string>{
      "1. Services",                                                   // 0
      "(a) The Supplier shall provide the Services in the Schedule.",  // 1
      "Schedule 1 Pricing",                                            // 2
      "1. Fees",                                                       // 3
      "The fees are set out in the table below and exclude VAT.",      // 4
      "EXHIBIT A",                                                     // 5
      "FORM OF ORDER",                                                 // 6
      "The order form shall be signed by both parties before use.",    // 7
  });
  ExpectTree(Segment(doc), {
                               {"1", "Services", 1, -1, 0, 1},
                               {"(a)", "", 2, 0, 1, 2},
                               {"Schedule 1", "Pricing", 1, -1, 2, 3},
                               {"1", "Fees", 2, 2, 3, 5},
                               {"EXHIBIT A", "FORM OF ORDER", 1, -1, 5, 8},
                           });
}

TEST(Segment, StartsClausesOnlyAtBodyBlocks) {
  std::vector<Block> blocks;
  blocks.push_back(Para("1. Scope. The Supplier shall deliver the Goods to the Site."));  // 0
  blocks.push_back(Para("1. Widgets", BlockKind::kTableCell));                            // 1
  blocks.push_back(Para("2. Gadgets", BlockKind::kTableCell));                            // 2
  blocks.push_back(Para("2. Confidential", BlockKind::kFooter));                          // 3
  blocks.push_back(Para("2. Price. The price is fixed for the term of the Agreement."));  // 4
  ExpectTree(Segment(Doc(std::move(blocks))), {
                                                  {"1", "Scope", 1, -1, 0, 4},
                                                  {"2", "Price", 1, -1, 4, 5},
                                              });
}

TEST(Segment, IgnoresRunningHeadersAndTablesOfContents) {
  Document doc = Doc(std::vector<std::string>{
      "SUPPLY AGREEMENT",                                                            // 0
      "TABLE OF CONTENTS",                                                           // 1
      "1. Definitions ........ 1",                                                   // 2
      "2. Supply 3",                                                                 // 3
      "3. Price 5",                                                                  // 4
      "This Supply Agreement is made between Acme Corp. and Beta LLC on 1 May.",     // 5
      "1. Definitions",                                                              // 6
      "In this Agreement the following words have the meanings set out below.",      // 7
      "ACME - BETA SUPPLY",                                                          // 8
      "The definitions apply to the whole of this Agreement and its schedules.",     // 9
      "2. Supply",                                                                   // 10
      "ACME - BETA SUPPLY",                                                          // 11
      "The Supplier shall supply the Products ordered by the Customer in writing.",  // 12
      "3. Price",                                                                    // 13
      "ACME - BETA SUPPLY",                                                          // 14
      "The price of the Products is set out in the price list in force.",            // 15
  });
  ExpectTree(Segment(doc), {
                               {"", "", 1, -1, 0, 6},
                               {"1", "Definitions", 1, -1, 6, 10},
                               {"2", "Supply", 1, -1, 10, 13},
                               {"3", "Price", 1, -1, 13, 16},
                           });
}

TEST(Segment, ExtractsHeadingsInTheirCommonShapes) {
  Document doc = Doc(std::vector<std::string>{
      "1. Limitation of Liability",
      "1.1 Limitation of Liability. The Customer shall not be liable for indirect loss.",
      "1.2 The Supplier shall deliver the Goods to the Site.",
      "1.3 U.S. Export Controls. Each party shall comply with export laws.",
      "1.4 LOCATION OF WORK:",
      "2.     PRODUCT DESIGN   During the term the Consultant shall give design advice.",
      "3.   APPOINTMENT.      -----------",
      "Section 4. Term. This Agreement starts on the Effective Date.",
      "第五条 违约责任",
      "第六条 违约责任：甲方逾期付款的，应支付违约金。",
      "第七条【保密】双方应对本合同内容保密。",
      "第八条\xE3\x80\x80不可抗力\xE3\x80\x80因不可抗力不能履行合同的，不承担责任。",
      "九、合同标的",
      "十、甲方应于2026年1月1日前支付全部货款。",
      "（一）该房屋不动产权证书编号为：沪2019第001号。",
      "（二）日常运维：对数据中台进行全天候监控。",
      "（三）货物明细如下：",
      "第二章　总　则",
      "Schedule 4 - Form of Statement of Work and Change Control Procedure",
  });
  std::vector<Clause> clauses = Segment(doc);
  std::vector<std::string> headings;
  for (const Clause& c : clauses) headings.push_back(c.heading);
  EXPECT_EQ(headings,
            (std::vector<std::string>{"Limitation of Liability", "Limitation of Liability", "",
                                      "U.S. Export Controls", "LOCATION OF WORK", "PRODUCT DESIGN",
                                      "APPOINTMENT", "Term", "违约责任", "违约责任", "保密",
                                      "不可抗力", "合同标的", "", "", "日常运维", "", "总则",
                                      "Form of Statement of Work and Change Control Procedure"}));
}

TEST(Segment, ScalesLinearlyToLargeDocuments) {
  // 500 articles of 100 sections, each with a body paragraph: 100,500 blocks.
  std::vector<Block> blocks;
  blocks.reserve(100500);
  for (int a = 1; a <= 500; ++a) {
    blocks.push_back(Para(std::to_string(a) + ". Article heading"));
    for (int s = 1; s <= 100; ++s) {
      blocks.push_back(Para(std::to_string(a) + "." + std::to_string(s) +
                            " The Supplier shall perform this obligation diligently."));
      blocks.push_back(Para("This paragraph explains the obligation in plain words."));
    }
  }
  std::vector<Clause> clauses = Segment(Doc(std::move(blocks)));
  ASSERT_EQ(clauses.size(), 50500u);
  EXPECT_EQ(clauses.back().number, "500.100");
  EXPECT_EQ(clauses.back().parent, 50500 - 101);
  EXPECT_EQ(clauses.back().level, 2);
  EXPECT_EQ(clauses.back().end_block, 100500);
}

}  // namespace
}  // namespace clausecheck::analyzer
