#include "slash/domain/local_words.hpp"

namespace slash::domain {

std::string format_day_short(const CivilDate& day, const CivilDate& today) {
    static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::string text = std::string(kDays[weekday(day)]) + " " + std::to_string(day.day) + " " +
                       kMonths[(day.month - 1) % 12];
    if (day.year != today.year) text += " " + std::to_string(day.year);
    return text;
}

std::string format_local_when(std::int64_t utc, const TimeZone& zone, std::int64_t now) {
    const CivilDate day = local_date(utc, zone);
    const CivilDate today = local_date(now, zone);
    const std::string time = format_local_hm(utc, zone);
    if (day == today) return time;
    if (add_days(day, 1) == today) return "yesterday " + time;
    return format_day_short(day, today) + " " + time;
}

}  // namespace slash::domain
