#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/entry.hpp"
#include "slash/domain/time_grammar.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// `slash start`: TIME and tags as typed; parsed here with the time context.
struct StartRequest {
    std::string mission;
    std::string note;
    std::optional<std::string> at;
    std::vector<std::string> tags;
    bool allow_future = false;
};

struct StartResult {
    domain::Entry entry;                   ///< the running entry
    std::optional<domain::Entry> stopped;  ///< the timer it stopped, if any
    bool already_running = false;          ///< the same mission was already running: nothing done
    bool mission_paused = false;           ///< accepted on a paused mission: the caller warns
};

/// What `slash log` recorded.
struct LogResult {
    domain::Entry entry;
    bool mission_paused = false;  ///< accepted on a paused mission: the caller warns
};

/// `slash log`: WHEN is a DURATION or a range.
struct LogRequest {
    std::string mission;
    std::string when;
    std::string note;
    std::optional<std::string> on;
    std::optional<std::string> units;
    std::vector<std::string> tags;
    bool non_billable = false;
    bool allow_future = false;
};

/// `slash entry edit`: nullopt leaves a field as it is.
struct EntryChanges {
    std::optional<std::string> start;
    std::optional<std::string> end;
    std::optional<std::string> duration;
    std::optional<std::string> note;
    std::optional<std::vector<std::string>> tags;
    std::optional<std::string> units;
    std::optional<bool> billable;
    bool allow_future = false;
    [[nodiscard]] bool empty() const;
};

/// `slash entry list` filters, as typed.
struct EntryQuery {
    std::string period = "week";
    std::optional<std::string> client;
    std::optional<std::string> mission;
    std::optional<std::string> tag;
    bool unbilled = false;
};

/// Totals of `slash status`.
struct StatusView {
    std::optional<domain::Entry> running;
    std::int64_t today_seconds = 0;
    std::int64_t week_seconds = 0;
};

/// One mission's row of a day or a week: seconds per day, clipped to local midnights.
struct TimesheetRow {
    std::string mission;
    std::vector<std::int64_t> seconds;
    std::int64_t total = 0;
};

/// `slash today` / `slash week`: the days shown, the entries, and the grid.
struct Timesheet {
    std::vector<domain::CivilDate> days;
    /// Local midnights: day d is [bounds[d], bounds[d + 1]).
    std::vector<std::int64_t> bounds;
    std::vector<domain::Entry> entries;
    std::vector<TimesheetRow> rows;  ///< ordered by mission address
    std::vector<std::int64_t> day_totals;
    std::int64_t total = 0;
};

/// The time-tracking use cases. Every write validates first (grammar, 24 h limit, no
/// future unless allowed, no overlap, one timer, no new work on a done mission) and runs
/// in one write transaction.
class TimeService {
public:
    TimeService(storage::Database& db, const domain::TimeContext& context) : db_(db), context_(context) {}

    StartResult start(const StartRequest& request);
    domain::Entry stop(const std::optional<std::string>& at, const std::optional<std::string>& note,
                       const std::optional<std::string>& units, bool allow_future);
    domain::Entry cancel();
    /// `slash continue`: a new timer on the mission of `entry_id` (default: the latest
    /// entry), with its note and tags.
    StartResult resume(std::optional<std::int64_t> entry_id, const std::optional<std::string>& at, bool allow_future);
    /// A DURATION for today ends now, or, when that time is taken, packs back before the
    /// entries in the way (so that successive logs of today all land); for a past day it
    /// goes after that day's last entry, or at 09:00.
    LogResult log(const LogRequest& request);
    domain::Entry edit(std::int64_t id, const EntryChanges& changes);
    /// All or nothing: an unknown id removes none.
    void remove(const std::vector<std::int64_t>& ids);
    std::vector<domain::Entry> move(const std::vector<std::int64_t>& ids, const std::string& mission);

    [[nodiscard]] domain::Entry show(std::int64_t id);
    /// The entries of the query in order of start, one at a time (a year at 1M entries
    /// is listed in constant memory). The query is checked before the first visit.
    void each(const EntryQuery& query, const std::function<void(const domain::Entry&)>& visit);
    [[nodiscard]] StatusView status();
    [[nodiscard]] Timesheet day(const std::optional<std::string>& date);
    [[nodiscard]] Timesheet week(const std::optional<std::string>& date);

private:
    storage::Database& db_;
    const domain::TimeContext& context_;
};

/// A random RFC 4122 version 4 UUID, the stable `uid` of a new entry.
[[nodiscard]] std::string new_uid();

}  // namespace slash::services
