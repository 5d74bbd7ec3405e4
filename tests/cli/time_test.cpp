#include <doctest/doctest.h>

#include <map>

#include <SQLiteCpp/SQLiteCpp.h>

#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::Workspace;

namespace {

// Friday 2026-11-27, 18:00 in Paris (UTC+1).
void paris_friday_evening(Workspace& ws) {
    ws.env.variables["TZ"] = "Europe/Paris";
    ws.env.variables["SLASH_NOW"] = "2026-11-27T18:00:00+01:00";
}

void three_clients(Workspace& ws) {
    for (auto args : std::vector<std::vector<std::string>>{
             {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"},
             {"mission", "add", "acme/website"},
             {"client", "add", "north", "--name", "Northwind", "--currency", "GBP", "--daily", "450"},
             {"mission", "add", "north/book"},
             {"client", "add", "micro", "--name", "MicroTask"},
             {"mission", "add", "micro/labels", "--unit", "0.12", "--unit-name", "task"}}) {
        auto r = ws.run(args);
        INFO(r.err);
        REQUIRE(r.code == 0);
    }
}

}  // namespace

TEST_CASE("cli/time a full day: start, switch, stop, log, edit, and the week grid") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);

    auto r = ws.run({"start", "acme/website", "fix", "the", "header", "--at", "9:00", "--tag", "design"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    CHECK(r.err == "");

    r = ws.run({"start", "north/book", "--at", "10:30"});
    CHECK(r.out == "2\n");
    CHECK(r.err == "slash: stopped acme/website at 10:30 (1h30m)\n");

    r = ws.run({"stop", "--at", "12:00", "chapter", "3"});
    CHECK(r.out == "2\n");
    CHECK(r.err == "slash: stopped north/book (1h30m)\n");

    r = ws.run({"log", "micro/labels", "45m", "--units", "120"});
    CHECK(r.code == 0);
    CHECK(r.out == "3\n");
    r = ws.run({"log", "acme/website", "13:00-15:30", "review"});
    CHECK(r.out == "4\n");
    r = ws.run({"entry", "edit", "4", "--end", "16:00"});
    CHECK(r.out == "4\n");

    auto shown = ws.run({"entry", "show", "3", "--json"}).out;
    CHECK(shown.find(R"("mission":"micro/labels","client":"micro","date":"2026-11-27","start":"2026-11-27T17:15:00+01:00","end":"2026-11-27T18:00:00+01:00","seconds":2700,"hours":"0.75","duration":"0:45","running":false,"note":"","tags":[],"units":"120.000","billable":true)") !=
          std::string::npos);
    CHECK(ws.run({"entry", "show", "1", "--template", "{note}|{tags}"}).out == "fix the header|design\n");
    CHECK(ws.run({"entry", "show", "2", "--template", "{note}"}).out == "chapter 3\n");

    r = ws.run({"week"});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "acme/website\t\t\t\t\t4:30\t\t\t4:30\n"
          "micro/labels\t\t\t\t\t0:45\t\t\t0:45\n"
          "north/book\t\t\t\t\t1:30\t\t\t1:30\n"
          "TOTAL\t\t\t\t\t6:45\t\t\t6:45\n");
    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    r = ws.run({"week"});
    CHECK(r.out ==
          "MISSION       Mon 23  Tue 24  Wed 25  Thu 26  Fri 27  Sat 28  Sun 29  TOTAL\n"
          "acme/website                                    4:30                   4:30\n"
          "micro/labels                                    0:45                   0:45\n"
          "north/book                                      1:30                   1:30\n"
          "TOTAL                                           6:45                   6:45\n");
    ws.env.stdout_is_tty = false;
    CHECK(ws.run({"week", "--json"}).out ==
          R"({"week_start":"2026-11-23","days":["2026-11-23","2026-11-24","2026-11-25","2026-11-26","2026-11-27","2026-11-28","2026-11-29"],)"
          R"("rows":[{"mission":"acme/website","seconds":[0,0,0,0,16200,0,0],"total_seconds":16200},)"
          R"({"mission":"micro/labels","seconds":[0,0,0,0,2700,0,0],"total_seconds":2700},)"
          R"({"mission":"north/book","seconds":[0,0,0,0,5400,0,0],"total_seconds":5400}],)"
          R"("day_totals":[0,0,0,0,24300,0,0],"total_seconds":24300})"
          "\n");

    r = ws.run({"today"});
    CHECK(r.out ==
          "acme/website\t09:00\t10:30\t1:30\tfix the header\n"
          "acme/website\t13:00\t16:00\t3:00\treview\n"
          "acme/website\t\t\t4:30\ttotal\n"
          "micro/labels\t17:15\t18:00\t0:45\t\n"
          "micro/labels\t\t\t0:45\ttotal\n"
          "north/book\t10:30\t12:00\t1:30\tchapter 3\n"
          "north/book\t\t\t1:30\ttotal\n"
          "TOTAL 2026-11-27\t\t\t6:45\t\n");

    r = ws.run({"entry", "list", "today", "-q"});
    CHECK(r.out == "1\n2\n4\n3\n");
    r = ws.run({"entry", "list", "--tag", "design", "-q"});
    CHECK(r.out == "1\n");
    r = ws.run({"entry", "list", "--client", "acme", "-q"});
    CHECK(r.out == "1\n4\n");
}

TEST_CASE("cli/time status shows the running timer and the totals") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"log", "acme/website", "9:00-12:00"}).code == 0);
    REQUIRE(ws.run({"start", "north/book", "drafting", "--at", "17:00"}).code == 0);
    auto r = ws.run({"status"});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "running.id\t2\nrunning.mission\tnorth/book\nrunning.start\t2026-11-27T17:00:00+01:00\n"
          "running.seconds\t3600\nrunning.note\tdrafting\ntimer\tnorth/book since 17:00 (1h) drafting\n"
          "today_seconds\t14400\ntoday\t4h\nweek_seconds\t14400\nweek\t4h\n"
          "unbilled\t195.00 EUR\nunbilled_text\t195.00 EUR\n");
    CHECK(ws.run({"status", "--json"}).out.find(R"("unbilled":[{"amount":"195.00","currency":"EUR"}],)") !=
          std::string::npos);
    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    CHECK(ws.run({"status"}).out ==
          "Timer:      north/book since 17:00 (1h) drafting\nToday:      4h\nThis week:  4h\n"
          "Unbilled:   195.00 EUR\n");
}

TEST_CASE("cli/time start on the running mission is a no-op, cancel and continue") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"start", "acme/website", "--at", "17:00"}).out == "1\n");
    auto r = ws.run({"start", "acme/website"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    CHECK(r.err == "slash: acme/website is already running since 17:00 (entry 1); nothing to do\n");
    r = ws.run({"cancel"});
    CHECK(r.out == "1\n");
    CHECK(ws.run({"entry", "list", "-q"}).out == "");
    REQUIRE(ws.run({"log", "north/book", "1h", "intro", "--tag", "draft"}).out == "2\n");
    r = ws.run({"continue"});
    CHECK(r.out == "3\n");
    CHECK(ws.run({"entry", "show", "3", "--template", "{mission}|{note}|{tags}|{running}"}).out ==
          "north/book|intro|draft|true\n");
}

TEST_CASE("cli/time log a duration on a past day goes after that day's last entry, or at 09:00") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"log", "acme/website", "2h", "--on", "2026-11-25"}).out == "1\n");
    REQUIRE(ws.run({"log", "acme/website", "1h30", "--on", "wed"}).out == "2\n");
    CHECK(ws.run({"entry", "list", "2026-11-25", "--template", "{start}-{end}"}).out ==
          "2026-11-25T09:00:00+01:00-2026-11-25T11:00:00+01:00\n"
          "2026-11-25T11:00:00+01:00-2026-11-25T12:30:00+01:00\n");
}

TEST_CASE("cli/time refusals: exit code, one line, data unchanged") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"log", "acme/website", "9:00-12:30"}).out == "1\n");

    expect_refusal(ws, {"log", "north/book", "11:00-13:00"}, 4,
                   "this would overlap entry 1 (acme/website 2026-11-27 09:00-12:30); change the times, or edit "
                   "that entry first");
    expect_refusal(ws, {"stop"}, 1, "no timer is running; start one with \"slash start CLIENT/MISSION\"");
    expect_refusal(ws, {"cancel"}, 1, "no timer is running: nothing to cancel");
    expect_refusal(ws, {"log", "micro/labels", "2h"}, 2,
                   "mission \"micro/labels\" is billed per task: give the quantity with --units N");
    expect_refusal(ws, {"log", "acme/website", "2h", "--units", "3"}, 2,
                   "--units is only for missions billed per unit; \"acme/website\" is billed hourly");
    expect_refusal(ws, {"log", "acme/website", "19:00-20:00"}, 2,
                   "2026-11-27T20:00:00+01:00 is in the future; pass --allow-future to record it anyway");
    expect_refusal(ws, {"log", "acme/website", "25h", "--on", "2026-11-20"}, 2,
                   "an entry lasts at most 24 h, \"25h\" is 25h; split it into several entries");
    expect_refusal(ws, {"entry", "rm", "1", "99"}, 3, "unknown entry \"99\"; see \"slash entry list\"");
    expect_refusal(ws, {"entry", "edit", "1"}, 2,
                   "nothing to change for entry 1: give at least one flag, see \"slash entry edit --help\"");
    expect_refusal(ws, {"entry", "rm", "x1"}, 2,
                   "invalid entry id \"x1\": use the number shown by \"slash entry list\"");

    for (auto bad : std::vector<std::vector<std::string>>{{"log", "acme/website", "0h"},
                                                          {"log", "acme/website", "-2h"},
                                                          {"log", "acme/website", "30 months"},
                                                          {"log", "acme/website", "25:00-26:00"},
                                                          {"log", "acme/website", "2h", "--on", "2026-02-30"},
                                                          {"log", "acme/website", "14:00-13:00"},
                                                          {"start", "acme/website", "--at", "25:00"}}) {
        std::string before = ws.dump();
        auto r = ws.run(bad);
        CAPTURE(bad[2]);
        CHECK(r.code == 2);
        CHECK(r.err.rfind("slash: error: ", 0) == 0);
        CHECK(r.err.find('\n') == r.err.size() - 1);
        CHECK(ws.dump() == before);
    }
    auto r = ws.run({"log", "acme/webiste", "1h"});
    CHECK(r.code == 3);
    CHECK(r.err.find("did you mean \"acme/website\"?") != std::string::npos);
}

TEST_CASE("cli/time the schema allows one running timer at most") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"start", "acme/website", "--at", "17:00"}).code == 0);
    auto dump = ws.dump();
    CHECK(dump.find("CREATE UNIQUE INDEX entries_one_running ON entries ((end_at IS NULL)) WHERE end_at IS NULL") !=
          std::string::npos);
}

TEST_CASE("cli/time entry rm and move") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"log", "acme/website", "9:00-10:00"}).out == "1\n");
    REQUIRE(ws.run({"log", "acme/website", "10:00-11:00"}).out == "2\n");
    REQUIRE(ws.run({"log", "acme/website", "11:00-12:00"}).out == "3\n");
    auto r = ws.run({"entry", "move", "1", "2", "north/book"});
    CHECK(r.out == "1\n2\n");
    CHECK(ws.run({"entry", "list", "--mission", "north/book", "-q"}).out == "1\n2\n");
    r = ws.run({"entry", "rm", "1", "3"});
    CHECK(r.out == "1\n3\n");
    CHECK(ws.run({"entry", "list", "-q"}).out == "2\n");
}

TEST_CASE("cli/time bare slash is slash status") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"log", "acme/website", "9:00-12:00"}).code == 0);
    auto bare = ws.run(std::vector<std::string>{});
    CHECK(bare.code == 0);
    CHECK(bare.out == ws.run({"status"}).out);
    CHECK(bare.out.find("timer\tno timer running\n") != std::string::npos);
    CHECK(ws.run({"--json"}).out == ws.run({"status", "--json"}).out);
}

TEST_CASE("cli/time a note may contain command names and global flags after it still work") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    auto r = ws.run({"log", "acme/website", "13:00-14:00", "client", "call", "log", "start", "--json"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    CHECK(ws.run({"entry", "show", "1", "--template", "{note}"}).out == "client call log start\n");
}

TEST_CASE("cli/time a time in the DST gap is refused, --allow-future accepts the future") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    expect_refusal(ws, {"log", "acme/website", "02:30-03:30", "--on", "2026-03-29"}, 2,
                   "\"02:30\" does not exist in Europe/Paris on 2026-03-29 (clocks go forward); use 01:59 or 03:00");
    auto r = ws.run({"log", "acme/website", "19:00-20:00", "--allow-future"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
}

TEST_CASE("cli/time entry list -q lastweek | xargs slash entry rm, with the real binary") {
    if (!slash::testing::have_program("xargs")) {
        MESSAGE("skipped: install findutils (xargs)");
        return;
    }
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"log", "acme/website", "2h", "--on", "2026-11-17"}).code == 0);
    REQUIRE(ws.run({"log", "acme/website", "1h", "--on", "2026-11-19"}).code == 0);
    REQUIRE(ws.run({"log", "north/book", "1h"}).code == 0);
    auto r = ws.shell("\"$SLASH\" entry list -q lastweek | xargs \"$SLASH\" entry rm");
    CHECK(r.code == 0);
    CHECK(r.out == "1\n2\n");
    CHECK(r.err == "");
    CHECK(ws.run({"entry", "list", "2026-11-01..2026-11-30", "-q"}).out == "3\n");
}

TEST_CASE("cli/time an entry on a draft or an issued invoice is read-only, --unbilled leaves it out") {
    Workspace ws;
    paris_friday_evening(ws);
    REQUIRE(ws.run({"init", "--no-input", "--name", "Camille Martin", "--siren", "123456782", "--address",
                    "12 rue des Lilas", "--address", "75011 Paris", "--email", "camille@example.org"})
                .code == 0);
    three_clients(ws);
    REQUIRE(ws.run({"client", "edit", "acme", "--address", "1 rue X", "--address", "75002 Paris", "--siren",
                    "552100554"})
                .code == 0);
    REQUIRE(ws.run({"log", "acme/website", "9:00-10:00"}).code == 0);
    REQUIRE(ws.run({"invoice", "new", "acme", "today"}).out == "1\n");
    REQUIRE(ws.run({"log", "acme/website", "10:00-11:00"}).code == 0);
    const std::string draft = "entry 1 is reserved by draft invoice 1: remove that line (slash invoice line rm 1 "
                              "LINE) or the draft (slash invoice rm 1) to change it";
    expect_refusal(ws, {"entry", "edit", "1", "--note", "x"}, 4, draft);
    REQUIRE(ws.run({"invoice", "issue", "1"}).out == "2026-0001\n");
    const std::string issued = "entry 1 is billed on invoice 2026-0001: it cannot change; credit that invoice to free it";
    expect_refusal(ws, {"entry", "edit", "1", "--note", "x"}, 4, issued);
    expect_refusal(ws, {"entry", "rm", "2", "1"}, 4, issued);
    expect_refusal(ws, {"entry", "move", "1", "north/book"}, 4, issued);
    CHECK(ws.run({"entry", "list", "--unbilled", "-q"}).out == "2\n");
    REQUIRE(ws.run({"invoice", "credit", "2026-0001"}).out == "AV2026-0001\n");
    CHECK(ws.run({"entry", "edit", "1", "--note", "x"}).code == 0);
    CHECK(ws.run({"entry", "list", "--unbilled", "-q"}).out == "1\n2\n");
}

TEST_CASE("cli/time start: closing the running timer may not overlap, a future entry does not block an earlier timer") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"start", "acme/website", "--at", "9:00"}).code == 0);
    REQUIRE(ws.run({"log", "north/book", "20:00-21:00", "--allow-future"}).code == 0);
    ws.env.variables["SLASH_NOW"] = "2026-11-27T21:30:00+01:00";
    expect_refusal(ws, {"start", "north/book"}, 4,
                   "this would overlap entry 2 (north/book 2026-11-27 20:00-21:00); change the times, or edit that "
                   "entry first");
    REQUIRE(ws.run({"stop", "--at", "12:00"}).code == 0);
    ws.env.variables["SLASH_NOW"] = "2026-11-27T18:00:00+01:00";
    auto r = ws.run({"start", "acme/website", "--at", "13:00"});
    CHECK(r.code == 0);
    CHECK(r.out == "3\n");
}

TEST_CASE("cli/time a timer cannot start more than 24 h ago, a forgotten one still counts today") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    expect_refusal(ws, {"start", "acme/website", "--at", "2026-11-25T09:00"}, 2,
                   "a timer cannot start more than 24 h ago (2026-11-25T09:00:00+01:00); record past work with "
                   "\"slash log\"");
    {
        // A timer left running since Wednesday (written before the rule, or by a clock change).
        SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO entries (uid, mission_id, start_at, end_at, note, tags, billable, created_at, "
                 "updated_at) VALUES ('u-1', 1, 1795593600, NULL, '', '', 1, 0, 0)");  // 2026-11-25 09:00 +01:00
    }
    CHECK(ws.run({"today", "--json"}).out.find(R"("total_seconds":64800,)") != std::string::npos);
    auto r = ws.run({"stop"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: an entry lasts at most 24 h, this one 57h; stop it earlier with \"slash stop "
                   "--at TIME\" and log the rest\n");
}

TEST_CASE("cli/time log on a past day: after the latest finished end, a full day is refused") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"log", "acme/website", "22:00-23:00", "--on", "2026-11-24"}).out == "1\n");
    REQUIRE(ws.run({"log", "acme/website", "3h", "--on", "2026-11-24"}).out == "2\n");
    expect_refusal(ws, {"log", "acme/website", "1h", "--on", "2026-11-24"}, 2,
                   "2026-11-24 is full: its last entry ends on the next day; give a range with --on, e.g. \"slash "
                   "log acme/website 9:00-10:00 --on 2026-11-24\"");
    REQUIRE(ws.run({"log", "acme/website", "9:00-17:00", "--on", "yesterday"}).out == "3\n");
    REQUIRE(ws.run({"start", "north/book", "--at", "yesterday 22:00"}).out == "4\n");
    CHECK(ws.run({"log", "acme/website", "1h", "--on", "yesterday"}).out == "5\n");
    CHECK(ws.run({"entry", "show", "5", "--template", "{start}"}).out == "2026-11-26T17:00:00+01:00\n");
}

TEST_CASE("cli/time a unit mission's timer needs its units to stop, units are bounded") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"start", "micro/labels", "--at", "17:00"}).out == "1\n");
    expect_refusal(ws, {"stop"}, 2, "mission \"micro/labels\" is billed per task: give the quantity with --units N");
    auto r = ws.run({"stop", "--units", "80"});
    CHECK(r.code == 0);
    CHECK(ws.run({"entry", "show", "1", "--template", "{units}"}).out == "80.000\n");
    expect_refusal(ws, {"entry", "edit", "1", "--units", ""}, 2,
                   "entry 1 is on \"micro/labels\", billed per unit: its --units cannot be empty");
    expect_refusal(ws, {"log", "micro/labels", "10m", "--units", "9223372036854775", "--on", "2026-11-20"}, 2,
                   "invalid --units \"9223372036854775\": give a quantity above zero and at most 1000000000, e.g. "
                   "12 or 2.5");
}

TEST_CASE("cli/time today's rows add up across midnight, durations are never negative") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"log", "acme/website", "2h", "--on", "2026-11-26"}).code == 0);
    REQUIRE(ws.run({"entry", "edit", "1", "--start", "2026-11-26T23:00", "--end", "2026-11-27T02:00"}).code == 0);
    CHECK(ws.run({"today"}).out ==
          "acme/website\t23:00\t02:00\t2:00\t\nacme/website\t\t\t2:00\ttotal\nTOTAL 2026-11-27\t\t\t2:00\t\n");
    REQUIRE(ws.run({"start", "north/book", "--at", "19:00", "--allow-future"}).code == 0);
    CHECK(ws.run({"entry", "show", "2", "--template", "{seconds} {duration}"}).out == "0 0:00\n");
}

TEST_CASE("cli/time scripting details: exact tags, JSON fields, -q without blank lines, none missions") {
    Workspace ws;
    paris_friday_evening(ws);
    three_clients(ws);
    REQUIRE(ws.run({"mission", "add", "acme/admin", "--none"}).code == 0);
    REQUIRE(ws.run({"log", "acme/website", "9:00-10:00", "--tag", "web"}).code == 0);
    REQUIRE(ws.run({"log", "acme/admin", "10:00-11:00"}).code == 0);
    CHECK(ws.run({"entry", "list", "--tag", "web", "-q"}).out == "1\n");
    CHECK(ws.run({"entry", "list", "--tag", "we", "-q"}).out == "");
    CHECK(ws.run({"entry", "list", "--tag", "WEB"}).code == 2);
    CHECK(ws.run({"entry", "list", "--json"}).out.find("start_time") == std::string::npos);
    CHECK(ws.run({"today", "-q"}).out == "2\n1\n");
    CHECK(ws.run({"week", "-q"}).out == "acme/admin\nacme/website\n");
    CHECK(ws.run({"status", "-q"}).out == "");
    CHECK(ws.run({"entry", "show", "2", "--template", "{billable}"}).out == "false\n");
    CHECK(ws.run({"entry", "list", "--unbilled", "-q"}).out == "1\n");
    auto r = ws.run({"entry", "rm", "1\n2"});
    CHECK(r.err == "slash: error: invalid entry id \"1\\x0a2\": use the number shown by \"slash entry list\"\n");
}
