// Writes sample reports into a directory for the schema validation test:
//   OUT/rich.json OUT/clean.json OUT/error.json OUT/batch.jsonl  (must validate)
//   OUT/rich.sarif (every shape of result, suppressions, an error) (must validate)
//   OUT/invalid/*.json[l], OUT/invalid/*.sarif                   (must not)
// The invalid ones prove that the schema (and the script) can reject.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "reports/json.h"
#include "reports/sarif.h"
#include "tests/reports/sample_review.h"

namespace {

using clausecheck::Error;
using clausecheck::ErrorCode;
using nlohmann::ordered_json;
namespace reports = clausecheck::reports;
namespace testing = clausecheck::reports::testing;

bool Write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << path.string() << ": cannot write\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_sample_reports OUTPUT_DIR\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::error_code ec;
  std::filesystem::create_directories(dir / "invalid", ec);
  if (ec) {
    std::cerr << dir.string() << ": " << ec.message() << "\n";
    return 2;
  }
  const reports::ToolInfo tool{"clausecheck", "0.1.0"};
  const ordered_json rich = reports::ReportJson(testing::RichReview(), tool);
  const ordered_json clean = reports::ReportJson(testing::CleanReview(), tool);
  const ordered_json error =
      reports::ErrorJson("contracts/old.doc",
                         Error{ErrorCode::kUnsupported, "encrypted or legacy .doc, not supported",
                               "contracts/old.doc"},
                         tool);

  bool ok = Write(dir / "rich.json", reports::Serialize(rich, true)) &&
            Write(dir / "clean.json", reports::Serialize(clean, true)) &&
            Write(dir / "error.json", reports::Serialize(error, true)) &&
            Write(dir / "batch.jsonl", reports::Serialize(rich, false) +
                                           reports::Serialize(error, false) +
                                           reports::Serialize(clean, false));

  // Each invalid sample breaks one rule of the schema.
  ordered_json bad = rich;
  bad["findings"][1]["severity"] = "severe";
  ok = ok && Write(dir / "invalid" / "bad_severity.json", reports::Serialize(bad, true));
  bad = rich;
  bad["document"]["pages"] = 3;
  ok = ok && Write(dir / "invalid" / "extra_key.json", reports::Serialize(bad, true));
  bad = rich;
  bad["facts"]["dates"][0].erase("role");
  ok = ok && Write(dir / "invalid" / "missing_role.json", reports::Serialize(bad, true));
  bad = rich;
  bad["clauses"][0]["id"] = "clause-1";
  ok = ok && Write(dir / "invalid" / "bad_id.json", reports::Serialize(bad, true));
  bad = rich;
  bad["risk_score"] = 101;
  ok = ok && Write(dir / "invalid" / "risk_over_100.json", reports::Serialize(bad, true));
  // A missing clause is the document's (clause, evidence, location all null)
  // or placed by a conditional requirement (all three set), never half placed.
  bad = rich;
  bad["findings"][0]["clause"] = "c1";
  ok = ok && Write(dir / "invalid" / "missing_half_placed.json", reports::Serialize(bad, true));
  bad = error;
  bad["error"]["code"] = "oops";
  ok = ok && Write(dir / "invalid" / "bad_error.jsonl",
                   reports::Serialize(clean, false) + reports::Serialize(bad, false));

  // SARIF: suppressed findings of both kinds and an unreadable input.
  clausecheck::Review waived = testing::RichReview();
  waived.findings[2].suppressed = clausecheck::Suppression{"accepted", "comment"};
  waived.findings[3].suppressed = clausecheck::Suppression{"known", "baseline"};
  const ordered_json sarif = reports::SarifLog(
      {reports::SarifEntryFor(waived),
       reports::SarifEntryForError(
           "contracts/old.doc", Error{ErrorCode::kUnsupported, "legacy .doc", "contracts/old.doc"}),
       reports::SarifEntryFor(testing::CleanReview())},
      tool, {});
  ok = ok && Write(dir / "rich.sarif", reports::Serialize(sarif, true));
  bad = sarif;
  bad["runs"][0]["results"][0]["level"] = "high";
  ok = ok && Write(dir / "invalid" / "sarif_bad_level.sarif", reports::Serialize(bad, true));
  bad = sarif;
  bad["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  ok = ok && Write(dir / "invalid" / "sarif_line_0.sarif", reports::Serialize(bad, true));
  bad = sarif;
  bad["runs"][0]["results"][2]["suppressions"][0]["kind"] = "comment";
  ok = ok && Write(dir / "invalid" / "sarif_bad_suppression.sarif", reports::Serialize(bad, true));
  return ok ? 0 : 1;
}
