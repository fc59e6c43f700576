#include "analyzer/extract.h"

#include <gtest/gtest.h>

namespace clausecheck::analyzer {
namespace {

TEST(Extract, Placeholder) {}

}  // namespace
}  // namespace clausecheck::analyzer
