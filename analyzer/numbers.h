// Numbers as contracts write them: figures with digit groups, Chinese
// numerals (lower and upper case, with 十百千万亿 and 点), English words.
#ifndef CLAUSECHECK_ANALYZER_NUMBERS_H_
#define CLAUSECHECK_ANALYZER_NUMBERS_H_

#include <optional>
#include <string>
#include <string_view>

namespace clausecheck::analyzer {

/// The value of one Chinese digit (零〇一壹二贰两...九玖, 0-9 full or half
/// width; 元 as in 元月 is 1), or -1.
int ZhDigit(char32_t c);

/// The code points of UTF-8 `s` (invalid bytes become U+FFFD).
std::u32string Decode(std::string_view s);

/// Chinese numerals, lower or upper case, with 十百千万亿 and 点 decimals:
/// "叁拾捌万陆仟" = 386000, "二〇二六" = 2026, "零点五" = 0.5. nullopt if `s`
/// holds anything else.
std::optional<double> ParseChineseNumber(std::string_view s);

/// English number words, any case: "thirty" = 30, "one hundred and twenty" =
/// 120, "Two Million Five Hundred Thousand" = 2500000.
std::optional<double> ParseEnglishNumber(std::string_view s);

/// Figures with optional thousands separators: "1,250,000.50".
std::optional<double> ParseFigure(std::string_view s);

/// A number written in figures, Chinese numerals or English words.
std::optional<double> ParseAnyNumber(std::string_view s);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_NUMBERS_H_
