// The YAML loaders: a ruleset file (validated and compiled into an engine)
// and an XML mapping file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analyzer/engine.h"
#include "analyzer/ruleset.h"
#include "parsers/xml.h"

using namespace clausecheck::analyzer;
using clausecheck::Result;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  Result<Ruleset> ruleset = ParseRuleset(yaml, "fuzz.yaml");
  if (ruleset.ok()) {
    Ruleset base;
    if (MergeRuleset(ruleset.value(), &base).ok()) (void)Engine::Compile(base);
  }
  (void)clausecheck::parsers::LoadXmlMapping(yaml, "fuzz.yaml");
  return 0;
}
