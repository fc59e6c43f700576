// The names of elements and attributes in the XML parts read through
// pugixml (DOCX): a qualified name's local part, and whether it is a given
// one. Prefixes are not resolved to namespaces: a part's elements are
// matched by local name whatever prefix the producer chose.
#ifndef CLAUSECHECK_PARSERS_XML_NAMES_H_
#define CLAUSECHECK_PARSERS_XML_NAMES_H_

#include <cstring>
#include <string_view>

namespace clausecheck::parsers {

/// The local part of the NUL-terminated qualified name `qname`: what
/// follows its first ':' ("w:p" -> "p"), or all of it.
inline const char* LocalPartOf(const char* qname) {
  // Nearly every element of a WordprocessingML part is "w:...".
  if (qname[0] == 'w' && qname[1] == ':') return qname + 2;
  const char* colon = std::strchr(qname, ':');
  return colon ? colon + 1 : qname;
}

inline std::string_view LocalPart(const char* qname) { return LocalPartOf(qname); }

/// Whether LocalPart(qname) == local, without measuring the name first: a
/// lookup of one child or attribute among many compares a few bytes of
/// each, not its whole length.
inline bool HasLocalName(const char* qname, std::string_view local) {
  const char* p = LocalPartOf(qname);
  for (const char c : local) {
    if (*p != c) return false;  // also where the name ends first (*p == '\0')
    ++p;
  }
  return *p == '\0';
}

}  // namespace clausecheck::parsers

#endif  // CLAUSECHECK_PARSERS_XML_NAMES_H_
