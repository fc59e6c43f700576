#include "reports/zip_writer.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

namespace clausecheck::reports {
namespace {

constexpr uint16_t kVersion = 20;  // 2.0: deflate
constexpr uint16_t kFlagUtf8Name = 1 << 11;
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr uint16_t kDosTime = 0;

void Put16(uint16_t v, std::string* out) {
  out->push_back(static_cast<char>(v & 0xFF));
  out->push_back(static_cast<char>(v >> 8));
}
void Put32(uint32_t v, std::string* out) {
  Put16(static_cast<uint16_t>(v & 0xFFFF), out);
  Put16(static_cast<uint16_t>(v >> 16), out);
}

bool Ascii(const std::string& s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Raw deflate (window bits -15, as zip wants it) at zlib's level 6, what
// Poco's DeflatingOutputStream(out, -15, 6) wrote: deflate's output does not
// depend on how its input is handed over, so the bytes are the same.
Result<std::string> Deflate(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return Error{ErrorCode::kInternal, "cannot compress: zlib would not start", ""};
  }
  std::string out(deflateBound(&z, static_cast<uLong>(std::min<size_t>(data.size(), 1u << 30))),
                  '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  size_t left = data.size();
  size_t produced = 0;
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    // zlib counts in 32-bit units.
    const auto in_now = static_cast<uInt>(std::min<size_t>(left, 1u << 30));
    z.avail_in = in_now;
    if (produced == out.size()) out.resize(out.size() * 2);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    z.avail_out = static_cast<uInt>(std::min<size_t>(out.size() - produced, 1u << 30));
    const size_t room = z.avail_out;
    rc = deflate(&z, left == in_now ? Z_FINISH : Z_NO_FLUSH);
    left -= in_now - z.avail_in;
    produced += room - z.avail_out;
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      deflateEnd(&z);
      return Error{ErrorCode::kInternal, "cannot compress: zlib error " + std::to_string(rc), ""};
    }
  }
  deflateEnd(&z);
  out.resize(produced);
  return out;
}

}  // namespace

Result<std::string> WriteZip(const std::vector<ZipPart>& parts) {
  constexpr uint64_t kMax = std::numeric_limits<uint32_t>::max();
  auto too_large = [] {
    return Error{ErrorCode::kTooLarge, "package too large to write (over 4 GiB or 65535 parts)",
                 ""};
  };
  if (parts.size() >= 0xFFFF) return too_large();
  std::string out;
  std::string central;
  for (const ZipPart& part : parts) {
    const bool dir = !part.name.empty() && part.name.back() == '/';
    std::string stored;
    uint16_t method = 0;
    if (!dir) {
      Result<std::string> deflated = Deflate(part.content);
      if (!deflated.ok()) return deflated.error();
      stored = std::move(deflated).value();
      method = 8;
    }
    const uint32_t crc = static_cast<uint32_t>(
        crc32_z(crc32_z(0, nullptr, 0), reinterpret_cast<const Bytef*>(part.content.data()),
                part.content.size()));
    if (part.content.size() >= kMax || stored.size() >= kMax || out.size() >= kMax ||
        part.name.size() >= 0xFFFF) {
      return too_large();
    }
    const uint16_t flags = Ascii(part.name) ? 0 : kFlagUtf8Name;
    const uint32_t offset = static_cast<uint32_t>(out.size());
    auto common = [&](std::string* s) {
      Put16(kVersion, s);
      Put16(flags, s);
      Put16(method, s);
      Put16(kDosTime, s);
      Put16(kDosDate, s);
      Put32(crc, s);
      Put32(static_cast<uint32_t>(stored.size()), s);
      Put32(static_cast<uint32_t>(part.content.size()), s);
      Put16(static_cast<uint16_t>(part.name.size()), s);
      Put16(0, s);  // extra field length
    };
    Put32(0x04034b50, &out);
    common(&out);
    out += part.name;
    out += stored;

    Put32(0x02014b50, &central);
    Put16(kVersion, &central);  // made by: MS-DOS attributes, version 2.0
    common(&central);
    Put16(0, &central);               // comment length
    Put16(0, &central);               // disk number
    Put16(0, &central);               // internal attributes
    Put32(dir ? 0x10 : 0, &central);  // external attributes: directory bit
    Put32(offset, &central);
    central += part.name;
  }
  if (out.size() + central.size() >= kMax) return too_large();
  const uint32_t central_offset = static_cast<uint32_t>(out.size());
  out += central;
  Put32(0x06054b50, &out);
  Put16(0, &out);  // this disk
  Put16(0, &out);  // disk with the central directory
  Put16(static_cast<uint16_t>(parts.size()), &out);
  Put16(static_cast<uint16_t>(parts.size()), &out);
  Put32(static_cast<uint32_t>(central.size()), &out);
  Put32(central_offset, &out);
  Put16(0, &out);  // comment length
  return out;
}

}  // namespace clausecheck::reports
