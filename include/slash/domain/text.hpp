#pragma once

#include <string>
#include <string_view>

namespace slash::domain {

/// Well-formed UTF-8: no stray continuation bytes, no overlong forms, no surrogates, nothing
/// above U+10FFFF. Every text slash stores ends up in JSON and invoices, which must be UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view text);

/// Appends `text` as a JSON string, quotes included: '"' and '\\' escaped, \n \r \t, other
/// control characters as \u00XX; UTF-8 passes through. One rule for the output layer's
/// JSON and the JSON lines of `slash export`.
void append_json_string(std::string& out, std::string_view text);

/// One CSV cell, for the output layer's --csv and `slash export --format csv` alike: RFC
/// 4180 quoting (a comma, a quote, CR or LF, and a leading or trailing space, which some
/// readers trim), and the spreadsheet formula guard: a cell starting with = + - @ runs as
/// a formula, so it gets a leading apostrophe, and so does one starting with an
/// apostrophe, which spreadsheets and slash's CSV reader remove once. A plain number (a
/// negative amount) is no formula and stays a number.
[[nodiscard]] std::string csv_cell(std::string_view text);

}  // namespace slash::domain
