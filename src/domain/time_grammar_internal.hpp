#pragma once

// Pieces shared by the files of the time grammar (time_grammar*.cpp); not a public header.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "slash/domain/calendar.hpp"
#include "slash/domain/time_grammar.hpp"

namespace slash::domain::grammar {

/// Why a value is refused, thrown inside the grammar and turned into an Error(Usage) that
/// names the whole value by `refusing` at the public entry point, so inner parsers need not
/// know what the user typed as a whole.
struct Refusal {
    std::string reason;
};

/// A time of day; hour 24 only where a range end allows it.
struct Clock {
    int hour = 0, minute = 0, second = 0;
};

/// ASCII lower case, blanks trimmed and inner runs of blanks made one space.
[[nodiscard]] std::string normalize(std::string_view text);

/// `HH:MM`, `H:MM`, `HH:MM:SS`, `14h`, `9h30`. nullopt when `text` has another shape; throws
/// Refusal when it has this shape with an impossible value (25:00, 12:60). `24:00` and `24h`
/// pass only with `allow_24`.
[[nodiscard]] std::optional<Clock> match_clock(std::string_view text, bool allow_24 = false);

/// `YYYY-MM-DD`: nullopt for another shape, Refusal for a date that does not exist.
[[nodiscard]] std::optional<CivilDate> match_iso_date(std::string_view text);

/// A DATE word: `YYYY-MM-DD`, `today`, `yesterday`, a weekday name (the most recent such day, today included).
[[nodiscard]] std::optional<CivilDate> match_day(std::string_view text, const TimeContext& context);

/// Today's local date.
[[nodiscard]] CivilDate today(const TimeContext& context);

/// Throws Error(Usage) `invalid <what> "<text>": <reason>`.
[[noreturn]] void refuse(std::string_view what, std::string_view text, std::string_view reason);

/// Runs `parse`, turning a Refusal into the Error(Usage) of `refuse`.
template <class Parse>
auto refusing(std::string_view what, std::string_view text, Parse parse) -> decltype(parse()) {
    try {
        return parse();
    } catch (const Refusal& refusal) {
        refuse(what, text, refusal.reason);
    }
}

/// The forms of each grammar, for hints.
inline constexpr std::string_view kTimeForms =
    "use now, 14:00, 9h30, 14h, yesterday 14:00, mon 9:00, -2h, 2026-11-28 or 2026-11-28T14:00";
inline constexpr std::string_view kClockForms = "use a time of day such as 9:00, 14h or 9h30";
inline constexpr std::string_view kDateForms =
    "use YYYY-MM-DD, today, yesterday or a weekday name such as mon";

}  // namespace slash::domain::grammar
