// XML and HTML contracts (libxml2): generic XML, Akoma Ntoso, mapping files
// for custom schemas, and HTML.
//
// Parsing is secure by default: no network, no DTD loading, no external
// entities ever resolved, entity-expansion bombs refused, depth and size
// capped. Each Block's SourceRef names the element (its eId for Akoma Ntoso,
// else an XPath-like path) in `part` and its line in `line`.
#ifndef CLAUSECHECK_PARSERS_XML_H_
#define CLAUSECHECK_PARSERS_XML_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/result.h"

namespace clausecheck::parsers {

/// A mapping for a custom XML schema (loaded from YAML, see docs/xml-mapping.md).
struct XmlMapping {
  std::string name;
  std::string root;                 // root element local name this mapping applies to
  std::string ns;                   // root namespace URI, may be empty
  std::string clause;               // XPath selecting clause elements
  std::string number;               // XPath relative to a clause: its number
  std::string heading;              // XPath relative to a clause: its heading
  std::string text;                 // XPath relative to a clause: its text paragraphs
  std::vector<std::string> ignore;  // XPaths of elements to skip
  std::vector<std::pair<std::string, std::string>> namespaces;  // prefix -> URI
};

/// Loads a mapping file's YAML text; errors name file and line.
Result<XmlMapping> LoadXmlMapping(std::string_view yaml, std::string_view source_name);

struct XmlOptions {
  std::vector<XmlMapping> mappings;  // chosen by root element and namespace
  size_t max_depth = 256;
};

/// XML: Akoma Ntoso by namespace, a matching mapping, else generic extraction.
Result<Document> ParseXml(std::string_view bytes, std::string_view path, const XmlOptions& options);

/// HTML through libxml2's HTML parser: headings, paragraphs, lists with their
/// numbering (ol type/start), tables; scripts and styles ignored.
Result<Document> ParseHtml(std::string_view bytes, std::string_view path);

}  // namespace clausecheck::parsers

#endif  // CLAUSECHECK_PARSERS_XML_H_
