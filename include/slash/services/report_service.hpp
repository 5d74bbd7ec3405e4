#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/time_grammar.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// A grouping of `slash report --by`.
enum class ReportGroup { Client, Mission, Tag, Day, Week, Month };

/// "client", "mission", "tag", "day", "week", "month": the --by word and the JSON field.
[[nodiscard]] std::string_view group_name(ReportGroup group);

/// The label of the row of entries without tags in a report by tag.
inline constexpr std::string_view kNoTag = "(no tag)";

/// What a row (or a total) adds up to. Seconds are whole seconds; money is minor units of
/// the row's currency.
struct ReportFigures {
    /// Every entry as stored, a running one up to now.
    std::int64_t raw_seconds = 0;
    /// Finished billable entries of missions billed other than "none", each rounded by the
    /// [time] rounding of its client.
    std::int64_t billable_seconds = 0;
    /// The value of the work (see ReportService::report).
    std::int64_t amount_minor = 0;
    /// The part of `amount_minor` that an issued invoice bills.
    std::int64_t billed_minor = 0;

    [[nodiscard]] std::int64_t unbilled_minor() const { return amount_minor - billed_minor; }
    /// amount / raw hours, in minor units per hour, half away from zero; nullopt without
    /// raw time.
    [[nodiscard]] std::optional<std::int64_t> effective_rate_minor() const;
};

/// One row: a value per grouping (in --by order) and the currency of its amounts.
struct ReportRow {
    std::vector<std::string> keys;
    std::string currency;
    ReportFigures figures;
};

/// `slash report [PERIOD] [--by GROUP]... [--client C]`.
struct ReportQuery {
    std::optional<std::string> period;  ///< PERIOD; default "month" (this month)
    std::vector<std::string> by;        ///< default {"client"}
    std::optional<std::string> client;  ///< a client handle
};

struct Report {
    domain::Period period;
    std::vector<ReportGroup> groups;
    /// One row per combination of the groupings' values that has entries, split by
    /// currency; ordered by the keys in --by order (times in calendar order, "(no tag)"
    /// last), then currency.
    std::vector<ReportRow> rows;
    /// One total per currency of the rows, computed from the entries (an entry with two
    /// tags counts once); an empty report has one zero total in EUR.
    std::vector<ReportRow> totals;
};

/// `slash report`: time and money of the entries starting in a period, read-only.
class ReportService {
public:
    ReportService(storage::Database& db, const config::Config& config, const domain::TimeContext& time)
        : db_(db), config_(config), time_(time) {}

    /// Throws Usage for a bad PERIOD, an unknown --by word (naming the allowed ones) or
    /// one given twice, NotFound for an unknown client (with a did-you-mean).
    ///
    /// Valuation. Each mission's work in the period is valued as a whole, at its current
    /// rate: hourly, the rounded billable hours (to the thousandth) × rate; daily, the
    /// rounded billable hours counted in [time] day_step steps of hours_per_day; unit,
    /// the billable units × price; fixed, price × seconds logged in the period / D, where D
    /// is every second ever logged on the mission, or its estimate while the mission is
    /// not done and has logged less than that (every finished entry earns its share,
    /// billable or not: the price does not depend on them); none, nothing. That value is
    /// then shared among the entries (rounded billable seconds, units, or seconds for
    /// fixed) to the cent by largest remainders, so rows of any grouping add up exactly
    /// to the total. Billed: entries on an issued invoice; for a fixed mission, all of its
    /// share once an issued invoice bills its price. Entries are in the day, week and
    /// month (local time) they start in; a week is an ISO week ("2026-W48") when [time]
    /// week_start is monday, else labelled by its first day.
    [[nodiscard]] Report report(const ReportQuery& query);

private:
    storage::Database& db_;
    const config::Config& config_;
    domain::TimeContext time_;
};

}  // namespace slash::services
