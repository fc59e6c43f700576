// The candidate filter's required literals (analyzer/literals.h) are sound:
// wherever RE2 finds a pattern in a text, the filter lists the pattern as a
// candidate; and the filter's confirmation (its loosened form on a short
// text, the pattern's alternatives one by one, prefilter.h) answers as RE2
// does. Input: a pattern, a newline, then the text. Any pattern, valid or
// not, must also be read without a crash.
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/candidates.h"
#include "analyzer/literals.h"
#include "analyzer/ruleset.h"

using namespace clausecheck::analyzer;

namespace {

// CLAUSECHECK_FUZZ_WRITE_SEEDS=dir: one seed for each pattern of the default
// ruleset with one of its examples as the text, then the process exits.
void WriteSeeds(const char* dir) {
  auto rs = DefaultRuleset();
  if (!rs.ok()) std::exit(1);
  int n = 0;
  auto write = [&](const std::string& pattern, const std::vector<RuleExample>& examples) {
    if (pattern.empty()) return;
    const std::string text = examples.empty() ? std::string() : examples.front().text;
    const std::string path = std::string(dir) + "/pattern-" + std::to_string(n++);
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) std::exit(1);
    std::fputs((pattern + "\n" + text).c_str(), f);
    std::fclose(f);
  };
  for (const Rule& r : rs.value().rules) write(r.match, r.match_examples);
  for (const Classifier& c : rs.value().classifiers) {
    write(c.heading, c.match_examples);
    write(c.text, c.match_examples);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("CLAUSECHECK_FUZZ_WRITE_SEEDS")) {
    WriteSeeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  const size_t nl = s.find('\n');
  const std::string pattern(s.substr(0, nl));
  const std::string_view text = nl == std::string_view::npos ? "" : s.substr(nl + 1);
  if (pattern.size() > 4096) return 0;
  (void)RequiredLiterals(pattern).ToString();
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(1 << 20);
  const RE2 re(pattern, options);
  if (!re.ok()) return 0;
  CandidateFilter filter;
  filter.Add(pattern);
  filter.Compile();
  std::vector<int> candidates;
  filter.Candidates(text, &candidates);
  if (candidates.empty() && RE2::PartialMatch(text, re)) {
    std::fprintf(stderr, "pattern %s matches but was dropped (formula %s)\n", pattern.c_str(),
                 RequiredLiterals(pattern).ToString().c_str());
    std::abort();
  }
  if (filter.Matches(0, text) != RE2::PartialMatch(text, re)) {
    std::fprintf(stderr, "pattern %s: the filter's confirmation differs from RE2's match\n",
                 pattern.c_str());
    std::abort();
  }
  return 0;
}
