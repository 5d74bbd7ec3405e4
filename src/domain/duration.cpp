#include "slash/domain/duration.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"

namespace slash::domain {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::string_view kForms = "use a form such as 2h30, 1.5h, 90m, 1:30 or PT1H30M";

[[noreturn]] void refuse(std::string_view text, std::string_view why) {
    throw Error(ErrorKind::Usage, "invalid duration " + quoted(text) + ": " + std::string(why));
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_letter(char c) {
    return c >= 'a' && c <= 'z';
}

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

// Lower-cases ASCII letters and drops surrounding blanks: units are case-insensitive.
std::string normalize(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// A decimal number as typed: its integer digits and fraction digits, both as text so that no
// digit is ever lost to a binary fraction.
struct Number {
    std::string integer;
    std::string fraction;
    bool has_separator = false;
};

// Reads `digits[(.|,)digits]` at `pos`; an empty integer means there was no number.
Number read_number(std::string_view text, std::size_t& pos) {
    Number number;
    while (pos < text.size() && is_digit(text[pos])) number.integer += text[pos++];
    if (!number.integer.empty() && pos + 1 < text.size() &&
        (text[pos] == '.' || text[pos] == ',') && is_digit(text[pos + 1])) {
        number.has_separator = true;
        ++pos;
        while (pos < text.size() && is_digit(text[pos])) number.fraction += text[pos++];
    }
    return number;
}

// What to do with text whose value does not fit: every overflow is the same refusal.
class Checked {
  public:
    explicit Checked(std::string_view text) : text_(text) {}

    std::int64_t add(std::int64_t a, std::int64_t b) const {
        if (a > kMax - b) refuse(text_, "it is too long");
        return a + b;
    }

    std::int64_t mul(std::int64_t a, std::int64_t b) const {
        if (b != 0 && a > kMax / b) refuse(text_, "it is too long");
        return a * b;
    }

    std::int64_t integer(const std::string& digits) const {
        std::int64_t value = 0;
        for (const char c : digits) value = add(mul(value, 10), c - '0');
        return value;
    }

  private:
    std::string_view text_;
};

// unit * 0.fraction, rounded half away from zero, exactly: the fraction digits are multiplied
// by `unit` as a decimal string (long multiplication), so any number of digits is exact. The
// carry out of the top digit is the whole part; the first digit left decides the rounding.
std::int64_t fraction_seconds(const std::string& fraction, std::int64_t unit) {
    std::vector<int> digits;
    for (const char c : fraction) digits.push_back(c - '0');
    std::int64_t carry = 0;
    for (std::size_t i = digits.size(); i-- > 0;) {
        const std::int64_t product = digits[i] * unit + carry;
        digits[i] = static_cast<int>(product % 10);
        carry = product / 10;
    }
    const bool round_up = !digits.empty() && digits.front() >= 5;
    return carry + (round_up ? 1 : 0);
}

// Seconds of `number` units, the fraction rounded to the second.
std::int64_t seconds_of(const Number& number, std::int64_t unit, const Checked& checked) {
    return checked.add(checked.mul(checked.integer(number.integer), unit),
                       fraction_seconds(number.fraction, unit));
}

// Durations in other units than hours, minutes and seconds are refused with a reason that says
// what to write instead; an empty result means the word is not a unit at all.
std::string calendar_unit_reason(std::string_view word) {
    if (word == "d" || word == "day" || word == "days") {
        return "days are not durations here: use hours, such as 8h";
    }
    if (word == "w" || word == "wk" || word == "wks" || word == "week" || word == "weeks") {
        return "weeks are not durations here: use hours, such as 35h";
    }
    if (word == "mo" || word == "mon" || word == "mons" || word == "month" || word == "months") {
        return "months are not durations (m means minutes): use hours, such as 140h";
    }
    if (word == "y" || word == "yr" || word == "yrs" || word == "year" || word == "years") {
        return "years are not durations here: use hours, such as 1600h";
    }
    return {};
}

// Seconds in one of `word`, 0 when it is not a unit of hours, minutes or seconds.
std::int64_t unit_seconds(std::string_view word) {
    if (word == "h" || word == "hr" || word == "hrs" || word == "hour" || word == "hours") {
        return 3600;
    }
    if (word == "m" || word == "min" || word == "mins" || word == "minute" || word == "minutes") {
        return 60;
    }
    if (word == "s" || word == "sec" || word == "secs" || word == "second" || word == "seconds") {
        return 1;
    }
    return 0;
}

// One `<number><unit>` part of a duration.
struct Part {
    Number number;
    std::int64_t unit = 0;
};

// Sums parts given from the largest unit to the smallest, each unit once, decimals on the
// last part only (the ISO 8601 rule, and what makes a single rounding possible), and below 60
// after a larger unit.
std::int64_t sum_parts(std::string_view text, const std::vector<Part>& parts) {
    const Checked checked(text);
    std::int64_t total = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Part& part = parts[i];
        if (i > 0 && part.unit >= parts[i - 1].unit) {
            refuse(text, "give hours, then minutes, then seconds, each once, such as 1h30m15s");
        }
        if (part.number.has_separator && i + 1 < parts.size()) {
            refuse(text, "only the last part may have decimals, such as 1h30m or 1.5h");
        }
        if (i > 0 && checked.integer(part.number.integer) >= 60) {
            refuse(text, part.unit == 60
                             ? "the minutes must be below 60 after hours, such as 2h15"
                             : "the seconds must be below 60 after a larger unit, such as 1m30s");
        }
        total = checked.add(total, seconds_of(part.number, part.unit, checked));
    }
    return total;
}

// `2h30`, `2 hours 30 minutes`, `90min`, `1.5h`, `1m30`.
std::int64_t parse_units(std::string_view original, std::string_view text) {
    std::vector<Part> parts;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && is_space(text[pos])) ++pos;
        Part part;
        part.number = read_number(text, pos);
        if (part.number.integer.empty()) refuse(original, kForms);
        while (pos < text.size() && is_space(text[pos])) ++pos;
        const std::size_t word_start = pos;
        while (pos < text.size() && is_letter(text[pos])) ++pos;
        const std::string_view word = text.substr(word_start, pos - word_start);
        if (word.empty()) {
            if (pos < text.size()) refuse(original, kForms);
            // A bare number after hours means minutes (2h30), after minutes seconds (1m30).
            if (parts.empty()) {
                // "0" is refused for being zero, which is the more useful thing to say.
                if (part.number.integer.find_first_not_of('0') == std::string::npos &&
                    part.number.fraction.find_first_not_of('0') == std::string::npos) {
                    return 0;
                }
                refuse(original,
                       "it has no unit; add one, such as 90m for minutes or 1.5h for hours");
            }
            if (parts.back().unit == 1) refuse(original, kForms);
            part.unit = parts.back().unit / 60;
        } else if (const std::string reason = calendar_unit_reason(word); !reason.empty()) {
            refuse(original, reason);
        } else {
            part.unit = unit_seconds(word);
            if (part.unit == 0) refuse(original, kForms);
        }
        parts.push_back(part);
    }
    return sum_parts(original, parts);
}

// `1:30` (h:mm) and `1:30:15` (h:mm:ss), minutes and seconds two digits below 60.
std::int64_t parse_clock_form(std::string_view original, std::string_view text) {
    std::size_t pos = 0;
    const Number hours = read_number(text, pos);
    if (hours.integer.empty() || hours.has_separator) refuse(original, kForms);
    std::vector<std::int64_t> sixties;
    while (pos < text.size()) {
        if (text[pos] != ':' || pos + 3 > text.size() || !is_digit(text[pos + 1]) ||
            !is_digit(text[pos + 2]) || sixties.size() == 2) {
            refuse(original, kForms);
        }
        const std::int64_t value = (text[pos + 1] - '0') * 10 + (text[pos + 2] - '0');
        if (value >= 60) {
            refuse(original, sixties.empty()
                                 ? "the minutes must be from 00 to 59, such as 1:15"
                                 : "the seconds must be from 00 to 59, such as 1:15:30");
        }
        sixties.push_back(value);
        pos += 3;
    }
    const Checked checked(original);
    std::int64_t total = checked.mul(checked.integer(hours.integer), 3600);
    total = checked.add(total, sixties[0] * 60);
    if (sixties.size() == 2) total = checked.add(total, sixties[1]);
    return total;
}

// The unit a letter of an ISO 8601 date part names, in the words calendar_unit_reason knows
// (`M` there is months).
std::string_view iso_date_unit(char letter) {
    switch (letter) {
        case 'y':
            return "y";
        case 'm':
            return "mo";
        case 'w':
            return "w";
        case 'd':
            return "d";
        default:
            return "";
    }
}

// ISO 8601 `PT1H30M`, `PT1.5H`, `PT45S`: a date part (P1D, P1M) is refused with the unit named.
std::int64_t parse_iso(std::string_view original, std::string_view text) {
    const std::size_t t = text.find('t');
    const std::string_view date_part =
        text.substr(1, t == std::string_view::npos ? text.npos : t - 1);
    for (const char c : date_part) {
        const std::string_view unit = iso_date_unit(c);
        if (!unit.empty()) refuse(original, calendar_unit_reason(unit));
    }
    if (!date_part.empty() || t == std::string_view::npos || t + 1 == text.size()) {
        refuse(original, kForms);
    }
    std::vector<Part> parts;
    std::size_t pos = t + 1;
    while (pos < text.size()) {
        Part part;
        part.number = read_number(text, pos);
        if (part.number.integer.empty() || pos == text.size()) refuse(original, kForms);
        part.unit = unit_seconds(text.substr(pos++, 1));
        if (part.unit == 0) refuse(original, kForms);
        parts.push_back(part);
    }
    return sum_parts(original, parts);
}

std::string two_digits(std::int64_t value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

// |seconds| without overflow for the most negative value.
std::uint64_t magnitude(std::int64_t seconds) {
    return seconds < 0 ? 0 - static_cast<std::uint64_t>(seconds)
                       : static_cast<std::uint64_t>(seconds);
}

}  // namespace

std::int64_t parse_duration(std::string_view text) {
    const std::string lower = normalize(text);
    if (lower.empty()) {
        refuse(text, "it is empty; use a form such as 2h30, 1.5h, 90m or 1:30");
    }
    if (lower.front() == '-') {
        refuse(text, "a duration cannot be negative; write it without the sign, such as 2h");
    }
    std::int64_t seconds = 0;
    if (lower.front() == 'p') {
        seconds = parse_iso(text, lower);
    } else if (lower.find(':') != std::string::npos) {
        seconds = parse_clock_form(text, lower);
    } else {
        seconds = parse_units(text, lower);
    }
    if (seconds == 0) refuse(text, "a duration must be more than zero");
    return seconds;
}

std::string format_duration(std::int64_t seconds) {
    const std::uint64_t total = magnitude(seconds);
    const auto hours = static_cast<std::int64_t>(total / 3600);
    const auto minutes = static_cast<std::int64_t>(total % 3600 / 60);
    const auto secs = static_cast<std::int64_t>(total % 60);
    std::string out = seconds < 0 ? "-" : "";
    if (hours > 0) {
        out += std::to_string(hours) + "h";
        if (minutes > 0 || secs > 0) out += two_digits(minutes) + "m";
    } else if (minutes > 0 || secs == 0) {
        out += std::to_string(minutes) + "m";
    }
    if (secs > 0) out += (hours > 0 || minutes > 0 ? two_digits(secs) : std::to_string(secs)) + "s";
    return out;
}

std::string format_hours(std::int64_t seconds) {
    // One hundredth of an hour is 36 s: adding half of it before dividing rounds half away
    // from zero on the magnitude.
    const std::uint64_t hundredths = (magnitude(seconds) + 18) / 36;
    const std::string sign = seconds < 0 && hundredths > 0 ? "-" : "";
    return sign + std::to_string(hundredths / 100) + "." +
           two_digits(static_cast<std::int64_t>(hundredths % 100));
}

std::string format_hm(std::int64_t seconds) {
    const std::uint64_t minutes = magnitude(seconds) / 60;
    const std::string sign = seconds < 0 && minutes > 0 ? "-" : "";
    return sign + std::to_string(minutes / 60) + ":" +
           two_digits(static_cast<std::int64_t>(minutes % 60));
}

}  // namespace slash::domain
