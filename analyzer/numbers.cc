#include "analyzer/numbers.h"

#include <cctype>
#include <cstdlib>
#include <string>
#include <utility>

#include "core/utf8.h"

namespace clausecheck::analyzer {
namespace {

int ZhUnit(char32_t c) {
  switch (c) {
    case U'十':
    case U'拾': return 10;
    case U'百':
    case U'佰': return 100;
    case U'千':
    case U'仟': return 1000;
    default: return 0;
  }
}

}  // namespace

int ZhDigit(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
    case U'○':
    case U'Ｏ':
    case U'0': return 0;
    case U'一':
    case U'壹':
    case U'元': return 1;
    case U'二':
    case U'贰':
    case U'貳':
    case U'两': return 2;
    case U'三':
    case U'叁':
    case U'參': return 3;
    case U'四':
    case U'肆': return 4;
    case U'五':
    case U'伍': return 5;
    case U'六':
    case U'陆':
    case U'陸': return 6;
    case U'七':
    case U'柒': return 7;
    case U'八':
    case U'捌': return 8;
    case U'九':
    case U'玖': return 9;
    default:
      if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
      return -1;
  }
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(utf8::Next(s, &pos));
  return out;
}

// Chinese numerals, lower or upper case, with 十百千万亿 and 点 decimals:
/// "叁拾捌万陆仟" = 386000, "二〇二六" = 2026, "零点五" = 0.5. nullopt if
/// `s` holds anything else.
std::optional<double> ParseChineseNumber(std::string_view s) {
  std::u32string u = Decode(s);
  if (u.empty()) return std::nullopt;
  size_t dot = u.find(U'点');
  std::u32string integer = u.substr(0, dot);
  double frac = 0;
  if (dot != std::u32string::npos) {
    double scale = 0.1;
    if (dot + 1 >= u.size()) return std::nullopt;
    for (size_t i = dot + 1; i < u.size(); ++i) {
      int d = ZhDigit(u[i]);
      if (d < 0 || u[i] == U'元') return std::nullopt;
      frac += d * scale;
      scale /= 10;
    }
  }
  bool has_unit = false;
  for (char32_t c : integer) {
    if (ZhUnit(c) || c == U'万' || c == U'亿') has_unit = true;
  }
  if (!has_unit) {  // a digit string: 二〇二六
    if (integer.empty()) return dot == 0 ? std::nullopt : std::optional<double>(frac);
    double v = 0;
    for (char32_t c : integer) {
      int d = ZhDigit(c);
      if (d < 0) return std::nullopt;
      v = v * 10 + d;
    }
    return v + frac;
  }
  double total = 0, wan = 0, section = 0, number = 0;
  bool any = false;
  for (char32_t c : integer) {
    int d = ZhDigit(c);
    int unit = ZhUnit(c);
    if (d >= 0 && c != U'元') {
      number = d;
      any = true;
    } else if (unit) {
      if (number == 0 && unit == 10 && !any) number = 1;
      section += number * unit;
      number = 0;
      any = true;
    } else if (c == U'万') {
      wan = (section + number) * 1e4;
      section = number = 0;
    } else if (c == U'亿') {
      total = (total + wan + section + number) * 1e8;
      wan = section = number = 0;
    } else {
      return std::nullopt;
    }
  }
  if (!any) return std::nullopt;
  return total + wan + section + number + frac;
}

// English number words: "thirty" = 30, "one hundred and twenty" = 120.
std::optional<double> ParseEnglishNumber(std::string_view s) {
  static const std::pair<std::string_view, int> kWords[] = {
      {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
      {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
      {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
      {"seventy", 70}, {"eighty", 80},  {"ninety", 90}};
  double total = 0, current = 0;
  bool any = false;
  size_t i = 0;
  while (i < s.size()) {
    // Words part at blanks, hyphens and the commas between groups:
    // "fourteen million, eight hundred sixty-two thousand".
    auto separator = [](char ch) {
      return ch == ' ' || ch == '-' || ch == ',' || ch == '\t' || ch == '\n';
    };
    while (i < s.size() && separator(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !separator(s[j])) ++j;
    if (j == i) break;
    std::string w(s.substr(i, j - i));
    for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    i = j;
    if (w == "and") continue;
    if (w == "hundred") {
      current = (current == 0 ? 1 : current) * 100;
    } else if (w == "thousand" || w == "million" || w == "billion") {
      total += (current == 0 ? 1 : current) * (w == "thousand" ? 1e3 : w == "million" ? 1e6 : 1e9);
      current = 0;
    } else {
      bool found = false;
      for (const auto& [word, v] : kWords) {
        if (w == word) {
          current += v;
          found = true;
        }
      }
      if (!found) return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return total + current;
}

std::optional<double> ParseFigure(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (c != ',' && c != ' ') digits.push_back(c);
  }
  if (digits.empty() || digits == ".") return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size()) return std::nullopt;
  return v;
}

// A number written in figures, Chinese numerals or English words.
std::optional<double> ParseAnyNumber(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (auto v = ParseFigure(s)) return v;
  if (auto v = ParseChineseNumber(s)) return v;
  return ParseEnglishNumber(s);
}

}  // namespace clausecheck::analyzer
