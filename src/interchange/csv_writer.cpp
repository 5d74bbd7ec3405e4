#include "writers.hpp"

#include <iterator>
#include <string>
#include <string_view>

#include "slash/domain/time_zone.hpp"

namespace slash::interchange {

namespace {

// Spreadsheets run a cell starting with one of these as a formula (CSV injection). The
// apostrophe is in the list too: slash's reader removes exactly one leading ', so a note
// that really starts with one must be written with two.
bool needs_formula_guard(std::string_view text) {
    return !text.empty() && std::string_view("=+-@'").find(text.front()) != std::string_view::npos;
}

// RFC 4180 quoting, also for a leading or trailing space, which some readers trim.
std::string csv_cell(std::string_view text) {
    std::string cell;
    if (needs_formula_guard(text)) cell += '\'';
    cell += text;
    bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
                 (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
    if (!quote) return cell;
    std::string quoted = "\"";
    for (char ch : cell) {
        if (ch == '"') quoted += '"';
        quoted += ch;
    }
    return quoted + '"';
}

class CsvWriter final : public EntryWriter {
  public:
    CsvWriter(std::ostream& out, const domain::TimeZone& zone) : out_(out), zone_(zone) {
        out_ << "uid,start,end,client,mission,units,billable,tags,note\r\n";
    }

    void write(const ExportEntry& entry) override {
        std::string tags;
        for (const auto& tag : entry.tags) tags += (tags.empty() ? "" : ";") + tag;
        const std::string cells[] = {
            entry.uid,
            domain::format_local_iso(entry.start, zone_),
            entry.end ? domain::format_local_iso(*entry.end, zone_) : std::string(),
            entry.client,
            entry.mission,
            entry.units_milli ? format_units(*entry.units_milli) : std::string(),
            entry.billable ? "true" : "false",
            tags,
            entry.note,
        };
        std::string line = csv_cell(cells[0]);
        for (std::size_t i = 1; i < std::size(cells); ++i) line += ',' + csv_cell(cells[i]);
        out_ << line << "\r\n";
    }

    void finish() override {}

  private:
    std::ostream& out_;
    const domain::TimeZone& zone_;
};

}  // namespace

std::unique_ptr<EntryWriter> make_csv_writer(std::ostream& out, const domain::TimeZone& zone) {
    return std::make_unique<CsvWriter>(out, zone);
}

}  // namespace slash::interchange
