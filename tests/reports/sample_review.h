// Hand-built Reviews shared by the report tests and write_sample_reports:
// RichReview has clauses at two levels, English and Chinese text, findings of
// every shape (missing, located, without recommendation) and facts of every
// type (with and without clause, location and value); CleanReview has nothing
// to report.
#ifndef CLAUSECHECK_TESTS_REPORTS_SAMPLE_REVIEW_H_
#define CLAUSECHECK_TESTS_REPORTS_SAMPLE_REVIEW_H_

#include "core/review.h"

namespace clausecheck::reports::testing {

Review RichReview();
Review CleanReview();

}  // namespace clausecheck::reports::testing

#endif  // CLAUSECHECK_TESTS_REPORTS_SAMPLE_REVIEW_H_
