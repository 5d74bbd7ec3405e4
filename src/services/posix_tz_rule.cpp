#include "posix_tz_rule.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "slash/domain/calendar.hpp"

namespace slash::services {
namespace {

constexpr std::int64_t kDay = 86400;

// ASCII only, whatever the locale: TZ strings are ASCII.
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool consume(std::string_view& text, char c) {
    if (text.empty() || text.front() != c) return false;
    text.remove_prefix(1);
    return true;
}

// One to `max_digits` decimal digits. A longer number leaves digits behind, which the
// caller's next expectation then refuses.
std::optional<int> parse_number(std::string_view& text, int max_digits) {
    int value = 0, digits = 0;
    while (digits < max_digits && !text.empty() && is_digit(text.front())) {
        value = value * 10 + (text.front() - '0');
        text.remove_prefix(1);
        ++digits;
    }
    if (digits == 0) return std::nullopt;
    return value;
}

// [+|-]hh[:mm[:ss]] in seconds, the hours at most `max_hours` and `hour_digits` long.
std::optional<std::int64_t> parse_hms(std::string_view& text, int max_hours, int hour_digits) {
    std::int64_t sign = 1;
    if (consume(text, '-')) {
        sign = -1;
    } else {
        consume(text, '+');
    }
    const auto hours = parse_number(text, hour_digits);
    if (!hours || *hours > max_hours) return std::nullopt;
    int minutes = 0, seconds = 0;
    if (consume(text, ':')) {
        const auto mm = parse_number(text, 2);
        if (!mm || *mm > 59) return std::nullopt;
        minutes = *mm;
        if (consume(text, ':')) {
            const auto ss = parse_number(text, 2);
            if (!ss || *ss > 59) return std::nullopt;
            seconds = *ss;
        }
    }
    return sign * (std::int64_t{*hours} * 3600 + minutes * 60 + seconds);
}

// A zone abbreviation: three or more letters, or `<...>` around three or more letters,
// digits and signs. Only its length matters: it ends where the offset starts.
bool parse_designation(std::string_view& text) {
    std::size_t length = 0;
    if (consume(text, '<')) {
        while (length < text.size() && (is_letter(text[length]) || is_digit(text[length]) ||
                                        text[length] == '+' || text[length] == '-')) {
            ++length;
        }
        if (length < 3 || length >= text.size() || text[length] != '>') return false;
        text.remove_prefix(length + 1);
        return true;
    }
    while (length < text.size() && is_letter(text[length])) {
        ++length;
    }
    if (length < 3) return false;
    text.remove_prefix(length);
    return true;
}

}  // namespace

std::optional<PosixTzRule> PosixTzRule::parse(std::string_view text) {
    PosixTzRule rule;
    if (!parse_designation(text)) return std::nullopt;
    // POSIX counts hours west of UTC: "CET-1" is one hour east.
    const auto standard_west = parse_hms(text, 24, 2);
    if (!standard_west) return std::nullopt;
    rule.standard_offset_ = -*standard_west;
    if (text.empty()) return rule;

    if (!parse_designation(text)) return std::nullopt;
    Daylight daylight;
    daylight.offset = rule.standard_offset_ + 3600;
    if (!text.empty() && text.front() != ',') {
        const auto daylight_west = parse_hms(text, 24, 2);
        if (!daylight_west) return std::nullopt;
        daylight.offset = -*daylight_west;
    }
    if (!consume(text, ',')) return std::nullopt;
    const auto start = parse_change(text);
    if (!start || !consume(text, ',')) return std::nullopt;
    const auto end = parse_change(text);
    if (!end || !text.empty()) return std::nullopt;
    // Offsets of at most 24:59:59, or 25:59:59 for the default daylight one, stay within
    // kMaxZoneOffset.
    daylight.start = *start;
    daylight.end = *end;
    rule.daylight_ = daylight;
    return rule;
}

std::optional<PosixTzRule::RuleDate> PosixTzRule::parse_date(std::string_view& text) {
    RuleDate date;
    if (consume(text, 'J')) {
        const auto day = parse_number(text, 3);
        if (!day || *day < 1 || *day > 365) return std::nullopt;
        date.form = RuleDate::Form::kJulianWithoutLeapDay;
        date.day = *day;
        return date;
    }
    if (consume(text, 'M')) {
        const auto month = parse_number(text, 2);
        if (!month || *month < 1 || *month > 12 || !consume(text, '.')) return std::nullopt;
        const auto week = parse_number(text, 1);
        if (!week || *week < 1 || *week > 5 || !consume(text, '.')) return std::nullopt;
        const auto weekday = parse_number(text, 1);
        if (!weekday || *weekday > 6) return std::nullopt;
        date.form = RuleDate::Form::kMonthWeekDay;
        date.month = *month;
        date.week = *week;
        date.weekday = *weekday;
        return date;
    }
    const auto day = parse_number(text, 3);
    if (!day || *day > 365) return std::nullopt;
    date.form = RuleDate::Form::kZeroBasedDay;
    date.day = *day;
    return date;
}

std::optional<PosixTzRule::Change> PosixTzRule::parse_change(std::string_view& text) {
    const auto date = parse_date(text);
    if (!date) return std::nullopt;
    Change change;
    change.date = *date;
    if (consume(text, '/')) {
        // RFC 8536 §3.3.1 (version 3) widens POSIX's 0..24 hours to -167..167, so that
        // "the Saturday before the last Sunday" or "-1:00" can be said.
        const auto time = parse_hms(text, 167, 3);
        if (!time) return std::nullopt;
        change.time_of_day = *time;
    }
    return change;
}

std::int64_t PosixTzRule::day_of(const RuleDate& date, std::int64_t year) {
    const int y = static_cast<int>(year);
    const std::int64_t january_1 = domain::days_from_civil({y, 1, 1});
    switch (date.form) {
        case RuleDate::Form::kJulianWithoutLeapDay: {
            const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
            return january_1 + date.day - 1 + (leap && date.day >= 60 ? 1 : 0);
        }
        case RuleDate::Form::kZeroBasedDay:
            return january_1 + date.day;
        case RuleDate::Form::kMonthWeekDay:
            break;
    }
    const std::int64_t first = domain::days_from_civil({y, date.month, 1});
    const std::int64_t next_month = date.month == 12
                                        ? domain::days_from_civil({y + 1, 1, 1})
                                        : domain::days_from_civil({y, date.month + 1, 1});
    // 1970-01-01, day 0, was a Thursday (4, counting from Sunday as POSIX does).
    const std::int64_t first_weekday = (first % 7 + 7 + 4) % 7;
    std::int64_t day = first + (date.weekday - first_weekday + 7) % 7 + 7 * (date.week - 1);
    // Week 5 means the last such weekday of the month, which may be the fourth.
    if (day >= next_month) day -= 7;
    return day;
}

std::array<PosixTzRule::Event, 2> PosixTzRule::events_in(std::int64_t year) const {
    return {Event{day_of(daylight_->end.date, year) * kDay + daylight_->end.time_of_day -
                      daylight_->offset,
                  false},
            Event{day_of(daylight_->start.date, year) * kDay + daylight_->start.time_of_day -
                      standard_offset_,
                  true}};
}

std::int64_t PosixTzRule::offset_at(std::int64_t utc) const {
    if (!daylight_) return standard_offset_;
    // The Gregorian calendar repeats every 400 years, a whole number of weeks, and so do the
    // rule's changes: the instant is moved into 1970..2370, where the arithmetic below cannot
    // overflow whatever `utc` is.
    constexpr std::int64_t kCycle = 146097 * kDay;
    std::int64_t t = utc % kCycle;
    if (t < 0) t += kCycle;
    const std::int64_t year = domain::civil_from_days(t / kDay).year;
    // The latest change at or before t decides. A change's time of day may reach a week
    // into the next year, so two years back are looked at. When a year's end and the next
    // start coincide, daylight time wins: that is how RFC 8536 writes "DST all year"
    // (`EST5EDT,0/0,J365/25`).
    std::optional<Event> latest;
    for (std::int64_t y = year - 2; y <= year + 1; ++y) {
        for (const Event& event : events_in(y)) {
            if (event.at > t) continue;
            if (!latest || event.at > latest->at || (event.at == latest->at && event.to_daylight)) {
                latest = event;
            }
        }
    }
    return latest && latest->to_daylight ? daylight_->offset : standard_offset_;
}

std::vector<OffsetChange> PosixTzRule::table(std::int64_t from, std::int64_t until) const {
    if (!daylight_ || from >= until) return {};
    const auto year_of = [](std::int64_t utc) {
        return std::int64_t{domain::civil_from_days(utc / kDay - (utc % kDay < 0 ? 1 : 0)).year};
    };
    std::vector<Event> events;
    for (std::int64_t y = year_of(from) - 2; y <= year_of(until) + 1; ++y) {
        const auto of_year = events_in(y);
        events.insert(events.end(), of_year.begin(), of_year.end());
    }
    // In time order, a start after an end at the same instant, so that it wins as in offset_at.
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        return a.at != b.at ? a.at < b.at : !a.to_daylight && b.to_daylight;
    });
    std::vector<OffsetChange> table{{from, offset_at(from)}};
    for (const Event& event : events) {
        if (event.at <= from || event.at >= until) continue;
        const std::int64_t offset = event.to_daylight ? daylight_->offset : standard_offset_;
        if (event.at == table.back().at) {
            table.back().offset = offset;
        } else if (offset != table.back().offset) {
            table.push_back({event.at, offset});
        }
    }
    return table;
}

std::vector<std::int64_t> PosixTzRule::offsets() const {
    if (!daylight_) return {standard_offset_};
    return {standard_offset_, daylight_->offset};
}

}  // namespace slash::services
