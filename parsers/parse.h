// Turning input bytes into a Document: format detection and dispatch.
//
// Format is detected from content (magic bytes, BOMs, markup), never from the
// file name alone. Every input is untrusted: on anything we cannot read, the
// result is an Error whose message is one line naming the reason; the caller
// prefixes the path.
//
//   auto doc = parsers::ParseFile("contracts/msa.txt", parsers::Limits{});
//   if (!doc.ok()) { std::cerr << doc.error().ToString() << "\n"; return 2; }
#ifndef CLAUSECHECK_PARSERS_PARSE_H_
#define CLAUSECHECK_PARSERS_PARSE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/result.h"
#include "parsers/xml.h"

namespace clausecheck::parsers {

/// The most text one block (a paragraph, a table cell, a note) may hold, in
/// bytes. No contract has a paragraph near it (a 100-page contract is about
/// 300 KB in all); a megabyte of running text is reviewed in about half a
/// second, and the time and memory of a review grow with a paragraph's size,
/// so a larger one is refused: "paragraph N too long (X bytes, limit M)"
/// (kTooLarge), N counting blocks in document order from 1.
constexpr size_t kMaxBlockBytes = size_t{1} << 20;

struct Limits {
  size_t max_file_size = size_t{256} << 20;  // bytes read from disk
};

/// What the bytes are. Errors: kFormat for binary junk, kUnsupported for
/// formats we recognise but do not read, kEmpty for no bytes at all.
Result<Format> DetectFormat(std::string_view bytes);

/// Parses bytes already in memory, with mapping files for custom XML schemas
/// (parsers/xml.h; a mapping is chosen by the document's root element).
Result<Document> ParseBytes(std::string_view bytes, std::string_view path, const XmlOptions& xml);

/// Parses bytes already in memory. `path` becomes Document::path and the
/// Error's `where`. Also fills Document::sha256. Refuses a block over
/// kMaxBlockBytes.
Result<Document> ParseBytes(std::string_view bytes, std::string_view path);

/// Reads `path` (a regular file, at most limits.max_file_size bytes) and
/// parses it. Errors name the reason: "no such file", "is a directory",
/// "permission denied", "file too large (N bytes, limit M)".
Result<Document> ParseFile(const std::string& path, const Limits& limits);
Result<Document> ParseFile(const std::string& path, const Limits& limits, const XmlOptions& xml);

/// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace clausecheck::parsers

#endif  // CLAUSECHECK_PARSERS_PARSE_H_
