// Sentences: where one ends, and the sentence around a span. Used wherever
// "the same sentence" matters: `scope: sentence` rules and classifiers, the
// words around a value in the built-in checks, the subject of a stance rule.
#ifndef CLAUSECHECK_ANALYZER_SENTENCE_H_
#define CLAUSECHECK_ANALYZER_SENTENCE_H_

#include <cstddef>
#include <string_view>

namespace clausecheck::analyzer {

/// Whether text[i] ends a sentence: 。；！？ (at their last byte), a line
/// break, ';', or '.' / '!' / '?' before a space or the end, except after an
/// abbreviation (Inc. No. e.g. U.S.) or an initial ("J. Smith").
bool EndsSentence(std::string_view text, size_t i);

/// How far SentenceAround looks for a sentence end on either side of its
/// span, in bytes. Contract sentences are far shorter; the bound keeps a run-on
/// paragraph of megabytes from costing its length for every span in it.
constexpr size_t kMaxSentenceReach = 8192;

/// The sentence around bytes [b, e): from after the previous sentence end to
/// the next one, inclusive, but at most kMaxSentenceReach bytes (and whole
/// code points) before b and after e.
std::string_view SentenceAround(std::string_view text, size_t b, size_t e);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_SENTENCE_H_
