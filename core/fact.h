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
};
std::string_view Name(FactType t);  // the report's key: "dates", "amounts", ...

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
};

}  // namespace clausecheck

#endif  // CLAUSECHECK_CORE_FACT_H_
