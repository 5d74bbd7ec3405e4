#pragma once

// Storage-internal: closed sets (domain enum classes) to and from their stored texts. The
// text is the one `to_text` gives, so the database keeps the same bytes as ever.

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <string_view>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"

namespace slash::storage {

/// The value a stored text names. A text the schema's CHECK keeps out can only come from a
/// damaged or hand-edited database: a storage error naming the text and the column.
template <class Enum>
Enum decode(const SQLite::Column& column, std::optional<Enum> (*from_text)(std::string_view),
            std::string_view what) {
    const std::string text = column.getString();
    if (auto value = from_text(text)) return *value;
    throw Error(ErrorKind::Storage, "unknown " + std::string(what) + " " + domain::quoted(text) +
                                        " in the database; restore a backup (see slash db backup)");
}

/// Binds the stored text of `value`.
template <class Enum>
void bind_text(SQLite::Statement& stmt, int index, Enum value) {
    stmt.bind(index, std::string(to_text(value)));
}

}  // namespace slash::storage
