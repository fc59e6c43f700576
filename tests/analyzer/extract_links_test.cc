// Facts that need the whole contract: defined terms and their uses,
// cross-references resolved to clauses, parties' mentions, arbitration
// details from sibling sub-clauses, and the default day/month order.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <string>
#include <vector>

#include "analyzer/extract.h"
#include "analyzer/segment.h"
#include "tests/analyzer/lines.h"

namespace clausecheck::analyzer {
namespace {

struct Contract {
  std::vector<Clause> clauses;
  std::vector<Fact> facts;

  std::string IdOf(const std::string& number) const {
    for (const Clause& c : clauses) {
      if (c.number == number) return c.id;
    }
    return "?";
  }
  std::vector<Fact> Of(FactType t) const {
    std::vector<Fact> out;
    for (const Fact& f : facts) {
      if (f.type == t) out.push_back(f);
    }
    return out;
  }
};

// One paragraph a line, segmented as the review segments them.
Contract Read(const std::vector<std::string>& lines, const std::string& language = "en",
              DateOrder order = DateOrder::kAuto) {
  Document d = Lines(lines);
  Contract c;
  c.clauses = Segment(d);
  c.facts = ExtractFacts(d, c.clauses, ExtractOptions{language, order});
  return c;
}

const std::vector<std::string> kEnglish = {
    "SERVICES AGREEMENT",
    "This Agreement is made by and between Acme Corp., a Delaware corporation (\"Acme\"), and "
    "Beta LLC (\"Beta\") (each a \"Party\" and together the \"Parties\").",
    "1. Definitions",
    "1.1 \"Affiliate\" means any entity that controls a Party.",
    "1.2 \"Services\" means the services described in Section 3.",
    "2. Term",
    "2.1 This Agreement starts on the Effective Date. Beta may terminate under Section 5(b).",
    "3. Services",
    "Acme shall provide the Services to Beta and its Affiliates. See Sections 2.1 and 9.",
    "4. Liability",
    "Section 365 of the Bankruptcy Code and 11 U.S.C. § 101 apply. Subject to Article 4.",
    "5. Termination",
    "(a) Either Party may terminate for breach.",
    "(b) Beta may terminate for convenience.",
    "6. Disputes",
    "6.1 Disputes shall be finally resolved by arbitration administered by the HKIAC.",
    "6.2 The language of the arbitration shall be English and the tribunal shall consist of "
    "three (3) arbitrators.",
    "6.3 This Agreement is governed by the laws of England and Wales. Dated 01/02/2026.",
};

TEST(ExtractLinks, DefinedTermsAndTheirUses) {
  Contract c = Read(kEnglish);
  auto terms = c.Of(FactType::kDefinedTerm);
  std::vector<std::string> names;
  for (const Fact& f : terms) names.push_back(*f.value);
  EXPECT_EQ(names, (std::vector<std::string>{"Acme", "Beta", "Party", "Parties", "Affiliate",
                                             "Services"}));
  auto uses = [&](const std::string& term) {
    for (const Fact& f : terms) {
      if (*f.value == term) return f.uses;
    }
    return -1;
  };
  // Uses count every whole-word occurrence outside the definition itself,
  // the party's full name included.
  EXPECT_EQ(uses("Acme"), 2);
  EXPECT_EQ(uses("Beta"), 4);
  EXPECT_EQ(uses("Party"), 2);      // "Parties" is a word of its own
  EXPECT_EQ(uses("Affiliate"), 1);  // "Affiliates", its plural, when it has no other use
  EXPECT_EQ(uses("Services"), 2);   // the heading "3. Services" and the text
  EXPECT_EQ(terms[4].text, "\"Affiliate\"");
  EXPECT_EQ(terms[4].clause_id, c.IdOf("1.1"));
}

// A term defined with its plural ("Customer(s)") or as alternatives ("Bonus
// or Bonuses") is used when any of its forms is; its definition is no use.
TEST(ExtractLinks, TermsWithPluralOrAlternativeForms) {
  Contract c =
      Read({"Terms", "1. Definitions", "\"Customer(s)\" means the buyers.",
            "\"Bonus or Bonuses\" means the extra payments.", "\"Region(s)\" means the areas.",
            "2. Sales", "Each Customer pays. Customers pay promptly. Bonuses are paid yearly."});
  std::map<std::string, int> uses;
  for (const Fact& f : c.Of(FactType::kDefinedTerm)) uses[*f.value] = f.uses;
  EXPECT_EQ(uses, (std::map<std::string, int>{
                      {"Customer(s)", 2}, {"Bonus or Bonuses", 1}, {"Region(s)", 0}}));
}

// A term defined in the singular is used in the plural; one defined in
// capitals is used in any case. Neither counts a longer word.
TEST(ExtractLinks, TermsUsedInThePluralOrInAnotherCase) {
  Contract c = Read({"Terms", "1. Definitions", "\"Sub-Contractor\" means a firm engaged.",
                     "\"Authority\" means a regulator.", "\"CLIENT LICENSE\" means a seat.",
                     "\"Region\" means an area.", "\"Fee\" means the charge.", "2. Sales",
                     "Sub-Contractors and Authorities comply. Each Client License and two Client "
                     "Licenses are sold. Regional offices pay no Feedback."});
  std::map<std::string, int> uses;
  for (const Fact& f : c.Of(FactType::kDefinedTerm)) uses[*f.value] = f.uses;
  EXPECT_EQ(uses, (std::map<std::string, int>{{"Sub-Contractor", 1},
                                              {"Authority", 1},
                                              {"CLIENT LICENSE", 2},
                                              {"Region", 0},
                                              {"Fee", 0}}));
}

// Uses are counted over all clause texts at once: a use that opens the first
// clause or closes one counts, a longer word never does.
TEST(ExtractLinks, TermUsesAtTheEdgesOfClauses) {
  Contract c =
      Read({"Widget Supply Terms", "1. Definitions", "\"Widget\" means a widget.", "2. Supply",
            "The buyer takes each Widget", "3. Sale",
            "Widgets and WidgetWidget are no uses; Widget_1 neither.", "4. End", "Widget"});
  auto terms = c.Of(FactType::kDefinedTerm);
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(*terms[0].value, "Widget");
  EXPECT_EQ(terms[0].uses, 3);
}

// `lines`, with the blocks given as {block, table, row, column} made table
// cells, as the DOCX, ODT and HTML parsers give them.
Contract ReadWithTables(const std::vector<std::string>& lines,
                        const std::vector<std::array<int, 4>>& cells,
                        const std::string& language = "en") {
  Document d = Lines(lines);
  for (auto [block, table, row, column] : cells) {
    Block& b = d.blocks[block];
    b.kind = BlockKind::kTableCell;
    b.source.table = table;
    b.source.row = row;
    b.source.column = column;
  }
  Contract c;
  c.clauses = Segment(d);
  c.facts = ExtractFacts(d, c.clauses, ExtractOptions{language, DateOrder::kAuto});
  return c;
}

std::vector<std::string> Values(const std::vector<Fact>& facts) {
  std::vector<std::string> out;
  for (const Fact& f : facts) out.push_back(f.value.value_or("?"));
  return out;
}

TEST(ExtractLinks, TermsDefinedByTheRowsOfATable) {
  // A table with a "Term" header defines its first column; a table under a
  // "Definitions" heading does too; elsewhere a row defines only when its
  // second cell says "means". A fee table's labels are not definitions, nor
  // is a sentence, a lower-case phrase or a cell with no second cell.
  Contract c = ReadWithTables(
      {"LICENCE AGREEMENT",                                                         // 0
       "1. Interpretation",                                                         // 1
       "Term",                                                                      // 2  t0 header
       "Meaning",                                                                   // 3
       "Licensed Software",                                                         // 4
       "the software listed in Schedule 1",                                         // 5
       "\u201cTerritory\u201d:",                                                    // 6
       "the People's Republic of China",                                            // 7
       "2. Licence",                                                                // 8
       "Licensor grants a licence to use the Licensed Software in the Territory.",  // 9
       "Support Fee",                                // 10 t1: fees, no header
       "USD 1,000 per month",                        // 11
       "Deliverables",                               // 12
       "means the reports described in Schedule 2",  // 13
       "The Customer shall pay promptly.",           // 14
       "within 30 days",                             // 15
       "qualified staff",                            // 16
       "means staff with a degree",                  // 17
       "Orphan Term"},                               // 18 t1, no second cell
      {{2, 0, 0, 0},
       {3, 0, 0, 1},
       {4, 0, 1, 0},
       {5, 0, 1, 1},
       {6, 0, 2, 0},
       {7, 0, 2, 1},
       {10, 1, 0, 0},
       {11, 1, 0, 1},
       {12, 1, 1, 0},
       {13, 1, 1, 1},
       {14, 1, 2, 0},
       {15, 1, 2, 1},
       {16, 1, 3, 0},
       {17, 1, 3, 1},
       {18, 1, 4, 0}});
  auto terms = c.Of(FactType::kDefinedTerm);
  EXPECT_EQ(Values(terms),
            (std::vector<std::string>{"Licensed Software", "Territory", "Deliverables"}));
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(terms[0].text, "Licensed Software");
  EXPECT_EQ(terms[0].location->block, 4);
  EXPECT_EQ(terms[0].location->start, 0);
  EXPECT_EQ(terms[0].location->end, 17);
  EXPECT_EQ(terms[0].uses, 1);
  EXPECT_EQ(terms[1].text, "\u201cTerritory\u201d:");
  EXPECT_EQ(terms[1].uses, 1);
  EXPECT_EQ(terms[2].location->block, 12);
}

TEST(ExtractLinks, ChineseTermsDefinedByTheRowsOfATable) {
  Contract c = ReadWithTables(
      {"技术服务合同", "第一条 释义", "甲方", "指委托方北京某某科技有限公司", "服务成果",
       "指乙方依本合同交付的报告", "第二条 费用", "服务费", "人民币十万元"},
      {{2, 0, 0, 0}, {3, 0, 0, 1}, {4, 0, 1, 0}, {5, 0, 1, 1}, {7, 1, 0, 0}, {8, 1, 0, 1}}, "zh");
  EXPECT_EQ(Values(c.Of(FactType::kDefinedTerm)), (std::vector<std::string>{"甲方", "服务成果"}));
  // A "序号" column before the terms; a first cell spanning two grid columns
  // (the next cell's column is 2, as the DOCX parser counts gridSpan). A
  // second cell that is not the first cell's meaning ("序号" | "1") is not.
  Contract numbered =
      ReadWithTables({"采购合同", "序号", "词语", "释义", "1", "买方", "指甲公司", "2", "货物",
                      "指附件一所列设备", "第二条 价格", "交货期", "合同签订后三十日内"},
                     {{1, 0, 0, 0},
                      {2, 0, 0, 1},
                      {3, 0, 0, 2},
                      {4, 0, 1, 0},
                      {5, 0, 1, 1},
                      {6, 0, 1, 2},
                      {7, 0, 2, 0},
                      {8, 0, 2, 1},
                      {9, 0, 2, 2},
                      {11, 1, 0, 0},
                      {12, 1, 0, 2}},
                     "zh");
  EXPECT_EQ(Values(numbered.Of(FactType::kDefinedTerm)),
            (std::vector<std::string>{"买方", "货物"}));
}

TEST(ExtractLinks, CrossReferencesResolveToClauses) {
  Contract c = Read(kEnglish);
  auto refs = c.Of(FactType::kReference);
  ASSERT_EQ(refs.size(), 5u);
  EXPECT_EQ(*refs[0].value, "3");
  EXPECT_EQ(refs[0].target, c.IdOf("3"));
  EXPECT_EQ(refs[0].text, "Section 3");
  EXPECT_EQ(*refs[1].value, "5(b)");
  EXPECT_EQ(refs[1].target, c.IdOf("(b)"));
  EXPECT_EQ(*refs[2].value, "2.1");
  EXPECT_EQ(refs[2].target, c.IdOf("2.1"));
  EXPECT_EQ(refs[2].text, "Sections 2.1");
  EXPECT_EQ(*refs[3].value, "9");  // no clause 9: kept, unresolved
  EXPECT_EQ(refs[3].target, "");
  EXPECT_EQ(refs[3].text, "9");
  // The Bankruptcy Code's and the U.S. Code's sections are not this contract's.
  EXPECT_EQ(*refs[4].value, "4");
  EXPECT_EQ(refs[4].target, c.IdOf("4"));
}

TEST(ExtractLinks, ReferencesToAClauseKnownByItsSubClauses) {
  // Article 12's heading ran into the paragraph before it (text converted
  // from PDF), so only 12.1 and 12.2 are clauses: "Article 12" is there.
  // Clause 10.1 does not make a clause 1, nor does 12.1 make a 13.
  Contract c = Read({"SUPPLY AGREEMENT", "10.1 Fees. The Buyer shall pay the Fees. 12. INDEMNITIES",
                     "12.1 By the Supplier. The Supplier shall indemnify the Buyer.",
                     "12.2 Procedure. Claims under Article 12 follow this Section 12.2.",
                     "12.3 Other. See Article 13 and Section 1."});
  auto refs = c.Of(FactType::kReference);
  ASSERT_EQ(refs.size(), 4u);
  EXPECT_EQ(*refs[0].value, "12");
  EXPECT_EQ(refs[0].target, c.IdOf("12.1"));
  EXPECT_EQ(refs[1].target, c.IdOf("12.2"));
  EXPECT_EQ(*refs[2].value, "13");
  EXPECT_EQ(refs[2].target, "");
  EXPECT_EQ(*refs[3].value, "1");
  EXPECT_EQ(refs[3].target, "");
}

TEST(ExtractLinks, OtherInstrumentsSectionsAreNotReferences) {
  // Statutes, regulations and other agreements number their sections too;
  // only the contract's own are references. A list's next item or a title in
  // brackets is not a number: the C of "Clause", "(EULA)".
  Contract c = Read({
      "SUPPLY AGREEMENT",
      "1. Definitions",
      "1.1 \"Plan\" is as in Section 4975 of the Code and Section 10(a) of the 1933 Act.",
      "1.2 \"Phase I\" is as in 21 CFR § 312.21(b) and the Code of Federal Regulations, "
      "Section 314.81(b)(2).",
      "2. Supply",
      "2.1 Supply follows Section 9.02(c)(iii) thereof, DFAR Section 227.7202 and subsections "
      "306(a) or (b) of the Federal Food, Drug, and Cosmetic Act, and Section 101(35 A) of the "
      "Bankruptcy Code.",
      "2.2 A breach of Clause 2.1 (EULA), Clause 1.2 (a) or Section 1.1(c)(ii); see Sections 2 "
      "and 3 of this Agreement.",
      "3. Law",
  });
  auto refs = c.Of(FactType::kReference);
  std::vector<std::string> values;
  for (const Fact& f : refs) values.push_back(*f.value);
  EXPECT_EQ(values, (std::vector<std::string>{"2.1", "1.2(a)", "1.1(c)(ii)", "2", "3"}));
  ASSERT_EQ(refs.size(), 5u);
  EXPECT_EQ(refs[0].text, "Clause 2.1");
  EXPECT_EQ(refs[0].target, c.IdOf("2.1"));
  EXPECT_EQ(refs[1].text, "Clause 1.2 (a)");
  EXPECT_EQ(refs[1].target, "");  // 1.2 has no "(a)"
  EXPECT_EQ(refs[4].target, c.IdOf("3"));
}

TEST(ExtractLinks, ChineseCrossReferences) {
  Contract c =
      Read({"买卖合同", "第一条 标的", "乙方向甲方出售货物。", "第二条 价款",
            "1. 总价为人民币壹拾万元整。", "2. 甲方按第一条约定的标的付款。", "第三条 违约责任",
            "违反本合同第二条第二款、第五条或《民法典》第五百零六条的，按第3.1条处理。"},
           "zh");
  auto refs = c.Of(FactType::kReference);
  ASSERT_EQ(refs.size(), 4u);
  EXPECT_EQ(*refs[0].value, "1");
  EXPECT_EQ(refs[0].target, c.IdOf("第一条"));
  EXPECT_EQ(*refs[1].value, "2/2");
  EXPECT_EQ(refs[1].text, "本合同第二条第二款");
  ASSERT_NE(refs[1].target, "");
  EXPECT_EQ(refs[1].target, c.IdOf("2"));  // the paragraph numbered 2 of 第二条
  EXPECT_EQ(*refs[2].value, "5");
  EXPECT_EQ(refs[2].target, "");
  EXPECT_EQ(*refs[3].value, "3.1");  // 《民法典》第五百零六条 is the law's, not ours
  EXPECT_EQ(refs[3].target, "");
}

TEST(ExtractLinks, PartiesAreFollowedThroughTheContract) {
  Contract c = Read(kEnglish);
  auto parties = c.Of(FactType::kParty);
  ASSERT_EQ(parties.size(), 2u);
  EXPECT_EQ(*parties[0].value, "Acme Corp.");
  EXPECT_EQ(parties[0].mentions,
            (std::vector<std::string>{c.clauses[0].id, c.IdOf("3")}));  // preamble, Services
  EXPECT_EQ(*parties[1].value, "Beta LLC");
  EXPECT_EQ(parties[1].mentions,
            (std::vector<std::string>{c.clauses[0].id, c.IdOf("2.1"), c.IdOf("3"), c.IdOf("(b)")}));
}

// Mentions are found over all clause texts at once: a name that opens or
// closes a clause's text marks that clause, and only once; a longer word
// ("Betamax") is no mention.
TEST(ExtractLinks, PartyMentionsAtTheEdgesOfClauses) {
  Contract c =
      Read({"This Agreement is made between Acme Corp. (\"Acme\") and Beta LLC (\"Beta\").",
            "1. Supply", "The goods go to Beta", "2. Price", "Betamax tapes cost nothing.",
            "3. Acme", "Acme pays Acme", "4. End", "Beta"});
  auto parties = c.Of(FactType::kParty);
  ASSERT_EQ(parties.size(), 2u);
  EXPECT_EQ(*parties[0].value, "Acme Corp.");
  EXPECT_EQ(parties[0].mentions, (std::vector<std::string>{c.clauses[0].id, c.IdOf("3")}));
  EXPECT_EQ(*parties[1].value, "Beta LLC");
  EXPECT_EQ(parties[1].mentions,
            (std::vector<std::string>{c.clauses[0].id, c.IdOf("1"), c.IdOf("4")}));
}

TEST(ExtractLinks, SignatureBlocksNameOnlyNewParties) {
  std::vector<std::string> lines = kEnglish;
  for (const char* l :
       {"IN WITNESS WHEREOF, the Parties have signed this Agreement.", "ACME CORP.",
        "By: ______________", "Name: Jane Doe", "LICENSOR: Gamma Holdings Ltd.",
        "By: ______________", "SIGNATURES", "By: ______________", "CUSTOMER", "By: ______________",
        "Signed for and on behalf of BETA LLC", "By: ______________"}) {
    lines.push_back(l);
  }
  Contract c = Read(lines);
  auto parties = c.Of(FactType::kParty);
  // ACME CORP. and BETA LLC are Acme Corp. and Beta LLC again; SIGNATURES and
  // CUSTOMER are not names.
  ASSERT_EQ(parties.size(), 3u);
  EXPECT_EQ(*parties[2].value, "Gamma Holdings Ltd.");
  EXPECT_EQ(parties[2].role, "Licensor");
  EXPECT_EQ(parties[2].text, "Gamma Holdings Ltd.");

  Contract zh =
      Read({"采购合同", "甲方：上海恒岳精密机械有限公司", "第一条 标的", "乙方供货。",
            "甲方（盖章）：上海恒岳精密机械有限公司", "乙方（盖章）：苏州新澜电气设备有限公司"},
           "zh");
  auto zp = zh.Of(FactType::kParty);
  ASSERT_EQ(zp.size(), 2u);
  EXPECT_EQ(*zp[1].value, "苏州新澜电气设备有限公司");
  EXPECT_EQ(zp[1].short_name, "乙方");
}

TEST(ExtractLinks, ArbitrationDetailsFromSiblingSubClauses) {
  Contract c = Read(kEnglish);
  auto forums = c.Of(FactType::kForum);
  ASSERT_EQ(forums.size(), 1u);  // 6.2's "the arbitration" is the same forum
  EXPECT_EQ(*forums[0].value, "Hong Kong International Arbitration Centre");
  EXPECT_EQ(forums[0].clause_id, c.IdOf("6.1"));
  EXPECT_EQ(forums[0].language, "English");
  EXPECT_EQ(forums[0].arbitrators, 3);
}

TEST(ExtractLinks, ChineseArbitrationDetails) {
  Contract c = Read(
      {"第十条 争议解决", "因本合同引起的争议，提交中国国际经济贸易仲裁委员会仲裁，仲裁地为北京。",
       "仲裁语言为中文，仲裁庭由独任仲裁员组成。"},
      "zh");
  auto forums = c.Of(FactType::kForum);
  ASSERT_EQ(forums.size(), 1u);
  EXPECT_EQ(forums[0].language, "Chinese");
  EXPECT_EQ(forums[0].arbitrators, 1);
  EXPECT_EQ(forums[0].seat, "北京");
}

TEST(ExtractLinks, DayAndMonthOrderFollowTheGoverningLaw) {
  // English law: day first.
  auto english = Read(kEnglish).Of(FactType::kDate);
  ASSERT_EQ(english.size(), 1u);
  EXPECT_EQ(*english[0].value, "2026-02-01");
  EXPECT_TRUE(english[0].ambiguous);
  // New York law: month first.
  std::vector<std::string> ny = kEnglish;
  ny.back() =
      "6.3 This Agreement is governed by the laws of the State of New York. Dated "
      "01/02/2026.";
  auto us = Read(ny).Of(FactType::kDate);
  EXPECT_EQ(*us[0].value, "2026-01-02");
  EXPECT_TRUE(us[0].ambiguous);
  // No law named: month first in English, day first in Chinese.
  EXPECT_EQ(*Read({"Dated 01/02/2026."}).Of(FactType::kDate)[0].value, "2026-01-02");
  EXPECT_EQ(*Read({"签订日期：01/02/2026"}, "zh").Of(FactType::kDate)[0].value, "2026-02-01");
  // The option overrides it and the date is no longer a guess.
  auto given = Read(kEnglish, "en", DateOrder::kMonthFirst).Of(FactType::kDate);
  EXPECT_EQ(*given[0].value, "2026-01-02");
  EXPECT_FALSE(given[0].ambiguous);
}

TEST(ExtractLinks, RelativeDatesResolveAcrossClauses) {
  Contract c = Read({"1. Term", "This Agreement is effective as of March 31, 2026.", "2. Fees",
                     "Fees are due three (3) months after the Effective Date."});
  auto dates = c.Of(FactType::kDate);
  ASSERT_EQ(dates.size(), 2u);
  ASSERT_TRUE(dates[1].relative.has_value());
  EXPECT_EQ(*dates[1].value, "2026-06-30");
  EXPECT_EQ(dates[1].clause_id, c.IdOf("2"));
}

}  // namespace
}  // namespace clausecheck::analyzer
