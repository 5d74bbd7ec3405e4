#pragma once

#include <cstddef>
#include <string_view>

#include <fmt/format.h>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/text.hpp"

namespace slash::services {

/// The longest text slash keeps (a note, a title, a name), in characters: a 100 KB note
/// once became a 30-page PDF that took 18 s to render.
inline constexpr std::size_t kMaxTextCharacters = 1000;

/// Characters (code points) of valid UTF-8: every byte that does not continue a sequence.
inline std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    for (char ch : text) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

/// Every stored text ends up in JSON and invoices: it must be UTF-8, and at most
/// kMaxTextCharacters long (the refusal gives the length, not the text).
inline void require_utf8(std::string_view text, std::string_view flag) {
    if (!domain::is_valid_utf8(text)) {
        throw Error(ErrorKind::Usage,
                    fmt::format("invalid {} {}: it is not valid UTF-8", flag, domain::quoted(text)));
    }
    if (std::size_t length = character_count(text); length > kMaxTextCharacters) {
        throw Error(ErrorKind::Usage, fmt::format("{} is {} characters long; the most is {}: keep a summary here and "
                                                  "the details in a file",
                                                  flag, length, kMaxTextCharacters));
    }
}

/// Free text (notes) may span lines, but no other control character may reach a
/// terminal from the database (an escape sequence would recolour or rewrite the screen).
inline void require_printable(std::string_view text, std::string_view flag) {
    require_utf8(text, flag);
    for (char ch : text) {
        auto byte = static_cast<unsigned char>(ch);
        if ((byte < 0x20 && ch != '\n' && ch != '\t') || byte == 0x7f) {
            throw Error(ErrorKind::Usage, fmt::format("invalid {} {}: control characters are not allowed", flag,
                                                      domain::quoted(text)));
        }
    }
}

/// Names, address lines and identities end up in tables, TSV and invoice headers, where
/// a newline or a control character would break the layout: refuse them at the door.
inline void require_single_line(std::string_view text, std::string_view flag) {
    require_utf8(text, flag);
    for (char ch : text) {
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) {
            throw Error(ErrorKind::Usage, fmt::format("invalid {} {}: it must be one line without control characters",
                                                      flag, domain::quoted(text)));
        }
    }
}

}  // namespace slash::services
