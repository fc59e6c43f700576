// The rule shapes over the whole document: conditions (`when`,
// `unless_document`), `occurrence`, `conflict` and `compare`. The engine
// calls these; each answers with hits placed in the text, like a built-in
// check's, whose values fill the rule's message.
#ifndef CLAUSECHECK_ANALYZER_RULE_SHAPES_H_
#define CLAUSECHECK_ANALYZER_RULE_SHAPES_H_

#include <optional>
#include <string>
#include <vector>

#include "analyzer/checks.h"
#include "analyzer/ruleset.h"

namespace clausecheck::analyzer {

/// Whether `condition` holds in the document; when it does, the hit says
/// where: the first clause, fact or text that made it hold ({value} is that
/// text). `all` points at its first part.
std::optional<CheckHit> ConditionHolds(const Condition& condition, const CheckContext& context);

/// Whether the clause fits the selector (a category and a tag of the same clause).
bool ClauseFits(const Clause& clause, const ClauseSelector& selector);

/// Bytes [begin, end) of a clause's text as a hit: its clause, location and
/// evidence, cut at the end of the block where it starts.
CheckHit SpanHit(const Document& doc, const Clause& clause, size_t begin, size_t end);

/// A clause as a place in the text: its number and heading, or else the
/// opening words of its first line (at most 80 code points, cut at a space).
CheckHit ClauseHit(const Document& doc, const Clause& clause);

/// `occurrence`: below `min`, one document-level hit ({value} the count,
/// {limit} the minimum); above `max`, one hit on each clause past the
/// allowed number ({value} the count, {limit} the maximum, {first} the first
/// clause counted, {clause} this one). The fitting clauses of one top-level
/// clause count once, and so does a clause whose number was counted (the
/// other language's version in a bilingual contract).
std::vector<CheckHit> RunOccurrence(const Occurrence& occurrence, const CheckContext& context);

/// `conflict`: every new distinct value after the first ({value} the new
/// one, {other} the first).
std::vector<CheckHit> RunConflict(const Conflict& conflict, const CheckContext& context);

/// `compare`: every fitting fact on the wrong side of the limit ({value} the
/// fact as written, {number} the quantity compared, {limit}, {other}).
std::vector<CheckHit> RunCompare(const Comparison& compare, const CheckContext& context);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_RULE_SHAPES_H_
