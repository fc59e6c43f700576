// Micro-benchmarks of the review pipeline's stages on synthetic contracts
// built from corpus/contracts (run from the repository root):
//   build/ci/bench/review_bench --benchmark_counter_tabular=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/ruleset.h"
#include "analyzer/segment.h"
#include "parsers/parse.h"
#include "reports/json.h"

namespace clausecheck {
namespace {

// The corpus contracts of one language concatenated until `bytes` is reached.
std::string SyntheticContract(const std::string& prefix, size_t bytes) {
  std::vector<std::string> texts;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator("corpus/contracts")) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
  }
  std::string out;
  for (size_t i = 0; !texts.empty() && out.size() < bytes; ++i) {
    out += texts[i % texts.size()];
    out += "\n\n";
  }
  return out;
}

const analyzer::Engine& DefaultEngine() {
  static const analyzer::Engine engine = [] {
    auto rs = analyzer::DefaultRuleset();
    return analyzer::Engine::Compile(rs.value()).value();
  }();
  return engine;
}

void BM_ParseText(benchmark::State& state, const std::string& lang) {
  const std::string text = SyntheticContract(lang, state.range(0));
  for (auto _ : state) {
    auto doc = parsers::ParseBytes(text, "bench.txt");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_Segment(benchmark::State& state, const std::string& lang) {
  const std::string text = SyntheticContract(lang, state.range(0));
  const Document doc = parsers::ParseBytes(text, "bench.txt").value();
  for (auto _ : state) benchmark::DoNotOptimize(analyzer::Segment(doc));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_Analyze(benchmark::State& state, const std::string& lang) {
  const std::string text = SyntheticContract(lang, state.range(0));
  const Document doc = parsers::ParseBytes(text, "bench.txt").value();
  const analyzer::Engine& engine = DefaultEngine();
  for (auto _ : state) benchmark::DoNotOptimize(analyzer::Analyze(doc, engine, {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_FullReviewToJson(benchmark::State& state, const std::string& lang) {
  const std::string text = SyntheticContract(lang, state.range(0));
  const analyzer::Engine& engine = DefaultEngine();
  for (auto _ : state) {
    auto doc = parsers::ParseBytes(text, "bench.txt");
    Review r = analyzer::Analyze(std::move(doc.value()), engine, {});
    std::string json = reports::Serialize(reports::ReportJson(r, {"clausecheck", "bench"}), false);
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_CompileDefaultRuleset(benchmark::State& state) {
  for (auto _ : state) {
    auto rs = analyzer::DefaultRuleset();
    auto engine = analyzer::Engine::Compile(rs.value());
    benchmark::DoNotOptimize(engine);
  }
}

BENCHMARK_CAPTURE(BM_ParseText, en, std::string("en-"))->Arg(100 << 10)->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_ParseText, zh, std::string("zh-"))->Arg(100 << 10)->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_Segment, en, std::string("en-"))->Arg(100 << 10);
BENCHMARK_CAPTURE(BM_Segment, zh, std::string("zh-"))->Arg(100 << 10);
BENCHMARK_CAPTURE(BM_Analyze, en, std::string("en-"))->Arg(100 << 10)->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_Analyze, zh, std::string("zh-"))->Arg(100 << 10)->Arg(1 << 20);
BENCHMARK_CAPTURE(BM_FullReviewToJson, en, std::string("en-"))->Arg(100 << 10);
BENCHMARK_CAPTURE(BM_FullReviewToJson, zh, std::string("zh-"))->Arg(100 << 10);
BENCHMARK(BM_CompileDefaultRuleset);

}  // namespace
}  // namespace clausecheck

BENCHMARK_MAIN();
