#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/invoice.hpp"
#include "slash/domain/time_grammar.hpp"
#include "slash/domain/urssaf_figures.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// One activity's line of the declaration, in EUR cents.
struct UrssafActivityFigures {
    domain::Activity activity = domain::Activity::Bnc;
    /// The default activity, or one with turnover in the period or the year to date: the
    /// table shows these rows only.
    bool in_use = false;
    /// Collected in the period, VAT excluded.
    std::int64_t turnover_minor = 0;
    /// The turnover rounded to the nearest euro (50 cents up), in cents: what the
    /// declaration asks for.
    std::int64_t declared_minor = 0;
    std::int64_t contributions_minor = 0;
    /// nullopt when not opted for ([urssaf] versement_liberatoire, cfp).
    std::optional<std::int64_t> versement_liberatoire_minor;
    std::optional<std::int64_t> cfp_minor;
    std::int64_t total_minor = 0;
    /// Collected from 1 January to the end of the period.
    std::int64_t year_to_date_minor = 0;
};

enum class ThresholdStatus { Ok, Warning, Crossed };

/// The year to date against one ceiling or VAT threshold.
struct UrssafThreshold {
    /// The config key naming the figure: ceiling_services, ceiling_sales, vat_services,
    /// vat_services_majore, vat_sales, vat_sales_majore.
    std::string name;
    /// "services" (BNC + BIC services) or "total" (every activity).
    std::string basis;
    std::int64_t year_to_date_minor = 0;
    std::int64_t limit_minor = 0;
    /// Tenths of a percent, rounded down.
    std::int64_t used_permille = 0;
    /// Warning from 80 %; Crossed once over the limit.
    ThresholdStatus status = ThresholdStatus::Ok;
    /// The date of the payment that took the year to date over the limit, YYYY-MM-DD.
    std::string crossed_on;
};

/// `slash urssaf [PERIOD]`: what to declare for a month or a quarter.
struct UrssafDeclaration {
    std::string period;  ///< "2026-03" or "2026-Q1"
    bool quarter = false;
    std::string from, to;  ///< YYYY-MM-DD, both included
    /// False for the current period: the figures are those collected so far.
    bool complete = true;
    /// The effective figures of the period's year (figures.year), and the built-in year they
    /// come from (the nearest one when the period's year has none).
    domain::UrssafFigures figures;
    int builtin_year = 0;
    /// The [urssaf] keys that replaced built-in figures ("urssaf.rate_bnc"), in config order.
    std::vector<std::string> overrides;
    /// The [urssaf] figure keys that are set but not used because [urssaf] rates_year is not
    /// set (0) or names an earlier year than the period's, in config order; and that year.
    std::vector<std::string> unused_overrides;
    int rates_year = 0;
    domain::Activity default_activity = domain::Activity::Bnc;
    bool versement_liberatoire = false;
    bool cfp = true;
    /// In kActivities order, all three.
    std::array<UrssafActivityFigures, domain::kActivityCount> activities{};
    /// The sums of the activities (versement libératoire and CFP: zero when not opted for).
    std::int64_t turnover_minor = 0;
    std::int64_t declared_minor = 0;
    std::int64_t contributions_minor = 0;
    std::int64_t versement_liberatoire_minor = 0;
    std::int64_t cfp_minor = 0;
    std::int64_t total_minor = 0;
    /// The VAT share of the payments of invoices with VAT, collected in the period: not
    /// turnover.
    std::int64_t vat_excluded_minor = 0;
    /// Year to date, from 1 January to `to`.
    std::int64_t year_to_date_services_minor = 0;
    std::int64_t year_to_date_total_minor = 0;
    /// Services thresholds when services are in use, total (sales) ones when sales are.
    std::vector<UrssafThreshold> thresholds;
    /// Payments in another currency without their EUR amount, from 1 January to `to`: left
    /// out of every figure.
    std::vector<domain::Payment> missing_eur;
};

/// The URSSAF view, read-only. Turnover is what was collected: payments by payment date,
/// in EUR (a payment in another currency by its --eur amount). A payment of an invoice is
/// split between activities in proportion to the net of the invoice's lines (each line's
/// mission's activity, else [urssaf] activity), its VAT share left out; a receipt without
/// invoice counts for its own activity, else [urssaf] activity.
class UrssafService {
public:
    UrssafService(storage::Database& db, const config::Config& config, const domain::TimeContext& time)
        : db_(db), config_(config), time_(time) {}

    /// PERIOD: a month (YYYY-MM, month, lastmonth, or the range of one) or a quarter
    /// (YYYY-Qn, or its range); default the last complete month or quarter per [urssaf]
    /// periodicity. Usage for another period or one that has not begun; Config for an
    /// [urssaf] figure that cannot be used.
    [[nodiscard]] UrssafDeclaration declaration(const std::optional<std::string>& period);

private:
    storage::Database& db_;
    const config::Config& config_;
    domain::TimeContext time_;
};

}  // namespace slash::services
