#include "slash/storage/invoice_store.hpp"

#include <fmt/format.h>

#include "column_codec.hpp"
#include "enum_codec.hpp"
#include "sqlite_access.hpp"

namespace slash::storage {

namespace {

// paid_minor, the credited invoice's number and date, and the credit note cancelling an
// invoice come from correlated subqueries on indexed columns: one read gives what every
// view of an invoice needs.
constexpr const char* kSelect =
    "SELECT i.id, i.kind, i.status, i.client_id, c.handle, i.number, i.series, i.seq, i.issue_date, "
    "i.due_date, i.period_from, i.period_to, i.currency, i.language, i.vat_regime, i.net_minor, "
    "i.vat_minor, i.gross_minor, i.seller_name, i.seller_trade_name, i.seller_address, "
    "i.seller_country, i.seller_siren, i.seller_siret, i.seller_vat_id, i.seller_email, i.seller_iban, "
    "i.seller_bic, i.buyer_name, i.buyer_kind, i.buyer_address, i.buyer_country, i.buyer_siren, "
    "i.buyer_siret, i.buyer_vat_id, i.buyer_email, i.vat_mention, i.penalty_text, i.indemnity_text, "
    "i.discount_text, i.footer, i.credited_invoice_id, i.reason, i.created_at, i.updated_at, "
    "i.issued_at, "
    "(SELECT coalesce(sum(p.amount_minor), 0) FROM payments p WHERE p.invoice_id = i.id), "
    "o.number, o.issue_date, n.id, n.number, i.deposit_mission_id, "
    "(SELECT coalesce(sum(d.gross_minor), 0) FROM invoice_deposits d WHERE d.invoice_id = i.id), "
    "(SELECT dc.handle || '/' || dm.handle FROM missions dm JOIN clients dc ON dc.id = dm.client_id "
    " WHERE dm.id = i.deposit_mission_id) "
    "FROM invoices i JOIN clients c ON c.id = i.client_id "
    "LEFT JOIN invoices o ON o.id = i.credited_invoice_id "
    "LEFT JOIN invoices n ON n.credited_invoice_id = i.id ";

// Listings show neither the frozen identities nor the legal texts: the same row shape
// with those columns empty reads a year of invoices several times faster.
constexpr const char* kListSelect =
    "SELECT i.id, i.kind, i.status, i.client_id, c.handle, i.number, i.series, i.seq, i.issue_date, "
    "i.due_date, i.period_from, i.period_to, i.currency, i.language, i.vat_regime, i.net_minor, "
    "i.vat_minor, i.gross_minor, '', '', '', '', '', '', '', '', '', '', '', i.buyer_kind, '', '', '', '', '', "
    "'', '', '', '', '', '', i.credited_invoice_id, i.reason, i.created_at, i.updated_at, i.issued_at, "
    "(SELECT coalesce(sum(p.amount_minor), 0) FROM payments p WHERE p.invoice_id = i.id), "
    "o.number, o.issue_date, n.id, n.number, i.deposit_mission_id, "
    "(SELECT coalesce(sum(d.gross_minor), 0) FROM invoice_deposits d WHERE d.invoice_id = i.id), "
    "(SELECT dc.handle || '/' || dm.handle FROM missions dm JOIN clients dc ON dc.id = dm.client_id "
    " WHERE dm.id = i.deposit_mission_id) "
    "FROM invoices i JOIN clients c ON c.id = i.client_id "
    "LEFT JOIN invoices o ON o.id = i.credited_invoice_id "
    "LEFT JOIN invoices n ON n.credited_invoice_id = i.id ";

std::string text_or_empty(const SQLite::Column& column) { return column.isNull() ? std::string() : column.getString(); }

domain::Invoice read_invoice(SQLite::Statement& row) {
    domain::Invoice v;
    int i = 0;
    auto next = [&]() { return row.getColumn(i++); };
    v.id = next().getInt64();
    v.kind = decode(next(), &domain::invoice_kind_from_text, "invoice kind");
    v.status = next().getString();
    v.client_id = next().getInt64();
    v.client_handle = next().getString();
    if (auto c = next(); !c.isNull()) v.number = c.getString();
    v.series = text_or_empty(next());
    v.seq = optional_int(next());
    v.issue_date = text_or_empty(next());
    v.due_date = text_or_empty(next());
    v.period_from = next().getString();
    v.period_to = next().getString();
    v.currency = next().getString();
    v.language = next().getString();
    v.vat_regime = next().getString();
    v.net_minor = next().getInt64();
    v.vat_minor = next().getInt64();
    v.gross_minor = next().getInt64();
    auto& s = v.seller;
    s.name = next().getString();
    s.trade_name = next().getString();
    s.address = split_line_list(next().getString());
    s.country = next().getString();
    s.siren = next().getString();
    s.siret = next().getString();
    s.vat_id = next().getString();
    s.email = next().getString();
    s.iban = next().getString();
    s.bic = next().getString();
    auto& b = v.buyer;
    b.name = next().getString();
    b.business = next().getString() == "business";
    b.address = split_line_list(next().getString());
    b.country = next().getString();
    b.siren = next().getString();
    b.siret = next().getString();
    b.vat_id = next().getString();
    b.email = next().getString();
    v.vat_mention = next().getString();
    v.penalty_text = next().getString();
    v.indemnity_text = next().getString();
    v.discount_text = next().getString();
    v.footer = next().getString();
    v.credited_invoice_id = optional_int(next());
    v.reason = next().getString();
    v.created_at = next().getInt64();
    v.updated_at = next().getInt64();
    v.issued_at = optional_int(next());
    v.paid_minor = next().getInt64();
    v.credited_number = text_or_empty(next());
    v.credited_issue_date = text_or_empty(next());
    v.credit_note_id = optional_int(next());
    v.credit_note_number = text_or_empty(next());
    v.deposit_mission_id = optional_int(next());
    v.prepaid_minor = next().getInt64();
    v.deposit_mission = text_or_empty(next());
    return v;
}

std::vector<domain::InvoiceLine> read_lines(Database& db, std::int64_t invoice_id) {
    SQLite::Statement stmt(connection(db),
                           "SELECT id, position, mission_id, entry_id, description, quantity_milli, unit_code, "
                           "unit_name, unit_price_minor, net_minor, vat_category, vat_rate_milli "
                           "FROM invoice_lines WHERE invoice_id = ? ORDER BY position, id");
    stmt.bind(1, invoice_id);
    std::vector<domain::InvoiceLine> lines;
    while (stmt.executeStep()) {
        domain::InvoiceLine l;
        l.id = stmt.getColumn(0).getInt64();
        l.position = stmt.getColumn(1).getInt64();
        l.mission_id = optional_int(stmt.getColumn(2));
        l.entry_id = optional_int(stmt.getColumn(3));
        l.description = stmt.getColumn(4).getString();
        l.quantity_milli = stmt.getColumn(5).getInt64();
        l.unit_code = stmt.getColumn(6).getString();
        l.unit_name = stmt.getColumn(7).getString();
        l.unit_price_minor = stmt.getColumn(8).getInt64();
        l.net_minor = stmt.getColumn(9).getInt64();
        l.vat_category = stmt.getColumn(10).getString();
        l.vat_rate_milli = stmt.getColumn(11).getInt64();
        lines.push_back(std::move(l));
    }
    return lines;
}

std::vector<domain::DepositDeduction> read_deposits(Database& db, std::int64_t invoice_id) {
    SQLite::Statement stmt(connection(db),
                           "SELECT d.deposit_id, i.number, i.issue_date, d.gross_minor FROM invoice_deposits d "
                           "JOIN invoices i ON i.id = d.deposit_id WHERE d.invoice_id = ? ORDER BY i.issue_date, i.seq");
    stmt.bind(1, invoice_id);
    std::vector<domain::DepositDeduction> deposits;
    while (stmt.executeStep()) {
        deposits.push_back({stmt.getColumn(0).getInt64(), text_or_empty(stmt.getColumn(1)),
                            text_or_empty(stmt.getColumn(2)), stmt.getColumn(3).getInt64()});
    }
    return deposits;
}

void insert_deposits(Database& db, std::int64_t invoice_id, const std::vector<domain::DepositDeduction>& deposits) {
    SQLite::Statement stmt(connection(db),
                           "INSERT INTO invoice_deposits (invoice_id, deposit_id, gross_minor) VALUES (?,?,?)");
    for (const auto& d : deposits) {
        stmt.bind(1, invoice_id);
        stmt.bind(2, d.deposit_id);
        stmt.bind(3, d.gross_minor);
        stmt.exec();
        stmt.reset();
    }
}

void insert_lines(Database& db, std::int64_t invoice_id, const std::vector<domain::InvoiceLine>& lines) {
    SQLite::Statement stmt(connection(db),
                           "INSERT INTO invoice_lines (invoice_id, position, mission_id, entry_id, description, "
                           "quantity_milli, unit_code, unit_name, unit_price_minor, net_minor, vat_category, "
                           "vat_rate_milli) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    std::int64_t position = 0;
    for (const auto& l : lines) {
        stmt.bind(1, invoice_id);
        stmt.bind(2, ++position);
        bind_optional(stmt, 3, l.mission_id);
        bind_optional(stmt, 4, l.entry_id);
        stmt.bind(5, l.description);
        stmt.bind(6, l.quantity_milli);
        stmt.bind(7, l.unit_code);
        stmt.bind(8, l.unit_name);
        stmt.bind(9, l.unit_price_minor);
        stmt.bind(10, l.net_minor);
        stmt.bind(11, l.vat_category);
        stmt.bind(12, l.vat_rate_milli);
        stmt.exec();
        stmt.reset();
    }
}

std::optional<domain::Invoice> find_where(Database& db, const char* where, auto bind) {
    SQLite::Statement stmt(connection(db), std::string(kSelect) + where);
    bind(stmt);
    if (!stmt.executeStep()) return std::nullopt;
    auto invoice = read_invoice(stmt);
    stmt.reset();
    invoice.lines = read_lines(db, invoice.id);
    invoice.deposits = read_deposits(db, invoice.id);
    return invoice;
}

}  // namespace

std::optional<domain::Invoice> InvoiceStore::find(std::int64_t id) {
    return guarded(db_, [&] { return find_where(db_, "WHERE i.id = ?", [&](SQLite::Statement& s) { s.bind(1, id); }); });
}

std::optional<domain::Invoice> InvoiceStore::find_by_number(std::string_view number) {
    return guarded(db_, [&] {
        return find_where(db_, "WHERE i.number = ?",
                          [&](SQLite::Statement& s) { s.bind(1, std::string(number)); });
    });
}

std::vector<domain::Invoice> InvoiceStore::list(const InvoiceFilter& filter) {
    std::vector<domain::Invoice> invoices;
    each(filter, [&](domain::Invoice& invoice) { invoices.push_back(std::move(invoice)); });
    return invoices;
}

void InvoiceStore::each(const InvoiceFilter& filter, const std::function<void(domain::Invoice&)>& visit) {
    guarded(db_, [&] {
        std::string sql = std::string(kListSelect) + "WHERE 1 ";
        if (filter.client_id) sql += "AND i.client_id = :client ";
        if (filter.year) {
            sql += "AND (CASE WHEN i.status = 'draft' THEN i.period_from ELSE i.issue_date END) "
                   "BETWEEN :from AND :to ";
        }
        sql += "ORDER BY i.status = 'draft', i.issue_date, i.series, i.seq, i.id";
        SQLite::Statement stmt(connection(db_), sql);
        if (filter.client_id) stmt.bind(":client", *filter.client_id);
        if (filter.year) {
            stmt.bind(":from", fmt::format("{:04}-01-01", *filter.year));
            stmt.bind(":to", fmt::format("{:04}-12-31", *filter.year));
        }
        while (stmt.executeStep()) {
            auto invoice = read_invoice(stmt);
            visit(invoice);
        }
    });
}

std::int64_t InvoiceStore::insert_draft(const domain::Invoice& v) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO invoices (kind, client_id, period_from, period_to, currency, language, "
                               "vat_regime, net_minor, vat_minor, gross_minor, credited_invoice_id, reason, "
                               "created_at, updated_at, deposit_mission_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        bind_text(stmt, 1, v.kind);
        stmt.bind(2, v.client_id);
        stmt.bind(3, v.period_from);
        stmt.bind(4, v.period_to);
        stmt.bind(5, v.currency);
        stmt.bind(6, v.language);
        stmt.bind(7, v.vat_regime);
        stmt.bind(8, v.net_minor);
        stmt.bind(9, v.vat_minor);
        stmt.bind(10, v.gross_minor);
        bind_optional(stmt, 11, v.credited_invoice_id);
        stmt.bind(12, v.reason);
        stmt.bind(13, v.created_at);
        stmt.bind(14, v.updated_at);
        bind_optional(stmt, 15, v.deposit_mission_id);
        stmt.exec();
        auto id = connection(db_).getLastInsertRowid();
        insert_lines(db_, id, v.lines);
        insert_deposits(db_, id, v.deposits);
        return id;
    });
}

void InvoiceStore::update_draft(const domain::Invoice& v) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "UPDATE invoices SET period_from = ?, period_to = ?, vat_regime = ?, net_minor = ?, "
                               "vat_minor = ?, gross_minor = ?, updated_at = ? WHERE id = ? AND status = 'draft'");
        stmt.bind(1, v.period_from);
        stmt.bind(2, v.period_to);
        stmt.bind(3, v.vat_regime);
        stmt.bind(4, v.net_minor);
        stmt.bind(5, v.vat_minor);
        stmt.bind(6, v.gross_minor);
        stmt.bind(7, v.updated_at);
        stmt.bind(8, v.id);
        stmt.exec();
        SQLite::Statement clear(connection(db_), "DELETE FROM invoice_lines WHERE invoice_id = ?");
        clear.bind(1, v.id);
        clear.exec();
        insert_lines(db_, v.id, v.lines);
    });
}

void InvoiceStore::update_line_taxes(const domain::Invoice& v) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "UPDATE invoice_lines SET vat_category = ?, vat_rate_milli = ?, net_minor = ? "
                               "WHERE id = ? AND invoice_id = ?");
        for (const auto& line : v.lines) {
            stmt.bind(1, line.vat_category);
            stmt.bind(2, line.vat_rate_milli);
            stmt.bind(3, line.net_minor);
            stmt.bind(4, line.id);
            stmt.bind(5, v.id);
            stmt.exec();
            stmt.reset();
        }
    });
}

void InvoiceStore::issue(const domain::Invoice& v) {
    guarded(db_, [&] {
        SQLite::Statement stmt(
            connection(db_),
            "UPDATE invoices SET status = 'issued', number = ?, series = ?, seq = ?, issue_date = ?, due_date = ?, "
            "vat_regime = ?, net_minor = ?, vat_minor = ?, gross_minor = ?, seller_name = ?, seller_trade_name = ?, "
            "seller_address = ?, seller_country = ?, seller_siren = ?, seller_siret = ?, seller_vat_id = ?, "
            "seller_email = ?, seller_iban = ?, seller_bic = ?, buyer_name = ?, buyer_kind = ?, buyer_address = ?, "
            "buyer_country = ?, buyer_siren = ?, buyer_siret = ?, buyer_vat_id = ?, buyer_email = ?, "
            "vat_mention = ?, penalty_text = ?, indemnity_text = ?, discount_text = ?, footer = ?, "
            "updated_at = ?, issued_at = ? WHERE id = ? AND status = 'draft'");
        int i = 0;
        auto bind = [&](const auto& value) { stmt.bind(++i, value); };
        bind(*v.number);
        bind(v.series);
        bind(*v.seq);
        bind(v.issue_date);
        bind(v.due_date);
        bind(v.vat_regime);
        bind(v.net_minor);
        bind(v.vat_minor);
        bind(v.gross_minor);
        const auto& s = v.seller;
        for (const auto* text : {&s.name, &s.trade_name}) bind(*text);
        bind(join_line_list(s.address));
        for (const auto* text : {&s.country, &s.siren, &s.siret, &s.vat_id, &s.email, &s.iban, &s.bic}) bind(*text);
        const auto& b = v.buyer;
        bind(b.name);
        bind(std::string(b.business ? "business" : "individual"));
        bind(join_line_list(b.address));
        for (const auto* text : {&b.country, &b.siren, &b.siret, &b.vat_id, &b.email}) bind(*text);
        for (const auto* text : {&v.vat_mention, &v.penalty_text, &v.indemnity_text, &v.discount_text, &v.footer}) {
            bind(*text);
        }
        bind(v.updated_at);
        bind(*v.issued_at);
        bind(v.id);
        if (stmt.exec() != 1) {
            throw Error(ErrorKind::Conflict, fmt::format("invoice {} is no longer a draft", v.id));
        }
    });
}

void InvoiceStore::cancel(std::int64_t id, std::int64_t now) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "UPDATE invoices SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'issued'");
        stmt.bind(1, now);
        stmt.bind(2, id);
        stmt.exec();
        SQLite::Statement free(connection(db_), "UPDATE entries SET invoice_id = NULL WHERE invoice_id = ?");
        free.bind(1, id);
        free.exec();
    });
}

void InvoiceStore::remove_draft(std::int64_t id) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "DELETE FROM invoices WHERE id = ? AND status = 'draft'");
        stmt.bind(1, id);
        stmt.exec();
    });
}

void InvoiceStore::reserve_entries(std::int64_t invoice_id, const std::vector<std::int64_t>& entry_ids) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "UPDATE entries SET invoice_id = ? WHERE id = ? AND invoice_id IS NULL");
        for (auto id : entry_ids) {
            stmt.bind(1, invoice_id);
            stmt.bind(2, id);
            if (stmt.exec() != 1) {
                throw Error(ErrorKind::Conflict, fmt::format("entry {} is already billed by another invoice", id));
            }
            stmt.reset();
        }
    });
}

void InvoiceStore::release_entries(const std::vector<std::int64_t>& entry_ids) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "UPDATE entries SET invoice_id = NULL WHERE id = ?");
        for (auto id : entry_ids) {
            stmt.bind(1, id);
            stmt.exec();
            stmt.reset();
        }
    });
}

std::int64_t InvoiceStore::last_seq(std::string_view series) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "SELECT coalesce(max(seq), 0) FROM invoices WHERE series = ?");
        stmt.bind(1, std::string(series));
        stmt.executeStep();
        return stmt.getColumn(0).getInt64();
    });
}

std::optional<InvoiceStore::Latest> InvoiceStore::latest_issued(std::string_view kind) {
    return guarded(db_, [&]() -> std::optional<Latest> {
        SQLite::Statement stmt(connection(db_),
                               "SELECT number, issue_date FROM invoices WHERE kind = ? AND number IS NOT NULL "
                               "ORDER BY issue_date DESC, issued_at DESC, id DESC LIMIT 1");
        stmt.bind(1, std::string(kind));
        if (!stmt.executeStep()) return std::nullopt;
        return Latest{stmt.getColumn(0).getString(), stmt.getColumn(1).getString()};
    });
}

std::vector<MissionDeposit> InvoiceStore::deposits_of_mission(std::int64_t mission_id) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(
            connection(db_),
            "SELECT i.id, i.status, i.number, i.issue_date, i.net_minor, i.gross_minor, f.number, f.id "
            "FROM invoices i LEFT JOIN invoices f ON f.id = "
            " (SELECT d.invoice_id FROM invoice_deposits d JOIN invoices g ON g.id = d.invoice_id "
            "  WHERE d.deposit_id = i.id AND g.kind = 'invoice' AND g.status <> 'cancelled' "
            "  ORDER BY g.status = 'draft', g.id LIMIT 1) "
            "WHERE i.deposit_mission_id = ? AND i.kind = 'invoice' AND i.status <> 'cancelled' "
            "ORDER BY i.status = 'draft', i.issue_date, i.seq, i.id");
        stmt.bind(1, mission_id);
        std::vector<MissionDeposit> deposits;
        while (stmt.executeStep()) {
            MissionDeposit d;
            d.id = stmt.getColumn(0).getInt64();
            d.draft = stmt.getColumn(1).getString() == "draft";
            d.number = text_or_empty(stmt.getColumn(2));
            d.issue_date = text_or_empty(stmt.getColumn(3));
            d.net_minor = stmt.getColumn(4).getInt64();
            d.gross_minor = stmt.getColumn(5).getInt64();
            d.deducted_by = text_or_empty(stmt.getColumn(6));
            d.deducted_by_id = optional_int(stmt.getColumn(7));
            deposits.push_back(std::move(d));
        }
        return deposits;
    });
}

bool InvoiceStore::mission_billed(std::int64_t mission_id) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "SELECT " + price_on_invoice_sql("?"));
        stmt.bind(1, mission_id);
        stmt.executeStep();
        return stmt.getColumn(0).getInt() != 0;
    });
}

}  // namespace slash::storage
