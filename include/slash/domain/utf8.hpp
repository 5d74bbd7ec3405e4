#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace slash::domain {

/// One code point read from UTF-8 text.
struct CodePoint {
    std::uint32_t value = 0;  ///< the scalar value; the byte itself when !valid
    std::size_t length = 1;   ///< bytes it takes: 1 to 4; 1 for an invalid byte
    bool valid = true;        ///< false: a stray or cut byte, overlong, surrogate, > U+10FFFF
};

/// The one UTF-8 decoder of slash (RFC 3629, strictly: no overlong form, no surrogate,
/// nothing above U+10FFFF). An invalid sequence is one byte, so a caller that skips or
/// replaces it goes on at the next byte and never loops.
[[nodiscard]] CodePoint decode_utf8(std::string_view text, std::size_t at);

/// Terminal columns of one code point, from Unicode's tables (utf8proc_charwidth): 0 for
/// combining marks and other zero-width characters, 2 for East Asian wide characters and
/// emoji, else 1. Control characters count 0.
[[nodiscard]] int code_point_width(std::uint32_t code_point);

/// Terminal columns of UTF-8 text; an invalid byte counts one column.
[[nodiscard]] std::size_t display_width(std::string_view text);

}  // namespace slash::domain
