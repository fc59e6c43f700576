#include "analyzer/literals.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <utility>

#include "analyzer/prefilter.h"

namespace clausecheck::analyzer {
namespace {

using Op = LiteralFormula::Op;

// At most this many strings are kept exact (a concatenation multiplies
// them); beyond, the strings so far become a requirement of their own.
constexpr size_t kMaxExact = 16;
// A character class of more characters than this requires nothing.
constexpr size_t kMaxClass = 4;

LiteralFormula AtomFormula(std::string s) {
  LiteralFormula f;
  f.op = Op::kAtom;
  f.atom = std::move(s);
  return f;
}

// AND and OR of `parts`, flattened and simplified: "all" drops out of an
// AND and makes an OR "all"; one part left is that part.
LiteralFormula Combine(Op op, std::vector<LiteralFormula> parts) {
  LiteralFormula out;
  out.op = op;
  out.kids.reserve(parts.size());
  for (LiteralFormula& p : parts) {
    if (p.all()) {
      if (op == Op::kOr) return LiteralFormula{};
      continue;
    }
    // Without a vector of its own for a part that is not flattened: the
    // parser calls this for every group and concatenation.
    const auto add = [&](LiteralFormula& k) {
      if (std::find(out.kids.begin(), out.kids.end(), k) == out.kids.end()) {
        out.kids.push_back(std::move(k));
      }
    };
    if (p.op == op) {
      for (LiteralFormula& k : p.kids) add(k);
    } else {
      add(p);
    }
  }
  if (out.kids.empty()) return LiteralFormula{};
  if (out.kids.size() == 1) return std::move(out.kids.front());
  return out;
}

// What a piece of a pattern matches: exactly one of a few strings (the
// empty string among them for an assertion or an optional part), or a text
// on which a formula holds.
struct Info {
  bool exact = false;
  std::vector<std::string> strings;  // exact: sorted, unique
  LiteralFormula match;              // not exact
};

Info Exact(std::vector<std::string> strings) {
  std::sort(strings.begin(), strings.end());
  strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
  Info i;
  i.exact = true;
  i.strings = std::move(strings);
  return i;
}

// Exact({s}) without building and sorting a list first.
Info One(std::string s) {
  Info i;
  i.exact = true;
  i.strings.push_back(std::move(s));
  return i;
}

Info Match(LiteralFormula f) {
  Info i;
  i.match = std::move(f);
  return i;
}

Info Anything() { return Match(LiteralFormula{}); }

char Fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Fold(c);
  return out;
}

// The number of bytes of the UTF-8 character whose first byte is `c` (1 for
// a byte that cannot start one: RE2 has already refused invalid patterns).
size_t CharLength(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

bool IsAsciiPunct(char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

// Whether the UTF-8 character `ch` can be part of an atom: ASCII, or a
// character that has no case (Han, kana, Hangul, CJK and general
// punctuation, Latin-1 signs), so that AtomScanner need not fold it. Any
// other character is not looked for: RE2's (?i) would match it in another
// case.
bool Requirable(std::string_view ch) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(ch[k]) & 0x3Fu; };
  const unsigned char c0 = static_cast<unsigned char>(ch[0]);
  uint32_t cp = c0;
  if (ch.size() == 2) cp = ((c0 & 0x1Fu) << 6) | b(1);
  if (ch.size() == 3) cp = ((c0 & 0x0Fu) << 12) | (b(1) << 6) | b(2);
  if (ch.size() == 4) cp = ((c0 & 0x07u) << 18) | (b(1) << 12) | (b(2) << 6) | b(3);
  const auto in = [&](uint32_t lo, uint32_t hi) { return cp >= lo && cp <= hi; };
  return cp < 0x80 || (in(0xA0, 0xBF) && cp != 0xB5) || in(0x2000, 0x206F) || in(0x2E80, 0x9FFF) ||
         in(0xAC00, 0xD7AF) || in(0xF900, 0xFAFF) || in(0xFE30, 0xFE4F) || in(0xFF00, 0xFF20) ||
         in(0xFF3B, 0xFF40) || in(0xFF5B, 0xFFEF) || in(0x20000, 0x3FFFF);
}

// Whether every character of `s` is Requirable.
bool AllRequirable(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = std::min(CharLength(static_cast<unsigned char>(s[i])), s.size() - i);
    if (!Requirable(s.substr(i, n))) return false;
    i += n;
  }
  return true;
}

class Parser {
 public:
  Parser(std::string_view s, int min_atom_length) : s_(s), min_(min_atom_length) {}

  LiteralFormula Run() {
    Info top = Alternation();
    if (failed_ || i_ != s_.size()) return LiteralFormula{};
    return ToFormula(std::move(top));
  }

 private:
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek(size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }

  Info Fail() {
    failed_ = true;
    return Anything();
  }

  // The requirement of `info`: the OR of its strings where exact (a string
  // holding a shorter one of the set adds nothing to the OR), "all" when one
  // of them is too short to look for.
  LiteralFormula ToFormula(Info info) const {
    if (!info.exact) return std::move(info.match);
    std::vector<LiteralFormula> atoms;
    for (const std::string& s : info.strings) {
      if (s.size() < static_cast<size_t>(min_)) return LiteralFormula{};
    }
    for (const std::string& s : info.strings) {
      const bool redundant =
          std::any_of(info.strings.begin(), info.strings.end(), [&](const std::string& t) {
            return t.size() < s.size() && s.find(t) != std::string::npos;
          });
      if (!redundant) atoms.push_back(AtomFormula(s));
    }
    return Combine(Op::kOr, std::move(atoms));
  }

  Info Alternation() {
    std::vector<Info> branches;
    branches.reserve(4);
    branches.push_back(Concat());
    while (!failed_ && Peek() == '|') {
      ++i_;
      branches.push_back(Concat());
    }
    if (failed_) return Anything();
    if (branches.size() == 1) return std::move(branches.front());
    std::vector<std::string> all;
    bool exact = true;
    for (const Info& b : branches) {
      exact = exact && b.exact;
      if (exact) all.insert(all.end(), b.strings.begin(), b.strings.end());
    }
    if (exact) {
      Info u = Exact(std::move(all));
      if (u.strings.size() <= kMaxExact) return u;
    }
    std::vector<LiteralFormula> ors;
    for (Info& b : branches) ors.push_back(ToFormula(std::move(b)));
    return Match(Combine(Op::kOr, std::move(ors)));
  }

  Info Concat() {
    std::vector<LiteralFormula> terms;
    std::vector<std::string> cur{""};
    while (!failed_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      // The common case first, without building an Info: a literal
      // character that no repetition follows.
      if (const size_t n = PlainLiteral(); n > 0) {
        for (std::string& a : cur) {
          for (size_t k = 0; k < n; ++k) a += Fold(s_[i_ + k]);
        }
        i_ += n;
        continue;
      }
      Info x = Repeat();
      if (failed_) return Anything();
      if (x.exact && x.strings.size() == 1) {  // distinct strings stay distinct
        for (std::string& a : cur) a += x.strings.front();
      } else if (x.exact && cur.size() * x.strings.size() <= kMaxExact) {
        std::vector<std::string> next;
        for (const std::string& a : cur) {
          for (const std::string& b : x.strings) next.push_back(a + b);
        }
        cur = Exact(std::move(next)).strings;
      } else if (x.exact) {
        terms.push_back(ToFormula(Exact(std::move(cur))));
        cur = std::move(x.strings);
      } else {
        terms.push_back(ToFormula(Exact(std::move(cur))));
        cur = {""};
        terms.push_back(std::move(x.match));
      }
    }
    if (terms.empty()) return Exact(std::move(cur));
    terms.push_back(ToFormula(Exact(std::move(cur))));
    return Match(Combine(Op::kAnd, std::move(terms)));
  }

  // The length of the literal character at i_ if no repetition follows it,
  // else 0.
  size_t PlainLiteral() const {
    const char c = Peek();
    if (std::string_view("()[]\\.^$*+?|{").find(c) != std::string_view::npos) return 0;
    const size_t n = CharLength(static_cast<unsigned char>(c));
    if (i_ + n > s_.size() || !Requirable(s_.substr(i_, n))) return 0;
    const char next = Peek(n);
    if (next == '*' || next == '+' || next == '?' || next == '{') return 0;
    return n;
  }

  // Reads {m}, {m,} or {m,n} at i_; false (i_ unchanged) if it is not one,
  // in which case RE2 takes the brace as a literal.
  bool Counted(int* lo, int* hi) {
    size_t j = i_ + 1;
    auto number = [&](int* out) {
      long v = 0;
      if (!ReadRepeatCount(s_, &j, &v)) return false;
      *out = static_cast<int>(std::min<long>(v, 100000));
      return true;
    };
    if (!number(lo)) return false;
    if (j < s_.size() && s_[j] == '}') {
      *hi = *lo;
    } else if (j < s_.size() && s_[j] == ',') {
      ++j;
      if (j < s_.size() && s_[j] == '}') {
        *hi = -1;
      } else if (!number(hi) || j >= s_.size() || s_[j] != '}') {
        return false;
      }
    } else {
      return false;
    }
    i_ = j + 1;
    return true;
  }

  Info Optional(Info x) const {
    if (!x.exact || x.strings.size() + 1 > kMaxExact) return Anything();
    x.strings.push_back("");
    return Exact(std::move(x.strings));
  }

  Info Repeat() {
    Info x = Atom();
    if (failed_) return x;
    int lo = 0, hi = 0;
    const char c = Peek();
    if (c == '*') {
      ++i_;
      x = Anything();
    } else if (c == '+') {
      ++i_;
      x = Match(ToFormula(std::move(x)));
    } else if (c == '?') {
      ++i_;
      x = Optional(std::move(x));
    } else if (c == '{' && Counted(&lo, &hi)) {
      if (lo == 0) {
        x = hi == 1 ? Optional(std::move(x)) : Anything();
      } else if (!(lo == 1 && hi == 1)) {
        x = Match(ToFormula(std::move(x)));
      }
    } else {
      return x;
    }
    if (Peek() == '?') ++i_;  // non-greedy: the same texts
    return x;
  }

  Info Atom() {
    const char c = Peek();
    switch (c) {
      case '(': return Group();
      case '[': return Class();
      case '\\': return Escape();
      case '.': ++i_; return Anything();
      case '^':
      case '$': ++i_; return One("");
      case '*':
      case '+':
      case '?':
      case ')':
      case '|': return Fail();  // RE2 refuses these here
      default: {
        const size_t n = CharLength(static_cast<unsigned char>(c));
        if (i_ + n > s_.size()) return Fail();
        const std::string_view ch = s_.substr(i_, n);
        i_ += n;
        if (!Requirable(ch)) return Anything();
        return One(Fold(ch));
      }
    }
  }

  Info Group() {
    ++i_;  // '('
    if (Peek() == '?') {
      ++i_;
      if (Peek() == 'P' || Peek() == '<') {  // (?P<name>re), (?<name>re)
        const size_t close = s_.find('>', i_);
        if (close == std::string_view::npos) return Fail();
        i_ = close + 1;
      } else {
        while (!AtEnd() && std::string_view("imsU-").find(Peek()) != std::string_view::npos) ++i_;
        if (Peek() == ')') {  // flags only: they change no literal's requirement
          ++i_;
          // RE2 applies a repetition after flags to what precedes them
          // ("a(?)?b" is "a?b"): not read here (fuzz_literals found it).
          const char next = Peek();
          if (next == '*' || next == '+' || next == '?' || next == '{') return Fail();
          return One("");
        }
        if (Peek() != ':') return Fail();
        ++i_;
      }
    }
    Info inner = Alternation();
    if (failed_ || Peek() != ')') return Fail();
    ++i_;
    return inner;
  }

  // An escape at i_ (a backslash); *text gets its character when it stands
  // for one, *anything is set when it stands for a class or a code point
  // this does not decode, and *empty for an assertion. False for an escape
  // this does not know.
  bool ReadEscape(std::string* text, bool* anything, bool* empty) {
    *anything = false;
    *empty = false;
    text->clear();
    const char e = Peek(1);
    if (e == '\0') return false;
    i_ += 2;
    switch (e) {
      case 'b':
      case 'B':
      case 'A':
      case 'z': *empty = true; return true;
      case 'n': *text = "\n"; return true;
      case 't': *text = "\t"; return true;
      case 'r': *text = "\r"; return true;
      case 'f': *text = "\f"; return true;
      case 'v': *text = "\v"; return true;
      case 'a': *text = "\a"; return true;
      case 'd':
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W':
      case 'C': *anything = true; return true;
      case 'p':
      case 'P':
      case 'x':
        *anything = true;
        if (Peek() == '{') {
          const size_t close = s_.find('}', i_);
          if (close == std::string_view::npos) return false;
          i_ = close + 1;
        } else if (e == 'x') {
          i_ += 2;
        } else {
          i_ += CharLength(static_cast<unsigned char>(Peek()));
        }
        return i_ <= s_.size();
      default:
        if (e >= '0' && e <= '7') {  // octal, up to three digits
          *anything = true;
          for (int k = 0; k < 2 && Peek() >= '0' && Peek() <= '7'; ++k) ++i_;
          return true;
        }
        if (IsAsciiPunct(e)) {
          *text = std::string(1, e);
          return true;
        }
        return false;
    }
  }

  Info Escape() {
    if (Peek(1) == 'Q') {  // \Q...\E: literal text up to \E or the end
      const size_t start = i_ + 2;
      const size_t end = s_.find("\\E", start);
      const std::string_view lit =
          s_.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      i_ = end == std::string_view::npos ? s_.size() : end + 2;
      if (!AllRequirable(lit)) return Anything();
      return One(Fold(lit));
    }
    std::string text;
    bool anything = false, empty = false;
    if (!ReadEscape(&text, &anything, &empty)) return Fail();
    if (anything) return Anything();
    if (empty) return One("");
    return One(Fold(text));
  }

  // One member of a class at i_: a character (in *text) or something this
  // does not enumerate (*anything). False on unknown syntax.
  bool ClassMember(std::string* text, bool* anything) {
    *anything = false;
    if (Peek() == '[' && Peek(1) == ':') {  // [:alpha:]
      const size_t close = s_.find(":]", i_ + 2);
      if (close == std::string_view::npos) return false;
      i_ = close + 2;
      *anything = true;
      return true;
    }
    if (Peek() == '\\') {
      bool empty = false;
      if (Peek(1) == 'Q' || !ReadEscape(text, anything, &empty) || empty) return false;
      return true;
    }
    const size_t n = CharLength(static_cast<unsigned char>(Peek()));
    if (i_ + n > s_.size()) return false;
    *text = std::string(s_.substr(i_, n));
    i_ += n;
    return true;
  }

  Info Class() {
    ++i_;  // '['
    bool negated = false;
    if (Peek() == '^') {
      negated = true;
      ++i_;
    }
    bool anything = negated;
    std::vector<std::string> members;
    bool first = true;
    while (true) {
      if (AtEnd()) return Fail();
      if (Peek() == ']' && !first) break;
      first = false;
      std::string lo;
      bool wide = false;
      if (!ClassMember(&lo, &wide)) return Fail();
      if (Peek() == '-' && Peek(1) != ']' && Peek(1) != '\0') {
        ++i_;
        std::string hi;
        bool wide_hi = false;
        if (!ClassMember(&hi, &wide_hi)) return Fail();
        if (wide || wide_hi || lo.size() != 1 || hi.size() != 1 ||
            static_cast<unsigned char>(hi[0]) - static_cast<unsigned char>(lo[0]) >= 26) {
          anything = true;
        } else {
          for (int ch = static_cast<unsigned char>(lo[0]); ch <= static_cast<unsigned char>(hi[0]);
               ++ch) {
            members.push_back(std::string(1, Fold(static_cast<char>(ch))));
          }
        }
        continue;
      }
      if (wide || !Requirable(lo)) {
        anything = true;
      } else {
        members.push_back(Fold(lo));
      }
    }
    ++i_;  // ']'
    if (anything) return Anything();
    Info x = Exact(std::move(members));
    if (x.strings.empty() || x.strings.size() > kMaxClass) return Anything();
    return x;
  }

  std::string_view s_;
  int min_;
  size_t i_ = 0;
  bool failed_ = false;
};

void Write(const LiteralFormula& f, bool nested, std::string* out) {
  switch (f.op) {
    case Op::kAll: *out += "all"; return;
    case Op::kAtom: *out += f.atom; return;
    case Op::kAnd:
    case Op::kOr: {
      if (nested) *out += '(';
      for (size_t k = 0; k < f.kids.size(); ++k) {
        if (k > 0) *out += f.op == Op::kAnd ? " AND " : " OR ";
        Write(f.kids[k], true, out);
      }
      if (nested) *out += ')';
      return;
    }
  }
}

}  // namespace

std::string LiteralFormula::ToString() const {
  std::string out;
  Write(*this, false, &out);
  return out;
}

LiteralFormula RequiredLiterals(std::string_view pattern, int min_atom_length) {
  return Parser(pattern, min_atom_length).Run();
}

namespace {

// WithoutAtoms, moving what it keeps; *changed tells whether anything was
// dropped below, so that an unchanged AND or OR is kept as it is rather
// than simplified again (Combine compares its kids with each other).
LiteralFormula Without(LiteralFormula f, const std::function<bool(std::string_view)>& drop,
                       bool* changed) {
  switch (f.op) {
    case Op::kAll: return f;
    case Op::kAtom:
      if (!drop(f.atom)) return f;
      *changed = true;
      return LiteralFormula{};
    case Op::kAnd:
    case Op::kOr: {
      bool below = false;
      for (LiteralFormula& k : f.kids) k = Without(std::move(k), drop, &below);
      if (!below) return f;
      *changed = true;
      return Combine(f.op, std::move(f.kids));
    }
  }
  return f;
}

}  // namespace

LiteralFormula WithoutAtoms(LiteralFormula f, const std::function<bool(std::string_view)>& drop) {
  bool changed = false;
  return Without(std::move(f), drop, &changed);
}

AtomScanner::AtomScanner() : heads_(1, -1), atom_of_(1, -1) {
  for (int& n : root_next_) n = 0;
  for (unsigned char& c : class_) c = 0;
}

int AtomScanner::Add(std::string_view atom) {
  int node = 0;
  for (char raw : atom) {
    const unsigned char c = static_cast<unsigned char>(Fold(raw));
    // The root has most of the edges (every first byte): its table is kept
    // while building too, so an Add does not search its edge list.
    int next = -1;
    if (node == 0) {
      if (root_next_[c] != 0) next = root_next_[c];
    } else {
      for (int k = heads_[node]; k >= 0; k = building_[k].next) {
        if (building_[k].byte == c) {
          next = building_[k].to;
          break;
        }
      }
    }
    if (next < 0) {
      next = static_cast<int>(heads_.size());
      building_.push_back({c, next, heads_[node]});
      heads_[node] = static_cast<int>(building_.size()) - 1;
      if (node == 0) root_next_[c] = next;
      heads_.push_back(-1);
      atom_of_.push_back(-1);
    }
    node = next;
  }
  if (atom_of_[node] < 0) atom_of_[node] = atoms_++;
  return atom_of_[node];
}

void AtomScanner::SetRootSkip() {
  for (int c = 0; c < 256; ++c) {
    const int folded = c >= 'A' && c <= 'Z' ? (c | 0x20) : c;
    // KELVIN SIGN and LONG S, which fold onto letters, start with E2 and C5.
    root_skip_[c] = class_[folded] == 0 && c != 0xE2 && c != 0xC5;
  }
}

void AtomScanner::Compile(size_t dense_entries, size_t full_entries) {
  const size_t nodes = heads_.size();
  nodes_.assign(nodes, Node{});
  edges_.reserve(building_.size());
  for (size_t u = 0; u < nodes; ++u) {
    Node& n = nodes_[u];
    n.atom = atom_of_[u];
    n.edges_begin = static_cast<int>(edges_.size());
    for (int k = heads_[u]; k >= 0; k = building_[k].next) {
      edges_.push_back({building_[k].byte, building_[k].to});
      class_[building_[k].byte] = 1;  // marked; numbered below
    }
    n.edges_end = static_cast<int>(edges_.size());
    std::sort(edges_.begin() + n.edges_begin, edges_.end(),
              [](const Edge& x, const Edge& y) { return x.byte < y.byte; });
  }
  classes_ = 1;
  for (unsigned char& c : class_) {
    if (c != 0) c = static_cast<unsigned char>(classes_++);
  }
  SetRootSkip();
  std::vector<BuildEdge>().swap(building_);
  std::vector<int>().swap(heads_);
  std::vector<int>().swap(atom_of_);

  if (nodes <= kMaxFullRows && nodes * static_cast<size_t>(classes_) <= full_entries) {
    CompileFull();
    return;
  }

  // Breadth first: a node's fail link is the longest proper suffix of its
  // path that is a path of the trie, found from its parent's fail link; a
  // node's row (the first nodes in this order get one, the root always) is
  // its own edges over its fail link's row. Both only look at shallower
  // nodes, done before it.
  const size_t rows =
      std::min(nodes, std::max<size_t>(1, dense_entries / static_cast<size_t>(classes_)));
  dense_.assign(rows * static_cast<size_t>(classes_), 0);
  nodes_at_ = nodes_.data();
  edges_at_ = edges_.data();
  dense_at_ = dense_.data();
  node_count_ = nodes;
  edge_count_ = edges_.size();
  dense_rows_ = rows;
  std::vector<int> queue(1, 0);
  queue.reserve(nodes);
  for (size_t q = 0; q < queue.size(); ++q) {
    const int u = queue[q];
    Node& un = nodes_[u];
    un.output = un.atom >= 0 ? u : nodes_[un.fail].output;  // the root: its own -1
    if (q < rows) {
      un.row = static_cast<int>(q);
      int* row = dense_.data() + q * static_cast<size_t>(classes_);
      if (u != 0) {
        const int* fail_row = dense_.data() + static_cast<size_t>(nodes_[un.fail].row) * classes_;
        std::copy(fail_row, fail_row + classes_, row);
      }
      for (int k = un.edges_begin; k < un.edges_end; ++k)
        row[class_[edges_[k].byte]] = edges_[k].to;
    }
    for (int k = un.edges_begin; k < un.edges_end; ++k) {
      const Edge e = edges_[k];
      nodes_[e.to].fail = u == 0 ? 0 : Next(un.fail, static_cast<unsigned char>(e.byte));
      queue.push_back(e.to);
    }
  }
}

void AtomScanner::CompileFull() {
  // The same breadth-first walk, in rows: a node's row is its number in that
  // order, given when it is queued, and so are its fail row (the entry of
  // its parent's fail row for its byte) and whether atoms end there (its own
  // or its fail row's: a fail row is shallower, queued before it). So each
  // entry is written once, flag and all, in its 16-bit form.
  const size_t nodes = nodes_.size();
  const size_t classes = static_cast<size_t>(classes_);
  // Every row is written whole (the root's below, the others from their
  // fail rows) before it is read: no zero fill of the table first.
  full_ = std::make_unique_for_overwrite<uint16_t[]>(nodes * classes);
  std::fill(full_.get(), full_.get() + classes, 0);
  row_atom_.assign(nodes, -1);
  row_first_.assign(nodes, -1);
  row_next_.assign(nodes, -1);
  std::vector<int> node_of_row(1, 0);  // the queue
  node_of_row.reserve(nodes);
  std::vector<uint16_t> fail_row(nodes, 0);
  for (size_t r = 0; r < node_of_row.size(); ++r) {
    const Node& n = nodes_[static_cast<size_t>(node_of_row[r])];
    uint16_t* row = full_.get() + r * classes;
    const size_t fail = fail_row[r];
    if (r != 0) std::copy(full_.get() + fail * classes, full_.get() + (fail + 1) * classes, row);
    for (int k = n.edges_begin; k < n.edges_end; ++k) {
      const Edge e = edges_[static_cast<size_t>(k)];
      const size_t child = node_of_row.size();
      node_of_row.push_back(e.to);
      const size_t child_fail =
          r == 0 ? 0 : full_[fail * classes + class_[e.byte]] & static_cast<uint16_t>(kEnds - 1);
      fail_row[child] = static_cast<uint16_t>(child_fail);
      const int atom = nodes_[static_cast<size_t>(e.to)].atom;
      row_atom_[child] = atom;
      if (atom >= 0) {
        row_first_[child] = static_cast<int>(child);
        row_next_[child] = row_first_[child_fail];
      } else {
        row_first_[child] = row_first_[child_fail];
      }
      row[class_[e.byte]] = static_cast<uint16_t>(child | (row_first_[child] >= 0 ? kEnds : 0));
    }
  }
  std::vector<Node>().swap(nodes_);
  std::vector<Edge>().swap(edges_);
  rows_ = nodes;
  table_ = full_.get();
  row_atom_at_ = row_atom_.data();
  row_first_at_ = row_first_.data();
  row_next_at_ = row_next_.data();
}

namespace {

// The packed automaton (AtomScanner::Pack): a header of 32-bit numbers and
// the byte classes, then its arrays, each at a 4-byte boundary of the
// bytes. A full DFA ("CCS1"): the row arrays (32-bit), then the table
// (16-bit). The form with fail links ("CCS2"): the nodes (six 32-bit
// numbers each), the edges (two each), then the dense rows (32-bit).
constexpr uint32_t kPackedScannerMagic = 0x31534343;  // "CCS1"
constexpr uint32_t kPackedLinksMagic = 0x32534343;    // "CCS2"
struct PackedScannerHeader {
  uint32_t magic, atoms, classes, rows;
  unsigned char classes_of[256];
};
static_assert(sizeof(PackedScannerHeader) % 4 == 0);
struct PackedLinksHeader {
  uint32_t magic, atoms, classes, nodes, edges, dense_rows;
  unsigned char classes_of[256];
};
static_assert(sizeof(PackedLinksHeader) % 4 == 0);

template <typename T>
void AppendRaw(std::string* out, const T* data, size_t n) {
  out->append(reinterpret_cast<const char*>(data), n * sizeof(T));
}

}  // namespace

std::string AtomScanner::Pack() const {
  std::string out;
  if (table_ != nullptr) {
    PackedScannerHeader h{};
    h.magic = kPackedScannerMagic;
    h.atoms = static_cast<uint32_t>(atoms_);
    h.classes = static_cast<uint32_t>(classes_);
    h.rows = static_cast<uint32_t>(rows_);
    std::copy(std::begin(class_), std::end(class_), h.classes_of);
    AppendRaw(&out, &h, 1);
    AppendRaw(&out, row_atom_at_, rows_);
    AppendRaw(&out, row_first_at_, rows_);
    AppendRaw(&out, row_next_at_, rows_);
    AppendRaw(&out, table_, rows_ * static_cast<size_t>(classes_));
  } else if (nodes_at_ != nullptr) {
    PackedLinksHeader h{};
    h.magic = kPackedLinksMagic;
    h.atoms = static_cast<uint32_t>(atoms_);
    h.classes = static_cast<uint32_t>(classes_);
    h.nodes = static_cast<uint32_t>(node_count_);
    h.edges = static_cast<uint32_t>(edge_count_);
    h.dense_rows = static_cast<uint32_t>(dense_rows_);
    std::copy(std::begin(class_), std::end(class_), h.classes_of);
    AppendRaw(&out, &h, 1);
    AppendRaw(&out, nodes_at_, node_count_);
    AppendRaw(&out, edges_at_, edge_count_);
    AppendRaw(&out, dense_at_, dense_rows_ * static_cast<size_t>(classes_));
  }
  return out;
}

bool AtomScanner::Unpack(std::string_view bytes, bool trusted) {
  uint32_t magic = 0;
  if (bytes.size() < sizeof magic || reinterpret_cast<uintptr_t>(bytes.data()) % 4 != 0) {
    return false;
  }
  std::memcpy(&magic, bytes.data(), sizeof magic);
  if (magic == kPackedLinksMagic) return UnpackLinks(bytes, trusted);
  PackedScannerHeader h;
  if (bytes.size() < sizeof h) return false;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (h.magic != kPackedScannerMagic || h.classes == 0 || h.classes > 256 || h.rows == 0 ||
      h.rows > kMaxFullRows || h.atoms >= (uint32_t{1} << 30)) {
    return false;
  }
  const size_t rows = h.rows, classes = h.classes;
  if (bytes.size() != sizeof h + 3 * rows * sizeof(int) + rows * classes * sizeof(uint16_t)) {
    return false;
  }
  if (std::any_of(std::begin(h.classes_of), std::end(h.classes_of),
                  [&](unsigned char c) { return c >= classes; })) {
    return false;
  }
  const int* const ints = reinterpret_cast<const int*>(bytes.data() + sizeof h);
  const int atoms = static_cast<int>(h.atoms);
  const auto in = [](int v, size_t n) { return v >= -1 && v < static_cast<long>(n); };
  for (size_t r = 0; !trusted && r < rows; ++r) {
    if (!in(ints[r], static_cast<size_t>(atoms)) || !in(ints[rows + r], rows) ||
        !in(ints[2 * rows + r], rows)) {
      return false;
    }
  }
  atoms_ = atoms;
  classes_ = static_cast<int>(classes);
  std::copy(std::begin(h.classes_of), std::end(h.classes_of), class_);
  SetRootSkip();
  rows_ = rows;
  row_atom_at_ = ints;
  row_first_at_ = ints + rows;
  row_next_at_ = ints + 2 * rows;
  table_ = reinterpret_cast<const uint16_t*>(ints + 3 * rows);
  std::vector<BuildEdge>().swap(building_);
  std::vector<int>().swap(heads_);
  std::vector<int>().swap(atom_of_);
  return true;
}

bool AtomScanner::LinksHold(size_t atoms, size_t classes, const unsigned char* classes_of,
                            const Node* node, size_t nodes, const Edge* edge, size_t edges,
                            const int* dense, size_t rows) {
  const auto in = [](long v, size_t n) { return v >= 0 && v < static_cast<long>(n); };
  // Every number in range; the root has a row (row 0), so a walk along fail
  // links stops at the first node with one.
  if (node[0].row != 0 || node[0].atom != -1 || node[0].fail != 0) return false;
  for (size_t u = 0; u < nodes; ++u) {
    const Node& n = node[u];
    if (!in(n.fail, nodes) || (n.output != -1 && !in(n.output, nodes)) ||
        (n.atom != -1 && !in(n.atom, atoms)) || (n.row != -1 && !in(n.row, rows)) ||
        n.edges_begin < 0 || n.edges_begin > n.edges_end ||
        static_cast<size_t>(n.edges_end) > edges) {
      return false;
    }
    for (int k = n.edges_begin; k < n.edges_end; ++k) {
      if (!in(edge[k].byte, 256) || classes_of[edge[k].byte] == 0 || !in(edge[k].to, nodes) ||
          (k > n.edges_begin && edge[k - 1].byte >= edge[k].byte)) {
        return false;
      }
    }
  }
  for (size_t i = 0; i < rows * classes; ++i) {
    if (!in(dense[i], nodes)) return false;
  }
  // Every fail chain reaches the root without a cycle (so Next's walk,
  // which stops at the first node with a row, ends), and every output is
  // its definition: the node itself where an atom ends there, else its fail
  // node's output, the root's -1 (so Scan's walk along outputs follows a
  // fail chain, and ends). Each node is checked once.
  std::vector<char> checked(nodes, 0);
  std::vector<size_t> walk;
  for (size_t u = 0; u < nodes; ++u) {
    for (size_t v = u; checked[v] == 0; v = static_cast<size_t>(node[v].fail)) {
      walk.push_back(v);
      if (v == 0) break;
      if (walk.size() > nodes) return false;  // a cycle
    }
    for (auto it = walk.rbegin(); it != walk.rend(); ++it) {
      const size_t w = *it;
      const int want = node[w].atom >= 0 ? static_cast<int>(w)
                       : w == 0          ? -1
                                         : node[node[w].fail].output;
      if (node[w].output != want) return false;
      checked[w] = 1;
    }
    walk.clear();
  }
  return true;
}

bool AtomScanner::UnpackLinks(std::string_view bytes, bool trusted) {
  PackedLinksHeader h;
  if (bytes.size() < sizeof h) return false;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (h.classes == 0 || h.classes > 256 || h.nodes == 0 || h.nodes >= (uint32_t{1} << 30) ||
      h.edges >= h.nodes || h.dense_rows == 0 || h.dense_rows > h.nodes ||
      h.atoms >= (uint32_t{1} << 30)) {
    return false;
  }
  const size_t nodes = h.nodes, edges = h.edges, rows = h.dense_rows, classes = h.classes;
  if (bytes.size() !=
      sizeof h + nodes * sizeof(Node) + edges * sizeof(Edge) + rows * classes * sizeof(int)) {
    return false;
  }
  if (std::any_of(std::begin(h.classes_of), std::end(h.classes_of),
                  [&](unsigned char c) { return c >= classes; })) {
    return false;
  }
  const Node* const node = reinterpret_cast<const Node*>(bytes.data() + sizeof h);
  const Edge* const edge = reinterpret_cast<const Edge*>(node + nodes);
  const int* const dense = reinterpret_cast<const int*>(edge + edges);
  if (!trusted &&
      !LinksHold(h.atoms, classes, h.classes_of, node, nodes, edge, edges, dense, rows)) {
    return false;
  }
  atoms_ = static_cast<int>(h.atoms);
  classes_ = static_cast<int>(classes);
  std::copy(std::begin(h.classes_of), std::end(h.classes_of), class_);
  SetRootSkip();
  nodes_at_ = node;
  edges_at_ = edge;
  dense_at_ = dense;
  node_count_ = nodes;
  edge_count_ = edges;
  dense_rows_ = rows;
  std::vector<BuildEdge>().swap(building_);
  std::vector<int>().swap(heads_);
  std::vector<int>().swap(atom_of_);
  return true;
}

int AtomScanner::Next(int node, unsigned char c) const {
  const int column = class_[c];
  if (column == 0) return 0;  // in no atom: back to the root
  for (;;) {
    const Node& n = nodes_at_[node];
    if (n.row >= 0)
      return dense_at_[static_cast<size_t>(n.row) * static_cast<size_t>(classes_) + column];
    const Edge* e = edges_at_ + n.edges_begin;
    const Edge* const end = edges_at_ + n.edges_end;
    if (end - e > 8) {  // else a few compares beat a binary search
      e = std::lower_bound(e, end, c, [](const Edge& x, int b) { return x.byte < b; });
    } else {
      while (e != end && e->byte < c) ++e;
    }
    if (e != end && e->byte == c) return e->to;
    node = n.fail;
  }
}

namespace {

// The byte at p[*i], folded as (?i) folds it onto an atom's bytes, and *i
// moved past it (past all of KELVIN SIGN or LONG S).
inline unsigned char FoldedByte(const unsigned char* p, size_t n, size_t* i) {
  unsigned char c = p[*i];
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    ++*i;
  } else if (c == 0xE2 && *i + 2 < n && p[*i + 1] == 0x84 && p[*i + 2] == 0xAA) {  // KELVIN SIGN
    c = 'k';
    *i += 3;
  } else if (c == 0xC5 && *i + 1 < n && p[*i + 1] == 0xBF) {  // LONG S
    c = 's';
    *i += 2;
  } else {
    ++*i;
  }
  return c;
}

}  // namespace

void AtomScanner::Scan(std::string_view text, std::vector<int>* found) const {
  found->clear();
  if (atoms_ == 0) return;
  // Which atoms were found: zero between calls (reset from *found before
  // returning), kept per thread to spare an allocation per call.
  thread_local std::vector<char> seen;
  if (seen.size() < static_cast<size_t>(atoms_)) seen.resize(static_cast<size_t>(atoms_), 0);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // The atoms ending at a position: along an output chain, the first atom
  // already found means the rest of the chain was found with it.
  const auto newly_found = [&](int atom) {
    if (seen[static_cast<size_t>(atom)] != 0) return false;
    seen[static_cast<size_t>(atom)] = 1;
    found->push_back(atom);
    return true;
  };
  // At the root, a byte that folds to none in an atom leads back to the
  // root: such runs (text in a script no atom is in, spaces, digits) are
  // skipped a byte a step (root_skip_).
  const auto skip_from_root = [&](size_t i) {
    while (i < n && root_skip_[p[i]]) ++i;
    return i;
  };
  if (table_ != nullptr) {
    const uint16_t* const table = table_;
    const size_t classes = static_cast<size_t>(classes_);
    size_t row = 0;
    for (size_t i = 0; i < n;) {
      if (row == 0) {
        i = skip_from_root(i);
        if (i == n) break;
      }
      const uint16_t entry = table[row * classes + class_[FoldedByte(p, n, &i)]];
      row = entry & (kEnds - 1);
      if ((entry & kEnds) == 0) continue;
      for (int o = row_first_at_[row]; o >= 0; o = row_next_at_[static_cast<size_t>(o)]) {
        if (!newly_found(row_atom_at_[static_cast<size_t>(o)])) break;
      }
    }
  } else {
    int state = 0;
    for (size_t i = 0; i < n;) {
      if (state == 0) {
        i = skip_from_root(i);
        if (i == n) break;
      }
      state = Next(state, FoldedByte(p, n, &i));
      for (int o = nodes_at_[state].output; o >= 0; o = nodes_at_[nodes_at_[o].fail].output) {
        if (!newly_found(nodes_at_[o].atom)) break;
      }
    }
  }
  for (int atom : *found) seen[atom] = 0;
}

}  // namespace clausecheck::analyzer
