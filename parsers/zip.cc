#include "parsers/zip.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>

#include "parsers/zip_internal.h"

// The central directory is read by hand rather than through
// Poco::Zip::ZipArchive: ZipArchive walks local headers, trusts declared sizes
// and throws from deep inside on hostile input. Here every offset is checked
// against the buffer before use. An entry is first inflated whole by
// libdeflate into a string of its declared size, and CRCs are libdeflate's
// too (both about twice zlib's speed here). An entry that path cannot take
// as it is (a stream that does not end at exactly the declared size with
// the declared CRC, or that a limit stops) is inflated by zlib (raw deflate,
// window bits -15) straight into the output string, judging the limits as it
// goes; a stream that does not end cleanly is inflated again as Poco's
// InflatingInputStream did, which decided the errors of such streams before
// (docs/decisions.md, "Zip inflation").

namespace clausecheck::parsers {
namespace {

constexpr uint32_t kLocalHeaderSig = 0x04034b50;
constexpr uint32_t kCentralHeaderSig = 0x02014b50;
constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr size_t kEndSize = 22;
constexpr size_t kCentralHeaderSize = 46;
constexpr size_t kLocalHeaderSize = 30;
// Below this many inflated bytes the ratio is not judged: small, repetitive
// XML parts legitimately compress far better than 200:1.
constexpr uint64_t kRatioFloor = uint64_t{1} << 20;

uint16_t U16(std::string_view b, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) |
                               (static_cast<unsigned char>(b[at + 1]) << 8));
}
uint32_t U32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(U16(b, at)) | (static_cast<uint32_t>(U16(b, at + 2)) << 16);
}
uint64_t U64(std::string_view b, size_t at) {
  return static_cast<uint64_t>(U32(b, at)) | (static_cast<uint64_t>(U32(b, at + 4)) << 32);
}

Error NotZip(const std::string& reason) {
  return Error{ErrorCode::kFormat, "not a valid zip file: " + reason, ""};
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

struct Internal {
  uint16_t flags = 0;
  uint16_t method = 0;
  uint32_t crc = 0;
  uint64_t local_offset = 0;
};

// One deflated entry being inflated.
struct Inflate {
  std::string_view raw;
  uint64_t declared = 0;
  const ZipLimits& limits;
  uint64_t total_before = 0;  // inflated bytes of the entries read before
};

// Why inflation stopped early. kIrregular: invalid deflate data (or, from
// InflateClean, any stream that did not end cleanly).
enum class Stop { kNone, kEntryLimit, kDeclaredSize, kRatio, kTotal, kIrregular };

// The limits, judged after every 64 KiB of output and at the end, in this
// order; the first exceeded names the error.
constexpr size_t kChunk = size_t{1} << 16;
Stop Judge(const Inflate& in, uint64_t got) {
  if (got > in.limits.max_entry_size) return Stop::kEntryLimit;
  if (got > in.declared) return Stop::kDeclaredSize;
  if (got > kRatioFloor &&
      static_cast<double>(got) >
          in.limits.max_ratio * static_cast<double>(std::max<uint64_t>(in.raw.size(), 1))) {
    return Stop::kRatio;
  }
  if (in.total_before + got > in.limits.max_total_size) return Stop::kTotal;
  return Stop::kNone;
}

// libdeflate's one-call inflation, for the entries that end cleanly at their
// declared size with the declared CRC and that no limit stops: the only
// ones it takes. zlib inflates such a stream to the same bytes, and its
// chunked judging passes it (every limit grows with the bytes inflated, so
// one passed at the end was passed at every chunk). Returns false, *out
// unspecified, for any other entry, whose outcome zlib's path decides.
bool InflateWhole(const Inflate& in, uint32_t crc, std::string* out) {
  if (Judge(in, in.declared) != Stop::kNone) return false;
  struct Free {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
  };
  // About 10 KiB of tables, kept by each thread for its next entry.
  thread_local const std::unique_ptr<libdeflate_decompressor, Free> decompressor(
      libdeflate_alloc_decompressor());
  if (!decompressor) return false;
  out->resize(in.declared);
  // It stops at the stream's last block, as zlib does, whatever follows in
  // `raw`; without actual_out_nbytes_ret, anything but exactly out->size()
  // bytes fails.
  return libdeflate_deflate_decompress(decompressor.get(), in.raw.data(), in.raw.size(),
                                       out->data(), out->size(), nullptr) == LIBDEFLATE_SUCCESS &&
         libdeflate_crc32(0, out->data(), out->size()) == crc;
}

// Poco's stream reads its inflater 1,020 bytes at a time (a 1,024-byte
// buffer less putback), so a 64 KiB read there inflates up to 1,019 bytes
// past the chunk: an error in those bytes fails the chunk. InflateClean
// inflates this far past each chunk before judging it.
constexpr size_t kLookahead = 4096;

// Inflates `in` with zlib into *out, judging the limits as InflateLikePoco
// does. Returns true with *stop set if a limit stopped it or the stream ended
// cleanly (*stop kNone, *out the whole entry). Returns false if the stream is
// irregular (invalid, truncated, ...): those are left to InflateLikePoco,
// whose exact outcome (which bytes of a failing read count, which errors it
// forgives) decided what such entries read as before zlib was used directly.
bool InflateClean(const Inflate& in, std::string* out, Stop* stop) {
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) return false;
  // The declared size, bounded by what the ratio limit lets through, is the
  // first guess; a lie only costs growing the string.
  const double ratio_bound =
      in.limits.max_ratio * static_cast<double>(std::max<size_t>(in.raw.size(), 1));
  const uint64_t guess = std::min<uint64_t>(
      {in.declared,
       std::max<uint64_t>(kRatioFloor, static_cast<uint64_t>(std::min(ratio_bound, 9e18))),
       uint64_t{64} << 20});
  out->resize(guess + kLookahead);
  // Output past the declared size is judged within a chunk: never grow beyond.
  const uint64_t most = in.declared + 2 * kChunk + kLookahead;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.raw.data()));
  size_t left = in.raw.size();
  size_t produced = 0;
  uint64_t judged = 0;
  bool irregular = false;
  *stop = Stop::kNone;
  for (;;) {
    const size_t want = judged + kChunk + kLookahead;
    if (produced == out->size()) {
      out->resize(
          std::max<uint64_t>(produced + kLookahead, std::min<uint64_t>(out->size() * 2, most)));
    }
    const size_t until = std::min(want, out->size());
    // zlib counts in 32-bit units.
    const auto in_now = static_cast<uInt>(std::min<size_t>(left, 1u << 30));
    z.avail_in = in_now;
    z.next_out = reinterpret_cast<Bytef*>(out->data() + produced);
    z.avail_out = static_cast<uInt>(until - produced);
    const int rc = inflate(&z, Z_NO_FLUSH);
    left -= in_now - z.avail_in;
    produced = until - z.avail_out;
    const bool ended = rc == Z_STREAM_END;
    if (rc == Z_OK && z.avail_out == 0 && produced < want) continue;  // the string is full
    if (!ended && !(rc == Z_OK && z.avail_out == 0)) {
      if (rc == Z_OK && left > 0) continue;  // more than 1 GiB of input
      irregular = true;
      break;
    }
    while (judged < produced && (ended || produced - judged >= kChunk + kLookahead)) {
      judged = std::min<uint64_t>(judged + kChunk, produced);
      *stop = Judge(in, judged);
      if (*stop != Stop::kNone) break;
    }
    if (*stop != Stop::kNone || ended) break;
  }
  inflateEnd(&z);
  if (irregular) return false;
  out->resize(produced);
  return true;
}

// The Poco path, for streams InflateClean leaves: 64 KiB reads as from an
// InflatingInputStream (internal::ReadDeflateLikePoco), judged after each.
Stop InflateLikePoco(const Inflate& in, std::string* out) {
  out->clear();
  // Never trust the declared size beyond using it as a first guess.
  out->reserve(std::min<uint64_t>(in.declared, uint64_t{64} << 20));
  Stop stop = Stop::kNone;
  const bool started = internal::ReadDeflateLikePoco(in.raw, kChunk, [&](std::string_view read) {
    out->append(read);
    stop = Judge(in, out->size());
    return stop == Stop::kNone;
  });
  return started ? stop : Stop::kIrregular;
}

}  // namespace

namespace internal {

namespace {

// Poco 1.11's InflatingStreamBuf over a MemoryInputStream, as far as a
// reader sees it: the inflater reads its source 32 KiB at a time and is
// asked for 1,020 bytes at a time (its stream buffer holds 1,024, less 4
// kept for putback).
class PocoInflater {
 public:
  explicit PocoInflater(std::string_view raw) : raw_(raw) {
    started_ = inflateInit2(&z_, -15) == Z_OK;
  }
  ~PocoInflater() {
    if (started_) inflateEnd(&z_);
  }
  PocoInflater(const PocoInflater&) = delete;
  PocoInflater& operator=(const PocoInflater&) = delete;
  bool started() const { return started_; }

  // One std::istream::read of `want` bytes: appended to *out, their count
  // returned; *good false once the stream is no longer good. An exception
  // inside the read (a zlib error) is badbit there, and a count of 0.
  size_t Read(size_t want, std::string* out, bool* good) {
    const size_t before = out->size();
    while (out->size() - before < want) {
      if (held_at_ < held_.size()) {
        const size_t take = std::min(held_.size() - held_at_, want - (out->size() - before));
        out->append(held_, held_at_, take);
        held_at_ += take;
        continue;
      }
      bool failed = false;
      const size_t n = FromDevice(kDeviceRead, &failed);
      if (failed) {
        out->resize(before);
        *good = false;
        return 0;
      }
      if (n == 0) break;
    }
    const size_t got = out->size() - before;
    if (got < want) *good = false;  // eofbit and failbit
    return got;
  }

 private:
  static constexpr size_t kDeviceRead = 1020;
  static constexpr size_t kSourceRead = 32768;

  // MemoryInputStream::read(buffer, 32 KiB): what there is; not good once
  // a read came back short.
  size_t FromSource() {
    if (!source_good_) return 0;
    const size_t n = std::min(kSourceRead, raw_.size() - at_);
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw_.data() + at_));
    at_ += n;
    if (n < kSourceRead) source_good_ = false;
    return n;
  }

  // InflatingStreamBuf::readFromDevice(buffer, length) into held_: the
  // bytes it gives, or *failed where it throws.
  size_t FromDevice(size_t length, bool* failed) {
    held_.resize(length);
    held_at_ = 0;
    if (eof_) return Held(0);
    if (z_.avail_in == 0) z_.avail_in = static_cast<uInt>(FromSource());
    z_.next_out = reinterpret_cast<Bytef*>(held_.data());
    z_.avail_out = static_cast<uInt>(length);
    for (;;) {
      int rc = inflate(&z_, Z_NO_FLUSH);
      // Poco forgives a data error where the input is used up: as more
      // input where the source may have more, as the end where it has not.
      if (rc == Z_DATA_ERROR && z_.avail_in == 0) rc = source_good_ ? Z_OK : Z_STREAM_END;
      if (rc == Z_STREAM_END) {
        eof_ = true;
        return Held(length - z_.avail_out);
      }
      if (rc != Z_OK) {
        *failed = true;
        return Held(0);
      }
      if (z_.avail_out == 0) return Held(length);
      if (z_.avail_in == 0) {
        const size_t n = FromSource();
        if (n == 0) return Held(length - z_.avail_out);
        z_.avail_in = static_cast<uInt>(n);
      }
    }
  }

  size_t Held(size_t n) {
    held_.resize(n);
    return n;
  }

  std::string_view raw_;
  size_t at_ = 0;
  bool source_good_ = true;
  z_stream z_{};
  bool started_ = false;
  bool eof_ = false;
  std::string held_;  // what the last device read gave, from held_at_ not yet read
  size_t held_at_ = 0;
};

}  // namespace

bool ReadDeflateLikePoco(std::string_view raw, size_t read_size,
                         const std::function<bool(std::string_view)>& read) {
  PocoInflater inflater(raw);
  if (!inflater.started()) return false;
  std::string chunk;
  for (;;) {
    chunk.clear();
    bool good = true;
    if (inflater.Read(read_size, &chunk, &good) == 0) break;
    if (!read(chunk) || !good) break;
  }
  return true;
}

}  // namespace internal

struct ZipPackage::Impl {
  std::string bytes;
  ZipLimits limits;
  std::vector<ZipEntry> entries;
  std::vector<Internal> internal;
  std::unordered_map<std::string_view, size_t> by_name;  // views into entries[i].name
  mutable uint64_t total_read = 0;
};

ZipPackage::ZipPackage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipPackage::ZipPackage(ZipPackage&&) noexcept = default;
ZipPackage& ZipPackage::operator=(ZipPackage&&) noexcept = default;
ZipPackage::~ZipPackage() = default;

const std::vector<ZipEntry>& ZipPackage::entries() const { return impl_->entries; }

bool ZipPackage::Has(std::string_view name) const { return impl_->by_name.count(name) != 0; }

std::string ZipPackage::Find(std::string_view name) const {
  if (Has(name)) return std::string(name);
  for (const ZipEntry& e : impl_->entries) {
    if (e.name.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i) same = Lower(e.name[i]) == Lower(name[i]);
    if (same) return e.name;
  }
  return "";
}

Result<ZipPackage> ZipPackage::Open(std::string_view bytes, const ZipLimits& limits) {
  if (bytes.size() < kEndSize) return NotZip("too short (truncated?)");
  // The end-of-central-directory record is the last 22 bytes plus a comment of
  // at most 65535 bytes; search backwards for its signature.
  size_t end = std::string_view::npos;
  const size_t lowest = bytes.size() >= kEndSize + 0xFFFF ? bytes.size() - kEndSize - 0xFFFF : 0;
  for (size_t i = bytes.size() - kEndSize + 1; i-- > lowest;) {
    if (U32(bytes, i) == kEndSig && i + kEndSize + U16(bytes, i + 20) <= bytes.size()) {
      end = i;
      break;
    }
  }
  if (end == std::string_view::npos) {
    return NotZip("no end of central directory (truncated or not a zip)");
  }
  if (U16(bytes, end + 4) != 0 || U16(bytes, end + 6) != 0) {
    return Error{ErrorCode::kUnsupported, "multi-disk zip files are not supported", ""};
  }
  uint64_t count = U16(bytes, end + 10);
  uint64_t cd_size = U32(bytes, end + 12);
  uint64_t cd_offset = U32(bytes, end + 16);
  if (count == 0xFFFF || cd_size == 0xFFFFFFFF || cd_offset == 0xFFFFFFFF) {
    // Zip64: a locator just before the end record points at the zip64 end record.
    if (end < 20 || U32(bytes, end - 20) != kZip64LocatorSig) {
      return NotZip("zip64 locator missing");
    }
    const uint64_t at = U64(bytes, end - 20 + 8);
    if (at > bytes.size() || bytes.size() - at < 56 || U32(bytes, at) != kZip64EndSig) {
      return NotZip("zip64 end of central directory out of bounds");
    }
    count = U64(bytes, at + 32);
    cd_size = U64(bytes, at + 40);
    cd_offset = U64(bytes, at + 48);
  }
  if (cd_offset > bytes.size() || cd_size > bytes.size() - cd_offset) {
    return NotZip("central directory out of bounds (truncated?)");
  }
  if (count > limits.max_entries) {
    return Error{ErrorCode::kTooLarge,
                 "too many zip entries (" + std::to_string(count) + ", limit " +
                     std::to_string(limits.max_entries) + ")",
                 ""};
  }
  // Each central header is at least 46 bytes: a count the directory cannot
  // hold is a lie, caught before reserving memory for it.
  if (count * kCentralHeaderSize > cd_size) return NotZip("central directory too short");

  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  impl->entries.reserve(count);
  impl->internal.reserve(count);
  size_t pos = cd_offset;
  const size_t cd_end = cd_offset + cd_size;
  for (uint64_t n = 0; n < count; ++n) {
    if (cd_end - pos < kCentralHeaderSize || U32(bytes, pos) != kCentralHeaderSig) {
      return NotZip("bad central directory entry " + std::to_string(n));
    }
    const size_t name_len = U16(bytes, pos + 28);
    const size_t extra_len = U16(bytes, pos + 30);
    const size_t comment_len = U16(bytes, pos + 32);
    if (cd_end - pos - kCentralHeaderSize < name_len + extra_len + comment_len) {
      return NotZip("bad central directory entry " + std::to_string(n));
    }
    ZipEntry entry;
    Internal in;
    in.flags = U16(bytes, pos + 8);
    in.method = U16(bytes, pos + 10);
    in.crc = U32(bytes, pos + 16);
    entry.compressed_size = U32(bytes, pos + 20);
    entry.size = U32(bytes, pos + 24);
    in.local_offset = U32(bytes, pos + 42);
    entry.name.assign(bytes.substr(pos + kCentralHeaderSize, name_len));
    // Zip64 extended information: only the fields saturated above are present.
    const std::string_view extra = bytes.substr(pos + kCentralHeaderSize + name_len, extra_len);
    for (size_t e = 0; e + 4 <= extra.size();) {
      const uint16_t id = U16(extra, e);
      const size_t len = U16(extra, e + 2);
      if (e + 4 + len > extra.size()) break;
      if (id == 0x0001) {
        size_t f = e + 4;
        auto take = [&](uint64_t* v) {
          if (*v == 0xFFFFFFFF && f + 8 <= e + 4 + len) {
            *v = U64(extra, f);
            f += 8;
          }
        };
        take(&entry.size);
        take(&entry.compressed_size);
        take(&in.local_offset);
      }
      e += 4 + len;
    }
    if (in.flags & 0x0041) {  // bit 0: encrypted; bit 6: strong encryption
      return Error{ErrorCode::kUnsupported, "encrypted zip entry: not supported", ""};
    }
    pos += kCentralHeaderSize + name_len + extra_len + comment_len;
    impl->entries.push_back(std::move(entry));
    impl->internal.push_back(in);
  }
  impl->bytes.assign(bytes);
  for (size_t i = 0; i < impl->entries.size(); ++i) {
    // The first of duplicate names wins, as in most readers.
    impl->by_name.emplace(impl->entries[i].name, i);
  }
  return ZipPackage(std::move(impl));
}

Result<std::string> ZipPackage::Read(std::string_view name) const {
  const auto it = impl_->by_name.find(name);
  if (it == impl_->by_name.end()) {
    return Error{ErrorCode::kFormat, "zip entry not found: " + std::string(name), ""};
  }
  const ZipEntry& entry = impl_->entries[it->second];
  const Internal& in = impl_->internal[it->second];
  const ZipLimits& limits = impl_->limits;
  const std::string_view bytes = impl_->bytes;
  auto corrupt = [&](std::string_view why) {
    return Error{ErrorCode::kFormat, "corrupt zip entry " + entry.name + ": " + std::string(why),
                 ""};
  };
  auto too_large = [&](std::string_view what) {
    return Error{ErrorCode::kTooLarge, "zip entry " + entry.name + " " + std::string(what), ""};
  };
  if (entry.size > limits.max_entry_size) {
    return too_large("too large (declared " + std::to_string(entry.size) + " bytes, limit " +
                     std::to_string(limits.max_entry_size) + ")");
  }
  if (in.method != 0 && in.method != 8) {
    return Error{ErrorCode::kUnsupported,
                 "zip entry " + entry.name + " uses unsupported compression method " +
                     std::to_string(in.method),
                 ""};
  }
  const uint64_t at = in.local_offset;
  if (at > bytes.size() || bytes.size() - at < kLocalHeaderSize ||
      U32(bytes, at) != kLocalHeaderSig) {
    return corrupt("bad local header");
  }
  const uint64_t data = at + kLocalHeaderSize + U16(bytes, at + 26) + U16(bytes, at + 28);
  if (data > bytes.size() || entry.compressed_size > bytes.size() - data) {
    return corrupt("data out of bounds (truncated?)");
  }
  const std::string_view raw = bytes.substr(data, entry.compressed_size);

  std::string out;
  bool crc_checked = false;
  if (in.method == 0) {
    if (entry.compressed_size != entry.size) return corrupt("stored sizes differ");
    if (impl_->total_read + raw.size() > limits.max_total_size) {
      return Error{ErrorCode::kTooLarge,
                   "zip contents too large (more than " + std::to_string(limits.max_total_size) +
                       " bytes inflated)",
                   ""};
    }
    out.assign(raw);
  } else {
    const Inflate inflate{raw, entry.size, limits, impl_->total_read};
    Stop stop = Stop::kNone;
    if (InflateWhole(inflate, in.crc, &out)) {
      crc_checked = true;
    } else if (!InflateClean(inflate, &out, &stop)) {
      stop = InflateLikePoco(inflate, &out);
    }
    switch (stop) {
      case Stop::kNone: break;
      case Stop::kEntryLimit:
        return too_large("inflates beyond the limit of " + std::to_string(limits.max_entry_size) +
                         " bytes");
      case Stop::kDeclaredSize: return corrupt("inflates beyond its declared size");
      case Stop::kRatio:
        return too_large("compression ratio above " +
                         std::to_string(static_cast<int>(limits.max_ratio)) + ":1 (zip bomb?)");
      case Stop::kTotal:
        return Error{ErrorCode::kTooLarge,
                     "zip contents too large (more than " + std::to_string(limits.max_total_size) +
                         " bytes inflated)",
                     ""};
      case Stop::kIrregular: return corrupt("invalid deflate data");
    }
    if (out.size() != entry.size) return corrupt("size differs from the declared size");
  }
  if (!crc_checked && libdeflate_crc32(0, out.data(), out.size()) != in.crc) {
    return corrupt("CRC mismatch");
  }
  impl_->total_read += out.size();
  return out;
}

}  // namespace clausecheck::parsers
