// HTML character data, shared by the invoice and reminder documents.

#include "html_text.hpp"

#include <cstddef>
#include <cstdint>

#include "slash/domain/utf8.hpp"

namespace slash::render {

namespace {

// The code point starting at `i` when it is well-formed UTF-8 (domain::decode_utf8), with
// its length; length 0 when it is not.
struct CodePoint {
    std::uint32_t value = 0;
    std::size_t length = 0;
};

CodePoint decode(std::string_view text, std::size_t i) {
    const domain::CodePoint c = domain::decode_utf8(text, i);
    if (!c.valid) return {};
    return {c.value, c.length};
}

// Code points no HTML document may carry as text: C0 and C1 controls, DEL, and the
// noncharacters U+FDD0..U+FDEF and U+xFFFE/U+xFFFF.
bool forbidden(std::uint32_t value) {
    return value < 0x20 || (value >= 0x7F && value <= 0x9F) ||
           (value >= 0xFDD0 && value <= 0xFDEF) || (value & 0xFFFE) == 0xFFFE;
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint point = decode(text, i);
        if (point.length == 0) {
            escaped += "\uFFFD";
            ++i;
            continue;
        }
        const std::string_view bytes = text.substr(i, point.length);
        i += point.length;
        if (forbidden(point.value)) continue;
        switch (point.value) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            case '"':
                escaped += "&quot;";
                break;
            case '\'':
                escaped += "&#39;";
                break;
            default:
                escaped += bytes;
        }
    }
    return escaped;
}

}  // namespace slash::render
