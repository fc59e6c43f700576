#include "core/numbering.h"

#include <array>

#include "core/utf8.h"

namespace clausecheck::numbering {
namespace {

constexpr char32_t kEnd = 0;

// The code point at s[pos] (kEnd past the end); *next is the position after it.
char32_t At(std::string_view s, size_t pos, size_t* next) {
  if (pos >= s.size()) {
    *next = s.size();
    return kEnd;
  }
  size_t p = pos;
  char32_t c = utf8::Next(s, &p);
  *next = p;
  return c;
}

char32_t At(std::string_view s, size_t pos) {
  size_t next;
  return At(s, pos, &next);
}

size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    size_t next;
    if (!utf8::IsSpace(At(s, pos, &next))) break;
    pos = next;
  }
  return pos;
}

// ASCII and full-width digits: Chinese documents type "１．" as often as "1.".
int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

bool IsUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char32_t c) { return c >= 'a' && c <= 'z'; }
bool IsLetter(char32_t c) { return IsUpper(c) || IsLower(c); }
char32_t ToLower(char32_t c) { return IsUpper(c) ? c + ('a' - 'A') : c; }

bool IsOpenParen(char32_t c) { return c == '(' || c == 0xFF08; }            // （
bool IsCloseParen(char32_t c) { return c == ')' || c == 0xFF09; }           // ）
bool IsDot(char32_t c) { return c == '.' || c == 0xFF0E; }                  // ．
bool IsColon(char32_t c) { return c == ':' || c == 0xFF1A; }                // ：
bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014; }  // – —
bool IsQuote(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0x300C;  // “ ‘ 「
}
constexpr char32_t kIdeographicComma = 0x3001;  // 、

bool IsChineseNumeralChar(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
    case U'一':
    case U'二':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
    case U'百':
    case U'千':
    case U'两':
    case U'壹':
    case U'贰':
    case U'叁':
    case U'肆':
    case U'伍':
    case U'陆':
    case U'柒':
    case U'捌':
    case U'玖':
    case U'拾':
    case U'佰':
    case U'仟': return true;
    default: return false;
  }
}

// Han characters that measure a quantity: a number directly before one is an
// amount, a date or a duration ("2026年", "12个月", "5万元"), not a clause.
bool IsMeasureWord(char32_t c) {
  switch (c) {
    case U'年':
    case U'月':
    case U'日':
    case U'个':
    case U'元':
    case U'万':
    case U'亿':
    case U'天':
    case U'号':
    case U'时':
    case U'分':
    case U'秒':
    case U'周':
    case U'次':
    case U'件':
    case U'台':
    case U'套':
    case U'份':
    case U'名':
    case U'人':
    case U'岁':
    case U'倍':
    case U'张':
    case U'页':
    case U'%':
    case U'％': return true;
    default: return false;
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A run of dotted decimal components at pos ("12", "12.1.3"), each at most
// `max_digits` digits. Returns the end of the run (pos when there is none).
// A dot followed by a digit always continues the run, so "3.5" is one token
// and the caller sees what follows it ("%", " million").
size_t ScanDecimal(std::string_view s, size_t pos, int max_digits, std::vector<int>* values,
                   bool* too_long) {
  *too_long = false;
  values->clear();
  size_t p = pos;
  for (;;) {
    int digits = 0;
    int value = 0;
    size_t next;
    for (;;) {
      int d = DigitValue(At(s, p, &next));
      if (d < 0) break;
      if (++digits > max_digits) {
        *too_long = true;
        return pos;
      }
      value = value * 10 + d;
      p = next;
    }
    if (digits == 0) return values->empty() ? pos : p;
    values->push_back(value);
    size_t after_dot;
    if (!IsDot(At(s, p, &after_dot)) || DigitValue(At(s, after_dot)) < 0) return p;
    p = after_dot;
  }
}

struct Scan {
  std::string_view text;
  size_t start = 0;      // first byte of the label
  size_t label_end = 0;  // one past the label
  ClauseNumber* out = nullptr;
};

// Finishes *out: label, separator, and length up to `text_start` (the
// separator and the spaces after it consumed).
bool Finish(const Scan& sc, size_t sep_begin, size_t sep_end, size_t text_start, std::string family,
            std::vector<int> values) {
  ClauseNumber* out = sc.out;
  out->label.assign(sc.text.substr(sc.start, sc.label_end - sc.start));
  out->separator.assign(sc.text.substr(sep_begin, sep_end - sep_begin));
  out->family = std::move(family);
  out->depth = static_cast<int>(values.size());
  out->values = std::move(values);
  out->length = text_start;
  return true;
}

// Bare dotted decimals: "1." "12.1" "1)" "1、" "1.1、" "1 Definitions".
bool ParseDecimal(Scan sc) {
  std::string_view s = sc.text;
  std::vector<int> values;
  bool too_long;
  size_t p = ScanDecimal(s, sc.start, 3, &values, &too_long);
  // Four digits is a year ("2026.1.1", "1995."), not a clause.
  if (p == sc.start) return false;
  sc.label_end = p;
  size_t after;
  char32_t c = At(s, p, &after);
  if (c == kEnd) return Finish(sc, p, p, p, "decimal", std::move(values));
  if (IsDot(c)) {
    char32_t n = At(s, after);
    if (n == kEnd) return Finish(sc, p, after, after, "decimal", std::move(values));
    if (utf8::IsSpace(n)) {
      return Finish(sc, p, after, SkipSpaces(s, after), "decimal", std::move(values));
    }
    // PDF extraction often drops the space: "1.Definitions", "1.甲方".
    size_t n_end;
    At(s, after, &n_end);
    if ((IsUpper(n) && IsLower(At(s, n_end))) || IsQuote(n) ||
        (utf8::IsHan(n) && !IsMeasureWord(n))) {
      return Finish(sc, p, after, after, "decimal", std::move(values));
    }
    return false;
  }
  if (IsCloseParen(c)) {
    char32_t n = At(s, after);
    if (DigitValue(n) >= 0 || IsLower(n)) return false;
    return Finish(sc, p, after, SkipSpaces(s, after), "decimal-paren", std::move(values));
  }
  if (c == kIdeographicComma) {
    return Finish(sc, p, after, SkipSpaces(s, after), "zh-decimal-comma", std::move(values));
  }
  if (IsColon(c)) {
    char32_t n = At(s, after);
    if (n != kEnd && !utf8::IsSpace(n)) return false;  // "10:00"
    return Finish(sc, p, after, SkipSpaces(s, after), "decimal", std::move(values));
  }
  if (utf8::IsSpace(c)) {
    size_t q = SkipSpaces(s, p);
    char32_t n = At(s, q);
    if (n == kEnd) return Finish(sc, p, p, q, "decimal", std::move(values));
    // Without a separator only a capitalised word, a quote or Han text makes
    // a heading ("1 Definitions"); "12 months", "1.5 million", "2 (two)" and
    // "12 个月" are quantities.
    if (IsUpper(n) || IsQuote(n) || (utf8::IsHan(n) && !IsMeasureWord(n))) {
      return Finish(sc, p, p, q, "decimal", std::move(values));
    }
    return false;
  }
  return false;
}

// Strict roman numeral value of an ASCII letter run, -1 if not canonical.
int StrictRoman(std::string_view s) {
  if (s.empty() || s.size() > 12) return -1;
  bool upper = IsUpper(static_cast<unsigned char>(s[0]));
  int total = 0;
  int prev = 0;
  for (size_t i = s.size(); i-- > 0;) {
    char32_t c = static_cast<unsigned char>(s[i]);
    if (!IsLetter(c) || IsUpper(c) != upper) return -1;
    int v;
    switch (ToLower(c)) {
      case 'i': v = 1; break;
      case 'v': v = 5; break;
      case 'x': v = 10; break;
      case 'l': v = 50; break;
      case 'c': v = 100; break;
      case 'd': v = 500; break;
      case 'm': v = 1000; break;
      default: return -1;
    }
    total += v < prev ? -v : v;
    if (v > prev) prev = v;
  }
  if (total <= 0 || total >= 4000) return -1;
  // Accept only the canonical spelling, so that "iiii", "vx" or "il" (and
  // most words made of these letters) are not numerals.
  static constexpr std::array<std::pair<int, const char*>, 13> kParts = {{{1000, "m"},
                                                                          {900, "cm"},
                                                                          {500, "d"},
                                                                          {400, "cd"},
                                                                          {100, "c"},
                                                                          {90, "xc"},
                                                                          {50, "l"},
                                                                          {40, "xl"},
                                                                          {10, "x"},
                                                                          {9, "ix"},
                                                                          {5, "v"},
                                                                          {4, "iv"},
                                                                          {1, "i"}}};
  std::string canonical;
  int rest = total;
  for (const auto& [value, text] : kParts) {
    while (rest >= value) {
      canonical += text;
      rest -= value;
    }
  }
  return Lower(s) == canonical ? total : -1;
}

// Roman numerals used as list numbers stay small; "mix", "CD" or "MD" are not
// clause numbers even though they are canonical numerals.
constexpr int kMaxRomanItem = 50;

bool IsRomanLetter(char32_t c) {
  switch (ToLower(c)) {
    case 'i':
    case 'v':
    case 'x':
    case 'l':
    case 'c':
    case 'd':
    case 'm': return true;
    default: return false;
  }
}

// Families of letter and roman numbers by their punctuation style.
struct LetterStyle {
  const char* lower_alpha;
  const char* upper_alpha;
  const char* lower_roman;
  const char* upper_roman;
};
constexpr LetterStyle kParenStyle = {"paren-lower-alpha", "paren-upper-alpha", "paren-lower-roman",
                                     "paren-upper-roman"};
constexpr LetterStyle kRightParenStyle = {"lower-alpha-paren", "upper-alpha-paren",
                                          "lower-roman-paren", "upper-roman-paren"};
constexpr LetterStyle kDotStyle = {"lower-alpha-dot", "upper-alpha-dot", "lower-roman-dot",
                                   "upper-roman-dot"};

// Sets family/values (and the alternative reading) for a letter run
// `letters` in `style`. False when it is neither a letter nor a roman numeral.
bool ClassifyLetters(std::string_view letters, const LetterStyle& style, ClauseNumber* out) {
  char32_t first = static_cast<unsigned char>(letters[0]);
  bool upper = IsUpper(first);
  const char* alpha = upper ? style.upper_alpha : style.lower_alpha;
  const char* roman = upper ? style.upper_roman : style.lower_roman;
  if (letters.size() == 1) {
    int letter_value = static_cast<int>(ToLower(first) - 'a') + 1;
    int roman_value = IsRomanLetter(first) ? StrictRoman(letters) : -1;
    if (roman_value > 0 && roman_value <= kMaxRomanItem) {
      // "i" almost always opens a roman list; "v", "x", "l", "c" are far
      // more often letters, and only context ("(iv)" before) says otherwise.
      bool roman_first = ToLower(first) == 'i';
      out->family = roman_first ? roman : alpha;
      out->values = {roman_first ? roman_value : letter_value};
      out->alt_family = roman_first ? alpha : roman;
      out->alt_values = {roman_first ? letter_value : roman_value};
    } else {
      out->family = alpha;
      out->values = {letter_value};
    }
    return true;
  }
  int v = StrictRoman(letters);
  if (v <= 0 || v > kMaxRomanItem) return false;
  out->family = roman;
  out->values = {v};
  return true;
}

// Length of the run of ASCII letters at s[pos], at most `max`+1.
size_t LetterRun(std::string_view s, size_t pos, size_t max) {
  size_t n = 0;
  while (pos + n < s.size() && n <= max && IsLetter(static_cast<unsigned char>(s[pos + n]))) ++n;
  return n;
}

// Length of the run of Chinese numeral characters at s[pos], in bytes.
size_t ChineseNumeralRun(std::string_view s, size_t pos) {
  size_t p = pos;
  int count = 0;
  for (;;) {
    size_t next;
    char32_t c = At(s, p, &next);
    if (c == kEnd || !IsChineseNumeralChar(c)) break;
    if (++count > 8) return 0;
    p = next;
  }
  return p - pos;
}

// "(a)" "(iv)" "(1)" "（1）" "(一)" "（一）".
bool ParseParenthesized(Scan sc) {
  std::string_view s = sc.text;
  size_t p;
  At(s, sc.start, &p);  // the opening parenthesis
  ClauseNumber* out = sc.out;
  std::string family;
  std::vector<int> values;
  bool too_long;
  size_t inner_end = ScanDecimal(s, p, 3, &values, &too_long);
  if (inner_end != p) {
    if (values.size() != 1) return false;
    family = "paren-decimal";
  } else if (size_t letters = LetterRun(s, p, 6); letters > 0 && letters <= 6) {
    if (!ClassifyLetters(s.substr(p, letters), kParenStyle, out)) return false;
    inner_end = p + letters;
  } else if (size_t numeral = ChineseNumeralRun(s, p); numeral > 0) {
    int v = ChineseNumeralValue(s.substr(p, numeral));
    if (v <= 0) return false;
    family = "zh-paren-enum";
    values = {v};
    inner_end = p + numeral;
  } else {
    return false;
  }
  size_t after;
  if (!IsCloseParen(At(s, inner_end, &after))) return false;
  // "(s)he", "(a)b": part of a word. A digit may follow ("（1）304不锈钢").
  if (IsLower(At(s, after))) return false;
  sc.label_end = after;
  if (family.empty()) {  // letters: ClassifyLetters filled family and values
    family = std::move(out->family);
    values = std::move(out->values);
  }
  return Finish(sc, after, after, SkipSpaces(s, after), std::move(family), std::move(values));
}

// "a." "A." "iv." "I." "a)" "iv)". A letter alone ("A person", "I am") is a
// word, so the separator is required.
bool ParseLetters(Scan sc) {
  std::string_view s = sc.text;
  size_t n = LetterRun(s, sc.start, 6);
  if (n == 0 || n > 6) return false;
  size_t sep = sc.start + n;
  size_t after;
  char32_t c = At(s, sep, &after);
  const LetterStyle* style;
  if (IsDot(c)) {
    style = &kDotStyle;
  } else if (IsCloseParen(c)) {
    style = &kRightParenStyle;
  } else {
    return false;
  }
  char32_t next = At(s, after);
  size_t text_start;
  if (next == kEnd) {
    text_start = after;
  } else if (utf8::IsSpace(next)) {
    text_start = SkipSpaces(s, after);
  } else {
    // "B.Payment shall..." and "B.\"PRODUCT\" means" from PDF text are
    // numbers; "U.S.", "e.g." and "i.e." are abbreviations.
    size_t next_end;
    At(s, after, &next_end);
    bool word = IsUpper(next) && IsLower(At(s, next_end));
    if (style != &kDotStyle || !(word || IsQuote(next))) return false;
    text_start = after;
  }
  ClauseNumber* out = sc.out;
  if (!ClassifyLetters(s.substr(sc.start, n), *style, out)) return false;
  sc.label_end = sep;
  std::string family = std::move(out->family);
  std::vector<int> values = std::move(out->values);
  return Finish(sc, sep, after, text_start, std::move(family), std::move(values));
}

enum class KeywordKind { kHeading, kAttachment };

struct Keyword {
  std::string_view word;  // lower case, as it must appear (case-insensitively)
  const char* family;
  KeywordKind kind;
  bool space_optional;  // "Sec.5", "§5"
};

constexpr std::array<Keyword, 15> kKeywords = {{
    {"section", "section", KeywordKind::kHeading, false},
    {"sec.", "section", KeywordKind::kHeading, true},
    {"\xC2\xA7", "section", KeywordKind::kHeading, true},  // §
    {"article", "article", KeywordKind::kHeading, false},
    {"art.", "article", KeywordKind::kHeading, true},
    {"clause", "clause", KeywordKind::kHeading, false},
    {"paragraph", "paragraph", KeywordKind::kHeading, false},
    {"part", "part", KeywordKind::kHeading, false},
    {"chapter", "chapter", KeywordKind::kHeading, false},
    {"schedule", "schedule", KeywordKind::kAttachment, false},
    {"exhibit", "exhibit", KeywordKind::kAttachment, false},
    {"annex", "annex", KeywordKind::kAttachment, false},
    {"appendix", "appendix", KeywordKind::kAttachment, false},
    {"attachment", "attachment", KeywordKind::kAttachment, false},
    {"addendum", "addendum", KeywordKind::kAttachment, false},
}};

constexpr std::array<std::string_view, 20> kNumberWords = {
    "one",     "two",     "three",     "four",     "five",     "six",      "seven",
    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};

bool StartsWithIgnoreCase(std::string_view s, size_t pos, std::string_view word) {
  if (s.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = s[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

// "Section 12", "ARTICLE IV", "Sec. 5", "§ 3.2", "Schedule 1", "Exhibit A-1",
// "Article One".
bool ParseKeyword(Scan sc) {
  std::string_view s = sc.text;
  for (const Keyword& kw : kKeywords) {
    if (!StartsWithIgnoreCase(s, sc.start, kw.word)) continue;
    size_t p = sc.start + kw.word.size();
    // "Sections", "Particular", "Articles": the keyword must end the word.
    if (p < s.size() && IsLetter(static_cast<unsigned char>(s[p]))) continue;
    size_t q = SkipSpaces(s, p);
    if (q == p && !kw.space_optional) continue;
    std::vector<int> values;
    bool too_long;
    size_t end = ScanDecimal(s, q, 4, &values, &too_long);
    if (end == q) {
      size_t n = LetterRun(s, q, 9);
      if (n == 0 || n > 9) continue;
      std::string_view word = s.substr(q, n);
      int v = -1;
      std::string lower = Lower(word);
      for (size_t i = 0; i < kNumberWords.size(); ++i) {
        if (lower == kNumberWords[i]) v = static_cast<int>(i) + 1;
      }
      if (v < 0) {
        bool all_upper = true;
        for (char c : word) all_upper = all_upper && IsUpper(static_cast<unsigned char>(c));
        int roman = StrictRoman(word);
        if (n == 1) {
          // One capital: a letter for attachments ("Exhibit I" is the ninth),
          // a roman numeral for headings ("Article I").
          if (!all_upper) continue;
          v = kw.kind == KeywordKind::kHeading && roman > 0 ? roman : word[0] - 'A' + 1;
        } else if (roman > 0 && roman <= 100) {
          v = roman;
        } else {
          continue;
        }
      }
      values = {v};
      end = q + n;
    }
    // Attachments are often numbered "A-1" or "1-A".
    if (kw.kind == KeywordKind::kAttachment && end + 1 < s.size() && s[end] == '-' &&
        (IsLetter(static_cast<unsigned char>(s[end + 1])) || DigitValue(s[end + 1]) >= 0)) {
      size_t r = end + 1;
      while (r < s.size() &&
             (IsLetter(static_cast<unsigned char>(s[r])) || DigitValue(s[r]) >= 0)) {
        ++r;
      }
      end = r;
    }
    sc.label_end = end;
    size_t after;
    char32_t c = At(s, end, &after);
    if (c == kEnd) return Finish(sc, end, end, end, kw.family, std::move(values));
    if (IsDot(c) || IsColon(c) || IsDash(c) || c == kIdeographicComma) {
      char32_t n = At(s, after);
      if (DigitValue(n) >= 0 || IsLower(n)) return false;
      return Finish(sc, end, after, SkipSpaces(s, after), kw.family, std::move(values));
    }
    if (!utf8::IsSpace(c)) return false;  // "Section 12(a)", "Section 12,"
    size_t t = SkipSpaces(s, end);
    char32_t n = At(s, t, &after);
    if (n == kEnd) return Finish(sc, end, end, t, kw.family, std::move(values));
    if (IsDash(n) || IsColon(n)) {  // "Section 5 - Term", "ARTICLE V — TERM"
      return Finish(sc, t, after, SkipSpaces(s, after), kw.family, std::move(values));
    }
    // A lower-case word or a digit after the number makes it a reference
    // inside a sentence: "Section 12 of this Agreement", "Clause 3 shall".
    if (IsUpper(n) || IsQuote(n) || utf8::IsHan(n) || n == '[' || n == 0x3010) {
      return Finish(sc, end, end, t, kw.family, std::move(values));
    }
    return false;
  }
  return false;
}

// Words that turn "第五条" at the start of a line into a reference within a
// sentence: "第五条规定的", "第五条约定", "第五条第二款", "第五条至第七条".
constexpr std::array<std::string_view, 16> kZhReferenceFollowers = {
    "规定", "约定", "所述", "所列", "所称", "所指", "的", "之",
    "中",   "项下", "第",   "至",   "或",   "和",   "及", "、第"};

// "第十二条" "第 12 条" "第一章" "第一节" "第一款" "第一部分".
bool ParseZhOrdinal(Scan sc) {
  std::string_view s = sc.text;
  size_t p;
  At(s, sc.start, &p);  // 第
  p = SkipSpaces(s, p);
  std::vector<int> values;
  size_t num_end;
  if (size_t n = ChineseNumeralRun(s, p); n > 0) {
    int v = ChineseNumeralValue(s.substr(p, n));
    if (v < 0) return false;
    values = {v};
    num_end = p + n;
  } else {
    bool too_long;
    num_end = ScanDecimal(s, p, 4, &values, &too_long);
    if (num_end == p || values.size() != 1) return false;
  }
  size_t u = SkipSpaces(s, num_end);
  size_t after;
  char32_t unit = At(s, u, &after);
  const char* family;
  switch (unit) {
    case U'条': family = "zh-article"; break;
    case U'章': family = "zh-chapter"; break;
    case U'节': family = "zh-section"; break;
    case U'款': family = "zh-paragraph"; break;
    case U'编': family = "zh-part"; break;
    case U'部':
      if (At(s, after, &after) != U'分') return false;
      family = "zh-part";
      break;
    default: return false;
  }
  sc.label_end = after;
  std::string_view rest = s.substr(after);
  for (std::string_view w : kZhReferenceFollowers) {
    if (rest.substr(0, w.size()) == w) return false;
  }
  size_t next;
  char32_t c = At(s, after, &next);
  if (c == ',' || c == 0xFF0C || c == 0x3002 || c == ';' || c == 0xFF1B) return false;
  if (c == kIdeographicComma || IsColon(c) || IsDot(c)) {
    return Finish(sc, after, next, SkipSpaces(s, next), family, std::move(values));
  }
  return Finish(sc, after, after, SkipSpaces(s, after), family, std::move(values));
}

// "一、" "十二、" "一．".
bool ParseZhEnum(Scan sc) {
  std::string_view s = sc.text;
  size_t n = ChineseNumeralRun(s, sc.start);
  if (n == 0) return false;
  int v = ChineseNumeralValue(s.substr(sc.start, n));
  if (v <= 0) return false;
  size_t sep = sc.start + n;
  size_t after;
  char32_t c = At(s, sep, &after);
  if (c != kIdeographicComma && !IsDot(c)) return false;
  if (DigitValue(At(s, after)) >= 0) return false;
  sc.label_end = sep;
  return Finish(sc, sep, after, SkipSpaces(s, after), "zh-enum", {v});
}

}  // namespace

bool Parse(std::string_view text, ClauseNumber* out) {
  Scan sc;
  sc.text = text;
  sc.start = SkipSpaces(text, 0);
  sc.out = out;
  out->alt_family.clear();
  out->alt_values.clear();
  size_t next;
  char32_t c = At(text, sc.start, &next);
  if (c == kEnd) return false;
  if (DigitValue(c) >= 0) return ParseDecimal(sc);
  if (IsOpenParen(c)) return ParseParenthesized(sc);
  if (c == U'第') return ParseZhOrdinal(sc);
  if (IsChineseNumeralChar(c)) return ParseZhEnum(sc);
  if (IsLetter(c) || c == 0xA7) {
    return ParseKeyword(sc) || ParseLetters(sc);
  }
  return false;
}

int ChineseNumeralValue(std::string_view s) {
  if (s.empty()) return -1;
  // Two spellings: with units ("一百零一", "二十", "十二") and positional, digit
  // by digit, as in years and some lists ("二〇二六", "一〇一").
  bool has_unit = false;
  std::vector<int> digits;
  size_t p = 0;
  while (p < s.size()) {
    char32_t c = utf8::Next(s, &p);
    int d;
    switch (c) {
      case U'零':
      case U'〇': d = 0; break;
      case U'一':
      case U'壹': d = 1; break;
      case U'二':
      case U'贰':
      case U'两': d = 2; break;
      case U'三':
      case U'叁': d = 3; break;
      case U'四':
      case U'肆': d = 4; break;
      case U'五':
      case U'伍': d = 5; break;
      case U'六':
      case U'陆': d = 6; break;
      case U'七':
      case U'柒': d = 7; break;
      case U'八':
      case U'捌': d = 8; break;
      case U'九':
      case U'玖': d = 9; break;
      case U'十':
      case U'拾': d = -10; break;
      case U'百':
      case U'佰': d = -100; break;
      case U'千':
      case U'仟': d = -1000; break;
      default: return -1;
    }
    if (d < 0) has_unit = true;
    digits.push_back(d);
    if (digits.size() > 12) return -1;
  }
  if (!has_unit) {
    long value = 0;
    for (int d : digits) value = value * 10 + d;
    return digits.size() > 9 ? -1 : static_cast<int>(value);
  }
  int total = 0;
  int pending = -1;  // a digit waiting for its unit; 0 after 零
  int last_unit = 10000;
  for (size_t i = 0; i < digits.size(); ++i) {
    int d = digits[i];
    if (d >= 0) {
      if (pending > 0) return -1;  // two digits in a row: "一二十"
      pending = d;
      continue;
    }
    int unit = -d;
    if (unit >= last_unit) return -1;  // units must fall: "十百" is not a number
    if (pending < 0) {
      // A bare leading 十 means 一十 ("十二" = 12); elsewhere a unit needs a digit.
      if (i != 0 || unit != 10) return -1;
      pending = 1;
    }
    if (pending == 0) return -1;  // "零十"
    total += pending * unit;
    last_unit = unit;
    pending = -1;
  }
  // A trailing digit is the ones ("一百零一"); the colloquial "一百二" for 120
  // is not used to number clauses. A trailing 零 is not a number.
  if (pending == 0) return -1;
  if (pending > 0) total += pending;
  return total;
}

int RomanValue(std::string_view s) { return StrictRoman(s); }

}  // namespace clausecheck::numbering
