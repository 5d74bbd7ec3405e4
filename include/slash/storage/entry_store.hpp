#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/entry.hpp"

namespace slash::storage {

class Database;

/// Which entries a listing wants: those starting in [from, to), optionally narrowed.
struct EntryFilter {
    std::int64_t from = 0;
    std::int64_t to = 0;
    std::optional<std::int64_t> client_id;
    std::optional<std::int64_t> mission_id;
    std::optional<std::string> tag;
    /// Unbilled work (slash-report(1) BILLED AND UNBILLED): billable entries no invoice
    /// holds, draft or issued, outside a fixed-price mission whose price is on an invoice.
    bool unbilled_only = false;
    /// Billable entries no invoice holds yet, fixed-price ones included: what a new draft
    /// takes (a covered fixed-price entry with no line of its own).
    bool unreserved_only = false;
};

/// Time entries. Every query is an index range on start_at (or mission_id, start_at), so
/// that status, today and week stay fast on a million entries.
class EntryStore {
public:
    explicit EntryStore(Database& db) : db_(db) {}

    [[nodiscard]] std::optional<domain::Entry> find(std::int64_t id);
    /// Throws NotFound: `unknown entry "42"; see "slash entry list"`.
    [[nodiscard]] domain::Entry get(std::int64_t id);
    [[nodiscard]] std::optional<domain::Entry> running();
    /// The entry with the latest start.
    [[nodiscard]] std::optional<domain::Entry> latest();
    /// The `limit` entries with the latest starts, newest first.
    [[nodiscard]] std::vector<domain::Entry> latest_entries(std::size_t limit);
    /// An entry (other than `except`) sharing time with [start, end); `end` nullopt means
    /// open-ended (a timer). A running entry counts as ending at `now`. Because entries
    /// never overlap, only the last entry starting before `end` can collide: one seek.
    [[nodiscard]] std::optional<domain::Entry> overlapping(std::int64_t start, std::optional<std::int64_t> end,
                                                           std::optional<std::int64_t> except, std::int64_t now);
    /// The latest end of the finished entries that start in [from, to), if any.
    [[nodiscard]] std::optional<std::int64_t> last_end_between(std::int64_t from, std::int64_t to);

    [[nodiscard]] std::vector<domain::Entry> list(const EntryFilter& filter);
    /// The same entries, one at a time, in constant memory (export of any history size).
    void each(const EntryFilter& filter, const std::function<void(const domain::Entry&)>& visit);
    /// The entries an invoice (or a draft) bills, by start: through the entries_by_invoice index.
    [[nodiscard]] std::vector<domain::Entry> billed_by(std::int64_t invoice_id);
    /// Entries sharing time with [from, to), for day and week views that clip them.
    [[nodiscard]] std::vector<domain::Entry> touching(std::int64_t from, std::int64_t to);

    std::int64_t insert(const domain::Entry& entry);
    void update(const domain::Entry& entry);
    void remove(std::int64_t id);

private:
    Database& db_;
};

}  // namespace slash::storage
