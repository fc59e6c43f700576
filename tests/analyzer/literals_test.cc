#include "analyzer/literals.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/candidates.h"

namespace clausecheck::analyzer {
namespace {

std::string F(const std::string& pattern) { return RequiredLiterals(pattern).ToString(); }

TEST(RequiredLiterals, ALiteralIsRequiredLowercased) {
  EXPECT_EQ(F("Notice"), "notice");
  EXPECT_EQ(F(R"((?i)\bgoverning\s+law\b)"), "governing AND law");
  EXPECT_EQ(F("违约金"), "违约金");
  EXPECT_EQ(F(R"(\QA.B\E and)"), "a.b and");
}

TEST(RequiredLiterals, AlternativesAndShortStrings) {
  EXPECT_EQ(F("(?i)liabilit(?:y|ies)"), "liabilities OR liability");
  // "or" is shorter than an atom: the OR cannot be required.
  EXPECT_EQ(F("(?:or|and)"), "all");
  EXPECT_EQ(F(R"((?i)\b(?:terminat\w*|cancel)\b[^.]*notice)"), "(terminat OR cancel) AND notice");
  // A string holding a shorter alternative adds nothing to the OR.
  EXPECT_EQ(F("(?:fees?|feedback)"), "fee");
  EXPECT_EQ(F("a(?:bcd|xyz)|zzz"), "abcd OR axyz OR zzz");
  EXPECT_EQ(F("a(?:bc|x)|zzz"), "all");  // "ax" is too short
}

TEST(RequiredLiterals, RepetitionsRequireWhatTheyMust) {
  EXPECT_EQ(F("(?:shall)+ pay"), "shall AND  pay");
  EXPECT_EQ(F("(?:shall)* pay"), " pay");
  EXPECT_EQ(F("colou?r"), "color OR colour");
  EXPECT_EQ(F("(?:net ){1,3}thirty"), "net  AND thirty");
  EXPECT_EQ(F("(?:net ){0,3}thirty"), "thirty");
  EXPECT_EQ(F(R"(\bcap\b[^.\n]{0,200}\bliability)"), "cap AND liability");
  EXPECT_EQ(F("x{2,}?yz"), "all");  // "x" and "yz" are too short
  EXPECT_EQ(F("abc{"), "abc{");     // a brace that is no repetition is literal
}

TEST(RequiredLiterals, ClassesOfAFewCharacters) {
  EXPECT_EQ(F("[Tt]erm"), "term");
  EXPECT_EQ(F("pay[- ]as"), "pay as OR pay-as");
  EXPECT_EQ(F("[a-z]+ment"), "ment");
  EXPECT_EQ(F(R"([^.]*days)"), "days");
  EXPECT_EQ(F(R"([\d,]+ dollars)"), " dollars");
  EXPECT_EQ(F("[[:alpha:]]ab"), "all");
  EXPECT_EQ(F(R"([一-龥]+合同)"), "合同");
}

TEST(RequiredLiterals, GroupsAndFlags) {
  EXPECT_EQ(F("(?P<n>abc)def"), "abcdef");
  EXPECT_EQ(F("(?i:abc)(?-i)def"), "abcdef");
  EXPECT_EQ(F(R"(^\s*(?:Section|Article)\s+\d+)"), "article OR section");
  EXPECT_EQ(F(R"((?s)a.b\.c)"), "b.c");
}

// RE2 applies a repetition after a flags-only group to what precedes the
// group: "abc(?)?def" is "abc?def", and "(?:永久|不可撤销)(?)?..." makes the
// group optional. fuzz_literals found the second (RE2 matched "撤销...许可"
// where the formula required 永久 or 不可撤销); such a pattern requires
// nothing here.
TEST(RequiredLiterals, ARepetitionAfterFlagsRequiresNothing) {
  EXPECT_EQ(F("abc(?)?def"), "all");
  EXPECT_EQ(F("abc(?i)*def"), "all");
  EXPECT_EQ(F("abc(?i){2}def"), "all");
  EXPECT_EQ(F("abc(?i)def"), "abcdef");  // flags without a repetition: as before
  const std::string pattern = "(?:永久|不可撤销|无期限)(?)?[^。；\\n]*(?:许可|使用权|授权)";
  const std::string text = "第二条 \xe8\xaf撤销的使用+许可。";
  ASSERT_TRUE(RE2::PartialMatch(text, RE2(pattern)));
  EXPECT_EQ(RequiredLiterals(pattern).ToString(), "all");
  CandidateFilter f;
  const int i = f.Add(pattern);
  f.Compile();
  std::vector<int> c;
  f.Candidates(text, &c);
  EXPECT_EQ(c, std::vector<int>{i});
  EXPECT_TRUE(f.Matches(i, text));
}

TEST(RequiredLiterals, SyntaxItDoesNotReadRequiresNothing) {
  EXPECT_EQ(F("abc)"), "all");  // unbalanced
  EXPECT_EQ(F("(?#x)abc"), "all");
  EXPECT_EQ(F(R"(\pL{3}abc)"), "abc");
  EXPECT_EQ(F(R"(\x{41}bcd)"), "bcd");
}

}  // namespace
}  // namespace clausecheck::analyzer

namespace clausecheck::analyzer {
namespace {

std::vector<int> Found(const AtomScanner& s, std::string_view text) {
  std::vector<int> found;
  s.Scan(text, &found);
  std::sort(found.begin(), found.end());
  return found;
}

TEST(AtomScanner, FindsEveryAtomOnceWhereverItEnds) {
  AtomScanner s;
  const int he = s.Add("he");
  const int she = s.Add("she");
  const int his = s.Add("his");
  const int hers = s.Add("hers");
  EXPECT_EQ(s.Add("she"), she);  // once
  s.Compile();
  EXPECT_EQ(s.size(), 4);
  EXPECT_EQ(Found(s, "ushers"), (std::vector<int>{he, she, hers}));
  EXPECT_EQ(Found(s, "this his"), std::vector<int>{his});
  EXPECT_EQ(Found(s, "hhhe he she"), (std::vector<int>{he, she}));
  EXPECT_TRUE(Found(s, "h e r s").empty());
  EXPECT_TRUE(Found(s, "").empty());
  std::vector<int> order;
  s.Scan("she sells", &order);
  EXPECT_EQ(order, (std::vector<int>{she, he}));  // in the order found, each once
}

TEST(AtomScanner, FoldsAsRe2CaseInsensitiveMatching) {
  for (size_t full_entries : {AtomScanner::kFullEntries, size_t{0}}) {
    AtomScanner s;
    const int kilo = s.Add("kilo");
    const int sale = s.Add("sale");
    const int han = s.Add("违约金");
    const int upper = s.Add("NOTICE");  // atoms are folded too
    s.Compile(AtomScanner::kDenseEntries, full_entries);
    EXPECT_EQ(s.full(), full_entries != 0);
    EXPECT_EQ(Found(s, "KILO"), std::vector<int>{kilo});
    EXPECT_EQ(Found(s, "\xE2\x84\xAAilo"), std::vector<int>{kilo});  // KELVIN SIGN
    EXPECT_EQ(Found(s,
                    "\xC5\xBF"
                    "ale"),
              std::vector<int>{sale});  // LONG S
    EXPECT_EQ(Found(s, "乙方应支付违约金。"), std::vector<int>{han});
    EXPECT_EQ(Found(s, "Notice"), std::vector<int>{upper});
    EXPECT_TRUE(Found(s, "违约").empty());
  }
}

// The compiled scanner against the obvious search (every atom looked for in
// the folded text), as a full DFA and with transition rows for every node,
// for some, and for the root only: random atoms and texts over a small
// alphabet, where atoms overlap, nest and share suffixes.
TEST(AtomScanner, FindsWhatASearchForEachAtomFinds) {
  std::mt19937 rng(7);
  const std::string alphabet = "abcAB .\xE4\xB8\x80";
  auto random_string = [&](size_t max_len) {
    std::string s;
    const size_t len = 1 + rng() % max_len;
    for (size_t k = 0; k < len; ++k) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  auto fold = [](std::string s) {
    for (char& c : s) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return s;
  };
  int compared = 0, found_any = 0;
  const std::pair<size_t, size_t> configs[] = {
      {AtomScanner::kDenseEntries, AtomScanner::kFullEntries},
      {0, 0},
      {40, 0},
      {AtomScanner::kDenseEntries, 0}};
  for (auto [dense, full_entries] : configs) {
    for (int round = 0; round < 40; ++round) {
      AtomScanner s;
      std::vector<std::string> atoms;
      for (int k = 0; k < 30; ++k) {
        std::string a = fold(random_string(5));
        if (std::find(atoms.begin(), atoms.end(), a) != atoms.end()) continue;
        ASSERT_EQ(s.Add(a), static_cast<int>(atoms.size()));
        atoms.push_back(a);
      }
      s.Compile(dense, full_entries);
      ASSERT_EQ(s.full(), full_entries != 0);
      for (int t = 0; t < 20; ++t) {
        const std::string text = random_string(60);
        std::vector<int> expected;
        for (size_t k = 0; k < atoms.size(); ++k) {
          if (fold(text).find(atoms[k]) != std::string::npos)
            expected.push_back(static_cast<int>(k));
        }
        EXPECT_EQ(Found(s, text), expected)
            << "text '" << text << "', dense " << dense << ", full " << full_entries;
        ++compared;
        found_any += expected.empty() ? 0 : 1;
      }
    }
  }
  EXPECT_EQ(compared, 3200);
  EXPECT_GT(found_any, 1600);
}

// A full DFA only where its table fits and its rows can be numbered in 15
// bits; else the rows-and-fail-links automaton, which finds the same.
// A full DFA packed and read back (in place) finds what the original
// finds; bytes that are truncated, misaligned or hold a row or atom out of
// range are refused and leave the scanner as it was.
TEST(AtomScanner, APackedFullDfaScansTheSame) {
  AtomScanner s;
  for (const char* a : {"liability", "exceed", "abil", "违约金", "ceed", "fees"}) s.Add(a);
  s.Compile();
  ASSERT_TRUE(s.full());
  const std::string bytes = s.Pack();
  std::vector<uint32_t> words(bytes.size() / 4 + 2);
  std::memcpy(words.data(), bytes.data(), bytes.size());
  const std::string_view view(reinterpret_cast<const char*>(words.data()), bytes.size());
  AtomScanner back;
  ASSERT_TRUE(back.Unpack(view));
  EXPECT_TRUE(back.full());
  EXPECT_EQ(back.size(), s.size());
  for (const char* text : {"Liability shall not EXCEED the fees.", "违约金为合同价款的百分之五", "",
                           "no atoms here", "ceedabilityfeesfees"}) {
    EXPECT_EQ(Found(back, text), Found(s, text)) << text;
  }
  EXPECT_EQ(Found(back, "Liability shall not EXCEED the fees."), (std::vector<int>{0, 1, 2, 4, 5}));

  AtomScanner refused;
  refused.Add("fee");
  EXPECT_FALSE(refused.Unpack(view.substr(0, view.size() - 2)));
  EXPECT_FALSE(refused.Unpack(std::string_view(view.data() + 2, view.size() - 2)));
  EXPECT_FALSE(refused.Unpack(""));
  // The header's four numbers (magic, atoms, classes, rows), a byte class,
  // then a row's atom and its first row where atoms end.
  const size_t rows_at = 16 + 256;
  const uint32_t rows = words[3];
  const std::pair<size_t, uint32_t> bad[] = {
      {0, 0}, {4, 1}, {8, 0x7fffffff}, {12, 1}, {rows_at, 1000}, {rows_at + 4 * rows, 100000}};
  for (auto [at, value] : bad) {
    std::vector<uint32_t> corrupt = words;
    std::memcpy(reinterpret_cast<char*>(corrupt.data()) + at, &value, 4);
    EXPECT_FALSE(refused.Unpack(
        std::string_view(reinterpret_cast<const char*>(corrupt.data()), bytes.size())))
        << at;
  }
  std::vector<uint32_t> bad_class = words;
  reinterpret_cast<unsigned char*>(bad_class.data())[16 + 'e'] = 0xff;
  EXPECT_FALSE(refused.Unpack(
      std::string_view(reinterpret_cast<const char*>(bad_class.data()), bytes.size())));
  refused.Compile();
  EXPECT_EQ(Found(refused, "fees"), (std::vector<int>{0}));
}

// The automaton with fail links (every language's patterns at once, whose
// full DFA does not fit) packs too, and read back in place finds what the
// original finds, with and without rows for all of its nodes. Bytes whose
// numbers are out of range, whose edges are out of order, whose fail links
// make a cycle (a scan would not end) or whose outputs are not what the
// fail links define are refused, and leave the scanner as it was.
TEST(AtomScanner, APackedAutomatonWithFailLinksScansTheSame) {
  const char* atoms[] = {"liability", "exceed", "abil", "违约金", "ceed", "fees", "e", "bility"};
  const char* texts[] = {"Liability shall not EXCEED the fees.",
                         "违约金为合同价款的百分之五",
                         "",
                         "no atoms here",
                         "ceedabilityfeesfees",
                         "abilabilitybility"};
  for (size_t dense : {size_t{1}, size_t{200}, AtomScanner::kDenseEntries}) {
    AtomScanner s;
    for (const char* a : atoms) s.Add(a);
    s.Compile(dense, 0);
    ASSERT_FALSE(s.full());
    const std::string bytes = s.Pack();
    ASSERT_FALSE(bytes.empty());
    std::vector<uint32_t> words(bytes.size() / 4 + 2);
    std::memcpy(words.data(), bytes.data(), bytes.size());
    const std::string_view view(reinterpret_cast<const char*>(words.data()), bytes.size());
    AtomScanner back;
    ASSERT_TRUE(back.Unpack(view)) << dense;
    EXPECT_FALSE(back.full());
    EXPECT_EQ(back.size(), s.size());
    EXPECT_EQ(back.Pack(), bytes);
    for (const char* text : texts) EXPECT_EQ(Found(back, text), Found(s, text)) << text;
    EXPECT_EQ(Found(back, "Liability shall not EXCEED the fees."),
              (std::vector<int>{0, 1, 2, 4, 5, 6, 7}));
  }

  AtomScanner s;
  for (const char* a : atoms) s.Add(a);
  s.Compile(1, 0);  // the root's row only: every other step reads fail links
  const std::string bytes = s.Pack();
  std::vector<uint32_t> words(bytes.size() / 4 + 2);
  std::memcpy(words.data(), bytes.data(), bytes.size());
  // The header (magic, atoms, classes, nodes, edges, dense rows, 256 byte
  // classes), then the nodes (fail, output, atom, row, edges' begin and
  // end), the edges (byte, to) and the rows.
  const size_t header = 6 + 64, node_words = 6;
  const uint32_t nodes = words[3], edges = words[4];
  const size_t edges_at = header + node_words * nodes;
  // Node 1 is the first atom's first byte ('l'), node 2 its second ('i').
  const auto field = [&](size_t node, size_t k) { return header + node_words * node + k; };
  ASSERT_EQ(words[field(0, 3)], 0u);  // the root's row
  const std::pair<size_t, uint32_t> bad[] = {
      {0, 0},                          // magic
      {2, 0},                          // no classes
      {3, nodes + 1},                  // a node more than there are
      {4, nodes},                      // as many edges as nodes
      {5, nodes + 1},                  // more rows than nodes
      {field(0, 3), uint32_t(-1)},     // the root without a row
      {field(0, 2), 0},                // an atom ending at the root
      {field(2, 0), nodes},            // a fail link out of range
      {field(2, 0), 2},                // a node failing to itself
      {field(0, 0), 1},                // the root failing to node 1
      {field(2, 1), 2},                // an output no atom ends at
      {field(2, 2), words[2] + 1000},  // an atom out of range
      {field(2, 3), 5},                // a row out of range
      {field(2, 5), edges + 1},        // edges past the end
      {edges_at + 1, nodes},           // an edge to no node
      {edges_at, 'A'},                 // an edge on a byte no atom has
      {edges_at + 2 * edges, nodes},   // a row entry out of range
  };
  AtomScanner refused;
  refused.Add("fee");
  for (auto [at, value] : bad) {
    std::vector<uint32_t> corrupt = words;
    corrupt[at] = value;
    EXPECT_FALSE(refused.Unpack(
        std::string_view(reinterpret_cast<const char*>(corrupt.data()), bytes.size())))
        << at << " = " << value;
  }
  // Two nodes failing to each other, away from the root.
  std::vector<uint32_t> cycle = words;
  cycle[field(1, 0)] = 2;
  cycle[field(2, 0)] = 1;
  EXPECT_FALSE(
      refused.Unpack(std::string_view(reinterpret_cast<const char*>(cycle.data()), bytes.size())));
  // The root's edges out of order.
  std::vector<uint32_t> unsorted = words;
  ASSERT_GE(words[field(0, 5)] - words[field(0, 4)], 2u);
  std::swap(unsorted[edges_at], unsorted[edges_at + 2]);
  std::swap(unsorted[edges_at + 1], unsorted[edges_at + 3]);
  EXPECT_FALSE(refused.Unpack(
      std::string_view(reinterpret_cast<const char*>(unsorted.data()), bytes.size())));
  const std::string_view view(reinterpret_cast<const char*>(words.data()), bytes.size());
  EXPECT_FALSE(refused.Unpack(view.substr(0, view.size() - 4)));
  EXPECT_FALSE(refused.Unpack(std::string_view(view.data() + 4, view.size() - 4)));
  refused.Compile();
  EXPECT_EQ(Found(refused, "fees"), (std::vector<int>{0}));
  AtomScanner intact;
  EXPECT_TRUE(intact.Unpack(view));
}

TEST(AtomScanner, FallsBackWhereAFullDfaDoesNotFit) {
  AtomScanner small;
  const int notice = small.Add("notice");
  small.Add("term");
  small.Compile(AtomScanner::kDenseEntries, 10);  // 11 nodes x 9 columns
  EXPECT_FALSE(small.full());
  EXPECT_EQ(Found(small, "Notice!"), std::vector<int>{notice});

  AtomScanner many;  // 40,000 atoms of six bytes: over 32,768 nodes
  for (int k = 0; k < 40000; ++k) {
    char atom[8];
    std::snprintf(atom, sizeof atom, "a%05d", k);
    ASSERT_EQ(many.Add(atom), k);
  }
  many.Compile();
  EXPECT_FALSE(many.full());
  EXPECT_EQ(Found(many, "see a12345 and A00007."), (std::vector<int>{7, 12345}));
}

// Atoms may hold any byte: with every one of the 256 in some atom (A-Z fold
// onto a-z, so 230 distinct bytes, the most there can be), each still gets
// its own column in the transition rows, numbered in an unsigned char.
TEST(AtomScanner, EveryByteValueCanBeInAnAtom) {
  AtomScanner s;
  std::vector<int> ids(256);
  for (int b = 0; b < 256; ++b) ids[b] = s.Add(std::string{'q', static_cast<char>(b)});
  AtomScanner hybrid;
  for (int b = 0; b < 256; ++b) hybrid.Add(std::string{'q', static_cast<char>(b)});
  s.Compile();
  hybrid.Compile(AtomScanner::kDenseEntries, 0);
  ASSERT_TRUE(s.full());
  ASSERT_FALSE(hybrid.full());
  for (int b = 0; b < 256; ++b) {
    const std::string text = std::string("xq") + static_cast<char>(b);
    const int expected = b >= 'A' && b <= 'Z' ? ids[b - 'A' + 'a'] : ids[b];
    EXPECT_EQ(Found(s, text), std::vector<int>{expected}) << "byte " << b;
    EXPECT_EQ(Found(hybrid, text), std::vector<int>{expected}) << "byte " << b;
  }
}

TEST(RequiredLiterals, CharactersWithACaseOutsideAsciiAreNotRequired) {
  // RE2's (?i) matches É for é; the scanner folds ASCII only.
  EXPECT_EQ(F("(?i)café au lait"), "caf AND  au lait");
  EXPECT_EQ(F("(?i)[éè]tude"), "tude");
  EXPECT_EQ(F("第[一二三]条"), "第一条 OR 第三条 OR 第二条");
  EXPECT_EQ(F("§ 12"), "§ 12");
}

TEST(WithoutAtoms, ADroppedAtomIsNoLongerRequired) {
  const auto drop = [](std::string_view a) { return a == "shall" || a == "the"; };
  auto W = [&](const std::string& pattern) {
    return WithoutAtoms(RequiredLiterals(pattern), drop).ToString();
  };
  // An AND loses it.
  EXPECT_EQ(W(R"((?i)\bshall\b.{0,40}\bindemnif)"), "indemnif");
  EXPECT_EQ(W(R"((?i)\bshall\b.{0,9}\bpay\b.{0,9}\binvoice)"), "pay AND invoice");
  // An OR holding it holds always, and so does an AND of nothing else.
  EXPECT_EQ(W(R"((?i)(?:shall|must)\b.{0,40}\bindemnif)"), "indemnif");
  EXPECT_EQ(W(R"((?i)\bthe\b.{0,9}\bshall\b)"), "all");
  // Atoms it keeps, and a formula without a dropped atom, are unchanged.
  EXPECT_EQ(W(R"((?i)\b(?:terminat\w*|cancel)\b[^.]*notice)"), "(terminat OR cancel) AND notice");
  EXPECT_EQ(W("(?:or|and)"), "all");
}

}  // namespace
}  // namespace clausecheck::analyzer
