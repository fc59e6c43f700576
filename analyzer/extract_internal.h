// Internals shared by the fact extractors (extract.cc, extract_terms.cc):
// not an interface for other modules.
#ifndef CLAUSECHECK_ANALYZER_EXTRACT_INTERNAL_H_
#define CLAUSECHECK_ANALYZER_EXTRACT_INTERNAL_H_

#include <re2/re2.h>

#include <bitset>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/candidates.h"
#include "analyzer/gapped.h"
#include "core/clause.h"
#include "core/document.h"
#include "core/fact.h"

namespace clausecheck::analyzer::internal {

using re2::RE2;
using SP = re2::StringPiece;

// A fact found in one block, with its byte span in the block text; spans are
// converted to code points once, when the fact leaves the block.
struct Candidate {
  Fact fact;
  size_t begin = 0;
  size_t end = 0;
};

// What one block's text holds, so that a scanner skips a pattern that cannot
// match it. Every pattern of the scanners needs something a plain search
// finds: a figure, a Han character, a literal word ("law", 之日, "["). Most
// blocks of a contract have no date, no amount and no "law", and one pass over
// the text answers for every word, at a fraction of the cost of one RE2 scan;
// each pattern then runs only where what it needs is there. A gate must
// follow from the pattern matching, never be a guess: the results are the
// same as without gates.
enum class Cue : uint8_t {
  // Signs and Chinese words, as written.
  kQuote,             // "
  kCurlyQuote,        // “
  kCornerQuote,       // 「
  kParen,             // (
  kBracket,           // [
  kUnderscores,       // __
  kSectionSign,       // §
  kPercent,           // %
  kFullwidthPercent,  // ％
  kDollarSign,        // $
  kEuroSign,          // €
  kPoundSign,         // £
  kYenSign,           // ¥
  kFullwidthYen,      // ￥
  kZhYear,            // 年
  kZhSinceDay,        // 之日
  kZhPeriod,          // 期
  kZhYuan,            // 元
  kZhRoundYuan,       // 圆
  kZhFraction,        // 分之 (百分之, 千分之, 万分之)
  kZhLaw,             // 法
  kZhArbitration,     // 仲裁
  kZhCourt,           // 人民法院
  kZhCalled,          // 称 (简称, 以下称)
  kZhOrdinal,         // 第
  // The units of a Chinese duration: 日, 天, 周, 星期, 月 (and 年 above).
  kZhDay,
  kZhTian,
  kZhWeek,
  kZhXingqi,
  kZhMonth,
  // Currencies (元 above), as a Chinese amount names them.
  kZhRenminbi,  // 人民币
  kZhHkDollar,  // 港币
  kZhPound,     // 英镑
  kZhJpYen,     // 円
  // What a Chinese relative date counts from (期满 has 期 above).
  kZhSign,       // 签 (签订, 签署, 签字, 签章)
  kZhSeal,       // 盖章
  kZhEffect,     // 生效
  kZhReceive,    // 收到
  kZhHandOver,   // 交付
  kZhDeliver,    // 交货
  kZhArrive,     // 到货
  kZhAccept,     // 验收
  kZhPay,        // 付款
  kZhExpire,     // 届满
  kZhDue,        // 到期
  kZhTerminate,  // 终止
  kZhRescind,    // 解除
  // English words in any case, as a pattern under (?i) finds them.
  kDay,
  kWeek,
  kMonth,
  kYear,
  kDollar,
  kEuro,
  kPound,
  kYuan,
  kRenminbi,
  kYen,
  kPer,
  kLaw,
  kAnniversary,
  kArbitra,
  kCourt,
  kSection,
  kClause,
  kArticle,
  kParagraph,
  // The months by their first three letters (Sept is sep).
  kJan,
  kFeb,
  kMar,
  kApr,
  kMay,
  kJun,
  kJul,
  kAug,
  kSep,
  kOct,
  kNov,
  kDec,
  // Currency codes.
  kUsd,
  kHkd,
  kSgd,
  kEur,
  kGbp,
  kJpy,
  kCny,
  kRmb,
  kAud,
  kCad,
  kChf,
  kCount
};

class Cues {
 public:
  explicit Cues(std::string_view text);

  std::string_view text() const { return text_; }
  // An ASCII digit.
  bool digit() const { return digit_; }
  // Four ASCII digits in a row (a year).
  bool digits4() const { return digits4_; }
  // A Han character (a UTF-8 lead byte of U+4000..U+9FFF, which holds every
  // Han character the patterns name).
  bool han() const { return han_; }
  bool Has(Cue cue) const { return found_[static_cast<size_t>(cue)]; }
  bool Any(std::initializer_list<Cue> cues) const {
    for (Cue c : cues) {
      if (Has(c)) return true;
    }
    return false;
  }
  // A month's name (CC_MONTH).
  bool month() const {
    return Any({Cue::kJan, Cue::kFeb, Cue::kMar, Cue::kApr, Cue::kMay, Cue::kJun, Cue::kJul,
                Cue::kAug, Cue::kSep, Cue::kOct, Cue::kNov, Cue::kDec});
  }

 private:
  std::string_view text_;
  std::bitset<static_cast<size_t>(Cue::kCount)> found_;
  bool digit_ = false;
  bool digits4_ = false;
  bool han_ = false;
};

inline bool Overlaps(const std::vector<Candidate>& taken, size_t b, size_t e) {
  for (const Candidate& c : taken) {
    if (b < c.end && c.begin < e) return true;
  }
  return false;
}

inline size_t Off(std::string_view text, const SP& piece) {
  return static_cast<size_t>(piece.data() - text.data());
}

inline std::string_view Str(const SP& p) { return std::string_view(p.data(), p.size()); }

// Calls fn(groups) for every non-overlapping match in `text` that
// match(pos, groups, n) finds from pos on (as RE2::Match, unanchored), with
// n groups, groups[0] being the whole match.
template <typename MatchFrom, typename Fn>
void ForEachMatchOf(int n, std::string_view text, MatchFrom match, Fn fn) {
  std::vector<SP> g(static_cast<size_t>(n));
  size_t pos = 0;
  while (pos <= text.size() && match(pos, g.data(), n)) {
    size_t end = Off(text, g[0]) + g[0].size();
    fn(g);
    pos = g[0].empty() ? end + 1 : end;
  }
}

// Calls fn(groups) for every non-overlapping match of `re` in `text`, groups[0]
// being the whole match.
template <typename Fn>
void ForEachMatch(const RE2& re, std::string_view text, Fn fn) {
  ForEachMatchOf(
      re.NumberOfCapturingGroups() + 1, text,
      [&](size_t pos, SP* g, int n) {
        return re.Match(text, pos, text.size(), RE2::UNANCHORED, g, n);
      },
      fn);
}

// The same, only when `may_match` (a Cues test of what the pattern needs)
// holds: otherwise the pattern cannot match and the text is not scanned.
template <typename Fn>
void ForEachMatch(bool may_match, const RE2& re, std::string_view text, Fn fn) {
  if (may_match) ForEachMatch(re, text, fn);
}

// The same for a pattern compiled on first use: one whose gate never holds
// is never compiled.
template <typename Fn>
void ForEachMatch(bool may_match, const LazyPattern& re, std::string_view text, Fn fn) {
  if (may_match) ForEachMatch(*re, text, fn);
}

// The same for a pattern with counted gaps (gapped.h), whose exact pattern
// has `groups` groups.
template <typename Fn>
void ForEachMatch(bool may_match, const GappedPattern& re, int groups, std::string_view text,
                  Fn fn) {
  if (!may_match) return;
  ForEachMatchOf(
      groups + 1, text,
      [&](size_t pos, SP* g, int n) { return re.Match(text, pos, text.size(), g, n); }, fn);
}

inline RE2::Options Opts() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

// Moves `pos` back to a UTF-8 character boundary.
inline size_t Boundary(std::string_view s, size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

inline bool IsAsciiWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Calls fn(p) for each occurrence of `needle` at p in `hay` that stands as a
// word of its own where the needle starts or ends with a letter or digit
// (Chinese has no word boundaries to check): "Party" is not one in "Parties".
template <typename Fn>
void ForEachWord(std::string_view hay, std::string_view needle, Fn fn) {
  if (needle.empty()) return;
  // A needle that opens with an ASCII byte is searched for by that byte
  // (memchr), which is rare enough in text; one that opens with a UTF-8 lead
  // byte by glibc's memmem, which skips ahead by a table of byte pairs: in
  // Chinese text the lead byte of a character is shared by thousands of
  // others.
  const bool ascii = static_cast<unsigned char>(needle.front()) < 0x80;
  auto find = [&](size_t from) -> size_t {
    if (ascii) return hay.find(needle, from);
    if (from > hay.size()) return std::string_view::npos;
    const void* at = memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
    return at ? static_cast<size_t>(static_cast<const char*>(at) - hay.data())
              : std::string_view::npos;
  };
  for (size_t p = find(0); p != std::string_view::npos; p = find(p + 1)) {
    bool left = p == 0 || !IsAsciiWordChar(hay[p - 1]) || !IsAsciiWordChar(needle.front());
    size_t e = p + needle.size();
    bool right = e >= hay.size() || !IsAsciiWordChar(hay[e]) || !IsAsciiWordChar(needle.back());
    if (left && right) fn(p);
  }
}

// The number of those occurrences.
int CountWord(std::string_view hay, std::string_view needle);

// Whether the words after a section number make it another instrument's
// section: "of the Bankruptcy Code", "of Exhibit B", "of the 1933 Act", "or
// (b) of the FD&C Act", "thereof"; not "of this Agreement", "of the
// Agreement". Shared by the reference scan and the unresolved_reference check.
bool NamesAnotherInstrument(std::string_view after);

// The clause texts joined by line breaks, and where each starts: a needle
// without a line break is found in them at once as in each clause alone, the
// break standing where a clause starts or ends.
struct JoinedClauses {
  explicit JoinedClauses(const std::vector<Clause>& clauses);
  // The index of the clause whose text (or line break after it) holds `offset`.
  size_t ClauseAt(size_t offset) const;
  std::string text;
  std::vector<size_t> starts;
};

// Defined terms ("Affiliate" means ...; (the "Services"); 本合同所称“…”是指)
// in one block's text.
void ScanDefinedTerms(const Cues& cues, std::vector<Candidate>* out);

// The patterns with counted gaps (gapped.h) that find '"Term" means' and a
// party's short name ('(the "Buyer")'), for their tests.
const GappedPattern& DefinitionPattern();
const GappedPattern& PartyDefinitionPattern();
const GappedPattern& ZhDefinitionPattern();  // “关联方”是指
const GappedPattern& ZhShortNamePattern();   // （以下简称“甲方”）
const GappedPattern& RateTwinPattern();      // the "(10%)" after "ten percent"

// Tables that define terms, by SourceRef::table: a header row whose first
// cell names the column of terms ("Term", "Defined Term", "Expression",
// 词语, 术语), or a table inside a clause (or a sub-clause of one) headed
// "Definitions", "Interpretation", 定义 or 释义.
std::vector<bool> DefinitionTables(const Document& doc, const std::vector<Clause>& clauses);

// A term defined by a row of a table: `text` is the text of blocks[index],
// a table cell. Its term is defined when the next block is the next cell of
// the same row, the cells before it in the row (if any) only number the row
// ("1", "(a)"), and either the table defines terms (`definitions_table`) or
// the next cell opens with "means" / "refers to" / 指 / 是指. A term is short
// (at most eight words or twenty Chinese characters, one line, no full stop
// at its end), may be quoted, and in English opens with a capital.
void ScanTableDefinition(std::string_view text, const std::vector<Block>& blocks, size_t index,
                         bool definitions_table, std::vector<Candidate>* out);

// Cross-references to clauses of the same contract in one block's text:
// Section 14.3, clause 5(b), 第十二条, 本合同第三条第二款. `value` is the
// normalised number; `target` is left for ResolveReferences.
void ScanReferences(const Cues& cues, std::vector<Candidate>* out);

// Sets each reference's target to the clause it cites, and each defined
// term's number of uses, from the whole contract.
void ResolveReferences(const std::vector<Clause>& clauses, std::vector<Fact>* facts);
void CountTermUses(const std::vector<Clause>& clauses, std::vector<Fact>* facts);

}  // namespace clausecheck::analyzer::internal

#endif  // CLAUSECHECK_ANALYZER_EXTRACT_INTERNAL_H_
