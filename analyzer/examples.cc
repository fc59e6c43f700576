#include "analyzer/examples.h"

#include <algorithm>

#include "analyzer/analyze.h"
#include "core/utf8.h"

namespace clausecheck::analyzer {
namespace {

std::string Where(const std::string& source, int line) {
  // source is "file:line" of the rule; the example has its own line.
  auto colon = source.rfind(':');
  std::string file = colon == std::string::npos ? source : source.substr(0, colon);
  return file + ":" + std::to_string(line);
}

std::string Quote(std::string_view text) {
  constexpr size_t kMax = 60;
  std::string s(text.substr(0, kMax));
  std::replace(s.begin(), s.end(), '\n', ' ');
  if (text.size() > kMax) {
    // Do not cut a UTF-8 sequence in half.
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
    s += "...";
  }
  return "\"" + s + "\"";
}

// An example of a `marks` rule: the mark the parsers would record on its
// evidence. Insertions, moves here and comments cover the span; deletions,
// moves away and hidden text are not in the text a reader sees, so the span
// is taken out and kept in the mark.
Document WithMark(Document d, const RuleExample& ex) {
  if (!ex.mark) return d;
  for (Block& b : d.blocks) {
    size_t at = b.text.find(ex.evidence);
    if (at == std::string::npos) continue;
    Mark m;
    m.kind = *ex.mark;
    m.start = utf8::CodePointOffset(b.text, at);
    if (m.kind == MarkKind::kInsertion || m.kind == MarkKind::kMoveTo ||
        m.kind == MarkKind::kComment) {
      m.end = utf8::CodePointOffset(b.text, at + ex.evidence.size());
      if (m.kind == MarkKind::kComment) m.text = "Please check.";
    } else {
      m.end = m.start;
      m.text = ex.evidence;
      b.text.erase(at, ex.evidence.size());
    }
    b.marks.push_back(std::move(m));
    break;
  }
  return d;
}

}  // namespace

ExampleReport TestExamples(const Engine& engine, const DocumentMaker& make_document) {
  ExampleReport report;
  const Ruleset& rs = engine.ruleset();
  auto review = [&](const RuleExample& ex) {
    AnalyzeOptions options;
    options.as_of = ex.as_of;
    return Analyze(WithMark(make_document(ex.text), ex), engine, options);
  };

  for (const Rule& rule : rs.rules) {
    ++report.rules;
    for (const RuleExample& ex : rule.match_examples) {
      ++report.examples;
      Review r = review(ex);
      auto it = std::find_if(r.findings.begin(), r.findings.end(),
                             [&](const Finding& f) { return f.rule == rule.id; });
      if (it == r.findings.end()) {
        report.failures.push_back({Where(rule.source, ex.line), rule.id,
                                   "match example gave no finding: " + Quote(ex.text) +
                                       " (language " + r.language + ")"});
      } else if (!ex.evidence.empty() && it->evidence != ex.evidence) {
        report.failures.push_back(
            {Where(rule.source, ex.line), rule.id,
             "evidence was " + Quote(it->evidence) + ", expected " + Quote(ex.evidence)});
      }
    }
    for (const RuleExample& ex : rule.no_match_examples) {
      ++report.examples;
      Review r = review(ex);
      auto it = std::find_if(r.findings.begin(), r.findings.end(),
                             [&](const Finding& f) { return f.rule == rule.id; });
      if (it != r.findings.end()) {
        report.failures.push_back(
            {Where(rule.source, ex.line), rule.id,
             "no_match example gave a finding" +
                 (it->evidence.empty() ? std::string() : " on " + Quote(it->evidence)) + ": " +
                 Quote(ex.text)});
      }
    }
  }

  for (const Classifier& cl : rs.classifiers) {
    if (cl.match_examples.empty() && cl.no_match_examples.empty()) continue;
    ++report.classifiers;
    const std::string subject =
        std::string(Name(cl.category)) + (cl.tag.empty() ? "" : "/" + cl.tag);
    auto classified = [&](const Review& r) {
      for (const Clause& c : r.clauses) {
        bool cat =
            std::find(c.categories.begin(), c.categories.end(), cl.category) != c.categories.end();
        bool tag =
            cl.tag.empty() || std::find(c.tags.begin(), c.tags.end(), cl.tag) != c.tags.end();
        if (cat && tag) return true;
      }
      return false;
    };
    for (const RuleExample& ex : cl.match_examples) {
      ++report.examples;
      if (!classified(review(ex))) {
        report.failures.push_back({Where(cl.source, ex.line), subject,
                                   "match example was not classified: " + Quote(ex.text)});
      }
    }
    for (const RuleExample& ex : cl.no_match_examples) {
      ++report.examples;
      if (classified(review(ex))) {
        report.failures.push_back({Where(cl.source, ex.line), subject,
                                   "no_match example was classified: " + Quote(ex.text)});
      }
    }
  }
  return report;
}

}  // namespace clausecheck::analyzer
