// slash's own JSONL, as `slash export --format jsonl` writes it: one JSON object per line
// with the keys uid, start, end (null: running), client, mission, units (a decimal string,
// or null), billable (true, false or null), tags (an array of strings), note, and seconds,
// which is derived and ignored. Another key is refused, naming it, as it more likely is a
// typo than data to drop; a missing key reads as null. Blank lines are skipped. The entry
// rules are those of slash's CSV (slash_entry.hpp).

#include <optional>
#include <sstream>
#include <string>

#include "byte_source.hpp"
#include "json_fields.hpp"
#include "readers.hpp"
#include "slash/domain/quote.hpp"
#include "slash_entry.hpp"

namespace slash::interchange {

namespace {

using Token = JsonReader::Token;

constexpr std::size_t kMaxLine = 1 << 20;

class SlashJsonlReader final : public EntryReader {
  public:
    SlashJsonlReader(std::istream& in, std::string source_name)
        : bytes_(in), source_name_(std::move(source_name)) {}

    std::optional<SourceEntry> next() override {
        long line_number = 0;
        if (!next_line(line_number)) return std::nullopt;
        // One stream for every line: constructing one per line cost a tenth of an import.
        stream_.str(line_);
        stream_.clear();
        JsonReader json(stream_, source_name_, line_number,
                        "unexpected end of line; each line holds one whole JSON object");
        const Place place = Place::line(source_name_, line_number);
        const Token first = json.next();
        if (first != Token::BeginObject) {
            place.fail("expected a JSON object {\"start\": ...}, not " +
                       std::string(JsonReader::describe(first)));
        }
        SlashFields fields;
        SeenKeys seen;
        for (Token token = json.next(); token != Token::EndObject; token = json.next()) {
            const std::string key = json.text();
            seen.add(key, place);
            if (key == "uid") {
                fields.uid = read_string(json, key, place, true);
            } else if (key == "start") {
                fields.start = read_string(json, key, place, false);
            } else if (key == "end") {
                fields.end = read_string(json, key, place, true);
            } else if (key == "client") {
                fields.client = read_string(json, key, place, true);
            } else if (key == "mission") {
                fields.mission = read_string(json, key, place, false);
            } else if (key == "units") {
                fields.units = read_units(json, place);
            } else if (key == "billable") {
                fields.billable = read_bool(json, key, place, true);
            } else if (key == "tags") {
                fields.tags = read_string_array(json, key, place, true);
            } else if (key == "note") {
                fields.note = read_string(json, key, place, true);
            } else if (key == "seconds") {
                json.skip(json.next());
            } else {
                place.fail("unknown key " + domain::quoted(key) +
                           "; slash's JSONL has uid, start, end, client, mission, units, "
                           "billable, tags, note and seconds");
            }
        }
        json.next();  // nothing may follow the object on its line
        return build_slash_entry(fields, "jsonl", place);
    }

  private:
    /// The next line that is not blank into line_, its number into `number`; false at the
    /// end of the input. A line's CR LF ending is removed with it.
    bool next_line(long& number) {
        for (;;) {
            number = bytes_.line();
            switch (bytes_.read_line(line_, kMaxLine)) {
                case ByteSource::LineRead::End: return false;
                case ByteSource::LineRead::TooLong:
                    fail_at_line(source_name_, number, "a line longer than " + std::to_string(kMaxLine) + " bytes");
                case ByteSource::LineRead::Line: break;
            }
            if (line_.ends_with('\r')) line_.pop_back();
            if (line_.find_first_not_of(" \t\r") != std::string::npos) return true;
        }
    }

    /// "units": a decimal string, a JSON number (read as written, never as a double), or
    /// null.
    static std::optional<std::string> read_units(JsonReader& json, const Place& place) {
        const Token token = json.next();
        if (token == Token::String || token == Token::Number) return json.text();
        if (token == Token::Null) return std::nullopt;
        place.fail("\"units\" must be a decimal string or null, not " +
                   std::string(JsonReader::describe(token)));
    }

    ByteSource bytes_;
    std::istringstream stream_;
    std::string source_name_;
    std::string line_;
};

}  // namespace

std::unique_ptr<EntryReader> make_slash_jsonl_reader(std::istream& in, std::string source_name) {
    return std::make_unique<SlashJsonlReader>(in, std::move(source_name));
}

}  // namespace slash::interchange
