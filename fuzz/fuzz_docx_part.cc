// One part of an otherwise valid DOCX package: the first input byte picks the
// part (document, numbering, styles, comments, footnotes, header, the main
// part's relationships), the rest is that part's XML. The other parts are a
// small package that uses lists, styles, comments, notes, tracked changes and
// tables, so that each part is read in context.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "parsers/docx.h"
#include "parsers/zip.h"

using namespace clausecheck::parsers;
using clausecheck::Result;

namespace {

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"

constexpr const char* kContentTypes =
    R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";
constexpr const char* kRootRels =
    R"(<?xml version="1.0"?><Relationships xmlns=")" PKG_NS R"(">)"
    R"(<Relationship Id="rId1" Type=")" R_NS R"(/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

struct Part {
  const char* name;
  const char* xml;  // the default content
};

const Part kParts[] = {
    {"word/document.xml",
     R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
     R"(<w:document xmlns:w=")" W_NS R"(" xmlns:r=")" R_NS R"("><w:body>)"
     R"(<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Definitions</w:t></w:r></w:p>)"
     R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>)"
     R"(<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">The Supplier shall </w:t></w:r>)"
     R"(<w:ins w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t>not </w:t></w:r></w:ins>)"
     R"(<w:del w:id="2" w:author="B"><w:r><w:delText>ever </w:delText></w:r></w:del>)"
     R"(<w:r><w:t>pay USD 1,000 by 1 March 2026.</w:t></w:r><w:commentRangeEnd w:id="0"/>)"
     R"(<w:r><w:commentReference w:id="0"/></w:r>)"
     R"(<w:r><w:footnoteReference w:id="1"/></w:r></w:p>)"
     R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>)"
     R"(<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:tab/><w:t>Sub clause.</w:t></w:r></w:p>)"
     R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)"
     R"(<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>Styled list.</w:t></w:r></w:p>)"
     R"(<w:sectPr><w:headerReference w:type="default" r:id="rId6"/></w:sectPr>)"
     R"(</w:body></w:document>)"},
    {"word/numbering.xml",
     R"(<?xml version="1.0"?><w:numbering xmlns:w=")" W_NS R"(">)"
     R"(<w:abstractNum w:abstractNumId="0">)"
     R"(<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>)"
     R"x(<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>)x"
     R"(</w:abstractNum>)"
     R"(<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListNumber"/></w:abstractNum>)"
     R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
     R"(<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">)"
     R"(<w:startOverride w:val="5"/></w:lvlOverride></w:num>)"
     R"(</w:numbering>)"},
    {"word/styles.xml",
     R"(<?xml version="1.0"?><w:styles xmlns:w=")" W_NS R"(">)"
     R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>)"
     R"(<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>)"
     R"(<w:style w:type="paragraph" w:styleId="ListNumber"><w:basedOn w:val="Heading1"/>)"
     R"(<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>)"
     R"(<w:style w:type="character" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>)"
     R"(</w:styles>)"},
    {"word/comments.xml",
     R"(<?xml version="1.0"?><w:comments xmlns:w=")" W_NS R"(">)"
     R"(<w:comment w:id="0" w:author="Reviewer" w:date="2026-01-02T00:00:00Z">)"
     R"(<w:p><w:r><w:t>Check this.</w:t></w:r></w:p></w:comment></w:comments>)"},
    {"word/footnotes.xml",
     R"(<?xml version="1.0"?><w:footnotes xmlns:w=")" W_NS R"(">)"
     R"(<w:footnote w:id="1"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>)"},
    {"word/header1.xml", R"(<?xml version="1.0"?><w:hdr xmlns:w=")" W_NS
                         R"("><w:p><w:r><w:t>Confidential</w:t></w:r></w:p></w:hdr>)"},
    {"word/_rels/document.xml.rels",
     R"(<?xml version="1.0"?><Relationships xmlns=")" PKG_NS R"(">)"
     R"(<Relationship Id="rId1" Type=")" R_NS R"(/numbering" Target="numbering.xml"/>)"
     R"(<Relationship Id="rId2" Type=")" R_NS R"(/styles" Target="styles.xml"/>)"
     R"(<Relationship Id="rId3" Type=")" R_NS R"(/comments" Target="comments.xml"/>)"
     R"(<Relationship Id="rId4" Type=")" R_NS R"(/footnotes" Target="footnotes.xml"/>)"
     R"(<Relationship Id="rId6" Type=")" R_NS R"(/header" Target="header1.xml"/>)"
     R"(</Relationships>)"},
};
constexpr size_t kPartCount = sizeof kParts / sizeof kParts[0];

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t chosen = data[0] % kPartCount;
  const std::string_view part(reinterpret_cast<const char*>(data) + 1, size - 1);
  clausecheck::fuzz::Files files = {{"[Content_Types].xml", kContentTypes},
                                    {"_rels/.rels", kRootRels}};
  for (size_t i = 0; i < kPartCount; ++i) {
    files.emplace_back(kParts[i].name, i == chosen ? std::string(part) : kParts[i].xml);
  }
  const std::string bytes = clausecheck::fuzz::StoredZip(files);
  Result<ZipPackage> zip = ZipPackage::Open(bytes, ZipLimits{});
  if (!zip.ok()) __builtin_trap();  // we built it: it must open
  std::vector<DocxBlockSource> sources;
  (void)ParseDocx(zip.value(), "fuzz.docx", &sources);
  return 0;
}

// The default parts, for scripts/fuzz.sh to write the seed corpus: with
// CLAUSECHECK_FUZZ_WRITE_SEEDS=dir, each part is written as its selector byte
// followed by its default XML, and the process exits.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* dir = std::getenv("CLAUSECHECK_FUZZ_WRITE_SEEDS");
  if (dir == nullptr) return 0;
  for (size_t i = 0; i < kPartCount; ++i) {
    const std::string path = std::string(dir) + "/default-" + std::to_string(i);
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) std::exit(1);
    std::fputc(static_cast<int>(i), f);
    std::fputs(kParts[i].xml, f);
    std::fclose(f);
  }
  std::exit(0);
}
