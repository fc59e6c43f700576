#include "reports/json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "tests/reports/sample_review.h"

namespace clausecheck::reports {
namespace {

using nlohmann::ordered_json;
using testing::CleanReview;
using testing::RichReview;

const ToolInfo kTool{"clausecheck", "0.1.0"};

std::string Compact(const ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> Keys(const ordered_json& j) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  return keys;
}

TEST(ReportJson, TopLevelKeysInDocumentedOrder) {
  ordered_json j = ReportJson(RichReview(), kTool);
  EXPECT_EQ(Keys(j),
            (std::vector<std::string>{"schema", "tool", "ruleset", "document", "verdict",
                                      "risk_score", "counts", "clauses", "findings", "facts"}));
  EXPECT_EQ(j["schema"], "clausecheck/report@1");
  EXPECT_EQ(Compact(j["tool"]), R"({"name":"clausecheck","version":"0.1.0"})");
  EXPECT_EQ(Compact(j["ruleset"]), R"({"name":"default","version":"2026.11","rules":120})");
  EXPECT_EQ(j["verdict"], "block");
  EXPECT_EQ(j["risk_score"], 59);
}

TEST(ReportJson, DocumentAndCounts) {
  ordered_json j = ReportJson(RichReview(), kTool);
  EXPECT_EQ(Compact(j["document"]),
            R"({"path":"contracts/msa.docx","format":"docx","sha256":)"
            R"("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",)"
            R"("language":"mixed","contract_types":["services"],"encoding":"UTF-8","blocks":9,)"
            R"("clauses":6,"characters":431,)"
            R"("notices":[]})");
  EXPECT_EQ(Compact(j["counts"]), R"({"critical":0,"high":2,"medium":1,"low":1,"info":1})");
}

TEST(ReportJson, ClausesCarryParentIdAndFirstBlock) {
  ordered_json j = ReportJson(RichReview(), kTool);
  ASSERT_EQ(j["clauses"].size(), 6u);
  EXPECT_EQ(Compact(j["clauses"][0]),
            R"({"id":"c1","number":"1","heading":"Term","level":1,"parent":null,)"
            R"("categories":["term"],"tags":[],)"
            R"("text":"This Agreement starts on 1 January 2026 and continues for 30 days.",)"
            R"("location":{"part":"word/document.xml","block":2}})");
  EXPECT_EQ(Compact(j["clauses"][2]),
            R"({"id":"c3","number":"12.1","heading":"Limitation of Liability","level":2,)"
            R"("parent":"c2","categories":["liability"],"tags":["cap_on_liability"],)"
            R"("text":"The Customer shall be liable for all damages without limitation.",)"
            R"("location":{"part":"word/document.xml","block":4}})");
  EXPECT_EQ(j["clauses"][3]["number"], "第十二条");
  EXPECT_EQ(j["clauses"][3]["heading"], "违约责任");
  // Unnumbered, unheaded: null, not "".
  EXPECT_TRUE(j["clauses"][4]["number"].is_null());
  EXPECT_TRUE(j["clauses"][4]["heading"].is_null());
  EXPECT_EQ(Compact(j["clauses"][5]["tags"]), R"(["arbitration","governing_law"])");
}

TEST(ReportJson, ClauseWithoutBlocksHasNullLocation) {
  Review r = RichReview();
  r.clauses[0].first_block = 99;
  r.clauses[1].parent = 42;
  ordered_json j = ReportJson(r, kTool);
  EXPECT_TRUE(j["clauses"][0]["location"].is_null());
  EXPECT_TRUE(j["clauses"][1]["parent"].is_null());
}

TEST(ReportJson, MissingFindingHasNullClauseEvidenceAndLocation) {
  ordered_json j = ReportJson(RichReview(), kTool);
  ASSERT_EQ(j["findings"].size(), 5u);
  EXPECT_EQ(Compact(j["findings"][0]),
            R"({"id":"f1","rule":"confidentiality.missing","category":"confidentiality",)"
            R"("kind":"missing","severity":"high","message":"No confidentiality clause.",)"
            R"("recommendation":"Add a mutual confidentiality clause.","clause":null,)"
            R"("evidence":null,"affects":null,"fingerprint":"00000000000000f1","suppressed":null,)"
            R"("location":null})");
}

TEST(ReportJson, LocatedFindingHasCodePointSpan) {
  ordered_json j = ReportJson(RichReview(), kTool);
  EXPECT_EQ(Compact(j["findings"][2]),
            R"({"id":"f3","rule":"liability.uncapped","category":"liability","kind":"risky",)"
            R"("severity":"high","message":"The customer's liability is uncapped.",)"
            R"("recommendation":"Cap liability, e.g. at the fees paid in the 12 months before )"
            R"(the claim.","clause":"c3","evidence":"without limitation","affects":"customer",)"
            R"("fingerprint":"00000000000000f3","suppressed":null,)"
            R"("location":{"part":"word/document.xml","block":4,"start":45,"end":63}})");
  // Chinese: offsets count code points, not bytes.
  EXPECT_EQ(Compact(j["findings"][3]["location"]),
            R"({"part":"word/document.xml","block":5,"start":15,"end":20})");
  EXPECT_EQ(j["findings"][3]["evidence"], "百分之三十");
}

TEST(ReportJson, EmptyRecommendationIsNull) {
  ordered_json j = ReportJson(RichReview(), kTool);
  EXPECT_EQ(j["findings"][4]["rule"], "drafting.placeholder");
  EXPECT_TRUE(j["findings"][4]["recommendation"].is_null());
}

TEST(ReportJson, FactsGroupedByTypeInDocumentedOrder) {
  ordered_json j = ReportJson(RichReview(), kTool);
  const ordered_json& facts = j["facts"];
  EXPECT_EQ(Keys(facts),
            (std::vector<std::string>{"dates", "amounts", "durations", "percentages", "parties",
                                      "governing_law", "forums", "defined_terms", "references"}));
  EXPECT_EQ(facts["dates"].size(), 3u);
  EXPECT_EQ(facts["amounts"].size(), 1u);
  EXPECT_EQ(facts["durations"].size(), 2u);
  EXPECT_EQ(facts["percentages"].size(), 2u);
  EXPECT_EQ(facts["parties"].size(), 2u);
  EXPECT_EQ(facts["governing_law"].size(), 1u);
  EXPECT_EQ(facts["forums"].size(), 1u);
  EXPECT_EQ(facts["defined_terms"].size(), 1u);
  EXPECT_EQ(facts["references"].size(), 1u);
}

TEST(ReportJson, FactShapes) {
  ordered_json f = ReportJson(RichReview(), kTool)["facts"];
  EXPECT_EQ(Compact(f["dates"][0]),
            R"({"value":"2026-01-01","role":"effective","ambiguous":false,"relative":null,)"
            R"("placeholder":false,)"
            R"("text":"1 January 2026","clause":"c1",)"
            R"("location":{"part":"word/document.xml","block":2,"start":25,"end":39}})");
  EXPECT_EQ(
      Compact(f["dates"][1]),
      R"({"value":null,"role":"signing","ambiguous":false,"relative":null,"placeholder":true,)"
      R"("text":"____年__月__日","clause":null,)"
      R"("location":{"part":"word/document.xml","block":8,"start":5,"end":16}})");
  // Counted from a date the contract does not give: no value, not a blank.
  EXPECT_EQ(Compact(f["dates"][2]),
            R"({"value":null,"role":"payment","ambiguous":false,)"
            R"("relative":{"anchor":"invoice","offset":0,"unit":null,"direction":"after"},)"
            R"("placeholder":false,"text":"[●] days of invoice","clause":"c5",)"
            R"("location":{"part":"word/document.xml","block":6,"start":22,"end":41}})");
  EXPECT_EQ(
      Compact(f["amounts"][0]),
      R"({"value":100000.0,"currency":"CNY","words":null,"consistent":null,"placeholder":false,)"
      R"("text":"壹拾万元整",)"
      R"("clause":"c4","location":{"part":"word/document.xml","block":5,"start":9,"end":14}})");
  EXPECT_EQ(Compact(f["durations"][0]),
            R"({"value":30,"unit":"day","words":null,"consistent":null,"placeholder":false,)"
            R"("text":"30 days","clause":"c1",)"
            R"("location":{"part":"word/document.xml","block":2,"start":58,"end":65}})");
  EXPECT_EQ(Compact(f["durations"][1]),
            R"({"value":null,"unit":"day","words":null,"consistent":null,"placeholder":true,)"
            R"("text":"[●] days","clause":"c5",)"
            R"("location":{"part":"word/document.xml","block":6,"start":22,"end":30}})");
  EXPECT_EQ(Compact(f["percentages"][0]),
            R"({"value":30.0,"per":null,"annual":null,"words":null,"consistent":null,)"
            R"("placeholder":false,"text":"百分之三十","clause":"c4",)"
            R"("location":{"part":"word/document.xml","block":5,"start":15,"end":20}})");
  EXPECT_EQ(Compact(f["percentages"][1]),
            R"({"value":1.5,"per":"month","annual":18.0,"words":null,"consistent":null,)"
            R"("placeholder":false,"text":"1.5% per month",)"
            R"("clause":"c5","location":null})");
  EXPECT_EQ(Compact(f["parties"][0]),
            R"({"value":"Acme Corp.","short":"Acme","role":null,"mentions":["c1"],)"
            R"("placeholder":false,)"
            R"("text":"Acme Corp.","clause":null,)"
            R"("location":{"part":"word/document.xml","block":1,"start":31,"end":41}})");
  EXPECT_EQ(Compact(f["parties"][1]["role"]), R"("Supplier")");
  EXPECT_EQ(
      Compact(f["governing_law"][0]),
      R"({"value":"中华人民共和国","placeholder":false,"text":"中华人民共和国法律",)"
      R"("clause":"c6","location":{"part":"word/document.xml","block":7,"start":5,"end":14}})");
  EXPECT_EQ(Compact(f["forums"][0]),
            R"({"type":"arbitration","value":"上海国际仲裁中心","seat":"上海","rules":null,)"
            R"("language":"Chinese","arbitrators":3,)"
            R"("placeholder":false,"text":"上海国际仲裁中心","clause":"c6",)"
            R"("location":{"part":"word/document.xml","block":7,"start":19,"end":27}})");
  EXPECT_EQ(
      Compact(f["defined_terms"][0]),
      R"({"value":"Supplier","uses":0,"placeholder":false,"text":"\"Supplier\"",)"
      R"("clause":null,"location":{"part":"word/document.xml","block":1,"start":71,"end":81}})");
  EXPECT_EQ(Compact(f["references"][0]),
            R"({"value":"12.1","target":"c3","placeholder":false,"text":"Section 12.1",)"
            R"("clause":"c5","location":null})");
}

TEST(ReportJson, SuppressedFindingsSayWhyAndStayInTheReport) {
  Review r = RichReview();
  r.findings[2].suppressed = Suppression{"agreed with legal", "comment"};
  ordered_json j = ReportJson(r, kTool);
  EXPECT_EQ(Compact(j["findings"][2]["suppressed"]),
            R"({"reason":"agreed with legal","source":"comment"})");
  EXPECT_TRUE(j["findings"][0]["suppressed"].is_null());
}

TEST(ReportJson, WordsAndFiguresSayWhetherTheyAgree) {
  Review r = CleanReview();
  Fact twice;
  twice.type = FactType::kAmount;
  twice.number = 10000;
  twice.words = 100000;
  twice.currency = "CNY";
  Fact agree = twice;
  agree.words = 10000;
  r.facts = {twice, agree};
  ordered_json j = ReportJson(r, kTool);
  EXPECT_EQ(j["facts"]["amounts"][0]["words"], 100000);
  EXPECT_EQ(j["facts"]["amounts"][0]["consistent"], false);
  EXPECT_EQ(j["facts"]["amounts"][1]["consistent"], true);
}

TEST(ReportJson, ValuesOutsideTheVocabularyStayInsideTheSchema) {
  Review r = CleanReview();
  r.language = "";
  r.document.sha256 = "";
  r.document.encoding = "";
  Fact date;
  date.type = FactType::kDate;
  date.role = "";
  date.value = "2026-03";
  Fact amount;
  amount.type = FactType::kAmount;
  amount.number = std::nan("");
  Fact duration;
  duration.type = FactType::kDuration;
  duration.number = 1.5;
  duration.unit = "fortnight";
  Fact forum;
  forum.type = FactType::kForum;
  forum.forum_type = "tribunal";
  r.facts = {date, amount, duration, forum};
  ordered_json j = ReportJson(r, kTool);
  EXPECT_EQ(j["document"]["language"], "unknown");
  EXPECT_TRUE(j["document"]["sha256"].is_null());
  EXPECT_TRUE(j["document"]["encoding"].is_null());
  EXPECT_EQ(j["facts"]["dates"][0]["role"], "other");
  EXPECT_EQ(j["facts"]["dates"][0]["value"], "2026-03");
  EXPECT_TRUE(j["facts"]["amounts"][0]["value"].is_null());
  EXPECT_TRUE(j["facts"]["amounts"][0]["currency"].is_null());
  EXPECT_EQ(Compact(j["facts"]["durations"][0]["value"]), "1.5");
  EXPECT_TRUE(j["facts"]["durations"][0]["unit"].is_null());
  EXPECT_TRUE(j["facts"]["forums"][0]["type"].is_null());
}

TEST(ReportJson, CleanDocumentHasEmptyListsNotMissingKeys) {
  ordered_json j = ReportJson(CleanReview(), kTool);
  EXPECT_EQ(j["verdict"], "pass");
  EXPECT_EQ(j["risk_score"], 0);
  EXPECT_EQ(Compact(j["counts"]), R"({"critical":0,"high":0,"medium":0,"low":0,"info":0})");
  EXPECT_EQ(Compact(j["findings"]), "[]");
  EXPECT_EQ(Compact(j["facts"]),
            R"({"dates":[],"amounts":[],"durations":[],"percentages":[],"parties":[],)"
            R"("governing_law":[],"forums":[],"defined_terms":[],"references":[]})");
  EXPECT_EQ(Compact(j["clauses"][0]["location"]), R"({"part":"text","block":0})");
  EXPECT_TRUE(j["clauses"][0]["heading"].is_null());
}

TEST(ErrorJson, Shape) {
  ordered_json j = ErrorJson(
      "in/old.doc", Error{ErrorCode::kUnsupported, "encrypted or legacy .doc, not supported", "x"},
      kTool);
  EXPECT_EQ(
      Compact(j),
      R"({"schema":"clausecheck/report@1","tool":{"name":"clausecheck","version":"0.1.0"},)"
      R"("document":{"path":"in/old.doc"},)"
      R"("error":{"code":"unsupported","message":"encrypted or legacy .doc, not supported"}})");
  EXPECT_EQ(ErrorJson("a", Error{ErrorCode::kTooLarge, "m", ""}, kTool)["error"]["code"],
            "too_large");
}

TEST(Serialize, PrettyIsIndentedWithTrailingNewline) {
  std::string s = Serialize(ReportJson(CleanReview(), kTool), true);
  EXPECT_EQ(s.rfind("{\n  \"schema\": \"clausecheck/report@1\",\n  \"tool\": {\n    \"name\"", 0),
            0u);
  ASSERT_GE(s.size(), 2u);
  EXPECT_EQ(s.substr(s.size() - 2), "}\n");
}

TEST(Serialize, CompactIsOneLine) {
  std::string s = Serialize(ReportJson(RichReview(), kTool), false);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s.back(), '\n');
  EXPECT_EQ(s.find('\n'), s.size() - 1);
  EXPECT_EQ(s.rfind(R"({"schema":"clausecheck/report@1","tool":)", 0), 0u);
  // UTF-8 as is, not \u escapes.
  EXPECT_NE(s.find("第十二条"), std::string::npos);
  // Round trip.
  EXPECT_EQ(ordered_json::parse(s), ReportJson(RichReview(), kTool));
}

TEST(Serialize, InvalidUtf8IsReplacedNotThrown) {
  std::string s = Serialize(ErrorJson("bad\xff.txt", Error{ErrorCode::kIo, "m", ""}, kTool), false);
  EXPECT_NE(s.find("bad\xEF\xBF\xBD.txt"), std::string::npos);
}

TEST(ReportJson, SameReviewSameBytes) {
  EXPECT_EQ(Serialize(ReportJson(RichReview(), kTool), true),
            Serialize(ReportJson(RichReview(), kTool), true));
}

// ReportJsonText writes the report without a tree; its bytes must be what
// nlohmann writes for the same values: reading the text back and letting
// nlohmann write it gives the same bytes, pretty and on one line, for text
// that needs escaping, text that is not UTF-8 and numbers of every shape.
TEST(ReportJsonText, SameBytesAsNlohmannWouldWrite) {
  std::vector<Review> reviews = {RichReview(), CleanReview(), RichReview()};
  Review& r = reviews[2];
  r.clauses[0].text = "quote \" back\\slash\ttab\nline\r\b\f\x01\x1f\x7f end";
  r.clauses[0].heading = "bad \xff\xfe utf-8 \xe4\xb8 cut \xed\xa0\x80 surrogate";
  r.document.notices = {"", "“引号” ünïcode 😀"};
  const double kNumbers[] = {0.1,   30,     1e20,    1e-7,   -0.0,   123456789.125,
                             1e300, 5e-324, 1.0 / 3, 100000, 2.5e15, 9.0e15};
  for (double d : kNumbers) {
    Fact f;
    f.type = FactType::kAmount;
    f.number = d;
    f.words = d;
    f.text = "x";
    r.facts.push_back(f);
    f.type = FactType::kDuration;
    r.facts.push_back(f);
  }
  Fact nan;
  nan.type = FactType::kPercentage;
  nan.number = std::nan("");
  nan.annual = INFINITY;
  r.facts.push_back(nan);
  for (const Review& review : reviews) {
    for (bool pretty : {true, false}) {
      const std::string text = ReportJsonText(review, kTool, pretty);
      EXPECT_EQ(Serialize(ordered_json::parse(text), pretty), text) << pretty;
    }
  }
  // Text that is not UTF-8 is replaced exactly as nlohmann replaces it.
  const std::string compact = ReportJsonText(r, kTool, false);
  EXPECT_NE(compact.find(Compact(ordered_json(r.clauses[0].heading))), std::string::npos);
  EXPECT_NE(compact.find(Compact(ordered_json(r.clauses[0].text))), std::string::npos);
  EXPECT_NE(compact.find(R"("value":null,"per":null,"annual":null)"), std::string::npos);
  EXPECT_NE(compact.find(R"("value":1e+20)"), std::string::npos);
  EXPECT_NE(compact.find(R"("value":100000,"unit")"), std::string::npos);  // a whole count
  EXPECT_NE(compact.find(R"("value":100000.0,"currency")"), std::string::npos);
}

// The escaper copies the runs between bytes that need escaping, eight bytes
// at a time: every such byte, and every byte that does not need it, at every
// position of strings around the eight-byte steps, comes out as nlohmann
// writes it and reads back as it was.
TEST(ReportJsonText, EscapesEveryByteAtEveryPosition) {
  const std::string kBytes[] = {"\"",   "\\",   "\n", "\t", "\x01",
                                "\x1f", "\x7f", " ",  "~",  "\x80\x80" /* not UTF-8 */,
                                "é",    "中"};
  Review r = RichReview();
  std::vector<std::string> texts;
  for (size_t len = 0; len <= 26; ++len) {
    for (size_t pos = 0; pos <= len; ++pos) {
      for (const std::string& b : kBytes) {
        std::string t(len, 'a');
        t.insert(pos, b);
        texts.push_back(t);
        texts.push_back(t + b);  // and a second one at the end
      }
    }
  }
  r.clauses.resize(1);
  Clause proto = r.clauses[0];
  r.clauses.clear();
  for (const std::string& t : texts) {
    r.clauses.push_back(proto);
    r.clauses.back().text = t;
  }
  const std::string text = ReportJsonText(r, kTool, false);
  EXPECT_EQ(Serialize(ordered_json::parse(text), false), text);
  const ordered_json j = ordered_json::parse(text);
  ASSERT_EQ(j["clauses"].size(), texts.size());
  for (size_t k = 0; k < texts.size(); ++k) {
    // As written and read back by nlohmann: the text itself, or with U+FFFD
    // for what is not UTF-8.
    const std::string want =
        ordered_json(texts[k]).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    EXPECT_EQ(j["clauses"][k]["text"], ordered_json::parse(want)) << k;
    if (texts[k].find("\x80") == std::string::npos) {
      EXPECT_EQ(j["clauses"][k]["text"], texts[k]) << k;
    }
  }
}

}  // namespace
}  // namespace clausecheck::reports
