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
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/fact.h"
#include "core/result.h"
#include "core/vocabulary.h"

namespace re2 {
class RE2;
class StringPiece;
}  // namespace re2

namespace clausecheck::analyzer {

enum class Lang { kEn, kZh, kAny };
std::string_view Name(Lang l);

/// A clause selector used by `require`: a category, a tag, or both (both must hold).
struct ClauseSelector {
  std::vector<Category> categories;  // any of these
  std::vector<std::string> tags;     // any of these
  bool operator==(const ClauseSelector&) const = default;
};

/// A pattern of a fact selector, compiled the first time it is matched (at
/// most once, thread-safe) and shared by the copies of a ruleset: a run
/// compiles only the patterns of the rules that reach them. The loader has
/// checked its syntax.
struct CompiledPattern {
  std::string source;
  bool empty() const { return source.empty(); }
  /// The compiled pattern; only for a pattern made by CompilePattern.
  const re2::RE2& re() const;
  /// RE2's PartialMatch, FullMatch and first match (`*m`) of re(), asked
  /// first of the pattern's required literals (RequiredLiterals, a literal
  /// filter of its own built on first use): a text without them is
  /// answered without compiling the pattern or searching. PartialMatch
  /// then asks the pattern's top-level alternatives whose literals the
  /// text holds, each compiled on its own, and compiles re() only for a
  /// pattern of one alternative.
  bool PartialMatch(std::string_view text) const;
  bool FullMatch(std::string_view text) const;
  bool Find(std::string_view text, re2::StringPiece* m) const;
  /// Whether re() has been compiled (tests and diagnostics).
  bool compiled() const;
  bool operator==(const CompiledPattern& o) const { return source == o.source; }

  struct Lazy;
  std::shared_ptr<Lazy> lazy;  // null when empty
};

/// The pattern as the loader makes the patterns of fact selectors (compiled
/// with RE2's default options on first use).
CompiledPattern CompilePattern(std::string source);

/// Which facts a rule looks at: a fact type, filters on its fields, and
/// where it stands. Every filter given must hold.
struct FactSelector {
  FactType type = FactType::kDate;
  std::vector<std::string> roles;  // dates and parties: any of these roles
  std::string forum;               // forums: court | arbitration
  // RE2 patterns matched against the whole field: the normalised value
  // (jurisdiction, forum, party name, ISO date) and the ISO currency. A
  // `not_` pattern needs the field to be set and not to match.
  CompiledPattern value, not_value, currency, not_currency;
  std::vector<Category> in;          // the fact's clause has one of these categories
  std::vector<std::string> in_tags;  // ... one of these tags
  std::vector<Category> not_in;      // ... none of these categories
  CompiledPattern near, not_near;    // the fact's sentence matches / does not match
  // The words right before / after the fact (up to 40 code points, within
  // its sentence) match.
  CompiledPattern preceded_by, followed_by;
  bool operator==(const FactSelector&) const = default;
};

/// A condition on the whole document (`when`, `unless_document`).
struct Condition {
  enum class Kind { kClause, kFact, kText, kAny, kAll };
  Kind kind = Kind::kClause;
  ClauseSelector clause;              // kClause: a clause fits
  FactSelector fact;                  // kFact: a fact fits
  CompiledPattern text;               // kText: some clause's text matches
  std::vector<Condition> conditions;  // kAny, kAll
  bool operator==(const Condition&) const = default;
};

/// `occurrence`: how many clauses (counting a clause and the clauses nested
/// under it once) may fit a selector.
struct Occurrence {
  std::vector<ClauseSelector> select;  // any of these
  std::optional<int> min, max;
  bool operator==(const Occurrence&) const = default;
};

/// `conflict`: facts of one kind that name several distinct values.
struct Conflict {
  FactSelector facts;
  std::string field = "value";  // value | currency | seat
  bool across_clauses = false;  // values named in the first value's clause combine
  bool operator==(const Conflict&) const = default;
};

/// `compare`: each fact of `fact` against a limit, or against other facts.
struct Comparison {
  enum class Op { kBelow, kAbove, kBefore, kAfter };
  FactSelector fact;
  Op op = Op::kBelow;
  // below / above: a number, or the name of a parameter.
  double number = 0;
  std::string parameter;
  // below / above with `per`: the fact as a percentage of the largest of these.
  std::optional<FactSelector> per;
  // before / after: the earliest (before) or latest (after) of these dates.
  std::optional<FactSelector> other;
  bool operator==(const Comparison&) const = default;
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
  bool operator==(const RuleExample&) const = default;
};

struct Classifier {
  Category category = Category::kGeneral;
  std::string tag;  // empty: category only
  Lang lang = Lang::kAny;
  std::string heading;          // RE2 pattern on the heading, may be empty
  std::string text;             // RE2 pattern on the clause text, may be empty
  std::string unless;           // RE2 pattern: text also matching this is not classified
  bool sentence_scope = false;  // `unless` looks at the matching sentence only
  // inherit_tag: false: the tag of a heading match holds for the heading's own
  // clause only, not for the clauses nested under it (the category still does).
  bool inherit_tag = true;
  std::vector<RuleExample> match_examples;
  std::vector<RuleExample> no_match_examples;
  std::string source;  // "file:line"
  bool operator==(const Classifier&) const = default;
};

struct Rule {
  std::string id;
  Category category = Category::kGeneral;
  Kind kind = Kind::kRisky;
  Severity severity = Severity::kMedium;
  Lang lang = Lang::kAny;
  std::vector<Category> in;          // only clauses of these categories (empty: all)
  std::vector<std::string> in_tags;  // only clauses with one of these tags (empty: all)
  std::vector<Category> not_in;      // never clauses of these categories
  std::string match;                 // RE2 pattern; set for clause-level rules
  std::string unless;                // RE2 pattern; a clause matching it is exempt
  std::string except;                // RE2 pattern; a match whose text matches it is
                                     // skipped and the next match is tried
  bool sentence_scope = false;       // scope: sentence: `unless` looks at the matching
                                     // sentence only, not the whole clause
  std::optional<Condition> require;  // document-level: fires when it does not hold
  std::optional<Occurrence> occurrence;
  std::optional<Conflict> conflict;
  std::optional<Comparison> compare;
  bool document_scope = false;  // scope: document: at most one finding, `unless` on every clause
  // The rule runs only when `when` holds, and never when `unless_document`
  // holds. A `require` finding points at what made `when` hold.
  std::optional<Condition> when;
  std::optional<Condition> unless_document;
  std::string check;  // a built-in check over the facts (analyzer/checks.h)
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
  bool operator==(const Rule&) const = default;
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
  // Every pattern's syntax was checked when it was loaded (ParseRuleset with
  // check_patterns, which gives the error with its file and line), so
  // Engine::Compile does not parse them again. False for a ruleset built in
  // code, or merged from one that was not checked.
  bool patterns_checked = false;
  bool operator==(const Ruleset&) const = default;
};

struct ParseOptions {
  /// Check every pattern: its syntax, and that it does not match the empty
  /// string. Off only for the embedded default ruleset (DefaultRuleset), which
  /// the tests parse with the checks on; Engine::Compile still parses every
  /// pattern it is given.
  bool check_patterns = true;
};

/// Parses one YAML file's text. `source_name` is used in error messages.
Result<Ruleset> ParseRuleset(std::string_view yaml, std::string_view source_name,
                             const ParseOptions& options = {});

/// Adds `overlay` on top of *base: classifiers appended, rules with a known id
/// replaced in place, new rules appended, `disable`d ids removed. The name and
/// version of a non-empty overlay header win.
Result<bool> MergeRuleset(const Ruleset& overlay, Ruleset* base);

/// The default bilingual playbook embedded in the binary (rulesets/default/*.yaml).
/// It is read from the compact form that rulesets/pack_ruleset.cc wrote at
/// build time with DefaultRulesetFromYaml (analyzer/ruleset_pack.h), so no
/// YAML is parsed at startup.
Result<Ruleset> DefaultRuleset();

/// The same ruleset parsed from the embedded YAML files, with every pattern
/// checked: what the build packs, and what the tests compare DefaultRuleset with.
Result<Ruleset> DefaultRulesetFromYaml();

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_RULESET_H_
