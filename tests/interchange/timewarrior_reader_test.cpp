#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "reader_test_support.hpp"

using slash::interchange::SourceFormat;
using slash::testing::read_all;
using slash::testing::read_error;
using slash::testing::utc;

namespace {

constexpr auto kTimew = SourceFormat::Timewarrior;

std::string error_of(const std::string& text) {
    return read_error(kTimew, text, "timew.json");
}

}  // namespace

TEST_CASE("interchange/timewarrior reader: what timew export writes, running interval included") {
    // Written by timew 1.4.3 (`timew track ...; timew annotate @1 ...; timew start ...`).
    const std::string text =
        "[\n"
        "{\"id\":3,\"start\":\"20261102T080000Z\",\"end\":\"20261102T090000Z\",\"tags\":[\"acme\","
        "\"web\",\"with \\\"quote\\\"\"]},\n"
        "{\"id\":2,\"start\":\"20261102T100000Z\",\"end\":\"20261102T113000Z\",\"tags\":[\"foo\"],"
        "\"annotation\":\"note \xC3\xA9\"},\n"
        "{\"id\":1,\"start\":\"20261103T080000Z\",\"tags\":[\"bar\",\"baz\"]}\n"
        "]\n";
    const auto entries = read_all(kTimew, text);
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].where == "entry 1 (line 2)");
    CHECK(entries[0].uid == "timew:20261102T080000Z");
    CHECK(entries[0].start == utc("2026-11-02T08:00:00Z"));
    CHECK(entries[0].end == utc("2026-11-02T09:00:00Z"));
    CHECK(entries[0].tags == std::vector<std::string>{"acme", "web", "with \"quote\""});
    CHECK(entries[0].project.empty());
    CHECK(entries[0].client.empty());
    CHECK(entries[0].note.empty());
    CHECK(!entries[0].billable.has_value());
    CHECK(!entries[0].units_milli.has_value());
    CHECK(entries[1].note == "note \xC3\xA9");
    CHECK(entries[2].where == "entry 3 (line 4)");
    CHECK(entries[2].uid == "timew:20261103T080000Z");
    CHECK(!entries[2].end.has_value());
}

TEST_CASE("interchange/timewarrior reader: an empty array, unknown keys and no tags") {
    CHECK(read_all(kTimew, "[]").empty());
    CHECK(read_all(kTimew, "\xEF\xBB\xBF [ ]\n").empty());
    const auto entries = read_all(
        kTimew, R"([{"start":"20261102T080000Z","future":{"x":[1,2,{"y":null}]},"id":7}])");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].tags.empty());
    CHECK(!entries[0].end.has_value());
}

TEST_CASE("interchange/timewarrior reader: a multi-line annotation becomes one line") {
    const auto entries = read_all(
        kTimew,
        R"([{"start":"20261102T080000Z","annotation":"  first line \r\n\tsecond  line\n"}])");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].note == "first line second  line");
    CHECK(
        error_of(R"([{"start":"20261102T080000Z","annotation":"bell\u0007"}])") ==
        "timew.json entry 1 (line 1): \"annotation\" has a control character (U+0007); remove it");
}

TEST_CASE("interchange/timewarrior reader: refusals name the entry and its line") {
    CHECK(error_of("[\n{\"start\":\"20261102T090000Z\",\"end\":\"20261102T100000Z\"},\n"
                   "{\"start\":\"20261102T090000Z\",\n\"end\":\"20261102T080000Z\"}]") ==
          "timew.json entry 2 (line 3): \"end\" \"20261102T080000Z\" is before \"start\"");
    CHECK(error_of(R"([{"start":"20261102T090000Z","end":"20261102T090000Z"}])") ==
          "timew.json entry 1 (line 1): \"end\" \"20261102T090000Z\" is the same as \"start\": "
          "an entry lasts at least one second");
    CHECK(error_of(R"([{"start":"2026-11-02T09:00:00Z"}])") ==
          "timew.json entry 1 (line 1): \"start\" \"2026-11-02T09:00:00Z\" is not a Timewarrior "
          "time (YYYYMMDDTHHMMSSZ, as timew export writes)");
    CHECK(error_of(R"([{"start":"20260230T090000Z"}])") ==
          "timew.json entry 1 (line 1): \"start\" \"20260230T090000Z\" is not a Timewarrior "
          "time (YYYYMMDDTHHMMSSZ, as timew export writes)");
    CHECK(error_of(R"([{"end":"20261102T090000Z"}])") ==
          "timew.json entry 1 (line 1): no \"start\"; every interval of timew export has one");
    CHECK(error_of(R"([{"start":"20261102T090000Z","start":"20261102T100000Z"}])") ==
          "timew.json entry 1 (line 1): \"start\" appears twice in one object");
    CHECK(error_of(R"([{"start":"20261102T090000Z","tags":"acme"}])") ==
          "timew.json entry 1 (line 1): \"tags\" must be an array of strings, not a string");
    CHECK(error_of(R"([{"start":20261102}])") ==
          "timew.json entry 1 (line 1): \"start\" must be a string, not a number");
    CHECK(
        error_of(R"([["20261102T090000Z"]])") ==
        "timew.json entry 1 (line 1): expected an interval object {\"start\": ...}, not an array");
    CHECK(error_of(R"({"start":"20261102T090000Z"})") ==
          "timew.json line 1: expected a JSON array of intervals, as timew export writes, not an "
          "object");
    CHECK(error_of("[\n{\"start\":\"20261102T090000Z\"},\n{\"start\":\"2026") ==
          "timew.json line 3: unexpected end of input (truncated file?)");
    CHECK(error_of("[{\"start\":\"20261102T090000Z\",\"annotation\":\"caf\xE9\"}]") ==
          "timew.json line 1: invalid UTF-8 (byte 0xe9); save the file as UTF-8");
    CHECK(error_of("") == "timew.json line 1: empty input: no JSON value");
}
