#include "parsers/odt.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/utf8.h"

namespace clausecheck::parsers {
namespace {

// Limits on what a hostile content.xml can make us do. Element depth bounds
// every recursion below; repeat counts bound table expansion.
constexpr int kMaxDepth = 256;
constexpr int kMaxRepeat = 64;        // copies of a repeated row or cell that has text
constexpr int kRepeatBudget = 10000;  // extra copies in all: nested repeats multiply
constexpr size_t kMaxBlocks = 1000000;
constexpr int kMaxCount = 1 << 20;  // row/column counters, text:s c
constexpr int kMaxSpaces = 1024;    // spaces written for one text:s
constexpr int kMaxLevels = 10;      // list levels ODF defines
constexpr int kMaxStyleChain = 32;  // parent-style-name hops (cycles)

// ---------------------------------------------------------------------------
// Namespaces
//
// Elements are matched by local name and namespace URI. Rather than resolve
// prefixes at every comparison, one pass renames every element and attribute
// to a canonical prefix ("text:p" whatever the file calls it); names in
// namespaces we do not know, or with undeclared prefixes, get the prefix "?"
// so that a file binding "text" to another URI matches nothing.

struct KnownNamespace {
  std::string_view uri;
  std::string_view prefix;
};

constexpr KnownNamespace kNamespaces[] = {
    {"urn:oasis:names:tc:opendocument:xmlns:office:1.0", "office"},
    {"urn:oasis:names:tc:opendocument:xmlns:style:1.0", "style"},
    {"urn:oasis:names:tc:opendocument:xmlns:text:1.0", "text"},
    {"urn:oasis:names:tc:opendocument:xmlns:table:1.0", "table"},
    {"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "draw"},
    {"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0", "fo"},
    {"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "svg"},
    {"urn:oasis:names:tc:opendocument:xmlns:meta:1.0", "meta"},
    {"http://purl.org/dc/elements/1.1/", "dc"},
    {"http://www.w3.org/XML/1998/namespace", "xml"},
    {"http://www.w3.org/1999/xlink", "xlink"},
};

std::string_view CanonicalPrefix(std::string_view uri) {
  for (const KnownNamespace& ns : kNamespaces) {
    if (ns.uri == uri) return ns.prefix;
  }
  return "?";
}

bool IsCanonicalPrefix(std::string_view prefix) {
  for (const KnownNamespace& ns : kNamespaces) {
    if (ns.prefix == prefix) return true;
  }
  return false;
}

struct Declaration {
  std::string prefix;  // "" for the default namespace
  std::string uri;
};

std::string_view Lookup(const std::vector<Declaration>& scope, std::string_view prefix,
                        bool* found) {
  for (auto it = scope.rbegin(); it != scope.rend(); ++it) {
    if (it->prefix == prefix) {
      *found = true;
      return it->uri;
    }
  }
  *found = prefix == "xml";
  return *found ? std::string_view("http://www.w3.org/XML/1998/namespace") : std::string_view();
}

// The canonical form of `name`, or "" when it is already canonical.
std::string CanonicalName(const std::vector<Declaration>& scope, std::string_view name,
                          bool is_attribute) {
  size_t colon = name.find(':');
  std::string_view prefix = colon == std::string_view::npos ? "" : name.substr(0, colon);
  std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  // Unprefixed attributes are in no namespace: leave them.
  if (is_attribute && prefix.empty()) return "";
  bool found = false;
  std::string_view uri = Lookup(scope, prefix, &found);
  std::string_view canonical = found ? CanonicalPrefix(uri) : "?";
  if (canonical == prefix) return "";
  if (canonical == "?" && !prefix.empty() && !IsCanonicalPrefix(prefix)) return "";
  if (canonical == "?" && prefix.empty() && !found) return "";
  std::string out(canonical);
  out += ':';
  out += local;
  return out;
}

bool IsNamespaceDeclaration(std::string_view name, std::string* prefix) {
  if (name == "xmlns") {
    prefix->clear();
    return true;
  }
  if (name.substr(0, 6) == "xmlns:") {
    *prefix = std::string(name.substr(6));
    return true;
  }
  return false;
}

// Renames the tree in place. False when elements nest deeper than kMaxDepth.
// Iterative, so that the depth check itself cannot overflow the stack.
bool Canonicalize(pugi::xml_node root) {
  std::vector<Declaration> scope;
  std::vector<size_t> scope_sizes;
  pugi::xml_node n = root.first_child();
  int depth = 1;
  while (n) {
    if (n.type() == pugi::node_element) {
      scope_sizes.push_back(scope.size());
      std::string prefix;
      for (pugi::xml_attribute a : n.attributes()) {
        if (IsNamespaceDeclaration(a.name(), &prefix)) scope.push_back({prefix, a.value()});
      }
      std::string renamed = CanonicalName(scope, n.name(), false);
      if (!renamed.empty()) n.set_name(renamed.c_str());
      for (pugi::xml_attribute a : n.attributes()) {
        if (IsNamespaceDeclaration(a.name(), &prefix)) continue;
        renamed = CanonicalName(scope, a.name(), true);
        if (!renamed.empty()) a.set_name(renamed.c_str());
      }
      if (n.first_child()) {
        if (++depth > kMaxDepth) return false;
        n = n.first_child();
        continue;
      }
      scope.resize(scope_sizes.back());
      scope_sizes.pop_back();
    }
    while (!n.next_sibling()) {
      n = n.parent();
      --depth;
      if (!n || n == root) return true;
      scope.resize(scope_sizes.back());
      scope_sizes.pop_back();
    }
    n = n.next_sibling();
  }
  return true;
}

bool Is(pugi::xml_node n, std::string_view name) {
  return n.type() == pugi::node_element && name == n.name();
}

std::string_view Attr(pugi::xml_node n, const char* name) { return n.attribute(name).value(); }

int IntAttr(pugi::xml_node n, const char* name, int fallback) {
  std::string_view v = Attr(n, name);
  int value = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (ec != std::errc() || end != v.data() + v.size()) return fallback;
  return value;
}

int Repeat(pugi::xml_node n, const char* name) {
  return std::clamp(IntAttr(n, name, 1), 1, kMaxCount);
}

// Thrown inside the parser only, caught in ParseOdt.
struct TooManyBlocks {};

Error FormatError(std::string message, std::string_view path) {
  return Error{ErrorCode::kFormat, std::move(message), std::string(path)};
}

// ---------------------------------------------------------------------------
// Styles

struct TextStyle {
  std::string parent;
  std::optional<std::string> list_style;  // style:list-style-name, "" = explicitly none
  std::optional<bool> hidden;             // text:display="none" in its text properties
  std::string master_page;                // style:master-page-name: starts a page of that style
};

struct LevelStyle {
  enum class Type { kNone, kNumber, kBullet, kImage };
  Type type = Type::kNone;
  std::string format = "1";  // style:num-format
  std::string prefix;
  std::string suffix;
  std::string bullet;
  int display_levels = 1;
  int start = 1;
  bool letter_sync = false;
};

struct ListStyle {
  std::array<LevelStyle, kMaxLevels + 1> levels;  // 1-based
};

// The styles one part sees: its own automatic styles, then the common
// styles of styles.xml (parents are always common styles).
struct StyleTable {
  std::map<std::string, TextStyle> automatic;  // key: family + '\n' + name
  std::map<std::string, ListStyle> automatic_lists;
  const std::map<std::string, TextStyle>* common = nullptr;
  const std::map<std::string, ListStyle>* common_lists = nullptr;

  const TextStyle* Find(std::string_view family, std::string_view name, bool automatic_too) const {
    std::string key = std::string(family) + '\n' + std::string(name);
    if (automatic_too) {
      auto it = automatic.find(key);
      if (it != automatic.end()) return &it->second;
    }
    if (common) {
      auto it = common->find(key);
      if (it != common->end()) return &it->second;
    }
    return nullptr;
  }

  const ListStyle* FindList(std::string_view name) const {
    std::string key(name);
    auto it = automatic_lists.find(key);
    if (it != automatic_lists.end()) return &it->second;
    if (common_lists) {
      auto c = common_lists->find(key);
      if (c != common_lists->end()) return &c->second;
    }
    return nullptr;
  }

  // Follows parent-style-name until `get` gives a value.
  template <typename T, typename Get>
  std::optional<T> Resolve(std::string_view family, std::string_view name, Get get) const {
    std::string current(name);
    bool automatic_too = true;
    for (int i = 0; i < kMaxStyleChain && !current.empty(); ++i) {
      const TextStyle* s = Find(family, current, automatic_too);
      if (!s) break;
      std::optional<T> v = get(*s);
      if (v) return v;
      current = s->parent;
      automatic_too = false;
    }
    return std::nullopt;
  }

  bool Hidden(std::string_view family, std::string_view name) const {
    if (name.empty()) return false;
    return Resolve<bool>(family, name, [](const TextStyle& s) { return s.hidden; }).value_or(false);
  }

  std::string ListStyleOf(std::string_view paragraph_style) const {
    if (paragraph_style.empty()) return "";
    return Resolve<std::string>("paragraph", paragraph_style,
                                [](const TextStyle& s) { return s.list_style; })
        .value_or("");
  }
};

LevelStyle ReadLevel(pugi::xml_node n) {
  LevelStyle level;
  std::string_view name = n.name();
  if (name == "text:list-level-style-bullet") {
    level.type = LevelStyle::Type::kBullet;
    level.bullet = Attr(n, "text:bullet-char");
    level.format.clear();
  } else if (name == "text:list-level-style-image") {
    level.type = LevelStyle::Type::kImage;
    level.format.clear();
  } else {
    level.type = LevelStyle::Type::kNumber;
    level.format = Attr(n, "style:num-format");
    level.display_levels = std::clamp(IntAttr(n, "text:display-levels", 1), 1, kMaxLevels);
    level.start = std::clamp(IntAttr(n, "text:start-value", 1), 0, kMaxCount);
    level.letter_sync = Attr(n, "style:num-letter-sync") == "true";
  }
  level.prefix = Attr(n, "style:num-prefix");
  level.suffix = Attr(n, "style:num-suffix");
  return level;
}

ListStyle ReadListStyle(pugi::xml_node n) {
  ListStyle style;
  for (pugi::xml_node level : n.children()) {
    std::string_view name = level.name();
    if (name != "text:list-level-style-number" && name != "text:list-level-style-bullet" &&
        name != "text:list-level-style-image" && name != "text:outline-level-style") {
      continue;
    }
    int l = IntAttr(level, "text:level", 0);
    if (l < 1 || l > kMaxLevels) continue;
    style.levels[static_cast<size_t>(l)] = ReadLevel(level);
  }
  return style;
}

void ReadStyles(pugi::xml_node container, std::map<std::string, TextStyle>* styles,
                std::map<std::string, ListStyle>* lists, std::optional<ListStyle>* outline) {
  for (pugi::xml_node n : container.children()) {
    if (Is(n, "style:style")) {
      TextStyle s;
      s.parent = Attr(n, "style:parent-style-name");
      s.master_page = Attr(n, "style:master-page-name");
      if (pugi::xml_attribute a = n.attribute("style:list-style-name")) s.list_style = a.value();
      pugi::xml_node props = n.child("style:text-properties");
      if (pugi::xml_attribute d = props.attribute("text:display")) {
        s.hidden = std::string_view(d.value()) == "none";
      }
      std::string key =
          std::string(Attr(n, "style:family")) + '\n' + n.attribute("style:name").value();
      (*styles)[key] = std::move(s);
    } else if (Is(n, "text:list-style")) {
      (*lists)[std::string(Attr(n, "style:name"))] = ReadListStyle(n);
    } else if (Is(n, "text:outline-style") && outline) {
      *outline = ReadListStyle(n);
    }
  }
}

// ---------------------------------------------------------------------------
// Number formats

std::string Letters(int n, bool upper, bool sync) {
  const char base = upper ? 'A' : 'a';
  std::string s;
  if (sync) {  // a..z, aa..zz, aaa..
    s.assign(static_cast<size_t>((n - 1) / 26 + 1), static_cast<char>(base + (n - 1) % 26));
    return s;
  }
  while (n > 0) {  // a..z, aa, ab, .. (bijective base 26)
    --n;
    s.insert(s.begin(), static_cast<char>(base + n % 26));
    n /= 26;
  }
  return s;
}

std::string Roman(int n, bool upper) {
  static constexpr std::pair<int, const char*> kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string s;
  for (const auto& [value, digits] : kTable) {
    while (n >= value) {
      s += digits;
      n -= value;
    }
  }
  if (upper) {
    for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// LibreOffice's "一, 二, 三, ..." (and the financial "壹, 贰, 叁, ...") up to 9999.
std::string Chinese(int n, bool financial) {
  static constexpr const char* kDigits[] = {"零", "一", "二", "三", "四",
                                            "五", "六", "七", "八", "九"};
  static constexpr const char* kFinancial[] = {"零", "壹", "贰", "叁", "肆",
                                               "伍", "陆", "柒", "捌", "玖"};
  static constexpr const char* kUnits[] = {"", "十", "百", "千"};
  static constexpr const char* kFinancialUnits[] = {"", "拾", "佰", "仟"};
  const char* const* digits = financial ? kFinancial : kDigits;
  const char* const* units = financial ? kFinancialUnits : kUnits;
  std::string s;
  bool zero = false;
  for (int p = 3; p >= 0; --p) {
    int div = p == 3 ? 1000 : p == 2 ? 100 : p == 1 ? 10 : 1;
    int d = n / div % 10;
    if (d == 0) {
      zero = !s.empty();
      continue;
    }
    if (zero) s += digits[0];
    zero = false;
    // 10..19 read 十, 十一, not 一十一.
    if (!(p == 1 && d == 1 && s.empty() && !financial)) s += digits[d];
    s += units[p];
  }
  return s;
}

std::string FormatNumber(std::string_view format, int n) {
  if (format.empty()) return "";
  if (n < 1 && format != "1") n = 1;
  if (format == "a" || format == "A") return Letters(n, format == "A", false);
  if ((format == "i" || format == "I") && n < 4000) return Roman(n, format == "I");
  if (format.substr(0, 3) == "\u4E00" && n < 10000) return Chinese(n, false);
  if (format.substr(0, 3) == "\u58F9" && n < 10000) return Chinese(n, true);
  if (format.substr(0, 3) == "\u2460" && n >= 1 && n <= 20) {
    std::string s;
    utf8::Append(static_cast<char32_t>(0x2460 + n - 1), &s);
    return s;
  }
  return std::to_string(n);
}

// ---------------------------------------------------------------------------
// List counters

struct ListCounters {
  std::array<int, kMaxLevels + 1> value{};
  std::array<bool, kMaxLevels + 1> counted{};  // false: restart at the level's start value
};

std::string Label(const ListStyle& style, const ListCounters& counters, int level) {
  const LevelStyle& ls = style.levels[static_cast<size_t>(level)];
  switch (ls.type) {
    case LevelStyle::Type::kNone: return "";
    // LibreOffice shows a bullet alone, whatever prefix and suffix say.
    case LevelStyle::Type::kBullet: return ls.bullet;
    case LevelStyle::Type::kImage: return "\u2022";
    case LevelStyle::Type::kNumber: break;
  }
  if (ls.format.empty()) return ls.prefix + ls.suffix;
  std::string number;
  int first = std::max(1, level - ls.display_levels + 1);
  for (int l = first; l <= level; ++l) {
    const LevelStyle& part = style.levels[static_cast<size_t>(l)];
    if (part.type != LevelStyle::Type::kNumber || part.format.empty()) continue;
    const size_t i = static_cast<size_t>(l);
    const int v = counters.counted[i] ? counters.value[i] : part.start;
    if (!number.empty()) number += '.';
    number += part.letter_sync && (part.format == "a" || part.format == "A")
                  ? Letters(std::max(v, 1), part.format == "A", true)
                  : FormatNumber(part.format, v);
  }
  return ls.prefix + number + ls.suffix;
}

void Advance(const ListStyle* style, ListCounters* counters, int level, int start_override) {
  int start = style ? style->levels[static_cast<size_t>(level)].start : 1;
  const size_t i = static_cast<size_t>(level);
  int& c = counters->value[i];
  if (start_override >= 0) {
    c = start_override;
  } else if (!counters->counted[i]) {
    c = start;
  } else if (c < kMaxCount) {
    ++c;
  }
  counters->counted[i] = true;
  for (size_t l = i + 1; l <= kMaxLevels; ++l) counters->counted[l] = false;
}

// ---------------------------------------------------------------------------
// Paragraph text

// A mark with byte offsets into the paragraph text being built.
struct RawMark {
  MarkKind kind;
  size_t start;
  size_t end;
  std::string author;
  std::string date;
  std::string text;
  bool resolved = false;  // a comment marked resolved (loext:resolved)
};

// Builds one paragraph's text with ODF's white-space rules: runs of space,
// tab, CR and LF in character data are one space; leading ones are dropped,
// and so is a trailing one (text:s and text:tab are kept as written).
class ParagraphText {
 public:
  void AddCharacters(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (ws_ == Ws::kAfterText) ws_ = Ws::kPending;
        continue;
      }
      Flush();
      text_.push_back(c);
      ws_ = Ws::kAfterText;
    }
  }
  void AddLiteral(std::string_view s) {
    Flush();
    text_ += s;
    ws_ = Ws::kAfterText;
  }
  // A line break reads as one space, and swallows the white space around it.
  void AddBreak() {
    ws_ = Ws::kIgnore;
    if (!text_.empty() && text_.back() != ' ') text_.push_back(' ');
  }
  // Where the next character will go.
  size_t Position() const { return text_.size() + (ws_ == Ws::kPending ? 1 : 0); }
  // For a piece inside a paragraph (hidden text): its edges are not the
  // paragraph's, so leading and trailing white space count.
  void KeepEdges() { ws_ = Ws::kAfterText; }
  std::string TextWithEdges() const { return text_ + (ws_ == Ws::kPending ? " " : ""); }
  const std::string& text() const { return text_; }
  std::string& text() { return text_; }

 private:
  enum class Ws { kIgnore, kAfterText, kPending };
  void Flush() {
    if (ws_ == Ws::kPending) text_.push_back(' ');
  }
  std::string text_;
  Ws ws_ = Ws::kIgnore;
};

// ---------------------------------------------------------------------------
// The parser

struct Change {
  enum class Type { kInsertion, kDeletion, kFormat };
  Type type = Type::kFormat;
  std::string author;
  std::string date;
  pugi::xml_node region;  // text:deletion: the deleted content
  std::string deleted_text;
  bool text_done = false;
};

// A range opened in one paragraph (tracked insertion, annotated range) that
// may close in a later one.
struct OpenRange {
  MarkKind kind;
  size_t start;  // byte offset in the paragraph being built; 0 in later ones
  std::string author;
  std::string date;
  std::string text;
  bool resolved = false;
};

struct Context {
  std::optional<BlockKind> kind;  // notes, comments, headers: every block has this kind
  int table = -1;
  int row = -1;
  int column = -1;
  // Lists: the innermost list's counters and style, and its level.
  ListCounters* counters = nullptr;
  std::string list_style;
  int level = 0;
  // The item whose first paragraph is yet to be numbered.
  bool* number_pending = nullptr;
  int item_start = -1;
  bool list_header = false;
};

class OdtParser {
 public:
  OdtParser(const StyleTable* content_styles, const StyleTable* page_styles,
            const std::optional<ListStyle>* outline)
      : styles_(content_styles),
        content_styles_(content_styles),
        page_styles_(page_styles),
        outline_(outline) {}

  void ReadTrackedChanges(pugi::xml_node office_text) {
    for (pugi::xml_node tc : office_text.children("text:tracked-changes")) {
      for (pugi::xml_node region : tc.children("text:changed-region")) {
        std::string id(Attr(region, "text:id"));
        if (id.empty()) id = Attr(region, "xml:id");
        Change change;
        for (pugi::xml_node c : region.children()) {
          std::string_view name = c.name();
          if (name == "text:insertion") {
            change.type = Change::Type::kInsertion;
          } else if (name == "text:deletion") {
            change.type = Change::Type::kDeletion;
          } else if (name == "text:format-change") {
            change.type = Change::Type::kFormat;
          } else {
            continue;
          }
          change.region = c;
          pugi::xml_node info = c.child("office:change-info");
          change.author = info.child("dc:creator").text().as_string();
          change.date = info.child("dc:date").text().as_string();
          break;
        }
        changes_[id] = std::move(change);
      }
    }
  }

  void ReadRangeEnds(pugi::xml_node root) {
    struct Walker : pugi::xml_tree_walker {
      std::set<std::string>* ends;
      bool for_each(pugi::xml_node& n) override {
        if (Is(n, "office:annotation-end")) ends->insert(Attr(n, "office:name").data());
        return true;
      }
    } walker;
    walker.ends = &annotation_ends_;
    root.traverse(walker);
  }

  void Body(pugi::xml_node office_text) {
    Context ctx;
    Blocks(office_text, ctx);
  }

  // Headers and footers of the master pages the body uses, each distinct
  // text once.
  void MasterPages(pugi::xml_node master_styles) {
    styles_ = page_styles_;
    if (used_pages_.empty()) used_pages_.insert("Standard");
    // A page style's next style is used too (a first page followed by the default).
    for (size_t before = 0; before != used_pages_.size();) {
      before = used_pages_.size();
      for (pugi::xml_node page : master_styles.children("style:master-page")) {
        std::string_view next = Attr(page, "style:next-style-name");
        if (!next.empty() && used_pages_.count(std::string(Attr(page, "style:name")))) {
          used_pages_.insert(std::string(next));
        }
      }
    }
    std::set<std::pair<int, std::string>> seen;
    for (pugi::xml_node page : master_styles.children("style:master-page")) {
      if (!used_pages_.count(std::string(Attr(page, "style:name")))) continue;
      for (pugi::xml_node part : page.children()) {
        std::string_view name = part.name();
        bool header = name.substr(0, 13) == "style:header";
        bool footer = name.substr(0, 13) == "style:footer";
        if ((!header && !footer) || Attr(part, "style:display") == "false") continue;
        std::vector<Block> blocks;
        std::vector<Block>* saved = out_;
        out_ = &blocks;
        Context ctx;
        ctx.kind = header ? BlockKind::kHeader : BlockKind::kFooter;
        Blocks(part, ctx);
        out_ = saved;
        std::string all;
        for (const Block& b : blocks) all += b.label + '\t' + b.text + '\n';
        if (blocks.empty() || !seen.insert({header ? 0 : 1, all}).second) continue;
        for (Block& b : blocks) {
          b.source.part = "styles.xml";
          Emit(std::move(b));
        }
      }
    }
    styles_ = content_styles_;
  }

  Document TakeDocument() { return std::move(doc_); }

 private:
  void Emit(Block b) {
    if (out_->size() >= kMaxBlocks) throw TooManyBlocks{};
    b.source.index = static_cast<int>(out_->size());
    if (b.source.part.empty()) b.source.part = "content.xml";
    out_->push_back(std::move(b));
  }

  void Blocks(pugi::xml_node parent, const Context& ctx) {
    for (pugi::xml_node n : parent.children()) {
      if (n.type() != pugi::node_element) continue;
      std::string_view name = n.name();
      if (name == "text:p" || name == "text:h") {
        Paragraph(n, ctx);
      } else if (name == "text:list") {
        List(n, ctx);
      } else if (name == "table:table") {
        Table(n, ctx);
      } else if (name.substr(0, 5) == "draw:") {
        Frame(n, ctx);
      } else if (name == "text:index-source" || name == "text:tracked-changes" ||
                 name == "text:sequence-decls" || name == "text:variable-decls" ||
                 name == "text:user-field-decls" || name == "text:dde-connection-decls" ||
                 name == "office:forms" || name == "table:table-columns" ||
                 name == "table:table-column" || name == "text:number" ||
                 name == "office:change-info" || name.substr(0, 3) == "dc:" ||
                 name.substr(0, 5) == "meta:" || name.substr(0, 4) == "svg:" ||
                 name.substr(0, 2) == "?:") {
        continue;
      } else {
        // Sections, index bodies, note bodies and whatever else holds
        // paragraphs: the paragraphs are what matters.
        Blocks(n, ctx);
      }
    }
  }

  void List(pugi::xml_node list, const Context& outer) {
    Context ctx = outer;
    ctx.item_start = -1;
    ctx.list_header = false;
    ctx.number_pending = nullptr;
    std::string_view style = Attr(list, "text:style-name");
    if (!style.empty()) ctx.list_style = style;
    if (!outer.counters) {
      // A top-level list: new counters unless it continues another list.
      ListCounters* counters = nullptr;
      std::string_view continue_list = Attr(list, "text:continue-list");
      if (!continue_list.empty()) {
        auto it = lists_by_id_.find(std::string(continue_list));
        if (it != lists_by_id_.end()) counters = it->second;
      } else if (Attr(list, "text:continue-numbering") == "true") {
        auto it = last_list_by_style_.find(ctx.list_style);
        counters = it != last_list_by_style_.end() ? it->second : last_list_;
      }
      if (!counters) {
        lists_.push_back(std::make_unique<ListCounters>());
        counters = lists_.back().get();
      }
      ctx.counters = counters;
      ctx.level = 1;
      std::string_view id = Attr(list, "xml:id");
      if (!id.empty()) lists_by_id_[std::string(id)] = counters;
      if (!suppress_numbering_) {
        last_list_ = counters;
        last_list_by_style_[ctx.list_style] = counters;
      }
    } else {
      ctx.level = std::min(outer.level + 1, kMaxLevels);
    }
    for (pugi::xml_node item : list.children()) {
      bool header = Is(item, "text:list-header");
      if (!header && !Is(item, "text:list-item")) continue;
      Context item_ctx = ctx;
      bool pending = !header;
      item_ctx.number_pending = &pending;
      item_ctx.list_header = header;
      item_ctx.item_start = header ? -1 : IntAttr(item, "text:start-value", -1);
      Blocks(item, item_ctx);
    }
  }

  // The page style a block starts, if any: the first block starts the
  // default page unless its style names another.
  void NotePageStyle(std::string_view style) {
    if (suppress_ranges_ || styles_ != content_styles_) return;
    const TextStyle* s = style.empty() ? nullptr : styles_->Find("paragraph", style, true);
    if (s && !s->master_page.empty()) {
      used_pages_.insert(s->master_page);
    } else if (!first_block_seen_) {
      used_pages_.insert("Standard");
    }
    first_block_seen_ = true;
  }

  void Table(pugi::xml_node table, const Context& outer) {
    NotePageStyle("");
    Context ctx = outer;
    ctx.table = next_table_++;
    ctx.counters = nullptr;
    ctx.level = 0;
    ctx.number_pending = nullptr;
    ctx.list_style.clear();
    int row = 0;
    Rows(table, ctx, &row);
  }

  void Rows(pugi::xml_node parent, const Context& ctx, int* row) {
    for (pugi::xml_node n : parent.children()) {
      std::string_view name = n.name();
      if (name == "table:table-row") {
        int repeat = Repeat(n, "table:number-rows-repeated");
        int copies = HasText(n) ? Copies(repeat) : 0;
        for (int i = 0; i < copies; ++i) Cells(n, ctx, *row + i);
        *row = std::min(*row + repeat, kMaxCount);
      } else if (name == "table:table-header-rows" || name == "table:table-rows" ||
                 name == "table:table-row-group") {
        Rows(n, ctx, row);
      }
    }
  }

  void Cells(pugi::xml_node row_node, const Context& outer, int row) {
    int column = 0;
    for (pugi::xml_node cell : row_node.children()) {
      bool covered = Is(cell, "table:covered-table-cell");
      if (!covered && !Is(cell, "table:table-cell")) continue;
      int repeat = Repeat(cell, "table:number-columns-repeated");
      if (!covered && HasText(cell)) {
        const int copies = Copies(repeat);
        for (int i = 0; i < copies; ++i) {
          Context ctx = outer;
          ctx.row = row;
          ctx.column = column + i;
          Blocks(cell, ctx);
        }
      }
      column = std::min(column + repeat, kMaxCount);
    }
  }

  // How many copies of a repeated row or cell with text to read.
  int Copies(int repeat) {
    int extra = std::min({repeat, kMaxRepeat, repeat_budget_ + 1}) - 1;
    repeat_budget_ -= extra;
    return 1 + extra;
  }

  static bool HasText(pugi::xml_node n) {
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        std::string_view v = c.value();
        if (v.find_first_not_of(" \t\r\n") != std::string_view::npos) return true;
      } else if (c.type() == pugi::node_element) {
        if (Is(c, "text:s") || Is(c, "text:tab") || HasText(c)) return true;
      }
    }
    return false;
  }

  // Text boxes and shapes: their paragraphs are blocks of their own.
  void Frame(pugi::xml_node frame, const Context& outer) {
    Context ctx = outer;
    ctx.counters = nullptr;
    ctx.level = 0;
    ctx.number_pending = nullptr;
    ctx.list_style.clear();
    Blocks(frame, ctx);
  }

  // -------------------------------------------------------------------------

  struct Deferred {
    pugi::xml_node node;
    Block comment;  // for annotations: the comment block, built already
  };

  struct Builder {
    ParagraphText text;
    std::vector<RawMark> marks;
    std::vector<Deferred> deferred;
    bool hidden_paragraph = false;
  };

  void Paragraph(pugi::xml_node p, const Context& ctx) {
    Block block;
    const bool heading = Is(p, "text:h");
    std::string_view style = Attr(p, "text:style-name");
    NotePageStyle(style);
    if (heading) {
      int level = IntAttr(p, "text:outline-level", 0);
      block.heading_level = std::clamp(level == 0 ? 1 : level, 1, 9);
    }
    // Numbering: the first paragraph of a list item, or an outline-numbered heading.
    if (ctx.number_pending && *ctx.number_pending) {
      *ctx.number_pending = false;
      std::string list_style = ctx.list_style;
      if (list_style.empty()) list_style = styles_->ListStyleOf(style);
      const ListStyle* ls = list_style.empty() ? nullptr : styles_->FindList(list_style);
      if (!suppress_numbering_) {
        Advance(ls, ctx.counters, ctx.level, ctx.item_start);
        if (ls) block.label = Label(*ls, *ctx.counters, ctx.level);
      }
      if (!heading) block.kind = BlockKind::kListItem;
    } else if (heading && !ctx.counters && *outline_ && !suppress_numbering_ &&
               Attr(p, "text:is-list-header") != "true") {
      const ListStyle& ls = **outline_;
      int level = std::min(block.heading_level, kMaxLevels);
      if (ls.levels[static_cast<size_t>(level)].type == LevelStyle::Type::kNumber &&
          !ls.levels[static_cast<size_t>(level)].format.empty()) {
        int start =
            Attr(p, "text:restart-numbering") == "true"
                ? IntAttr(p, "text:start-value", ls.levels[static_cast<size_t>(level)].start)
                : -1;
        Advance(&ls, &outline_counters_, level, start);
        block.label = Label(ls, outline_counters_, level);
      }
    }
    if (heading) block.kind = BlockKind::kHeading;
    if (ctx.table >= 0) {
      block.kind = BlockKind::kTableCell;
      block.source.table = ctx.table;
      block.source.row = ctx.row;
      block.source.column = ctx.column;
    }
    if (ctx.kind) block.kind = *ctx.kind;

    Builder b;
    b.hidden_paragraph = styles_->Hidden("paragraph", style);
    Inline(p, &b);
    if (!suppress_ranges_) {
      // Ranges still open continue into the next paragraph.
      for (auto& [id, range] : open_ranges_) {
        size_t start = std::min(range.start, b.text.text().size());
        if (range.kind != MarkKind::kInsertion || start < b.text.text().size()) {
          b.marks.push_back({range.kind, start, b.text.text().size(), range.author, range.date,
                             range.text, range.resolved});
        }
        range.start = 0;
      }
    }
    Finish(&b, &block);
    // Notes and comments of this paragraph point back at it (Block::anchor).
    int anchor = -1;
    if (!block.text.empty() || !block.label.empty() || !block.marks.empty()) {
      anchor = static_cast<int>(out_->size());
      Emit(std::move(block));
    }
    for (Deferred& d : b.deferred) {
      if (Is(d.node, "office:annotation")) {
        d.comment.anchor = anchor;
        Emit(std::move(d.comment));
      } else if (Is(d.node, "text:note")) {
        Context note_ctx;
        note_ctx.kind = Attr(d.node, "text:note-class") == "endnote" ? BlockKind::kEndnote
                                                                     : BlockKind::kFootnote;
        const size_t first = out_->size();
        Blocks(d.node.child("text:note-body"), note_ctx);
        for (size_t i = first; i < out_->size(); ++i) (*out_)[i].anchor = anchor;
      } else {
        Context frame_ctx = ctx;
        frame_ctx.number_pending = nullptr;
        Frame(d.node, frame_ctx);
      }
    }
  }

  void Finish(Builder* b, Block* block) {
    std::string& text = b->text.text();
    if (b->hidden_paragraph) {
      RawMark m{MarkKind::kHidden, 0, 0, "", "", text};
      b->marks.clear();
      b->marks.push_back(std::move(m));
      text.clear();
    }
    for (RawMark& m : b->marks) {
      size_t start = std::min(m.start, text.size());
      size_t end = std::clamp(m.end, start, text.size());
      Mark mark;
      mark.kind = m.kind;
      mark.start = utf8::CodePointOffset(text, start);
      mark.end = utf8::CodePointOffset(text, end);
      mark.author = std::move(m.author);
      mark.date = std::move(m.date);
      mark.text = std::move(m.text);
      mark.resolved = m.resolved;
      block->marks.push_back(std::move(mark));
    }
    block->text = std::move(text);
  }

  // The text of `node`'s paragraphs joined by `separator`, without numbering
  // and without touching the document's open ranges: for comments and deletions.
  std::string PlainText(pugi::xml_node node, char separator) {
    std::vector<Block> blocks;
    std::vector<Block>* saved_out = out_;
    bool saved_numbering = suppress_numbering_;
    bool saved_ranges = suppress_ranges_;
    out_ = &blocks;
    suppress_numbering_ = true;
    suppress_ranges_ = true;
    Context ctx;
    ctx.kind = BlockKind::kParagraph;
    Blocks(node, ctx);
    out_ = saved_out;
    suppress_numbering_ = saved_numbering;
    suppress_ranges_ = saved_ranges;
    std::string text;
    for (const Block& b : blocks) {
      if (b.kind != BlockKind::kParagraph) continue;  // notes inside
      if (!text.empty()) text += separator;
      text += b.text;
    }
    return text;
  }

  void Hidden(pugi::xml_node n, Builder* b, std::string fallback) {
    Builder inner;
    inner.text.KeepEdges();
    Inline(n, &inner);
    std::string text = inner.text.TextWithEdges();
    if (text.empty()) text = std::move(fallback);
    if (text.empty()) return;
    size_t at = b->text.Position();
    b->marks.push_back({MarkKind::kHidden, at, at, "", "", std::move(text)});
  }

  void Inline(pugi::xml_node parent, Builder* b) {
    for (pugi::xml_node n : parent.children()) {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        b->text.AddCharacters(n.value());
        continue;
      }
      if (n.type() != pugi::node_element) continue;
      std::string_view name = n.name();
      if (name == "text:s") {
        int c = std::clamp(IntAttr(n, "text:c", 1), 1, kMaxSpaces);
        b->text.AddLiteral(std::string(static_cast<size_t>(c), ' '));
      } else if (name == "text:tab") {
        b->text.AddLiteral("\t");
      } else if (name == "text:line-break") {
        b->text.AddBreak();
      } else if (name == "text:span") {
        if (styles_->Hidden("text", Attr(n, "text:style-name"))) {
          Hidden(n, b, "");
        } else {
          Inline(n, b);
        }
      } else if (name == "text:hidden-text") {
        if (Attr(n, "text:is-hidden") == "false") {
          Inline(n, b);
          if (!HasText(n)) b->text.AddCharacters(Attr(n, "text:string-value"));
        } else {
          Hidden(n, b, std::string(Attr(n, "text:string-value")));
        }
      } else if (name == "text:hidden-paragraph") {
        if (Attr(n, "text:is-hidden") != "false") b->hidden_paragraph = true;
      } else if (name == "text:note") {
        b->deferred.push_back({n, {}});
      } else if (name == "office:annotation") {
        Annotation(n, b);
      } else if (name == "office:annotation-end") {
        CloseRange("comment\n" + std::string(Attr(n, "office:name")), b);
      } else if (name == "text:change-start") {
        std::string id(Attr(n, "text:change-id"));
        auto it = changes_.find(id);
        if (it != changes_.end() && it->second.type == Change::Type::kInsertion &&
            !suppress_ranges_) {
          open_ranges_["change\n" + id] = {MarkKind::kInsertion, b->text.Position(),
                                           it->second.author, it->second.date, ""};
        }
      } else if (name == "text:change-end") {
        CloseRange("change\n" + std::string(Attr(n, "text:change-id")), b);
      } else if (name == "text:change") {
        Deletion(n, b);
      } else if (name == "text:ruby") {
        Inline(n.child("text:ruby-base"), b);
      } else if (name.substr(0, 5) == "draw:" && name != "draw:a") {
        b->deferred.push_back({n, {}});
      } else if (name == "text:note-citation" || name == "text:soft-page-break" ||
                 name == "text:number" || name == "text:bookmark" ||
                 name == "text:bookmark-start" || name == "text:bookmark-end" ||
                 name == "text:reference-mark" || name == "text:reference-mark-start" ||
                 name == "text:reference-mark-end" || name == "office:change-info" ||
                 name.substr(0, 4) == "svg:" || name.substr(0, 2) == "?:") {
        continue;
      } else {
        // Links, fields (their shown result), meta, and whatever else holds text.
        Inline(n, b);
      }
    }
  }

  void CloseRange(const std::string& key, Builder* b) {
    auto it = open_ranges_.find(key);
    if (it == open_ranges_.end()) return;
    OpenRange& r = it->second;
    size_t end = b->text.Position();
    size_t start = std::min(r.start, end);
    if (r.kind != MarkKind::kInsertion || start < end) {
      b->marks.push_back({r.kind, start, end, std::move(r.author), std::move(r.date),
                          std::move(r.text), r.resolved});
    }
    open_ranges_.erase(it);
  }

  void Annotation(pugi::xml_node n, Builder* b) {
    Block comment;
    comment.kind = BlockKind::kComment;
    // As for DOCX: paragraphs joined by a space; author and date are on the
    // anchor's mark, not repeated as a mark on the comment itself.
    comment.text = PlainText(n, ' ');
    std::string author = n.child("dc:creator").text().as_string();
    std::string date = n.child("dc:date").text().as_string();
    std::string name(Attr(n, "office:name"));
    // LibreOffice writes a resolved comment as loext:resolved="true".
    const bool resolved = Attr(n, "loext:resolved") == "true";
    size_t at = b->text.Position();
    if (!suppress_ranges_) {
      if (!name.empty() && annotation_ends_.count(name)) {
        open_ranges_["comment\n" + name] = {MarkKind::kComment, at,      author, date,
                                            comment.text,       resolved};
      } else {
        b->marks.push_back({MarkKind::kComment, at, at, author, date, comment.text, resolved});
      }
    }
    b->deferred.push_back({n, std::move(comment)});
  }

  void Deletion(pugi::xml_node n, Builder* b) {
    auto it = changes_.find(std::string(Attr(n, "text:change-id")));
    if (it == changes_.end() || it->second.type != Change::Type::kDeletion) return;
    Change& c = it->second;
    if (!c.text_done) {
      c.text_done = true;  // before walking: a region cannot reach itself
      c.deleted_text = PlainText(c.region, '\n');
    }
    size_t at = b->text.Position();
    b->marks.push_back({MarkKind::kDeletion, at, at, c.author, c.date, c.deleted_text});
  }

  Document doc_;
  std::vector<Block>* out_ = &doc_.blocks;
  const StyleTable* styles_;
  const StyleTable* content_styles_;
  const StyleTable* page_styles_;
  const std::optional<ListStyle>* outline_;
  std::map<std::string, Change> changes_;
  std::set<std::string> annotation_ends_;
  std::map<std::string, OpenRange> open_ranges_;
  std::vector<std::unique_ptr<ListCounters>> lists_;
  std::map<std::string, ListCounters*> lists_by_id_;
  std::map<std::string, ListCounters*> last_list_by_style_;
  ListCounters* last_list_ = nullptr;
  ListCounters outline_counters_;
  int next_table_ = 0;
  int repeat_budget_ = kRepeatBudget;
  std::set<std::string> used_pages_;
  bool first_block_seen_ = false;
  bool suppress_numbering_ = false;
  bool suppress_ranges_ = false;
};

// Parses one XML part of the package into `doc` with canonical names.
std::optional<Error> LoadPart(std::string_view xml, std::string_view part, std::string_view path,
                              pugi::xml_document* doc) {
  // Checked up front: pugixml copies invalid bytes through, and block text
  // must be UTF-8. ODF parts are UTF-8 (a UTF-16 BOM is converted by pugixml).
  bool utf16 = xml.substr(0, 2) == "\xFF\xFE" || xml.substr(0, 2) == "\xFE\xFF";
  size_t bad = 0;
  if (!utf16 && !utf8::IsValid(xml, &bad)) {
    return FormatError(std::string(part) + " is not valid UTF-8 at byte " + std::to_string(bad),
                       path);
  }
  // parse_ws_pcdata: white space between inline elements is text. No
  // parse_doctype and no entity expansion beyond the five XML ones.
  pugi::xml_parse_result r =
      doc->load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                       utf16 ? pugi::encoding_auto : pugi::encoding_utf8);
  if (!r) {
    return FormatError(std::string(part) + " is not well-formed XML: " + r.description() +
                           " at offset " + std::to_string(r.offset),
                       path);
  }
  if (!Canonicalize(*doc)) {
    return Error{
        ErrorCode::kTooLarge,
        std::string(part) + " nests elements deeper than " + std::to_string(kMaxDepth) + " levels",
        std::string(path)};
  }
  return std::nullopt;
}

Result<Document> Parse(const ZipPackage& package, std::string_view path) {
  if (!package.Has("content.xml")) return FormatError("ODT package has no content.xml", path);
  Result<std::string> content_xml = package.Read("content.xml");
  if (!content_xml.ok()) {
    Error e = content_xml.error();
    if (e.where.empty()) e.where = std::string(path);
    return e;
  }
  pugi::xml_document content;
  if (auto e = LoadPart(content_xml.value(), "content.xml", path, &content)) return *e;

  pugi::xml_document styles;
  if (package.Has("styles.xml")) {
    Result<std::string> styles_xml = package.Read("styles.xml");
    if (!styles_xml.ok()) {
      Error e = styles_xml.error();
      if (e.where.empty()) e.where = std::string(path);
      return e;
    }
    if (auto e = LoadPart(styles_xml.value(), "styles.xml", path, &styles)) return *e;
  }

  std::map<std::string, TextStyle> common;
  std::map<std::string, ListStyle> common_lists;
  std::optional<ListStyle> outline;
  StyleTable content_styles;
  StyleTable page_styles;
  pugi::xml_node styles_root = styles.child("office:document-styles");
  pugi::xml_node content_root = content.child("office:document-content");
  if (!content_root) {
    return FormatError(
        "content.xml is not an OpenDocument content part (no office:document-content)", path);
  }
  ReadStyles(styles_root.child("office:styles"), &common, &common_lists, &outline);
  ReadStyles(styles_root.child("office:automatic-styles"), &page_styles.automatic,
             &page_styles.automatic_lists, nullptr);
  ReadStyles(content_root.child("office:automatic-styles"), &content_styles.automatic,
             &content_styles.automatic_lists, nullptr);
  content_styles.common = page_styles.common = &common;
  content_styles.common_lists = page_styles.common_lists = &common_lists;

  pugi::xml_node office_text = content_root.child("office:body").child("office:text");
  if (!office_text) {
    return Error{ErrorCode::kUnsupported,
                 "OpenDocument file is not a text document (no office:text): not supported",
                 std::string(path)};
  }
  OdtParser parser(&content_styles, &page_styles, &outline);
  parser.ReadTrackedChanges(office_text);
  parser.ReadRangeEnds(office_text);
  parser.Body(office_text);
  parser.MasterPages(styles_root.child("office:master-styles"));

  Document doc = parser.TakeDocument();
  doc.path = std::string(path);
  doc.format = Format::kOdt;
  doc.encoding = "UTF-8";
  bool any_text = false;
  for (const Block& b : doc.blocks) {
    if (b.text.find_first_not_of(" \t") != std::string::npos) any_text = true;
  }
  if (!any_text) return Error{ErrorCode::kEmpty, "no text", std::string(path)};
  return doc;
}

}  // namespace

Result<Document> ParseOdt(const ZipPackage& package, std::string_view path) {
  try {
    return Parse(package, path);
  } catch (const TooManyBlocks&) {
    return Error{ErrorCode::kTooLarge,
                 "ODT document has more than " + std::to_string(kMaxBlocks) + " blocks",
                 std::string(path)};
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kTooLarge, "out of memory reading the ODT package", std::string(path)};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, std::string("ODT parser: ") + e.what(), std::string(path)};
  }
}

}  // namespace clausecheck::parsers
