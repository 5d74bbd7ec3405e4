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
    explicit EntryImport(Database& db);
    EntryImport(const EntryImport&) = delete;
    EntryImport& operator=(const EntryImport&) = delete;
    ~EntryImport();

    /// The highest entry id so far (0 when empty). Taken before the import, it tells the
    /// entries this import added (ids above it) from those that were already there.
    [[nodiscard]] std::int64_t highest_id();
    [[nodiscard]] std::optional<std::int64_t> id_of_uid(const std::string& uid);
    /// The id of an entry sharing time with [start, end). A running entry counts as ending
    /// at max(now, its start + 1 s), as EntryStore::overlapping has it. Entries never
    /// overlap, so only the last entry starting before `end` can collide: one index seek.
    [[nodiscard]] std::optional<std::int64_t> overlapping(std::int64_t start, std::int64_t end, std::int64_t now);
    [[nodiscard]] bool timer_running();
    /// Inserts the entry (its uid, mission, times, note, tags, units, billable, created_at
    /// and updated_at) and returns its id.
    std::int64_t insert(const domain::Entry& entry);

private:
    struct Statements;
    Database& db_;
    std::unique_ptr<Statements> statements_;
};

}  // namespace slash::storage
