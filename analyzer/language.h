// Document language: which rules apply.
//
// Counts Han characters against Latin words (about four letters each): a
// document mostly in Han is "zh", mostly Latin "en", a real share of both
// (bilingual contracts) "mixed", and one with almost no letters "unknown".
#ifndef CLAUSECHECK_ANALYZER_LANGUAGE_H_
#define CLAUSECHECK_ANALYZER_LANGUAGE_H_

#include <string>
#include <string_view>

#include "core/document.h"

namespace clausecheck::analyzer {

std::string DetectLanguage(const Document& doc);
std::string DetectLanguage(std::string_view text);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_LANGUAGE_H_
