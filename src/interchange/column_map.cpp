#include "column_map.hpp"

#include "csv_reader.hpp"
#include "source_text.hpp"

namespace slash::interchange {

ColumnMap::ColumnMap(const std::vector<std::string>& header, std::span<const ColumnName> names,
                     int column_count, const CsvReader& csv, const char* unknown)
    : index_(static_cast<std::size_t>(column_count)) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string_view title = trim(header[i]);
        const ColumnName* known = nullptr;
        for (const ColumnName& name : names) {
            if (iequals(title, name.name)) known = &name;
        }
        if (known == nullptr) {
            if (unknown == nullptr) continue;
            fail_at_line(csv.source_name(), csv.record_line(),
                         "unknown column " + shown(title) + "; " + std::string(unknown));
        }
        auto& slot = index_[static_cast<std::size_t>(known->column)];
        if (slot) {
            fail_at_line(csv.source_name(), csv.record_line(),
                         "column " + shown(title) + " appears twice (columns " +
                             std::to_string(*slot + 1) + " and " + std::to_string(i + 1) + ")");
        }
        slot = i;
    }
}

std::string_view ColumnMap::cell(const std::vector<std::string>& row, int column) const {
    const auto& index = index_[static_cast<std::size_t>(column)];
    if (!index || *index >= row.size()) return {};
    return row[*index];
}

}  // namespace slash::interchange
