#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/domain/billing.hpp"
#include "slash/domain/mission.hpp"

namespace slash::storage {

class Database;

/// `client/mission` split into its two handles.
struct MissionAddress {
    std::string client;
    std::string mission;
};

/// Splits and checks an address as typed. Throws Error(Usage) for text without a '/'
/// (`invalid mission address "acme": use CLIENT/MISSION, such as acme/website`) and for a
/// part that is not a handle (the handle rule's message).
[[nodiscard]] MissionAddress parse_mission_address(std::string_view text);

/// Which missions a listing wants.
struct MissionFilter {
    std::optional<std::int64_t> client_id;
    std::optional<std::int64_t> mission_id;
    bool include_done = false;
    /// Missions of archived clients are hidden, as their clients are, unless asked for.
    bool include_archived_clients = false;
};

/// What the entries of one mission add up to.
struct MissionActivity {
    std::int64_t entries = 0;
    /// Every entry, billable or not; a running one counts up to `now`.
    std::int64_t logged_seconds = 0;
    /// Finished billable entries, each duration rounded by the billing rules.
    domain::BillableWork billable;
    /// A fixed-price mission whose price an invoice (draft or issued) already bills.
    bool fixed_price_billed = false;
    /// Of a fixed-price mission: the net its issued deposit invoices (not cancelled) billed.
    std::int64_t deposited_minor = 0;
};

/// A mission and its activity, read by one query.
struct MissionWithActivity {
    domain::Mission mission;
    MissionActivity activity;
};

/// One line of an invoice as the URSSAF split sees it: its net and its mission's activity.
struct InvoiceLineActivity {
    std::int64_t net_minor = 0;
    bool has_mission = false;
    /// The mission's activity; nullopt for a line without mission or a mission without one.
    std::optional<std::string> activity;
};

/// An invoice with a payment in a date range: its total and its lines, in position order.
struct PaidInvoiceActivities {
    std::int64_t invoice_id = 0;
    std::int64_t gross_minor = 0;
    std::vector<InvoiceLineActivity> lines;
};

/// Missions in the database, always read with their client's handle. Writes expect the
/// caller's transaction.
class MissionStore {
public:
    explicit MissionStore(Database& db) : db_(db) {}

    [[nodiscard]] std::optional<domain::Mission> find(std::int64_t client_id, std::string_view handle);
    /// The mission at a typed address. Throws Usage for a malformed address, NotFound
    /// naming the client when it does not exist (with the client's did-you-mean), and
    /// NotFound naming the address, with the closest existing address as a hint.
    [[nodiscard]] domain::Mission get(std::string_view address);
    /// Ordered by client handle, then mission handle.
    [[nodiscard]] std::vector<domain::Mission> list(const MissionFilter& filter);
    /// The same missions with their activity, read in one query from the sums triggers
    /// keep per mission (never one query per mission, never every entry). `now` ends a
    /// running entry; `rules` round each billable duration, unless the mission's client
    /// sets its own rounding step or mode. When `rules` differ from those the unbilled sums
    /// were made under, the sums are first recomputed and stored (one write transaction).
    [[nodiscard]] std::vector<MissionWithActivity> list_with_activity(const MissionFilter& filter, std::int64_t now,
                                                                      const domain::BillingRules& rules);
    /// Every `client/mission`, for did-you-mean hints.
    [[nodiscard]] std::vector<std::string> addresses();

    /// Inserts and returns the new id; a handle taken within the client throws Conflict.
    std::int64_t insert(const domain::Mission& mission);
    /// Replaces every field of the mission with this id (handle included).
    void update(const domain::Mission& mission);
    void remove(std::int64_t id);
    /// How many entries refer to the mission.
    [[nodiscard]] std::int64_t entry_count(std::int64_t id);
    /// How many invoices (drafts, issued or credit notes) have a line for the mission or are
    /// deposits on it.
    [[nodiscard]] std::int64_t invoice_count(std::int64_t id);
    /// The invoices with a payment dated FROM to TO (YYYY-MM-DD, both included), by id, with
    /// their lines and the activity of each line's mission: how `slash urssaf` splits a
    /// payment between activities, in one query.
    [[nodiscard]] std::vector<PaidInvoiceActivities> paid_invoice_activities(const std::string& from,
                                                                           const std::string& to);

private:
    Database& db_;
};

}  // namespace slash::storage
