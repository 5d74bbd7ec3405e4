#include "utf8.hpp"

#include <cstdio>

namespace slash::interchange {

bool Utf8Checker::feed(unsigned char byte) {
    if (remaining_ > 0) {
        if (byte < low_ || byte > high_) return false;
        --remaining_;
        low_ = 0x80;
        high_ = 0xBF;
        return true;
    }
    if (byte < 0x80) return true;
    lead_ = byte;
    // The first continuation byte's range is what rules out overlong forms (E0, F0),
    // surrogates (ED) and code points above U+10FFFF (F4).
    if (byte >= 0xC2 && byte <= 0xDF) return expect(1, 0x80, 0xBF);
    if (byte == 0xE0) return expect(2, 0xA0, 0xBF);
    if (byte == 0xED) return expect(2, 0x80, 0x9F);
    if (byte >= 0xE1 && byte <= 0xEF) return expect(2, 0x80, 0xBF);
    if (byte == 0xF0) return expect(3, 0x90, 0xBF);
    if (byte >= 0xF1 && byte <= 0xF3) return expect(3, 0x80, 0xBF);
    if (byte == 0xF4) return expect(3, 0x80, 0x8F);
    return false;
}

bool Utf8Checker::expect(int continuations, unsigned char low, unsigned char high) {
    remaining_ = continuations;
    low_ = low;
    high_ = high;
    return true;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    const auto put = [&out](std::uint32_t value) { out += static_cast<char>(value); };
    if (code_point < 0x80) {
        put(code_point);
    } else if (code_point < 0x800) {
        put(0xC0 | (code_point >> 6));
        put(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        put(0xE0 | (code_point >> 12));
        put(0x80 | ((code_point >> 6) & 0x3F));
        put(0x80 | (code_point & 0x3F));
    } else {
        put(0xF0 | (code_point >> 18));
        put(0x80 | ((code_point >> 12) & 0x3F));
        put(0x80 | ((code_point >> 6) & 0x3F));
        put(0x80 | (code_point & 0x3F));
    }
}

std::string invalid_utf8_reason(unsigned char byte) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", byte);
    return std::string("invalid UTF-8 (byte ") + hex + "); save the file as UTF-8";
}

}  // namespace slash::interchange
