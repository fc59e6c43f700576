#include "parsers/parse.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace clausecheck::parsers {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() /
            ("clausecheck-parse-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const fs::path p = path_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void ExpectError(const Result<Format>& r, ErrorCode code, const std::string& message) {
  ASSERT_FALSE(r.ok()) << "detected as " << Name(r.value());
  EXPECT_EQ(r.error().code, code);
  EXPECT_EQ(r.error().message, message);
}

// --- DetectFormat ---------------------------------------------------------------

TEST(DetectFormat, EmptyIsEmpty) { ExpectError(DetectFormat(""), ErrorCode::kEmpty, "empty file"); }

TEST(DetectFormat, BrokenOrForeignZipIsAFormatError) {
  ExpectError(DetectFormat(std::string("PK\x03\x04\x14\x00\x06\x00", 8)), ErrorCode::kFormat,
              "not a valid zip file: too short (truncated?)");
  // An empty zip: a valid archive that holds no document.
  ExpectError(DetectFormat(std::string("PK\x05\x06", 4) + std::string(18, '\0')),
              ErrorCode::kFormat, "zip file is not a Word or OpenDocument document");
}

TEST(DetectFormat, OleCompoundFileIsUnsupported) {
  ExpectError(
      DetectFormat(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0')),
      ErrorCode::kUnsupported,
      "encrypted or legacy Word file (OLE compound document): not supported");
}

TEST(DetectFormat, PdfIsUnsupported) {
  ExpectError(DetectFormat("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), ErrorCode::kUnsupported,
              "PDF is not supported: extract its text first (e.g. pdftotext -layout)");
}

TEST(DetectFormat, RtfIsUnsupported) {
  ExpectError(DetectFormat("{\\rtf1\\ansi Agreement\\par}"), ErrorCode::kUnsupported,
              "RTF is not supported");
}

TEST(DetectFormat, MarkupIsXmlOrHtml) {
  const std::vector<std::pair<std::string, Format>> cases = {
      {"<?xml version=\"1.0\"?><akomaNtoso/>", Format::kXml},
      {"\xEF\xBB\xBF  \n<!DOCTYPE html><html><body>x</body></html>", Format::kHtml},
      {"<HTML><BODY>Agreement</BODY></HTML>", Format::kHtml},
      {"<!-- generated -->\n<contract/>", Format::kXml},
      {"<contract id=\"1\">\n<clause>Term</clause>\n</contract>\n", Format::kXml}};
  for (const auto& [bytes, format] : cases) {
    SCOPED_TRACE(bytes);
    Result<Format> r = DetectFormat(bytes);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r.value(), format);
  }
}

TEST(DetectFormat, Utf16MarkupIsXml) {
  std::string bytes = "\xFF\xFE";
  for (char c : std::string("<?xml version=\"1.0\"?><a/>")) {
    bytes.push_back(c);
    bytes.push_back('\0');
  }
  Result<Format> r = DetectFormat(bytes);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), Format::kXml);
}

TEST(DetectFormat, JsonIsNotAContract) {
  for (const std::string& s :
       {std::string("{\"schema\": \"clausecheck/report@1\"}\n"),
        std::string("  [\n  {\"a\": 1}\n]"), std::string("{\n  \"parties\": [\"Acme\"]\n}")}) {
    SCOPED_TRACE(s);
    ExpectError(DetectFormat(s), ErrorCode::kUnsupported, "JSON data, not a contract");
  }
  // Braces around prose are still text: a template placeholder, a list.
  for (const std::string& s : {std::string("{Company} agrees to pay {Amount}."),
                               std::string("[Draft] The parties agree as follows. [End]")}) {
    SCOPED_TRACE(s);
    Result<Format> r = DetectFormat(s);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r.value(), Format::kText);
  }
}

TEST(ParseBytes, DispatchesXmlAndHtmlToTheirParsers) {
  Result<Document> xml = ParseBytes(
      "<?xml version=\"1.0\"?>\n<contract><section num=\"1\"><title>Term</title>"
      "<p>This Agreement lasts two years.</p></section></contract>\n",
      "c.xml");
  ASSERT_TRUE(xml.ok()) << xml.error().ToString();
  EXPECT_EQ(xml.value().format, Format::kXml);
  EXPECT_EQ(xml.value().sha256.size(), 64u);
  ASSERT_EQ(xml.value().blocks.size(), 2u);
  EXPECT_EQ(xml.value().blocks[0].text, "Term");
  EXPECT_EQ(xml.value().blocks[0].label, "1");
  EXPECT_EQ(xml.value().blocks[1].text, "This Agreement lasts two years.");

  Result<Document> html = ParseBytes(
      "<!DOCTYPE html><html><body><h1>Agreement</h1><ol><li>Term</li></ol>"
      "<script>alert(1)</script></body></html>",
      "c.html");
  ASSERT_TRUE(html.ok()) << html.error().ToString();
  EXPECT_EQ(html.value().format, Format::kHtml);
  ASSERT_EQ(html.value().blocks.size(), 2u);
  EXPECT_EQ(html.value().blocks[1].label, "1.");
  EXPECT_EQ(html.value().blocks[1].text, "Term");

  Result<Document> attack = ParseBytes(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<c>&x;</c>\n",
      "attack.xml");
  ASSERT_FALSE(attack.ok());
  EXPECT_EQ(attack.error().ToString(),
            "attack.xml: XML with entity declarations is not accepted (DTD entities are never "
            "expanded) at line 2");
}

TEST(DetectFormat, AnglePlaceholderIsText) {
  Result<Format> r = DetectFormat("<Company Name> agrees to supply <Product> to the Buyer.\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), Format::kText);
}

TEST(DetectFormat, TextEncodingsAreText) {
  std::string utf16 = "\xFE\xFF";
  for (char c : std::string("Agreement\n")) {
    utf16.push_back('\0');
    utf16.push_back(c);
  }
  const std::string gbk = "\xBA\xCF\xCD\xAC\n";
  for (const std::string& s : {std::string("Agreement\n"),
                               std::string("\xEF\xBB\xBF"
                                           "Agreement"),
                               utf16, gbk, std::string("Agreement\x1A")}) {
    Result<Format> r = DetectFormat(s);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r.value(), Format::kText);
  }
}

TEST(DetectFormat, NulBytesAreBinary) {
  ExpectError(DetectFormat(std::string("This\0Agreement\0\0is made", 23)), ErrorCode::kFormat,
              "binary data, not a text document");
}

TEST(DetectFormat, ControlCharactersAreBinary) {
  ExpectError(DetectFormat("Agreement\x01\x02\x03\x04\x05 text \x06\x07\x0E\x0F"),
              ErrorCode::kFormat, "binary data, not a text document");
}

TEST(DetectFormat, RandomBytesAreBinary) {
  std::mt19937 rng(42);
  for (int n : {64, 4096, 100000}) {
    std::string bytes;
    for (int i = 0; i < n; ++i) bytes.push_back(static_cast<char>(rng() & 0xFF));
    ExpectError(DetectFormat(bytes), ErrorCode::kFormat, "binary data, not a text document");
  }
}

TEST(DetectFormat, PngIsBinary) {
  // The signature and the start of the IHDR chunk: 20 bytes (the length once
  // said 24 and read past the literal; ASan caught it).
  constexpr char kPng[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10";
  ExpectError(DetectFormat(std::string(kPng, sizeof kPng - 1)), ErrorCode::kFormat,
              "binary data, not a text document");
}

TEST(DetectFormat, Latin1TextIsAnEncodingError) {
  ExpectError(DetectFormat("Le contrat est sign\xE9 \xE0 Paris.\n"), ErrorCode::kEncoding,
              "not valid UTF-8 (first bad byte at offset 19) and not GB18030/GBK");
}

// --- ParseBytes -----------------------------------------------------------------

TEST(ParseBytes, ParsesTextWhateverTheName) {
  Result<Document> doc = ParseBytes("Title\n\nBody.\n", "contract.docx");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc.value().path, "contract.docx");
  EXPECT_EQ(doc.value().format, Format::kText);
  EXPECT_EQ(doc.value().encoding, "UTF-8");
  EXPECT_EQ(doc.value().blocks.size(), 2u);
  EXPECT_EQ(doc.value().sha256, Sha256Hex("Title\n\nBody.\n"));
}

TEST(ParseBytes, ErrorsNameThePath) {
  Result<Document> doc = ParseBytes("%PDF-1.4\n", "in/scan.pdf");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().where, "in/scan.pdf");
  EXPECT_EQ(doc.error().ToString(),
            "in/scan.pdf: PDF is not supported: extract its text first (e.g. pdftotext -layout)");
  Result<Document> empty = ParseBytes("\n\n", "blank.txt");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().ToString(), "blank.txt: no text");
}

// --- Sha256Hex --------------------------------------------------------------------

TEST(Sha256Hex, MatchesKnownDigests) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(std::string("\0\xFF", 2)),
            "06eb7d6a69ee19e5fbdf749018d3d2abfa04bcbd1365db312eb86dc7169389b8");
  // NIST's long message: a million "a", many blocks in one call.
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// --- ParseFile --------------------------------------------------------------------

TEST(ParseFile, ReadsARegularFile) {
  TempDir dir;
  const std::string path =
      dir.Write("nda.txt", "MUTUAL NDA\n\n1. Purpose. The parties wish to talk.\n");
  Result<Document> doc = ParseFile(path, Limits{});
  ASSERT_TRUE(doc.ok()) << doc.error().ToString();
  EXPECT_EQ(doc.value().path, path);
  ASSERT_EQ(doc.value().blocks.size(), 2u);
  EXPECT_EQ(doc.value().blocks[1].text, "1. Purpose. The parties wish to talk.");
  EXPECT_EQ(doc.value().sha256, Sha256Hex("MUTUAL NDA\n\n1. Purpose. The parties wish to talk.\n"));
}

TEST(ParseFile, MissingFile) {
  TempDir dir;
  const std::string path = (dir.path() / "nope.txt").string();
  Result<Document> doc = ParseFile(path, Limits{});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kIo);
  EXPECT_EQ(doc.error().message, "no such file");
  EXPECT_EQ(doc.error().where, path);
  Result<Document> under_file = ParseFile(dir.Write("f.txt", "x") + "/child.txt", Limits{});
  ASSERT_FALSE(under_file.ok());
  EXPECT_EQ(under_file.error().message, "no such file");
}

TEST(ParseFile, Directory) {
  TempDir dir;
  Result<Document> doc = ParseFile(dir.path().string(), Limits{});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kIo);
  EXPECT_EQ(doc.error().message, "is a directory");
}

TEST(ParseFile, TooLarge) {
  TempDir dir;
  const std::string path = dir.Write("big.txt", std::string(2000, 'a'));
  Limits limits;
  limits.max_file_size = 1000;
  Result<Document> doc = ParseFile(path, limits);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(doc.error().message, "file too large (2000 bytes, limit 1000)");
  limits.max_file_size = 2000;
  EXPECT_TRUE(ParseFile(path, limits).ok());
}

// A block over kMaxBlockBytes is refused, naming it; one at the limit is read.
TEST(ParseBytes, RefusesAParagraphOverTheLimit) {
  std::string words;
  while (words.size() < kMaxBlockBytes) words += "the supplier shall pay all fees ";
  const std::string at_limit = words.substr(0, kMaxBlockBytes - 1) + "x";
  const std::string text = "First paragraph.\n\n" + at_limit + "\n\n";
  Result<Document> ok = ParseBytes(text, "t.txt");
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  ASSERT_EQ(ok.value().blocks.size(), 2u);
  EXPECT_EQ(ok.value().blocks[1].text.size(), kMaxBlockBytes);
  Result<Document> over = ParseBytes("First paragraph.\n\n" + at_limit + "y\n", "t.txt");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(over.error().ToString(), "t.txt: paragraph 2 too long (1048577 bytes, limit 1048576)");
}

TEST(ParseFile, PermissionDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read any file";
  TempDir dir;
  const std::string path = dir.Write("secret.txt", "Agreement\n");
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  Result<Document> doc = ParseFile(path, Limits{});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kIo);
  EXPECT_EQ(doc.error().message, "permission denied");
}

TEST(ParseFile, FifoIsNotARegularFile) {
  TempDir dir;
  const std::string path = (dir.path() / "pipe").string();
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  Result<Document> doc = ParseFile(path, Limits{});  // must not block
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kIo);
  EXPECT_EQ(doc.error().message, "not a regular file");
}

// --- corpus/malformed ---------------------------------------------------------------

struct Expected {
  std::string file;
  std::string code;
  std::string message;
};

std::vector<Expected> ReadExpected(const fs::path& tsv) {
  std::vector<Expected> rows;
  std::istringstream in(ReadFile(tsv));
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      EXPECT_EQ(line, "file\tcode\tmessage");
      header = false;
      continue;
    }
    if (line.empty()) continue;
    const size_t a = line.find('\t');
    const size_t b = line.find('\t', a + 1);
    EXPECT_NE(b, std::string::npos) << line;
    if (b == std::string::npos) continue;
    rows.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return rows;
}

TEST(MalformedCorpus, EachFileFailsAsExpected) {
  const fs::path dir = fs::path(CLAUSECHECK_SOURCE_DIR) / "corpus" / "malformed";
  const std::vector<Expected> rows = ReadExpected(dir / "EXPECTED.tsv");
  ASSERT_FALSE(rows.empty());
  std::set<std::string> listed;
  for (const Expected& row : rows) {
    SCOPED_TRACE(row.file);
    listed.insert(row.file);
    Result<Document> doc = ParseFile((dir / row.file).string(), Limits{});
    ASSERT_FALSE(doc.ok()) << "parsed into " << doc.value().blocks.size() << " blocks";
    EXPECT_EQ(ErrorCodeName(doc.error().code), row.code);
    EXPECT_EQ(doc.error().message, row.message);
    EXPECT_EQ(doc.error().message.find('\n'), std::string::npos);
  }
  // Every bad input in the directory has an expectation.
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name == "EXPECTED.tsv") continue;
    EXPECT_TRUE(listed.count(name)) << name << " is not in EXPECTED.tsv";
  }
}

}  // namespace
}  // namespace clausecheck::parsers
