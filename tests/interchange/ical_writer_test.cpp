#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "slash/domain/time_zone.hpp"
#include "support/ical_check.hpp"
#include "writer_test_support.hpp"

using namespace slash;
using slash::interchange::ExportEntry;
using slash::testing::finished;
using slash::testing::utc;

namespace {

std::string ical(const std::vector<ExportEntry>& entries) {
    return testing::written(interchange::ExportFormat::Ical, entries);
}

std::string crlf_lines(std::initializer_list<std::string> lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\r\n";
    return text;
}

const std::string kBegin = crlf_lines(
    {"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//slash//slash 0.1.0//EN", "CALSCALE:GREGORIAN"});
const std::string kEnd = "END:VCALENDAR\r\n";

// The lines of the one VEVENT of a one-entry export, between BEGIN and END.
std::string event_of(const ExportEntry& entry) {
    std::string text = ical({entry});
    REQUIRE(text.substr(0, kBegin.size()) == kBegin);
    REQUIRE(text.substr(text.size() - kEnd.size()) == kEnd);
    return text.substr(kBegin.size(), text.size() - kBegin.size() - kEnd.size());
}

}  // namespace

TEST_CASE("ical writer: a calendar of VEVENTs in UTC, CRLF, valid for the checker") {
    std::string text = ical({finished()});
    CHECK(text == kBegin +
                      crlf_lines({"BEGIN:VEVENT", "UID:e1", "DTSTAMP:20261102T100000Z",
                                  "DTSTART:20261102T080000Z", "DTEND:20261102T093000Z",
                                  "SUMMARY:acme/website: fix the header",
                                  "DESCRIPTION:fix the header", "CATEGORIES:a,b", "END:VEVENT"}) +
                      kEnd);
    CHECK(slash::testing::ical_problems(text).empty());
}

TEST_CASE("ical writer: no note, no tags: a bare summary and no DESCRIPTION or CATEGORIES") {
    ExportEntry entry = finished();
    entry.note.clear();
    entry.tags.clear();
    entry.billable = false;
    entry.units_milli.reset();
    CHECK(event_of(entry) == crlf_lines({"BEGIN:VEVENT", "UID:e1", "DTSTAMP:20261102T100000Z",
                                         "DTSTART:20261102T080000Z", "DTEND:20261102T093000Z",
                                         "SUMMARY:acme/website", "END:VEVENT"}));
}

TEST_CASE("ical writer: a running entry is left out, and an empty export is still a calendar") {
    ExportEntry running = finished();
    running.end.reset();
    CHECK(ical({running}) == kBegin + kEnd);
    // No component at all: RFC 5545 wants one, a deviation kept on purpose (EntryWriter).
    CHECK(ical({}) == kBegin + kEnd);
    CHECK(slash::testing::ical_problems(ical({})).empty());
}

TEST_CASE("ical writer: a zero-length entry has no DTEND, which RFC 5545 reads as no time") {
    ExportEntry entry = finished();
    entry.end = entry.start;
    std::string event = event_of(entry);
    CHECK(event.find("DTEND") == std::string::npos);
    CHECK(event.find("DTSTART:20261102T080000Z\r\nSUMMARY:") != std::string::npos);
    CHECK(slash::testing::ical_problems(ical({entry})).empty());
}

TEST_CASE("ical writer: TEXT escaping of backslash, semicolon, comma and line breaks") {
    ExportEntry entry = finished();
    entry.note = "a\\b; c, d\ne\r\nf\x01g\th";
    entry.tags = {"x;y", "z,w"};
    std::string event = event_of(entry);
    CHECK(event.find("\r\nSUMMARY:acme/website: a\\\\b\\; c\\, d\\ne\\nf g\th\r\n") !=
          std::string::npos);
    CHECK(event.find("\r\nDESCRIPTION:a\\\\b\\; c\\, d\\ne\\nf g\th\r\n") != std::string::npos);
    CHECK(event.find("\r\nCATEGORIES:x\\;y,z\\,w\r\n") != std::string::npos);
    CHECK(slash::testing::ical_problems(ical({entry})).empty());
}

TEST_CASE("ical writer: long lines fold at 75 octets, never inside a UTF-8 sequence") {
    ExportEntry entry = finished();
    // "DESCRIPTION:" is 12 octets, so the 2-octet é would take octets 75 and 76.
    entry.note = std::string(62, 'x') + "é" + std::string(80, 'y');
    std::string event = event_of(entry);
    std::string description = "DESCRIPTION:" + std::string(62, 'x') + "\r\n é" +
                              std::string(72, 'y') + "\r\n " + std::string(8, 'y') + "\r\n";
    CHECK(event.find("\r\n" + description) != std::string::npos);
    // "SUMMARY:acme/website: " is 22 octets: 53 x fill the first line exactly.
    std::string summary = "SUMMARY:acme/website: " + std::string(53, 'x') + "\r\n " +
                          std::string(9, 'x') + "é" + std::string(63, 'y') + "\r\n " +
                          std::string(17, 'y') + "\r\n";
    CHECK(event.find("\r\n" + summary) != std::string::npos);
    CHECK(slash::testing::ical_problems(ical({entry})).empty());
}

TEST_CASE("ical writer: a fold after exactly 75 octets, and none at 75 octets") {
    ExportEntry entry = finished();
    entry.note = std::string(63, 'n');  // DESCRIPTION: + 63 = 75 octets: no fold
    CHECK(event_of(entry).find("\r\nDESCRIPTION:" + std::string(63, 'n') + "\r\n") !=
          std::string::npos);
    entry.note = std::string(64, 'n');
    CHECK(event_of(entry).find("\r\nDESCRIPTION:" + std::string(63, 'n') + "\r\n n\r\n") !=
          std::string::npos);
}

TEST_CASE("ical writer: a 4-octet character at the boundary moves whole to the next line") {
    ExportEntry entry = finished();
    entry.note = std::string(61, 'x') + "😀" + "z";  // the emoji would take octets 74 to 77
    CHECK(event_of(entry).find("\r\nDESCRIPTION:" + std::string(61, 'x') + "\r\n 😀z\r\n") !=
          std::string::npos);
    CHECK(slash::testing::ical_problems(ical({entry})).empty());
}

TEST_CASE("ical writer: several entries, the running one left out, PRODID has the version") {
    ExportEntry second = finished();
    second.uid = "e2";
    second.start = utc(2026, 11, 2, 22, 30);
    second.end = utc(2026, 11, 3, 0, 15);
    second.tags.clear();
    second.note.clear();
    ExportEntry running = finished();
    running.uid = "e3";
    running.end.reset();
    std::string text =
        testing::written(interchange::ExportFormat::Ical, {finished(), second, running},
                         domain::FixedOffsetZone(0, "UTC"), "9.8.7-rc1");
    CHECK(text.find("\r\nPRODID:-//slash//slash 9.8.7-rc1//EN\r\n") != std::string::npos);
    CHECK(text.find("UID:e2\r\nDTSTAMP:20261102T100000Z\r\nDTSTART:20261102T223000Z\r\n"
                    "DTEND:20261103T001500Z\r\n") != std::string::npos);
    CHECK(text.find("UID:e3") == std::string::npos);
    CHECK(slash::testing::ical_problems(text).empty());
}
