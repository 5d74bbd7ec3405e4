#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "reader_test_support.hpp"
#include "slash/domain/time_zone.hpp"
#include "writer_test_support.hpp"

using namespace slash;
using slash::interchange::ExportEntry;
using slash::testing::utc;

namespace {

std::string timeclock(const std::vector<ExportEntry>& entries) {
    return testing::written(interchange::ExportFormat::Timeclock, entries);
}

// Not billable: timeclock has no place for it, and writes the entry all the same.
ExportEntry finished() {
    ExportEntry entry = testing::finished();
    entry.billable = false;
    return entry;
}

// Europe/Paris, an entry from `start` to `end` (ISO 8601 with offsets), no note.
std::string paris(const char* start, const char* end) {
    ExportEntry entry = finished();
    entry.start = utc(start);
    entry.end = utc(end);
    entry.note.clear();
    return testing::written(interchange::ExportFormat::Timeclock, {entry}, testing::EuZone());
}

std::string clock_in_of(const std::string& note) {
    ExportEntry entry = finished();
    entry.note = note;
    std::string text = timeclock({entry});
    return text.substr(0, text.find('\n'));
}

}  // namespace

TEST_CASE("timeclock writer: i and o lines in local time, note after two spaces") {
    CHECK(timeclock({finished()}) ==
          "i 2026-11-02 09:00:00 acme:website  fix the header\n"
          "o 2026-11-02 10:30:00\n");
}

TEST_CASE("timeclock writer: no note, no trailing spaces") {
    ExportEntry entry = finished();
    entry.note.clear();
    CHECK(timeclock({entry}) == "i 2026-11-02 09:00:00 acme:website\no 2026-11-02 10:30:00\n");
}

TEST_CASE("timeclock writer: a running entry has its i line only") {
    ExportEntry running = finished();
    running.uid = "e2";
    running.start = utc(2026, 11, 2, 13, 0);
    running.end.reset();
    running.note.clear();
    CHECK(timeclock({finished(), running}) ==
          "i 2026-11-02 09:00:00 acme:website  fix the header\n"
          "o 2026-11-02 10:30:00\n"
          "i 2026-11-02 14:00:00 acme:website\n");
}

TEST_CASE("timeclock writer: an entry across midnight keeps both dates") {
    ExportEntry entry = finished();
    entry.start = utc(2026, 11, 2, 22, 30);
    entry.end = utc(2026, 11, 3, 0, 15);
    CHECK(timeclock({entry}) ==
          "i 2026-11-02 23:30:00 acme:website  fix the header\n"
          "o 2026-11-03 01:15:00\n");
}

TEST_CASE("timeclock writer: notes are made safe for hledger and ledger descriptions") {
    // ledger ends the payee at two spaces or a tab; hledger starts a comment at ';'.
    CHECK(clock_in_of("a  b\tc") == "i 2026-11-02 09:00:00 acme:website  a b c");
    CHECK(clock_in_of("fix; then test") == "i 2026-11-02 09:00:00 acme:website  fix, then test");
    CHECK(clock_in_of("issue #12") == "i 2026-11-02 09:00:00 acme:website  issue #12");
    CHECK(clock_in_of("  padded  ") == "i 2026-11-02 09:00:00 acme:website  padded");
    CHECK(clock_in_of("two\nlines\r\x01") == "i 2026-11-02 09:00:00 acme:website  two lines");
    CHECK(clock_in_of(" \t ") == "i 2026-11-02 09:00:00 acme:website");
    CHECK(clock_in_of("réunion à 10 h") == "i 2026-11-02 09:00:00 acme:website  réunion à 10 h");
}

TEST_CASE("timeclock writer: the running entry's i line comes after every other entry") {
    // hledger refuses an `i` after an `i`; entries logged in the future may follow the timer.
    ExportEntry running = finished();
    running.uid = "e2";
    running.start = utc(2026, 11, 2, 7, 0);
    running.end.reset();
    running.note = "timer";
    ExportEntry later = finished();
    later.uid = "e3";
    later.start = utc(2026, 11, 2, 12, 0);
    later.end = utc(2026, 11, 2, 13, 0);
    later.note.clear();
    CHECK(timeclock({running, finished(), later}) ==
          "i 2026-11-02 09:00:00 acme:website  fix the header\n"
          "o 2026-11-02 10:30:00\n"
          "i 2026-11-02 13:00:00 acme:website\n"
          "o 2026-11-02 14:00:00\n"
          "i 2026-11-02 08:00:00 acme:website  timer\n");
}

TEST_CASE("timeclock writer: a running entry alone, and no entry at all") {
    ExportEntry running = finished();
    running.end.reset();
    CHECK(timeclock({running}) == "i 2026-11-02 09:00:00 acme:website  fix the header\n");
    CHECK(timeclock({}).empty());
}

TEST_CASE("timeclock writer: both stamps in the start's offset across the autumn clock change") {
    // 10 minutes (00:55Z -> 01:05Z); `o 02:05` would be before `i 02:55`, and hledger
    // would refuse the whole file.
    CHECK(paris("2026-10-25T02:55:00+02:00", "2026-10-25T02:05:00+01:00") ==
          "i 2026-10-25 02:55:00 acme:website\no 2026-10-25 03:05:00\n");
    // 70 minutes; `o 03:05` would count 10.
    CHECK(paris("2026-10-25T02:55:00+02:00", "2026-10-25T03:05:00+01:00") ==
          "i 2026-10-25 02:55:00 acme:website\no 2026-10-25 04:05:00\n");
    // 11 hours, from the evening before.
    CHECK(paris("2026-10-24T23:00:00+02:00", "2026-10-25T09:00:00+01:00") ==
          "i 2026-10-24 23:00:00 acme:website\no 2026-10-25 10:00:00\n");
    // Started after the change: its own offset, nothing moves.
    CHECK(paris("2026-10-25T02:05:00+01:00", "2026-10-25T03:00:00+01:00") ==
          "i 2026-10-25 02:05:00 acme:website\no 2026-10-25 03:00:00\n");
}

TEST_CASE("timeclock writer: the spring hour that does not exist does not lengthen an entry") {
    // 60 minutes; `o 03:30` would count two hours.
    CHECK(paris("2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00") ==
          "i 2026-03-29 01:30:00 acme:website\no 2026-03-29 02:30:00\n");
    CHECK(paris("2026-03-29T03:00:00+02:00", "2026-03-29T04:15:00+02:00") ==
          "i 2026-03-29 03:00:00 acme:website\no 2026-03-29 04:15:00\n");
}
