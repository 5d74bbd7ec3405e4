#include "writers.hpp"

#include <string>

#include "slash/domain/text.hpp"
#include "slash/domain/time_zone.hpp"

namespace slash::interchange {

namespace {

// One object per line, no spaces, keys in the documented order: line-oriented tools (grep,
// jq -c, split) and slash's own reader can take the file apart without a JSON parser.
class JsonlWriter final : public EntryWriter {
  public:
    JsonlWriter(std::ostream& out, const domain::TimeZone& zone) : out_(out), zone_(zone) {}

    void write(const ExportEntry& entry) override {
        std::string line = "{\"uid\":";
        domain::append_json_string(line, entry.uid);
        line += ",\"start\":";
        domain::append_json_string(line, domain::format_local_iso(entry.start, zone_));
        line += ",\"end\":";
        if (entry.end) {
            domain::append_json_string(line, domain::format_local_iso(*entry.end, zone_));
        } else {
            line += "null";
        }
        line += ",\"client\":";
        domain::append_json_string(line, entry.client);
        line += ",\"mission\":";
        domain::append_json_string(line, entry.mission);
        // A string, not a JSON number: readers that parse numbers as doubles would turn
        // thousandths into approximations.
        line += ",\"units\":";
        if (entry.units_milli) {
            domain::append_json_string(line, format_units(*entry.units_milli));
        } else {
            line += "null";
        }
        line += entry.billable ? ",\"billable\":true" : ",\"billable\":false";
        line += ",\"tags\":[";
        for (std::size_t i = 0; i < entry.tags.size(); ++i) {
            if (i > 0) line += ',';
            domain::append_json_string(line, entry.tags[i]);
        }
        line += "],\"note\":";
        domain::append_json_string(line, entry.note);
        line += "}\n";
        out_ << line;
    }

    void finish() override {}

  private:
    std::ostream& out_;
    const domain::TimeZone& zone_;
};

}  // namespace

std::unique_ptr<EntryWriter> make_jsonl_writer(std::ostream& out, const domain::TimeZone& zone) {
    return std::make_unique<JsonlWriter>(out, zone);
}

}  // namespace slash::interchange
