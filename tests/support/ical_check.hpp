#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace slash::testing {

/// Checks an iCalendar stream against the parts of RFC 5545 that slash's export relies on,
/// strictly, and returns one human-readable problem per violation ("line 7: DTEND
/// 20261102T080000Z is not after DTSTART 20261102T090000Z"); empty means valid. Line
/// numbers are physical lines, from 1.
///
/// Checked: CRLF line ends only; lines of at most 75 octets; valid UTF-8, and no fold inside
/// a UTF-8 sequence; no control character but HTAB; unfolding; the content-line grammar
/// (name of [A-Za-z0-9-], parameters, ':' then the value); BEGIN/END balanced and matching;
/// VCALENDAR with exactly one VERSION (2.0) and one PRODID, at most one CALSCALE
/// (GREGORIAN) and METHOD; VEVENT directly in a VCALENDAR with exactly one UID, DTSTAMP and
/// DTSTART, at most one DTEND or DURATION (not both) and of each other once-only property;
/// DATE-TIME values as YYYYMMDDTHHMMSS[Z] with real dates (DTSTAMP in UTC), DTEND after
/// DTSTART; TEXT values with only \\ \; \, \n \N escapes and no bare ';' (nor ',' in
/// single-valued SUMMARY, DESCRIPTION, LOCATION, COMMENT, CONTACT).
///
/// Not checked: what slash never writes (recurrence rules, time-zone definitions, alarms,
/// the value types of other properties). A VCALENDAR without any component is accepted,
/// although RFC 5545's grammar asks for one: an export with no finished entry is still
/// written as a calendar, which is the least surprising file to get.
[[nodiscard]] std::vector<std::string> ical_problems(std::string_view text);

}  // namespace slash::testing
