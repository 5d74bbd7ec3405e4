#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/domain/invoice_checks.hpp"

/// Invoices, credit notes and payments (docs/contract.md §1, §4, §5) as the rest of the program
/// sees them. Amounts are minor units of the invoice's currency; a credit note carries
/// positive amounts and is subtracted by whoever adds invoices up.
#include "slash/domain/invoice_kind.hpp"
#include "slash/domain/payment_method.hpp"

namespace slash::domain {

/// One line of an invoice: a mission's work over the period, one entry (--detail), or an
/// extra added by hand (expenses, a discount as a negative price).
struct InvoiceLine {
    std::int64_t id = 0;
    std::int64_t position = 0;  ///< 1-based order on the invoice
    std::optional<std::int64_t> mission_id;
    std::optional<std::int64_t> entry_id;  ///< --detail lines
    std::string description;
    std::int64_t quantity_milli = 0;  ///< quantity × 1000
    std::string unit_code;            ///< UN/ECE Rec. 20: HUR, DAY, C62
    std::string unit_name;            ///< what a C62 unit is ("task"), for display
    std::int64_t unit_price_minor = 0;
    std::int64_t net_minor = 0;  ///< quantity × price, rounded half away from zero
    std::string vat_category;    ///< S, E, AE or G
    std::int64_t vat_rate_milli = 0;
};

/// A deposit invoice that a final invoice deducts (EN 16931: a preceding invoice reference,
/// BG-3, whose amount counts in the paid amount, BT-113).
struct DepositDeduction {
    std::int64_t deposit_id = 0;
    std::string number;
    std::string issue_date;
    std::int64_t gross_minor = 0;  ///< the deposit invoice's total, VAT included
};

/// Stored status of an invoice: a draft changes freely, an issued invoice never changes,
/// a cancelled one was cancelled by a credit note.
inline constexpr std::string_view kDraft = "draft";
inline constexpr std::string_view kIssued = "issued";
inline constexpr std::string_view kCancelled = "cancelled";

struct Invoice {
    std::int64_t id = 0;
    InvoiceKind kind = InvoiceKind::Invoice;
    std::string status = "draft";  ///< draft | issued | cancelled
    std::int64_t client_id = 0;
    std::string client_handle;  ///< filled by reads
    std::optional<std::string> number;
    std::string series;
    std::optional<std::int64_t> seq;
    std::string issue_date;  ///< YYYY-MM-DD, empty for a draft
    std::string due_date;    ///< YYYY-MM-DD, empty for a draft
    std::string period_from;
    std::string period_to;
    std::string currency;
    std::string language;    ///< fr | en
    std::string vat_regime;  ///< franchise | standard | reverse-charge | export
    std::int64_t net_minor = 0;
    std::int64_t vat_minor = 0;
    std::int64_t gross_minor = 0;
    /// Frozen at issue; empty on a draft (documents of a draft use the live identity).
    SellerIdentity seller;
    BuyerIdentity buyer;
    std::string vat_mention;
    std::string penalty_text;
    std::string indemnity_text;
    std::string discount_text;
    std::string footer;
    /// A credit note: the invoice it cancels, and that invoice's number and date.
    std::optional<std::int64_t> credited_invoice_id;
    std::string credited_number;
    std::string credited_issue_date;
    std::string reason;
    /// Of an invoice: the id and number of the credit note that cancelled it.
    std::optional<std::int64_t> credit_note_id;
    std::string credit_note_number;
    /// The sum of its payments, filled by reads.
    std::int64_t paid_minor = 0;
    /// A deposit invoice (facture d'acompte, UNTDID 1001 type 386): the fixed-price mission
    /// it is an advance on. Its line bills no mission's work, so the price stays unbilled.
    std::optional<std::int64_t> deposit_mission_id;
    std::string deposit_mission;  ///< its address, CLIENT/MISSION, filled by reads
    /// Of a final invoice (and of the credit note cancelling it): the deposits it deducts,
    /// and their sum (filled by reads).
    std::vector<DepositDeduction> deposits;
    std::int64_t prepaid_minor = 0;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::optional<std::int64_t> issued_at;
    std::vector<InvoiceLine> lines;

    [[nodiscard]] bool draft() const { return status == kDraft; }
    [[nodiscard]] bool credit_note() const { return kind == InvoiceKind::Credit; }
    [[nodiscard]] bool deposit() const { return deposit_mission_id.has_value(); }
    /// What the client owes on it before any payment: its total less the deposits it
    /// deducts (EN 16931 BT-115 before payments).
    [[nodiscard]] std::int64_t payable_minor() const { return gross_minor - prepaid_minor; }
    /// What is left to pay: payable less payments.
    [[nodiscard]] std::int64_t balance_minor() const { return payable_minor() - paid_minor; }
    /// The number, or "draft N" for a draft: what messages call it.
    [[nodiscard]] std::string label() const { return number ? *number : "draft " + std::to_string(id); }
};

/// What `invoice list` shows: draft, issued, paid, partially_paid, overdue, cancelled.
/// An issued invoice is paid once its payments reach its total, overdue when its due date is
/// before `today` (YYYY-MM-DD) and it is not fully paid, partially_paid when some but not all
/// is paid, else issued. A credit note is issued (it is not paid).
[[nodiscard]] std::string display_status(const Invoice& invoice, std::string_view today);

/// What remains to be paid of an issued invoice: its total less the deposits it deducts
/// and its payments (balance_minor); 0 for a
/// draft, a credit note or a cancelled invoice. The one reading of "amount due" of the
/// listings, the reminders and the e-mails.
[[nodiscard]] std::int64_t amount_due(const Invoice& invoice);

/// The statuses `invoice list --status` accepts, in display order.
[[nodiscard]] const std::vector<std::string>& invoice_statuses();

/// Money received: against an invoice, or with no invoice (a platform payout).
struct Payment {
    std::int64_t id = 0;
    std::int64_t client_id = 0;
    std::string client_handle;  ///< filled by reads
    std::optional<std::int64_t> invoice_id;
    std::string invoice_number;  ///< filled by reads when invoice_id is set
    std::string paid_on;         ///< YYYY-MM-DD
    std::int64_t amount_minor = 0;
    std::string currency;
    /// For a payment in another currency: the EUR actually received, in cents.
    std::optional<std::int64_t> eur_minor;
    PaymentMethod method = PaymentMethod::Transfer;
    std::string note;
    /// A receipt without invoice: the URSSAF activity it declares ("bnc", "bic-services" or
    /// "bic-sales"); nullopt: [urssaf] activity of the config. Always nullopt for a payment
    /// of an invoice, whose lines' missions decide.
    std::optional<std::string> activity;
    std::int64_t created_at = 0;

    /// The euros it brought in, in cents: the amount of a EUR payment, else the EUR
    /// recorded with --eur; nullopt for a foreign payment recorded without it.
    [[nodiscard]] std::optional<std::int64_t> eur() const {
        if (currency == "EUR") return amount_minor;
        return eur_minor;
    }
};

}  // namespace slash::domain
