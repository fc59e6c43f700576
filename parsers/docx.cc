#include "parsers/docx.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/utf8.h"
#include "parsers/docx_numbering.h"
#include "parsers/xml_names.h"

// One pass over each part's XML. Elements are matched by local name (the
// prefix stripped, the namespace not looked at), so transitional and Strict
// OOXML read the same. Text conventions, chosen for the clause segmenter,
// which wants one line per block:
//   w:tab, w:ptab -> "\t"; w:br, w:cr -> " " (a line break inside a paragraph
//   is layout, not structure); w:noBreakHyphen -> "-"; w:softHyphen -> "";
//   w:sym -> its code point (symbol-font PUA code points kept as they are).

namespace clausecheck::parsers {
namespace {

// Deeper than any real document; protects the recursive walk from hostile
// nesting.
constexpr int kMaxDepth = 256;

std::string_view Local(const char* name) { return LocalPart(name); }
std::string_view Local(const pugi::xml_node& n) { return Local(n.name()); }

// The attribute with local name `name`, whatever its prefix.
std::string_view Attr(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    if (HasLocalName(a.name(), name)) return a.value();
  }
  return {};
}

pugi::xml_node Child(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && HasLocalName(c.name(), name)) return c;
  }
  return {};
}

int ToInt(std::string_view s, int fallback) {
  if (s.empty()) return fallback;
  int v = 0;
  bool neg = false;
  size_t i = 0;
  if (s[0] == '-') {
    neg = true;
    i = 1;
  }
  if (i == s.size()) return fallback;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return fallback;
    if (v > 100000000) return fallback;
    v = v * 10 + (s[i] - '0');
  }
  return neg ? -v : v;
}

// On/off properties: absent val, "1", "true", "on" mean on.
bool OnOff(const pugi::xml_node& n) {
  const std::string_view v = Attr(n, "val");
  return !(v == "0" || v == "false" || v == "off" || v == "none");
}

constexpr auto IEquals = ascii::EqualsIgnoreCase;

Error FormatError(std::string message) { return Error{ErrorCode::kFormat, std::move(message), ""}; }

// Parses one part in place: *xml must outlive *doc. OOXML forbids DTDs
// (ECMA-376 Part 2); a part with one is refused rather than read with its
// entities silently left as text.
Result<bool> ParseXml(std::string* xml, const std::string& part, pugi::xml_document* doc) {
  const pugi::xml_parse_result r = doc->load_buffer_inplace(
      xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype,
      pugi::encoding_auto);
  if (!r) {
    return FormatError(part + " is not well-formed XML: " + r.description() + " at offset " +
                       std::to_string(r.offset));
  }
  for (pugi::xml_node n = doc->first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype) {
      return FormatError(part + " has a DTD (not allowed in Office documents)");
    }
  }
  return true;
}

// Part names: "word/document.xml"; targets are relative to the source part's
// folder unless they start with '/'.
std::string ResolveTarget(std::string_view source_part, std::string_view target) {
  std::string base;
  if (!target.empty() && target[0] == '/') {
    target.remove_prefix(1);
  } else {
    const size_t slash = source_part.rfind('/');
    if (slash != std::string_view::npos) base.assign(source_part.substr(0, slash + 1));
  }
  std::string path = base;
  path.append(target);
  // Normalise "." and ".." segments.
  std::vector<std::string_view> segs;
  std::string_view p = path;
  while (!p.empty()) {
    const size_t slash = p.find('/');
    const std::string_view seg = p.substr(0, slash);
    if (seg == "..") {
      if (!segs.empty()) segs.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segs.push_back(seg);
    }
    if (slash == std::string_view::npos) break;
    p.remove_prefix(slash + 1);
  }
  std::string out;
  for (const std::string_view s : segs) {
    if (!out.empty()) out.push_back('/');
    out.append(s);
  }
  return out;
}

std::string RelsPartOf(std::string_view part) {
  const size_t slash = part.rfind('/');
  if (slash == std::string_view::npos) return "_rels/" + std::string(part) + ".rels";
  return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) +
         ".rels";
}

struct Relationship {
  std::string id;
  std::string type;    // the last segment of the type URI ("header", "officeDocument")
  std::string target;  // resolved part name; empty for external targets
};

std::vector<Relationship> ParseRels(std::string_view xml, std::string_view source_part) {
  std::vector<Relationship> rels;
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default)) return rels;
  for (pugi::xml_node r : doc.document_element().children()) {
    if (Local(r) != "Relationship") continue;
    Relationship rel;
    rel.id = std::string(Attr(r, "Id"));
    std::string_view type = Attr(r, "Type");
    const size_t slash = type.rfind('/');
    if (slash != std::string_view::npos) type.remove_prefix(slash + 1);
    rel.type = std::string(type);
    if (Attr(r, "TargetMode") != "External") {
      rel.target = ResolveTarget(source_part, Attr(r, "Target"));
    }
    rels.push_back(std::move(rel));
  }
  return rels;
}

// Run properties that decide whether text is hidden. -1 / empty: not set.
struct RunProps {
  int vanish = -1;
  // A view into the parsed part it came from (styles.xml, or the part being
  // walked for direct properties): both outlive every RunProps.
  std::string_view color;
  int sz = -1;
  int shaded = -1;

  void Over(const RunProps& o) {
    if (o.vanish >= 0) vanish = o.vanish;
    if (!o.color.empty()) color = o.color;
    if (o.sz >= 0) sz = o.sz;
    if (o.shaded >= 0) shaded = o.shaded;
  }
  bool Hidden(bool context_shaded) const {
    if (vanish == 1) return true;
    if (sz >= 0 && sz <= 2) return true;
    return IEquals(color, "FFFFFF") && shaded != 1 && !context_shaded;
  }
};

bool ShadingVisible(const pugi::xml_node& shd) {
  const std::string_view fill = Attr(shd, "fill");
  return !fill.empty() && fill != "auto" && !IEquals(fill, "FFFFFF");
}

// Reads the hiding-relevant properties of a w:rPr; `rstyle` gets its rStyle.
RunProps ReadRunProps(const pugi::xml_node& rpr, std::string_view* rstyle) {
  RunProps p;
  for (pugi::xml_node c = rpr.first_child(); c; c = c.next_sibling()) {
    const std::string_view n = Local(c);
    if (n == "vanish" || n == "specVanish") {
      p.vanish = OnOff(c) ? 1 : 0;
    } else if (n == "color") {
      p.color = Attr(c, "val");
    } else if (n == "sz") {
      p.sz = ToInt(Attr(c, "val"), -1);
    } else if (n == "shd") {
      p.shaded = ShadingVisible(c) ? 1 : 0;
    } else if (n == "highlight") {
      p.shaded = Attr(c, "val") != "none" ? 1 : 0;
    } else if (n == "rStyle" && rstyle != nullptr) {
      *rstyle = Attr(c, "val");
    }
  }
  return p;
}

// Styles, for hidden text only (numbering and headings are DocxNumbering's).
class Styles {
 public:
  // Parses the part in place, keeping it.
  void Load(std::string xml) {
    xml_ = std::move(xml);
    if (!doc_.load_buffer_inplace(xml_.data(), xml_.size(), pugi::parse_default)) return;
    const pugi::xml_node root = doc_.document_element();
    root_ = root;
    if (pugi::xml_node defaults = Child(root, "docDefaults")) {
      if (pugi::xml_node rpr = Child(Child(defaults, "rPrDefault"), "rPr")) {
        defaults_ = ReadRunProps(rpr, nullptr);
      }
    }
    for (pugi::xml_node s : root.children()) {
      if (Local(s) != "style") continue;
      Raw raw;
      raw.based_on = Attr(Child(s, "basedOn"), "val");
      if (pugi::xml_node rpr = Child(s, "rPr")) raw.props = ReadRunProps(rpr, nullptr);
      const std::string_view id = Attr(s, "styleId");
      const std::string_view is_default = Attr(s, "default");
      if (Attr(s, "type") == "paragraph" && (is_default == "1" || is_default == "true")) {
        default_paragraph_ = id;
      }
      raw_.emplace(id, raw);
    }
    for (const auto& [id, raw] : raw_) {
      RunProps p;
      std::vector<const Raw*> chain;
      std::string_view cur = id;
      for (int hop = 0; hop < 32 && !cur.empty(); ++hop) {
        auto it = raw_.find(cur);
        if (it == raw_.end()) break;
        chain.push_back(&it->second);
        cur = it->second.based_on;
      }
      for (auto it = chain.rbegin(); it != chain.rend(); ++it) p.Over((*it)->props);
      resolved_.emplace(id, std::move(p));
    }
  }

  // The parsed part's document element; null if there is none or it is not
  // well-formed.
  const pugi::xml_node& root() const { return root_; }
  const RunProps& defaults() const { return defaults_; }
  std::string_view default_paragraph() const { return default_paragraph_; }
  const RunProps* Find(std::string_view id) const {
    auto it = resolved_.find(id);
    return it == resolved_.end() ? nullptr : &it->second;
  }

 private:
  struct Raw {
    std::string_view based_on;
    RunProps props;
  };
  std::string xml_;  // owns the strings the views point into
  pugi::xml_document doc_;
  pugi::xml_node root_;
  RunProps defaults_;
  std::string_view default_paragraph_;
  std::unordered_map<std::string_view, Raw> raw_;
  std::unordered_map<std::string_view, RunProps> resolved_;
};

// Prefixes whose mc:Choice content we read (drawing shapes, groups, canvas,
// Word 2010+ extensions); anything else takes the mc:Fallback.
bool UnderstoodRequires(std::string_view req) {
  static constexpr std::string_view kKnown[] = {
      "wps", "wpg", "wpc", "wp14", "w14", "w15", "w16", "w16se", "w16cid", "w16cex", "w16sdtdh",
      "a14", "v",   "o",   "w10",  "m",   "wne", "wp",  "a",     "pic",    "mc"};
  bool any = false;
  while (!req.empty()) {
    const size_t sp = req.find(' ');
    const std::string_view p = req.substr(0, sp);
    if (!p.empty()) {
      any = true;
      if (std::find(std::begin(kKnown), std::end(kKnown), p) == std::end(kKnown)) return false;
    }
    if (sp == std::string_view::npos) break;
    req.remove_prefix(sp + 1);
  }
  return any;
}

// The branch of an mc:AlternateContent to read: the first understood
// Choice, else the Fallback. Never both.
pugi::xml_node PickAlternate(const pugi::xml_node& ac) {
  pugi::xml_node fallback;
  for (pugi::xml_node c = ac.first_child(); c; c = c.next_sibling()) {
    const std::string_view n = Local(c);
    if (n == "Choice" && UnderstoodRequires(Attr(c, "Requires"))) return c;
    if (n == "Fallback") fallback = c;
  }
  return fallback;
}

// The HTML part of a MIME (.mht) archive, quoted-printable decoded.
std::string MhtHtml(std::string_view mime) {
  // The part's own header, not the multipart header's type="text/html".
  size_t type = mime.find("Content-Type: text/html");
  if (type == std::string_view::npos) type = mime.find("text/html");
  if (type == std::string_view::npos) return "";
  size_t body = mime.find("\n\n", type);
  size_t crlf = mime.find("\r\n\r\n", type);
  if (crlf != std::string_view::npos && (body == std::string_view::npos || crlf < body)) {
    body = crlf + 4;
  } else if (body != std::string_view::npos) {
    body += 2;
  } else {
    return "";
  }
  const std::string_view headers = mime.substr(type, body - type);
  const bool qp = headers.find("quoted-printable") != std::string_view::npos;
  size_t end = mime.find("\n--", body);
  if (end == std::string_view::npos) end = mime.size();
  const std::string_view part = mime.substr(body, end - body);
  if (!qp) return std::string(part);
  std::string out;
  out.reserve(part.size());
  auto hex = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  };
  for (size_t i = 0; i < part.size(); ++i) {
    if (part[i] != '=') {
      out.push_back(part[i]);
    } else if (i + 1 < part.size() && part[i + 1] == '\n') {
      ++i;
    } else if (i + 2 < part.size() && part[i + 1] == '\r' && part[i + 2] == '\n') {
      i += 2;
    } else if (i + 2 < part.size() && hex(part[i + 1]) >= 0 && hex(part[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(part[i + 1]) * 16 + hex(part[i + 2])));
      i += 2;
    } else {
      out.push_back('=');
    }
  }
  return out;
}

// Legacy 8-bit HTML (windows-1252 and the like) read as Latin-1: never
// invalid UTF-8 in a Block.
std::string Latin1ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) utf8::Append(static_cast<unsigned char>(c), &out);
  return out;
}

struct Anchor {
  int block = -1;
  int offset = 0;  // code points
};

struct CommentInfo {
  std::string author;
  std::string date;
  std::string text;
  bool resolved = false;
};

// The paragraph ids (w14:paraId) of the resolved comments, from Word's
// commentsExtended part: a w15:commentEx with w15:done="1" marks its thread
// resolved, and a reply (w15:paraIdParent) is resolved with its thread.
std::set<std::string> ResolvedCommentParagraphs(std::string_view xml) {
  std::set<std::string> resolved;
  if (xml.empty()) return resolved;
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default)) return resolved;
  std::map<std::string, std::string> parent;
  for (pugi::xml_node c : doc.document_element().children()) {
    if (Local(c) != "commentEx") continue;
    const std::string id(Attr(c, "paraId"));
    if (id.empty()) continue;
    const std::string_view done = Attr(c, "done");
    if (done == "1" || done == "true") resolved.insert(id);
    if (std::string up(Attr(c, "paraIdParent")); !up.empty()) parent[id] = std::move(up);
  }
  for (const auto& [child, up] : parent) {
    if (resolved.count(up)) resolved.insert(child);
  }
  return resolved;
}

// Where blocks of the part being walked go and how they are labelled.
struct Context {
  BlockKind kind = BlockKind::kParagraph;
  int table = -1;
  int row = -1;
  int column = -1;
  bool shaded = false;  // inside a shaded table cell: white text is visible
};

class Parser {
 public:
  Parser(const ZipPackage& zip, Document* doc, std::vector<DocxBlockSource>* sources)
      : zip_(zip), doc_(doc), sources_(sources) {}

  Result<bool> Run();

 private:
  struct Para {
    std::string text;
    std::string aside;        // deleted or hidden text being collected
    std::vector<Mark> marks;  // offsets in bytes until the paragraph ends
    std::vector<std::pair<std::string, std::pair<size_t, bool>>> anchors;  // id, offset, is_start
    std::vector<pugi::xml_node> boxes;  // text boxes, read after the paragraph
    std::vector<DocxCharSource> src;    // per byte of `text`, when sources are wanted
  };
  enum class Sink { kText, kAside, kNone };

  Result<std::string> ReadPart(const std::string& name) {
    const std::string found = zip_.Find(name);
    if (found.empty()) return FormatError("missing part " + name);
    return zip_.Read(found);
  }
  std::string ReadOptional(const std::string& name) {
    if (name.empty()) return "";
    const std::string found = zip_.Find(name);
    if (found.empty()) return "";
    Result<std::string> r = zip_.Read(found);
    if (!r.ok()) {
      if (!error_) error_ = std::make_unique<Error>(r.error());
      return "";
    }
    return std::move(r).value();
  }

  Result<bool> WalkPart(const std::string& part, std::string_view root_child, BlockKind kind);
  void Blocks(const pugi::xml_node& container, const Context& ctx, int depth);
  void Paragraph(const pugi::xml_node& p, const Context& ctx, int depth);
  void Table(const pugi::xml_node& tbl, const Context& ctx, int depth);
  void Inline(const pugi::xml_node& n, Para* para, int depth);
  void TextRun(const pugi::xml_node& r, Para* para, int depth);
  void Emit(std::string_view s, Para* para, const pugi::xml_node& from);
  void AltChunk(const pugi::xml_node& n, const Context& ctx);
  void JoinDeletedParagraphMarks();
  bool TooDeep(int depth) {
    if (depth <= kMaxDepth) return false;
    if (!error_) {
      error_ = std::make_unique<Error>(FormatError(part_ + " is nested too deeply (more than " +
                                                   std::to_string(kMaxDepth) + " levels)"));
    }
    return true;
  }

  const ZipPackage& zip_;
  Document* doc_;
  std::vector<DocxBlockSource>* sources_;  // null unless the caller wants them
  std::unique_ptr<Error> error_;
  std::string part_;
  std::vector<Relationship> part_rels_;
  std::unique_ptr<DocxNumbering> numbering_;
  Styles styles_;
  bool styles_hide_ = false;  // some style sets a hiding property
  RunProps para_props_;       // run properties from the current paragraph's style
  bool cell_shaded_ = false;
  int tables_ = 0;
  // Complex fields: one entry per open field, true once past "separate".
  std::vector<bool> fields_;
  int field_code_depth_ = 0;
  Sink sink_ = Sink::kText;
  // Tracked change being read (for ins/moveTo the span, for del the text).
  std::map<std::string, Anchor> comment_start_, comment_end_, comment_ref_;
  std::map<std::string, int> note_ref_;  // "footnote:ID" -> the block that refers to it
};

void Parser::Emit(std::string_view s, Para* para, const pugi::xml_node& from) {
  if (field_code_depth_ > 0 || sink_ == Sink::kNone) return;
  (sink_ == Sink::kText ? para->text : para->aside).append(s);
  if (sources_ == nullptr || sink_ != Sink::kText) return;
  // Only a w:t's text is split by byte; every other element is one unit.
  const bool text = Local(from) == "t";
  const ptrdiff_t element = from.offset_debug();
  for (size_t i = 0; i < s.size(); ++i) {
    para->src.push_back(DocxCharSource{element, text ? static_cast<uint32_t>(i) : 0});
  }
}

void Parser::TextRun(const pugi::xml_node& r, Para* para, int depth) {
  bool hidden = false;
  if (pugi::xml_node rpr = Child(r, "rPr"); rpr || styles_hide_) {
    std::string_view rstyle;
    RunProps direct = rpr ? ReadRunProps(rpr, &rstyle) : RunProps{};
    RunProps p = para_props_;
    if (!rstyle.empty()) {
      if (const RunProps* s = styles_.Find(rstyle)) p.Over(*s);
    }
    p.Over(direct);
    hidden = p.Hidden(cell_shaded_);
  }
  if (!hidden || sink_ != Sink::kText) {
    Inline(r, para, depth + 1);
    return;
  }
  sink_ = Sink::kAside;
  para->aside.clear();
  Inline(r, para, depth + 1);
  sink_ = Sink::kText;
  if (para->aside.empty()) return;
  const int at = static_cast<int>(para->text.size());
  if (!para->marks.empty() && para->marks.back().kind == MarkKind::kHidden &&
      para->marks.back().start == at) {
    para->marks.back().text.append(para->aside);
  } else {
    para->marks.push_back(Mark{MarkKind::kHidden, at, at, "", "", para->aside});
  }
}

void Parser::Inline(const pugi::xml_node& parent, Para* para, int depth) {
  if (TooDeep(depth)) return;
  for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) continue;
    const std::string_view name = Local(n);
    if (name == "t") {
      Emit(n.child_value(), para, n);
    } else if (name == "r") {
      TextRun(n, para, depth);
    } else if (name == "rPr" || name == "pPr" || name == "sdtPr" || name == "sdtEndPr" ||
               name == "instrText" || name == "delInstrText" || name == "bookmarkStart" ||
               name == "bookmarkEnd" || name == "proofErr" || name == "lastRenderedPageBreak" ||
               name == "rt" || name == "softHyphen" || name == "fldData") {
      continue;
    } else if (name == "tab" || name == "ptab") {
      Emit("\t", para, n);
    } else if (name == "br" || name == "cr") {
      Emit(" ", para, n);
    } else if (name == "noBreakHyphen") {
      Emit("-", para, n);
    } else if (name == "sym") {
      const std::string_view hex = Attr(n, "char");
      char32_t cp = static_cast<char32_t>(std::strtoul(std::string(hex).c_str(), nullptr, 16));
      if (cp != 0 && cp < 0x110000 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        std::string s;
        utf8::Append(cp, &s);
        Emit(s, para, n);
      }
    } else if (name == "delText") {
      if (sink_ == Sink::kAside) Emit(n.child_value(), para, n);
    } else if (name == "fldChar") {
      const std::string_view type = Attr(n, "fldCharType");
      if (type == "begin") {
        fields_.push_back(false);
        ++field_code_depth_;
      } else if (type == "separate") {
        if (!fields_.empty() && !fields_.back()) {
          fields_.back() = true;
          --field_code_depth_;
        }
      } else if (type == "end") {
        if (!fields_.empty()) {
          if (!fields_.back()) --field_code_depth_;
          fields_.pop_back();
        }
      }
    } else if (name == "ins" || name == "moveTo" || name == "del" || name == "moveFrom") {
      const bool removed = name == "del" || name == "moveFrom";
      const MarkKind kind = name == "ins"      ? MarkKind::kInsertion
                            : name == "moveTo" ? MarkKind::kMoveTo
                            : name == "del"    ? MarkKind::kDeletion
                                               : MarkKind::kMoveFrom;
      const int start = static_cast<int>(para->text.size());
      if (removed) {
        if (sink_ != Sink::kText) continue;  // deleted inside hidden: nothing to show
        sink_ = Sink::kAside;
        para->aside.clear();
        Inline(n, para, depth + 1);
        sink_ = Sink::kText;
        // Deletions hold runs directly: Run() sees sink_ kAside and does not
        // treat hidden runs inside separately.
        para->marks.push_back(Mark{kind, start, start, std::string(Attr(n, "author")),
                                   std::string(Attr(n, "date")), para->aside});
      } else {
        const size_t first_mark = para->marks.size();
        Inline(n, para, depth + 1);
        const int end = static_cast<int>(para->text.size());
        if (end > start || para->marks.size() > first_mark) {
          para->marks.push_back(Mark{kind, start, end, std::string(Attr(n, "author")),
                                     std::string(Attr(n, "date")), ""});
        }
      }
    } else if (name == "AlternateContent") {
      if (pugi::xml_node branch = PickAlternate(n)) Inline(branch, para, depth + 1);
    } else if (name == "txbxContent") {
      para->boxes.push_back(n);
    } else if (name == "ruby") {
      if (pugi::xml_node base = Child(n, "rubyBase")) Inline(base, para, depth + 1);
    } else if (name == "footnoteReference" || name == "endnoteReference") {
      // The note's number is not part of the text; where it stands links the
      // note to this block (Block::anchor).
      const std::string prefix = name == "footnoteReference" ? "footnote:" : "endnote:";
      para->anchors.push_back(
          {"note:" + prefix + std::string(Attr(n, "id")), {para->text.size(), true}});
    } else if (name == "commentRangeStart" || name == "commentRangeEnd" ||
               name == "commentReference") {
      const bool start = name == "commentRangeStart";
      std::string id(Attr(n, "id"));
      if (name == "commentReference") id.insert(0, "ref:");
      para->anchors.push_back({std::move(id), {para->text.size(), start}});
    } else if (name == "p") {
      // Only inside text boxes, which are read after the paragraph.
      continue;
    } else {
      // hyperlink, smartTag, fldSimple, sdt, sdtContent, customXml, bdo, dir,
      // drawing, pict, object, ...: the text is in their descendants.
      Inline(n, para, depth + 1);
    }
  }
}

void Parser::Paragraph(const pugi::xml_node& p, const Context& ctx, int depth) {
  std::string_view style;
  int num_id = -1;
  int ilvl = -1;
  int outline = 0;
  bool shaded = ctx.shaded;
  pugi::xml_node para_mark;
  MarkKind para_mark_kind = MarkKind::kInsertion;
  if (pugi::xml_node ppr = Child(p, "pPr")) {
    style = Attr(Child(ppr, "pStyle"), "val");
    if (pugi::xml_node numpr = Child(ppr, "numPr")) {
      num_id = ToInt(Attr(Child(numpr, "numId"), "val"), -1);
      ilvl = ToInt(Attr(Child(numpr, "ilvl"), "val"), -1);
    }
    if (pugi::xml_node ol = Child(ppr, "outlineLvl")) {
      const int v = ToInt(Attr(ol, "val"), 9);
      if (v >= 0 && v < 9) outline = v + 1;
    }
    if (pugi::xml_node shd = Child(ppr, "shd")) shaded = shaded || ShadingVisible(shd);
    // A tracked change of the paragraph mark itself (paragraphs split or
    // joined): kept as an empty mark at the paragraph end, text "\n".
    if (pugi::xml_node rpr = Child(ppr, "rPr")) {
      for (pugi::xml_node c = rpr.first_child(); c; c = c.next_sibling()) {
        const std::string_view n = Local(c);
        if (n == "ins" || n == "del" || n == "moveFrom" || n == "moveTo") {
          para_mark_kind = n == "ins"      ? MarkKind::kInsertion
                           : n == "del"    ? MarkKind::kDeletion
                           : n == "moveTo" ? MarkKind::kMoveTo
                                           : MarkKind::kMoveFrom;
          para_mark = c;
        }
      }
    }
  }
  para_props_ = styles_.defaults();
  const std::string_view para_style = style.empty() ? styles_.default_paragraph() : style;
  if (const RunProps* s = styles_.Find(para_style)) para_props_.Over(*s);
  cell_shaded_ = shaded;

  Para para;
  Inline(p, &para, depth + 1);
  // A field result may run over several paragraphs (a table of contents), a
  // field code does not: a code still open here is a broken field, and
  // keeping it open would swallow the rest of the part.
  while (field_code_depth_ > 0 && !fields_.empty()) {
    if (!fields_.back()) --field_code_depth_;
    fields_.pop_back();
  }
  field_code_depth_ = 0;
  if (para_mark) {
    const int at = static_cast<int>(para.text.size());
    para.marks.push_back(Mark{para_mark_kind, at, at, std::string(Attr(para_mark, "author")),
                              std::string(Attr(para_mark, "date")), "\n"});
  }

  Block block;
  block.kind = ctx.kind;
  if (ctx.kind == BlockKind::kParagraph) {
    int level = numbering_->HeadingLevel(para_style);
    if (outline > 0) level = outline;
    if (level > 0) {
      block.kind = BlockKind::kHeading;
      block.heading_level = level;
    }
  }
  DocxNumbering::ListRef ref;
  if (numbering_->Resolve(num_id, ilvl, style, &ref)) {
    block.label = numbering_->NextLabel(ref);
    if (block.kind == BlockKind::kParagraph) block.kind = BlockKind::kListItem;
  }
  // Spaces and tabs at either end are layout (a tab after a list label, the
  // space after a note mark), not text.
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  size_t lead = 0;
  while (lead < para.text.size() && is_blank(para.text[lead])) ++lead;
  size_t keep = para.text.size();
  while (keep > lead && is_blank(para.text[keep - 1])) --keep;
  if (lead > 0 || keep < para.text.size()) {
    para.text = para.text.substr(lead, keep - lead);
    if (para.src.size() >= keep) {
      para.src = std::vector<DocxCharSource>(para.src.begin() + lead, para.src.begin() + keep);
    }
    const int n = static_cast<int>(para.text.size());
    auto shift = [&](int v) { return std::clamp(v - static_cast<int>(lead), 0, n); };
    for (Mark& m : para.marks) {
      m.start = shift(m.start);
      m.end = shift(m.end);
    }
    for (auto& a : para.anchors) {
      a.second.first = static_cast<size_t>(shift(static_cast<int>(a.second.first)));
    }
  }
  const bool blank = para.text.empty();
  const bool emit = !blank || !para.marks.empty() || !block.label.empty();
  const int index = static_cast<int>(doc_->blocks.size());
  for (auto& [id, at] : para.anchors) {
    Anchor a;
    if (emit) {
      a = Anchor{index, utf8::CodePointOffset(para.text, at.first)};
    } else if (at.second) {
      a = Anchor{index, 0};  // the next block
    } else if (index > 0) {
      a = Anchor{index - 1, utf8::CodePointCount(doc_->blocks[index - 1].text)};
    }
    if (ctx.kind == BlockKind::kComment || a.block < 0) continue;
    if (id.rfind("note:", 0) == 0) {
      note_ref_.emplace(id.substr(5), a.block);
    } else if (id.rfind("ref:", 0) == 0) {
      comment_ref_.emplace(id.substr(4), a);
    } else {
      (at.second ? comment_start_ : comment_end_).emplace(id, a);
    }
  }
  if (emit) {
    for (Mark& m : para.marks) {
      m.start = utf8::CodePointOffset(para.text, static_cast<size_t>(m.start));
      m.end = utf8::CodePointOffset(para.text, static_cast<size_t>(m.end));
    }
    // Insertions close after the hidden or nested marks inside them.
    std::stable_sort(para.marks.begin(), para.marks.end(),
                     [](const Mark& a, const Mark& b) { return a.start < b.start; });
    block.text = std::move(para.text);
    block.marks = std::move(para.marks);
    block.source.part = part_;
    block.source.index = index;
    block.source.table = ctx.table;
    block.source.row = ctx.row;
    block.source.column = ctx.column;
    if (sources_ != nullptr) {
      // One source per code point: the one of its first byte. (Sizes always
      // agree; if they did not, no chars: the annotator falls back to the
      // paragraph.)
      DocxBlockSource src;
      src.paragraphs.push_back(p.offset_debug());
      for (size_t i = 0; i < block.text.size() && para.src.size() == block.text.size(); ++i) {
        if ((static_cast<unsigned char>(block.text[i]) & 0xC0) != 0x80) {
          src.chars.push_back(para.src[i]);
        }
      }
      sources_->resize(doc_->blocks.size());
      sources_->push_back(std::move(src));
    }
    doc_->blocks.push_back(std::move(block));
  }
  // A text box usually has a fill of its own: white text in it is visible.
  Context box_ctx = ctx;
  box_ctx.shaded = true;
  for (const pugi::xml_node& box : para.boxes) Blocks(box, box_ctx, depth + 1);
}

void Parser::Table(const pugi::xml_node& tbl, const Context& outer, int depth) {
  if (TooDeep(depth)) return;
  const int table = tables_++;
  int row = 0;
  // Rows and cells may sit inside content controls or custom XML.
  std::vector<pugi::xml_node> rows;
  auto collect = [&](auto&& self, const pugi::xml_node& parent, std::string_view want,
                     std::vector<pugi::xml_node>* out, int d) -> void {
    if (d > 16) return;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      const std::string_view n = Local(c);
      if (n == want) {
        out->push_back(c);
      } else if (n == "sdt") {
        self(self, Child(c, "sdtContent"), want, out, d + 1);
      } else if (n == "customXml" || n == "ins" || n == "moveTo") {
        self(self, c, want, out, d + 1);
      }
    }
  };
  collect(collect, tbl, "tr", &rows, 0);
  for (const pugi::xml_node& tr : rows) {
    std::vector<pugi::xml_node> cells;
    collect(collect, tr, "tc", &cells, 0);
    int column = 0;
    if (pugi::xml_node trpr = Child(tr, "trPr")) {
      column += ToInt(Attr(Child(trpr, "gridBefore"), "val"), 0);
    }
    for (const pugi::xml_node& tc : cells) {
      int span = 1;
      bool continued = false;
      bool shaded = false;
      if (pugi::xml_node tcpr = Child(tc, "tcPr")) {
        span = std::clamp(ToInt(Attr(Child(tcpr, "gridSpan"), "val"), 1), 1, 1000);
        if (pugi::xml_node vm = Child(tcpr, "vMerge")) {
          const std::string_view v = Attr(vm, "val");
          continued = v.empty() || v == "continue";
        }
        if (pugi::xml_node hm = Child(tcpr, "hMerge")) {
          const std::string_view v = Attr(hm, "val");
          continued = continued || v.empty() || v == "continue";
        }
        if (pugi::xml_node shd = Child(tcpr, "shd")) shaded = ShadingVisible(shd);
      }
      if (!continued) {
        Context ctx;
        ctx.kind = outer.kind == BlockKind::kParagraph ? BlockKind::kTableCell : outer.kind;
        ctx.table = table;
        ctx.row = row;
        ctx.column = column;
        ctx.shaded = shaded;
        Blocks(tc, ctx, depth + 1);
      }
      column += span;
    }
    ++row;
  }
}

// In the accepted view a paragraph whose mark is a pending deletion runs on
// into the next one: the two body blocks become one, the deletion mark stays
// where the break was, and every anchor into the blocks follows the text.
void Parser::JoinDeletedParagraphMarks() {
  std::vector<Block>& blocks = doc_->blocks;
  auto deleted_mark = [](const Block& b) {
    return std::any_of(b.marks.begin(), b.marks.end(), [&](const Mark& m) {
      return m.kind == MarkKind::kDeletion && m.text == "\n" &&
             m.start == utf8::CodePointCount(b.text);
    });
  };
  std::vector<Anchor> moved(blocks.size());  // old index -> new block and offset shift
  std::vector<Block> out;
  out.reserve(blocks.size());
  if (sources_ != nullptr) sources_->resize(blocks.size());
  std::vector<DocxBlockSource> out_sources;
  bool join_next = false;
  for (size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    const bool joinable = b.kind == BlockKind::kParagraph || b.kind == BlockKind::kListItem ||
                          b.kind == BlockKind::kHeading;
    if (join_next && joinable && !out.empty() && out.back().source.part == b.source.part &&
        out.back().source.table < 0 && b.source.table < 0) {
      Block& into = out.back();
      // Block ends are trimmed, so the space that stood at the junction is
      // gone: put one back between words (never between Han characters).
      if (!into.text.empty() && !b.text.empty()) {
        size_t back = into.text.size() - 1;
        while (back > 0 && (static_cast<unsigned char>(into.text[back]) & 0xC0) == 0x80) --back;
        const char32_t last = utf8::Next(into.text, &back);
        size_t pos = 0;
        const char32_t first = utf8::Next(b.text, &pos);
        if (!utf8::IsHan(last) && !utf8::IsHan(first)) {
          into.text.push_back(' ');
          if (sources_ != nullptr) out_sources.back().chars.push_back(DocxCharSource{});
        }
      }
      if (sources_ != nullptr) {
        DocxBlockSource& from = (*sources_)[i];
        DocxBlockSource& to = out_sources.back();
        to.chars.insert(to.chars.end(), from.chars.begin(), from.chars.end());
        to.paragraphs.insert(to.paragraphs.end(), from.paragraphs.begin(), from.paragraphs.end());
      }
      const int shift = utf8::CodePointCount(into.text);
      into.text += b.text;
      for (Mark m : b.marks) {
        m.start += shift;
        m.end += shift;
        into.marks.push_back(std::move(m));
      }
      moved[i] = Anchor{static_cast<int>(out.size()) - 1, shift};
    } else {
      moved[i] = Anchor{static_cast<int>(out.size()), 0};
      out.push_back(std::move(b));
      if (sources_ != nullptr) out_sources.push_back(std::move((*sources_)[i]));
    }
    join_next = joinable && deleted_mark(out.back());
  }
  const bool joined = out.size() != blocks.size();
  blocks = std::move(out);
  if (sources_ != nullptr) *sources_ = std::move(out_sources);
  if (!joined) return;
  for (size_t i = 0; i < blocks.size(); ++i) blocks[i].source.index = static_cast<int>(i);
  auto remap = [&](Anchor* a) {
    if (a->block < 0 || static_cast<size_t>(a->block) >= moved.size()) return;
    const Anchor m = moved[a->block];
    a->block = m.block;
    a->offset += m.offset;
  };
  for (auto* map : {&comment_start_, &comment_end_, &comment_ref_}) {
    for (auto& [id, a] : *map) remap(&a);
  }
  for (auto& [id, block] : note_ref_) {
    if (block >= 0 && static_cast<size_t>(block) < moved.size()) block = moved[block].block;
  }
}

void Parser::AltChunk(const pugi::xml_node& n, const Context& ctx) {
  const std::string_view id = Attr(n, "id");
  for (const Relationship& rel : part_rels_) {
    if (rel.id != id || rel.target.empty()) continue;
    const std::string& t = rel.target;
    const size_t dot = t.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : t.substr(dot + 1);
    const bool mht = IEquals(ext, "mht") || IEquals(ext, "mhtml");
    const bool html = mht || IEquals(ext, "htm") || IEquals(ext, "html") || IEquals(ext, "xhtml");
    const bool text = IEquals(ext, "txt");
    if (!html && !text) {
      doc_->notices.push_back("embedded document " + t +
                              " (w:altChunk) not read: only HTML and plain-text chunks are");
      return;
    }
    std::string content = ReadOptional(t);
    if (mht) content = MhtHtml(content);
    if (!utf8::IsValid(content)) content = Latin1ToUtf8(content);
    // One block per line (text) or per block-level tag (HTML, crudely).
    std::string line;
    auto flush = [&] {
      size_t b = line.find_first_not_of(" \t\r\n");
      if (b != std::string::npos) {
        Block block;
        block.kind = ctx.kind;
        block.text = line.substr(b, line.find_last_not_of(" \t\r\n") + 1 - b);
        block.source.part = t;
        block.source.index = static_cast<int>(doc_->blocks.size());
        doc_->blocks.push_back(std::move(block));
      }
      line.clear();
    };
    for (size_t i = 0; i < content.size(); ++i) {
      const char c = content[i];
      if (html && c == '<') {
        const size_t close = content.find('>', i);
        if (close == std::string::npos) break;
        std::string_view tag = std::string_view(content).substr(i + 1, close - i - 1);
        if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
        const std::string_view tname = tag.substr(0, tag.find_first_of(" \t\r\n/"));
        for (std::string_view b : {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                                   "td", "th", "title"}) {
          if (IEquals(tname, b)) flush();
        }
        if (IEquals(tname, "script") || IEquals(tname, "style")) {
          const size_t end = content.find("</", close);
          i = end == std::string::npos ? content.size() : end - 1;
          continue;
        }
        i = close;
      } else if (c == '\n' || c == '\r') {
        if (text) {
          flush();
        } else if (!line.empty() && line.back() != ' ') {
          line.push_back(' ');  // HTML collapses white space
        }
      } else if (html && c == '&') {
        const size_t semi = content.find(';', i);
        const std::string_view ent =
            semi == std::string::npos ? "" : std::string_view(content).substr(i, semi - i + 1);
        if (ent == "&amp;")
          line += '&';
        else if (ent == "&lt;")
          line += '<';
        else if (ent == "&gt;")
          line += '>';
        else if (ent == "&quot;")
          line += '"';
        else if (ent == "&nbsp;")
          line += ' ';
        else if (ent == "&#39;" || ent == "&apos;")
          line += '\'';
        else {
          line += '&';
          continue;
        }
        i = semi;
      } else if (html && (c == ' ' || c == '\t')) {
        if (!line.empty() && line.back() != ' ') line.push_back(' ');
      } else {
        line.push_back(c);
      }
    }
    flush();
    return;
  }
}

void Parser::Blocks(const pugi::xml_node& container, const Context& ctx, int depth) {
  if (TooDeep(depth)) return;
  for (pugi::xml_node n = container.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) continue;
    const std::string_view name = Local(n);
    if (name == "p") {
      Paragraph(n, ctx, depth + 1);
    } else if (name == "tbl") {
      Table(n, ctx, depth + 1);
    } else if (name == "sdt") {
      if (pugi::xml_node content = Child(n, "sdtContent")) Blocks(content, ctx, depth + 1);
    } else if (name == "customXml" || name == "ins" || name == "moveTo" || name == "smartTag") {
      Blocks(n, ctx, depth + 1);
    } else if (name == "AlternateContent") {
      if (pugi::xml_node branch = PickAlternate(n)) Blocks(branch, ctx, depth + 1);
    } else if (name == "altChunk") {
      AltChunk(n, ctx);
    }
    // sectPr, bookmarks, del/moveFrom of whole blocks (the accepted view
    // drops them), tcPr, ...: no reader text.
  }
}

Result<bool> Parser::WalkPart(const std::string& part, std::string_view item, BlockKind kind) {
  Result<std::string> xml = ReadPart(part);
  if (!xml.ok()) return xml.error();
  pugi::xml_document dom;
  Result<bool> parsed = ParseXml(&xml.value(), part, &dom);
  if (!parsed.ok()) return parsed;
  part_ = part;
  part_rels_.clear();
  if (const std::string rels = ReadOptional(RelsPartOf(part)); !rels.empty()) {
    part_rels_ = ParseRels(rels, part);
  }
  fields_.clear();
  field_code_depth_ = 0;
  Context ctx;
  ctx.kind = kind;
  const pugi::xml_node root = dom.document_element();
  if (item.empty()) {
    // Some writers emit several w:body elements; Word reads them all.
    bool any_body = false;
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      if (Local(n) != "body") continue;
      any_body = true;
      Blocks(n, ctx, 1);
    }
    if (!any_body) Blocks(root, ctx, 1);
  } else {
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      if (Local(n) != item) continue;
      const std::string_view type = Attr(n, "type");
      if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") {
        continue;
      }
      const size_t first = doc_->blocks.size();
      Blocks(n, ctx, 2);
      auto ref = note_ref_.find(std::string(item) + ":" + std::string(Attr(n, "id")));
      if (ref != note_ref_.end()) {
        for (size_t b = first; b < doc_->blocks.size(); ++b) doc_->blocks[b].anchor = ref->second;
      }
    }
  }
  if (error_) return *error_;
  return true;
}

Result<bool> Parser::Run() {
  // The main part, by the package relationships.
  std::string main;
  if (std::string root = ReadOptional(zip_.Find("_rels/.rels")); !root.empty()) {
    for (const Relationship& rel : ParseRels(root, "")) {
      if (rel.type == "officeDocument" && !rel.target.empty()) {
        main = rel.target;
        break;
      }
    }
  }
  if (error_) return *error_;
  if (main.empty()) return FormatError("zip file is not a Word or OpenDocument document");
  if (zip_.Find(main).empty()) return FormatError("main document part " + main + " is missing");

  std::vector<Relationship> rels;
  if (std::string xml = ReadOptional(RelsPartOf(main)); !xml.empty()) rels = ParseRels(xml, main);
  auto target = [&](std::string_view type) -> std::string {
    for (const Relationship& r : rels) {
      if (r.type == type && !r.target.empty() && !zip_.Find(r.target).empty()) return r.target;
    }
    return "";
  };
  std::string styles_xml = ReadOptional(target("styles"));
  const std::string numbering_xml = ReadOptional(target("numbering"));
  if (error_) return *error_;
  // Before the part is parsed in place, and without its latent styles,
  // which format no text.
  CutLatentStyles(&styles_xml);
  styles_hide_ = styles_xml.find("vanish") != std::string::npos ||
                 styles_xml.find("FFFFFF") != std::string::npos ||
                 styles_xml.find("ffffff") != std::string::npos ||
                 styles_xml.find("sz w:val=\"1\"") != std::string::npos ||
                 styles_xml.find("sz w:val=\"2\"") != std::string::npos;
  // One parse of styles.xml for both readers.
  styles_.Load(std::move(styles_xml));
  numbering_ = std::make_unique<DocxNumbering>(DocxNumbering::Load(numbering_xml, styles_.root()));

  Result<bool> body = WalkPart(main, "", BlockKind::kParagraph);
  if (!body.ok()) return body;
  JoinDeletedParagraphMarks();

  std::vector<std::string> seen;
  for (const char* type : {"header", "footer"}) {
    for (const Relationship& r : rels) {
      if (r.type != type || r.target.empty() || zip_.Find(r.target).empty()) continue;
      if (std::find(seen.begin(), seen.end(), r.target) != seen.end()) continue;
      seen.push_back(r.target);
      Result<bool> ok =
          WalkPart(r.target, "", r.type == "header" ? BlockKind::kHeader : BlockKind::kFooter);
      if (!ok.ok()) return ok;
    }
  }
  if (std::string t = target("footnotes"); !t.empty()) {
    Result<bool> ok = WalkPart(t, "footnote", BlockKind::kFootnote);
    if (!ok.ok()) return ok;
  }
  if (std::string t = target("endnotes"); !t.empty()) {
    Result<bool> ok = WalkPart(t, "endnote", BlockKind::kEndnote);
    if (!ok.ok()) return ok;
  }

  // Comments: one block each (its paragraphs joined by a space), and a
  // kComment mark over the anchored range of the body blocks.
  const std::string comments_part = target("comments");
  if (comments_part.empty()) return true;
  Result<std::string> xml = ReadPart(comments_part);
  if (!xml.ok()) return xml.error();
  pugi::xml_document dom;
  Result<bool> parsed = ParseXml(&xml.value(), comments_part, &dom);
  if (!parsed.ok()) return parsed;
  const std::set<std::string> resolved =
      ResolvedCommentParagraphs(ReadOptional(target("commentsExtended")));
  if (error_) return *error_;
  const size_t body_blocks = doc_->blocks.size();
  part_ = comments_part;
  Context ctx;
  ctx.kind = BlockKind::kComment;
  for (pugi::xml_node c : dom.document_element().children()) {
    if (Local(c) != "comment") continue;
    const size_t first = doc_->blocks.size();
    Blocks(c, ctx, 2);
    if (error_) return *error_;
    CommentInfo info{std::string(Attr(c, "author")), std::string(Attr(c, "date")), ""};
    // Word records a comment's state against the id of its last paragraph.
    std::string_view last_para;
    for (pugi::xml_node p : c.children()) {
      if (Local(p) == "p") last_para = Attr(p, "paraId");
    }
    info.resolved = !last_para.empty() && resolved.count(std::string(last_para)) > 0;
    for (size_t i = first; i < doc_->blocks.size(); ++i) {
      if (!info.text.empty()) info.text.push_back(' ');
      info.text.append(doc_->blocks[i].text);
    }
    doc_->blocks.resize(first);
    if (sources_ != nullptr && sources_->size() > first) sources_->resize(first);
    Block block;
    block.kind = BlockKind::kComment;
    block.text = info.text;
    block.source.part = comments_part;
    block.source.index = static_cast<int>(first);
    doc_->blocks.push_back(std::move(block));
    Block& comment_block = doc_->blocks.back();

    const std::string id(Attr(c, "id"));
    auto s = comment_start_.find(id);
    auto e = comment_end_.find(id);
    Anchor start, end;
    if (s != comment_start_.end() && e != comment_end_.end()) {
      start = s->second;
      end = e->second;
    } else if (auto r = comment_ref_.find(id); r != comment_ref_.end()) {
      start = end = r->second;
    } else {
      continue;
    }
    if (end.block < start.block || static_cast<size_t>(end.block) >= body_blocks) continue;
    comment_block.anchor = start.block;
    for (int b = start.block; b <= end.block; ++b) {
      Block& target_block = doc_->blocks[b];
      const int from = b == start.block ? start.offset : 0;
      const int to = b == end.block ? end.offset : utf8::CodePointCount(target_block.text);
      if (to < from) continue;
      target_block.marks.push_back(
          Mark{MarkKind::kComment, from, to, info.author, info.date, info.text, info.resolved});
    }
  }
  return true;
}

}  // namespace

Result<Document> ParseDocx(const ZipPackage& package, std::string_view path,
                           std::vector<DocxBlockSource>* sources) {
  Document doc;
  doc.path = std::string(path);
  doc.format = Format::kDocx;
  doc.encoding = "UTF-8";
  if (sources != nullptr) sources->clear();
  Parser parser(package, &doc, sources);
  Result<bool> ok = parser.Run();
  if (!ok.ok()) return ok.error();
  if (doc.blocks.empty()) return Error{ErrorCode::kEmpty, "no text", ""};
  if (sources != nullptr) sources->resize(doc.blocks.size());
  return doc;
}

Result<Document> ParseDocx(const ZipPackage& package, std::string_view path) {
  return ParseDocx(package, path, nullptr);
}

bool CutLatentStyles(std::string* styles_xml) {
  std::string& xml = *styles_xml;
  constexpr std::string_view kName = "latentStyles";
  const size_t name = xml.find(kName);
  if (name == std::string::npos) return false;
  // The start tag: '<', a prefix (a name and ':') or none, the name, then
  // white space, '>' or "/>".
  size_t open = name;
  if (open > 0 && xml[open - 1] == ':') {
    --open;
    while (open > 0 && (std::isalnum(static_cast<unsigned char>(xml[open - 1])) ||
                        xml[open - 1] == '_' || xml[open - 1] == '-' || xml[open - 1] == '.')) {
      --open;
    }
  }
  if (open == 0 || xml[open - 1] != '<') return false;
  --open;
  const size_t after = name + kName.size();
  if (after >= xml.size() || !(xml[after] == '>' || xml[after] == '/' || xml[after] == ' ' ||
                               xml[after] == '\t' || xml[after] == '\r' || xml[after] == '\n')) {
    return false;
  }
  // The start tag's end: its first '>' outside a quoted attribute value.
  // A self-closing element is left (it is short).
  char quote = 0;
  size_t tag_end = after;
  for (; tag_end < xml.size(); ++tag_end) {
    const char c = xml[tag_end];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    }
  }
  if (tag_end >= xml.size() || xml[tag_end - 1] == '/') return false;
  const std::string close = "</" + xml.substr(open + 1, after - open - 1) + ">";
  const size_t end = xml.find(close, tag_end);
  if (end == std::string::npos) return false;  // not closed as expected
  // One pass over the markup from the start (after the XML declaration) to
  // the end tag: no comment, CDATA section or processing instruction, which
  // could hold either tag in what is not markup, and no other start tag of
  // the name inside, whose end tag would be the one found.
  size_t from = 0;
  if (const size_t decl = xml.find("<?xml"); decl <= 3) {
    from = xml.find("?>", decl);
    if (from == std::string::npos || from > open) return false;
  }
  const std::string_view start_tag(xml.data() + open, after - open);  // "<w:latentStyles"
  for (size_t lt = xml.find('<', from); lt < end; lt = xml.find('<', lt + 1)) {
    const char next = xml[lt + 1];  // lt < end: the end tag's '/' at most
    if (next == '!' || next == '?') return false;
    if (lt > open && xml.compare(lt, start_tag.size(), start_tag) == 0) return false;
  }
  xml.erase(open, end + close.size() - open);
  return true;
}

Result<DocxParts> FindDocxParts(const ZipPackage& package) {
  DocxParts parts;
  const std::string root_rels = package.Find("_rels/.rels");
  Result<std::string> root =
      root_rels.empty() ? Result<std::string>(std::string()) : package.Read(root_rels);
  if (!root.ok()) return root.error();
  for (const Relationship& rel : ParseRels(root.value(), "")) {
    if (rel.type == "officeDocument" && !rel.target.empty()) {
      parts.main = package.Find(rel.target);
      break;
    }
  }
  if (parts.main.empty()) return FormatError("zip file is not a Word document");
  parts.main_rels = RelsPartOf(parts.main);
  const std::string stored_rels = package.Find(parts.main_rels);
  if (stored_rels.empty()) return parts;
  parts.main_rels = stored_rels;
  Result<std::string> rels = package.Read(stored_rels);
  if (!rels.ok()) return rels.error();
  for (const Relationship& rel : ParseRels(rels.value(), parts.main)) {
    std::string* slot = rel.type == "comments" ? &parts.comments
                        : rel.type == "styles" ? &parts.styles
                                               : nullptr;
    if (slot == nullptr || !slot->empty() || rel.target.empty()) continue;
    const std::string stored = package.Find(rel.target);
    *slot = stored.empty() ? rel.target : stored;
  }
  return parts;
}

}  // namespace clausecheck::parsers
