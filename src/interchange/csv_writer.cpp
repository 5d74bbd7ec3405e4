#include "writers.hpp"

#include <iterator>
#include <string>
#include <string_view>

#include "slash/domain/text.hpp"
#include "slash/domain/time_zone.hpp"

namespace slash::interchange {

namespace {

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
        std::string line = domain::csv_cell(cells[0]);
        for (std::size_t i = 1; i < std::size(cells); ++i) line += ',' + domain::csv_cell(cells[i]);
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
