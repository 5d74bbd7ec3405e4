#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/billing.hpp"
#include "slash/domain/mission.hpp"
#include "slash/domain/time_grammar.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// The mission fields a command line can give, as typed; nullopt means "not given" (on
/// `edit`: unchanged). An empty string clears an optional field.
struct MissionChanges {
    std::optional<std::string> handle;  ///< rename (edit only)
    std::optional<std::string> title;
    /// The billing mode and its rate or price: at most one of the five.
    std::optional<std::string> hourly;
    std::optional<std::string> daily;
    std::optional<std::string> unit;
    std::optional<std::string> fixed;
    bool none = false;
    std::optional<std::string> unit_name;
    std::optional<std::string> budget;  ///< a DURATION (40h) or an amount (2000)
    std::optional<std::string> estimate;
    std::optional<std::string> start_date;
    std::optional<std::string> due_date;
    std::optional<std::vector<std::string>> tags;
    std::optional<std::string> status;  ///< planned or active
    std::optional<std::string> vat_regime;  ///< empty: back to the client's, then [tax] regime
    std::optional<std::string> vat_rate;    ///< percent ("5.5"); empty: back to the client's, then [tax] vat_rate
    /// bnc, bic-services or bic-sales; empty or "default": back to [urssaf] activity.
    std::optional<std::string> activity;

    /// True when no field was given (an `edit` with nothing to do).
    [[nodiscard]] bool empty() const;
};

/// A mission with what its work adds up to, as `mission list`, `mission show` and
/// `missions` show it.
struct MissionReport {
    domain::Mission mission;
    /// Every entry, a running one up to now.
    std::int64_t logged_seconds = 0;
    /// nullopt without a budget (see domain::budget_used_percent).
    std::optional<std::int64_t> budget_used_percent;
    /// Billable work not invoiced yet, in minor units of the mission's currency; nullopt for
    /// a mission billed "none".
    std::optional<std::int64_t> unbilled_minor;
    /// Of a fixed-price mission: what its deposit invoices billed in advance (net); nullopt
    /// for other billing modes.
    std::optional<std::int64_t> deposited_minor;
    /// The due date is before today's local date and the mission is not done.
    bool overdue = false;
};

/// The status verbs: done (from any open status), pause (from active or planned), resume
/// (from paused or done, to active).
enum class MissionTransition { Done, Pause, Resume };

/// The `[time]` keys that value work, typed. Throws Error(Config) naming a key whose value
/// cannot be used.
[[nodiscard]] domain::BillingRules billing_rules(const config::Config& config);

/// Mission use cases: each validates every value before writing anything and runs in one
/// write transaction. Addresses are `client/mission` as typed.
class MissionService {
public:
    MissionService(storage::Database& db, const domain::TimeContext& time, const domain::BillingRules& rules)
        : db_(db), time_(time), rules_(rules) {}

    /// Creates the mission. Without a billing flag the client's default rate applies; a
    /// client without one is refused (Usage) with the flags to choose from.
    domain::Mission add(const std::string& address, const MissionChanges& changes);
    domain::Mission edit(const std::string& address, const MissionChanges& changes);
    /// A transition that would change nothing is a Failure naming the status.
    domain::Mission transition(const std::string& address, MissionTransition to);
    /// Refuses (Conflict) a mission with entries or on an invoice line, suggesting `slash
    /// mission done`; returns the removed mission.
    domain::Mission remove(const std::string& address);

    /// Open missions of one client (archived or not), or of every client that is not
    /// archived; `include_done` adds done missions and, without a client, those of archived
    /// clients. Ordered by address.
    [[nodiscard]] std::vector<MissionReport> list(const std::optional<std::string>& client, bool include_done);
    [[nodiscard]] MissionReport show(const std::string& address);

private:
    storage::Database& db_;
    domain::TimeContext time_;
    domain::BillingRules rules_;
};

}  // namespace slash::services
