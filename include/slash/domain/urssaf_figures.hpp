#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// The figures of a French micro-entrepreneur's URSSAF declaration, as data per year: the
/// contribution rates, the versement libératoire of income tax, the CFP, the
/// micro-entreprise ceilings and the VAT franchise thresholds (docs/contract.md §2, issue 6).
/// Rates are thousandths of a percent (24.6 % is 24600), amounts euro cents: no floating
/// point touches them.
namespace slash::domain {

/// The three kinds of activity a micro-entrepreneur declares, in declaration order.
enum class Activity { Bnc = 0, BicServices = 1, BicSales = 2 };

inline constexpr std::size_t kActivityCount = 3;
inline constexpr std::array<Activity, kActivityCount> kActivities = {Activity::Bnc, Activity::BicServices,
                                                                     Activity::BicSales};

/// "bnc", "bic-services", "bic-sales": the names of config, database and command line.
[[nodiscard]] std::string_view activity_name(Activity activity);
[[nodiscard]] std::optional<Activity> find_activity(std::string_view name);
/// The activity named by `flag` (such as "--activity"); Error(Usage) otherwise:
/// `invalid --activity "bic": use bnc, bic-services or bic-sales`.
[[nodiscard]] Activity parse_activity(std::string_view name, std::string_view flag);
/// BNC and BIC services count against the services ceiling and VAT thresholds.
[[nodiscard]] constexpr bool is_services(Activity activity) { return activity != Activity::BicSales; }
[[nodiscard]] constexpr std::size_t index_of(Activity activity) { return static_cast<std::size_t>(activity); }

/// What each activity pays, in thousandths of a percent of the turnover collected.
struct ActivityRates {
    std::int64_t contribution = 0;           ///< micro-social contributions
    std::int64_t versement_liberatoire = 0;  ///< income tax paid with them, when opted for
    std::int64_t cfp = 0;                    ///< contribution à la formation professionnelle
    friend bool operator==(const ActivityRates&, const ActivityRates&) = default;
};

/// The figures of one calendar year.
struct UrssafFigures {
    int year = 0;
    /// By activity, in kActivities order.
    std::array<ActivityRates, kActivityCount> rates{};
    /// Micro-entreprise ceilings of annual turnover, cents: services (BNC and BIC services)
    /// and sales (the whole turnover of an activity that sells goods).
    std::int64_t ceiling_services = 0;
    std::int64_t ceiling_sales = 0;
    /// VAT franchise thresholds, cents: base (crossed: VAT from 1 January next year) and
    /// majoré (crossed: VAT from the day it is crossed), services and sales (the whole turnover).
    std::int64_t vat_services = 0;
    std::int64_t vat_services_majore = 0;
    std::int64_t vat_sales = 0;
    std::int64_t vat_sales_majore = 0;
    friend bool operator==(const UrssafFigures&, const UrssafFigures&) = default;

    [[nodiscard]] const ActivityRates& of(Activity activity) const { return rates[index_of(activity)]; }
    [[nodiscard]] ActivityRates& of(Activity activity) { return rates[index_of(activity)]; }
};

/// The built-in years, oldest first (2025 and 2026).
[[nodiscard]] std::span<const UrssafFigures> builtin_urssaf_figures();

/// The built-in figures for `year`: its own when built in, else those of the nearest
/// built-in year (the latest for a year after them, the earliest for a year before).
[[nodiscard]] const UrssafFigures& builtin_urssaf_figures_for(int year);

/// `minor` × `rate` (thousandths of a percent), rounded to the cent half away from zero.
[[nodiscard]] std::int64_t apply_rate(std::int64_t minor, std::int64_t rate);

/// A rate in thousandths of a percent as the config writes it: 24600 is "24.6", 100 is
/// "0.1", 25000 is "25".
[[nodiscard]] std::string format_rate(std::int64_t rate);

/// A percentage from the config ("24.6", at most three decimals) in thousandths of a
/// percent. Error(Usage) naming `what` and the value otherwise.
[[nodiscard]] std::int64_t parse_rate(std::string_view text, std::string_view what);

/// Splits `total` in parts proportional to `weights` (none negative, at least one
/// positive) that add up to exactly `total`: each part is rounded down, then the cents
/// left go one each to the largest remainders, the first weight winning a tie (largest
/// remainder, or Hamilton's method).
[[nodiscard]] std::vector<std::int64_t> allocate_largest_remainder(std::int64_t total,
                                                                   std::span<const std::int64_t> weights);

/// How much of `limit` `amount` uses, in tenths of a percent rounded down (0 for a limit
/// of 0): 30 100.00 of 37 500.00 is 802 (80.2 %).
[[nodiscard]] std::int64_t used_permille(std::int64_t amount, std::int64_t limit);

}  // namespace slash::domain
