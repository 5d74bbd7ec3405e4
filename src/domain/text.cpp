#include "slash/domain/text.hpp"

#include <array>
#include <cstdint>

namespace slash::domain {

bool is_valid_utf8(std::string_view s) {
    constexpr std::array<std::uint32_t, 4> kSmallest{0, 0x80, 0x800, 0x10000};
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        std::uint32_t code = lead;
        if (lead >= 0xF0 && lead < 0xF8) {
            extra = 3;
            code = lead & 0x07U;
        } else if (lead >= 0xE0 && lead < 0xF0) {
            extra = 2;
            code = lead & 0x0FU;
        } else if (lead >= 0xC0 && lead < 0xE0) {
            extra = 1;
            code = lead & 0x1FU;
        } else if (lead >= 0x80) {
            return false;
        }
        if (extra >= s.size() - i) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(s[i + k]);
            if ((next & 0xC0U) != 0x80U) return false;
            code = (code << 6U) | (next & 0x3FU);
        }
        const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
        if (code < kSmallest[extra] || code > 0x10FFFF || surrogate) return false;
        i += extra + 1;
    }
    return true;
}

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (char ch : text) {
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                const auto byte = static_cast<unsigned char>(ch);
                if (byte < 0x20) {
                    out += "\\u00";
                    out += kHex[byte >> 4];
                    out += kHex[byte & 0x0f];
                } else {
                    out += ch;
                }
            }
        }
    }
    out += '"';
}

}  // namespace slash::domain
