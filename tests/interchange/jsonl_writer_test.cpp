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

std::string jsonl(const std::vector<ExportEntry>& entries) {
    domain::FixedOffsetZone cet(3600, "CET");
    std::ostringstream out;
    auto writer = interchange::open_writer(interchange::ExportFormat::Jsonl, out, cet, "0.1.0");
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

}  // namespace

TEST_CASE("jsonl writer: one compact object per line, keys in order, local offsets") {
    CHECK(jsonl({finished()}) ==
          R"({"uid":"e1","start":"2026-11-02T09:00:00+01:00","end":"2026-11-02T10:30:00+01:00",)"
          R"("client":"acme","mission":"website","units":"2.5","billable":true,"tags":["a","b"],)"
          R"("note":"fix the header"})"
          "\n");
}

TEST_CASE("jsonl writer: a running entry has a null end, and absent units are null") {
    ExportEntry entry = finished();
    entry.end.reset();
    entry.units_milli.reset();
    entry.billable = false;
    entry.tags.clear();
    entry.note.clear();
    CHECK(jsonl({entry}) ==
          R"({"uid":"e1","start":"2026-11-02T09:00:00+01:00","end":null,"client":"acme",)"
          R"("mission":"website","units":null,"billable":false,"tags":[],"note":""})"
          "\n");
}

TEST_CASE("jsonl writer: units are the shortest exact decimal") {
    const std::pair<std::int64_t, const char*> cases[] = {
        {0, "0"},      {1, "0.001"}, {10, "0.01"},  {1250, "1.25"},
        {2500, "2.5"}, {3000, "3"},  {10000, "10"},
    };
    for (const auto& [milli, text] : cases) {
        ExportEntry entry = finished();
        entry.units_milli = milli;
        CAPTURE(milli);
        CHECK(jsonl({entry}).find(std::string(",\"units\":\"") + text + "\",") !=
              std::string::npos);
    }
}

TEST_CASE("jsonl writer: escapes quotes, backslashes and control characters, keeps UTF-8") {
    ExportEntry entry = finished();
    entry.note = "say \"hi\" \\ a\nb\rc\td\x01 \x1f été 東京";
    std::string line = jsonl({entry});
    CHECK(line.substr(line.find("\"note\":")) ==
          R"("note":"say \"hi\" \\ a\nb\rc\td\u0001 \u001f été 東京"})"
          "\n");
}

TEST_CASE("jsonl writer: several entries, one line each, nothing after finish") {
    ExportEntry second = finished();
    second.uid = "e2";
    std::string text = jsonl({finished(), second});
    std::size_t newline = text.find('\n');
    CHECK(text.substr(0, newline + 1) == jsonl({finished()}));
    CHECK(text.substr(newline + 1) == jsonl({second}));
    CHECK(jsonl({}).empty());
}
