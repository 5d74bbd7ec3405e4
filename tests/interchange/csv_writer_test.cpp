#include <doctest/doctest.h>

#include <sstream>

#include "slash/domain/calendar.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/interchange/entry_writer.hpp"

using namespace slash;
using slash::interchange::ExportEntry;

namespace {

constexpr const char* kHeader = "uid,start,end,client,mission,units,billable,tags,note\r\n";

std::int64_t utc(int year, int month, int day, int hour, int minute) {
    return domain::days_from_civil({year, month, day}) * 86400 + hour * 3600 + minute * 60;
}

std::string csv(const std::vector<ExportEntry>& entries) {
    domain::FixedOffsetZone cet(3600, "CET");
    std::ostringstream out;
    auto writer = interchange::open_writer(interchange::ExportFormat::Csv, out, cet, "0.1.0");
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
    entry.tags = {"a", "b"};
    entry.note = "fix the header";
    return entry;
}

// The note cell of a one-entry export.
std::string note_cell(const std::string& note) {
    ExportEntry entry = finished();
    entry.note = note;
    std::string text = csv({entry});
    std::string row = text.substr(std::string(kHeader).size());
    std::string prefix =
        "e1,2026-11-02T09:00:00+01:00,2026-11-02T10:30:00+01:00,acme,website,2.5,true,a;b,";
    REQUIRE(row.substr(0, prefix.size()) == prefix);
    REQUIRE(row.substr(row.size() - 2) == "\r\n");
    return row.substr(prefix.size(), row.size() - prefix.size() - 2);
}

}  // namespace

TEST_CASE("csv writer: header, then one CRLF row per entry with local times") {
    CHECK(csv({finished()}) == std::string(kHeader) +
                                   "e1,2026-11-02T09:00:00+01:00,2026-11-02T10:30:00+01:00,acme,"
                                   "website,2.5,true,a;b,fix the header\r\n");
}

TEST_CASE("csv writer: running and non-billable entry, empty end, units, tags and note") {
    ExportEntry entry = finished();
    entry.end.reset();
    entry.units_milli.reset();
    entry.billable = false;
    entry.tags.clear();
    entry.note.clear();
    CHECK(csv({entry}) ==
          std::string(kHeader) + "e1,2026-11-02T09:00:00+01:00,,acme,website,,false,,\r\n");
}

TEST_CASE("csv writer: an export of nothing is the header alone") {
    CHECK(csv({}) == kHeader);
}

TEST_CASE("csv writer: RFC 4180 quoting") {
    CHECK(note_cell("plain text") == "plain text");
    CHECK(note_cell("a, b") == "\"a, b\"");
    CHECK(note_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(note_cell("two\r\nlines") == "\"two\r\nlines\"");
    CHECK(note_cell("lf\nonly") == "\"lf\nonly\"");
    CHECK(note_cell("cr\ronly") == "\"cr\ronly\"");
    CHECK(note_cell(" padded ") == "\" padded \"");
    CHECK(note_cell("trailing ") == "\"trailing \"");
    CHECK(note_cell("semi;colon été") == "semi;colon été");
}

TEST_CASE("csv writer: formula-injection guard, one apostrophe the reader removes") {
    CHECK(note_cell("-fix") == "'-fix");
    CHECK(note_cell("=SUM(1)") == "'=SUM(1)");
    CHECK(note_cell("'quoted") == "''quoted");
    CHECK(note_cell("+33 6 12") == "'+33 6 12");
    CHECK(note_cell("@mention") == "'@mention");
    CHECK(note_cell("=A1,B1") == "\"'=A1,B1\"");
    CHECK(note_cell("a-b = c") == "a-b = c");
}
