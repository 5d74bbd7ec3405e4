#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace slash::domain {

/// Where an entry ends when overlaps are checked: its end, or for a running one now, but at
/// least one second after its start (a timer that starts now or later still holds its
/// first second). The one rule of log, start, edit and import, and of the stores' overlap
/// queries.
[[nodiscard]] inline std::int64_t occupied_until(std::int64_t start, std::optional<std::int64_t> end,
                                                 std::int64_t now) {
    return end.value_or(std::max(now, start + 1));
}

/// A span of time spent on a mission (docs/contract.md §1); no end while its timer runs.
struct Entry {
    std::int64_t id = 0;
    /// Stable across export and import, so that re-importing adds nothing.
    std::string uid;
    std::int64_t mission_id = 0;
    std::string mission_address;  ///< "client/mission", filled by reads
    std::int64_t start = 0;       ///< UTC seconds
    std::optional<std::int64_t> end;
    std::string note;
    std::vector<std::string> tags;
    /// Quantity in thousandths of a unit, for unit missions ("2.5" tasks = 2500).
    std::optional<std::int64_t> units_milli;
    bool billable = true;
    /// The invoice that bills this entry; a billed entry is read-only.
    std::optional<std::int64_t> invoice_id;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;

    [[nodiscard]] bool running() const { return !end.has_value(); }
    /// Seconds from start to end, or to `now` while running (never negative: a timer
    /// whose start is after now has lasted nothing yet).
    [[nodiscard]] std::int64_t duration(std::int64_t now) const {
        std::int64_t until = end ? *end : now;
        return until > start ? until - start : 0;
    }
};

}  // namespace slash::domain
