#include "parsers/odt.h"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "parsers/zip.h"

namespace clausecheck::parsers {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kNamespaces =
    R"( xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
    R"( xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0")"
    R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0")"
    R"( xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0")"
    R"( xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0")"
    R"( xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")"
    R"( xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0")"
    R"( xmlns:dc="http://purl.org/dc/elements/1.1/")"
    R"( xmlns:xlink="http://www.w3.org/1999/xlink")"
    R"( office:version="1.3")";

std::string Content(const std::string& body, const std::string& automatic_styles = "") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>)") + "<office:document-content" +
         kNamespaces + "><office:automatic-styles>" + automatic_styles +
         "</office:automatic-styles><office:body><office:text>" + body +
         "</office:text></office:body></office:document-content>";
}

std::string Styles(const std::string& styles, const std::string& master = "") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>)") + "<office:document-styles" +
         kNamespaces + "><office:styles>" + styles + "</office:styles><office:master-styles>" +
         master + "</office:master-styles></office:document-styles>";
}

// An ODT package as LibreOffice writes one: mimetype first and stored.
std::string MakeOdt(const Files& parts) {
  std::stringstream out;
  Poco::Zip::Compress zip(out, true);
  auto add = [&zip](const std::string& name, const std::string& data,
                    Poco::Zip::ZipCommon::CompressionMethod method) {
    std::istringstream in(data);
    zip.addFile(in, Poco::DateTime(2026, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX), method);
  };
  add("mimetype", "application/vnd.oasis.opendocument.text", Poco::Zip::ZipCommon::CM_STORE);
  add("META-INF/manifest.xml",
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">)"
      R"(<manifest:file-entry manifest:full-path="/" )"
      R"(manifest:media-type="application/vnd.oasis.opendocument.text"/>)"
      R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)"
      R"(</manifest:manifest>)",
      Poco::Zip::ZipCommon::CM_DEFLATE);
  for (const auto& [name, data] : parts) add(name, data, Poco::Zip::ZipCommon::CM_DEFLATE);
  zip.close();
  return out.str();
}

Result<Document> ParseParts(const Files& parts) {
  const std::string bytes = MakeOdt(parts);
  Result<ZipPackage> pkg = ZipPackage::Open(bytes, ZipLimits{});
  if (!pkg.ok()) return pkg.error();
  return ParseOdt(pkg.value(), "contract.odt");
}

Document Parse(const std::string& body, const std::string& automatic_styles = "",
               const std::string& styles = "", const std::string& master = "") {
  Result<Document> doc = ParseParts(
      {{"content.xml", Content(body, automatic_styles)}, {"styles.xml", Styles(styles, master)}});
  EXPECT_TRUE(doc.ok()) << doc.error().ToString();
  return doc.ok() ? std::move(doc).value() : Document{};
}

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) out.push_back(b.text);
  return out;
}

std::vector<std::string> Labels(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) out.push_back(b.label);
  return out;
}

using Strings = std::vector<std::string>;

// A list style: per level, num-format, prefix, suffix and display-levels
// (format "bullet:X" makes a bullet level with character X).
struct Level {
  Level(std::string f, std::string p = "", std::string s = "", int d = 1, int st = 1)
      : format(std::move(f)), prefix(std::move(p)), suffix(std::move(s)), display(d), start(st) {}
  std::string format;
  std::string prefix;
  std::string suffix;
  int display;
  int start;
};

std::string ListStyle(const std::string& name, const std::vector<Level>& levels) {
  std::string s = "<text:list-style style:name=\"" + name + "\">";
  int n = 1;
  for (const Level& l : levels) {
    const std::string level = std::to_string(n++);
    if (l.format.rfind("bullet:", 0) == 0) {
      s += "<text:list-level-style-bullet text:level=\"" + level + "\" text:bullet-char=\"" +
           l.format.substr(7) + "\"/>";
    } else {
      s += "<text:list-level-style-number text:level=\"" + level + "\" style:num-format=\"" +
           l.format + "\" style:num-prefix=\"" + l.prefix + "\" style:num-suffix=\"" + l.suffix +
           "\" text:display-levels=\"" + std::to_string(l.display) + "\" text:start-value=\"" +
           std::to_string(l.start) + "\"/>";
    }
  }
  return s + "</text:list-style>";
}

std::string Item(const std::string& text, const std::string& sublist = "") {
  return "<text:list-item><text:p>" + text + "</text:p>" + sublist + "</text:list-item>";
}

// --- Paragraphs and inline content ------------------------------------------

TEST(ParseOdt, ReadsParagraphsAndHeadings) {
  Document doc = Parse(
      "<text:sequence-decls><text:sequence-decl text:name=\"Table\"/></text:sequence-decls>"
      "<text:h text:outline-level=\"2\">1 Definitions</text:h>"
      "<text:p>In  this\n   Agreement <text:span>the </text:span><text:a xlink:href=\"x\">"
      "Buyer</text:a> means   X.</text:p>"
      "<text:p/>"
      "<text:section text:name=\"S\"><text:p>  In a section  </text:p></text:section>");
  EXPECT_EQ(doc.format, Format::kOdt);
  EXPECT_EQ(doc.encoding, "UTF-8");
  EXPECT_EQ(doc.path, "contract.odt");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(Texts(doc),
            (Strings{"1 Definitions", "In this Agreement the Buyer means X.", "In a section"}));
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[0].heading_level, 2);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(doc.blocks[1].heading_level, 0);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(doc.blocks[i].source.part, "content.xml");
    EXPECT_EQ(doc.blocks[i].source.index, i);
    EXPECT_EQ(doc.blocks[i].source.table, -1);
  }
}

TEST(ParseOdt, WritesSpacesTabsAndLineBreaks) {
  Document doc = Parse(
      "<text:p>a<text:s text:c=\"3\"/>b <text:s/>c<text:tab/>d<text:line-break/>\n  e"
      "<text:soft-page-break/>f<text:s/></text:p>");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "a   b  c\td ef ");
}

TEST(ParseOdt, MatchesNamespacesByUriNotPrefix) {
  const std::string content =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
      R"( xmlns:t="urn:oasis:names:tc:opendocument:xmlns:text:1.0")"
      R"( xmlns:text="http://example.com/not-odf"><o:body><o:text>)"
      R"(<t:p>Real</t:p><text:p>Foreign</text:p>)"
      R"(<t:p xmlns:t="http://example.com/other">Rebound</t:p>)"
      R"(<p xmlns="urn:oasis:names:tc:opendocument:xmlns:text:1.0">Default</p>)"
      R"(</o:text></o:body></o:document-content>)";
  Result<Document> doc = ParseParts({{"content.xml", content}});
  ASSERT_TRUE(doc.ok()) << doc.error().ToString();
  EXPECT_EQ(Texts(doc.value()), (Strings{"Real", "Default"}));
}

TEST(ParseOdt, KeepsUnicodeAndDoesNotExpandEntities) {
  Document doc = Parse("<text:p>\u7532\u65B9 &amp; &lt;B&gt; &foo;</text:p>");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "\u7532\u65B9 & <B> &foo;");
}

// --- Lists --------------------------------------------------------------------

TEST(ParseOdt, NumbersNestedListsWithPrefixSuffixAndDisplayLevels) {
  const std::string styles = ListStyle("L1", {{"1", "", "."}, {"a", "(", ")"}, {"i", "", ")"}}) +
                             ListStyle("L2", {{"1", "", ""}, {"1", "", "", 2}, {"A", "", ".", 3}});
  Document doc =
      Parse("<text:list text:style-name=\"L1\">" + Item("First") +
                Item("Second", "<text:list>" + Item("Sub a") +
                                   Item("Sub b", "<text:list>" + Item("Deep") + "</text:list>") +
                                   "</text:list>") +
                Item("Third") + "</text:list>" + "<text:list text:style-name=\"L2\">" +
                Item("One", "<text:list>" + Item("One one") +
                                Item("One two", "<text:list>" + Item("Deep A") + "</text:list>") +
                                "</text:list>") +
                Item("Two") + "</text:list>",
            styles);
  EXPECT_EQ(Texts(doc), (Strings{"First", "Second", "Sub a", "Sub b", "Deep", "Third", "One",
                                 "One one", "One two", "Deep A", "Two"}));
  EXPECT_EQ(Labels(doc),
            (Strings{"1.", "2.", "(a)", "(b)", "i)", "3.", "1", "1.1", "1.2", "1.2.A.", "2"}));
  for (const Block& b : doc.blocks) EXPECT_EQ(b.kind, BlockKind::kListItem) << b.text;
}

TEST(ParseOdt, ListStyleFromParagraphStyleAndStartValues) {
  const std::string automatic = R"(<style:style style:name="P1" style:family="paragraph")"
                                R"( style:parent-style-name="Numbered"/>)";
  const std::string styles = R"(<style:style style:name="Numbered" style:family="paragraph")"
                             R"( style:list-style-name="L9"/>)" +
                             ListStyle("L9", {{"I", "Article ", "", 1, 4}});
  Document doc = Parse(
      "<text:list><text:list-item><text:p text:style-name=\"P1\">Four</text:p></text:list-item>"
      "<text:list-item><text:p text:style-name=\"P1\">Five</text:p>"
      "<text:p text:style-name=\"P1\">Still five</text:p></text:list-item>"
      "<text:list-item text:start-value=\"10\"><text:p text:style-name=\"P1\">Ten</text:p>"
      "</text:list-item></text:list>",
      automatic, styles);
  EXPECT_EQ(Texts(doc), (Strings{"Four", "Five", "Still five", "Ten"}));
  EXPECT_EQ(Labels(doc), (Strings{"Article IV", "Article V", "", "Article X"}));
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kParagraph);
}

TEST(ParseOdt, LabelsBullets) {
  Document doc = Parse("<text:list text:style-name=\"B\">" +
                           Item("Dot", "<text:list>" + Item("Dash") + "</text:list>") +
                           Item("Dot 2") + "</text:list>",
                       ListStyle("B", {{"bullet:\u2022"}, {"bullet:\u2013"}}));
  EXPECT_EQ(Labels(doc), (Strings{"\u2022", "\u2013", "\u2022"}));
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kListItem);
}

TEST(ParseOdt, ListHeaderIsNotNumbered) {
  Document doc = Parse(
      "<text:list text:style-name=\"L\"><text:list-header><text:p>Header</text:p>"
      "</text:list-header>" +
          Item("A") + Item("B") + "</text:list>",
      ListStyle("L", {{"1", "", ".", 1, 0}}));
  EXPECT_EQ(Texts(doc), (Strings{"Header", "A", "B"}));
  EXPECT_EQ(Labels(doc), (Strings{"", "0.", "1."}));  // start value 0
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kParagraph);
}

TEST(ParseOdt, ContinuesNumberingAcrossLists) {
  Document doc =
      Parse("<text:list xml:id=\"list1\" text:style-name=\"L\">" + Item("a") + Item("b") +
                "</text:list><text:p>Between</text:p>"
                "<text:list text:style-name=\"L\" text:continue-numbering=\"true\">" +
                Item("c") +
                "</text:list>"
                "<text:list text:style-name=\"L\">" +
                Item("restart") +
                "</text:list>"
                "<text:list text:style-name=\"L\" text:continue-list=\"list1\">" +
                Item("d") + "</text:list>",
            ListStyle("L", {{"1", "", "."}}));
  EXPECT_EQ(Texts(doc), (Strings{"a", "b", "Between", "c", "restart", "d"}));
  EXPECT_EQ(Labels(doc), (Strings{"1.", "2.", "", "3.", "1.", "4."}));
}

TEST(ParseOdt, NumbersHeadingsFromOutlineStyle) {
  const std::string styles =
      R"(<text:outline-style style:name="Outline">)"
      R"(<text:outline-level-style text:level="1" style:num-format="1" style:num-suffix="."/>)"
      R"(<text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/>)"
      R"(<text:outline-level-style text:level="3" style:num-format=""/>)"
      R"(</text:outline-style>)";
  Document doc = Parse(
      "<text:h text:outline-level=\"1\">Scope</text:h>"
      "<text:h text:outline-level=\"2\">Goods</text:h>"
      "<text:h text:outline-level=\"2\">Services</text:h>"
      "<text:h text:outline-level=\"3\">Unnumbered</text:h>"
      "<text:h text:outline-level=\"1\">Price</text:h>"
      "<text:h text:outline-level=\"2\">Amount</text:h>"
      "<text:h text:outline-level=\"1\" text:is-list-header=\"true\">Annex</text:h>",
      "", styles);
  EXPECT_EQ(Labels(doc), (Strings{"1.", "1.1", "1.2", "", "2.", "2.1", ""}));
  EXPECT_EQ(doc.blocks[3].heading_level, 3);
}

TEST(ParseOdt, NumbersInChinese) {
  Document doc = Parse("<text:list text:style-name=\"Z\">" + Item("\u5B9A\u4E49") + Item("b") +
                           Item("c") + Item("d") + Item("e") + Item("f") + Item("g") + Item("h") +
                           Item("i") + Item("j") + Item("k") + "</text:list>",
                       ListStyle("Z", {{"\u4E00, \u4E8C, \u4E09, ...", "\u7B2C", "\u6761"}}));
  ASSERT_EQ(doc.blocks.size(), 11u);
  EXPECT_EQ(doc.blocks[0].label, "\u7B2C\u4E00\u6761");
  EXPECT_EQ(doc.blocks[9].label, "\u7B2C\u5341\u6761");
  EXPECT_EQ(doc.blocks[10].label, "\u7B2C\u5341\u4E00\u6761");
}

// --- Tables -------------------------------------------------------------------

TEST(ParseOdt, ReadsTablesWithRepeatedAndCoveredCells) {
  Document doc = Parse(
      "<table:table table:name=\"T1\"><table:table-column table:number-columns-repeated=\"4\"/>"
      "<table:table-header-rows><table:table-row>"
      "<table:table-cell table:number-columns-spanned=\"2\"><text:p>Wide</text:p>"
      "</table:table-cell><table:covered-table-cell/>"
      "<table:table-cell table:number-columns-repeated=\"2\"><text:p>Same</text:p>"
      "</table:table-cell></table:table-row></table:table-header-rows>"
      "<table:table-row table:number-rows-repeated=\"1000000\">"
      "<table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
      "<table:table-row><table:table-cell/><table:table-cell><text:p>Last</text:p>"
      "<text:p>cell</text:p></table:table-cell></table:table-row>"
      "</table:table>"
      "<table:table><table:table-row table:number-rows-repeated=\"100000\"><table:table-cell "
      "table:number-columns-repeated=\"100000\"><text:p>x</text:p></table:table-cell>"
      "</table:table-row></table:table><text:p>After</text:p>");
  ASSERT_GE(doc.blocks.size(), 6u);
  struct Cell {
    std::string text;
    int table, row, column;
  };
  const std::vector<Cell> expected = {{"Wide", 0, 0, 0},
                                      {"Same", 0, 0, 2},
                                      {"Same", 0, 0, 3},
                                      {"Last", 0, 1000001, 1},
                                      {"cell", 0, 1000001, 1}};
  for (size_t i = 0; i < expected.size(); ++i) {
    const Block& b = doc.blocks[i];
    EXPECT_EQ(b.kind, BlockKind::kTableCell);
    EXPECT_EQ(b.text, expected[i].text);
    EXPECT_EQ(b.source.table, expected[i].table) << i;
    EXPECT_EQ(b.source.row, expected[i].row) << i;
    EXPECT_EQ(b.source.column, expected[i].column) << i;
  }
  // A repeated cell with text is expanded, but only so far.
  EXPECT_EQ(doc.blocks.size(), 5u + 64u * 64u + 1u);
  EXPECT_EQ(doc.blocks[5].source.table, 1);
  EXPECT_EQ(doc.blocks.back().text, "After");
  EXPECT_EQ(doc.blocks.back().kind, BlockKind::kParagraph);
  EXPECT_EQ(doc.blocks.back().source.table, -1);
  EXPECT_EQ(doc.blocks.back().source.index, static_cast<int>(doc.blocks.size()) - 1);
}

TEST(ParseOdt, NestedRepeatsAreBounded) {
  std::string table = "<text:p>x</text:p>";
  for (int i = 0; i < 4; ++i) {
    table =
        "<table:table><table:table-row table:number-rows-repeated=\"1000\">"
        "<table:table-cell table:number-columns-repeated=\"1000\">" +
        table + "</table:table-cell></table:table-row></table:table>";
  }
  Document doc = Parse(table);
  EXPECT_GT(doc.blocks.size(), 64u * 64u);
  EXPECT_LE(doc.blocks.size(), 10001u);
  EXPECT_EQ(doc.blocks.front().source.table, 3);  // the innermost of the first copies
}

// --- Notes, annotations, frames --------------------------------------------

TEST(ParseOdt, NotesBecomeBlocksAfterTheirParagraph) {
  Document doc = Parse(
      "<text:p>Price<text:note text:id=\"ftn1\" text:note-class=\"footnote\">"
      "<text:note-citation>1</text:note-citation><text:note-body><text:p>Excluding VAT."
      "</text:p></text:note-body></text:note> is fixed<text:note text:note-class=\"endnote\">"
      "<text:note-citation>i</text:note-citation><text:note-body><text:p>See annex.</text:p>"
      "</text:note-body></text:note>.</text:p><text:p>Next</text:p>");
  EXPECT_EQ(Texts(doc), (Strings{"Price is fixed.", "Excluding VAT.", "See annex.", "Next"}));
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kFootnote);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kEndnote);
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kParagraph);
  // Both notes point back at the paragraph that cites them.
  EXPECT_EQ(doc.blocks[1].anchor, 0);
  EXPECT_EQ(doc.blocks[2].anchor, 0);
  EXPECT_EQ(doc.blocks[3].anchor, -1);
}

TEST(ParseOdt, ResolvedAnnotationsAreMarkedResolved) {
  Document doc = Parse(
      "<text:p>Pay <office:annotation office:name=\"c1\" loext:resolved=\"true\">"
      "<text:p>Done.</text:p></office:annotation>now<office:annotation-end "
      "office:name=\"c1\"/> or <office:annotation><text:p>Open.</text:p>"
      "</office:annotation>later.</text:p>");
  const Block& p = doc.blocks[0];
  EXPECT_EQ(p.text, "Pay now or later.");
  ASSERT_EQ(p.marks.size(), 2u);
  EXPECT_EQ(p.marks[0].text, "Done.");
  EXPECT_TRUE(p.marks[0].resolved);
  EXPECT_EQ(p.marks[0].start, 4);
  EXPECT_EQ(p.marks[0].end, 7);
  EXPECT_EQ(p.marks[1].text, "Open.");
  EXPECT_FALSE(p.marks[1].resolved);
}

TEST(ParseOdt, AnnotationsAreCommentBlocksAndMarks) {
  Document doc = Parse(
      "<text:p>\u7532\u65B9 shall <office:annotation office:name=\"c1\">"
      "<dc:creator>Ann Lee</dc:creator><dc:date>2026-03-01T10:00:00</dc:date>"
      "<text:p>Too vague.</text:p><text:p>Fix.</text:p></office:annotation>pay promptly"
      "<office:annotation-end office:name=\"c1\"/> on time.<office:annotation>"
      "<dc:creator>Bo</dc:creator><text:p>Point</text:p></office:annotation></text:p>");
  ASSERT_EQ(doc.blocks.size(), 3u);
  const Block& p = doc.blocks[0];
  EXPECT_EQ(p.text, "\u7532\u65B9 shall pay promptly on time.");
  ASSERT_EQ(p.marks.size(), 2u);
  EXPECT_EQ(p.marks[0].kind, MarkKind::kComment);
  EXPECT_EQ(p.marks[0].start, 9);
  EXPECT_EQ(p.marks[0].end, 21);
  EXPECT_EQ(p.marks[0].author, "Ann Lee");
  EXPECT_EQ(p.marks[0].date, "2026-03-01T10:00:00");
  EXPECT_EQ(p.marks[0].text, "Too vague. Fix.");
  EXPECT_EQ(p.marks[1].start, 30);
  EXPECT_EQ(p.marks[1].end, 30);
  EXPECT_EQ(p.marks[1].author, "Bo");
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kComment);
  EXPECT_EQ(doc.blocks[1].text, "Too vague. Fix.");
  EXPECT_TRUE(doc.blocks[1].marks.empty());
  EXPECT_EQ(doc.blocks[2].text, "Point");
  EXPECT_EQ(doc.blocks[2].source.index, 2);
  EXPECT_EQ(doc.blocks[1].anchor, 0);
  EXPECT_EQ(doc.blocks[2].anchor, 0);
}

TEST(ParseOdt, AnnotationRangeAcrossParagraphs) {
  Document doc = Parse(
      "<text:p>One <office:annotation office:name=\"x\"><dc:creator>A</dc:creator>"
      "<text:p>Note</text:p></office:annotation>two</text:p>"
      "<text:p>three<office:annotation-end office:name=\"x\"/> four</text:p>");
  ASSERT_EQ(doc.blocks.size(), 3u);
  ASSERT_EQ(doc.blocks[0].marks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].marks[0].start, 4);
  EXPECT_EQ(doc.blocks[0].marks[0].end, 7);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kComment);
  ASSERT_EQ(doc.blocks[2].marks.size(), 1u);
  EXPECT_EQ(doc.blocks[2].marks[0].start, 0);
  EXPECT_EQ(doc.blocks[2].marks[0].end, 5);
  EXPECT_EQ(doc.blocks[2].marks[0].text, "Note");
}

TEST(ParseOdt, TextBoxParagraphsAreTheirOwnBlocks) {
  Document doc = Parse(
      "<text:p>Anchor <draw:frame draw:name=\"F\"><draw:text-box><text:p>Boxed</text:p>"
      "<text:p>Second</text:p></draw:text-box><svg:title>title</svg:title></draw:frame>"
      "text</text:p>");
  EXPECT_EQ(Texts(doc), (Strings{"Anchor text", "Boxed", "Second"}));
}

// --- Tracked changes and hidden text ------------------------------------

constexpr const char* kTrackedChanges =
    "<text:tracked-changes>"
    "<text:changed-region text:id=\"ct1\" xml:id=\"ct1\"><text:insertion><office:change-info>"
    "<dc:creator>Ivy</dc:creator><dc:date>2026-02-02T09:00:00</dc:date></office:change-info>"
    "</text:insertion></text:changed-region>"
    "<text:changed-region text:id=\"ct2\"><text:deletion><office:change-info>"
    "<dc:creator>Dan</dc:creator><dc:date>2026-02-03T09:00:00</dc:date></office:change-info>"
    "<text:p>thirty (30)</text:p><text:p>second para</text:p></text:deletion>"
    "</text:changed-region>"
    "<text:changed-region text:id=\"ct3\"><text:insertion><office:change-info>"
    "<dc:creator>Ivy</dc:creator><dc:date>2026-02-04T09:00:00</dc:date></office:change-info>"
    "</text:insertion></text:changed-region>"
    "<text:changed-region text:id=\"ct4\"><text:format-change><office:change-info>"
    "<dc:creator>F</dc:creator></office:change-info></text:format-change>"
    "</text:changed-region>"
    "</text:tracked-changes>";

TEST(ParseOdt, TrackedInsertionsAndDeletions) {
  Document doc = Parse(std::string(kTrackedChanges) +
                       "<text:p>Pay within <text:change-start text:change-id=\"ct1\"/>sixty (60)"
                       "<text:change-end text:change-id=\"ct1\"/><text:change "
                       "text:change-id=\"ct2\"/> days<text:change-start text:change-id=\"ct4\"/>."
                       "<text:change-end text:change-id=\"ct4\"/></text:p>"
                       "<text:p>Old<text:change-start text:change-id=\"ct3\"/></text:p>"
                       "<text:p>New para<text:change-end text:change-id=\"ct3\"/> end</text:p>");
  ASSERT_EQ(doc.blocks.size(), 3u);
  const Block& p = doc.blocks[0];
  EXPECT_EQ(p.text, "Pay within sixty (60) days.");
  ASSERT_EQ(p.marks.size(), 2u);
  EXPECT_EQ(p.marks[0].kind, MarkKind::kInsertion);
  EXPECT_EQ(p.marks[0].start, 11);
  EXPECT_EQ(p.marks[0].end, 21);
  EXPECT_EQ(p.marks[0].author, "Ivy");
  EXPECT_EQ(p.marks[0].date, "2026-02-02T09:00:00");
  EXPECT_EQ(p.marks[1].kind, MarkKind::kDeletion);
  EXPECT_EQ(p.marks[1].start, 21);
  EXPECT_EQ(p.marks[1].end, 21);
  EXPECT_EQ(p.marks[1].author, "Dan");
  EXPECT_EQ(p.marks[1].text, "thirty (30)\nsecond para");
  EXPECT_EQ(p.text.find("thirty"), std::string::npos);
  // An inserted paragraph: no empty mark on the one before it.
  EXPECT_TRUE(doc.blocks[1].marks.empty());
  ASSERT_EQ(doc.blocks[2].marks.size(), 1u);
  EXPECT_EQ(doc.blocks[2].marks[0].kind, MarkKind::kInsertion);
  EXPECT_EQ(doc.blocks[2].marks[0].start, 0);
  EXPECT_EQ(doc.blocks[2].marks[0].end, 8);
  EXPECT_EQ(doc.blocks[2].marks[0].date, "2026-02-04T09:00:00");
}

TEST(ParseOdt, HiddenTextIsMarkedNotShown) {
  const std::string automatic =
      R"(<style:style style:name="T1" style:family="text">)"
      R"(<style:text-properties text:display="none"/></style:style>)"
      R"(<style:style style:name="T2" style:family="text" style:parent-style-name="Secret"/>)"
      R"(<style:style style:name="P1" style:family="paragraph">)"
      R"(<style:text-properties text:display="none"/></style:style>)";
  const std::string styles = R"(<style:style style:name="Secret" style:family="text">)"
                             R"(<style:text-properties text:display="none"/></style:style>)";
  Document doc = Parse(
      "<text:p>Liability is <text:span text:style-name=\"T1\">not </text:span>capped"
      "<text:span text:style-name=\"T2\"> at zero</text:span>.</text:p>"
      "<text:p>Fee<text:hidden-text text:condition=\"x\" text:string-value=\" waived\" "
      "text:is-hidden=\"true\"/> due.</text:p>"
      "<text:p>Shown<text:hidden-paragraph text:condition=\"x\" text:is-hidden=\"true\"/>"
      "</text:p>"
      "<text:p text:style-name=\"P1\">Style hidden</text:p><text:p>Visible</text:p>",
      automatic, styles);
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(Texts(doc), (Strings{"Liability is capped.", "Fee due.", "", "", "Visible"}));
  const Block& p = doc.blocks[0];
  ASSERT_EQ(p.marks.size(), 2u);
  EXPECT_EQ(p.marks[0].kind, MarkKind::kHidden);
  EXPECT_EQ(p.marks[0].start, 13);
  EXPECT_EQ(p.marks[0].end, 13);
  EXPECT_EQ(p.marks[0].text, "not ");
  EXPECT_EQ(p.marks[1].start, 19);
  EXPECT_EQ(p.marks[1].text, " at zero");
  ASSERT_EQ(doc.blocks[1].marks.size(), 1u);
  EXPECT_EQ(doc.blocks[1].marks[0].text, " waived");
  EXPECT_EQ(doc.blocks[1].marks[0].start, 3);
  ASSERT_EQ(doc.blocks[2].marks.size(), 1u);
  EXPECT_EQ(doc.blocks[2].marks[0].kind, MarkKind::kHidden);
  EXPECT_EQ(doc.blocks[2].marks[0].text, "Shown");
  ASSERT_EQ(doc.blocks[3].marks.size(), 1u);
  EXPECT_EQ(doc.blocks[3].marks[0].text, "Style hidden");
}

// --- Headers and footers ------------------------------------------------

TEST(ParseOdt, ReadsHeadersAndFootersOfUsedPagesOnce) {
  const std::string master =
      R"(<style:master-page style:name="Standard"><style:header><text:p>Confidential</text:p>)"
      R"(</style:header><style:footer><text:p>Page <text:page-number>1</text:page-number>)"
      R"(</text:p></style:footer></style:master-page>)"
      R"(<style:master-page style:name="Other" style:next-style-name="Next">)"
      R"(<style:header><text:p>Confidential</text:p></style:header></style:master-page>)"
      R"(<style:master-page style:name="Next"><style:footer><text:p>Next footer</text:p>)"
      R"(</style:footer></style:master-page>)"
      R"(<style:master-page style:name="Unused"><style:header><text:p>Never shown</text:p>)"
      R"(</style:header></style:master-page>)";
  const std::string automatic =
      R"(<style:style style:name="P1" style:family="paragraph" style:master-page-name="Other"/>)";
  Document doc = Parse("<text:p>Body</text:p><text:p text:style-name=\"P1\">Annex</text:p>",
                       automatic, "", master);
  EXPECT_EQ(Texts(doc), (Strings{"Body", "Annex", "Confidential", "Page 1", "Next footer"}));
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kHeader);
  EXPECT_EQ(doc.blocks[2].source.part, "styles.xml");
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kFooter);
  EXPECT_EQ(doc.blocks[3].source.index, 3);
}

// --- A real file ------------------------------------------------------------

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(CLAUSECHECK_SOURCE_DIR) + "/tests/parsers/fixtures/odt/" + name,
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(ParseOdt, ReadsDocutilsOdt) {
  const std::string bytes = ReadFixture("docutils-contract.odt");
  ASSERT_FALSE(bytes.empty());
  Result<ZipPackage> pkg = ZipPackage::Open(bytes, ZipLimits{});
  ASSERT_TRUE(pkg.ok()) << pkg.error().message;
  Result<Document> r = ParseOdt(pkg.value(), "docutils-contract.odt");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const Document& doc = r.value();
  EXPECT_EQ(
      Texts(doc),
      (Strings{"Supply Agreement", "1 Definitions", "In this Agreement the Buyer means ACME Ltd.",
               "Including its affiliates.", "Delivery", "The Seller delivers the Goods.",
               "Risk passes on delivery.", "Payment within thirty (30) days.",
               "Confidential information", "Personal data", "2 Parties", "Party", "Role",
               "ACME Ltd", "Buyer", "Beta Inc", "Seller"}));
  EXPECT_EQ(Labels(doc), (Strings{"", "", "", "", "1.", "a)", "b)", "2.", "\u25CF", "\u25CF", "",
                                  "", "", "", "", "", ""}));
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[1].heading_level, 1);
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kFootnote);
  EXPECT_EQ(doc.blocks[5].kind, BlockKind::kListItem);
  EXPECT_EQ(doc.blocks[16].kind, BlockKind::kTableCell);
  EXPECT_EQ(doc.blocks[16].source.table, 0);
  EXPECT_EQ(doc.blocks[16].source.row, 2);
  EXPECT_EQ(doc.blocks[16].source.column, 1);
}

// --- Errors -------------------------------------------------------------

TEST(ParseOdt, MalformedContentIsAFormatError) {
  Result<Document> doc = ParseParts({{"content.xml", "<office:document-content><text:p>"}});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kFormat);
  EXPECT_EQ(doc.error().message.rfind("content.xml is not well-formed XML: ", 0), 0u)
      << doc.error().message;
  EXPECT_NE(doc.error().message.find(" at offset "), std::string::npos);
  EXPECT_EQ(doc.error().where, "contract.odt");
}

TEST(ParseOdt, MissingContentIsAFormatError) {
  Result<Document> doc = ParseParts({{"styles.xml", Styles("")}});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kFormat);
  EXPECT_EQ(doc.error().message, "ODT package has no content.xml");
}

TEST(ParseOdt, RefusesInvalidUtf8AndDeepNesting) {
  Result<Document> bad = ParseParts({{"content.xml", Content("<text:p>a\xFF</text:p>")}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kFormat);
  EXPECT_NE(bad.error().message.find("not valid UTF-8"), std::string::npos);

  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<text:span>";
  Result<Document> nested = ParseParts({{"content.xml", Content("<text:p>" + deep + "x")}});
  ASSERT_FALSE(nested.ok());  // not well-formed either: unclosed

  std::string closed = "<text:p>";
  for (int i = 0; i < 5000; ++i) closed += "<text:span>";
  closed += "x";
  for (int i = 0; i < 5000; ++i) closed += "</text:span>";
  closed += "</text:p>";
  Result<Document> too_deep = ParseParts({{"content.xml", Content(closed)}});
  ASSERT_FALSE(too_deep.ok());
  EXPECT_EQ(too_deep.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(too_deep.error().message, "content.xml nests elements deeper than 256 levels");
}

TEST(ParseOdt, DocumentWithoutTextIsEmpty) {
  Result<Document> doc = ParseParts({{"content.xml", Content("<text:p>  </text:p>")}});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kEmpty);
}

TEST(ParseOdt, NonTextOpenDocumentIsUnsupported) {
  const std::string spreadsheet = std::string("<office:document-content") + kNamespaces +
                                  "><office:body><office:spreadsheet/></office:body>"
                                  "</office:document-content>";
  Result<Document> doc = ParseParts({{"content.xml", spreadsheet}});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kUnsupported);
}

}  // namespace
}  // namespace clausecheck::parsers
