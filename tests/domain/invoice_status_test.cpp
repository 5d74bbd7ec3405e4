#include <doctest/doctest.h>

#include "slash/domain/invoice.hpp"

using slash::domain::display_status;
using slash::domain::Invoice;

namespace {

Invoice issued(std::int64_t gross, std::int64_t paid, const char* due) {
    Invoice invoice;
    invoice.status = "issued";
    invoice.gross_minor = gross;
    invoice.paid_minor = paid;
    invoice.due_date = due;
    return invoice;
}

}  // namespace

TEST_CASE("domain/invoice status of an issued invoice follows its payments and due date") {
    CHECK(display_status(issued(10000, 0, "2026-12-28"), "2026-11-28") == "issued");
    CHECK(display_status(issued(10000, 2500, "2026-12-28"), "2026-11-28") == "partially_paid");
    CHECK(display_status(issued(10000, 10000, "2026-12-28"), "2026-11-28") == "paid");
    // Due today is not overdue yet; the day after it is, paid in part or not at all.
    CHECK(display_status(issued(10000, 0, "2026-11-28"), "2026-11-28") == "issued");
    CHECK(display_status(issued(10000, 0, "2026-11-27"), "2026-11-28") == "overdue");
    CHECK(display_status(issued(10000, 2500, "2026-11-27"), "2026-11-28") == "overdue");
    CHECK(display_status(issued(10000, 10000, "2026-11-27"), "2026-11-28") == "paid");
}

TEST_CASE("domain/invoice drafts, cancelled invoices and credit notes keep their stored status") {
    Invoice draft;
    CHECK(display_status(draft, "2026-11-28") == "draft");
    auto cancelled = issued(10000, 0, "2026-01-01");
    cancelled.status = "cancelled";
    CHECK(display_status(cancelled, "2026-11-28") == "cancelled");
    auto credit = issued(10000, 0, "2026-01-01");
    credit.kind = slash::domain::InvoiceKind::Credit;
    CHECK(display_status(credit, "2026-11-28") == "issued");
}

TEST_CASE("domain/invoice_kind: each stored text reads back, others do not") {
    namespace d = slash::domain;
    CHECK(d::to_text(d::InvoiceKind::Invoice) == "invoice");
    CHECK(d::to_text(d::InvoiceKind::Credit) == "credit");
    CHECK(d::invoice_kind_from_text("invoice") == d::InvoiceKind::Invoice);
    CHECK(d::invoice_kind_from_text("credit") == d::InvoiceKind::Credit);
    CHECK(d::invoice_kind_from_text("deposit") == std::nullopt);
}
