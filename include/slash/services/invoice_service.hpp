#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/entry.hpp"
#include "slash/domain/invoice.hpp"
#include "slash/domain/place_of_supply.hpp"
#include "slash/domain/reminder.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/time_grammar.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// `slash invoice new CLIENT [PERIOD] [--detail]`.
struct DraftRequest {
    std::string client;
    std::optional<std::string> period;  ///< default: last month
    bool detail = false;                ///< one line per entry instead of one per mission
};

/// `slash invoice line add DRAFT DESCRIPTION --price P [--quantity Q] [--unit U]...`.
struct LineRequest {
    std::string description;
    std::string price;                   ///< unit price, negative for a discount
    std::optional<std::string> quantity;  ///< decimal, default 1
    std::optional<std::string> unit;      ///< hour, day or unit (HUR, DAY, C62); default unit
    std::optional<std::string> unit_name;
    std::optional<std::string> currency;  ///< must be the invoice's when given
    std::optional<std::string> vat_rate;  ///< percent; default: the invoice's regime
};

/// `slash invoice deposit CLIENT/MISSION (--percent P | --amount A)`.
struct DepositRequest {
    std::string mission;                 ///< CLIENT/MISSION, a fixed-price mission
    std::optional<std::string> percent;  ///< of the price
    std::optional<std::string> amount;   ///< net, in the mission's currency
};

/// `slash invoice pay REF`.
struct PayRequest {
    std::optional<std::string> amount;  ///< default: what remains due
    std::optional<std::string> on;      ///< DATE, default today
    std::string method = "transfer";
    std::optional<std::string> eur;  ///< the EUR received, for another currency
    std::string note;
};

/// `slash invoice list` filters, as typed.
struct InvoiceQuery {
    std::optional<std::string> status;
    std::optional<std::string> client;
    std::optional<std::string> year;
    bool overdue = false;
    /// Issued (numbered) invoices and credit notes whose issue date is in this PERIOD.
    std::optional<std::string> issued_in;
};

/// An invoice with its display status (domain::display_status) for listings.
struct ListedInvoice {
    domain::Invoice invoice;
    std::string status;
};

/// Everything a document of the invoice shows: identities resolved (a draft's are the live
/// config and client), VAT breakdown, legal mentions, payments, billed entries.
struct InvoiceDetails {
    domain::Invoice invoice;
    std::vector<domain::VatBreakdown> vat;
    std::vector<std::string> mentions;
    std::vector<domain::Payment> payments;
    std::vector<domain::Entry> entries;
    std::string status;
    std::string einvoicing;  ///< the latest e-invoicing status, "205 Approuvée"; empty when none
    std::vector<domain::Reminder> reminders;  ///< payment reminders sent, oldest first
    int minor_digits = 2;
    /// Of a draft: why it has its VAT regime (the place of supply, or an override).
    std::optional<domain::VatDecision> vat_decision;
};

/// The invoice use cases of docs/contract.md §4-5. Every write validates everything first and
/// runs in one write transaction (BEGIN IMMEDIATE), so two processes issuing at once are
/// serialized and get consecutive numbers. REF is an invoice number, or the id of an
/// invoice (drafts have no number): a number is looked up first.
class InvoiceService {
public:
    InvoiceService(storage::Database& db, const config::Config& config, const domain::TimeContext& time)
        : db_(db), config_(config), time_(time) {}

    /// A draft of the client's unbilled billable work of the period; its entries are
    /// reserved. Failure (exit 1) when there is nothing to bill.
    domain::Invoice draft(const DraftRequest& request);
    /// One draft per client with unbilled work in MONTH (default last month), clients in
    /// handle order; with `dry_run` nothing is written (the drafts have id 0).
    std::vector<domain::Invoice> monthly(const std::optional<std::string>& month, bool dry_run, bool detail);
    /// A draft deposit invoice (type 386) on a fixed-price mission that no invoice bills
    /// yet: a percentage of its price or an amount, net; all deposits at most the price.
    domain::Invoice deposit(const DepositRequest& request);
    domain::Invoice add_line(const std::string& ref, const LineRequest& request);
    /// Removes line `position` (1-based) of a draft; the later lines move up.
    domain::Invoice remove_line(const std::string& ref, std::int64_t position);
    /// Deletes a draft and frees its entries; returns it as it was.
    domain::Invoice remove(const std::string& ref);
    /// Numbers, freezes and locks a draft (docs/contract.md §5); refuses, listing every missing
    /// legal item, an incomplete one. `date`: the issue date, default today.
    domain::Invoice issue(const std::string& ref, const std::optional<std::string>& date);
    /// Issues a credit note for the whole of an issued invoice, cancels the invoice and
    /// frees its entries; returns the credit note.
    domain::Invoice credit(const std::string& ref, const std::string& reason, const std::optional<std::string>& date);
    /// Records a payment of an issued invoice; refuses more than what remains due.
    domain::Payment pay(const std::string& ref, const PayRequest& request);

    [[nodiscard]] InvoiceDetails details(const std::string& ref);
    [[nodiscard]] std::vector<ListedInvoice> list(const InvoiceQuery& query);
    /// The same invoices one at a time (ten years of invoices listed in constant memory);
    /// the query is checked before the first visit.
    void each(const InvoiceQuery& query, const std::function<void(ListedInvoice&)>& visit);

    /// Today's local date, YYYY-MM-DD.
    [[nodiscard]] std::string today() const;

private:
    storage::Database& db_;
    const config::Config& config_;
    domain::TimeContext time_;
};

/// `slash payment add --client C --amount A [--on D]...`: a receipt with no invoice.
struct PaymentRequest {
    std::string client;
    std::string amount;
    std::optional<std::string> on;
    std::string method = "platform";
    std::optional<std::string> eur;
    std::string note;
    /// The URSSAF activity of the receipt: bnc, bic-services or bic-sales; nullopt (or
    /// "default"): [urssaf] activity of the config.
    std::optional<std::string> activity;
};

/// `slash payment list` filters, as typed.
struct PaymentQuery {
    std::optional<std::string> period;  ///< default: every payment
    std::optional<std::string> client;
    std::optional<std::string> invoice;
};

/// Money received, with or without an invoice.
class PaymentService {
public:
    PaymentService(storage::Database& db, const domain::TimeContext& time) : db_(db), time_(time) {}

    domain::Payment add(const PaymentRequest& request);
    [[nodiscard]] std::vector<domain::Payment> list(const PaymentQuery& query);
    /// Deletes a payment (a mistake in the books); returns it.
    domain::Payment remove(std::int64_t id);

private:
    storage::Database& db_;
    domain::TimeContext time_;
};

}  // namespace slash::services
