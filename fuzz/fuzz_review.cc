// The whole analysis with the default ruleset (segment, classify, extract,
// every rule and check, verdict) over text, one block per line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyzer/analyze.h"
#include "analyzer/engine.h"
#include "analyzer/ruleset.h"
#include "core/document.h"
#include "core/utf8.h"
#include "fuzz/fuzz_util.h"

using namespace clausecheck;

namespace {

const analyzer::Engine& DefaultEngine() {
  static const analyzer::Engine* engine = [] {
    Result<analyzer::Ruleset> rules = analyzer::DefaultRuleset();
    if (!rules.ok()) __builtin_trap();
    Result<analyzer::Engine> e = analyzer::Engine::Compile(rules.value());
    if (!e.ok()) __builtin_trap();
    return new analyzer::Engine(std::move(e).value());
  }();
  return *engine;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)DefaultEngine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!utf8::IsValid(text)) return 0;
  Document doc = fuzz::LinesDocument(text);
  analyzer::AnalyzeOptions options;
  options.as_of = "2026-11-27";
  (void)analyzer::Analyze(std::move(doc), DefaultEngine(), options);
  return 0;
}
