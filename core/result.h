// Result<T> and Error: how every module reports failure without exceptions.
//
// A function that can fail returns Result<T>, holding either a value or an
// Error. Callers test ok() before taking value(); error() says what went wrong
// (a code for programs, a message for people, and where: a file, a line, a
// rule id). Third-party exceptions are caught in the adapter that calls the
// library and turned into an Error there.
#ifndef CLAUSECHECK_CORE_RESULT_H_
#define CLAUSECHECK_CORE_RESULT_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace clausecheck {

enum class ErrorCode {
  kIo,           // cannot open or read the input (missing, permission, a directory)
  kFormat,       // the bytes are not a document we can read (binary junk, broken zip)
  kUnsupported,  // a known format we do not read (legacy .doc, encrypted Office)
  kEncoding,     // text that is not valid in any encoding we accept
  kTooLarge,     // over a size, count or ratio limit
  kEmpty,        // no text at all
  kConfig,       // an invalid ruleset or configuration
  kUsage,        // bad command-line arguments
  kInternal,     // a bug or an engine limit; never reported as "no findings"
};

/// The stable lower-case name of a code, as written in reports ("io", "format", ...).
std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // one line, no trailing full stop, e.g. "not valid UTF-8 at byte 12"
  std::string where;    // the file (and line) it concerns, may be empty

  /// "where: message", the one-line form printed to stderr.
  std::string ToString() const;
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace clausecheck

#endif  // CLAUSECHECK_CORE_RESULT_H_
