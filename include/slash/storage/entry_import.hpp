#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "slash/domain/billing.hpp"
#include "slash/domain/entry.hpp"

namespace slash::storage {

class Database;

/// The few statements `slash import` runs for every entry, prepared once: a million-entry
/// import would otherwise prepare three million statements. Expects the caller's write
/// transaction, which makes the whole import one all-or-nothing write.
///
/// The per-mission sums that triggers keep row by row (mission_totals, unbilled_work) are
/// kept here instead while the import runs: begin() drops the entries' insert triggers
/// inside the transaction, insert_if_new() adds each entry to its mission's sums in
/// memory, and finish() writes one row per mission and makes the triggers again from
/// their stored SQL. A trigger costs a view join, an upsert and a statement journal per
/// row (a million-row import: 42 s with them, 26 s without, same machine and load); a
/// rolled-back import brings them back with everything else, and `db check` recomputes
/// the sums from the entries.
///
/// An import that brings more entries than the table had (at least kBulkEntries) also
/// drops the two indexes it never reads, which every insert would update at a random
/// place, and finish() builds them again in one sorted pass.
class EntryImport {
public:
    /// Readies the connection for a bulk write: a 16 MiB page cache instead of 2. The uid
    /// index takes random inserts (uids are UUIDs), and every page the cache drops goes to
    /// the WAL and comes back (a million CSV rows: 15 s with 16 MiB, 13 s with 32 MiB but a
    /// peak of 48 MB; 16 MiB keeps it under 30 MB). Temporary files stay on disk, as SQLite
    /// has them by default: in memory, finish()'s index builds took the peak to 83 MB.
    static void prepare_connection(Database& db);

    explicit EntryImport(Database& db);
    EntryImport(const EntryImport&) = delete;
    EntryImport& operator=(const EntryImport&) = delete;
    ~EntryImport();

    static constexpr std::int64_t kBulkEntries = 50'000;

    /// Takes over the work of the entries' insert triggers until finish().
    void begin();
    /// Writes the sums of the missions that received entries and restores the triggers
    /// and indexes.
    void finish();

    /// The highest entry id so far (0 when empty). Taken before the import, it tells the
    /// entries this import added (ids above it) from those that were already there.
    [[nodiscard]] std::int64_t highest_id();
    [[nodiscard]] std::optional<std::int64_t> id_of_uid(const std::string& uid);

    struct Neighbour {
        std::int64_t id = 0;
        std::string uid;
    };
    /// The entry sharing time with [start, end), if any. A running entry counts as ending
    /// at max(now, its start + 1 s), as EntryStore::overlapping has it. Entries never
    /// overlap, so only the last entry starting before `end` can collide: one index seek.
    [[nodiscard]] std::optional<Neighbour> overlapping(std::int64_t start, std::int64_t end, std::int64_t now);
    [[nodiscard]] bool timer_running();
    /// When the entries end: the end of the entry that starts last (entries never overlap,
    /// so no other ends later), a running one at max(now, its start + 1 s); nullopt when
    /// there is none. Nothing starting from then on can overlap them.
    [[nodiscard]] std::optional<std::int64_t> latest_end(std::int64_t now);
    /// Inserts the entry (its uid, mission, times, note, tags, units, billable, created_at
    /// and updated_at) unless its uid is taken; returns the new id, or nullopt for a uid
    /// already there.
    std::optional<std::int64_t> insert_if_new(const domain::Entry& entry);

private:
    /// What the insert triggers would have added to one mission's rows.
    struct MissionSums {
        std::int64_t rounding_step = 0;  ///< as unbilled_entries has it: the client's, else the rule's
        domain::RoundingMode rounding_mode = domain::RoundingMode::Up;
        std::int64_t entries = 0;
        std::int64_t logged_seconds = 0;
        std::int64_t unbilled_entries = 0;
        std::int64_t unbilled_rounded_seconds = 0;
        std::int64_t unbilled_units_milli = 0;
    };
    MissionSums& sums_of(std::int64_t mission_id);
    void add_to_sums(const domain::Entry& entry);
    /// Drops `names` (triggers or indexes), remembering how to make each again.
    void suspend(const char* type, std::initializer_list<const char*> names);

    struct Statements;
    Database& db_;
    std::unique_ptr<Statements> statements_;
    /// The CREATE statements of the triggers and indexes dropped until finish().
    std::vector<std::string> suspended_;
    bool sums_kept_here_ = false;
    std::int64_t entries_before_ = 0;
    std::int64_t inserted_ = 0;
    std::unordered_map<std::int64_t, MissionSums> sums_;
};

}  // namespace slash::storage
