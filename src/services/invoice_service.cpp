// The lifecycle of an invoice after its draft: lines, issue, credit, payment, reads.

#include "slash/services/invoice_service.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "invoice_internal.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/invoice_number.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/storage/reminder_store.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/entry_store.hpp"
#include "slash/storage/mission_store.hpp"
#include "slash/storage/payment_store.hpp"
#include "slash/storage/einvoicing_store.hpp"
#include "text_checks.hpp"

namespace slash::services {

namespace {

// "205 Approuvée": the latest e-invoicing status (docs/einvoicing.md), empty when none.
std::string latest_einvoicing_status(storage::Database& db, std::int64_t invoice_id) {
    auto statuses = storage::EinvoicingStore(db).statuses(invoice_id);
    return statuses.empty() ? std::string() : statuses.back().code + " " + statuses.back().label;
}

using invoicing::get_invoice;
using invoicing::require_draft;
using invoicing::parse_money;
using invoicing::parse_quantity;
using invoicing::unit_code_of;

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string text;
    for (const auto& item : items) {
        if (!text.empty()) text += separator;
        text += item;
    }
    return text;
}

domain::SellerIdentity seller_of(const config::SellerConfig& s) {
    return {s.name, s.trade_name, s.address, s.country, s.siren, s.siret, s.vat_id, s.email, s.iban, s.bic};
}

domain::BuyerIdentity buyer_of(const domain::Client& c) {
    return {c.name, c.address, c.country, c.siren, c.siret, c.vat_id, c.email, c.kind == "business"};
}

// The legal sentences of an invoice about to be issued: the config's, else the defaults
// in the invoice's language; the VAT mention follows the categories of its lines.
void put_texts(domain::Invoice& invoice, const config::Config& config) {
    const auto& defaults = domain::default_legal_texts(invoice.language);
    auto pick = [](const std::string& configured, const std::string& fallback) {
        return configured.empty() ? fallback : configured;
    };
    invoice.vat_mention = invoicing::vat_mention(invoice.lines, invoice.vat_regime, invoice.language, config);
    invoice.penalty_text = pick(config.invoice.penalty_text, defaults.penalties);
    invoice.indemnity_text = pick(config.invoice.indemnity_text, defaults.indemnity);
    invoice.discount_text = pick(config.invoice.discount_text, defaults.no_discount);
    invoice.footer = config.invoice.footer;
}

domain::IssueCandidate candidate_of(const domain::Invoice& invoice) {
    domain::IssueCandidate c;
    c.seller = invoice.seller;
    c.buyer = invoice.buyer;
    c.issue_date = invoice.issue_date;
    c.due_date = invoice.due_date;
    c.period_from = invoice.period_from;
    c.period_to = invoice.period_to;
    for (const auto& line : invoice.lines) {
        c.lines.push_back({line.description, line.quantity_milli, line.unit_price_minor, line.unit_code});
    }
    c.vat_regime = invoice.vat_regime;
    c.vat_mention = invoice.vat_mention;
    c.penalty_text = invoice.penalty_text;
    c.indemnity_text = invoice.indemnity_text;
    c.discount_text = invoice.discount_text;
    c.currency = invoice.currency;
    return c;
}

// The regime of a VAT category (EN 16931 code) as `[tax] regime` names it.
std::string regime_of(std::string_view category) {
    if (category == "S") return "standard";
    if (category == "E") return "franchise";
    if (category == "AE") return "reverse-charge";
    return "export";
}

// An invoice's regime follows its lines: their one category, or "standard" when some line
// charges VAT among others. Without lines, the client's regime.
std::string regime_of_lines(const domain::Invoice& invoice, const config::Config& config,
                            const domain::Client& client) {
    if (invoice.lines.empty()) return invoicing::vat_for(config, client, nullptr).regime;
    const auto& first = invoice.lines.front().vat_category;
    bool mixed = false, charged = false;
    for (const auto& line : invoice.lines) {
        mixed = mixed || line.vat_category != first;
        charged = charged || line.vat_category == "S";
    }
    if (mixed && charged) return "standard";
    return regime_of(first);
}

// A draft follows the VAT settings until it is issued: each mission line takes the regime
// and rate of its mission, client and config as they are now; a line added by hand takes
// the client's regime, keeping its own rate when that regime still charges VAT.
void refresh_vat(domain::Invoice& invoice, const config::Config& config, const domain::Client& client,
                 storage::Database& db) {
    auto missions = invoicing::billable_missions(db, client.id);
    auto client_vat = invoicing::vat_for(config, client, nullptr);
    for (auto& line : invoice.lines) {
        auto mission = std::find_if(missions.begin(), missions.end(),
                                    [&](const auto& m) { return line.mission_id && m.id == *line.mission_id; });
        if (mission != missions.end()) {
            auto vat = invoicing::vat_for(config, client, &*mission);
            line.vat_category = vat.tax.category;
            line.vat_rate_milli = vat.tax.rate_milli;
        } else if (!(line.vat_category == "S" && client_vat.tax.category == "S")) {
            line.vat_category = client_vat.tax.category;
            line.vat_rate_milli = client_vat.tax.rate_milli;
        }
    }
    if (!invoice.lines.empty()) invoicing::recompute_totals(invoice);
}

// Why the invoice has its regime: the decision behind a mission line of that regime (an
// override), else the client's own.
domain::VatDecision decision_of(const domain::Invoice& invoice, const config::Config& config,
                                const domain::Client& client, storage::Database& db) {
    auto client_vat = invoicing::vat_for(config, client, nullptr);
    if (client_vat.regime == invoice.vat_regime) return client_vat.decision;
    for (const auto& mission : invoicing::billable_missions(db, client.id)) {
        bool billed = std::any_of(invoice.lines.begin(), invoice.lines.end(),
                                  [&](const auto& line) { return line.mission_id && *line.mission_id == mission.id; });
        if (!billed) continue;
        auto vat = invoicing::vat_for(config, client, &mission);
        if (vat.regime == invoice.vat_regime) return vat.decision;
    }
    auto decision = client_vat.decision;
    decision.regime = invoice.vat_regime;
    return decision;
}

// Seller, buyer, texts and regime as they would be frozen now: what `issue` freezes and
// what the document of a draft shows.
void resolve_identities(domain::Invoice& invoice, const config::Config& config, const domain::Client& client) {
    invoice.seller = seller_of(config.seller);
    invoice.buyer = buyer_of(client);
    invoice.language = invoicing::language_for(config, client);
    invoice.vat_regime = regime_of_lines(invoice, config, client);
    put_texts(invoice, config);
}

// The legal check of every regime the lines use: an invoice mixing a standard line and a
// reverse-charge line needs the seller's VAT id and the buyer's. Items are listed once.
std::vector<std::string> missing_items(const domain::Invoice& invoice) {
    std::vector<std::string> regimes{invoice.vat_regime};
    for (const auto& line : invoice.lines) {
        auto regime = regime_of(line.vat_category);
        if (std::find(regimes.begin(), regimes.end(), regime) == regimes.end()) regimes.push_back(regime);
    }
    std::vector<std::string> missing;
    for (const auto& regime : regimes) {
        auto candidate = candidate_of(invoice);
        candidate.vat_regime = regime;
        for (auto& item : domain::missing_for_issue(candidate)) {
            if (std::find(missing.begin(), missing.end(), item) == missing.end()) missing.push_back(std::move(item));
        }
    }
    return missing;
}

// The issue date: --date or today; never in the future (an invoice records work done).
domain::CivilDate issue_date_of(const std::optional<std::string>& text, const domain::TimeContext& time) {
    auto today = domain::local_date(time.now, time.zone);
    if (!text) return today;
    auto date = domain::parse_date(*text, time);
    if (domain::days_from_civil(date) > domain::days_from_civil(today)) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --date {}: {} is in the future; an invoice is dated the "
                                                  "day it is issued or before",
                                                  domain::quoted(*text), domain::format_date(date)));
    }
    return date;
}

domain::NumberFormat number_format(const std::string& text, std::string_view key) {
    try {
        return domain::NumberFormat::parse(text);
    } catch (const Error& e) {
        throw Error(ErrorKind::Config, fmt::format("invoice.{}: {}", key, e.what()));
    }
}

// Gives `invoice` the next number of its series for `date`. French law numbers invoices
// in one chronological, gapless sequence: a date before the latest invoice of the same kind
// (whatever its series: a new year must not reopen the last one) would put a later number on
// an earlier invoice.
void assign_number(domain::Invoice& invoice, const domain::NumberFormat& format, const domain::CivilDate& date,
                   storage::InvoiceStore& store) {
    invoice.series = format.series(date.year, date.month);
    auto latest = store.latest_issued(domain::to_text(invoice.kind));
    if (latest && latest->issue_date > invoice.issue_date) {
        throw Error(ErrorKind::Failure,
                    fmt::format("cannot date {} {}: {} is dated {}, and numbers follow dates; use --date {} or later",
                                invoice.label(), invoice.issue_date, latest->number, latest->issue_date,
                                latest->issue_date));
    }
    invoice.seq = store.last_seq(invoice.series) + 1;
    invoice.number = format.render(date.year, date.month, *invoice.seq);
    if (auto taken = store.find_by_number(*invoice.number)) {
        throw Error(ErrorKind::Conflict,
                    fmt::format("invoice number {} is already used by another series; change [invoice] "
                                "number_format or credit_number_format so that they cannot meet",
                                *invoice.number));
    }
}

domain::PaymentMethod parse_method(const std::string& method) {
    if (auto parsed = domain::payment_method_from_text(method)) return *parsed;
    throw Error(ErrorKind::Usage, fmt::format("invalid --method {}: use {}", domain::quoted(method),
                                              domain::payment_method_list(", ")));
}

}  // namespace

std::string InvoiceService::today() const { return domain::format_date(domain::local_date(time_.now, time_.zone)); }

domain::Invoice InvoiceService::add_line(const std::string& ref, const LineRequest& request) {
    require_single_line(request.description, "description");
    if (request.description.find_first_not_of(' ') == std::string::npos) {
        throw Error(ErrorKind::Usage, "invalid description \"\": a line needs a description");
    }
    storage::WriteTransaction tx(db_);
    storage::InvoiceStore store(db_);
    auto invoice = get_invoice(store, ref, true);
    require_draft(invoice);
    if (request.currency && domain::normalize_currency(*request.currency) != invoice.currency) {
        throw Error(ErrorKind::Usage,
                    fmt::format("invalid --currency {}: {} is billed in {} and amounts are never converted; give "
                                "the price in {}",
                                domain::quoted(*request.currency), invoice.label(), invoice.currency,
                                invoice.currency));
    }
    domain::InvoiceLine line;
    line.description = request.description;
    line.unit_price_minor = parse_money(request.price, "--price", invoice.currency);
    if (line.unit_price_minor == 0) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --price {}: a line needs a non-zero price (negative for "
                                                  "a discount)",
                                                  domain::quoted(request.price)));
    }
    line.quantity_milli = request.quantity ? parse_quantity(*request.quantity) : 1000;
    line.unit_code = request.unit ? unit_code_of(*request.unit) : "C62";
    if (request.unit_name) {
        require_single_line(*request.unit_name, "--unit-name");
        line.unit_name = *request.unit_name;
    }
    auto client = storage::ClientStore(db_).get(invoice.client_handle);
    auto vat = invoicing::vat_for(config_, client, nullptr);
    if (request.vat_rate) {
        if (vat.tax.category != "S") {
            throw Error(ErrorKind::Usage,
                        fmt::format("invalid --vat {}: {} is under the {} VAT regime, where no VAT rate applies",
                                    domain::quoted(*request.vat_rate), invoice.label(), vat.regime));
        }
        vat.tax.rate_milli = domain::parse_vat_rate(*request.vat_rate);
    }
    line.vat_category = vat.tax.category;
    line.vat_rate_milli = vat.tax.rate_milli;
    invoice.lines.push_back(std::move(line));
    invoicing::recompute_totals(invoice);
    invoice.updated_at = time_.now;
    store.update_draft(invoice);
    tx.commit();
    return invoice;
}

domain::Invoice InvoiceService::remove_line(const std::string& ref, std::int64_t position) {
    storage::WriteTransaction tx(db_);
    storage::InvoiceStore store(db_);
    auto invoice = get_invoice(store, ref, true);
    require_draft(invoice);
    auto count = static_cast<std::int64_t>(invoice.lines.size());
    if (position < 1 || position > count) {
        throw Error(ErrorKind::Usage, fmt::format("invalid line {}: {} has {} line{}{}", position, invoice.label(),
                                                  count, count == 1 ? "" : "s",
                                                  count == 0 ? "" : fmt::format(", numbered 1 to {}", count)));
    }
    auto removed = invoice.lines[static_cast<std::size_t>(position - 1)];
    invoice.lines.erase(invoice.lines.begin() + (position - 1));
    // Work no line bills any more goes back to unbilled: the entry of a --detail line, and
    // every entry of a mission the draft no longer has a line for.
    std::vector<std::int64_t> freed;
    if (removed.mission_id) {
        bool mission_kept = std::any_of(invoice.lines.begin(), invoice.lines.end(),
                                        [&](const auto& line) { return line.mission_id == removed.mission_id; });
        for (const auto& e : storage::EntryStore(db_).billed_by(invoice.id)) {
            if ((removed.entry_id && e.id == *removed.entry_id) ||
                (!mission_kept && e.mission_id == *removed.mission_id)) {
                freed.push_back(e.id);
            }
        }
    }
    if (!invoice.lines.empty()) invoicing::recompute_totals(invoice);
    else invoice.net_minor = invoice.vat_minor = invoice.gross_minor = 0;
    invoice.updated_at = time_.now;
    store.update_draft(invoice);
    store.release_entries(freed);
    tx.commit();
    return invoice;
}

domain::Invoice InvoiceService::remove(const std::string& ref) {
    storage::WriteTransaction tx(db_);
    storage::InvoiceStore store(db_);
    auto invoice = get_invoice(store, ref, true);
    require_draft(invoice);
    store.remove_draft(invoice.id);
    tx.commit();
    return invoice;
}

domain::Invoice InvoiceService::issue(const std::string& ref, const std::optional<std::string>& date) {
    auto issue_date = issue_date_of(date, time_);
    storage::WriteTransaction tx(db_);
    storage::InvoiceStore store(db_);
    auto invoice = get_invoice(store, ref, true);
    if (!invoice.draft()) {
        throw Error(ErrorKind::Conflict, fmt::format("invoice {} is already issued", invoice.label()));
    }
    auto format = number_format(config_.invoice.number_format, "number_format");
    auto client = storage::ClientStore(db_).get(invoice.client_handle);
    refresh_vat(invoice, config_, client, db_);
    resolve_identities(invoice, config_, client);
    invoice.issue_date = domain::format_date(issue_date);
    auto terms = client.terms_days ? *client.terms_days : config_.invoice.due_days;
    invoice.due_date = domain::format_date(domain::add_days(issue_date, terms));
    if (invoice.issue_date < invoice.period_from) {
        throw Error(ErrorKind::Failure,
                    fmt::format("cannot date {} {}: its work starts on {}; an invoice is issued once the work is "
                                "done, use --date {} or later",
                                invoice.label(), invoice.issue_date, invoice.period_from, invoice.period_from));
    }
    auto missing = missing_items(invoice);
    if (!missing.empty()) {
        throw Error(ErrorKind::Failure,
                    fmt::format("cannot issue {}: missing {}", invoice.label(), join(missing, "; ")));
    }
    if (!invoice.lines.empty()) invoicing::recompute_totals(invoice);
    if (!invoice.lines.empty() && invoice.gross_minor <= 0) {
        throw Error(ErrorKind::Failure,
                    fmt::format("cannot issue {}: its total is {}; an invoice bills a positive amount (a credit note "
                                "corrects an issued one: slash invoice credit)",
                                invoice.label(), domain::format_money(invoice.gross_minor, invoice.currency)));
    }
    if (invoice.currency != "EUR" && invoice.vat_minor != 0) {
        // BR-FR-CO-12: the VAT of an e-invoice in another currency is also stated in EUR,
        // which needs an exchange rate slash does not record.
        throw Error(ErrorKind::Failure,
                    fmt::format("cannot issue {}: it charges VAT in {}, and a French e-invoice then states that VAT "
                                "in EUR at an exchange rate slash does not record; bill this client in EUR",
                                invoice.label(), invoice.currency));
    }
    invoicing::check_deposits_at_issue(db_, store, invoice);
    assign_number(invoice, format, issue_date, store);
    invoicing::recompute_totals(invoice);
    invoice.updated_at = time_.now;
    invoice.issued_at = time_.now;
    store.update_line_taxes(invoice);  // the VAT the lines are issued with
    store.issue(invoice);
    tx.commit();
    return *store.find(invoice.id);
}

domain::Invoice InvoiceService::credit(const std::string& ref, const std::string& reason,
                                       const std::optional<std::string>& date) {
    require_single_line(reason, "--reason");
    auto issue_date = issue_date_of(date, time_);
    storage::WriteTransaction tx(db_);
    storage::InvoiceStore store(db_);
    auto original = get_invoice(store, ref);
    if (original.draft()) {
        throw Error(ErrorKind::Failure, fmt::format("{} is not issued: only an issued invoice is credited; delete a "
                                                    "draft with \"slash invoice rm {}\"",
                                                    original.label(), original.id));
    }
    if (original.credit_note()) {
        throw Error(ErrorKind::Failure,
                    fmt::format("{} is a credit note: a credit note is never credited", original.label()));
    }
    if (original.status == domain::kCancelled) {
        throw Error(ErrorKind::Conflict, fmt::format("invoice {} is already cancelled by credit note {}",
                                                     original.label(), original.credit_note_number));
    }
    invoicing::check_deposit_credit(store, original);
    if (domain::format_date(issue_date) < original.issue_date) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --date {}: a credit note cannot be dated before the "
                                                  "invoice it cancels ({})",
                                                  domain::quoted(date ? *date : domain::format_date(issue_date)),
                                                  original.issue_date));
    }
    auto format = number_format(config_.invoice.credit_number_format, "credit_number_format");
    domain::Invoice note = original;
    note.id = 0;
    note.kind = domain::InvoiceKind::Credit;
    note.status = std::string(domain::kDraft);
    note.number.reset();
    note.seq.reset();
    note.credited_invoice_id = original.id;
    note.reason = reason;
    note.created_at = note.updated_at = time_.now;
    for (auto& line : note.lines) line.id = 0;
    note.id = store.insert_draft(note);
    // The credit note repeats the frozen identities and texts of the invoice it cancels.
    note.issue_date = domain::format_date(issue_date);
    note.due_date = note.issue_date;
    assign_number(note, format, issue_date, store);
    note.issued_at = time_.now;
    store.issue(note);
    store.cancel(original.id, time_.now);
    tx.commit();
    return *store.find(note.id);
}

domain::Payment InvoiceService::pay(const std::string& ref, const PayRequest& request) {
    const domain::PaymentMethod method = parse_method(request.method);
    require_single_line(request.note, "--note");
    storage::WriteTransaction tx(db_);
    storage::InvoiceStore store(db_);
    auto invoice = get_invoice(store, ref);
    if (invoice.draft()) {
        throw Error(ErrorKind::Failure, fmt::format("{} is not issued yet: issue it first (slash invoice issue {})",
                                                    invoice.label(), invoice.id));
    }
    if (invoice.credit_note()) {
        throw Error(ErrorKind::Failure, fmt::format("{} is a credit note: it is not paid", invoice.label()));
    }
    if (invoice.status == domain::kCancelled) {
        throw Error(ErrorKind::Failure, fmt::format("invoice {} is cancelled by credit note {}: nothing is due",
                                                    invoice.label(), invoice.credit_note_number));
    }
    auto due = invoice.balance_minor();
    if (due <= 0) {
        throw Error(ErrorKind::Failure, fmt::format("invoice {} is already paid ({})", invoice.label(),
                                                    domain::format_money(invoice.paid_minor, invoice.currency)));
    }
    domain::Payment payment;
    payment.client_id = invoice.client_id;
    payment.invoice_id = invoice.id;
    payment.currency = invoice.currency;
    payment.amount_minor = request.amount ? parse_money(*request.amount, "--amount", invoice.currency) : due;
    if (payment.amount_minor <= 0) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --amount {}: a payment is a positive amount",
                                                  domain::quoted(*request.amount)));
    }
    if (payment.amount_minor > due) {
        throw Error(ErrorKind::Failure,
                    fmt::format("amount {} is more than the {} due on invoice {}; overpayments are not recorded",
                                domain::format_money(payment.amount_minor, invoice.currency), domain::format_money(due, invoice.currency),
                                invoice.label()));
    }
    payment.paid_on = invoicing::payment_date(request.on, time_);
    if (payment.paid_on < invoice.issue_date) {
        throw Error(ErrorKind::Usage,
                    fmt::format("invalid --on {}: invoice {} is dated {}; money received before an invoice is a "
                                "receipt (slash payment add)",
                                domain::quoted(*request.on), invoice.label(), invoice.issue_date));
    }
    if (request.eur) {
        if (invoice.currency == "EUR") {
            throw Error(ErrorKind::Usage, fmt::format("invalid --eur {}: invoice {} is in EUR already",
                                                      domain::quoted(*request.eur), invoice.label()));
        }
        payment.eur_minor = parse_money(*request.eur, "--eur", "EUR");
        if (*payment.eur_minor <= 0) {
            throw Error(ErrorKind::Usage,
                        fmt::format("invalid --eur {}: use a positive amount", domain::quoted(*request.eur)));
        }
    }
    payment.method = method;
    payment.note = request.note;
    payment.created_at = time_.now;
    payment.id = storage::PaymentStore(db_).insert(payment);
    tx.commit();
    return *storage::PaymentStore(db_).find(payment.id);
}

InvoiceDetails InvoiceService::details(const std::string& ref) {
    storage::InvoiceStore store(db_);
    InvoiceDetails details;
    details.invoice = get_invoice(store, ref);
    auto& invoice = details.invoice;
    if (invoice.draft()) {
        auto client = storage::ClientStore(db_).get(invoice.client_handle);
        refresh_vat(invoice, config_, client, db_);
        resolve_identities(invoice, config_, client);
        details.vat_decision = decision_of(invoice, config_, client, db_);
    }
    std::vector<domain::InvoiceLineInput> inputs;
    for (const auto& line : invoice.lines) {
        inputs.push_back({line.quantity_milli, line.unit_price_minor, {line.vat_category, line.vat_rate_milli}});
    }
    details.vat = domain::compute_totals(inputs).vat;
    for (const auto* text : {&invoice.vat_mention, &invoice.penalty_text, &invoice.indemnity_text,
                             &invoice.discount_text, &invoice.footer}) {
        bool business_only = text == &invoice.penalty_text || text == &invoice.indemnity_text;
        if (text->empty() || (business_only && !invoice.buyer.business)) continue;
        details.mentions.push_back(*text);
    }
    storage::PaymentFilter filter;
    filter.invoice_id = invoice.id;
    details.payments = storage::PaymentStore(db_).list(filter);
    details.entries = storage::EntryStore(db_).billed_by(invoice.id);
    details.status = domain::display_status(invoice, today());
    details.einvoicing = latest_einvoicing_status(db_, invoice.id);
    details.reminders = storage::ReminderStore(db_).of_invoice(invoice.id);
    details.minor_digits = domain::currency_minor_digits(invoice.currency);
    return details;
}

std::vector<ListedInvoice> InvoiceService::list(const InvoiceQuery& query) {
    std::vector<ListedInvoice> result;
    each(query, [&](ListedInvoice& listed) { result.push_back(std::move(listed)); });
    return result;
}

void InvoiceService::each(const InvoiceQuery& query, const std::function<void(ListedInvoice&)>& visit) {
    const auto& statuses = domain::invoice_statuses();
    if (query.status && std::find(statuses.begin(), statuses.end(), *query.status) == statuses.end()) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --status {}: use {}", domain::quoted(*query.status),
                                                  join(statuses, ", ")));
    }
    storage::InvoiceFilter filter;
    if (query.client) filter.client_id = storage::ClientStore(db_).get(*query.client).id;
    if (query.year) {
        const auto& y = *query.year;
        if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) {
            throw Error(ErrorKind::Usage, fmt::format("invalid --year {}: use four digits, such as 2026",
                                                      domain::quoted(y)));
        }
        filter.year = std::stoi(y);
    }
    std::string issued_from, issued_to;
    if (query.issued_in) {
        auto period = domain::parse_period(*query.issued_in, time_);
        issued_from = domain::format_date(period.first_day);
        issued_to = domain::format_date(period.last_day);
    }
    auto today_text = today();
    storage::InvoiceStore(db_).each(filter, [&](domain::Invoice& invoice) {
        if (query.issued_in && (!invoice.number || invoice.issue_date < issued_from || invoice.issue_date > issued_to)) {
            return;
        }
        auto status = domain::display_status(invoice, today_text);
        if (query.status && status != *query.status) return;
        if (query.overdue && status != "overdue") return;
        ListedInvoice listed{std::move(invoice), std::move(status)};
        visit(listed);
    });
}

}  // namespace slash::services
