#include "analyzer/calendar.h"

#include <gtest/gtest.h>

namespace clausecheck::analyzer {
namespace {

TEST(Calendar, DaysRoundTrip) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
  for (long d = -30000; d < 90000; d += 37) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  }
}

TEST(Calendar, Weekday) {
  EXPECT_EQ(Weekday({2026, 1, 1}), 3);    // Thursday
  EXPECT_EQ(Weekday({2026, 11, 27}), 4);  // Friday
  EXPECT_EQ(Weekday({2000, 1, 1}), 5);    // Saturday
}

TEST(Calendar, MonthsAreMonths) {
  EXPECT_EQ(AddMonths({2026, 1, 31}, 1), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(AddMonths({2028, 1, 31}, 1), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(AddMonths({2026, 3, 31}, 1), (CivilDate{2026, 4, 30}));
  EXPECT_EQ(AddMonths({2026, 11, 15}, 3), (CivilDate{2027, 2, 15}));
  EXPECT_EQ(AddMonths({2026, 1, 15}, -1), (CivilDate{2025, 12, 15}));
  EXPECT_EQ(AddMonths({2026, 3, 31}, -1), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(AddMonths({2026, 6, 30}, 12), (CivilDate{2027, 6, 30}));
  EXPECT_EQ(AddYears({2028, 2, 29}, 1), (CivilDate{2029, 2, 28}));
  EXPECT_EQ(AddYears({2028, 2, 29}, 4), (CivilDate{2032, 2, 29}));
}

TEST(Calendar, DaysAndBusinessDays) {
  EXPECT_EQ(AddDays({2026, 12, 31}, 1), (CivilDate{2027, 1, 1}));
  EXPECT_EQ(AddDays({2028, 2, 28}, 1), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(AddDays({2026, 3, 1}, -1), (CivilDate{2026, 2, 28}));
  // Friday 2026-01-02 + 1 business day = Monday 2026-01-05.
  EXPECT_EQ(AddBusinessDays({2026, 1, 2}, 1), (CivilDate{2026, 1, 5}));
  EXPECT_EQ(AddBusinessDays({2026, 1, 2}, 5), (CivilDate{2026, 1, 9}));
  // From a Saturday, the first business day is Monday.
  EXPECT_EQ(AddBusinessDays({2026, 1, 3}, 1), (CivilDate{2026, 1, 5}));
  EXPECT_EQ(AddBusinessDays({2026, 1, 5}, -1), (CivilDate{2026, 1, 2}));
  EXPECT_EQ(AddBusinessDays({2026, 1, 5}, 0), (CivilDate{2026, 1, 5}));
}

TEST(Calendar, IsoDates) {
  EXPECT_EQ(ParseIsoDate("2026-02-28"), (CivilDate{2026, 2, 28}));
  EXPECT_FALSE(ParseIsoDate("2026-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2026-02").has_value());
  EXPECT_FALSE(ParseIsoDate("2026/02/01").has_value());
  EXPECT_FALSE(ParseIsoDate("20x6-02-01").has_value());
  EXPECT_EQ(AddToIsoDate("2026-01-31", 1, "month"), "2026-02-28");
  EXPECT_EQ(AddToIsoDate("2026-01-01", 2, "week"), "2026-01-15");
  EXPECT_EQ(AddToIsoDate("2026-12-31", -60, "day"), "2026-11-01");
  EXPECT_EQ(AddToIsoDate("2026-01-02", 5, "business_day"), "2026-01-09");
  EXPECT_FALSE(AddToIsoDate("2026-01-01", 1.5, "year").has_value());
  EXPECT_FALSE(AddToIsoDate("2026-01-01", 1, "fortnight").has_value());
  EXPECT_FALSE(AddToIsoDate("2026-01", 1, "day").has_value());
  EXPECT_FALSE(AddToIsoDate("2026-01-01", 1e9, "day").has_value());
  EXPECT_FALSE(AddToIsoDate("2190-01-01", 20, "year").has_value());  // leaves 1900-2199
}

}  // namespace
}  // namespace clausecheck::analyzer
