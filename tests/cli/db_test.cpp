#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "support/commands.hpp"
#include "support/test_env.hpp"

namespace fs = std::filesystem;
using slash::testing::Workspace;

TEST_CASE("cli/db check says ok on a sound database") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME"}).code == 0);
    auto r = ws.run({"db", "check"});
    CHECK(r.code == 0);
    CHECK(r.out == "ok\n");
    CHECK(r.err == "");
}

TEST_CASE("cli/db check reports a broken foreign key and exits 1") {
    Workspace ws;
    REQUIRE(ws.run({"client", "list"}).code == 0);
    {
        SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READWRITE);
        raw.exec("CREATE TABLE probe (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES clients(id))");
        raw.exec("INSERT INTO probe VALUES (1, 42)");
    }
    auto r = ws.run({"db", "check"});
    CHECK(r.code == 1);
    CHECK(r.out == "foreign key: row 1 of probe refers to a missing row of clients\n");
    CHECK(r.err == "slash: error: database \"" + ws.db_path().string() + "\" has 1 problem(s)\n");
}

TEST_CASE("cli/db backup writes a valid copy, refuses to overwrite without --force") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME"}).code == 0);
    fs::path copy = ws.dir() / "copy.db";
    auto r = ws.run({"db", "backup", copy.string()});
    CHECK(r.code == 0);
    CHECK(r.out == copy.string() + "\n");
    CHECK(fs::status(copy).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(ws.run({"--db", copy.string(), "client", "list", "-q"}).out == "acme\n");

    REQUIRE(ws.run({"client", "add", "beta", "--name", "Beta"}).code == 0);
    std::string before = slash::testing::read_file(copy);
    r = ws.run({"db", "backup", copy.string()});
    CHECK(r.code == 4);
    CHECK(r.err == "slash: error: \"" + copy.string() + "\" already exists; choose another file or pass --force\n");
    CHECK(slash::testing::read_file(copy) == before);
    CHECK(ws.run({"db", "backup", copy.string(), "--force"}).code == 0);
    CHECK(ws.run({"--db", copy.string(), "client", "list", "-q"}).out == "acme\nbeta\n");

    r = ws.run({"db", "backup", (ws.dir() / "missing" / "x.db").string()});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: cannot write backup \"" + (ws.dir() / "missing" / "x.db").string() +
                       "\": directory \"" + (ws.dir() / "missing").string() + "\" does not exist; create it first\n");
}

TEST_CASE("cli/db backup while another connection holds an open write transaction") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME"}).code == 0);
    SQLite::Database writer(ws.db_path().string(), SQLite::OPEN_READWRITE);
    writer.exec("BEGIN IMMEDIATE");
    writer.exec("UPDATE clients SET name = 'uncommitted' WHERE handle = 'acme'");
    fs::path copy = ws.dir() / "live.db";
    auto r = ws.run({"db", "backup", copy.string()});
    CHECK(r.code == 0);
    writer.exec("ROLLBACK");
    CHECK(ws.run({"--db", copy.string(), "client", "show", "acme", "--template", "{name}"}).out == "ACME\n");
    CHECK(ws.run({"--db", copy.string(), "db", "check"}).out == "ok\n");
}

TEST_CASE("cli/db mission totals follow every entry change, and db check catches stale ones") {
    Workspace ws;
    ws.env.variables["SLASH_NOW"] = "2026-11-27T18:00:00Z";
    for (auto args : std::vector<std::vector<std::string>>{{"client", "add", "acme", "--name", "ACME", "--hourly", "65"},
                                                           {"mission", "add", "acme/a"},
                                                           {"mission", "add", "acme/b"},
                                                           {"log", "acme/a", "9:00-10:00"},
                                                           {"log", "acme/a", "10:00-10:30"},
                                                           {"start", "acme/b", "--at", "11:00"},
                                                           {"stop", "--at", "11:45"},
                                                           {"entry", "edit", "1", "--end", "9:30"},
                                                           {"entry", "move", "2", "acme/b"},
                                                           {"entry", "rm", "3"}}) {
        auto r = ws.run(args);
        INFO(args[0] << " " << args[1] << ": " << r.err);
        REQUIRE(r.code == 0);
    }
    auto totals = [&] {
        SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(raw, "SELECT group_concat(mission_id || ':' || entries || ':' || logged_seconds, ' ') "
                                 "FROM (SELECT * FROM mission_totals ORDER BY mission_id)");
        q.executeStep();
        return q.getColumn(0).getString();
    };
    CHECK(totals() == "1:1:1800 2:1:1800");
    CHECK(ws.run({"db", "check"}).out == "ok\n");
    {
        SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE mission_totals SET logged_seconds = 1 WHERE mission_id = 2");
    }
    auto r = ws.run({"db", "check"});
    CHECK(r.code == 1);
    CHECK(r.out == "totals: mission acme/b has stale totals (entries or logged seconds)\n");
}

TEST_CASE("cli/db backup refuses the database itself, non-files and an empty name") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME"}).code == 0);
    std::string before = slash::testing::read_file(ws.db_path());
    auto r = ws.run({"db", "backup", "--force", ws.db_path().string()});
    CHECK(r.code == 4);
    CHECK(r.err == "slash: error: \"" + ws.db_path().string() +
                       "\" is the database itself; write the backup to another file\n");
    CHECK(slash::testing::read_file(ws.db_path()) == before);
    fs::create_directory(ws.dir() / "folder");
    r = ws.run({"db", "backup", "--force", (ws.dir() / "folder").string()});
    CHECK(r.code == 4);
    CHECK(r.err.find("is not a regular file") != std::string::npos);
    CHECK(fs::is_directory(ws.dir() / "folder"));
    r = ws.run({"db", "backup", ""});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: empty backup file name: give the path of the copy to write\n");
}

namespace {

// Two issued invoices of acme (October: hourly work and a fixed price; November: hourly).
void two_issued_invoices(Workspace& ws) {
    using slash::testing::run_ok;
    ws.env.variables["SLASH_NOW"] = "2026-12-02T10:00:00Z";
    slash::testing::init_seller(ws);
    for (auto args : std::vector<std::vector<std::string>>{
             {"client", "add", "acme", "--name", "ACME SAS", "--siren", "552100554", "--email", "ap@acme.example",
              "--address", "1 rue X", "--address", "75002 Paris", "--hourly", "65"},
             {"mission", "add", "acme/dev"},
             {"mission", "add", "acme/logo", "--fixed", "800"},
             {"config", "set", "invoice.fixed_price", "first-work"},  // the price billed with its first work
             {"log", "acme/dev", "9:00-11:00", "--on", "2026-10-05"},
             {"log", "acme/logo", "9:00-10:00", "--on", "2026-10-06"},
             {"log", "acme/dev", "9:00-10:00", "--on", "2026-11-05"},
             {"invoice", "new", "acme", "2026-10"},
             {"invoice", "issue", "#1", "--date", "2026-11-01"},
             {"invoice", "new", "acme", "2026-11"},
             {"invoice", "issue", "#2", "--date", "2026-12-01"}}) {
        run_ok(ws, args);
    }
}

// A hand edit of the file, the way a user with sqlite3 would: the triggers that protect
// issued invoices and the one-timer index go first.
void tamper(Workspace& ws, const std::vector<std::string>& statements) {
    SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READWRITE);
    std::vector<std::string> triggers;
    SQLite::Statement list(raw, "SELECT name FROM sqlite_master WHERE type = 'trigger'");
    while (list.executeStep()) triggers.push_back(list.getColumn(0).getString());
    for (const auto& name : triggers) raw.exec("DROP TRIGGER \"" + name + "\"");
    raw.exec("DROP INDEX entries_one_running");
    for (const auto& sql : statements) raw.exec(sql);
}

}  // namespace

TEST_CASE("cli/db check verifies the domain invariants: timer, overlaps, numbering, totals, billing") {
    Workspace ws;
    two_issued_invoices(ws);
    REQUIRE(ws.run({"db", "check"}).out == "ok\n");
    // Two running timers, the second overlapping entry 1; a gap in the numbering; a net that
    // is not its lines'; the entries of a cancelled invoice; the fixed price copied on #2.
    tamper(ws, {"INSERT INTO entries (uid, mission_id, start_at, created_at, updated_at) VALUES ('u1', 1, 1790000000, 0, 0)",
                "INSERT INTO entries (uid, mission_id, start_at, created_at, updated_at) VALUES ('u2', 1, 1791191000, 0, 0)",
                "UPDATE invoices SET seq = 3, number = '2026-0003' WHERE id = 2",
                "UPDATE invoices SET net_minor = net_minor + 1, gross_minor = gross_minor + 1 WHERE id = 1",
                "UPDATE invoices SET status = 'cancelled' WHERE id = 1",
                "INSERT INTO invoice_lines (invoice_id, position, mission_id, description, quantity_milli, unit_code, "
                "unit_price_minor, net_minor, vat_category, vat_rate_milli) SELECT 2, 9, mission_id, description, "
                "quantity_milli, unit_code, unit_price_minor, net_minor, vat_category, vat_rate_milli "
                "FROM invoice_lines WHERE invoice_id = 1 AND mission_id = 2",
                "UPDATE invoices SET status = 'issued' WHERE id = 1"});
    auto r = ws.run({"db", "check"});
    CHECK(r.code == 1);
    // Entry 1 is 2026-10-05 09:00-11:00 UTC (1791190800..1791198000). The mission totals
    // go stale too: the raw inserts bypass the (dropped) triggers that keep them.
    CHECK(r.out ==
          "totals: mission acme/dev has stale totals (entries or logged seconds)\n"
          "timer: 2 timers are running (entries 4, 5), at most one may\n"
          "overlap: entry 1 overlaps entry 5\n"
          "numbering: series \"2026-\" has 2 numbered documents but its numbers go up to 3 (2 distinct): a gap or "
          "a duplicate\n"
          "totals: invoice 2026-0001 stores net 93001, VAT 0, gross 93001 but its lines give net 93000, VAT 0 "
          "(minor units)\n"
          "totals: invoice 2026-0003 stores net 6500, VAT 0, gross 6500 but its lines give net 86500, VAT 0 "
          "(minor units)\n"
          "billing: the fixed price of acme/logo is on 2 issued invoices (2026-0001,2026-0003)\n");
    CHECK(r.err == "slash: error: database \"" + ws.db_path().string() + "\" has 7 problem(s)\n");
}

TEST_CASE("cli/db check finds entries held by a cancelled invoice or a credit note") {
    Workspace ws;
    two_issued_invoices(ws);
    tamper(ws, {"UPDATE invoices SET status = 'cancelled' WHERE id = 2",
                "UPDATE invoices SET kind = 'credit', credited_invoice_id = 2 WHERE id = 1"});
    auto r = ws.run({"db", "check"});
    CHECK(r.code == 1);
    CHECK(r.out ==
          "billing: entry 1 is held by issued credit 2026-0001, which cannot bill it\n"
          "billing: entry 2 is held by issued credit 2026-0001, which cannot bill it\n"
          "billing: entry 3 is held by cancelled invoice 2026-0002, which cannot bill it\n");
}
