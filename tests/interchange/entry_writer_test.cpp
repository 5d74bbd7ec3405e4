#include <doctest/doctest.h>

#include <sstream>

#include "slash/domain/time_zone.hpp"
#include "slash/interchange/entry_writer.hpp"

using namespace slash;
using interchange::ExportFormat;

TEST_CASE("entry writer: parse_export_format knows the four names, exactly") {
    CHECK(interchange::parse_export_format("jsonl") == ExportFormat::Jsonl);
    CHECK(interchange::parse_export_format("csv") == ExportFormat::Csv);
    CHECK(interchange::parse_export_format("timeclock") == ExportFormat::Timeclock);
    CHECK(interchange::parse_export_format("ical") == ExportFormat::Ical);
    CHECK_FALSE(interchange::parse_export_format("CSV"));
    CHECK_FALSE(interchange::parse_export_format("json"));
    CHECK_FALSE(interchange::parse_export_format("ics"));
    CHECK_FALSE(interchange::parse_export_format(""));
}

TEST_CASE("entry writer: open_writer gives each format its own writer") {
    domain::FixedOffsetZone cet(3600, "CET");
    interchange::ExportEntry entry;
    entry.uid = "e1";
    entry.client = "acme";
    entry.mission = "website";
    entry.end = 60;
    auto first_line = [&](ExportFormat format) {
        std::ostringstream out;
        auto writer = interchange::open_writer(format, out, cet, "0.1.0");
        writer->write(entry);
        writer->finish();
        return out.str().substr(0, out.str().find('\n') + 1);
    };
    CHECK(first_line(ExportFormat::Jsonl).substr(0, 11) == "{\"uid\":\"e1\"");
    CHECK(first_line(ExportFormat::Csv) ==
          "uid,start,end,client,mission,units,billable,tags,note\r\n");
    CHECK(first_line(ExportFormat::Timeclock) == "i 1970-01-01 01:00:00 acme:website\n");
    CHECK(first_line(ExportFormat::Ical) == "BEGIN:VCALENDAR\r\n");
}
