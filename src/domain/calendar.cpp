#include "slash/domain/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace slash::domain {

namespace {

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Reads exactly `width` digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

std::int64_t days_from_civil(const CivilDate& date) {
    const std::int64_t y = date.month <= 2 ? date.year - 1 : date.year;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const auto day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const auto year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

bool is_valid_date(const CivilDate& date) {
    return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

std::optional<std::int64_t> parse_iso_instant(std::string_view text) {
    auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    auto hour = digits(text, 11, 2), minute = digits(text, 14, 2);
    if (!year || !month || !day || !hour || !minute || text[4] != '-' || text[7] != '-' ||
        (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
        return std::nullopt;
    }
    CivilDate date{*year, *month, *day};
    if (!is_valid_date(date) || *hour > 23 || *minute > 59) return std::nullopt;
    std::size_t pos = 16;
    int second = 0;
    if (pos < text.size() && text[pos] == ':') {
        auto parsed = digits(text, pos + 1, 2);
        if (!parsed || *parsed > 59) return std::nullopt;
        second = *parsed;
        pos += 3;
    }
    std::int64_t offset = 0;
    if (pos < text.size() && text[pos] == 'Z' && pos + 1 == text.size()) {
        offset = 0;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-') &&
               pos + 6 == text.size() && text[pos + 3] == ':') {
        auto oh = digits(text, pos + 1, 2), om = digits(text, pos + 4, 2);
        if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
        offset = (*oh * 3600 + *om * 60) * (text[pos] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    return days_from_civil(date) * 86400 + *hour * 3600 + *minute * 60 + second - offset;
}

std::string format_iso_utc(std::int64_t seconds) {
    std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    std::int64_t rest = seconds - days * 86400;
    CivilDate date = civil_from_days(days);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month,
                  date.day, static_cast<int>(rest / 3600), static_cast<int>(rest % 3600 / 60),
                  static_cast<int>(rest % 60));
    return buffer;
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (std::size_t i = 0; i < lengths[p]; ++i) {
            const char c = text[starts[p] + i];
            if (c < '0' || c > '9') return std::nullopt;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    const CivilDate date{parts[0], parts[1], parts[2]};
    if (!is_valid_date(date)) return std::nullopt;
    return date;
}

std::optional<DayRange> parse_day_range(std::string_view text) {
    const auto dots = text.find("..");
    const auto first = parse_iso_date(text.substr(0, dots));
    if (!first) return std::nullopt;
    if (dots == std::string_view::npos) return DayRange{*first, *first};
    const auto last = parse_iso_date(text.substr(dots + 2));
    if (!last || days_from_civil(*last) < days_from_civil(*first)) return std::nullopt;
    return DayRange{*first, *last};
}

}  // namespace slash::domain
