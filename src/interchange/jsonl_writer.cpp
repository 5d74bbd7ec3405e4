#include "writers.hpp"

#include <string>

#include <fmt/format.h>

#include "slash/domain/time_zone.hpp"

namespace slash::interchange {

namespace {

// The same escaping as render's JSON (src/render/value.cpp); that one is private to the
// render layer, which interchange must not depend on. Non-ASCII UTF-8 passes through.
void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (char ch : text) {
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20) {
                    out += fmt::format("\\u{:04x}", static_cast<unsigned char>(ch));
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

// One object per line, no spaces, keys in the documented order: line-oriented tools (grep,
// jq -c, split) and slash's own reader can take the file apart without a JSON parser.
class JsonlWriter final : public EntryWriter {
  public:
    JsonlWriter(std::ostream& out, const domain::TimeZone& zone) : out_(out), zone_(zone) {}

    void write(const ExportEntry& entry) override {
        std::string line = "{\"uid\":";
        append_json_string(line, entry.uid);
        line += ",\"start\":";
        append_json_string(line, domain::format_local_iso(entry.start, zone_));
        line += ",\"end\":";
        if (entry.end) {
            append_json_string(line, domain::format_local_iso(*entry.end, zone_));
        } else {
            line += "null";
        }
        line += ",\"client\":";
        append_json_string(line, entry.client);
        line += ",\"mission\":";
        append_json_string(line, entry.mission);
        // A string, not a JSON number: readers that parse numbers as doubles would turn
        // thousandths into approximations.
        line += ",\"units\":";
        if (entry.units_milli) {
            append_json_string(line, format_units(*entry.units_milli));
        } else {
            line += "null";
        }
        line += entry.billable ? ",\"billable\":true" : ",\"billable\":false";
        line += ",\"tags\":[";
        for (std::size_t i = 0; i < entry.tags.size(); ++i) {
            if (i > 0) line += ',';
            append_json_string(line, entry.tags[i]);
        }
        line += "],\"note\":";
        append_json_string(line, entry.note);
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
