#pragma once

// What the writer tests share: an instant from its UTC parts, the text a writer makes of some
// entries, and the two entries that each test changes in what it is about.

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/interchange/entry_writer.hpp"

namespace slash::testing {

/// UTC seconds of a UTC date and time.
inline std::int64_t utc(int year, int month, int day, int hour, int minute) {
    return domain::days_from_civil({year, month, day}) * 86400 + hour * 3600 + minute * 60;
}

/// What `format` writes of `entries` in `zone`, as slash `version`. The tests write in CET,
/// UTC+1 all year, so that local times and offsets differ from UTC.
inline std::string written(interchange::ExportFormat format,
                           const std::vector<interchange::ExportEntry>& entries,
                           const domain::TimeZone& zone = domain::FixedOffsetZone(3600, "CET"),
                           const std::string& version = "0.1.0") {
    std::ostringstream out;
    auto writer = interchange::open_writer(format, out, zone, version);
    for (const auto& entry : entries) writer->write(entry);
    writer->finish();
    return out.str();
}

/// Entry e1, acme/website, 2026-11-02 08:00-09:30 UTC (09:00-10:30 in CET), with every field
/// set: 2.5 units, billable, tags a and b, a note, updated at 10:00 UTC.
inline interchange::ExportEntry finished() {
    interchange::ExportEntry entry;
    entry.uid = "e1";
    entry.start = utc(2026, 11, 2, 8, 0);
    entry.end = utc(2026, 11, 2, 9, 30);
    entry.client = "acme";
    entry.mission = "website";
    entry.units_milli = 2500;
    entry.tags = {"a", "b"};
    entry.note = "fix the header";
    entry.updated_at = utc(2026, 11, 2, 10, 0);
    return entry;
}

/// finished() with no more than an entry must have: running, not billable, and without
/// units, tags or note.
inline interchange::ExportEntry bare_running() {
    interchange::ExportEntry entry = finished();
    entry.end.reset();
    entry.units_milli.reset();
    entry.billable = false;
    entry.tags.clear();
    entry.note.clear();
    return entry;
}

}  // namespace slash::testing
