#include "analyzer/checks.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <set>
#include <utility>

#include "analyzer/candidates.h"
#include "analyzer/check_terms.h"
#include "analyzer/extract_internal.h"
#include "analyzer/sentence.h"
#include "core/ascii.h"
#include "core/utf8.h"

namespace clausecheck::analyzer {
namespace {

using re2::RE2;

RE2::Options Opts() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

}  // namespace

std::string FormatNumber(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    return s;
  }
  return buf;
}

namespace {

std::string Number(double v) { return FormatNumber(v); }

double Param(const CheckContext& c, const char* name) {
  auto it = c.parameters.find(name);
  return it == c.parameters.end() ? 0 : it->second;
}

}  // namespace

CheckHit HitOn(const Fact& f) {
  CheckHit h;
  h.clause_id = f.clause_id;
  h.location = f.location;
  h.evidence = f.text;
  return h;
}

namespace {

bool FullDate(const Fact& f) {
  return f.type == FactType::kDate && f.value && f.value->size() == 10 && !f.placeholder;
}

}  // namespace

// The words around a fact, within its sentence of its block. Built once per
// document (CheckContext::Around) and shared by the checks; each block's
// code point offsets are computed once, when a fact in it is first looked at.
class Surroundings {
 public:
  explicit Surroundings(const Document& doc) {
    for (const Block& b : doc.blocks) blocks_[{b.source.part, b.source.index}].text = &b.text;
  }

  /// Up to `n` code points before the fact, not past the start of its sentence.
  std::string_view Before(const Fact& f, int n) const {
    const Entry* e = Find(f);
    if (!e) return {};
    size_t b = Byte(*e, f.location->start), end = Byte(*e, f.location->end);
    std::string_view sentence = SentenceAround(*e->text, b, end);
    size_t from = std::max(Byte(*e, f.location->start - n),
                           static_cast<size_t>(sentence.data() - e->text->data()));
    return std::string_view(*e->text).substr(from, b - from);
  }

  /// The sentence the fact stands in.
  std::string_view Sentence(const Fact& f) const {
    const Entry* e = Find(f);
    if (!e) return {};
    return SentenceAround(*e->text, Byte(*e, f.location->start), Byte(*e, f.location->end));
  }

  /// Up to `n` code points after the fact, not past the end of its sentence.
  std::string_view After(const Fact& f, int n) const {
    const Entry* e = Find(f);
    if (!e) return {};
    size_t b = Byte(*e, f.location->start), end = Byte(*e, f.location->end);
    std::string_view sentence = SentenceAround(*e->text, b, end);
    size_t to = std::min(Byte(*e, f.location->end + n),
                         static_cast<size_t>(sentence.data() - e->text->data()) + sentence.size());
    return std::string_view(*e->text).substr(end, to > end ? to - end : 0);
  }

 private:
  struct Entry {
    const std::string* text = nullptr;
    mutable std::vector<size_t> starts;  // byte offset of each code point, then the size
  };

  const Entry* Find(const Fact& f) const {
    if (!f.location) return nullptr;
    auto it = blocks_.find({f.location->part, f.location->block});
    return it == blocks_.end() ? nullptr : &it->second;
  }

  static size_t Byte(const Entry& e, int cp) {
    if (e.starts.empty()) {
      const std::string& t = *e.text;
      for (size_t i = 0; i < t.size(); ++i) {
        if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) e.starts.push_back(i);
      }
      e.starts.push_back(t.size());
    }
    return e.starts[std::clamp(cp, 0, static_cast<int>(e.starts.size()) - 1)];
  }

  std::map<std::pair<std::string, int>, Entry> blocks_;
};

const Surroundings& CheckContext::Around() const {
  if (!around_) around_ = std::make_shared<Surroundings>(doc);
  return *around_;
}

const Clause* CheckContext::ClauseById(const std::string& id) const {
  if (!clause_index_) {
    clause_index_ = std::make_shared<std::map<std::string, const Clause*>>();
    for (const Clause& cl : clauses) (*clause_index_)[cl.id] = &cl;
  }
  auto it = clause_index_->find(id);
  return it == clause_index_->end() ? nullptr : it->second;
}

std::string_view SentenceOf(const CheckContext& context, const Fact& fact) {
  return context.Around().Sentence(fact);
}

std::string_view WordsBefore(const CheckContext& context, const Fact& fact, int n) {
  return context.Around().Before(fact, n);
}

std::string_view WordsAfter(const CheckContext& context, const Fact& fact, int n) {
  return context.Around().After(fact, n);
}

double DurationDays(const Fact& d) {
  if (!d.number) return -1;
  double n = *d.number;
  if (d.unit == "day") return n;
  if (d.unit == "business_day") return n * 7.0 / 5.0;
  if (d.unit == "week") return n * 7;
  if (d.unit == "month") return n * 30.4;
  if (d.unit == "year") return n * 365;
  return -1;
}

std::vector<CheckHit> SecondValues(const CheckContext& c, bool across_clauses,
                                   const std::function<bool(const Fact&)>& of_kind,
                                   const std::function<const std::string*(const Fact&)>& field) {
  std::vector<CheckHit> hits;
  const Fact* first = nullptr;
  const std::string* first_value = nullptr;
  std::set<std::string> seen;
  for (const Fact& f : c.facts) {
    const std::string* v = of_kind(f) ? field(f) : nullptr;
    if (!v || v->empty()) continue;
    if (!first) {
      first = &f;
      first_value = v;
    }
    if (seen.insert(*v).second && seen.size() > 1 &&
        (!across_clauses || f.clause_id != first->clause_id)) {
      CheckHit h = HitOn(f);
      h.values = {{"value", *v}, {"other", *first_value}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

namespace {

bool InCategory(const CheckContext& c, const Fact& f, Category cat) {
  const Clause* cl = c.ClauseById(f.clause_id);
  return cl && std::find(cl->categories.begin(), cl->categories.end(), cat) != cl->categories.end();
}

double DaysOf(const Fact& d) { return DurationDays(d); }

// ------------------------------------------------------------- checks --

// Whether a date is one of the contract's term: its sentence is about the
// agreement or its term ("This Agreement shall commence on ... and terminate
// on ...", "The term of this Lease shall continue ... until ...", "租赁期限
// 自...至..."), or the date is named the term's ("... on December 31, 2006
// (the "Term")"). The agreement is what the sentence is about when it is not
// the object of a preposition: in "the financial statements for the period
// from the date of this Agreement ending on September 30, 2001" or "any
// assignment of this Agreement shall be void until ..." it is not; nor is it
// in "support the trial until December 31, 2010".
bool TermDate(const CheckContext& c, const Fact& f) {
  static const LazyPattern named(
      R"((?i)^\s*[(（]\s*(?:the\s+)?["“]?(?:\w+\s+)?(?:term|expiration\s+date|expiry\s+date|end\s+date|commencement\s+date|effective\s+date)\b)",
      Opts());
  if (RE2::PartialMatch(c.Around().After(f, 40), named)) return true;
  static const LazyPattern chinese(R"((?:本合同|本协议|合同|协议|期限|有效期|租期))", Opts());
  static const LazyPattern term(
      R"((?i)\bterm\b|\b(?:contract|initial|renewal|subscription|licen[cs]e|lease|rental|agreement)\s+(?:period|term)\b)",
      Opts());
  const std::string_view before = c.Around().Before(f, 400);
  if (RE2::PartialMatch(before, chinese) || RE2::PartialMatch(before, term)) return true;
  static const LazyPattern agreement(
      R"((?:(\w+)\s+)?\b(?:(?i:this|the)\s+(?:\w+\s+){0,2}(?i:agreement|contract|lease|licen[cs]e|venture)|[Tt]his\s+[A-Z]{2,6})\b)",
      Opts());
  re2::StringPiece rest(before.data(), before.size());
  std::string word;
  while (RE2::FindAndConsume(&rest, agreement, &word)) {
    static const std::set<std::string, std::less<>> kPrepositions = {
        "of", "under", "to", "with", "by", "in", "for", "from", "upon", "on", "into", "than"};
    if (!kPrepositions.contains(ascii::ToLower(word))) return true;
  }
  return false;
}

std::vector<CheckHit> EndBeforeStart(const CheckContext& c) {
  std::string start;
  for (const Fact& f : c.facts) {
    if (FullDate(f) && !f.relative && (f.role == "start" || f.role == "effective") &&
        (start.empty() || *f.value < start) && TermDate(c, f)) {
      start = *f.value;
    }
  }
  std::vector<CheckHit> hits;
  if (start.empty()) return hits;
  for (const Fact& f : c.facts) {
    if (FullDate(f) && (f.role == "end" || f.role == "expiry") && *f.value < start &&
        TermDate(c, f)) {
      CheckHit h = HitOn(f);
      h.values = {{"value", *f.value}, {"start", start}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

std::vector<CheckHit> Expired(const CheckContext& c) {
  std::vector<CheckHit> hits;
  if (c.as_of.empty()) return hits;
  const Fact* last = nullptr;
  for (const Fact& f : c.facts) {
    if (FullDate(f) && (f.role == "end" || f.role == "expiry") &&
        (!last || *f.value > *last->value) && TermDate(c, f)) {
      last = &f;
    }
  }
  if (last && *last->value < c.as_of) {
    CheckHit h = HitOn(*last);
    h.values = {{"value", *last->value}, {"as_of", c.as_of}};
    hits.push_back(std::move(h));
  }
  return hits;
}

std::vector<CheckHit> WordsFiguresMismatch(const CheckContext& c) {
  std::vector<CheckHit> hits;
  for (const Fact& f : c.facts) {
    if (f.words && f.number && std::fabs(*f.words - *f.number) >= 0.005) {
      CheckHit h = HitOn(f);
      h.values = {{"words", Number(*f.words)}, {"figures", Number(*f.number)}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

// 定金 (a deposit under 《民法典》第五百八十六条; not 订金) above the cap, as a
// percentage or as an amount compared with the contract price: the largest
// amount named as a price (总价款, 转让价款, 租金总额, contract price...), or
// failing one the largest amount. A larger amount that is no price (the
// target company's registered capital in a share transfer) is no base.
std::vector<CheckHit> DepositOverCap(const CheckContext& c) {
  static const LazyPattern deposit(R"(定金)", Opts());
  static const LazyPattern price_label(
      R"((?:价款|总价|总额|总金额|合同金额|标的额|(?i:price|contract value))(?:（[^）]{0,8}）)?\s*(?:为|是|：|:)?\s*$)",
      Opts());
  const double cap = Param(c, "deposit_cap_percent");
  const Surroundings& around = c.Around();
  double largest = 0, named = 0;
  for (const Fact& f : c.facts) {
    if (f.type != FactType::kAmount || !f.number) continue;
    largest = std::max(largest, *f.number);
    if (RE2::PartialMatch(around.Before(f, 12), price_label)) named = std::max(named, *f.number);
  }
  const double price = named > 0 ? named : largest;
  std::vector<CheckHit> hits;
  std::set<double> reported;  // the same deposit restated ("定金抵作第一期价款") is one finding
  for (const Fact& f : c.facts) {
    if (!f.number || (f.type != FactType::kPercentage && f.type != FactType::kAmount)) continue;
    std::string_view before = around.Before(f, 24);
    if (!RE2::PartialMatch(before, deposit)) continue;
    double share = f.type == FactType::kPercentage ? *f.number
                   : price > *f.number             ? *f.number / price * 100
                                                   : -1;
    if (share > cap + 1e-9 && reported.insert(share).second) {
      CheckHit h = HitOn(f);
      h.values = {{"value", Number(share)}, {"limit", Number(cap)}, {"price", Number(price)}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

// 违约金 or liquidated damages set as a share above the cap.
std::vector<CheckHit> PenaltyOverCap(const CheckContext& c) {
  static const LazyPattern penalty(R"((?i)违约金|liquidated\s+damages|penalty)", Opts());
  const double cap = Param(c, "penalty_cap_percent");
  const Surroundings& around = c.Around();
  std::vector<CheckHit> hits;
  for (const Fact& f : c.facts) {
    if (f.type != FactType::kPercentage || !f.number || !f.per.empty()) continue;
    // 违约方应按合同总价的百分之四十支付违约金: the word may follow the rate.
    std::string near = std::string(around.Before(f, 40)) + " " + std::string(around.After(f, 12));
    if (!RE2::PartialMatch(near, penalty)) continue;
    if (*f.number > cap + 1e-9) {
      CheckHit h = HitOn(f);
      h.values = {{"value", Number(*f.number)}, {"limit", Number(cap)}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

// Interest above the cap: the one-year LPR times the multiple (4 under the
// PRC Supreme People's Court's rules on private lending).
std::vector<CheckHit> InterestOverCap(const CheckContext& c) {
  static const LazyPattern interest(R"((?i)利率|利息|年化|interest)", Opts());
  const double cap = Param(c, "lpr_one_year_percent") * Param(c, "interest_cap_multiple");
  const Surroundings& around = c.Around();
  std::vector<CheckHit> hits;
  for (const Fact& f : c.facts) {
    if (f.type != FactType::kPercentage || !f.annual) continue;
    if (!RE2::PartialMatch(around.Before(f, 40), interest)) continue;
    if (*f.annual > cap + 1e-9) {
      CheckHit h = HitOn(f);
      h.values = {{"value", Number(*f.annual)}, {"limit", Number(cap)}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

const std::string* ValueOf(const Fact& f) { return f.value ? &*f.value : nullptr; }

std::vector<CheckHit> ConflictingGoverningLaw(const CheckContext& c) {
  return SecondValues(
      c, true, [](const Fact& f) { return f.type == FactType::kGoverningLaw; }, ValueOf);
}

std::vector<CheckHit> ConflictingArbitration(const CheckContext& c) {
  // Two institutions are a conflict wherever they are named.
  return SecondValues(
      c, false,
      [](const Fact& f) { return f.type == FactType::kForum && f.forum_type == "arbitration"; },
      ValueOf);
}

// Whether `number` ("7.1") stands in `text` as a clause label, with an
// optional full stop and a blank after it: opening a line, or after a full
// stop, colon or semicolon and a blank, or after two blanks, and then before
// a capital ("7.0 MANAGEMENT  7.1 You shall ...").
bool LabelledInText(std::string_view text, std::string_view number) {
  auto blank = [](char ch) { return ch == ' ' || ch == '\t'; };
  for (size_t at = text.find(number); at != std::string_view::npos;
       at = text.find(number, at + 1)) {
    size_t e = at + number.size();
    if (e < text.size() && text[e] == '.') ++e;
    if (e >= text.size() || !blank(text[e])) continue;
    size_t b = at;
    while (b > 0 && blank(text[b - 1])) --b;
    if (b == 0 || text[b - 1] == '\n') return true;
    const bool after_stop =
        b < at && (text[b - 1] == '.' || text[b - 1] == ':' || text[b - 1] == ';');
    if (!after_stop && at - b < 2) continue;
    while (e < text.size() && blank(text[e])) ++e;
    if (e < text.size() && text[e] >= 'A' && text[e] <= 'Z') return true;
  }
  return false;
}

// Whether `text` names `number` as another instrument's section somewhere:
// "Section 306 of the FD&C Act", "Section 10(a) of the 1933 Act", "Section
// 9.02 thereof". A contract that says so once means the same section when it
// writes "Section 306" alone later.
bool NamedAsAnotherInstruments(std::string_view text, std::string_view number) {
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  auto alnum = [&](char ch) {
    return digit(ch) || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
  };
  for (size_t at = text.find(number); at != std::string_view::npos;
       at = text.find(number, at + 1)) {
    if (at > 0 && (alnum(text[at - 1]) || text[at - 1] == '.')) continue;
    size_t e = at + number.size();
    if (e < text.size() &&
        (alnum(text[e]) || (text[e] == '.' && e + 1 < text.size() && digit(text[e + 1])))) {
      continue;
    }
    if (internal::NamesAnotherInstrument(text.substr(e))) return true;
  }
  return false;
}

std::vector<CheckHit> UnresolvedReference(const CheckContext& c) {
  std::vector<CheckHit> hits;
  // Only where the contract's own numbering was read: at least three
  // numbered clauses, and most of its references found their clause (when
  // most do not, the numbering was not read, and the fault is ours).
  int numbered = 0, refs = 0, resolved = 0;
  for (const Clause& cl : c.clauses) numbered += !cl.number.empty();
  for (const Fact& f : c.facts) {
    if (f.type != FactType::kReference) continue;
    ++refs;
    resolved += !f.target.empty();
  }
  if (numbered < 3 || resolved < 3 || resolved * 3 < refs * 2) return hits;
  // A number the text sets as a clause label is a clause the reader did not
  // split out (text converted from PDF runs headings and clauses together),
  // not a missing one.
  std::string joined;
  auto join = [&] {
    if (joined.empty()) {
      for (const Clause& cl : c.clauses) joined += cl.text + "\n";
    }
    return std::string_view(joined);
  };
  // "4.2(c)(ii)" is there when 4.2 is: its sub-paragraphs run in its text.
  auto labelled_in_text = [&](const std::string& number) {
    static const LazyPattern decimal(R"(^(\d{1,3}(?:\.\d{1,3}){0,4})(?:\([a-zA-Z0-9]{1,5}\))*$)",
                                     Opts());
    std::string base;
    if (!RE2::FullMatch(number, decimal, &base)) return false;
    return LabelledInText(join(), base);
  };
  // The first mention said whose section it is: "Section 306 of the FD&C Act",
  // then "Section 306" alone; "Section 351(l)(7) of the PHSA", then "Section
  // 351(l)(5)(B)".
  auto anothers = [&](const std::string& number) {
    return NamedAsAnotherInstruments(join(), std::string_view(number).substr(0, number.find('(')));
  };
  // "this Section 15.2.2" names the clause it stands in, whatever the
  // reader made of that clause's number.
  auto self_reference = [&](const Fact& f) {
    for (const Clause& cl : c.clauses) {
      if (cl.id != f.clause_id) continue;
      for (size_t at = cl.text.find(f.text); at != std::string::npos;
           at = cl.text.find(f.text, at + 1)) {
        if (at >= 5 &&
            ascii::EqualsIgnoreCase(std::string_view(cl.text).substr(at - 5, 5), "this ")) {
          return true;
        }
      }
    }
    return false;
  };
  for (const Fact& f : c.facts) {
    if (f.type == FactType::kReference && f.target.empty() && f.value &&
        !labelled_in_text(*f.value) && !self_reference(f) && !anothers(*f.value)) {
      CheckHit h = HitOn(f);
      h.values = {{"value", *f.value}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

std::vector<CheckHit> UnusedDefinedTerm(const CheckContext& c) {
  std::vector<CheckHit> hits;
  std::set<std::string> reported;
  for (const Fact& f : c.facts) {
    if (f.type == FactType::kDefinedTerm && f.value && f.uses == 0 &&
        reported.insert(*f.value).second) {
      CheckHit h = HitOn(f);
      h.values = {{"value", *f.value}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

// "pay each invoice within ninety (90) days", "net 90 days", "收到发票后90日内
// 付款": a period given for paying, not any period in a payment clause.
std::vector<CheckHit> LongPaymentTerm(const CheckContext& c) {
  static const LazyPattern pay(R"((?i)\bpa(?:y|id|yable|yment)\b|付款|支付|付清)", Opts());
  static const LazyPattern lead_in(R"((?i)(?:within|no\s+later\s+than|not\s+later\s+than|net)\s*$)",
                                   Opts());
  static const LazyPattern zh_pay_after(R"(^(?:内|以内|之内)[^，。；]{0,4}(?:付款|支付|付清))",
                                        Opts());
  const double limit = Param(c, "max_payment_days");
  const Surroundings& around = c.Around();
  std::vector<CheckHit> hits;
  for (const Fact& f : c.facts) {
    if (f.type != FactType::kDuration || !InCategory(c, f, Category::kPayment)) continue;
    std::string_view before = around.Before(f, 80);
    std::string_view after = around.After(f, 20);
    bool for_paying = (RE2::PartialMatch(before, lead_in) && RE2::PartialMatch(before, pay)) ||
                      RE2::PartialMatch(after, zh_pay_after);
    if (!for_paying) continue;
    if (DaysOf(f) > limit + 1e-9) {
      CheckHit h = HitOn(f);
      h.values = {{"value", f.text}, {"limit", Number(limit)}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

// "may terminate this Agreement on seven (7) days' notice", "提前七日书面通知
// 对方解除本合同". Cure periods, force majeure and insolvency are other
// matters.
std::vector<CheckHit> ShortTerminationNotice(const CheckContext& c) {
  static const LazyPattern terminate(R"((?i)terminat|解除|终止)", Opts());
  static const LazyPattern notice_after(
      R"((?i)^['’]?s?\s*(?:prior\s+|advance\s+)?(?:written\s+)?notice|^[^，。；]{0,4}通知)",
      Opts());
  static const LazyPattern in_advance(R"(提前\s*$)", Opts());
  static const LazyPattern other_matter(
      R"((?i)breach|cure|remed|force\s+majeure|insolv|bankrupt|不可抗力|违约|破产)", Opts());
  const double limit = Param(c, "min_termination_notice_days");
  const Surroundings& around = c.Around();
  std::vector<CheckHit> hits;
  for (const Fact& f : c.facts) {
    if (f.type != FactType::kDuration || !InCategory(c, f, Category::kTermination)) continue;
    std::string_view before = around.Before(f, 240);
    std::string_view after = around.After(f, 40);
    std::string sentence = std::string(before) + " " + std::string(after);
    if (!RE2::PartialMatch(sentence, terminate) || RE2::PartialMatch(sentence, other_matter)) {
      continue;
    }
    if (!RE2::PartialMatch(after, notice_after) && !RE2::PartialMatch(before, in_advance)) continue;
    double days = DaysOf(f);
    if (days >= 0 && days < limit - 1e-9) {
      CheckHit h = HitOn(f);
      h.values = {{"value", f.text}, {"limit", Number(limit)}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

struct Entry {
  CheckInfo info;
  std::function<std::vector<CheckHit>(const CheckContext&)> run;
};

const std::vector<Entry>& Registry() {
  static const std::vector<Entry>* entries = new std::vector<Entry>{
      {{"conflicting_arbitration", "two different arbitration institutions are named", {}},
       ConflictingArbitration},
      {{"conflicting_governing_law", "two different governing laws are named", {}},
       ConflictingGoverningLaw},
      {{"deposit_over_cap",
        "a 定金 above deposit_cap_percent of the contract price",
        {"deposit_cap_percent"}},
       DepositOverCap},
      {{"end_before_start", "an end or expiry date before the start or effective date", {}},
       EndBeforeStart},
      {{"expired", "the latest end or expiry date is before --as-of", {}}, Expired},
      {{"interest_over_cap",
        "an interest rate above lpr_one_year_percent x interest_cap_multiple a year",
        {"lpr_one_year_percent", "interest_cap_multiple"}},
       InterestOverCap},
      {{"long_payment_term", "a payment period above max_payment_days", {"max_payment_days"}},
       LongPaymentTerm},
      {{"penalty_over_cap",
        "违约金 or liquidated damages above penalty_cap_percent",
        {"penalty_cap_percent"}},
       PenaltyOverCap},
      {{"short_termination_notice",
        "a termination notice period below min_termination_notice_days",
        {"min_termination_notice_days"}},
       ShortTerminationNotice},
      {{"undefined_term", "a capitalised term used as defined but never defined", {}},
       UndefinedTerms},
      {{"unresolved_reference", "a cross-reference to a clause the contract does not have", {}},
       UnresolvedReference},
      {{"unused_defined_term", "a defined term never used again", {}}, UnusedDefinedTerm},
      {{"words_figures_mismatch", "an amount, period or rate whose words and figures disagree", {}},
       WordsFiguresMismatch},
  };
  return *entries;
}

}  // namespace

const std::vector<CheckInfo>& Checks() {
  static const std::vector<CheckInfo>* infos = [] {
    auto* v = new std::vector<CheckInfo>;
    for (const Entry& e : Registry()) v->push_back(e.info);
    return v;
  }();
  return *infos;
}

const CheckInfo* FindCheck(std::string_view name) {
  for (const CheckInfo& i : Checks()) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

std::vector<CheckHit> RunCheck(std::string_view name, const CheckContext& context) {
  for (const Entry& e : Registry()) {
    if (e.info.name == name) return e.run(context);
  }
  return {};
}

std::string FillTemplate(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find('{', pos);
    size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    auto it = values.find(std::string(text.substr(open + 1, close - open - 1)));
    out += text.substr(pos, open - pos);
    out += it == values.end() ? std::string(text.substr(open, close - open + 1)) : it->second;
    pos = close + 1;
  }
  out += text.substr(pos);
  return out;
}

}  // namespace clausecheck::analyzer
