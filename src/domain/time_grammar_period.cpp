#include "slash/domain/time_grammar.hpp"

#include <optional>
#include <stdexcept>
#include <string>

#include "slash/domain/suggest.hpp"
#include "time_grammar_internal.hpp"

namespace slash::domain {
namespace {

using grammar::Refusal;

constexpr std::string_view kPeriodForms =
    "use today, yesterday, week, lastweek, month, lastmonth, year, lastyear, a date, YYYY, "
    "YYYY-MM, YYYY-Qn, YYYY-Www or FROM..TO";

Period days(const CivilDate& first, const CivilDate& last, const TimeContext& context) {
    return {start_of_day(first, context.zone), start_of_day(add_days(last, 1), context.zone), first,
            last};
}

Period months(int year, int first_month, int count, const TimeContext& context) {
    const CivilDate first{year, first_month, 1};
    const int end_month = first_month - 1 + count;  // months after January of `year`
    const CivilDate after{year + end_month / 12, end_month % 12 + 1, 1};
    return days(first, add_days(after, -1), context);
}

Period week_from(const CivilDate& first, const TimeContext& context) {
    return days(first, add_days(first, 6), context);
}

// The first day of the week holding `day`, weeks starting on context.week_start.
CivilDate week_start(const CivilDate& day, const TimeContext& context) {
    if (context.week_start < 0 || context.week_start > 6) {
        throw std::invalid_argument("week_start out of 0..6: " +
                                    std::to_string(context.week_start));
    }
    return add_days(day, -((weekday(day) - context.week_start + 7) % 7));
}

std::optional<int> number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// `YYYY`, `YYYY-MM`, `YYYY-Qn`, `YYYY-Www`; nullopt for another shape.
std::optional<Period> calendar_span(std::string_view text, const TimeContext& context) {
    const auto year = text.size() >= 4 ? number(text.substr(0, 4)) : std::nullopt;
    if (!year) return std::nullopt;
    if (text.size() == 4) return months(*year, 1, 12, context);
    if (text[4] != '-') return std::nullopt;
    const std::string_view rest = text.substr(5);
    if (const auto month = rest.size() == 2 ? number(rest) : std::nullopt) {
        if (*month < 1 || *month > 12) throw Refusal{"the month must be from 01 to 12"};
        return months(*year, *month, 1, context);
    }
    if (const auto quarter =
            rest.size() == 2 && rest[0] == 'q' ? number(rest.substr(1)) : std::nullopt) {
        if (*quarter < 1 || *quarter > 4) throw Refusal{"quarters go from Q1 to Q4"};
        return months(*year, 3 * *quarter - 2, 3, context);
    }
    if (const auto week =
            rest.size() == 3 && rest[0] == 'w' ? number(rest.substr(1)) : std::nullopt) {
        const int weeks = iso_weeks_in_year(*year);
        if (*week < 1 || *week > weeks) {
            throw Refusal{std::to_string(*year) + " has " + std::to_string(weeks) +
                          " ISO weeks (W01 to W" + std::to_string(weeks) + ")"};
        }
        return week_from(monday_of({*year, *week}), context);
    }
    return std::nullopt;
}

std::string_view trim(std::string_view text) {
    while (text.starts_with(' ')) text.remove_prefix(1);
    while (text.ends_with(' ')) text.remove_suffix(1);
    return text;
}

// `FROM..TO`, both days included; spaces around the dots are allowed.
Period between(std::string_view from_text, std::string_view to_text, const TimeContext& context) {
    from_text = trim(from_text);
    to_text = trim(to_text);
    const auto first = grammar::match_day(from_text, context);
    const auto last = grammar::match_day(to_text, context);
    if (!first || !last) {
        throw Refusal{
            "FROM and TO of FROM..TO must be dates, such as 2026-11-10..2026-11-17, "
            "mon..today"};
    }
    if (days_from_civil(*first) > days_from_civil(*last)) {
        throw Refusal{"it starts after it ends (" + format_date(*first) + " is after " +
                      format_date(*last) + "); write the earlier date first"};
    }
    return days(*first, *last, context);
}

Period period_of(std::string_view text, const TimeContext& context) {
    const std::string words = grammar::normalize(text);
    if (words.empty()) throw Refusal{"it is empty; " + std::string(kPeriodForms)};
    const CivilDate today = grammar::today(context);
    if (words == "week") return week_from(week_start(today, context), context);
    if (words == "lastweek") return week_from(add_days(week_start(today, context), -7), context);
    if (words == "month") return months(today.year, today.month, 1, context);
    if (words == "lastmonth") {
        return today.month == 1 ? months(today.year - 1, 12, 1, context)
                                : months(today.year, today.month - 1, 1, context);
    }
    if (words == "year") return months(today.year, 1, 12, context);
    if (words == "lastyear") return months(today.year - 1, 1, 12, context);
    if (const std::size_t dots = words.find(".."); dots != std::string::npos) {
        return between(std::string_view(words).substr(0, dots),
                       std::string_view(words).substr(dots + 2), context);
    }
    if (const auto day = grammar::match_day(words, context)) return days(*day, *day, context);
    if (const auto span = calendar_span(words, context)) return *span;
    // A typo of a period word ("lastmonht") gets its did-you-mean, as commands do.
    const std::vector<std::string> named = {"today", "yesterday", "week",     "lastweek",
                                            "month", "lastmonth", "year",     "lastyear"};
    if (words.find_first_of("0123456789") == std::string::npos) {
        if (const auto near = closest_match(words, named)) {
            throw Refusal{"did you mean \"" + *near + "\"? " + std::string(kPeriodForms)};
        }
    }
    throw Refusal{std::string(kPeriodForms)};
}

}  // namespace

Period parse_period(std::string_view text, const TimeContext& context) {
    return grammar::refusing("period", text, [&] { return period_of(text, context); });
}

}  // namespace slash::domain
