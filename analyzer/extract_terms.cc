// Defined terms and cross-references: the contract's own vocabulary and the
// way its clauses point at each other.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/delimited.h"
#include "analyzer/extract_internal.h"
#include "analyzer/numbers.h"
#include "core/ascii.h"
#include "core/numbering.h"
#include "core/utf8.h"

namespace clausecheck::analyzer::internal {
namespace {

// A defined term or a reference: its value and span.
void AddValue(FactType type, std::string_view text, size_t b, size_t e, std::string value,
              std::vector<Candidate>* out) {
  while (!value.empty() && (value.back() == ' ' || value.back() == ',')) value.pop_back();
  if (value.empty() || Overlaps(*out, b, e)) return;
  Candidate c;
  c.begin = b;
  c.end = e;
  c.fact.type = type;
  c.fact.text = std::string(text.substr(b, e - b));
  c.fact.value = std::move(value);
  out->push_back(std::move(c));
}

void AddTerm(std::string_view text, size_t b, size_t e, std::string term,
             std::vector<Candidate>* out) {
  AddValue(FactType::kDefinedTerm, text, b, e, std::move(term), out);
}

// "1.01" -> "1.1", "IV" -> "4", "12" -> "12"; nullopt when a component is
// neither digits nor a roman numeral.
std::optional<std::string> DecimalKey(std::string_view s) {
  std::string key;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t dot = s.find('.', pos);
    std::string_view part = s.substr(pos, dot == std::string_view::npos ? s.npos : dot - pos);
    if (part.empty()) {
      if (dot == std::string_view::npos) break;  // trailing dot: "1."
      return std::nullopt;
    }
    int v = -1;
    if (std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      if (part.size() > 4) return std::nullopt;
      v = std::stoi(std::string(part));
    } else if (std::all_of(part.begin(), part.end(), [](char c) {
                 return std::string_view("IVXLC").find(c) != std::string_view::npos;
               })) {
      v = numbering::RomanValue(part);
    }
    if (v < 0) return std::nullopt;
    if (!key.empty()) key += '.';
    key += std::to_string(v);
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  if (key.empty()) return std::nullopt;
  return key;
}

std::string StripPrefix(std::string_view label) {
  static const LazyPattern prefix(R"((?i)^\s*(?:section|article|clause|paragraph|§)\s*)", Opts());
  std::string s(label);
  RE2::Replace(&s, prefix, "");
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  return s;
}

// A number of the Chinese 条 / 款 / 项 kind: digits or Chinese numerals.
int ZhValue(std::string_view s) {
  if (auto v = ParseFigure(s)) return static_cast<int>(*v);
  return numbering::ChineseNumeralValue(s);
}

// The lookup keys of the contract's clauses: "14.3", "5(b)", "12" (第十二条),
// "3/2" (the second paragraph of 第三条).
std::map<std::string, size_t> ClauseKeys(const std::vector<Clause>& clauses) {
  std::map<std::string, size_t> keys;
  std::map<std::string, size_t> fallback;  // 一、 for 第一条 when nothing else is
  std::vector<std::string> full(clauses.size());
  std::vector<bool> zh_article(clauses.size(), false);
  static const LazyPattern paren(
      R"(^[(（]\s*([A-Za-z]{1,4}|[0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]$)", Opts());
  static const LazyPattern zh_article_re(R"(^第\s*([0-9.]+|[一二三四五六七八九十百零〇两]+)\s*条$)",
                                         Opts());
  for (size_t i = 0; i < clauses.size(); ++i) {
    const Clause& c = clauses[i];
    if (c.number.empty()) continue;
    std::string label = StripPrefix(c.number);
    const int parent = c.parent >= 0 && static_cast<size_t>(c.parent) < i ? c.parent : -1;
    const std::string parent_key = parent >= 0 ? full[parent] : "";
    std::string inner;
    // Each pattern opens with what the label must start with.
    if (label.starts_with("第") && RE2::FullMatch(label, zh_article_re, &inner)) {
      if (inner.find('.') != std::string::npos) {
        if (auto k = DecimalKey(inner)) full[i] = *k;
      } else if (int v = ZhValue(inner); v > 0) {
        full[i] = std::to_string(v);
      }
      zh_article[i] = true;
    } else if ((label.starts_with("(") || label.starts_with("（")) &&
               RE2::FullMatch(label, paren, &inner)) {
      int v = ZhValue(inner);
      if (parent >= 0 && zh_article[parent] && v > 0) {
        full[i] = parent_key + "/" + std::to_string(v);
      } else if (!parent_key.empty() && inner.size() <= 4 &&
                 std::isalnum(static_cast<unsigned char>(inner[0]))) {
        std::string lower = inner;
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        full[i] = parent_key + "(" + lower + ")";
      }
    } else if (auto k = DecimalKey(label)) {
      full[i] = parent >= 0 && zh_article[parent] ? parent_key + "/" + *k : *k;
    } else if (int v = numbering::ChineseNumeralValue(label); v > 0 && parent < 0) {
      fallback.emplace(std::to_string(v), i);
    }
    if (!full[i].empty()) keys.emplace(full[i], i);
  }
  for (const auto& [k, index] : fallback) keys.emplace(k, index);
  return keys;
}

}  // namespace

JoinedClauses::JoinedClauses(const std::vector<Clause>& clauses) {
  size_t size = 0;
  for (const Clause& c : clauses) size += c.text.size() + 1;
  text.reserve(size);
  starts.reserve(clauses.size());
  for (const Clause& c : clauses) {
    starts.push_back(text.size());
    text += c.text;
    text += '\n';
  }
}

size_t JoinedClauses::ClauseAt(size_t offset) const {
  return static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), offset) -
                             starts.begin()) -
         1;
}

int CountWord(std::string_view hay, std::string_view needle) {
  int n = 0;
  ForEachWord(hay, needle, [&](size_t) { ++n; });
  return n;
}

const GappedPattern& ZhDefinitionPattern() {
  // 本合同所称“关联方”是指; “保密信息”指 (its gap opened: gapped.h).
  static const GappedPattern zh_means(
      R"(([“"「]([^”"」\n]{1,20})[”"」])\s*(?:一词)?\s*(?:是指|系指|指|意为|意指|包括))",
      R"(([“"「]([^”"」\n]+)[”"」])\s*(?:一词)?\s*(?:是指|系指|指|意为|意指|包括))", {{2, 20}},
      Opts());
  return zh_means;
}

const GappedPattern& ZhShortNamePattern() {
  // （以下简称“甲方”） (its gap opened: gapped.h).
  static const GappedPattern zh_short(
      R"((?:以下简称|以下称为|以下称|下称|简称)\s*(?:为)?\s*[：:]?\s*([“"「]([^”"」\n]{1,20})[”"」]))",
      R"((?:以下简称|以下称为|以下称|下称|简称)\s*(?:为)?\s*[：:]?\s*([“"「]([^”"」\n]+)[”"」]))",
      {{2, 20}}, Opts());
  return zh_short;
}

const GappedPattern& DefinitionPattern() {
  // Its counted gaps found through their open form (gapped.h).
  static const GappedPattern means(
      R"((?:^|[\s(,;:])(["“]([^"”\n]{1,60}?)["”])\s*(?:\([^)\n]{0,40}\)\s*)?(?:,\s*)?(?:shall\s+|will\s+)?(?:means?|includes?|has\s+the\s+meaning|have\s+the\s+meaning|shall\s+have\s+the\s+meanings?|refers?\s+to|is\s+defined)\b)",
      R"((?:^|[\s(,;:])(["“]([^"”\n]+?)["”])\s*(?:\(([^)\n]*)\)\s*)?(?:,\s*)?(?:shall\s+|will\s+)?(?:means?|includes?|has\s+the\s+meaning|have\s+the\s+meaning|shall\s+have\s+the\s+meanings?|refers?\s+to|is\s+defined)\b)",
      {{2, 60}, {3, 40}}, Opts());
  return means;
}

void ScanDefinedTerms(const Cues& cues, std::vector<Candidate>* out) {
  const std::string_view text = cues.text();
  // "Affiliate" means ...; "Confidential Information" shall have the meaning
  const GappedPattern& means = DefinitionPattern();
  // (the "Services"), (each a "Party" and together the "Parties"),
  // (hereinafter referred to as "Licensor"): what \(([^()\n]{1,200})\) and
  // ["“]([^"”\n]{1,60})["”] match, found without compiling them
  // (analyzer/delimited.h).
  static constexpr Delimited kParen{U"(", U")", U"(\n", 200};
  static constexpr Delimited kQuoted{U"\"“", U"\"”", U"\n", 60};
  static const LazyPattern filler(
      R"((?i)^(?:\s|[,;:]|the|a|an|each|collectively|together|individually|jointly|separately|hereinafter|herein|referred|to|as|and|or|called|this|such|also|respectively|sometimes|its|their|any|of|them|which|is|are|being|with)*$)",
      Opts());
  // 本合同所称“关联方”是指; “保密信息”指; （以下简称“甲方”）
  const GappedPattern& zh_means = ZhDefinitionPattern();
  const GappedPattern& zh_short = ZhShortNamePattern();
  const bool quote = cues.Any({Cue::kQuote, Cue::kCurlyQuote});
  ForEachMatch(quote, means, 2, text, [&](const std::vector<SP>& g) {
    AddTerm(text, Off(text, g[1]), Off(text, g[1]) + g[1].size(), std::string(Str(g[2])), out);
  });
  // Terms in brackets are quoted terms.
  if (quote && cues.Has(Cue::kParen)) {
    ForEachDelimited(text, kParen, [&](std::string_view, std::string_view inside) {
      std::string rest;
      size_t last = 0;
      std::vector<std::pair<size_t, size_t>> spans;
      std::vector<std::string> terms;
      ForEachDelimited(inside, kQuoted, [&](std::string_view whole, std::string_view term) {
        const size_t at = static_cast<size_t>(whole.data() - inside.data());
        rest += std::string(inside.substr(last, at - last));
        last = at + whole.size();
        const size_t b = static_cast<size_t>(whole.data() - text.data());
        spans.emplace_back(b, b + whole.size());
        terms.emplace_back(term);
      });
      rest += std::string(inside.substr(last));
      // Only the definitional words may stand around the quotes: ("Licensor"),
      // (the "Services"), not (as defined in "Schedule 1") or ("AS IS" basis).
      if (terms.empty() || !RE2::FullMatch(rest, filler)) return;
      for (size_t k = 0; k < terms.size(); ++k) {
        AddTerm(text, spans[k].first, spans[k].second, terms[k], out);
      }
    });
  }
  ForEachMatch(
      quote || cues.Has(Cue::kCornerQuote), zh_means, 2, text, [&](const std::vector<SP>& g) {
        AddTerm(text, Off(text, g[1]), Off(text, g[1]) + g[1].size(), std::string(Str(g[2])), out);
      });
  ForEachMatch(cues.Has(Cue::kZhCalled), zh_short, 2, text, [&](const std::vector<SP>& g) {
    AddTerm(text, Off(text, g[1]), Off(text, g[1]) + g[1].size(), std::string(Str(g[2])), out);
  });
}

namespace {

// The header of a table's column of terms: "Term", "Defined Terms", "Word or
// Expression", 词语, 释义.
bool TermsHeader(std::string_view cell) {
  static const LazyPattern en(
      R"((?i)^\s*(?:defined\s+)?(?:terms?|words?|expressions?|definitions?|abbreviations?|acronyms?)(?:\s*(?:and|or|/|&)\s*(?:terms?|words?|expressions?|phrases?|abbreviations?))?\s*[:：]?\s*$)",
      Opts());
  static const LazyPattern zh(
      R"(^\s*(?:词语|术语|用语|名词|名词术语|词汇|简称|缩略语|定义|释义)\s*[:：]?\s*$)", Opts());
  return cell.size() <= 60 && (RE2::FullMatch(cell, en) || RE2::FullMatch(cell, zh));
}

// The header of a column that numbers the rows: "No.", "#", 序号.
bool NumberHeader(std::string_view cell) {
  static const LazyPattern re(R"((?i)^\s*(?:no\.?|#|s/n|item|序号|编号)\s*$)", Opts());
  return cell.size() <= 20 && RE2::FullMatch(cell, re);
}

bool DefinitionsHeading(std::string_view heading) {
  static const LazyPattern re(
      R"((?i)\bdefinitions?\b|\binterpretations?\b|\bdefined\s+terms\b|定义|释义|术语|词语)",
      Opts());
  return !heading.empty() && RE2::PartialMatch(heading, re);
}

bool SameRow(const SourceRef& a, const SourceRef& b) {
  return a.table >= 0 && a.table == b.table && a.row == b.row;
}

// A cell that only numbers its row: "1", "2.", "(a)", "一".
bool RowNumber(std::string_view cell) {
  static const LazyPattern re(
      R"(^\s*\(?(?:\d{1,3}|[a-z]|[ivx]{1,4}|[一二三四五六七八九十]{1,3})[.)）、]?\s*$)", Opts());
  return cell.size() <= 12 && RE2::FullMatch(cell, re);
}

}  // namespace

std::vector<bool> DefinitionTables(const Document& doc, const std::vector<Clause>& clauses) {
  std::vector<bool> out;
  auto mark = [&](int table) {
    if (table < 0) return;
    if (static_cast<size_t>(table) >= out.size()) out.resize(table + 1, false);
    out[table] = true;
  };
  // The header: its first cell, or the one after a "No." / 序号 column.
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != BlockKind::kTableCell || b.source.row != 0 || !TermsHeader(b.text)) continue;
    const bool first = i == 0 || !SameRow(doc.blocks[i - 1].source, b.source);
    const bool after_number = !first && (i < 2 || !SameRow(doc.blocks[i - 2].source, b.source)) &&
                              NumberHeader(doc.blocks[i - 1].text);
    if (first || after_number) mark(b.source.table);
  }
  for (const Clause& c : clauses) {
    bool tables = false;
    for (int i = c.first_block; i < c.end_block && i < static_cast<int>(doc.blocks.size()); ++i) {
      tables |= doc.blocks[i].kind == BlockKind::kTableCell;
    }
    if (!tables) continue;
    bool definitions = false;
    for (int p = static_cast<int>(&c - clauses.data()); p >= 0 && !definitions;
         p = clauses[p].parent) {
      definitions = DefinitionsHeading(clauses[p].heading);
    }
    if (!definitions) continue;
    for (int i = c.first_block; i < c.end_block && i < static_cast<int>(doc.blocks.size()); ++i) {
      if (doc.blocks[i].kind == BlockKind::kTableCell) mark(doc.blocks[i].source.table);
    }
  }
  return out;
}

void ScanTableDefinition(std::string_view text, const std::vector<Block>& blocks, size_t index,
                         bool definitions_table, std::vector<Candidate>* out) {
  const Block& cell = blocks[index];
  if (cell.kind != BlockKind::kTableCell || index + 1 >= blocks.size()) return;
  // The next cell of the same row holds the meaning; the cells before this
  // one in its row, if any, only number the row.
  const Block& next = blocks[index + 1];
  if (next.kind != BlockKind::kTableCell || !SameRow(cell.source, next.source) ||
      next.source.column <= cell.source.column) {
    return;
  }
  for (size_t i = index; i-- > 0 && SameRow(blocks[i].source, cell.source);) {
    if (blocks[i].source.column == cell.source.column || !RowNumber(blocks[i].text)) return;
  }
  static const LazyPattern verb(
      R"((?i)^\s*(?:shall\s+)?(?:means?\b|refers?\s+to\b|is\s+defined\b)|^\s*(?:是指|系指|意指|指))",
      Opts());
  if (!definitions_table && !RE2::PartialMatch(next.text, verb)) return;
  if (next.text.find_first_not_of(" \t") == std::string::npos) return;
  if (cell.source.row == 0 && (TermsHeader(text) || NumberHeader(text))) return;
  // The term: the cell without spaces, quotation marks or a colon around it.
  size_t b = 0, e = text.size();
  auto trim = [&] {
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  };
  trim();
  const size_t span_b = b, span_e = e;
  for (bool changed = true; changed && b < e;) {
    changed = false;
    for (std::string_view q : {"\"", "“", "「", "‘", "'"}) {
      if (text.substr(b, e - b).starts_with(q)) b += q.size(), changed = true;
    }
    for (std::string_view q : {"\"", "”", "」", "’", "'", ":", "："}) {
      if (e - b > q.size() && text.substr(b, e - b).ends_with(q)) e -= q.size(), changed = true;
    }
    trim();
  }
  const std::string_view term = text.substr(b, e - b);
  if (term.empty() || term.size() > 80 || term.find('\n') != std::string_view::npos) return;
  for (std::string_view stop : {".", "。", "；", ";", "，", ","}) {
    if (term.ends_with(stop)) return;
  }
  const unsigned char first = static_cast<unsigned char>(term[0]);
  if (first < 0x80) {
    if (first < 'A' || first > 'Z') return;
    if (std::count(term.begin(), term.end(), ' ') > 7) return;
  } else if (utf8::CodePointCount(term) > 20) {
    return;
  }
  AddTerm(text, span_b, span_e, std::string(term), out);
}

bool NamesAnotherInstrument(std::string_view after) {
  static const LazyPattern next_word(
      R"(^(?:\s*(?:,|and|or)?\s*\([a-zA-Z0-9][a-zA-Z0-9 ]{0,5}\))*\s*(?:(?:of|under)\s+(?:the\s+)?(?:\d{4}\s+)?([A-Za-z][\w.-]*)|(there(?:of|in|under))\b))",
      Opts());
  std::string next, there;
  return RE2::PartialMatch(after, next_word, &next, &there) &&
         (!there.empty() ||
          (std::isupper(static_cast<unsigned char>(next[0])) && next != "Agreement" &&
           next != "AGREEMENT" && next != "Contract" && next != "CONTRACT"));
}

void ScanReferences(const Cues& cues, std::vector<Candidate>* out) {
  const std::string_view text = cues.text();
#define CC_REF_NUM \
  R"((?:\d+(?:\.\d+)*[a-z]?|[IVXLC]{1,6}(?:\.\d+)*)\b(?:\s?\((?:[a-z]{1,4}|[A-Z]{1,2}|[0-9]{1,3}|[IVXL]{1,5})\))*)"
  static const LazyPattern en(
      R"(((?:\b(?i:sections?|clauses?|articles?|paragraphs?|subsections?))\s+|§§?\s*)()" CC_REF_NUM
      R"((?:\s*(?:,|and|or|through|to|-|–)\s*)" CC_REF_NUM R"()*))",
      Opts());
  static const LazyPattern one(R"(()" CC_REF_NUM R"())", Opts());
#undef CC_REF_NUM
  // Another instrument's section: "Section 365 of the Bankruptcy Code",
  // "Section 3 of Exhibit B", "Article 2 of the UCC", "Section 10(a) of the
  // 1933 Act", "Section 9.02(c) thereof", "26 U.S.C. § 501", "21 CFR § 312.21".
  // "DFAR Section 227.7202", "IRC Section 1092": an acronym names the code.
  // A number with a part of four digits or more is a statute's or a
  // regulation's section, not a clause ("Section 4975", "Section 73.3555");
  // the number's `\b` keeps the C of "Clause" or "Cisco" after a list's
  // comma from reading as a Roman 100.
  static const LazyPattern statute_before(
      R"((?:\bU\.?\s?S\.?\s?C\.?|\bC\.?\s?F\.?\s?R\.?|\bCode|\bAct|\bRules?|\bRegulations?|\bTreaty)\s*,?\s*$)",
      Opts());
  static const LazyPattern acronym_before(R"(\b[A-Z][A-Z&]{1,5}\s+$)", Opts());
  auto clause_number = [](std::string_view n) {
    size_t run = 0;
    for (char ch : n) {
      run = ch >= '0' && ch <= '9' ? run + 1 : 0;
      if (run > 3) return false;
    }
    return true;
  };
  const bool en_word =
      cues.Any({Cue::kSection, Cue::kClause, Cue::kArticle, Cue::kParagraph, Cue::kSectionSign});
  ForEachMatch(en_word, en, text, [&](const std::vector<SP>& g) {
    size_t b = Off(text, g[0]), e = b + g[0].size();
    // "Section 5. Payment" opening the block is the clause's own number.
    if (text.substr(0, b).find_first_not_of(" \t") == std::string_view::npos) return;
    if (RE2::PartialMatch(text.substr(0, b), statute_before)) return;
    std::string_view word = Str(g[1]);
    if ((word.starts_with("§") ||
         std::any_of(word.begin(), word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) &&
        RE2::PartialMatch(text.substr(0, b), acronym_before)) {
      return;
    }
    if (NamesAnotherInstrument(text.substr(e))) return;
    std::string_view nums = Str(g[2]);
    bool first = true;
    ForEachMatch(one, nums, [&](const std::vector<SP>& n) {
      if (!clause_number(Str(n[1]))) {
        first = false;
        return;
      }
      std::string value;
      for (char ch : Str(n[1])) {
        if (ch != ' ') value.push_back(ch);
      }
      size_t nb = first ? b : Off(text, n[1]);
      size_t ne = Off(text, n[1]) + n[1].size();
      first = false;
      AddValue(FactType::kReference, text, nb, ne, std::move(value), out);
    });
  });
  static const LazyPattern zh(
      R"((?:本合同|本协议|本条)?第\s*([0-9]+(?:\.[0-9]+)*|[一二三四五六七八九十百零〇两]+)\s*条(?:\s*第\s*([0-9]+|[一二三四五六七八九十]+)\s*款)?(?:\s*第\s*([0-9]+|[一二三四五六七八九十]+)\s*项)?)",
      Opts());
  // A law's article: 《民法典》第五百零六条, 合同法第五十二条, 本法第三条.
  static const LazyPattern law_before(
      R"((?:》|法|条例|规定|解释|通则|办法|细则|公约)\s*(?:的)?\s*$)", Opts());
  ForEachMatch(cues.Has(Cue::kZhOrdinal), zh, text, [&](const std::vector<SP>& g) {
    size_t b = Off(text, g[0]), e = b + g[0].size();
    if (text.substr(0, b).find_first_not_of(" \t") == std::string_view::npos) return;
    size_t from = Boundary(text, b > 12 ? b - 12 : 0);
    if (!Str(g[0]).starts_with("本") &&
        RE2::PartialMatch(text.substr(from, b - from), law_before)) {
      return;
    }
    std::string value;
    std::string_view article = Str(g[1]);
    if (article.find('.') != std::string_view::npos) {
      value = std::string(article);
    } else {
      int v = ZhValue(article);
      if (v <= 0) return;
      value = std::to_string(v);
    }
    for (int k : {2, 3}) {
      if (!g[k].data()) break;
      int v = ZhValue(Str(g[k]));
      if (v <= 0) return;
      value += "/" + std::to_string(v);
    }
    AddValue(FactType::kReference, text, b, e, std::move(value), out);
  });
}

void ResolveReferences(const std::vector<Clause>& clauses, std::vector<Fact>* facts) {
  bool any = false;
  for (const Fact& f : *facts) any |= f.type == FactType::kReference;
  if (!any) return;
  const std::map<std::string, size_t> keys = ClauseKeys(clauses);
  static const LazyPattern split(R"(^([^(]*)((?:\([^)]*\))*)$)", Opts());
  for (Fact& f : *facts) {
    if (f.type != FactType::kReference || !f.value) continue;
    std::string v = *f.value, base, subs;
    std::string key = v;
    if (RE2::FullMatch(v, split, &base, &subs)) {
      if (auto k = DecimalKey(base)) {
        for (char& ch : subs) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        key = *k + subs;
      }
    }
    // Narrowest first: 5(b), then 5 when clause 5 holds a "(b)"; 3/2, then 3.
    for (std::string k = key; !k.empty();) {
      auto it = keys.find(k);
      if (it != keys.end()) {
        bool exact = k == key;
        const Clause& c = clauses[it->second];
        std::string rest = key.substr(k.size());
        if (exact ||
            (rest.starts_with("(") &&
             c.text.find(rest.substr(0, rest.find(')') + 1)) != std::string::npos) ||
            rest.starts_with("/")) {
          f.target = c.id;
        }
        break;
      }
      size_t paren = k.rfind('('), slash = k.rfind('/');
      size_t cut = paren == std::string::npos   ? slash
                   : slash == std::string::npos ? paren
                                                : std::max(paren, slash);
      if (cut == std::string::npos || cut == 0) break;
      k = k.substr(0, cut);
    }
    // "Article 12" where the reader found no clause 12 (its heading run into
    // the paragraph before it, say) but found 12.1: a clause's sub-clauses
    // show that it is there. The reference points at the first of them.
    for (const char* sep : {".", "(", "/"}) {
      if (!f.target.empty()) break;
      auto it = keys.lower_bound(key + sep);
      if (it != keys.end() && it->first.starts_with(key + sep)) f.target = clauses[it->second].id;
    }
  }
}

// Whether a term has letters and all of them are capitals.
bool AllCaps(std::string_view term) {
  bool letter = false;
  for (char ch : term) {
    if (ch >= 'a' && ch <= 'z') return false;
    letter |= ch >= 'A' && ch <= 'Z';
  }
  return letter;
}

void CountTermUses(const std::vector<Clause>& clauses, std::vector<Fact>* facts) {
  std::map<std::string, int> definitions;
  for (const Fact& f : *facts) {
    if (f.type == FactType::kDefinedTerm && f.value) ++definitions[*f.value];
  }
  // A term holds no line break (the patterns that find terms exclude them):
  // counted in the joined texts at once.
  std::optional<JoinedClauses> joined;
  if (!definitions.empty()) joined.emplace(clauses);
  std::map<std::string, int> uses;
  std::optional<std::string> lower_joined;
  for (auto& [term, n] : definitions) {
    int total = 0;
    if (term.find('\n') == std::string::npos) {
      total = CountWord(joined->text, term);
    } else {
      for (const Clause& c : clauses) total += CountWord(c.text, term);
    }
    uses[term] = std::max(0, total - n);
    // "Customer(s)" is used as "Customer" or "Customers"; "Bonus or
    // Bonuses" as either word. Each form is counted, less its occurrences in
    // the definitions.
    if (uses[term] == 0 && term.find('\n') == std::string::npos) {
      std::vector<std::string> forms;
      for (std::string_view plural : {"(s)", "(es)", "(S)", "(ES)"}) {
        if (term.size() > plural.size() + 1 && std::string_view(term).ends_with(plural)) {
          std::string base = term.substr(0, term.size() - plural.size());
          std::string inner(plural.substr(1, plural.size() - 2));
          forms = {base, base + inner};
        }
      }
      if (size_t o = term.find(" or "); forms.empty() && o != std::string::npos && o > 0) {
        forms = {term.substr(0, o), term.substr(o + 4)};
      }
      // A term defined in the singular is used in the plural:
      // "Sub-Contractor" as "Sub-Contractors", "Territory" as "Territories".
      if (forms.empty() && !term.empty() && std::isalpha(static_cast<unsigned char>(term.back()))) {
        const bool upper = std::isupper(static_cast<unsigned char>(term.back()));
        forms = {term + (upper ? "S" : "s"), term + (upper ? "ES" : "es")};
        if (term.size() > 1 && (term.back() == 'y' || term.back() == 'Y')) {
          forms.push_back(term.substr(0, term.size() - 1) + (upper ? "IES" : "ies"));
        }
      }
      int form_uses = 0;
      for (const std::string& form : forms) {
        if (!form.empty()) {
          form_uses += std::max(0, CountWord(joined->text, form) - n * CountWord(term, form));
        }
      }
      // A term defined in capitals ("OUTSOURCING CUSTOMER USER" means ...) is
      // used in any case: "an Outsourcing Customer User".
      if (form_uses == 0 && AllCaps(term)) {
        if (!lower_joined) lower_joined = ascii::ToLower(joined->text);
        const std::string lower = ascii::ToLower(term);
        form_uses = std::max(
            0, CountWord(*lower_joined, lower) + CountWord(*lower_joined, lower + "s") - n);
      }
      uses[term] = form_uses;
    }
  }
  for (Fact& f : *facts) {
    if (f.type == FactType::kDefinedTerm && f.value) f.uses = uses[*f.value];
  }
}

}  // namespace clausecheck::analyzer::internal
