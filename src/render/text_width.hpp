#pragma once

#include <cstddef>
#include <string_view>

namespace slash::render {

/// Terminal columns of UTF-8 text: one per code point (continuation bytes do not count).
/// East Asian wide characters count as one; good enough for handles and names.
inline std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (char ch : text) {
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++width;
    }
    return width;
}

}  // namespace slash::render
