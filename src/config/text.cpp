#include "internal.hpp"

#include <array>

namespace slash::config::detail {
namespace {

constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7',
                                    '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

}  // namespace

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\r':
                out += "\\r";
                break;
            default: {
                const auto byte = static_cast<unsigned char>(c);
                if (byte < 0x20 || byte == 0x7F) {
                    // TOML forbids raw control characters in basic strings.
                    out += "\\u00";
                    out += kHex[byte >> 4U];
                    out += kHex[byte & 0xFU];
                } else {
                    out += c;
                }
            }
        }
    }
    out += '"';
    return out;
}

std::string toml_literal(const Value& value) {
    if (const auto* s = std::get_if<std::string>(&value)) return quote(*s);
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        std::string out = "[";
        for (const auto& element : *list) {
            if (out.size() > 1) out += ", ";
            out += quote(element);
        }
        return out + "]";
    }
    if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
    return std::get<bool>(value) ? "true" : "false";
}

std::string plain_text(const Value& value) {
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        std::string out;
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (i > 0) out += "; ";
            out += (*list)[i];
        }
        return out;
    }
    if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
    return std::get<bool>(value) ? "true" : "false";
}

}  // namespace slash::config::detail
