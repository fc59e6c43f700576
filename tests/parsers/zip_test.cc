#include "parsers/zip.h"

#include <Poco/DateTime.h>
#include <Poco/InflatingStream.h>
#include <Poco/MemoryStream.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "parsers/zip_internal.h"

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

// The little-endian 32-bit value at `at`, and writing one there.
uint32_t GetU32(const std::string& bytes, size_t at) {
  uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}
void PutU32(std::string* bytes, size_t at, uint32_t value) {
  for (int i = 0; i < 4; ++i) (*bytes)[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

// The error of reading `name` from `zip`, which must open: an error with
// an empty message if the read succeeds.
Error ReadError(const std::string& zip, std::string_view name,
                const ZipLimits& limits = ZipLimits{}) {
  Result<ZipPackage> pkg = ZipPackage::Open(zip, limits);
  if (!pkg.ok()) return Error{ErrorCode::kFormat, "does not open: " + pkg.error().message, ""};
  Result<std::string> text = pkg.value().Read(name);
  if (text.ok()) return Error{ErrorCode::kFormat, "", ""};
  return text.error();
}

// --- the emulation of Poco's inflating stream ------------------------------

// What Poco's InflatingInputStream gives read `read_size` bytes at a time,
// as the zip reader read it before: each read's bytes, until a read gives
// none or leaves the stream not good. "!" if Poco threw.
std::vector<std::string> PocoReads(std::string_view raw, size_t read_size) {
  std::vector<std::string> reads;
  try {
    Poco::MemoryInputStream source(raw.data(), raw.size());
    Poco::InflatingInputStream inflater(source, -15);
    std::string buf(read_size, '\0');
    for (;;) {
      inflater.read(buf.data(), static_cast<std::streamsize>(read_size));
      const auto n = static_cast<size_t>(inflater.gcount());
      if (n == 0) break;
      reads.emplace_back(buf.data(), n);
      if (!inflater) break;
    }
  } catch (const std::exception&) {
    reads.emplace_back("!");
  }
  return reads;
}

std::vector<std::string> EmulatedReads(std::string_view raw, size_t read_size) {
  std::vector<std::string> reads;
  if (!internal::ReadDeflateLikePoco(raw, read_size, [&](std::string_view read) {
        reads.emplace_back(read);
        return true;
      })) {
    reads.emplace_back("!");
  }
  return reads;
}

// Raw deflate of `data`; with `flush` Z_SYNC_FLUSH, a stream not finished
// (no final block).
std::string RawDeflate(const std::string& data, int level, int flush = Z_FINISH) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()) + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, flush), flush == Z_FINISH ? Z_STREAM_END : Z_OK);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// The emulation reads every stream as Poco does: whole, cut short, with
// bits flipped, with bytes after its end or random, compressible or not,
// around Poco's 1,020-byte stream buffer, its 32 KiB source reads and the
// reader's 64 KiB reads.
TEST(ReadDeflateLikePoco, ReadsEveryStreamAsPocoDoes) {
  std::mt19937 random(20261129);
  std::vector<std::string> contents;
  for (size_t size :
       {size_t{0}, size_t{1}, size_t{1019}, size_t{1020}, size_t{1021}, size_t{32768},
        size_t{65535}, size_t{65536}, size_t{65537}, size_t{140000}, size_t{300000}}) {
    std::string text, noise;
    for (size_t i = 0; i < size; ++i) {
      text += static_cast<char>('a' + (i * 7919 % 10007) % 26);
      noise += static_cast<char>(random() & 0xFF);
    }
    contents.push_back(text);
    contents.push_back(noise);
  }
  std::vector<std::string> streams;
  for (const std::string& c : contents) {
    for (int level : {1, 6, 9}) {
      const std::string deflated = RawDeflate(c, level);
      streams.push_back(deflated);
      streams.push_back(deflated + "trailing bytes");
      // Unfinished, then a block of the invalid type 3 in the last byte:
      // Poco forgives a data error that meets the end of its input and
      // keeps what the read had inflated.
      streams.push_back(RawDeflate(c, level, Z_SYNC_FLUSH) + "\x07");
      for (size_t cut : {deflated.size() / 3, deflated.size() / 2, deflated.size() - 1,
                         size_t{32768}, size_t{32769}}) {
        if (cut < deflated.size()) streams.push_back(deflated.substr(0, cut));
      }
      // Damage at the very end, where an error meets the input's end.
      for (size_t back = 1; back <= 3 && back <= deflated.size(); ++back) {
        for (int bit = 0; bit < 8; ++bit) {
          std::string damaged = deflated;
          damaged[damaged.size() - back] =
              static_cast<char>(damaged[damaged.size() - back] ^ (1 << bit));
          streams.push_back(damaged);
        }
      }
      for (int flip = 0; flip < 6 && !deflated.empty(); ++flip) {
        std::string damaged = deflated;
        const size_t at = random() % damaged.size();
        damaged[at] = static_cast<char>(damaged[at] ^ (1 << (random() % 8)));
        streams.push_back(damaged);
      }
    }
  }
  for (size_t size : {size_t{0}, size_t{5}, size_t{4000}, size_t{40000}}) {
    std::string junk;
    for (size_t i = 0; i < size; ++i) junk += static_cast<char>(random() & 0xFF);
    streams.push_back(junk);
  }
  size_t failing = 0;
  for (const std::string& raw : streams) {
    for (size_t read_size : {size_t{65536}, size_t{1000}}) {
      const std::vector<std::string> poco = PocoReads(raw, read_size);
      ASSERT_EQ(EmulatedReads(raw, read_size), poco)
          << raw.size() << "-byte stream, " << read_size << "-byte reads";
      size_t total = 0;
      for (const std::string& r : poco) total += r.size();
      failing += poco.empty() || total == 0;
    }
  }
  EXPECT_GT(streams.size(), 2000u);
  EXPECT_GT(failing, 10u);  // streams whose reads fail are among them
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
  const Error error = ReadError(MakeZip({{"a", "b"}}), "b");
  EXPECT_EQ(error.code, ErrorCode::kFormat);
  EXPECT_EQ(error.message, "zip entry not found: b");
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
  const Error error =
      ReadError(MakeZip({{"bomb.xml", std::string(size_t{8} << 20, '\0')}}), "bomb.xml");
  EXPECT_EQ(error.code, ErrorCode::kTooLarge);
  EXPECT_EQ(error.message, "zip entry bomb.xml compression ratio above 200:1 (zip bomb?)");
}

TEST(ZipPackage, RefusesEntryOverTheSizeLimit) {
  ZipLimits limits;
  limits.max_entry_size = 1000;
  const Error error = ReadError(MakeZip({{"big", std::string(2000, 'a')}}), "big", limits);
  EXPECT_EQ(error.code, ErrorCode::kTooLarge);
  EXPECT_EQ(error.message, "zip entry big too large (declared 2000 bytes, limit 1000)");
}

TEST(ZipPackage, StopsInflatingWhenTheDeclaredSizeLies) {
  std::string zip = MakeZip({{"big", std::string(300000, 'a')}});
  // Rewrite the declared size in the central directory to 10 bytes.
  const size_t cd = zip.find("PK\x01\x02");
  ASSERT_NE(cd, std::string::npos);
  zip[cd + 24] = 10;
  zip[cd + 25] = zip[cd + 26] = zip[cd + 27] = 0;
  ZipLimits limits;
  const Error error = ReadError(zip, "big", limits);
  EXPECT_EQ(error.code, ErrorCode::kFormat);
  EXPECT_EQ(error.message, "corrupt zip entry big: inflates beyond its declared size");
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
  const Error error = ReadError(zip, "big", limits);
  EXPECT_EQ(error.code, ErrorCode::kTooLarge);
  EXPECT_EQ(error.message, "zip entry big inflates beyond the limit of 150 bytes");
}

// A deflate stream cut short (the compressed size shrunk) is read through
// Poco as before: its failing read is dropped, so the entry is short.
TEST(ZipPackage, TruncatedDeflateStreamIsShort) {
  std::string content;
  for (int i = 0; i < 20000; ++i) content += std::to_string(i * 7919 % 10007) + " ";
  std::string zip = MakeZip({{"a.xml", content}});
  const size_t cd = zip.find("PK\x01\x02");
  ASSERT_NE(cd, std::string::npos);
  PutU32(&zip, cd + 20, GetU32(zip, cd + 20) / 2);
  const Error error = ReadError(zip, "a.xml");
  EXPECT_EQ(error.code, ErrorCode::kFormat);
  EXPECT_EQ(error.message, "corrupt zip entry a.xml: size differs from the declared size");
}

// A stream that ends before its declared size is refused for its size even
// when the CRC is that of the entry padded with zeros to the declared size.
TEST(ZipPackage, AStreamShortOfItsDeclaredSizeIsRefusedWhateverItsCrc) {
  const std::string content(1000, 'a');
  std::string zip = MakeZip({{"a.xml", content}});
  const size_t cd = zip.find("PK\x01\x02");
  ASSERT_NE(cd, std::string::npos);
  const std::string padded = content + std::string(10, '\0');
  PutU32(&zip, cd + 16,
         static_cast<uint32_t>(
             crc32_z(0, reinterpret_cast<const Bytef*>(padded.data()), padded.size())));
  PutU32(&zip, cd + 24, static_cast<uint32_t>(padded.size()));
  const Error error = ReadError(zip, "a.xml");
  EXPECT_EQ(error.code, ErrorCode::kFormat);
  EXPECT_EQ(error.message, "corrupt zip entry a.xml: size differs from the declared size");
}

// An entry whose bytes are not those its CRC-32 names is refused, deflated
// or stored.
TEST(ZipPackage, RefusesAnEntryWhoseCrcDiffers) {
  for (const auto method : {Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CM_STORE}) {
    std::string zip = MakeZip({{"a.xml", "<a>" + std::string(3000, 'q') + "</a>"}}, method);
    const size_t cd = zip.find("PK\x01\x02");
    ASSERT_NE(cd, std::string::npos);
    zip[cd + 16] = static_cast<char>(zip[cd + 16] ^ 1);
    const Error error = ReadError(zip, "a.xml");
    EXPECT_EQ(error.code, ErrorCode::kFormat) << method;
    EXPECT_EQ(error.message, "corrupt zip entry a.xml: CRC mismatch") << method;
  }
}

// Bytes after the end of a deflate stream, within the entry's compressed
// size, are not read.
TEST(ZipPackage, ReadsAnEntryWhoseDataRunsPastItsStream) {
  std::string content;
  for (int i = 0; i < 5000; ++i) content += std::to_string(i * 7919 % 10007) + " ";
  std::string zip = MakeZip({{"a.xml", content}, {"b.xml", "<b/>"}});
  const size_t cd = zip.find("PK\x01\x02");
  ASSERT_NE(cd, std::string::npos);
  PutU32(&zip, cd + 20, GetU32(zip, cd + 20) + 20);  // into b.xml's local header
  Result<ZipPackage> pkg = ZipPackage::Open(zip, ZipLimits{});
  ASSERT_TRUE(pkg.ok());
  Result<std::string> text = pkg.value().Read("a.xml");
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(text.value(), content);
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
