#include "slash/services/client_service.hpp"

#include <fmt/format.h>

#include "slash/domain/billing.hpp"
#include "slash/domain/duration.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "text_checks.hpp"

namespace slash::services {

namespace {

[[noreturn]] void usage(const std::string& message) { throw Error(ErrorKind::Usage, message); }

void set_company_id(domain::Client& client, const std::string& text) {
    if (text.empty()) {
        client.siren.clear();
        client.siret.clear();
        return;
    }
    auto id = domain::parse_company_id(text, domain::Party::Client);
    client.siren = id.siren;
    client.siret = id.siret;
}

void set_rate(domain::Client& client, domain::BillingMode mode, const std::string& amount) {
    client.rate_mode = mode;
    client.rate_minor = domain::parse_amount(amount, domain::currency_minor_digits(client.currency));
    if (*client.rate_minor < 0) {
        usage(fmt::format("invalid --{} rate \"{}\": a rate cannot be negative", domain::to_text(mode), amount));
    }
}

// Payment terms in whole days, 0..365; empty means "the config default".
std::optional<std::int64_t> parse_terms(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::int64_t days = 0;
    bool digits = text.size() <= 3;
    for (char ch : text) {
        digits = digits && ch >= '0' && ch <= '9';
        if (digits) days = days * 10 + (ch - '0');
    }
    if (!digits || days > 365) {
        usage(fmt::format("invalid --terms \"{}\": use a number of days from 0 to 365", text));
    }
    return days;
}

// The longest rounding step the schema keeps: a step over a day would bill a short entry
// as days of work.
constexpr std::int64_t kMaxRoundingSeconds = 24 * 60 * 60;

// `--rounding` in the grammar of [time] rounding (services::billing_rules): "0" for none,
// else a DURATION, here at most 24h; empty means "the config default".
std::optional<std::int64_t> parse_rounding(const std::string& text) {
    if (text.empty()) return std::nullopt;
    if (text == "0") return 0;
    auto refuse = [&text]() {
        usage(fmt::format("invalid --rounding {}: use a duration from 1s to 24h such as 15m or 1h, or 0 for none",
                          domain::quoted(text)));
    };
    std::int64_t seconds = 0;
    try {
        seconds = domain::parse_duration(text);
    } catch (const Error&) {
        refuse();
    }
    if (seconds > kMaxRoundingSeconds) refuse();
    return seconds;
}

// `--rounding-mode`: one of the values of [time] rounding_mode; empty means "the config
// default".
std::optional<std::string> parse_rounding_mode_flag(const std::string& text) {
    if (text.empty()) return std::nullopt;
    try {
        (void)domain::parse_rounding_mode(text);
    } catch (const Error&) {
        usage(fmt::format("invalid --rounding-mode {}: use up, nearest or down", domain::quoted(text)));
    }
    return text;
}

// Applies every given change to `client`, validating each value; nothing is written here.
void apply(domain::Client& client, const ClientChanges& changes) {
    if (changes.handle) {
        domain::require_handle(*changes.handle, "client handle");
        client.handle = *changes.handle;
    }
    if (changes.name) {
        require_single_line(*changes.name, "--name");
        if (changes.name->empty()) usage("empty --name: a client needs a legal name");
        client.name = *changes.name;
    }
    if (changes.kind) {
        if (*changes.kind != "business" && *changes.kind != "individual") {
            usage(fmt::format("invalid --kind \"{}\": use business or individual", *changes.kind));
        }
        client.kind = *changes.kind;
    }
    if (changes.address) {
        for (const auto& line : *changes.address) require_single_line(line, "--address");
        client.address.clear();
        for (const auto& line : *changes.address) {
            if (!line.empty()) client.address.push_back(line);
        }
    }
    if (changes.country) client.country = domain::normalize_country(*changes.country);
    if (changes.siren && changes.siret) usage("give either --siren or --siret, not both (a SIRET contains the SIREN)");
    if (changes.siren) set_company_id(client, *changes.siren);
    if (changes.siret) {
        if (!changes.siret->empty() && domain::parse_company_id(*changes.siret, domain::Party::Client).siret.empty()) {
            usage(fmt::format("invalid --siret {}: a SIRET has 14 digits; give a 9-digit SIREN with --siren",
                              domain::quoted(*changes.siret)));
        }
        set_company_id(client, *changes.siret);
    }
    if (changes.vat_id) client.vat_id = changes.vat_id->empty() ? "" : domain::normalize_vat_id(*changes.vat_id, domain::Party::Client);
    if (changes.email) {
        if (!changes.email->empty()) domain::require_email(*changes.email);
        client.email = *changes.email;
    }
    if (changes.currency) {
        std::string currency = domain::normalize_currency(*changes.currency);
        // A rate is an amount in the old currency: it never silently changes currency.
        bool stale_rate = client.rate_minor && currency != client.currency && !changes.hourly && !changes.daily &&
                          !changes.clear_rate;
        if (stale_rate) {
            usage(fmt::format("changing the currency of \"{}\" to {} needs its rate in {}; give it again with "
                              "--hourly or --daily (or --no-rate)",
                              client.handle, currency, currency));
        }
        client.currency = currency;
    }
    if (changes.terms_days) client.terms_days = parse_terms(*changes.terms_days);
    if (changes.language) {
        client.language = changes.language->empty() ? std::nullopt
                                                    : std::optional(domain::normalize_language(*changes.language));
    }
    if (changes.hourly && changes.daily) usage("give either --hourly or --daily, not both");
    if (changes.clear_rate && (changes.hourly || changes.daily)) {
        usage("give either --no-rate or a rate, not both");
    }
    if (changes.hourly) set_rate(client, domain::BillingMode::Hourly, *changes.hourly);
    if (changes.daily) set_rate(client, domain::BillingMode::Daily, *changes.daily);
    if (changes.clear_rate) {
        client.rate_mode.reset();
        client.rate_minor.reset();
    }
    if (changes.vat_regime) client.vat_regime = parse_vat_regime_flag(*changes.vat_regime);
    if (changes.vat_rate) client.vat_rate_milli = parse_vat_rate_flag(*changes.vat_rate);
    if (changes.rounding) client.rounding_seconds = parse_rounding(*changes.rounding);
    if (changes.rounding_mode) client.rounding_mode = parse_rounding_mode_flag(*changes.rounding_mode);
    if (changes.notes) {
        require_printable(*changes.notes, "--notes");
        client.notes = *changes.notes;
    }
    // Checked on the result, so that an edit of either flag cannot break the rule.
    check_vat_override(client.vat_regime, client.vat_rate_milli, fmt::format("client \"{}\"", client.handle));
}

}  // namespace

std::optional<std::string> parse_vat_regime_flag(const std::string& text) {
    if (text.empty()) return std::nullopt;
    for (const char* regime : {"franchise", "standard", "reverse-charge", "export"}) {
        if (text == regime) return text;
    }
    usage(fmt::format("invalid --vat-regime {}: use franchise, standard, reverse-charge or export",
                      domain::quoted(text)));
}

std::optional<std::int64_t> parse_vat_rate_flag(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return domain::parse_vat_rate(text);
}

void check_vat_override(const std::optional<std::string>& regime, const std::optional<std::int64_t>& rate_milli,
                        const std::string& what) {
    if (regime == "standard" && rate_milli == 0) {
        usage(fmt::format("{} cannot have a standard VAT rate of 0 %: give --vat-rate above 0, or --vat-regime "
                          "franchise, reverse-charge or export",
                          what));
    }
}

domain::Client ClientService::add(const std::string& handle, const ClientChanges& changes) {
    domain::require_handle(handle, "client handle");
    if (!changes.name) usage(fmt::format("client \"{}\" needs a legal name: add --name \"...\"", handle));
    domain::Client client;
    client.handle = handle;
    apply(client, changes);
    client.created_at = client.updated_at = now_;
    storage::WriteTransaction tx(db_);
    storage::ClientStore store(db_);
    client.id = store.insert(client);
    tx.commit();
    return client;
}

bool ClientChanges::empty() const {
    return !handle && !name && !kind && !address && !country && !siren && !siret && !vat_id && !email &&
           !currency && !terms_days && !language && !hourly && !daily && !clear_rate && !vat_regime && !vat_rate &&
           !rounding && !rounding_mode && !notes;
}

domain::Client ClientService::edit(const std::string& handle, const ClientChanges& changes) {
    if (changes.empty()) {
        usage(fmt::format("nothing to change for client \"{}\": give at least one flag, see \"slash client edit "
                          "--help\"",
                          handle));
    }
    storage::WriteTransaction tx(db_);
    storage::ClientStore store(db_);
    domain::Client client = store.get(handle);
    // The rule that cannot be met goes first: asking for the rate in the new currency
    // would only lead to this refusal.
    if (changes.currency) {
        std::string currency = domain::normalize_currency(*changes.currency);
        if (currency != client.currency) {
            if (auto refs = store.dependents(client.id); !refs.empty()) {
                throw Error(ErrorKind::Conflict,
                            fmt::format("client \"{}\" has {} priced in {}; its currency cannot change under them "
                                        "(add a new client for work in {})",
                                        handle, refs, client.currency, currency));
            }
        }
    }
    apply(client, changes);
    client.updated_at = now_;
    store.update(client);
    tx.commit();
    return client;
}

domain::Client ClientService::set_archived(const std::string& handle, bool archived) {
    storage::WriteTransaction tx(db_);
    storage::ClientStore store(db_);
    domain::Client client = store.get(handle);
    if (client.archived() == archived) {
        throw Error(ErrorKind::Failure, fmt::format("client \"{}\" is already {}", handle,
                                                    archived ? "archived" : "active (not archived)"));
    }
    client.archived_at = archived ? std::optional<std::int64_t>(now_) : std::nullopt;
    client.updated_at = now_;
    store.update(client);
    tx.commit();
    return client;
}

void ClientService::remove(const std::string& handle) {
    storage::WriteTransaction tx(db_);
    storage::ClientStore store(db_);
    domain::Client client = store.get(handle);
    if (auto refs = store.dependents(client.id); !refs.empty()) {
        throw Error(ErrorKind::Conflict,
                    fmt::format("client \"{}\" still has {}; archive it instead: slash client archive {}", handle,
                                refs, handle));
    }
    store.remove(client.id);
    tx.commit();
}

std::vector<domain::Client> ClientService::list(bool include_archived) {
    return storage::ClientStore(db_).list(include_archived);
}

domain::Client ClientService::show(const std::string& handle) { return storage::ClientStore(db_).get(handle); }

}  // namespace slash::services
