#pragma once

#include <string_view>

#include <fmt/format.h>

#include "slash/domain/error.hpp"

namespace slash::services {

/// Names, address lines and identities end up in tables, TSV and invoice headers, where
/// a newline or a control character would break the layout: refuse them at the door.
inline void require_single_line(std::string_view text, std::string_view flag) {
    for (char ch : text) {
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) {
            throw Error(ErrorKind::Usage,
                        fmt::format("invalid {} \"{}\": it must be one line without control characters", flag,
                                    text.substr(0, text.find_first_of("\r\n\t"))));
        }
    }
}

}  // namespace slash::services
