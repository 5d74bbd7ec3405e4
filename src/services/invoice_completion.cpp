#include "slash/services/invoice_completion.hpp"

#include <algorithm>

#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/invoice.hpp"
#include "slash/domain/money.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/invoice_store.hpp"
#include "slash/storage/payment_store.hpp"

namespace slash::services {

namespace {

bool cancelled(const domain::Invoice& invoice) { return invoice.status == domain::kCancelled; }

// What is left to pay on an issued invoice; nothing on anything else.
std::int64_t due_of(const domain::Invoice& invoice) {
    if (invoice.draft() || invoice.credit_note() || cancelled(invoice)) return 0;
    return invoice.balance_minor();
}

bool wanted(const domain::Invoice& invoice, InvoiceChoice choice) {
    switch (choice) {
        case InvoiceChoice::Drafts: return invoice.draft();
        case InvoiceChoice::Any: return true;
        case InvoiceChoice::Payable: return due_of(invoice) > 0;
        case InvoiceChoice::Creditable:
            return !invoice.draft() && !invoice.credit_note() && !cancelled(invoice);
        case InvoiceChoice::Invoices: return !invoice.draft() && !invoice.credit_note();
        case InvoiceChoice::Issued: return !invoice.draft();
    }
    return false;
}

// Enough to recognise the invoice at a glance; the status words need no clock, so that
// completion never depends on the time zone (overdue is left to `invoice list`).
std::string description_of(const domain::Invoice& invoice) {
    auto total = domain::format_money(invoice.gross_minor, invoice.currency);
    if (invoice.draft()) return "draft for " + invoice.client_handle + ", " + total;
    std::string text = (invoice.credit_note() ? "credit note for " : "invoice for ") + invoice.client_handle +
                       ", " + invoice.issue_date + ", " + total;
    if (cancelled(invoice)) {
        text += ", cancelled";
    } else if (!invoice.credit_note()) {
        auto due = due_of(invoice);
        if (due <= 0) {
            text += ", paid";
        } else if (invoice.paid_minor > 0) {
            text += ", " + domain::format_money(due, invoice.currency) + " due";
        }
    }
    return text;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> completion_invoices(const std::filesystem::path& db_path,
                                                                     InvoiceChoice choice) {
    std::vector<std::pair<std::string, std::string>> result;
    auto db = storage::Database::open_read_only(db_path);
    if (!db) return result;
    try {
        // One listing: the descriptions need the client, dates and amounts it carries.
        for (const auto& invoice : storage::InvoiceStore(*db).list({})) {
            if (!wanted(invoice, choice)) continue;
            auto ref = invoice.number ? *invoice.number : std::to_string(invoice.id);
            result.emplace_back(std::move(ref), description_of(invoice));
        }
    } catch (const Error&) {
        // Completion must never print an error into the user's command line.
        result.clear();
    }
    return result;
}

std::vector<std::pair<std::string, std::string>> completion_payments(const std::filesystem::path& db_path,
                                                                     std::size_t limit) {
    std::vector<std::pair<std::string, std::string>> result;
    auto db = storage::Database::open_read_only(db_path);
    if (!db) return result;
    try {
        auto payments = storage::PaymentStore(*db).list({});
        // The listing is oldest first; a payment to delete is usually a recent mistake.
        std::reverse(payments.begin(), payments.end());
        if (payments.size() > limit) payments.resize(limit);
        for (const auto& payment : payments) {
            std::string description = payment.paid_on + " " + payment.client_handle + " " +
                                      domain::format_money(payment.amount_minor, payment.currency);
            if (!payment.invoice_number.empty()) description += " " + payment.invoice_number;
            result.emplace_back(std::to_string(payment.id), description);
        }
    } catch (const Error&) {
        result.clear();
    }
    return result;
}

}  // namespace slash::services
