#pragma once

// Services-internal: what the e-invoicing use cases share (dates of the CDAR, the 212).

#include <cstdint>
#include <string>
#include <string_view>

#include "slash/domain/time_zone.hpp"

namespace slash::services::einvoicing_detail {

/// CDAR format 204 "YYYYMMDDHHMMSS" (local time, as the XP Z12-014 examples write it) of an
/// instant, and back; nullopt for anything else. A bare date (format 102) is its midnight.
[[nodiscard]] std::string cdar_time(std::int64_t utc, const domain::TimeZone& zone);
[[nodiscard]] std::optional<std::int64_t> cdar_instant(std::string_view text, const domain::TimeZone& zone);

/// The platform's ISO 8601 time as UTC seconds, else `fallback`.
[[nodiscard]] std::int64_t platform_instant(const std::string& text, std::int64_t fallback);

}  // namespace slash::services::einvoicing_detail
