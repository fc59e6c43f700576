#include "analyzer/rule_shapes.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "core/utf8.h"

namespace clausecheck::analyzer {
namespace {

bool HasCategory(const Clause& c, const std::vector<Category>& want) {
  return std::any_of(want.begin(), want.end(), [&](Category k) {
    return std::find(c.categories.begin(), c.categories.end(), k) != c.categories.end();
  });
}

bool HasTag(const Clause& c, const std::vector<std::string>& want) {
  return std::any_of(want.begin(), want.end(), [&](const std::string& t) {
    return std::find(c.tags.begin(), c.tags.end(), t) != c.tags.end();
  });
}

// A set pattern matches the whole field; a `not_` pattern needs the field
// set and not matching.
bool FieldFits(const std::string& field, const CompiledPattern& yes, const CompiledPattern& no) {
  if (!yes.empty() && !yes.FullMatch(field)) return false;
  if (!no.empty() && (field.empty() || no.FullMatch(field))) return false;
  return true;
}

bool FactFits(const Fact& f, const FactSelector& s, const CheckContext& context) {
  if (f.type != s.type || f.placeholder) return false;
  if (!s.roles.empty() && std::find(s.roles.begin(), s.roles.end(), f.role) == s.roles.end()) {
    return false;
  }
  if (!s.forum.empty() && f.forum_type != s.forum) return false;
  // The value a pattern reads: the normalised value where there is one, else
  // the wording (amounts, durations and percentages have a number).
  const std::string& value = f.value ? *f.value : f.text;
  if (!FieldFits(value, s.value, s.not_value)) return false;
  if (!FieldFits(f.currency, s.currency, s.not_currency)) return false;
  if (!s.in.empty() || !s.in_tags.empty() || !s.not_in.empty()) {
    const Clause* c = context.ClauseById(f.clause_id);
    if (!s.in.empty() && !(c && HasCategory(*c, s.in))) return false;
    if (!s.in_tags.empty() && !(c && HasTag(*c, s.in_tags))) return false;
    if (c && HasCategory(*c, s.not_in)) return false;
  }
  if (!s.near.empty() || !s.not_near.empty()) {
    std::string_view sentence = SentenceOf(context, f);
    if (!s.near.empty() && !s.near.PartialMatch(sentence)) return false;
    if (!s.not_near.empty() && s.not_near.PartialMatch(sentence)) return false;
  }
  constexpr int kWords = 40;  // code points before / after
  if (!s.preceded_by.empty() && !s.preceded_by.PartialMatch(WordsBefore(context, f, kWords))) {
    return false;
  }
  if (!s.followed_by.empty() && !s.followed_by.PartialMatch(WordsAfter(context, f, kWords))) {
    return false;
  }
  return true;
}

std::vector<const Fact*> FactsFitting(const FactSelector& s, const CheckContext& context) {
  std::vector<const Fact*> out;
  for (const Fact& f : context.facts) {
    if (FactFits(f, s, context)) out.push_back(&f);
  }
  return out;
}

std::string Limit(const Comparison& c, const CheckContext& context) {
  if (c.parameter.empty()) return FormatNumber(c.number);
  auto it = context.parameters.find(c.parameter);
  return FormatNumber(it == context.parameters.end() ? 0 : it->second);
}

}  // namespace

CheckHit SpanHit(const Document& doc, const Clause& c, size_t begin, size_t end) {
  auto it =
      std::upper_bound(c.block_offsets.begin(), c.block_offsets.end(), static_cast<int>(begin));
  size_t k = it == c.block_offsets.begin() ? 0 : (it - c.block_offsets.begin()) - 1;
  size_t block_begin = c.block_offsets.empty() ? 0 : c.block_offsets[k];
  size_t block_end = k + 1 < c.block_offsets.size() ? c.block_offsets[k + 1] - 1 : c.text.size();
  end = std::min(end, block_end);
  CheckHit h;
  h.clause_id = c.id;
  h.evidence = c.text.substr(begin, end - begin);
  const size_t bi = static_cast<size_t>(c.first_block) + k;
  if (bi < doc.blocks.size()) {
    std::string_view block_text(c.text.data() + block_begin, block_end - block_begin);
    const Block& block = doc.blocks[bi];
    h.location = Location{block.source.part, block.source.index,
                          utf8::CodePointOffset(block_text, begin - block_begin),
                          utf8::CodePointOffset(block_text, end - block_begin)};
  }
  return h;
}

bool ClauseFits(const Clause& c, const ClauseSelector& s) {
  return (s.categories.empty() || HasCategory(c, s.categories)) &&
         (s.tags.empty() || HasTag(c, s.tags));
}

CheckHit ClauseHit(const Document& doc, const Clause& c) {
  constexpr int kMaxCodePoints = 80;
  const size_t line_end = std::min(c.text.find('\n'), c.text.size());
  // Plain text carries the clause number in the text ("4. 违约金"), Word keeps
  // it as a list label: the evidence starts after the number either way, so
  // the finding is the same whatever the format.
  size_t begin = 0;
  if (!c.number.empty() && c.text.starts_with(c.number)) {
    begin = c.number.size();
    while (begin < line_end) {
      const std::string_view rest = std::string_view(c.text).substr(begin);
      size_t skip = 0;
      for (std::string_view p :
           {" ", "\t", ".", ")", ":", "\u3001", "\uFF0E", "\uFF1A", "\u3000"}) {
        if (rest.starts_with(p)) skip = p.size();
      }
      if (skip == 0) break;
      begin += skip;
    }
    if (begin >= line_end) begin = 0;
  }
  size_t end = line_end;
  // The heading ("Limitation of Liability") where the line has one.
  const size_t heading = c.heading.empty() ? std::string::npos : c.text.find(c.heading, begin);
  if (heading != std::string::npos && heading + c.heading.size() <= end) {
    end = heading + c.heading.size();
  } else {
    size_t pos = begin;
    for (int n = 0; n < kMaxCodePoints && pos < end; ++n) utf8::Next(c.text, &pos);
    if (pos < end) {
      // Cut at a space rather than inside a word, where one is in the
      // second half (Chinese has none: cut at the limit).
      const size_t space = c.text.rfind(' ', pos);
      end = space != std::string::npos && space > begin + (pos - begin) / 2 ? space : pos;
    }
  }
  while (end > begin && (c.text[end - 1] == ' ' || c.text[end - 1] == '\t')) --end;
  CheckHit h = SpanHit(doc, c, begin, end);
  h.values["value"] = h.evidence;
  return h;
}

std::optional<CheckHit> ConditionHolds(const Condition& cond, const CheckContext& context) {
  switch (cond.kind) {
    case Condition::Kind::kClause:
      for (const Clause& c : context.clauses) {
        if (ClauseFits(c, cond.clause)) return ClauseHit(context.doc, c);
      }
      return std::nullopt;
    case Condition::Kind::kFact:
      for (const Fact& f : context.facts) {
        if (!FactFits(f, cond.fact, context)) continue;
        CheckHit h = HitOn(f);
        h.values["value"] = f.text;
        return h;
      }
      return std::nullopt;
    case Condition::Kind::kText:
      for (const Clause& c : context.clauses) {
        re2::StringPiece m;
        if (!cond.text.Find(c.text, &m)) continue;
        const size_t begin = m.data() - c.text.data();
        CheckHit h = SpanHit(context.doc, c, begin, begin + m.size());
        h.values["value"] = h.evidence;
        return h;
      }
      return std::nullopt;
    case Condition::Kind::kAny:
      for (const Condition& part : cond.conditions) {
        if (auto hit = ConditionHolds(part, context)) return hit;
      }
      return std::nullopt;
    case Condition::Kind::kAll: {
      std::optional<CheckHit> first;
      for (const Condition& part : cond.conditions) {
        auto hit = ConditionHolds(part, context);
        if (!hit) return std::nullopt;
        if (!first) first = std::move(hit);
      }
      return first;
    }
  }
  return std::nullopt;
}

std::vector<CheckHit> RunOccurrence(const Occurrence& o, const CheckContext& context) {
  const std::vector<Clause>& clauses = context.clauses;
  // The top-level clause each clause is part of.
  auto root = [&](size_t i) {
    size_t r = i;
    while (clauses[r].parent >= 0 && static_cast<size_t>(clauses[r].parent) < r) {
      r = static_cast<size_t>(clauses[r].parent);
    }
    return r;
  };
  std::vector<const Clause*> counted;
  std::set<size_t> seen_roots;
  std::set<std::string> seen_numbers;
  for (size_t i = 0; i < clauses.size(); ++i) {
    const Clause& c = clauses[i];
    if (!std::any_of(o.select.begin(), o.select.end(),
                     [&](const ClauseSelector& s) { return ClauseFits(c, s); })) {
      continue;
    }
    // Parts of one top-level clause count once ("18. Disputes" with 18.1
    // arbitration and 18.2 courts), and so do clauses with a number already
    // seen (the English and Chinese versions of clause 12 of a bilingual
    // contract, and their sub-clauses).
    const bool new_root = seen_roots.insert(root(i)).second;
    const bool new_number = c.number.empty() || seen_numbers.insert(c.number).second;
    if (new_root && new_number) counted.push_back(&c);
  }
  const int n = static_cast<int>(counted.size());
  std::vector<CheckHit> hits;
  if (o.min && n < *o.min) {
    CheckHit h;
    h.values = {{"value", std::to_string(n)}, {"limit", std::to_string(*o.min)}};
    hits.push_back(std::move(h));
  }
  if (o.max && n > *o.max) {
    for (size_t k = static_cast<size_t>(*o.max); k < counted.size(); ++k) {
      CheckHit h = ClauseHit(context.doc, *counted[k]);
      h.values = {{"value", std::to_string(n)},
                  {"limit", std::to_string(*o.max)},
                  {"clause", h.evidence},
                  {"first", ClauseHit(context.doc, *counted[0]).evidence}};
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

std::vector<CheckHit> RunConflict(const Conflict& c, const CheckContext& context) {
  const std::string Fact::*field = c.field == "currency" ? &Fact::currency
                                   : c.field == "seat"   ? &Fact::seat
                                                         : nullptr;
  return SecondValues(
      context, c.across_clauses, [&](const Fact& f) { return FactFits(f, c.facts, context); },
      [field](const Fact& f) -> const std::string* {
        if (field) return &(f.*field);
        return f.value ? &*f.value : nullptr;
      });
}

std::vector<CheckHit> RunCompare(const Comparison& c, const CheckContext& context) {
  std::vector<CheckHit> hits;
  const std::vector<const Fact*> facts = FactsFitting(c.fact, context);
  if (c.op == Comparison::Op::kBefore || c.op == Comparison::Op::kAfter) {
    // Dates with a day, compared with the earliest (before) or the latest
    // (after) of the other dates.
    const bool before = c.op == Comparison::Op::kBefore;
    const Fact* other = nullptr;
    for (const Fact* f : FactsFitting(*c.other, context)) {
      if (!f->value || f->value->size() != 10) continue;
      if (!other || (before ? *f->value < *other->value : *f->value > *other->value)) other = f;
    }
    if (!other) return hits;
    for (const Fact* f : facts) {
      if (f == other || !f->value || f->value->size() != 10) continue;
      if (before ? *f->value < *other->value : *f->value > *other->value) {
        CheckHit h = HitOn(*f);
        h.values = {{"value", f->text},
                    {"number", *f->value},
                    {"limit", *other->value},
                    {"other", other->text}};
        hits.push_back(std::move(h));
      }
    }
    return hits;
  }
  const double limit = c.parameter.empty()                     ? c.number
                       : context.parameters.count(c.parameter) ? context.parameters.at(c.parameter)
                                                               : 0;
  const bool below = c.op == Comparison::Op::kBelow;
  // With `per`: the largest amount of `per` other than the fact itself.
  std::vector<const Fact*> bases;
  if (c.per) bases = FactsFitting(*c.per, context);
  for (const Fact* f : facts) {
    double quantity = f->type == FactType::kDuration ? DurationDays(*f) : f->number.value_or(-1);
    if (quantity < 0) continue;
    const Fact* base = nullptr;
    if (c.per) {
      for (const Fact* b : bases) {
        if (b != f && b->number && (!base || *b->number > *base->number)) base = b;
      }
      if (!base || *base->number <= 0) continue;
      quantity = quantity / *base->number * 100;
    }
    if (below ? quantity < limit - 1e-9 : quantity > limit + 1e-9) {
      CheckHit h = HitOn(*f);
      h.values = {
          {"value", f->text}, {"number", FormatNumber(quantity)}, {"limit", Limit(c, context)}};
      if (base) h.values["other"] = base->text;
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

}  // namespace clausecheck::analyzer
