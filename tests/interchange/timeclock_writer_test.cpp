#include <doctest/doctest.h>

#include <sstream>

#include "slash/domain/calendar.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/interchange/entry_writer.hpp"

using namespace slash;
using slash::interchange::ExportEntry;

namespace {

std::int64_t utc(int year, int month, int day, int hour, int minute) {
    return domain::days_from_civil({year, month, day}) * 86400 + hour * 3600 + minute * 60;
}

std::string timeclock(const std::vector<ExportEntry>& entries) {
    domain::FixedOffsetZone cet(3600, "CET");
    std::ostringstream out;
    auto writer = interchange::open_writer(interchange::ExportFormat::Timeclock, out, cet, "0.1.0");
    for (const auto& entry : entries) writer->write(entry);
    writer->finish();
    return out.str();
}

ExportEntry finished() {
    ExportEntry entry;
    entry.uid = "e1";
    entry.start = utc(2026, 11, 2, 8, 0);
    entry.end = utc(2026, 11, 2, 9, 30);
    entry.client = "acme";
    entry.mission = "website";
    entry.units_milli = 2500;
    entry.billable = false;
    entry.tags = {"a", "b"};
    entry.note = "fix the header";
    return entry;
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
