#include "analyzer/extract.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/calendar.h"
#include "analyzer/extract_internal.h"
#include "analyzer/numbers.h"
#include "core/ascii.h"
#include "core/utf8.h"

namespace clausecheck::analyzer {
namespace {

using namespace internal;  // NOLINT: this file is the internals' main user

// --------------------------------------------------------------- dates --

std::string Iso(int y, int m, int d) {
  char buf[16];
  if (d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  return buf;
}

int MonthNumber(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  std::string p(name.substr(0, 3));
  for (char& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 12; ++i) {
    if (p == kMonths[i]) return i + 1;
  }
  return 0;
}

int Int(std::string_view s) {
  if (auto v = ParseAnyNumber(s)) return static_cast<int>(*v);
  return 0;
}

#define CC_MONTH                                                                            \
  "(January|February|March|April|May|June|July|August|September|October|November|December|" \
  "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"

// Role keywords, searched in the words before a date (the nearest wins) and
// the words just after it (which win over those before).
struct RoleCue {
  const char* role;
  const char* before;
  const char* after;
};
constexpr RoleCue kRoleCues[] = {
    {"effective",
     R"((?i)effective(?:\s+as\s+of|\s+as\s+from|\s+on|\s+from)|(?:come|comes|coming)\s+into\s+(?:force|effect)(?:\s+on|\s+as\s+of)?|in\s+force\s+(?:as\s+)?from|effective\s*$|effective\s+date\s*(?:is|shall\s+be|[:：])\s*$|takes?\s+effect(?:\s+on|\s+from)?|with\s+effect\s+from|生效)",
     R"(^(?i)\s*[(（]?\s*(?:the|this)?\s*["“]?effective\s+date|^\s*(?:起)?(?:正式)?生效|^\s*[（(]\s*[“"]?生效日)"},
    {"start",
     R"((?i)commenc\w*(?:\s+on)?|begin(?:ning|s)?\s+on|start(?:ing|s)?\s+on|start\s+date|\bfrom\s*$|起始|开始|自\s*$|从\s*$)",
     R"(^(?i)\s*[(（]?\s*(?:the)?\s*["“]?(?:commencement|start)\s+date|^\s*(?:起|开始))"},
    {"expiry", R"((?i)expir\w*(?:\s+on)?|expiration|届满|到期)",
     R"(^(?i)\s*[(（]?\s*(?:the)?\s*["“]?(?:expiry|expiration)\s+date|^\s*(?:届满|到期))"},
    {"end",
     R"((?i)terminat\w*\s+on|terminat(?:e|es|ing)\s*$|conclud\w*\s+on|\buntil\b|\bthrough\b|end(?:ing|s)?\s+on|end\s+date|\bto\s*$|(?:continue|remain|extend|last|run|be\s+in\s+effect|be\s+effective|remain\s+valid|be)\w*(?:\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?)?\s+(?:for|until)(?:\s+(?:an?|the)\s+(?:initial\s+)?(?:period|term)\s+of)?\s*$|\bterm\b(?:\s+of\s+this\s+\w+)?(?:\s*\([^)]{0,30}\))?\s+(?:is|shall\s+be|will\s+be)(?:\s+for)?(?:\s+a\s+period\s+of)?\s*$|至\s*$|截至|截止)",
     R"(^(?i)\s*[(（]?\s*(?:the)?\s*["“]?(?:termination|end)\s+date|^\s*(?:止|终止))"},
    {"signing",
     R"((?i)\bdated\b|made\s+(?:and\s+entered\s+into\s+)?(?:on|as\s+of)|entered\s+into\s+(?:on|as\s+of)|executed|signed\s+(?:on|this)|签订日期|签署|签订于|签订|签约)",
     R"(^\s*(?:签订|签署|签约))"},
    {"delivery", R"((?i)deliver\w*|交货|交付|到货)",
     R"(^\s*前?[^，。；]{0,10}?(?:交货|交付|送达|运抵))"},
    {"payment", R"((?i)payment\s+due|\bpa(?:y|id)\b|due\s+(?:on|by)|付款|支付|付清|还款|偿还|归还)",
     R"(^\s*前?[^，。；]{0,10}?(?:付款|支付|付清|偿还|归还|还清|划入|汇入))"},
    {"renewal", R"((?i)renew\w*|续约|续签|续期)", nullptr},
    {"notice", R"((?i)notice|通知)", nullptr},
};

// The role cues' patterns behind literal filters (candidates.h), so that a
// date compiles only the cues whose words are near it; compiling all
// sixteen at the first date took 8.4 M instructions.
struct RoleFilters {
  CandidateFilter before, after;  // before: by kRoleCues index
  std::vector<int> after_cue;     // by index in `after`: the kRoleCues index
};

const RoleFilters& Roles() {
  static const RoleFilters* roles = [] {
    auto* r = new RoleFilters;
    for (size_t i = 0; i < std::size(kRoleCues); ++i) {
      r->before.Add(kRoleCues[i].before);
      if (kRoleCues[i].after) {
        r->after.Add(kRoleCues[i].after);
        r->after_cue.push_back(static_cast<int>(i));
      }
    }
    r->before.Compile();
    r->after.Compile();
    return r;
  }();
  return *roles;
}

std::string DateRole(std::string_view text, size_t begin, size_t end) {
  size_t after_end = Boundary(text, std::min(text.size(), end + 48));
  std::string_view after = text.substr(end, after_end - end);
  const RoleFilters& roles = Roles();
  std::vector<int> candidates;  // ascending, as kRoleCues
  roles.after.Candidates(after, &candidates);
  for (const int i : candidates) {
    if (roles.after.Matches(i, after)) return kRoleCues[roles.after_cue[i]].role;
  }
  size_t from = Boundary(text, begin > 120 ? begin - 120 : 0);
  std::string_view before = text.substr(from, begin - from);
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
    before.remove_suffix(1);
  // The sentence the date is in: after the last full stop or semicolon.
  for (std::string_view stop : {"。", "；", ";", ". ", "，自", "，至"}) {
    size_t p = before.rfind(stop);
    if (p != std::string_view::npos) {
      size_t skip = stop.size();
      if (stop == "，自" || stop == "，至") skip = 3;  // keep 自/至 itself
      before = before.substr(p + skip);
    }
  }
  std::string best = "other";
  size_t best_end = 0;
  bool found = false;
  roles.before.Candidates(before, &candidates);
  for (const int i : candidates) {
    const RE2& re = roles.before.pattern(i);
    SP m;
    size_t pos = 0;
    while (pos < before.size() && re.Match(before, pos, before.size(), RE2::UNANCHORED, &m, 1)) {
      size_t e = Off(before, m) + m.size();
      if (!found || e > best_end) {
        best = kRoleCues[i].role;
        best_end = e;
        found = true;
      }
      pos = m.empty() ? e + 1 : e;
    }
  }
  return best;
}

Candidate* AddDate(std::string_view text, size_t b, size_t e, std::optional<std::string> value,
                   std::vector<Candidate>* out) {
  if (Overlaps(*out, b, e)) return nullptr;
  Candidate c;
  c.begin = b;
  c.end = e;
  c.fact.type = FactType::kDate;
  c.fact.text = std::string(text.substr(b, e - b));
  c.fact.placeholder = !value.has_value();
  c.fact.value = std::move(value);
  c.fact.role = DateRole(text, b, e);
  out->push_back(std::move(c));
  return &out->back();
}

// `day_first` is the order for 01/02/2026 when the options do not give one:
// chosen for the whole document (DayFirstByDefault).
void ScanDates(const Cues& cues, const ExtractOptions& options, bool day_first,
               std::vector<Candidate>* out) {
  const std::string_view text = cues.text();
  static const LazyPattern zh(
      R"(([0-9]{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[元一二三四五六七八九十]{1,3})\s*月(?:\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?)",
      Opts());
  static const LazyPattern zh_blank(
      R"((?:[_＿]{2,}|【\s*】|\[\s*\])\s*年\s*(?:[_＿]+|【\s*】|\[\s*\])\s*月\s*(?:[_＿]+|【\s*】|\[\s*\])\s*日)",
      Opts());
  static const LazyPattern mdy(
      R"((?i)\b)" CC_MONTH R"(\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b)", Opts());
  static const LazyPattern dmy(
      R"((?i)\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?)" CC_MONTH
      R"(\.?\s*,?\s*(\d{4})\b)",
      Opts());
  static const LazyPattern iso(R"(\b(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})\b)", Opts());
  static const LazyPattern numeric(R"(\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})\b)", Opts());
  static const LazyPattern en_blank(
      R"((?i)\[\s*(?:date|effective\s+date|signing\s+date|insert\s+date|day|month)\s*\](?:\s*,?\s*\d{4})?|\[\s*[●•_]*\s*\]\s*,\s*\d{4}\b|)" CC_MONTH
      R"(\s+(?:\[\s*[●•_]*\s*\]|_{2,})\s*,\s*\d{4}\b|_{2,}\s*,\s*20\d\d\b)",
      Opts());

  const bool year = cues.Has(Cue::kZhYear);
  const bool en_date = cues.digits4() && cues.month();
  ForEachMatch(year, zh_blank, text, [&](const std::vector<SP>& g) {
    AddDate(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), std::nullopt, out);
  });
  ForEachMatch(year, zh, text, [&](const std::vector<SP>& g) {
    int y = Int(Str(g[1]));
    int m = Int(Str(g[2]));
    int d = g[3].data() ? Int(Str(g[3])) : 0;
    bool ok = d ? ValidDate(y, m, d) : ValidDate(y, m, 1);
    if (ok) AddDate(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), Iso(y, m, d), out);
  });
  ForEachMatch(en_date, dmy, text, [&](const std::vector<SP>& g) {
    int d = Int(Str(g[1])), m = MonthNumber(Str(g[2])), y = Int(Str(g[3]));
    if (ValidDate(y, m, d)) {
      AddDate(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), Iso(y, m, d), out);
    }
  });
  ForEachMatch(en_date, mdy, text, [&](const std::vector<SP>& g) {
    int m = MonthNumber(Str(g[1])), d = Int(Str(g[2])), y = Int(Str(g[3]));
    if (ValidDate(y, m, d)) {
      AddDate(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), Iso(y, m, d), out);
    }
  });
  ForEachMatch(cues.digits4(), iso, text, [&](const std::vector<SP>& g) {
    if (Str(g[2]) != Str(g[4])) return;
    int y = Int(Str(g[1])), m = Int(Str(g[3])), d = Int(Str(g[5]));
    if (ValidDate(y, m, d)) {
      AddDate(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), Iso(y, m, d), out);
    }
  });
  ForEachMatch(cues.digits4(), numeric, text, [&](const std::vector<SP>& g) {
    if (Str(g[2]) != Str(g[4])) return;
    int a = Int(Str(g[1])), b = Int(Str(g[3])), y = Int(Str(g[5]));
    // Dotted dates are day first wherever they are written; slashes follow
    // the options, else the document's default.
    bool given = options.date_order != DateOrder::kAuto;
    bool day_month =
        given ? options.date_order == DateOrder::kDayFirst : (Str(g[2]) == "." || day_first);
    int m = day_month ? b : a, d = day_month ? a : b;
    if (!ValidDate(y, m, d)) std::swap(m, d);  // 13/02/2026 has one reading only
    if (!ValidDate(y, m, d)) return;
    Candidate* c = AddDate(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), Iso(y, m, d), out);
    // Both readings are dates and nobody said which is meant.
    if (c && !given && a != b && ValidDate(y, a, b) && ValidDate(y, b, a)) c->fact.ambiguous = true;
  });
  ForEachMatch(cues.Any({Cue::kBracket, Cue::kUnderscores}), en_blank, text,
               [&](const std::vector<SP>& g) {
                 AddDate(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), std::nullopt, out);
               });
}

// ----------------------------------------------------------- durations --

#define CC_NUMWORD                                                                            \
  "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|" \
  "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"      \
  "eighty|ninety|hundred|thousand)"

Candidate NumberCandidate(FactType type, std::string_view text, size_t b, size_t e, double number) {
  Candidate c;
  c.begin = b;
  c.end = e;
  c.fact.type = type;
  c.fact.text = std::string(text.substr(b, e - b));
  c.fact.number = number;
  return c;
}

void AddNumberFact(FactType type, std::string_view text, size_t b, size_t e, double number,
                   std::vector<Candidate>* out, Candidate** added = nullptr) {
  if (Overlaps(*out, b, e)) return;
  out->push_back(NumberCandidate(type, text, b, e, number));
  if (added) *added = &out->back();
}

// An English duration in five groups: number words, figures in brackets,
// bare figures, business|working|calendar|banking, unit.
#define CC_EN_DURATION                                           \
  R"((?:\b()" CC_NUMWORD R"((?:[\s-]+(?:and[\s-]+)?)" CC_NUMWORD \
  R"()*)\s*)?(?:\(\s*(\d[\d,]*)\s*\)|\b(\d[\d,]*))?\s*-?\s*(?:(business|working|calendar|banking)[\s-]+)?(days?|weeks?|months?|years?)\b)"
// A Chinese duration in three groups: number, figures in brackets, unit.
#define CC_ZH_DURATION                                                                                  \
  R"(([0-9]+|[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+)\s*)" \
  R"((?:[（(]\s*([0-9]+)\s*[）)]\s*)?(个工作日|工作日|个自然日|自然日|日|天|周|个星期|星期|个月|年))"

struct Duration {
  double number = 0;
  std::optional<double> words;  // when written in words and figures
  std::string unit;
};

// g points at CC_EN_DURATION's five groups.
std::optional<Duration> EnDuration(const SP* g) {
  Duration d;
  std::optional<double> words = g[0].data() ? ParseEnglishNumber(Str(g[0])) : std::nullopt;
  std::optional<double> figures;
  if (g[1].data()) {
    figures = ParseFigure(Str(g[1]));
  } else if (g[2].data()) {
    figures = ParseFigure(Str(g[2]));
  }
  if (!figures && !words) return std::nullopt;
  d.number = figures ? *figures : *words;
  if (figures && words && g[1].data()) d.words = words;  // thirty (30) days
  std::string unit = ascii::ToLower(Str(g[4]));
  if (unit.back() == 's') unit.pop_back();
  std::string kind = ascii::ToLower(Str(g[3]));
  d.unit = unit == "day" && (kind == "business" || kind == "working" || kind == "banking")
               ? "business_day"
               : unit;
  return d;
}

// g points at CC_ZH_DURATION's three groups.
std::optional<Duration> ZhDuration(const SP* g) {
  std::string_view num = Str(g[0]), unit = Str(g[2]);
  auto n = ParseChineseNumber(num);
  if (!n) return std::nullopt;
  Duration d;
  d.number = *n;
  if (g[1].data()) {  // 三十（30）日
    auto figures = ParseFigure(Str(g[1]));
    if (!figures) return std::nullopt;
    if (!ParseFigure(num)) d.words = *n;
    d.number = *figures;
  }
  if (unit.find("工作日") != std::string_view::npos) {
    d.unit = "business_day";
  } else if (unit.find("日") != std::string_view::npos || unit == "天") {
    d.unit = "day";
  } else if (unit.find("月") != std::string_view::npos) {
    d.unit = "month";
  } else if (unit == "年") {
    d.unit = "year";
  } else {
    d.unit = "week";
  }
  return d;
}

void AddDuration(std::string_view text, size_t b, size_t e, const Duration& d,
                 std::vector<Candidate>* out) {
  Candidate* c = nullptr;
  AddNumberFact(FactType::kDuration, text, b, e, d.number, out, &c);
  if (!c) return;
  c->fact.unit = d.unit;
  c->fact.words = d.words;
}

// Whether an English duration (CC_EN_DURATION, which every other part may
// leave out) can be in the text: its unit can.
bool MayHaveEnDuration(const Cues& cues) {
  return cues.Any({Cue::kDay, Cue::kWeek, Cue::kMonth, Cue::kYear});
}

// Whether a Chinese duration (CC_ZH_DURATION) can be in the text: each of its
// units has 日, 天, 周, 星期, 月 or 年.
bool MayHaveZhDuration(const Cues& cues) {
  return cues.Any(
      {Cue::kZhDay, Cue::kZhTian, Cue::kZhWeek, Cue::kZhXingqi, Cue::kZhMonth, Cue::kZhYear});
}

void ScanDurations(const Cues& cues, std::vector<Candidate>* out) {
  const std::string_view text = cues.text();
  static const LazyPattern en("(?i)" CC_EN_DURATION, Opts());
  static const LazyPattern zh(CC_ZH_DURATION, Opts());
  ForEachMatch(MayHaveEnDuration(cues), en, text, [&](const std::vector<SP>& g) {
    auto d = EnDuration(&g[1]);
    if (d) AddDuration(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), *d, out);
  });
  ForEachMatch(MayHaveZhDuration(cues), zh, text, [&](const std::vector<SP>& g) {
    size_t b = Off(text, g[0]), e = b + g[0].size();
    std::string_view num = Str(g[1]), unit = Str(g[3]);
    std::string_view before = text.substr(0, b);
    // 5日 after 月 is a day of the month; 第三年 an ordinal; 2026年 a year.
    if (before.ends_with("月") || before.ends_with("月的") || before.ends_with("第") ||
        before.ends_with("每")) {
      return;
    }
    if (unit == "年" && num.size() == 4 && ParseFigure(num)) return;
    auto d = ZhDuration(&g[1]);
    if (d) AddDuration(text, b, e, *d, out);
  });
}

// ------------------------------------------------------ relative dates --

// What a relative date counts from, from the words that name it.
std::string AnchorOf(std::string_view words) {
  std::string w = ascii::ToLower(words);
  struct Key {
    const char* needle;
    const char* anchor;
  };
  static constexpr Key kKeys[] = {
      {"effective", "effective"}, {"生效", "effective"},    {"commencement", "start"},
      {"start", "start"},         {"execution", "signing"}, {"signing", "signing"},
      {"signature", "signing"},   {"hereof", "signing"},    {"this agreement", "signing"},
      {"签", "signing"},          {"盖章", "signing"},      {"deliver", "delivery"},
      {"交付", "delivery"},       {"交货", "delivery"},     {"到货", "delivery"},
      {"货物", "delivery"},       {"accept", "acceptance"}, {"验收", "acceptance"},
      {"invoice", "invoice"},     {"发票", "invoice"},      {"terminat", "termination"},
      {"终止", "termination"},    {"解除", "termination"},  {"expir", "expiry"},
      {"end of", "expiry"},       {"届满", "expiry"},       {"期满", "expiry"},
      {"到期", "expiry"},         {"notice", "notice"},     {"通知", "notice"},
      {"payment", "payment"},     {"付款", "payment"},      {"款项", "payment"},
      {"货款", "payment"},
  };
  for (const Key& k : kKeys) {
    if (w.find(k.needle) != std::string::npos) return k.anchor;
  }
  return "other";
}

void AddRelative(std::string_view text, size_t b, size_t e, std::string_view anchor_words,
                 double offset, const std::string& unit, bool before, std::vector<Candidate>* out) {
  if (Overlaps(*out, b, e)) return;
  Candidate c;
  c.begin = b;
  c.end = e;
  c.fact.type = FactType::kDate;
  c.fact.text = std::string(text.substr(b, e - b));
  c.fact.role = DateRole(text, b, e);
  RelativeDate r;
  r.anchor = AnchorOf(anchor_words);
  r.offset = offset;
  if (offset != 0) r.unit = unit;
  r.direction = before ? "before" : "after";
  c.fact.relative = std::move(r);
  out->push_back(std::move(c));
}

// "thirty (30) days after the Effective Date", "the first anniversary of the
// Effective Date", "自本合同签订之日起", "收到发票后30日内", "期满前三十日".
// The computed value is set later, once the anchor's date is known.
void ScanRelativeDates(const Cues& cues, std::vector<Candidate>* out) {
  const std::string_view text = cues.text();
#define CC_EN_ANCHOR                                                                                      \
  R"((Effective\s+Date|Commencement\s+Date|Start\s+Date|Execution\s+Date|Signing\s+Date|)"                \
  R"(Closing\s+Date|Delivery\s+Date|Acceptance\s+Date|Invoice\s+Date|Termination\s+Date|)"                \
  R"(Expiration\s+Date|date\s+hereof|date\s+of\s+(?:this|the)\s+Agreement|)"                              \
  R"(execution(?:\s+of\s+this\s+Agreement)?|signing(?:\s+of\s+this\s+Agreement)?|signature|)"             \
  R"(delivery|acceptance|invoice|termination(?:\s+or\s+expiration)?|expiration(?:\s+or\s+termination)?|)" \
  R"(expiry|end\s+of\s+the\s+(?:Initial\s+|then[-\s]current\s+|Renewal\s+)?Term|(?:written\s+)?notice|payment)\b)"
  static const LazyPattern en(
      "(?i)" CC_EN_DURATION
      R"(\s+(after|following|from|of|before|prior\s+to|preceding|in\s+advance\s+of)\s+(?:the\s+)?)"
      R"((?:(?:date|day)\s+(?:of|on\s+which)\s+)?(?:(?:the|its|such|each|any|an?)\s+)?)"
      R"((?:receipt\s+(?:by\s+\w+\s+)?of\s+(?:the\s+|an?\s+|each\s+|such\s+)?)?)" CC_EN_ANCHOR,
      Opts());
  // "the first anniversary", "the seventh (7th) anniversary", "the four (4)
  // year anniversary".
  static const LazyPattern anniversary(
      R"((?i)\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)|)" CC_NUMWORD
      R"()\s*(?:\(\s*\d{1,2}(?:st|nd|rd|th)?\s*\)\s*)?(?:-?\s*year\s+)?anniversary\s+of\s+(?:the\s+)?)" CC_EN_ANCHOR,
      Opts());
  // A term given as a length only ("shall continue for a period of five (5)
  // years", "期限为三年"): it runs from the term's start.
  static const LazyPattern term_length(
      R"((?i)(?:\b(?:continue|remain|be\s+in\s+effect|be\s+effective|remain\s+valid|be|run|last|extend)\w*(?:\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?)?\s+for|\bterm\b(?:\s+of\s+this\s+\w+)?(?:\s*\([^)]{0,30}\))?\s+(?:is|shall\s+be|will\s+be)(?:\s+for)?)\s+(?:an?\s+|the\s+)?(?:initial\s+)?(?:(?:period|term)\s+of\s+)?)" CC_EN_DURATION,
      Opts());
  static const LazyPattern zh_term_length(
      R"((?:合同|协议|租赁|借款|服务|许可|委托)?(?:期限|有效期)\s*(?:为|是|：|:)?\s*)" CC_ZH_DURATION,
      Opts());
#undef CC_EN_ANCHOR
#define CC_ZH_ANCHOR                                                                                                                    \
  R"((签订|签署|签字(?:并)?盖章|签章|签字|盖章|生效|收到[^，。；]{0,12}?(?:发票|通知|货物|款项|货款)|)" \
  R"(交付|交货|到货|验收合格|验收|付款|届满|期满|到期|终止|解除))"
  static const LazyPattern zh(
      R"((?:(?:自|从|在|于)\s*(?:本合同|本协议|合同|协议|双方|甲方|乙方)?[^，。；、\s]{0,8}?)?)" CC_ZH_ANCHOR
      R"((?:之日|当日|日)?(起|后|前)?\s*(?:的)?\s*)" CC_ZH_DURATION R"((?:以内|之内|内|后)?)",
      Opts());
  static const LazyPattern zh_from(
      R"((?:自|从)\s*(?:本合同|本协议|合同|协议|双方|甲方|乙方)?[^，。；、\s]{0,8}?)" CC_ZH_ANCHOR
      R"(之日(?:起)?)",
      Opts());
#undef CC_ZH_ANCHOR
  const bool en_duration = MayHaveEnDuration(cues);
  ForEachMatch(en_duration, en, text, [&](const std::vector<SP>& g) {
    auto d = EnDuration(&g[1]);
    if (!d) return;
    std::string conn = ascii::ToLower(Str(g[6]));
    bool before = conn == "before" || conn.starts_with("prior") || conn == "preceding" ||
                  conn.starts_with("in advance");
    AddRelative(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), Str(g[7]), d->number, d->unit,
                before, out);
  });
  ForEachMatch(cues.Has(Cue::kAnniversary), anniversary, text, [&](const std::vector<SP>& g) {
    static const std::string_view kOrdinals[] = {"first", "second",  "third",  "fourth", "fifth",
                                                 "sixth", "seventh", "eighth", "ninth",  "tenth"};
    std::string n = ascii::ToLower(Str(g[1]));
    int years = std::atoi(n.c_str());
    if (auto cardinal = ParseEnglishNumber(n)) years = static_cast<int>(*cardinal);
    for (int i = 0; i < 10; ++i) {
      if (n == kOrdinals[i]) years = i + 1;
    }
    if (years > 0) {
      AddRelative(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), Str(g[2]), years, "year",
                  false, out);
    }
  });
  // CC_ZH_ANCHOR's words (期满 has 期), and a duration.
  const bool zh_anchor =
      cues.Any({Cue::kZhSign, Cue::kZhSeal, Cue::kZhEffect, Cue::kZhReceive, Cue::kZhHandOver,
                Cue::kZhDeliver, Cue::kZhArrive, Cue::kZhAccept, Cue::kZhPay, Cue::kZhExpire,
                Cue::kZhPeriod, Cue::kZhDue, Cue::kZhTerminate, Cue::kZhRescind});
  ForEachMatch(zh_anchor && MayHaveZhDuration(cues), zh, text, [&](const std::vector<SP>& g) {
    auto d = ZhDuration(&g[3]);
    if (!d) return;
    AddRelative(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), Str(g[1]), d->number, d->unit,
                Str(g[2]) == "前", out);
  });
  ForEachMatch(cues.Has(Cue::kZhSinceDay), zh_from, text, [&](const std::vector<SP>& g) {
    AddRelative(text, Off(text, g[0]), Off(text, g[0]) + g[0].size(), Str(g[1]), 0, "", false, out);
  });
  // Term lengths last: an explicit anchor ("for three years after
  // termination") has been taken above. Only the contract's own term counts,
  // not how long an obligation survives.
  static const LazyPattern about_term(R"((?i)\b(?:agreement|term|contract)\b|合同|协议|租赁|借款)",
                                      Opts());
  static const LazyPattern about_other(
      R"((?i)confidential|obligation|surviv|warrant|保密|质保|保修)", Opts());
  auto sentence_before = [&](size_t b) {
    size_t from = Boundary(text, b > 160 ? b - 160 : 0);
    std::string_view before = text.substr(from, b - from);
    for (std::string_view stop : {". ", "。", "；", ";"}) {
      size_t p = before.rfind(stop);
      if (p != std::string_view::npos) before = before.substr(p + stop.size());
    }
    return before;
  };
  auto add_term = [&](size_t e, const Duration& d, size_t dur_b) {
    std::string_view before = sentence_before(dur_b);
    if (!RE2::PartialMatch(before, about_term) || RE2::PartialMatch(before, about_other)) return;
    std::string_view after = text.substr(e, Boundary(text, std::min(text.size(), e + 24)) - e);
    // Counted from something named after it ("one (1) year following the
    // Launch Date"): not the term's start.
    static const LazyPattern anchored(R"((?i)^\s*(?:after|following|from|of|before|prior)\b)",
                                      Opts());
    if (RE2::PartialMatch(after, anchored)) return;
    size_t before_count = out->size();
    AddRelative(text, dur_b, e, "start", d.number, d.unit, false, out);
    if (out->size() > before_count) out->back().fact.role = "end";
  };
  ForEachMatch(en_duration, term_length, text, [&](const std::vector<SP>& g) {
    auto d = EnDuration(&g[1]);
    if (!d) return;
    // The span is the length itself: "five (5) years", "(5) years", "5 years".
    size_t dur_b = Off(text, g[3]);
    if (g[1].data()) {
      dur_b = Off(text, g[1]);
    } else if (g[2].data()) {
      dur_b = text.rfind('(', Off(text, g[2]));
    }
    add_term(Off(text, g[0]) + g[0].size(), *d, dur_b);
  });
  ForEachMatch(cues.Has(Cue::kZhPeriod), zh_term_length, text, [&](const std::vector<SP>& g) {
    auto d = ZhDuration(&g[1]);
    if (!d) return;
    add_term(Off(text, g[0]) + g[0].size(), *d, Off(text, g[1]));
  });
}

// --------------------------------------------------------------- money --

std::string CurrencyOf(std::string_view mark, std::string_view suffix) {
  std::string m(mark);
  for (char& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (suffix == "円" || m == "JPY" || m == "日元") return "JPY";
  if (m == "US$" || m == "USD" || m == "$" || m == "美元" || m == "U.S.$") return "USD";
  if (m == "HK$" || m == "HKD" || m == "港币" || m == "港元") return "HKD";
  if (m == "S$" || m == "SGD") return "SGD";
  if (m == "€" || m == "EUR" || m == "欧元") return "EUR";
  if (m == "£" || m == "GBP" || m == "英镑") return "GBP";
  if (m == "AUD" || m == "A$") return "AUD";
  if (m == "CAD" || m == "C$") return "CAD";
  if (m == "CHF") return "CHF";
  if (suffix == "美元") return "USD";
  if (suffix == "港元" || suffix == "港币") return "HKD";
  if (suffix == "欧元") return "EUR";
  if (suffix == "英镑") return "GBP";
  if (suffix == "日元") return "JPY";
  return "CNY";  // ¥, ￥, RMB, CNY, 人民币, 元
}

double Multiplier(std::string_view m) {
  if (m == "万") return 1e4;
  if (m == "亿") return 1e8;
  if (m == "千") return 1e3;
  std::string w(m);
  for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (w == "thousand") return 1e3;
  if (w == "million") return 1e6;
  if (w == "billion") return 1e9;
  return 1;
}

// Whether number words at `b` are only part of the number: the end of a
// fraction ("twenty-five hundredths of one percent (0.25%)", "one half of one
// percent"), or the scale after figures ("three (3) million dollars").
bool NotWholeNumberWords(std::string_view text, size_t b, std::string_view words) {
  static const LazyPattern fraction(R"((?i)\b(?:half|quarters?|thirds?|[a-z]+ths)\s+of\s+$)",
                                    Opts());
  size_t from = Boundary(text, b > 40 ? b - 40 : 0);
  if (RE2::PartialMatch(text.substr(from, b - from), fraction)) return true;
  static const LazyPattern scale(R"((?i)^(?:hundred|thousand|million|billion)\b)", Opts());
  if (!RE2::PartialMatch(words, scale)) return false;
  size_t p = b;
  while (p > 0 && text[p - 1] == ' ') --p;
  return p > 0 && (text[p - 1] == ')' || (text[p - 1] >= '0' && text[p - 1] <= '9'));
}

// Contracts write a value twice to guard against tampering: words, then
// figures in brackets ("人民币壹拾万元整（¥100,000.00）", "thirty percent
// (30%)") or figures, then words ("$100,000 (one hundred thousand dollars)").
// Each words candidate whose twin in `out` stands right next to it, in
// brackets, becomes one fact: the figures' value, the words' in `words`, the
// span over both. Words without a twin are facts of their own. `merge` lets
// the caller carry other fields over.
template <typename Merge>
void PairWordsWithFigures(std::string_view text, std::vector<Candidate> words,
                          std::vector<Candidate>* out, Merge merge) {
  // An opening bracket, perhaps with the label Chinese contracts put there:
  // "（大写：壹拾万元整）", "(小写: ¥100,000)".
  auto is_open = [](std::string_view gap) {
    while (gap.starts_with(" ")) gap.remove_prefix(1);
    while (gap.ends_with(" ")) gap.remove_suffix(1);
    if (gap.starts_with("（")) {
      gap.remove_prefix(std::string_view("（").size());
    } else if (gap.starts_with("(")) {
      gap.remove_prefix(1);
    } else {
      return false;
    }
    while (gap.starts_with(" ")) gap.remove_prefix(1);
    if (gap.starts_with("大写") || gap.starts_with("小写")) {
      gap.remove_prefix(std::string_view("大写").size());
      if (gap.starts_with("：")) {
        gap.remove_prefix(std::string_view("：").size());
      } else if (gap.starts_with(":")) {
        gap.remove_prefix(1);
      }
      while (gap.starts_with(" ")) gap.remove_prefix(1);
    }
    return gap.empty();
  };
  auto close_after = [&](size_t e) -> size_t {
    std::string_view after = text.substr(e);
    size_t skip = 0;
    while (skip < after.size() && after[skip] == ' ') ++skip;
    after.remove_prefix(skip);
    if (after.starts_with("）")) return e + skip + std::string_view("）").size();
    if (after.starts_with(")")) return e + skip + 1;
    return std::string_view::npos;
  };
  for (Candidate& w : words) {
    bool merged = false;
    for (Candidate& f : *out) {
      if (f.fact.type != w.fact.type || !f.fact.number || f.fact.words) continue;
      size_t b = 0, e = std::string_view::npos;
      if (f.begin >= w.end && is_open(text.substr(w.end, f.begin - w.end))) {
        b = w.begin;  // words (figures)
        e = close_after(f.end);
      } else if (w.begin >= f.end && is_open(text.substr(f.end, w.begin - f.end))) {
        b = f.begin;  // figures (words)
        e = close_after(w.end);
      }
      if (e == std::string_view::npos) continue;
      f.begin = b;
      f.end = e;
      f.fact.text = std::string(text.substr(b, e - b));
      f.fact.words = w.fact.number;
      merge(&f.fact, w.fact);
      merged = true;
      break;
    }
    if (!merged && !Overlaps(*out, w.begin, w.end)) out->push_back(std::move(w));
  }
}

void ScanMoney(const Cues& cues, std::vector<Candidate>* out) {
  const std::string_view text = cues.text();
  // Upper-case (and lower-case) numerals with 元: 人民币壹拾万元整.
  static const LazyPattern zh_words(
      R"((人民币|美元|港币|港元|欧元|英镑|日元)?\s*([零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)\s*(元|圆)(?:\s*([零一二三四五六七八九壹贰叁肆伍陆柒捌玖])角)?(?:\s*([零一二三四五六七八九壹贰叁肆伍陆柒捌玖])分)?(整|正)?)",
      Opts());
  static const LazyPattern zh_figures(
      R"((人民币|美元|港币|港元|欧元|英镑|日元|RMB|CNY|[¥￥])?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万|亿|千)?\s*(元|美元|港元|港币|欧元|英镑|日元|円))",
      Opts());
  static const LazyPattern marked(
      R"((?i)(U\.S\.\$|US\$|HK\$|S\$|A\$|C\$|USD|HKD|SGD|EUR|GBP|JPY|CNY|RMB|AUD|CAD|CHF|人民币|美元|港币|港元|\$|€|£|¥|￥)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(million|billion|thousand|万|亿)\b)?)",
      Opts());
  static const LazyPattern suffixed(
      R"((?i)\b(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(million|billion|thousand))?\s*(USD|HKD|EUR|GBP|JPY|CNY|RMB|US\s+dollars|dollars|euros|pounds\s+sterling)\b)",
      Opts());
  static const LazyPattern blank(
      R"((?i)(US\$|USD|HKD|EUR|GBP|CNY|RMB|人民币|\$|€|£|¥|￥)\s*(?:\[\s*[●•_]*\s*\]|_{2,}))",
      Opts());

  // Figures before words so that the pair 人民币壹拾万元整（¥100,000.00）
  // keeps the figure's value; the words are merged in afterwards.
  std::vector<Candidate> words;
  // zh_figures ends in a currency: 元 (美元, 港元, 欧元, 日元), 港币, 英镑 or 円.
  const bool zh_currency = cues.Any({Cue::kZhYuan, Cue::kZhHkDollar, Cue::kZhPound, Cue::kZhJpYen});
  ForEachMatch(cues.digit() && zh_currency, zh_figures, text, [&](const std::vector<SP>& g) {
    auto n = ParseFigure(std::string(Str(g[2])) + std::string(Str(g[3])));
    if (!n) return;
    size_t b = Off(text, g[0]), e = b + g[0].size();
    Candidate* c = nullptr;
    AddNumberFact(FactType::kAmount, text, b, e, *n * Multiplier(Str(g[4])), out, &c);
    if (c) c->fact.currency = CurrencyOf(Str(g[1]), Str(g[5]));
  });
  // The marks of `marked`; its Chinese ones are 人民币, 美元, 港币 and 港元.
  const bool marked_currency =
      cues.Any({Cue::kZhRenminbi, Cue::kZhYuan, Cue::kZhHkDollar}) ||
      cues.Any({Cue::kDollarSign, Cue::kEuroSign, Cue::kPoundSign, Cue::kYenSign,
                Cue::kFullwidthYen, Cue::kUsd, Cue::kHkd, Cue::kSgd, Cue::kEur, Cue::kGbp,
                Cue::kJpy, Cue::kCny, Cue::kRmb, Cue::kAud, Cue::kCad, Cue::kChf});
  ForEachMatch(cues.digit() && marked_currency, marked, text, [&](const std::vector<SP>& g) {
    auto n = ParseFigure(std::string(Str(g[2])) + std::string(Str(g[3])));
    if (!n) return;
    size_t b = Off(text, g[0]), e = b + g[0].size();
    std::string_view rest = text.substr(e);
    std::string_view suffix = rest.starts_with("円") ? "円" : "";
    if (!suffix.empty()) e += suffix.size();
    Candidate* c = nullptr;
    AddNumberFact(FactType::kAmount, text, b, e, *n * Multiplier(Str(g[4])), out, &c);
    if (c) c->fact.currency = CurrencyOf(Str(g[1]), suffix);
  });
  const bool currency_after =
      cues.Any({Cue::kUsd, Cue::kHkd, Cue::kEur, Cue::kGbp, Cue::kJpy, Cue::kCny, Cue::kRmb,
                Cue::kDollar, Cue::kEuro, Cue::kPound});
  ForEachMatch(cues.digit() && currency_after, suffixed, text, [&](const std::vector<SP>& g) {
    auto n = ParseFigure(std::string(Str(g[1])) + std::string(Str(g[2])));
    if (!n) return;
    std::string unit(Str(g[4]));
    for (char& ch : unit) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::string cur = unit == "dollars" || unit.starts_with("us") ? "USD"
                      : unit == "euros"                           ? "EUR"
                      : unit.starts_with("pounds")                ? "GBP"
                                                                  : CurrencyOf(Str(g[4]), "");
    size_t b = Off(text, g[0]), e = b + g[0].size();
    Candidate* c = nullptr;
    AddNumberFact(FactType::kAmount, text, b, e, *n * Multiplier(Str(g[3])), out, &c);
    if (c) c->fact.currency = cur;
  });
  ForEachMatch(cues.Any({Cue::kBracket, Cue::kUnderscores}), blank, text,
               [&](const std::vector<SP>& g) {
                 size_t b = Off(text, g[0]), e = b + g[0].size();
                 if (Overlaps(*out, b, e)) return;
                 Candidate c;
                 c.begin = b;
                 c.end = e;
                 c.fact.type = FactType::kAmount;
                 c.fact.text = std::string(Str(g[0]));
                 c.fact.currency = CurrencyOf(Str(g[1]), "");
                 c.fact.placeholder = true;
                 out->push_back(std::move(c));
               });
  ForEachMatch(cues.Any({Cue::kZhYuan, Cue::kZhRoundYuan}), zh_words, text,
               [&](const std::vector<SP>& g) {
                 auto n = ParseChineseNumber(Str(g[2]));
                 if (!n) return;
                 // A lone 一元 inside a word (统一元件) is not money: ask for a currency,
                 // a unit above ten, or 整.
                 if (!g[1].data() && !g[6].data() && *n < 10) return;
                 double v = *n;
                 if (g[4].data()) v += ZhDigit(Decode(Str(g[4]))[0]) * 0.1;
                 if (g[5].data()) v += ZhDigit(Decode(Str(g[5]))[0]) * 0.01;
                 v = std::round(v * 100) / 100;
                 size_t b = Off(text, g[0]), e = b + g[0].size();
                 if (Overlaps(*out, b, e)) return;
                 words.push_back(NumberCandidate(FactType::kAmount, text, b, e, v));
                 words.back().fact.currency = CurrencyOf(Str(g[1]), "");
               });
  // "One Hundred Thousand Dollars", "two million US dollars and 50/100".
  static const LazyPattern en_words(
      R"((?i)\b((?:)" CC_NUMWORD R"(|million|billion)(?:,?[\s-]+(?:and[\s-]+)?(?:)" CC_NUMWORD
      R"(|million|billion))*)\s+(?:(United\s+States|U\.\s?S\.|US|Hong\s+Kong|Singapore|Australian|Canadian)\s+)?(dollars?|euros?|pounds(?:\s+sterling)?|yuan|renminbi|yen)\b(?:\s+and\s+(\d{1,2})/100)?)",
      Opts());
  const bool currency_word =
      cues.Any({Cue::kDollar, Cue::kEuro, Cue::kPound, Cue::kYuan, Cue::kRenminbi, Cue::kYen});
  ForEachMatch(currency_word, en_words, text, [&](const std::vector<SP>& g) {
    auto n = ParseEnglishNumber(Str(g[1]));
    if (!n || NotWholeNumberWords(text, Off(text, g[1]), Str(g[1]))) return;
    double v = *n + (g[4].data() ? std::atoi(std::string(Str(g[4])).c_str()) / 100.0 : 0);
    std::string unit = ascii::ToLower(Str(g[3])), where = ascii::ToLower(Str(g[2]));
    std::string cur = unit.starts_with("euro")               ? "EUR"
                      : unit.starts_with("pound")            ? "GBP"
                      : unit == "yen"                        ? "JPY"
                      : unit == "yuan" || unit == "renminbi" ? "CNY"
                      : where.starts_with("hong")            ? "HKD"
                      : where == "singapore"                 ? "SGD"
                      : where == "australian"                ? "AUD"
                      : where == "canadian"                  ? "CAD"
                                                             : "USD";
    size_t b = Off(text, g[0]), e = b + g[0].size();
    if (Overlaps(*out, b, e)) return;
    words.push_back(NumberCandidate(FactType::kAmount, text, b, e, v));
    words.back().fact.currency = cur;
  });
  PairWordsWithFigures(text, std::move(words), out, [](Fact* figures, const Fact& w) {
    // ¥ and a bare 元 say CNY by default; the words may say otherwise.
    if (figures->currency == "CNY" && w.currency != "CNY") figures->currency = w.currency;
  });
}

// --------------------------------------------------------- percentages --

void ScanPercentages(const Cues& cues, std::vector<Candidate>* out) {
  const std::string_view text = cues.text();
  static const LazyPattern figures(R"((?i)(\d+(?:\.\d+)?)\s*(%|％|percent\b|per\s+cent\b))",
                                   Opts());
  static const LazyPattern zh(
      R"((百分之|千分之|万分之)([零〇一二两三四五六七八九十百点壹贰叁肆伍陆柒捌玖拾]+|\d+(?:\.\d+)?))",
      Opts());
  static const LazyPattern per_day(
      R"((?i)(?:按日|每日|每天|日利率|日息|日万分之|日千分之|日百分之|^日)$|(?:per\s+day|a\s+day|each\s+day|daily|/\s*day|for\s+each\s+day[\w\s]*)$)",
      Opts());
  static const LazyPattern per_day_after(
      R"((?i)^\s*(?:per\s+day|a\s+day|each\s+day|daily|/\s*day|for\s+each\s+day|每日|/日|/天))",
      Opts());
  static const LazyPattern per_month(R"((?i)(?:月利率|月息|每月|按月)$)", Opts());
  static const LazyPattern per_month_after(
      R"((?i)^\s*(?:per\s+month|a\s+month|monthly|/\s*month|/月))", Opts());
  static const LazyPattern per_year(
      R"((?i)(?:年利率|年化利率|年化|年息|每年|按年|annual\s+(?:interest\s+)?rate\s+of|annual)$)",
      Opts());
  static const LazyPattern per_year_after(
      R"((?i)^\s*(?:per\s+annum|per\s+year|a\s+year|annually|/\s*year|/年|p\.a\.))", Opts());

  auto per = [&](size_t b, size_t e) -> std::string {
    std::string_view after = text.substr(e, Boundary(text, std::min(text.size(), e + 24)) - e);
    // "ten percent (10%) per annum": the period follows the pair.
    const GappedPattern& twin = internal::RateTwinPattern();
    SP t;
    if (twin.Match(after, 0, after.size(), &t, 1)) after.remove_prefix(t.size());
    if (after.starts_with(")") || after.starts_with("）")) {
      after.remove_prefix(after.starts_with(")") ? 1 : std::string_view("）").size());
    }
    if (RE2::PartialMatch(after, per_day_after)) return "day";
    if (RE2::PartialMatch(after, per_month_after)) return "month";
    if (RE2::PartialMatch(after, per_year_after)) return "year";
    // The words right before the rate, within the same phrase: 逾期每日按
    // 合同总价款的万分之五; 年利率24%.
    size_t from = Boundary(text, b > 45 ? b - 45 : 0);
    std::string_view before = text.substr(from, b - from);
    for (std::string_view stop : {"，", "。", "；", ",", ";", "、"}) {
      size_t p = before.rfind(stop);
      if (p != std::string_view::npos) before = before.substr(p + stop.size());
    }
    static const LazyPattern day_in(R"((?i)按日|每日|每天|日利率|per\s+day|each\s+day|daily)",
                                    Opts());
    static const LazyPattern month_in(R"((?i)月利率|每月|按月|monthly|per\s+month)", Opts());
    static const LazyPattern year_in(R"((?i)年利率|年化|每年|按年|per\s+annum|annual)", Opts());
    if (RE2::PartialMatch(before, per_day) || RE2::PartialMatch(before, day_in)) return "day";
    // 每逾期一日，应按……的万分之五: the 每…日 phrase may stand one comma back.
    std::string_view wide = text.substr(0, b);
    size_t stops = 0, cut_at = 0;
    for (size_t i = wide.size(); i-- > 0;) {
      // ，and ；start with the byte 0xEF, 。with 0xE3.
      const unsigned char lead = static_cast<unsigned char>(wide[i]);
      if (lead != 0xEF && lead != 0xE3) continue;
      std::string_view tail = wide.substr(i);
      if (tail.starts_with("，") || tail.starts_with("。") || tail.starts_with("；")) {
        if (tail.starts_with("。") || tail.starts_with("；") || ++stops == 2) {
          cut_at = i;
          break;
        }
      }
    }
    static const LazyPattern each_day(R"(每(?:逾期|迟延|延迟|延期|超期)?(?:一|1)?(?:日|天))",
                                      Opts());
    if (RE2::PartialMatch(wide.substr(cut_at), each_day)) return "day";
    if (RE2::PartialMatch(before, per_month) || RE2::PartialMatch(before, month_in)) {
      return "month";
    }
    if (RE2::PartialMatch(before, per_year) || RE2::PartialMatch(before, year_in)) return "year";
    return "";
  };
  const bool percent = cues.Any({Cue::kPercent, Cue::kFullwidthPercent, Cue::kPer});
  ForEachMatch(cues.digit() && percent, figures, text, [&](const std::vector<SP>& g) {
    auto n = ParseFigure(Str(g[1]));
    if (!n) return;
    size_t b = Off(text, g[0]), e = b + g[0].size();
    Candidate* c = nullptr;
    AddNumberFact(FactType::kPercentage, text, b, e, *n, out, &c);
    if (c) c->fact.per = per(b, e);
  });
  std::vector<Candidate> words;
  ForEachMatch(cues.Has(Cue::kZhFraction), zh, text, [&](const std::vector<SP>& g) {
    auto n = ParseAnyNumber(Str(g[2]));
    if (!n) return;
    std::string_view kind = Str(g[1]);
    double v = kind == "百分之" ? *n : kind == "千分之" ? *n / 10 : *n / 100;
    v = std::round(v * 1e6) / 1e6;
    size_t b = Off(text, g[0]), e = b + g[0].size();
    // 日万分之五: the 日 belongs to the rate.
    std::string_view before = text.substr(0, b);
    size_t span_b = b;
    if (before.ends_with("日") && !before.ends_with("之日") && !before.ends_with("日日")) {
      span_b = b - std::string_view("日").size();
    }
    if (Overlaps(*out, span_b, e)) return;
    Candidate c = NumberCandidate(FactType::kPercentage, text, span_b, e, v);
    c.fact.per = span_b != b ? "day" : per(b, e);
    // 百分之5 is figures already; 百分之五 is words, which may have a twin.
    if (ParseFigure(Str(g[2]))) {
      out->push_back(std::move(c));
    } else {
      words.push_back(std::move(c));
    }
  });
  static const LazyPattern en_words(R"((?i)\b()" CC_NUMWORD R"((?:[\s-]+(?:and[\s-]+)?)" CC_NUMWORD
                                    R"()*)\s+(?:percent|per\s+cent)\b)",
                                    Opts());
  ForEachMatch(cues.Has(Cue::kPer), en_words, text, [&](const std::vector<SP>& g) {
    auto n = ParseEnglishNumber(Str(g[1]));
    size_t b = Off(text, g[0]), e = b + g[0].size();
    if (!n || Overlaps(*out, b, e) || NotWholeNumberWords(text, b, Str(g[1]))) return;
    words.push_back(NumberCandidate(FactType::kPercentage, text, b, e, *n));
    words.back().fact.per = per(b, e);
  });
  // 百分之十（10%）and ten percent (10%) are one rate, said twice.
  PairWordsWithFigures(text, std::move(words), out, [](Fact* twin, const Fact& w) {
    if (twin->per.empty()) twin->per = w.per;
  });
}

// ----------------------------------------------------------------- law --

std::string NormaliseJurisdiction(std::string name) {
  static const LazyPattern lead(
      R"((?i)^(?:the\s+)?(?:State|Commonwealth|Province|Republic)\s+of\s+)", Opts());
  while (!name.empty() && (name.back() == ' ' || name.back() == ',' || name.back() == '.')) {
    name.pop_back();
  }
  RE2::Replace(&name, lead, "");
  if (name.starts_with("the ")) name = name.substr(4);
  static const LazyPattern prc(
      R"((?i)^(?:People'?s\s+Republic\s+of\s+China|P\.?R\.?C\.?|PRC|China|Mainland\s+China|中华人民共和国|中国|中国大陆)$)",
      Opts());
  static const LazyPattern hk(
      R"((?i)^(?:Hong\s+Kong(?:\s+Special\s+Administrative\s+Region|\s+SAR)?|HKSAR|香港|香港特别行政区)$)",
      Opts());
  if (RE2::FullMatch(name, prc)) return "PRC";
  if (RE2::FullMatch(name, hk)) return "Hong Kong";
  if (name == "England & Wales" || name == "English") return "England and Wales";
  std::string upper = name;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (upper == name && name.size() > 3) {  // NEW YORK -> New York
    bool start = true;
    for (char& ch : name) {
      ch = start ? ch : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      start = ch == ' ' || ch == '-';
    }
  }
  return name;
}

void ScanGoverningLaw(const Cues& cues, std::vector<Candidate>* out) {
  const std::string_view text = cues.text();
  static const LazyPattern en(
      R"((?i:\blaws?\s+(?:and\s+judicial\s+decisions\s+)?(?:of|in\s+force\s+in))\s+((?i:the\s+)?(?i:(?:State|Commonwealth|Province)\s+of\s+)?[A-Z][\w.'’]*(?:(?:\s+|\s+and\s+|\s+of\s+|\s+&\s+)[A-Z][\w.'’]*)*))",
      Opts());
  static const LazyPattern governs(
      R"((?i)govern|constru|interpret|applicable\s+law|choice\s+of\s+law)", Opts());
  static const LazyPattern organised(
      R"((?i)organi[sz]ed|incorporated|existing|formed|registered|duly|enacted|and\s+regulations)",
      Opts());
  static const LazyPattern en_adj(
      R"((?i:governed\s+by|construed\s+in\s+accordance\s+with|construed\s+under)\s*,?\s*(?:and\s+construed\s+in\s+accordance\s+with\s*,?\s*)?(?:the\s+)?([A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)*)\s+law\b)",
      Opts());
  static const LazyPattern zh(
      R"((?:适用|遵守|遵循|受|依据|依照|按照)(?:于)?\s*(中华人民共和国|中国|香港特别行政区|香港|澳门特别行政区|新加坡|英国|美国)(?:的)?(?:有关)?(?:法律|法规))",
      Opts());
  auto add = [&](const SP& whole, const SP& name) {
    (void)whole;
    std::string_view nv = Str(name);
    // All-caps clauses run the name into the next words: cut at the first
    // word that is not part of a place name.
    static const LazyPattern stop(
        R"((?i)[\s,]+(?:without|applicable|applying|excluding|regardless|as|in|that|which|other|notwithstanding|except|USA|U\.S\.A\.?|United\s+States|govern\w*|shall|will|is|are|to|for|with|including)\b)",
        Opts());
    SP st;
    if (stop->Match(nv, 0, nv.size(), RE2::UNANCHORED, &st, 1)) nv = nv.substr(0, Off(nv, st));
    // A full stop after a word of four letters or more ends the sentence:
    // "the State of New York. Any dispute" (not "St. Louis", "D.C.").
    static const LazyPattern sentence_end(R"(\b[A-Za-z]{4,}(\.)\s)", Opts());
    SP se[2];
    if (sentence_end->Match(nv, 0, nv.size(), RE2::UNANCHORED, se, 2)) {
      nv = nv.substr(0, Off(nv, se[1]));
    }
    while (!nv.empty() && (nv.back() == '.' || nv.back() == ',')) nv.remove_suffix(1);
    size_t b = Off(text, name), e = b + nv.size();
    if (Overlaps(*out, b, e)) return;
    Candidate c;
    c.begin = b;
    c.end = e;
    c.fact.type = FactType::kGoverningLaw;
    std::string n(nv);
    // "the laws of the State of New York, United States": the state is enough.
    c.fact.value = NormaliseJurisdiction(n);
    c.fact.text = n;
    // "the laws of the Territory", "the laws of such country": not a place.
    static const LazyPattern not_a_place(
        R"((?i)^(?:the|this|that|such|any|each|its|their|territory|country|state|province|jurisdiction|agreement|party|parties|licensor|licensee|company)$)",
        Opts());
    if (c.fact.value->empty() || RE2::FullMatch(*c.fact.value, not_a_place)) return;
    out->push_back(std::move(c));
  };
  const bool law = cues.Has(Cue::kLaw);
  ForEachMatch(law, en, text, [&](const std::vector<SP>& g) {
    size_t b = Off(text, g[0]), e = b + g[0].size();
    size_t from = Boundary(text, b > 160 ? b - 160 : 0);
    size_t to = Boundary(text, std::min(text.size(), e + 80));
    size_t near = Boundary(text, b > 60 ? b - 60 : 0);
    if (!RE2::PartialMatch(text.substr(from, to - from), governs)) return;
    if (RE2::PartialMatch(text.substr(near, b - near), organised)) return;
    static const LazyPattern excluded(
        R"((?i)(?:excluding|except|other\s+than|not|conflicts?\s+of|choice\s+of|regard\s+to|principles\s+of)\s+(?:the\s+)?$)",
        Opts());
    if (RE2::PartialMatch(text.substr(near, b - near), excluded)) return;
    // A statute's name: "Article 33 of the General Business Law of the State
    // of New York", not the laws of New York.
    static const LazyPattern statute(R"((\w+)\s+$)", Opts());
    std::string prev;
    if (RE2::PartialMatch(text.substr(near, b - near), statute, &prev) &&
        std::isupper(static_cast<unsigned char>(prev[0]))) {
      static const LazyPattern plain(
          R"((?i)^(?:the|internal|substantive|applicable|governing|domestic|local|federal|respective|said|such)$)",
          Opts());
      if (!RE2::FullMatch(prev, plain)) return;
    }
    // Laws to comply with are not the contract's law: "comply with
    // applicable laws, including without limitation the laws of the PRC".
    size_t far = Boundary(text, b > 100 ? b - 100 : 0);
    static const LazyPattern comply(R"((?i)\bcompl(?:y|ies|ying|iance)\s+with\b[^.;]*$)", Opts());
    if (RE2::PartialMatch(text.substr(far, b - far), comply)) return;
    add(g[0], g[1]);
  });
  ForEachMatch(law, en_adj, text, [&](const std::vector<SP>& g) {
    static const LazyPattern skip(R"((?i)^(?:the|applicable|governing|such|any|this)$)", Opts());
    if (RE2::FullMatch(Str(g[1]), skip)) return;
    // What is governed is the agreement or its disputes, not "franchisees
    // governed by Minnesota law".
    size_t b = Off(text, g[0]);
    size_t from = Boundary(text, b > 160 ? b - 160 : 0);
    std::string_view before = text.substr(from, b - from);
    for (std::string_view stop : {". ", "; "}) {
      size_t p = before.rfind(stop);
      if (p != std::string_view::npos) before.remove_prefix(p + stop.size());
    }
    static const LazyPattern governed(
        R"((?i)agreement|contract|\bterms\b|\border|here(?:of|under|in|to)|dispute|claim|controvers|\bit\b|\bthis\s+\w+\s*$|^\s*(?:this|these)\b)",
        Opts());
    if (!before.empty() && !RE2::PartialMatch(before, governed)) return;
    add(g[0], g[1]);
  });
  ForEachMatch(cues.Has(Cue::kZhLaw), zh, text, [&](const std::vector<SP>& g) { add(g[0], g[1]); });
}

// --------------------------------------------------------------- forums --

struct Institution {
  const char* pattern;
  const char* name;
};
constexpr Institution kInstitutions[] = {
    {R"(China\s+International\s+Economic\s+and\s+Trade\s+Arbitration\s+Commission|\bCIETAC\b|中国国际经济贸易仲裁委员会|中国国际经济贸易仲裁委)",
     "China International Economic and Trade Arbitration Commission"},
    {R"(Shanghai\s+International\s+Arbitration\s+Cent(?:er|re)|\bSHIAC\b|上海国际仲裁中心|上海国际经济贸易仲裁委员会)",
     "Shanghai International Arbitration Center"},
    {R"(Beijing\s+Arbitration\s+Commission|\bBAC\b|北京仲裁委员会)",
     "Beijing Arbitration Commission"},
    {R"(Shenzhen\s+Court\s+of\s+International\s+Arbitration|\bSCIA\b|深圳国际仲裁院|华南国际经济贸易仲裁委员会)",
     "Shenzhen Court of International Arbitration"},
    {R"(Hong\s+Kong\s+International\s+Arbitration\s+Cent(?:er|re)|\bHKIAC\b|香港国际仲裁中心)",
     "Hong Kong International Arbitration Centre"},
    {R"(Singapore\s+International\s+Arbitration\s+Cent(?:er|re)|\bSIAC\b|新加坡国际仲裁中心)",
     "Singapore International Arbitration Centre"},
    {R"(International\s+Chamber\s+of\s+Commerce|\bICC\b|国际商会)",
     "International Chamber of Commerce"},
    {R"(London\s+Court\s+of\s+International\s+Arbitration|\bLCIA\b|伦敦国际仲裁院)",
     "London Court of International Arbitration"},
    {R"(International\s+Cent(?:er|re)\s+for\s+Dispute\s+Resolution|\bICDR\b)",
     "International Centre for Dispute Resolution"},
    {R"(American\s+Arbitration\s+Association|\bAAA\b)", "American Arbitration Association"},
    {R"(\bJAMS\b)", "JAMS"},
    // Any other commission by name: 上海仲裁委员会, 杭州仲裁委员会.
    {R"([\p{Han}]{2,8}?仲裁委员会)", nullptr},
};

// The language and number of arbitrators, where `text` names them; fields
// already set are kept.
void ArbitrationDetails(std::string_view text, Fact* f) {
  static const LazyPattern language_en(
      R"((?i)(?:language\s+(?:of|for|used\s+in)\s+(?:the\s+)?arbitra\w*(?:\s+proceedings?)?|arbitration\s+language|arbitral\s+proceedings?)\s*(?:shall\s+be|will\s+be|is|:)\s*(?:conducted\s+)?(?:in\s+)?(?:the\s+)?(English|Chinese|Mandarin|French|German|Spanish|Japanese|Korean)|(?:arbitration|arbitral\s+proceedings?|proceedings)\s+(?:shall|will)\s+be\s+(?:conducted|held|administered)\s+(?:in\s+\w+(?:\s+\w+)?\s+)?in\s+(?:the\s+)?(English|Chinese|Mandarin|French|German|Spanish|Japanese|Korean)(?:\s+language)?\b)",
      Opts());
  static const LazyPattern language_zh(
      R"((?:仲裁(?:程序)?(?:所)?(?:使用的)?语言|仲裁语言)(?:应)?(?:为|是|使用|采用|：|:)\s*(中文|汉语|英文|英语)|(?:以|使用|采用)(中文|汉语|英文|英语)(?:进行仲裁|作为仲裁语言))",
      Opts());
  static const LazyPattern arbitrators_en(
      R"((?i)\b(?:a\s+|one\s+)?(sole|single|one|two|three|five|\d)\s*(?:\(\s*\d\s*\)\s*)?(?:neutral\s+|independent\s+)?arbitrators?\b)",
      Opts());
  static const LazyPattern arbitrators_zh(
      R"((独任|一名|1名|一位|三名|3名|三位|五名|5名)(?:独任)?仲裁员)", Opts());
  SP g[3];
  if (f->language.empty()) {
    if (language_en->Match(text, 0, text.size(), RE2::UNANCHORED, g, 3)) {
      std::string lang(Str(g[1].data() ? g[1] : g[2]));
      f->language = lang == "Mandarin" ? "Chinese" : lang;
    } else if (language_zh->Match(text, 0, text.size(), RE2::UNANCHORED, g, 3)) {
      std::string_view lang = Str(g[1].data() ? g[1] : g[2]);
      f->language = lang == "中文" || lang == "汉语" ? "Chinese" : "English";
    }
  }
  if (!f->arbitrators) {
    if (arbitrators_en->Match(text, 0, text.size(), RE2::UNANCHORED, g, 2)) {
      std::string n = ascii::ToLower(Str(g[1]));
      int k = n == "sole" || n == "single" || n == "one" ? 1
              : n == "two"                               ? 2
              : n == "three"                             ? 3
              : n == "five"                              ? 5
                                                         : std::atoi(n.c_str());
      if (k > 0) f->arbitrators = k;
    } else if (arbitrators_zh->Match(text, 0, text.size(), RE2::UNANCHORED, g, 2)) {
      std::string_view n = Str(g[1]);
      f->arbitrators =
          n.find("三") != std::string_view::npos || n.find("3") != std::string_view::npos   ? 3
          : n.find("五") != std::string_view::npos || n.find("5") != std::string_view::npos ? 5
                                                                                            : 1;
    }
  }
}

void ScanForums(const Cues& cues, std::vector<Candidate>* out) {
  const std::string_view text = cues.text();
  static const LazyPattern seat_en(
      R"((?i:seat|place|venue|legal\s+place)\s*(?i:of\s+(?:the\s+)?arbitration)?\s*(?i:shall\s+be|will\s+be|is|:)?\s*(?:in\s+)?([A-Z][a-zA-Z]+(?:\s+[A-Z][a-zA-Z]+)*)|(?i:arbitration|arbitrated)\s+(?:shall\s+take\s+place\s+|held\s+|seated\s+|conducted\s+)?in\s+([A-Z][a-zA-Z]+(?:\s+[A-Z][a-zA-Z]+)*))",
      Opts());
  static const LazyPattern seat_zh(
      R"(仲裁地(?:点)?(?:应)?(?:为|是|在|：|:)\s*([\p{Han}]{2,6}?)(?:市)?(?:[，。；,;\s]|$|进行)|(?:仲裁地(?:点)?(?:为|是|：|:)?|在)([\p{Han}]{2,6}?)(?:市)?(?:进行)?仲裁)",
      Opts());
  static const LazyPattern rules_re(
      R"((?i)(UNCITRAL\s+Arbitration\s+Rules|UNCITRAL|ICC\s+Rules(?:\s+of\s+Arbitration)?|Rules\s+of\s+Arbitration\s+of\s+the\s+International\s+Chamber\s+of\s+Commerce|(?:HKIAC|SIAC|LCIA|CIETAC|SHIAC|SCIA|JAMS|AAA|ICDR)\s+(?:Administered\s+Arbitration\s+|Arbitration\s+|Commercial\s+Arbitration\s+|Comprehensive\s+Arbitration\s+)?Rules|Commercial\s+Arbitration\s+Rules|《[^》]{1,30}仲裁规则》))",
      Opts());
  static const LazyPattern court_en(
      R"(((?i:(?:the\s+)?(?:(?:state|federal|english|competent|exclusive)\s+(?:(?:or|and)\s+(?:state|federal)\s+)?)?courts?)\s+(?:(?:of|in|located\s+in|sitting\s+in|situated\s+in|for)\s+)(?:the\s+)?((?:(?:State|County|City|Borough|Commonwealth)\s+of\s+)?[A-Z][\w.'’]*(?:\s+(?:of\s+)?[A-Z][\w.'’]*)*(?:,\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)?)))",
      Opts());
  static const LazyPattern court_zh(
      R"((?:向|由|提交|交由|提请|诉至|诉诸)\s*([^，。；、,;]{0,30}?人民法院))", Opts());

  // (?i)arbitra|仲裁: no letter of "arbitra" folds onto another outside ASCII.
  if (cues.Any({Cue::kArbitra, Cue::kZhArbitration})) {
    // Compiled on the first text that speaks of arbitration (4.6 M
    // instructions), not on the first text.
    static const std::vector<std::unique_ptr<RE2>>* inst = [] {
      auto* v = new std::vector<std::unique_ptr<RE2>>;
      for (const Institution& i : kInstitutions)
        v->push_back(std::make_unique<RE2>(i.pattern, Opts()));
      return v;
    }();
    // The first institution named; a bare 仲裁委员会 is an arbitration without one.
    size_t best_b = std::string_view::npos, best_e = 0;
    const char* name = nullptr;
    for (size_t i = 0; i < inst->size(); ++i) {
      if (!kInstitutions[i].name && best_b != std::string_view::npos) break;
      SP m;
      if ((*inst)[i]->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1)) {
        size_t b = Off(text, m);
        if (b < best_b) {
          best_b = b;
          best_e = b + m.size();
          name = kInstitutions[i].name;
        }
      }
    }
    static const LazyPattern bare(R"(仲裁委员会|仲裁机构)", Opts());
    static const LazyPattern en_arb(R"((?i)\b(?:binding\s+)?arbitration\b)", Opts());
    Candidate c;
    c.fact.type = FactType::kForum;
    c.fact.forum_type = "arbitration";
    SP m;
    if (best_b != std::string_view::npos) {
      c.begin = best_b;
      c.end = best_e;
      std::string_view t = text.substr(best_b, best_e - best_b);
      if (!name) {
        // 向上海仲裁委员会申请: the name starts after the verb.
        static const LazyPattern verb(R"(^.*(?:向|由|交|请|的|在|或|可以|提交))", Opts());
        SP v;
        if (verb->Match(t, 0, t.size(), RE2::ANCHOR_START, &v, 1)) {
          c.begin += v.size();
          t.remove_prefix(v.size());
        }
      }
      if (name) {
        c.fact.value = std::string(name);
      } else if (t != "仲裁委员会") {
        c.fact.value = std::string(t);
      }
      c.fact.text = std::string(t);
    } else if (bare->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1) ||
               en_arb->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1)) {
      c.begin = Off(text, m);
      c.end = c.begin + m.size();
      c.fact.text = std::string(Str(m));
    }
    if (!c.fact.text.empty()) {
      SP g[3];
      if (seat_en->Match(text, 0, text.size(), RE2::UNANCHORED, g, 3)) {
        c.fact.seat = std::string(Str(g[1].data() ? g[1] : g[2]));
      } else if (seat_zh->Match(text, 0, text.size(), RE2::UNANCHORED, g, 3)) {
        c.fact.seat = std::string(Str(g[1].data() ? g[1] : g[2]));
      }
      if (rules_re->Match(text, 0, text.size(), RE2::UNANCHORED, g, 2)) {
        c.fact.rules = std::string(Str(g[1]));
      }
      static const LazyPattern bad_seat(R"((?i)^(?:the|accordance|English|writing|a|any)$)",
                                        Opts());
      if (RE2::FullMatch(c.fact.seat, bad_seat)) c.fact.seat.clear();
      ArbitrationDetails(text, &c.fact);
      if (!Overlaps(*out, c.begin, c.end)) out->push_back(std::move(c));
    }
  }
  // A court: the span of group 1, the value as named.
  auto add_court = [&](const SP& span, std::string value) {
    size_t b = Off(text, span), e = b + span.size();
    if (Overlaps(*out, b, e)) return;
    Candidate c;
    c.begin = b;
    c.end = e;
    c.fact.type = FactType::kForum;
    c.fact.forum_type = "court";
    c.fact.value = std::move(value);
    c.fact.text = std::string(Str(span));
    out->push_back(std::move(c));
  };
  ForEachMatch(cues.Has(Cue::kCourt), court_en, text, [&](const std::vector<SP>& g) {
    add_court(g[1], "courts of " + std::string(Str(g[2])));
  });
  ForEachMatch(cues.Has(Cue::kZhCourt), court_zh, text,
               [&](const std::vector<SP>& g) { add_court(g[1], std::string(Str(g[1]))); });
}

// -------------------------------------------------------------- parties --

bool IsRoleWord(std::string_view w) {
  static constexpr std::string_view kRoles[] = {"Customer",     "Supplier",
                                                "Licensor",     "Licensee",
                                                "Company",      "Consultant",
                                                "Buyer",        "Seller",
                                                "Vendor",       "Client",
                                                "Provider",     "Lender",
                                                "Borrower",     "Landlord",
                                                "Tenant",       "Employer",
                                                "Employee",     "Contractor",
                                                "Distributor",  "Purchaser",
                                                "Contractor",   "Service Provider",
                                                "Recipient",    "Discloser",
                                                "Lessor",       "Lessee",
                                                "Agent",        "Principal",
                                                "Manufacturer", "Reseller",
                                                "Partner",      "Developer",
                                                "Publisher",    "Owner",
                                                "Franchisor",   "Franchisee",
                                                "Guarantor",    "Investor",
                                                "Subscriber",   "Sponsor"};
  for (std::string_view r : kRoles) {
    if (w == r) return true;
  }
  return false;
}

void AddParty(std::string_view text, size_t b, size_t e, std::string name, std::string short_name,
              std::string role, std::vector<Candidate>* out) {
  while (!name.empty() && (name.back() == ' ' || name.back() == ',')) name.pop_back();
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == ',')) --e;
  if (name.empty()) return;
  Candidate c;
  c.begin = b;
  c.end = e;
  c.fact.type = FactType::kParty;
  c.fact.text = std::string(text.substr(b, e - b));
  static const LazyPattern blank(R"(^\[.*\]$|^[_＿\s]+$|^【.*】$)", Opts());
  if (RE2::FullMatch(name, blank)) {
    c.fact.placeholder = true;
  } else {
    c.fact.value = name;
  }
  c.fact.short_name = std::move(short_name);
  c.fact.role = std::move(role);
  out->push_back(std::move(c));
}

// "甲方（采购方）：上海恒岳精密机械有限公司（以下简称“甲方”）". A signature
// line ("甲方（盖章）：上海恒岳精密机械有限公司") goes to `signatures`.
void ScanZhParty(const Cues& cues, std::vector<Candidate>* out,
                 std::vector<Candidate>* signatures) {
  const std::string_view text = cues.text();
  static const LazyPattern line(
      R"(^\s*(甲方|乙方|丙方|丁方|出租方|承租方|出租人|承租人|买方|卖方|出卖人|买受人|委托方|受托方|委托人|受托人|出借人|借款人|贷款人|采购方|供货方|供应商|供方|需方|许可方|被许可方|转让方|受让方|发包人|承包人|发包方|承包方|保证人|服务方|客户|投资方|合作方)((?:\s*[（(][^）)]{1,16}[）)])*)\s*[：:]\s*(.*?)\s*((?:[（(][^）)]*[）)])*)\s*$)",
      Opts());
  static const LazyPattern paren(R"([（(]([^）)]*)[）)])", Opts());
  static const LazyPattern short_re(
      R"((?:以下简称|以下称|下称|简称)\s*[：:]?\s*[“"「『]?([^”"」』）)]+))", Opts());
  static const LazyPattern seal(R"(盖章|签章|签字|签名|公章|授权代表|法定代表人)", Opts());
  static const LazyPattern ab(R"(^[甲乙丙丁]方$)", Opts());
  SP g[5];
  if (!cues.han() || !line->Match(text, 0, text.size(), RE2::ANCHOR_START, g, 5)) return;
  std::string labels = std::string(Str(g[2])) + std::string(Str(g[4]));
  const bool signature = RE2::PartialMatch(labels, seal);
  if (signature) labels.clear();  // （盖章） says nothing of the party
  std::string label(Str(g[1]));
  std::string role, short_name;
  if (RE2::FullMatch(label, ab)) {
    short_name = label;
  } else {
    role = label;
  }
  ForEachMatch(paren, labels, [&](const std::vector<SP>& p) {
    std::string inner(Str(p[1]));
    std::string s;
    if (RE2::PartialMatch(inner, short_re, &s)) {
      short_name = s;
    } else if (RE2::FullMatch(inner, ab)) {
      short_name = inner;
    } else if (inner.size() <= 12 && role.empty()) {
      role = inner;
    }
  });
  if (role.empty()) role = label;
  std::string name(Str(g[3]));
  if (name.empty()) return;
  size_t b = Off(text, g[3]);
  AddParty(text, b, b + g[3].size(), name, short_name, role, signature ? signatures : out);
}

// An English signature block: the party's name on a line of its own, the
// signatory's "By:" on the next ("ACME CORP." / "By: ________"), perhaps
// after its role ("LICENSOR: ACME CORP.").
void ScanEnSignature(std::string_view text, std::string_view next, std::vector<Candidate>* out) {
  static const LazyPattern by(R"((?i)^\s*by\s*[:_])", Opts());
  // Most blocks are not followed by one that opens with "by": test that
  // before asking RE2 (\s is [\t\n\f\r ]; b and y fold onto no other letter).
  const size_t first = next.find_first_not_of("\t\n\f\r ");
  if (first == std::string_view::npos || next.size() - first < 2 ||
      ascii::Lower(next[first]) != 'b' || ascii::Lower(next[first + 1]) != 'y') {
    return;
  }
  if (!RE2::PartialMatch(next, by)) return;
  static const LazyPattern name_line(
      R"(^\s*(?:([A-Z][A-Za-z ]{2,30}?)\s*:\s*)?([A-Z][A-Za-z0-9&.,'’()\- ]{1,80}?)\s*[:,]?\s*$)",
      Opts());
  static const LazyPattern company(
      R"((?i)\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Company|Co|GmbH|AG|S\.A|PLC|LLP|LP|N\.V|B\.V|Pte|Holdings|Group)\.?$)",
      Opts());
  static const LazyPattern not_a_name(
      R"((?i)^(?:signatures?|signature\s+page.*|in\s+witness\s+whereof.*|agreed.*|accepted.*|the\s+parties.*)$)",
      Opts());
  // "Signed for and on behalf of ACME LIMITED", "For: ACME LIMITED".
  static const LazyPattern behalf(
      R"((?i)^\s*(?:signed\s+)?(?:(?:for\s+and\s+)?on\s+behalf\s+of|for)\s*:?\s+)", Opts());
  SP lead;
  size_t skip = 0;
  if (behalf->Match(text, 0, text.size(), RE2::ANCHOR_START, &lead, 1)) skip = lead.size();
  std::string_view line = text.substr(skip);
  std::string role, name;
  if (!RE2::FullMatch(line, name_line, &role, &name)) return;
  while (!name.empty() && (name.back() == ',' || name.back() == ' ')) name.pop_back();
  bool caps =
      std::none_of(name.begin(), name.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
  if ((!caps && !RE2::PartialMatch(name, company)) || RE2::FullMatch(name, not_a_name)) return;
  // "LICENSOR" is the role word "Licensor"; a role alone ("CUSTOMER" over
  // the signatory) is a heading, not a name.
  auto title = [](std::string w) {
    for (size_t i = 0; i < w.size(); ++i) {
      w[i] = i == 0 || w[i - 1] == ' ' ? w[i] : ascii::Lower(w[i]);
    }
    return w;
  };
  role = title(role);
  if (IsRoleWord(title(name))) return;
  size_t b = skip + line.find(name);
  AddParty(text, b, b + name.size(), name, "", IsRoleWord(role) ? role : "", out);
}

}  // namespace

namespace internal {

const GappedPattern& RateTwinPattern() {
  // Anchored at the start by its ^ (its gap opened: gapped.h).
  static const GappedPattern twin(R"(^\s*[(（][^)）]{1,12}[)）])", R"(^\s*[(（]([^)）]+)[)）])",
                                  {{1, 12}}, Opts());
  return twin;
}

const GappedPattern& PartyDefinitionPattern() {
  // Its counted gaps found through their open form (gapped.h).
  static const GappedPattern defined(
      R"(\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?|each\s+)?["“]([^"”]{1,40}?)(?:["”]\s*|(?:,["”]\s*|["”]\s*[,;])[^()]{0,200})\))",
      R"(\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?|each\s+)?["“]([^"”]+?)(?:["”]\s*|(?:,["”]\s*|["”]\s*[,;])([^()]*))\))",
      {{1, 40}, {2, 200}}, Opts());
  return defined;
}

}  // namespace internal

namespace {

// 'by and between X, a Delaware corporation ("Acme"), and Y ("Beta")' and
// '(1) CALDERWOOD LOGISTICS LIMITED, ... ("Customer"); and'.
void ScanEnParties(std::string_view text, std::vector<Candidate>* out) {
  // Each counted gap ({0,200}, {1,150}) is written once: RE2 compiles a copy
  // of its class per count, and two alternatives that share a gap compiled it
  // twice (the same matches and submatches: a concatenation distributes over
  // an alternation, in order).
  static const LazyPattern between(R"((?i)\b(?:between|among)\s*:?\s*)", Opts());
  static const LazyPattern numbered(R"(^\s*\(?\d{1,2}[).]\s+)", Opts());
  const GappedPattern& defined = internal::PartyDefinitionPattern();
  static const LazyPattern cut(
      R"(,\s+(?:a|an|the|whose|having|with|which|incorporated|organi[sz]ed|existing|located|registered)\b|\s*;)",
      Opts());
  size_t start = std::string_view::npos;
  SP m;
  if (between->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1)) {
    start = Off(text, m) + m.size();
  } else if (numbered->Match(text, 0, text.size(), RE2::ANCHOR_START, &m, 1)) {
    start = m.size();
  }
  if (start == std::string_view::npos) return;
  // The parties are named before the recitals: a short name defined in them
  // ("WHEREAS, ... the "Master Agreement"") is not a party's.
  static const LazyPattern recitals(
      R"(\b(?:WHEREAS|Whereas|RECITALS|Recitals|BACKGROUND|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H|NOW,?\s+THEREFORE)\b)",
      Opts());
  size_t limit = text.size();
  if (recitals->Match(text, start, text.size(), RE2::UNANCHORED, &m, 1)) limit = Off(text, m);
  static const LazyPattern lead(R"(^\s*(?:[,;]\s*)?(?:and\s+)?)", Opts());
  size_t pos = start;
  for (int n = 0; n < 6; ++n) {
    SP d[2];
    if (!defined.Match(text, pos, limit, d, 2)) break;
    std::string_view seg = text.substr(pos, Off(text, d[0]) - pos);
    SP l;
    size_t skip = 0;
    if (RE2::PartialMatch(seg, lead, &l)) skip = 0;
    {
      SP lm;
      if (lead->Match(seg, 0, seg.size(), RE2::ANCHOR_START, &lm, 1)) skip = lm.size();
    }
    size_t name_b = pos + skip;
    std::string_view rest = text.substr(name_b, Off(text, d[0]) - name_b);
    SP c;
    size_t name_len = rest.size();
    if (cut->Match(rest, 0, rest.size(), RE2::UNANCHORED, &c, 1)) name_len = Off(rest, c);
    std::string_view name = rest.substr(0, name_len);
    std::string short_name(Str(d[1]));
    static const LazyPattern generic(
        R"((?i)^(?:agreement|effective\s+date|party|parties|this\s+agreement)$)", Opts());
    static const LazyPattern looks_like_name(R"(^(?:\[.*\]|(?:[A-Z0-9]|[a-z][A-Z]).{1,150})$)",
                                             Opts());
    if (!RE2::FullMatch(short_name, generic) && RE2::FullMatch(name, looks_like_name)) {
      AddParty(text, name_b, name_b + name.size(), std::string(name), short_name,
               IsRoleWord(short_name) ? short_name : "", out);
    }
    pos = Off(text, d[0]) + d[0].size();
  }
}

// ------------------------------------------------------------- driver --

bool IsPreamble(const Clause& c, size_t index) {
  // Parties are named before the first numbered article: the opening clauses
  // and the (1)/(2) party list.
  return index < 6 || (c.number.size() <= 3 && c.number.starts_with("("));
}

// Jurisdictions that write dates month first.
bool MonthFirstJurisdiction(std::string_view v) {
  static constexpr std::string_view kUs[] = {"United States",
                                             "USA",
                                             "U.S.A.",
                                             "U.S.",
                                             "US",
                                             "Alabama",
                                             "Alaska",
                                             "Arizona",
                                             "Arkansas",
                                             "California",
                                             "Colorado",
                                             "Connecticut",
                                             "Delaware",
                                             "District of Columbia",
                                             "Florida",
                                             "Georgia",
                                             "Hawaii",
                                             "Idaho",
                                             "Illinois",
                                             "Indiana",
                                             "Iowa",
                                             "Kansas",
                                             "Kentucky",
                                             "Louisiana",
                                             "Maine",
                                             "Maryland",
                                             "Massachusetts",
                                             "Michigan",
                                             "Minnesota",
                                             "Mississippi",
                                             "Missouri",
                                             "Montana",
                                             "Nebraska",
                                             "Nevada",
                                             "New Hampshire",
                                             "New Jersey",
                                             "New Mexico",
                                             "New York",
                                             "North Carolina",
                                             "North Dakota",
                                             "Ohio",
                                             "Oklahoma",
                                             "Oregon",
                                             "Pennsylvania",
                                             "Rhode Island",
                                             "South Carolina",
                                             "South Dakota",
                                             "Tennessee",
                                             "Texas",
                                             "Utah",
                                             "Vermont",
                                             "Virginia",
                                             "Washington",
                                             "West Virginia",
                                             "Wisconsin",
                                             "Wyoming",
                                             "Philippines"};
  for (std::string_view us : kUs) {
    if (v == us) return true;
  }
  return false;
}

// The order for 01/02/2026 when the options give none: that of the first
// governing law named (month first for the United States, day first
// elsewhere), else month first in English and day first in Chinese.
bool DayFirstByDefault(const std::vector<Clause>& clauses, const ExtractOptions& options) {
  for (const Clause& c : clauses) {
    std::string_view t = c.text;
    if (t.find("law") == std::string_view::npos && t.find("Law") == std::string_view::npos &&
        t.find("LAW") == std::string_view::npos && t.find("法") == std::string_view::npos) {
      continue;
    }
    std::vector<Candidate> law;
    ScanGoverningLaw(Cues(t), &law);
    if (!law.empty() && law[0].fact.value) return !MonthFirstJurisdiction(*law[0].fact.value);
  }
  return options.language == "zh";
}

// A relative date's value, from the first dated fact of its anchor's role.
void ResolveRelativeDates(std::vector<Fact>* facts) {
  // Where the contract dates no such event, the nearest one stands in: a
  // contract with no separate effective date takes effect when signed (as
  // 《民法典》第五百零二条 has it for PRC law), a term with no start date
  // starts on the effective date, an expiry is the term's end.
  auto anchor_date = [&](const std::string& anchor) -> const Fact* {
    std::vector<std::string> roles = {anchor};
    if (anchor == "effective") roles = {"effective", "start", "signing"};
    if (anchor == "start") roles = {"start", "effective", "signing"};
    if (anchor == "signing") roles = {"signing", "effective"};
    if (anchor == "expiry") roles = {"expiry", "end"};
    for (const std::string& role : roles) {
      for (const Fact& f : *facts) {
        if (f.type == FactType::kDate && !f.relative && f.value && f.value->size() == 10 &&
            f.role == role) {
          return &f;
        }
      }
    }
    return nullptr;
  };
  for (Fact& f : *facts) {
    if (f.type != FactType::kDate || !f.relative) continue;
    const Fact* a = anchor_date(f.relative->anchor);
    if (!a) continue;
    if (f.relative->offset == 0) {
      f.value = a->value;
    } else {
      double n = f.relative->direction == "before" ? -f.relative->offset : f.relative->offset;
      f.value = AddToIsoDate(*a->value, n, f.relative->unit);
    }
    f.ambiguous = f.value && a->ambiguous;
  }
}

// Interest and penalty rates per day or month, as a rate per year.
void AnnualRates(std::vector<Fact>* facts) {
  for (Fact& f : *facts) {
    if (f.type != FactType::kPercentage || !f.number || f.per.empty()) continue;
    double k = f.per == "day" ? 365 : f.per == "month" ? 12 : 1;
    f.annual = std::round(*f.number * k * 1e6) / 1e6;
  }
}

// The index of the top-level clause that holds clause `i`, and the end of its
// subtree (clauses are in document order, children after their parent).
std::pair<size_t, size_t> Family(const std::vector<Clause>& clauses, size_t i) {
  size_t top = i;
  while (clauses[top].parent >= 0 && static_cast<size_t>(clauses[top].parent) < top) {
    top = static_cast<size_t>(clauses[top].parent);
  }
  size_t end = top + 1;
  while (end < clauses.size() && clauses[end].level > clauses[top].level) ++end;
  return {top, end};
}

// An arbitration clause often names the language and the tribunal in a
// sibling sub-clause: look through the whole dispute clause. A sub-clause
// that only mentions "the arbitration" is not a second forum when the clause
// names one.
void ArbitrationFromFamily(const std::vector<Clause>& clauses, std::vector<Fact>* facts) {
  auto family_of = [&](const std::string& id) -> std::pair<size_t, size_t> {
    for (size_t i = 0; i < clauses.size(); ++i) {
      if (clauses[i].id == id) return Family(clauses, i);
    }
    return {clauses.size(), clauses.size()};
  };
  std::vector<std::pair<size_t, size_t>> named;
  for (const Fact& f : *facts) {
    if (f.type == FactType::kForum && f.forum_type == "arbitration" && f.value) {
      named.push_back(family_of(f.clause_id));
    }
  }
  std::erase_if(*facts, [&](const Fact& f) {
    if (f.type != FactType::kForum || f.forum_type != "arbitration" || f.value || !f.seat.empty() ||
        !f.rules.empty()) {
      return false;
    }
    auto fam = family_of(f.clause_id);
    return fam.first < clauses.size() && std::find(named.begin(), named.end(), fam) != named.end();
  });
  for (Fact& f : *facts) {
    if (f.type != FactType::kForum || f.forum_type != "arbitration") continue;
    if (!f.language.empty() && f.arbitrators) continue;
    for (size_t i = 0; i < clauses.size(); ++i) {
      if (clauses[i].id != f.clause_id) continue;
      auto [top, end] = Family(clauses, i);
      for (size_t k = top; k < end && (f.language.empty() || !f.arbitrators); ++k) {
        ArbitrationDetails(clauses[k].text, &f);
      }
      break;
    }
  }
}

// Each party's mentions: the clauses that name it, by name or short name.
void PartyMentions(const std::vector<Clause>& clauses, std::vector<Fact>* facts) {
  std::optional<JoinedClauses> joined;
  for (Fact& f : *facts) {
    if (f.type != FactType::kParty || f.placeholder) continue;
    std::vector<std::string> names;
    if (f.value) names.push_back(*f.value);
    if (f.short_name.size() >= 2) names.push_back(f.short_name);
    // The clauses that hold a name, found in the joined texts for a name
    // without a line break, else clause by clause.
    if (!joined) joined.emplace(clauses);
    std::vector<bool> named(clauses.size(), false);
    for (const std::string& n : names) {
      if (n.find('\n') == std::string::npos) {
        ForEachWord(joined->text, n, [&](size_t p) { named[joined->ClauseAt(p)] = true; });
      } else {
        for (size_t i = 0; i < clauses.size(); ++i)
          named[i] = named[i] || CountWord(clauses[i].text, n) > 0;
      }
    }
    for (size_t i = 0; i < clauses.size(); ++i) {
      if (named[i]) f.mentions.push_back(clauses[i].id);
    }
  }
}

}  // namespace

std::vector<Fact> ExtractFacts(const Document& doc, const std::vector<Clause>& clauses,
                               const ExtractOptions& options) {
  std::vector<Fact> facts;
  std::vector<std::string> party_names;
  std::vector<Fact> known_parties;
  const bool day_first = DayFirstByDefault(clauses, options);
  const std::vector<bool> definition_tables = DefinitionTables(doc, clauses);
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    const Clause& c = clauses[ci];
    for (size_t k = 0; k < c.block_offsets.size(); ++k) {
      size_t bb = c.block_offsets[k];
      size_t be = k + 1 < c.block_offsets.size() ? c.block_offsets[k + 1] - 1 : c.text.size();
      if (bb > be || be > c.text.size()) continue;
      size_t block_index = c.first_block + k;
      if (block_index >= doc.blocks.size()) continue;
      std::string_view text(c.text.data() + bb, be - bb);
      const Cues cues(text);
      std::vector<Candidate> found;
      ScanDates(cues, options, day_first, &found);
      ScanMoney(cues, &found);
      ScanPercentages(cues, &found);
      ScanDurations(cues, &found);
      ScanGoverningLaw(cues, &found);
      ScanForums(cues, &found);
      // Counted from another date: may share words with a duration, never
      // with a date written out.
      std::vector<Candidate> relative;
      ScanRelativeDates(cues, &relative);
      for (Candidate& r : relative) {
        bool clash = false;
        for (const Candidate& f : found) {
          clash |= f.fact.type == FactType::kDate && r.begin < f.end && f.begin < r.end;
        }
        if (!clash) found.push_back(std::move(r));
      }
      std::vector<Candidate> terms;
      ScanDefinedTerms(cues, &terms);
      if (const int t = doc.blocks[block_index].source.table; t >= 0) {
        ScanTableDefinition(
            text, doc.blocks, block_index,
            static_cast<size_t>(t) < definition_tables.size() && definition_tables[t], &terms);
      }
      ScanReferences(cues, &terms);
      for (Candidate& t : terms) found.push_back(std::move(t));
      std::vector<Candidate> parties, signatures;
      ScanZhParty(cues, &parties, &signatures);
      if (IsPreamble(c, ci)) ScanEnParties(text, &parties);
      if (block_index + 1 < doc.blocks.size()) {
        ScanEnSignature(text, doc.blocks[block_index + 1].text, &signatures);
      }
      for (Candidate& p : parties) {
        std::string key = p.fact.value.value_or("") + "|" + p.fact.short_name;
        if (std::find(party_names.begin(), party_names.end(), key) != party_names.end()) continue;
        party_names.push_back(key);
        known_parties.push_back(p.fact);
        found.push_back(std::move(p));
      }
      // A signature block names a party the preamble did not (or names it
      // differently): same name or same short name is the same party.
      for (Candidate& p : signatures) {
        if (p.fact.placeholder) continue;
        bool known = false;
        for (const Fact& other : known_parties) {
          known |= (!p.fact.short_name.empty() && p.fact.short_name == other.short_name) ||
                   (other.value && ascii::EqualsIgnoreCase(*other.value, *p.fact.value));
        }
        if (known) continue;
        known_parties.push_back(p.fact);
        found.push_back(std::move(p));
      }
      std::stable_sort(found.begin(), found.end(),
                       [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
      const Block& block = doc.blocks[block_index];
      // Code points counted on from the previous fact (sorted by begin): a
      // paragraph of megabytes must not be counted again from its start for
      // each of its facts.
      size_t counted_bytes = 0;
      int counted = 0;
      for (Candidate& f : found) {
        Location loc;
        loc.part = block.source.part;
        loc.block = block.source.index;
        const size_t begin = std::min(f.begin, text.size());
        counted += utf8::CodePointOffset(text.substr(counted_bytes), begin - counted_bytes);
        counted_bytes = begin;
        loc.start = counted;
        loc.end = counted + utf8::CodePointOffset(text.substr(begin), f.end - begin);
        f.fact.location = loc;
        f.fact.clause_id = c.id;
        facts.push_back(std::move(f.fact));
      }
    }
  }
  // "the laws of Cargill's state of incorporation": a party is not a law.
  std::erase_if(facts, [&](const Fact& f) {
    if (f.type != FactType::kGoverningLaw || !f.value) return false;
    for (const Fact& p : known_parties) {
      for (const std::string& name : {p.value.value_or(""), p.short_name}) {
        if (name.size() >= 3 && ascii::StartsWithIgnoreCase(name, *f.value)) return true;
      }
    }
    return false;
  });
  ResolveRelativeDates(&facts);
  AnnualRates(&facts);
  ArbitrationFromFamily(clauses, &facts);
  PartyMentions(clauses, &facts);
  ResolveReferences(clauses, &facts);
  CountTermUses(clauses, &facts);
  return facts;
}

}  // namespace clausecheck::analyzer
