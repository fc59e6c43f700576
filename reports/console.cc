#include "reports/console.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace clausecheck::reports {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";

// Width of the severity column: "CRITICAL" plus one space.
constexpr int kTagWidth = 9;

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kCritical: return "\x1b[1;31m";
    case Severity::kHigh: return "\x1b[31m";
    case Severity::kMedium: return "\x1b[33m";
    case Severity::kLow: return "\x1b[36m";
    case Severity::kInfo: return "\x1b[2m";
  }
  return "";
}

std::string_view VerdictColor(Verdict v) {
  switch (v) {
    case Verdict::kPass: return "\x1b[1;32m";
    case Verdict::kReview: return "\x1b[1;33m";
    case Verdict::kBlock: return "\x1b[1;31m";
  }
  return "";
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Contract text, paths and messages are untrusted: control characters (an
// ESC could drive the terminal, a newline would break the layout) become
// spaces and invalid UTF-8 becomes U+FFFD. Keeps at most `max_code_points`
// code points (0 = all), cutting only between code points and marking the cut
// with "…".
std::string Printable(std::string_view s, size_t max_code_points = 0) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  size_t count = 0;
  while (pos < s.size()) {
    if (max_code_points != 0 && count == max_code_points) {
      out += "…";
      break;
    }
    char32_t cp = utf8::Next(s, &pos);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) cp = ' ';
    utf8::Append(cp, &out);
    ++count;
  }
  return out;
}

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view style, std::string_view text) const {
    if (!color_ || style.empty()) return std::string(text);
    std::string s(style);
    s += text;
    s += kReset;
    return s;
  }

 private:
  bool color_;
};

// "§ 12.1 Limitation of Liability", "第十二条 违约责任", "Article IV", or the
// clause id when the clause has neither number nor heading.
std::string ClauseTitle(const Clause& c) {
  std::string title;
  if (!c.number.empty()) {
    if (c.number[0] >= '0' && c.number[0] <= '9') title = "§ ";
    title += Printable(c.number);
  }
  if (!c.heading.empty()) {
    if (!title.empty()) title += ' ';
    title += Printable(c.heading);
  }
  if (title.empty()) title = Printable(c.id);
  return title;
}

void WriteFinding(const Finding& f, const Painter& paint, std::ostream& out) {
  constexpr size_t kEvidenceCodePoints = 80;
  const std::string indent(4 + kTagWidth, ' ');
  std::string tag = Upper(Name(f.severity));
  tag.resize(kTagWidth, ' ');
  out << "    " << paint(SeverityColor(f.severity), tag) << paint(kDim, Printable(f.rule)) << "  "
      << Printable(f.message) << '\n';
  if (!f.evidence.empty()) {
    out << indent << '"' << Printable(f.evidence, kEvidenceCodePoints) << "\"\n";
  }
  if (!f.recommendation.empty()) {
    out << indent << "→ " << Printable(f.recommendation) << '\n';
  }
}

}  // namespace

void WriteConsole(const Review& review, const ConsoleOptions& options, std::ostream& out) {
  const Painter paint(options.color);
  out << paint(kBold, Printable(review.document.path)) << "  "
      << paint(VerdictColor(review.verdict), Upper(Name(review.verdict))) << "  risk "
      << review.risk_score << "  ";
  if (review.findings.empty()) {
    out << "no findings\n";
    return;
  }
  const auto& c = review.counts;
  out << c[static_cast<size_t>(Severity::kCritical)] << " critical, "
      << c[static_cast<size_t>(Severity::kHigh)] << " high, "
      << c[static_cast<size_t>(Severity::kMedium)] << " medium, "
      << c[static_cast<size_t>(Severity::kLow)] << " low, "
      << c[static_cast<size_t>(Severity::kInfo)] << " info\n";

  // Groups, in print order: missing clauses, other findings tied to no
  // clause, each clause in document order, then clause ids the review does
  // not know (a reporter prints what it is given rather than drop it).
  std::vector<const Finding*> missing;
  std::vector<const Finding*> unplaced;
  std::vector<std::vector<const Finding*>> by_clause(review.clauses.size());
  std::map<std::string, size_t> clause_index;
  for (size_t i = 0; i < review.clauses.size(); ++i) clause_index[review.clauses[i].id] = i;
  std::vector<std::pair<std::string, std::vector<const Finding*>>> unknown;
  for (const Finding& f : review.findings) {
    if (f.clause_id.empty()) {
      (f.kind == Kind::kMissing ? missing : unplaced).push_back(&f);
      continue;
    }
    auto it = clause_index.find(f.clause_id);
    if (it != clause_index.end()) {
      by_clause[it->second].push_back(&f);
      continue;
    }
    auto u = unknown.begin();
    while (u != unknown.end() && u->first != f.clause_id) ++u;
    if (u == unknown.end()) u = unknown.insert(u, {f.clause_id, {}});
    u->second.push_back(&f);
  }

  auto group = [&](const std::string& title, const std::vector<const Finding*>& findings) {
    if (findings.empty()) return;
    out << "  " << paint(kBold, title) << '\n';
    for (const Finding* f : findings) WriteFinding(*f, paint, out);
  };
  group("Missing", missing);
  group("Document", unplaced);
  for (size_t i = 0; i < review.clauses.size(); ++i) {
    group(ClauseTitle(review.clauses[i]), by_clause[i]);
  }
  for (const auto& [id, findings] : unknown) group(Printable(id), findings);
}

void WriteLines(const Review& review, std::ostream& out) {
  const std::string path = Printable(review.document.path);
  for (const Finding& f : review.findings) {
    if (f.suppressed) continue;
    const int block = f.location ? f.location->block + 1 : 1;
    const int column = f.location ? f.location->start + 1 : 1;
    out << path << ':' << block << ':' << column << ": " << Name(f.severity) << ' '
        << Printable(f.rule) << ' ' << Printable(f.message) << '\n';
  }
}

void WriteConsoleTotals(const BatchTotals& totals, const ConsoleOptions& options,
                        std::ostream& out) {
  const Painter paint(options.color);
  auto counted = [&](int n, std::string_view style, std::string_view word) {
    std::string s = std::to_string(n) + " " + std::string(word);
    return n > 0 ? paint(style, s) : s;
  };
  out << totals.documents << (totals.documents == 1 ? " document: " : " documents: ")
      << counted(totals.pass, VerdictColor(Verdict::kPass), "pass") << ", "
      << counted(totals.review, VerdictColor(Verdict::kReview), "review") << ", "
      << counted(totals.block, VerdictColor(Verdict::kBlock), "block") << "; "
      << counted(totals.errors, "\x1b[1;31m", totals.errors == 1 ? "error" : "errors") << '\n';
}

void WriteConsoleError(std::string_view path, const Error& error, const ConsoleOptions& options,
                       std::ostream& out) {
  const Painter paint(options.color);
  out << paint(kBold, Printable(path)) << "  " << paint("\x1b[1;31m", "ERROR") << "  "
      << ErrorCodeName(error.code) << ": " << Printable(error.message) << '\n';
}

}  // namespace clausecheck::reports
