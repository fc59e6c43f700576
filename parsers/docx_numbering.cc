#include "parsers/docx_numbering.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "parsers/xml_names.h"

namespace clausecheck::parsers {
namespace {

constexpr int kLevels = 9;
// Longest chain of basedOn or numStyleLink hops followed; real documents
// need a handful, hostile ones loop.
constexpr int kMaxHops = 64;
// Counters saturate here so that absurd start values cannot overflow.
constexpr int64_t kMaxCounter = 2'000'000'000;

enum class Format {
  kDecimal,
  kDecimalZero,
  kUpperRoman,
  kLowerRoman,
  kUpperLetter,
  kLowerLetter,
  kOrdinal,
  kCardinalText,
  kOrdinalText,
  kChineseCounting,
  kChineseLegalSimplified,
  kIdeographLegalTraditional,
  kIdeographTraditional,
  kIdeographZodiac,
  kIdeographDigital,
  kIdeographEnclosedCircle,
  kJapaneseCounting,
  kKoreanCounting,
  kKoreanDigital,
  kGanada,
  kChosung,
  kDecimalFullWidth,
  kDecimalEnclosedCircle,
  kDecimalEnclosedParen,
  kDecimalEnclosedFullstop,
  kChicago,
  kHex,
  kBullet,
  kNone,
  kPadded,      // numFmt custom with a zero-padded format such as "001, 002, 003, ..."
  kGreekLower,  // numFmt custom "α, β, γ, ..."
  kGreekUpper,  // numFmt custom "Α, Β, Γ, ..."
};

struct Level {
  bool defined = false;
  int start = 0;  // ECMA-376 17.9.25: without w:start a level starts at zero, as Word shows
  Format format = Format::kDecimal;
  int pad_width = 0;  // kPadded only
  bool has_text = false;
  std::string text;
  int restart = -1;  // lvlRestart; -1 when absent (restart after any higher level)
  bool is_lgl = false;
  std::string pstyle;
};

struct AbstractNum {
  // Empty until a w:lvl is read, then kLevels long: a hostile part with a
  // million empty abstractNums must not cost a million level tables.
  std::vector<Level> levels;
  std::string num_style_link;
};

struct LevelOverride {
  bool has_start = false;
  int start = 1;
  bool has_level = false;
  Level level;
};

struct Num {
  int abstract_id = 0;
  // Null unless the num has a lvlOverride (most have none).
  std::unique_ptr<std::array<LevelOverride, kLevels>> overrides;
  bool any_start_override = false;
};

struct Style {
  std::string name;
  std::string based_on;
  int num_id = -1;  // -1: no numPr numId in this style
  int ilvl = -1;
  int outline = -1;  // -1: no outlineLvl
};

struct Counter {
  bool used = false;
  int64_t value = 0;
};

// Element and attribute names without their namespace prefix, so that both
// transitional (w:) and Strict documents, whatever their prefixes, match.
bool Is(const pugi::xml_node& n, std::string_view local) {
  return n.type() == pugi::node_element && HasLocalName(n.name(), local);
}

pugi::xml_node Child(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (Is(c, local)) return c;
  }
  return {};
}

const char* Attr(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    if (HasLocalName(a.name(), local)) return a.value();
  }
  return nullptr;
}

// Integer attribute value, clamped to int range; false when absent or not a
// number.
bool IntAttr(const pugi::xml_node& n, std::string_view local, int* out) {
  const char* v = Attr(n, local);
  if (v == nullptr) return false;
  std::string_view s(v);
  while (!s.empty() && (s.front() == ' ' || s.front() == '+')) s.remove_prefix(1);
  long long value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ptr == s.data()) return false;
  if (ec == std::errc::result_out_of_range) {
    value = (!s.empty() && s.front() == '-') ? INT32_MIN : INT32_MAX;
  }
  value = std::clamp<long long>(value, INT32_MIN, INT32_MAX);
  *out = static_cast<int>(value);
  return true;
}

// On/off properties: <w:isLgl/> and <w:isLgl w:val="true"/> are on.
bool OnOff(const pugi::xml_node& n) {
  if (!n) return false;
  const char* v = Attr(n, "val");
  if (v == nullptr) return true;
  std::string_view s(v);
  return !(s == "0" || s == "false" || s == "off");
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool ParseFormat(std::string_view v, Format* out) {
  static const std::unordered_map<std::string_view, Format> kFormats = {
      {"decimal", Format::kDecimal},
      {"decimalHalfWidth", Format::kDecimal},
      {"decimalZero", Format::kDecimalZero},
      {"upperRoman", Format::kUpperRoman},
      {"lowerRoman", Format::kLowerRoman},
      {"upperLetter", Format::kUpperLetter},
      {"lowerLetter", Format::kLowerLetter},
      {"ordinal", Format::kOrdinal},
      {"cardinalText", Format::kCardinalText},
      {"ordinalText", Format::kOrdinalText},
      {"chineseCounting", Format::kChineseCounting},
      {"chineseCountingThousand", Format::kChineseCounting},
      {"taiwaneseCounting", Format::kChineseCounting},
      {"taiwaneseCountingThousand", Format::kChineseCounting},
      {"chineseLegalSimplified", Format::kChineseLegalSimplified},
      {"ideographLegalTraditional", Format::kIdeographLegalTraditional},
      {"ideographTraditional", Format::kIdeographTraditional},
      {"ideographZodiac", Format::kIdeographZodiac},
      {"ideographDigital", Format::kIdeographDigital},
      {"taiwaneseDigital", Format::kIdeographDigital},
      {"japaneseDigitalTenThousand", Format::kIdeographDigital},
      {"ideographEnclosedCircle", Format::kIdeographEnclosedCircle},
      {"japaneseCounting", Format::kJapaneseCounting},
      {"koreanCounting", Format::kKoreanCounting},
      {"koreanDigital", Format::kKoreanDigital},
      {"ganada", Format::kGanada},
      {"chosung", Format::kChosung},
      {"decimalFullWidth", Format::kDecimalFullWidth},
      {"decimalFullWidth2", Format::kDecimalFullWidth},
      {"decimalEnclosedCircle", Format::kDecimalEnclosedCircle},
      {"decimalEnclosedCircleChinese", Format::kDecimalEnclosedCircle},
      {"decimalEnclosedParen", Format::kDecimalEnclosedParen},
      {"decimalEnclosedFullstop", Format::kDecimalEnclosedFullstop},
      {"chicago", Format::kChicago},
      {"hex", Format::kHex},
      {"bullet", Format::kBullet},
      {"none", Format::kNone},
  };
  auto it = kFormats.find(v);
  if (it == kFormats.end()) return false;
  *out = it->second;
  return true;
}

// w14 custom formats name their pattern by example: "001, 002, 003, ...".
// Word offers zero-padded decimals and Greek letters; others fall back.
bool ParseCustomFormat(std::string_view pattern, Level* level) {
  if (pattern.substr(0, 2) == "α") {
    level->format = Format::kGreekLower;
    return true;
  }
  if (pattern.substr(0, 2) == "Α") {
    level->format = Format::kGreekUpper;
    return true;
  }
  size_t zeros = 0;
  while (zeros < pattern.size() && pattern[zeros] == '0') ++zeros;
  if (zeros == 0 || zeros >= pattern.size() || pattern[zeros] != '1') return false;
  level->format = Format::kPadded;
  level->pad_width = static_cast<int>(std::min<size_t>(zeros + 1, 9));
  return true;
}

// The format of a level: a plain w:numFmt, or the one inside
// mc:AlternateContent (Word 2010 writes custom formats in the Choice and a
// plain fallback).
void ReadFormat(const pugi::xml_node& lvl, Level* level) {
  auto apply = [&](const pugi::xml_node& fmt) {
    const char* val = Attr(fmt, "val");
    if (val == nullptr) return false;
    if (std::string_view(val) == "custom") {
      const char* pattern = Attr(fmt, "format");
      return pattern != nullptr && ParseCustomFormat(pattern, level);
    }
    if (!ParseFormat(val, &level->format)) level->format = Format::kDecimal;
    return true;
  };
  if (pugi::xml_node fmt = Child(lvl, "numFmt")) {
    apply(fmt);
    return;
  }
  for (pugi::xml_node alt = lvl.first_child(); alt; alt = alt.next_sibling()) {
    if (!Is(alt, "AlternateContent")) continue;
    for (pugi::xml_node branch = alt.first_child(); branch; branch = branch.next_sibling()) {
      if (!Is(branch, "Choice") && !Is(branch, "Fallback")) continue;
      pugi::xml_node fmt = Child(branch, "numFmt");
      if (fmt && apply(fmt)) return;
    }
  }
}

Level ReadLevel(const pugi::xml_node& lvl) {
  Level level;
  level.defined = true;
  int v = 0;
  if (pugi::xml_node n = Child(lvl, "start"); n && IntAttr(n, "val", &v)) {
    level.start = std::max(v, 0);
  }
  ReadFormat(lvl, &level);
  if (pugi::xml_node n = Child(lvl, "lvlText")) {
    if (const char* t = Attr(n, "val")) {
      level.has_text = true;
      level.text = t;
    }
  }
  if (pugi::xml_node n = Child(lvl, "lvlRestart"); n && IntAttr(n, "val", &v)) {
    level.restart = std::max(v, 0);
  }
  level.is_lgl = OnOff(Child(lvl, "isLgl"));
  if (pugi::xml_node n = Child(lvl, "pStyle")) {
    if (const char* s = Attr(n, "val")) level.pstyle = s;
  }
  return level;
}

// ---- Number renderers ----

std::string Decimal(int64_t n) { return std::to_string(n); }

std::string Roman(int64_t n, bool upper) {
  if (n <= 0 || n > 39999) return Decimal(n);
  static const std::pair<int, const char*> kUnits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, text] : kUnits) {
    while (n >= value) {
      out += text;
      n -= value;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Word repeats the letter: 26 "z", 27 "aa", 28 "bb", 53 "aaa".
std::string Letters(int64_t n, bool upper) {
  if (n <= 0 || n > 780) return Decimal(n);
  char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<size_t>((n - 1) / 26 + 1), c);
}

std::string Ordinal(int64_t n) {
  int64_t last2 = n % 100;
  const char* suffix = "th";
  if (last2 < 11 || last2 > 13) {
    switch (n % 10) {
      case 1: suffix = "st"; break;
      case 2: suffix = "nd"; break;
      case 3: suffix = "rd"; break;
      default: break;
    }
  }
  return Decimal(n) + suffix;
}

const char* const kOnes[] = {"zero",    "one",     "two",       "three",    "four",
                             "five",    "six",     "seven",     "eight",    "nine",
                             "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                             "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
const char* const kTens[] = {"",      "",      "twenty",  "thirty", "forty",
                             "fifty", "sixty", "seventy", "eighty", "ninety"};

// English words for 1..999.
void Below1000(int n, std::string* out) {
  auto sep = [&] {
    if (!out->empty() && out->back() != ' ') out->push_back(' ');
  };
  if (n >= 100) {
    sep();
    *out += kOnes[n / 100];
    *out += " hundred";
    n %= 100;
  }
  if (n == 0) return;
  sep();
  if (n < 20) {
    *out += kOnes[n];
  } else {
    *out += kTens[n / 10];
    if (n % 10 != 0) {
      *out += '-';
      *out += kOnes[n % 10];
    }
  }
}

std::string CardinalWords(int64_t n) {
  if (n <= 0) return kOnes[0];
  static const std::pair<int64_t, const char*> kScales[] = {
      {1'000'000'000, " billion"}, {1'000'000, " million"}, {1'000, " thousand"}};
  std::string out;
  for (const auto& [scale, name] : kScales) {
    if (n >= scale) {
      Below1000(static_cast<int>(n / scale), &out);
      out += name;
      n %= scale;
    }
  }
  Below1000(static_cast<int>(n), &out);
  return out;
}

// "twenty-one" -> "Twenty-One": Word capitalizes each word of the number.
std::string TitleCase(std::string s) {
  bool start = true;
  for (char& c : s) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = (c == ' ' || c == '-');
  }
  return s;
}

std::string OrdinalWords(int64_t n) {
  std::string words = CardinalWords(n);
  size_t cut = words.find_last_of(" -");
  size_t begin = cut == std::string::npos ? 0 : cut + 1;
  std::string last = words.substr(begin);
  static const std::unordered_map<std::string_view, std::string_view> kIrregular = {
      {"one", "first"},    {"two", "second"}, {"three", "third"},   {"five", "fifth"},
      {"eight", "eighth"}, {"nine", "ninth"}, {"twelve", "twelfth"}};
  if (auto it = kIrregular.find(last); it != kIrregular.end()) {
    last = it->second;
  } else if (!last.empty() && last.back() == 'y') {
    last.pop_back();
    last += "ieth";
  } else {
    last += "th";
  }
  return words.substr(0, begin) + last;
}

enum class CjkStyle {
  kChinese,   // 十, 十一, 一百一十, 一百零一
  kJapanese,  // 十, 百一, 千: no 一 before 十/百/千, no zero (Korean alike)
  kLegal,     // 壹拾, 壹佰零壹: every digit written
};

struct CjkDigits {
  const char* digits[10];
  const char* units[4];   // "", ten, hundred, thousand
  const char* groups[3];  // "", ten thousand, hundred million
};

const CjkDigits kChineseDigits = {{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
                                  {"", "十", "百", "千"},
                                  {"", "万", "亿"}};
const CjkDigits kChineseZero = {{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
                                {"", "十", "百", "千"},
                                {"", "万", "亿"}};
const CjkDigits kLegalSimplified = {{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"},
                                    {"", "拾", "佰", "仟"},
                                    {"", "万", "亿"}};
const CjkDigits kLegalTraditional = {{"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"},
                                     {"", "拾", "佰", "仟"},
                                     {"", "萬", "億"}};
const CjkDigits kJapaneseDigits = {{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
                                   {"", "十", "百", "千"},
                                   {"", "万", "億"}};

const CjkDigits kKoreanDigits = {{"영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"},
                                 {"", "십", "백", "천"},
                                 {"", "만", "억"}};

std::string CjkCount(int64_t n, const CjkDigits& d, CjkStyle style) {
  if (n <= 0) return d.digits[0];
  if (n >= 1'000'000'000'000) return Decimal(n);
  const int groups[3] = {static_cast<int>(n % 10000), static_cast<int>(n / 10000 % 10000),
                         static_cast<int>(n / 100000000)};
  std::string out;
  bool zero_pending = false;
  for (int g = 2; g >= 0; --g) {
    int v = groups[g];
    if (v == 0) {
      if (!out.empty()) zero_pending = true;
      continue;
    }
    const int digits[4] = {v / 1000, v / 100 % 10, v / 10 % 10, v % 10};
    for (int p = 0; p < 4; ++p) {
      int digit = digits[p];
      int unit = 3 - p;
      if (digit == 0) {
        if (!out.empty()) zero_pending = true;
        continue;
      }
      if (zero_pending && style != CjkStyle::kJapanese) out += d.digits[0];
      zero_pending = false;
      bool omit_one = digit == 1 && unit > 0 &&
                      ((style == CjkStyle::kChinese && unit == 1 && out.empty()) ||
                       style == CjkStyle::kJapanese);
      if (!omit_one) out += d.digits[digit];
      out += d.units[unit];
    }
    out += d.groups[g];
    zero_pending = false;
  }
  return out;
}

std::string Codepoint(char32_t cp) {
  std::string out;
  utf8::Append(cp, &out);
  return out;
}

std::string DecimalFullWidth(int64_t n) {
  std::string out;
  for (char c : Decimal(n)) {
    if (c >= '0' && c <= '9') {
      utf8::Append(0xFF10 + static_cast<char32_t>(c - '0'), &out);
    } else {
      utf8::Append(0xFF0D, &out);  // fullwidth hyphen-minus
    }
  }
  return out;
}

std::string DigitByDigit(int64_t n, const CjkDigits& d) {
  std::string out;
  for (char c : Decimal(n)) {
    if (c >= '0' && c <= '9') out += d.digits[c - '0'];
  }
  return out;
}

std::string Cycle(int64_t n, const char* const* names, int count) {
  if (n <= 0) return Decimal(n);
  return names[(n - 1) % count];
}

// The 24 letters of the Greek alphabet, repeated like Latin letters.
std::string Greek(int64_t n, bool upper) {
  if (n <= 0 || n > 720) return Decimal(n);
  char32_t letter = (upper ? 0x391 : 0x3B1) + static_cast<char32_t>((n - 1) % 24);
  if (letter >= (upper ? 0x3A2 : 0x3C2)) ++letter;  // skip final sigma and the unassigned U+03A2
  std::string out;
  for (int64_t i = 0; i < (n - 1) / 24 + 1; ++i) utf8::Append(letter, &out);
  return out;
}

std::string Chicago(int64_t n) {
  static const char* const kSymbols[] = {"*", "†", "‡", "§"};
  if (n <= 0 || n > 400) return Decimal(n);
  std::string out;
  for (int64_t i = 0; i < (n - 1) / 4 + 1; ++i) out += kSymbols[(n - 1) % 4];
  return out;
}

std::string FormatNumber(int64_t n, const Level& level) {
  static const char* const kStems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
  static const char* const kGanada[] = {"가", "나", "다", "라", "마", "바", "사",
                                        "아", "자", "차", "카", "타", "파", "하"};
  static const char* const kChosung[] = {"ㄱ", "ㄴ", "ㄷ", "ㄹ", "ㅁ", "ㅂ", "ㅅ",
                                         "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"};
  static const char* const kBranches[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                          "午", "未", "申", "酉", "戌", "亥"};
  switch (level.format) {
    case Format::kDecimal: return Decimal(n);
    case Format::kDecimalZero: return n >= 0 && n < 10 ? "0" + Decimal(n) : Decimal(n);
    case Format::kPadded: {
      std::string s = Decimal(n);
      if (n >= 0 && static_cast<int>(s.size()) < level.pad_width) {
        s.insert(0, static_cast<size_t>(level.pad_width) - s.size(), '0');
      }
      return s;
    }
    case Format::kGreekLower: return Greek(n, false);
    case Format::kGreekUpper: return Greek(n, true);
    case Format::kUpperRoman: return Roman(n, true);
    case Format::kLowerRoman: return Roman(n, false);
    case Format::kUpperLetter: return Letters(n, true);
    case Format::kLowerLetter: return Letters(n, false);
    case Format::kOrdinal: return Ordinal(n);
    case Format::kCardinalText: return TitleCase(CardinalWords(n));
    case Format::kOrdinalText: return TitleCase(OrdinalWords(n));
    case Format::kChineseCounting: return CjkCount(n, kChineseZero, CjkStyle::kChinese);
    case Format::kChineseLegalSimplified: return CjkCount(n, kLegalSimplified, CjkStyle::kLegal);
    case Format::kIdeographLegalTraditional:
      return CjkCount(n, kLegalTraditional, CjkStyle::kLegal);
    case Format::kJapaneseCounting: return CjkCount(n, kJapaneseDigits, CjkStyle::kJapanese);
    case Format::kIdeographTraditional: return Cycle(n, kStems, 10);
    case Format::kIdeographZodiac: return Cycle(n, kBranches, 12);
    case Format::kIdeographDigital: return DigitByDigit(n, kChineseDigits);
    case Format::kKoreanCounting: return CjkCount(n, kKoreanDigits, CjkStyle::kJapanese);
    case Format::kKoreanDigital: return DigitByDigit(n, kKoreanDigits);
    case Format::kGanada: return Cycle(n, kGanada, 14);
    case Format::kChosung: return Cycle(n, kChosung, 14);
    case Format::kIdeographEnclosedCircle:
      return n >= 1 && n <= 10 ? Codepoint(0x3220 + static_cast<char32_t>(n - 1)) : Decimal(n);
    case Format::kDecimalFullWidth: return DecimalFullWidth(n);
    case Format::kDecimalEnclosedCircle:
      if (n == 0) return Codepoint(0x24EA);
      return n >= 1 && n <= 20 ? Codepoint(0x2460 + static_cast<char32_t>(n - 1)) : Decimal(n);
    case Format::kDecimalEnclosedParen:
      return n >= 1 && n <= 20 ? Codepoint(0x2474 + static_cast<char32_t>(n - 1)) : Decimal(n);
    case Format::kDecimalEnclosedFullstop:
      return n >= 1 && n <= 20 ? Codepoint(0x2488 + static_cast<char32_t>(n - 1)) : Decimal(n);
    case Format::kChicago: return Chicago(n);
    case Format::kHex: {
      char buf[24];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n, 16);
      return ec == std::errc() ? std::string(buf, end) : Decimal(n);
    }
    case Format::kBullet:
    case Format::kNone: return "";
  }
  return Decimal(n);
}

// Bullets drawn from the Symbol and Wingdings fonts are private-use code
// points; their look is what the reader sees.
char32_t BulletChar(char32_t cp) {
  switch (cp) {
    case 0xF0B7: return 0x2022;  // •
    case 0xF0A7: return 0x25AA;  // ▪
    case 0xF0D8: return 0x27A2;  // ➢
    case 0xF076: return 0x2756;  // ❖
    case 0xF0FC: return 0x2713;  // ✓
    default: break;
  }
  if (cp >= 0xE000 && cp <= 0xF8FF) return 0x2022;
  return cp;
}

// "heading 1", "Heading 1", "标题 1", "見出し 1" -> 1; 0 otherwise. Word
// writes built-in names in English; other producers write the names of the
// user's language.
int HeadingFromName(std::string_view name) {
  std::string lower = AsciiLower(name);
  std::string_view s(lower);
  static const std::string_view kPrefixes[] = {
      "heading",     "标题",     "見出し", "標題",   "제목", "überschrift",
      "Überschrift", "titre",    "título", "titolo", "kop",  "заголовок",
      "Заголовок",   "nagłówek", "rubrik", "otsikko"};
  for (std::string_view prefix : kPrefixes) {
    if (s.substr(0, prefix.size()) != prefix) continue;
    std::string_view rest = s.substr(prefix.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  }
  return 0;
}

}  // namespace

struct DocxNumbering::Impl {
  std::unordered_map<int, AbstractNum> abstracts;
  std::unordered_map<int, Num> nums;
  std::unordered_map<std::string, Style> styles;
  std::string default_style;

  // Mutable state of NextLabel: counters per (abstract numbering, level),
  // shared by every num of that abstract numbering, as Word shares them.
  std::unordered_map<int, std::array<Counter, kLevels>> counters;
  std::unordered_set<int> started_nums;

  void LoadNumbering(std::string_view xml);
  void LoadStyles(const pugi::xml_node& root);
  int ResolveAbstract(int abstract_id) const;
  const Style* FindStyle(std::string_view id) const;
  const Level* LevelOf(const Num& num, int ilvl) const;
};

void DocxNumbering::Impl::LoadNumbering(std::string_view xml) {
  if (xml.empty()) return;
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default)) return;
  pugi::xml_node root = doc.document_element();
  for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
    int id = 0;
    if (Is(n, "abstractNum")) {
      if (!IntAttr(n, "abstractNumId", &id) || abstracts.count(id)) continue;
      AbstractNum& abs = abstracts[id];
      for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        int ilvl = 0;
        if (Is(c, "lvl")) {
          if (!IntAttr(c, "ilvl", &ilvl) || ilvl < 0 || ilvl >= kLevels) continue;
          if (abs.levels.empty()) abs.levels.resize(kLevels);
          if (!abs.levels[ilvl].defined) abs.levels[ilvl] = ReadLevel(c);
        } else if (Is(c, "numStyleLink")) {
          if (const char* v = Attr(c, "val")) abs.num_style_link = v;
        }
      }
    } else if (Is(n, "num")) {
      if (!IntAttr(n, "numId", &id) || nums.count(id)) continue;
      Num num;
      pugi::xml_node abs_ref = Child(n, "abstractNumId");
      if (!abs_ref || !IntAttr(abs_ref, "val", &num.abstract_id)) continue;
      for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        int ilvl = 0;
        if (!Is(c, "lvlOverride") || !IntAttr(c, "ilvl", &ilvl) || ilvl < 0 || ilvl >= kLevels) {
          continue;
        }
        if (!num.overrides) num.overrides = std::make_unique<std::array<LevelOverride, kLevels>>();
        LevelOverride& ov = (*num.overrides)[ilvl];
        int start = 0;
        if (pugi::xml_node so = Child(c, "startOverride"); so && IntAttr(so, "val", &start)) {
          ov.has_start = true;
          ov.start = std::max(start, 0);
          num.any_start_override = true;
        }
        if (pugi::xml_node lvl = Child(c, "lvl")) {
          ov.has_level = true;
          ov.level = ReadLevel(lvl);
        }
      }
      nums.emplace(id, std::move(num));
    }
  }
}

void DocxNumbering::Impl::LoadStyles(const pugi::xml_node& root) {
  for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
    if (!Is(n, "style")) continue;
    const char* id = Attr(n, "styleId");
    if (id == nullptr || styles.count(id)) continue;
    const char* type = Attr(n, "type");
    std::string_view type_sv = type ? type : "paragraph";
    // Numbering styles carry the numId that numStyleLink resolves to;
    // character and table styles never number paragraphs.
    if (type_sv != "paragraph" && type_sv != "numbering") continue;
    Style style;
    if (pugi::xml_node name = Child(n, "name")) {
      if (const char* v = Attr(name, "val")) style.name = v;
    }
    if (pugi::xml_node based = Child(n, "basedOn")) {
      if (const char* v = Attr(based, "val")) style.based_on = v;
    }
    if (pugi::xml_node ppr = Child(n, "pPr")) {
      if (pugi::xml_node numpr = Child(ppr, "numPr")) {
        int v = 0;
        if (pugi::xml_node x = Child(numpr, "numId"); x && IntAttr(x, "val", &v)) {
          style.num_id = std::max(v, 0);
        }
        if (pugi::xml_node x = Child(numpr, "ilvl"); x && IntAttr(x, "val", &v)) {
          style.ilvl = std::clamp(v, 0, kLevels - 1);
        }
      }
      int v = 0;
      if (pugi::xml_node x = Child(ppr, "outlineLvl"); x && IntAttr(x, "val", &v)) {
        style.outline = std::clamp(v, 0, 9);
      }
    }
    if (const char* def = Attr(n, "default");
        def != nullptr && type_sv == "paragraph" && default_style.empty()) {
      std::string_view d(def);
      if (d == "1" || d == "true" || d == "on") default_style = id;
    }
    styles.emplace(id, std::move(style));
  }
}

const Style* DocxNumbering::Impl::FindStyle(std::string_view id) const {
  if (id.empty()) id = default_style;
  if (id.empty()) return nullptr;
  auto it = styles.find(std::string(id));
  return it == styles.end() ? nullptr : &it->second;
}

// Follows numStyleLink -> numbering style -> its numId -> that num's abstract
// numbering, which holds the levels (its own styleLink names the style).
int DocxNumbering::Impl::ResolveAbstract(int abstract_id) const {
  int id = abstract_id;
  for (int hop = 0; hop < kMaxHops; ++hop) {
    auto it = abstracts.find(id);
    if (it == abstracts.end() || it->second.num_style_link.empty()) return id;
    const Style* style = FindStyle(it->second.num_style_link);
    if (style == nullptr || style->num_id <= 0) return id;
    auto num = nums.find(style->num_id);
    if (num == nums.end() || !abstracts.count(num->second.abstract_id)) return id;
    if (num->second.abstract_id == id) return id;
    id = num->second.abstract_id;
  }
  return abstract_id;
}

const Level* DocxNumbering::Impl::LevelOf(const Num& num, int ilvl) const {
  if (num.overrides && (*num.overrides)[ilvl].has_level) return &(*num.overrides)[ilvl].level;
  auto it = abstracts.find(num.abstract_id);
  if (it == abstracts.end() || it->second.levels.empty()) return nullptr;
  return &it->second.levels[ilvl];
}

DocxNumbering::DocxNumbering(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DocxNumbering::DocxNumbering(DocxNumbering&&) noexcept = default;
DocxNumbering& DocxNumbering::operator=(DocxNumbering&&) noexcept = default;
DocxNumbering::~DocxNumbering() = default;

DocxNumbering DocxNumbering::Load(std::string_view numbering_xml, std::string_view styles_xml) {
  pugi::xml_document doc;
  pugi::xml_node root;
  if (!styles_xml.empty() &&
      doc.load_buffer(styles_xml.data(), styles_xml.size(), pugi::parse_default)) {
    root = doc.document_element();
  }
  return Load(numbering_xml, root);
}

DocxNumbering DocxNumbering::Load(std::string_view numbering_xml, const pugi::xml_node& styles) {
  auto impl = std::make_unique<Impl>();
  try {
    impl->LoadStyles(styles);
    impl->LoadNumbering(numbering_xml);
    // Resolve style links once, so that NextLabel does no lookups through
    // styles. Counters then belong to the abstract numbering that holds the
    // levels, shared by the lists linked to it.
    for (auto& [id, num] : impl->nums) num.abstract_id = impl->ResolveAbstract(num.abstract_id);
  } catch (...) {
    // Out of memory while reading a hostile part: no numbering at all.
    impl = std::make_unique<Impl>();
  }
  return DocxNumbering(std::move(impl));
}

bool DocxNumbering::Resolve(int direct_num_id, int direct_ilvl, std::string_view style_id,
                            ListRef* out) const {
  if (!impl_) return false;
  int num_id = direct_num_id;
  int ilvl = direct_ilvl;
  // The paragraph's style and its bases up to the one whose numPr gave the
  // numId: the styles a level's pStyle can name.
  std::vector<std::string_view> chain;
  bool numbered_by_style = false;
  std::string_view current = style_id.empty() ? std::string_view(impl_->default_style) : style_id;
  for (int hop = 0; hop < kMaxHops && !current.empty(); ++hop) {
    const Style* style = impl_->FindStyle(current);
    if (style == nullptr) break;
    if (num_id < 0) chain.push_back(current);
    if (num_id < 0 && style->num_id >= 0) {
      num_id = style->num_id;
      numbered_by_style = true;
    }
    if (ilvl < 0 && style->ilvl >= 0) ilvl = style->ilvl;
    if (num_id >= 0 && ilvl >= 0) break;
    current = style->based_on;
  }
  if (num_id <= 0) return false;
  auto num = impl_->nums.find(num_id);
  if (num == impl_->nums.end()) return false;
  auto abs = impl_->abstracts.find(num->second.abstract_id);
  if (abs == impl_->abstracts.end()) return false;
  if (ilvl < 0 && numbered_by_style) {
    // A style linked to a list without an ilvl takes the level whose pStyle
    // names it, or names the nearest style it is based on ("Heading 2",
    // based on a numbered "Heading 1", on level 1 of an outline list).
    for (size_t c = 0; c < chain.size() && ilvl < 0; ++c) {
      for (int i = 0; i < kLevels; ++i) {
        const Level* level = impl_->LevelOf(num->second, i);
        if (level != nullptr && level->defined && level->pstyle == chain[c]) {
          ilvl = i;
          break;
        }
      }
    }
  }
  out->num_id = num_id;
  out->ilvl = std::clamp(ilvl, 0, kLevels - 1);
  return true;
}

std::string DocxNumbering::NextLabel(const ListRef& ref) {
  if (!impl_) return "";
  auto num_it = impl_->nums.find(ref.num_id);
  if (num_it == impl_->nums.end()) return "";
  const Num& num = num_it->second;
  const int ilvl = std::clamp(ref.ilvl, 0, kLevels - 1);
  try {
    std::array<const Level*, kLevels> levels;
    static const Level kUndefined;
    for (int i = 0; i < kLevels; ++i) {
      const Level* level = impl_->LevelOf(num, i);
      levels[i] = level != nullptr ? level : &kUndefined;
    }
    auto start_of = [&](int i) -> int64_t {
      if (num.overrides && (*num.overrides)[i].has_start) return (*num.overrides)[i].start;
      return levels[i]->start;
    };
    std::array<Counter, kLevels>& counters = impl_->counters[num.abstract_id];
    // A num that overrides a start restarts those levels the first time it
    // is used; afterwards it continues like any other.
    if (num.any_start_override && impl_->started_nums.insert(ref.num_id).second) {
      // Restarting a level restarts the levels below it too.
      for (int i = 0; i < kLevels; ++i) {
        if (!(*num.overrides)[i].has_start) continue;
        for (int j = i; j < kLevels; ++j) counters[j].used = false;
        break;
      }
    }
    Counter& c = counters[ilvl];
    if (!c.used) {
      c.used = true;
      c.value = start_of(ilvl);
    } else if (c.value < kMaxCounter) {
      ++c.value;
    }
    // Word counts the levels above a first item as used at their start: "1.1"
    // as the first item, then a top-level item reads "2.", not "1.".
    for (int higher = 0; higher < ilvl; ++higher) {
      if (!counters[higher].used) {
        counters[higher].used = true;
        counters[higher].value = start_of(higher);
      }
    }
    for (int deeper = ilvl + 1; deeper < kLevels; ++deeper) {
      int restart = levels[deeper]->restart;
      // lvlRestart N (1-based): restart only after level N or above is used;
      // 0: never; absent: after any higher level.
      if (restart < 0 || (restart > 0 && ilvl < restart)) counters[deeper].used = false;
    }

    const Level& level = *levels[ilvl];
    if (!level.defined || level.format == Format::kNone) return "";
    std::string out;
    std::string_view text = level.text;
    size_t pos = 0;
    while (pos < text.size()) {
      if (text[pos] == '%' && pos + 1 < text.size() && text[pos + 1] >= '1' &&
          text[pos + 1] <= '9') {
        int ref_level = text[pos + 1] - '1';
        pos += 2;
        const Level& shown = *levels[ref_level];
        int64_t value = counters[ref_level].used ? counters[ref_level].value : start_of(ref_level);
        if (level.is_lgl && shown.format != Format::kNone && shown.format != Format::kBullet) {
          out += Decimal(value);
        } else {
          out += FormatNumber(value, shown);
        }
        continue;
      }
      char32_t cp = utf8::Next(text, &pos);
      utf8::Append(level.format == Format::kBullet ? BulletChar(cp) : cp, &out);
    }
    return out;
  } catch (...) {
    return "";
  }
}

int DocxNumbering::HeadingLevel(std::string_view style_id) const {
  if (!impl_) return 0;
  std::string_view current = style_id;
  for (int hop = 0; hop < kMaxHops && !current.empty(); ++hop) {
    const Style* style = impl_->FindStyle(current);
    if (style == nullptr) return 0;
    if (style->outline >= 0) return style->outline <= 8 ? style->outline + 1 : 0;
    if (int n = HeadingFromName(style->name); n > 0) return n;
    current = style->based_on;
  }
  return 0;
}

}  // namespace clausecheck::parsers
