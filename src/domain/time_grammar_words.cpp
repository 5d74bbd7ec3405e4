#include "time_grammar_internal.hpp"

#include <array>
#include <utility>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"

namespace slash::domain::grammar {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// The number written by the digits text[pos, pos + width), or nullopt if one is not a digit.
std::optional<int> digits_at(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (!is_digit(text[i])) return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// English first, then French (the brief of a bilingual user base); both full names and the
// abbreviations calendars print.
constexpr std::array<std::pair<std::string_view, int>, 31> kWeekdays{{
    {"monday", 0}, {"mon", 0},      {"tuesday", 1}, {"tue", 1},      {"tues", 1},  {"wednesday", 2},
    {"wed", 2},    {"thursday", 3}, {"thu", 3},     {"thur", 3},     {"thurs", 3}, {"friday", 4},
    {"fri", 4},    {"saturday", 5}, {"sat", 5},     {"sunday", 6},   {"sun", 6},   {"lundi", 0},
    {"lun", 0},    {"mardi", 1},    {"mar", 1},     {"mercredi", 2}, {"mer", 2},   {"jeudi", 3},
    {"jeu", 3},    {"vendredi", 4}, {"ven", 4},     {"samedi", 5},   {"sam", 5},   {"dimanche", 6},
    {"dim", 6},
}};

constexpr std::array<std::string_view, 12> kMonths{"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};

std::optional<int> weekday_named(std::string_view word) {
    for (const auto& [name, index] : kWeekdays) {
        if (name == word) return index;
    }
    return std::nullopt;
}

Clock checked_clock(int hour, int minute, int second, bool allow_24) {
    if (allow_24 && hour == 24 && minute == 0 && second == 0) return {24, 0, 0};
    if (hour > 23) throw Refusal{"the hour must be from 0 to 23"};
    if (minute > 59) throw Refusal{"the minutes must be from 00 to 59"};
    if (second > 59) throw Refusal{"the seconds must be from 00 to 59"};
    return {hour, minute, second};
}

}  // namespace

std::string normalize(std::string_view text) {
    std::string out;
    bool blank = false;
    for (const char c : text) {
        if (is_blank(c)) {
            blank = !out.empty();
            continue;
        }
        if (blank) out += ' ';
        blank = false;
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::optional<Clock> match_clock(std::string_view text, bool allow_24) {
    // One or two digits of hour, then ':' or 'h'.
    std::size_t hour_width = 0;
    while (hour_width < text.size() && hour_width < 3 && is_digit(text[hour_width])) ++hour_width;
    if (hour_width == 0 || hour_width > 2 || hour_width == text.size()) return std::nullopt;
    const int hour = *digits_at(text, 0, hour_width);
    const std::string_view rest = text.substr(hour_width);
    if (rest == "h") return checked_clock(hour, 0, 0, allow_24);
    const auto minute = digits_at(rest, 1, 2);
    if (!minute) return std::nullopt;
    if (rest.size() == 3 && (rest[0] == ':' || rest[0] == 'h')) {
        return checked_clock(hour, *minute, 0, allow_24);
    }
    const auto second = digits_at(rest, 4, 2);
    if (rest.size() == 6 && rest[0] == ':' && rest[3] == ':' && second) {
        return checked_clock(hour, *minute, *second, allow_24);
    }
    return std::nullopt;
}

std::optional<CivilDate> match_iso_date(std::string_view text) {
    const auto year = digits_at(text, 0, 4), month = digits_at(text, 5, 2),
               day = digits_at(text, 8, 2);
    if (text.size() != 10 || !year || !month || !day || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    if (*month < 1 || *month > 12) throw Refusal{"the month must be from 01 to 12"};
    const CivilDate date{*year, *month, *day};
    if (!is_valid_date(date)) {
        // The last valid day of that month tells the user how many days it has.
        const CivilDate next_month =
            *month == 12 ? CivilDate{*year + 1, 1, 1} : CivilDate{*year, *month + 1, 1};
        const CivilDate last = add_days(next_month, -1);
        throw Refusal{std::string(kMonths[static_cast<std::size_t>(*month - 1)]) + " " +
                      std::to_string(*year) + " has " + std::to_string(last.day) + " days"};
    }
    return date;
}

CivilDate today(const TimeContext& context) {
    return local_date(context.now, context.zone);
}

std::optional<CivilDate> match_day(std::string_view text, const TimeContext& context) {
    if (text == "today") return today(context);
    if (text == "yesterday") return add_days(today(context), -1);
    if (const auto index = weekday_named(text)) {
        // The most recent such day, today included (docs/contract.md §3): on a Friday,
        // "fri" is today, as "--on fri" on a Friday means the work just done.
        const CivilDate now = today(context);
        return add_days(now, -((weekday(now) - *index + 7) % 7));
    }
    return match_iso_date(text);
}

void refuse(std::string_view what, std::string_view text, std::string_view reason) {
    throw Error(ErrorKind::Usage,
                "invalid " + std::string(what) + " " + quoted(text) + ": " + std::string(reason));
}

}  // namespace slash::domain::grammar
