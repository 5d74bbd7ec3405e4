// Quotes (devis): a draft gets lines priced as invoice lines are (same parsing, same VAT,
// same totals), issuing numbers it in its own gapless series, and accepting it turns each
// line into a mission, all in one transaction.

#include "slash/services/quote_service.hpp"

#include <fmt/format.h>

#include "invoice_internal.hpp"
#include "slash/domain/billing.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/invoice_number.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/mission_store.hpp"
#include "slash/storage/quote_store.hpp"
#include "text_checks.hpp"

namespace slash::services {

namespace {

[[noreturn]] void usage(const std::string& message) { throw Error(ErrorKind::Usage, message); }

// QUOTE as typed: a quote number first, else an id.
domain::SalesQuote get_quote(storage::QuoteStore& store, const std::string& ref) {
    if (auto by_number = store.find_number(ref)) return *by_number;
    bool numeric = !ref.empty() && ref.size() <= 18 && ref.find_first_not_of("0123456789") == std::string::npos;
    if (numeric) {
        if (auto by_id = store.find(std::stoll(ref))) return *by_id;
    }
    throw Error(ErrorKind::NotFound,
                fmt::format("no quote {}: give a quote number or a draft id (slash quote list)", domain::quoted(ref)));
}

void require_draft(const domain::SalesQuote& quote) {
    if (quote.status != "draft") {
        throw Error(ErrorKind::Conflict, fmt::format("quote {} is {}: it cannot change; make a new quote (slash quote "
                                                     "new {})",
                                                     quote.label(), quote.status, quote.client_handle));
    }
}

// Line nets and totals with the invoices' rules (EN 16931 rounding).
void recompute(domain::SalesQuote& quote) {
    std::vector<domain::InvoiceLineInput> inputs;
    for (const auto& l : quote.lines) inputs.push_back({l.quantity_milli, l.unit_price_minor, {l.vat_category, l.vat_rate_milli}});
    auto totals = domain::compute_totals(inputs);
    for (std::size_t i = 0; i < quote.lines.size(); ++i) {
        quote.lines[i].net_minor = totals.line_net_minor[i];
        quote.lines[i].position = static_cast<std::int64_t>(i) + 1;
    }
    quote.net_minor = totals.net_minor;
    quote.vat_minor = totals.vat_minor;
    quote.gross_minor = totals.gross_minor;
}

std::vector<domain::InvoiceLine> as_invoice_lines(const domain::SalesQuote& quote) {
    std::vector<domain::InvoiceLine> lines;
    for (const auto& l : quote.lines) {
        domain::InvoiceLine line;
        line.vat_category = l.vat_category;
        line.vat_rate_milli = l.vat_rate_milli;
        lines.push_back(line);
    }
    return lines;
}

// The mission a line becomes: its billing from the unit, its estimate from the quantity.
domain::Mission mission_of(const domain::QuoteLine& line, const domain::SalesQuote& quote,
                           const domain::Decimal& hours_per_day, std::int64_t now) {
    domain::Mission m;
    m.client_id = quote.client_id;
    m.client_handle = quote.client_handle;
    m.title = line.description;
    m.currency = quote.currency;
    m.created_at = now;
    m.updated_at = now;
    if (line.unit_code == "HUR") {
        m.billing = domain::BillingMode::Hourly;
        m.rate_minor = line.unit_price_minor;
        m.estimate_seconds = line.quantity_milli * 3600 / 1000;
    } else if (line.unit_code == "DAY") {
        m.billing = domain::BillingMode::Daily;
        m.rate_minor = line.unit_price_minor;
        m.estimate_seconds =
            line.quantity_milli * hours_per_day.numerator * 3600 / (1000 * hours_per_day.denominator);
    } else if (line.quantity_milli == 1000) {
        m.billing = domain::BillingMode::Fixed;
        m.rate_minor = line.net_minor;
    } else {
        m.billing = domain::BillingMode::Unit;
        m.rate_minor = line.unit_price_minor;
    }
    if (m.estimate_seconds && *m.estimate_seconds <= 0) m.estimate_seconds.reset();
    return m;
}

// A handle from the description, made unique among the client's missions ("audit-2").
std::string free_handle(storage::MissionStore& missions, const domain::SalesQuote& quote,
                        const std::string& description) {
    auto base = domain::handle_from_name(description);
    if (base.empty()) base = "mission";
    auto handle = base;
    for (int n = 2; missions.find(quote.client_id, handle); ++n) handle = base + "-" + std::to_string(n);
    return handle;
}

}  // namespace

std::string QuoteService::today() const { return domain::format_date(domain::local_date(time_.now, time_.zone)); }

std::string QuoteService::quote_of_mission(std::int64_t mission_id) {
    return storage::QuoteStore(db_).number_of_mission(mission_id);
}

domain::SalesQuote QuoteService::create(const std::string& client_ref, const std::string& title,
                                        const std::optional<std::string>& valid_until) {
    require_single_line(title, "--title");
    storage::WriteTransaction tx(db_);
    auto client = storage::ClientStore(db_).get(client_ref);
    domain::SalesQuote quote;
    quote.client_id = client.id;
    quote.title = title;
    quote.currency = client.currency;
    quote.language = invoicing::language_for(config_, client);
    quote.created_at = time_.now;
    if (valid_until) {
        auto date = domain::format_date(domain::parse_date(*valid_until, time_));
        if (date < today()) {
            usage(fmt::format("invalid --valid-until {}: {} is past; a quote is valid until today or later",
                              domain::quoted(*valid_until), date));
        }
        quote.valid_until = date;
    }
    storage::QuoteStore store(db_);
    quote.id = store.insert(quote);
    tx.commit();
    return *store.find(quote.id);
}

domain::SalesQuote QuoteService::add_line(const std::string& ref, const QuoteLineRequest& request) {
    require_single_line(request.description, "description");
    if (request.description.find_first_not_of(' ') == std::string::npos) {
        usage("invalid description \"\": a line needs a description");
    }
    storage::WriteTransaction tx(db_);
    storage::QuoteStore store(db_);
    auto quote = get_quote(store, ref);
    require_draft(quote);
    domain::QuoteLine line;
    line.description = request.description;
    line.unit_price_minor = invoicing::parse_money(request.price, "--price", quote.currency);
    if (line.unit_price_minor <= 0) {
        usage(fmt::format("invalid --price {}: a quote line needs a price above zero (each line becomes a mission)",
                          domain::quoted(request.price)));
    }
    line.quantity_milli = request.quantity ? invoicing::parse_quantity(*request.quantity) : 1000;
    line.unit_code = request.unit ? invoicing::unit_code_of(*request.unit) : "C62";
    auto client = storage::ClientStore(db_).get(quote.client_handle);
    auto vat = invoicing::vat_for(config_, client, nullptr);
    line.vat_category = vat.tax.category;
    line.vat_rate_milli = vat.tax.rate_milli;
    quote.lines.push_back(std::move(line));
    recompute(quote);
    store.update_draft(quote);
    tx.commit();
    return quote;
}

domain::SalesQuote QuoteService::remove_line(const std::string& ref, std::int64_t position) {
    storage::WriteTransaction tx(db_);
    storage::QuoteStore store(db_);
    auto quote = get_quote(store, ref);
    require_draft(quote);
    auto count = static_cast<std::int64_t>(quote.lines.size());
    if (position < 1 || position > count) {
        usage(fmt::format("invalid line {}: {} has {} line{}; see slash quote show {}", position, quote.label(), count,
                          count == 1 ? "" : "s", quote.id));
    }
    quote.lines.erase(quote.lines.begin() + (position - 1));
    recompute(quote);
    store.update_draft(quote);
    tx.commit();
    return quote;
}

domain::SalesQuote QuoteService::issue(const std::string& ref, const std::optional<std::string>& date) {
    auto issue_date = date ? domain::parse_date(*date, time_) : domain::local_date(time_.now, time_.zone);
    storage::WriteTransaction tx(db_);
    storage::QuoteStore store(db_);
    auto quote = get_quote(store, ref);
    if (quote.status != "draft") {
        throw Error(ErrorKind::Conflict, fmt::format("quote {} is already issued", quote.label()));
    }
    if (quote.lines.empty()) {
        throw Error(ErrorKind::Failure, fmt::format("cannot issue {}: it has no line; add one with slash quote line "
                                                    "add {} DESCRIPTION --price P",
                                                    quote.label(), quote.id));
    }
    quote.issue_date = domain::format_date(issue_date);
    if (quote.valid_until.empty()) {
        quote.valid_until = domain::format_date(domain::add_days(issue_date, config_.quote.valid_days));
    } else if (quote.valid_until < quote.issue_date) {
        usage(fmt::format("invalid --date {}: {} is valid until {}, before that date", domain::quoted(quote.issue_date),
                          quote.label(), quote.valid_until));
    }
    domain::NumberFormat format = [&] {
        try {
            return domain::NumberFormat::parse(config_.quote.number_format);
        } catch (const Error& e) {
            throw Error(ErrorKind::Config, fmt::format("quote.number_format: {}", e.what()));
        }
    }();
    auto series = format.series(issue_date.year, issue_date.month);
    auto seq = store.last_seq(series) + 1;
    quote.number = format.render(issue_date.year, issue_date.month, seq);
    quote.series = series;
    quote.seq = seq;
    quote.issued_at = time_.now;
    store.issue(quote);
    tx.commit();
    return *store.find(quote.id);
}

QuoteDetails QuoteService::details(const std::string& ref) {
    storage::QuoteStore store(db_);
    auto quote = get_quote(store, ref);
    auto client = storage::ClientStore(db_).get(quote.client_handle);
    auto regime = invoicing::vat_for(config_, client, nullptr).regime;
    auto mention = invoicing::vat_mention(as_invoice_lines(quote), regime, quote.language, config_);
    return {std::move(quote), std::move(mention), today()};
}

std::vector<domain::SalesQuote> QuoteService::list(const std::optional<std::string>& status) {
    if (status && *status != "draft" && *status != "issued" && *status != "accepted" && *status != "declined" &&
        *status != "expired") {
        usage(fmt::format("invalid --status {}: use draft, issued, accepted, declined or expired",
                          domain::quoted(*status)));
    }
    auto all = storage::QuoteStore(db_).list();
    if (!status) return all;
    std::vector<domain::SalesQuote> kept;
    auto day = today();
    for (auto& q : all) {
        if (q.display_status(day) == *status) kept.push_back(std::move(q));
    }
    return kept;
}

domain::SalesQuote QuoteService::decline(const std::string& ref) {
    storage::WriteTransaction tx(db_);
    storage::QuoteStore store(db_);
    auto quote = get_quote(store, ref);
    if (quote.status == "draft") {
        throw Error(ErrorKind::Conflict, fmt::format("{} is not issued: only an issued quote can be declined", quote.label()));
    }
    if (quote.status != "issued") {
        throw Error(ErrorKind::Conflict, fmt::format("quote {} is already {}", quote.label(), quote.status));
    }
    store.set_outcome(quote.id, "declined", time_.now);
    tx.commit();
    return *store.find(quote.id);
}

std::vector<std::string> QuoteService::accept(const std::string& ref) {
    domain::Decimal hours_per_day;
    try {
        hours_per_day = domain::parse_decimal(config_.time.hours_per_day, "time.hours_per_day");
    } catch (const Error& e) {
        throw Error(ErrorKind::Config, e.what());
    }
    storage::WriteTransaction tx(db_);
    storage::QuoteStore store(db_);
    auto quote = get_quote(store, ref);
    if (quote.status == "draft") {
        throw Error(ErrorKind::Conflict, fmt::format("{} is not issued: issue it first (slash quote issue {})",
                                                     quote.label(), quote.id));
    }
    if (quote.status != "issued") {
        throw Error(ErrorKind::Conflict, fmt::format("quote {} is already {}", quote.label(), quote.status));
    }
    if (quote.display_status(today()) == "expired") {
        throw Error(ErrorKind::Failure,
                    fmt::format("cannot accept {}: it was valid until {}; make a new quote with a later --valid-until",
                                quote.label(), quote.valid_until));
    }
    storage::MissionStore missions(db_);
    std::vector<std::string> addresses;
    for (const auto& line : quote.lines) {
        auto mission = mission_of(line, quote, hours_per_day, time_.now);
        mission.handle = free_handle(missions, quote, line.description);
        auto id = missions.insert(mission);
        store.set_mission_quote(id, quote.id);
        addresses.push_back(mission.address());
    }
    store.set_outcome(quote.id, "accepted", time_.now);
    tx.commit();
    return addresses;
}

}  // namespace slash::services
