// libFuzzer target: the time grammar (TIME, DATE, PERIOD, ranges, DURATION) and the ISO
// date parsers of calendar.hpp. The input is the text a user would type; each input is read
// in several contexts (a zone with DST on its transition days, a fixed negative offset,
// different week starts), and every accepted value must pass the properties below.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/duration.hpp"
#include "slash/domain/time_grammar.hpp"
#include "slash/domain/time_zone.hpp"
#include "support/eu_zone.hpp"

namespace {

using namespace slash::domain;
using slash::ErrorKind;
using slash::fuzz::attempt;
using slash::fuzz::require;

std::int64_t utc(const char* iso) {
    return parse_iso_instant(iso).value();
}

struct Setting {
    const TimeZone* zone;
    std::int64_t now;
    int week_start;
    CivilDate range_day;  ///< the day ranges and times of day are read on
};

const slash::testing::EuZone kEu("Fuzz/EU");
const FixedOffsetZone kMinusNineThirty(-(9 * 3600 + 1800), "Fuzz/-09:30");

const std::array<Setting, 6>& settings() {
    static const std::array<Setting, 6> all{{
        // Sunday 01:30 local, half an hour before the clocks go forward (02:00 -> 03:00).
        {&kEu, utc("2026-03-29T00:30:00Z"), 0, {2026, 3, 29}},
        // Sunday 02:30 local, the first pass through the fold (03:00 -> 02:00).
        {&kEu, utc("2026-10-25T00:30:00Z"), 6, {2026, 10, 25}},
        // An ordinary Saturday; ranges on the spring-forward day.
        {&kEu, utc("2026-11-28T10:00:00Z"), 2, {2026, 3, 29}},
        // 00:30 local on 1 March 2028, just after a leap day; ranges on the autumn day.
        {&kEu, utc("2028-02-29T23:30:00Z"), 0, {2026, 10, 25}},
        // New Year's Eve 19:30 at -09:30: UTC is already 2027; 2026 has an ISO week 53.
        {&kMinusNineThirty, utc("2027-01-01T05:00:00Z"), 6, {2026, 12, 31}},
        // 00:30 local on 1 January 2027, a Friday still in ISO week 2026-W53.
        {&kEu, utc("2026-12-31T23:30:00Z"), 4, {2027, 1, 1}},
    }};
    return all;
}

bool four_digit_year(const CivilDate& date) {
    return date.year >= 0 && date.year <= 9999;
}

std::int64_t day_number(const CivilDate& date) {
    return days_from_civil(date);
}

void check_time(const std::string& text, const TimeContext& context, const CivilDate& day) {
    const auto time = attempt("parse_time", text, ErrorKind::Usage,
                              [&] { return parse_time(text, context); });
    const CivilDate today = local_date(context.now, context.zone);
    const auto on_today = attempt("parse_time_on", text, ErrorKind::Usage,
                                  [&] { return parse_time_on(text, today, context); });
    if (on_today) {
        require(time.has_value() && *time == *on_today,
                "a time of day means the same to parse_time and to parse_time_on today", text);
    }
    const auto on_day = attempt("parse_time_on", text, ErrorKind::Usage,
                                [&] { return parse_time_on(text, day, context); });
    if (on_day) {
        require(local_date(*on_day, context.zone) == day,
                "parse_time_on(text, day) falls on that day", text, format_date(day));
    }
    if (time) {
        const CivilDate local = local_date(*time, context.zone);
        if (four_digit_year(local)) {
            const std::string iso = format_local_iso(*time, context.zone);
            const auto again = attempt("parse_time", iso, ErrorKind::Usage,
                                       [&] { return parse_time(iso, context); });
            require(again && *again == *time, "parse_time(format_local_iso(t)) == t", text, iso);
        }
    }
}

void check_date(const std::string& text, const TimeContext& context) {
    const auto date = attempt("parse_date", text, ErrorKind::Usage,
                              [&] { return parse_date(text, context); });
    if (!date) return;
    require(is_valid_date(*date), "parse_date gives a real date", text, format_date(*date));
    if (four_digit_year(*date)) {
        const std::string iso = format_date(*date);
        const auto again = attempt("parse_date", iso, ErrorKind::Usage,
                                   [&] { return parse_date(iso, context); });
        require(again && *again == *date, "parse_date(format_date(d)) == d", text, iso);
    }
    const auto period = attempt("parse_period", text, ErrorKind::Usage,
                                [&] { return parse_period(text, context); });
    require(period && period->first_day == *date && period->last_day == *date,
            "a DATE is a one-day PERIOD", text);
    const auto time = attempt("parse_time", text, ErrorKind::Usage,
                              [&] { return parse_time(text, context); });
    require(time && *time == start_of_day(*date, context.zone),
            "a DATE as a TIME is the start of that day", text);
}

void check_period(const std::string& text, const TimeContext& context) {
    const auto period = attempt("parse_period", text, ErrorKind::Usage,
                                [&] { return parse_period(text, context); });
    if (!period) return;
    const Period& p = *period;
    const std::string shown = format_date(p.first_day) + ".." + format_date(p.last_day);
    require(is_valid_date(p.first_day) && is_valid_date(p.last_day),
            "a period's days are real dates", text, shown);
    require(day_number(p.first_day) <= day_number(p.last_day), "first_day <= last_day", text,
            shown);
    require(p.from == start_of_day(p.first_day, context.zone),
            "from is the start of first_day", text, shown);
    require(p.to == start_of_day(add_days(p.last_day, 1), context.zone),
            "to is the start of the day after last_day", text, shown);
    require(p.from < p.to, "a period is not empty", text, shown);
    require(local_date(p.from, context.zone) == p.first_day &&
                local_date(p.to - 1, context.zone) == p.last_day,
            "from and to - 1 fall on first_day and last_day", text, shown);
    if (four_digit_year(p.first_day) && four_digit_year(p.last_day)) {
        const auto again = attempt("parse_period", shown, ErrorKind::Usage,
                                   [&] { return parse_period(shown, context); });
        require(again && *again == p, "parse_period(FIRST..LAST) gives the same period", text,
                shown);
    }
}

void check_range(const std::string& text, const TimeContext& context, const CivilDate& day) {
    const auto range = attempt("parse_range", text, ErrorKind::Usage,
                               [&] { return parse_range(text, day, context); });
    if (!range) return;
    require(range->start < range->end, "a range ends after it starts", text);
    require(range->start >= start_of_day(day, context.zone) &&
                range->end <= start_of_day(add_days(day, 1), context.zone),
            "a range lies within its day", text, format_date(day));
    require(looks_like_range(text), "looks_like_range accepts every range parse_range accepts",
            text);
}

void check_duration(const std::string& text) {
    const auto seconds = attempt("parse_duration", text, ErrorKind::Usage,
                                 [&] { return parse_duration(text); });
    if (!seconds) return;
    require(*seconds > 0, "a duration is more than zero", text, std::to_string(*seconds));
    const std::string shown = format_duration(*seconds);
    const auto again = attempt("parse_duration", shown, ErrorKind::Usage,
                               [&] { return parse_duration(shown); });
    require(again && *again == *seconds, "parse_duration(format_duration(d)) == d", text, shown);
}

// Any int64 (the input's first eight bytes): the formatters never throw, and every positive
// value reads back.
void check_formatted(std::int64_t seconds, const std::string& input) {
    const auto shown = attempt("format_duration", input, ErrorKind::Usage,
                               [&] { return format_duration(seconds); });
    require(shown.has_value(), "format_duration never throws", input);
    require(attempt("format_hours", input, ErrorKind::Usage,
                    [&] { return format_hours(seconds); })
                .has_value() &&
                attempt("format_hm", input, ErrorKind::Usage, [&] { return format_hm(seconds); })
                    .has_value(),
            "format_hours and format_hm never throw", input);
    const auto again = attempt("parse_duration", *shown, ErrorKind::Usage,
                               [&] { return parse_duration(*shown); });
    if (seconds > 0) {
        require(again && *again == seconds, "parse_duration(format_duration(x)) == x for x > 0",
                input, *shown);
    } else {
        require(!again, "format_duration(x) for x <= 0 is not a DURATION", input, *shown);
    }
}

void check_calendar(const std::string& text) {
    const auto date = attempt("parse_iso_date", text, ErrorKind::Usage,
                              [&] { return parse_iso_date(text); });
    if (date && *date) {
        require(format_date(**date) == text, "parse_iso_date reads YYYY-MM-DD exactly", text);
    }
    const auto days = attempt("parse_day_range", text, ErrorKind::Usage,
                              [&] { return parse_day_range(text); });
    if (days && *days) {
        require(day_number((*days)->first) <= day_number((*days)->last),
                "a day range does not end before it starts", text);
    }
    const auto instant = attempt("parse_iso_instant", text, ErrorKind::Usage,
                                 [&] { return parse_iso_instant(text); });
    if (instant && *instant) {
        const std::string shown = format_iso_utc(**instant);
        require(parse_iso_instant(shown) == *instant,
                "parse_iso_instant(format_iso_utc(t)) == t", text, shown);
        // An instant with its offset is also a TIME, whatever the zone.
        for (const Setting& setting : settings()) {
            const TimeContext context{setting.now, *setting.zone, setting.week_start};
            const auto time = attempt("parse_time", text, ErrorKind::Usage,
                                      [&] { return parse_time(text, context); });
            require(time && *time == **instant, "parse_time agrees with parse_iso_instant",
                    text, shown);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);

    require(attempt("looks_like_range", text, ErrorKind::Usage,
                    [&] { return looks_like_range(text); })
                .has_value(),
            "looks_like_range never throws", text);
    check_duration(text);
    check_calendar(text);
    for (const Setting& setting : settings()) {
        const TimeContext context{setting.now, *setting.zone, setting.week_start};
        check_time(text, context, setting.range_day);
        check_date(text, context);
        check_period(text, context);
        check_range(text, context, setting.range_day);
    }
    if (size >= sizeof(std::int64_t)) {
        std::int64_t seconds = 0;
        std::memcpy(&seconds, data, sizeof seconds);
        check_formatted(seconds, text);
    }
    return 0;
}
