#include "parsers/xml.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <yaml-cpp/yaml.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/numbering.h"
#include "core/utf8.h"

namespace clausecheck::parsers {
namespace {

// libxml2's own nesting limit without XML_PARSE_HUGE, which we never set.
constexpr size_t kLibxmlMaxDepth = 256;

// ---------------------------------------------------------------------------
// libxml2 setup and error capture

// Nothing outside the document in memory is ever read: no DTD, no external
// entity, no XInclude. Installed once for the process as defence in depth;
// the parser options and the entity-declaration guard below already keep
// every load from being attempted.
xmlParserInputPtr NoExternalLoads(const char* /*url*/, const char* /*id*/,
                                  xmlParserCtxtPtr /*ctxt*/) {
  return nullptr;
}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(NoExternalLoads);
  });
}

// The first error libxml2 reports, and whether the document declared entities.
struct ErrorSink {
  bool have_error = false;
  int code = 0;
  int line = 0;
  std::string message;
  bool entity_declared = false;
  int entity_line = 0;
};

void Record(ErrorSink* sink, const xmlError* e) {
  if (sink == nullptr || e == nullptr || e->level < XML_ERR_ERROR || sink->have_error) return;
  sink->have_error = true;
  sink->code = e->code;
  sink->line = e->line;
  std::string m = e->message != nullptr ? e->message : "";
  m = m.substr(0, m.find('\n'));
  while (!m.empty() && (m.back() == ' ' || m.back() == '\t' || m.back() == '\r' ||
                        m.back() == '!' || m.back() == '.')) {
    m.pop_back();
  }
  while (!m.empty() && (m.front() == ' ' || m.front() == '\t')) m.erase(0, 1);
  sink->message = m.empty() ? "malformed document" : m;
}

// Errors raised through a parser context: the callback data is the context
// (its userData), whose _private points at our sink.
void OnParserError(void* data, xmlErrorPtr e) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(data);
  if (ctxt != nullptr) Record(static_cast<ErrorSink*>(ctxt->_private), e);
}

void OnGlobalError(void* data, xmlErrorPtr e) { Record(static_cast<ErrorSink*>(data), e); }

void IgnoreGenericError(void* /*ctx*/, const char* /*msg*/, ...) {}

// Routes libxml2's thread-local error handlers to a sink for one call, so that
// nothing is ever printed to stderr, and restores them afterwards.
class ErrorScope {
 public:
  explicit ErrorScope(ErrorSink* sink)
      : old_structured_(xmlStructuredError),
        old_structured_ctx_(xmlStructuredErrorContext),
        old_generic_(xmlGenericError),
        old_generic_ctx_(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(sink, OnGlobalError);
    xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);
  }
  ~ErrorScope() {
    xmlSetStructuredErrorFunc(old_structured_ctx_, old_structured_);
    xmlSetGenericErrorFunc(old_generic_ctx_, old_generic_);
  }
  ErrorScope(const ErrorScope&) = delete;
  ErrorScope& operator=(const ErrorScope&) = delete;

 private:
  xmlStructuredErrorFunc old_structured_;
  void* old_structured_ctx_;
  xmlGenericErrorFunc old_generic_;
  void* old_generic_ctx_;
};

// Entities declared in a DTD are refused outright, at their first
// declaration, before any reference to them can be parsed: this stops
// billion laughs, quadratic blowup, external (file:, http:) and parameter
// entities alike, whatever libxml2's own amplification checks would do.
// Predefined entities (&amp; &lt; ...) and character references still work.
void NoteEntityDeclaration(xmlParserCtxtPtr ctxt) {
  auto* sink = static_cast<ErrorSink*>(ctxt->_private);
  if (sink != nullptr && !sink->entity_declared) {
    sink->entity_declared = true;
    sink->entity_line = ctxt->input != nullptr ? ctxt->input->line : 0;
  }
  xmlStopParser(ctxt);
}

void RefuseEntityDecl(void* ctx, const xmlChar* /*name*/, int /*type*/,
                      const xmlChar* /*public_id*/, const xmlChar* /*system_id*/,
                      xmlChar* /*content*/) {
  NoteEntityDeclaration(static_cast<xmlParserCtxtPtr>(ctx));
}

void RefuseUnparsedEntityDecl(void* ctx, const xmlChar* /*name*/, const xmlChar* /*public_id*/,
                              const xmlChar* /*system_id*/, const xmlChar* /*notation*/) {
  NoteEntityDeclaration(static_cast<xmlParserCtxtPtr>(ctx));
}

struct DocFree {
  void operator()(xmlDocPtr d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

struct CtxtFree {
  void operator()(xmlParserCtxtPtr c) const {
    if (c->myDoc != nullptr) {
      xmlFreeDoc(c->myDoc);
      c->myDoc = nullptr;
    }
    xmlFreeParserCtxt(c);
  }
};
using CtxtPtr = std::unique_ptr<xmlParserCtxt, CtxtFree>;

struct HtmlCtxtFree {
  void operator()(htmlParserCtxtPtr c) const {
    if (c->myDoc != nullptr) {
      xmlFreeDoc(c->myDoc);
      c->myDoc = nullptr;
    }
    htmlFreeParserCtxt(c);
  }
};
using HtmlCtxtPtr = std::unique_ptr<htmlParserCtxt, HtmlCtxtFree>;

std::string AtLine(int line) { return line > 0 ? " at line " + std::to_string(line) : ""; }

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// The one error for a document libxml2 refused.
Error ParseError(const ErrorSink& sink, std::string_view format, std::string_view path) {
  const std::string where(path);
  if (sink.entity_declared) {
    return Error{ErrorCode::kUnsupported,
                 std::string(format) +
                     " with entity declarations is not accepted (DTD entities are never "
                     "expanded)" +
                     AtLine(sink.entity_line),
                 where};
  }
  if (!sink.have_error) return Error{ErrorCode::kFormat, "malformed " + std::string(format), where};
  const std::string& m = sink.message;
  if (Contains(m, "Excessive depth")) {
    return Error{ErrorCode::kTooLarge,
                 std::string(format) + " nesting deeper than " + std::to_string(kLibxmlMaxDepth) +
                     " levels" + AtLine(sink.line),
                 where};
  }
  if (Contains(m, "XML_PARSE_HUGE") || Contains(m, "amplification") ||
      Contains(m, "Maximum entity")) {
    std::string reason = m.substr(0, m.find("XML_PARSE_HUGE"));
    while (!reason.empty() && (reason.back() == ' ' || reason.back() == ',')) reason.pop_back();
    if (reason.size() > 4 && reason.compare(reason.size() - 4, 4, " use") == 0) {
      reason.resize(reason.size() - 4);
    }
    while (!reason.empty() && (reason.back() == ' ' || reason.back() == ',')) reason.pop_back();
    return Error{ErrorCode::kTooLarge, reason + AtLine(sink.line), where};
  }
  if (sink.code == XML_ERR_UNSUPPORTED_ENCODING || sink.code == XML_ERR_UNKNOWN_ENCODING ||
      sink.code == XML_ERR_INVALID_ENCODING || sink.code == XML_I18N_CONV_FAILED ||
      Contains(m, "encoding") || Contains(m, "conversion failed")) {
    return Error{ErrorCode::kEncoding, m + AtLine(sink.line), where};
  }
  return Error{ErrorCode::kFormat, m + AtLine(sink.line), where};
}

Result<DocPtr> ReadXml(std::string_view bytes, std::string_view path) {
  InitLibxml();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Error{ErrorCode::kTooLarge, "XML file too large", std::string(path)};
  }
  ErrorSink sink;
  ErrorScope scope(&sink);
  CtxtPtr ctxt(xmlNewParserCtxt());
  if (!ctxt || ctxt->sax == nullptr) {
    return Error{ErrorCode::kInternal, "cannot create an XML parser", std::string(path)};
  }
  ctxt->_private = &sink;
  ctxt->sax->serror = OnParserError;
  ctxt->sax->entityDecl = RefuseEntityDecl;
  ctxt->sax->unparsedEntityDecl = RefuseUnparsedEntityDecl;
  // Deliberately absent: XML_PARSE_NOENT (substitute entities), DTDLOAD,
  // DTDATTR, DTDVALID, XINCLUDE and HUGE (which lifts libxml2's limits).
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
  xmlDocPtr raw = xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()),
                                    nullptr, nullptr, options);
  DocPtr doc(raw);
  if (sink.entity_declared || doc == nullptr || !ctxt->wellFormed) {
    return ParseError(sink, "XML", path);
  }
  return doc;
}

// ---------------------------------------------------------------------------
// Small helpers

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string LocalName(const xmlNode* n) {
  return n->name != nullptr ? reinterpret_cast<const char*>(n->name) : "";
}

std::string Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) {
      continue;
    }
    xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
    std::string out = v != nullptr ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
  }
  return "";
}

int LineOf(const xmlNode* n) {
  const long line = xmlGetLineNo(n);
  return line > 0 && line < INT_MAX ? static_cast<int>(line) : 0;
}

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsCjk(char32_t cp) {
  return utf8::IsHan(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// No-break spaces read as spaces (as the DOCX parser renders &nbsp;), so
// that rules matching "30 days" also match "30&nbsp;days".
bool IsNoBreakSpace(char32_t cp) { return cp == 0xA0 || cp == 0x2007 || cp == 0x202F; }

// Collapses whitespace runs to one space and trims. A line break between two
// Chinese characters is dropped: it is source formatting, not a word gap.
std::string Normalize(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  char32_t prev = 0;
  bool space = false;  // a whitespace run is pending
  bool newline = false;
  while (i < raw.size()) {
    const size_t start = i;
    const char32_t cp = utf8::Next(raw, &i);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || IsNoBreakSpace(cp)) {
      space = true;
      if (cp == '\n' || cp == '\r') newline = true;
      continue;
    }
    if (space && !out.empty() && !(newline && IsCjk(prev) && IsCjk(cp))) out.push_back(' ');
    space = newline = false;
    out.append(raw.substr(start, i - start));
    prev = cp;
  }
  return out;
}

bool HasText(std::string_view s) {
  for (char c : s) {
    if (!IsXmlSpace(c)) return true;
  }
  return false;
}

// An undeclared entity reference left in the tree (only possible when the
// document names an external DTD, which is never loaded): the HTML meaning
// of well-known names (&nbsp; &sect; &mdash;), else nothing.
std::string EntityText(const xmlNode* n) {
  const htmlEntityDesc* e = htmlEntityLookup(n->name);
  if (e == nullptr) return "";
  std::string out;
  utf8::Append(static_cast<char32_t>(e->value), &out);
  return out;
}

bool HasDirectText(const xmlNode* n) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr &&
        HasText(reinterpret_cast<const char*>(c->content))) {
      return true;
    }
    if (c->type == XML_ENTITY_REF_NODE) return true;
  }
  return false;
}

// The first element deeper than max_depth (the root is at depth 1), found
// without recursion so that a pathological tree cannot exhaust the stack.
const xmlNode* TooDeep(const xmlNode* root, size_t max_depth) {
  const xmlNode* n = root;
  size_t depth = 1;
  for (;;) {
    if (n->type == XML_ELEMENT_NODE) {
      if (depth > max_depth) return n;
      if (n->children != nullptr) {
        n = n->children;
        ++depth;
        continue;
      }
    }
    while (n != root && n->next == nullptr) {
      n = n->parent;
      --depth;
    }
    if (n == root) return nullptr;
    n = n->next;
  }
}

std::string ToRoman(int n) {
  static const std::pair<int, const char*> kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, text] : kTable) {
    while (n >= value) {
      out += text;
      n -= value;
    }
  }
  return out;
}

std::string ToAlpha(int n) {
  std::string out;
  while (n > 0) {
    --n;
    out.insert(out.begin(), static_cast<char>('a' + n % 26));
    n /= 26;
  }
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// An HTML ordered-list number as a browser renders it: "3.", "c.", "iv.".
std::string OrderedLabel(int n, char type) {
  if (n <= 0 || (n > 3999 && (type == 'i' || type == 'I'))) return std::to_string(n) + ".";
  switch (type) {
    case 'a': return ToAlpha(n) + ".";
    case 'A': return Upper(ToAlpha(n)) + ".";
    case 'i': return ToRoman(n) + ".";
    case 'I': return Upper(ToRoman(n)) + ".";
    default: return std::to_string(n) + ".";
  }
}

std::optional<int> ParseInt(std::string_view s) {
  while (!s.empty() && IsXmlSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsXmlSpace(s.back())) s.remove_suffix(1);
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return negative ? -v : v;
}

// ---------------------------------------------------------------------------
// The walker: one tree walk for generic XML, Akoma Ntoso and HTML, which
// differ only in which element names play which role.

enum class Dialect { kGeneric, kAkn, kHtml };

void Names(std::initializer_list<const char*> names, std::set<std::string>* storage) {
  for (const char* n : names) storage->insert(n);
}

struct Roles {
  std::set<std::string> ignore;     // skipped with their content
  std::set<std::string> heading;    // heading blocks
  std::set<std::string> number;     // the number (label) of the enclosing clause
  std::set<std::string> paragraph;  // always a block, even without direct text
  std::set<std::string> container;  // structure: counts towards heading levels
  std::set<std::string> split;      // block-level: ends the paragraph it appears in
  std::set<std::string> list_item;  // blocks of kind kListItem
  std::set<std::string> line_break;
};

const Roles& RolesFor(Dialect d) {
  static const Roles generic = [] {
    Roles r;
    Names({"toc", "meta", "metadata", "teiheader", "script", "style"}, &r.ignore);
    Names({"title", "heading", "head", "subheading", "h1", "h2", "h3", "h4", "h5", "h6"},
          &r.heading);
    Names({"num", "number", "no"}, &r.number);
    Names({"p", "para", "text", "li", "item", "dt", "dd", "blockquote", "pre", "clause-body",
           "clausebody", "body-text"},
          &r.paragraph);
    Names({"section", "subsection", "article", "clause", "subclause", "chapter", "subchapter",
           "part", "subpart", "division", "schedule", "annex", "appendix", "exhibit", "paragraph",
           "subparagraph"},
          &r.container);
    Names({"p",      "para",      "paragraph", "subparagraph", "list",    "ol",
           "ul",     "li",        "item",      "table",        "section", "subsection",
           "clause", "subclause", "article",   "chapter",      "part",    "blockquote",
           "pre",    "div",       "dl",        "dt",           "dd"},
          &r.split);
    Names({"li", "item"}, &r.list_item);
    Names({"br", "lb", "eol", "eop"}, &r.line_break);
    return r;
  }();
  static const Roles akn = [] {
    Roles r;
    Names({"meta", "toc", "notes"}, &r.ignore);
    Names({"heading", "subheading"}, &r.heading);
    Names({"num"}, &r.number);
    Names({"p", "listintroduction", "listwrapup", "td", "th"}, &r.paragraph);
    Names({"part",         "chapter", "section",   "article",      "clause",      "paragraph",
           "subparagraph", "point",   "list",      "item",         "indent",      "title",
           "subtitle",     "book",    "tome",      "division",     "subdivision", "subsection",
           "subchapter",   "subpart", "subclause", "sublist",      "alinea",      "rule",
           "subrule",      "proviso", "level",     "transitional", "hcontainer",  "recital",
           "citation"},
          &r.container);
    Names({"p", "blocklist", "item", "table", "ul", "ol", "li", "blockcontainer", "tblock",
           "paragraph", "subparagraph", "point", "list", "foreign"},
          &r.split);
    Names({"br", "eol", "eop"}, &r.line_break);
    return r;
  }();
  static const Roles html = [] {
    Roles r;
    Names({"script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed",
           "svg", "math", "canvas", "select", "button", "nav"},
          &r.ignore);
    Names({"h1", "h2", "h3", "h4", "h5", "h6"}, &r.heading);
    Names({"p", "blockquote", "pre", "li", "dt", "dd", "figcaption", "address", "caption"},
          &r.paragraph);
    Names({"section", "article"}, &r.container);
    Names(
        {"p",    "div",      "blockquote", "pre",     "ul",     "ol",      "li",         "dl",
         "dt",   "dd",       "table",      "h1",      "h2",     "h3",      "h4",         "h5",
         "h6",   "hr",       "section",    "article", "header", "footer",  "figcaption", "address",
         "form", "fieldset", "main",       "aside",   "figure", "details", "summary"},
        &r.split);
    Names({"li"}, &r.list_item);
    Names({"br", "hr"}, &r.line_break);
    return r;
  }();
  switch (d) {
    case Dialect::kAkn: return akn;
    case Dialect::kHtml: return html;
    case Dialect::kGeneric: break;
  }
  return generic;
}

class Walker {
 public:
  Walker(Dialect dialect, Document* doc)
      : dialect_(dialect), roles_(RolesFor(dialect)), doc_(doc) {}

  void Walk(xmlNode* root) { Node(root); }

  // The block text of `n` with everything inside it flattened (used by
  // mappings too).
  std::string FlatText(const xmlNode* n) {
    std::string raw;
    Flatten(n, &raw);
    return Normalize(raw);
  }

  // The part of a SourceRef: an eId or id, else an XPath-like path.
  std::string PartOf(const xmlNode* n) {
    // Akoma Ntoso identifies every partition (eId, or id before 3.0); a
    // paragraph inside a partition is reported as the partition.
    if (dialect_ == Dialect::kAkn) {
      for (const xmlNode* e = n; e != nullptr && e->type == XML_ELEMENT_NODE; e = e->parent) {
        for (const char* a : {"eId", "id"}) {
          std::string v = Attr(e, a);
          if (!v.empty()) return v;
        }
      }
      return PathOf(n);
    }
    for (const char* a : {"eId", "id"}) {
      std::string v = Attr(n, a);
      if (!v.empty()) return v;
    }
    if (dialect_ == Dialect::kGeneric) {
      xmlChar* v = xmlGetNsProp(n, BAD_CAST "id", XML_XML_NAMESPACE);
      if (v != nullptr) {
        std::string out = reinterpret_cast<const char*>(v);
        xmlFree(v);
        if (!out.empty()) return out;
      }
    }
    return PathOf(n);
  }

  void EmitText(std::string text, BlockKind kind, std::string label, int heading_level,
                const xmlNode* element, int line) {
    if (text.empty()) return;
    Block b;
    b.text = std::move(text);
    b.kind = kind;
    b.heading_level = heading_level;
    b.label = std::move(label);
    b.source.part = PartOf(element);
    b.source.index = static_cast<int>(doc_->blocks.size());
    b.source.line = line > 0 ? line : LineOf(element);
    doc_->blocks.push_back(std::move(b));
  }

 private:
  struct Table {
    int index = 0;
    int row = -1;
    int column = -1;
  };
  struct List {
    bool ordered = false;
    char type = '1';
    int next = 1;
    int step = 1;
  };
  struct Pending {
    std::string label;
    std::optional<BlockKind> kind;
  };
  // A paragraph being collected.
  struct Segment {
    std::string raw;
    std::string label;
    BlockKind kind = BlockKind::kParagraph;
    int line = 0;
    const xmlNode* element = nullptr;  // the paragraph element, for the SourceRef
  };

  std::string Name(const xmlNode* n) const { return Lower(LocalName(n)); }
  bool Is(const std::set<std::string>& set, const std::string& name) const {
    return set.count(name) != 0;
  }
  bool IsCell(const std::string& name) const {
    if (tables_.empty()) return false;
    return name == "td" || name == "th" ||
           (dialect_ == Dialect::kGeneric && (name == "cell" || name == "entry"));
  }
  bool IsRow(const std::string& name) const {
    if (tables_.empty()) return false;
    return name == "tr" || (dialect_ == Dialect::kGeneric && name == "row");
  }
  bool IsList(const std::string& name) const {
    return dialect_ == Dialect::kHtml && (name == "ol" || name == "ul");
  }
  int HeadingLevel(const std::string& name) const {
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
      return name[1] - '0';
    if (dialect_ == Dialect::kHtml) return 0;
    int level = level_ < 1 ? 1 : (level_ > 9 ? 9 : level_);
    if (name == "subheading") level = level < 9 ? level + 1 : 9;
    return level;
  }

  // The label a container gives to its first block: a num/number attribute
  // or its first number child.
  std::string ContainerLabel(const xmlNode* n) {
    if (dialect_ == Dialect::kHtml) return "";
    if (dialect_ == Dialect::kGeneric) {
      for (const char* a : {"num", "number", "label"}) {
        std::string v = Normalize(Attr(n, a));
        if (!v.empty()) return v;
      }
    }
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && Is(roles_.number, Name(c))) return FlatText(c);
    }
    if (const xmlNode* c = NumberLikeFirstChild(n)) return FlatText(c);
    return "";
  }

  // In a layout never seen before, a container whose first element holds
  // nothing but a clause number ("1", "12.1", "(a)", "Article 5") numbers it:
  // <provision><seq>1</seq>...</provision>.
  const xmlNode* NumberLikeFirstChild(const xmlNode* n) {
    if (dialect_ != Dialect::kGeneric) return nullptr;
    const xmlNode* first = n->children;
    while (first != nullptr && first->type != XML_ELEMENT_NODE) first = first->next;
    if (first == nullptr || first->next == nullptr) return nullptr;
    for (const xmlNode* c = first->children; c != nullptr; c = c->next) {
      if (c->type != XML_TEXT_NODE) return nullptr;
    }
    const std::string text = FlatText(first);
    if (text.empty() || text.size() > 24) return nullptr;
    numbering::ClauseNumber number;
    if (!numbering::Parse(text, &number) || number.length != text.size()) return nullptr;
    return first;
  }

  bool HasHeadingChild(const xmlNode* n) const {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && Is(roles_.heading, Name(c))) return true;
    }
    return false;
  }

  void Node(xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return;
    const std::string name = Name(n);
    if (Is(roles_.ignore, name)) return;
    if (name == "table") {
      tables_.push_back(Table{next_table_++});
      Children(n);
      tables_.pop_back();
      return;
    }
    if (IsRow(name)) {
      ++tables_.back().row;
      tables_.back().column = -1;
      Children(n);
      return;
    }
    if (IsCell(name)) {
      ++tables_.back().column;
      std::string raw;
      Flatten(n, &raw);
      const size_t before = doc_->blocks.size();
      EmitText(Normalize(raw), BlockKind::kTableCell, TakePendingLabel(), 0, n, 0);
      if (doc_->blocks.size() > before) {
        SourceRef& s = doc_->blocks.back().source;
        s.table = tables_.back().index;
        s.row = tables_.back().row < 0 ? 0 : tables_.back().row;
        s.column = tables_.back().column;
      }
      return;
    }
    if (IsList(name)) {
      List l;
      l.ordered = name == "ol";
      const std::string type = Attr(n, "type");
      if (type.size() == 1 && std::strchr("1aAiI", type[0]) != nullptr) l.type = type[0];
      const bool reversed = xmlHasProp(n, BAD_CAST "reversed") != nullptr;
      if (reversed) {
        l.step = -1;
        l.next = 0;
        for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
          if (c->type == XML_ELEMENT_NODE && Name(c) == "li") ++l.next;
        }
      }
      if (auto start = ParseInt(Attr(n, "start"))) l.next = *start;
      lists_.push_back(l);
      Children(n);
      lists_.pop_back();
      return;
    }
    if (Is(roles_.heading, name)) {
      std::string raw;
      Flatten(n, &raw);
      EmitText(Normalize(raw), BlockKind::kHeading, TakePendingLabel(), HeadingLevel(name), n, 0);
      return;
    }
    if (Is(roles_.paragraph, name) || HasDirectText(n)) {
      Collect(n, name);
      return;
    }
    Container(n, name);
  }

  void Children(xmlNode* n) {
    for (xmlNode* c = n->children; c != nullptr; c = c->next) Node(c);
  }

  void Container(xmlNode* n, const std::string& name) {
    std::string label = ContainerLabel(n);
    const bool heading_child = HasHeadingChild(n);
    // <section num="5" title="Termination">: the heading is an attribute.
    std::string title;
    if (dialect_ == Dialect::kGeneric && !heading_child) {
      for (const char* a : {"title", "heading", "caption"}) {
        title = Normalize(Attr(n, a));
        if (!title.empty()) break;
      }
    }
    const bool structural =
        !label.empty() || Is(roles_.container, name) || heading_child || !title.empty();
    if (!label.empty()) pending_ = Pending{label, std::nullopt};
    if (structural) ++level_;
    if (!title.empty()) {
      EmitText(std::move(title), BlockKind::kHeading, TakePendingLabel(), HeadingLevel(name), n, 0);
    }
    bool label_skipped = false;
    const xmlNode* number_like = label.empty() ? nullptr : NumberLikeFirstChild(n);
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c == number_like) continue;
      if (c->type == XML_ELEMENT_NODE && Is(roles_.number, Name(c))) {
        // The first number is the container's label; others are kept as text.
        if (!label_skipped) {
          label_skipped = true;
          continue;
        }
      }
      Node(c);
    }
    if (structural) --level_;
    if (!label.empty()) pending_ = Pending{};
  }

  std::string TakePendingLabel() {
    std::string l = std::move(pending_.label);
    pending_ = Pending{};
    return l;
  }

  // A paragraph-like element: its text, with inline elements kept inline and
  // block-level ones (a list inside a paragraph) split out as blocks of their
  // own in document order.
  void Collect(xmlNode* n, const std::string& name) {
    Segment seg;
    seg.element = n;
    seg.kind = Is(roles_.list_item, name) ? BlockKind::kListItem : BlockKind::kParagraph;
    if (dialect_ == Dialect::kHtml && name == "li") {
      seg.label = ListLabel(n);
    } else if (dialect_ == Dialect::kGeneric) {
      for (const char* a : {"num", "number"}) {
        seg.label = Normalize(Attr(n, a));
        if (!seg.label.empty()) break;
      }
    }
    CollectChildren(n, &seg, true);
    Flush(&seg);
    // An empty numbered item must not number whatever follows the list.
    pending_ = Pending{};
  }

  std::string ListLabel(const xmlNode* li) {
    if (lists_.empty()) return "";
    List& l = lists_.back();
    if (!l.ordered) return "•";
    if (auto v = ParseInt(Attr(li, "value"))) l.next = *v;
    const int n = l.next;
    l.next += l.step;
    return OrderedLabel(n, l.type);
  }

  void CollectChildren(xmlNode* n, Segment* seg, bool top) {
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
      switch (c->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (c->content != nullptr) {
            const char* t = reinterpret_cast<const char*>(c->content);
            if (seg->line == 0 && HasText(t)) seg->line = LineOf(c);
            seg->raw += t;
          }
          break;
        case XML_ENTITY_REF_NODE: seg->raw += EntityText(c); break;
        case XML_ELEMENT_NODE: {
          const std::string name = Name(c);
          if (Is(roles_.ignore, name)) break;
          if (Is(roles_.line_break, name)) {
            seg->raw += ' ';
            break;
          }
          if (Is(roles_.number, name) && top && seg->label.empty() && !HasText(seg->raw)) {
            seg->label = FlatText(c);
            break;
          }
          // A title before any text heads the paragraph's element; one in
          // running text is a citation ("see <title>the Act</title>").
          const bool heading = Is(roles_.heading, name) && !HasText(seg->raw);
          if (Is(roles_.split, name) || name == "table" || IsList(name) || heading) {
            Flush(seg);
            Node(c);
            continue;
          }
          CollectChildren(c, seg, false);
          break;
        }
        default: break;
      }
    }
  }

  void Flush(Segment* seg) {
    std::string text = Normalize(seg->raw);
    if (text.empty()) {
      // A numbered item whose text is in a nested paragraph: the number
      // (and list-item kind) go to the next block.
      if (!seg->label.empty()) pending_.label = seg->label;
      if (seg->kind != BlockKind::kParagraph) pending_.kind = seg->kind;
    } else {
      std::string label = seg->label;
      BlockKind kind = seg->kind;
      // The first block inside a numbered container takes its number (unless
      // it has its own); either way the number is used up.
      if (!pending_.label.empty() || pending_.kind) {
        if (label.empty()) label = pending_.label;
        if (pending_.kind && kind == BlockKind::kParagraph) kind = *pending_.kind;
        pending_ = Pending{};
      }
      EmitText(std::move(text), kind, std::move(label), 0, seg->element, seg->line);
    }
    // Whatever follows a split is a continuation: same kind, no number.
    seg->raw.clear();
    seg->label.clear();
    seg->line = 0;
  }

  // All text inside `n`, block-level children separated by a space (table
  // cells, headings).
  void Flatten(const xmlNode* n, std::string* out) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      switch (c->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (c->content != nullptr) *out += reinterpret_cast<const char*>(c->content);
          break;
        case XML_ENTITY_REF_NODE: *out += EntityText(c); break;
        case XML_ELEMENT_NODE: {
          const std::string name = Name(c);
          if (Is(roles_.ignore, name)) break;
          if (Is(roles_.line_break, name)) {
            *out += ' ';
            break;
          }
          const bool block = Is(roles_.split, name) || Is(roles_.paragraph, name) || name == "td" ||
                             name == "th" || name == "tr" || name == "table";
          if (block) *out += ' ';
          Flatten(c, out);
          if (block) *out += ' ';
          break;
        }
        default: break;
      }
    }
  }

  // "/contract/section[3]/p[2]": local names, 1-based positions among
  // same-named siblings. Positions are computed once per parent and cached in
  // the nodes' _private field, so a long document stays linear.
  std::string PathOf(const xmlNode* n) {
    std::vector<std::string> parts;
    for (const xmlNode* e = n; e != nullptr && e->type == XML_ELEMENT_NODE; e = e->parent) {
      if (e->parent == nullptr || e->parent->type != XML_ELEMENT_NODE) {
        parts.push_back(LocalName(e));
        break;
      }
      if (e->_private == nullptr) {
        std::map<std::string, intptr_t> counts;
        for (xmlNode* s = e->parent->children; s != nullptr; s = s->next) {
          if (s->type != XML_ELEMENT_NODE) continue;
          s->_private = reinterpret_cast<void*>(++counts[LocalName(s)]);
        }
      }
      parts.push_back(LocalName(e) + "[" + std::to_string(reinterpret_cast<intptr_t>(e->_private)) +
                      "]");
    }
    std::string path;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) path += "/" + *it;
    return path;
  }

  Dialect dialect_;
  const Roles& roles_;
  Document* doc_;
  std::vector<Table> tables_;
  int next_table_ = 0;
  std::vector<List> lists_;
  Pending pending_;
  int level_ = 0;
};

bool IsAkomaNtoso(const xmlNode* root) {
  if (root->ns == nullptr || root->ns->href == nullptr) return false;
  const std::string_view href = reinterpret_cast<const char*>(root->ns->href);
  return href.rfind("http://docs.oasis-open.org/legaldocml/ns/akn/", 0) == 0 ||
         href.rfind("http://www.akomantoso.org/", 0) == 0;
}

// XHTML (or HTML that happens to be well-formed XML) is read with the HTML
// rules: a <script> is not a paragraph just because it holds text.
bool IsXhtml(const xmlNode* root) {
  if (Lower(LocalName(root)) != "html") return false;
  if (root->ns == nullptr || root->ns->href == nullptr) return true;
  return std::strcmp(reinterpret_cast<const char*>(root->ns->href),
                     "http://www.w3.org/1999/xhtml") == 0;
}

std::string EncodingName(const xmlDoc* doc, std::string_view bytes) {
  const bool le = bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE';
  const bool be = bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF';
  if (le) return "UTF-16LE";
  if (be) return "UTF-16BE";
  if (doc->encoding != nullptr) return Upper(reinterpret_cast<const char*>(doc->encoding));
  return "UTF-8";
}

Result<Document> Finish(Document doc, std::string_view path) {
  for (const Block& b : doc.blocks) {
    if (!b.text.empty()) return doc;
  }
  return Error{ErrorCode::kEmpty, "no text", std::string(path)};
}

// ---------------------------------------------------------------------------
// Mappings

struct XPathCtxtFree {
  void operator()(xmlXPathContextPtr c) const { xmlXPathFreeContext(c); }
};
struct XPathObjFree {
  void operator()(xmlXPathObjectPtr o) const { xmlXPathFreeObject(o); }
};
using XPathObj = std::unique_ptr<xmlXPathObject, XPathObjFree>;

std::string ObjectString(xmlXPathObjectPtr o) {
  if (o == nullptr) return "";
  if (o->type == XPATH_NODESET) {
    if (o->nodesetval == nullptr || o->nodesetval->nodeNr == 0) return "";
    xmlChar* s = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
    std::string out = s != nullptr ? reinterpret_cast<const char*>(s) : "";
    xmlFree(s);
    return Normalize(out);
  }
  xmlChar* s = xmlXPathCastToString(o);
  std::string out = s != nullptr ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  return Normalize(out);
}

Result<Document> ParseWithMapping(xmlDocPtr xdoc, const XmlMapping& m, std::string_view path,
                                  Document doc) {
  ErrorSink sink;
  ErrorScope scope(&sink);
  std::unique_ptr<xmlXPathContext, XPathCtxtFree> ctx(xmlXPathNewContext(xdoc));
  if (!ctx) return Error{ErrorCode::kInternal, "cannot create an XPath context", std::string(path)};
  for (const auto& [prefix, uri] : m.namespaces) {
    xmlXPathRegisterNs(ctx.get(), BAD_CAST prefix.c_str(), BAD_CAST uri.c_str());
  }
  auto eval = [&](const std::string& expr, xmlNodePtr node) -> Result<XPathObj> {
    ctx->node = node;
    XPathObj o(xmlXPathEvalExpression(BAD_CAST expr.c_str(), ctx.get()));
    if (!o) {
      return Error{ErrorCode::kConfig,
                   "XML mapping '" + m.name + "': XPath '" + expr + "' failed" +
                       (sink.have_error ? ": " + sink.message : ""),
                   std::string(path)};
    }
    return o;
  };
  // Ignored subtrees go first: unlinked all, then freed one by one (each is
  // its own tree once unlinked, even if it was inside another).
  std::vector<xmlNodePtr> removed;
  for (const std::string& expr : m.ignore) {
    Result<XPathObj> o = eval(expr, reinterpret_cast<xmlNodePtr>(xdoc));
    if (!o.ok()) return o.error();
    const xmlNodeSet* set = o.value()->nodesetval;
    if (o.value()->type != XPATH_NODESET || set == nullptr) continue;
    for (int i = 0; i < set->nodeNr; ++i) {
      xmlNodePtr node = set->nodeTab[i];
      if (node->type == XML_ELEMENT_NODE || node->type == XML_TEXT_NODE) removed.push_back(node);
    }
  }
  {
    std::set<xmlNodePtr> seen;
    std::vector<xmlNodePtr> unique;
    for (xmlNodePtr node : removed) {
      if (seen.insert(node).second) unique.push_back(node);
    }
    for (xmlNodePtr node : unique) xmlUnlinkNode(node);
    for (xmlNodePtr node : unique) xmlFreeNode(node);
  }

  Result<XPathObj> clauses = eval(m.clause, reinterpret_cast<xmlNodePtr>(xdoc));
  if (!clauses.ok()) return clauses.error();
  const xmlNodeSet* set = clauses.value()->nodesetval;
  if (clauses.value()->type != XPATH_NODESET || set == nullptr) return Finish(std::move(doc), path);
  std::set<const xmlNode*> clause_nodes(set->nodeTab, set->nodeTab + set->nodeNr);
  Walker walker(Dialect::kGeneric, &doc);
  for (int i = 0; i < set->nodeNr; ++i) {
    xmlNodePtr clause = set->nodeTab[i];
    if (clause->type != XML_ELEMENT_NODE) continue;
    int level = 1;
    for (const xmlNode* p = clause->parent; p != nullptr; p = p->parent) {
      if (clause_nodes.count(p) != 0) ++level;
    }
    std::string number;
    if (!m.number.empty()) {
      Result<XPathObj> o = eval(m.number, clause);
      if (!o.ok()) return o.error();
      number = ObjectString(o.value().get());
    }
    std::string heading;
    const xmlNode* heading_node = clause;
    if (!m.heading.empty()) {
      Result<XPathObj> o = eval(m.heading, clause);
      if (!o.ok()) return o.error();
      heading = ObjectString(o.value().get());
      const xmlNodeSet* hs = o.value()->nodesetval;
      if (o.value()->type == XPATH_NODESET && hs != nullptr && hs->nodeNr > 0 &&
          hs->nodeTab[0]->type == XML_ELEMENT_NODE) {
        heading_node = hs->nodeTab[0];
      }
    }
    if (!heading.empty()) {
      walker.EmitText(heading, BlockKind::kHeading, number, level > 9 ? 9 : level, heading_node, 0);
      number.clear();
    }
    Result<XPathObj> o = eval(m.text, clause);
    if (!o.ok()) return o.error();
    const xmlNodeSet* ts = o.value()->nodesetval;
    if (o.value()->type != XPATH_NODESET) {
      std::string text = ObjectString(o.value().get());
      if (!text.empty()) {
        walker.EmitText(text, BlockKind::kParagraph, number, 0, clause, 0);
        number.clear();
      }
      continue;
    }
    for (int j = 0; ts != nullptr && j < ts->nodeNr; ++j) {
      const xmlNode* t = ts->nodeTab[j];
      std::string text;
      if (t->type == XML_ELEMENT_NODE) {
        text = walker.FlatText(t);
      } else if (t->content != nullptr) {
        text = Normalize(reinterpret_cast<const char*>(t->content));
      }
      if (text.empty()) continue;
      const xmlNode* at = t->type == XML_ELEMENT_NODE ? t : t->parent;
      walker.EmitText(text, BlockKind::kParagraph, number, 0, at, 0);
      number.clear();
    }
  }
  return Finish(std::move(doc), path);
}

bool MappingMatches(const XmlMapping& m, const xmlNode* root) {
  if (m.root != LocalName(root)) return false;
  if (m.ns.empty()) return true;
  return root->ns != nullptr && root->ns->href != nullptr &&
         m.ns == reinterpret_cast<const char*>(root->ns->href);
}

// ---------------------------------------------------------------------------
// Mapping files

struct LoadError {
  int line;
  std::string message;
};

int YamlLine(const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  return m.line >= 0 ? m.line + 1 : 1;
}

[[noreturn]] void Fail(const YAML::Node& n, std::string message) {
  throw LoadError{YamlLine(n), std::move(message)};
}

std::string ScalarOf(const YAML::Node& n, std::string_view key) {
  if (!n.IsScalar()) Fail(n, "'" + std::string(key) + "' must be a string");
  return n.Scalar();
}

void CheckXPath(const YAML::Node& n, const std::string& expr, std::string_view key) {
  ErrorSink sink;
  ErrorScope scope(&sink);
  xmlXPathCompExprPtr comp = xmlXPathCompile(BAD_CAST expr.c_str());
  if (comp == nullptr) {
    Fail(n, "invalid XPath in '" + std::string(key) +
                "': " + (sink.have_error ? sink.message : std::string("cannot compile")));
  }
  xmlXPathFreeCompExpr(comp);
}

}  // namespace

Result<XmlMapping> LoadXmlMapping(std::string_view yaml, std::string_view source_name) {
  InitLibxml();
  const std::string file(source_name);
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root.IsDefined() || root.IsNull()) {
      return Error{ErrorCode::kConfig, "empty XML mapping", file + ":1"};
    }
    if (!root.IsMap()) Fail(root, "an XML mapping must be a mapping of keys");
    static const std::set<std::string> kKeys = {
        "name", "root", "namespace", "namespaces", "clause", "number", "heading", "text", "ignore"};
    std::set<std::string> seen;
    for (const auto& kv : root) {
      if (!kv.first.IsScalar()) Fail(kv.first, "keys must be plain strings");
      const std::string key = kv.first.Scalar();
      if (kKeys.count(key) == 0) {
        Fail(kv.first, "unknown key '" + key +
                           "' in XML mapping (known: clause, heading, ignore, name, namespace, "
                           "namespaces, number, root, text)");
      }
      if (!seen.insert(key).second) Fail(kv.first, "duplicate key '" + key + "'");
    }
    XmlMapping m;
    for (const char* required : {"root", "clause", "text"}) {
      if (!root[required]) Fail(root, std::string("missing required key '") + required + "'");
    }
    m.name = root["name"] ? ScalarOf(root["name"], "name") : file;
    m.root = ScalarOf(root["root"], "root");
    if (m.root.empty()) Fail(root["root"], "'root' must not be empty");
    if (root["namespace"]) m.ns = ScalarOf(root["namespace"], "namespace");
    if (root["namespaces"]) {
      const YAML::Node ns = root["namespaces"];
      if (!ns.IsMap()) Fail(ns, "'namespaces' must map prefixes to namespace URIs");
      for (const auto& kv : ns) {
        const std::string prefix = ScalarOf(kv.first, "namespaces");
        const std::string uri = ScalarOf(kv.second, "namespaces");
        if (prefix.empty() || uri.empty()) Fail(kv.first, "empty prefix or URI in 'namespaces'");
        m.namespaces.emplace_back(prefix, uri);
      }
    }
    struct Field {
      const char* key;
      std::string* out;
    };
    for (const Field& f : {Field{"clause", &m.clause}, Field{"number", &m.number},
                           Field{"heading", &m.heading}, Field{"text", &m.text}}) {
      if (!root[f.key]) continue;
      const YAML::Node n = root[f.key];
      *f.out = ScalarOf(n, f.key);
      if (f.out->empty()) Fail(n, "'" + std::string(f.key) + "' must not be empty");
      CheckXPath(n, *f.out, f.key);
    }
    if (root["ignore"]) {
      const YAML::Node n = root["ignore"];
      if (n.IsScalar()) {
        m.ignore.push_back(n.Scalar());
        CheckXPath(n, n.Scalar(), "ignore");
      } else if (n.IsSequence()) {
        for (const auto& e : n) {
          m.ignore.push_back(ScalarOf(e, "ignore"));
          CheckXPath(e, m.ignore.back(), "ignore");
        }
      } else {
        Fail(n, "'ignore' must be an XPath or a list of XPaths");
      }
    }
    return m;
  } catch (const LoadError& e) {
    return Error{ErrorCode::kConfig, e.message, file + ":" + std::to_string(e.line)};
  } catch (const YAML::Exception& e) {
    const int line = e.mark.line >= 0 ? e.mark.line + 1 : 1;
    return Error{ErrorCode::kConfig, "invalid YAML: " + e.msg, file + ":" + std::to_string(line)};
  }
}

Result<Document> ParseXml(std::string_view bytes, std::string_view path,
                          const XmlOptions& options) {
  if (bytes.empty()) return Error{ErrorCode::kEmpty, "empty file", std::string(path)};
  if (!HasText(bytes)) return Error{ErrorCode::kEmpty, "no text", std::string(path)};
  try {
    Result<DocPtr> parsed = ReadXml(bytes, path);
    if (!parsed.ok()) return parsed.error();
    xmlDocPtr xdoc = parsed.value().get();
    xmlNodePtr root = xmlDocGetRootElement(xdoc);
    if (root == nullptr) return Error{ErrorCode::kEmpty, "no text", std::string(path)};
    if (const xmlNode* deep = TooDeep(root, options.max_depth)) {
      return Error{ErrorCode::kTooLarge,
                   "XML nesting deeper than " + std::to_string(options.max_depth) + " levels" +
                       AtLine(LineOf(deep)),
                   std::string(path)};
    }
    Document doc;
    doc.path = std::string(path);
    doc.format = Format::kXml;
    doc.encoding = EncodingName(xdoc, bytes);
    // A mapping is the user's explicit choice: it wins over built-in layouts.
    for (const XmlMapping& m : options.mappings) {
      if (MappingMatches(m, root)) return ParseWithMapping(xdoc, m, path, std::move(doc));
    }
    if (IsAkomaNtoso(root)) {
      Walker(Dialect::kAkn, &doc).Walk(root);
      return Finish(std::move(doc), path);
    }
    if (IsXhtml(root)) {
      Walker(Dialect::kHtml, &doc).Walk(root);
      return Finish(std::move(doc), path);
    }
    Walker(Dialect::kGeneric, &doc).Walk(root);
    return Finish(std::move(doc), path);
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kTooLarge, "out of memory reading the XML file", std::string(path)};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, std::string("XML parser: ") + e.what(), std::string(path)};
  }
}

Result<Document> ParseHtml(std::string_view bytes, std::string_view path) {
  if (bytes.empty()) return Error{ErrorCode::kEmpty, "empty file", std::string(path)};
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Error{ErrorCode::kTooLarge, "HTML file too large", std::string(path)};
  }
  try {
    InitLibxml();
    ErrorSink sink;
    ErrorScope scope(&sink);
    HtmlCtxtPtr ctxt(htmlNewParserCtxt());
    if (!ctxt || ctxt->sax == nullptr) {
      return Error{ErrorCode::kInternal, "cannot create an HTML parser", std::string(path)};
    }
    ctxt->_private = &sink;
    ctxt->sax->serror = OnParserError;
    // Valid UTF-8 is read as UTF-8 whatever a <meta> says; anything else is
    // left to the document's <meta charset> (libxml2 falls back to Latin-1).
    const bool utf8 = utf8::IsValid(bytes);
    const int options = HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    xmlDocPtr raw = htmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()),
                                       nullptr, utf8 ? "UTF-8" : nullptr, options);
    DocPtr xdoc(raw);
    if (sink.have_error && Contains(sink.message, "Excessive depth")) {
      return ParseError(sink, "HTML", path);
    }
    if (xdoc == nullptr)
      return Error{ErrorCode::kFormat, "not an HTML document", std::string(path)};
    xmlNodePtr root = xmlDocGetRootElement(xdoc.get());
    if (root == nullptr) return Error{ErrorCode::kEmpty, "no text", std::string(path)};
    if (const xmlNode* deep = TooDeep(root, kLibxmlMaxDepth)) {
      return Error{ErrorCode::kTooLarge,
                   "HTML nesting deeper than " + std::to_string(kLibxmlMaxDepth) + " levels" +
                       AtLine(LineOf(deep)),
                   std::string(path)};
    }
    Document doc;
    doc.path = std::string(path);
    doc.format = Format::kHtml;
    doc.encoding = utf8 ? "UTF-8" : EncodingName(xdoc.get(), bytes);
    // No BOM and no <meta charset>: libxml2 read the bytes as Latin-1.
    if (!utf8 && doc.encoding == "UTF-8" && xdoc->encoding == nullptr) doc.encoding = "ISO-8859-1";
    Walker(Dialect::kHtml, &doc).Walk(root);
    return Finish(std::move(doc), path);
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kTooLarge, "out of memory reading the HTML file", std::string(path)};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, std::string("HTML parser: ") + e.what(), std::string(path)};
  }
}

}  // namespace clausecheck::parsers
