#include "slash/domain/time_grammar.hpp"

#include <string>

#include "slash/domain/quote.hpp"
#include "time_grammar_internal.hpp"

namespace slash::domain {
namespace {

using grammar::Refusal;

constexpr std::string_view kRangeForms = "use START-END such as 9:00-12:30 or 14h-18h";

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// A side of a range starts like a time of day: an hour of one or two digits, then only what
// times of day are written with (`extra` adds characters allowed after the hour).
bool time_like(std::string_view side, std::string_view extra = "") {
    const std::size_t end_of_hour = side.find_first_not_of("0123456789");
    const std::size_t hour_digits =
        end_of_hour == std::string_view::npos ? side.size() : end_of_hour;
    if (hour_digits == 0 || hour_digits > 2) return false;
    return side.find_first_not_of("0123456789:hH" + std::string(extra)) == std::string_view::npos;
}

// One side of the range, on `day`; `24:00` at the end is the next midnight.
std::int64_t side_instant(std::string_view side, bool is_end, const CivilDate& day,
                          const TimeContext& context) {
    const std::string words = grammar::normalize(side);
    const auto clock = grammar::match_clock(words, is_end);
    if (!clock) {
        const std::string which = is_end ? "end" : "start";
        if (words.empty()) throw Refusal{"it has no " + which + "; " + std::string(kRangeForms)};
        throw Refusal{"the " + which + " " + quoted(trim(side)) + " is not a time of day; " +
                      std::string(kRangeForms)};
    }
    if (clock->hour == 24) return start_of_day(add_days(day, 1), context.zone);
    return from_local({day, clock->hour, clock->minute, clock->second}, context.zone, trim(side));
}

}  // namespace

bool looks_like_range(std::string_view text) {
    const std::size_t dash = text.find('-');
    if (dash == std::string_view::npos || dash == 0) return false;
    const std::string_view left = trim(text.substr(0, dash));
    // More dashes on the right still make a (malformed) range, which parse_range explains.
    const std::string_view right = trim(text.substr(dash + 1));
    if (!time_like(left) || !time_like(right, "- ")) return false;
    return left.find_first_of(":hH") != std::string_view::npos ||
           right.find_first_of(":hH") != std::string_view::npos;
}

TimeRange parse_range(std::string_view text, const CivilDate& day, const TimeContext& context) {
    return grammar::refusing("range", text, [&] {
        const std::size_t dash = text.find('-');
        if (dash == std::string_view::npos || text.find('-', dash + 1) != std::string_view::npos) {
            throw Refusal{std::string(kRangeForms)};
        }
        const TimeRange range{side_instant(text.substr(0, dash), false, day, context),
                              side_instant(text.substr(dash + 1), true, day, context)};
        if (range.end < range.start) {
            throw Refusal{
                "it ends before it starts; a range crossing midnight needs dates: log it as two "
                "entries or use --on"};
        }
        if (range.end == range.start)
            throw Refusal{"it ends when it starts; a range needs a length"};
        return range;
    });
}

}  // namespace slash::domain
