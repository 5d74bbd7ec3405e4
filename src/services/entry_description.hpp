#pragma once

// Services-internal: how a refusal names an entry already there (the one a new entry would
// overlap, the running timer), one wording for log, start and edit (time_service.cpp) and
// for import (import_service.cpp), so that the two cannot drift apart.

#include <string>

#include "slash/domain/entry.hpp"
#include "slash/domain/time_zone.hpp"

namespace slash::services {

/// "acme/website 2026-11-02 09:00-10:30": the mission, the local date and times, "now" for
/// the end of a running entry.
[[nodiscard]] std::string entry_span(const domain::Entry& entry, const domain::TimeZone& zone);

/// "entry 12 (acme/website 2026-11-02 09:00-10:30)": the entry's id, then its span.
[[nodiscard]] std::string describe_entry(const domain::Entry& entry, const domain::TimeZone& zone);

}  // namespace slash::services
