#include "reports/docx_annotate.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/utf8.h"
#include "parsers/docx.h"
#include "parsers/parse.h"
#include "parsers/xml_names.h"
#include "parsers/zip.h"
#include "reports/zip_writer.h"

// How a span becomes a comment range. The parser says, for every code point
// of a block, which element it came from (a w:t and the byte in its text, or
// a w:tab, w:br, w:sym...). A span's first and last code points give two cuts;
// a cut inside a w:t splits the w:t, a cut between two children of a run
// splits the run (the new run gets a copy of the run's properties), so that
// commentRangeStart and commentRangeEnd stand between runs, as Word writes
// them. The reference run goes after the commentRangeEnd, lifted out of any
// hyperlink, content control or tracked insertion to the paragraph's level.
//
// Every XML part edited is parsed once and written back once; all text splits
// happen before any marker is placed, so the element offsets the parser gave
// keep naming the right elements.

namespace clausecheck::reports {
namespace {

constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_ws_pcdata |
                                 pugi::parse_declaration | pugi::parse_comments | pugi::parse_pi |
                                 pugi::parse_doctype;

constexpr const char* kCommentsContentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
constexpr const char* kStrictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr const char* kRelsNamespace =
    "http://schemas.openxmlformats.org/package/2006/relationships";

Error FormatError(std::string message) { return Error{ErrorCode::kFormat, std::move(message), ""}; }

std::string_view Local(const char* name) { return parsers::LocalPart(name); }
std::string_view Prefix(const char* name) {
  const char* colon = std::strchr(name, ':');
  return colon ? std::string_view(name, colon - name) : std::string_view();
}

// Qualified names in one part's own prefix for its main namespace.
class Names {
 public:
  explicit Names(const pugi::xml_node& root) : prefix_(Prefix(root.name())) {
    if (!prefix_.empty()) prefix_ += ':';
  }
  std::string operator()(std::string_view local) const { return prefix_ + std::string(local); }
  bool Is(const pugi::xml_node& n, std::string_view local) const {
    const std::string_view name = n.name();
    return n.type() == pugi::node_element && name.size() == prefix_.size() + local.size() &&
           name.substr(0, prefix_.size()) == prefix_ && name.substr(prefix_.size()) == local;
  }

 private:
  std::string prefix_;
};

// The namespace URI bound to the root element's own prefix.
std::string RootNamespace(const pugi::xml_node& root) {
  const std::string_view prefix = Prefix(root.name());
  const std::string attr = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  return root.attribute(attr.c_str()).value();
}

Result<bool> LoadXml(const std::string& xml, const std::string& part, pugi::xml_document* doc) {
  const pugi::xml_parse_result r =
      doc->load_buffer(xml.data(), xml.size(), kParseFlags, pugi::encoding_auto);
  if (!r || !doc->document_element()) {
    return FormatError(part + " is not well-formed XML: " + r.description() + " at offset " +
                       std::to_string(r.offset));
  }
  return true;
}

std::string SaveXml(pugi::xml_document* doc) {
  // Written back as UTF-8, whatever the part was read as.
  for (pugi::xml_node n = doc->first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_declaration) continue;
    if (pugi::xml_attribute enc = n.attribute("encoding")) enc.set_value("UTF-8");
  }
  std::ostringstream out;
  doc->save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

// Every element, by its offset in the part as parsed (what the parser's
// DocxCharSource names).
std::unordered_map<ptrdiff_t, pugi::xml_node> IndexElements(const pugi::xml_document& doc) {
  std::unordered_map<ptrdiff_t, pugi::xml_node> index;
  pugi::xml_node n = doc.first_child();
  while (n) {
    if (n.type() == pugi::node_element) index.emplace(n.offset_debug(), n);
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling()) n = n.parent();
    if (n) n = n.next_sibling();
  }
  return index;
}

// Characters XML 1.0 cannot carry, and line breaks, become spaces.
std::string XmlSafe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    out.push_back(u < 0x20 ? ' ' : c);
  }
  return out;
}

int ParseId(const char* s) {
  char* end = nullptr;
  const long v = std::strtol(s, &end, 10);
  if (end == s || *end != '\0' || v < 0 || v > 1000000000) return -1;
  return static_cast<int>(v);
}

// A boundary in the run content: before byte `byte` of a w:t's text, or for
// any other element before (0) or after (1) it.
struct Cut {
  pugi::xml_node element;
  uint32_t byte = 0;
};

struct Plan {
  DocxAnchor anchor = DocxAnchor::kDocument;
  Cut start, end;                  // kSpan
  pugi::xml_node first_p, last_p;  // kParagraph, kDocument
};

class Annotator {
 public:
  Annotator(const Review& review, const DocxAnnotateOptions& options)
      : review_(review), options_(options) {}

  Result<DocxAnnotation> Run(std::string_view original);

 private:
  Result<std::vector<Plan>> PlanAll();
  bool PlanSpan(const Location& loc, Plan* plan) const;
  bool PlanParagraph(int block, Plan* plan) const;
  bool UsableBlock(int block) const;
  void SplitTexts(const std::vector<Plan>& plans);
  pugi::xml_node Place(const Cut& cut, const char* name);
  pugi::xml_node InsertAfter(pugi::xml_node parent, pugi::xml_node after, const char* name);
  void ReferenceRun(pugi::xml_node end_marker, int id);
  void Apply(const Plan& plan, int id);
  Result<std::string> CommentsXml(const std::string& existing, int first_id);
  int MaxCommentId(const std::string& comments_xml) const;
  Result<bool> NewParts(const parsers::ZipPackage& copy, const std::string& comments_xml,
                        bool have_comments, int first_id,
                        std::unordered_map<std::string, std::string>* replaced,
                        std::vector<ZipPart>* added);

  const Review& review_;
  const DocxAnnotateOptions& options_;
  parsers::DocxParts parts_;
  Document parsed_;
  std::vector<parsers::DocxBlockSource> sources_;
  pugi::xml_document main_;
  std::unique_ptr<Names> w_;
  std::unordered_map<ptrdiff_t, pugi::xml_node> index_;
  // Fragments of each w:t split: (first byte in the original text, node).
  std::unordered_map<pugi::xml_node_struct*, std::vector<std::pair<uint32_t, pugi::xml_node>>>
      fragments_;
  std::unordered_set<pugi::xml_node_struct*> inserted_;  // our markers and reference runs
  bool comment_styles_ = false;  // styles.xml defines CommentText and CommentReference
  int next_revision_id_ = 0;     // above every numeric w:id of the main part
};

bool IsSourced(const parsers::DocxCharSource& c) { return c.element >= 0; }

bool Annotator::UsableBlock(int block) const {
  if (block < 0 || static_cast<size_t>(block) >= parsed_.blocks.size() ||
      static_cast<size_t>(block) >= review_.document.blocks.size()) {
    return false;
  }
  const Block& b = parsed_.blocks[block];
  return ascii::EqualsIgnoreCase(b.source.part, parts_.main) &&
         b.text == review_.document.blocks[block].text && !sources_[block].paragraphs.empty();
}

bool Annotator::PlanParagraph(int block, Plan* plan) const {
  if (!UsableBlock(block)) return false;
  const auto& paragraphs = sources_[block].paragraphs;
  auto first = index_.find(paragraphs.front());
  auto last = index_.find(paragraphs.back());
  if (first == index_.end() || last == index_.end() || !w_->Is(first->second, "p") ||
      !w_->Is(last->second, "p")) {
    return false;
  }
  plan->first_p = first->second;
  plan->last_p = last->second;
  return true;
}

bool Annotator::PlanSpan(const Location& loc, Plan* plan) const {
  if (!ascii::EqualsIgnoreCase(loc.part, parts_.main) || !UsableBlock(loc.block)) return false;
  const std::string& text = parsed_.blocks[loc.block].text;
  const auto& chars = sources_[loc.block].chars;
  const int n = static_cast<int>(chars.size());
  if (n != utf8::CodePointCount(text)) return false;
  std::vector<size_t> at(n + 1, text.size());  // byte offset of each code point
  for (size_t pos = 0, i = 0; pos < text.size() && static_cast<int>(i) < n; ++i) {
    at[i] = pos;
    utf8::Next(text, &pos);
  }
  const int s = std::clamp(loc.start, 0, n);
  const int e = std::clamp(loc.end, s, n);

  // A cut before (after = false) or after code point i, checked against the
  // element's own text.
  auto cut = [&](int i, bool after, Cut* out) {
    auto it = index_.find(chars[i].element);
    if (it == index_.end()) return false;
    const pugi::xml_node el = it->second;
    if (!w_->Is(el.parent(), "r")) return false;
    // The run must sit in a paragraph, where the reference run can go.
    pugi::xml_node up = el.parent();
    while (up && !w_->Is(up, "p")) up = up.parent();
    if (!up) return false;
    out->element = el;
    if (w_->Is(el, "t")) {
      const std::string_view value = el.child_value();
      const size_t len = at[i + 1] - at[i];
      if (chars[i].byte + len > value.size() ||
          value.substr(chars[i].byte, len) != std::string_view(text).substr(at[i], len)) {
        return false;
      }
      out->byte = chars[i].byte + (after ? static_cast<uint32_t>(len) : 0);
    } else {
      out->byte = after ? 1 : 0;
    }
    return true;
  };

  if (s == e) {  // an empty span: a point, before s or after s-1
    bool ok = false;
    if (s < n && IsSourced(chars[s])) {
      ok = cut(s, false, &plan->start);
    } else if (s > 0 && IsSourced(chars[s - 1])) {
      ok = cut(s - 1, true, &plan->start);
    }
    plan->end = plan->start;
    return ok;
  }
  int i = s;
  while (i < e && !IsSourced(chars[i])) ++i;
  int j = e - 1;
  while (j >= i && !IsSourced(chars[j])) --j;
  if (i >= e || j < i) return false;
  return cut(i, false, &plan->start) && cut(j, true, &plan->end);
}

// Splits every w:t at the cuts that fall inside its text.
void Annotator::SplitTexts(const std::vector<Plan>& plans) {
  std::unordered_map<pugi::xml_node_struct*, std::set<uint32_t>> inner;
  for (const Plan& p : plans) {
    if (p.anchor != DocxAnchor::kSpan) continue;
    for (const Cut* c : {&p.start, &p.end}) {
      if (!w_->Is(c->element, "t")) continue;
      const size_t len = std::strlen(c->element.child_value());
      if (c->byte > 0 && c->byte < len) inner[c->element.internal_object()].insert(c->byte);
    }
  }
  for (auto& [raw, bytes] : inner) {
    pugi::xml_node t(raw);
    pugi::xml_node value;
    for (pugi::xml_node c = t.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        value = c;
        break;
      }
    }
    const std::string text = value.value();
    auto& frags = fragments_[raw];
    frags.emplace_back(0, t);
    std::vector<uint32_t> cuts(bytes.begin(), bytes.end());
    cuts.push_back(static_cast<uint32_t>(text.size()));
    value.set_value(text.substr(0, cuts[0]).c_str());
    pugi::xml_node prev = t;
    for (size_t k = 0; k + 1 < cuts.size(); ++k) {
      pugi::xml_node frag = t.parent().insert_child_after(t.name(), prev);
      frag.append_attribute("xml:space") = "preserve";
      frag.append_child(pugi::node_pcdata)
          .set_value(text.substr(cuts[k], cuts[k + 1] - cuts[k]).c_str());
      frags.emplace_back(cuts[k], frag);
      prev = frag;
    }
    if (!t.attribute("xml:space")) t.append_attribute("xml:space") = "preserve";
  }
}

// Inserts element `name` after `after` (or first, when null) in `parent`,
// past the markers already placed there, so that markers at one position
// keep the order they were placed in.
pugi::xml_node Annotator::InsertAfter(pugi::xml_node parent, pugi::xml_node after,
                                      const char* name) {
  pugi::xml_node next = after ? after.next_sibling() : parent.first_child();
  while (next && inserted_.count(next.internal_object()) > 0) {
    after = next;
    next = next.next_sibling();
  }
  pugi::xml_node n = after ? parent.insert_child_after(name, after) : parent.prepend_child(name);
  inserted_.insert(n.internal_object());
  return n;
}

bool IsRunProperties(const pugi::xml_node& n) { return Local(n.name()) == "rPr"; }

// Places element `name` at a cut, splitting the run when the cut is between
// two of its children.
pugi::xml_node Annotator::Place(const Cut& cut, const char* name) {
  pugi::xml_node x = cut.element;
  bool after = cut.byte > 0;
  if (w_->Is(x, "t")) {
    auto it = fragments_.find(x.internal_object());
    if (it == fragments_.end()) {
      // Unsplit: the cut is at either end of the text.
      after = cut.byte > 0 && cut.byte >= std::strlen(x.child_value());
    } else if (cut.byte > 0) {
      // Interior cuts begin a fragment; any other is the end of the text.
      after = true;
      x = it->second.back().second;
      for (const auto& [from, frag] : it->second) {
        if (from == cut.byte) {
          x = frag;
          after = false;
        }
      }
    }
  }
  pugi::xml_node run = x.parent();
  // The first child that goes to the right of the cut; none: the cut is at
  // the run's end.
  pugi::xml_node right = after ? x.next_sibling() : x;
  while (right && right.type() != pugi::node_element) right = right.next_sibling();
  bool content_before = false;
  for (pugi::xml_node c = right ? right.previous_sibling() : run.last_child(); c;
       c = c.previous_sibling()) {
    if (c.type() == pugi::node_element && !IsRunProperties(c)) content_before = true;
  }
  if (!right) return InsertAfter(run.parent(), run, name);
  if (!content_before) {
    pugi::xml_node n = run.parent().insert_child_before(name, run);
    inserted_.insert(n.internal_object());
    return n;
  }
  // Split: the new run takes the run's attributes and properties and every
  // child from `right` on.
  pugi::xml_node second = run.parent().insert_child_after(run.name(), run);
  for (pugi::xml_attribute a = run.first_attribute(); a; a = a.next_attribute()) {
    second.append_copy(a);
  }
  for (pugi::xml_node c = run.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && IsRunProperties(c)) {
      // A tracked formatting change (w:rPrChange) in the copy gets an id of
      // its own: revision ids are unique in a document.
      pugi::xml_node props = second.append_copy(c);
      for (pugi::xml_node d = props.first_child(); d; d = d.next_sibling()) {
        for (pugi::xml_attribute a = d.first_attribute(); a; a = a.next_attribute()) {
          if (Local(a.name()) == "id") a.set_value(next_revision_id_++);
        }
      }
      break;
    }
  }
  for (pugi::xml_node c = right; c;) {
    pugi::xml_node next = c.next_sibling();
    second.append_move(c);
    c = next;
  }
  pugi::xml_node n = run.parent().insert_child_before(name, second);
  inserted_.insert(n.internal_object());
  return n;
}

pugi::xml_node SetId(pugi::xml_node n, const Names& w, int id) {
  n.append_attribute(w("id").c_str()) = id;
  return n;
}

void Annotator::ReferenceRun(pugi::xml_node end_marker, int id) {
  const Names& w = *w_;
  pugi::xml_node at = end_marker;
  while (at.parent() && !w.Is(at.parent(), "p")) at = at.parent();
  if (!at.parent()) return;
  pugi::xml_node run = InsertAfter(at.parent(), at, w("r").c_str());
  if (comment_styles_) {
    run.append_child(w("rPr").c_str())
        .append_child(w("rStyle").c_str())
        .append_attribute(w("val").c_str()) = "CommentReference";
  }
  SetId(run.append_child(w("commentReference").c_str()), w, id);
}

void Annotator::Apply(const Plan& plan, int id) {
  const Names& w = *w_;
  const std::string start = w("commentRangeStart");
  const std::string end = w("commentRangeEnd");
  if (plan.anchor == DocxAnchor::kSpan) {
    SetId(Place(plan.start, start.c_str()), w, id);
    pugi::xml_node e = SetId(Place(plan.end, end.c_str()), w, id);
    ReferenceRun(e, id);
    return;
  }
  // The whole paragraph: after its properties, and at its very end.
  SetId(InsertAfter(plan.first_p, plan.first_p.child(w("pPr").c_str()), start.c_str()), w, id);
  pugi::xml_node last = plan.last_p;
  pugi::xml_node e = last.append_child(end.c_str());
  inserted_.insert(e.internal_object());
  SetId(e, w, id);
  ReferenceRun(e, id);
}

int Annotator::MaxCommentId(const std::string& comments_xml) const {
  int max = -1;
  auto id_of = [](const pugi::xml_node& n) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      if (Local(a.name()) == "id") return ParseId(a.value());
    }
    return -1;
  };
  for (const auto& [offset, n] : index_) {
    const std::string_view name = Local(n.name());
    if (name == "commentRangeStart" || name == "commentRangeEnd" || name == "commentReference") {
      max = std::max(max, id_of(n));
    }
  }
  pugi::xml_document comments;
  if (!comments_xml.empty() &&
      comments.load_buffer(comments_xml.data(), comments_xml.size(), kParseFlags)) {
    for (pugi::xml_node c : comments.document_element().children()) {
      if (Local(c.name()) == "comment") max = std::max(max, id_of(c));
    }
  }
  return max;
}

Result<std::string> Annotator::CommentsXml(const std::string& existing, int first_id) {
  pugi::xml_document doc;
  if (existing.empty()) {
    const std::string prefix(Prefix(main_.document_element().name()));
    const std::string ns = RootNamespace(main_.document_element());
    const std::string root = prefix.empty() ? "comments" : prefix + ":comments";
    const std::string xmlns = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    doc.append_child(root.c_str()).append_attribute(xmlns.c_str()) = ns.c_str();
  } else {
    Result<bool> ok = LoadXml(existing, parts_.comments, &doc);
    if (!ok.ok()) return ok.error();
  }
  pugi::xml_node root = doc.document_element();
  const Names w(root);
  int id = first_id;
  for (const Finding& f : review_.findings) {
    pugi::xml_node c = root.append_child(w("comment").c_str());
    c.append_attribute(w("id").c_str()) = id++;
    c.append_attribute(w("author").c_str()) = XmlSafe(options_.author).c_str();
    if (!options_.date.empty()) c.append_attribute(w("date").c_str()) = options_.date.c_str();
    c.append_attribute(w("initials").c_str()) = XmlSafe(options_.initials).c_str();
    bool first = true;
    for (const std::string& text : DocxCommentParagraphs(f, options_)) {
      pugi::xml_node p = c.append_child(w("p").c_str());
      if (comment_styles_) {
        p.append_child(w("pPr").c_str())
            .append_child(w("pStyle").c_str())
            .append_attribute(w("val").c_str()) = "CommentText";
      }
      if (first) {
        pugi::xml_node r = p.append_child(w("r").c_str());
        if (comment_styles_) {
          r.append_child(w("rPr").c_str())
              .append_child(w("rStyle").c_str())
              .append_attribute(w("val").c_str()) = "CommentReference";
        }
        r.append_child(w("annotationRef").c_str());
        first = false;
      }
      pugi::xml_node t = p.append_child(w("r").c_str()).append_child(w("t").c_str());
      t.append_attribute("xml:space") = "preserve";
      t.append_child(pugi::node_pcdata).set_value(XmlSafe(text).c_str());
    }
  }
  return SaveXml(&doc);
}

// The folder of a part name, with its slash ("word/"), or "".
std::string Folder(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

Result<std::string> AddRelationship(const std::string& existing, const std::string& part,
                                    const std::string& type, const std::string& target) {
  pugi::xml_document doc;
  if (existing.empty()) {
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    doc.append_child("Relationships").append_attribute("xmlns") = kRelsNamespace;
  } else {
    Result<bool> ok = LoadXml(existing, part, &doc);
    if (!ok.ok()) return ok.error();
  }
  pugi::xml_node root = doc.document_element();
  const Names names(root);
  std::set<std::string> ids;
  for (pugi::xml_node r : root.children()) ids.insert(r.attribute("Id").value());
  int k = static_cast<int>(ids.size()) + 1;
  while (ids.count("rId" + std::to_string(k)) > 0) ++k;
  pugi::xml_node rel = root.append_child(names("Relationship").c_str());
  rel.append_attribute("Id") = ("rId" + std::to_string(k)).c_str();
  rel.append_attribute("Type") = type.c_str();
  rel.append_attribute("Target") = target.c_str();
  return SaveXml(&doc);
}

// [Content_Types].xml with an Override for `part`; "" when it has one already.
Result<std::string> AddOverride(const std::string& existing, const std::string& types_part,
                                const std::string& part) {
  pugi::xml_document doc;
  Result<bool> ok = LoadXml(existing, types_part, &doc);
  if (!ok.ok()) return ok.error();
  pugi::xml_node root = doc.document_element();
  const std::string name = "/" + part;
  for (pugi::xml_node o : root.children()) {
    if (Local(o.name()) == "Override" &&
        ascii::EqualsIgnoreCase(o.attribute("PartName").value(), name)) {
      return std::string();
    }
  }
  pugi::xml_node o = root.append_child(Names(root)("Override").c_str());
  o.append_attribute("PartName") = name.c_str();
  o.append_attribute("ContentType") = kCommentsContentType;
  return SaveXml(&doc);
}

// The edited main part, the comments part (extended or new) and, for a new
// one, its relationship and content type.
Result<bool> Annotator::NewParts(const parsers::ZipPackage& copy, const std::string& comments_xml,
                                 bool have_comments, int first_id,
                                 std::unordered_map<std::string, std::string>* replaced,
                                 std::vector<ZipPart>* added) {
  (*replaced)[parts_.main] = SaveXml(&main_);
  std::string comments_part = parts_.comments;
  if (comments_part.empty()) {
    const std::string folder = Folder(parts_.main);
    comments_part = folder + "comments.xml";
    for (int k = 1; !copy.Find(comments_part).empty(); ++k) {
      comments_part = folder + "comments" + std::to_string(k) + ".xml";
    }
    const bool strict = RootNamespace(main_.document_element()) == kStrictMain;
    const std::string type =
        strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
               : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
    std::string rels_xml;
    const bool have_rels = copy.Has(parts_.main_rels);
    if (have_rels) {
      Result<std::string> r = copy.Read(parts_.main_rels);
      if (!r.ok()) return r.error();
      rels_xml = std::move(r).value();
    }
    Result<std::string> rels =
        AddRelationship(rels_xml, parts_.main_rels, type, comments_part.substr(folder.size()));
    if (!rels.ok()) return rels.error();
    if (have_rels) {
      (*replaced)[parts_.main_rels] = std::move(rels).value();
    } else {
      added->push_back(ZipPart{parts_.main_rels, std::move(rels).value()});
    }
  }
  parts_.comments = comments_part;
  Result<std::string> comments = CommentsXml(comments_xml, first_id);
  if (!comments.ok()) return comments.error();
  if (have_comments) {
    (*replaced)[comments_part] = std::move(comments).value();
  } else {
    added->push_back(ZipPart{comments_part, std::move(comments).value()});
  }
  const std::string types_part = copy.Find("[Content_Types].xml");
  if (types_part.empty()) return FormatError("missing part [Content_Types].xml");
  Result<std::string> types_xml = copy.Read(types_part);
  if (!types_xml.ok()) return types_xml.error();
  Result<std::string> types = AddOverride(types_xml.value(), types_part, comments_part);
  if (!types.ok()) return types.error();
  if (!types.value().empty()) (*replaced)[types_part] = std::move(types).value();
  return true;
}

// Where each finding's comment goes (see the header for the order tried).
Result<std::vector<Plan>> Annotator::PlanAll() {
  std::vector<Plan> plans(review_.findings.size());
  int first_block = -1;  // the start of the body: its first block in the main part
  for (size_t b = 0; b < parsed_.blocks.size() && first_block < 0; ++b) {
    if (UsableBlock(static_cast<int>(b))) first_block = static_cast<int>(b);
  }
  pugi::xml_node made;  // an empty paragraph at the body's start, when none has text
  for (size_t k = 0; k < plans.size(); ++k) {
    const Finding& f = review_.findings[k];
    Plan& plan = plans[k];
    if (f.location && PlanSpan(*f.location, &plan)) {
      plan.anchor = DocxAnchor::kSpan;
      continue;
    }
    plan.anchor = DocxAnchor::kParagraph;
    if (f.location && PlanParagraph(f.location->block, &plan)) continue;
    // A note or a comment: the paragraph that refers to it.
    const std::vector<Block>& blocks = review_.document.blocks;
    if (f.location && f.location->block >= 0 &&
        static_cast<size_t>(f.location->block) < blocks.size() &&
        PlanParagraph(blocks[f.location->block].anchor, &plan)) {
      continue;
    }
    bool found = false;
    for (const Clause& c : review_.clauses) {
      if (c.id != f.clause_id || f.clause_id.empty()) continue;
      for (int b = c.first_block; b < c.end_block && !found; ++b) found = PlanParagraph(b, &plan);
      break;
    }
    if (found) continue;
    plan.anchor = DocxAnchor::kDocument;
    if (first_block >= 0 && PlanParagraph(first_block, &plan)) continue;
    if (!made) {
      pugi::xml_node body = main_.document_element().child((*w_)("body").c_str());
      if (!body) return FormatError(parts_.main + " has no body");
      made = body.prepend_child((*w_)("p").c_str());
    }
    plan.first_p = plan.last_p = made;
  }
  return plans;
}

Result<DocxAnnotation> Annotator::Run(std::string_view original) {
  if (!review_.document.sha256.empty() && parsers::Sha256Hex(original) != review_.document.sha256) {
    return Error{ErrorCode::kUsage, "the review is not of this file (SHA-256 differs)", ""};
  }
  Result<parsers::ZipPackage> zip = parsers::ZipPackage::Open(original, parsers::ZipLimits{});
  if (!zip.ok()) return zip.error();
  const parsers::ZipPackage& package = zip.value();
  Result<parsers::DocxParts> parts = parsers::FindDocxParts(package);
  if (!parts.ok()) return parts.error();
  parts_ = std::move(parts).value();
  Result<Document> parsed = parsers::ParseDocx(package, review_.document.path, &sources_);
  if (!parsed.ok()) return parsed.error();
  parsed_ = std::move(parsed).value();

  // A second package for the copy: its running total of inflated bytes starts
  // afresh, so reading every part once stays within the limits.
  Result<parsers::ZipPackage> copy = parsers::ZipPackage::Open(original, parsers::ZipLimits{});
  if (!copy.ok()) return copy.error();
  Result<std::string> main_xml = copy.value().Read(parts_.main);
  if (!main_xml.ok()) return main_xml.error();
  Result<bool> loaded = LoadXml(main_xml.value(), parts_.main, &main_);
  if (!loaded.ok()) return loaded.error();
  w_ = std::make_unique<Names>(main_.document_element());
  index_ = IndexElements(main_);
  for (const auto& [offset, n] : index_) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      if (Local(a.name()) == "id")
        next_revision_id_ = std::max(next_revision_id_, ParseId(a.value()) + 1);
    }
  }
  if (!parts_.styles.empty() && copy.value().Has(parts_.styles)) {
    Result<std::string> styles = copy.value().Read(parts_.styles);
    if (!styles.ok()) return styles.error();
    comment_styles_ = styles.value().find("styleId=\"CommentText\"") != std::string::npos &&
                      styles.value().find("styleId=\"CommentReference\"") != std::string::npos;
  }
  std::string comments_xml;
  const bool have_comments = !parts_.comments.empty() && copy.value().Has(parts_.comments);
  if (have_comments) {
    Result<std::string> c = copy.value().Read(parts_.comments);
    if (!c.ok()) return c.error();
    comments_xml = std::move(c).value();
  }

  // Plan every finding first, then split texts, then place markers.
  Result<std::vector<Plan>> planned = PlanAll();
  if (!planned.ok()) return planned.error();
  const std::vector<Plan>& plans = planned.value();
  SplitTexts(plans);
  const int first_id = MaxCommentId(comments_xml) + 1;
  for (size_t k = 0; k < plans.size(); ++k) Apply(plans[k], first_id + static_cast<int>(k));

  // The new parts; with no findings, the package as it was.
  std::unordered_map<std::string, std::string> replaced;
  std::vector<ZipPart> added;
  if (!plans.empty()) {
    Result<bool> made_parts =
        NewParts(copy.value(), comments_xml, have_comments, first_id, &replaced, &added);
    if (!made_parts.ok()) return made_parts.error();
  }

  std::vector<ZipPart> out;
  for (const parsers::ZipEntry& e : copy.value().entries()) {
    auto it = replaced.find(e.name);
    if (it != replaced.end()) {
      out.push_back(ZipPart{e.name, it->second});
      continue;
    }
    Result<std::string> content = copy.value().Read(e.name);
    if (!content.ok()) return content.error();
    out.push_back(ZipPart{e.name, std::move(content).value()});
  }
  for (ZipPart& p : added) out.push_back(std::move(p));
  Result<std::string> bytes = WriteZip(out);
  if (!bytes.ok()) return bytes.error();

  DocxAnnotation result;
  result.bytes = std::move(bytes).value();
  result.first_comment_id = first_id;
  for (const Plan& p : plans) result.anchors.push_back(p.anchor);
  return result;
}

}  // namespace

std::vector<std::string> DocxCommentParagraphs(const Finding& finding,
                                               const DocxAnnotateOptions& options) {
  std::vector<std::string> out;
  out.push_back("[" + std::string(Name(finding.severity)) + "] " + finding.message);
  if (!finding.recommendation.empty()) out.push_back("Recommendation: " + finding.recommendation);
  if (auto it = options.basis.find(finding.rule);
      it != options.basis.end() && !it->second.empty()) {
    out.push_back("Legal basis: " + it->second);
  }
  out.push_back("Rule: " + finding.rule);
  return out;
}

Result<DocxAnnotation> AnnotateDocx(std::string_view original, const Review& review,
                                    const DocxAnnotateOptions& options) {
  Annotator annotator(review, options);
  return annotator.Run(original);
}

}  // namespace clausecheck::reports
