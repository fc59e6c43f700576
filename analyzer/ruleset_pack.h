// A loaded Ruleset written as compact bytes and read back, so that the default
// ruleset is not parsed from YAML at every start.
//
// The build runs rulesets/pack_ruleset.cc, which loads the embedded YAML files
// with the ordinary loader (DefaultRulesetFromYaml, every pattern checked) and
// writes PackRuleset's bytes into the binary; DefaultRuleset() unpacks them.
// UnpackRuleset(PackRuleset(rs)) == rs, every field; the fact selectors'
// patterns are compiled again on reading, as the loader compiles them.
//
// The format is private to one build (the bytes are made and read by the same
// code): a version byte, then each struct's fields in declaration order;
// unsigned integers as LEB128 varints, strings and lists as a length and their
// contents, doubles as their 8 bytes little-endian, optionals as a 0/1 byte
// then the value. Reading checks every length against the bytes left, every
// enum against its range, and that the bytes are exactly what the writer
// would write for what was read (shortest varints, map keys in order), and
// fails with an Error instead of reading past the end.
#ifndef CLAUSECHECK_ANALYZER_RULESET_PACK_H_
#define CLAUSECHECK_ANALYZER_RULESET_PACK_H_

#include <string>
#include <string_view>

#include "analyzer/ruleset.h"
#include "core/result.h"

namespace clausecheck::analyzer {

std::string PackRuleset(const Ruleset& rs);

Result<Ruleset> UnpackRuleset(std::string_view bytes);

}  // namespace clausecheck::analyzer

#endif  // CLAUSECHECK_ANALYZER_RULESET_PACK_H_
