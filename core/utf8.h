// UTF-8 helpers: validation, decoding, and the one conversion from byte
// offsets to code-point offsets that every reported span goes through.
#ifndef CLAUSECHECK_CORE_UTF8_H_
#define CLAUSECHECK_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace clausecheck::utf8 {

/// True if `s` is well-formed UTF-8 (no overlongs, surrogates or values
/// above U+10FFFF). On failure *bad_offset is the byte offset of the first
/// invalid sequence.
bool IsValid(std::string_view s, size_t* bad_offset = nullptr);

/// Decodes the code point starting at s[*pos] and advances *pos past it.
/// Invalid sequences decode as U+FFFD and advance one byte.
char32_t Next(std::string_view s, size_t* pos);

/// Appends the UTF-8 encoding of `cp` to *out.
void Append(char32_t cp, std::string* out);

/// Number of code points in s[0, byte_offset): the code-point offset of a
/// byte offset. byte_offset is clamped to s.size().
int CodePointOffset(std::string_view s, size_t byte_offset);

/// Number of code points in s.
inline int CodePointCount(std::string_view s) { return CodePointOffset(s, s.size()); }

/// True for CJK ideographs (Han), the script of Chinese contracts.
bool IsHan(char32_t cp);

/// Whitespace as contracts use it: ASCII, NBSP, ideographic space (U+3000),
/// and the other Unicode space separators.
bool IsSpace(char32_t cp);

}  // namespace clausecheck::utf8

#endif  // CLAUSECHECK_CORE_UTF8_H_
