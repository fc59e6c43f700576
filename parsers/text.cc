#include "parsers/text.h"

#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/numbering.h"
#include "core/utf8.h"

namespace clausecheck::parsers {
namespace {

// ---------------------------------------------------------------------------
// Decoding

Error EncodingError(std::string message) {
  return Error{ErrorCode::kEncoding, std::move(message), ""};
}

// Receives decoded code points and writes normalised UTF-8: one line end
// ("\n") whatever the source used, form feeds kept (they are page breaks the
// paragraph builder needs), and characters that carry no text dropped, so
// that nothing downstream has to think about them again.
class TextSink {
 public:
  explicit TextSink(std::string* out) : out_(out) {}

  // Text was appended to the output directly: a CR before it is done with.
  void Reset() { after_cr_ = false; }

  void Put(char32_t cp) {
    if (cp == '\n' && after_cr_) {
      after_cr_ = false;
      return;
    }
    after_cr_ = false;
    if (cp < 0x20) {
      switch (cp) {
        case '\r':
          out_->push_back('\n');
          after_cr_ = true;
          return;
        case '\n':
        case '\t':
        case '\f': out_->push_back(static_cast<char>(cp)); return;
        case '\v': out_->push_back('\n'); return;  // Word's manual line break
        default: return;
      }
    }
    switch (cp) {
      case 0x7F:    // DEL
      case 0x200B:  // zero-width space
      case 0x2060:  // word joiner
      case 0xFEFF:  // BOM, or a stray one left by concatenating files
        return;
      case 0x85:    // NEL
      case 0x2028:  // line separator
        out_->push_back('\n');
        return;
      case 0x2029:  // paragraph separator
        out_->append("\n\n");
        return;
      default: utf8::Append(cp, out_);
    }
  }

 private:
  std::string* out_;
  bool after_cr_ = false;
};

// Printable ASCII, LF and tab pass through unchanged: copied in runs, since
// they are nearly all of a typical file.
bool IsPlainByte(unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t'; }

void DecodeUtf8(std::string_view valid, std::string* out, TextSink* sink) {
  size_t pos = 0;
  while (pos < valid.size()) {
    size_t run = pos;
    while (run < valid.size() && IsPlainByte(static_cast<unsigned char>(valid[run]))) ++run;
    if (run > pos) {
      // After a CR this LF completes a CRLF: the sink decides.
      if (valid[pos] == '\n') {
        sink->Put('\n');
        ++pos;
      }
      out->append(valid.substr(pos, run - pos));
      sink->Reset();
      pos = run;
      continue;
    }
    const auto c = static_cast<unsigned char>(valid[pos]);
    if (c < 0x80) {
      sink->Put(c);
      ++pos;
    } else {
      sink->Put(utf8::Next(valid, &pos));
    }
  }
}

char16_t Unit16(std::string_view b, size_t i, bool little_endian) {
  const auto lo = static_cast<unsigned char>(b[little_endian ? i : i + 1]);
  const auto hi = static_cast<unsigned char>(b[little_endian ? i + 1 : i]);
  return static_cast<char16_t>((hi << 8) | lo);
}

// Strict UTF-16: an odd byte count or an unpaired surrogate is an error, so
// that a truncated file is reported rather than silently cut.
bool DecodeUtf16(std::string_view b, size_t start, bool little_endian, TextSink* sink,
                 std::string* problem) {
  if ((b.size() - start) % 2 != 0) {
    *problem = "truncated: odd number of bytes";
    return false;
  }
  for (size_t i = start; i < b.size(); i += 2) {
    const char16_t u = Unit16(b, i, little_endian);
    if (u >= 0xD800 && u <= 0xDBFF) {
      const char16_t low = i + 3 < b.size() ? Unit16(b, i + 2, little_endian) : 0;
      if (low < 0xDC00 || low > 0xDFFF) {
        *problem = "unpaired surrogate at offset " + std::to_string(i);
        return false;
      }
      sink->Put(0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (low - 0xDC00));
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      *problem = "unpaired surrogate at offset " + std::to_string(i);
      return false;
    } else {
      sink->Put(u);
    }
  }
  return true;
}

// Code units that occur in text (of the scripts contracts are written in).
// Random bytes read as UTF-16 hit these far less often.
bool PlausibleTextUnit(char16_t u) {
  if (u == '\t' || u == '\n' || u == '\r' || u == '\f') return true;
  if (u >= 0x20 && u < 0x7F) return true;
  if (u >= 0xA0 && u < 0x250) return true;     // Latin-1, Latin Extended
  if (u >= 0x370 && u < 0x530) return true;    // Greek, Cyrillic
  if (u >= 0x2000 && u < 0x2070) return true;  // general punctuation
  if (u >= 0x20A0 && u < 0x2200) return true;  // currency, letterlike, arrows
  if (u >= 0x2460 && u < 0x2500) return true;  // circled numbers ①
  if (u >= 0x3000 && u < 0x3100) return true;  // CJK punctuation, kana
  if (u >= 0x3400 && u < 0xA000) return true;  // Han
  if (u >= 0xF900 && u < 0xFB00) return true;  // Han compatibility
  if (u >= 0xFF00 && u < 0xFFF0) return true;  // full-width forms
  return u >= 0xD800 && u < 0xE000;            // surrogates: checked when decoding
}

// UTF-16 without a BOM. Text with any ASCII in it (spaces, digits, line
// ends) has NUL bytes at one parity only; the code units must then look like
// text, which random binary data does not.
bool LooksLikeUtf16(std::string_view b, bool* little_endian) {
  if (b.size() < 4 || b.size() % 2 != 0) return false;
  const size_t sample = std::min(b.size(), size_t{1} << 16) & ~size_t{1};
  size_t zero_even = 0;
  size_t zero_odd = 0;
  for (size_t i = 0; i < sample; ++i) {
    if (b[i] == '\0') ++(i % 2 == 0 ? zero_even : zero_odd);
  }
  // Han code points such as U+4E00 have a zero low byte, so allow a few NULs
  // at the other parity.
  if (zero_odd > 0 && zero_even * 10 <= zero_odd) {
    *little_endian = true;
  } else if (zero_even > 0 && zero_odd * 10 <= zero_even) {
    *little_endian = false;
  } else {
    return false;
  }
  size_t plausible = 0;
  for (size_t i = 0; i < sample; i += 2) {
    const char16_t u = Unit16(b, i, *little_endian);
    if (u == 0) return false;
    if (PlausibleTextUnit(u)) ++plausible;
  }
  return plausible * 100 >= (sample / 2) * 95;
}

// Chinese text saved by Windows tools is GBK (a subset of GB18030). Its Han
// characters are double-byte pairs with both bytes >= 0xA1 (the GB2312
// block). Latin-1 text that happens to convert has accented letters
// followed by ASCII, i.e. trail bytes below 0xA1, so it fails this test.
bool LooksLikeGbk(std::string_view b) {
  size_t pairs = 0;
  size_t gb2312 = 0;
  size_t i = 0;
  while (i < b.size()) {
    const auto c = static_cast<unsigned char>(b[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c == 0x80 || c == 0xFF || i + 1 >= b.size()) return false;
    const auto d = static_cast<unsigned char>(b[i + 1]);
    if (d >= 0x30 && d <= 0x39) {  // a four-byte sequence (rare characters); ICU checks it
      i += 4;
      continue;
    }
    ++pairs;
    if (c >= 0xA1 && d >= 0xA1) ++gb2312;
    i += 2;
  }
  return gb2312 * 4 >= pairs * 3;
}

using ConverterPtr = std::unique_ptr<UConverter, decltype(&ucnv_close)>;

// Converts with ICU, stopping at the first illegal or unmapped sequence
// (the default callback would substitute and hide the error).
bool ConvertGb18030(std::string_view b, TextSink* sink) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open("GB18030", &status), &ucnv_close);
  if (U_FAILURE(status) || !conv) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  const char* src = b.data();
  const char* const src_end = b.data() + b.size();
  std::array<UChar, 8192> buf;
  char16_t high = 0;  // a high surrogate split across two chunks
  for (;;) {
    UChar* target = buf.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, src_end, nullptr,
                   /*flush=*/true, &status);
    for (const UChar* p = buf.data(); p < target; ++p) {
      const char16_t u = *p;
      if (high != 0) {
        if (u >= 0xDC00 && u <= 0xDFFF) {
          sink->Put(0x10000 + ((static_cast<char32_t>(high) - 0xD800) << 10) + (u - 0xDC00));
          high = 0;
          continue;
        }
        return false;
      }
      if (u >= 0xD800 && u <= 0xDBFF) {
        high = u;
      } else {
        sink->Put(u);
      }
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    return U_SUCCESS(status) && high == 0;
  }
}

// The converted text must read as Chinese: mostly Han among the non-ASCII
// characters. Guards against accepting some other legacy encoding as GBK.
bool MostlyHan(std::string_view utf8_text) {
  size_t non_ascii = 0;
  size_t han = 0;
  size_t pos = 0;
  while (pos < utf8_text.size()) {
    if (static_cast<unsigned char>(utf8_text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const char32_t cp = utf8::Next(utf8_text, &pos);
    ++non_ascii;
    if (utf8::IsHan(cp)) ++han;
  }
  return non_ascii > 0 && han * 2 >= non_ascii;
}

// ---------------------------------------------------------------------------
// Character classes used by the paragraph builder

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t pos = 0;
  return utf8::Next(s, &pos);
}

char32_t LastCodePoint(std::string_view s, std::string_view* rest = nullptr) {
  if (s.empty()) return 0;
  size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  size_t pos = start;
  const char32_t cp = utf8::Next(s, &pos);
  if (rest) *rest = s.substr(0, start);
  return cp;
}

// East Asian wide characters take two columns in a monospaced layout; line
// widths are measured in columns so that Chinese and English wrapping compare.
bool IsWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

// Han, CJK punctuation and full-width forms: text joined without spaces.
bool IsCjk(char32_t cp) {
  return utf8::IsHan(cp) || (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
         (cp >= 0x2E80 && cp <= 0x2FDF);
}

bool IsLatinLower(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
}
bool IsLatinUpper(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}
bool IsLetter(char32_t cp) { return IsLatinLower(cp) || IsLatinUpper(cp) || utf8::IsHan(cp); }

bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Sentence-final punctuation, including the colon and semicolon that end
// list introductions and list items.
bool IsTerminal(char32_t cp) {
  switch (cp) {
    case '.':
    case ';':
    case ':':
    case '!':
    case '?':
    case 0x2026:  // …
    case 0x3002:  // 。
    case 0xFF0E:  // ．
    case 0xFF1B:  // ；
    case 0xFF1A:  // ：
    case 0xFF01:  // ！
    case 0xFF1F:  // ？
      return true;
    default: return false;
  }
}

bool IsClosing(char32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case 0x201D:
    case 0x2019:  // ” ’
    case 0x300D:
    case 0x300F:  // 」 』
    case 0xFF09:
    case 0x3011:  // ） 】
      return true;
    default: return false;
  }
}

// True when `s` does not end a sentence: its last character, looking
// through closing quotes and brackets, is not terminal punctuation.
bool EndsOpen(std::string_view s) {
  while (!s.empty()) {
    std::string_view rest;
    const char32_t cp = LastCodePoint(s, &rest);
    if (!IsClosing(cp)) return !IsTerminal(cp);
    s = rest;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Lines

enum class LineKind : uint8_t {
  kText,
  kBlank,
  kPageBreak,   // a form feed
  kPageNumber,  // "12", "- 12 -", "Page 3 of 10", "第 3 页 共 10 页"
  kSeparator,   // "-----", "_____", "====="
  kRunning,     // a running header or footer
};

struct Line {
  std::string_view text;  // without leading and trailing whitespace
  int number = 0;         // 1-based source line
  int indent = 0;         // columns of leading whitespace
  int width = 0;          // columns up to the last non-space character
  LineKind kind = LineKind::kText;
  bool page_edge = false;       // first or last text on a page
  bool has_lower = false;       // any lower-case Latin letter
  bool needs_collapse = false;  // whitespace other than single spaces inside
  int upper = 0;                // upper-case Latin letters
  uint64_t fingerprint = 0;     // RunningFingerprint of the text

  // All Latin letters upper case (at least three of them): an English heading.
  bool AllCaps() const { return !has_lower && upper >= 3; }
};

// Fills in everything the later passes need to know about a line in one
// scan of its bytes (the passes run over every line of files up to 100 MB).
void Measure(std::string_view raw, Line* line) {
  size_t pos = 0;
  int col = 0;
  size_t first = raw.size();
  size_t end = 0;
  int end_col = 0;
  bool after_space = false;
  uint64_t visible = 0;
  unsigned char fp_first = 0;
  unsigned char fp_last = 0;
  auto fingerprint = [&](unsigned char first_byte, unsigned char last_byte, size_t bytes) {
    visible += bytes;
    if (fp_first == 0) fp_first = first_byte;
    fp_last = last_byte;
  };
  while (pos < raw.size()) {
    const size_t at = pos;
    const auto c = static_cast<unsigned char>(raw[pos]);
    if (c > 0x20 && c < 0x80) {  // the common case: a visible ASCII character
      if (first == raw.size()) {
        first = at;
        line->indent = col;
      }
      if (c >= 'a' && c <= 'z') line->has_lower = true;
      if (c >= 'A' && c <= 'Z') ++line->upper;
      if (c != '#' && !(c >= '0' && c <= '9')) fingerprint(c, c, 1);
      ++col;
      end = ++pos;
      end_col = col;
      after_space = false;
      continue;
    }
    if (c == ' ') {
      if (after_space && first != raw.size()) line->needs_collapse = true;
      after_space = true;
      ++col;
      ++pos;
      continue;
    }
    const char32_t cp = c < 0x80 ? (++pos, c) : utf8::Next(raw, &pos);
    const int w = cp == '\t' ? (col / 8 + 1) * 8 - col : IsWide(cp) ? 2 : 1;
    col += w;
    if (utf8::IsSpace(cp)) {
      if (first != raw.size()) line->needs_collapse = true;
      after_space = true;
      continue;
    }
    after_space = false;
    if (IsLatinLower(cp)) line->has_lower = true;
    if (IsLatinUpper(cp)) ++line->upper;
    fingerprint(c, static_cast<unsigned char>(raw[pos - 1]), pos - at);
    if (first == raw.size()) {
      first = at;
      line->indent = col - w;
    }
    end = pos;
    end_col = col;
  }
  if (first == raw.size()) {
    line->text = {};
    line->kind = LineKind::kBlank;
    return;
  }
  line->text = raw.substr(first, end - first);
  line->width = end_col;
  line->fingerprint = (visible << 16) | (uint64_t{fp_first} << 8) | fp_last;
}

// Digits only (1-4 of them, ASCII or full-width).
bool IsSmallNumber(std::string_view s) {
  int digits = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = utf8::Next(s, &pos);
    if (!IsDigit(cp) && !(cp >= 0xFF10 && cp <= 0xFF19)) return false;
    ++digits;
  }
  return digits >= 1 && digits <= 4;
}

bool IsSmallRoman(std::string_view s) {
  if (s.empty() || s.size() > 6) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == 'i' || c == 'v' || c == 'x' || c == 'l'; });
}

// Splits on whitespace, dropping empty pieces.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  size_t start = std::string_view::npos;
  while (pos < s.size()) {
    const size_t at = pos;
    const char32_t cp = utf8::Next(s, &pos);
    if (utf8::IsSpace(cp)) {
      if (start != std::string_view::npos) words.push_back(s.substr(start, at - start));
      start = std::string_view::npos;
    } else if (start == std::string_view::npos) {
      start = at;
    }
  }
  if (start != std::string_view::npos) words.push_back(s.substr(start));
  return words;
}

using ascii::EqualsIgnoreCase;

// A line that is only a page number, as PDF extraction leaves them.
bool IsPageNumber(std::string_view s) {
  if (s.size() > 40) return false;
  if (IsSmallNumber(s) || IsSmallRoman(s)) return true;
  std::vector<std::string_view> w = Words(s);
  // "-12-", "- 12 -", "— 3 —"
  auto dash = [](std::string_view x) { return x == "-" || x == "\u2013" || x == "\u2014"; };
  if (w.size() == 1 && s.size() >= 3 && s.front() == '-' && s.back() == '-') {
    std::string_view inner = s.substr(1, s.size() - 2);
    return IsSmallNumber(inner) || IsSmallRoman(inner);
  }
  if (w.size() == 3 && dash(w[0]) && dash(w[2])) return IsSmallNumber(w[1]) || IsSmallRoman(w[1]);
  // "Page 3", "Page 3 of 10", "3 of 10", "3/10"
  size_t i = 0;
  if (!w.empty() && EqualsIgnoreCase(w[0], "page")) i = 1;
  if (i < w.size() && w.size() - i == 1) {
    std::string_view x = w[i];
    size_t slash = x.find('/');
    if (slash != std::string_view::npos && IsSmallNumber(x.substr(0, slash)) &&
        IsSmallNumber(x.substr(slash + 1))) {
      return true;
    }
    if (i == 1 && IsSmallNumber(x)) return true;
  }
  if (i < w.size() && w.size() - i == 3 && IsSmallNumber(w[i]) &&
      (EqualsIgnoreCase(w[i + 1], "of") || w[i + 1] == "/") && IsSmallNumber(w[i + 2])) {
    return true;
  }
  // "第 3 页", "第3页 共10页", "共 10 页 第 3 页", "第 3 页/共 10 页"
  std::string compact;
  for (std::string_view x : w) compact.append(x);
  auto page_part = [](std::string_view* t, std::string_view head) {
    if (t->substr(0, head.size()) != head) return false;
    std::string_view r = t->substr(head.size());
    size_t n = 0;
    while (n < r.size() && r[n] >= '0' && r[n] <= '9') ++n;
    if (n == 0 || n > 4 || r.substr(n, 3) != "页") return false;
    *t = r.substr(n + 3);
    for (std::string_view sep : {",", "，", "/", "、"}) {
      if (t->substr(0, sep.size()) == sep) *t = t->substr(sep.size());
    }
    return true;
  };
  std::string_view t = compact;
  bool ok = false;
  while (!t.empty() && (page_part(&t, "第") || page_part(&t, "共"))) ok = true;
  return ok && t.empty();
}

bool IsSeparatorChar(char32_t cp) {
  switch (cp) {
    case '-':
    case '_':
    case '=':
    case '~':
    case 0x2013:
    case 0x2014:
    case 0x2015:  // – — ―
    case 0x2500:
    case 0x2501:
    case 0x2550:  // ─ ━ ═
    case 0xFF3F:
    case 0xFF0D:
    case 0xFF1D:  // ＿ － ＝
      return true;
    default: return false;
  }
}

// Rules drawn with dashes, underscores or equals signs. A signature blank
// has words before it ("By: ______") and is not one.
bool IsSeparator(std::string_view s) {
  int marks = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = utf8::Next(s, &pos);
    if (IsSeparatorChar(cp)) {
      ++marks;
    } else if (!utf8::IsSpace(cp)) {
      return false;
    }
  }
  return marks >= 3;
}

// Whether a line could be a running header or footer: short, with words,
// and not a field label or signature blank that forms repeat legitimately.
bool RunningCandidate(const Line& line) {
  if (line.width > 120) return false;
  std::string_view s = line.text;
  const char32_t last = LastCodePoint(s);
  if (last == ':' || last == 0xFF1A) return false;
  if (s.find("__") != std::string_view::npos) return false;
  if (s.find("\uFF3F\uFF3F") != std::string_view::npos) return false;
  int letters = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    if (IsLetter(utf8::Next(s, &pos)) && ++letters >= 2) return true;
  }
  return false;
}

// Key for comparing repeated lines: whitespace runs collapsed, because PDF
// extraction does not space a repeated header identically on every page.
// With `digits` set, digit runs become '#', so that a footer carrying the
// page number ("Acme Agreement Page 3 of 75") matches itself.
std::string RunningKey(std::string_view s, bool digits) {
  std::string key;
  key.reserve(s.size());
  bool space = false;
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t at = pos;
    const char32_t cp = utf8::Next(s, &pos);
    if (utf8::IsSpace(cp)) {
      space = true;
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    if (digits && IsDigit(cp)) {
      if (key.empty() || key.back() != '#') key.push_back('#');
      continue;
    }
    key.append(s.substr(at, pos - at));
  }
  return key;
}

// Splits text into lines (a form feed ends a line too, and becomes a page
// break of its own) and classifies each one.
std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t newlines = 0;
  for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
    ++newlines;
  }
  lines.reserve(newlines + 2);
  auto add = [&](std::string_view raw, int number) {
    Line line;
    line.number = number;
    Measure(raw, &line);
    if (line.kind == LineKind::kText) {
      if (IsPageNumber(line.text)) {
        line.kind = LineKind::kPageNumber;
      } else if (IsSeparator(line.text)) {
        line.kind = LineKind::kSeparator;
      }
    }
    lines.push_back(line);
  };
  int number = 1;
  size_t start = 0;
  for (;;) {
    const size_t nl = text.find('\n', start);
    std::string_view rest =
        text.substr(start, (nl == std::string_view::npos ? text.size() : nl) - start);
    for (size_t ff = rest.find('\f'); ff != std::string_view::npos; ff = rest.find('\f')) {
      add(rest.substr(0, ff), number);
      Line page;
      page.number = number;
      page.kind = LineKind::kPageBreak;
      lines.push_back(page);
      rest.remove_prefix(ff + 1);
    }
    if (nl == std::string_view::npos) {
      if (!rest.empty()) add(rest, number);
      break;
    }
    add(rest, number);
    ++number;
    start = nl + 1;
  }
  return lines;
}

// Marks text lines that sit at a page edge: between them and a page break
// (a form feed, a page number, a run of two or more blank lines as PDF
// extraction leaves between pages, or the start or end of the text) there
// are only blank lines.
void MarkPageEdges(std::vector<Line>* lines) {
  auto scan = [](auto begin, auto end) {
    bool boundary = true;  // the start (or end) of the text
    int blanks = 0;
    for (auto it = begin; it != end; ++it) {
      switch (it->kind) {
        case LineKind::kBlank: ++blanks; break;
        case LineKind::kSeparator: break;
        case LineKind::kPageBreak:
        case LineKind::kPageNumber:
          boundary = true;
          blanks = 0;
          break;
        case LineKind::kText:
        case LineKind::kRunning:
          if (boundary || blanks >= 2) it->page_edge = true;
          boundary = false;
          blanks = 0;
          break;
      }
    }
  };
  scan(lines->begin(), lines->end());
  scan(lines->rbegin(), lines->rend());
}

// Words with at least two letters. A masked line needs a few of them to be a
// footer rather than a row of a table ("Year 4  NIL", "Year 5  NIL").
int LetterWords(std::string_view s) {
  int words = 0;
  for (std::string_view w : Words(s)) {
    int letters = 0;
    size_t pos = 0;
    while (pos < w.size() && letters < 2) {
      if (IsLetter(utf8::Next(w, &pos))) ++letters;
    }
    if (letters >= 2) ++words;
  }
  return words;
}

// Numbering families of list items, as opposed to the keyword families of
// headings and captions ("section", "exhibit", "zh-article").
bool IsListFamily(std::string_view family) {
  return family.starts_with("decimal") || family.starts_with("paren-") ||
         family.find("alpha") != std::string_view::npos ||
         family.find("roman") != std::string_view::npos || family == "zh-enum" ||
         family == "zh-paren-enum" || family == "zh-decimal-comma";
}

// A cheap summary of RunningKey(s, true) that needs no allocation: equal
// keys have equal fingerprints, so most lines are ruled out without a key.
// Measure() computes the same for each line as it scans it.
uint64_t RunningFingerprint(std::string_view s) {
  uint64_t visible = 0;
  unsigned char first = 0;
  unsigned char last = 0;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    // Digits and '#' are skipped: a masked key has '#' where the line has digits.
    if (c == ' ' || c == '\t' || c == '#' || (c >= '0' && c <= '9')) continue;
    ++visible;
    if (first == 0) first = c;
    last = c;
  }
  return (visible << 16) | (uint64_t{first} << 8) | last;
}

// A running header or footer is a short line repeated at least three times,
// mostly at page edges. All its occurrences go, including those where the
// page break left no trace. Lines are compared exactly and, unless they
// start with a clause number ("Section 3" and "Section 4" are different
// lines), also with their numbers masked.
void MarkRunningLines(std::vector<Line>* lines) {
  struct Stats {
    int count = 0;
    int edge = 0;
  };
  auto keys = [](const Line& line) {
    std::vector<std::string> k;
    numbering::ClauseNumber n;
    const bool numbered = numbering::Parse(line.text, &n);
    // A list item ("1. ...", "(a) ...") is content however often it
    // repeats; "Exhibit 10.38" on every page is not.
    if (numbered && IsListFamily(n.family)) return k;
    k.push_back(RunningKey(line.text, false));
    const bool has_digit = std::any_of(line.text.begin(), line.text.end(),
                                       [](char c) { return c >= '0' && c <= '9'; });
    if (has_digit && !numbered && LetterWords(line.text) >= 3) {
      k.push_back("#" + RunningKey(line.text, true));
    }
    return k;
  };
  // Page-edge lines are few: count their keys first, keep those seen at
  // three edges or more, then count all occurrences of just those.
  std::unordered_map<std::string, Stats> stats;
  for (const Line& line : *lines) {
    if (line.kind != LineKind::kText || !line.page_edge || !RunningCandidate(line)) continue;
    for (std::string& k : keys(line)) ++stats[std::move(k)].edge;
  }
  std::erase_if(stats, [](const auto& kv) { return kv.second.edge < 3; });
  if (stats.empty()) return;
  std::unordered_map<uint64_t, int> fingerprints;
  for (const auto& kv : stats) ++fingerprints[RunningFingerprint(kv.first)];
  std::vector<size_t> hits;
  for (size_t i = 0; i < lines->size(); ++i) {
    const Line& line = (*lines)[i];
    if (line.kind != LineKind::kText || !fingerprints.count(line.fingerprint) ||
        !RunningCandidate(line)) {
      continue;
    }
    bool hit = false;
    for (const std::string& k : keys(line)) {
      auto it = stats.find(k);
      if (it == stats.end()) continue;
      ++it->second.count;
      hit = true;
    }
    if (hit) hits.push_back(i);
  }
  for (size_t i : hits) {
    Line& line = (*lines)[i];
    for (const std::string& k : keys(line)) {
      auto it = stats.find(k);
      if (it != stats.end() && it->second.count >= 3 && it->second.edge * 2 >= it->second.count) {
        line.kind = LineKind::kRunning;
      }
    }
  }
}

// The text stops where a sentence cannot end: after a comma or a lower-case
// word ("the", "of", "shall"). A capitalised last word may be a name, a
// heading or a signature line; a digit, a page number glued to the text.
bool EndsMidSentence(std::string_view s) {
  if (s.empty()) return false;
  if (s.back() == ',') return true;
  size_t start = s.size();
  while (start > 0 && s[start - 1] >= 'a' && s[start - 1] <= 'z') --start;
  return start < s.size() && (start == 0 || s[start - 1] == ' ');
}

// The text ends on a word no sentence or heading ends on ("the", "of",
// "shall"): the line break after it is a wrap, whatever the layout.
bool EndsWithFunctionWord(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "a",         "an",      "the",    "of",       "to",      "in",    "on",    "at",
      "by",        "for",     "with",   "from",     "into",    "upon",  "under", "and",
      "or",        "nor",     "but",    "if",       "that",    "which", "who",   "whose",
      "is",        "are",     "was",    "were",     "be",      "been",  "shall", "will",
      "may",       "must",    "can",    "should",   "would",   "could", "has",   "have",
      "had",       "not",     "as",     "such",     "any",     "all",   "each",  "every",
      "its",       "their",   "this",   "these",    "those",   "than",  "per",   "between",
      "including", "without", "within", "pursuant", "whether", "hereby"};
  size_t start = s.size();
  while (start > 0 && s[start - 1] >= 'a' && s[start - 1] <= 'z') --start;
  if (start == s.size() || (start > 0 && s[start - 1] != ' ')) return false;
  const std::string_view last = s.substr(start);
  return std::find(std::begin(kWords), std::end(kWords), last) != std::end(kWords);
}

// The last word of `s` names something a number follows in a reference:
// "... as set out in Section\n12.1 of" is one sentence, not a new clause.
bool EndsWithReferenceWord(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "section",     "sections",   "clause",     "clauses",     "article",      "articles",
      "paragraph",   "paragraphs", "subsection", "subsections", "subparagraph", "subparagraphs",
      "subclause",   "subclauses", "schedule",   "schedules",   "exhibit",      "exhibits",
      "annex",       "annexes",    "appendix",   "appendices",  "item",         "items",
      "part",        "parts",      "chapter",    "chapters",    "page",         "pages",
      "no.",         "nos.",       "number",     "rule",        "rules",        "\u00A7",
      "\u00A7\u00A7"};
  size_t start = s.size();
  while (start > 0 && s[start - 1] != ' ' && s[start - 1] != '\t') --start;
  std::string_view last = s.substr(start);
  for (std::string_view w : kWords) {
    if (EqualsIgnoreCase(last, w)) return true;
  }
  return false;
}

// Han characters that continue a sentence after a clause number used as a
// reference: "根据第十二条的约定", "第三条规定", "第五条所述".
bool IsZhReferenceFollower(char32_t cp) {
  switch (cp) {
    case U'的':
    case U'之':
    case U'规':
    case U'约':
    case U'所':
    case U'中':
    case U'项':
    case U'款':
    case U'或':
    case U'和':
    case U'及':
    case U'至':
    case U'、':
    case U'，':
    case U'。':
    case U'）':
    case U'第': return true;
    default: return false;
  }
}

// ---------------------------------------------------------------------------
// Paragraphs

// In text with one line per paragraph, a line at least this wide (columns)
// is prose rather than a heading, label or address line.
constexpr int kMinProseWidth = 60;

// Hard-wrapped text is wrapped at 60 to 100 columns, or a little wider for
// landscape PDF pages; consecutive shorter lines are address or signature
// blocks, and wider ones are paragraphs that were never wrapped.
constexpr int kMinWrapWidth = 50;
constexpr int kMaxWrapWidth = 250;

struct Layout {
  bool wrapped = false;  // hard-wrapped text: most lines end near `width`
  int width = 0;         // the wrap column
  int margin = 0;        // the usual left indent
};

// The pct-th percentile of *v (reordered in place).
int Percentile(std::vector<int>* v, size_t pct) {
  if (v->empty()) return 0;
  const size_t k = std::min(v->size() * pct / 100, v->size() - 1);
  std::nth_element(v->begin(), v->begin() + static_cast<std::ptrdiff_t>(k), v->end());
  return (*v)[k];
}

// Infers how the text was laid out from the lines that are directly followed
// by another text line: in hard-wrapped text most of them end near the wrap
// column; in text with one line per paragraph they are few and scattered.
Layout InferLayout(const std::vector<Line>& lines) {
  Layout layout;
  std::vector<int> inner;
  std::array<int, 64> indents{};
  size_t text_lines = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind != LineKind::kText) continue;
    ++text_lines;
    if (lines[i].indent < static_cast<int>(indents.size())) ++indents[lines[i].indent];
    if (i + 1 < lines.size() && lines[i + 1].kind == LineKind::kText) {
      inner.push_back(lines[i].width);
    }
  }
  layout.margin =
      static_cast<int>(std::max_element(indents.begin(), indents.end()) - indents.begin());
  // A few consecutive lines in a text of separate lines (a table, an
  // address) say nothing about wrapping.
  if (inner.size() < 2 || inner.size() * 4 < text_lines) return layout;
  layout.width = Percentile(&inner, 95);
  // Wrapped lines pile up just below the wrap column; lines that were never
  // wrapped (headings, addresses, last lines) spread out below it.
  const auto near_full = static_cast<size_t>(
      std::count_if(inner.begin(), inner.end(), [&](int w) { return w * 10 >= layout.width * 8; }));
  layout.wrapped = layout.width >= kMinWrapWidth && layout.width <= kMaxWrapWidth &&
                   near_full >= 2 && near_full * 4 >= inner.size();
  return layout;
}

int FirstWordWidth(std::string_view s) {
  int width = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = utf8::Next(s, &pos);
    if (utf8::IsSpace(cp)) break;
    if (IsWide(cp)) return width == 0 ? 2 : width;  // CJK breaks between any two characters
    ++width;
  }
  return width;
}

// The separator when joining a wrapped line to the text before it: none
// inside Chinese text or after a hyphenated line end, one space otherwise.
std::string_view JoinSeparator(std::string_view before, std::string_view after) {
  std::string_view rest;
  const char32_t last = LastCodePoint(before, &rest);
  const char32_t next = FirstCodePoint(after);
  if ((last == '-' || last == 0x2010) && IsLetter(LastCodePoint(rest))) return "";
  const bool cjk_last = IsCjk(last);
  const bool cjk_next = IsCjk(next);
  if (cjk_last && cjk_next) return "";
  // Chinese text keeps digits and punctuation next to Han characters; a
  // Latin word in it gets a space, as it would be typed.
  if (cjk_last || cjk_next) {
    const char32_t other = cjk_last ? next : last;
    return IsLetter(other) ? " " : "";
  }
  return " ";
}

// Appends `line` with each whitespace run collapsed to one space (or one
// ideographic space when the run is made of those only).
void AppendCollapsed(std::string_view line, std::string* out) {
  if (line.empty()) return;
  size_t pos = 0;
  bool in_space = false;
  bool all_ideographic = true;
  while (pos < line.size()) {
    const size_t at = pos;
    const auto c = static_cast<unsigned char>(line[pos]);
    if (c > 0x20 && c < 0x80) {
      // Copy a run of visible ASCII at once.
      size_t run = pos + 1;
      while (run < line.size() && static_cast<unsigned char>(line[run]) > 0x20 &&
             static_cast<unsigned char>(line[run]) < 0x80) {
        ++run;
      }
      if (in_space) {
        out->append(all_ideographic ? "\u3000" : " ");
        in_space = false;
      }
      out->append(line.substr(pos, run - pos));
      pos = run;
      continue;
    }
    char32_t cp;
    if (c < 0x80) {
      cp = c;
      ++pos;
    } else {
      cp = utf8::Next(line, &pos);
    }
    if (utf8::IsSpace(cp)) {
      if (!in_space) all_ideographic = true;
      in_space = true;
      if (cp != 0x3000) all_ideographic = false;
      continue;
    }
    if (in_space) {
      if (all_ideographic) {
        out->append("\u3000");
      } else {
        out->push_back(' ');
      }
      in_space = false;
    }
    out->append(line.substr(at, pos - at));
  }
}

class ParagraphBuilder {
 public:
  ParagraphBuilder(const std::vector<Line>& lines, Layout layout)
      : lines_(lines), layout_(layout) {}

  std::vector<Block> Build() {
    const Line* prev = nullptr;  // the last line of the open paragraph
    bool gap_blank = false;      // blank lines since `prev`
    bool gap_page = false;       // a page break or artefact since `prev`
    bool gap_rule = false;       // a separator since `prev`
    for (const Line& line : lines_) {
      switch (line.kind) {
        case LineKind::kBlank: gap_blank = true; break;
        case LineKind::kSeparator: gap_rule = true; break;
        case LineKind::kPageBreak:
        case LineKind::kPageNumber:
        case LineKind::kRunning: gap_page = true; break;
        case LineKind::kText: {
          bool join = false;
          if (prev != nullptr && !gap_rule) {
            join =
                gap_blank ? ContinuesAcrossGap(*prev, line, gap_page) : ContinuesLine(*prev, line);
          }
          if (join) {
            Append(line);
          } else {
            Flush();
            Start(line);
          }
          prev = &line;
          gap_blank = gap_page = gap_rule = false;
          break;
        }
      }
    }
    Flush();
    return std::move(blocks_);
  }

 private:
  int Rel(const Line& l) const { return std::max(0, l.indent - layout_.margin); }

  bool StartsClause(const Line& prev, const Line& line) const {
    numbering::ClauseNumber n;
    if (!numbering::Parse(line.text, &n)) return false;
    if (!EndsOpen(prev.text)) return true;
    if (EndsWithReferenceWord(prev.text)) return false;
    // A wrapped line that stops mid-sentence goes on, even when the next
    // line happens to begin with "Section 1.61." or "(a)".
    if (IsFull(prev, line) && EndsMidSentence(prev.text)) return false;
    if (n.separator.empty() && n.length <= line.text.size()) {
      // "第十二条的约定": the number is a reference inside a sentence.
      std::string_view after = line.text.substr(std::min(n.label.size(), line.text.size()));
      if (IsCjk(LastCodePoint(prev.text)) && IsZhReferenceFollower(FirstCodePoint(after))) {
        return false;
      }
    }
    return true;
  }

  // A wrapped line: the next line's first word would not have fit after it,
  // or it is long and stops mid-sentence (proportional fonts in PDF text
  // make the first test too strict on its own; CJK text is monospaced).
  bool IsFull(const Line& prev, const Line& line) const {
    if (!layout_.wrapped) return false;
    if (prev.width + 1 + FirstWordWidth(line.text) > layout_.width) return true;
    return EndsOpen(prev.text) && !IsCjk(LastCodePoint(prev.text)) &&
           prev.width * 10 >= layout_.width * 7;
  }

  bool IsShortCapsHeading(const Line& line) const {
    return line.AllCaps() && (!layout_.wrapped || line.width * 10 < layout_.width * 6);
  }

  // Two consecutive text lines: is the second one the same paragraph?
  bool ContinuesLine(const Line& prev, const Line& line) const {
    if (StartsClause(prev, line)) return false;
    const char32_t first = FirstCodePoint(line.text);
    std::string_view rest;
    const char32_t last = LastCodePoint(prev.text, &rest);
    if ((last == '-' || last == 0x2010) && IsLetter(LastCodePoint(rest))) return true;
    if (IsLatinLower(first) && EndsOpen(prev.text)) return true;
    if (EndsWithFunctionWord(prev.text)) return true;
    // A heading in capitals, then body text in mixed case.
    if (lines_in_paragraph_ == 1 && prev.AllCaps() && line.has_lower &&
        !(IsFull(prev, line) && EndsOpen(prev.text))) {
      return false;
    }
    if (!EndsOpen(prev.text) && IsShortCapsHeading(line)) return false;
    if (!layout_.wrapped) return false;
    // After a continuation line, a change of indent starts a paragraph
    // (first-line indent, or the end of a hanging indent).
    if (lines_in_paragraph_ > 1 && std::abs(Rel(line) - Rel(prev)) >= 2) return false;
    return IsFull(prev, line);
  }

  // A text line after blank lines (and perhaps page artefacts): normally a
  // new paragraph, but PDF text breaks sentences across pages and sometimes
  // puts blank lines inside paragraphs.
  bool ContinuesAcrossGap(const Line& prev, const Line& line, bool page_break) const {
    if (StartsClause(prev, line)) return false;
    if (!EndsOpen(prev.text)) return false;
    if (IsLatinLower(FirstCodePoint(line.text))) return true;
    // Across a page break, a sentence left unfinished by a long line goes on.
    // Headings (capitals, or short lines) do not continue.
    if (!page_break || prev.AllCaps() || line.AllCaps()) return false;
    return layout_.wrapped ? IsFull(prev, line)
                           : prev.width >= kMinProseWidth && EndsMidSentence(prev.text);
  }

  void Start(const Line& line) {
    text_.clear();
    AppendLine(line);
    first_line_ = line.number;
    lines_in_paragraph_ = 1;
  }

  void Append(const Line& line) {
    text_.append(JoinSeparator(text_, line.text));
    AppendLine(line);
    ++lines_in_paragraph_;
  }

  void AppendLine(const Line& line) {
    if (line.needs_collapse) {
      AppendCollapsed(line.text, &text_);
    } else {
      text_.append(line.text);
    }
  }

  void Flush() {
    if (lines_in_paragraph_ == 0) return;
    Block block;
    block.text = std::move(text_);
    block.kind = BlockKind::kParagraph;
    block.source.part = "text";
    block.source.index = static_cast<int>(blocks_.size());
    block.source.line = first_line_;
    blocks_.push_back(std::move(block));
    text_.clear();
    lines_in_paragraph_ = 0;
  }

  const std::vector<Line>& lines_;
  Layout layout_;
  std::vector<Block> blocks_;
  std::string text_;
  int first_line_ = 0;
  int lines_in_paragraph_ = 0;
};

// Text extracted from some PDFs has lost its line breaks altogether: whole
// pages, many clauses, in one "paragraph". Such a paragraph is far longer
// than any real one, and its clauses still start with their numbers after a
// sentence end ("... as follows. 2. Term. This Agreement ..."); it is split
// there. Normal paragraphs are left alone: an inline "(a) ...; (b) ..." list
// written as one paragraph stays one.
constexpr size_t kFlattenedBytes = 2000;

bool StrongSplitFamily(const numbering::ClauseNumber& n) {
  const std::string& f = n.family;
  if (f == "decimal") return n.depth > 1 || n.separator == ".";
  return f == "section" || f == "article" || f == "clause" || f == "schedule" || f == "exhibit" ||
         f == "annex" || f == "appendix" || f == "paren-lower-alpha" || f == "paren-lower-roman" ||
         f == "paren-decimal" || f == "zh-article" || f == "zh-chapter" || f == "zh-enum" ||
         f == "zh-paren-enum";
}

// True when text[pos], after spaces, may start a clause: it follows a sentence
// or list-item end (". ", "; ", ": " possibly with a closing quote or bracket) and the
// word before the full stop is not an abbreviation such as "U.S." or "No.".
bool SentenceEndsBefore(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i == pos || i == 0) return false;  // needs a space, and something before it
  size_t end = i;
  while (end > 0 && (text[end - 1] == '"' || text[end - 1] == ')')) --end;
  if (end == 0) return false;
  const char c = text[end - 1];
  if (c == ';' || c == ':') return true;
  if (c != '.') return false;
  size_t w = end - 1;
  while (w > 0 && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
  const std::string_view word = text.substr(w, end - 1 - w);
  // "U.S.", "Inc.", "No.", "e.g." and single initials are not sentence ends.
  if (word.size() <= 1) return false;
  static constexpr std::array<std::string_view, 8> kAbbrev = {"No",  "Inc", "Co", "Corp",
                                                              "Ltd", "Mr",  "Ms", "Dr"};
  for (std::string_view a : kAbbrev) {
    if (word == a) return false;
  }
  return true;
}

void SplitFlattened(std::vector<Block>* blocks) {
  std::vector<Block> out;
  out.reserve(blocks->size());
  for (Block& b : *blocks) {
    if (b.text.size() < kFlattenedBytes) {
      out.push_back(std::move(b));
      continue;
    }
    const std::string text = std::move(b.text);
    size_t start = 0;
    for (size_t pos = 1; pos < text.size(); ++pos) {
      // A candidate follows a space, or directly a Chinese full stop,
      // semicolon or colon (Chinese puts no space after them).
      const bool after_space = text[pos - 1] == ' ' && text[pos] != ' ';
      const bool after_zh_stop = pos >= 3 && (text.compare(pos - 3, 3, "\u3002") == 0 ||
                                              text.compare(pos - 3, 3, "\uFF1B") == 0 ||
                                              text.compare(pos - 3, 3, "\uFF1A") == 0);
      if (!after_space && !after_zh_stop) continue;
      numbering::ClauseNumber n;
      if ((after_space && !SentenceEndsBefore(text, pos)) ||
          !numbering::Parse(std::string_view(text).substr(pos), &n) || !StrongSplitFamily(n) ||
          n.length >= text.size() - pos) {
        continue;
      }
      size_t piece_end = pos;
      while (piece_end > start && text[piece_end - 1] == ' ') --piece_end;
      if (piece_end > start) {
        Block piece = b;
        piece.text = text.substr(start, piece_end - start);
        out.push_back(std::move(piece));
      }
      start = pos;
    }
    Block last = b;
    last.text = text.substr(start);
    out.push_back(std::move(last));
  }
  for (size_t i = 0; i < out.size(); ++i) out[i].source.index = static_cast<int>(i);
  *blocks = std::move(out);
}

}  // namespace

Result<std::string> DecodeText(std::string_view bytes, std::string* encoding) {
  std::string out;
  out.reserve(bytes.size());
  TextSink sink(&out);
  std::string name;
  std::string problem;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    size_t bad = 0;
    if (!utf8::IsValid(bytes.substr(3), &bad)) {
      return EncodingError("not valid UTF-8 (first bad byte at offset " + std::to_string(bad + 3) +
                           ")");
    }
    DecodeUtf8(bytes.substr(3), &out, &sink);
    name = "UTF-8-BOM";
  } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const bool le = bytes[0] == '\xFF';
    name = le ? "UTF-16LE" : "UTF-16BE";
    if (!DecodeUtf16(bytes, 2, le, &sink, &problem)) {
      return EncodingError("not valid " + name + " (" + problem + ")");
    }
  } else {
    size_t bad = 0;
    const bool valid = utf8::IsValid(bytes, &bad);
    bool le = true;
    if ((!valid || bytes.find('\0') != std::string_view::npos) && LooksLikeUtf16(bytes, &le) &&
        DecodeUtf16(bytes, 0, le, &sink, &problem)) {
      name = le ? "UTF-16LE" : "UTF-16BE";
    } else if (valid) {
      out.clear();
      TextSink utf8_sink(&out);
      DecodeUtf8(bytes, &out, &utf8_sink);
      name = "UTF-8";
    } else {
      out.clear();
      TextSink gb_sink(&out);
      if (!LooksLikeGbk(bytes) || !ConvertGb18030(bytes, &gb_sink) || !MostlyHan(out)) {
        return EncodingError("not valid UTF-8 (first bad byte at offset " + std::to_string(bad) +
                             ") and not GB18030/GBK");
      }
      name = "GB18030";
    }
  }
  if (encoding) *encoding = name;
  return out;
}

std::vector<Block> BuildParagraphs(std::string_view utf8_text) {
  std::vector<Line> lines = SplitLines(utf8_text);
  MarkPageEdges(&lines);
  MarkRunningLines(&lines);
  const Layout layout = InferLayout(lines);
  std::vector<Block> blocks = ParagraphBuilder(lines, layout).Build();
  SplitFlattened(&blocks);
  return blocks;
}

Result<Document> ParseText(std::string_view bytes, std::string_view path) {
  std::string encoding;
  Result<std::string> text = DecodeText(bytes, &encoding);
  if (!text.ok()) {
    Error e = text.error();
    e.where = std::string(path);
    return e;
  }
  Document doc;
  doc.path = std::string(path);
  doc.format = Format::kText;
  doc.encoding = encoding;
  doc.blocks = BuildParagraphs(text.value());
  if (doc.blocks.empty()) return Error{ErrorCode::kEmpty, "no text", std::string(path)};
  return doc;
}

}  // namespace clausecheck::parsers
