#include "slash/domain/time_zone.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <utility>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"

namespace slash::domain {
namespace {

constexpr std::int64_t kDay = 86400;

// Floor division: instants before 1970 still belong to the day that contains them.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);
}

LocalDateTime split_local_seconds(std::int64_t seconds) {
    const std::int64_t days = floor_div(seconds, kDay);
    const std::int64_t rest = seconds - days * kDay;
    return {civil_from_days(days), static_cast<int>(rest / 3600),
            static_cast<int>(rest % 3600 / 60), static_cast<int>(rest % 60)};
}

// Appends 0 <= n < 10^width as exactly `width` digits. Listings format two instants per
// row; snprintf made a tenth of the time of a year of entries.
void append_digits(std::string& out, int n, int width) {
    char digits[4];
    for (int i = width - 1; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + n % 10);
        n /= 10;
    }
    out.append(digits, static_cast<std::size_t>(width));
}

void append_hh_mm(std::string& out, int hour, int minute) {
    append_digits(out, hour, 2);
    out += ':';
    append_digits(out, minute, 2);
}

std::string hh_mm(const LocalDateTime& local) {
    std::string out;
    append_hh_mm(out, local.hour, local.minute);
    return out;
}

// The spring-forward transition around a local time that has no instant: the last instant
// before it (`before`) and the offsets on each side. Offsets stay within a day of UTC, so the
// transition lies within a day of the local reading taken as UTC; a binary search on the
// offset finds it, whatever the zone's representation.
struct Gap {
    std::int64_t transition = 0;  // first instant with the new offset
    std::int64_t offset_before = 0;
    std::int64_t offset_after = 0;
};

std::optional<Gap> gap_around(const LocalDateTime& local, const TimeZone& zone) {
    const std::int64_t naive = local_seconds(local);
    std::int64_t lo = naive - kDay, hi = naive + kDay;
    const std::int64_t before = zone.offset_at(lo);
    const std::int64_t after = zone.offset_at(hi);
    if (before >= after) return std::nullopt;
    while (hi - lo > 1) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        (zone.offset_at(mid) == before ? lo : hi) = mid;
    }
    return Gap{hi, before, after};
}

}  // namespace

FixedOffsetZone::FixedOffsetZone(std::int64_t offset_seconds, std::string name)
    : offset_(offset_seconds), name_(std::move(name)) {}

std::int64_t FixedOffsetZone::offset_at(std::int64_t /*utc*/) const {
    return offset_;
}

std::vector<std::int64_t> FixedOffsetZone::instants_of(const LocalDateTime& local) const {
    return {local_seconds(local) - offset_};
}

std::string FixedOffsetZone::name() const {
    return name_;
}

std::int64_t local_seconds(const LocalDateTime& local) {
    return days_from_civil(local.date) * kDay + local.hour * 3600 + local.minute * 60 +
           local.second;
}

LocalDateTime to_local(std::int64_t utc, const TimeZone& zone) {
    return split_local_seconds(utc + zone.offset_at(utc));
}

std::int64_t from_local(const LocalDateTime& local, const TimeZone& zone,
                        std::string_view text_for_errors) {
    const std::vector<std::int64_t> instants = zone.instants_of(local);
    if (!instants.empty()) return *std::min_element(instants.begin(), instants.end());
    std::string message = quoted(text_for_errors) + " does not exist in " + zone.name();
    const std::string date = format_date(local.date);
    if (text_for_errors.find(date) == std::string_view::npos) message += " on " + date;
    message += " (clocks go forward)";
    if (const auto gap = gap_around(local, zone)) {
        const LocalDateTime last = split_local_seconds(gap->transition - 60 + gap->offset_before);
        const LocalDateTime first = split_local_seconds(gap->transition + gap->offset_after);
        message += "; use " + hh_mm(last) + " or " + hh_mm(first);
    }
    throw Error(ErrorKind::Usage, message);
}

CivilDate local_date(std::int64_t utc, const TimeZone& zone) {
    return to_local(utc, zone).date;
}

std::int64_t start_of_day(const CivilDate& date, const TimeZone& zone) {
    const LocalDateTime midnight{date, 0, 0, 0};
    const std::vector<std::int64_t> instants = zone.instants_of(midnight);
    if (!instants.empty()) return *std::min_element(instants.begin(), instants.end());
    if (const auto gap = gap_around(midnight, zone)) return gap->transition;
    // A zone that reports a gap it does not have: the plain reading is the best answer.
    return local_seconds(midnight) - zone.offset_at(local_seconds(midnight));
}

CivilDate add_days(const CivilDate& date, std::int64_t days) {
    return civil_from_days(days_from_civil(date) + days);
}

std::string format_local_iso(std::int64_t utc, const TimeZone& zone) {
    const std::int64_t offset = zone.offset_at(utc);
    const LocalDateTime local = split_local_seconds(utc + offset);
    const std::int64_t size = offset < 0 ? -offset : offset;
    std::string out = format_date(local.date);
    out += 'T';
    append_hh_mm(out, local.hour, local.minute);
    out += ':';
    append_digits(out, local.second, 2);
    out += offset < 0 ? '-' : '+';
    // Two digits of hours: real offsets stay within a day.
    append_hh_mm(out, static_cast<int>(size / 3600), static_cast<int>(size % 3600 / 60));
    if (size % 60 != 0) {
        out += ':';
        append_digits(out, static_cast<int>(size % 60), 2);
    }
    return out;
}

std::string format_local_hm(std::int64_t utc, const TimeZone& zone) {
    return hh_mm(to_local(utc, zone));
}

std::string format_date(const CivilDate& date) {
    if (date.year < 0 || date.year > 9999) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
        return buffer;
    }
    std::string out;
    out.reserve(25);  // room for the time and offset of format_local_iso
    append_digits(out, date.year, 4);
    out += '-';
    append_digits(out, date.month, 2);
    out += '-';
    append_digits(out, date.day, 2);
    return out;
}

int weekday(const CivilDate& date) {
    // 1970-01-01 was a Thursday (3).
    const std::int64_t shifted = days_from_civil(date) + 3;
    return static_cast<int>(shifted - floor_div(shifted, 7) * 7);
}

IsoWeek iso_week(const CivilDate& date) {
    // The ISO year is the year of the week's Thursday; week 1 holds the year's first Thursday.
    const std::int64_t days = days_from_civil(date);
    const std::int64_t thursday = days - weekday(date) + 3;
    const int year = civil_from_days(thursday).year;
    const std::int64_t first_day = days_from_civil({year, 1, 1});
    return {year, static_cast<int>((thursday - first_day) / 7 + 1)};
}

int iso_weeks_in_year(int year) {
    return iso_week({year, 12, 28}).week;
}

CivilDate monday_of(const IsoWeek& week) {
    if (week.week < 1 || week.week > iso_weeks_in_year(week.year)) {
        throw std::invalid_argument("no ISO week " + std::to_string(week.week) + " in " +
                                    std::to_string(week.year));
    }
    const CivilDate january_4{week.year, 1, 4};
    return add_days(january_4, 7 * (week.week - 1) - weekday(january_4));
}

}  // namespace slash::domain
