#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "support/test_env.hpp"

// The unbilled work of each mission is kept by triggers (issue 16): `status`, `missions` and
// `plan` read one row per mission. These tests change entries every way the CLI can and
// check the kept sums against a recomputation from the entries, and the values shown
// against sums worked out by hand.

using slash::testing::Workspace;

namespace {

// "entries:rounded_seconds:units_milli" of a mission, as kept.
std::string kept(const Workspace& ws, int mission_id) {
    SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT entries || ':' || rounded_seconds || ':' || units_milli FROM unbilled_work "
                             "WHERE mission_id = ?");
    q.bind(1, mission_id);
    return q.executeStep() ? q.getColumn(0).getString() : "none";
}

// Rows of the kept table that a recomputation from the entries does not give, either way.
int stale_rows(const Workspace& ws) {
    SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT (SELECT count(*) FROM (SELECT * FROM unbilled_work "
                          "        WHERE entries <> 0 OR rounded_seconds <> 0 OR units_milli <> 0 "
                          "        EXCEPT SELECT * FROM unbilled_work_computed)) "
                          "     + (SELECT count(*) FROM (SELECT * FROM unbilled_work_computed "
                          "        EXCEPT SELECT * FROM unbilled_work))")
        .getInt();
}

std::string rule(const Workspace& ws) {
    SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT step || ' ' || mode FROM unbilled_rule").getString();
}

void run_ok(Workspace& ws, const std::vector<std::string>& args) {
    auto r = ws.run(args);
    INFO(args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << r.err);
    REQUIRE(r.code == 0);
}

// acme at 60/h, mission acme/a with entries of 5 and 50 minutes.
void five_and_fifty_minutes(Workspace& ws) {
    ws.env.variables["SLASH_NOW"] = "2026-11-27T18:00:00Z";
    for (auto args : std::vector<std::vector<std::string>>{{"client", "add", "acme", "--name", "ACME", "--hourly", "60"},
                                                           {"mission", "add", "acme/a"},
                                                           {"log", "acme/a", "9:00-9:05"},
                                                           {"log", "acme/a", "10:00-10:50"}}) {
        run_ok(ws, args);
    }
}

std::string unbilled_shown(Workspace& ws, const std::string& mission) {
    auto r = ws.run({"missions", "--template", "{mission} {unbilled}"});
    REQUIRE(r.code == 0);
    const auto at = r.out.find(mission + " ");
    REQUIRE(at != std::string::npos);
    return r.out.substr(at, r.out.find('\n', at) - at);
}

}  // namespace

TEST_CASE("cli/unbilled work follows every entry change and equals a recomputation from the entries") {
    Workspace ws;
    ws.env.variables["SLASH_NOW"] = "2026-11-27T18:00:00Z";
    for (auto args : std::vector<std::vector<std::string>>{{"client", "add", "acme", "--name", "ACME", "--hourly", "60"},
                                                           {"mission", "add", "acme/a"},
                                                           {"mission", "add", "acme/b"},
                                                           {"mission", "add", "acme/tasks", "--unit", "5", "--unit-name", "task"},
                                                           {"log", "acme/a", "9:00-9:05"},
                                                           {"log", "acme/a", "10:00-10:50"}}) {
        run_ok(ws, args);
    }
    // Default rule, 15 min up: 5 min -> 15, 50 min -> 60: 75 min at 60/h.
    CHECK(unbilled_shown(ws, "acme/a") == "acme/a 75.00 EUR");
    CHECK(rule(ws) == "900 up");
    CHECK(kept(ws, 1) == "2:4500:0");
    for (auto args : std::vector<std::vector<std::string>>{{"log", "acme/b", "11:00-11:20"},
                                                           {"start", "acme/b", "--at", "12:00"},
                                                           {"stop", "--at", "12:40"},
                                                           {"log", "acme/b", "13:00-13:30", "--non-billable"},
                                                           {"log", "acme/tasks", "--units", "3", "14:00-14:10"},
                                                           {"entry", "edit", "1", "--end", "9:20"},
                                                           {"entry", "edit", "5", "--billable"},
                                                           {"entry", "edit", "6", "--units", "4"},
                                                           {"entry", "move", "2", "acme/b"},
                                                           {"entry", "rm", "3"}}) {
        run_ok(ws, args);
        CHECK_MESSAGE(stale_rows(ws) == 0, args[0] << " " << args[1]);
    }
    // a: entry 1, 20 min -> 30. b: entries 2 (50 -> 60), 4 (40 -> 45), 5 (30 -> 30).
    CHECK(kept(ws, 1) == "1:1800:0");
    CHECK(kept(ws, 2) == "3:8100:0");
    CHECK(kept(ws, 3) == "1:900:4000");
    CHECK(unbilled_shown(ws, "acme/b") == "acme/b 135.00 EUR");

    // A draft takes its entries out of the unbilled work; deleting it gives them back.
    run_ok(ws, {"invoice", "new", "acme", "2026-11"});
    CHECK(kept(ws, 1) == "0:0:0");
    CHECK(kept(ws, 2) == "0:0:0");
    CHECK(stale_rows(ws) == 0);
    run_ok(ws, {"invoice", "rm", "#1"});
    CHECK(kept(ws, 2) == "3:8100:0");
    CHECK(stale_rows(ws) == 0);
    auto check = ws.run({"db", "check"});
    CHECK(check.out == "ok\n");
    CHECK(check.code == 0);
}

TEST_CASE("cli/unbilled work is recomputed when the rounding rule changes, in the config or for a client") {
    Workspace ws;
    five_and_fifty_minutes(ws);
    CHECK(unbilled_shown(ws, "acme/a") == "acme/a 75.00 EUR");
    // No rounding: 55 min, 0.917 h (hours are billed to the thousandth) at 60.
    run_ok(ws, {"config", "set", "time.rounding", "0"});
    CHECK(unbilled_shown(ws, "acme/a") == "acme/a 55.02 EUR");
    CHECK(rule(ws) == "0 up");
    CHECK(kept(ws, 1) == "2:3300:0");
    // The client's own rule, 30 min to the nearest: 5 min -> 0, 50 min -> 60.
    run_ok(ws, {"client", "edit", "acme", "--rounding", "30m", "--rounding-mode", "nearest"});
    CHECK(kept(ws, 1) == "2:3600:0");
    CHECK(unbilled_shown(ws, "acme/a") == "acme/a 60.00 EUR");
    CHECK(stale_rows(ws) == 0);
}

TEST_CASE("cli/db check finds unbilled sums that differ from the entries") {
    Workspace ws;
    ws.env.variables["SLASH_NOW"] = "2026-11-27T18:00:00Z";
    for (auto args : std::vector<std::vector<std::string>>{{"client", "add", "acme", "--name", "ACME", "--hourly", "60"},
                                                           {"mission", "add", "acme/a"},
                                                           {"log", "acme/a", "9:00-9:05"},
                                                           {"missions"}}) {
        run_ok(ws, args);
    }
    {
        SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE unbilled_work SET rounded_seconds = rounded_seconds + 60");
    }
    auto r = ws.run({"db", "check"});
    CHECK(r.code == 1);
    CHECK(r.out == "unbilled work: mission acme/a has stale sums (entries, rounded seconds or units)\n");
}

TEST_CASE("cli/unbilled work of a database from before the sums were kept is computed at its first read") {
    Workspace ws;
    five_and_fifty_minutes(ws);
    {
        // What migration 6 leaves: no sums, the rule never computed.
        SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READWRITE);
        raw.exec("DELETE FROM unbilled_work");
        raw.exec("UPDATE unbilled_rule SET step = -1, mode = ''");
    }
    CHECK(ws.run({"db", "check"}).out == "ok\n");
    CHECK(unbilled_shown(ws, "acme/a") == "acme/a 75.00 EUR");
    CHECK(rule(ws) == "900 up");
    CHECK(kept(ws, 1) == "2:4500:0");
}
