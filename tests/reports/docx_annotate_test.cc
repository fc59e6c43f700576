#include "reports/docx_annotate.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyzer/analyze.h"
#include "analyzer/engine.h"
#include "analyzer/ruleset.h"
#include "core/utf8.h"
#include "parsers/docx.h"
#include "parsers/parse.h"
#include "parsers/zip.h"
#include "reports/zip_writer.h"

namespace clausecheck::reports {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDate = "2026-01-01T00:00:00Z";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const analyzer::Engine& DefaultEngine() {
  static const analyzer::Engine* engine = [] {
    auto rs = analyzer::DefaultRuleset();
    EXPECT_TRUE(rs.ok());
    auto e = analyzer::Engine::Compile(rs.value());
    EXPECT_TRUE(e.ok());
    return new analyzer::Engine(std::move(e.value()));
  }();
  return *engine;
}

DocxAnnotateOptions Options() {
  DocxAnnotateOptions o;
  o.date = kDate;
  return o;
}

std::string Joined(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

// Code points [start, end) of `text`.
std::string Span(const std::string& text, int start, int end) {
  std::string out;
  size_t pos = 0;
  for (int cp = 0; pos < text.size() && cp < end; ++cp) {
    const size_t from = pos;
    utf8::Next(text, &pos);
    if (cp >= start) out += text.substr(from, pos - from);
  }
  return out;
}

std::map<std::string, std::string> Parts(const std::string& bytes,
                                         std::vector<std::string>* order) {
  std::map<std::string, std::string> out;
  auto zip = parsers::ZipPackage::Open(bytes, parsers::ZipLimits{});
  EXPECT_TRUE(zip.ok());
  if (!zip.ok()) return out;
  for (const auto& e : zip.value().entries()) {
    auto content = zip.value().Read(e.name);
    EXPECT_TRUE(content.ok()) << e.name;
    if (order) order->push_back(e.name);
    out[e.name] = content.ok() ? content.value() : "";
  }
  return out;
}

parsers::DocxParts PartsOf(const std::string& bytes) {
  auto zip = parsers::ZipPackage::Open(bytes, parsers::ZipLimits{});
  if (!zip.ok()) return {};
  auto parts = parsers::FindDocxParts(zip.value());
  return parts.ok() ? parts.value() : parsers::DocxParts{};
}

// Checks an annotated package against the review it was made from: the text
// read back is the same, there is one comment more per finding, each anchored
// where the annotator says, and every part it had no reason to touch is
// unchanged and in its place. Returns the anchors, counted.
std::map<DocxAnchor, int> CheckAnnotated(const std::string& original, const Review& review,
                                         const DocxAnnotation& out, const std::string& name,
                                         const DocxAnnotateOptions& options = Options()) {
  std::map<DocxAnchor, int> counts;
  const parsers::DocxParts parts = PartsOf(out.bytes);
  const std::string main = parts.main;
  auto reread = parsers::ParseBytes(out.bytes, name);
  EXPECT_TRUE(reread.ok()) << name << ": " << reread.error().message;
  if (!reread.ok()) return counts;
  const Document& before = review.document;
  const Document& after = reread.value();

  // The text, block by block, comments aside.
  std::vector<const Block*> a, b;
  int comments_before = 0, comments_after = 0;
  for (const Block& x : before.blocks) {
    if (x.kind == BlockKind::kComment)
      ++comments_before;
    else
      a.push_back(&x);
  }
  for (const Block& x : after.blocks) {
    if (x.kind == BlockKind::kComment)
      ++comments_after;
    else
      b.push_back(&x);
  }
  EXPECT_EQ(a.size(), b.size()) << name;
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    EXPECT_EQ(a[i]->text, b[i]->text) << name << " block " << i;
    EXPECT_EQ(a[i]->label, b[i]->label) << name << " block " << i;
    EXPECT_EQ(a[i]->kind, b[i]->kind) << name << " block " << i;
    // Tracked changes and hidden text survive, where they were.
    std::vector<const Mark*> ma, mb;
    for (const Mark& m : a[i]->marks) {
      if (m.kind != MarkKind::kComment) ma.push_back(&m);
    }
    for (const Mark& m : b[i]->marks) {
      if (m.kind != MarkKind::kComment) mb.push_back(&m);
    }
    EXPECT_EQ(ma.size(), mb.size()) << name << " block " << i;
    for (size_t k = 0; k < std::min(ma.size(), mb.size()); ++k) {
      EXPECT_EQ(ma[k]->kind, mb[k]->kind);
      EXPECT_EQ(ma[k]->start, mb[k]->start);
      EXPECT_EQ(ma[k]->end, mb[k]->end);
      EXPECT_EQ(ma[k]->text, mb[k]->text);
    }
  }
  EXPECT_EQ(comments_after, comments_before + static_cast<int>(review.findings.size())) << name;

  // Each finding's comment, on its intended text.
  EXPECT_EQ(out.anchors.size(), review.findings.size());
  int first_body = -1;
  for (size_t i = 0; i < after.blocks.size() && first_body < 0; ++i) {
    if (after.blocks[i].kind != BlockKind::kComment && after.blocks[i].source.part == main) {
      first_body = static_cast<int>(i);
    }
  }
  std::multiset<std::tuple<int, int, int, std::string>> marks;
  for (const Block& x : after.blocks) {
    for (const Mark& m : x.marks) {
      if (m.kind == MarkKind::kComment && m.author == "clausecheck") {
        EXPECT_EQ(m.date, kDate);
        marks.insert({x.source.index, m.start, m.end, m.text});
      }
    }
  }
  for (size_t k = 0; k < review.findings.size() && k < out.anchors.size(); ++k) {
    const Finding& f = review.findings[k];
    const std::string text = Joined(DocxCommentParagraphs(f, options));
    ++counts[out.anchors[k]];
    std::tuple<int, int, int, std::string> want;
    if (out.anchors[k] == DocxAnchor::kSpan) {
      EXPECT_TRUE(f.location.has_value());
      if (!f.location) continue;
      want = {f.location->block, f.location->start, f.location->end, text};
      // The span is the evidence (an empty span: deleted or hidden text,
      // evidence that is not in the text read).
      if (!f.evidence.empty() && f.location->start < f.location->end) {
        EXPECT_EQ(Span(after.blocks[f.location->block].text, f.location->start, f.location->end),
                  f.evidence)
            << name << " " << f.rule;
      }
    } else {
      int block = first_body;
      if (out.anchors[k] == DocxAnchor::kParagraph) {
        EXPECT_TRUE(f.location.has_value());
        if (!f.location) continue;
        // Its own paragraph, or for a note the one referring to it.
        block = f.location->block;
        if (after.blocks[block].source.part != main) block = after.blocks[block].anchor;
        EXPECT_GE(block, 0) << name;
        if (block < 0) continue;
      }
      if (block < 0) continue;
      want = {block, 0, utf8::CodePointCount(after.blocks[block].text), text};
    }
    auto it = marks.find(want);
    EXPECT_TRUE(it != marks.end())
        << name << ": finding " << k << " (" << f.rule << ") not at block " << std::get<0>(want)
        << " [" << std::get<1>(want) << ", " << std::get<2>(want) << ")";
    if (it != marks.end()) marks.erase(it);
  }

  // Every other part unchanged, in the same order.
  std::vector<std::string> order_before, order_after;
  auto parts_before = Parts(original, &order_before);
  auto parts_after = Parts(out.bytes, &order_after);
  EXPECT_GE(order_after.size(), order_before.size());
  for (size_t i = 0; i < order_before.size() && i < order_after.size(); ++i) {
    EXPECT_EQ(order_before[i], order_after[i]) << name;
  }
  int changed = 0;
  for (const auto& [part, content] : parts_before) {
    if (parts_after[part] == content) continue;
    ++changed;
    const bool may_change = part == main || part == parts.main_rels || part == parts.comments ||
                            part == "[Content_Types].xml";
    EXPECT_TRUE(may_change) << name << ": " << part << " changed";
  }
  EXPECT_LE(changed, 4);
  return counts;
}

Review ReviewOf(const std::string& bytes, const std::string& name) {
  auto doc = parsers::ParseBytes(bytes, name);
  EXPECT_TRUE(doc.ok()) << name;
  return analyzer::Analyze(std::move(doc.value()), DefaultEngine(), {});
}

std::vector<fs::path> DocxIn(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".docx") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(AnnotateDocx, CorpusCommentsOnEveryFindingsEvidence) {
  const auto files = DocxIn(fs::path(CLAUSECHECK_SOURCE_DIR) / "corpus" / "contracts");
  ASSERT_GE(files.size(), 5u);
  int located = 0;
  for (const auto& f : files) {
    const std::string bytes = Slurp(f);
    const Review review = ReviewOf(bytes, f.filename().string());
    auto out = AnnotateDocx(bytes, review, Options());
    ASSERT_TRUE(out.ok()) << f << ": " << out.error().message;
    auto counts = CheckAnnotated(bytes, review, out.value(), f.filename().string());
    // Every located finding of the corpus maps to its exact span.
    int with_location = 0;
    for (const Finding& x : review.findings) with_location += x.location ? 1 : 0;
    EXPECT_EQ(counts[DocxAnchor::kSpan], with_location) << f;
    located += with_location;
    EXPECT_EQ(counts[DocxAnchor::kParagraph], 0) << f;

    // Deterministic: the same input gives the same bytes.
    auto again = AnnotateDocx(bytes, review, Options());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value().bytes, out.value().bytes) << f;
  }
  // Placeholders, uncapped liability, arbitration clauses, in English and Chinese.
  EXPECT_GE(located, 8);
}

// Synthetic findings over real documents from many writers: one over the
// middle third of every body block, one over the whole block, one missing.
TEST(AnnotateDocx, DevSetSpansMapExactly) {
  const fs::path dir = fs::path(CLAUSECHECK_SOURCE_DIR) / ".." / "shared" / "data" / "docx-dev";
  if (!fs::exists(dir / "files")) GTEST_SKIP() << dir << " absent";
  std::map<DocxAnchor, int> total;
  std::mt19937 rng(7);
  int files = 0;
  int notes = 0;
  for (const auto& f : DocxIn(dir / "files")) {
    const std::string bytes = Slurp(f);
    auto doc = parsers::ParseBytes(bytes, f.filename().string());
    if (!doc.ok()) continue;
    Review review;
    review.document = doc.value();
    Finding missing;
    missing.rule = "test.missing";
    missing.kind = Kind::kMissing;
    missing.message = "Missing.";
    review.findings.push_back(missing);
    for (const Block& b : review.document.blocks) {
      if (b.kind == BlockKind::kComment || b.text.empty()) continue;
      const int n = utf8::CodePointCount(b.text);
      // The middle third, the whole block, and three random spans (one of
      // them empty, a point), so that cuts fall in every kind of place and
      // several findings cut the same runs.
      std::uniform_int_distribution<int> pick(0, n);
      int r1 = pick(rng), r2 = pick(rng), r3 = pick(rng), r4 = pick(rng), r5 = pick(rng);
      for (auto [s, e] : {std::pair{n / 3, n - n / 3}, std::pair{0, n},
                          std::pair{std::min(r1, r2), std::max(r1, r2)},
                          std::pair{std::min(r3, r4), std::max(r3, r4)}, std::pair{r5, r5}}) {
        Finding x;
        x.rule = "test.span";
        x.severity = Severity::kMedium;
        x.message = "Span " + std::to_string(s) + "-" + std::to_string(e) + ".";
        x.recommendation = "Look.";
        x.location = Location{b.source.part, b.source.index, s, e};
        review.findings.push_back(x);
      }
    }
    auto out = AnnotateDocx(bytes, review, Options());
    ASSERT_TRUE(out.ok()) << f << ": " << out.error().message;
    auto counts = CheckAnnotated(bytes, review, out.value(), f.filename().string());
    // Outside the main part: notes on the paragraph referring to them,
    // headers and footers at the document start.
    for (size_t k = 0; k < review.findings.size(); ++k) {
      const Finding& x = review.findings[k];
      if (x.location && x.location->part != PartsOf(bytes).main) {
        const Block& b = review.document.blocks[x.location->block];
        const bool note = b.kind == BlockKind::kFootnote || b.kind == BlockKind::kEndnote;
        EXPECT_EQ(out.value().anchors[k],
                  note && b.anchor >= 0 ? DocxAnchor::kParagraph : DocxAnchor::kDocument)
            << f << " " << b.text;
        if (note && b.anchor >= 0) ++notes;
      }
    }
    for (auto [a, c] : counts) total[a] += c;

    ++files;
  }
  std::printf("files %d: span %d, paragraph %d (notes %d), document %d\n", files,
              total[DocxAnchor::kSpan], total[DocxAnchor::kParagraph], notes,
              total[DocxAnchor::kDocument]);
  EXPECT_GT(files, 40);
  EXPECT_GT(notes, 5);
  // Apart from notes, only math (m:r runs) and points between joined
  // paragraphs fall back to their paragraph.
  EXPECT_GT(total[DocxAnchor::kSpan], 1000 * (total[DocxAnchor::kParagraph] - notes));
}

// A minimal package: content types, package and document relationships, and
// the given document body (and comments part, if any).
std::string MakeDocx(const std::string& body, const std::string& comments = "") {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  std::vector<ZipPart> parts;
  std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>";
  if (!comments.empty()) {
    types +=
        "<Override PartName=\"/word/comments.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>";
  }
  types += "</Types>";
  parts.push_back({"[Content_Types].xml", types});
  parts.push_back(
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
       "officeDocument\" Target=\"word/document.xml\"/></Relationships>"});
  parts.push_back({"word/document.xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " +
                       w + "><w:body>" + body + "</w:body></w:document>"});
  if (!comments.empty()) {
    parts.push_back(
        {"word/_rels/document.xml.rels",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId7\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" "
         "Target=\"comments.xml\"/></Relationships>"});
    parts.push_back({"word/comments.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments " +
                         w + ">" + comments + "</w:comments>"});
  }
  auto zip = WriteZip(parts);
  EXPECT_TRUE(zip.ok());
  return zip.value();
}

Finding SpanFinding(int block, int start, int end) {
  Finding f;
  f.rule = "liability.uncapped";
  f.severity = Severity::kHigh;
  f.message = "Liability is uncapped.";
  f.recommendation = "Cap it.";
  f.location = Location{"word/document.xml", block, start, end};
  return f;
}

TEST(AnnotateDocx, SplitsRunsAtTheSpanWithExactXml) {
  const std::string bytes = MakeDocx(
      "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>"
      "<w:r w:rsidR=\"00A1\"><w:rPr><w:b/></w:rPr><w:t>Hello brave</w:t><w:tab/>"
      "<w:t xml:space=\"preserve\"> new world</w:t></w:r></w:p>");
  auto doc = parsers::ParseBytes(bytes, "t.docx");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc.value().blocks[0].text, "Hello brave\t new world");
  Review review;
  review.document = doc.value();
  // "brave\t new": starts inside the first w:t, ends inside the second.
  review.findings.push_back(SpanFinding(0, 6, 16));
  DocxAnnotateOptions opt = Options();
  opt.basis["liability.uncapped"] = "PRC Civil Code art. 506.";
  auto out = AnnotateDocx(bytes, review, opt);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out.value().first_comment_id, 0);
  auto parts = Parts(out.value().bytes, nullptr);
  EXPECT_EQ(
      parts["word/document.xml"],
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body><w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>"
      "<w:r w:rsidR=\"00A1\"><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Hello </w:t></w:r>"
      "<w:commentRangeStart w:id=\"0\"/>"
      "<w:r w:rsidR=\"00A1\"><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">brave</w:t>"
      "<w:tab/><w:t xml:space=\"preserve\"> new</w:t></w:r>"
      "<w:commentRangeEnd w:id=\"0\"/>"
      "<w:r><w:commentReference w:id=\"0\"/></w:r>"
      "<w:r w:rsidR=\"00A1\"><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> world</w:t></w:r>"
      "</w:p></w:body></w:document>");
  EXPECT_EQ(parts["word/comments.xml"],
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            "<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            "<w:comment w:id=\"0\" w:author=\"clausecheck\" w:date=\"2026-01-01T00:00:00Z\" "
            "w:initials=\"CC\">"
            "<w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space=\"preserve\">[high] Liability "
            "is uncapped.</w:t></w:r></w:p>"
            "<w:p><w:r><w:t xml:space=\"preserve\">Recommendation: Cap it.</w:t></w:r></w:p>"
            "<w:p><w:r><w:t xml:space=\"preserve\">Legal basis: PRC Civil Code art. "
            "506.</w:t></w:r></w:p>"
            "<w:p><w:r><w:t xml:space=\"preserve\">Rule: liability.uncapped</w:t></w:r></w:p>"
            "</w:comment></w:comments>");
  EXPECT_NE(parts["[Content_Types].xml"].find(
                "<Override PartName=\"/word/comments.xml\" ContentType=\"application/"
                "vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"),
            std::string::npos);
  EXPECT_EQ(parts["word/_rels/document.xml.rels"],
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" "
            "Target=\"comments.xml\"/></Relationships>");
  CheckAnnotated(bytes, review, out.value(), "t.docx", opt);
}

TEST(AnnotateDocx, KeepsExistingCommentsAndTrackedChanges) {
  const std::string bytes = MakeDocx(
      "<w:p><w:commentRangeStart w:id=\"3\"/><w:r><w:t>Old </w:t></w:r>"
      "<w:ins w:id=\"9\" w:author=\"A\" w:date=\"2025-01-01T00:00:00Z\"><w:r><w:t>inserted "
      "words</w:t></w:r></w:ins>"
      "<w:del w:id=\"10\" w:author=\"B\"><w:r><w:delText> gone</w:delText></w:r></w:del>"
      "<w:r><w:t> stay.</w:t></w:r><w:commentRangeEnd w:id=\"3\"/>"
      "<w:r><w:commentReference w:id=\"3\"/></w:r></w:p>"
      "<w:p><w:r><w:t>Second paragraph.</w:t></w:r></w:p>",
      "<w:comment w:id=\"3\" w:author=\"Lawyer\"><w:p><w:r><w:t>Check this.</w:t></w:r></w:p>"
      "</w:comment>");
  auto doc = parsers::ParseBytes(bytes, "c.docx");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc.value().blocks[0].text, "Old inserted words stay.");
  Review review;
  review.document = doc.value();
  Finding missing;
  missing.rule = "dispute.missing";
  missing.kind = Kind::kMissing;
  missing.message = "No dispute clause.";
  review.findings.push_back(missing);
  review.findings.push_back(SpanFinding(0, 4, 12));   // "inserted", inside the w:ins
  review.findings.push_back(SpanFinding(0, 13, 24));  // "words stay." across the deletion
  auto out = AnnotateDocx(bytes, review, Options());
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out.value().first_comment_id, 4);
  EXPECT_EQ(out.value().anchors,
            (std::vector<DocxAnchor>{DocxAnchor::kDocument, DocxAnchor::kSpan, DocxAnchor::kSpan}));
  CheckAnnotated(bytes, review, out.value(), "c.docx");
  auto parts = Parts(out.value().bytes, nullptr);
  const std::string& xml = parts["word/document.xml"];
  // The reference run of a span inside a tracked insertion stands after it.
  EXPECT_NE(xml.find("<w:t xml:space=\"preserve\">words</w:t></w:r></w:ins>"
                     "<w:r><w:commentReference w:id=\"5\"/></w:r>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<w:delText> gone</w:delText>"), std::string::npos);
  auto reread = parsers::ParseBytes(out.value().bytes, "c.docx");
  ASSERT_TRUE(reread.ok());
  // The old comment is still there, on its old range.
  const Block& first = reread.value().blocks[0];
  int old = 0;
  for (const Mark& m : first.marks) {
    if (m.kind == MarkKind::kComment && m.author == "Lawyer") {
      ++old;
      EXPECT_EQ(m.start, 0);
      EXPECT_EQ(m.end, 24);
      EXPECT_EQ(m.text, "Check this.");
    }
  }
  EXPECT_EQ(old, 1);
  // No second Override and no new relationship: the comments part existed.
  EXPECT_EQ(parts["[Content_Types].xml"], Parts(bytes, nullptr)["[Content_Types].xml"]);
  EXPECT_EQ(parts["word/_rels/document.xml.rels"],
            Parts(bytes, nullptr)["word/_rels/document.xml.rels"]);
}

// A deleted paragraph mark joins two paragraphs into one block: a span across
// the junction starts in the first w:p and ends in the second.
TEST(AnnotateDocx, SpansParagraphsJoinedByADeletedMark) {
  const std::string bytes = MakeDocx(
      "<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"A\"/></w:rPr></w:pPr>"
      "<w:r><w:t>First part</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>second part.</w:t></w:r></w:p>");
  auto doc = parsers::ParseBytes(bytes, "j.docx");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc.value().blocks.size(), 1u);
  ASSERT_EQ(doc.value().blocks[0].text, "First part second part.");
  Review review;
  review.document = doc.value();
  review.findings.push_back(SpanFinding(0, 6, 17));   // "part second"
  review.findings.push_back(SpanFinding(0, 10, 11));  // the joining space alone: no source
  auto out = AnnotateDocx(bytes, review, Options());
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out.value().anchors,
            (std::vector<DocxAnchor>{DocxAnchor::kSpan, DocxAnchor::kParagraph}));
  CheckAnnotated(bytes, review, out.value(), "j.docx");
}

// A run with a tracked formatting change split in three: each part keeps the
// change, under an id of its own.
TEST(AnnotateDocx, SplitRunsGiveTrackedFormatChangesNewIds) {
  const std::string bytes = MakeDocx(
      "<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id=\"7\" w:author=\"A\"><w:rPr/></w:rPrChange>"
      "</w:rPr><w:t>one two three</w:t></w:r></w:p>");
  auto doc = parsers::ParseBytes(bytes, "f.docx");
  ASSERT_TRUE(doc.ok());
  Review review;
  review.document = doc.value();
  review.findings.push_back(SpanFinding(0, 4, 7));  // "two"
  auto out = AnnotateDocx(bytes, review, Options());
  ASSERT_TRUE(out.ok());
  const std::string xml = Parts(out.value().bytes, nullptr)["word/document.xml"];
  for (const char* id : {"7", "8", "9"}) {
    const std::string change = std::string("<w:rPrChange w:id=\"") + id + "\" w:author=\"A\">";
    EXPECT_EQ(xml.find(change), xml.rfind(change)) << xml;
    EXPECT_NE(xml.find(change), std::string::npos) << xml;
  }
  CheckAnnotated(bytes, review, out.value(), "f.docx");
}

TEST(AnnotateDocx, NoFindingsLeavesEveryPartAsItWas) {
  const std::string bytes =
      Slurp(fs::path(CLAUSECHECK_SOURCE_DIR) / "corpus" / "contracts" / "en-nda-mutual.docx");
  auto doc = parsers::ParseBytes(bytes, "nda.docx");
  ASSERT_TRUE(doc.ok());
  Review review;
  review.document = doc.value();
  auto out = AnnotateDocx(bytes, review, Options());
  ASSERT_TRUE(out.ok());
  std::vector<std::string> before, after;
  EXPECT_EQ(Parts(out.value().bytes, &after), Parts(bytes, &before));
  EXPECT_EQ(after, before);
}

TEST(AnnotateDocx, RefusesAnotherFilesReviewAndNonDocx) {
  const std::string bytes = MakeDocx("<w:p><w:r><w:t>Text.</w:t></w:r></w:p>");
  auto doc = parsers::ParseBytes(bytes, "a.docx");
  ASSERT_TRUE(doc.ok());
  Review review;
  review.document = doc.value();
  review.document.sha256 = std::string(64, '0');
  auto out = AnnotateDocx(bytes, review, Options());
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::kUsage);

  review.document.sha256.clear();
  auto junk = AnnotateDocx("not a zip at all", review, Options());
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.error().code, ErrorCode::kFormat);
}

// Where LibreOffice is installed, it opens every annotated corpus contract:
// a headless conversion to text succeeds and keeps the text, and in its
// conversion to ODT (read back with our own ODT parser) each finding is a
// comment by clausecheck on exactly the evidence.
TEST(AnnotateDocx, LibreOfficeOpensTheResultWithTheComments) {
  if (std::system("which soffice > /dev/null 2>&1") != 0) GTEST_SKIP() << "soffice not installed";
  const fs::path dir = fs::temp_directory_path() / ("cc_annotate_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "lo");
  std::vector<std::pair<std::string, Review>> reviews;
  std::string names;
  for (const auto& f : DocxIn(fs::path(CLAUSECHECK_SOURCE_DIR) / "corpus" / "contracts")) {
    const std::string bytes = Slurp(f);
    Review review = ReviewOf(bytes, f.filename().string());
    auto out = AnnotateDocx(bytes, review, Options());
    ASSERT_TRUE(out.ok());
    const std::string stem = f.stem().string();
    std::ofstream(dir / (stem + ".docx"), std::ios::binary) << out.value().bytes;
    names += " '" + stem + ".docx'";
    reviews.emplace_back(stem, std::move(review));
  }
  ASSERT_FALSE(reviews.empty());
  // LibreOffice 7.4 refuses a DOCX with comments inside footnotes or
  // endnotes: findings in notes must go on the body paragraph.
  const fs::path notes = fs::path(CLAUSECHECK_SOURCE_DIR) / ".." / "shared" / "data" / "docx-dev" /
                         "files" / "pandoc__notes.docx";
  if (fs::exists(notes)) {
    const std::string bytes = Slurp(notes);
    auto doc = parsers::ParseBytes(bytes, "notes.docx");
    ASSERT_TRUE(doc.ok());
    Review review;
    review.document = doc.value();
    for (const Block& b : review.document.blocks) {
      const int n = utf8::CodePointCount(b.text);
      if (b.kind != BlockKind::kFootnote && b.kind != BlockKind::kEndnote) continue;
      review.findings.push_back(SpanFinding(b.source.index, n / 3, n - n / 3));
      review.findings.back().location->part = b.source.part;
    }
    ASSERT_GE(review.findings.size(), 2u);
    auto out = AnnotateDocx(bytes, review, Options());
    ASSERT_TRUE(out.ok());
    std::ofstream(dir / "notes.docx", std::ios::binary) << out.value().bytes;
    names += " notes.docx";
    reviews.emplace_back("notes", std::move(review));
  }
  for (const char* to : {"txt:Text", "odt"}) {
    const std::string cmd = "cd '" + dir.string() + "' && HOME='" + dir.string() +
                            "' timeout 300 soffice --headless --convert-to " + to + " --outdir lo" +
                            names + " > soffice.log 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << Slurp(dir / "soffice.log");
  }
  for (const auto& [stem, review] : reviews) {
    const std::string text = Slurp(dir / "lo" / (stem + ".txt"));
    EXPECT_NE(text.find(review.document.blocks[0].text), std::string::npos) << stem;
    auto odt = parsers::ParseBytes(Slurp(dir / "lo" / (stem + ".odt")), stem + ".odt");
    ASSERT_TRUE(odt.ok()) << stem;
    std::multiset<std::string> covered;  // "[severity] message|covered text"
    for (const Block& b : odt.value().blocks) {
      for (const Mark& m : b.marks) {
        if (m.kind != MarkKind::kComment || m.author != "clausecheck") continue;
        covered.insert(m.text.substr(0, m.text.find(" Recommendation:")) + "|" +
                       Span(b.text, m.start, m.end));
      }
    }
    EXPECT_EQ(covered.size(), review.findings.size()) << stem;
    std::multiset<std::string> wanted;
    for (const Finding& f : review.findings) {
      if (!f.location || f.evidence.empty()) continue;
      // The comment covers the finding's span: its evidence, or nothing for
      // deleted or hidden text (evidence that is not in the text read).
      const Location& at = *f.location;
      const std::string want = "[" + std::string(Name(f.severity)) + "] " + f.message + "|" +
                               Span(review.document.blocks[at.block].text, at.start, at.end);
      wanted.insert(want);
    }
    for (const std::string& want : wanted) {
      EXPECT_EQ(covered.count(want), wanted.count(want)) << stem << ": " << want;
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace clausecheck::reports
