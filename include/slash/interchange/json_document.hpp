#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace slash::interchange {

/// A whole JSON document in memory, for the small bodies of web APIs (the e-invoicing
/// platform's answers): the streaming JsonReader's grammar, UTF-8 and limits (64 levels,
/// 1 MiB strings), numbers kept as written, never through floating point.
struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    std::string text;  ///< String: decoded; Number: as written; Bool: "true" or "false"
    /// An array's elements, or an object's values in document order, `keys[i]` naming
    /// `items[i]` (two vectors: a pair holding a JsonValue would need it complete here).
    std::vector<JsonValue> items;
    std::vector<std::string> keys;

    /// The member `key` of an object; nullptr when absent or when this is not an object.
    [[nodiscard]] const JsonValue* find(std::string_view key) const;
    /// The member `key` when it is a string (or a number, as written); empty otherwise.
    [[nodiscard]] std::string text_of(std::string_view key) const;
};

/// Parses `text`. Throws Error(Usage) `<source> line N: <reason>` when it is not one JSON
/// value.
[[nodiscard]] JsonValue parse_json_document(std::string_view text, const std::string& source);

}  // namespace slash::interchange
