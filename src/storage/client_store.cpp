#include "slash/storage/client_store.hpp"

#include <fmt/format.h>

#include "slash/domain/suggest.hpp"
#include "column_codec.hpp"
#include "enum_codec.hpp"
#include "sqlite_access.hpp"

namespace slash::storage {

namespace {

constexpr const char* kColumns =
    "id, handle, name, kind, address, country, siren, siret, vat_id, email, currency, terms_days, "
    "language, rate_mode, rate_minor, notes, archived_at, created_at, updated_at, vat_regime, vat_rate_milli, "
    "rounding_seconds, rounding_mode";

domain::Client read_client(SQLite::Statement& row) {
    domain::Client c;
    c.id = row.getColumn(0).getInt64();
    c.handle = row.getColumn(1).getString();
    c.name = row.getColumn(2).getString();
    c.kind = row.getColumn(3).getString();
    c.address = split_line_list(row.getColumn(4).getString());
    c.country = row.getColumn(5).getString();
    c.siren = row.getColumn(6).getString();
    c.siret = row.getColumn(7).getString();
    c.vat_id = row.getColumn(8).getString();
    c.email = row.getColumn(9).getString();
    c.currency = row.getColumn(10).getString();
    c.terms_days = optional_int(row.getColumn(11));
    if (!row.getColumn(12).isNull()) c.language = row.getColumn(12).getString();
    if (!row.getColumn(13).isNull()) {
        c.rate_mode = decode(row.getColumn(13), &domain::billing_mode_from_text, "billing mode");
    }
    c.rate_minor = optional_int(row.getColumn(14));
    c.notes = row.getColumn(15).getString();
    c.archived_at = optional_int(row.getColumn(16));
    c.created_at = row.getColumn(17).getInt64();
    c.updated_at = row.getColumn(18).getInt64();
    c.vat_regime = optional_text(row.getColumn(19));
    c.vat_rate_milli = optional_int(row.getColumn(20));
    c.rounding_seconds = optional_int(row.getColumn(21));
    c.rounding_mode = optional_text(row.getColumn(22));
    return c;
}

// Binds every column but id, in kColumns order, starting at parameter 1.
void bind_fields(SQLite::Statement& stmt, const domain::Client& c) {
    stmt.bind(1, c.handle);
    stmt.bind(2, c.name);
    stmt.bind(3, c.kind);
    stmt.bind(4, join_line_list(c.address));
    stmt.bind(5, c.country);
    stmt.bind(6, c.siren);
    stmt.bind(7, c.siret);
    stmt.bind(8, c.vat_id);
    stmt.bind(9, c.email);
    stmt.bind(10, c.currency);
    bind_optional(stmt, 11, c.terms_days);
    bind_optional(stmt, 12, c.language);
    if (c.rate_mode) {
        bind_text(stmt, 13, *c.rate_mode);
    } else {
        stmt.bind(13);
    }
    bind_optional(stmt, 14, c.rate_minor);
    stmt.bind(15, c.notes);
    bind_optional(stmt, 16, c.archived_at);
    stmt.bind(17, c.created_at);
    stmt.bind(18, c.updated_at);
    bind_optional(stmt, 19, c.vat_regime);
    bind_optional(stmt, 20, c.vat_rate_milli);
    bind_optional(stmt, 21, c.rounding_seconds);
    bind_optional(stmt, 22, c.rounding_mode);
}

[[noreturn]] void throw_taken(std::string_view handle) {
    throw Error(ErrorKind::Conflict,
                fmt::format("client \"{}\" already exists; choose another handle or edit it with "
                            "\"slash client edit {}\"",
                            handle, handle));
}

}  // namespace

std::optional<domain::Client> ClientStore::find(std::string_view handle) {
    return guarded(db_, [&]() -> std::optional<domain::Client> {
        SQLite::Statement stmt(connection(db_), fmt::format("SELECT {} FROM clients WHERE handle = ?", kColumns));
        stmt.bind(1, std::string(handle));
        if (!stmt.executeStep()) return std::nullopt;
        return read_client(stmt);
    });
}

domain::Client ClientStore::get(std::string_view handle) {
    if (auto client = find(handle)) return *client;
    std::string message = fmt::format("unknown client \"{}\"", handle);
    if (auto near = domain::closest_match(handle, handles())) {
        message += fmt::format(" (did you mean \"{}\"?)", *near);
    } else {
        message += "; see \"slash client list --all\"";
    }
    throw Error(ErrorKind::NotFound, message);
}

std::vector<domain::Client> ClientStore::list(bool include_archived) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               fmt::format("SELECT {} FROM clients {} ORDER BY handle", kColumns,
                                           include_archived ? "" : "WHERE archived_at IS NULL"));
        std::vector<domain::Client> clients;
        while (stmt.executeStep()) clients.push_back(read_client(stmt));
        return clients;
    });
}

std::vector<std::string> ClientStore::handles() {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "SELECT handle FROM clients ORDER BY handle");
        std::vector<std::string> result;
        while (stmt.executeStep()) result.push_back(stmt.getColumn(0).getString());
        return result;
    });
}

std::int64_t ClientStore::insert(const domain::Client& client) {
    if (find(client.handle)) throw_taken(client.handle);
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO clients (handle, name, kind, address, country, siren, siret, "
                               "vat_id, email, currency, terms_days, language, rate_mode, rate_minor, "
                               "notes, archived_at, created_at, updated_at, vat_regime, vat_rate_milli, "
                               "rounding_seconds, rounding_mode) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        bind_fields(stmt, client);
        stmt.exec();
        return connection(db_).getLastInsertRowid();
    });
}

void ClientStore::update(const domain::Client& client) {
    auto existing = find(client.handle);
    if (existing && existing->id != client.id) throw_taken(client.handle);
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "UPDATE clients SET handle=?, name=?, kind=?, address=?, country=?, siren=?, "
                               "siret=?, vat_id=?, email=?, currency=?, terms_days=?, language=?, "
                               "rate_mode=?, rate_minor=?, notes=?, archived_at=?, created_at=?, "
                               "updated_at=?, vat_regime=?, vat_rate_milli=?, rounding_seconds=?, "
                               "rounding_mode=? WHERE id=?");
        bind_fields(stmt, client);
        stmt.bind(23, client.id);
        stmt.exec();
    });
}

void ClientStore::remove(std::int64_t id) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "DELETE FROM clients WHERE id = ?");
        stmt.bind(1, id);
        stmt.exec();
    });
}

std::string ClientStore::dependents(std::int64_t id) {
    return guarded(db_, [&]() -> std::string {
        // One statement, each count an index seek (missions' unique (client_id, handle),
        // invoices_by_client, payments_by_client). Payments count on their own: a platform
        // payout has no invoice, yet it is turnover the URSSAF declaration must keep.
        SQLite::Statement count(connection(db_),
                                "SELECT (SELECT count(*) FROM missions WHERE client_id = ?1), "
                                "(SELECT count(*) FROM invoices WHERE client_id = ?1), "
                                "(SELECT count(*) FROM payments WHERE client_id = ?1)");
        count.bind(1, id);
        count.executeStep();
        const char* names[][2] = {{"mission", "missions"}, {"invoice", "invoices"}, {"payment", "payments"}};
        std::vector<std::string> parts;
        for (int i = 0; i < 3; ++i) {
            auto n = count.getColumn(i).getInt64();
            if (n > 0) parts.push_back(fmt::format("{} {}", n, names[i][n == 1 ? 0 : 1]));
        }
        // "1 mission", "1 mission and 2 invoices", "1 mission, 2 invoices and 1 payment".
        std::string text;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i > 0) text += i + 1 == parts.size() ? " and " : ", ";
            text += parts[i];
        }
        return text;
    });
}

}  // namespace slash::storage
