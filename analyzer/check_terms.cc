// A capitalised term used as a defined term but defined nowhere: "the
// Licensed Software" in a contract whose definitions never give it a
// meaning. English only: Chinese has no capitals to mark a defined term.
//
// The principle: a drafter who defines terms capitalises them where they are
// used, so a capitalised phrase after a determiner ("the", "any", "such") in
// a contract that defines terms reads as a defined term. It is reported when
// it is used at least twice, no definition, quotation, party name or heading
// gives it, and it is not a name the reader knows without a definition
// (statutes, courts and institutions, places, months, the contract's own
// parts). A contract that imports its definitions from another ("capitalised
// terms not defined herein have the meanings given in the Credit Agreement")
// is not checked.
#include "analyzer/check_terms.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/candidates.h"
#include "analyzer/delimited.h"
#include "analyzer/rule_shapes.h"
#include "core/ascii.h"

namespace clausecheck::analyzer {
namespace {

using re2::RE2;

RE2::Options Opts() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

// ASCII classes: what <cctype> answers in the "C" locale the program runs
// in, without a call per byte.
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

// Appends the singular of the word `w` in lower case to `out`: "Products"
// -> "product", "Parties" -> "party", "Licensee's" -> "licensee".
void AppendSingular(std::string_view w, std::string* out) {
  const size_t start = out->size();
  for (char ch : w) out->push_back(ascii::Lower(ch));
  std::string_view l(out->data() + start, out->size() - start);
  if (l.ends_with("'s")) {
    out->resize(out->size() - 2);
    l.remove_suffix(2);
  }
  if (l.size() > 4 && l.ends_with("ies")) {
    out->resize(out->size() - 3);
    out->push_back('y');
  } else if (l.size() > 3 && l.ends_with("s") && !l.ends_with("ss") && !l.ends_with("us") &&
             !l.ends_with("is")) {
    out->pop_back();
  }
}

// Calls fn(word) for each word of `s`: letters, digits and apostrophes
// ("Licensee’s": the curly apostrophe ends the word, and its "s" is not one).
template <typename Fn>
void ForEachWord(std::string_view s, Fn fn) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsAsciiAlnum(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && (IsAsciiAlnum(s[i]) || s[i] == '\'')) ++i;
    if (i > b && s.substr(b, i - b) != "s") fn(s.substr(b, i - b));
  }
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  ForEachWord(s, [&](std::string_view w) {
    out.emplace_back();
    AppendSingular(w, &out.back());
  });
  return out;
}

// The words of `s` in the singular, lower case, without a leading "the",
// joined by spaces.
std::string Key(std::string_view s) {
  std::string k;
  bool first = true;
  ForEachWord(s, [&](std::string_view w) {
    const size_t before = k.size();
    if (!k.empty()) k += ' ';
    AppendSingular(w, &k);
    if (first && std::string_view(k).substr(before) == "the") k.resize(before);
    first = false;
  });
  return k;
}

// Words that make a capitalised phrase a name the reader already knows.
bool KnownName(const std::vector<std::string>& words) {
  static const std::set<std::string> known = {
      // the contract's own parts and people
      "agreement", "contract", "section", "article", "clause", "paragraph", "exhibit", "schedule",
      "annex", "appendix", "appendice", "attachment", "addendum", "amendment", "recital",
      "preamble", "party", "part", "page", "hereof", "hereto", "herein",
      // statutes and instruments
      "act", "code", "regulation", "rule", "law", "statute", "directive", "convention", "treaty",
      "constitution", "ordinance", "order", "decree", "standard", "principle", "guideline",
      // courts, institutions, governments
      "court", "commission", "association", "institute", "institution", "board", "office",
      "department", "agency", "bureau", "government", "state", "republic", "kingdom", "province",
      "county", "city", "union", "nation", "bank", "exchange", "organization", "organisation",
      "chamber", "center", "centre", "tribunal", "council", "authority", "university", "ministry",
      "administration", "federation", "committee", "service", "system", "federal", "national",
      "international", "united", "corporation", "inc", "llc", "ltd", "limited", "plc", "gmbh", "co",
      "company", "group", "holding", "trust", "fund", "partnership", "lp", "llp",
      // offices people hold
      "officer", "president", "chairman", "chairperson", "director", "secretary", "treasurer",
      "manager", "counsel",
      // places and calendar
      "street", "avenue", "road", "drive", "boulevard", "building", "floor", "suite", "island",
      "america", "china", "kong", "york", "california", "delaware", "texas", "england", "wale",
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "christma", "easter", "year", "day", "week", "month", "quarter",
      // languages, currencies, the net
      "english", "chinese", "french", "german", "spanish", "dollar", "euro", "pound", "yen",
      "renminbi", "rmb", "usd", "incoterm", "commonwealth", "internet", "web", "website", "email",
      "e-mail", "mr", "ms", "dr"};
  for (const std::string& w : words) {
    if (known.count(w)) return true;
  }
  return false;
}

// "the Netherlands", "the Philippines", "the United Arab Emirates": the
// English names of every country ICU knows.
bool CountryName(const std::string& key) {
  static const std::set<std::string>* names = [] {
    auto* out = new std::set<std::string>;
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
      icu::UnicodeString name;
      icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), name);
      std::string utf8;
      name.toUTF8String(utf8);
      out->insert(Key(utf8));
    }
    return out;
  }();
  return names->count(key) > 0;
}

bool IsWordByte(char c) { return IsAsciiAlnum(c) || c == '_'; }

bool Contains(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

// A line set in title case (a heading, a caption, a signature line): most of
// its words capitalised.
bool TitleLike(std::string_view line) {
  // A table of contents run into one line: "5.4 No Affiliation 6 5.5 Mask Works 6".
  static const LazyPattern toc_entry(R"(\b\d{1,3}\.\d{1,3}\s+[A-Z][^.]{1,80}?\s\d{1,3}\s)", Opts());
  int numbers = 0;  // "d.d", three needed before the pattern can count
  for (size_t i = 1; i + 1 < line.size() && numbers < 3; ++i) {
    numbers += line[i] == '.' && IsAsciiDigit(line[i - 1]) && IsAsciiDigit(line[i + 1]);
  }
  if (numbers >= 3) {
    re2::StringPiece rest(line.data(), line.size());
    int entries = 0;
    while (entries < 3 && RE2::FindAndConsume(&rest, toc_entry)) ++entries;
    if (entries >= 3) return true;
  }
  int words = 0, capitals = 0;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && !IsAsciiAlpha(line[i])) ++i;
    if (i >= line.size()) break;
    ++words;
    if ((line[i] >= 'A' && line[i] <= 'Z')) ++capitals;
    while (i < line.size() && IsAsciiAlpha(line[i])) ++i;
  }
  return words > 0 && words <= 30 && capitals * 10 >= words * 6;
}

// A capitalised phrase: where it is first used, and how often.
struct Uses {
  const Clause* clause;
  size_t begin, end;
  std::string_view text;  // in the clause's text
  int count = 0;
};

// A capitalised word at `i` ("Software", "Non-Compete"): its end, or npos.
size_t CapitalWord(std::string_view s, size_t i) {
  auto lower_run = [&](size_t k) {
    size_t e = k;
    while (e < s.size() && s[e] >= 'a' && s[e] <= 'z') ++e;
    return e;
  };
  if (i >= s.size() || s[i] < 'A' || s[i] > 'Z') return std::string_view::npos;
  size_t e = lower_run(i + 1);
  if (e == i + 1) return std::string_view::npos;
  if (e + 2 < s.size() && s[e] == '-' && s[e + 1] >= 'A' && s[e + 1] <= 'Z') {
    size_t e2 = lower_run(e + 2);
    if (e2 > e + 2 && (e2 == s.size() || !IsWordByte(s[e2]))) return e2;
  }
  if (e < s.size() && IsWordByte(s[e])) return std::string_view::npos;
  return e;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

size_t SkipSpace(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

// `word` at `i` followed by at least one space: the position after the spaces.
size_t WordThenSpace(std::string_view s, size_t i, std::string_view word) {
  if (s.substr(i, word.size()) != word) return std::string_view::npos;
  size_t j = i + word.size();
  if (j >= s.size() || !IsSpace(s[j])) return std::string_view::npos;
  return SkipSpace(s, j);
}

// Up to `n` more capitalised words, each after spaces: the end of the last.
size_t MoreCapitals(std::string_view s, size_t e, int n) {
  for (int k = 0; k < n; ++k) {
    size_t j = SkipSpace(s, e);
    if (j == e) break;
    size_t w = CapitalWord(s, j);
    if (w == std::string_view::npos) break;
    e = w;
  }
  return e;
}

// The capitalised phrases used after a determiner in `line`, as [begin, end)
// pairs: a determiner, then up to five capitalised words, joined to up to two
// more runs by "of", "for", "and", "&" or a possessive, so that a longer name
// is read whole: "the Licensed Software", "any Statement of Work", "the
// Securities and Exchange Commission", "the People's Republic of China".
std::vector<std::pair<size_t, size_t>> DeterminedPhrases(std::string_view line) {
  static constexpr std::string_view kDeterminers[] = {"the",    "any",     "such",  "each",
                                                      "every",  "all",     "said",  "no",
                                                      "either", "neither", "other", "applicable"};
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = 0;
  while (i < line.size()) {
    // Only the letters a determiner can start with (tested first: most bytes
    // are not one of them); a determiner starts a word: at the line start or
    // after a byte that is neither a letter, a digit nor an apostrophe.
    const char c = line[i];
    const bool first = c == 't' || c == 'a' || c == 's' || c == 'e' || c == 'n' || c == 'o';
    size_t begin = std::string_view::npos;
    if (first && (i == 0 || !(IsAsciiAlnum(line[i - 1]) || line[i - 1] == '\'' ||
                              (i >= 3 && line.substr(i - 3, 3) == "’")))) {
      for (std::string_view d : kDeterminers) {
        if (d[0] != line[i]) continue;
        size_t j = WordThenSpace(line, i, d);
        if (j != std::string_view::npos && CapitalWord(line, j) != std::string_view::npos) {
          begin = j;
          break;
        }
      }
    }
    if (begin == std::string_view::npos) {
      ++i;
      continue;
    }
    size_t end = MoreCapitals(line, CapitalWord(line, begin), 4);
    for (int joins = 0; joins < 2; ++joins) {
      size_t j = std::string_view::npos;
      size_t sp = SkipSpace(line, end);
      if (sp > end) {
        for (std::string_view link : {"of", "for"}) {
          size_t k = WordThenSpace(line, sp, link);
          if (k != std::string_view::npos) {
            size_t t = WordThenSpace(line, k, "the");
            j = t != std::string_view::npos && CapitalWord(line, t) != std::string_view::npos ? t
                                                                                              : k;
            break;
          }
        }
        if (j == std::string_view::npos) {
          for (std::string_view link : {"and", "&"}) {
            size_t k = WordThenSpace(line, sp, link);
            if (k != std::string_view::npos) j = k;
          }
        }
      } else if (line.substr(end, 2) == "'s" || line.substr(end, 4) == "’s") {
        size_t k = end + (line[end] == '\'' ? 2 : 4);
        size_t t = SkipSpace(line, k);
        if (t > k) j = t;
      }
      size_t w = j == std::string_view::npos ? j : CapitalWord(line, j);
      if (w == std::string_view::npos) break;
      end = MoreCapitals(line, w, 3);
    }
    out.emplace_back(begin, end);
    i = end;
  }
  return out;
}

// The patterns of `set` that match somewhere in `text`, in *hits; false if
// the set could not tell (its DFA out of memory), and the caller must run each
// pattern itself.
bool SetMatches(const RE2::Set& set, std::string_view text, std::vector<int>* hits) {
  hits->clear();
  RE2::Set::ErrorInfo info{};
  if (set.Match(text, hits, &info)) return true;
  return info.kind == RE2::Set::kNoError;  // no pattern matches
}

}  // namespace

std::vector<CheckHit> UndefinedTerms(const CheckContext& c) {
  static const LazyPattern imported(
      R"((?i)capitali[sz]ed\s+terms?\b[^.;]{0,160}\b(?:not|otherwise)\b[^.;]{0,80}\bdefined|\bterms?\s+(?:used|defined)\b[^.;]{0,40}\bnot\s+(?:otherwise\s+)?defined\b[^.;]{0,80}\bmeanings?\b)",
      Opts());
  // Anything in quotation marks: what ["“]([^"”\n]{1,80})["”] matches,
  // found without compiling it (analyzer/delimited.h).
  static constexpr Delimited kQuoted{U"\"“", U"\"”", U"\n", 80};
  // "Class I breaches", "Phase 2": a label with its designator, not a term.
  // "Japan-specific": part of a compound word.
  static const LazyPattern designator(R"(^(?:-|\s+(?:[A-Z]{1,3}|\d[\w.]*)(?:[^\w]|$)))", Opts());
  // "the Products as defined in Exhibit A": defined elsewhere, by reference.
  static const LazyPattern by_reference(
      R"(^['’]?s?\s*,?\s*(?:\(?as\s+)?(?:defined|described|set\s+forth|specified|identified|listed)\s+(?:in|on|under|below|above|herein))",
      Opts());
  // Definitions without quotation marks: a line that opens with the term and
  // a full stop or colon ("1.06 Application. The application form ...",
  // "Holder: the registered owner"), or "Licensed Software means".
  static const LazyPattern run_in(
      R"((?m)(?:^\s*(?:\(?[0-9A-Za-z]{1,3}[.)]?(?:[0-9]{1,3}[.)]?)*\s+)?|[\s:;][0-9]{1,3}(?:\.[0-9]{1,3})*\.?\s+)([A-Z][A-Za-z-]*(?:\s+(?:of|for|and|&|[A-Z][A-Za-z-]*)){0,6})\s*(?:[.:]|\s[-–—])\s)",
      Opts());
  static const LazyPattern means(
      R"(\b([A-Z][A-Za-z-]*(?:\s+[A-Z][A-Za-z-]*){0,5})\s+(?:shall\s+)?(?:means?|refers?\s+to|is\s+defined|are\s+defined)\b)",
      Opts());
  // "End User is the final purchaser ..." opening a line.
  static const LazyPattern line_is(
      R"((?m)^\s*(?:\(?[0-9A-Za-z]{1,3}[.)]?(?:[0-9]{1,3}[.)]?)*\s+)?([A-Z][A-Za-z-]*(?:\s+[A-Z][A-Za-z-]*){0,5})\s+(?:is|are|shall\s+be)\s+(?:the|a|an|any|all|each)\s)",
      Opts());
  // "(Covid-19 Licensed Products)", "(hereinafter Seller)": a short name
  // given in brackets without quotation marks.
  static const LazyPattern paren(
      R"(\((?:(?:hereinafter|herein|collectively|together|each|individually)\s+)?(?:(?:referred\s+to|called)\s+)?(?:as\s+)?(?:the\s+)?([A-Z0-9][\w-]*(?:\s+[A-Z][\w-]*){0,5})\))",
      Opts());

  const LazyPattern* const patterns[] = {&run_in, &means, &line_is, &paren};

  // Definitions of every kind the contract gives: extracted definitions,
  // anything it puts in quotation marks, its parties, its headings.
  std::set<std::string> defined;
  size_t definitions = 0;
  for (const Fact& f : c.facts) {
    if (f.type == FactType::kDefinedTerm && f.value) {
      defined.insert(Key(*f.value));
      ++definitions;
    } else if (f.type == FactType::kParty) {
      for (const std::string* s : {&f.short_name, &f.role}) {
        if (!s->empty()) defined.insert(Key(*s));
      }
      if (f.value) defined.insert(Key(*f.value));
    }
  }
  if (definitions < 3) return {};
  // Every capitalised phrase by key, and the keys in document order.
  std::map<std::string, Uses> uses;
  std::vector<std::string> order;
  for (const Clause& cl : c.clauses) {
    std::string_view text(cl.text);
    size_t line_begin = 0;
    while (line_begin <= text.size()) {
      size_t line_end = std::min(text.find('\n', line_begin), text.size());
      std::string_view line = text.substr(line_begin, line_end - line_begin);
      const std::vector<std::pair<size_t, size_t>> phrases = DeterminedPhrases(line);
      if (!phrases.empty() && !TitleLike(line)) {
        for (auto [tb, te] : phrases) {
          const std::string_view term = line.substr(tb, te - tb);
          const re2::StringPiece rest(line.data() + te, line.size() - te);
          if (RE2::PartialMatch(rest, designator)) continue;
          if (RE2::PartialMatch(rest, by_reference)) {
            defined.insert(Key(term));
            continue;
          }
          size_t b = line_begin + tb;
          std::string k = Key(term);
          auto [it, fresh] = uses.try_emplace(k, Uses{&cl, b, b + term.size(), term});
          if (fresh) order.push_back(k);
          ++it->second.count;
        }
      }
      line_begin = line_end + 1;
    }
  }

  // Nothing used twice: nothing to report, whatever the definitions are (a
  // Chinese contract has no capitalised phrases), so they are not looked for.
  if (std::none_of(uses.begin(), uses.end(), [](const auto& u) { return u.second.count >= 2; })) {
    return {};
  }

  // The definition patterns as one set, by index in `patterns` (null if it
  // does not compile, which these patterns always do); built only for a
  // contract that gets this far.
  static const RE2::Set* definitions_set = [&]() -> const RE2::Set* {
    auto* set = new RE2::Set(Opts(), RE2::UNANCHORED);
    for (const LazyPattern* re : patterns) {
      if (set->Add(re->pattern(), nullptr) < 0) return nullptr;
    }
    return set->Compile() ? set : nullptr;
  }();
  std::vector<int> set_hits;
  for (const Clause& cl : c.clauses) {
    const std::string_view text(cl.text);
    if ((Contains(text, "efined") || Contains(text, "EFINED")) &&
        RE2::PartialMatch(cl.text, imported)) {
      return {};
    }
    if (!cl.heading.empty()) defined.insert(Key(cl.heading));
    // Each pattern only where it matches: one pass of the set says which do
    // (all of them if the set cannot answer), then each of those finds its
    // matches; and only where what it needs is present.
    bool matches[std::size(patterns)] = {};
    if (!definitions_set || !SetMatches(*definitions_set, text, &set_hits)) {
      std::fill(std::begin(matches), std::end(matches), true);
    } else {
      for (int h : set_hits) matches[h] = true;
    }
    const bool needs[] = {
        true, Contains(text, "mean") || Contains(text, "refer") || Contains(text, "defined"), true,
        Contains(text, "(")};
    if (Contains(text, "\"") || Contains(text, "“")) {
      ForEachDelimited(text, kQuoted,
                       [&](std::string_view, std::string_view term) { defined.insert(Key(term)); });
    }
    re2::StringPiece m;
    for (size_t i = 0; i < std::size(patterns); ++i) {
      if (!needs[i] || !matches[i]) continue;
      const RE2& re = *patterns[i];
      re2::StringPiece rest(cl.text);
      while (RE2::FindAndConsume(&rest, re, &m)) defined.insert(Key(std::string_view(m)));
    }
  }
  defined.erase("");

  std::vector<CheckHit> hits;
  for (const std::string& k : order) {
    const Uses& u = uses.at(k);
    if (u.count < 2) continue;
    std::vector<std::string> words = Words(u.text);
    if (KnownName(words) || CountryName(k)) continue;
    // Defined as it stands, or as the head of a longer defined term, or
    // built on one ("the Licensee Products" where "Licensee" is defined).
    bool covered = false;
    std::string prefix;
    for (size_t i = 0; i < words.size() && !covered; ++i) {
      prefix += (i ? " " : "") + words[i];
      std::string suffix;
      for (size_t j = i; j < words.size(); ++j) suffix += (j > i ? " " : "") + words[j];
      covered = defined.count(prefix) || defined.count(suffix);
    }
    for (auto it = defined.lower_bound(k); !covered && it != defined.end() && it->starts_with(k);
         ++it) {
      covered = it->size() == k.size() || (*it)[k.size()] == ' ';
    }
    // ... or as the tail of one: "Plant Material" for "CERES/IGER Plant Material".
    for (auto it = defined.begin(); !covered && it != defined.end(); ++it) {
      covered =
          it->size() > k.size() && it->ends_with(k) && (*it)[it->size() - k.size() - 1] == ' ';
    }
    if (covered) continue;
    CheckHit h = SpanHit(c.doc, *u.clause, u.begin, u.end);
    h.values = {{"value", std::string(u.text)}, {"count", std::to_string(u.count)}};
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace clausecheck::analyzer
