#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "reader_test_support.hpp"
#include "slash/interchange/entry_writer.hpp"

using slash::interchange::SourceFormat;
using slash::testing::read_all;
using slash::testing::read_error;
using slash::testing::utc;

namespace {

constexpr auto kJsonl = SourceFormat::Jsonl;

std::string error_of(const std::string& text) {
    return read_error(kJsonl, text, "x.jsonl");
}

}  // namespace

TEST_CASE("interchange/slash jsonl reader: one object per line, blank lines skipped") {
    const auto entries =
        read_all(kJsonl,
                 "{\"uid\":\"e1\",\"start\":\"2026-11-02T09:00:00+01:00\",\"end\":\"2026-11-02T10:"
                 "30:00+01:00\","
                 "\"client\":\"acme\",\"mission\":\"website\",\"units\":\"2.5\",\"billable\":true,"
                 "\"tags\":[\"a\",\"b\"],\"note\":\"fix the header\",\"seconds\":5400}\r\n"
                 "\n   \n"
                 "{\"start\":\"2026-11-03T08:00:00Z\",\"end\":null,\"mission\":\"acme/"
                 "website\",\"units\":null,"
                 "\"billable\":null,\"tags\":null,\"note\":null,\"uid\":null,\"client\":null}\n");
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].where == "line 1");
    CHECK(entries[0].uid == "e1");
    CHECK(entries[0].start == utc("2026-11-02T08:00:00Z"));
    CHECK(entries[0].end == utc("2026-11-02T09:30:00Z"));
    CHECK(entries[0].client == "acme");
    CHECK(entries[0].project == "website");
    CHECK(entries[0].units_milli == 2500);
    CHECK(entries[0].billable == true);
    CHECK(entries[0].tags == std::vector<std::string>{"a", "b"});
    CHECK(entries[0].note == "fix the header");
    CHECK(entries[1].where == "line 4");
    CHECK(entries[1].uid.starts_with("jsonl:"));
    CHECK(!entries[1].end.has_value());
    CHECK(!entries[1].billable.has_value());
    CHECK(read_all(kJsonl, "").empty());
    CHECK(read_all(kJsonl, "\n\r\n").empty());
}

TEST_CASE("interchange/slash jsonl reader: what slash export writes reads back the same") {
    const slash::domain::FixedOffsetZone cet(3600, "CET");
    std::ostringstream out;
    auto writer =
        slash::interchange::open_writer(slash::interchange::ExportFormat::Jsonl, out, cet, "0.1.0");
    slash::interchange::ExportEntry entry;
    entry.uid = "u1";
    entry.start = utc("2026-11-02T08:00:00Z");
    entry.end = utc("2026-11-02T09:30:00Z");
    entry.client = "acme";
    entry.mission = "website";
    entry.units_milli = 1;
    entry.billable = false;
    entry.tags = {"design"};
    entry.note = "\"quoted\" \\ caf\xC3\xA9 \xF0\x9F\x98\x80";
    writer->write(entry);
    entry.end.reset();
    entry.uid = "u2";
    writer->write(entry);
    writer->finish();
    const auto entries = read_all(kJsonl, out.str());
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].uid == "u1");
    CHECK(entries[0].start == utc("2026-11-02T08:00:00Z"));
    CHECK(entries[0].end == utc("2026-11-02T09:30:00Z"));
    CHECK(entries[0].client == "acme");
    CHECK(entries[0].project == "website");
    CHECK(entries[0].units_milli == 1);
    CHECK(entries[0].billable == false);
    CHECK(entries[0].tags == std::vector<std::string>{"design"});
    CHECK(entries[0].note == entry.note);
    CHECK(!entries[1].end.has_value());
}

TEST_CASE("interchange/slash jsonl reader: refusals name the line") {
    const std::string ok = R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web"})";
    CHECK(error_of(ok + "\n" +
                   R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web","hours":"1"})") ==
          "x.jsonl line 2: unknown key \"hours\"; slash's JSONL has uid, start, end, client, "
          "mission, units, billable, tags, note and seconds");
    CHECK(error_of(ok + "\n\n" + R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web")") ==
          "x.jsonl line 3: unexpected end of line; each line holds one whole JSON object");
    CHECK(error_of(ok + " " + ok) ==
          "x.jsonl line 1: unexpected '{' after the end of the JSON value");
    CHECK(error_of("[" + ok + "]") ==
          "x.jsonl line 1: expected a JSON object {\"start\": ...}, not an array");
    CHECK(error_of(R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web","billable":"yes"})") ==
          "x.jsonl line 1: \"billable\" must be true, false or null, not a string");
    CHECK(error_of(R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web","units":0.5})")
              .find("no error") != std::string::npos);
    CHECK(error_of(R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web","units":true})") ==
          "x.jsonl line 1: \"units\" must be a decimal string or null, not true");
    CHECK(error_of(
              R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web","note":"a","note":"b"})") ==
          "x.jsonl line 1: \"note\" appears twice in one object");
    CHECK(
        error_of(
            R"({"start":"2026-11-02T09:00:00Z","end":"2026-11-02T09:00:00Z","mission":"acme/web"})") ==
        "x.jsonl line 1: \"end\" \"2026-11-02T09:00:00Z\" is the same as \"start\": an entry "
        "lasts at least one second");
    CHECK(error_of(R"({"mission":"acme/web"})") ==
          "x.jsonl line 1: \"start\" is empty; write when the entry started "
          "(2026-11-02T09:00:00+01:00)");
    CHECK(error_of(
              "{\"start\":\"2026-11-02T08:00:00Z\",\"mission\":\"acme/web\",\"note\":\"\xFF\"}") ==
          "x.jsonl line 1: invalid UTF-8 (byte 0xff); save the file as UTF-8");
}

TEST_CASE("interchange/slash jsonl reader: units above a billion are refused, as slash log does") {
    CHECK(
        error_of(
            R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web","units":"9000000000000000"})") ==
        "x.jsonl line 1: \"units\" \"9000000000000000\" is too large: at most 1000000000");
    CHECK(error_of(
              R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web","units":1000000000.001})") ==
          "x.jsonl line 1: \"units\" \"1000000000.001\" is too large: at most 1000000000");
    const auto entries = read_all(
        kJsonl, R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web","units":"1000000000"})");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].units_milli == 1'000'000'000'000);
}

TEST_CASE("interchange/slash jsonl reader: a note is kept byte for byte, as slash log takes it") {
    const std::string note = "  two  spaces \xC2\x85 nel \xC2\x90 dcs \xE2\x80\xA8 ls  ";
    const auto entries = read_all(kJsonl, R"({"uid":" u1 ","start":"2026-11-02T08:00:00Z",)"
                                          R"("mission":"acme/web","note":")" +
                                              note + "\"}\n");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].note == note);
    CHECK(entries[0].uid == "u1");
    const std::string prefix = R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web",)";
    CHECK(error_of(prefix + R"("note":"one\ntwo"})") ==
          "x.jsonl line 1: \"note\" has a control character (U+000a); remove it");
    CHECK(error_of(prefix + R"("note":"a\tb"})") ==
          "x.jsonl line 1: \"note\" has a control character (U+0009); remove it");
    CHECK(error_of(prefix + R"("note":"a\u007f"})") ==
          "x.jsonl line 1: \"note\" has a control character (U+007f); remove it");
    const auto c1_uid = read_all(kJsonl, prefix + R"("uid":"u\u0085v"})");
    REQUIRE(c1_uid.size() == 1);
    CHECK(c1_uid[0].uid == "u\xC2\x85v");
    CHECK(error_of(prefix + R"("uid":"u\rv"})") ==
          "x.jsonl line 1: \"uid\" has a control character (U+000d); remove it");
}

// Lines are read whole (ByteSource::read_line), not byte by byte: the BOM, CR LF ends, the
// numbering of a lone CR and the length limit stay what they were.
TEST_CASE("interchange/slash jsonl reader: BOM, CR LF, a lone CR and the longest line") {
    const std::string ok = R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web"})";
    const std::string bad = R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web","hours":1})";
    CHECK(read_all(kJsonl, "\xEF\xBB\xBF" + ok + "\r\n" + ok).size() == 2);
    // A BOM's first bytes without the rest are the line's own bytes.
    CHECK(error_of("\xEF\xBB" + ok).find("x.jsonl line 1: ") == 0);
    CHECK(error_of(ok + "\r\n\r\n" + bad + "\r\n").find("x.jsonl line 3: unknown key \"hours\"") == 0);
    // A lone CR counts as a line end (old Mac files), after the line's start that names it.
    CHECK(error_of(ok + "\n \r\n\r" + bad + "\n" + bad).find("x.jsonl line 3: ") == 0);
    CHECK(error_of(ok + "\n\r\r\n" + ok + "\n" + bad).find("x.jsonl line 5: ") == 0);
    const std::string note = R"({"start":"2026-11-02T08:00:00Z","mission":"acme/web","note":")";
    const std::string longest = note + std::string((1 << 20) - note.size() - 2, 'n') + "\"}";
    REQUIRE(longest.size() == 1 << 20);
    CHECK(error_of(ok + "\n" + longest + "\n").find("x.jsonl line 2: its note") == std::string::npos);
    CHECK(error_of(ok + "\n" + longest + "n\n" + ok) == "x.jsonl line 2: a line longer than 1048576 bytes");
}
