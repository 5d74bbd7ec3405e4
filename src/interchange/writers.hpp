#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "slash/interchange/entry_writer.hpp"

// The four writers behind open_writer, one file each; only entry_writer.cpp dispatches.
namespace slash::interchange {

/// Thousandths as the shortest exact decimal: 2500 -> "2.5", 3000 -> "3", 1 -> "0.001".
/// jsonl and CSV both write units this way, and both readers parse it back exactly.
[[nodiscard]] std::string format_units(std::int64_t milli);

[[nodiscard]] std::unique_ptr<EntryWriter> make_jsonl_writer(std::ostream& out,
                                                             const domain::TimeZone& zone);
/// Writes the header line at once, so that an export of no entry is still a CSV file.
[[nodiscard]] std::unique_ptr<EntryWriter> make_csv_writer(std::ostream& out,
                                                           const domain::TimeZone& zone);
/// Holds a running entry's `i` line back until finish(), so that it comes last.
[[nodiscard]] std::unique_ptr<EntryWriter> make_timeclock_writer(std::ostream& out,
                                                                 const domain::TimeZone& zone);
/// Writes BEGIN:VCALENDAR and the calendar's properties at once; finish() closes it, with
/// no VEVENT when no entry was finished (a documented deviation from RFC 5545, see
/// EntryWriter).
[[nodiscard]] std::unique_ptr<EntryWriter> make_ical_writer(std::ostream& out,
                                                            std::string_view version);

}  // namespace slash::interchange
