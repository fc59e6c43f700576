#include "analyzer/sentence.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace clausecheck::analyzer {

bool EndsSentence(std::string_view text, size_t i) {
  char ch = text[i];
  if (ch == '\n' || ch == ';') return true;
  // 。；！？ end in these bytes (E3 80 82, EF BC 9B, EF BC 81, EF BC 9F); any
  // other byte but . ! ? ends nothing (the common case, decided at once).
  const auto u = static_cast<unsigned char>(ch);
  if (ch != '.' && ch != '!' && ch != '?' && u != 0x82 && u != 0x9B && u != 0x81 && u != 0x9F) {
    return false;
  }
  if (ch == '.' || ch == '!' || ch == '?') {
    if (i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '\n') return false;
    if (ch != '.') return true;
    size_t w = i;
    while (w > 0 && (std::isalpha(static_cast<unsigned char>(text[w - 1])) || text[w - 1] == '.'))
      --w;
    std::string word(text.substr(w, i - w));
    for (char& x : word) x = static_cast<char>(std::tolower(static_cast<unsigned char>(x)));
    static const char* kAbbrev[] = {"inc", "ltd", "co",  "corp", "no",  "nos", "mr",
                                    "ms",  "dr",  "e.g", "i.e",  "u.s", "u.k", "etc",
                                    "vs",  "sec", "st",  "art",  "para"};
    for (const char* a : kAbbrev) {
      if (word == a) return false;
    }
    return !(word.size() == 1 && std::isupper(static_cast<unsigned char>(text[w])));
  }
  for (std::string_view mark : {"。", "；", "！", "？"}) {
    if (i + 1 >= mark.size() && text.substr(i + 1 - mark.size(), mark.size()) == mark) return true;
  }
  return false;
}

std::string_view SentenceAround(std::string_view text, size_t b, size_t e) {
  auto continuation = [&](size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  size_t start = std::min(b, text.size());
  const size_t lo = start > kMaxSentenceReach ? start - kMaxSentenceReach : 0;
  while (start > lo && !EndsSentence(text, start - 1)) --start;
  while (continuation(start)) ++start;  // cut at the reach: a whole code point
  size_t end = std::min(e, text.size());
  const size_t hi = std::min(text.size(), end + kMaxSentenceReach);
  while (end < hi && !EndsSentence(text, end)) ++end;
  if (end < text.size()) ++end;
  while (continuation(end)) ++end;
  return text.substr(start, end - start);
}

}  // namespace clausecheck::analyzer
