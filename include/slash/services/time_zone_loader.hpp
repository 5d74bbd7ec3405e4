#pragma once

#include <memory>
#include <optional>
#include <string>

#include "slash/domain/time_zone.hpp"

namespace slash::services {

/// The zone a TZ value names, with the system's zoneinfo rules: "Europe/Paris",
/// ":Europe/Paris", a path into a zoneinfo directory (":/usr/share/zoneinfo/Europe/Paris"),
/// "UTC"; an empty value, ":", "UTC0" and "GMT0" mean UTC, as in POSIX. `nullopt` (TZ not
/// set) gives the system zone (/etc/localtime), or UTC when even that cannot be read. Throws
/// Error(Usage) for an unknown name and for POSIX rule strings such as "CET-1CEST", which
/// slash does not interpret: `unknown time zone "Mars/Base" in TZ; use a name such as
/// Europe/Paris`. Zones are read from `tzdir` (the TZDIR variable, as for the C library)
/// when set and not empty, else from /usr/share/zoneinfo: the one file of the zone, not
/// the whole tree.
[[nodiscard]] std::unique_ptr<domain::TimeZone> load_time_zone(
    const std::optional<std::string>& tz, const std::optional<std::string>& tzdir = std::nullopt);

}  // namespace slash::services
