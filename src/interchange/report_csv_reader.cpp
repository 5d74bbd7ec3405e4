#include "report_csv_reader.hpp"

#include <optional>
#include <vector>

#include "csv_reader.hpp"
#include "local_time.hpp"
#include "slash/domain/time_zone.hpp"
#include "source_text.hpp"

namespace slash::interchange {

namespace {

const domain::FixedOffsetZone kUtc(0, "UTC");

class ReportReader final : public EntryReader {
  public:
    ReportReader(const ReportFormat& format, std::istream& in, std::string source_name,
                 const ReaderOptions& options)
        : format_(format),
          csv_(in, std::move(source_name)),
          header_(csv_.read_header()),
          columns_(header_, format.columns, kReportColumnCount, csv_, nullptr),
          zone_(options.zone != nullptr ? *options.zone : kUtc),
          day_first_(options.day_first) {
        for (const int required : {kStartDate, kStartTime, kEndDate, kEndTime}) {
            if (columns_.has(required)) continue;
            fail_at_line(
                csv_.source_name(), csv_.record_line(),
                "no " + shown(name_of(required)) + " column; " + std::string(format_.export_hint));
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
        const auto text = [&](int column) {
            return clean_text(columns_.cell(row_, column), label(column), place);
        };
        SourceEntry entry;
        entry.where = place.where();
        entry.client = text(kClient);
        entry.project = text(kProject);
        const std::string task = text(kTask), description = text(kDescription);
        entry.note = task.empty()          ? description
                     : description.empty() ? task
                                           : task + ": " + description;
        entry.tags = split_list(columns_.cell(row_, kTags), ',', label(kTags), place);
        entry.billable = billable(place);

        const domain::LocalDateTime start = local(kStartDate, kStartTime, place);
        entry.start = instant_of(start, zone_, written(kStartDate, kStartTime), place);
        std::string end_text;
        if (!trim(columns_.cell(row_, kEndDate)).empty() ||
            !trim(columns_.cell(row_, kEndTime)).empty()) {
            const domain::LocalDateTime end = local(kEndDate, kEndTime, place);
            entry.end = instant_of(end, zone_, written(kEndDate, kEndTime), place);
            // An end in an autumn fold, not after the start the first time it happens, is
            // its second time: 02:50 -> 02:10 on the night clocks go back is 20 minutes.
            if (*entry.end <= entry.start) {
                if (const auto later = later_instant_of(end, zone_)) entry.end = *later;
            }
            check_order(entry.start, *entry.end, "end", written(kEndDate, kEndTime),
                        "start " + shown(written(kStartDate, kStartTime)), place);
            end_text = format_local(end);
        }
        entry.uid = std::string(format_.uid_prefix) + ":" +
                    fnv1a64_hex({text(kUser), text(kEmail), entry.client, entry.project, task,
                                 description, format_local(start), end_text});
        return entry;
    }

  private:
    /// The column's name as this file's header writes it, else as the format knows it.
    std::string name_of(int column) const {
        if (const auto index = columns_.find(column)) return std::string(trim(header_[*index]));
        for (const ColumnName& name : format_.columns) {
            if (name.column == column) return std::string(name.name);
        }
        return {};
    }

    std::string label(int column) const { return shown(name_of(column)); }

    /// "2026-11-02 09:00:00": a date and time cell as written, for messages.
    std::string written(int date, int time) const {
        return std::string(trim(columns_.cell(row_, date))) + " " +
               std::string(trim(columns_.cell(row_, time)));
    }

    domain::LocalDateTime local(int date_column, int time_column, const Place& place) const {
        const std::string_view date_text = columns_.cell(row_, date_column);
        const auto date = parse_report_date(date_text, format_.numeric_date_orders, day_first_);
        if (!date)
            place.fail(label(date_column) + " " + shown(date_text) + " is not " +
                       date_forms(date_text));
        const std::string_view time_text = columns_.cell(row_, time_column);
        const auto time = parse_time_of_day(time_text);
        if (!time) {
            place.fail(label(time_column) + " " + shown(time_text) + " is not " +
                       std::string(format_.time_forms));
        }
        return {*date, time->hour, time->minute, time->second};
    }

    /// The date forms this reader takes, and the day-first hint when it would have helped.
    std::string date_forms(std::string_view text) const {
        if (!format_.numeric_date_orders) return "YYYY-MM-DD";
        std::string forms = day_first_ ? "DD/MM/YYYY or YYYY-MM-DD" : "MM/DD/YYYY or YYYY-MM-DD";
        if (!day_first_ && parse_report_date(text, true, true)) {
            forms += "; if the file's dates are DD/MM/YYYY, import it with --day-first";
        }
        return forms;
    }

    std::optional<bool> billable(const Place& place) const {
        const std::string_view cell = trim(columns_.cell(row_, kBillable));
        if (cell.empty()) return std::nullopt;
        if (iequals(cell, "yes")) return true;
        if (iequals(cell, "no")) return false;
        place.fail(label(kBillable) + " " + shown(cell) + " is not Yes or No");
    }

    const ReportFormat& format_;
    CsvReader csv_;
    std::vector<std::string> header_;
    ColumnMap columns_;
    const domain::TimeZone& zone_;
    bool day_first_;
    std::vector<std::string> row_;
};

}  // namespace

std::unique_ptr<EntryReader> make_report_reader(const ReportFormat& format, std::istream& in,
                                                std::string source_name,
                                                const ReaderOptions& options) {
    return std::make_unique<ReportReader>(format, in, std::move(source_name), options);
}

}  // namespace slash::interchange
