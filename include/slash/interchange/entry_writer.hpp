#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace slash::domain {
class TimeZone;
}

namespace slash::interchange {

/// The formats `slash export` writes (slash-import(1), EXPORT).
enum class ExportFormat { Jsonl, Csv, Timeclock, Ical };

/// "jsonl", "csv", "timeclock", "ical"; nullopt otherwise.
[[nodiscard]] std::optional<ExportFormat> parse_export_format(std::string_view name);

/// One entry as it leaves slash: what the formats need, nothing read twice.
struct ExportEntry {
    std::string uid;
    std::int64_t start = 0;           ///< UTC seconds
    std::optional<std::int64_t> end;  ///< none: the running timer
    std::string client;               ///< client handle
    std::string mission;              ///< mission handle (without the client)
    std::optional<std::int64_t> units_milli;
    bool billable = true;
    std::vector<std::string> tags;    ///< handles
    std::string note;                 ///< one line
    std::int64_t updated_at = 0;      ///< UTC seconds; iCalendar's DTSTAMP
};

/// Writes entries one at a time (export streams: constant memory).
///  - jsonl: one object per line, keys in this order: uid, start, end (null while running),
///    client, mission, units (decimal string such as "2.5", or null), billable (bool), tags
///    (array), note. Timestamps ISO 8601 with the local offset (domain::format_local_iso).
///  - csv: RFC 4180, CRLF line ends, header `uid,start,end,client,mission,units,billable,
///    tags,note`; end and units empty when absent; billable `true`/`false`; tags joined
///    with `;`. A cell starting with = + - @ or ' gets a leading ' (spreadsheet formula
///    injection); slash's CSV reader removes one leading ' so export -> import is lossless.
///  - timeclock (hledger, ledger): `i YYYY-MM-DD HH:MM:SS client:mission  note` and
///    `o YYYY-MM-DD HH:MM:SS`, local wall time without offset, both in the offset in force
///    at the start: `o` is the start's wall time plus the exact length, so an entry across
///    a clock change keeps its length (both readers subtract wall times as written; see
///    timeclock_writer.cpp). A running entry has its `i` line only, written by finish()
///    after every other entry (hledger refuses an `i` that follows an `i`).
///  - ical: RFC 5545 VCALENDAR, CRLF, lines folded at 75 octets (never inside a UTF-8
///    sequence), TEXT escaped; one VEVENT per finished entry (UID = uid, DTSTAMP =
///    updated_at, DTSTART/DTEND in UTC, SUMMARY "client/mission" plus ": note" when there
///    is one, DESCRIPTION the note, CATEGORIES the tags); a running entry is left out.
///    Known deviation: with no finished entry the VCALENDAR has no component, which
///    RFC 5545 §3.6 forbids ("1*component"). It is written anyway, as many tools do and as
///    calendar applications import (an empty calendar); inventing a placeholder component
///    would put something that is not an entry into the user's calendar.
class EntryWriter {
public:
    virtual ~EntryWriter() = default;
    virtual void write(const ExportEntry& entry) = 0;
    /// Closes the document (iCalendar's END:VCALENDAR); call once after the last entry.
    virtual void finish() = 0;
};

/// `version` goes into iCalendar's PRODID. The zone gives the local times of jsonl, csv
/// and timeclock.
[[nodiscard]] std::unique_ptr<EntryWriter> open_writer(ExportFormat format, std::ostream& out,
                                                       const domain::TimeZone& zone, std::string_view version);

}  // namespace slash::interchange
