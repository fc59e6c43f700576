#include "parsers/zip.h"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace clausecheck::parsers {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

std::string MakeZip(const Files& files, Poco::Zip::ZipCommon::CompressionMethod method =
                                            Poco::Zip::ZipCommon::CM_DEFLATE) {
  std::stringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, content] : files) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(2026, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX), method);
  }
  zip.close();
  return out.str();
}

TEST(ZipPackage, ReadsEntries) {
  const std::string zip = MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                   {"word/document.xml", std::string(5000, 'x') + "end"}});
  Result<ZipPackage> pkg = ZipPackage::Open(zip, ZipLimits{});
  ASSERT_TRUE(pkg.ok()) << pkg.error().message;
  ASSERT_EQ(pkg.value().entries().size(), 2u);
  EXPECT_EQ(pkg.value().entries()[1].name, "word/document.xml");
  EXPECT_EQ(pkg.value().entries()[1].size, 5003u);
  EXPECT_TRUE(pkg.value().Has("mimetype"));
  EXPECT_FALSE(pkg.value().Has("Mimetype"));
  EXPECT_EQ(pkg.value().Find("WORD/Document.xml"), "word/document.xml");
  EXPECT_EQ(pkg.value().Find("nothing"), "");
  Result<std::string> text = pkg.value().Read("mimetype");
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(text.value(), "application/vnd.oasis.opendocument.text");
  Result<std::string> doc = pkg.value().Read("word/document.xml");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc.value(), std::string(5000, 'x') + "end");
}

TEST(ZipPackage, ReadsStoredEntries) {
  const std::string zip = MakeZip({{"a.txt", "stored text"}}, Poco::Zip::ZipCommon::CM_STORE);
  Result<ZipPackage> pkg = ZipPackage::Open(zip, ZipLimits{});
  ASSERT_TRUE(pkg.ok()) << pkg.error().message;
  Result<std::string> text = pkg.value().Read("a.txt");
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(text.value(), "stored text");
}

TEST(ZipPackage, MissingEntryIsAnError) {
  Result<ZipPackage> pkg = ZipPackage::Open(MakeZip({{"a", "b"}}), ZipLimits{});
  ASSERT_TRUE(pkg.ok());
  Result<std::string> text = pkg.value().Read("b");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kFormat);
  EXPECT_EQ(text.error().message, "zip entry not found: b");
}

TEST(ZipPackage, RefusesTooManyEntries) {
  Files files;
  for (int i = 0; i < 50; ++i) files.emplace_back("f" + std::to_string(i), "x");
  ZipLimits limits;
  limits.max_entries = 20;
  Result<ZipPackage> pkg = ZipPackage::Open(MakeZip(files), limits);
  ASSERT_FALSE(pkg.ok());
  EXPECT_EQ(pkg.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(pkg.error().message, "too many zip entries (50, limit 20)");
  limits.max_entries = 50;
  EXPECT_TRUE(ZipPackage::Open(MakeZip(files), limits).ok());
}

TEST(ZipPackage, RefusesBombByRatio) {
  // 8 MB of zeros deflate to about 8 KB: a ratio near 1000:1.
  Result<ZipPackage> pkg =
      ZipPackage::Open(MakeZip({{"bomb.xml", std::string(size_t{8} << 20, '\0')}}), ZipLimits{});
  ASSERT_TRUE(pkg.ok()) << pkg.error().message;
  Result<std::string> text = pkg.value().Read("bomb.xml");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(text.error().message, "zip entry bomb.xml compression ratio above 200:1 (zip bomb?)");
}

TEST(ZipPackage, RefusesEntryOverTheSizeLimit) {
  ZipLimits limits;
  limits.max_entry_size = 1000;
  Result<ZipPackage> pkg = ZipPackage::Open(MakeZip({{"big", std::string(2000, 'a')}}), limits);
  ASSERT_TRUE(pkg.ok());
  Result<std::string> text = pkg.value().Read("big");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(text.error().message, "zip entry big too large (declared 2000 bytes, limit 1000)");
}

TEST(ZipPackage, StopsInflatingWhenTheDeclaredSizeLies) {
  std::string zip = MakeZip({{"big", std::string(300000, 'a')}});
  // Rewrite the declared size in the central directory to 10 bytes.
  const size_t cd = zip.find("PK\x01\x02");
  ASSERT_NE(cd, std::string::npos);
  zip[cd + 24] = 10;
  zip[cd + 25] = zip[cd + 26] = zip[cd + 27] = 0;
  ZipLimits limits;
  Result<ZipPackage> pkg = ZipPackage::Open(zip, limits);
  ASSERT_TRUE(pkg.ok());
  Result<std::string> text = pkg.value().Read("big");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kFormat);
  EXPECT_EQ(text.error().message, "corrupt zip entry big: inflates beyond its declared size");
}

// The limits are judged per 64 KiB of output, in a fixed order: an entry
// that passes both its declared size and the size limit within the first
// 64 KiB is reported for the limit.
TEST(ZipPackage, JudgesTheLimitsPerChunkInOrder) {
  std::string zip = MakeZip({{"big", std::string(200, 'a')}});
  const size_t cd = zip.find("PK\x01\x02");
  ASSERT_NE(cd, std::string::npos);
  zip[cd + 24] = 100;
  zip[cd + 25] = zip[cd + 26] = zip[cd + 27] = 0;
  ZipLimits limits;
  limits.max_entry_size = 150;
  Result<ZipPackage> pkg = ZipPackage::Open(zip, limits);
  ASSERT_TRUE(pkg.ok());
  Result<std::string> text = pkg.value().Read("big");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(text.error().message, "zip entry big inflates beyond the limit of 150 bytes");
}

// A deflate stream cut short (the compressed size shrunk) is read through
// Poco as before: its failing read is dropped, so the entry is short.
TEST(ZipPackage, TruncatedDeflateStreamIsShort) {
  std::string content;
  for (int i = 0; i < 20000; ++i) content += std::to_string(i * 7919 % 10007) + " ";
  std::string zip = MakeZip({{"a.xml", content}});
  const size_t cd = zip.find("PK\x01\x02");
  ASSERT_NE(cd, std::string::npos);
  const uint32_t compressed = static_cast<unsigned char>(zip[cd + 20]) |
                              static_cast<unsigned char>(zip[cd + 21]) << 8 |
                              static_cast<unsigned char>(zip[cd + 22]) << 16;
  const uint32_t cut = compressed / 2;
  for (int i = 0; i < 4; ++i) zip[cd + 20 + i] = static_cast<char>((cut >> (8 * i)) & 0xFF);
  Result<ZipPackage> pkg = ZipPackage::Open(zip, ZipLimits{});
  ASSERT_TRUE(pkg.ok());
  Result<std::string> text = pkg.value().Read("a.xml");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kFormat);
  EXPECT_EQ(text.error().message, "corrupt zip entry a.xml: size differs from the declared size");
}

TEST(ZipPackage, EnforcesTheRunningTotal) {
  ZipLimits limits;
  limits.max_total_size = 1500;
  Result<ZipPackage> pkg = ZipPackage::Open(
      MakeZip({{"a", std::string(1000, 'a')}, {"b", std::string(1000, 'b')}}), limits);
  ASSERT_TRUE(pkg.ok());
  EXPECT_TRUE(pkg.value().Read("a").ok());
  Result<std::string> text = pkg.value().Read("b");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(text.error().message, "zip contents too large (more than 1500 bytes inflated)");
}

TEST(ZipPackage, RefusesTruncatedZip) {
  const std::string zip = MakeZip({{"a", std::string(4000, 'a')}, {"b", "bee"}});
  for (size_t cut : {zip.size() / 2, zip.size() - 10, size_t{30}, size_t{5}}) {
    Result<ZipPackage> pkg = ZipPackage::Open(std::string_view(zip).substr(0, cut), ZipLimits{});
    ASSERT_FALSE(pkg.ok()) << cut;
    EXPECT_EQ(pkg.error().code, ErrorCode::kFormat);
    EXPECT_EQ(pkg.error().message.rfind("not a valid zip file: ", 0), 0u) << pkg.error().message;
  }
}

TEST(ZipPackage, RefusesCorruptData) {
  std::string zip = MakeZip({{"a.xml", "<a>" + std::string(3000, 'q') + "</a>"}});
  // Damage the deflate data just after the local header and name.
  for (size_t i = 30 + 5; i < 30 + 5 + 8; ++i) zip[i] = static_cast<char>(zip[i] ^ 0x5A);
  Result<ZipPackage> pkg = ZipPackage::Open(zip, ZipLimits{});
  ASSERT_TRUE(pkg.ok());
  Result<std::string> text = pkg.value().Read("a.xml");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kFormat);
  EXPECT_EQ(text.error().message.rfind("corrupt zip entry a.xml: ", 0), 0u) << text.error().message;
}

TEST(ZipPackage, RefusesEncryptedEntries) {
  std::string zip = MakeZip({{"a", "secret"}});
  const size_t cd = zip.find("PK\x01\x02");
  zip[cd + 8] = static_cast<char>(zip[cd + 8] | 1);
  Result<ZipPackage> pkg = ZipPackage::Open(zip, ZipLimits{});
  ASSERT_FALSE(pkg.ok());
  EXPECT_EQ(pkg.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(pkg.error().message, "encrypted zip entry: not supported");
}

TEST(ZipPackage, RefusesNotAZip) {
  Result<ZipPackage> pkg = ZipPackage::Open("This is plain text, not a zip file at all.", {});
  ASSERT_FALSE(pkg.ok());
  EXPECT_EQ(pkg.error().code, ErrorCode::kFormat);
  EXPECT_EQ(pkg.error().message,
            "not a valid zip file: no end of central directory (truncated or not a zip)");
  Result<ZipPackage> tiny = ZipPackage::Open("PK", {});
  ASSERT_FALSE(tiny.ok());
  EXPECT_EQ(tiny.error().message, "not a valid zip file: too short (truncated?)");
}

TEST(ZipPackage, CountLargerThanTheDirectoryIsRefused) {
  std::string zip = MakeZip({{"a", "b"}});
  const size_t end = zip.rfind("PK\x05\x06");
  zip[end + 10] = static_cast<char>(0xFF);
  zip[end + 11] = 0x0F;
  zip[end + 8] = zip[end + 10];
  zip[end + 9] = zip[end + 11];
  Result<ZipPackage> pkg = ZipPackage::Open(zip, ZipLimits{});
  ASSERT_FALSE(pkg.ok());
  EXPECT_EQ(pkg.error().code, ErrorCode::kFormat);
  EXPECT_EQ(pkg.error().message, "not a valid zip file: central directory too short");
}

}  // namespace
}  // namespace clausecheck::parsers
