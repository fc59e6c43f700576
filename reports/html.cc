#include "reports/html.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <map>
#include <string>

#include "core/utf8.h"
#include "parsers/parse.h"

namespace clausecheck::reports {
namespace {

constexpr std::array<Severity, 5> kSeverities = {
    Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo};

// The page's style. Severity colours: s-critical ... s-info; the layout is
// three columns on a wide screen (outline, contract, findings), one column on
// a narrow one and in print, where navigation and filters are left out.
constexpr std::string_view kStyle = R"css(
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--bg:#f5f7fa;--card:#fff;--accent:#1f4e79;
--critical:#7f1d1d;--critical-bg:#fecaca;--high:#b91c1c;--high-bg:#fee2e2;--medium:#92400e;
--medium-bg:#fef3c7;--low:#0e7490;--low-bg:#cffafe;--info:#475569;--info-bg:#e2e8f0;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",
"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",
"WenQuanYi Micro Hei",sans-serif;
--serif:Georgia,Cambria,"Times New Roman","Noto Serif","Liberation Serif","DejaVu Serif",
"Songti SC","STSong","SimSun",
"Noto Serif CJK SC","Source Han Serif SC","Noto Sans CJK SC","WenQuanYi Micro Hei",serif}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{font:15px/1.5 var(--sans);color:var(--ink);background:var(--bg)}
body{margin:0;display:grid;grid-template-columns:15rem minmax(0,1fr) 27rem;
grid-template-areas:"head head head" "nav main side" "foot foot foot"}
a{color:var(--accent)}
h1,h2,h3{line-height:1.25}
h2{font-size:1.15rem;margin:0 0 .6rem}
h3{font-size:.95rem;margin:1rem 0 .4rem;color:var(--muted);text-transform:uppercase;
letter-spacing:.04em}
#top{grid-area:head;display:flex;flex-wrap:wrap;gap:1rem 2rem;align-items:flex-start;
padding:1rem 1.5rem;background:var(--card);border-bottom:1px solid var(--line)}
#top .title{flex:1 1 26rem;min-width:0}
#top .tool{margin:0;color:var(--muted);font-size:.85rem}
#top h1{margin:.1rem 0 .5rem;font-size:1.35rem;overflow-wrap:anywhere}
#top dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:0;
font-size:.9rem}
#top dt{color:var(--muted)}
#top dd{margin:0;overflow-wrap:anywhere}
.verdict{min-width:11rem;padding:.6rem .9rem;border-radius:.5rem;border:2px solid}
.verdict b{display:block;font-size:1.4rem;letter-spacing:.06em}
.v-block{color:var(--high);border-color:var(--high);background:var(--high-bg)}
.v-review{color:var(--medium);border-color:#d97706;background:var(--medium-bg)}
.v-pass{color:#166534;border-color:#16a34a;background:#dcfce7}
.risk{font-size:.9rem}
.bar{height:.45rem;background:#fff;border:1px solid currentColor;border-radius:.3rem;
margin-top:.3rem;overflow:hidden}
.bar span{display:block;height:100%;background:currentColor}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;margin:.6rem 0 0;padding:0}
.counts li{padding:.15rem .55rem;border-radius:1rem;font-size:.85rem}
.notices{margin:.4rem 0 0;color:var(--high);font-size:.9rem}
#outline{grid-area:nav;position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;
padding:1rem .8rem;font-size:.85rem;border-right:1px solid var(--line)}
#outline ol{list-style:none;margin:0;padding:0}
#outline li{margin:.1rem 0;display:flex;gap:.3rem;align-items:baseline}
#outline li a{flex:1;text-decoration:none;overflow-wrap:anywhere}
#outline li a:hover{text-decoration:underline}
#outline .l2{padding-left:.9rem}#outline .l3{padding-left:1.8rem}
#outline .l4{padding-left:2.7rem}#outline .l5,#outline .l6{padding-left:3.6rem}
#outline .jump{margin-bottom:.8rem}
main{grid-area:main;min-width:0;padding:1rem 1.5rem}
section{margin-bottom:1.5rem}
#facts .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(24rem,1fr));gap:0 1.2rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;background:var(--card)}
th,td{text-align:left;vertical-align:top;padding:.25rem .45rem;border:1px solid var(--line);
overflow-wrap:break-word}
th{background:#eef2f6;font-weight:600}
.none{color:var(--muted);font-style:italic;margin:.2rem 0}
.placeholder{color:var(--high);font-style:italic}
.mismatch{color:var(--high);font-weight:600}
#contract .doc{background:var(--card);border:1px solid var(--line);border-radius:.4rem;
padding:1rem 1.2rem 1rem .4rem;font-family:var(--serif);font-size:1rem;line-height:1.65}
.blk{display:grid;grid-template-columns:4.2rem minmax(0,1fr);gap:.6rem;margin:0 0 .45rem}
.blk .cn{text-align:right;color:var(--muted);font:600 .8rem/1.9 var(--sans);
overflow-wrap:anywhere}
.blk .tx{white-space:pre-wrap;overflow-wrap:anywhere}
.k-heading .tx{font-weight:700}
.k-header .tx,.k-footer .tx,.k-footnote .tx,.k-endnote .tx,.k-comment .tx{color:var(--muted);
font-size:.9rem}
.blk .kind{font:.7rem var(--sans);text-transform:uppercase;color:var(--muted);
border:1px solid var(--line);border-radius:.2rem;padding:0 .25rem;margin-right:.4rem}
.blk .lbl{font-weight:600;margin-right:.4rem}
.hl{color:inherit;text-decoration:none;border-radius:.15rem;padding:.05rem 0}
.hl.s-critical{background:rgba(220,38,38,.38)}.hl.s-high{background:rgba(239,68,68,.24)}
.hl.s-medium{background:rgba(245,158,11,.32)}.hl.s-low{background:rgba(6,182,212,.24)}
.hl.s-info{background:rgba(100,116,139,.22)}
.hl.n2{box-shadow:inset 0 -.18em 0 rgba(0,0,0,.35)}
.ref{font:600 .65rem var(--sans);margin:0 .1rem}
ins{color:#166534;text-decoration:underline;text-decoration-color:#16a34a}
del{color:#991b1b;text-decoration:line-through}
ins.mv,del.mv{color:#1e40af;text-decoration-style:double}
.hid{color:var(--muted);border-bottom:1px dotted;font-style:italic}
.cmt{background:rgba(250,204,21,.22);border-bottom:1px dashed #a16207}
.cmt.done{background:none}
.cmt.pt{font:.75rem var(--sans);color:#a16207;border:0;background:none}
.ref a{text-decoration:none}
:target{outline:2px solid var(--accent);outline-offset:2px}
#findings{grid-area:side;position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;
padding:1rem;border-left:1px solid var(--line)}
.count{margin:0 0 .5rem;font-size:.9rem}
#filters fieldset{border:1px solid var(--line);border-radius:.3rem;margin:0 0 .5rem;
padding:.2rem .5rem .4rem;font-size:.82rem}
#filters legend{color:var(--muted);padding:0 .2rem}
#filters label{display:inline-block;margin-right:.6rem;white-space:nowrap}
.finding{background:var(--card);border:1px solid var(--line);border-left:4px solid;
border-radius:.35rem;padding:.5rem .7rem;margin:0 0 .6rem;font-size:.88rem}
.finding.s-critical{border-left-color:var(--critical)}.finding.s-high{border-left-color:var(--high)}
.finding.s-medium{border-left-color:#d97706}.finding.s-low{border-left-color:var(--low)}
.finding.s-info{border-left-color:var(--info)}
.finding.waived{opacity:.7}
.finding header{display:flex;flex-wrap:wrap;gap:.35rem;align-items:baseline}
.finding p{margin:.3rem 0}
.finding .msg{font-weight:600}
.finding blockquote{margin:.3rem 0;padding:.15rem .5rem;border-left:3px solid var(--line);
font-family:var(--serif);color:#323f4b;overflow-wrap:anywhere}
.finding .meta{color:var(--muted);font-size:.8rem}
.sev{font-weight:700;font-size:.72rem;text-transform:uppercase;padding:0 .4rem;border-radius:.2rem}
.s-critical .sev,.counts .s-critical{background:var(--critical-bg);color:var(--critical)}
.s-high .sev,.counts .s-high{background:var(--high-bg);color:var(--high)}
.s-medium .sev,.counts .s-medium{background:var(--medium-bg);color:var(--medium)}
.s-low .sev,.counts .s-low{background:var(--low-bg);color:var(--low)}
.s-info .sev,.counts .s-info{background:var(--info-bg);color:var(--info)}
.counts .waived{background:#ede9fe;color:#5b21b6}
.badge{font-size:.7rem;font-weight:700;padding:0 .35rem;border-radius:.6rem}
.badge.s-critical{background:var(--critical-bg);color:var(--critical)}
.badge.s-high{background:var(--high-bg);color:var(--high)}
.badge.s-medium{background:var(--medium-bg);color:var(--medium)}
.badge.s-low{background:var(--low-bg);color:var(--low)}
.badge.s-info{background:var(--info-bg);color:var(--info)}
.tag{font-size:.75rem;color:var(--muted)}
.rule{font-size:.75rem;color:var(--muted);overflow-wrap:anywhere}
.waived-note{color:#5b21b6}
footer{grid-area:foot;padding:.8rem 1.5rem;color:var(--muted);font-size:.8rem;
border-top:1px solid var(--line)}
@media screen{.hl.off{background:none;box-shadow:none}.ref.off{display:none}}
@media (max-width:1100px){body{grid-template-columns:minmax(0,1fr);
grid-template-areas:"head" "side" "main" "foot"}
#outline{display:none}#findings{position:static;max-height:none;border-left:0}}
@media print{html{background:#fff;font-size:10.5pt}
body{display:block}
#outline,#filters,.count,.jump{display:none!important}
#findings{position:static;max-height:none;overflow:visible;border:0;padding:0 0 1rem}
main{padding:0}
#top{border:0;padding:0 0 1rem}
.finding,.blk,tr{break-inside:avoid}
.finding[hidden]{display:block!important}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

// Filters: with scripts off the form stays hidden and every finding shows.
// The counter's data-shown is set here, so a test can tell the script ran.
constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var shown = document.getElementById('shown');
  if (!shown) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll('#findings .finding'));
  if (!form) {  // no findings, nothing to filter
    shown.dataset.shown = String(cards.length);
    return;
  }
  var marks = Array.prototype.slice.call(document.querySelectorAll('#contract [data-f]'));
  function checked(name) {
    var on = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      on[box.value] = box.checked;
    });
    return on;
  }
  function apply() {
    var severity = checked('severity');
    var category = checked('category');
    var waived = checked('waived').yes !== false;
    var visible = {};
    var n = 0;
    cards.forEach(function (card) {
      var on = severity[card.dataset.severity] === true &&
          category[card.dataset.category] === true &&
          (waived || card.dataset.waived !== 'yes');
      card.hidden = !on;
      if (on) {
        visible[card.id] = true;
        n += 1;
      }
    });
    marks.forEach(function (mark) {
      var any = mark.dataset.f.split(' ').some(function (id) { return visible[id] === true; });
      mark.classList.toggle('off', !any);
    });
    shown.textContent = String(n);
    shown.dataset.shown = String(n);
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  apply();
}());
)js";

std::string Base64(const std::string& bytes) {
  constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[v & 63] : '=';
  }
  return out;
}

// Only the page's own script may run, whatever a contract contains: the
// policy names it by hash. Nothing may be loaded from anywhere.
const std::string& ContentSecurityPolicy() {
  static const std::string policy = [] {
    const std::string hex = parsers::Sha256Hex(kScript);
    std::string digest;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
      digest += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    }
    return "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + Base64(digest) +
           "'; img-src 'none'; form-action 'none'; base-uri 'none'";
  }();
  return policy;
}

std::string Esc(std::string_view s) { return HtmlEscape(s); }

std::string SeverityClass(Severity s) { return "s-" + std::string(Name(s)); }

// At most `n` code points of `s`, "…" marking a cut.
std::string Truncate(std::string_view s, int n) {
  size_t pos = 0;
  for (int i = 0; i < n && pos < s.size(); ++i) utf8::Next(s, &pos);
  if (pos >= s.size()) return std::string(s);
  return std::string(s.substr(0, pos)) + "…";
}

std::string Thousands(long long v) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

// Counts and rates: "30", "1.5", "0.05".
std::string FormatNumber(double v) {
  if (!std::isfinite(v)) return "?";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// Money: "96,000" or "1,234.50", rounded to the cent.
std::string FormatAmount(double v) {
  if (!std::isfinite(v) || std::fabs(v) >= 9.0e13) return FormatNumber(v);
  const long long cents = std::llround(std::fabs(v) * 100);
  std::string s = (v < 0 && cents != 0 ? "-" : "") + Thousands(cents / 100);
  if (cents % 100 != 0) {
    char buf[8];
    std::snprintf(buf, sizeof buf, ".%02lld", cents % 100);
    s += buf;
  }
  return s;
}

// "30 days", "1 business day", "12 months".
std::string Count(double n, const std::string& unit) {
  std::string u = unit;
  std::replace(u.begin(), u.end(), '_', ' ');
  if (!u.empty() && n != 1) u += 's';
  return FormatNumber(n) + (u.empty() ? "" : " " + Esc(u));
}

// "12.1 Limitation of Liability", "第十二条 违约责任", or the clause's first
// words when it has neither number nor heading.
std::string ClauseTitle(const Clause& c) {
  std::string title = c.number;
  if (!c.heading.empty()) {
    if (!title.empty()) title += ' ';
    title += c.heading;
  }
  if (title.empty()) title = Truncate(c.text.substr(0, c.text.find('\n')), 48);
  if (title.empty()) title = c.id;
  return title;
}

// A sub-clause with the numbers of the clauses above it, "9 › (d) Customer's
// Liability", "九 › （二）": "(d)" alone says little.
std::string ClausePath(const std::vector<Clause>& clauses, int index) {
  std::string path = ClauseTitle(clauses[index]);
  int parent = clauses[index].parent;
  // Bounded: a parent chain never loops, but a reporter does not rely on it.
  for (int depth = 0; depth < 16 && parent >= 0 && parent < static_cast<int>(clauses.size());
       ++depth) {
    const Clause& p = clauses[parent];
    path = (p.number.empty() ? ClauseTitle(p) : p.number) + " › " + path;
    parent = p.parent;
  }
  return path;
}

// What the page needs to know about the review, computed once.
struct Index {
  const Review& review;
  std::map<std::string, int> clause;                     // clause id -> index
  std::vector<std::vector<int>> clauses_at;              // block -> clauses starting there
  std::vector<std::vector<const Finding*>> findings_in;  // clause -> findings
  std::vector<std::vector<HtmlSpan>> spans;              // block -> spans
  int waived = 0;

  explicit Index(const Review& r)
      : review(r),
        clauses_at(r.document.blocks.size()),
        findings_in(r.clauses.size()),
        spans(r.document.blocks.size()) {
    const int blocks = static_cast<int>(r.document.blocks.size());
    for (size_t i = 0; i < r.clauses.size(); ++i) {
      clause.emplace(r.clauses[i].id, static_cast<int>(i));
      const int b = r.clauses[i].first_block;
      if (b >= 0 && b < blocks) clauses_at[b].push_back(static_cast<int>(i));
    }
    for (const Finding& f : r.findings) {
      if (f.suppressed) ++waived;
      if (auto it = clause.find(f.clause_id); it != clause.end()) {
        findings_in[it->second].push_back(&f);
      }
      if (f.location && f.location->block >= 0 && f.location->block < blocks) {
        spans[f.location->block].push_back(
            HtmlSpan{f.location->start, f.location->end, f.id, f.severity});
      }
    }
  }

  // "#c5" for a known clause id, "" otherwise.
  std::string ClauseHref(const std::string& id) const {
    return clause.count(id) ? "#" + Esc(id) : "";
  }

  // Where a fact stands: its block, else its clause, else nowhere.
  std::string FactHref(const Fact& f) const {
    if (f.location && f.location->block >= 0 &&
        f.location->block < static_cast<int>(review.document.blocks.size())) {
      return "#b" + std::to_string(f.location->block);
    }
    return ClauseHref(f.clause_id);
  }
};

void Link(std::string* out, const std::string& href, const std::string& html) {
  if (href.empty()) {
    *out += html;
  } else {
    *out += "<a href=\"" + href + "\">" + html + "</a>";
  }
}

void WriteHeader(const Index& ix, std::string* out) {
  const Review& r = ix.review;
  const Document& d = r.document;
  std::string& o = *out;
  o += "<header id=\"top\">\n<div class=\"title\">\n<p class=\"tool\">clausecheck contract "
       "review</p>\n<h1>";
  o += Esc(d.path);
  o += "</h1>\n<dl>\n";
  auto row = [&](std::string_view term, const std::string& html) {
    o += "<dt>" + std::string(term) + "</dt><dd>" + html + "</dd>\n";
  };
  row("Language", Esc(r.language));
  std::string types;
  for (const std::string& t : r.contract_types) types += (types.empty() ? "" : ", ") + Esc(t);
  row("Contract type", types.empty() ? "<span class=\"none\">not named</span>" : types);
  std::string format(Name(d.format));
  if (!d.encoding.empty()) format += ", " + Esc(d.encoding);
  row("Format", format);
  row("Size", Thousands(static_cast<long long>(d.blocks.size())) + " blocks, " +
                  Thousands(static_cast<long long>(r.clauses.size())) + " clauses, " +
                  Thousands(r.characters) + " characters");
  row("Ruleset", Esc(r.ruleset.name) + " " + Esc(r.ruleset.version) + " (" +
                     std::to_string(r.ruleset.rules) + " rules)");
  if (!d.sha256.empty()) row("SHA-256", "<code>" + Esc(d.sha256) + "</code>");
  o += "</dl>\n";
  if (!d.notices.empty()) {
    o += "<ul class=\"notices\">\n";
    for (const std::string& n : d.notices) o += "<li>" + Esc(n) + "</li>\n";
    o += "</ul>\n";
  }
  o += "</div>\n";
  const std::string verdict(Name(r.verdict));
  const int risk = std::clamp(r.risk_score, 0, 100);
  std::string upper = verdict;
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  o += "<div class=\"verdict v-" + verdict + "\">\n<b>" + upper + "</b>\n";
  o += "<span class=\"risk\">risk score " + std::to_string(r.risk_score) + " / 100</span>\n";
  o += "<div class=\"bar\"><span style=\"width:" + std::to_string(risk) + "%\"></span></div>\n";
  o += "<ul class=\"counts\">\n";
  for (Severity s : kSeverities) {
    o += "<li class=\"" + SeverityClass(s) + "\"><b>" +
         std::to_string(r.counts[static_cast<size_t>(s)]) + "</b> " + std::string(Name(s)) +
         "</li>\n";
  }
  if (ix.waived > 0) {
    o += "<li class=\"waived\"><b>" + std::to_string(ix.waived) + "</b> waived</li>\n";
  }
  o += "</ul>\n</div>\n</header>\n";
}

void WriteOutline(const Index& ix, std::string* out) {
  std::string& o = *out;
  o += "<nav id=\"outline\" aria-label=\"Clause outline\">\n<h2>Outline</h2>\n"
       "<p class=\"jump\"><a href=\"#facts\">Facts</a> · <a href=\"#findings\">Findings</a> · "
       "<a href=\"#contract\">Contract</a></p>\n<ol>\n";
  for (size_t i = 0; i < ix.review.clauses.size(); ++i) {
    const Clause& c = ix.review.clauses[i];
    o += "<li class=\"l" + std::to_string(std::clamp(c.level, 1, 6)) + "\"><a href=\"#" +
         Esc(c.id) + "\">" + Esc(ClauseTitle(c)) + "</a>";
    const auto& fs = ix.findings_in[i];
    if (!fs.empty()) {
      Severity worst = Severity::kInfo;
      for (const Finding* f : fs) worst = std::max(worst, f->severity);
      o += "<span class=\"badge " + SeverityClass(worst) + "\" title=\"findings\">" +
           std::to_string(fs.size()) + "</span>";
    }
    o += "</li>\n";
  }
  o += "</ol>\n</nav>\n";
}

void WriteFinding(const Index& ix, const Finding& f, std::string* out) {
  std::string& o = *out;
  o += "<article class=\"finding " + SeverityClass(f.severity) + (f.suppressed ? " waived" : "") +
       "\" id=\"" + Esc(f.id) + "\" data-severity=\"" + std::string(Name(f.severity)) +
       "\" data-category=\"" + std::string(Name(f.category)) + "\" data-waived=\"" +
       (f.suppressed ? "yes" : "no") + "\">\n";
  o += "<header><span class=\"sev\">" + std::string(Name(f.severity)) +
       "</span><span class=\"tag\">" + std::string(Name(f.category)) + " · " +
       std::string(Name(f.kind)) + "</span><code class=\"rule\">" + Esc(f.rule) +
       "</code></header>\n";
  o += "<p class=\"msg\">" + Esc(f.message) + "</p>\n";
  if (!f.evidence.empty()) o += "<blockquote>" + Esc(f.evidence) + "</blockquote>\n";
  if (!f.recommendation.empty()) o += "<p>→ " + Esc(f.recommendation) + "</p>\n";
  if (f.suppressed) {
    o += "<p class=\"waived-note\">Waived (" + Esc(f.suppressed->source) +
         "): " + Esc(f.suppressed->reason) + "</p>\n";
  }
  std::vector<std::string> meta;
  if (auto it = ix.clause.find(f.clause_id); it != ix.clause.end()) {
    meta.push_back("clause <a href=\"#" + Esc(f.clause_id) + "\">" +
                   Esc(ClausePath(ix.review.clauses, it->second)) + "</a>");
  }
  const int blocks = static_cast<int>(ix.review.document.blocks.size());
  if (f.location && f.location->block >= 0 && f.location->block < blocks) {
    meta.push_back("<a href=\"#t-" + Esc(f.id) + "\">show in text</a>");
  }
  if (!f.affects.empty()) meta.push_back("affects " + Esc(f.affects));
  meta.push_back(Esc(f.id));
  o += "<p class=\"meta\">";
  for (size_t i = 0; i < meta.size(); ++i) o += (i ? " · " : "") + meta[i];
  o += "</p>\n</article>\n";
}

void WriteFindings(const Index& ix, std::string* out) {
  const Review& r = ix.review;
  std::string& o = *out;
  const std::string total = std::to_string(r.findings.size());
  o += "<aside id=\"findings\" aria-label=\"Findings\">\n<h2>Findings</h2>\n";
  o += "<p class=\"count\"><output id=\"shown\" data-total=\"" + total + "\">" + total +
       "</output> of " + total + " findings shown</p>\n";
  if (r.findings.empty()) {
    o += "<p class=\"none\">No findings.</p>\n</aside>\n";
    return;
  }
  std::array<int, 5> by_severity{};
  std::array<int, kCategoryCount> by_category{};
  for (const Finding& f : r.findings) {
    ++by_severity[static_cast<size_t>(f.severity)];
    ++by_category[static_cast<size_t>(f.category)];
  }
  auto box = [&](std::string_view name, std::string_view value, int count) {
    o += "<label><input type=\"checkbox\" name=\"" + std::string(name) + "\" value=\"" +
         std::string(value) + "\" checked> " + std::string(value) + " (" + std::to_string(count) +
         ")</label>\n";
  };
  o += "<form id=\"filters\" hidden>\n<fieldset><legend>Severity</legend>\n";
  for (Severity s : kSeverities) {
    if (by_severity[static_cast<size_t>(s)] > 0) {
      box("severity", Name(s), by_severity[static_cast<size_t>(s)]);
    }
  }
  o += "</fieldset>\n<fieldset><legend>Category</legend>\n";
  for (Category c : AllCategories()) {
    if (by_category[static_cast<size_t>(c)] > 0) {
      box("category", Name(c), by_category[static_cast<size_t>(c)]);
    }
  }
  o += "</fieldset>\n";
  if (ix.waived > 0) {
    o += "<fieldset><legend>Waived</legend>\n";
    box("waived", "yes", ix.waived);
    o += "</fieldset>\n";
  }
  o += "</form>\n";

  // Missing clauses first, then what is tied to no place, then the rest in
  // report order (which is document order).
  auto group = [&](std::string_view title, const std::function<bool(const Finding&)>& take) {
    bool any = false;
    for (const Finding& f : r.findings) {
      if (!take(f)) continue;
      if (!any) o += "<h3>" + std::string(title) + "</h3>\n";
      any = true;
      WriteFinding(ix, f, out);
    }
  };
  const int blocks = static_cast<int>(r.document.blocks.size());
  auto placed = [&](const Finding& f) {
    return f.location && f.location->block >= 0 && f.location->block < blocks;
  };
  group("Missing from the contract",
        [&](const Finding& f) { return !placed(f) && f.kind == Kind::kMissing; });
  group("Whole document", [&](const Finding& f) { return !placed(f) && f.kind != Kind::kMissing; });
  group("In the text", placed);
  o += "</aside>\n";
}

// One table of facts of a type; each cell is HTML already escaped.
struct FactColumn {
  std::string_view title;
  std::function<std::string(const Fact&)> cell;
};

void WriteFactTable(const Index& ix, FactType type, std::string_view title,
                    const std::vector<FactColumn>& columns, std::string* out) {
  std::string& o = *out;
  o += "<div>\n<h3>" + std::string(title) + "</h3>\n";
  bool any = false;
  for (const Fact& f : ix.review.facts) {
    if (f.type != type) continue;
    if (!any) {
      o += "<table>\n<thead><tr>";
      for (const FactColumn& c : columns) o += "<th>" + std::string(c.title) + "</th>";
      o += "<th>As written</th></tr></thead>\n<tbody>\n";
    }
    any = true;
    o += "<tr>";
    for (const FactColumn& c : columns) o += "<td>" + c.cell(f) + "</td>";
    o += "<td>";
    Link(out, ix.FactHref(f), Esc(f.text));
    o += "</td></tr>\n";
  }
  o += any ? "</tbody>\n</table>\n" : "<p class=\"none\">None found.</p>\n";
  o += "</div>\n";
}

std::string Placeholder() { return "<span class=\"placeholder\">unfilled</span>"; }

std::string ValueCell(const Fact& f) {
  if (f.placeholder) return Placeholder();
  return f.value ? Esc(*f.value) : std::string();
}

// The words' value against the figures' when written twice.
std::string Twice(const Fact& f, const std::function<std::string(double)>& format) {
  if (!f.words) return "";
  std::string s = format(*f.words);
  if (f.number && std::fabs(*f.words - *f.number) >= 0.005) {
    s = "<span class=\"mismatch\">" + s + " ≠ figures</span>";
  }
  return s;
}

void WriteFacts(const Index& ix, std::string* out) {
  *out += "<section id=\"facts\">\n<h2>Facts</h2>\n<div class=\"grid\">\n";
  WriteFactTable(ix, FactType::kParty, "Parties",
                 {{"Name", ValueCell},
                  {"Short name", [](const Fact& f) { return Esc(f.short_name); }},
                  {"Role", [](const Fact& f) { return Esc(f.role); }}},
                 out);
  WriteFactTable(ix, FactType::kDate, "Dates",
                 {{"Date",
                   [](const Fact& f) {
                     if (f.placeholder) return Placeholder();
                     if (f.value) return Esc(*f.value) + (f.ambiguous ? " (day/month?)" : "");
                     if (!f.relative) return std::string();
                     const RelativeDate& rd = *f.relative;
                     std::string s;
                     if (rd.offset != 0) {
                       s = Count(rd.offset, rd.unit) + " " + Esc(rd.direction) + " ";
                     }
                     return s + Esc(rd.anchor);
                   }},
                  {"Role", [](const Fact& f) { return Esc(f.role); }}},
                 out);
  WriteFactTable(ix, FactType::kAmount, "Amounts",
                 {{"Amount",
                   [](const Fact& f) {
                     if (f.placeholder) return Placeholder();
                     std::string s = Esc(f.currency);
                     if (f.number) s += (s.empty() ? "" : " ") + FormatAmount(*f.number);
                     return s;
                   }},
                  {"In words", [](const Fact& f) { return Twice(f, FormatAmount); }}},
                 out);
  WriteFactTable(ix, FactType::kDuration, "Durations",
                 {{"Duration",
                   [](const Fact& f) {
                     if (f.placeholder) return Placeholder();
                     return f.number ? Count(*f.number, f.unit) : Esc(f.unit);
                   }}},
                 out);
  WriteFactTable(ix, FactType::kPercentage, "Rates",
                 {{"Rate",
                   [](const Fact& f) {
                     if (f.placeholder) return Placeholder();
                     std::string s = f.number ? FormatNumber(*f.number) + "%" : std::string();
                     if (!f.per.empty()) s += " per " + Esc(f.per);
                     return s;
                   }},
                  {"Per year",
                   [](const Fact& f) {
                     return f.annual && !f.placeholder ? FormatNumber(*f.annual) + "%"
                                                       : std::string();
                   }}},
                 out);
  WriteFactTable(ix, FactType::kGoverningLaw, "Governing law", {{"Law", ValueCell}}, out);
  WriteFactTable(ix, FactType::kForum, "Forums",
                 {{"Type", [](const Fact& f) { return Esc(f.forum_type); }},
                  {"Forum", ValueCell},
                  {"Seat, rules",
                   [](const Fact& f) {
                     std::string s = Esc(f.seat);
                     for (const std::string* part : {&f.rules, &f.language}) {
                       if (!part->empty()) s += (s.empty() ? "" : "; ") + Esc(*part);
                     }
                     if (f.arbitrators) {
                       s += (s.empty() ? "" : "; ") + std::to_string(*f.arbitrators) +
                            " arbitrator(s)";
                     }
                     return s;
                   }}},
                 out);
  *out += "</div>\n</section>\n";
}

void WriteContract(const Index& ix, std::string* out) {
  std::string& o = *out;
  o += "<section id=\"contract\">\n<h2>Contract</h2>\n<div class=\"doc\">\n";
  const auto& blocks = ix.review.document.blocks;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    const std::string kind(Name(block.kind));
    o += "<div class=\"blk k-" + kind + "\" id=\"b" + std::to_string(b) + "\">";
    // The gutter: the numbers of the clauses starting here, and their anchors.
    o += "<span class=\"cn\">";
    bool first = true;
    for (int c : ix.clauses_at[b]) {
      const Clause& clause = ix.review.clauses[c];
      o += "<span id=\"" + Esc(clause.id) + "\"></span>";
      if (clause.number.empty()) continue;
      o += (first ? "" : " ") + Esc(clause.number);
      first = false;
    }
    o += "</span><div class=\"tx\">";
    if (block.kind != BlockKind::kParagraph && block.kind != BlockKind::kHeading &&
        block.kind != BlockKind::kListItem) {
      o += "<span class=\"kind\">" + kind + "</span>";
    }
    if (!block.label.empty()) o += "<span class=\"lbl\">" + Esc(block.label) + "</span>";
    o += HighlightedText(block.text, ix.spans[b], block.marks);
    o += "</div></div>\n";
  }
  o += "</div>\n</section>\n";
}

void Head(std::string_view lang, std::string_view title, std::string* out) {
  *out += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang) + "\">\n<head>\n";
  *out += "<meta charset=\"utf-8\">\n";
  *out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"" + ContentSecurityPolicy() + "\">\n";
  *out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  *out += "<title>" + std::string(title) + "</title>\n<style>";
  *out += kStyle;
  *out += "</style>\n</head>\n";
}

void Foot(const ToolInfo& tool, std::string* out) {
  *out += "<footer>Written by " + Esc(tool.name) + " " + Esc(tool.version) +
          ". Findings point a reviewer at what to read; they are not legal advice.</footer>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  size_t pos = 0;
  while (pos < s.size()) {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      ++pos;
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\t':
        case '\n': out += static_cast<char>(c); break;
        default: out += c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c);
      }
      continue;
    }
    const size_t start = pos;
    const char32_t cp = utf8::Next(s, &pos);
    if (cp >= 0x80 && cp <= 0x9F) {
      out += ' ';
    } else if (cp == 0xFFFD && pos - start == 1) {
      utf8::Append(0xFFFD, &out);  // an invalid byte
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  return out;
}

namespace {

// "Deleted by Alice, 2024-03-01T10:00:00Z": who and when, the parts known.
std::string MarkTitle(std::string_view what, const Mark& m) {
  std::string t(what);
  if (!m.author.empty()) t += " by " + m.author;
  if (!m.date.empty()) t += ", " + m.date;
  return HtmlEscape(t);
}

std::string CommentTitle(const Mark& m) {
  std::string t = m.resolved ? "Resolved comment" : "Comment";
  if (!m.author.empty()) t += " by " + m.author;
  if (!m.date.empty()) t += ", " + m.date;
  if (!m.text.empty()) t += ": " + m.text;
  return HtmlEscape(t);
}

// A mark over a stretch of the text: the tags around each piece it covers.
void OpenRangeMark(const Mark& m, std::string* out) {
  switch (m.kind) {
    case MarkKind::kInsertion: *out += "<ins title=\"" + MarkTitle("Inserted", m) + "\">"; break;
    case MarkKind::kMoveTo:
      *out += "<ins class=\"mv\" title=\"" + MarkTitle("Moved here", m) + "\">";
      break;
    default:  // a comment's range
      *out += std::string("<span class=\"cmt") + (m.resolved ? " done" : "") + "\" title=\"" +
              CommentTitle(m) + "\">";
  }
}

void CloseRangeMark(const Mark& m, std::string* out) {
  *out += m.kind == MarkKind::kComment ? "</span>" : "</ins>";
}

// A mark at a point: text that is not in the block's text (deleted, moved
// away, hidden), or a comment on no text.
void PointMark(const Mark& m, std::string* out) {
  std::string text;
  for (char c : m.text) {
    if (c == '\n') {
      text += "\xC2\xB6";  // a deleted paragraph end as ¶
    } else {
      text += c;
    }
  }
  switch (m.kind) {
    case MarkKind::kDeletion:
      *out += "<del title=\"" + MarkTitle("Deleted", m) + "\">" + HtmlEscape(text) + "</del>";
      break;
    case MarkKind::kMoveFrom:
      *out += "<del class=\"mv\" title=\"" + MarkTitle("Moved away", m) + "\">" + HtmlEscape(text) +
              "</del>";
      break;
    case MarkKind::kHidden:
      *out += "<span class=\"hid\" title=\"Hidden text\">" + HtmlEscape(text) + "</span>";
      break;
    case MarkKind::kComment:
      *out += std::string("<span class=\"cmt pt") + (m.resolved ? " done" : "") + "\" title=\"" +
              CommentTitle(m) + "\">\xE2\x9C\x8E</span>";  // ✎
      break;
    default:  // an empty insertion shows nothing
      break;
  }
}

bool IsRangeKind(MarkKind k) {
  return k == MarkKind::kInsertion || k == MarkKind::kMoveTo || k == MarkKind::kComment;
}

// Inserts i into the ascending list, so that covering items keep the order
// in which they were given.
void InsertSorted(std::vector<int>* list, int i) {
  list->insert(std::upper_bound(list->begin(), list->end(), i), i);
}

void EraseValue(std::vector<int>* list, int i) {
  list->erase(std::find(list->begin(), list->end(), i));
}

}  // namespace

std::string HighlightedText(std::string_view text, const std::vector<HtmlSpan>& spans,
                            const std::vector<Mark>& marks) {
  // Byte offset of every code point, and of the end.
  std::vector<size_t> at;
  for (size_t pos = 0; pos < text.size();) {
    at.push_back(pos);
    utf8::Next(text, &pos);
  }
  const int n = static_cast<int>(at.size());
  at.push_back(text.size());

  std::vector<HtmlSpan> s = spans;
  std::vector<int> cuts = {0, n};
  for (HtmlSpan& span : s) {
    span.start = std::clamp(span.start, 0, n);
    span.end = std::clamp(span.end, span.start, n);
    cuts.push_back(span.start);
    cuts.push_back(span.end);
  }
  // Marks over text cut it like spans; marks at a point are written there.
  std::vector<Mark> m;
  for (const Mark& mark : marks) {
    Mark c = mark;
    c.start = std::clamp(c.start, 0, n);
    c.end = std::clamp(c.end, c.start, n);
    if (!IsRangeKind(c.kind) || c.start == c.end) c.end = c.start;
    cuts.push_back(c.start);
    cuts.push_back(c.end);
    m.push_back(std::move(c));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  // One sweep over the cuts: spans and marks in order of start and of end.
  auto order_by = [](size_t count, auto key) {
    std::vector<int> o(count);
    for (size_t i = 0; i < count; ++i) o[i] = static_cast<int>(i);
    std::stable_sort(o.begin(), o.end(), [&](int a, int b) { return key(a) < key(b); });
    return o;
  };
  const std::vector<int> span_starts = order_by(s.size(), [&](int i) { return s[i].start; });
  const std::vector<int> span_ends = order_by(s.size(), [&](int i) { return s[i].end; });
  const std::vector<int> mark_starts = order_by(m.size(), [&](int i) { return m[i].start; });
  const std::vector<int> mark_ends = order_by(m.size(), [&](int i) { return m[i].end; });
  size_t next_span_start = 0, next_span_end = 0, next_mark_start = 0, next_mark_end = 0;
  std::vector<int> cover;       // spans over the piece, in the order given
  std::vector<int> open_marks;  // range marks over the piece, in the order given

  std::string out;
  auto anchor = [&](const HtmlSpan& span) {
    out += "<span id=\"t-" + Esc(span.finding) + "\"></span>";
  };
  auto ref = [&](const HtmlSpan& span) {
    const std::string id = Esc(span.finding);
    out += "<sup class=\"ref\" data-f=\"" + id + "\"><a href=\"#" + id + "\">" + id + "</a></sup>";
  };
  for (size_t k = 0; k < cuts.size(); ++k) {
    const int p = cuts[k];
    // Spans ending here get their reference, in the order given.
    std::vector<int> ending;
    for (; next_span_end < span_ends.size() && s[span_ends[next_span_end]].end == p;
         ++next_span_end) {
      const int i = span_ends[next_span_end];
      if (s[i].start < p) {
        EraseValue(&cover, i);
        ending.push_back(i);
      }
    }
    std::sort(ending.begin(), ending.end());
    for (int i : ending) ref(s[i]);
    for (; next_mark_end < mark_ends.size() && m[mark_ends[next_mark_end]].end == p;
         ++next_mark_end) {
      const int i = mark_ends[next_mark_end];
      if (m[i].start < p) EraseValue(&open_marks, i);
    }
    // Spans and marks starting here: the empty ones are written at once.
    std::vector<int> starting;
    for (; next_span_start < span_starts.size() && s[span_starts[next_span_start]].start == p;
         ++next_span_start) {
      const int i = span_starts[next_span_start];
      if (s[i].end == p) {
        starting.push_back(i);
      } else {
        InsertSorted(&cover, i);
      }
    }
    std::sort(starting.begin(), starting.end());
    std::string points;
    for (; next_mark_start < mark_starts.size() && m[mark_starts[next_mark_start]].start == p;
         ++next_mark_start) {
      const int i = mark_starts[next_mark_start];
      if (m[i].end == p) {
        PointMark(m[i], &points);
      } else {
        InsertSorted(&open_marks, i);
      }
    }
    if (starting.empty() || points.empty()) {
      for (int i : starting) {
        anchor(s[i]);
        ref(s[i]);
      }
      out += points;
    } else {
      // Empty spans where text was deleted or hidden: that text is their
      // evidence, so it is highlighted as theirs.
      const HtmlSpan* top = nullptr;
      std::string names;
      for (int i : starting) {
        if (!top || s[i].severity > top->severity) top = &s[i];
        names += (names.empty() ? "" : " ") + Esc(s[i].finding);
        if (i != starting.front()) anchor(s[i]);
      }
      out += "<a class=\"hl " + SeverityClass(top->severity) + (starting.size() > 1 ? " n2" : "") +
             "\" id=\"t-" + Esc(s[starting.front()].finding) + "\" href=\"#" + Esc(top->finding) +
             "\" data-f=\"" + names + "\">" + points + "</a>";
      for (int i : starting) ref(s[i]);
    }
    if (k + 1 == cuts.size()) break;
    const int q = cuts[k + 1];
    std::string piece;
    for (int i : open_marks) OpenRangeMark(m[i], &piece);
    piece += Esc(text.substr(at[p], at[q] - at[p]));
    for (auto i = open_marks.rbegin(); i != open_marks.rend(); ++i) CloseRangeMark(m[*i], &piece);
    if (cover.empty()) {
      out += piece;
      continue;
    }
    const HtmlSpan* top = nullptr;
    for (int i : cover) {
      if (!top || s[i].severity > top->severity) top = &s[i];
    }
    // The first span starting here names the piece; others get an anchor.
    std::string id;
    for (int i : cover) {
      if (s[i].start != p) continue;
      if (id.empty()) {
        id = Esc(s[i].finding);
      } else {
        anchor(s[i]);
      }
    }
    std::string names;
    for (int i : cover) names += (names.empty() ? "" : " ") + Esc(s[i].finding);
    out += "<a class=\"hl " + SeverityClass(top->severity) + (cover.size() > 1 ? " n2" : "") + "\"";
    if (!id.empty()) out += " id=\"t-" + id + "\"";
    out += " href=\"#" + Esc(top->finding) + "\" data-f=\"" + names + "\">" + piece + "</a>";
  }
  return out;
}

std::string ReportHtml(const Review& review, const ToolInfo& tool) {
  const Index ix(review);
  std::string out;
  out.reserve(review.document.blocks.size() * 300 + 32768);
  Head(review.language == "zh" ? "zh-CN" : "en", Esc(review.document.path) + " · clausecheck",
       &out);
  out += "<body>\n";
  WriteHeader(ix, &out);
  WriteOutline(ix, &out);
  WriteFindings(ix, &out);
  out += "<main>\n";
  WriteFacts(ix, &out);
  WriteContract(ix, &out);
  out += "</main>\n";
  Foot(tool, &out);
  out += "<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

std::string ErrorHtml(std::string_view path, const Error& error, const ToolInfo& tool) {
  std::string out;
  Head("en", Esc(path) + " · clausecheck", &out);
  out +=
      "<body>\n<header id=\"top\">\n<div class=\"title\">\n<p class=\"tool\">clausecheck "
      "contract review</p>\n<h1>";
  out += Esc(path);
  out += "</h1>\n<p class=\"notices\">Not reviewed: " + std::string(ErrorCodeName(error.code)) +
         ": " + Esc(error.message) + "</p>\n</div>\n</header>\n";
  Foot(tool, &out);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace clausecheck::reports
