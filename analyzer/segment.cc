#include "analyzer/segment.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/ascii.h"
#include "core/numbering.h"
#include "core/utf8.h"

namespace clausecheck::analyzer {
namespace {

using numbering::ClauseNumber;

// ---------------------------------------------------------------------------
// Text shape. Everything here is one pass over a block's text, so that
// segmentation stays linear in the document.

constexpr char32_t kEnd = 0;

bool IsUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char32_t c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// The last code point of s (kEnd if empty); *start is where it begins.
char32_t Last(std::string_view s, size_t* start = nullptr) {
  if (s.empty()) return kEnd;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  if (start) *start = i;
  size_t p = i;
  return utf8::Next(s, &p);
}

std::string_view TrimSpaces(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t p = b;
    if (!utf8::IsSpace(utf8::Next(s, &p))) break;
    b = p;
  }
  s.remove_prefix(b);
  while (!s.empty()) {
    size_t start;
    if (!utf8::IsSpace(Last(s, &start))) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

// Trims spaces and the rules that PDF extraction leaves after headings
// ("1.   APPOINTMENT.      -----------").
std::string_view TrimNoise(std::string_view s) {
  s = TrimSpaces(s);
  for (;;) {
    size_t start;
    char32_t c = Last(s, &start);
    if (c == '-' || c == '_' || c == '=' || c == '*' || c == 0x2014 || c == 0x2013 ||
        utf8::IsSpace(c)) {
      s.remove_suffix(s.size() - start);
    } else {
      return s;
    }
  }
}

bool IsSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == ';' || c == 0x3002 || c == 0xFF1B ||
         c == 0xFF01 || c == 0xFF1F;  // 。；！？
}

// Chinese punctuation that only occurs inside or at the end of a sentence.
bool IsZhClausePunct(char32_t c) {
  return c == 0x3002 || c == 0xFF0C || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == ',' ||
         c == ';' || c == '!' || c == '?';  // 。，；！？
}

struct Shape {
  int words = 0;  // runs of non-space characters
  int han = 0;
  int upper = 0;  // ASCII letters
  int lower = 0;
  int digits = 0;
  bool colon = false;        // "Name: ...", "甲方（盖章）：": a form label
  bool underscores = false;  // "By: ______": a blank to fill in
  bool wide_gap = false;     // three or more spaces inside: columns of a table
  bool zh_punct = false;     // 。，；！？ or ASCII , ; ! ?
  int quotes = 0;            // straight and curly double quotes
  bool brackets = false;     // "[***]", "[x]": redactions and placeholders
  bool modal = false;        // 应 or 须: a Chinese obligation, so a sentence
  char32_t first = kEnd;
  char32_t last = kEnd;
};

// Decodes the code point at s[*p], with a fast path for ASCII, which is most
// of the text of most contracts.
char32_t NextCodePoint(std::string_view s, size_t* p) {
  unsigned char b = static_cast<unsigned char>(s[*p]);
  if (b < 0x80) {
    ++*p;
    return b;
  }
  return utf8::Next(s, p);
}

bool IsSpaceCodePoint(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return utf8::IsSpace(c);
}

// The shape of `t`. Only the first `limit` bytes are looked at (callers that
// decide "short line or not" need no more), except that `last` is always the
// last code point of t.
Shape Measure(std::string_view t, size_t limit = std::string_view::npos) {
  Shape sh;
  bool in_word = false;
  int spaces = 0;
  char32_t prev = kEnd;
  size_t p = 0;
  const size_t end = std::min(limit, t.size());
  while (p < end) {
    char32_t c = NextCodePoint(t, &p);
    if (sh.first == kEnd) sh.first = c;
    sh.last = c;
    if (IsSpaceCodePoint(c)) {
      in_word = false;
      if (++spaces >= 3) sh.wide_gap = true;
      prev = c;
      continue;
    }
    spaces = 0;
    if (!in_word) {
      ++sh.words;
      in_word = true;
    }
    if (IsUpper(c)) {
      ++sh.upper;
    } else if (IsLower(c)) {
      ++sh.lower;
    } else if (IsDigit(c)) {
      ++sh.digits;
    } else if (utf8::IsHan(c)) {
      ++sh.han;
      if (c == U'应' || c == U'须') sh.modal = true;
    } else if (c == ':' || c == 0xFF1A) {
      sh.colon = true;
    } else if (c == '_' && prev == '_') {
      sh.underscores = true;
    }
    if (IsZhClausePunct(c)) sh.zh_punct = true;
    if (c == '"' || c == 0x201C || c == 0x201D) ++sh.quotes;
    if (c == '[' || c == ']') sh.brackets = true;
    prev = c;
  }
  if (end < t.size()) sh.last = Last(t);
  return sh;
}

using ascii::EqualsIgnoreCase;

// The last word of a party's name in a signature block or a notice address.
bool EndsWithCompanySuffix(std::string_view t) {
  static constexpr std::array<std::string_view, 18> kSuffixes = {
      "inc", "llc", "ltd", "corp", "corporation", "company", "limited", "gmbh", "plc",
      "lp",  "l.p", "llp", "co",   "n.a",         "s.a",     "ag",      "b.v",  "pte"};
  while (!t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == ')')) {
    t.remove_suffix(1);
  }
  size_t space = t.find_last_of(" \t");
  std::string_view word = space == std::string_view::npos ? t : t.substr(space + 1);
  for (std::string_view s : kSuffixes) {
    if (EqualsIgnoreCase(word, s)) return true;
  }
  return t.ends_with("公司") || t.ends_with("事务所") || t.ends_with("银行");
}

// "Page 3", "- 3 -", "3 of 10", "第3页 共10页": left over from page layout.
bool IsPageMarker(std::string_view t) {
  bool digit = false;
  size_t i = 0;
  while (i < t.size()) {
    if (EqualsIgnoreCase(t.substr(i, 4), "page")) {
      i += 4;
      continue;
    }
    if (EqualsIgnoreCase(t.substr(i, 2), "of")) {
      i += 2;
      continue;
    }
    size_t p = i;
    char32_t c = utf8::Next(t, &p);
    if (IsDigit(c)) {
      digit = true;
    } else if (!(utf8::IsSpace(c) || c == '-' || c == 0x2013 || c == 0x2014 || c == '/' ||
                 c == U'第' || c == U'页' || c == U'共')) {
      return false;
    }
    i = p;
  }
  return digit;
}

bool IsDottedDecimal(std::string_view w) {
  bool dot = false;
  bool digit = false;
  for (char c : w) {
    if (IsDigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c == '.' && digit) {
      dot = true;
    } else {
      return false;
    }
  }
  return dot && IsDigit(static_cast<unsigned char>(w.back()));
}

// Whether a title ends in what looks like a page number: "Definitions 1",
// "Payment; Records; Audits 24".
bool EndsWithPageNumber(std::string_view t) {
  size_t end = t.size();
  while (end > 0 && IsDigit(static_cast<unsigned char>(t[end - 1]))) --end;
  if (end == t.size() || t.size() - end > 3 || end < 2 || t[end - 1] != ' ') return false;
  unsigned char c = static_cast<unsigned char>(t[end - 2]);
  return IsUpper(c) || IsLower(c) || c == ')' || c == ' ';
}

// A table-of-contents line (the text after its number): a page number after
// dot leaders or a tab ("Definitions ........ 3"); several entries run
// together by extraction ("Rolling Forecasts 1 2.2 Inventory 2", "OTHER
// AGREEMENTS 39 Section 9.1 ..."); or, before the body of the document has
// begun, any title ending in a page number ("DEFINITIONS 1").
bool IsTocLine(std::string_view t, bool before_body) {
  size_t end = t.size();
  while (end > 0 && IsDigit(static_cast<unsigned char>(t[end - 1]))) --end;
  bool page_at_end = end < t.size() && t.size() - end <= 3 && end > 0;
  if (page_at_end) {
    size_t e = end;
    while (e > 0 && t[e - 1] == ' ') --e;
    if (e > 0 && t[e - 1] == '\t') return true;
    std::string_view before = t.substr(0, e);
    if (before.ends_with("...") || before.ends_with("\xE2\x80\xA6") ||  // …
        before.ends_with("\xC2\xB7\xC2\xB7")) {                         // ··
      return true;
    }
    if (before_body && EndsWithPageNumber(t)) return true;
  }
  // A page number followed by the next entry's number.
  size_t i = 0;
  std::string_view prev;
  while (i < t.size()) {
    size_t j = t.find(' ', i);
    if (j == std::string_view::npos) j = t.size();
    std::string_view w = t.substr(i, j - i);
    if (!w.empty()) {
      if (!prev.empty() && prev.size() <= 3 &&
          std::all_of(prev.begin(), prev.end(),
                      [](char c) { return IsDigit(static_cast<unsigned char>(c)); }) &&
          (IsDottedDecimal(w) || w == "Section" || w == "SECTION" || w == "Article" ||
           w == "ARTICLE")) {
        return true;
      }
      prev = w;
    }
    i = j + 1;
  }
  return false;
}

// Signature lines ("By: /s/ Jane Doe   Date: ...") are never the body paragraph
// that makes the short line before them a heading.
bool IsSignatureLine(std::string_view t) {
  return t.find("__") != std::string_view::npos || t.find("/s/") != std::string_view::npos ||
         t.starts_with("By:") || t.find(" By:") != std::string_view::npos;
}

// "CONFIDENTIAL Page 5 of 6": a running header or footer with a page number.
bool ContainsPageNumber(std::string_view t) {
  for (size_t i = 0; i + 5 < t.size(); ++i) {
    if (EqualsIgnoreCase(t.substr(i, 5), "page ") &&
        IsDigit(static_cast<unsigned char>(t[i + 5]))) {
      return true;
    }
  }
  return false;
}

/// A paragraph of running text: the evidence that a short line before it is a
/// heading, and that the document's title matter is over.
bool IsBodyLike(std::string_view text) {
  std::string_view t = TrimSpaces(text);
  if (t.empty() || IsSignatureLine(t) || IsPageMarker(t)) return false;
  Shape sh = Measure(t, 240);
  if (sh.han >= 20) return true;
  if (sh.words >= 8 && t.size() >= 40) return true;
  return IsSentenceEnd(sh.last) && (sh.words >= 4 || sh.han >= 6);
}

// Lower-case words allowed inside a Title Case heading.
bool IsSmallWord(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kSmall = {
      "a",     "an",   "the",  "of", "and", "or",  "to",   "in",  "on", "for",     "by",  "with",
      "under", "upon", "from", "at", "as",  "its", "into", "per", "vs", "without", "nor", "&"};
  for (std::string_view s : kSmall) {
    if (w == s) return true;
  }
  return false;
}

enum class HeadingShape { kNone, kAllCaps, kShort };

// Modal verbs: a short line that has one is a sentence, not a heading.
bool HasEnglishVerb(std::string_view t) {
  static constexpr std::array<std::string_view, 14> kVerbs = {
      "shall", "will",  "may",    "must",  "is",     "are", "was",
      "were",  "agree", "agrees", "means", "should", "has", "have"};
  size_t i = 0;
  while (i < t.size()) {
    size_t j = t.find(' ', i);
    if (j == std::string_view::npos) j = t.size();
    std::string_view w = t.substr(i, j - i);
    for (std::string_view v : kVerbs) {
      if (w == v) return true;
    }
    i = j + 1;
  }
  return false;
}

/// Whether an unnumbered block looks like a heading: an ALL-CAPS line
/// ("CONFIDENTIALITY") or a short line without sentence punctuation
/// ("Governing Law", "违约责任"). Form labels ("Name:"), blanks ("By: ___"),
/// page markers, table rows and party names are not headings.
HeadingShape UnnumberedHeadingShape(std::string_view text) {
  std::string_view t = TrimNoise(text);
  if (t.empty() || t.size() > 120) return HeadingShape::kNone;
  Shape sh = Measure(t);
  if (sh.colon || sh.underscores || sh.wide_gap || sh.brackets || sh.digits > 3 ||
      sh.quotes % 2 != 0 || sh.upper + sh.lower + sh.han < 2) {
    return HeadingShape::kNone;
  }
  if (!(IsUpper(sh.first) || utf8::IsHan(sh.first))) return HeadingShape::kNone;
  if (IsPageMarker(t) || EndsWithCompanySuffix(t) || IsSignatureLine(t) || ContainsPageNumber(t)) {
    return HeadingShape::kNone;
  }
  if (sh.han > 0 && sh.han >= sh.upper + sh.lower) {
    if (sh.han > 30 || sh.zh_punct || sh.modal) return HeadingShape::kNone;
    return HeadingShape::kShort;
  }
  if (sh.last == ',' || sh.last == ';') return HeadingShape::kNone;
  // A heading does not end in "and", "of", "by": such a line is the start
  // of a sentence cut by the layout ("Executed as a deed by").
  size_t space = t.find_last_of(" \t");
  std::string_view last_word = space == std::string_view::npos ? t : t.substr(space + 1);
  std::string lower_last(last_word);
  for (char& c : lower_last) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (IsSmallWord(lower_last)) return HeadingShape::kNone;
  if (sh.lower == 0 && sh.upper >= 2) {
    return sh.words <= 12 ? HeadingShape::kAllCaps : HeadingShape::kNone;
  }
  // Mixed case: a short Title or Sentence case line; digits in it are
  // dates, addresses and table values rather than heading words.
  if (sh.words > 8 || sh.digits > 0 || IsSentenceEnd(sh.last) || HasEnglishVerb(t)) {
    return HeadingShape::kNone;
  }
  return HeadingShape::kShort;
}

// "……如下：", "……包括：", "编号为：": a Chinese sentence that introduces what
// follows, not a heading.
bool EndsWithZhLeadIn(std::string_view t) {
  static constexpr std::array<std::string_view, 7> kLeadIns = {"如下", "下列", "以下", "包括",
                                                               "为",   "是",   "如"};
  for (std::string_view w : kLeadIns) {
    if (t.ends_with(w)) return true;
  }
  return false;
}

struct Heading {
  std::string_view text;  // empty when there is none
  bool whole = false;     // the heading is all of the text it came from
};

// A heading that is the whole of `t`: a short line, not a sentence.
bool IsWholeHeading(std::string_view t, const Shape& sh) {
  if (sh.colon || sh.underscores) return false;
  if (sh.han > 0 && sh.han >= sh.upper + sh.lower) {
    return sh.han <= 15 && !sh.zh_punct && !sh.modal && !EndsWithZhLeadIn(t);
  }
  if (!IsUpper(sh.first)) return false;
  if (sh.last == ',' || sh.last == ';' || sh.last == '!' || sh.last == '?') return false;
  bool all_caps = sh.lower == 0 && sh.upper >= 2;
  if (all_caps) return sh.words <= 12;
  // Title Case: every word capitalised but "of", "and", "the"...
  bool title_case = true;
  size_t i = 0;
  while (i < t.size() && title_case) {
    size_t j = t.find(' ', i);
    if (j == std::string_view::npos) j = t.size();
    std::string_view w = t.substr(i, j - i);
    while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';')) {
      w.remove_suffix(1);
    }
    if (!w.empty() && !IsUpper(static_cast<unsigned char>(w[0])) &&
        !IsDigit(static_cast<unsigned char>(w[0])) && !IsSmallWord(w) && w[0] != '(') {
      title_case = false;
    }
    i = j + 1;
  }
  if (sh.words > (title_case ? 12 : 8) || HasEnglishVerb(t)) return false;
  // "Defined Terms." is a heading, "The term is one year." is not.
  return sh.last != '.' || title_case;
}

// The end of a leading Title Case or ALL-CAPS run closed by '.' or ':' and
// followed by a sentence: "Limitation of Liability. The Customer shall..."
// -> the offset after "Liability". npos if there is none.
size_t LeadingTitleRun(std::string_view t) {
  size_t i = 0;
  int words = 0;
  while (i < t.size()) {
    size_t j = i;
    while (j < t.size() && t[j] != ' ' && t[j] != '\t') ++j;
    std::string_view w = t.substr(i, j - i);
    if (++words > 10) return std::string_view::npos;
    std::string_view core = w;
    while (!core.empty() &&
           (core.back() == '.' || core.back() == ',' || core.back() == ';' || core.back() == ':')) {
      core.remove_suffix(1);
    }
    if (core.empty()) return std::string_view::npos;
    unsigned char c0 = static_cast<unsigned char>(core[0]);
    if (!IsUpper(c0) && !IsDigit(c0) && !IsSmallWord(core)) return std::string_view::npos;
    char last = w.back();
    // "U.S." or "A." inside a heading are abbreviations, not its end.
    bool abbreviation = core.find('.') != std::string_view::npos || core.size() == 1;
    if ((last == '.' || last == ':') && !abbreviation && !IsSmallWord(core)) {
      size_t k = j;
      while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
      if (k == t.size()) return std::string_view::npos;  // the whole text: not a run
      size_t p = k;
      char32_t n = utf8::Next(t, &p);
      if (IsUpper(n) || IsDigit(n) || n == '"' || n == '(' || n == '[' || n == 0x201C ||
          utf8::IsHan(n)) {
        return i + core.size();
      }
      return std::string_view::npos;
    }
    i = j;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  }
  return std::string_view::npos;
}

// The end of a leading ALL-CAPS run set off by two or more spaces from mixed
// case text ("PRODUCT DESIGN   During the term..."), npos if there is none.
size_t LeadingCapsRun(std::string_view t) {
  size_t i = 0;
  int words = 0;
  int upper = 0;
  while (i < t.size()) {
    size_t j = i;
    bool lower = false;
    while (j < t.size() && t[j] != ' ' && t[j] != '\t') {
      if (IsLower(static_cast<unsigned char>(t[j]))) lower = true;
      if (IsUpper(static_cast<unsigned char>(t[j]))) ++upper;
      ++j;
    }
    if (lower || ++words > 12) return std::string_view::npos;
    size_t k = j;
    while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
    if (k == t.size()) return std::string_view::npos;
    if (k - j >= 2 && upper >= 2) {
      // The gap ends the run if what follows is running text.
      size_t e = k;
      while (e < t.size() && t[e] != ' ') ++e;
      for (size_t q = k; q < e; ++q) {
        if (IsLower(static_cast<unsigned char>(t[q]))) return j;
      }
    }
    i = k;
  }
  return std::string_view::npos;
}

// The heading at the start of a clause's own text (after its number).
// A heading is short: longer text is measured only as far as a heading could
// reach, which keeps segmentation linear in the length of the document.
constexpr size_t kHeadingBytes = 200;

Heading ExtractHeading(std::string_view text) {
  std::string_view t = TrimNoise(text);
  if (t.empty()) return {};
  Shape sh = Measure(t, kHeadingBytes);
  char32_t first = sh.first;
  static constexpr std::string_view kOpen = "\xE3\x80\x90";   // 【
  static constexpr std::string_view kClose = "\xE3\x80\x91";  // 】
  if (t.starts_with(kOpen)) {
    size_t close = t.find(kClose);
    if (close == std::string_view::npos || close > 3 * 30) return {};
    std::string_view inner = TrimSpaces(t.substr(kOpen.size(), close - kOpen.size()));
    return {inner, TrimSpaces(t.substr(close + kClose.size())).empty()};
  }
  // A colon at the end introduces what follows ("LOCATION OF WORK:").
  std::string_view whole = t;
  size_t last_start;
  if (char32_t c = Last(whole, &last_start); c == ':' || c == 0xFF1A) {
    whole = TrimSpaces(whole.substr(0, last_start));
  }
  const bool short_text = whole.size() <= kHeadingBytes;
  Shape wsh = !short_text ? Shape() : whole.size() == t.size() ? sh : Measure(whole);
  if (utf8::IsHan(first)) {
    if (sh.han < sh.upper + sh.lower) return {};
    if (short_text && !whole.empty() && IsWholeHeading(whole, wsh)) return {whole, true};
    // "违约责任：甲方……": a short label before a colon.
    std::string_view head = t.substr(0, kHeadingBytes);
    size_t colon = std::min(head.find("\xEF\xBC\x9A"), head.find(':'));  // ：
    if (colon != std::string_view::npos) {
      std::string_view label = TrimSpaces(t.substr(0, colon));
      Shape ls = Measure(label);
      if (!label.empty() && ls.han <= 10 && ls.words == 1 && !ls.zh_punct && !ls.modal &&
          ls.upper + ls.lower + ls.digits == 0 && !EndsWithZhLeadIn(label)) {
        return {label, false};
      }
    }
    // "违约责任　一方违约的……": a short run of Han before a space.
    size_t p = 0;
    int han = 0;
    while (p < t.size()) {
      size_t q = p;
      char32_t c = utf8::Next(t, &q);
      if (utf8::IsSpace(c)) break;
      if (!utf8::IsHan(c) || c == U'应' || c == U'须' || ++han > 12) return {};
      p = q;
    }
    if (p < t.size() && han > 0) return {t.substr(0, p), false};
    return {};
  }
  if (!IsUpper(first)) return {};
  if (short_text && !whole.empty() && IsWholeHeading(whole, wsh)) {
    while (!whole.empty() && whole.back() == '.') whole.remove_suffix(1);
    return {TrimSpaces(whole), true};
  }
  size_t end = LeadingTitleRun(t);
  if (end == std::string_view::npos) end = LeadingCapsRun(t);
  if (end == std::string_view::npos) return {};
  return {TrimSpaces(t.substr(0, end)), false};
}

// A heading as stored in a Clause: one line, single spaces, no trailing
// rule or colon.
std::string CleanHeading(std::string_view h) {
  h = TrimNoise(h);
  while (!h.empty()) {
    size_t start;
    char32_t c = Last(h, &start);
    if (c == '.' || c == ':' || c == 0xFF1A || c == 0x3002) {
      h.remove_suffix(h.size() - start);
      h = TrimNoise(h);
    } else {
      break;
    }
  }
  // Spaces between Han characters only spread a short heading out
  // ("总　则"); between words they separate them.
  std::string out;
  out.reserve(h.size());
  bool space = false;
  char32_t prev = kEnd;
  size_t p = 0;
  while (p < h.size()) {
    size_t q = p;
    char32_t c = utf8::Next(h, &q);
    if (utf8::IsSpace(c)) {
      space = true;
    } else {
      if (space && !out.empty() && !(utf8::IsHan(prev) && utf8::IsHan(c))) out.push_back(' ');
      space = false;
      out.append(h.substr(p, q - p));
      prev = c;
    }
    p = q;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Numbering families.

bool IsAttachmentFamily(std::string_view f) {
  return f == "schedule" || f == "exhibit" || f == "annex" || f == "appendix" ||
         f == "attachment" || f == "addendum";
}

// Families of list items inside a clause ("(a)", "(iv)", "a.", "1)",
// "（一）"), as opposed to families that number sections and articles.
bool IsListFamily(std::string_view f) {
  return f.starts_with("paren-") || f.ends_with("-paren") || f == "lower-alpha-dot" ||
         f == "upper-alpha-dot" || f == "lower-roman-dot" || f == "zh-paren-enum";
}

// Numbers introduced by a word ("Section 12", "第十二条") say what they are;
// the parser already rejects them inside sentences ("Section 12 of", "第五条规定").
bool IsKeywordFamily(std::string_view f) {
  return f == "section" || f == "article" || f == "clause" || f == "paragraph" || f == "part" ||
         f == "chapter" || f == "zh-article" || f == "zh-chapter" || f == "zh-section" ||
         f == "zh-paragraph" || f == "zh-part";
}

bool SamePrefix(const std::vector<int>& a, const std::vector<int>& b, size_t n) {
  if (a.size() < n || b.size() < n) return false;
  return std::equal(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(n), b.begin());
}

// The largest step between siblings that is still a numbering gap (an item
// lost to extraction) rather than a stray number ("1995.", "250.").
constexpr int kMaxStep = 5;

// One open level of the clause tree.
struct Open {
  std::string_view family;  // empty for an unnumbered heading
  const std::vector<int>* values = nullptr;
  int depth = 0;
  int heading_level = 0;  // unnumbered headings from the source: 1..9
  int clause = -1;
  int level = 1;
  bool titled = false;  // the clause is a number and a heading, no running text
};

// The last number seen in each family and depth, to judge a number whose
// family is not open (after an unnumbered heading closed it).
struct Seen {
  std::string_view family;
  int depth = 0;
  const std::vector<int>* values = nullptr;
};

// A candidate number as the segmenter reads it: the chosen family and values.
struct Reading {
  std::string_view family;
  const std::vector<int>* values = nullptr;
  int depth = 0;
};

struct BlockInfo {
  int number = -1;  // index into the parsed numbers, -1 if none
  bool from_label = false;
  bool eligible = false;  // a kind that can start a clause
  bool blank = true;
  HeadingShape shape = HeadingShape::kNone;  // unnumbered blocks only
  bool repeated = false;                     // the same heading-shaped line three times or more
  bool page_end = false;                     // numbered, and its title ends in a page number
};

// Names the agreement itself: "MASTER SERVICES AGREEMENT", "采购合同".
bool NamesTheAgreement(std::string_view t) {
  static constexpr std::array<std::string_view, 5> kWords = {"agreement", "contract", "合同",
                                                             "协议", "deed"};
  for (size_t i = 0; i < t.size(); ++i) {
    for (std::string_view w : kWords) {
      if (EqualsIgnoreCase(t.substr(i, w.size()), w)) return true;
    }
  }
  return false;
}

class Segmenter {
 public:
  explicit Segmenter(const Document& doc) : doc_(doc) {}

  std::vector<Clause> Run();

 private:
  void Scan();
  std::string_view Rest(int i) const;
  int NextNonBlank(int i) const { return i + 1 < n_ ? next_nonblank_[i + 1] : n_; }
  bool IsLoneNumber(int i) const;
  bool IsNumberedBody(int i, bool before_body) const;
  bool LikelyNumberedStart(int i) const;
  Reading Choose(int i) const;
  bool Plausible(const Reading& r) const;
  const Seen* FindSeen(std::string_view family, int depth) const;
  void Remember(const Reading& r);
  void StartClause(int block, std::string number, std::string heading, int parent, int level);
  void PlaceNumbered(int block, const Reading& r, std::string heading, bool titled);
  void PlaceHeading(int block, std::string heading, int heading_level);
  void PlaceUnnumbered(int block, std::string heading);
  void FillText();

  const Document& doc_;
  int n_ = 0;
  std::vector<ClauseNumber> numbers_;
  std::vector<BlockInfo> info_;
  std::vector<int> next_nonblank_;
  std::vector<int> prev_nonblank_;
  std::vector<int> next_numbered_;
  std::vector<Open> stack_;
  std::vector<Seen> seen_;
  std::vector<Clause> clauses_;
};

void Segmenter::Scan() {
  n_ = static_cast<int>(doc_.blocks.size());
  info_.resize(n_);
  ClauseNumber parsed;
  for (int i = 0; i < n_; ++i) {
    const Block& b = doc_.blocks[i];
    BlockInfo& in = info_[i];
    in.blank = b.label.empty() && TrimSpaces(b.text).empty();
    in.eligible = b.kind == BlockKind::kParagraph || b.kind == BlockKind::kHeading ||
                  b.kind == BlockKind::kListItem;
    if (!in.eligible || in.blank) continue;
    // A label the parser took from the source is authoritative; bullets
    // ("•", "o") fail to parse and leave the block unnumbered.
    in.from_label = !b.label.empty();
    if (numbering::Parse(in.from_label ? std::string_view(b.label) : std::string_view(b.text),
                         &parsed)) {
      in.number = static_cast<int>(numbers_.size());
      numbers_.push_back(std::move(parsed));
      parsed = ClauseNumber();
      in.page_end =
          !in.from_label &&
          EndsWithPageNumber(TrimSpaces(std::string_view(b.text).substr(numbers_.back().length)));
    } else if (!in.from_label) {
      in.shape = UnnumberedHeadingShape(b.text);
    }
  }
  // A heading-shaped line that recurs is a running header or footer that
  // survived text extraction ("CONFIDENTIAL", "ACME - BETA LICENSE").
  std::unordered_map<std::string_view, int> counts;
  for (int i = 0; i < n_; ++i) {
    if (info_[i].shape != HeadingShape::kNone) ++counts[TrimNoise(doc_.blocks[i].text)];
  }
  for (int i = 0; i < n_; ++i) {
    if (info_[i].shape != HeadingShape::kNone) {
      info_[i].repeated = counts[TrimNoise(doc_.blocks[i].text)] >= 3;
    }
  }
  prev_nonblank_.assign(n_, -1);
  for (int i = 1; i < n_; ++i) {
    prev_nonblank_[i] = info_[i - 1].blank ? prev_nonblank_[i - 1] : i - 1;
  }
  next_nonblank_.assign(n_, n_);
  next_numbered_.assign(n_, n_);
  for (int i = n_ - 1; i >= 0; --i) {
    int after_nonblank = i + 1 < n_ ? next_nonblank_[i + 1] : n_;
    int after_numbered = i + 1 < n_ ? next_numbered_[i + 1] : n_;
    next_nonblank_[i] = info_[i].blank ? after_nonblank : i;
    next_numbered_[i] = info_[i].number >= 0 ? i : after_numbered;
  }
}

std::string_view Segmenter::Rest(int i) const {
  const BlockInfo& in = info_[i];
  std::string_view text = doc_.blocks[i].text;
  if (in.number < 0 || in.from_label) return TrimSpaces(text);
  return TrimSpaces(text.substr(numbers_[in.number].length));
}

// "3" alone on a line is a page number far more often than a clause.
bool Segmenter::IsLoneNumber(int i) const {
  const BlockInfo& in = info_[i];
  if (in.number < 0 || in.from_label) return false;
  const ClauseNumber& num = numbers_[in.number];
  return num.family == "decimal" && num.depth == 1 && num.separator.empty() && Rest(i).empty();
}

// A numbered line that is not a clause by its shape alone: a page number, a
// table-of-contents entry, or a numbered row of a table laid out with spaces
// ("21      Ceres      SNP analysis").
bool Segmenter::IsNumberedBody(int i, bool before_body) const {
  const BlockInfo& in = info_[i];
  if (in.from_label) return false;
  if (IsLoneNumber(i)) return true;
  std::string_view rest = Rest(i);
  if (IsTocLine(rest, before_body)) return true;
  // Consecutive numbered titles that end in page numbers: a table of
  // contents, wherever it stands.
  if (in.page_end) {
    int prev = prev_nonblank_[i];
    int next = NextNonBlank(i);
    if ((prev >= 0 && info_[prev].page_end) || (next < n_ && info_[next].page_end)) return true;
  }
  return numbers_[in.number].separator.empty() && rest.find("   ") != std::string_view::npos;
}

bool Segmenter::LikelyNumberedStart(int i) const {
  return i < n_ && info_[i].eligible && info_[i].number >= 0 && !IsNumberedBody(i, false);
}

// Picks the reading of an ambiguous letter ("(i)", "(v)") from context.
Reading Segmenter::Choose(int i) const {
  const ClauseNumber& num = numbers_[info_[i].number];
  Reading primary{num.family, &num.values, num.depth};
  if (num.alt_family.empty()) return primary;
  Reading alt{num.alt_family, &num.alt_values, 1};
  // "(i)" followed by "(ii)" opens a roman list whatever came before.
  int next = i + 1 < n_ ? next_numbered_[i + 1] : n_;
  if (num.values[0] == 1 && next < n_) {
    const ClauseNumber& nn = numbers_[info_[next].number];
    if (nn.family == num.family && nn.values.size() == 1 && nn.values[0] == 2) return primary;
  }
  // Otherwise the reading that continues an open list wins: "(v)" after
  // "(iv)" is roman, "(i)" after "(h)" is a letter.
  auto continues = [&](const Reading& r) {
    for (const Open& o : stack_) {
      if (o.family == r.family && o.values && o.values->back() + 1 == r.values->back()) {
        return true;
      }
    }
    return false;
  };
  if (continues(alt)) return alt;
  if (continues(primary)) return primary;
  const Seen* s = FindSeen(alt.family, 1);
  const Seen* p = FindSeen(primary.family, 1);
  if (s && s->values->back() + 1 == alt.values->back() &&
      !(p && p->values->back() + 1 == primary.values->back())) {
    return alt;
  }
  return primary;
}

const Seen* Segmenter::FindSeen(std::string_view family, int depth) const {
  for (const Seen& s : seen_) {
    if (s.family == family && s.depth == depth) return &s;
  }
  return nullptr;
}

void Segmenter::Remember(const Reading& r) {
  for (Seen& s : seen_) {
    if (s.family == r.family && s.depth == r.depth) {
      s.values = r.values;
      return;
    }
  }
  seen_.push_back({r.family, r.depth, r.values});
}

// Whether a number fits where it stands: the next sibling (+1..+kMaxStep),
// the first child of its parent (1), or a number that continues its family
// after a higher level moved on ("2." after "1.3"). Real text extracted from
// PDFs is full of numbers at the start of lines that are none of these: page
// numbers, years, amounts, wrapped references.
bool Segmenter::Plausible(const Reading& r) const {
  const std::vector<int>& v = *r.values;
  const int d = r.depth;
  const int last = v.back();
  const Open* deeper = nullptr;
  for (size_t k = stack_.size(); k-- > 0;) {
    const Open& o = stack_[k];
    if (o.family != r.family || !o.values) continue;
    const std::vector<int>& ov = *o.values;
    if (o.depth == d) {
      if (SamePrefix(v, ov, d - 1)) return last > ov.back() && last <= ov.back() + kMaxStep;
      // "2.1" after "1.3" when the "2." line was lost.
      return std::lexicographical_compare(ov.begin(), ov.end() - 1, v.begin(), v.end() - 1) &&
             last <= 1;
    }
    if (o.depth < d) {
      if (!SamePrefix(v, ov, o.depth)) return false;
      for (int c = o.depth; c < d; ++c) {
        if (v[c] > 1) return false;
      }
      return true;
    }
    deeper = &o;
  }
  if (deeper) {
    const std::vector<int>& ov = *deeper->values;
    return SamePrefix(v, ov, d - 1) && last > ov[d - 1] && last <= ov[d - 1] + kMaxStep;
  }
  if (last <= 1) return true;
  const Seen* s = FindSeen(r.family, d);
  return s && SamePrefix(v, *s->values, d - 1) && last > s->values->back() &&
         last <= s->values->back() + kMaxStep;
}

void Segmenter::StartClause(int block, std::string number, std::string heading, int parent,
                            int level) {
  if (clauses_.empty() && next_nonblank_[0] < block) {
    // Text before the first clause: the preamble (title, parties, recitals).
    // Leading blank blocks alone make no preamble and belong to no clause.
    Clause preamble;
    preamble.first_block = 0;
    clauses_.push_back(std::move(preamble));
  }
  if (!clauses_.empty()) clauses_.back().end_block = block;
  Clause c;
  c.number = std::move(number);
  c.heading = std::move(heading);
  c.parent = parent;
  c.level = level;
  c.first_block = block;
  c.end_block = n_;
  clauses_.push_back(std::move(c));
}

void Segmenter::PlaceNumbered(int block, const Reading& r, std::string heading, bool titled) {
  const ClauseNumber& num = numbers_[info_[block].number];
  int parent = -1;
  int level = 1;
  if (IsAttachmentFamily(r.family)) {
    // Schedules and exhibits stand outside the body's numbering.
    stack_.clear();
  } else {
    // Same family and depth: a sibling, closing everything opened since.
    // Same family, shallower: its child ("1.1" under "1."). Only deeper
    // entries of the family: a sibling of the outermost ("2." after "1.3").
    // A family not open at all: a child of the innermost open clause.
    std::optional<size_t> sibling;
    std::optional<size_t> shallower;
    std::optional<size_t> outer_deeper;
    for (size_t k = stack_.size(); k-- > 0;) {
      const Open& o = stack_[k];
      if (o.family != r.family) continue;
      if (o.depth == r.depth) {
        sibling = k;
        break;
      }
      if (o.depth < r.depth) {
        shallower = k;
        break;
      }
      outer_deeper = k;
    }
    if (sibling) {
      stack_.resize(*sibling);
    } else if (shallower) {
      stack_.resize(*shallower + 1);
    } else if (outer_deeper) {
      stack_.resize(*outer_deeper);
    } else if (titled && !IsListFamily(r.family)) {
      // A new section-level number with its own title ("1. DEFINITIONS",
      // "ARTICLE 1") does not belong inside a list item of running text
      // before it, such as the last recital "(B) The Customer wishes...".
      while (!stack_.empty() && IsListFamily(stack_.back().family) && !stack_.back().titled) {
        stack_.pop_back();
      }
    }
  }
  if (!stack_.empty()) {
    parent = stack_.back().clause;
    level = stack_.back().level + 1;
  }
  StartClause(block, num.label, std::move(heading), parent, level);
  stack_.push_back(
      {r.family, r.values, r.depth, 0, static_cast<int>(clauses_.size()) - 1, level, titled});
  Remember(r);
}

// A heading the source marked as such (DOCX heading styles): it nests by its
// heading level, and numbered clauses after it are its children.
void Segmenter::PlaceHeading(int block, std::string heading, int heading_level) {
  while (!stack_.empty() &&
         (!stack_.back().family.empty() || stack_.back().heading_level >= heading_level)) {
    stack_.pop_back();
  }
  int parent = stack_.empty() ? -1 : stack_.back().clause;
  int level = stack_.empty() ? 1 : stack_.back().level + 1;
  StartClause(block, "", std::move(heading), parent, level);
  stack_.push_back(
      {"", nullptr, 0, heading_level, static_cast<int>(clauses_.size()) - 1, level, true});
}

// A heading guessed from the shape of a plain-text line ("GOVERNING LAW"):
// its level is unknown, so it starts a top-level clause and closes every open
// number. It does not become a parent: guessed headings are too unreliable to
// push a document's whole numbering one level down, so "3." after it is still
// a top-level clause (and still judged against "2.", see Plausible).
void Segmenter::PlaceUnnumbered(int block, std::string heading) {
  stack_.clear();
  StartClause(block, "", std::move(heading), -1, 1);
}

std::vector<Clause> Segmenter::Run() {
  Scan();
  // Until the first paragraph of running text, short lines and exhibit
  // labels are the document's title matter ("EXHIBIT 10.1", "MASTER
  // SERVICES AGREEMENT") and stay in the preamble.
  bool seen_body = false;
  std::vector<char> absorbed(n_, 0);
  for (int i = 0; i < n_; ++i) {
    const BlockInfo& in = info_[i];
    if (in.blank || !in.eligible || absorbed[i]) continue;
    const Block& b = doc_.blocks[i];
    if (in.number >= 0) {
      std::string_view rest = Rest(i);
      if (!IsNumberedBody(i, !seen_body)) {
        Reading r = Choose(i);
        Heading h = ExtractHeading(rest);
        std::string heading;
        bool merged = false;
        if (rest.empty()) {
          // "ARTICLE 5" on its own line, its title on the next.
          int j = NextNonBlank(i);
          if (j < n_ && info_[j].eligible && info_[j].number < 0 &&
              (doc_.blocks[j].kind == BlockKind::kHeading ||
               info_[j].shape != HeadingShape::kNone)) {
            heading = CleanHeading(doc_.blocks[j].text);
            merged = true;
          }
        } else if (!h.text.empty()) {
          heading = CleanHeading(h.text);
        }
        bool attachment = IsAttachmentFamily(r.family);
        bool heading_only = merged || (h.whole && !heading.empty());
        bool accept = in.from_label || attachment || heading_only || IsKeywordFamily(r.family) ||
                      Plausible(r);
        if (attachment && !seen_body && !in.from_label) accept = false;
        if (accept) {
          if (merged) absorbed[NextNonBlank(i)] = 1;
          PlaceNumbered(i, r, std::move(heading), heading_only);
          seen_body = true;
          continue;
        }
      }
    } else if (in.number < 0 && seen_body && !in.repeated &&
               !(clauses_.empty() && NamesTheAgreement(b.text))) {
      // Before the first clause, a line naming the agreement is its title,
      // even after a note or a cover page that looked like running text.
      if (b.kind == BlockKind::kHeading) {
        std::string heading = CleanHeading(b.text);
        if (!heading.empty()) {
          PlaceHeading(i, std::move(heading), std::max(1, b.heading_level));
          continue;
        }
      } else if (HeadingShape shape = in.shape; shape != HeadingShape::kNone) {
        // A heading introduces something: running text, or for an ALL-CAPS
        // heading also a numbered clause. A short line followed by another
        // short line is a name, an address or a signature block.
        int j = NextNonBlank(i);
        bool introduces = j < n_ && (IsBodyLike(doc_.blocks[j].text) ||
                                     (shape == HeadingShape::kAllCaps && LikelyNumberedStart(j)));
        if (introduces) {
          PlaceUnnumbered(i, CleanHeading(b.text));
          continue;
        }
      }
    }
    if (!seen_body && IsBodyLike(b.text)) seen_body = true;
  }
  if (clauses_.empty() && n_ > 0 && next_nonblank_[0] < n_) {
    Clause preamble;
    preamble.end_block = n_;
    clauses_.push_back(std::move(preamble));
  }
  FillText();
  return std::move(clauses_);
}

void Segmenter::FillText() {
  for (size_t k = 0; k < clauses_.size(); ++k) {
    Clause& c = clauses_[k];
    c.id = "c" + std::to_string(k + 1);
    size_t size = 0;
    for (int i = c.first_block; i < c.end_block; ++i) size += doc_.blocks[i].text.size() + 1;
    c.text.reserve(size);
    c.block_offsets.reserve(c.end_block - c.first_block);
    for (int i = c.first_block; i < c.end_block; ++i) {
      if (i > c.first_block) c.text.push_back('\n');
      c.block_offsets.push_back(static_cast<int>(c.text.size()));
      c.text.append(doc_.blocks[i].text);
    }
  }
}

}  // namespace

std::vector<Clause> Segment(const Document& doc) {
  Segmenter s(doc);
  return s.Run();
}

}  // namespace clausecheck::analyzer
