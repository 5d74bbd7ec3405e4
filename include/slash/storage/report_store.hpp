#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace slash::storage {

class Database;

/// What `slash report` needs of a mission beyond its own fields.
struct MissionFacts {
    /// Seconds of every finished entry of the mission, all time (kept by mission_totals).
    std::int64_t logged_seconds = 0;
    /// An invoice, draft or issued (not cancelled), has a line for the mission: for a
    /// fixed-price mission, its price is billed, and with it all its work.
    bool on_invoice = false;
};

/// One entry as the report reads it: only the columns it aggregates.
struct ReportEntry {
    std::int64_t mission_id = 0;
    std::int64_t start = 0;
    std::optional<std::int64_t> end;
    std::int64_t units_milli = 0;  ///< 0 when none
    bool billable = true;
    std::optional<std::int64_t> invoice_id;
    /// Stored form " a b " (empty without tags); only filled when asked for, and valid
    /// during the visit only.
    std::string_view tags;
};

/// Read-only queries of `slash report`: a few small reads and one pass over the entries of
/// the period, through the entries_by_start index.
class ReportStore {
public:
    explicit ReportStore(Database& db) : db_(db) {}

    /// By mission id, every mission's facts (missions without entries have zero seconds).
    [[nodiscard]] std::unordered_map<std::int64_t, MissionFacts> mission_facts();
    /// Calls `visit` for every entry starting in [from, to) (of the client's missions when
    /// `client_id` is given), by start; `with_tags` reads the tags column too.
    void scan_entries(std::int64_t from, std::int64_t to, std::optional<std::int64_t> client_id, bool with_tags,
                      const std::function<void(const ReportEntry&)>& visit);

private:
    Database& db_;
};

}  // namespace slash::storage
