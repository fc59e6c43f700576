#include "analyzer/calendar.h"

#include <cmath>
#include <cstdio>

namespace clausecheck::analyzer {
namespace {

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && Leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

bool ValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= DaysInMonth(y, m);
}

std::optional<CivilDate> ParseIsoDate(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = starts[k]; i < starts[k] + lens[k]; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
      v[k] = v[k] * 10 + (iso[i] - '0');
    }
  }
  if (!ValidDate(v[0], v[1], v[2])) return std::nullopt;
  return CivilDate{v[0], v[1], v[2]};
}

std::string FormatIsoDate(const CivilDate& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days.
long DaysFromCivil(const CivilDate& d) {
  long y = d.year - (d.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (d.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int Weekday(const CivilDate& d) {
  long days = DaysFromCivil(d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

CivilDate AddDays(const CivilDate& d, long n) { return CivilFromDays(DaysFromCivil(d) + n); }

CivilDate AddBusinessDays(const CivilDate& d, long n) {
  long days = DaysFromCivil(d);
  long step = n < 0 ? -1 : 1;
  for (long left = n < 0 ? -n : n; left > 0;) {
    days += step;
    if (Weekday(CivilFromDays(days)) < 5) --left;
  }
  return CivilFromDays(days);
}

CivilDate AddMonths(const CivilDate& d, long n) {
  long total = d.year * 12L + (d.month - 1) + n;
  long y = total >= 0 ? total / 12 : (total - 11) / 12;
  int m = static_cast<int>(total - y * 12) + 1;
  int day = d.day;
  if (y >= 1 && y <= 9999) {
    int last = DaysInMonth(static_cast<int>(y), m);
    if (day > last) day = last;
  }
  return CivilDate{static_cast<int>(y), m, day};
}

CivilDate AddYears(const CivilDate& d, long n) { return AddMonths(d, n * 12); }

std::optional<std::string> AddToIsoDate(std::string_view iso, double n, std::string_view unit) {
  auto d = ParseIsoDate(iso);
  if (!d || !std::isfinite(n) || std::fabs(n) > 100000 || n != std::floor(n)) return std::nullopt;
  long k = static_cast<long>(n);
  CivilDate r;
  if (unit == "day") {
    r = AddDays(*d, k);
  } else if (unit == "business_day") {
    r = AddBusinessDays(*d, k);
  } else if (unit == "week") {
    r = AddDays(*d, 7 * k);
  } else if (unit == "month") {
    r = AddMonths(*d, k);
  } else if (unit == "year") {
    r = AddYears(*d, k);
  } else {
    return std::nullopt;
  }
  if (!ValidDate(r.year, r.month, r.day)) return std::nullopt;
  return FormatIsoDate(r);
}

}  // namespace clausecheck::analyzer
