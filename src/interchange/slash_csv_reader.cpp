// slash's own CSV, as `slash export --format csv` writes it: a header row names the columns,
// in any order, among uid,start,end,client,mission,units,billable,tags,note. start, end and
// mission are required (an empty end is a running entry); an unknown or repeated column is
// refused, as it more likely is a typo than data to drop. tags are joined with ';'. A cell
// starting with ' then one of = + - @ ' loses that first ': the exporter adds it against
// spreadsheet formula injection. The entry rules are in slash_entry.hpp.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "column_map.hpp"
#include "csv_reader.hpp"
#include "readers.hpp"
#include "slash_entry.hpp"
#include "source_text.hpp"

namespace slash::interchange {

namespace {

enum Column { kUid, kStart, kEnd, kClient, kMission, kUnits, kBillable, kTags, kNote, kCount };

constexpr std::array<ColumnName, kCount> kColumns{{
    {kUid, "uid"},
    {kStart, "start"},
    {kEnd, "end"},
    {kClient, "client"},
    {kMission, "mission"},
    {kUnits, "units"},
    {kBillable, "billable"},
    {kTags, "tags"},
    {kNote, "note"},
}};

constexpr const char* kKnownColumns =
    "slash's CSV has uid, start, end, client, mission, units, billable, tags and note";

/// The cell as the exporter meant it: without the ' it put before = + - @ and '.
std::string_view unguarded(std::string_view cell) {
    if (cell.size() >= 2 && cell[0] == '\'' &&
        std::string_view("=+-@'").find(cell[1]) != std::string_view::npos) {
        cell.remove_prefix(1);
    }
    return cell;
}

class SlashCsvReader final : public EntryReader {
  public:
    SlashCsvReader(std::istream& in, std::string source_name)
        : csv_(in, std::move(source_name)),
          header_(csv_.read_header()),
          columns_(header_, kColumns, kCount, csv_, kKnownColumns) {
        for (const int required : {kStart, kEnd, kMission}) {
            if (columns_.has(required)) continue;
            fail_at_line(csv_.source_name(), csv_.record_line(),
                         "no " + shown(kColumns[static_cast<std::size_t>(required)].name) +
                             " column; slash's CSV needs start, end and mission (columns: "
                             "uid,start,end,client,mission,units,billable,tags,note)");
        }
    }

    std::optional<SourceEntry> next() override {
        if (!csv_.next(row_)) return std::nullopt;
        const Place place = Place::line(csv_.source_name(), csv_.record_line());
        if (row_.size() != header_.size()) {
            place.fail(std::to_string(row_.size()) + (row_.size() == 1 ? " field" : " fields") +
                       " where the header has " + std::to_string(header_.size()) +
                       " (a field with a comma not in double quotes?)");
        }
        const auto cell = [&](int column) -> std::optional<std::string> {
            if (!columns_.has(column)) return std::nullopt;
            return std::string(unguarded(columns_.cell(row_, column)));
        };
        SlashFields fields{
            .uid = cell(kUid),
            .start = cell(kStart),
            .end = cell(kEnd),
            .client = cell(kClient),
            .mission = cell(kMission),
            .units = cell(kUnits),
            .note = cell(kNote),
            .billable = parse_billable(unguarded(columns_.cell(row_, kBillable)), place),
            .tags = {},
        };
        fields.tags = split_list(unguarded(columns_.cell(row_, kTags)), ';', "\"tags\"", place);
        return build_slash_entry(fields, "csv", place);
    }

  private:
    CsvReader csv_;
    std::vector<std::string> header_;
    ColumnMap columns_;
    std::vector<std::string> row_;
};

}  // namespace

std::unique_ptr<EntryReader> make_slash_csv_reader(std::istream& in, std::string source_name) {
    return std::make_unique<SlashCsvReader>(in, std::move(source_name));
}

}  // namespace slash::interchange
