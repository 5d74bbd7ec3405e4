#include "urssaf_view.hpp"

#include <fmt/format.h>

#include <ostream>

#include "slash/domain/money.hpp"
#include "values.hpp"

namespace slash::cli {

namespace {

using render::Value;
using services::ThresholdStatus;
using services::UrssafActivityFigures;
using services::UrssafDeclaration;
using services::UrssafThreshold;

constexpr const char* kTotal = "TOTAL";

Value eur(std::int64_t minor) { return money_value(minor, "EUR"); }
Value optional_eur(const std::optional<std::int64_t>& minor) { return minor ? eur(*minor) : Value(); }
std::string rate_text(std::int64_t rate) { return domain::format_rate(rate); }
std::string percent_text(std::int64_t permille) { return fmt::format("{}.{}", permille / 10, permille % 10); }

const char* status_name(ThresholdStatus status) {
    switch (status) {
        case ThresholdStatus::Ok: return "ok";
        case ThresholdStatus::Warning: return "warning";
        case ThresholdStatus::Crossed: return "crossed";
    }
    return "";
}

// The activity's figures; with `period` first for the flat formats, whose rows stand alone.
render::Record activity_record(const UrssafDeclaration& d, const UrssafActivityFigures& a, bool period) {
    const auto& rates = d.figures.of(a.activity);
    render::Record record;
    if (period) record.emplace_back("period", d.period);
    record.emplace_back("activity", std::string(domain::activity_name(a.activity)));
    record.emplace_back("turnover", eur(a.turnover_minor));
    record.emplace_back("declared", eur(a.declared_minor));
    record.emplace_back("contribution_rate", rate_text(rates.contribution));
    record.emplace_back("contributions", eur(a.contributions_minor));
    record.emplace_back("versement_liberatoire_rate",
                        d.versement_liberatoire ? Value(rate_text(rates.versement_liberatoire)) : Value());
    record.emplace_back("versement_liberatoire", optional_eur(a.versement_liberatoire_minor));
    record.emplace_back("cfp_rate", d.cfp ? Value(rate_text(rates.cfp)) : Value());
    record.emplace_back("cfp", optional_eur(a.cfp_minor));
    record.emplace_back("total", eur(a.total_minor));
    record.emplace_back("year_to_date", eur(a.year_to_date_minor));
    return record;
}

render::Record threshold_record(const UrssafThreshold& t) {
    return {
        {"threshold", t.name},
        {"basis", t.basis},
        {"year_to_date", eur(t.year_to_date_minor)},
        {"limit", eur(t.limit_minor)},
        {"used_percent", percent_text(t.used_permille)},
        {"status", status_name(t.status)},
        {"crossed_on", optional_text(t.crossed_on)},
    };
}

std::string threshold_label(const std::string& name) {
    if (name.starts_with("ceiling")) return "micro-entreprise ceiling";
    if (name.ends_with("majore")) return "VAT franchise, majoré";
    return "VAT franchise";
}

std::string threshold_state(const UrssafThreshold& t) {
    switch (t.status) {
        case ThresholdStatus::Ok: return "ok";
        case ThresholdStatus::Warning: return "80% reached";
        case ThresholdStatus::Crossed: return "crossed on " + t.crossed_on;
    }
    return "";
}

render::Schema activity_schema(bool for_table, const UrssafDeclaration& d) {
    render::Schema schema;
    UrssafDeclaration prototype;
    prototype.versement_liberatoire = true;
    prototype.cfp = true;
    prototype.activities[0].versement_liberatoire_minor = 0;
    prototype.activities[0].cfp_minor = 0;
    schema.fields = render::flat_field_names(activity_record(prototype, prototype.activities[0], true));
    schema.id_field = "activity";
    if (!for_table) return schema;
    schema.columns = {{"activity", "ACTIVITY"},
                      {"turnover", "TURNOVER", true},
                      {"declared", "DECLARED", true},
                      {"contribution_rate", "RATE %", true},
                      {"contributions", "CONTRIBUTIONS", true}};
    if (d.versement_liberatoire) {
        schema.columns.push_back({"versement_liberatoire_rate", "VL %", true});
        schema.columns.push_back({"versement_liberatoire", "VL", true});
    }
    if (d.cfp) {
        schema.columns.push_back({"cfp_rate", "CFP %", true});
        schema.columns.push_back({"cfp", "CFP", true});
    }
    schema.columns.push_back({"total", "TO PAY", true});
    return schema;
}

render::Schema threshold_schema() {
    render::Schema schema;
    schema.fields = render::flat_field_names(threshold_record({}));
    schema.columns = {{"label", "THRESHOLD"},        {"basis", "BASIS"},     {"year_to_date", "YEAR TO DATE", true},
                      {"limit", "LIMIT", true},      {"used", "USED", true}, {"state", "STATUS"}};
    schema.id_field = "threshold";
    return schema;
}

std::string figures_text(const UrssafDeclaration& d) {
    std::string text = fmt::format("rates and thresholds of {}", d.builtin_year);
    if (d.builtin_year != d.figures.year) text += fmt::format(" (none built in for {})", d.figures.year);
    if (!d.overrides.empty()) {
        std::string keys;
        for (const auto& key : d.overrides) keys += (keys.empty() ? "" : ", ") + key.substr(key.find('.') + 1);
        text += fmt::format(", overridden by [urssaf] for {}: {}", d.figures.year, keys);
    }
    return text;
}

// `text` as one word for sh: in single quotes unless it is plain.
std::string shell_word(const std::string& text) {
    if (!text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                                "._-/:@+,") == std::string::npos) {
        return text;
    }
    std::string word = "'";
    for (char c : text) word += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return word + "'";
}

// The command that records `p` again with its EUR amount: the same payment otherwise (its
// method, activity and note), so that following it changes nothing but the EUR.
std::string record_again(const domain::Payment& p) {
    const std::string amount = domain::format_amount(p.amount_minor, domain::currency_minor_digits(p.currency));
    std::string command =
        p.invoice_id ? fmt::format("slash invoice pay {} --amount {} --on {}", p.invoice_number, amount, p.paid_on)
                     : fmt::format("slash payment add --client {} --amount {} --on {}", p.client_handle, amount,
                                   p.paid_on);
    // The default method of each command: transfer for an invoice, platform for a receipt.
    const auto usual = p.invoice_id ? domain::PaymentMethod::Transfer : domain::PaymentMethod::Platform;
    if (p.method != usual) command += " --method " + shell_word(std::string(domain::to_text(p.method)));
    if (!p.invoice_id && p.activity) command += " --activity " + *p.activity;
    if (!p.note.empty()) command += " --note " + shell_word(p.note);
    return command + " --eur AMOUNT";
}

std::string missing_eur_text(const domain::Payment& p) {
    const std::string again = record_again(p);
    return fmt::format("payment {} of {} from {} on {}{} has no EUR amount and is left out; record it again with "
                       "it: slash payment rm {}, then {}",
                       p.id, domain::format_money(p.amount_minor, p.currency), p.client_handle, p.paid_on,
                       p.invoice_id ? fmt::format(" (invoice {})", p.invoice_number) : std::string(), p.id, again);
}

// The statement of one basis's thresholds: the gravest only (the majoré threshold crossed
// says more than the base one).
void threshold_warnings(const UrssafDeclaration& d, const std::string& basis, std::vector<std::string>& lines) {
    const UrssafThreshold* ceiling = nullptr;
    const UrssafThreshold* vat = nullptr;
    const UrssafThreshold* majore = nullptr;
    for (const auto& t : d.thresholds) {
        if (t.basis != basis) continue;
        if (t.name.starts_with("ceiling")) {
            ceiling = &t;
        } else if (t.name.ends_with("majore")) {
            majore = &t;
        } else {
            vat = &t;
        }
    }
    const int year = d.figures.year;
    auto subject = [&](const UrssafThreshold& t) {
        return fmt::format("the {} turnover of {} to {}, {},", basis, year, d.to,
                           domain::format_money(t.year_to_date_minor, "EUR"));
    };
    if (ceiling && ceiling->status == ThresholdStatus::Crossed) {
        lines.push_back(fmt::format("{} is over the micro-entreprise ceiling of {} since {}: the regime is kept for "
                                    "{}; over it again in {}, it ends on 1 January {} (CGI art. 50-0 and 102 ter)",
                                    subject(*ceiling), domain::format_money(ceiling->limit_minor, "EUR"),
                                    ceiling->crossed_on, year, year + 1, year + 2));
    } else if (ceiling && ceiling->status == ThresholdStatus::Warning) {
        lines.push_back(fmt::format("{} is {}% of the micro-entreprise ceiling of {}", subject(*ceiling),
                                    percent_text(ceiling->used_permille),
                                    domain::format_money(ceiling->limit_minor, "EUR")));
    }
    if (majore && majore->status == ThresholdStatus::Crossed) {
        lines.push_back(fmt::format("{} is over the VAT franchise threshold majoré of {} since {}: VAT is due on what "
                                    "you invoice from that day (CGI art. 293 B); set [tax] regime = \"standard\"",
                                    subject(*majore), domain::format_money(majore->limit_minor, "EUR"),
                                    majore->crossed_on));
    } else if (vat && vat->status == ThresholdStatus::Crossed) {
        lines.push_back(fmt::format("{} is over the VAT franchise threshold of {} since {}: the franchise ends on "
                                    "1 January {}, invoice VAT from then (CGI art. 293 B)",
                                    subject(*vat), domain::format_money(vat->limit_minor, "EUR"), vat->crossed_on,
                                    year + 1));
    } else if (vat && vat->status == ThresholdStatus::Warning) {
        lines.push_back(fmt::format("{} is {}% of the VAT franchise threshold of {}", subject(*vat),
                                    percent_text(vat->used_permille), domain::format_money(vat->limit_minor, "EUR")));
    }
}

}  // namespace

render::Record urssaf_record(const UrssafDeclaration& d) {
    Value::Array activities;
    for (const auto& a : d.activities) activities.push_back(Value::object(activity_record(d, a, false)));
    Value::Array thresholds;
    for (const auto& t : d.thresholds) thresholds.push_back(Value::object(threshold_record(t)));
    Value::Array missing;
    for (const auto& p : d.missing_eur) {
        missing.push_back(Value::object({{"id", p.id},
                                         {"date", p.paid_on},
                                         {"client", p.client_handle},
                                         {"invoice", optional_text(p.invoice_number)},
                                         {"amount", money_value(p.amount_minor, p.currency)}}));
    }
    Value::Array overrides;
    for (const auto& key : d.overrides) overrides.emplace_back(key);
    return {
        {"period", d.period},
        {"from", d.from},
        {"to", d.to},
        {"complete", d.complete},
        {"figures", Value::object({{"year", std::int64_t{d.figures.year}},
                                   {"builtin_year", std::int64_t{d.builtin_year}},
                                   {"overrides", Value::array(overrides)}})},
        {"default_activity", std::string(domain::activity_name(d.default_activity))},
        {"activities", Value::array(activities)},
        {"turnover", eur(d.turnover_minor)},
        {"declared", eur(d.declared_minor)},
        {"contributions", eur(d.contributions_minor)},
        {"versement_liberatoire", d.versement_liberatoire ? eur(d.versement_liberatoire_minor) : Value()},
        {"cfp", d.cfp ? eur(d.cfp_minor) : Value()},
        {"total", eur(d.total_minor)},
        {"vat_excluded", eur(d.vat_excluded_minor)},
        {"year_to_date",
         Value::object({{"from", d.from.substr(0, 4) + "-01-01"},
                        {"to", d.to},
                        {"services", eur(d.year_to_date_services_minor)},
                        {"total", eur(d.year_to_date_total_minor)}})},
        {"thresholds", Value::array(thresholds)},
        {"missing_eur", Value::array(missing)},
    };
}

render::ListView urssaf_activity_rows(const UrssafDeclaration& d) {
    render::ListView view{activity_schema(false, d), {}};
    for (const auto& a : d.activities) view.rows.push_back(activity_record(d, a, true));
    return view;
}

void write_urssaf(std::ostream& out, const UrssafDeclaration& d, const render::OutputOptions& options) {
    if (options.format == render::Format::Json) {
        render::write_record(out, render::Schema{}, urssaf_record(d), options);
        return;
    }
    if (options.format != render::Format::Auto) {
        render::write_list(out, urssaf_activity_rows(d), options);
        return;
    }
    if (options.terminal) {
        out << fmt::format("URSSAF {} ({} to {}): {}\n", d.period, d.from, d.to, figures_text(d));
    }
    render::ListView activities{activity_schema(true, d), {}};
    for (const auto& a : d.activities) {
        if (a.in_use) activities.rows.push_back(activity_record(d, a, false));
    }
    activities.rows.push_back({{"activity", kTotal},
                               {"turnover", eur(d.turnover_minor)},
                               {"declared", eur(d.declared_minor)},
                               {"contributions", eur(d.contributions_minor)},
                               {"versement_liberatoire", eur(d.versement_liberatoire_minor)},
                               {"cfp", eur(d.cfp_minor)},
                               {"total", eur(d.total_minor)}});
    render::write_list(out, activities, options);
    if (d.thresholds.empty()) return;
    if (options.terminal) out << '\n';
    render::ListView thresholds{threshold_schema(), {}};
    for (const auto& t : d.thresholds) {
        render::Record row = threshold_record(t);
        row.emplace_back("label", threshold_label(t.name));
        row.emplace_back("used", percent_text(t.used_permille) + "%");
        row.emplace_back("state", threshold_state(t));
        thresholds.rows.push_back(std::move(row));
    }
    render::write_list(out, thresholds, options);
}

std::vector<std::string> urssaf_warnings(const UrssafDeclaration& d) {
    std::vector<std::string> lines;
    if (d.builtin_year != d.figures.year && d.overrides.empty()) {
        lines.push_back(fmt::format("no built-in URSSAF figures for {}: using those of {}; set [urssaf] rates_year = "
                                    "{} and the figures that differ (see slash-config(5))",
                                    d.figures.year, d.builtin_year, d.figures.year));
    } else if (d.builtin_year != d.figures.year) {
        lines.push_back(fmt::format("no built-in URSSAF figures for {}: using those of {} with the [urssaf] figures "
                                    "set for {}",
                                    d.figures.year, d.builtin_year, d.figures.year));
    }
    if (!d.unused_overrides.empty()) {
        std::string keys;
        for (const auto& key : d.unused_overrides) keys += (keys.empty() ? "" : ", ") + key.substr(key.find('.') + 1);
        const bool plural = d.unused_overrides.size() > 1;
        const int year = d.figures.year;
        if (d.rates_year == 0) {
            lines.push_back(fmt::format("[urssaf] {} {} set but not used: {} to the year [urssaf] rates_year names, "
                                        "and it is not set; set rates_year = {} to use {} for {}",
                                        keys, plural ? "are" : "is", plural ? "they apply" : "it applies", year,
                                        plural ? "them" : "it", year));
        } else {
            lines.push_back(fmt::format("[urssaf] {} {} set for {} (rates_year), not for {}: the built-in {} {} "
                                        "used; set rates_year = {} if {} still {}",
                                        keys, plural ? "are" : "is", d.rates_year, year, plural ? "figures" : "figure",
                                        plural ? "are" : "is", year, plural ? "they" : "it",
                                        plural ? "apply" : "applies"));
        }
    }
    if (!d.complete) {
        lines.push_back(fmt::format("{} is not over (it ends on {}): these are the figures collected so far", d.period,
                                    d.to));
    }
    for (const auto& p : d.missing_eur) lines.push_back(missing_eur_text(p));
    threshold_warnings(d, "services", lines);
    threshold_warnings(d, "total", lines);
    return lines;
}

}  // namespace slash::cli
