#pragma once

// Storage-internal: how the stores map optional values and tag lists to columns.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/entry.hpp"

namespace slash::storage {

inline std::optional<std::int64_t> optional_int(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getInt64();
}

inline std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

template <class T>
void bind_optional(SQLite::Statement& stmt, int index, const std::optional<T>& value) {
    if (value) {
        stmt.bind(index, *value);
    } else {
        stmt.bind(index);
    }
}

/// Tags are stored space-separated with a space at both ends (" a b "), so that a tag
/// filter is one LIKE '% tag %' with no false match on a longer tag.
inline std::string join_tags(const std::vector<std::string>& tags) {
    if (tags.empty()) return {};
    std::string text = " ";
    for (const auto& tag : tags) text += tag + " ";
    return text;
}

inline std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) tags.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return tags;
}

}  // namespace slash::storage

namespace slash::storage {

/// Address lines are stored one per line: a line can never contain a newline (services
/// refuse it), so the join is lossless.
inline std::string join_line_list(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
        if (!text.empty()) text += '\n';
        text += line;
    }
    return text;
}

inline std::vector<std::string> split_line_list(const std::string& text) {
    std::vector<std::string> lines;
    if (text.empty()) return lines;
    std::size_t start = 0;
    for (;;) {
        auto end = text.find('\n', start);
        lines.push_back(text.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return lines;
}

/// Binds the columns of an entry row but its texts (uid 1, note 5, tags 6), in the order of
/// `INSERT INTO entries (uid, mission_id, start_at, end_at, note, tags, units_milli,
/// billable, created_at, updated_at)`.
inline void bind_entry_numbers(SQLite::Statement& stmt, const domain::Entry& e) {
    stmt.bind(2, e.mission_id);
    stmt.bind(3, e.start);
    if (e.end) {
        stmt.bind(4, *e.end);
    } else {
        stmt.bind(4);
    }
    if (e.units_milli) {
        stmt.bind(7, *e.units_milli);
    } else {
        stmt.bind(7);
    }
    stmt.bind(8, e.billable ? 1 : 0);
    stmt.bind(9, e.created_at);
    stmt.bind(10, e.updated_at);
}

/// Binds the ten columns of an entry row, in the order above.
inline void bind_entry_fields(SQLite::Statement& stmt, const domain::Entry& e) {
    bind_entry_numbers(stmt, e);
    stmt.bind(1, e.uid);
    stmt.bind(5, e.note);
    stmt.bind(6, join_tags(e.tags));
}

}  // namespace slash::storage
