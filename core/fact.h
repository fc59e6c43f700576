// Fact: a typed value found in the contract (a date, an amount, a party...).
//
// One struct serves every fact type; which fields are meaningful depends on
// `type` (see docs/report-format.md). `text` is the original wording and
// `location` where it stands.
#ifndef CLAUSECHECK_CORE_FACT_H_
#define CLAUSECHECK_CORE_FACT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace clausecheck {

enum class FactType {
  kDate,
  kAmount,
  kDuration,
  kPercentage,
  kParty,
  kGoverningLaw,
  kForum,
  kDefinedTerm,
  kReference,
};
std::string_view Name(FactType t);  // the report's key: "dates", "amounts", ...

// A date counted from another one: "thirty (30) days after the Effective
// Date", "自本合同签订之日起".
struct RelativeDate {
  std::string anchor;     // effective|signing|start|end|delivery|acceptance|invoice|...
  double offset = 0;      // in `unit`s; 0 = the anchor itself
  std::string unit;       // day|business_day|week|month|year; empty when offset is 0
  std::string direction;  // after|before
};

struct Fact {
  FactType type = FactType::kDate;
  std::string text;       // as written
  std::string clause_id;  // may be empty (e.g. preamble before any clause)
  std::optional<Location> location;
  // Normalised value: ISO date, party name, jurisdiction, forum name.
  std::optional<std::string> value;
  std::optional<double> number;  // amounts, durations, percentages
  std::string role;              // dates: effective|start|end|...; parties: 甲方, Licensor...
  std::string unit;              // durations: day|business_day|week|month|year
  std::string currency;
  std::string per;         // percentages: year|month|day, empty = none
  std::string short_name;  // parties
  std::string forum_type;  // court|arbitration
  std::string seat;
  std::string rules;
  bool placeholder = false;
  // Dates: day and month order was guessed (01/02/2026 with no --date-order).
  bool ambiguous = false;
  std::optional<RelativeDate> relative;  // dates counted from another date
  // Amounts, durations, percentages written twice ("thirty (30) days",
  // "人民币壹拾万元整（¥100,000.00）"): the value of the words; `number` is
  // the figures'.
  std::optional<double> words;
  std::optional<double> annual;       // percentages with a period: per year
  std::vector<std::string> mentions;  // parties: ids of the clauses that name them
  std::string language;               // forums: language of the arbitration
  std::optional<int> arbitrators;     // forums: number of arbitrators
  std::string target;                 // references: id of the clause cited, "" = none found
  int uses = 0;                       // defined terms: mentions outside the definition
};

}  // namespace clausecheck

#endif  // CLAUSECHECK_CORE_FACT_H_
