#include "slash/domain/urssaf_figures.hpp"

#include <algorithm>
#include <numeric>

#include "slash/domain/error.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/wide.hpp"

namespace slash::domain {

namespace {

constexpr std::int64_t kPercentScale = 1000;           // thousandths of a percent
constexpr std::int64_t kRateScale = 100 * kPercentScale;  // a rate of 100 % is 100000

constexpr std::int64_t euros(std::int64_t amount) { return amount * 100; }

// Thousandths of a percent: rate(24, 6) is 24.6 %.
constexpr std::int64_t rate(std::int64_t whole, std::int64_t tenths = 0) {
    return whole * kPercentScale + tenths * 100;
}

// Rates of every year so far, per activity.
//
// Versement libératoire of income tax, CGI art. 151-0: 1 % of sales, 1.7 % of BIC services,
// 2.2 % of BNC.
//
// CFP, contribution à la formation professionnelle (code du travail, art. L6331-48, as
// URSSAF collects it with the micro-social contributions): 0.1 % for commerçants (sales and
// BIC services), 0.2 % for professions libérales (BNC). Artisans pay 0.3 %: there is no
// config key for it yet, so an artisan's CFP here is understated.
//
// Contributions, code de la sécurité sociale art. D613-4 (micro-social rates):
// - sales (BIC, ventes de marchandises): 12.3 %, unchanged in 2025 and 2026;
// - BIC services (prestations de services commerciales ou artisanales): 21.2 %, unchanged;
// - BNC, professions libérales non réglementées affiliated to the SSI: 24.6 % from
//   1 January 2025 (décret n° 2024-484 du 30 mai 2024), 25.6 % from 1 January 2026 (décret
//   n° 2025-943 du 8 septembre 2025). Professions affiliated to the CIPAV pay 23.2 %, and
//   ACRE beneficiaries a reduced rate: both set [urssaf] rate_bnc (with rates_year).
constexpr ActivityRates kBnc2025{rate(24, 6), rate(2, 2), rate(0, 2)};
constexpr ActivityRates kBnc2026{rate(25, 6), rate(2, 2), rate(0, 2)};
constexpr ActivityRates kBicServices{rate(21, 2), rate(1, 7), rate(0, 1)};
constexpr ActivityRates kBicSales{rate(12, 3), rate(1), rate(0, 1)};

// VAT franchise thresholds, CGI art. 293 B as in force from 1 January 2025 (loi n°
// 2023-1322 du 29 décembre 2023, art. 82): 85 000 € of total turnover (majoré 93 500 €) and
// 37 500 € of services (majoré 41 250 €), the same in 2025 and 2026 (the single 25 000 €
// threshold of the loi de finances pour 2025, art. 32, never came into force).
//
// Micro-entreprise ceilings, CGI art. 50-0 (BIC) and 102 ter (BNC), revalued every three
// years: 188 700 € (sales) and 77 700 € (services, BIC and BNC) for 2023–2025; 203 100 € and
// 83 600 € for 2026–2028 (revaluation announced by URSSAF in February 2026).
constexpr UrssafFigures kBuiltin[] = {
    {2025,
     {kBnc2025, kBicServices, kBicSales},
     euros(77'700),
     euros(188'700),
     euros(37'500),
     euros(41'250),
     euros(85'000),
     euros(93'500)},
    {2026,
     {kBnc2026, kBicServices, kBicSales},
     euros(83'600),
     euros(203'100),
     euros(37'500),
     euros(41'250),
     euros(85'000),
     euros(93'500)},
};

}  // namespace

std::string_view activity_name(Activity activity) {
    switch (activity) {
        case Activity::Bnc: return "bnc";
        case Activity::BicServices: return "bic-services";
        case Activity::BicSales: return "bic-sales";
    }
    return "";
}

std::optional<Activity> find_activity(std::string_view name) {
    for (Activity activity : kActivities) {
        if (activity_name(activity) == name) return activity;
    }
    return std::nullopt;
}

Activity parse_activity(std::string_view name, std::string_view flag) {
    if (auto activity = find_activity(name)) return *activity;
    throw Error(ErrorKind::Usage,
                "invalid " + std::string(flag) + " " + quoted(name) + ": use bnc, bic-services or bic-sales");
}

std::span<const UrssafFigures> builtin_urssaf_figures() { return kBuiltin; }

const UrssafFigures& builtin_urssaf_figures_for(int year) {
    auto all = builtin_urssaf_figures();
    if (year <= all.front().year) return all.front();
    const UrssafFigures* best = &all.front();
    for (const auto& figures : all) {
        if (figures.year <= year) best = &figures;
    }
    return *best;
}

std::int64_t apply_rate(std::int64_t minor, std::int64_t rate_milli) {
    return narrow(divide_half_away(static_cast<Wide>(minor) * rate_milli, kRateScale));
}

std::string format_rate(std::int64_t rate_milli) {
    std::string text = format_amount(rate_milli, 3);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

std::int64_t parse_rate(std::string_view text, std::string_view what) {
    std::int64_t value = 0;
    try {
        value = parse_amount(text, 3);
    } catch (const Error&) {
        value = -1;
    }
    if (value < 0 || value > kRateScale) {
        throw Error(ErrorKind::Usage, "invalid " + std::string(what) + " " + quoted(text) +
                                          ": use a percentage from 0 to 100 with at most three decimals, such as "
                                          "\"24.6\"");
    }
    return value;
}

std::vector<std::int64_t> allocate_largest_remainder(std::int64_t total, std::span<const std::int64_t> weights) {
    Wide sum = 0;
    for (std::int64_t w : weights) sum += w;
    std::vector<std::int64_t> parts(weights.size(), 0);
    if (sum <= 0) return parts;
    std::vector<Wide> remainders(weights.size(), 0);
    Wide given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        Wide product = static_cast<Wide>(total) * weights[i];
        // Floor division, for a negative total as well.
        Wide quotient = product / sum;
        Wide remainder = product % sum;
        if (remainder < 0) {
            --quotient;
            remainder += sum;
        }
        parts[i] = narrow(quotient);
        remainders[i] = remainder;
        given += quotient;
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    auto left = static_cast<std::size_t>(narrow(static_cast<Wide>(total) - given));
    for (std::size_t k = 0; k < left && k < order.size(); ++k) ++parts[order[k]];
    return parts;
}

std::int64_t used_permille(std::int64_t amount, std::int64_t limit) {
    if (limit <= 0) return 0;
    return narrow(divide_floor(static_cast<Wide>(amount) * 1000, limit));
}

}  // namespace slash::domain
