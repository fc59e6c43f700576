// Rulesets: the playbook as data, loaded from YAML with strict validation.
//
// A ruleset file has up to five top-level keys:
//
//   ruleset: {name: default, version: "2026.11", description: ...}
//   classifiers:            # assign clause categories and tags
//     - category: liability
//       tag: cap_on_liability          # optional finer type
//       lang: en                       # en | zh | any
//       heading: '(?i)\bliabilit'      # matched against the clause heading
//       text: '(?i)\bliability\b.{0,80}\bshall not exceed\b'   # against its text
//   rules:
//     - id: liability.uncapped ...     # see docs/rules.md for every key
//   disable: [rule.id, ...]            # switch off rules of earlier files
//   parameters: {deposit_cap_percent: 20, ...}   # numbers the checks read
//
// Loading validates everything: unknown keys, duplicate ids within a file,
// values outside the vocabulary, and every regular expression (compiled at
// load). Errors read "file:line: rule-id: message". Later files extend the
// earlier ones; a rule with an existing id replaces it.
#ifndef CLAUSECHECK_ANALYZER_RULESET_H_
#define CLAUSECHECK_ANALYZER_RULESET_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/result.h"
#include "core/vocabulary.h"

namespace clausecheck::analyzer {

enum class Lang { kEn, kZh, kAny };
std::string_view Name(Lang l);

/// A clause selector used by `require`: a category, a tag, or both (both must hold).
struct ClauseSelector {
  std::vector<Category> categories;  // any of these
  std::vector<std::string> tags;     // any of these
};

struct RuleExample {
  std::string text;
  std::string evidence;  // expected matched text; empty = not asserted
  std::string as_of;     // the review's reference date, for date checks; may be empty
  // Examples of `marks` rules: the example's `evidence` carries a mark of this
  // kind (for deletions, moves away and hidden text, the evidence is taken out
  // of the text and kept in the mark, as the parsers do).
  std::optional<MarkKind> mark;
  int line = 0;
};

struct Classifier {
  Category category = Category::kGeneral;
  std::string tag;  // empty: category only
  Lang lang = Lang::kAny;
  std::string heading;          // RE2 pattern on the heading, may be empty
  std::string text;             // RE2 pattern on the clause text, may be empty
  std::string unless;           // RE2 pattern: text also matching this is not classified
  bool sentence_scope = false;  // `unless` looks at the matching sentence only
  std::vector<RuleExample> match_examples;
  std::vector<RuleExample> no_match_examples;
  std::string source;  // "file:line"
};

struct Rule {
  std::string id;
  Category category = Category::kGeneral;
  Kind kind = Kind::kRisky;
  Severity severity = Severity::kMedium;
  Lang lang = Lang::kAny;
  std::vector<Category> in;             // only clauses of these categories (empty: all)
  std::vector<std::string> in_tags;     // only clauses with one of these tags (empty: all)
  std::vector<Category> not_in;         // never clauses of these categories
  std::string match;                    // RE2 pattern; set for clause-level rules
  std::string unless;                   // RE2 pattern; a clause matching it is exempt
  std::string except;                   // RE2 pattern; a match whose text matches it is
                                        // skipped and the next match is tried
  bool sentence_scope = false;          // scope: sentence: `unless` looks at the matching
                                        // sentence only, not the whole clause
  std::vector<ClauseSelector> require;  // document-level: fires when no clause fits any
  std::string check;                    // a built-in check over the facts (analyzer/checks.h)
  std::string hurts;  // whose side the clause hurts (analyzer/stance.h); empty: not said
  std::vector<std::string> for_types;      // only contracts of one of these types (empty: all)
  std::vector<std::string> not_for_types;  // never contracts of these types
  // Fires once per mark of these kinds the parser recorded (a pending tracked
  // change, hidden text, a comment), in the clause holding the marked block.
  // Plain text carries no marks, so such a rule has only no_match examples.
  std::vector<MarkKind> marks;
  // English text, used for every document unless a Chinese one is given.
  std::string message;
  std::string recommendation;
  // Chinese text for Chinese documents (message: {en: ..., zh: ...}); may be empty.
  std::string message_zh;
  std::string recommendation_zh;
  std::string basis;  // legal basis or rationale, optional
  std::vector<RuleExample> match_examples;
  std::vector<RuleExample> no_match_examples;
  std::string source;  // "file:line" of the rule, for messages
};

struct Ruleset {
  std::string name = "default";
  std::string version;
  std::string description;
  std::vector<Classifier> classifiers;
  std::vector<Rule> rules;
  std::vector<std::string> disable;  // rule ids this file switches off
  // Named numbers the checks read (deposit_cap_percent: 20); later files and
  // the configuration override them by name.
  std::map<std::string, double> parameters;
};

/// Parses one YAML file's text. `source_name` is used in error messages.
Result<Ruleset> ParseRuleset(std::string_view yaml, std::string_view source_name);

/// Adds `overlay` on top of *base: classifiers appended, rules with a known id
/// replaced in place, new rules appended, `disable`d ids removed. The name and
/// version of a non-empty overlay header win.
Result<bool> MergeRuleset(const Ruleset& overlay, Ruleset* base);

/// The default bilingual playbook embedded in the binary (rulesets/default/*.yaml).
Result<Ruleset> DefaultRuleset();

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_RULESET_H_
