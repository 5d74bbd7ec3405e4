#include "invoice_internal.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/invoice_checks.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/place_of_supply.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/services/mission_service.hpp"
#include "slash/storage/mission_store.hpp"

namespace slash::services::invoicing {

VatChoice vat_for(const config::Config& config, const domain::Client& client, const domain::Mission* mission) {
    VatChoice choice;
    auto& decision = choice.decision;
    if (mission && mission->vat_regime) {
        decision.regime = *mission->vat_regime;
        decision.basis = domain::VatBasis::MissionOverride;
        decision.owner = client.handle + "/" + mission->handle;
    } else if (client.vat_regime) {
        decision.regime = *client.vat_regime;
        decision.basis = domain::VatBasis::ClientOverride;
        decision.owner = client.handle;
    } else {
        decision = domain::place_of_supply(config.tax.regime, config.seller.country, client.kind, client.country);
    }
    choice.regime = decision.regime;
    if (choice.regime == "standard") {
        std::int64_t rate = 0;
        if (mission && mission->vat_rate_milli) {
            rate = *mission->vat_rate_milli;
        } else if (client.vat_rate_milli) {
            rate = *client.vat_rate_milli;
        } else {
            try {
                rate = domain::parse_vat_rate(config.tax.vat_rate);
            } catch (const Error& e) {
                throw Error(ErrorKind::Config, fmt::format("tax.vat_rate: {}", e.what()));
            }
        }
        choice.tax = {"S", rate};
    } else if (choice.regime == "franchise") {
        choice.tax = {"E", 0};
    } else if (choice.regime == "reverse-charge") {
        choice.tax = {"AE", 0};
    } else if (choice.regime == "export") {
        // Written O in the CII when the seller has no VAT id (src/render/invoice_cii.cpp).
        choice.tax = {"G", 0};
    } else {
        throw Error(ErrorKind::Config, fmt::format("unknown VAT regime {}: use franchise, standard, reverse-charge "
                                                   "or export",
                                                   domain::quoted(choice.regime)));
    }
    return choice;
}

std::int64_t parse_money(std::string_view text, std::string_view flag, const std::string& currency) {
    try {
        return domain::parse_amount(text, domain::currency_minor_digits(currency));
    } catch (const Error& e) {
        throw Error(ErrorKind::Usage, fmt::format("invalid {}: {}", flag, e.what()));
    }
}

std::int64_t parse_quantity(std::string_view text) {
    std::int64_t milli = 0;
    try {
        milli = domain::parse_amount(text, 3);
    } catch (const Error&) {
        milli = 0;
    }
    if (milli <= 0) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --quantity {}: use a positive number with at most 3 "
                                                  "decimals, such as 1, 2.5 or 0.125",
                                                  domain::quoted(text)));
    }
    return milli;
}

std::string unit_code_of(std::string_view text) {
    std::string lower;
    for (char ch : text) lower += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (lower == "hour" || lower == "h" || lower == "hur") return "HUR";
    if (lower == "day" || lower == "d" || lower == "day") return "DAY";
    if (lower == "unit" || lower == "c62") return "C62";
    throw Error(ErrorKind::Usage,
                fmt::format("invalid --unit {}: use hour, day or unit", domain::quoted(text)));
}

std::string vat_mention(const std::vector<domain::InvoiceLine>& lines, std::string_view regime,
                        std::string_view language, const config::Config& config) {
    const auto& defaults = domain::default_legal_texts(language);
    auto has = [&](std::string_view category) {
        return std::any_of(lines.begin(), lines.end(), [&](const auto& line) { return line.vat_category == category; });
    };
    bool none = lines.empty();
    std::string text;
    auto add = [&](const std::string& sentence) { text += (text.empty() ? "" : " ") + sentence; };
    if (has("E") || (none && regime == "franchise")) {
        add(config.invoice.franchise_text.empty() ? defaults.vat_franchise : config.invoice.franchise_text);
    }
    if (has("AE") || (none && regime == "reverse-charge")) add(defaults.reverse_charge);
    if (has("G") || (none && regime == "export")) add(defaults.export_services);
    return text;
}

domain::BillingRules rules_for(const config::Config& config, const domain::Client& client) {
    auto rules = billing_rules(config);
    if (client.rounding_seconds) rules.rounding_seconds = *client.rounding_seconds;
    if (client.rounding_mode) rules.rounding_mode = domain::parse_rounding_mode(*client.rounding_mode);
    return rules;
}

std::string language_for(const config::Config& config, const domain::Client& client) {
    return client.language ? *client.language : config.invoice.language;
}

std::vector<domain::Mission> billable_missions(storage::Database& db, std::optional<std::int64_t> client_id) {
    storage::MissionFilter filter;
    filter.client_id = client_id;
    filter.include_done = true;
    filter.include_archived_clients = true;
    return storage::MissionStore(db).list(filter);
}

void recompute_totals(domain::Invoice& invoice) {
    std::vector<domain::InvoiceLineInput> inputs;
    inputs.reserve(invoice.lines.size());
    for (const auto& line : invoice.lines) {
        inputs.push_back({line.quantity_milli, line.unit_price_minor, {line.vat_category, line.vat_rate_milli}});
    }
    auto totals = domain::compute_totals(inputs);
    for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
        invoice.lines[i].net_minor = totals.line_net_minor[i];
        invoice.lines[i].position = static_cast<std::int64_t>(i) + 1;
    }
    invoice.net_minor = totals.net_minor;
    invoice.vat_minor = totals.vat_minor;
    invoice.gross_minor = totals.gross_minor;
}

domain::Invoice get_invoice(storage::InvoiceStore& store, std::string_view ref, bool draft_first) {
    std::string_view digits = ref;
    bool hash = !digits.empty() && digits.front() == '#';
    if (hash) digits.remove_prefix(1);
    bool numeric = !digits.empty() && digits.size() <= 18 &&
                   digits.find_first_not_of("0123456789") == std::string_view::npos;
    std::optional<domain::Invoice> by_id;
    if (numeric) by_id = store.find(std::stoll(std::string(digits)));
    // "#12" is always an id; a draft verb takes a bare id for the draft it names, since
    // drafts have no number yet (and a format such as "{seq}" makes numbers look like ids).
    if (by_id && (hash || (draft_first && by_id->draft()))) return *by_id;
    if (!hash) {
        if (auto found = store.find_by_number(ref)) return *found;
    }
    if (by_id) return *by_id;
    throw Error(ErrorKind::NotFound,
                fmt::format("unknown invoice {}: give its number, or the id of a draft (#ID); see \"slash invoice "
                            "list\"",
                            domain::quoted(ref)));
}

void require_draft(const domain::Invoice& invoice) {
    if (invoice.draft()) return;
    if (invoice.credit_note()) {
        throw Error(ErrorKind::Conflict,
                    fmt::format("credit note {} is issued: it can never change", invoice.label()));
    }
    if (invoice.status == domain::kCancelled) {
        throw Error(ErrorKind::Conflict, fmt::format("invoice {} is cancelled by credit note {}: it can never change",
                                                     invoice.label(), invoice.credit_note_number));
    }
    throw Error(ErrorKind::Conflict, fmt::format("invoice {} is {}: it can never change; correct it with "
                                                 "\"slash invoice credit {}\" and a new invoice",
                                                 invoice.label(), invoice.status, invoice.label()));
}

std::string payment_date(const std::optional<std::string>& on, const domain::TimeContext& time) {
    auto today = domain::local_date(time.now, time.zone);
    if (!on) return domain::format_date(today);
    auto date = domain::parse_date(*on, time);
    if (domain::days_from_civil(date) > domain::days_from_civil(today)) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --on {}: {} is in the future; record a payment once it is "
                                                  "received",
                                                  domain::quoted(*on), domain::format_date(date)));
    }
    return domain::format_date(date);
}

namespace {

domain::CivilDate date_of(std::string_view text) {
    domain::CivilDate d;
    d.year = std::stoi(std::string(text.substr(0, 4)));
    d.month = std::stoi(std::string(text.substr(5, 2)));
    d.day = std::stoi(std::string(text.substr(8, 2)));
    return d;
}

int days_in_month(int year, int month) {
    domain::CivilDate next{month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1};
    return domain::civil_from_days(domain::days_from_civil(next) - 1).day;
}

}  // namespace

std::string period_text(std::string_view from, std::string_view to, std::string_view language) {
    static const char* const kFrench[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                          "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    static const char* const kEnglish[] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};
    auto a = date_of(from);
    auto b = date_of(to);
    bool french = language == "fr";
    if (a.year == b.year && a.month == b.month && a.day == 1 && b.day == days_in_month(b.year, b.month)) {
        const auto* names = french ? kFrench : kEnglish;
        return fmt::format("{} {}", names[a.month - 1], a.year);
    }
    if (french) {
        return fmt::format("du {:02}/{:02}/{:04} au {:02}/{:02}/{:04}", a.day, a.month, a.year, b.day, b.month, b.year);
    }
    return fmt::format("{} to {}", from, to);
}

}  // namespace slash::services::invoicing
