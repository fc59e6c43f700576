// RequiredLiterals: what a pattern cannot match without, as a formula over
// literal strings.
//
// The candidate filter (candidates.h) scans a clause once for the literals
// of all patterns and tries only the patterns whose formula holds. RE2's
// FilteredRE2 computes such formulas, but it compiles every pattern to do so
// (its prefilter code is not in the installed headers): for the default
// ruleset's 330 patterns that was about 500 M instructions on the first
// document of each language, three quarters of the program's startup. This
// reads the pattern's syntax instead, in the way RE2's prefilter does: from
// a few thousand instructions for a short pattern to about 150,000 for one
// of a few kilobytes (the default ruleset's are read at build time,
// CandidateFilter::Analyze).
//
// The formula holds on every text the pattern matches (it is sound): a
// literal, an AND of formulas or an OR of formulas, or "all" where nothing
// is required. The literals are ASCII-lowercased; they are meant to be
// searched for case-insensitively (RE2's `(?i)`, which also folds KELVIN
// SIGN onto k and LONG S onto s), so case flags do not matter. Literals
// shorter than `min_atom_length` bytes are not required (an AND drops them,
// an OR holding one holds always). Syntax it does not read (a construct RE2
// has that contract patterns do not use) gives "all" for that part, never a
// wrong requirement.
//
//   RequiredLiterals(R"((?i)\bliabilit(?:y|ies)\b[^.]*\bexceed)").ToString()
//     == "(liability OR liabilities) AND exceed"   // OR of one kept: see ToString
#ifndef CLAUSECHECK_ANALYZER_LITERALS_H_
#define CLAUSECHECK_ANALYZER_LITERALS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clausecheck::analyzer {

struct LiteralFormula {
  enum class Op { kAll, kAtom, kAnd, kOr };
  Op op = Op::kAll;
  std::string atom;                  // kAtom
  std::vector<LiteralFormula> kids;  // kAnd, kOr: at least two, none kAll

  bool all() const { return op == Op::kAll; }
  bool operator==(const LiteralFormula& other) const = default;
  /// "all", an atom, or its kids joined by " AND " / " OR ", a nested one in
  /// parentheses. For tests and diagnostics.
  std::string ToString() const;
};

/// The formula of `pattern` (RE2 syntax; one RE2 accepts). See above.
LiteralFormula RequiredLiterals(std::string_view pattern, int min_atom_length = 3);

/// `f` with the atoms for which `drop` is true no longer required: each
/// becomes "all" (an AND loses it, an OR holding it holds always), so the
/// result holds wherever `f` does. For atoms too common to be worth
/// scanning for.
LiteralFormula WithoutAtoms(LiteralFormula f, const std::function<bool(std::string_view)>& drop);

/// Finds which of many atoms (as RequiredLiterals makes them) occur in a
/// text, in one pass (Aho-Corasick). The text is folded as RE2's `(?i)`
/// folds it onto such atoms: ASCII letters to lower case, KELVIN SIGN to k,
/// LONG S to s (RequiredLiterals never makes an atom of another character
/// that has a case). Building it for the default ruleset's few thousand
/// atoms costs a few million instructions, where an RE2::Set of them cost
/// about 200 M; its memory is the trie's, fixed when built.
///
/// Where its transition table fits (`full_entries`, 3 MB by default: the
/// default ruleset's English and Chinese atoms do), the automaton is a full
/// DFA: every node gets a row of 16-bit entries over the bytes that occur in
/// atoms, so a byte costs one load and no branch on the trie's shape, and a
/// flag in the entry says whether atoms end there. That scans 1.5 to 1.7
/// times as fast as walking fail links, whose branches a CPU cannot
/// predict (docs/performance.md, "The literal scan and the filter's
/// formulas, eleventh session"). Otherwise (a larger ruleset, or every
/// language's patterns at once) the shallowest nodes, where a scan spends
/// most of its time, get full rows (up to `dense_entries` entries in all),
/// and deeper nodes keep sorted edge lists next to the node and fall back
/// along their fail links to a node with a row. Nodes keep the numbers they
/// were added with, so that the nodes of one atom, walked one after
/// another, are together in memory (numbering them breadth first cost more
/// cache misses).
class AtomScanner {
 public:
  /// Entries of the transition rows by default: 64 KB, as many rows as that
  /// holds of one entry per distinct byte of the atoms. Larger tables saved
  /// instructions but missed the L2 cache more (docs/performance.md).
  static constexpr size_t kDenseEntries = size_t{1} << 14;
  /// Entries (two bytes each) of the full DFA at most: 3 MB.
  static constexpr size_t kFullEntries = size_t{3} << 19;

  AtomScanner();
  /// Adds an atom (not empty; added once); returns its index, from 0.
  int Add(std::string_view atom);
  /// Prepares the scan. Call once, after every Add and before Scan. A full
  /// DFA where its table has at most `full_entries` entries (and the nodes
  /// fit its 15-bit numbers); else the root always gets a row and
  /// `dense_entries` bounds the rest. Tests vary both.
  void Compile(size_t dense_entries = kDenseEntries, size_t full_entries = kFullEntries);
  /// The indices of the atoms that occur in `text`, in the order found,
  /// each once.
  void Scan(std::string_view text, std::vector<int>* found) const;
  int size() const { return atoms_; }
  /// Whether Compile made a full DFA (tests and diagnostics).
  bool full() const { return table_ != nullptr; }

  /// The compiled automaton as bytes, for embedding at build time:
  /// native-endian, for the same build to read. A full DFA's rows, or the
  /// nodes, edges and rows of the other form (every language's patterns at
  /// once, whose full DFA would not fit).
  std::string Pack() const;
  /// Instead of Add and Compile: the automaton that Pack wrote, used in
  /// place (its tables are not copied, so `bytes` must outlive this and be
  /// 4-byte aligned). False, with nothing changed, unless the sizes and
  /// every atom, row, node and edge number in `bytes` are consistent, and,
  /// in the form with fail links, every fail chain reaches a node with a
  /// row and every node's output is the one its fail chain defines (so a
  /// scan ends); a full DFA's transition entries are taken as this build
  /// wrote them. Where `trusted` (bytes the caller has checked, or that
  /// this binary embeds and the tests check), only the header and sizes.
  bool Unpack(std::string_view bytes, bool trusted = false);

 private:
  // The next node from `node` on the folded byte `c` (not in a full DFA).
  int Next(int node, unsigned char c) const;
  // Builds the full DFA from the trie, then frees the trie (Compile).
  void CompileFull();
  // Unpack of the form with fail links.
  bool UnpackLinks(std::string_view bytes, bool trusted);

  // While adding: the trie, each node's edges a list (from heads_, by node,
  // through next), so that adding a node allocates no vector.
  struct BuildEdge {
    unsigned char byte;
    int to;
    int next;
  };
  std::vector<BuildEdge> building_;
  std::vector<int> heads_;
  std::vector<int> atom_of_;  // by node while adding: the atom ending there, or -1
  int root_next_[256];        // while adding: the root's edges

  // Compiled, by node (numbered as added: an atom's nodes are together; the
  // root is 0). A node's fields are together: a step reads one node, then
  // its edges.
  struct Node {
    int fail = 0;
    int output = -1;  // the nearest node on the fail chain (this one first) ending an atom
    int atom = -1;    // the atom ending here
    int row = -1;     // its row in dense_, or -1
    int edges_begin = 0, edges_end = 0;  // in edges_, sorted by byte
  };
  struct Edge {
    int byte;  // an int, so that a packed edge has no padding
    int to;
  };
  static_assert(sizeof(Node) == 6 * sizeof(int) && sizeof(Edge) == 2 * sizeof(int));
  // Whether packed nodes, edges and rows hold together (UnpackLinks).
  static bool LinksHold(size_t atoms, size_t classes, const unsigned char* classes_of,
                        const Node* node, size_t nodes, const Edge* edge, size_t edges,
                        const int* dense, size_t rows);
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  // Byte -> its column in the rows; 0 for a byte in no atom. Atoms are
  // folded, so A-Z are never in one: at most 230 columns besides 0.
  unsigned char class_[256];
  // Byte -> whether, at the root, it leads back to the root: it folds to a
  // byte in no atom, and does not start KELVIN SIGN or LONG S (SetRootSkip).
  bool root_skip_[256] = {};
  void SetRootSkip();
  int classes_ = 1;
  std::vector<int> dense_;  // rows of classes_ entries: the shallowest nodes'
  // What Scan and Next read in this form: the arrays above, or those of
  // packed bytes (Unpack).
  const Node* nodes_at_ = nullptr;
  const Edge* edges_at_ = nullptr;
  const int* dense_at_ = nullptr;
  size_t node_count_ = 0, edge_count_ = 0, dense_rows_ = 0;

  // The full DFA: rows numbered breadth first (the root's is 0), classes_
  // entries each: the next row, with kEnds set where an atom ends at that
  // row's node or along its fail chain. nodes_ and edges_ are then freed
  // (dense_ is not used); the atoms ending at a row are read from the row
  // arrays.
  static constexpr uint16_t kEnds = 0x8000;
  static constexpr size_t kMaxFullRows = kEnds;
  std::unique_ptr<uint16_t[]> full_;
  // By row: the atom ending at its node, or -1; the nearest row on its fail
  // chain (itself first) where an atom ends, or -1; and for a row where an
  // atom ends, the next such row on its fail chain, or -1.
  std::vector<int> row_atom_;
  std::vector<int> row_first_;
  std::vector<int> row_next_;
  // What Scan reads: the arrays above, or those of packed bytes (Unpack).
  size_t rows_ = 0;
  const uint16_t* table_ = nullptr;
  const int* row_atom_at_ = nullptr;
  const int* row_first_at_ = nullptr;
  const int* row_next_at_ = nullptr;

  int atoms_ = 0;
};

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_LITERALS_H_
