#pragma once

// Services-internal: the zone rules of one TZif file (RFC 8536), read by
// services::load_time_zone. Reading the one file a zone needs is what the C library does;
// Howard Hinnant's date library, used before, listed the whole zoneinfo tree first (some
// 650 system calls, 1.4 ms of every command).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "posix_tz_rule.hpp"
#include "slash/domain/time_zone.hpp"

namespace slash::services {

/// A zone read from a TZif file: its transitions (the 64-bit data of versions 2 to 4, the
/// 32-bit data of version 1), the first time type before the first transition, and the
/// footer's rule from the last one on. Leap-second records, the standard/wall and UT/local
/// indicators and the abbreviations are not needed and not kept.
class TzifZone final : public domain::TimeZone {
  public:
    /// nullptr unless `bytes` is a whole, well-formed TZif file: magic, counts that fit the
    /// bytes, transitions in increasing order, type indices in range, offsets within
    /// kMaxZoneOffset, a valid footer. Never reads outside `bytes`.
    [[nodiscard]] static std::unique_ptr<TzifZone> parse(std::string_view bytes, std::string name);
    /// The zone of a POSIX TZ string alone (TZ=CET-1CEST,M3.5.0,M10.5.0/3): a TZif file with
    /// no transition and that rule as its footer, which is how the C library reads one.
    [[nodiscard]] static std::unique_ptr<TzifZone> from_rule(const PosixTzRule& rule, std::string name);

    [[nodiscard]] std::int64_t offset_at(std::int64_t utc) const override;
    [[nodiscard]] std::vector<std::int64_t> instants_of(
        const domain::LocalDateTime& local) const override;
    [[nodiscard]] std::string name() const override;

  private:
    TzifZone() = default;

    std::vector<std::int64_t> transitions_;   // Unix seconds, increasing
    std::vector<std::int64_t> offset_after_;  // the offset from each transition on
    std::int64_t initial_offset_ = 0;         // time type 0, before the first transition
    std::optional<PosixTzRule> footer_;       // from the last transition on, if any
    std::vector<OffsetChange> footer_table_;  // footer_ until 2100, when it has daylight time
    std::string name_;
};

}  // namespace slash::services
