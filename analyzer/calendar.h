// Calendar-exact date arithmetic for relative dates: months are months
// (31 January + 1 month = 28 or 29 February), years are years, business days
// skip Saturdays and Sundays (public holidays differ by place and are not
// known).
#ifndef CLAUSECHECK_ANALYZER_CALENDAR_H_
#define CLAUSECHECK_ANALYZER_CALENDAR_H_

#include <optional>
#include <string>
#include <string_view>

namespace clausecheck::analyzer {

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool operator==(const CivilDate&) const = default;
};

/// A real calendar date between 1900 and 2199.
bool ValidDate(int y, int m, int d);

/// "2026-01-31" -> {2026, 1, 31}; nullopt for anything else (also YYYY-MM).
std::optional<CivilDate> ParseIsoDate(std::string_view iso);
std::string FormatIsoDate(const CivilDate& d);

/// Days since 1970-01-01 and back (proleptic Gregorian).
long DaysFromCivil(const CivilDate& d);
CivilDate CivilFromDays(long days);
/// 0 = Monday ... 6 = Sunday.
int Weekday(const CivilDate& d);

/// `n` may be negative. AddMonths and AddYears keep the day of the month,
/// clamped to the last day of a shorter month.
CivilDate AddDays(const CivilDate& d, long n);
CivilDate AddBusinessDays(const CivilDate& d, long n);
CivilDate AddMonths(const CivilDate& d, long n);
CivilDate AddYears(const CivilDate& d, long n);

/// Adds `n` units ("day", "business_day", "week", "month", "year") to an ISO
/// date; nullopt when the date or unit is not one of these, or the result
/// leaves the years ValidDate accepts.
std::optional<std::string> AddToIsoDate(std::string_view iso, double n, std::string_view unit);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_CALENDAR_H_
