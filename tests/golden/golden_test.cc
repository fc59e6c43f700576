// Golden end-to-end tests: every contract in corpus/contracts/ is reviewed
// with the embedded default ruleset and its JSON report, HTML report and SARIF
// log compared, whole, with corpus/expected/<file>.json, <file>.html and
// <file>.sarif; the `line` output
// and the CSV and Markdown summaries of the whole corpus with
// corpus/expected/batch/. After a deliberate change, regenerate them with
// scripts/update-goldens.sh (CLAUSECHECK_UPDATE_GOLDENS=1) and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/ruleset.h"
#include "cli/outputs.h"
#include "core/review.h"
#include "parsers/parse.h"
#include "parsers/xml.h"
#include "reports/console.h"
#include "reports/html.h"
#include "reports/json.h"
#include "reports/sarif.h"
#include "reports/summary.h"

namespace clausecheck {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator("corpus/contracts")) {
    if (e.is_regular_file()) files.push_back("corpus/contracts/" + e.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The mapping files of corpus/mappings, for the custom XML layouts.
const parsers::XmlOptions& CorpusXmlOptions() {
  static const parsers::XmlOptions options = [] {
    parsers::XmlOptions o;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator("corpus/mappings")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      auto m = parsers::LoadXmlMapping(ReadFile(f), f.string());
      EXPECT_TRUE(m.ok()) << m.error().ToString();
      if (m.ok()) o.mappings.push_back(m.value());
    }
    return o;
  }();
  return options;
}

Result<Document> ParseCorpusFile(const std::string& path) {
  return parsers::ParseFile(path, parsers::Limits{}, CorpusXmlOptions());
}

const analyzer::Engine& DefaultEngine() {
  static const auto engine = [] {
    auto rs = analyzer::DefaultRuleset();
    EXPECT_TRUE(rs.ok());
    return analyzer::Engine::Compile(rs.value());
  }();
  EXPECT_TRUE(engine.ok()) << engine.error().ToString();
  return engine.value();
}

const reports::ToolInfo kTool{"clausecheck", "0.1.0"};

// Compares `actual` with the golden file, or rewrites it under
// CLAUSECHECK_UPDATE_GOLDENS=1.
void ExpectGolden(const std::string& actual, const fs::path& expected_path) {
  const char* update = std::getenv("CLAUSECHECK_UPDATE_GOLDENS");
  if (update && std::string(update) == "1") {
    fs::create_directories(expected_path.parent_path());
    std::ofstream(expected_path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path))
      << expected_path << " is missing: run scripts/update-goldens.sh and review it";
  EXPECT_EQ(actual, ReadFile(expected_path))
      << "output differs from " << expected_path
      << "; if the change is deliberate run scripts/update-goldens.sh and review the diff";
}

Review ReviewCorpusFile(const std::string& path) {
  auto doc = ParseCorpusFile(path);
  EXPECT_TRUE(doc.ok()) << doc.error().ToString();
  if (!doc.ok()) return Review{};
  return analyzer::Analyze(std::move(doc.value()), DefaultEngine(), {});
}

class Golden : public testing::TestWithParam<std::string> {};

TEST_P(Golden, ReportMatchesExpected) {
  const std::string path = GetParam();
  const Review review = ReviewCorpusFile(path);
  const std::string name = fs::path(path).filename().string();
  ExpectGolden(reports::Serialize(reports::ReportJson(review, kTool), true),
               fs::path("corpus/expected") / (name + ".json"));
  // The HTML report of the same review (docs/html-report.md).
  ExpectGolden(reports::ReportHtml(review, kTool), fs::path("corpus/expected") / (name + ".html"));
  // The SARIF log of the same review, as `review --format sarif FILE` writes it.
  const auto rules = cli::SarifRules(DefaultEngine().ruleset());
  ExpectGolden(
      reports::Serialize(reports::SarifLog({reports::SarifEntryFor(review)}, kTool, rules), true),
      fs::path("corpus/expected") / (name + ".sarif"));
}

// The whole corpus as one batch, in input order: `--format line` and the
// `--summary` tables (the CLI writes the same, checked by the
// corpus_cli_batch_goldens test).
TEST(GoldenCorpus, LineOutputAndSummariesMatchExpected) {
  std::ostringstream lines;
  std::vector<reports::SummaryRow> rows;
  for (const std::string& path : CorpusFiles()) {
    const Review review = ReviewCorpusFile(path);
    reports::WriteLines(review, lines);
    rows.push_back(reports::SummaryRowFor(review));
  }
  ExpectGolden(lines.str(), "corpus/expected/batch/corpus.line");
  ExpectGolden(reports::SummaryTable(rows, reports::SummaryFormat::kCsv),
               "corpus/expected/batch/summary.csv");
  ExpectGolden(reports::SummaryTable(rows, reports::SummaryFormat::kMarkdown),
               "corpus/expected/batch/summary.md");
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).filename().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Golden, testing::ValuesIn(CorpusFiles()), TestName);

// A contract saved as DOCX (tools/txt2docx.py, some with real Word list
// numbering), XML or HTML (tools/txt2xml.py: Akoma Ntoso, a custom layout read
// through a mapping file, a generic layout, HTML) must read as the same
// contract: the same clauses, findings and facts, whatever the format.
TEST(GoldenCorpus, OtherFormatsReviewLikeTheirText) {
  auto rs = analyzer::DefaultRuleset();
  ASSERT_TRUE(rs.ok());
  auto engine = analyzer::Engine::Compile(rs.value());
  ASSERT_TRUE(engine.ok());
  auto summary = [&](const std::string& path) {
    auto doc = ParseCorpusFile(path);
    EXPECT_TRUE(doc.ok()) << path << ": " << doc.error().ToString();
    if (!doc.ok()) return std::vector<std::string>{};
    Review r = analyzer::Analyze(std::move(doc.value()), engine.value(), {});
    std::vector<std::string> out = {"clauses " + std::to_string(r.clauses.size())};
    for (const Clause& c : r.clauses) out.push_back(c.number + " | " + c.heading);
    for (const Finding& f : r.findings) out.push_back(f.rule + " | " + f.evidence);
    for (const Fact& f : r.facts) {
      out.push_back(std::string(Name(f.type)) + " | " + f.text + " | " + f.value.value_or("") +
                    " | " + f.role + " | " + (f.number ? std::to_string(*f.number) : ""));
    }
    return out;
  };
  int compared = 0;
  for (const std::string& path : CorpusFiles()) {
    const std::string name = fs::path(path).filename().string();
    if (fs::path(path).extension() == ".txt") continue;
    std::string text_path = "corpus/contracts/" + name.substr(0, name.find('.')) + ".txt";
    if (!fs::exists(text_path)) continue;
    SCOPED_TRACE(path);
    EXPECT_EQ(summary(path), summary(text_path));
    ++compared;
  }
  EXPECT_GE(compared, 15);  // 11 DOCX, 2 XML, 1 Akoma Ntoso, 1 HTML
}

TEST(GoldenCorpus, EveryExpectedFileHasItsContract) {
  for (const auto& e : fs::directory_iterator("corpus/expected")) {
    if (e.is_directory()) continue;  // batch/: outputs of the whole corpus
    const fs::path name = e.path().filename();
    ASSERT_TRUE(name.extension() == ".json" || name.extension() == ".html" ||
                name.extension() == ".sarif")
        << name;
    std::string contract = "corpus/contracts/" + name.stem().string();
    EXPECT_TRUE(fs::exists(contract)) << name << " is stale: " << contract << " is gone";
  }
}

}  // namespace
}  // namespace clausecheck
