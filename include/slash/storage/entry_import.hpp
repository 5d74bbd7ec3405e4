#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "slash/domain/entry.hpp"

namespace slash::storage {

class Database;

/// The few statements `slash import` runs for every entry, prepared once: a million-entry
/// import would otherwise prepare three million statements. Expects the caller's write
/// transaction, which makes the whole import one all-or-nothing write.
class EntryImport {
public:
    /// Readies the connection for a bulk write; call before the transaction begins (SQLite
    /// decides where statement journals go when it begins). Every insert runs triggers
    /// that may abort, so SQLite journals the ~7 pages each one touches: in memory rather
    /// than in a temp file (which took 40 % of a million-entry import). And a 16 MiB page
    /// cache instead of 2: the uid index takes random inserts (uids are UUIDs), and every
    /// page the cache drops goes to the WAL and comes back (a million CSV rows: 31 s with
    /// both defaults, 19 s with the journal in memory, 15 s with 16 MiB, 13 s with 32 MiB
    /// but a peak of 48 MB; 16 MiB keeps it under 30 MB).
    static void prepare_connection(Database& db);

    explicit EntryImport(Database& db);
    EntryImport(const EntryImport&) = delete;
    EntryImport& operator=(const EntryImport&) = delete;
    ~EntryImport();

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
    struct Statements;
    Database& db_;
    std::unique_ptr<Statements> statements_;
};

}  // namespace slash::storage
