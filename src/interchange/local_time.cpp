#include "local_time.hpp"

#include <cstdio>
#include <vector>

#include "slash/domain/error.hpp"
#include "source_text.hpp"

namespace slash::interchange {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// Reads 1 to `max_digits` digits at the start of `text` (exactly `max_digits` when
/// `exact`), removing them.
std::optional<int> take_number(std::string_view& text, std::size_t max_digits, bool exact) {
    std::size_t length = 0;
    int value = 0;
    while (length < text.size() && length < max_digits && is_digit(text[length])) {
        value = value * 10 + (text[length] - '0');
        ++length;
    }
    if (length == 0 || (exact && length != max_digits)) return std::nullopt;
    if (length < text.size() && is_digit(text[length])) return std::nullopt;
    text.remove_prefix(length);
    return value;
}

bool take_char(std::string_view& text, char c) {
    if (text.empty() || text.front() != c) return false;
    text.remove_prefix(1);
    return true;
}

}  // namespace

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
    text = trim(text);
    TimeOfDay time;
    const auto hour = take_number(text, 2, false);
    if (!hour || !take_char(text, ':')) return std::nullopt;
    const auto minute = take_number(text, 2, true);
    if (!minute) return std::nullopt;
    std::optional<int> second = 0;
    if (take_char(text, ':')) {
        second = take_number(text, 2, true);
        if (!second) return std::nullopt;
    }
    time = {*hour, *minute, *second};
    text = trim(text);
    if (!text.empty()) {
        // The 12-hour clock: 12:xx AM is just after midnight, 12:xx PM just after noon.
        const bool am = iequals(text, "AM") || iequals(text, "A.M.");
        const bool pm = iequals(text, "PM") || iequals(text, "P.M.");
        if ((!am && !pm) || time.hour < 1 || time.hour > 12) return std::nullopt;
        time.hour = time.hour % 12 + (pm ? 12 : 0);
    }
    if (time.hour > 23 || time.minute > 59 || time.second > 59) return std::nullopt;
    return time;
}

std::optional<domain::CivilDate> parse_report_date(std::string_view text, bool numeric_orders,
                                                   bool day_first) {
    text = trim(text);
    if (auto iso = domain::parse_iso_date(text)) return iso;
    if (!numeric_orders || text.size() < 3) return std::nullopt;
    auto first = take_number(text, 2, false);
    if (!first || text.empty()) return std::nullopt;
    const char separator = text.front();
    if (separator != '/' && separator != '-' && separator != '.') return std::nullopt;
    text.remove_prefix(1);
    auto second = take_number(text, 2, false);
    if (!second || !take_char(text, separator)) return std::nullopt;
    auto year = take_number(text, 4, true);
    if (!year || !text.empty()) return std::nullopt;
    const bool day_comes_first = day_first || separator == '.';
    domain::CivilDate date{*year, day_comes_first ? *second : *first,
                           day_comes_first ? *first : *second};
    if (!domain::is_valid_date(date)) return std::nullopt;
    return date;
}

std::string format_local(const domain::LocalDateTime& local) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", local.date.year,
                  local.date.month, local.date.day, local.hour, local.minute, local.second);
    return buffer;
}

std::int64_t instant_of(const domain::LocalDateTime& local, const domain::TimeZone& zone,
                        std::string_view text, const Place& place) {
    try {
        return domain::from_local(local, zone, text);
    } catch (const Error& error) {
        place.fail(error.what());
    }
}

std::optional<std::int64_t> later_instant_of(const domain::LocalDateTime& local,
                                             const domain::TimeZone& zone) {
    const std::vector<std::int64_t> instants = zone.instants_of(local);
    if (instants.size() < 2) return std::nullopt;
    return instants.back();
}

}  // namespace slash::interchange
