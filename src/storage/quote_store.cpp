#include "slash/storage/quote_store.hpp"

#include "sqlite_access.hpp"

namespace slash::storage {

namespace {

constexpr const char* kColumns =
    "SELECT q.id, q.status, q.client_id, c.handle, c.name, q.number, q.series, q.seq, coalesce(q.issue_date, ''), "
    "coalesce(q.valid_until, ''), q.title, q.currency, q.language, q.net_minor, q.vat_minor, q.gross_minor, "
    "q.created_at, q.issued_at, q.accepted_at, q.declined_at FROM quotes q JOIN clients c ON c.id = q.client_id ";

std::optional<std::string> text_or_null(SQLite::Statement& row, int i) {
    auto column = row.getColumn(i);
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

std::optional<std::int64_t> int_or_null(SQLite::Statement& row, int i) {
    auto column = row.getColumn(i);
    if (column.isNull()) return std::nullopt;
    return column.getInt64();
}

domain::SalesQuote read_quote(SQLite::Statement& row) {
    domain::SalesQuote q;
    q.id = row.getColumn(0).getInt64();
    q.status = row.getColumn(1).getString();
    q.client_id = row.getColumn(2).getInt64();
    q.client_handle = row.getColumn(3).getString();
    q.client_name = row.getColumn(4).getString();
    q.number = text_or_null(row, 5);
    q.series = text_or_null(row, 6);
    q.seq = int_or_null(row, 7);
    q.issue_date = row.getColumn(8).getString();
    q.valid_until = row.getColumn(9).getString();
    q.title = row.getColumn(10).getString();
    q.currency = row.getColumn(11).getString();
    q.language = row.getColumn(12).getString();
    q.net_minor = row.getColumn(13).getInt64();
    q.vat_minor = row.getColumn(14).getInt64();
    q.gross_minor = row.getColumn(15).getInt64();
    q.created_at = row.getColumn(16).getInt64();
    q.issued_at = int_or_null(row, 17);
    q.accepted_at = int_or_null(row, 18);
    q.declined_at = int_or_null(row, 19);
    return q;
}

void read_lines(Database& db, domain::SalesQuote& q) {
    SQLite::Statement stmt(connection(db),
                           "SELECT id, position, description, quantity_milli, unit_code, unit_price_minor, net_minor, "
                           "vat_category, vat_rate_milli FROM quote_lines WHERE quote_id = ? ORDER BY position");
    stmt.bind(1, q.id);
    while (stmt.executeStep()) {
        domain::QuoteLine l;
        l.id = stmt.getColumn(0).getInt64();
        l.position = stmt.getColumn(1).getInt64();
        l.description = stmt.getColumn(2).getString();
        l.quantity_milli = stmt.getColumn(3).getInt64();
        l.unit_code = stmt.getColumn(4).getString();
        l.unit_price_minor = stmt.getColumn(5).getInt64();
        l.net_minor = stmt.getColumn(6).getInt64();
        l.vat_category = stmt.getColumn(7).getString();
        l.vat_rate_milli = stmt.getColumn(8).getInt64();
        q.lines.push_back(std::move(l));
    }
}

std::vector<domain::SalesQuote> select(Database& db, const std::string& where, const std::string& value) {
    return guarded(db, [&] {
        SQLite::Statement stmt(connection(db), std::string(kColumns) + where);
        if (!value.empty()) stmt.bind(1, value);
        std::vector<domain::SalesQuote> quotes;
        while (stmt.executeStep()) quotes.push_back(read_quote(stmt));
        for (auto& q : quotes) read_lines(db, q);
        return quotes;
    });
}

}  // namespace

std::int64_t QuoteStore::insert(const domain::SalesQuote& q) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO quotes (client_id, title, currency, language, valid_until, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)");
        stmt.bind(1, q.client_id);
        stmt.bind(2, q.title);
        stmt.bind(3, q.currency);
        stmt.bind(4, q.language);
        if (q.valid_until.empty()) {
            stmt.bind(5);
        } else {
            stmt.bind(5, q.valid_until);
        }
        stmt.bind(6, q.created_at);
        stmt.exec();
        return connection(db_).getLastInsertRowid();
    });
}

std::optional<domain::SalesQuote> QuoteStore::find(std::int64_t id) {
    auto found = select(db_, "WHERE q.id = ?", std::to_string(id));
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<domain::SalesQuote> QuoteStore::find_number(std::string_view number) {
    auto found = select(db_, "WHERE q.number = ?", std::string(number));
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<domain::SalesQuote> QuoteStore::list() { return select(db_, "ORDER BY q.id", ""); }

void QuoteStore::update_draft(const domain::SalesQuote& q) {
    guarded(db_, [&] {
        auto& db = connection(db_);
        SQLite::Statement clear(db, "DELETE FROM quote_lines WHERE quote_id = ?");
        clear.bind(1, q.id);
        clear.exec();
        SQLite::Statement add(db,
                              "INSERT INTO quote_lines (quote_id, position, description, quantity_milli, unit_code, "
                              "unit_price_minor, net_minor, vat_category, vat_rate_milli) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        std::int64_t position = 0;
        for (const auto& l : q.lines) {
            add.bind(1, q.id);
            add.bind(2, ++position);
            add.bind(3, l.description);
            add.bind(4, l.quantity_milli);
            add.bind(5, l.unit_code);
            add.bind(6, l.unit_price_minor);
            add.bind(7, l.net_minor);
            add.bind(8, l.vat_category);
            add.bind(9, l.vat_rate_milli);
            add.exec();
            add.reset();
        }
        SQLite::Statement totals(db, "UPDATE quotes SET net_minor = ?, vat_minor = ?, gross_minor = ? WHERE id = ?");
        totals.bind(1, q.net_minor);
        totals.bind(2, q.vat_minor);
        totals.bind(3, q.gross_minor);
        totals.bind(4, q.id);
        totals.exec();
    });
}

void QuoteStore::issue(const domain::SalesQuote& q) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "UPDATE quotes SET status = 'issued', number = ?, series = ?, seq = ?, issue_date = ?, "
                               "valid_until = ?, issued_at = ? WHERE id = ?");
        stmt.bind(1, *q.number);
        stmt.bind(2, *q.series);
        stmt.bind(3, *q.seq);
        stmt.bind(4, q.issue_date);
        stmt.bind(5, q.valid_until);
        stmt.bind(6, *q.issued_at);
        stmt.bind(7, q.id);
        stmt.exec();
    });
}

void QuoteStore::set_outcome(std::int64_t id, std::string_view status, std::int64_t at) {
    guarded(db_, [&] {
        const std::string column = status == "accepted" ? "accepted_at" : "declined_at";
        SQLite::Statement stmt(connection(db_), "UPDATE quotes SET status = ?, " + column + " = ? WHERE id = ?");
        stmt.bind(1, std::string(status));
        stmt.bind(2, at);
        stmt.bind(3, id);
        stmt.exec();
    });
}

std::int64_t QuoteStore::last_seq(std::string_view series) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "SELECT coalesce(max(seq), 0) FROM quotes WHERE series = ?");
        stmt.bind(1, std::string(series));
        stmt.executeStep();
        return stmt.getColumn(0).getInt64();
    });
}

std::string QuoteStore::number_of_mission(std::int64_t mission_id) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "SELECT coalesce(q.number, '') FROM missions m JOIN quotes q ON q.id = m.quote_id "
                               "WHERE m.id = ?");
        stmt.bind(1, mission_id);
        return stmt.executeStep() ? stmt.getColumn(0).getString() : std::string();
    });
}

void QuoteStore::set_mission_quote(std::int64_t mission_id, std::int64_t quote_id) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "UPDATE missions SET quote_id = ? WHERE id = ?");
        stmt.bind(1, quote_id);
        stmt.bind(2, mission_id);
        stmt.exec();
    });
}

}  // namespace slash::storage
