#include "slash/domain/utf8.hpp"

#include <doctest/doctest.h>
#include <utf8proc.h>

#include <string>
#include <vector>

#include "slash/domain/text.hpp"

using slash::domain::code_point_width;
using slash::domain::decode_utf8;
using slash::domain::display_width;

// The one UTF-8 decoder and Unicode's widths (issue 14): tables line up with emoji, East
// Asian characters and combining marks.

TEST_CASE("domain/utf8: widths are utf8proc's: emoji and East Asian 2, combining marks 0") {
    // ✅ U+2705, ⚡ U+26A1, ☔ U+2614, 東 U+6771, 京 U+4EAC, é U+00E9, combining acute U+0301.
    for (std::uint32_t code : {0x2705u, 0x26A1u, 0x2614u, 0x6771u, 0x4EACu, 0x41u, 0xE9u, 0x301u, 0x200Du}) {
        INFO(code);
        CHECK(code_point_width(code) == utf8proc_charwidth(static_cast<utf8proc_int32_t>(code)));
    }
    CHECK(code_point_width(0x2705) == 2);
    CHECK(code_point_width(0x26A1) == 2);
    CHECK(code_point_width(0x6771) == 2);
    CHECK(code_point_width(0x301) == 0);
    CHECK(display_width("✅ ⚡ 東京") == 2 + 1 + 2 + 1 + 4);
    CHECK(display_width("Cafe\u0301") == 4);
    CHECK(display_width("a\xff" "b") == 3);  // an invalid byte is one column
}

TEST_CASE("domain/utf8: decode_utf8 is strict and moves one byte past an invalid one") {
    CHECK(decode_utf8("é", 0).value == 0xE9);
    CHECK(decode_utf8("é", 0).length == 2);
    CHECK(decode_utf8("\xF0\x9F\x8E\x89", 0).value == 0x1F389);
    for (const std::string& bad :
         std::vector<std::string>{"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80", "\xFF"}) {
        const auto c = decode_utf8(bad, 0);
        CHECK(!c.valid);
        CHECK(c.length == 1);
        CHECK(!slash::domain::is_valid_utf8(bad));
    }
}
