// Golden end-to-end tests: every contract in corpus/contracts/ is reviewed
// with the embedded default ruleset and its JSON report compared, whole, with
// corpus/expected/<file>.json. After a deliberate change, regenerate them with
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
#include "parsers/parse.h"
#include "reports/json.h"

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

class Golden : public testing::TestWithParam<std::string> {};

TEST_P(Golden, ReportMatchesExpected) {
  const std::string path = GetParam();
  static const auto engine = [] {
    auto rs = analyzer::DefaultRuleset();
    EXPECT_TRUE(rs.ok());
    return analyzer::Engine::Compile(rs.value());
  }();
  ASSERT_TRUE(engine.ok()) << engine.error().ToString();
  auto doc = parsers::ParseFile(path, parsers::Limits{});
  ASSERT_TRUE(doc.ok()) << doc.error().ToString();
  Review review = analyzer::Analyze(std::move(doc.value()), engine.value(), {});
  const std::string actual = reports::Serialize(
      reports::ReportJson(review, reports::ToolInfo{"clausecheck", "0.1.0"}), true);

  const fs::path expected_path =
      fs::path("corpus/expected") / (fs::path(path).filename().string() + ".json");
  const char* update = std::getenv("CLAUSECHECK_UPDATE_GOLDENS");
  if (update && std::string(update) == "1") {
    fs::create_directories(expected_path.parent_path());
    std::ofstream(expected_path, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << expected_path;
  }
  ASSERT_TRUE(fs::exists(expected_path))
      << expected_path << " is missing: run scripts/update-goldens.sh and review it";
  EXPECT_EQ(actual, ReadFile(expected_path))
      << "report differs from " << expected_path
      << "; if the change is deliberate run scripts/update-goldens.sh and review the diff";
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Golden, testing::ValuesIn(CorpusFiles()), TestName);

TEST(GoldenCorpus, EveryExpectedFileHasItsContract) {
  for (const auto& e : fs::directory_iterator("corpus/expected")) {
    std::string name = e.path().filename().string();
    ASSERT_GT(name.size(), 5u);
    std::string contract = "corpus/contracts/" + name.substr(0, name.size() - 5);
    EXPECT_TRUE(fs::exists(contract)) << name << " is stale: " << contract << " is gone";
  }
}

}  // namespace
}  // namespace clausecheck
