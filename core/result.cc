#include "core/result.h"

namespace clausecheck {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIo: return "io";
    case ErrorCode::kFormat: return "format";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kEncoding: return "encoding";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kEmpty: return "empty";
    case ErrorCode::kConfig: return "config";
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

std::string Error::ToString() const {
  if (where.empty()) return message;
  return where + ": " + message;
}

}  // namespace clausecheck
