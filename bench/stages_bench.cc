// Micro-benchmarks of each stage of a review, on contracts made by
// bench/gen_corpus.py (run from the repository root; python3 is needed):
//   build/ci/bench/stages_bench --benchmark_counter_tabular=true
// Inputs: a 20-page English DOCX, a 100-page English DOCX and a 20-page
// Chinese DOCX (seed 1), so a regression points at one stage: unzip, XML
// parse, numbering, DOCX to blocks, segmentation, classification, fact
// extraction, rule scan, checks, JSON, and the whole review.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <sstream>
#include <string>

#include "analyzer/analyze.h"
#include "analyzer/candidates.h"
#include "analyzer/contract_type.h"
#include "analyzer/engine.h"
#include "analyzer/extract.h"
#include "analyzer/language.h"
#include "analyzer/ruleset.h"
#include "analyzer/segment.h"
#include "parsers/docx.h"
#include "parsers/docx_numbering.h"
#include "parsers/parse.h"
#include "parsers/zip.h"
#include "reports/json.h"

namespace clausecheck {
namespace {

namespace fs = std::filesystem;

struct Input {
  const char* name;
  const char* lang;
  int pages;
};
constexpr Input kInputs[] = {{"en20", "en", 20}, {"en100", "en", 100}, {"zh20", "zh", 20}};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The DOCX bytes of kInputs[i], generated once per run.
const std::string& Docx(int i) {
  static std::map<int, std::string> cache;
  auto it = cache.find(i);
  if (it != cache.end()) return it->second;
  const Input& in = kInputs[i];
  const fs::path dir = fs::temp_directory_path() / ("clausecheck-stages-" + std::string(in.name));
  const std::string cmd = "python3 bench/gen_corpus.py '" + dir.string() +
                          "' -n 1 --seed 1 --pages " + std::to_string(in.pages) + "-" +
                          std::to_string(in.pages) + " --langs " + in.lang +
                          " --formats docx 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "stages_bench: '%s' failed (run from the repository root)\n", cmd.c_str());
    std::exit(2);
  }
  const fs::path file =
      dir / ("1-" + std::string(in.lang) + "-" + std::to_string(in.pages) + "p.docx");
  return cache.emplace(i, ReadFile(file)).first->second;
}

const analyzer::Engine& DefaultEngine() {
  static const analyzer::Engine engine = [] {
    auto rs = analyzer::DefaultRuleset();
    return analyzer::Engine::Compile(rs.value()).value();
  }();
  return engine;
}

// Everything a stage may need, computed once per input.
struct Stages {
  std::string docx;
  std::string document_xml, numbering_xml, styles_xml;
  Document doc;
  std::string language;
  std::vector<Clause> clauses;  // segmented and classified
  std::vector<std::string> types;
  std::vector<Fact> facts;
  Review review;
};

const Stages& Prepared(int i) {
  static std::map<int, Stages> cache;
  auto it = cache.find(i);
  if (it != cache.end()) return it->second;
  Stages s;
  s.docx = Docx(i);
  auto zip = parsers::ZipPackage::Open(s.docx, parsers::ZipLimits{}).value();
  s.document_xml = zip.Read("word/document.xml").value();
  s.numbering_xml = zip.Read("word/numbering.xml").value();
  s.styles_xml = zip.Read("word/styles.xml").value();
  s.doc = parsers::ParseBytes(s.docx, "bench.docx").value();
  s.language = analyzer::DetectLanguage(s.doc);
  s.clauses = analyzer::Segment(s.doc);
  s.types = analyzer::DetectContractTypes(s.doc, s.clauses);
  DefaultEngine().Classify(s.language, &s.clauses);
  s.facts = analyzer::ExtractFacts(s.doc, s.clauses, {s.language, {}});
  s.review = analyzer::Analyze(s.doc, DefaultEngine(), {});
  return cache.emplace(i, std::move(s)).first->second;
}

void Label(benchmark::State& state, const Stages& s) {
  state.counters["docx_kb"] = static_cast<double>(s.docx.size()) / 1024;
  state.counters["clauses"] = static_cast<double>(s.clauses.size());
}

void BM_Unzip(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto zip = parsers::ZipPackage::Open(s.docx, parsers::ZipLimits{});
    for (const auto& e : zip.value().entries()) benchmark::DoNotOptimize(zip.value().Read(e.name));
  }
  Label(state, s);
}

void BM_XmlParse(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    pugi::xml_document xml;
    benchmark::DoNotOptimize(xml.load_buffer(s.document_xml.data(), s.document_xml.size(),
                                             pugi::parse_default | pugi::parse_ws_pcdata));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.document_xml.size()));
  Label(state, s);
}

// Loading the numbering and labelling every list paragraph of the document.
void BM_Numbering(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  int labelled = 0;
  for (const Block& b : s.doc.blocks) labelled += b.label.empty() ? 0 : 1;
  for (auto _ : state) {
    auto numbering = parsers::DocxNumbering::Load(s.numbering_xml, s.styles_xml);
    parsers::DocxNumbering::ListRef ref;
    int level = 0;
    for (int k = 0; k < labelled; ++k) {
      level = k % 5 == 0 ? 0 : 1;
      if (numbering.Resolve(1, level, "", &ref)) benchmark::DoNotOptimize(numbering.NextLabel(ref));
    }
  }
  state.counters["labels"] = labelled;
  Label(state, s);
}

void BM_ParseDocx(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(parsers::ParseBytes(s.docx, "bench.docx"));
  Label(state, s);
}

void BM_Segment(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(analyzer::Segment(s.doc));
  Label(state, s);
}

void BM_LanguageAndTypes(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(analyzer::DetectLanguage(s.doc));
    benchmark::DoNotOptimize(analyzer::DetectContractTypes(s.doc, s.clauses));
  }
  Label(state, s);
}

void BM_Classify(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  const analyzer::Engine& engine = DefaultEngine();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Clause> clauses = s.clauses;
    state.ResumeTiming();
    engine.Classify(s.language, &clauses);
    benchmark::DoNotOptimize(clauses);
  }
  Label(state, s);
}

// The literal scan of classification and the rule scan alone: a filter of
// the default ruleset's rule and classifier patterns for the document's
// language (as the engine builds it), every clause text scanned once for the
// candidates.
void BM_LiteralScan(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  const auto rs = analyzer::DefaultRuleset().value();
  auto applies = [&](analyzer::Lang l) { return analyzer::LangApplies(l, s.language); };
  analyzer::CandidateFilter filter;
  for (const analyzer::Rule& r : rs.rules) {
    if (!r.match.empty() && applies(r.lang)) filter.Add(r.match);
  }
  for (const analyzer::Classifier& c : rs.classifiers) {
    if (!applies(c.lang)) continue;
    if (!c.heading.empty()) filter.Add(c.heading);
    if (!c.text.empty()) filter.Add(c.text);
  }
  filter.Compile();
  std::vector<int> candidates;
  size_t found = 0, bytes = 0;
  for (const Clause& c : s.clauses) bytes += c.text.size();
  for (auto _ : state) {
    found = 0;
    for (const Clause& c : s.clauses) {
      filter.Candidates(c.text, &candidates);
      found += candidates.size();
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["atoms"] = filter.atoms();
  state.counters["candidates"] = static_cast<double>(found);
  Label(state, s);
}

void BM_ExtractFacts(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(analyzer::ExtractFacts(s.doc, s.clauses, {s.language, {}}));
  }
  state.counters["facts"] = static_cast<double>(s.facts.size());
  Label(state, s);
}

void BM_RuleScan(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  const analyzer::Engine& engine = DefaultEngine();
  for (auto _ : state) {
    benchmark::DoNotOptimize(engine.Evaluate(s.doc, s.language, s.clauses, s.types));
  }
  Label(state, s);
}

void BM_Checks(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  const analyzer::Engine& engine = DefaultEngine();
  for (auto _ : state) {
    benchmark::DoNotOptimize(engine.RunChecks(s.doc, s.language, s.clauses, s.facts, "", s.types));
  }
  Label(state, s);
}

void BM_JsonReport(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string json = reports::ReportJsonText(s.review, {"clausecheck", "bench"}, false);
    bytes = json.size();
    benchmark::DoNotOptimize(json);
  }
  state.counters["json_kb"] = static_cast<double>(bytes) / 1024;
  Label(state, s);
}

// The whole review of one DOCX in memory: parse, analyze, JSON line.
void BM_WholeReview(benchmark::State& state) {
  const Stages& s = Prepared(static_cast<int>(state.range(0)));
  const analyzer::Engine& engine = DefaultEngine();
  for (auto _ : state) {
    auto doc = parsers::ParseBytes(s.docx, "bench.docx");
    Review r = analyzer::Analyze(std::move(doc.value()), engine, {});
    benchmark::DoNotOptimize(reports::ReportJsonText(r, {"clausecheck", "bench"}, false));
  }
  Label(state, s);
}

// Startup: the embedded default ruleset loaded and compiled (the sets
// themselves compile on first use, per language, inside the first review).
void BM_LoadDefaultRuleset(benchmark::State& state) {
  for (auto _ : state) {
    auto rs = analyzer::DefaultRuleset();
    benchmark::DoNotOptimize(analyzer::Engine::Compile(rs.value()));
  }
}

// Arg: 0 = en 20 pages, 1 = en 100 pages, 2 = zh 20 pages.
#define CC_STAGE(fn) BENCHMARK(fn)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond)
CC_STAGE(BM_Unzip);
CC_STAGE(BM_XmlParse);
CC_STAGE(BM_Numbering);
CC_STAGE(BM_ParseDocx);
CC_STAGE(BM_Segment);
CC_STAGE(BM_LanguageAndTypes);
CC_STAGE(BM_Classify);
CC_STAGE(BM_LiteralScan);
CC_STAGE(BM_ExtractFacts);
CC_STAGE(BM_RuleScan);
CC_STAGE(BM_Checks);
CC_STAGE(BM_JsonReport);
CC_STAGE(BM_WholeReview);
BENCHMARK(BM_LoadDefaultRuleset)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clausecheck

BENCHMARK_MAIN();
