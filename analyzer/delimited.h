// Short runs of text between marks, found by hand: what a pattern such as
//
//   \(([^()\n]{1,200})\)      or      ["“]([^"”\n]{1,80})["”]
//
// finds, without the pattern. RE2 compiles a counted repetition as one copy
// of its class per count, and a negated class in UTF-8 as a dozen
// instructions: those two are 2,007 and 1,773 instructions, about 0.5 ms
// each to compile, in every process that meets a bracket or a quotation
// mark, and as much again for the reverse program that finds where a match
// starts. The scan below is one pass over the text.
#ifndef CLAUSECHECK_ANALYZER_DELIMITED_H_
#define CLAUSECHECK_ANALYZER_DELIMITED_H_

#include <string_view>

#include "core/utf8.h"

namespace clausecheck::analyzer {

/// The shape of a run: one of `open`, then 1 to `most` code points none of
/// which is in `close` or `stop`, then one of `close`.
struct Delimited {
  std::u32string_view open;
  std::u32string_view close;
  std::u32string_view stop;
  size_t most = 0;
};

/// Calls fn(whole, inside) for each run of shape `d` in `text`, leftmost
/// first, each search going on after the last match: the matches (and group
/// 1) that ForEachMatch gives for the pattern
/// `[open]([^close stop]{1,most})[close]`. A byte that is not valid UTF-8
/// ends a run without closing it, as it matches no class in RE2.
template <typename Fn>
void ForEachDelimited(std::string_view text, const Delimited& d, Fn fn) {
  auto in = [](std::u32string_view set, char32_t c) {
    return set.find(c) != std::u32string_view::npos;
  };
  // The code point at *at, advancing *at; `valid` false for a byte that is
  // not UTF-8 (decoded as U+FFFD, one byte long).
  auto next = [&](size_t* at, bool* valid) {
    const size_t from = *at;
    const char32_t c = utf8::Next(text, at);
    *valid = !(c == 0xFFFD && *at == from + 1);
    return c;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    // The next opening mark.
    size_t start = std::string_view::npos;
    size_t inside = pos;
    bool valid = true;
    for (size_t at = pos; at < text.size();) {
      const size_t here = at;
      const char32_t c = next(&at, &valid);
      if (valid && in(d.open, c)) {
        start = here;
        inside = at;
        break;
      }
    }
    if (start == std::string_view::npos) return;
    // The run up to the first closing mark, stop or invalid byte. Every
    // opening mark inside the run ends at the same place.
    size_t end = inside;
    size_t count = 0;
    size_t after = end;
    bool closed = false;
    while (end < text.size()) {
      after = end;
      const char32_t c = next(&after, &valid);
      if (!valid || in(d.close, c) || in(d.stop, c)) {
        closed = valid && in(d.close, c);
        break;
      }
      ++count;
      end = after;
    }
    if (closed && count >= 1 && count <= d.most) {
      fn(text.substr(start, after - start), text.substr(inside, end - inside));
      pos = after;
      continue;
    }
    if (closed && count > d.most) {
      // Too long from `start`: the first opening mark inside the run from
      // which at most `most` code points are left opens the match, if any
      // are left at all.
      bool matched = false;
      size_t seen = 0;
      for (size_t at = inside; at < end;) {
        const size_t here = at;
        const char32_t c = next(&at, &valid);
        ++seen;
        if (!in(d.open, c) || count - seen > d.most) continue;
        if (count - seen >= 1) {
          fn(text.substr(here, after - here), text.substr(at, end - at));
          matched = true;
        }
        break;
      }
      if (matched) {
        pos = after;
        continue;
      }
    }
    // No run from any mark before `end` matches; the character there may
    // open one.
    if (end >= text.size()) return;
    pos = end;
  }
}

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_DELIMITED_H_
