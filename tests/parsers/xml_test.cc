#include "parsers/xml.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace clausecheck::parsers {
namespace {

namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  const fs::path p = fs::path(CLAUSECHECK_SOURCE_DIR) / "tests/parsers/fixtures/xml" / name;
  std::ifstream in(p, std::ios::binary);
  EXPECT_TRUE(in) << p;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Want {
  BlockKind kind;
  std::string label;
  std::string text;
  std::string part;
  int line;
  int heading_level = 0;
};

void ExpectBlocks(const Document& doc, const std::vector<Want>& want) {
  ASSERT_EQ(doc.blocks.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const Block& b = doc.blocks[i];
    SCOPED_TRACE("block " + std::to_string(i) + ": " + b.text);
    EXPECT_EQ(Name(b.kind), Name(want[i].kind));
    EXPECT_EQ(b.label, want[i].label);
    EXPECT_EQ(b.text, want[i].text);
    EXPECT_EQ(b.source.part, want[i].part);
    EXPECT_EQ(b.source.line, want[i].line);
    EXPECT_EQ(b.source.index, static_cast<int>(i));
    EXPECT_EQ(b.heading_level, want[i].heading_level);
  }
}

Result<Document> Xml(std::string_view bytes, const XmlOptions& options = {}) {
  return ParseXml(bytes, "t.xml", options);
}

constexpr BlockKind kP = BlockKind::kParagraph;
constexpr BlockKind kH = BlockKind::kHeading;
constexpr BlockKind kLi = BlockKind::kListItem;
constexpr BlockKind kCell = BlockKind::kTableCell;

// --- generic XML ---------------------------------------------------------------

TEST(GenericXml, MixedContentNumbersTablesAndUnknownElements) {
  Result<Document> r = ParseXml(Fixture("generic.xml"), "in/generic.xml", {});
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const Document& d = r.value();
  EXPECT_EQ(d.path, "in/generic.xml");
  EXPECT_EQ(d.format, Format::kXml);
  EXPECT_EQ(d.encoding, "UTF-8");
  ExpectBlocks(
      d,
      {
          {kH, "", "Master Services Agreement", "/contract/title[1]", 4, 1},
          {kP, "", "This Agreement is made between Acme Ltd and Beta Corp.", "/contract/parties[1]",
           5},
          {kH, "1", "Definitions", "/contract/section[1]/heading[1]", 8, 2},
          // &#160; reads as a space, &quot; &amp; decoded, inline elements keep spacing.
          {kP, "",
           "In this Agreement, \"Services\" means the services in Schedule 1 & its annexes.",
           "/contract/section[1]/para[1]", 9},
          {kP, "1.1", "The Supplier shall not subcontract.",
           "/contract/section[1]/clause[1]/text[1]", 13},
          {kP, "", "Fees are <net> of tax.", "/contract/section[1]/clause[1]/text[2]", 14},
          {kH, "2", "Payment", "/contract/section[2]/heading[1]", 18, 2},
          {kP, "2.1", "Invoices are payable within 30 days.", "/contract/section[2]/clause[1]", 19},
          {kLi, "(a)", "by bank transfer;", "/contract/section[2]/list[1]/item[1]", 21},
          {kLi, "", "by cheque.", "/contract/section[2]/list[1]/item[2]", 22},
          {kCell, "", "Fee", "/contract/table[1]/row[1]/cell[1]", 26},
          // Paragraphs inside a cell are joined with a space.
          {kCell, "", "100 EUR", "/contract/table[1]/row[1]/cell[2]", 26},
          {kCell, "", "Term", "/contract/table[1]/row[2]/cell[1]", 27},
          {kCell, "", "12 months", "/contract/table[1]/row[2]/cell[2]", 27},
          {kP, "", "Signed: Acme Ltd", "/contract/signatures[1]/sig[1]", 29},
          {kP, "", "Signed: Beta Corp", "/contract/signatures[1]/sig[2]", 29},
      });
  const SourceRef& cell = d.blocks[13].source;
  EXPECT_EQ(cell.table, 0);
  EXPECT_EQ(cell.row, 1);
  EXPECT_EQ(cell.column, 1);
  EXPECT_EQ(d.blocks[0].source.table, -1);
}

TEST(GenericXml, IdsBecomeThePartAndNestingGivesHeadingLevels) {
  Result<Document> r = Xml(R"(<doc>
<chapter number="I"><title>General</title>
  <section num="1"><title>Scope</title>
    <section num="1.1"><title>Goods</title><p xml:id="g1">Goods are <b>sold</b>.</p></section>
  </section>
</chapter>
<p id="end">Done<lb/>here.</p>
</doc>)");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ExpectBlocks(r.value(),
               {
                   {kH, "I", "General", "/doc/chapter[1]/title[1]", 2, 1},
                   {kH, "1", "Scope", "/doc/chapter[1]/section[1]/title[1]", 3, 2},
                   {kH, "1.1", "Goods", "/doc/chapter[1]/section[1]/section[1]/title[1]", 4, 3},
                   {kP, "", "Goods are sold.", "g1", 4},
                   {kP, "", "Done here.", "end", 7},
               });
}

TEST(GenericXml, ParagraphWithNumberChildAndNestedList) {
  Result<Document> r = Xml(
      "<c><para><num>3.</num> The Buyer shall:<list><item>pay;</item><item>collect.</item></list>"
      "failing which the Seller may resell.</para></c>");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ExpectBlocks(r.value(), {
                              {kP, "3.", "The Buyer shall:", "/c/para[1]", 1},
                              {kLi, "", "pay;", "/c/para[1]/list[1]/item[1]", 1},
                              {kLi, "", "collect.", "/c/para[1]/list[1]/item[2]", 1},
                              {kP, "", "failing which the Seller may resell.", "/c/para[1]", 1},
                          });
}

TEST(GenericXml, TitleAttributeIsAHeadingAndMetadataIsSkipped) {
  Result<Document> r =
      Xml("<contract>\n<metadata><author>J. Smith</author></metadata>\n"
          "<section number=\"5\" title=\"Termination\">\n"
          "<clause num=\"5.1\">Either party may terminate.</clause></section></contract>");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ExpectBlocks(r.value(),
               {
                   {kH, "5", "Termination", "/contract/section[1]", 3, 1},
                   {kP, "5.1", "Either party may terminate.", "/contract/section[1]/clause[1]", 4},
               });
}

TEST(GenericXml, XhtmlIsReadWithHtmlRules) {
  Result<Document> r =
      Xml("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title>"
          "<script>evil()</script></head><body><h2>Terms</h2><ol><li>One</li></ol></body></html>");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ExpectBlocks(r.value(), {
                              {kH, "", "Terms", "/html/body[1]/h2[1]", 1, 2},
                              {kLi, "1.", "One", "/html/body[1]/ol[1]/li[1]", 1},
                          });
}

TEST(GenericXml, ParsesConcurrently) {
  const std::string xml = Fixture("generic.xml");
  const std::string bad = Fixture("attack-xxe.xml");
  std::vector<std::thread> threads;
  std::atomic<int> good{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        Result<Document> a = Xml(xml);
        Result<Document> b = Xml(bad);
        Result<Document> c = ParseHtml("<p>x</p><ol><li>y</li></ol>", "h.html");
        if (a.ok() && a.value().blocks.size() == 16 && !b.ok() &&
            b.error().code == ErrorCode::kUnsupported && c.ok() && c.value().blocks.size() == 2) {
          ++good;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(good.load(), 400);
}

TEST(GenericXml, NumbersAreUsedOnceAndItemsWrappingParagraphsStayListItems) {
  Result<Document> r =
      Xml("<c><section num=\"1\"><para num=\"1.1\">One.</para><para>Two.</para></section>"
          "<list><item><p>Alpha</p></item><item num=\"(b)\"/></list><p>After.</p></c>");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ExpectBlocks(r.value(), {
                              {kP, "1.1", "One.", "/c/section[1]/para[1]", 1},
                              {kP, "", "Two.", "/c/section[1]/para[2]", 1},
                              {kLi, "", "Alpha", "/c/list[1]/item[1]/p[1]", 1},
                              {kP, "", "After.", "/c/p[1]", 1},
                          });
}

TEST(GenericXml, TitleInRunningTextIsInlineAndLeadingTitleIsAHeading) {
  Result<Document> r =
      Xml("<c><item><title>Fees</title>Paid monthly.</item>"
          "<p>As defined in <title>the Sale of Goods Act</title>, goods are movable.</p></c>");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ExpectBlocks(r.value(), {
                              {kH, "", "Fees", "/c/item[1]/title[1]", 1, 1},
                              {kLi, "", "Paid monthly.", "/c/item[1]", 1},
                              {kP, "", "As defined in the Sale of Goods Act, goods are movable.",
                               "/c/p[1]", 1},
                          });
}

TEST(GenericXml, LineBreaksBetweenChineseCharactersAreNotSpaces) {
  Result<Document> r =
      Xml("<合同><条款 编号=\"1\"><内容>甲方应于\n    三十日内付款，\n  "
          "and pay in EUR。</内容></条款></合同>");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(r.value().blocks.size(), 1u);
  EXPECT_EQ(r.value().blocks[0].text, "甲方应于三十日内付款， and pay in EUR。");
  EXPECT_EQ(r.value().blocks[0].source.part, "/合同/条款[1]/内容[1]");
}

TEST(GenericXml, UndeclaredEntityUnderExternalDtdIsReadAsHtmlEntity) {
  // The DTD is never loaded; &nbsp; stays a reference and reads as a space.
  Result<Document> r = Xml(Fixture("attack-external-dtd.xml"));
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ExpectBlocks(r.value(), {{kP, "", "Terms apply here.", "/contract/p[1]", 3}});
}

// --- Akoma Ntoso ---------------------------------------------------------------

TEST(AkomaNtoso, ActHierarchyWithNumsHeadingsAndEids) {
  Result<Document> r = ParseXml(Fixture("akn_act.xml"), "act.xml", {});
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const std::string conclusions = "/akomaNtoso/act[1]/conclusions[1]";
  ExpectBlocks(r.value(),
               {
                   {kP, "", "An Act to regulate Commercial Supply Contracts and related matters.",
                    "longTitle", 20},
                   {kP, "", "Act No. 12 of 2026", "/akomaNtoso/act[1]/preface[1]/p[1]", 22},
                   {kP, "", "BE IT ENACTED by the Parliament as follows:", "formula_1", 26},
                   {kH, "Chapter I", "General provisions", "chp_1", 32, 1},
                   {kH, "Article 1", "Scope", "chp_1__art_1", 35, 2},
                   {kP, "1.", "This Act applies to contracts for the supply of goods.",
                    "chp_1__art_1__para_1", 39},
                   {kP, "2.", "It does not apply to:", "chp_1__art_1__para_2", 45},
                   {kP, "(a)", "consumer contracts;", "chp_1__art_1__para_2__point_a", 49},
                   {kP, "(b)", "contracts governed by Act No. 3 of 2020.",
                    "chp_1__art_1__para_2__point_b", 53},
                   {kP, "", "unless the parties agree otherwise.", "chp_1__art_1__para_2", 55},
                   {kH, "Chapter II", "Liability", "chp_2", 61, 1},
                   {kH, "Article 2", "Limitation of liability", "chp_2__art_2", 64, 2},
                   {kP, "", "A supplier's liability shall not exceed the price paid.",
                    "chp_2__art_2__para_1", 67},
                   {kP, "", "Done at the Capital, 1 March 2026.", conclusions + "/p[1]", 74},
                   {kP, "", "A. President, President of the Parliament",
                    conclusions + "/blockContainer[1]/p[1]", 76},
               });
  for (const Block& b : r.value().blocks) {
    EXPECT_EQ(b.text.find("FRBR"), std::string::npos);
    EXPECT_EQ(b.text.find("Parliament\""), std::string::npos);
  }
}

TEST(AkomaNtoso, OlderNamespaceWithIdsAndBlockList) {
  Result<Document> r = Xml(R"(<akomaNtoso xmlns="http://www.akomantoso.org/2.0">
<bill><meta><identification source="#x"/></meta><body>
<section id="sec1"><num>1</num><heading>Fees</heading>
<content><blockList id="sec1-list"><listIntroduction>The fee covers</listIntroduction>
<item id="sec1-list-a"><num>(a)</num><p>support; and</p></item>
</blockList></content></section></body></bill></akomaNtoso>)");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ExpectBlocks(r.value(), {
                              {kH, "1", "Fees", "sec1", 3, 1},
                              {kP, "", "The fee covers", "sec1-list", 4},
                              {kP, "(a)", "support; and", "sec1-list-a", 5},
                          });
}

// --- mapping files -------------------------------------------------------------

TEST(XmlMapping, CustomSchemaClausesNumbersHeadingsAndIgnore) {
  Result<XmlMapping> m = LoadXmlMapping(Fixture("clm-export.yaml"), "clm-export.yaml");
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  EXPECT_EQ(m.value().name, "example-clm");
  EXPECT_EQ(m.value().root, "agreement");
  EXPECT_EQ(m.value().ns, "urn:example:clm:2");
  ASSERT_EQ(m.value().namespaces.size(), 1u);
  EXPECT_EQ(m.value().ignore.size(), 2u);
  XmlOptions options;
  options.mappings.push_back(
      XmlMapping{"other", "agreement", "urn:other", "//x", "", "", "x", {}, {}});
  options.mappings.push_back(m.value());
  Result<Document> r = ParseXml(Fixture("clm-export.xml"), "clm.xml", options);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const std::string p = "/agreement/provisions[1]/provision";
  ExpectBlocks(
      r.value(),
      {
          {kH, "1", "Term", p + "[1]/caption[1]", 7, 1},
          {kP, "", "This Agreement starts on 1 March 2026.", p + "[1]/body[1]/para[1]", 9},
          {kP, "", "It runs for 24 months.", p + "[1]/body[1]/para[2]", 10},
          {kP, "2", "Either party may terminate on notice.", p + "[2]/body[1]/para[1]", 16},
      });
}

TEST(XmlMapping, NotChosenForAnotherRootOrNamespace) {
  XmlOptions options;
  Result<XmlMapping> m =
      LoadXmlMapping("root: agreement\nnamespace: urn:elsewhere\nclause: //x\ntext: .\n", "m.yaml");
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  options.mappings.push_back(m.value());
  Result<Document> r = ParseXml(Fixture("clm-export.xml"), "clm.xml", options);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  // Generic extraction: the audit entry and the internal note are there, and
  // the unknown <seq> holding only a number still labels its provision.
  ExpectBlocks(r.value(),
               {
                   {kP, "", "Exported by CLM 9.1 on 2026-03-01", "/agreement/audit[1]/entry[1]", 3},
                   {kP, "1", "Term", "/agreement/provisions[1]/provision[1]/caption[1]", 7},
                   {kP, "", "This Agreement starts on 1 March 2026.",
                    "/agreement/provisions[1]/provision[1]/body[1]/para[1]", 9},
                   {kP, "", "It runs for 24 months.",
                    "/agreement/provisions[1]/provision[1]/body[1]/para[2]", 10},
                   {kP, "", "Check with legal",
                    "/agreement/provisions[1]/provision[1]/body[1]/internalNote[1]", 11},
                   {kP, "2", "Either party may terminate on notice.",
                    "/agreement/provisions[1]/provision[2]/body[1]/para[1]", 16},
               });
}

TEST(XmlMapping, AttributeNumbersAndStringText) {
  Result<XmlMapping> m = LoadXmlMapping(
      "root: deal\nclause: //term\nnumber: '@no'\ntext: string(.)\nignore: //skip\n", "m.yaml");
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  XmlOptions options;
  options.mappings.push_back(m.value());
  Result<Document> r =
      Xml("<deal>\n<term no=\"A\">Pay <skip>(draft)</skip>now.</term>\n<term>Ship.</term></deal>",
          options);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ExpectBlocks(r.value(), {
                              {kP, "A", "Pay now.", "/deal/term[1]", 2},
                              {kP, "", "Ship.", "/deal/term[2]", 3},
                          });
}

TEST(XmlMapping, WinsOverAkomaNtoso) {
  Result<XmlMapping> m = LoadXmlMapping(
      "root: akomaNtoso\nnamespaces:\n  a: http://docs.oasis-open.org/legaldocml/ns/akn/3.0\n"
      "clause: //a:article\nnumber: a:num\ntext: .//a:p\n",
      "akn.yaml");
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  XmlOptions options;
  options.mappings.push_back(m.value());
  Result<Document> r = ParseXml(Fixture("akn_act.xml"), "act.xml", options);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(r.value().blocks.size(), 6u);
  EXPECT_EQ(r.value().blocks[0].label, "Article 1");
  EXPECT_EQ(r.value().blocks[0].text, "This Act applies to contracts for the supply of goods.");
  EXPECT_EQ(r.value().blocks[1].label, "");
  EXPECT_EQ(r.value().blocks[5].label, "Article 2");
}

TEST(XmlMapping, StrictErrorsNameFileAndLine) {
  struct Case {
    std::string yaml;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"root: a\nclause: //x\ntext: p\nheadng: h\n",
       "m.yaml:4: unknown key 'headng' in XML mapping (known: clause, heading, ignore, name, "
       "namespace, namespaces, number, root, text)"},
      {"root: a\nclause: //x[\ntext: p\n",
       "m.yaml:2: invalid XPath in 'clause': Invalid expression"},
      {"root: a\nclause: //x\ntext: p\nignore:\n  - //ok\n  - ///\n",
       "m.yaml:6: invalid XPath in 'ignore': Invalid expression"},
      {"root: a\nclause: //x\n", "m.yaml:1: missing required key 'text'"},
      {"root: a\nclause: //x\ntext: p\nnamespaces: [a]\n",
       "m.yaml:4: 'namespaces' must map prefixes to namespace URIs"},
      {"root: a\nclause: [x]\ntext: p\n", "m.yaml:2: 'clause' must be a string"},
      {"root: a\nroot: b\nclause: x\ntext: p\n", "m.yaml:2: duplicate key 'root'"},
      {"", "m.yaml:1: empty XML mapping"},
  };
  for (const Case& c : cases) {
    Result<XmlMapping> m = LoadXmlMapping(c.yaml, "m.yaml");
    ASSERT_FALSE(m.ok()) << c.yaml;
    EXPECT_EQ(m.error().code, ErrorCode::kConfig);
    EXPECT_EQ(m.error().ToString(), c.error);
  }
}

TEST(XmlMapping, UndefinedPrefixIsAConfigErrorAtParse) {
  Result<XmlMapping> m =
      LoadXmlMapping("name: n\nroot: agreement\nclause: //q:provision\ntext: .\n", "m.yaml");
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  XmlOptions options;
  options.mappings.push_back(m.value());
  Result<Document> r = ParseXml(Fixture("clm-export.xml"), "clm.xml", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConfig);
  EXPECT_EQ(r.error().ToString(),
            "clm.xml: XML mapping 'n': XPath '//q:provision' failed: Undefined namespace prefix");
}

// --- HTML ----------------------------------------------------------------------

TEST(Html, HeadingsListsTablesEntitiesScriptsIgnored) {
  Result<Document> r = ParseHtml(Fixture("page.html"), "page.html");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const Document& d = r.value();
  EXPECT_EQ(d.format, Format::kHtml);
  EXPECT_EQ(d.encoding, "UTF-8");
  const std::string ol = "/html/body[1]/ol[1]";
  ExpectBlocks(
      d, {
             {kH, "", "Supply Agreement", "/html/body[1]/h1[1]", 10, 1},
             {kP, "", "This Agreement is made on 1 March 2026 between Acme Ltd & Beta Corp.",
              "/html/body[1]/p[1]", 11},
             {kH, "", "1. Payment", "payment", 12, 2},
             {kP, "", "The Customer shall pay: within 30 days \u2014 net.", "/html/body[1]/div[1]",
              13},
             {kLi, "c.", "by bank transfer;", ol + "/li[1]", 15},
             {kLi, "d.", "by cheque, provided that:", ol + "/li[2]", 17},
             {kLi, "\u2022", "the cheque clears;", ol + "/li[2]/ul[1]/li[1]", 18},
             {kLi, "\u2022", "fees are paid.", ol + "/li[2]/ul[1]/li[2]", 19},
             {kLi, "j.", "otherwise.", ol + "/li[3]", 22},
             {kLi, "I.", "First", "/html/body[1]/ol[2]/li[1]", 24},
             {kLi, "II.", "Second", "/html/body[1]/ol[2]/li[2]/p[1]", 24},
             {kCell, "", "Item", "/html/body[1]/table[1]/tr[1]/th[1]", 26},
             {kCell, "", "Price", "/html/body[1]/table[1]/tr[1]/th[2]", 26},
             {kCell, "", "Widget", "/html/body[1]/table[1]/tr[2]/td[1]", 27},
             {kCell, "", "\u20AC100", "/html/body[1]/table[1]/tr[2]/td[2]", 27},
             {kP, "", "Quoted <text>", "/html/body[1]/blockquote[1]", 30},
         });
  EXPECT_EQ(d.blocks[14].source.table, 0);
  EXPECT_EQ(d.blocks[14].source.row, 1);
  EXPECT_EQ(d.blocks[14].source.column, 1);
}

TEST(Html, ReversedListsAndLatin1Fallback) {
  Result<Document> r =
      ParseHtml("<ol reversed><li>c</li><li>b</li><li>a</li></ol><p>caf\xE9</p>", "p.html");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(r.value().blocks.size(), 4u);
  EXPECT_EQ(r.value().blocks[0].label, "3.");
  EXPECT_EQ(r.value().blocks[2].label, "1.");
  EXPECT_EQ(r.value().blocks[3].text, "caf\u00E9");
  EXPECT_EQ(r.value().encoding, "ISO-8859-1");
}

TEST(Html, MetaCharsetDecodesGbk) {
  // "第一条 甲方付款。" in GBK.
  const std::string gbk = "\xB5\xDA\xD2\xBB\xCC\xF5 \xBC\xD7\xB7\xBD\xB8\xB6\xBF\xEE\xA1\xA3";
  Result<Document> r = ParseHtml(
      "<html><head><meta charset=\"gbk\"></head><body><p>" + gbk + "</p></body></html>", "z.html");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().encoding, "GBK");
  ASSERT_EQ(r.value().blocks.size(), 1u);
  EXPECT_EQ(r.value().blocks[0].text, "第一条 甲方付款。");
}

TEST(Html, DeepNestingIsRefused) {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "x";
  Result<Document> r = ParseHtml(html, "deep.html");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(r.error().ToString(), "deep.html: HTML nesting deeper than 256 levels at line 1");
}

TEST(Html, EmptyAndTextless) {
  EXPECT_EQ(ParseHtml("", "e.html").error().code, ErrorCode::kEmpty);
  Result<Document> r =
      ParseHtml("<html><head><script>x()</script></head><body> </body></html>", "e.html");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(), "e.html: no text");
}

TEST(XmlRobustness, EveryTruncationGivesBlocksOrAOneLineError) {
  for (const char* name : {"akn_act.xml", "generic.xml", "page.html", "enc-utf16le.xml"}) {
    const std::string bytes = Fixture(name);
    const bool html = std::string(name).ends_with(".html");
    for (size_t n = 0; n < bytes.size(); n += 3) {
      SCOPED_TRACE(std::string(name) + " truncated at " + std::to_string(n));
      const std::string_view cut(bytes.data(), n);
      Result<Document> r = html ? ParseHtml(cut, "t") : ParseXml(cut, "t", {});
      if (r.ok()) {
        ASSERT_FALSE(r.value().blocks.empty());
        for (const Block& b : r.value().blocks) ASSERT_FALSE(b.text.empty());
      } else {
        ASSERT_FALSE(r.error().message.empty());
        ASSERT_EQ(r.error().message.find('\n'), std::string::npos);
        ASSERT_EQ(r.error().where, "t");
      }
    }
  }
}

// --- encodings -----------------------------------------------------------------

TEST(XmlEncodings, DeclaredEncodingsDecodeToUtf8) {
  struct Case {
    std::string file;
    std::string encoding;
    std::string text;
  };
  const std::string zh = "第一条 甲方应于三十日内付款。";
  const std::vector<Case> cases = {
      {"enc-utf16le.xml", "UTF-16LE", zh},
      {"enc-utf16be.xml", "UTF-16BE", zh},
      {"enc-gb2312.xml", "GB2312", zh},
      {"enc-gbk.xml", "GBK", zh},
      {"enc-gb18030.xml", "GB18030", zh + "\U00020000"},
      {"enc-big5.xml", "BIG5", "第一條 甲方應於三十日內付款。"},
      {"enc-shift_jis.xml", "SHIFT_JIS", "第一条 甲は三十日以内に支払う。"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    Result<Document> r = ParseXml(Fixture(c.file), c.file, {});
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    EXPECT_EQ(r.value().encoding, c.encoding);
    ExpectBlocks(r.value(), {{kP, "1", c.text, "/contract/clause[1]/text[1]", 3}});
  }
}

TEST(XmlEncodings, UndeclaredNonUtf8AndUnknownEncodingsAreEncodingErrors) {
  Result<Document> r = Xml("<?xml version=\"1.0\"?>\n<c><p>caf\xE9</p></c>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kEncoding);
  EXPECT_EQ(r.error().ToString(), "t.xml: Input is not proper UTF-8, indicate encoding at line 2");
  r = Xml("<?xml version=\"1.0\" encoding=\"x-foo\"?>\n<c><p>x</p></c>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kEncoding);
  EXPECT_EQ(r.error().ToString(), "t.xml: Unsupported encoding x-foo at line 1");
}

// --- attacks and malformed input ----------------------------------------------

constexpr char kEntityError[] =
    "XML with entity declarations is not accepted (DTD entities are never expanded) at line 3";

TEST(XmlSecurity, ExternalEntityIsNeverResolved) {
  Result<Document> r = ParseXml(Fixture("attack-xxe.xml"), "xxe.xml", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(r.error().message, kEntityError);
  EXPECT_EQ(r.error().where, "xxe.xml");
  EXPECT_EQ(r.error().message.find("root:"), std::string::npos);
  EXPECT_EQ(r.error().message.find("passwd"), std::string::npos);
}

TEST(XmlSecurity, ParameterEntitiesAreRefused) {
  Result<Document> r = Xml(Fixture("attack-parameter-entity.xml"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(r.error().message, kEntityError);
}

TEST(XmlSecurity, BillionLaughsIsRefused) {
  Result<Document> r = Xml(Fixture("attack-billion-laughs.xml"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(r.error().message, kEntityError);
}

TEST(XmlSecurity, QuadraticBlowupIsRefused) {
  Result<Document> r = Xml(Fixture("attack-quadratic.xml"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(r.error().message, kEntityError);
}

TEST(XmlSecurity, InternalEntityInLaterLineReportsItsLine) {
  Result<Document> r =
      Xml("<?xml version=\"1.0\"?>\n<!DOCTYPE c [\n\n\n<!ENTITY co \"Acme\">\n]>\n<c>&co;</c>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "XML with entity declarations is not accepted (DTD entities are never expanded) at "
            "line 5");
}

TEST(XmlSecurity, DeepNestingIsRefusedWithoutOverflow) {
  std::string xml;
  for (int i = 0; i < 10000; ++i) xml += "<a>";
  xml += "x";
  for (int i = 0; i < 10000; ++i) xml += "</a>";
  Result<Document> r = Xml(xml);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(r.error().ToString(), "t.xml: XML nesting deeper than 256 levels at line 1");
}

TEST(XmlSecurity, MaxDepthOption) {
  XmlOptions options;
  options.max_depth = 3;
  EXPECT_TRUE(Xml("<a><b><c>x</c></b></a>", options).ok());
  Result<Document> r = Xml("<a>\n<b>\n<c>\n<d>x</d></c></b></a>", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(r.error().message, "XML nesting deeper than 3 levels at line 4");
}

TEST(XmlErrors, MalformedSaysWhatAndWhere) {
  Result<Document> r =
      Xml("<?xml version=\"1.0\"?>\n<contract>\n<p>one</p>\n<p>two</section>\n</contract>\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kFormat);
  EXPECT_EQ(r.error().ToString(),
            "t.xml: Opening and ending tag mismatch: p line 4 and section at line 4");
  r = Xml("<c>\n<p>a&nbsp;b</p></c>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().ToString(), "t.xml: Entity 'nbsp' not defined at line 2");
}

TEST(XmlErrors, EmptyAndTextless) {
  Result<Document> r = Xml("");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kEmpty);
  EXPECT_EQ(r.error().ToString(), "t.xml: empty file");
  r = Xml("<?xml version=\"1.0\"?>\n<contract><p>  </p><x/></contract>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kEmpty);
  EXPECT_EQ(r.error().ToString(), "t.xml: no text");
  r = Xml("   \n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kEmpty);
  EXPECT_EQ(r.error().ToString(), "t.xml: no text");
  r = Xml("Just a sentence.\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kFormat);
  EXPECT_EQ(r.error().ToString(), "t.xml: Start tag expected, '<' not found at line 1");
}

}  // namespace
}  // namespace clausecheck::parsers
