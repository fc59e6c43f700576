// Clause numbers at the start of a line or block: "1.", "12.1", "(a)", "(iv)",
// "Section 12", "ARTICLE IV", "Clause 3", "Schedule 1", "Exhibit A",
// "第十二条", "第一百零一条", "第一章", "一、", "（一）", "1）".
//
// Used by the text parser (does this line start a new paragraph?) and by the
// segmenter (what number, what nesting family?). Pure code, no regex engine,
// so that core stays free of dependencies.
//
//   numbering::ClauseNumber n;
//   if (numbering::Parse("12.1 Limitation of Liability", &n)) {
//     // n.label == "12.1", n.family == "decimal", n.depth == 2, n.length == 5
//   }
#ifndef CLAUSECHECK_CORE_NUMBERING_H_
#define CLAUSECHECK_CORE_NUMBERING_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clausecheck::numbering {

struct ClauseNumber {
  // The number as written, without the separator after it: "12.1" (from
  // "12.1." or "12.1 "), "(a)", "Section 12", "ARTICLE IV", "第十二条", "一"
  // (from "一、"), "（一）", "1）".
  std::string label;
  // The numbering family, used to nest clauses: two numbers of the same
  // family (and depth) are siblings. Examples: "decimal" ("1.", "1.1"),
  // "paren-lower-alpha" ("(a)"), "paren-lower-roman" ("(i)"), "section",
  // "article", "zh-article" ("第一条"), "zh-chapter" ("第一章"),
  // "zh-enum" ("一、"), "zh-paren-enum" ("（一）"), "decimal-paren" ("1)").
  std::string family;
  // Components for dotted decimals: "12.1.3" has depth 3; 1 otherwise.
  int depth = 1;
  // The numeric values of the components, e.g. {12, 1, 3}; letters and
  // roman and Chinese numerals are converted ("(c)" -> {3}, "IV" -> {4},
  // "第十二条" -> {12}).
  std::vector<int> values;
  // Bytes consumed from the input: the label, its separator ('.', '、', ':')
  // and the spaces after it. text.substr(length) is the clause's own text.
  size_t length = 0;
  // The separator as written ("." "、" ":" ")" "-"), empty when the number
  // is followed only by spaces or ends the text. A bare "1" with no
  // separator and no text is more often a page number than a clause.
  std::string separator;
  // Letters that are also roman numerals ("(i)", "(v)", "(x)", "I.") have a
  // second reading that only context decides: "(v)" after "(iv)" is roman,
  // "(i)" after "(h)" is a letter. `family`/`values` hold the likelier
  // reading (roman for i/I, the letter otherwise) and these the other;
  // alt_family is empty when the number is unambiguous.
  std::string alt_family;
  std::vector<int> alt_values;
};

/// Parses a clause number at the start of `text`. Returns false when the text
/// does not start with one, including things that only look like numbers:
/// amounts ("1,000 units"), years ("2026 was"), decimals ("3.5%"), times.
bool Parse(std::string_view text, ClauseNumber* out);

/// Value of a Chinese numeral ("十二" -> 12, "一百零一" -> 101, "二十" -> 20);
/// -1 if `s` is not one.
int ChineseNumeralValue(std::string_view s);

/// Value of a roman numeral (either case, "iv" -> 4); -1 if not one.
int RomanValue(std::string_view s);

}  // namespace clausecheck::numbering

#endif  // CLAUSECHECK_CORE_NUMBERING_H_
