#include "entry_description.hpp"

#include <fmt/format.h>

namespace slash::services {

std::string entry_span(const domain::Entry& entry, const domain::TimeZone& zone) {
    const std::string end =
        entry.end ? domain::format_local_hm(*entry.end, zone) : std::string("now");
    return fmt::format("{} {} {}-{}", entry.mission_address,
                       domain::format_date(domain::local_date(entry.start, zone)),
                       domain::format_local_hm(entry.start, zone), end);
}

std::string describe_entry(const domain::Entry& entry, const domain::TimeZone& zone) {
    return fmt::format("entry {} ({})", entry.id, entry_span(entry, zone));
}

}  // namespace slash::services
