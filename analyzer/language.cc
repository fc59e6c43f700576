#include "analyzer/language.h"

#include "core/utf8.h"

namespace clausecheck::analyzer {
namespace {

struct Counts {
  long han = 0;
  long latin = 0;
};

void Count(std::string_view text, Counts* c) {
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {  // ASCII, most of an English contract: no decoding
      c->latin += static_cast<unsigned char>((b | 0x20) - 'a') < 26;
      ++pos;
      continue;
    }
    // Two bytes (U+0080 to U+07FF: Latin-1, Greek, Cyrillic, Hebrew,
    // Arabic): neither Han nor an ASCII letter, no decoding needed.
    if (b >= 0xC2 && b <= 0xDF && pos + 1 < text.size() &&
        (static_cast<unsigned char>(text[pos + 1]) & 0xC0) == 0x80) {
      pos += 2;
      continue;
    }
    char32_t cp = utf8::Next(text, &pos);
    if (utf8::IsHan(cp)) {
      ++c->han;
    } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
      ++c->latin;
    }
  }
}

std::string Decide(const Counts& c) {
  // A Han character carries about a word; an English word is about four letters.
  const double han = static_cast<double>(c.han);
  const double words = static_cast<double>(c.latin) / 4.0;
  if (han + words < 8) return "unknown";
  const double han_share = han / (han + words);
  if (han_share >= 0.8) return "zh";
  if (han_share <= 0.2) return "en";
  return "mixed";
}

}  // namespace

std::string DetectLanguage(const Document& doc) {
  Counts c;
  for (const Block& b : doc.blocks) Count(b.text, &c);
  return Decide(c);
}

std::string DetectLanguage(std::string_view text) {
  Counts c;
  Count(text, &c);
  return Decide(c);
}

}  // namespace clausecheck::analyzer
