// The zip reader's emulation of Poco's inflating stream, for its tests.
//
// Before the zip reader inflated with zlib directly, every entry went
// through Poco 1.11's InflatingInputStream, read 64 KiB at a time; what
// that made of a damaged deflate stream (which bytes of a failing read
// count, which errors it forgives) decided whether such an entry read as
// short, as invalid or as whole. A stream that does not end cleanly is
// still read that way, now emulated with zlib so that Poco is not loaded by
// every process for it (docs/decisions.md, "Zip inflation"); the tests
// compare the emulation with Poco itself.
#ifndef CLAUSECHECK_PARSERS_ZIP_INTERNAL_H_
#define CLAUSECHECK_PARSERS_ZIP_INTERNAL_H_

#include <cstddef>
#include <functional>
#include <string_view>

namespace clausecheck::parsers::internal {

/// Reads the raw deflate stream `raw` as `std::istream::read(buffer,
/// read_size)` calls on `Poco::InflatingInputStream(Poco::MemoryInputStream
/// (raw), -15)` do, passing `read` each call's bytes until a call gives
/// none (the end, or a zlib error inside it: badbit, and the whole call's
/// bytes are dropped) or leaves the stream not good (the end: that call's
/// bytes are the last), or `read` returns false. False if zlib would not
/// start (Poco throws).
bool ReadDeflateLikePoco(std::string_view raw, size_t read_size,
                         const std::function<bool(std::string_view)>& read);

}  // namespace clausecheck::parsers::internal

#endif  // CLAUSECHECK_PARSERS_ZIP_INTERNAL_H_
