#include "analyzer/prefilter.h"

#include <algorithm>
#include <cctype>
#include <climits>

namespace clausecheck::analyzer {
namespace {

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The end (one past) of the escape that starts at s[i] == '\\'.
size_t EscapeEnd(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return s.size();
  const char c = s[i + 1];
  if (c == 'Q') {  // \Q...\E: literal text up to \E or the end
    const size_t e = s.find("\\E", i + 2);
    return e == std::string_view::npos ? s.size() : e + 2;
  }
  if ((c == 'p' || c == 'P' || c == 'x') && i + 2 < s.size() && s[i + 2] == '{') {
    const size_t e = s.find('}', i + 3);
    return e == std::string_view::npos ? s.size() : e + 1;
  }
  return i + 2;
}

// The end (one past) of the character class that starts at s[i] == '['.
size_t ClassEnd(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '^') ++j;
  if (j < s.size() && s[j] == ']') ++j;  // a leading ']' is literal
  while (j < s.size()) {
    if (s[j] == '\\') {
      j = EscapeEnd(s, j);
    } else if (s[j] == '[' && j + 1 < s.size() && s[j + 1] == ':') {
      const size_t e = s.find(":]", j + 2);
      j = e == std::string_view::npos ? j + 1 : e + 2;
    } else if (s[j] == ']') {
      return j + 1;
    } else {
      ++j;
    }
  }
  return s.size();
}

}  // namespace

bool ReadRepeatCount(std::string_view s, size_t* i, long* out) {
  // RE2's ParseInteger (parse.cc): no leading zeros, and it gives up
  // before a digit that would follow 100000000 or more.
  size_t j = *i;
  if (j >= s.size() || !IsDigit(s[j])) return false;
  if (s[j] == '0' && j + 1 < s.size() && IsDigit(s[j + 1])) return false;
  long v = 0;
  while (j < s.size() && IsDigit(s[j])) {
    if (v >= 100000000) return false;
    v = v * 10 + (s[j] - '0');
    ++j;
  }
  *i = j;
  *out = v;
  return true;
}

std::string Loosen(std::string_view s, int max_count, long* same_up_to) {
  long same = LONG_MAX;
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\') {
      const size_t e = EscapeEnd(s, i);
      if (i + 1 < s.size() && s[i + 1] == 'C') same = 0;
      out.append(s.substr(i, e - i));
      i = e;
      continue;
    }
    if (c == '[') {
      const size_t e = ClassEnd(s, i);
      out.append(s.substr(i, e - i));
      i = e;
      continue;
    }
    if (c == '{' && !out.empty()) {
      // {m}, {m,} or {m,n}; anything else is a literal brace in RE2.
      size_t j = i + 1;
      long lo = 0, hi = 0;
      if (ReadRepeatCount(s, &j, &lo)) {
        bool valid = false;
        bool unbounded = false;
        if (j < s.size() && s[j] == '}') {
          hi = lo;
          valid = true;
        } else if (j < s.size() && s[j] == ',') {
          ++j;
          if (j < s.size() && s[j] == '}') {
            unbounded = true;
            valid = true;
          } else if (ReadRepeatCount(s, &j, &hi) && j < s.size() && s[j] == '}') {
            valid = true;
          }
        }
        if (valid && (unbounded ? lo > max_count : hi > max_count)) {
          out += lo == 0 ? '*' : '+';
          same = unbounded || lo > 1 ? 0 : std::min(same, hi);
          i = j + 1;
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  if (same_up_to != nullptr) *same_up_to = same;
  return out;
}

std::vector<std::string> Alternatives(std::string_view s) {
  // The flag groups at the start: "(?" flags ")" with no ':'.
  const auto flag_group_end = [&](size_t i) -> size_t {
    if (s.compare(i, 2, "(?") != 0) return 0;
    size_t j = i + 2;
    while (j < s.size() && (std::isalpha(static_cast<unsigned char>(s[j])) != 0 || s[j] == '-')) {
      ++j;
    }
    return j < s.size() && s[j] == ')' && j > i + 2 ? j + 1 : 0;
  };
  size_t start = 0;
  while (const size_t e = flag_group_end(start)) start = e;
  const std::string_view prefix = s.substr(0, start);
  std::vector<std::string> out;
  int depth = 0;
  size_t from = start;
  size_t i = start;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\') {
      i = EscapeEnd(s, i);
    } else if (c == '[') {
      i = ClassEnd(s, i);
    } else if (c == '(') {
      if (depth == 0 && flag_group_end(i) != 0) return {};  // its flags run on past a '|'
      ++depth;
      ++i;
    } else if (c == ')') {
      if (--depth < 0) return {};
      ++i;
    } else {
      if (c == '|' && depth == 0) {
        out.push_back(std::string(prefix).append(s.substr(from, i - from)));
        from = i + 1;
      }
      ++i;
    }
  }
  if (out.empty() || depth != 0) return {};
  out.push_back(std::string(prefix).append(s.substr(from)));
  return out;
}

}  // namespace clausecheck::analyzer
