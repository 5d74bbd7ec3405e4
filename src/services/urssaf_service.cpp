#include "slash/services/urssaf_service.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/domain/wide.hpp"
#include "slash/storage/mission_store.hpp"
#include "slash/storage/payment_store.hpp"

namespace slash::services {

namespace {

using domain::Activity;
using domain::CivilDate;


// Sums of cents: exact, and a failure rather than a wrapped figure on overflow.
void add_to(std::int64_t& sum, std::int64_t value) {
    if (__builtin_add_overflow(sum, value, &sum)) {
        throw Error(ErrorKind::Failure,
                    "the EUR figures of the period are too large to add up; check the amounts of its payments");
    }
}

CivilDate last_day_of(int year, int month) {
    auto next = month == 12 ? CivilDate{year + 1, 1, 1} : CivilDate{year, month + 1, 1};
    return domain::civil_from_days(domain::days_from_civil(next) - 1);
}

struct PeriodChoice {
    CivilDate first, last;
    bool quarter = false;
};

PeriodChoice month_of(int year, int month) { return {{year, month, 1}, last_day_of(year, month), false}; }

PeriodChoice quarter_of(int year, int quarter) {
    const int first_month = 3 * (quarter - 1) + 1;
    return {{year, first_month, 1}, last_day_of(year, first_month + 2), true};
}

// The last complete month or quarter before `today`.
PeriodChoice default_period(const CivilDate& today, const std::string& periodicity) {
    if (periodicity == "monthly") {
        return today.month == 1 ? month_of(today.year - 1, 12) : month_of(today.year, today.month - 1);
    }
    const int quarter = (today.month - 1) / 3 + 1;
    return quarter == 1 ? quarter_of(today.year - 1, 4) : quarter_of(today.year, quarter - 1);
}

PeriodChoice chosen_period(const std::string& text, const domain::TimeContext& time) {
    const domain::Period period = domain::parse_period(text, time);
    const CivilDate& first = period.first_day;
    if (first.day == 1 && period.last_day == last_day_of(first.year, first.month)) {
        return month_of(first.year, first.month);
    }
    if (first.day == 1 && (first.month - 1) % 3 == 0 && first.month + 2 <= 12 &&
        period.last_day == last_day_of(first.year, first.month + 2)) {
        return quarter_of(first.year, (first.month - 1) / 3 + 1);
    }
    throw Error(ErrorKind::Usage,
                fmt::format("invalid period {}: slash urssaf declares a month (YYYY-MM, month, lastmonth) or a "
                            "quarter (YYYY-Qn)",
                            domain::quoted(text)));
}

std::string period_label(const PeriodChoice& p) {
    return p.quarter ? fmt::format("{:04}-Q{}", p.first.year, (p.first.month - 1) / 3 + 1)
                     : fmt::format("{:04}-{:02}", p.first.year, p.first.month);
}

// The config's figure replaces the built-in one, for the configured year only.
void apply_overrides(const config::UrssafConfig& c, domain::UrssafFigures& figures,
                     std::vector<std::string>& applied) {
    auto rate = [&](const std::string& text, const char* key, std::int64_t& target) {
        if (text.empty()) return;
        const std::string name = fmt::format("urssaf.{}", key);
        try {
            target = domain::parse_rate(text, name);
        } catch (const Error& e) {
            throw Error(ErrorKind::Config, e.what());
        }
        applied.push_back(name);
    };
    auto euros = [&](const std::string& text, const char* key, std::int64_t& target) {
        if (text.empty()) return;
        const std::string name = fmt::format("urssaf.{}", key);
        std::int64_t value = -1;
        try {
            value = domain::parse_amount(text, 2);
        } catch (const Error&) {
        }
        if (value <= 0) {
            throw Error(ErrorKind::Config, fmt::format("invalid {} {}: use an amount in euros such as \"77700\"",
                                                       name, domain::quoted(text)));
        }
        target = value;
        applied.push_back(name);
    };
    rate(c.rate_bnc, "rate_bnc", figures.of(Activity::Bnc).contribution);
    rate(c.rate_bic_services, "rate_bic_services", figures.of(Activity::BicServices).contribution);
    rate(c.rate_bic_sales, "rate_bic_sales", figures.of(Activity::BicSales).contribution);
    euros(c.ceiling_services, "ceiling_services", figures.ceiling_services);
    euros(c.ceiling_sales, "ceiling_sales", figures.ceiling_sales);
    euros(c.vat_threshold_services, "vat_threshold_services", figures.vat_services);
    euros(c.vat_threshold_services_majore, "vat_threshold_services_majore", figures.vat_services_majore);
    euros(c.vat_threshold_sales, "vat_threshold_sales", figures.vat_sales);
    euros(c.vat_threshold_sales_majore, "vat_threshold_sales_majore", figures.vat_sales_majore);
}

// The [urssaf] figure keys given a value, in config order.
std::vector<std::string> set_overrides(const config::UrssafConfig& c) {
    const std::pair<const std::string*, const char*> keys[] = {
        {&c.rate_bnc, "rate_bnc"},
        {&c.rate_bic_services, "rate_bic_services"},
        {&c.rate_bic_sales, "rate_bic_sales"},
        {&c.ceiling_services, "ceiling_services"},
        {&c.ceiling_sales, "ceiling_sales"},
        {&c.vat_threshold_services, "vat_threshold_services"},
        {&c.vat_threshold_services_majore, "vat_threshold_services_majore"},
        {&c.vat_threshold_sales, "vat_threshold_sales"},
        {&c.vat_threshold_sales_majore, "vat_threshold_sales_majore"},
    };
    std::vector<std::string> set;
    for (const auto& [value, key] : keys) {
        if (!value->empty()) set.push_back(fmt::format("urssaf.{}", key));
    }
    return set;
}

Activity stored_activity(const std::optional<std::string>& name, Activity fallback) {
    if (!name) return fallback;
    return domain::find_activity(*name).value_or(fallback);
}

// One payment's euros by activity, and the VAT it carried.
struct Split {
    std::array<std::int64_t, domain::kActivityCount> parts{};
    std::int64_t vat = 0;
};

Split split_payment(const domain::Payment& payment, std::int64_t eur, const storage::PaidInvoiceActivities* invoice,
                    Activity fallback) {
    Split split;
    const auto fallback_index = domain::index_of(fallback);
    if (!payment.invoice_id || !invoice) {
        split.parts[domain::index_of(stored_activity(payment.activity, fallback))] = eur;
        return split;
    }
    // The net of the lines of each activity, and of the whole invoice.
    std::array<std::int64_t, domain::kActivityCount> weights{};
    std::int64_t net = 0;
    for (const auto& line : invoice->lines) {
        Activity activity = line.has_mission ? stored_activity(line.activity, fallback) : fallback;
        add_to(weights[domain::index_of(activity)], line.net_minor);
        add_to(net, line.net_minor);
    }
    // First the VAT share of the payment (VAT / total of the invoice), which is no turnover;
    // then the rest by activity. An activity whose lines add up to less than zero (a
    // discount larger than its work) gets nothing of it.
    std::int64_t turnover = eur;
    if (net > 0 && invoice->gross_minor > net) {
        const std::array<std::int64_t, 2> shares{net, invoice->gross_minor - net};
        auto parts = domain::allocate_largest_remainder(eur, shares);
        turnover = parts[0];
        split.vat = parts[1];
    }
    bool any = false;
    for (auto& weight : weights) {
        if (weight < 0) weight = 0;
        any = any || weight > 0;
    }
    if (!any) {
        split.parts[fallback_index] = turnover;
        return split;
    }
    auto parts = domain::allocate_largest_remainder(turnover, weights);
    for (std::size_t i = 0; i < domain::kActivityCount; ++i) split.parts[i] = parts[i];
    return split;
}

// Half away from zero to the euro.
std::int64_t to_euro(std::int64_t minor) { return domain::divide_rounded(minor, 100) * 100; }

struct ThresholdSpec {
    const char* name;
    bool services;  ///< basis: services, else the total
    std::int64_t limit;
};

}  // namespace

UrssafDeclaration UrssafService::declaration(const std::optional<std::string>& text) {
    const auto& settings = config_.urssaf;
    const CivilDate today = domain::local_date(time_.now, time_.zone);
    const PeriodChoice period = text ? chosen_period(*text, time_) : default_period(today, settings.periodicity);
    if (domain::days_from_civil(period.first) > domain::days_from_civil(today)) {
        throw Error(ErrorKind::Usage,
                    fmt::format("invalid period {}: it has not begun (today is {}); slash urssaf declares money "
                                "already collected",
                                domain::quoted(text ? *text : period_label(period)), domain::format_date(today)));
    }
    auto default_activity = domain::find_activity(settings.activity);
    if (!default_activity) {
        throw Error(ErrorKind::Config, fmt::format("invalid urssaf.activity {}: use bnc, bic-services or bic-sales",
                                                   domain::quoted(settings.activity)));
    }

    UrssafDeclaration d;
    d.period = period_label(period);
    d.quarter = period.quarter;
    d.from = domain::format_date(period.first);
    d.to = domain::format_date(period.last);
    d.complete = domain::days_from_civil(period.last) < domain::days_from_civil(today);
    const int year = period.first.year;
    d.figures = domain::builtin_urssaf_figures_for(year);
    d.builtin_year = d.figures.year;
    d.figures.year = year;
    d.rates_year = static_cast<int>(settings.rates_year);
    if (settings.rates_year == year) {
        apply_overrides(settings, d.figures, d.overrides);
    } else if (settings.rates_year < year) {
        // Figures for no year, or for a past one: not used, which the output says (a later
        // year's figures say nothing of the declarations of earlier years).
        d.unused_overrides = set_overrides(settings);
    }
    d.default_activity = *default_activity;
    d.versement_liberatoire = settings.versement_liberatoire;
    d.cfp = settings.cfp;

    // Two queries: the payments of the year to date, and the lines of the invoices they pay.
    const std::string year_from = domain::format_date({year, 1, 1});
    storage::PaymentFilter filter;
    filter.from = year_from;
    filter.to = d.to;
    const auto payments = storage::PaymentStore(db_).list(filter);
    std::unordered_map<std::int64_t, storage::PaidInvoiceActivities> invoices;
    for (auto& invoice : storage::MissionStore(db_).paid_invoice_activities(year_from, d.to)) {
        const auto id = invoice.invoice_id;
        invoices.emplace(id, std::move(invoice));
    }

    const std::vector<ThresholdSpec> specs = {
        {"ceiling_services", true, d.figures.ceiling_services},
        {"vat_services", true, d.figures.vat_services},
        {"vat_services_majore", true, d.figures.vat_services_majore},
        {"ceiling_sales", false, d.figures.ceiling_sales},
        {"vat_sales", false, d.figures.vat_sales},
        {"vat_sales_majore", false, d.figures.vat_sales_majore},
    };
    std::vector<std::string> crossed_on(specs.size());
    std::int64_t services = 0, total = 0;
    for (const auto& payment : payments) {
        auto eur = payment.eur();
        if (!eur) {
            d.missing_eur.push_back(payment);
            continue;
        }
        const storage::PaidInvoiceActivities* invoice = nullptr;
        if (payment.invoice_id) {
            if (auto found = invoices.find(*payment.invoice_id); found != invoices.end()) invoice = &found->second;
        }
        const Split split = split_payment(payment, *eur, invoice, d.default_activity);
        const bool in_period = payment.paid_on >= d.from;
        for (Activity activity : domain::kActivities) {
            const std::int64_t part = split.parts[domain::index_of(activity)];
            auto& figures = d.activities[domain::index_of(activity)];
            add_to(figures.year_to_date_minor, part);
            if (in_period) add_to(figures.turnover_minor, part);
            if (domain::is_services(activity)) add_to(services, part);
            add_to(total, part);
        }
        if (in_period) add_to(d.vat_excluded_minor, split.vat);
        for (std::size_t i = 0; i < specs.size(); ++i) {
            const std::int64_t basis = specs[i].services ? services : total;
            if (crossed_on[i].empty() && basis > specs[i].limit) crossed_on[i] = payment.paid_on;
        }
    }
    d.year_to_date_services_minor = services;
    d.year_to_date_total_minor = total;

    bool services_in_use = false, sales_in_use = false;
    for (Activity activity : domain::kActivities) {
        auto& a = d.activities[domain::index_of(activity)];
        const auto& rates = d.figures.of(activity);
        a.activity = activity;
        a.in_use = activity == d.default_activity || a.turnover_minor != 0 || a.year_to_date_minor != 0;
        (domain::is_services(activity) ? services_in_use : sales_in_use) |= a.in_use;
        a.declared_minor = to_euro(a.turnover_minor);
        a.contributions_minor = domain::apply_rate(a.turnover_minor, rates.contribution);
        a.total_minor = a.contributions_minor;
        if (d.versement_liberatoire) {
            a.versement_liberatoire_minor = domain::apply_rate(a.turnover_minor, rates.versement_liberatoire);
            add_to(a.total_minor, *a.versement_liberatoire_minor);
            add_to(d.versement_liberatoire_minor, *a.versement_liberatoire_minor);
        }
        if (d.cfp) {
            a.cfp_minor = domain::apply_rate(a.turnover_minor, rates.cfp);
            add_to(a.total_minor, *a.cfp_minor);
            add_to(d.cfp_minor, *a.cfp_minor);
        }
        add_to(d.turnover_minor, a.turnover_minor);
        add_to(d.declared_minor, a.declared_minor);
        add_to(d.contributions_minor, a.contributions_minor);
        add_to(d.total_minor, a.total_minor);
    }

    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (!(specs[i].services ? services_in_use : sales_in_use)) continue;
        UrssafThreshold& t = d.thresholds.emplace_back();
        t.name = specs[i].name;
        t.basis = specs[i].services ? "services" : "total";
        t.year_to_date_minor = specs[i].services ? services : total;
        t.limit_minor = specs[i].limit;
        t.used_permille = domain::used_permille(t.year_to_date_minor, t.limit_minor);
        if (t.year_to_date_minor > t.limit_minor) {
            t.status = ThresholdStatus::Crossed;
            t.crossed_on = crossed_on[i];
        } else if (t.used_permille >= 800) {
            t.status = ThresholdStatus::Warning;
        }
    }
    return d;
}

}  // namespace slash::services
