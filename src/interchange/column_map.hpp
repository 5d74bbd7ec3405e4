#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slash::interchange {

class CsvReader;

/// One header name a CSV format knows for one of its columns (`column` indexes the
/// format's own enum; a column may have several names: Toggl's "End date" / "Stop date").
struct ColumnName {
    int column;
    std::string_view name;
};

/// Where each known column is in a CSV header, found by name (trimmed, ASCII case
/// ignored), so that columns may come in any order.
class ColumnMap {
  public:
    /// Reads the header `csv` just returned. Refuses a column named twice. `unknown` says what to
    /// do with a header name that is not in `names`: nullptr to ignore it (foreign exports grow
    /// columns), else the end of the message refusing it ("slash's CSV has uid, start, ...").
    ColumnMap(const std::vector<std::string>& header, std::span<const ColumnName> names,
              int column_count, const CsvReader& csv, const char* unknown);

    [[nodiscard]] std::optional<std::size_t> find(int column) const {
        return index_[static_cast<std::size_t>(column)];
    }
    [[nodiscard]] bool has(int column) const { return find(column).has_value(); }
    /// The cell of `column` in `row`; empty when the header has no such column.
    [[nodiscard]] std::string_view cell(const std::vector<std::string>& row, int column) const;

  private:
    std::vector<std::optional<std::size_t>> index_;
};

}  // namespace slash::interchange
