// Timewarrior: the JSON array `timew export` writes, one object per interval:
//   {"id":1,"start":"20261102T080000Z","end":"20261102T090000Z","tags":["acme","web"],
//    "annotation":"..."}
// No "end" means the interval was still running. Every tag is kept in order (the import
// picks the mission among them); the annotation is the note; "id" (a position that changes
// as intervals are added) and any other key are ignored. The uid is "timew:" + the start,
// which Timewarrior itself treats as an interval's identity.

#include <cstdint>
#include <optional>
#include <string>

#include "json_fields.hpp"
#include "readers.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/quote.hpp"

namespace slash::interchange {

namespace {

using Token = JsonReader::Token;

/// `20261102T080000Z`, Timewarrior's only form; nullopt otherwise.
std::optional<std::int64_t> parse_timew_instant(std::string_view text) {
    if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return std::nullopt;
    int parts[6] = {};
    const std::size_t starts[6] = {0, 4, 6, 9, 11, 13};
    const std::size_t lengths[6] = {4, 2, 2, 2, 2, 2};
    for (int p = 0; p < 6; ++p) {
        for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            parts[p] = parts[p] * 10 + (text[i] - '0');
        }
    }
    const domain::CivilDate date{parts[0], parts[1], parts[2]};
    if (!domain::is_valid_date(date) || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) {
        return std::nullopt;
    }
    return domain::days_from_civil(date) * 86400 + parts[3] * 3600 + parts[4] * 60 + parts[5];
}

std::int64_t instant(const std::string& text, std::string_view key, const Place& place) {
    const auto parsed = parse_timew_instant(text);
    if (!parsed) {
        place.fail(domain::quoted(key) + " " + shown(text) +
                   " is not a Timewarrior time (YYYYMMDDTHHMMSSZ, as timew export writes)");
    }
    return *parsed;
}

class TimewarriorReader final : public EntryReader {
  public:
    TimewarriorReader(std::istream& in, std::string source_name)
        : entries_(in, std::move(source_name),
                   "a JSON array of intervals, as timew export writes") {}

    std::optional<SourceEntry> next() override {
        const auto first = entries_.next();
        if (!first) return std::nullopt;
        const Place& place = entries_.place();
        JsonReader& json = entries_.json();
        if (*first != Token::BeginObject) {
            place.fail("expected an interval object {\"start\": ...}, not " +
                       std::string(JsonReader::describe(*first)));
        }
        std::optional<std::string> start, end, annotation;
        std::vector<std::string> tags;
        SeenKeys seen;
        for (Token token = json.next(); token != Token::EndObject; token = json.next()) {
            const std::string key = json.text();
            if (key == "start" || key == "end" || key == "tags" || key == "annotation") {
                seen.add(key, place);
            }
            if (key == "start") {
                start = read_string(json, key, place, false);
            } else if (key == "end") {
                end = read_string(json, key, place, true);
            } else if (key == "tags") {
                tags = read_string_array(json, key, place, true);
            } else if (key == "annotation") {
                annotation = read_string(json, key, place, true);
            } else {
                json.skip(json.next());
            }
        }
        if (!start) place.fail("no \"start\"; every interval of timew export has one");

        SourceEntry entry;
        entry.where = place.where();
        entry.start = instant(*start, "start", place);
        entry.uid = "timew:" + *start;
        if (end) {
            entry.end = instant(*end, "end", place);
            check_order(entry.start, *entry.end, "\"end\"", *end, "\"start\"", place);
        }
        for (const std::string& tag : tags) {
            std::string cleaned = clean_text(tag, "a tag", place);
            if (!cleaned.empty()) entry.tags.push_back(std::move(cleaned));
        }
        if (annotation) entry.note = clean_text(*annotation, "\"annotation\"", place);
        return entry;
    }

  private:
    JsonArrayEntries entries_;
};

}  // namespace

std::unique_ptr<EntryReader> make_timewarrior_reader(std::istream& in, std::string source_name) {
    return std::make_unique<TimewarriorReader>(in, std::move(source_name));
}

}  // namespace slash::interchange
