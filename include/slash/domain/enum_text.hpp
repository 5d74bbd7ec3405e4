#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace slash::domain {

/// The value of a closed set whose text (its `to_text`) is `text`, nullopt for any other
/// text: the one reading of billing modes, payment methods, mission statuses and invoice
/// kinds where text enters (the storage codec, the command line).
template <typename Enum>
[[nodiscard]] std::optional<Enum> enum_from_text(std::string_view text, std::span<const Enum> all) {
    for (Enum value : all) {
        if (to_text(value) == text) return value;
    }
    return std::nullopt;
}

}  // namespace slash::domain
