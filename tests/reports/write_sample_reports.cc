// Writes sample reports into a directory for the schema validation test:
//   OUT/rich.json OUT/clean.json OUT/error.json OUT/batch.jsonl  (must validate)
//   OUT/invalid/*.json[l]                                        (must not)
// The invalid ones prove that the schema (and the script) can reject.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "reports/json.h"
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
  return ok ? 0 : 1;
}
