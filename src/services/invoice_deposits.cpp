// Deposit invoices (factures d'acompte) on fixed-price missions, and the final invoice that
// deducts them (docs/contract.md §5, slash-invoice(1) "Deposits").

#include <fmt/format.h>

#include <algorithm>

#include "invoice_internal.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/domain/wide.hpp"
#include "slash/services/invoice_service.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/mission_store.hpp"

namespace slash::services {

namespace {

std::string mission_label(const domain::Mission& mission) {
    return mission.title.empty() ? mission.address() : mission.title;
}

// --percent as typed: more than 0 and at most 100, at most 3 decimals, in milli-percent.
std::int64_t parse_percent(std::string_view text) {
    std::int64_t milli = 0;
    try {
        milli = domain::parse_vat_rate(text);
    } catch (const Error&) {
        milli = 0;
    }
    if (milli <= 0) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --percent {}: use a percentage above 0 and at most 100, "
                                                  "such as 30 or 12.5",
                                                  domain::quoted(text)));
    }
    return milli;
}

// The mission a deposit is an advance on: a fixed price, open, not billed yet.
void require_depositable(const domain::Mission& mission, storage::InvoiceStore& store) {
    if (mission.billing != domain::BillingMode::Fixed || !mission.rate_minor) {
        throw Error(ErrorKind::Failure,
                    fmt::format("mission {} is billed {}: a deposit is an advance on a fixed price (slash mission "
                                "edit {} --fixed PRICE)",
                                mission.address(), domain::to_text(mission.billing), mission.address()));
    }
    if (store.mission_billed(mission.id)) {
        throw Error(ErrorKind::Failure,
                    fmt::format("the price of {} is already on an invoice: a deposit comes before the final invoice",
                                mission.address()));
    }
}

}  // namespace

namespace invoicing {

std::vector<domain::DepositDeduction> deposits_to_deduct(storage::InvoiceStore& store, const domain::Mission& mission) {
    std::vector<domain::DepositDeduction> deductions;
    for (const auto& d : store.deposits_of_mission(mission.id)) {
        if (d.draft) {
            throw Error(ErrorKind::Conflict,
                        fmt::format("draft {} is a deposit on {}: issue it (slash invoice issue {}) or delete it "
                                    "(slash invoice rm {}) before the final invoice",
                                    d.id, mission.address(), d.id, d.id));
        }
        if (d.deducted_by_id) continue;
        deductions.push_back({d.id, d.number, d.issue_date, d.gross_minor});
    }
    return deductions;
}

void check_deposits_at_issue(storage::Database& db, storage::InvoiceStore& store, const domain::Invoice& invoice) {
    if (invoice.deposit()) {
        auto mission = storage::MissionStore(db).list({std::nullopt, *invoice.deposit_mission_id, true, true});
        if (!mission.empty()) require_depositable(mission.front(), store);
    }
    for (const auto& deduction : invoice.deposits) {
        auto deposit = store.find(deduction.deposit_id);
        if (!deposit || deposit->status != domain::kIssued) {
            throw Error(ErrorKind::Conflict,
                        fmt::format("cannot issue {}: the deposit {} it deducts was cancelled by credit note {}; delete "
                                    "this draft (slash invoice rm {}) and draft it again",
                                    invoice.label(), deduction.number, deposit ? deposit->credit_note_number : "",
                                    invoice.id));
        }
    }
    if (invoice.payable_minor() < 0) {
        throw Error(ErrorKind::Failure,
                    fmt::format("cannot issue {}: its deposits ({}) are more than its total ({})", invoice.label(),
                                domain::format_money(invoice.prepaid_minor, invoice.currency),
                                domain::format_money(invoice.gross_minor, invoice.currency)));
    }
}

void check_deposit_credit(storage::InvoiceStore& store, const domain::Invoice& original) {
    if (!original.deposit() || original.credit_note()) return;
    for (const auto& d : store.deposits_of_mission(*original.deposit_mission_id)) {
        if (d.id != original.id || !d.deducted_by_id) continue;
        const std::string by = d.deducted_by.empty() ? "draft " + std::to_string(*d.deducted_by_id) : d.deducted_by;
        throw Error(ErrorKind::Failure,
                    fmt::format("deposit {} is deducted by invoice {}: {} that invoice first", original.label(), by,
                                d.deducted_by.empty() ? "delete" : "credit"));
    }
}

}  // namespace invoicing

domain::Invoice InvoiceService::deposit(const DepositRequest& request) {
    if (request.percent.has_value() == request.amount.has_value()) {
        throw Error(ErrorKind::Usage, "a deposit needs --percent P or --amount A (one of them)");
    }
    storage::WriteTransaction tx(db_);
    storage::InvoiceStore store(db_);
    const auto mission = storage::MissionStore(db_).get(request.mission);
    require_depositable(mission, store);
    const auto client = storage::ClientStore(db_).get(mission.client_handle);
    if (mission.currency != client.currency) {
        throw Error(ErrorKind::Failure,
                    fmt::format("mission {} is billed in {} but client {} in {}: amounts are never converted",
                                mission.address(), mission.currency, client.handle, client.currency));
    }
    const std::int64_t price = *mission.rate_minor;
    std::int64_t amount = 0;
    std::int64_t percent_milli = 0;
    if (request.percent) {
        percent_milli = parse_percent(*request.percent);
        amount = domain::narrow(domain::divide_half_away(domain::multiply(price, percent_milli), 100000));
    } else {
        try {
            amount = domain::parse_amount(*request.amount, domain::currency_minor_digits(mission.currency));
        } catch (const Error& e) {
            throw Error(ErrorKind::Usage, fmt::format("invalid --amount: {}", e.what()));
        }
        if (amount <= 0) {
            throw Error(ErrorKind::Usage, fmt::format("invalid --amount {}: a deposit is a positive amount",
                                                      domain::quoted(*request.amount)));
        }
    }
    std::int64_t deposited = 0;
    for (const auto& d : store.deposits_of_mission(mission.id)) deposited += d.net_minor;
    if (deposited + amount > price) {
        throw Error(ErrorKind::Failure,
                    fmt::format("a deposit of {} would bring the deposits on {} to {}, more than its price of {}; at "
                                "most {} is left",
                                domain::format_money(amount, mission.currency), mission.address(),
                                domain::format_money(deposited + amount, mission.currency),
                                domain::format_money(price, mission.currency),
                                domain::format_money(price - deposited, mission.currency)));
    }

    domain::Invoice invoice;
    invoice.client_id = client.id;
    invoice.client_handle = client.handle;
    invoice.currency = client.currency;
    invoice.language = invoicing::language_for(config_, client);
    invoice.deposit_mission_id = mission.id;
    const auto vat = invoicing::vat_for(config_, client, &mission);
    invoice.vat_regime = vat.regime;
    invoice.period_from = invoice.period_to = today();
    invoice.created_at = invoice.updated_at = time_.now;
    const bool french = invoice.language == "fr";
    domain::InvoiceLine line;
    if (percent_milli != 0) {
        const auto percent = domain::format_vat_rate(percent_milli);
        line.description = french ? fmt::format("Acompte de {} % — {}", percent, mission_label(mission))
                                  : fmt::format("Deposit of {}% — {}", percent, mission_label(mission));
    } else {
        line.description = fmt::format("{} — {}", french ? "Acompte" : "Deposit", mission_label(mission));
    }
    line.quantity_milli = 1000;
    line.unit_code = "C62";
    line.unit_price_minor = amount;
    line.vat_category = vat.tax.category;
    line.vat_rate_milli = vat.tax.rate_milli;
    invoice.lines.push_back(std::move(line));
    invoicing::recompute_totals(invoice);
    invoice.id = store.insert_draft(invoice);
    tx.commit();
    return *store.find(invoice.id);
}

}  // namespace slash::services
