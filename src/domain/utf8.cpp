#include "slash/domain/utf8.hpp"

#include <utf8proc.h>

namespace slash::domain {

CodePoint decode_utf8(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(at);
    const CodePoint invalid{lead, 1, false};
    if (lead < 0x80) return {lead, 1, true};
    std::size_t length = 0;
    std::uint32_t value = 0;
    std::uint32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, value = lead & 0x1Fu, minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, value = lead & 0x0Fu, minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, value = lead & 0x07u, minimum = 0x10000;
    } else {
        return invalid;
    }
    if (length > text.size() - at) return invalid;
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char next = byte(at + k);
        if ((next & 0xC0u) != 0x80u) return invalid;
        value = (value << 6) | (next & 0x3Fu);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return invalid;
    return {value, length, true};
}

int code_point_width(std::uint32_t code_point) {
    return utf8proc_charwidth(static_cast<utf8proc_int32_t>(code_point));
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint c = decode_utf8(text, i);
        width += c.valid ? static_cast<std::size_t>(code_point_width(c.value)) : 1;
        i += c.length;
    }
    return width;
}

}  // namespace slash::domain
