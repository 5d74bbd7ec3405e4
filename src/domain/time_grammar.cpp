#include "slash/domain/time_grammar.hpp"

#include <optional>
#include <string>

#include "slash/domain/duration.hpp"
#include "slash/domain/error.hpp"
#include "time_grammar_internal.hpp"

namespace slash::domain {
namespace {

using grammar::Clock;
using grammar::Refusal;

LocalDateTime at(const CivilDate& day, const Clock& clock) {
    return {day, clock.hour, clock.minute, clock.second};
}

// `Z` or `±HH:MM` after a time: nullopt for another shape.
std::optional<std::int64_t> match_offset(std::string_view text) {
    if (text == "z") return 0;
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') {
        return std::nullopt;
    }
    for (const std::size_t i : {1U, 2U, 4U, 5U}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    const int hours = (text[1] - '0') * 10 + (text[2] - '0');
    const int minutes = (text[4] - '0') * 10 + (text[5] - '0');
    if (hours > 23 || minutes > 59) throw Refusal{"the offset must be from -23:59 to +23:59"};
    return (text[0] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
}

// `-2h`, `-1h30`: a duration before now.
std::int64_t relative(std::string_view duration, const TimeContext& context) {
    try {
        return context.now - parse_duration(duration);
    } catch (const Error&) {
        throw Refusal{"after '-' comes a duration before now, such as -2h, -15m or -1h30"};
    }
}

// The time part after a day: a time of day, with an offset when the day is an explicit date.
std::int64_t day_at_time(const CivilDate& day, bool explicit_date, std::string_view time,
                         std::string_view text, const TimeContext& context) {
    if (const auto clock = grammar::match_clock(time)) {
        return from_local(at(day, *clock), context.zone, text);
    }
    const std::size_t sign = time.find_first_of("+-z");
    if (sign != std::string_view::npos && sign > 0) {
        const auto clock = grammar::match_clock(time.substr(0, sign));
        const auto offset = match_offset(time.substr(sign));
        if (clock && offset) {
            if (!explicit_date) {
                throw Refusal{"an offset needs a date, such as 2026-11-28T14:00+01:00"};
            }
            // An explicit offset names one instant: the zone's rules have no say.
            return local_seconds(at(day, *clock)) - *offset;
        }
    }
    throw Refusal{std::string(grammar::kTimeForms)};
}

std::int64_t time_of(std::string_view text, const TimeContext& context) {
    const std::string words = grammar::normalize(text);
    if (words.empty()) throw Refusal{"it is empty; " + std::string(grammar::kTimeForms)};
    if (words == "now") return context.now;
    if (words.front() == '-') return relative(std::string_view(words).substr(1), context);

    // `YYYY-MM-DDTHH:MM`: the ISO separator splits like a space.
    std::string_view day_word = words, time_word;
    if (const std::size_t space = words.find(' '); space != std::string::npos) {
        day_word = std::string_view(words).substr(0, space);
        time_word = std::string_view(words).substr(space + 1);
    } else if (words.size() > 11 && words[10] == 't' &&
               grammar::match_iso_date(words.substr(0, 10))) {
        day_word = std::string_view(words).substr(0, 10);
        time_word = std::string_view(words).substr(11);
    }
    if (time_word.empty()) {
        if (const auto clock = grammar::match_clock(words)) {
            return from_local(at(grammar::today(context), *clock), context.zone, text);
        }
    }
    const auto day = grammar::match_day(day_word, context);
    if (!day || time_word.find(' ') != std::string_view::npos) {
        throw Refusal{std::string(grammar::kTimeForms)};
    }
    if (time_word.empty()) return start_of_day(*day, context.zone);
    const bool explicit_date = grammar::match_iso_date(day_word).has_value();
    return day_at_time(*day, explicit_date, time_word, text, context);
}

}  // namespace

std::int64_t parse_time(std::string_view text, const TimeContext& context) {
    return grammar::refusing("time", text, [&] { return time_of(text, context); });
}

std::int64_t parse_time_on(std::string_view text, const CivilDate& day,
                           const TimeContext& context) {
    return grammar::refusing("time", text, [&] {
        const std::string words = grammar::normalize(text);
        const auto clock = grammar::match_clock(words);
        if (!clock) throw Refusal{std::string(grammar::kClockForms)};
        return from_local(at(day, *clock), context.zone, text);
    });
}

std::int64_t parse_time_near(std::string_view text, const CivilDate& day, const TimeContext& context) {
    return grammar::refusing("time", text, [&] {
        const std::string words = grammar::normalize(text);
        if (const auto clock = grammar::match_clock(words)) return from_local(at(day, *clock), context.zone, text);
        return time_of(text, context);
    });
}

bool is_time_of_day(std::string_view text) {
    try {
        return grammar::match_clock(grammar::normalize(text)).has_value();
    } catch (const Refusal&) {
        return true;  // the shape of one, out of range: parse_time_near names the fault
    }
}

CivilDate parse_date(std::string_view text, const TimeContext& context) {
    return grammar::refusing("date", text, [&] {
        const std::string words = grammar::normalize(text);
        const auto day = grammar::match_day(words, context);
        if (!day) throw Refusal{std::string(grammar::kDateForms)};
        return *day;
    });
}

}  // namespace slash::domain
