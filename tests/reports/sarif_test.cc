#include "reports/sarif.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/reports/sample_review.h"

namespace clausecheck::reports {
namespace {

using Json = nlohmann::ordered_json;
using testing::CleanReview;
using testing::RichReview;

const ToolInfo kTool{"clausecheck", "0.1.0"};

std::vector<SarifRule> Rules() {
  SarifRule uncapped;
  uncapped.id = "liability.uncapped";
  uncapped.category = Category::kLiability;
  uncapped.kind = Kind::kRisky;
  uncapped.severity = Severity::kHigh;
  uncapped.language = "en";
  uncapped.message = "Liability is uncapped.";
  uncapped.recommendation = "Cap it.";
  uncapped.basis = "UCC 2-719";
  SarifRule unused;  // produces no result: not listed
  unused.id = "assignment.free";
  return {uncapped, unused};
}

const Json* ResultOf(const Json& log, const std::string& rule) {
  for (const Json& r : log["runs"][0]["results"]) {
    if (r["ruleId"] == rule) return &r;
  }
  return nullptr;
}

TEST(SarifLevel, MapsSeverities) {
  EXPECT_EQ(SarifLevel(Severity::kCritical), "error");
  EXPECT_EQ(SarifLevel(Severity::kHigh), "error");
  EXPECT_EQ(SarifLevel(Severity::kMedium), "warning");
  EXPECT_EQ(SarifLevel(Severity::kLow), "note");
  EXPECT_EQ(SarifLevel(Severity::kInfo), "note");
}

TEST(PathToUri, EscapesAndKeepsRelativePathsRelative) {
  EXPECT_EQ(PathToUri("corpus/contracts/en-nda.txt"), "corpus/contracts/en-nda.txt");
  EXPECT_EQ(PathToUri("a b/c:d#e%.txt"), "a%20b/c%3Ad%23e%25.txt");
  EXPECT_EQ(PathToUri("合同.docx"), "%E5%90%88%E5%90%8C.docx");
  EXPECT_EQ(PathToUri("/tmp/x y.txt"), "file:///tmp/x%20y.txt");
  EXPECT_EQ(PathToUri("./a~b_c-d.txt"), "./a~b_c-d.txt");
}

TEST(SarifLog, RunToolAndRules) {
  const Json log = SarifLog({SarifEntryFor(RichReview())}, kTool, Rules());
  EXPECT_EQ(log["$schema"], kSarifSchemaUri);
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["tool"]["driver"]["name"], "clausecheck");
  EXPECT_EQ(run["tool"]["driver"]["version"], "0.1.0");
  // The rules that produced results, sorted by id; unknown to `Rules()`, the
  // others are described from their findings.
  std::vector<std::string> ids;
  for (const Json& r : run["tool"]["driver"]["rules"]) ids.push_back(r["id"]);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"confidentiality.missing", "drafting.placeholder",
                                      "liability.uncapped", "term.short", "zh.penalty.excessive"}));
  EXPECT_EQ(run["tool"]["driver"]["rules"][2].dump(),
            R"({"id":"liability.uncapped","name":"LiabilityUncapped",)"
            R"("shortDescription":{"text":"Liability is uncapped."},)"
            R"("fullDescription":{"text":"Liability is uncapped. Cap it."},)"
            R"("help":{"text":"Cap it.\nBasis: UCC 2-719"},)"
            R"("defaultConfiguration":{"level":"error"},)"
            R"("properties":{"tags":["contract","liability","risky"],"category":"liability",)"
            R"("kind":"risky","severity":"high","language":"en","basis":"UCC 2-719"}})");
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["properties"]["language"], "any");
  EXPECT_EQ(run["invocations"].dump(), R"([{"executionSuccessful":true}])");
  EXPECT_EQ(
      run["artifacts"].dump(),
      R"([{"location":{"uri":"contracts/msa.docx"},"roles":["analysisTarget"],)"
      R"("hashes":{"sha-256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}])");
}

TEST(SarifLog, LocatedResultHasRegionClauseAndFingerprint) {
  const Json log = SarifLog({SarifEntryFor(RichReview())}, kTool, Rules());
  const Json* r = ResultOf(log, "liability.uncapped");
  ASSERT_NE(r, nullptr);
  // Block 4 is line 5; "without limitation" starts at code point 45.
  EXPECT_EQ(r->dump(),
            R"({"ruleId":"liability.uncapped","ruleIndex":2,"level":"error",)"
            R"("message":{"text":"The customer's liability is uncapped. Cap liability, e.g. at )"
            R"(the fees paid in the 12 months before the claim."},)"
            R"("locations":[{"physicalLocation":{"artifactLocation":{"uri":"contracts/msa.docx",)"
            R"("index":0},"region":{"startLine":5,"startColumn":46,"endColumn":64,)"
            R"("snippet":{"text":"without limitation"}}},)"
            R"("logicalLocations":[{"name":"12.1","fullyQualifiedName":"12.1 Limitation of )"
            R"(Liability","decoratedName":"c3","kind":"section"}]}],)"
            R"("partialFingerprints":{"clausecheck/v1":"00000000000000f3"},)"
            R"("properties":{"finding":"f3","severity":"high","category":"liability",)"
            R"("kind":"risky","affects":"customer"}})");
}

TEST(SarifLog, ColumnsAreCodePoints) {
  const Json log = SarifLog({SarifEntryFor(RichReview())}, kTool, {});
  const Json* r = ResultOf(log, "zh.penalty.excessive");
  ASSERT_NE(r, nullptr);
  const Json& loc = (*r)["locations"][0];
  // "违约方应按合同总价壹拾万元整的" is 15 code points (45 bytes).
  EXPECT_EQ(loc["physicalLocation"]["region"].dump(),
            R"({"startLine":6,"startColumn":16,"endColumn":21,"snippet":{"text":"百分之三十"}})");
  EXPECT_EQ(loc["logicalLocations"][0]["name"], "第十二条");
  EXPECT_EQ(loc["logicalLocations"][0]["fullyQualifiedName"], "第十二条 违约责任");
  EXPECT_EQ((*r)["level"], "warning");
  // A clause with neither number nor heading is named by its id.
  const Json* p = ResultOf(log, "drafting.placeholder");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ((*p)["locations"][0]["logicalLocations"][0]["name"], "c5");
  EXPECT_EQ((*p)["level"], "note");
  EXPECT_EQ((*p)["message"]["text"], "Unfilled placeholder.");
}

TEST(SarifLog, MissingClauseHasOnlyTheArtifact) {
  const Json log = SarifLog({SarifEntryFor(RichReview())}, kTool, {});
  const Json* r = ResultOf(log, "confidentiality.missing");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(
      (*r)["locations"].dump(),
      R"([{"physicalLocation":{"artifactLocation":{"uri":"contracts/msa.docx","index":0}}}])");
}

TEST(SarifLog, ClauseFindingWithoutLocationIsOnTheClauseLine) {
  Review review = RichReview();
  review.findings[1].location.reset();  // term.short, clause c1 (block 2)
  const Json log = SarifLog({SarifEntryFor(review)}, kTool, {});
  const Json* r = ResultOf(log, "term.short");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ((*r)["locations"][0]["physicalLocation"]["region"].dump(), R"({"startLine":3})");
}

TEST(SarifLog, SuppressedFindingsCarrySuppressions) {
  Review review = RichReview();
  review.findings[2].suppressed = Suppression{"accepted by legal", "comment"};
  review.findings[3].suppressed = Suppression{"known since v1", "baseline"};
  review.findings[4].suppressed = Suppression{"fine here", "waivers"};
  const Json log = SarifLog({SarifEntryFor(review)}, kTool, {});
  EXPECT_EQ((*ResultOf(log, "liability.uncapped"))["suppressions"].dump(),
            R"([{"kind":"inSource","status":"accepted","justification":"accepted by legal",)"
            R"("properties":{"source":"comment"}}])");
  EXPECT_EQ((*ResultOf(log, "zh.penalty.excessive"))["suppressions"][0]["kind"], "external");
  EXPECT_EQ((*ResultOf(log, "drafting.placeholder"))["suppressions"][0]["kind"], "external");
  EXPECT_FALSE(ResultOf(log, "term.short")->contains("suppressions"));
}

TEST(SarifLog, UnreadableInputIsANotificationAndFailsTheInvocation) {
  const Error error{ErrorCode::kUnsupported, "encrypted or legacy .doc, not supported",
                    "contracts/old.doc"};
  const Json log =
      SarifLog({SarifEntryFor(RichReview()), SarifEntryForError("contracts/old.doc", error),
                SarifEntryFor(CleanReview())},
               kTool, {});
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["invocations"][0].dump(),
            R"({"executionSuccessful":false,"toolExecutionNotifications":[{"level":"error",)"
            R"("message":{"text":"contracts/old.doc: encrypted or legacy .doc, not supported"},)"
            R"("locations":[{"physicalLocation":{"artifactLocation":{"uri":"contracts/old.doc",)"
            R"("index":1}}}],"descriptor":{"id":"unsupported"}}]})");
  ASSERT_EQ(run["artifacts"].size(), 3u);
  EXPECT_EQ(run["artifacts"][1].dump(),
            R"({"location":{"uri":"contracts/old.doc"},"roles":["analysisTarget"]})");
  EXPECT_EQ(run["results"].size(), 5u);  // the clean review has none
}

TEST(SarifLog, AnInputNamedTwiceIsOneArtifact) {
  const Json log = SarifLog({SarifEntryFor(RichReview()), SarifEntryFor(RichReview())}, kTool, {});
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["artifacts"].size(), 1u);
  EXPECT_EQ(run["results"].size(), 10u);
  EXPECT_EQ(run["results"][9]["locations"][0]["physicalLocation"]["artifactLocation"]["index"], 0);
}

TEST(SarifLog, EmptyRunIsValidAndSuccessful) {
  const Json log = SarifLog({}, kTool, Rules());
  EXPECT_EQ(log["runs"][0]["results"].dump(), "[]");
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["rules"].dump(), "[]");
  EXPECT_EQ(log["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

}  // namespace
}  // namespace clausecheck::reports
