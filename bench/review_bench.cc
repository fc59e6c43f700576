// Micro-benchmarks of the review pipeline's stages on synthetic contracts
// built from corpus/contracts (run from the repository root):
//   build/ci/bench/review_bench --benchmark_counter_tabular=true
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/ruleset.h"
#include "analyzer/segment.h"
#include "parsers/parse.h"
#include "parsers/xml.h"
#include "reports/json.h"

namespace clausecheck {
namespace {

// The corpus's text contracts of one language concatenated until `bytes` is reached.
std::string SyntheticContract(const std::string& prefix, size_t bytes) {
  std::vector<std::string> texts;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator("corpus/contracts")) {
    if (e.path().filename().string().rfind(prefix, 0) == 0 && e.path().extension() == ".txt") {
      paths.push_back(e.path());
    }
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

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// A DOCX of about `pages` pages (3,000 characters a page) of corpus text, one
// w:p per line, every clause number as literal text.
std::string SyntheticDocx(const std::string& prefix, int pages) {
  std::string body;
  for (const std::string& line : Lines(SyntheticContract(prefix, size_t(pages) * 3000))) {
    body += "<w:p><w:r><w:t xml:space=\"preserve\">" + XmlEscape(line) + "</w:t></w:r></w:p>";
  }
  const std::vector<std::pair<std::string, std::string>> files = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
       "officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
       "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
           body + "</w:body></w:document>"}};
  std::stringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, content] : files) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(2026, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  zip.close();
  return out.str();
}

// Generic XML of about `bytes` bytes: sections with a number, a title and paragraphs.
std::string SyntheticXml(size_t bytes) {
  const std::vector<std::string> lines = Lines(SyntheticContract("en-", 200 << 10));
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<contract>\n";
  for (size_t i = 0; xml.size() < bytes; ++i) {
    xml += "<section num=\"" + std::to_string(i + 1) + "\"><title>Section " +
           std::to_string(i + 1) + "</title><p>" + XmlEscape(lines[i % lines.size()]) +
           "</p></section>\n";
  }
  return xml + "</contract>\n";
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
    std::string json = reports::ReportJsonText(r, {"clausecheck", "bench"}, false);
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

// Issue 3's figure: a 50-page contract DOCX, parsed (unzip, XML, blocks).
void BM_ParseDocx(benchmark::State& state) {
  const std::string docx = SyntheticDocx("en-", static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto doc = parsers::ParseBytes(docx, "bench.docx");
    if (!doc.ok()) state.SkipWithError(doc.error().message.c_str());
    benchmark::DoNotOptimize(doc);
  }
  state.counters["docx_kb"] = static_cast<double>(docx.size()) / 1024;
}

// The same DOCX through the whole review (parse, segment, classify, rules, JSON).
void BM_ReviewDocx(benchmark::State& state) {
  const std::string docx = SyntheticDocx("en-", static_cast<int>(state.range(0)));
  const analyzer::Engine& engine = DefaultEngine();
  for (auto _ : state) {
    auto doc = parsers::ParseBytes(docx, "bench.docx");
    Review r = analyzer::Analyze(std::move(doc.value()), engine, {});
    benchmark::DoNotOptimize(reports::ReportJsonText(r, {"clausecheck", "bench"}, false));
  }
}

// Issue 4's figure: a 5 MB XML contract, parsed.
void BM_ParseXml(benchmark::State& state) {
  const std::string xml = SyntheticXml(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto doc = parsers::ParseBytes(xml, "bench.xml");
    if (!doc.ok()) state.SkipWithError(doc.error().message.c_str());
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * xml.size()));
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
BENCHMARK(BM_ParseDocx)->Arg(20)->Arg(50)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReviewDocx)->Arg(20)->Arg(50)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseXml)->Arg(5 << 20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CompileDefaultRuleset);

}  // namespace
}  // namespace clausecheck

BENCHMARK_MAIN();
