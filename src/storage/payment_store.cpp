#include "slash/storage/payment_store.hpp"

#include "column_codec.hpp"
#include "enum_codec.hpp"
#include "sqlite_access.hpp"

namespace slash::storage {

namespace {

constexpr const char* kSelect =
    "SELECT p.id, p.client_id, c.handle, p.invoice_id, coalesce(i.number, ''), p.paid_on, p.amount_minor, "
    "p.currency, p.eur_minor, p.method, p.note, p.created_at, p.activity "
    "FROM payments p JOIN clients c ON c.id = p.client_id LEFT JOIN invoices i ON i.id = p.invoice_id ";

domain::Payment read_payment(SQLite::Statement& row) {
    domain::Payment p;
    p.id = row.getColumn(0).getInt64();
    p.client_id = row.getColumn(1).getInt64();
    p.client_handle = row.getColumn(2).getString();
    p.invoice_id = optional_int(row.getColumn(3));
    p.invoice_number = row.getColumn(4).getString();
    p.paid_on = row.getColumn(5).getString();
    p.amount_minor = row.getColumn(6).getInt64();
    p.currency = row.getColumn(7).getString();
    p.eur_minor = optional_int(row.getColumn(8));
    p.method = decode(row.getColumn(9), &domain::payment_method_from_text, "payment method");
    p.note = row.getColumn(10).getString();
    p.created_at = row.getColumn(11).getInt64();
    if (!row.getColumn(12).isNull()) p.activity = row.getColumn(12).getString();
    return p;
}

}  // namespace

std::optional<domain::Payment> PaymentStore::find(std::int64_t id) {
    return guarded(db_, [&]() -> std::optional<domain::Payment> {
        SQLite::Statement stmt(connection(db_), std::string(kSelect) + "WHERE p.id = ?");
        stmt.bind(1, id);
        if (!stmt.executeStep()) return std::nullopt;
        return read_payment(stmt);
    });
}

std::vector<domain::Payment> PaymentStore::list(const PaymentFilter& filter) {
    return guarded(db_, [&] {
        std::string sql = std::string(kSelect) + "WHERE 1 ";
        if (filter.client_id) sql += "AND p.client_id = :client ";
        if (filter.invoice_id) sql += "AND p.invoice_id = :invoice ";
        if (!filter.from.empty()) sql += "AND p.paid_on >= :from ";
        if (!filter.to.empty()) sql += "AND p.paid_on <= :to ";
        sql += "ORDER BY p.paid_on, p.id";
        SQLite::Statement stmt(connection(db_), sql);
        if (filter.client_id) stmt.bind(":client", *filter.client_id);
        if (filter.invoice_id) stmt.bind(":invoice", *filter.invoice_id);
        if (!filter.from.empty()) stmt.bind(":from", filter.from);
        if (!filter.to.empty()) stmt.bind(":to", filter.to);
        std::vector<domain::Payment> payments;
        while (stmt.executeStep()) payments.push_back(read_payment(stmt));
        return payments;
    });
}

std::int64_t PaymentStore::insert(const domain::Payment& p) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO payments (client_id, invoice_id, paid_on, amount_minor, currency, "
                               "eur_minor, method, note, created_at, activity) VALUES (?,?,?,?,?,?,?,?,?,?)");
        stmt.bind(1, p.client_id);
        bind_optional(stmt, 2, p.invoice_id);
        stmt.bind(3, p.paid_on);
        stmt.bind(4, p.amount_minor);
        stmt.bind(5, p.currency);
        bind_optional(stmt, 6, p.eur_minor);
        bind_text(stmt, 7, p.method);
        stmt.bind(8, p.note);
        stmt.bind(9, p.created_at);
        bind_optional(stmt, 10, p.activity);
        stmt.exec();
        return connection(db_).getLastInsertRowid();
    });
}

void PaymentStore::remove(std::int64_t id) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "DELETE FROM payments WHERE id = ?");
        stmt.bind(1, id);
        stmt.exec();
    });
}

}  // namespace slash::storage
