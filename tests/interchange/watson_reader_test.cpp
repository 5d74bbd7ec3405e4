#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "reader_test_support.hpp"

using slash::interchange::SourceFormat;
using slash::testing::read_all;
using slash::testing::read_error;
using slash::testing::utc;

namespace {

constexpr auto kWatson = SourceFormat::Watson;

std::string error_of(const std::string& text) {
    return read_error(kWatson, text, "frames");
}

}  // namespace

TEST_CASE("interchange/watson reader: the frames file, integer and float times") {
    const std::string text = R"([
    [1793602800, 1793606400, "acme-website", "c0ffee11aa2244bb8ad1e2b5d66f4a01", ["design", "review"], 1793606401],
    [1793610000.75, 1793613600.2, "internal", "d0ffee11aa2244bb8ad1e2b5d66f4a02", [], 1793613600.9],
    [1793617200, 1793620800, "old", "e0ffee11aa2244bb8ad1e2b5d66f4a03"]
])";
    const auto entries = read_all(kWatson, text);
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].where == "entry 1 (line 2)");
    CHECK(entries[0].uid == "watson:c0ffee11aa2244bb8ad1e2b5d66f4a01");
    CHECK(entries[0].start == 1793602800);
    CHECK(entries[0].end == 1793606400);
    CHECK(entries[0].project == "acme-website");
    CHECK(entries[0].tags == std::vector<std::string>{"design", "review"});
    CHECK(entries[0].client.empty());
    CHECK(entries[0].note.empty());
    CHECK(entries[1].start == 1793610000);
    CHECK(entries[1].end == 1793613600);
    CHECK(entries[1].tags.empty());
    CHECK(entries[2].uid == "watson:e0ffee11aa2244bb8ad1e2b5d66f4a03");
    CHECK(entries[2].tags.empty());
}

TEST_CASE("interchange/watson reader: watson log --json, offsets and fractions of a second") {
    // The shape of Watson's frames_to_json: sorted keys, indent 4, arrow's isoformat.
    const std::string text = R"([
    {
        "id": "c0ffee11aa2244bb8ad1e2b5d66f4a01",
        "project": "acme-website",
        "start": "2026-11-02T09:00:00+01:00",
        "stop": "2026-11-02T10:30:00.654321+01:00",
        "tags": [
            "design"
        ]
    },
    {
        "id": "d0ffee11aa2244bb8ad1e2b5d66f4a02",
        "project": "internal",
        "start": "2026-11-02T23:30:00-05:00",
        "stop": "2026-11-03T00:15:00-05:00",
        "tags": []
    }
])";
    const auto entries = read_all(kWatson, text);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].uid == "watson:c0ffee11aa2244bb8ad1e2b5d66f4a01");
    CHECK(entries[0].start == utc("2026-11-02T08:00:00Z"));
    CHECK(entries[0].end == utc("2026-11-02T09:30:00Z"));
    CHECK(entries[0].project == "acme-website");
    CHECK(entries[0].tags == std::vector<std::string>{"design"});
    CHECK(entries[1].where == "entry 2 (line 11)");
    CHECK(entries[1].start == utc("2026-11-03T04:30:00Z"));
    CHECK(entries[1].end == utc("2026-11-03T05:15:00Z"));
    CHECK(read_all(kWatson, "[]").empty());
}

TEST_CASE("interchange/watson reader: refusals name the entry and its line") {
    CHECK(error_of("[[1793602800, 1793606400, \"p\", \"a1\"],\n{\"id\": \"b\"}]") ==
          "frames entry 2 (line 2): expected a frame [start, stop, project, id, tags, updated_at] "
          "like the first entry, not an object");
    CHECK(error_of(R"([[1793602800, 1793606400, "p"]])") ==
          "frames entry 1 (line 1): a frame needs at least [start, stop, project, id]; this one "
          "has 3 elements");
    CHECK(error_of(R"([[1.7936028e9, 1793606400, "p", "a1"]])") ==
          "frames entry 1 (line 1): the frame's start \"1.7936028e9\" is not a Unix time in "
          "seconds");
    CHECK(error_of(R"([["1793602800", 1793606400, "p", "a1"]])") ==
          "frames entry 1 (line 1): the frame's start must be a number (Unix time), not a string");
    CHECK(error_of(R"([[1793606400, 1793602800, "p", "a1"]])") ==
          "frames entry 1 (line 1): \"stop\" \"1793602800\" is before \"start\"");
    CHECK(error_of(R"([[1793602800, 1793606400, "p", " "]])") ==
          "frames entry 1 (line 1): the frame's id is empty");
    CHECK(error_of(R"([{"id": "a1", "start": "2026-11-02 09:00", "stop": null}])") ==
          "frames entry 1 (line 1): \"start\" \"2026-11-02 09:00\" is not ISO 8601 with an "
          "offset (2026-11-02T09:00:00+01:00)");
    CHECK(error_of(R"([{"project": "p", "start": "2026-11-02T09:00:00Z"}])") ==
          "frames entry 1 (line 1): no \"id\"; watson log --json writes one for every frame");
    CHECK(error_of(R"(["frame"])") ==
          "frames entry 1 (line 1): expected a frame, [start, stop, project, id, tags, "
          "updated_at] or {\"id\", \"project\", \"start\", \"stop\", \"tags\"}, not a string");
    CHECK(error_of("[[1793602800, 1793606400, \"p\", \"a1\"]") ==
          "frames line 1: unexpected end of input (truncated file?)");
}
