#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
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

namespace {

// Every trigger, index and view as SQLite stores it: what an import must leave as it was.
std::string schema(const Workspace& ws) {
    SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT group_concat(type || ' ' || name || ': ' || coalesce(sql, ''), char(10)) "
                          "FROM (SELECT * FROM sqlite_master ORDER BY type, name)")
        .getString();
}

// "entries:logged_seconds" of a mission, as kept in mission_totals.
std::string totals(const Workspace& ws, int mission_id) {
    SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(raw, "SELECT entries || ':' || logged_seconds FROM mission_totals WHERE mission_id = ?");
    q.bind(1, mission_id);
    return q.executeStep() ? q.getColumn(0).getString() : "none";
}

const std::string kCsvHeader = "uid,start,end,client,mission,units,billable,tags,note\n";

}  // namespace

// An import drops the entries' insert triggers inside its transaction and writes the sums
// they would have kept, one row per mission, at its end (storage/entry_import).
TEST_CASE("cli/an import keeps the sums the triggers keep and leaves the schema as it was") {
    Workspace ws;
    five_and_fifty_minutes(ws);  // acme/a (id 1): 5 min -> 15 min, 50 min -> 60 min, rounded up
    run_ok(ws, {"client", "add", "beta", "--name", "Beta", "--hourly", "80", "--rounding", "30m", "--rounding-mode",
                "nearest"});
    run_ok(ws, {"mission", "add", "beta/b"});                                           // id 2
    run_ok(ws, {"mission", "add", "acme/words", "--unit", "0.10", "--unit-name", "word"});  // id 3
    run_ok(ws, {"missions"});  // the sums made under the config's rule
    const std::string before = schema(ws);
    REQUIRE(kept(ws, 1) == "2:4500:0");

    // A refused row (it overlaps 10:00-10:50) makes the whole import write nothing.
    const std::string refused = kCsvHeader + "i1,2026-11-26T08:00:00Z,2026-11-26T08:07:00Z,acme,a,,true,,\n"
                                             "i2,2026-11-27T10:30:00Z,2026-11-27T10:40:00Z,acme,a,,true,,\n";
    auto r = ws.run({"import", "csv", "-"}, refused);
    CHECK(r.code == 1);
    CHECK(r.err ==
          "slash: warning: refused stdin line 3: overlaps entry 2 (acme/a 2026-11-27 10:00-10:50)\n"
          "slash: error: 1 of 2 entries refused, nothing imported; fix them in stdin, or pass --skip-refused to "
          "import the other 1\n");
    CHECK(schema(ws) == before);
    CHECK(kept(ws, 1) == "2:4500:0");
    CHECK(totals(ws, 1) == "2:3300");

    // acme/a: 7 min billable (-> 15 min), 20 min not billable; beta/b, 30 min to the
    // nearest: 5 min -> 0, 20 min -> 30 min; acme/words: 2,500 words in 1 h.
    const std::string rows = kCsvHeader + "i1,2026-11-26T08:00:00Z,2026-11-26T08:07:00Z,acme,a,,true,,\n"
                                          "i2,2026-11-26T09:00:00Z,2026-11-26T09:20:00Z,acme,a,,false,,\n"
                                          "i3,2026-11-26T10:00:00Z,2026-11-26T10:05:00Z,beta,b,,true,,\n"
                                          "i4,2026-11-26T11:00:00Z,2026-11-26T11:20:00Z,beta,b,,true,,\n"
                                          "i5,2026-11-26T12:00:00Z,2026-11-26T13:00:00Z,acme,words,2500,true,,\n";
    r = ws.run({"import", "csv", "-"}, rows);
    REQUIRE(r.code == 0);
    CHECK(r.out == "imported 5 entries (1h52m) from stdin\n");
    CHECK(schema(ws) == before);
    CHECK(kept(ws, 1) == "3:5400:0");
    CHECK(kept(ws, 2) == "2:1800:0");
    CHECK(kept(ws, 3) == "1:3600:2500000");
    CHECK(totals(ws, 1) == "4:4920");
    CHECK(totals(ws, 2) == "2:1500");
    CHECK(totals(ws, 3) == "1:3600");
    CHECK(stale_rows(ws) == 0);
    CHECK(unbilled_shown(ws, "beta/b") == "beta/b 40.00 EUR");
    r = ws.run({"db", "check"});
    CHECK(r.code == 0);
    CHECK(r.out == "ok\n");
}

// 50,000 entries into a table with fewer: the import also drops the indexes it does not
// read and builds them again at its end.
TEST_CASE("cli/a large import builds the dropped indexes again and keeps the sums") {
    Workspace ws;
    five_and_fifty_minutes(ws);
    run_ok(ws, {"missions"});
    const std::string before = schema(ws);
    std::string rows = kCsvHeader;
    constexpr int kRows = 50'000;
    for (int i = 0; i < kRows; ++i) {
        // One minute every two minutes from 2026-01-01T00:00:00Z (1767225600).
        const std::chrono::sys_seconds start{std::chrono::seconds(1'767'225'600L + 120L * i)};
        rows += fmt::format("big{},{:%FT%TZ},{:%FT%TZ},acme,a,,true,,\n", i, start, start + std::chrono::minutes(1));
    }
    auto r = ws.run({"import", "csv", "-"}, rows);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(schema(ws) == before);
    // Each minute is billed as 15: 50,000 x 900 s more than 2:4500.
    CHECK(kept(ws, 1) == fmt::format("{}:{}:0", kRows + 2, 4500 + 900L * kRows));
    CHECK(totals(ws, 1) == fmt::format("{}:{}", kRows + 2, 3300 + 60L * kRows));
    CHECK(stale_rows(ws) == 0);
    r = ws.run({"db", "check"});
    CHECK(r.out == "ok\n");
}
