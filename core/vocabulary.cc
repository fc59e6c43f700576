#include "core/vocabulary.h"

namespace clausecheck {
namespace {

constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {
    "parties",
    "term",
    "renewal",
    "payment",
    "liability",
    "dispute_resolution",
    "termination",
    "confidentiality",
    "intellectual_property",
    "force_majeure",
    "assignment",
    "warranty",
    "compliance",
    "signature",
    "drafting",
    "general",
};
constexpr std::array<std::string_view, 5> kKindNames = {"missing", "risky", "invalid",
                                                        "inconsistent", "draft"};
constexpr std::array<std::string_view, 5> kSeverityNames = {"info", "low", "medium", "high",
                                                            "critical"};

template <typename E, size_t N>
bool ParseName(const std::array<std::string_view, N>& names, std::string_view name, E* out) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) {
      *out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view Name(Category c) { return kCategoryNames[static_cast<size_t>(c)]; }
std::string_view Name(Kind k) { return kKindNames[static_cast<size_t>(k)]; }
std::string_view Name(Severity s) { return kSeverityNames[static_cast<size_t>(s)]; }

bool ParseCategory(std::string_view name, Category* out) {
  return ParseName(kCategoryNames, name, out);
}
bool ParseKind(std::string_view name, Kind* out) { return ParseName(kKindNames, name, out); }
bool ParseSeverity(std::string_view name, Severity* out) {
  return ParseName(kSeverityNames, name, out);
}

const std::array<Category, kCategoryCount>& AllCategories() {
  static const std::array<Category, kCategoryCount> all = [] {
    std::array<Category, kCategoryCount> a{};
    for (int i = 0; i < kCategoryCount; ++i) a[i] = static_cast<Category>(i);
    return a;
  }();
  return all;
}

}  // namespace clausecheck
