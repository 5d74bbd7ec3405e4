#include "slash/domain/invoice.hpp"

namespace slash::domain {

std::string display_status(const Invoice& invoice, std::string_view today) {
    if (invoice.status != kIssued || invoice.credit_note()) return invoice.status;
    if (invoice.balance_minor() <= 0) return "paid";
    // Dates are YYYY-MM-DD, so text order is date order.
    if (!invoice.due_date.empty() && invoice.due_date < today) return "overdue";
    if (invoice.paid_minor > 0) return "partially_paid";
    return "issued";
}

std::int64_t amount_due(const Invoice& invoice) {
    if (invoice.draft() || invoice.credit_note() || invoice.status == kCancelled) return 0;
    return invoice.balance_minor();
}

const std::vector<std::string>& invoice_statuses() {
    static const std::vector<std::string> statuses{"draft",   "issued",         "paid",
                                                   "partially_paid", "overdue", "cancelled"};
    return statuses;
}

}  // namespace slash::domain
