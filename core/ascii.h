// ASCII case helpers for keywords in contracts ("Section", "PAGE", "of").
// Deliberately ASCII only: they never touch the bytes of UTF-8 sequences.
#ifndef CLAUSECHECK_CORE_ASCII_H_
#define CLAUSECHECK_CORE_ASCII_H_

#include <string>
#include <string_view>

namespace clausecheck::ascii {

inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

/// `s` with ASCII capitals in lower case; other bytes as they are.
inline std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

inline bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

}  // namespace clausecheck::ascii

#endif  // CLAUSECHECK_CORE_ASCII_H_
