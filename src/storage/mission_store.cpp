#include "slash/storage/mission_store.hpp"

#include <sqlite3.h>

#include <exception>

#include <fmt/format.h>

#include "slash/domain/identifiers.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/suggest.hpp"
#include "slash/storage/client_store.hpp"
#include "column_codec.hpp"
#include "enum_codec.hpp"
#include "sqlite_access.hpp"
#include "unbilled_work.hpp"

namespace slash::storage {

namespace {

constexpr const char* kColumns =
    "m.id, m.client_id, c.handle, m.handle, m.title, m.billing, m.rate_minor, m.currency, m.unit_name, "
    "m.budget_seconds, m.budget_minor, m.estimate_seconds, m.start_date, m.due_date, m.tags, m.status, "
    "m.created_at, m.updated_at, m.vat_regime, m.vat_rate_milli, m.activity";
constexpr int kColumnCount = 21;

constexpr const char* kFrom = "FROM missions m JOIN clients c ON c.id = m.client_id ";

// Parameters ?1..?4 of every listing, in MissionFilter order.
constexpr const char* kWhere =
    "WHERE (?1 IS NULL OR m.client_id = ?1) AND (?2 IS NULL OR m.id = ?2) "
    "AND (?3 OR m.status <> 'done') AND (?4 OR c.archived_at IS NULL) ";

constexpr const char* kOrder = "ORDER BY c.handle, m.handle";

std::string optional_text(const SQLite::Column& column) {
    return column.isNull() ? std::string() : column.getString();
}

domain::Mission read_mission(SQLite::Statement& row) {
    domain::Mission m;
    m.id = row.getColumn(0).getInt64();
    m.client_id = row.getColumn(1).getInt64();
    m.client_handle = row.getColumn(2).getString();
    m.handle = row.getColumn(3).getString();
    m.title = row.getColumn(4).getString();
    m.billing = decode(row.getColumn(5), &domain::billing_mode_from_text, "billing mode");
    m.rate_minor = optional_int(row.getColumn(6));
    m.currency = row.getColumn(7).getString();
    m.unit_name = row.getColumn(8).getString();
    m.budget_seconds = optional_int(row.getColumn(9));
    m.budget_minor = optional_int(row.getColumn(10));
    m.estimate_seconds = optional_int(row.getColumn(11));
    m.start_date = optional_text(row.getColumn(12));
    m.due_date = optional_text(row.getColumn(13));
    m.tags = split_tags(row.getColumn(14).getString());
    m.status = decode(row.getColumn(15), &domain::mission_status_from_text, "mission status");
    m.created_at = row.getColumn(16).getInt64();
    m.updated_at = row.getColumn(17).getInt64();
    if (!row.getColumn(18).isNull()) m.vat_regime = row.getColumn(18).getString();
    m.vat_rate_milli = optional_int(row.getColumn(19));
    if (!row.getColumn(20).isNull()) m.activity = row.getColumn(20).getString();
    return m;
}

void bind_optional_text(SQLite::Statement& stmt, int index, const std::string& text) {
    if (text.empty()) {
        stmt.bind(index);
    } else {
        stmt.bind(index, text);
    }
}

// Binds every column but id, in table order, starting at parameter 1.
void bind_fields(SQLite::Statement& stmt, const domain::Mission& m) {
    stmt.bind(1, m.client_id);
    stmt.bind(2, m.handle);
    stmt.bind(3, m.title);
    bind_text(stmt, 4, m.billing);
    bind_optional(stmt, 5, m.rate_minor);
    stmt.bind(6, m.currency);
    stmt.bind(7, m.unit_name);
    bind_optional(stmt, 8, m.budget_seconds);
    bind_optional(stmt, 9, m.budget_minor);
    bind_optional(stmt, 10, m.estimate_seconds);
    bind_optional_text(stmt, 11, m.start_date);
    bind_optional_text(stmt, 12, m.due_date);
    stmt.bind(13, join_tags(m.tags));
    bind_text(stmt, 14, m.status);
    stmt.bind(15, m.created_at);
    stmt.bind(16, m.updated_at);
    bind_optional(stmt, 17, m.vat_regime);
    bind_optional(stmt, 18, m.vat_rate_milli);
    bind_optional(stmt, 19, m.activity);
}

void bind_filter(SQLite::Statement& stmt, const MissionFilter& filter) {
    bind_optional(stmt, 1, filter.client_id);
    bind_optional(stmt, 2, filter.mission_id);
    stmt.bind(3, filter.include_done ? 1 : 0);
    stmt.bind(4, filter.include_archived_clients ? 1 : 0);
}

[[noreturn]] void throw_taken(const std::string& address) {
    throw Error(ErrorKind::Conflict,
                fmt::format("mission {} already exists; choose another handle or edit it with "
                            "\"slash mission edit {}\"",
                            domain::quoted(address), address));
}

// slash_billed_seconds(duration, step, mode): SQLite's view of domain::round_duration, so
// that the rounding rule lives in one place and the sum of rounded durations is still one
// aggregate in one query. `mode` is a RoundingMode as an integer.
void billed_seconds(sqlite3_context* context, int, sqlite3_value** args) {
    try {
        auto mode = static_cast<domain::RoundingMode>(sqlite3_value_int(args[2]));
        sqlite3_result_int64(context, domain::round_duration(sqlite3_value_int64(args[0]),
                                                             sqlite3_value_int64(args[1]), mode));
    } catch (const std::exception& e) {
        // An exception must not unwind through SQLite's C frames: report it as the
        // function's error, which the statement then throws as a SQLite::Exception.
        sqlite3_result_error(context, e.what(), -1);
    }
}

}  // namespace

MissionAddress parse_mission_address(std::string_view text) {
    auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        throw Error(ErrorKind::Usage,
                    fmt::format("invalid mission address {}: use CLIENT/MISSION, such as acme/website",
                                domain::quoted(text)));
    }
    MissionAddress address{std::string(text.substr(0, slash)), std::string(text.substr(slash + 1))};
    domain::require_handle(address.client, "client handle");
    domain::require_handle(address.mission, "mission handle");
    return address;
}

std::optional<domain::Mission> MissionStore::find(std::int64_t client_id, std::string_view handle) {
    return guarded(db_, [&]() -> std::optional<domain::Mission> {
        SQLite::Statement stmt(connection(db_),
                               fmt::format("SELECT {} {} WHERE m.client_id = ? AND m.handle = ?", kColumns, kFrom));
        stmt.bind(1, client_id);
        stmt.bind(2, std::string(handle));
        if (!stmt.executeStep()) return std::nullopt;
        return read_mission(stmt);
    });
}

domain::Mission MissionStore::get(std::string_view text) {
    MissionAddress address = parse_mission_address(text);
    domain::Client client = ClientStore(db_).get(address.client);
    if (auto mission = find(client.id, address.mission)) return *mission;
    std::string wanted = address.client + "/" + address.mission;
    std::string message = fmt::format("unknown mission {}", domain::quoted(wanted));
    if (auto near = domain::closest_match(wanted, addresses())) {
        message += fmt::format(" (did you mean {}?)", domain::quoted(*near));
    } else {
        message += fmt::format("; see \"slash mission list {}\"", address.client);
    }
    throw Error(ErrorKind::NotFound, message);
}

std::vector<domain::Mission> MissionStore::list(const MissionFilter& filter) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), fmt::format("SELECT {} {} {} {}", kColumns, kFrom, kWhere, kOrder));
        bind_filter(stmt, filter);
        std::vector<domain::Mission> missions;
        while (stmt.executeStep()) missions.push_back(read_mission(stmt));
        return missions;
    });
}

std::vector<MissionWithActivity> MissionStore::list_with_activity(const MissionFilter& filter, std::int64_t now,
                                                                  const domain::BillingRules& rules) {
    return guarded(db_, [&] {
        // Hours logged come from mission_totals and the value of unbilled work from
        // unbilled_work, both kept by triggers (migration 6), plus the running timer: the
        // cost follows the number of missions, never the length of the history. max()
        // keeps a timer started after `now` (a clock set back) from counting negative time.
        // Only a read-only database whose sums were made under another rounding rule
        // values its unbilled entries here, from the entries_unbilled partial index, with
        // each client's own rounding step and mode replacing those of `rules`, as its
        // invoices round them (docs/contract.md §3).
        const bool kept = ensure_unbilled_work(db_, rules);
        if (!kept) connection(db_).createFunction("slash_billed_seconds", 3, true, nullptr, &billed_seconds);
        const char* unbilled_source =
            kept ? "unbilled_work"
                 : "(SELECT e.mission_id, count(*) AS entries, "
                   " sum(slash_billed_seconds(e.end_at - e.start_at, coalesce(uc.rounding_seconds, ?6), "
                   "     CASE uc.rounding_mode WHEN 'up' THEN ?8 WHEN 'nearest' THEN ?9 "
                   "         WHEN 'down' THEN ?10 ELSE ?7 END)) AS rounded_seconds, "
                   " sum(e.units_milli) AS units_milli "
                   " FROM entries e INDEXED BY entries_unbilled "
                   " JOIN missions um ON um.id = e.mission_id "
                   " JOIN clients uc ON uc.id = um.client_id "
                   " WHERE e.invoice_id IS NULL AND e.billable = 1 AND e.end_at IS NOT NULL "
                   " GROUP BY e.mission_id)";
        SQLite::Statement stmt(
            connection(db_),
            // MATERIALIZED: read the one running entry once through its partial index,
            // rather than let the planner look for it among each mission's entries.
            fmt::format("WITH r AS MATERIALIZED (SELECT mission_id, max(?5, start_at) - start_at AS seconds "
                        "                        FROM entries WHERE end_at IS NULL) "
                        "SELECT {}, coalesce(t.entries, 0), coalesce(t.logged_seconds, 0) + coalesce(r.seconds, 0), "
                        "coalesce(u.entries, 0), coalesce(u.rounded_seconds, 0), coalesce(u.units_milli, 0), "
                        // A fixed price is billed once: has an invoice (not cancelled) billed it?
                        "m.billing = 'fixed' AND {}, "
                        // What deposit invoices (issued, not cancelled) advanced on a fixed price.
                        "CASE WHEN m.billing = 'fixed' THEN (SELECT coalesce(sum(di.net_minor), 0) FROM invoices di "
                        " WHERE di.deposit_mission_id = m.id AND di.kind = 'invoice' AND di.status = 'issued') "
                        " ELSE 0 END {} "
                        "LEFT JOIN mission_totals t ON t.mission_id = m.id "
                        "LEFT JOIN r ON r.mission_id = m.id "
                        "LEFT JOIN {} u ON u.mission_id = m.id "
                        "{} {}",
                        kColumns, price_on_invoice_sql("m.id"), kFrom, unbilled_source, kWhere, kOrder));
        bind_filter(stmt, filter);
        stmt.bind(5, now);
        if (!kept) {
            stmt.bind(6, rules.rounding_seconds);
            stmt.bind(7, static_cast<int>(rules.rounding_mode));
            stmt.bind(8, static_cast<int>(domain::RoundingMode::Up));
            stmt.bind(9, static_cast<int>(domain::RoundingMode::Nearest));
            stmt.bind(10, static_cast<int>(domain::RoundingMode::Down));
        }
        std::vector<MissionWithActivity> rows;
        while (stmt.executeStep()) {
            MissionWithActivity& row = rows.emplace_back();
            row.mission = read_mission(stmt);
            row.activity.entries = stmt.getColumn(kColumnCount).getInt64();
            row.activity.logged_seconds = stmt.getColumn(kColumnCount + 1).getInt64();
            row.activity.billable.entries = stmt.getColumn(kColumnCount + 2).getInt64();
            row.activity.billable.rounded_seconds = stmt.getColumn(kColumnCount + 3).getInt64();
            row.activity.billable.units_milli = stmt.getColumn(kColumnCount + 4).getInt64();
            row.activity.fixed_price_billed = stmt.getColumn(kColumnCount + 5).getInt() != 0;
            row.activity.deposited_minor = stmt.getColumn(kColumnCount + 6).getInt64();
        }
        return rows;
    });
}

std::vector<std::string> MissionStore::addresses() {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               fmt::format("SELECT c.handle || '/' || m.handle {} {}", kFrom, kOrder));
        std::vector<std::string> result;
        while (stmt.executeStep()) result.push_back(stmt.getColumn(0).getString());
        return result;
    });
}

std::int64_t MissionStore::insert(const domain::Mission& mission) {
    if (find(mission.client_id, mission.handle)) throw_taken(mission.address());
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "INSERT INTO missions (client_id, handle, title, billing, rate_minor, currency, "
                               "unit_name, budget_seconds, budget_minor, estimate_seconds, start_date, due_date, "
                               "tags, status, created_at, updated_at, vat_regime, vat_rate_milli, activity) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        bind_fields(stmt, mission);
        stmt.exec();
        return connection(db_).getLastInsertRowid();
    });
}

void MissionStore::update(const domain::Mission& mission) {
    auto existing = find(mission.client_id, mission.handle);
    if (existing && existing->id != mission.id) throw_taken(mission.address());
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_),
                               "UPDATE missions SET client_id=?, handle=?, title=?, billing=?, rate_minor=?, "
                               "currency=?, unit_name=?, budget_seconds=?, budget_minor=?, estimate_seconds=?, "
                               "start_date=?, due_date=?, tags=?, status=?, created_at=?, updated_at=?, "
                               "vat_regime=?, vat_rate_milli=?, activity=? WHERE id=?");
        bind_fields(stmt, mission);
        stmt.bind(20, mission.id);
        stmt.exec();
    });
}

void MissionStore::remove(std::int64_t id) {
    guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "DELETE FROM missions WHERE id = ?");
        stmt.bind(1, id);
        stmt.exec();
    });
}

std::int64_t MissionStore::entry_count(std::int64_t id) {
    return guarded(db_, [&] {
        SQLite::Statement stmt(connection(db_), "SELECT count(*) FROM entries WHERE mission_id = ?");
        stmt.bind(1, id);
        stmt.executeStep();
        return stmt.getColumn(0).getInt64();
    });
}

std::int64_t MissionStore::invoice_count(std::int64_t id) {
    return guarded(db_, [&] {
        // invoice_lines_by_mission holds only the lines that name a mission; a deposit
        // invoice names its mission itself (invoices_by_deposit_mission).
        SQLite::Statement stmt(connection(db_),
                               "SELECT (SELECT count(DISTINCT invoice_id) FROM invoice_lines WHERE mission_id = ?1) + "
                               "(SELECT count(*) FROM invoices WHERE deposit_mission_id = ?1)");
        stmt.bind(1, id);
        stmt.executeStep();
        return stmt.getColumn(0).getInt64();
    });
}

std::vector<PaidInvoiceActivities> MissionStore::paid_invoice_activities(const std::string& from,
                                                                      const std::string& to) {
    return guarded(db_, [&] {
        // One query: the invoices paid in the range (payments_by_date), each with its lines
        // (invoice_lines_by_invoice) and their missions' activity; the line of a deposit
        // invoice is its mission's.
        SQLite::Statement stmt(connection(db_),
                               "SELECT i.id, i.gross_minor, l.net_minor, "
                               "coalesce(l.mission_id, i.deposit_mission_id) IS NOT NULL, m.activity "
                               "FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id "
                               "LEFT JOIN missions m ON m.id = coalesce(l.mission_id, i.deposit_mission_id) "
                               "WHERE i.id IN (SELECT invoice_id FROM payments WHERE invoice_id IS NOT NULL "
                               "               AND paid_on >= ?1 AND paid_on <= ?2) "
                               "ORDER BY i.id, l.position");
        stmt.bind(1, from);
        stmt.bind(2, to);
        std::vector<PaidInvoiceActivities> invoices;
        while (stmt.executeStep()) {
            const std::int64_t id = stmt.getColumn(0).getInt64();
            if (invoices.empty() || invoices.back().invoice_id != id) {
                PaidInvoiceActivities& invoice = invoices.emplace_back();
                invoice.invoice_id = id;
                invoice.gross_minor = stmt.getColumn(1).getInt64();
            }
            if (stmt.getColumn(2).isNull()) continue;  // an invoice without lines
            InvoiceLineActivity& line = invoices.back().lines.emplace_back();
            line.net_minor = stmt.getColumn(2).getInt64();
            line.has_mission = stmt.getColumn(3).getInt() != 0;
            if (!stmt.getColumn(4).isNull()) line.activity = stmt.getColumn(4).getString();
        }
        return invoices;
    });
}

}  // namespace slash::storage
