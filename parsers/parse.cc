#include "parsers/parse.h"

#include <fcntl.h>
#include <nettle/sha2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "core/ascii.h"
#include "core/utf8.h"
#include "parsers/docx.h"
#include "parsers/odt.h"
#include "parsers/text.h"
#include "parsers/xml.h"
#include "parsers/zip.h"

namespace clausecheck::parsers {
namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kZipEmptyMagic = "PK\x05\x06";
constexpr std::string_view kZipSpannedMagic = "PK\x07\x08";
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

Error Unsupported(std::string message) {
  return Error{ErrorCode::kUnsupported, std::move(message), ""};
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

using ascii::StartsWithIgnoreCase;

bool HasBom(std::string_view b) {
  return StartsWith(b, "\xEF\xBB\xBF") || StartsWith(b, "\xFF\xFE") || StartsWith(b, "\xFE\xFF");
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// JSON (a report, a data export) rather than a contract: an object or array
// from the first to the last non-space character, with a quoted key.
bool LooksLikeJson(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  if (s.size() < 2) return false;
  const bool object = s.front() == '{' && s.back() == '}';
  const bool array = s.front() == '[' && s.back() == ']';
  if (!object && !array) return false;
  size_t i = 1;
  while (i < s.size() && (space(s[i]) || s[i] == '[' || s[i] == '{')) ++i;
  return i < s.size() && s[i] == '"' && s.find("\":", i) != std::string_view::npos;
}

// HTML rather than generic XML: a doctype or root element named html.
Format MarkupFormat(std::string_view s) {
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) {
    s.remove_prefix(1);
  }
  if (StartsWithIgnoreCase(s, "<!doctype html") || StartsWithIgnoreCase(s, "<html")) {
    return Format::kHtml;
  }
  return Format::kXml;
}

// Markup: an XML declaration, a doctype, a comment, or a root element that
// is closed again later. A plain-text contract may well open with a
// placeholder such as "<Company Name> agrees", which has no closing tag.
bool LooksLikeMarkup(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  s.remove_prefix(i);
  if (s.empty() || s[0] != '<') return false;
  if (StartsWith(s, "<?xml") || StartsWith(s, "<!--") || StartsWithIgnoreCase(s, "<!doctype") ||
      StartsWithIgnoreCase(s, "<html")) {
    return true;
  }
  if (s.size() < 2 || !IsAsciiLetter(s[1])) return false;
  size_t end = 1;
  while (end < s.size() && (IsAsciiLetter(s[end]) || (s[end] >= '0' && s[end] <= '9') ||
                            s[end] == ':' || s[end] == '_' || s[end] == '.' || s[end] == '-')) {
    ++end;
  }
  if (end < s.size() && s[end] != '>' && s[end] != '/' && s[end] != ' ' && s[end] != '\t' &&
      s[end] != '\n' && s[end] != '\r') {
    return false;
  }
  std::string close = "</";
  close.append(s.substr(1, end - 1));
  return s.rfind(close) != std::string_view::npos;
}

bool IsBadControl(unsigned c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
}

// Binary data rather than text: NUL characters, or more than a few control
// characters that no text editor writes. `units16` says how to read code
// units: 0 for bytes, otherwise UTF-16 (1 little-endian, 2 big-endian).
bool LooksBinary(std::string_view b, int units16) {
  size_t total = 0;
  size_t bad = 0;
  if (units16 == 0) {
    total = b.size();
    for (size_t i = 0; i < b.size(); ++i) {
      const auto c = static_cast<unsigned char>(b[i]);
      if (c == 0) return true;
      // A DOS end-of-file mark (Ctrl-Z) at the very end is harmless.
      if (IsBadControl(c) && !(c == 0x1A && i + 1 == b.size())) ++bad;
    }
  } else {
    const size_t start = StartsWith(b, "\xFF\xFE") || StartsWith(b, "\xFE\xFF") ? 2 : 0;
    for (size_t i = start; i + 1 < b.size(); i += 2) {
      const auto lo = static_cast<unsigned char>(b[units16 == 1 ? i : i + 1]);
      const auto hi = static_cast<unsigned char>(b[units16 == 1 ? i + 1 : i]);
      const unsigned u = (hi << 8) | lo;
      if (u == 0) return true;
      if (IsBadControl(u)) ++bad;
      ++total;
    }
  }
  return bad > 2 + total / 100;
}

// Closes a file descriptor on every way out, including an exception.
struct FileCloser {
  int fd;
  ~FileCloser() { ::close(fd); }
};

bool IsZip(std::string_view bytes) {
  return StartsWith(bytes, kZipMagic) || StartsWith(bytes, kZipEmptyMagic) ||
         StartsWith(bytes, kZipSpannedMagic);
}

constexpr std::string_view kOdtMimeType = "application/vnd.oasis.opendocument.text";

// What a zip package holds: an OpenDocument text (its "mimetype" entry) or
// an OPC package whose root relationships name an officeDocument.
Result<Format> ClassifyPackage(const ZipPackage& zip) {
  if (zip.Has("mimetype")) {
    Result<std::string> mime = zip.Read("mimetype");
    if (!mime.ok()) return mime.error();
    std::string_view m = mime.value();
    while (!m.empty() && (m.back() == '\n' || m.back() == '\r' || m.back() == ' ')) {
      m.remove_suffix(1);
    }
    if (m == kOdtMimeType) return Format::kOdt;
    if (StartsWith(m, "application/vnd.oasis.opendocument.")) {
      return Unsupported("OpenDocument file of type " + std::string(m) + ": not supported");
    }
  }
  const std::string rels = zip.Find("_rels/.rels");
  if (!rels.empty()) {
    Result<std::string> xml = zip.Read(rels);
    if (!xml.ok()) return xml.error();
    // The relationship type URI ends in /officeDocument in both the
    // transitional and the Strict namespace.
    if (xml.value().find("/officeDocument\"") != std::string::npos ||
        xml.value().find("/officeDocument'") != std::string::npos) {
      return Format::kDocx;
    }
  }
  return Error{ErrorCode::kFormat, "zip file is not a Word or OpenDocument document", ""};
}

Result<Document> ParseZip(std::string_view bytes, std::string_view path) {
  Result<ZipPackage> zip = ZipPackage::Open(bytes, ZipLimits{});
  if (!zip.ok()) return zip.error();
  Result<Format> format = ClassifyPackage(zip.value());
  if (!format.ok()) return format.error();
  if (format.value() == Format::kOdt) return ParseOdt(zip.value(), path);
  return ParseDocx(zip.value(), path);
}

Error OutOfMemory(std::string_view path) {
  return Error{ErrorCode::kTooLarge, "not enough memory to parse this file", std::string(path)};
}

Result<Document> ReadAndParse(const std::string& path, const Limits& limits,
                              const XmlOptions& xml) {
  auto io_error = [&](std::string message) {
    return Error{ErrorCode::kIo, std::move(message), path};
  };
  auto errno_message = [](int err) -> std::string {
    switch (err) {
      case ENOENT:
      case ENOTDIR: return "no such file";
      case EACCES:
      case EPERM: return "permission denied";
      case EISDIR: return "is a directory";
      default: return std::strerror(err);
    }
  };
  // stat() before open(): opening a FIFO would block, and a directory is
  // better named as such than as a read error.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return io_error(errno_message(errno));
  if (S_ISDIR(st.st_mode)) return io_error("is a directory");
  if (!S_ISREG(st.st_mode)) return io_error("not a regular file");
  const auto size = static_cast<unsigned long long>(st.st_size);
  if (size > limits.max_file_size) {
    return Error{ErrorCode::kTooLarge,
                 "file too large (" + std::to_string(size) + " bytes, limit " +
                     std::to_string(limits.max_file_size) + ")",
                 path};
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error(errno_message(errno));
  const FileCloser closer{fd};
  std::string bytes;
  bytes.reserve(static_cast<size_t>(size));
  // Read to the end rather than trusting st_size: the file may have grown.
  std::string buf(size_t{1} << 16, '\0');
  for (;;) {
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return io_error(errno_message(errno));
    }
    if (n == 0) break;
    if (bytes.size() + static_cast<size_t>(n) > limits.max_file_size) {
      return Error{ErrorCode::kTooLarge,
                   "file too large (at least " + std::to_string(bytes.size() + n) +
                       " bytes, limit " + std::to_string(limits.max_file_size) + ")",
                   path};
    }
    bytes.append(buf.data(), static_cast<size_t>(n));
  }
  return ParseBytes(bytes, path, xml);
}

}  // namespace

Result<Format> DetectFormat(std::string_view bytes) {
  if (bytes.empty()) return Error{ErrorCode::kEmpty, "empty file", ""};
  if (IsZip(bytes)) {
    Result<ZipPackage> zip = ZipPackage::Open(bytes, ZipLimits{});
    if (!zip.ok()) return zip.error();
    return ClassifyPackage(zip.value());
  }
  if (StartsWith(bytes, kOleMagic)) {
    return Unsupported("encrypted or legacy Word file (OLE compound document): not supported");
  }
  if (StartsWith(bytes, "%PDF")) {
    return Unsupported("PDF is not supported: extract its text first (e.g. pdftotext -layout)");
  }
  if (StartsWith(bytes, "{\\rtf")) return Unsupported("RTF is not supported");

  // Plain UTF-8 (by far the common case) needs no decoding to be judged.
  if (!StartsWith(bytes, "\xFF\xFE") && !StartsWith(bytes, "\xFE\xFF") &&
      bytes.find('\0') == std::string_view::npos && utf8::IsValid(bytes)) {
    const std::string_view unbommed = bytes.substr(bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    if (LooksLikeMarkup(unbommed)) return MarkupFormat(unbommed);
    if (LooksLikeJson(unbommed)) return Unsupported("JSON data, not a contract");
    if (LooksBinary(bytes, 0)) {
      return Error{ErrorCode::kFormat, "binary data, not a text document", ""};
    }
    return Format::kText;
  }
  std::string encoding;
  Result<std::string> text = DecodeText(bytes, &encoding);
  if (!text.ok()) {
    // Markup in a legacy 8-bit encoding is still markup.
    if (LooksLikeMarkup(bytes)) return MarkupFormat(bytes);
    // With a BOM the file says it is text: a broken one is an encoding error.
    if (!HasBom(bytes) && LooksBinary(bytes, 0)) {
      return Error{ErrorCode::kFormat, "binary data, not a text document", ""};
    }
    return text.error();
  }
  if (LooksLikeMarkup(text.value())) return MarkupFormat(text.value());
  const int units16 = encoding == "UTF-16LE" ? 1 : encoding == "UTF-16BE" ? 2 : 0;
  if (LooksBinary(bytes, units16)) {
    return Error{ErrorCode::kFormat, "binary data, not a text document", ""};
  }
  return Format::kText;
}

Result<Document> ParseBytes(std::string_view bytes, std::string_view path) {
  return ParseBytes(bytes, path, XmlOptions{});
}

Result<Document> ParseBytes(std::string_view bytes, std::string_view path, const XmlOptions& xml) {
  // A file too big for memory is one bad input; it must not end the batch.
  try {
    auto with_path = [&](Error e) {
      e.where = std::string(path);
      return e;
    };
    // A zip is opened once, here, rather than again after DetectFormat.
    Result<Document> doc = Error{};
    if (IsZip(bytes)) {
      doc = ParseZip(bytes, path);
      if (!doc.ok()) return with_path(doc.error());
    } else {
      Result<Format> format = DetectFormat(bytes);
      if (!format.ok()) return with_path(format.error());
      // Markup parsers get the raw bytes: libxml2 reads BOMs and declared
      // encodings itself.
      switch (format.value()) {
        case Format::kXml: doc = ParseXml(bytes, path, xml); break;
        case Format::kHtml: doc = ParseHtml(bytes, path); break;
        default: doc = ParseText(bytes, path); break;
      }
      if (!doc.ok()) return with_path(doc.error());
    }
    for (const Block& b : doc.value().blocks) {
      if (b.text.size() > kMaxBlockBytes) {
        return Error{ErrorCode::kTooLarge,
                     "paragraph " + std::to_string(b.source.index + 1) + " too long (" +
                         std::to_string(b.text.size()) + " bytes, limit " +
                         std::to_string(kMaxBlockBytes) + ")",
                     std::string(path)};
      }
    }
    doc.value().sha256 = Sha256Hex(bytes);
    return doc;
  } catch (const std::bad_alloc&) {
    return OutOfMemory(path);
  }
}

Result<Document> ParseFile(const std::string& path, const Limits& limits) {
  return ParseFile(path, limits, XmlOptions{});
}

Result<Document> ParseFile(const std::string& path, const Limits& limits, const XmlOptions& xml) {
  try {
    return ReadAndParse(path, limits, xml);
  } catch (const std::bad_alloc&) {
    return OutOfMemory(path);
  }
}

std::string Sha256Hex(std::string_view bytes) {
  // Nettle's SHA-256 uses the CPU's SHA instructions where there are some
  // (1.3 GB/s here, OpenSSL 1.5 GB/s). It replaced OpenSSL's libcrypto,
  // whose loading and first EVP_Digest cost every process about 5 ms
  // (docs/decisions.md).
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof digest, digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof digest);
  for (const uint8_t b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}

}  // namespace clausecheck::parsers
