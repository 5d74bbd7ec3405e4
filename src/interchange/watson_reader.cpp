// Watson, in either of its two JSON forms, told apart by the array's first element:
// - the frames file (~/.config/watson/frames), an array of arrays
//     [start, stop, project, id, tags, updated_at]
//   with Unix times, integers or (in versions that stored arrow's float timestamp) floats,
//   whose fraction is dropped; older files may lack tags and updated_at;
// - `watson log --json`, an array of objects {"id", "project", "start", "stop", "tags"}
//   with ISO 8601 times and offsets ("2026-11-02T09:00:00+01:00", fractions dropped).
// Watson has no client and no note: the project is the project, the tags are the tags. The
// uid is "watson:" + the frame's id (a UUID Watson never changes).

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

constexpr std::int64_t kFirstInstant = -62135596800;  // 0001-01-01T00:00:00Z
constexpr std::int64_t kLastInstant = 253402300799;   // 9999-12-31T23:59:59Z

/// A JSON number's integer part, as Unix seconds in years 1-9999; nullopt for an exponent
/// or anything out of range. Exact: the number is read as text, never as a double.
std::optional<std::int64_t> parse_unix_seconds(std::string_view text) {
    const bool negative = text.starts_with('-');
    if (negative) text.remove_prefix(1);
    if (text.find_first_of("eE") != std::string_view::npos) return std::nullopt;
    const std::string_view whole = text.substr(0, text.find('.'));
    if (whole.empty() || whole.size() > 12) return std::nullopt;
    std::int64_t value = 0;
    for (const char c : whole) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (negative) value = -value;
    if (value < kFirstInstant || value > kLastInstant) return std::nullopt;
    return value;
}

/// ISO 8601 with an offset, as arrow writes it, fraction of a second dropped.
std::optional<std::int64_t> parse_arrow_instant(std::string_view text) {
    std::string whole(text);
    if (whole.size() > 19 && whole[19] == '.') {
        std::size_t end = 20;
        while (end < whole.size() && whole[end] >= '0' && whole[end] <= '9') ++end;
        whole.erase(19, end - 19);
    }
    return domain::parse_iso_instant(whole);
}

class WatsonReader final : public EntryReader {
  public:
    WatsonReader(std::istream& in, std::string source_name)
        : entries_(in, std::move(source_name),
                   "a JSON array of frames (Watson's frames file or watson log --json)") {}

    std::optional<SourceEntry> next() override {
        const auto first = entries_.next();
        if (!first) return std::nullopt;
        if (!frames_) {
            if (*first != Token::BeginArray && *first != Token::BeginObject) {
                entries_.place().fail(
                    "expected a frame, [start, stop, project, id, tags, updated_at] or "
                    "{\"id\", \"project\", \"start\", \"stop\", \"tags\"}, not " +
                    std::string(JsonReader::describe(*first)));
            }
            frames_ = *first == Token::BeginArray;
        }
        const Token expected = *frames_ ? Token::BeginArray : Token::BeginObject;
        if (*first != expected) {
            entries_.place().fail(
                std::string("expected a frame ") +
                (*frames_ ? "[start, stop, project, id, tags, updated_at]"
                          : "{\"id\", \"project\", \"start\", \"stop\", \"tags\"}") +
                " like the first entry, not " + std::string(JsonReader::describe(*first)));
        }
        SourceEntry entry = *frames_ ? read_frame() : read_log_object();
        entry.where = entries_.place().where();
        return entry;
    }

  private:
    /// [start, stop, project, id, tags, updated_at]; later elements are ignored.
    SourceEntry read_frame() {
        const Place& place = entries_.place();
        JsonReader& json = entries_.json();
        static constexpr const char* kNames[] = {"start", "stop", "project", "id"};
        SourceEntry entry;
        std::string stop_text;
        int index = 0;
        for (Token token = json.next(); token != Token::EndArray; token = json.next(), ++index) {
            if (index < 2) {
                if (token != Token::Number) {
                    place.fail(std::string("the frame's ") + kNames[index] +
                               " must be a number (Unix time), not " +
                               std::string(JsonReader::describe(token)));
                }
                const auto seconds = parse_unix_seconds(json.text());
                if (!seconds) {
                    place.fail(std::string("the frame's ") + kNames[index] + " " +
                               shown(json.text()) + " is not a Unix time in seconds");
                }
                (index == 0 ? entry.start : entry.end.emplace()) = *seconds;
                if (index == 1) stop_text = json.text();
            } else if (index < 4) {
                if (token != Token::String) {
                    place.fail(std::string("the frame's ") + kNames[index] +
                               " must be a string, not " +
                               std::string(JsonReader::describe(token)));
                }
                (index == 2 ? entry.project : entry.uid) =
                    clean_text(json.text(), index == 2 ? "the project" : "the id", place);
            } else if (index == 4 && token != Token::Null) {
                if (token != Token::BeginArray) {
                    place.fail("the frame's tags must be an array of strings, not " +
                               std::string(JsonReader::describe(token)));
                }
                for (Token tag = json.next(); tag != Token::EndArray; tag = json.next()) {
                    if (tag != Token::String) {
                        place.fail("the frame's tags must be an array of strings, not " +
                                   std::string(JsonReader::describe(tag)));
                    }
                    add_tag(entry, json.text(), place);
                }
            } else {
                json.skip(token);
            }
        }
        if (index < 4) {
            place.fail("a frame needs at least [start, stop, project, id]; this one has " +
                       std::to_string(index) + (index == 1 ? " element" : " elements"));
        }
        finish(entry, stop_text, place);
        return entry;
    }

    /// {"id", "project", "start", "stop", "tags"}; other keys are ignored.
    SourceEntry read_log_object() {
        const Place& place = entries_.place();
        JsonReader& json = entries_.json();
        SourceEntry entry;
        std::optional<std::string> id, start, stop, project;
        std::vector<std::string> tags;
        SeenKeys seen;
        for (Token token = json.next(); token != Token::EndObject; token = json.next()) {
            const std::string key = json.text();
            if (key == "id" || key == "project" || key == "start" || key == "stop" ||
                key == "tags") {
                seen.add(key, place);
            }
            if (key == "id") {
                id = read_string(json, key, place, false);
            } else if (key == "project") {
                project = read_string(json, key, place, true);
            } else if (key == "start") {
                start = read_string(json, key, place, false);
            } else if (key == "stop") {
                stop = read_string(json, key, place, true);
            } else if (key == "tags") {
                tags = read_string_array(json, key, place, true);
            } else {
                json.skip(json.next());
            }
        }
        if (!id) place.fail("no \"id\"; watson log --json writes one for every frame");
        if (!start) place.fail("no \"start\"; watson log --json writes one for every frame");
        entry.uid = clean_text(*id, "\"id\"", place);
        entry.start = instant(*start, "start", place);
        if (stop) entry.end = instant(*stop, "stop", place);
        if (project) entry.project = clean_text(*project, "\"project\"", place);
        for (const std::string& tag : tags) add_tag(entry, tag, place);
        finish(entry, stop.value_or(""), place);
        return entry;
    }

    static std::int64_t instant(const std::string& text, std::string_view key, const Place& place) {
        const auto parsed = parse_arrow_instant(text);
        if (!parsed) {
            place.fail(domain::quoted(key) + " " + shown(text) +
                       " is not ISO 8601 with an offset (2026-11-02T09:00:00+01:00)");
        }
        return *parsed;
    }

    static void add_tag(SourceEntry& entry, std::string_view tag, const Place& place) {
        std::string cleaned = clean_text(tag, "a tag", place);
        if (!cleaned.empty()) entry.tags.push_back(std::move(cleaned));
    }

    static void finish(SourceEntry& entry, std::string_view stop_text, const Place& place) {
        if (entry.uid.empty()) place.fail("the frame's id is empty");
        entry.uid = "watson:" + entry.uid;
        if (entry.end)
            check_order(entry.start, *entry.end, "\"stop\"", stop_text, "\"start\"", place);
    }

    JsonArrayEntries entries_;
    std::optional<bool> frames_;  ///< set by the first element: frames file or log
};

}  // namespace

std::unique_ptr<EntryReader> make_watson_reader(std::istream& in, std::string source_name) {
    return std::make_unique<WatsonReader>(in, std::move(source_name));
}

}  // namespace slash::interchange
