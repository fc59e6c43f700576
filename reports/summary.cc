#include "reports/summary.h"

#include <algorithm>

#include "core/ascii.h"

namespace clausecheck::reports {
namespace {

void AddDistinct(std::vector<std::string>* list, const std::string& value) {
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) == list->end()) list->push_back(value);
}

std::string Join(const std::vector<std::string>& list) {
  std::string s;
  for (const std::string& v : list) s += (s.empty() ? "" : "; ") + v;
  return s;
}

std::vector<std::string> Cells(const SummaryRow& r) {
  std::vector<std::string> cells = {r.path, r.verdict,
                                    r.error.empty() ? std::to_string(r.risk_score) : ""};
  for (Severity s :
       {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo}) {
    cells.push_back(r.error.empty() ? std::to_string(r.counts[static_cast<size_t>(s)]) : "");
  }
  cells.push_back(r.parties);
  cells.push_back(r.effective_date);
  cells.push_back(r.end_date);
  cells.push_back(r.governing_law);
  cells.push_back(r.error);
  return cells;
}

const std::vector<std::string>& Header() {
  static const std::vector<std::string> header = {
      "path", "verdict", "risk_score",     "critical", "high",          "medium", "low",
      "info", "parties", "effective_date", "end_date", "governing_law", "error"};
  return header;
}

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string MarkdownCell(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '|' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '<') {
      out += "&lt;";  // no HTML from contract text in a rendered table
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

SummaryRow SummaryRowFor(const Review& review) {
  SummaryRow r;
  r.path = review.document.path;
  r.verdict = std::string(Name(review.verdict));
  r.risk_score = review.risk_score;
  r.counts = review.counts;
  std::vector<std::string> parties, laws;
  std::string effective, start;
  for (const Fact& f : review.facts) {
    if (f.placeholder) continue;
    const std::string value = f.value.value_or("");
    switch (f.type) {
      case FactType::kParty:
        AddDistinct(&parties, f.short_name.empty() ? value : f.short_name);
        break;
      case FactType::kGoverningLaw: AddDistinct(&laws, value); break;
      case FactType::kDate:
        if (value.empty()) break;
        if (f.role == "effective" && (effective.empty() || value < effective)) effective = value;
        if (f.role == "start" && (start.empty() || value < start)) start = value;
        if (f.role == "end" && value > r.end_date) r.end_date = value;
        break;
      default: break;
    }
  }
  r.parties = Join(parties);
  r.governing_law = Join(laws);
  r.effective_date = effective.empty() ? start : effective;
  return r;
}

SummaryRow SummaryRowForError(std::string_view path, const Error& error) {
  SummaryRow r;
  r.path = std::string(path);
  r.verdict = "error";
  r.error = std::string(ErrorCodeName(error.code)) + ": " + error.message;
  return r;
}

bool SummaryFormatFor(std::string_view file_name, SummaryFormat* format) {
  std::string name(file_name);
  std::transform(name.begin(), name.end(), name.begin(), [](char c) { return ascii::Lower(c); });
  auto ends_with = [&](std::string_view suffix) {
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".csv")) {
    *format = SummaryFormat::kCsv;
    return true;
  }
  if (ends_with(".md") || ends_with(".markdown")) {
    *format = SummaryFormat::kMarkdown;
    return true;
  }
  return false;
}

std::string SummaryTable(const std::vector<SummaryRow>& rows, SummaryFormat format) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    if (format == SummaryFormat::kCsv) {
      for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvCell(cells[i]);
      out += "\r\n";
    } else {
      out += "|";
      for (const std::string& c : cells) out += " " + MarkdownCell(c) + " |";
      out += "\n";
    }
  };
  line(Header());
  if (format == SummaryFormat::kMarkdown) {
    out += "|";
    for (size_t i = 0; i < Header().size(); ++i) {
      // Numbers right-aligned.
      out += i >= 2 && i <= 7 ? " ---: |" : " --- |";
    }
    out += "\n";
  }
  for (const SummaryRow& r : rows) line(Cells(r));
  return out;
}

}  // namespace clausecheck::reports
