#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace slash::render {

/// Terminal columns of one code point, after wcwidth(3) without the locale: combining
/// marks, zero-width joiners and variation selectors take none, East Asian wide and
/// fullwidth characters and emoji take two, everything else one.
inline int code_point_width(std::uint32_t c) {
    auto in = [c](std::uint32_t from, std::uint32_t to) { return c >= from && c <= to; };
    if (in(0x0300, 0x036F) || in(0x1AB0, 0x1AFF) || in(0x1DC0, 0x1DFF) || in(0x20D0, 0x20FF) ||
        in(0xFE20, 0xFE2F) || in(0x200B, 0x200F) || in(0xFE00, 0xFE0F) || in(0xE0100, 0xE01EF)) {
        return 0;
    }
    if (in(0x1100, 0x115F) || in(0x2E80, 0x303E) || in(0x3041, 0x33FF) || in(0x3400, 0x4DBF) ||
        in(0x4E00, 0x9FFF) || in(0xA000, 0xA4CF) || in(0xAC00, 0xD7A3) || in(0xF900, 0xFAFF) ||
        in(0xFE30, 0xFE4F) || in(0xFF00, 0xFF60) || in(0xFFE0, 0xFFE6) || in(0x1F300, 0x1F64F) ||
        in(0x1F900, 0x1F9FF) || in(0x1F680, 0x1F6FF) || in(0x20000, 0x3FFFD)) {
        return 2;
    }
    return 1;
}

/// Terminal columns of UTF-8 text, so that table columns line up with accents, CJK names
/// and emoji. Invalid bytes count one column each.
inline std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
        if (i + length > text.size()) length = 1;
        std::uint32_t code = length == 1 ? lead : lead & (0x7Fu >> length);
        for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        width += static_cast<std::size_t>(code_point_width(code));
        i += length;
    }
    return width;
}

}  // namespace slash::render
