#include "reports/html.h"

#include <gtest/gtest.h>

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "tests/reports/sample_review.h"

namespace clausecheck::reports {
namespace {

using testing::CleanReview;
using testing::RichReview;

const ToolInfo kTool{"clausecheck", "0.1.0"};

int Occurrences(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The ref that follows the end of finding `id`'s span.
std::string Ref(const std::string& id) {
  return "<sup class=\"ref\" data-f=\"" + id + "\"><a href=\"#" + id + "\">" + id + "</a></sup>";
}

TEST(HtmlEscape, EscapesMarkupQuotesAndControls) {
  EXPECT_EQ(HtmlEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("AT&amp;T \"q\" 'a'"), "AT&amp;amp;T &quot;q&quot; &#39;a&#39;");
  EXPECT_EQ(HtmlEscape("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
  // Tab and newline stay; other controls (ESC, NUL, C1) become spaces.
  EXPECT_EQ(HtmlEscape(std::string("a\tb\nc\x1b[0m\0d\xc2\x85", 13)), "a\tb\nc [0m d ");
  // CJK passes through; a stray byte becomes U+FFFD.
  EXPECT_EQ(HtmlEscape("违约金\xff甲方"), "违约金\xEF\xBF\xBD甲方");
}

TEST(HighlightedText, CutsOnCodePointsInChineseText) {
  // "违约金" is code points 5..8 (bytes 15..24).
  EXPECT_EQ(HighlightedText("甲方应支付违约金百分之三十。", {{5, 8, "f1", Severity::kHigh}}),
            "甲方应支付<a class=\"hl s-high\" id=\"t-f1\" href=\"#f1\" data-f=\"f1\">违约金</a>" +
                Ref("f1") + "百分之三十。");
}

TEST(HighlightedText, OverlappingSpansAreCutIntoPiecesNamingEveryFinding) {
  // f1 = 一二三四 (low), f2 = 三四五六 (high): 三四 is covered by both.
  EXPECT_EQ(HighlightedText("〇一二三四五六七",
                            {{1, 5, "f1", Severity::kLow}, {3, 7, "f2", Severity::kHigh}}),
            "〇<a class=\"hl s-low\" id=\"t-f1\" href=\"#f1\" data-f=\"f1\">一二</a>"
            "<a class=\"hl s-high n2\" id=\"t-f2\" href=\"#f2\" data-f=\"f1 f2\">三四</a>" +
                Ref("f1") + "<a class=\"hl s-high\" href=\"#f2\" data-f=\"f2\">五六</a>" +
                Ref("f2") + "七");
}

TEST(HighlightedText, NestedSpansStartingTogetherKeepBothAnchors) {
  // f2 inside f1, same start and severity: the piece links to the first.
  EXPECT_EQ(
      HighlightedText("abcdef", {{0, 4, "f1", Severity::kMedium}, {0, 2, "f2", Severity::kMedium}}),
      "<span id=\"t-f2\"></span>"
      "<a class=\"hl s-medium n2\" id=\"t-f1\" href=\"#f1\" data-f=\"f1 f2\">ab</a>" +
          Ref("f2") + "<a class=\"hl s-medium\" href=\"#f1\" data-f=\"f1\">cd</a>" + Ref("f1") +
          "ef");
}

TEST(HighlightedText, EscapesTextInsideAndOutsideSpansAndClampsOffsets) {
  EXPECT_EQ(HighlightedText("<b>&\"x\"</b>", {{3, 8, "f1", Severity::kInfo},
                                              {-4, 1, "f2", Severity::kLow},
                                              {9, 99, "f3", Severity::kCritical},
                                              {6, 6, "f4", Severity::kLow}}),
            "<a class=\"hl s-low\" id=\"t-f2\" href=\"#f2\" data-f=\"f2\">&lt;</a>" + Ref("f2") +
                "b&gt;<a class=\"hl s-info\" id=\"t-f1\" href=\"#f1\" data-f=\"f1\">&amp;&quot;x"
                "</a><span id=\"t-f4\"></span>" +
                Ref("f4") + "<a class=\"hl s-info\" href=\"#f1\" data-f=\"f1\">&quot;&lt;</a>" +
                Ref("f1") +
                "/<a class=\"hl s-critical\" id=\"t-f3\" href=\"#f3\" data-f=\"f3\">b&gt;</a>" +
                Ref("f3"));
  EXPECT_EQ(HighlightedText("", {{0, 3, "f1", Severity::kLow}}),
            "<span id=\"t-f1\"></span>" + Ref("f1"));
}

TEST(HighlightedText, InsertionsAndCommentsWrapEachPieceInsideTheHighlight) {
  // Inserted "30" (code points 4..6) under a comment on "30 days" (4..11);
  // finding f1 covers "30" only.
  const std::vector<Mark> marks = {
      {MarkKind::kInsertion, 4, 6, "Ann", "2026-01-02T03:04:05Z", "", false},
      {MarkKind::kComment, 4, 11, "Bo <b>", "", "Too \"short\"", false}};
  const std::string cmt =
      "<span class=\"cmt\" title=\"Comment by Bo &lt;b&gt;: Too &quot;short&quot;\">";
  EXPECT_EQ(
      HighlightedText("Pay 30 days net.", {{4, 6, "f1", Severity::kHigh}}, marks),
      "Pay <a class=\"hl s-high\" id=\"t-f1\" href=\"#f1\" data-f=\"f1\"><ins title=\"Inserted by "
      "Ann, 2026-01-02T03:04:05Z\">" +
          cmt + "30</span></ins></a>" + Ref("f1") + cmt + " days</span> net.");
  // A resolved comment keeps its range, marked done; an insertion with
  // neither author nor date says only what it is.
  EXPECT_EQ(HighlightedText("ab", {},
                            {{MarkKind::kComment, 0, 1, "", "", "ok", true},
                             {MarkKind::kMoveTo, 1, 2, "", "", "", false}}),
            "<span class=\"cmt done\" title=\"Resolved comment: ok\">a</span>"
            "<ins class=\"mv\" title=\"Moved here\">b</ins>");
}

TEST(HighlightedText, DeletedAndHiddenTextIsShownWhereItWasAndIsTheEvidenceOfItsFinding) {
  const std::vector<Mark> marks = {{MarkKind::kDeletion, 3, 3, "Ann", "", " and <b>\n", false},
                                   {MarkKind::kHidden, 7, 7, "", "", "secret", false},
                                   {MarkKind::kMoveFrom, 99, 99, "", "2026-01-01", "gone", false},
                                   {MarkKind::kComment, 0, 0, "Cy", "", "why?", false}};
  EXPECT_EQ(HighlightedText(
                "one two", {{3, 3, "f1", Severity::kMedium}, {3, 3, "f2", Severity::kHigh}}, marks),
            "<span class=\"cmt pt\" title=\"Comment by Cy: why?\">\xE2\x9C\x8E</span>one"
            "<span id=\"t-f2\"></span><a class=\"hl s-high n2\" id=\"t-f1\" href=\"#f2\" "
            "data-f=\"f1 f2\"><del title=\"Deleted by Ann\"> and &lt;b&gt;\xC2\xB6</del></a>" +
                Ref("f1") + Ref("f2") +
                " two<span class=\"hid\" title=\"Hidden text\">secret</span>"
                "<del class=\"mv\" title=\"Moved away, 2026-01-01\">gone</del>");
  // Without a finding there, deleted text is shown, unhighlighted.
  EXPECT_EQ(HighlightedText("ab", {}, {{MarkKind::kDeletion, 1, 1, "", "", "x", false}}),
            "a<del title=\"Deleted\">x</del>b");
}

TEST(HighlightedText, ManySpansOverOneBlockAreEachCutAndReferencedOnce) {
  // 500 nested spans over one text: every span gets its one reference
  // and the innermost piece names them all.
  std::vector<HtmlSpan> spans;
  const std::string text(1000, 'x');
  for (int i = 0; i < 500; ++i) {
    spans.push_back({i, 1000 - i, "f" + std::to_string(i), Severity::kLow});
  }
  const std::string html = HighlightedText(text, spans);
  for (int i : {0, 1, 250, 499}) {
    EXPECT_EQ(Occurrences(html, Ref("f" + std::to_string(i))), 1) << i;
  }
  EXPECT_EQ(Occurrences(html, "<a class=\"hl"), 2 * 500 - 1);
  EXPECT_EQ(Occurrences(html, " f499\">xx</a>"), 1);
}

// A contract written to attack the page: every field that reaches the page
// carries markup.
Review HostileReview() {
  Review r = RichReview();
  const std::string evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
  r.document.path = "contracts/<img src=x onerror=alert(3)>.docx";
  r.document.blocks[4].text = "Liability: " + evil + " without limitation & \"more\".";
  r.document.notices = {"skipped " + evil};
  r.clauses[2].heading = evil;
  r.contract_types = {evil};
  Finding& f = r.findings[2];  // liability.uncapped, in block 4
  f.message = evil;
  f.recommendation = evil;
  f.evidence = evil;
  f.rule = evil;
  f.affects = evil;
  f.location->start = 11;
  f.location->end = 11 + static_cast<int>(evil.size());
  f.suppressed = Suppression{evil, "comment"};
  r.facts[0].text = evil;
  r.facts[0].value = evil;
  return r;
}

TEST(ReportHtml, DocumentTextNeverBecomesMarkup) {
  const std::string page = ReportHtml(HostileReview(), kTool);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_EQ(Occurrences(page, "<script"), 1);  // the page's own
  EXPECT_EQ(Occurrences(page, "</script>"), 1);
  EXPECT_GE(Occurrences(page, "&lt;script&gt;alert(1)&lt;/script&gt;"), 8);
  // The span over the hostile text is cut and escaped like any other.
  EXPECT_NE(page.find("Liability: <a class=\"hl s-high\" id=\"t-f3\" href=\"#f3\" data-f=\"f3\">"
                      "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
                      "</a>" +
                      Ref("f3") + " without limitation &amp; &quot;more&quot;."),
            std::string::npos);
  EXPECT_NE(page.find("<h1>contracts/&lt;img src=x onerror=alert(3)&gt;.docx</h1>"),
            std::string::npos);
  EXPECT_NE(page.find("<p class=\"waived-note\">Waived (comment): &lt;script&gt;"),
            std::string::npos);
}

TEST(ReportHtml, RefersToNothingOutsideTheFile) {
  for (const Review& r : {RichReview(), CleanReview(), HostileReview()}) {
    const std::string page = ReportHtml(r, kTool);
    for (const char* banned : {"http://", "https://", "url(", "@import"}) {
      EXPECT_EQ(page.find(banned), std::string::npos) << banned;
    }
    // In every tag: no element that loads anything, no attribute that
    // points anywhere but to an anchor of the page, which exists.
    const std::regex tag("<[^>]*>");
    const std::regex loads("^</?(img|link|iframe|object|embed|base|audio|video|source)\\b");
    const std::regex fetches("\\s(src|srcset|action|formaction|poster|background)=");
    const std::regex href("href=\"([^\"]*)\"");
    int links = 0;
    for (auto t = std::sregex_iterator(page.begin(), page.end(), tag); t != std::sregex_iterator();
         ++t) {
      const std::string element = t->str();
      EXPECT_FALSE(std::regex_search(element, loads)) << element;
      EXPECT_FALSE(std::regex_search(element, fetches)) << element;
      std::smatch m;
      if (!std::regex_search(element, m, href)) continue;
      const std::string target = m[1];
      ASSERT_FALSE(target.empty()) << element;
      ASSERT_EQ(target[0], '#') << element;
      EXPECT_NE(page.find("id=\"" + target.substr(1) + "\""), std::string::npos) << target;
      ++links;
    }
    EXPECT_GT(links, 3);
  }
}

TEST(ReportHtml, EveryFindingHasOneCardAndTheCounterSaysHowMany) {
  const Review r = RichReview();
  const std::string page = ReportHtml(r, kTool);
  ASSERT_EQ(r.findings.size(), 5u);
  EXPECT_EQ(Occurrences(page, "<article class=\"finding "), 5);
  EXPECT_NE(page.find("<output id=\"shown\" data-total=\"5\">5</output> of 5 findings shown"),
            std::string::npos);
  for (const Finding& f : r.findings) {
    EXPECT_EQ(Occurrences(page, " id=\"" + f.id + "\""), 1) << f.id;
  }
  // The four located ones are highlighted in the text, linked both ways.
  for (const char* id : {"f2", "f3", "f4", "f5"}) {
    EXPECT_EQ(Occurrences(page, std::string(" id=\"t-") + id + "\""), 1) << id;
    EXPECT_EQ(Occurrences(page, std::string("<a href=\"#t-") + id + "\">show in text</a>"), 1);
  }
  const std::string clean = ReportHtml(CleanReview(), kTool);
  EXPECT_EQ(Occurrences(clean, "<article class=\"finding "), 0);
  EXPECT_NE(clean.find("<output id=\"shown\" data-total=\"0\">0</output> of 0 findings shown"),
            std::string::npos);
  EXPECT_NE(clean.find("<p class=\"none\">No findings.</p>"), std::string::npos);
}

TEST(ReportHtml, MissingClausesComeFirstWithoutAPlaceInTheText) {
  const std::string page = ReportHtml(RichReview(), kTool);
  const size_t missing = page.find(
      "<h3>Missing from the contract</h3>\n"
      "<article class=\"finding s-high\" id=\"f1\" "
      "data-severity=\"high\" data-category=\"confidentiality\" "
      "data-waived=\"no\">");
  ASSERT_NE(missing, std::string::npos);
  const size_t located = page.find(
      "<h3>In the text</h3>\n<article class=\"finding s-info\" "
      "id=\"f2\"");
  ASSERT_NE(located, std::string::npos);
  EXPECT_LT(missing, located);
  EXPECT_EQ(page.find("t-f1"), std::string::npos);
  EXPECT_NE(page.find("<p class=\"msg\">No confidentiality clause.</p>"), std::string::npos);
}

TEST(ReportHtml, FindingsWithoutAPlaceInTheTextAreListedAsWholeDocument) {
  Review r = RichReview();
  r.findings[1].location->block = 99;  // a block the document does not have
  r.findings[1].kind = Kind::kInconsistent;
  const std::string page = ReportHtml(r, kTool);
  const size_t whole = page.find(
      "<h3>Whole document</h3>\n<article class=\"finding s-info\" "
      "id=\"f2\"");
  ASSERT_NE(whole, std::string::npos);
  EXPECT_LT(page.find("<h3>Missing from the contract</h3>"), whole);
  EXPECT_LT(whole, page.find("<h3>In the text</h3>"));
  EXPECT_EQ(page.find("t-f2"), std::string::npos);  // no highlight, no "show in text"
  EXPECT_EQ(Occurrences(page, "<article class=\"finding "), 5);
}

TEST(ReportHtml, FiltersListTheSeveritiesAndCategoriesPresent) {
  const std::string page = ReportHtml(RichReview(), kTool);
  EXPECT_NE(page.find("<form id=\"filters\" hidden>\n<fieldset><legend>Severity</legend>\n"
                      "<label><input type=\"checkbox\" name=\"severity\" value=\"high\" checked> "
                      "high (2)</label>\n"
                      "<label><input type=\"checkbox\" name=\"severity\" value=\"medium\" "
                      "checked> medium (1)</label>\n"
                      "<label><input type=\"checkbox\" name=\"severity\" value=\"low\" checked> "
                      "low (1)</label>\n"
                      "<label><input type=\"checkbox\" name=\"severity\" value=\"info\" checked> "
                      "info (1)</label>\n</fieldset>\n"
                      "<fieldset><legend>Category</legend>\n"
                      "<label><input type=\"checkbox\" name=\"category\" value=\"term\" checked> "
                      "term (1)</label>\n"
                      "<label><input type=\"checkbox\" name=\"category\" value=\"liability\" "
                      "checked> liability (2)</label>\n"),
            std::string::npos);
  EXPECT_EQ(page.find("name=\"waived\""), std::string::npos);  // nothing waived
}

TEST(ReportHtml, WaivedFindingsAreShownAsSuch) {
  Review r = RichReview();
  r.findings[2].suppressed = Suppression{"agreed with legal", "waivers"};
  const std::string page = ReportHtml(r, kTool);
  EXPECT_NE(page.find("<article class=\"finding s-high waived\" id=\"f3\" data-severity=\"high\" "
                      "data-category=\"liability\" data-waived=\"yes\">"),
            std::string::npos);
  EXPECT_NE(page.find("<p class=\"waived-note\">Waived (waivers): agreed with legal</p>"),
            std::string::npos);
  EXPECT_NE(page.find("<li class=\"waived\"><b>1</b> waived</li>"), std::string::npos);
  EXPECT_NE(page.find("name=\"waived\" value=\"yes\" checked> yes (1)"), std::string::npos);
}

TEST(ReportHtml, SummaryOutlineAndContractText) {
  const std::string page = ReportHtml(RichReview(), kTool);
  EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(page.find("<dt>Language</dt><dd>mixed</dd>\n<dt>Contract type</dt><dd>services</dd>"),
            std::string::npos);
  EXPECT_NE(page.find("<div class=\"verdict v-block\">\n<b>BLOCK</b>\n"
                      "<span class=\"risk\">risk score 59 / 100</span>"),
            std::string::npos);
  EXPECT_NE(page.find("<li class=\"s-high\"><b>2</b> high</li>"), std::string::npos);
  // Outline: nested by level, a badge with the clause's findings.
  EXPECT_NE(page.find("<li class=\"l2\"><a href=\"#c3\">12.1 Limitation of Liability</a>"
                      "<span class=\"badge s-high\" title=\"findings\">1</span></li>"),
            std::string::npos);
  // A finding's card names its clause with the numbers above it.
  EXPECT_NE(page.find("<p class=\"meta\">clause <a href=\"#c3\">12 › 12.1 Limitation of "
                      "Liability</a> · <a href=\"#t-f3\">show in text</a> · affects customer · "
                      "f3</p>"),
            std::string::npos);
  // An unnumbered, unheaded clause is named by its first words.
  EXPECT_NE(page.find("<a href=\"#c5\">Payment is due within [●] days of invoice. Late …</a>"),
            std::string::npos);
  // The block where clause 第十二条 starts, with its number in the gutter.
  EXPECT_NE(page.find("<div class=\"blk k-paragraph\" id=\"b5\"><span class=\"cn\"><span "
                      "id=\"c4\"></span>第十二条</span><div class=\"tx\">违约方应按合同总价壹拾万"
                      "元整的<a class=\"hl s-medium\" id=\"t-f4\" href=\"#f4\" data-f=\"f4\">"
                      "百分之三十</a>" +
                      Ref("f4") + "支付违约金。</div></div>"),
            std::string::npos);
  EXPECT_NE(page.find("<div class=\"blk k-heading\" id=\"b0\"><span class=\"cn\"></span>"
                      "<div class=\"tx\">MASTER SERVICES AGREEMENT</div></div>"),
            std::string::npos);
}

TEST(ReportHtml, FactsTablesNameWhereEachFactStands) {
  const std::string page = ReportHtml(RichReview(), kTool);
  for (const char* row : {
           "<tr><td>Acme Corp.</td><td>Acme</td><td></td><td><a href=\"#b1\">Acme Corp.</a></td>"
           "</tr>",
           "<tr><td>上海某某科技有限公司</td><td></td><td>Supplier</td><td><a "
           "href=\"#b1\">上海某某科技有限公司</a></td></tr>",
           "<tr><td>2026-01-01</td><td>effective</td><td><a href=\"#b2\">1 January 2026</a></td>"
           "</tr>",
           "<tr><td><span class=\"placeholder\">unfilled</span></td><td>signing</td><td><a "
           "href=\"#b8\">____年__月__日</a></td></tr>",
           "<tr><td>invoice</td><td>payment</td>",
           "<tr><td>CNY 100,000</td><td></td><td><a href=\"#b5\">壹拾万元整</a></td></tr>",
           "<tr><td>30 days</td><td><a href=\"#b2\">30 days</a></td></tr>",
           "<tr><td>1.5% per month</td><td>18%</td><td><a href=\"#c5\">1.5% per month</a></td>"
           "</tr>",
           "<tr><td>中华人民共和国</td><td><a href=\"#b7\">中华人民共和国法律</a></td></tr>",
           "<tr><td>arbitration</td><td>上海国际仲裁中心</td><td>上海; Chinese; 3 "
           "arbitrator(s)</td><td><a href=\"#b7\">上海国际仲裁中心</a></td></tr>",
       }) {
    EXPECT_NE(page.find(row), std::string::npos) << row;
  }
  for (const char* title :
       {"Parties", "Dates", "Amounts", "Durations", "Rates", "Governing law", "Forums"}) {
    EXPECT_NE(page.find(std::string("<h3>") + title + "</h3>"), std::string::npos) << title;
  }
  // A contract without them says so.
  const std::string clean = ReportHtml(CleanReview(), kTool);
  EXPECT_EQ(Occurrences(clean, "<p class=\"none\">None found.</p>"), 7);
}

TEST(ReportHtml, AmountsAreWrittenToTheCentWithWordsChecked) {
  Review r = CleanReview();
  auto amount = [&](double number, std::optional<double> words) {
    Fact f;
    f.type = FactType::kAmount;
    f.text = "x";
    f.currency = "USD";
    f.number = number;
    f.words = words;
    r.facts.push_back(f);
  };
  amount(1234.5, std::nullopt);
  amount(1234.999, 1235.0);
  amount(-7.25, 7.0);
  const std::string page = ReportHtml(r, kTool);
  EXPECT_NE(page.find("<tr><td>USD 1,234.50</td><td></td><td>x</td></tr>"), std::string::npos);
  EXPECT_NE(page.find("<tr><td>USD 1,235</td><td>1,235</td><td>x</td></tr>"), std::string::npos);
  EXPECT_NE(page.find("<tr><td>USD -7.25</td><td><span class=\"mismatch\">7 ≠ figures</span>"
                      "</td><td>x</td></tr>"),
            std::string::npos);
}

TEST(ReportHtml, ChineseContractIsMarkedChinese) {
  Review r = RichReview();
  r.language = "zh";
  EXPECT_EQ(ReportHtml(r, kTool).rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n", 0), 0u);
  EXPECT_EQ(ReportHtml(CleanReview(), kTool).rfind("<!DOCTYPE html>\n<html lang=\"en\">\n", 0), 0u);
}

TEST(ErrorHtml, NamesTheFileAndTheReasonEscaped) {
  const std::string page =
      ErrorHtml("in/<x>.docx", Error{ErrorCode::kFormat, "bad <zip>", ""}, kTool);
  EXPECT_NE(page.find("<h1>in/&lt;x&gt;.docx</h1>"), std::string::npos);
  EXPECT_NE(page.find("Not reviewed: format: bad &lt;zip&gt;"), std::string::npos);
  EXPECT_NE(page.find("bad &lt;zip&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
}

}  // namespace
}  // namespace clausecheck::reports
