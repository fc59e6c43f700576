// The number and date parsers: figures, Chinese numerals, English number
// words, ISO dates and calendar arithmetic.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "analyzer/calendar.h"
#include "analyzer/numbers.h"

using namespace clausecheck::analyzer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  (void)Decode(s);
  (void)ParseChineseNumber(s);
  (void)ParseEnglishNumber(s);
  (void)ParseFigure(s);
  const std::optional<double> n = ParseAnyNumber(s);
  // "<iso date> <number> <unit>" exercises the calendar with any amount.
  const size_t sp = s.find(' ');
  const std::string_view iso = s.substr(0, sp);
  if (std::optional<CivilDate> d = ParseIsoDate(iso)) {
    (void)FormatIsoDate(*d);
    (void)Weekday(*d);
  }
  if (sp != std::string_view::npos) {
    const std::string_view rest = s.substr(sp + 1);
    const size_t sp2 = rest.find(' ');
    const std::optional<double> amount = ParseAnyNumber(rest.substr(0, sp2));
    const std::string_view unit = sp2 == std::string_view::npos ? "day" : rest.substr(sp2 + 1);
    (void)AddToIsoDate(iso, amount.value_or(n.value_or(0)), unit);
  }
  return 0;
}
