#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/ical_check.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::Workspace;

// `slash export` (issue 7): the four formats from one small history, the round trips that
// make JSONL and CSV lossless, and iCalendar through a strict RFC 5545 check. Now is
// 2026-11-28T10:00Z; the zone is Europe/Paris so that offsets show (+02:00 until
// 2026-10-25, +01:00 after).

namespace {

void history(Workspace& ws) {
    ws.env.variables["TZ"] = "Europe/Paris";
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web"});
    ok(ws, {"mission", "add", "acme/docs", "--unit", "0.12", "--unit-name", "word"});
    ok(ws, {"client", "add", "beta", "--name", "Beta SARL", "--daily", "450"});
    ok(ws, {"mission", "add", "beta/audit"});
    // Notes that test each format's quoting: commas, quotes, a leading '-' and '=', a
    // semicolon, backslashes, non-ASCII, and a long note for iCalendar's folding.
    ok(ws, {"log", "acme/web", "9:00-11:30", "--on", "2026-10-23", "--tag", "dev", "--tag", "ops", "Home page, v2"});
    ok(ws, {"log", "acme/docs", "9:00-10:00", "--on", "2026-11-02", "--units", "2.5", "--", "-fix \"quotes\"; and \\ back"});
    ok(ws, {"log", "beta/audit", "14:00-15:00", "--on", "2026-11-03", "--non-billable", "=SUM(A1) café"});
    ok(ws, {"log", "acme/web", "22:00-23:30", "--on", "2026-11-04",
            "Réunion de lancement avec l'équipe produit, suivie d'un atelier sur la refonte complète du site"});
    ok(ws, {"start", "beta/audit", "--at", "9:30"});
}

std::string uid_of(Workspace& ws, const std::string& id) {
    return run_ok(ws, {"entry", "show", id, "--template", "{uid}"}).substr(0, 36);
}

std::string write(Workspace& ws, const std::string& name, const std::string& content) {
    auto path = ws.dir() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

}  // namespace

TEST_CASE("export jsonl writes every column, one object per line, by start") {
    Workspace ws;
    history(ws);
    auto out = run_ok(ws, {"export"});
    CHECK(out == "{\"uid\":\"" + uid_of(ws, "1") +
                     "\",\"start\":\"2026-10-23T09:00:00+02:00\",\"end\":\"2026-10-23T11:30:00+02:00\","
                     "\"client\":\"acme\",\"mission\":\"web\",\"units\":null,\"billable\":true,\"tags\":[\"dev\",\"ops\"],"
                     "\"note\":\"Home page, v2\"}\n"
                     "{\"uid\":\"" + uid_of(ws, "2") +
                     "\",\"start\":\"2026-11-02T09:00:00+01:00\",\"end\":\"2026-11-02T10:00:00+01:00\","
                     "\"client\":\"acme\",\"mission\":\"docs\",\"units\":\"2.5\",\"billable\":true,\"tags\":[],"
                     "\"note\":\"-fix \\\"quotes\\\"; and \\\\ back\"}\n"
                     "{\"uid\":\"" + uid_of(ws, "3") +
                     "\",\"start\":\"2026-11-03T14:00:00+01:00\",\"end\":\"2026-11-03T15:00:00+01:00\","
                     "\"client\":\"beta\",\"mission\":\"audit\",\"units\":null,\"billable\":false,\"tags\":[],"
                     "\"note\":\"=SUM(A1) café\"}\n"
                     "{\"uid\":\"" + uid_of(ws, "4") +
                     "\",\"start\":\"2026-11-04T22:00:00+01:00\",\"end\":\"2026-11-04T23:30:00+01:00\","
                     "\"client\":\"acme\",\"mission\":\"web\",\"units\":null,\"billable\":true,\"tags\":[],"
                     "\"note\":\"Réunion de lancement avec l'équipe produit, suivie d'un atelier sur la refonte "
                     "complète du site\"}\n"
                     "{\"uid\":\"" + uid_of(ws, "5") +
                     "\",\"start\":\"2026-11-28T09:30:00+01:00\",\"end\":null,"
                     "\"client\":\"beta\",\"mission\":\"audit\",\"units\":null,\"billable\":true,\"tags\":[],"
                     "\"note\":\"\"}\n");
}

TEST_CASE("export narrows by period, client and mission") {
    Workspace ws;
    history(ws);
    auto lines = [](const std::string& text) { return std::count(text.begin(), text.end(), '\n'); };
    CHECK(lines(run_ok(ws, {"export", "2026-11"})) == 4);
    CHECK(lines(run_ok(ws, {"export", "2026-10"})) == 1);
    CHECK(lines(run_ok(ws, {"export", "--client", "beta"})) == 2);
    CHECK(lines(run_ok(ws, {"export", "--mission", "acme/web", "--format", "csv"})) == 3);
    expect_refusal(ws, {"export", "--client", "acne"}, 3, "unknown client \"acne\" (did you mean \"acme\"?)");
    // Refused before the writer starts: not even a CSV header or a VCALENDAR line.
    expect_refusal(ws, {"export", "--format", "csv", "--client", "acne"}, 3,
                   "unknown client \"acne\" (did you mean \"acme\"?)");
    expect_refusal(ws, {"export", "--format", "ical", "--mission", "acme/wbe"}, 3,
                   "unknown mission \"acme/wbe\" (did you mean \"acme/web\"?)");
    expect_refusal(ws, {"export", "--format", "xlsx"}, 2,
                   "unknown export format \"xlsx\": use jsonl, csv, timeclock or ical");
    expect_refusal(ws, {"export", "--json"}, 2,
                   "export writes its own format: use --format jsonl|csv|timeclock|ical instead of --json, --csv, "
                   "--tsv, --template or -q");
    auto bad_period = ws.run({"entry", "list", "30 months"});
    REQUIRE(bad_period.code == 2);
    expect_refusal(ws, {"export", "30 months"}, 2, bad_period.err.substr(14, bad_period.err.size() - 15));
}

TEST_CASE("export csv quotes, guards formulas and reads back") {
    Workspace ws;
    history(ws);
    auto out = run_ok(ws, {"export", "--format", "csv", "2026-11-02..2026-11-03"});
    CHECK(out == "uid,start,end,client,mission,units,billable,tags,note\r\n" + uid_of(ws, "2") +
                     ",2026-11-02T09:00:00+01:00,2026-11-02T10:00:00+01:00,acme,docs,2.5,true,,"
                     "\"'-fix \"\"quotes\"\"; and \\ back\"\r\n" +
                     uid_of(ws, "3") +
                     ",2026-11-03T14:00:00+01:00,2026-11-03T15:00:00+01:00,beta,audit,,false,,'=SUM(A1) café\r\n");
}

TEST_CASE("export timeclock writes i and o lines in local time") {
    Workspace ws;
    history(ws);
    CHECK(run_ok(ws, {"export", "--format", "timeclock", "2026-10-23..2026-11-03"}) ==
          "i 2026-10-23 09:00:00 acme:web  Home page, v2\n"
          "o 2026-10-23 11:30:00\n"
          "i 2026-11-02 09:00:00 acme:docs  -fix \"quotes\", and \\ back\n"
          "o 2026-11-02 10:00:00\n"
          "i 2026-11-03 14:00:00 beta:audit  =SUM(A1) café\n"
          "o 2026-11-03 15:00:00\n");
}

TEST_CASE("export ical passes a strict RFC 5545 check and leaves the timer out") {
    Workspace ws;
    history(ws);
    auto out = run_ok(ws, {"export", "--format", "ical"});
    CHECK(slash::testing::ical_problems(out) == std::vector<std::string>{});
    CHECK(out.find("UID:" + uid_of(ws, "1") + "\r\n") != std::string::npos);
    CHECK(out.find("DTSTART:20261023T070000Z\r\nDTEND:20261023T093000Z\r\n") != std::string::npos);
    CHECK(out.find("SUMMARY:acme/web: Home page\\, v2\r\n") != std::string::npos);
    CHECK(out.find("CATEGORIES:dev,ops\r\n") != std::string::npos);
    CHECK(out.find(uid_of(ws, "5")) == std::string::npos);
    auto events = [](const std::string& text) {
        std::size_t n = 0;
        for (auto at = text.find("BEGIN:VEVENT"); at != std::string::npos; at = text.find("BEGIN:VEVENT", at + 1)) ++n;
        return n;
    };
    CHECK(events(out) == 4);
}

TEST_CASE("export then import into an empty database then export again: identical bytes") {
    for (const std::string format : {"jsonl", "csv"}) {
        CAPTURE(format);
        Workspace source;
        history(source);
        std::string first = run_ok(source, {"export", "--format", format});
        Workspace target;
        target.env.variables["TZ"] = "Europe/Paris";
        auto file = write(target, "history." + format, first);
        CHECK(ok(target, {"import", format, file, "--create"}) ==
              "imported 5 entries (7h30m) from " + file +
                  "; created client acme, mission acme/web, mission acme/docs, client beta, mission beta/audit\n");
        CHECK(run_ok(target, {"export", "--format", format}) == first);
        // And once more: nothing added, nothing changed.
        std::string before = target.dump();
        CHECK(ok(target, {"import", format, file}) ==
              "imported 0 entries (0m) from " + file + "; 5 entries already there\n");
        CHECK(target.dump() == before);
    }
}

TEST_CASE("the round trip keeps odd handles, notes as typed and future entries") {
    for (const std::string format : {"jsonl", "csv"}) {
        CAPTURE(format);
        Workspace source;
        ok(source, {"client", "add", "acme--corp", "--name", "ACME", "--hourly", "65"});
        ok(source, {"mission", "add", "acme--corp/web."});
        ok(source, {"log", "acme--corp/web.", "9:00-10:00", "--on", "2026-11-02", "--tag", "wip-", "--tag", "a--b",
                    "  spaced note  "});
        ok(source, {"log", "acme--corp/web.", "9:00-10:00", "--on", "2026-11-03", "line\u2028sep \xc2\x85 next"});
        ok(source, {"log", "acme--corp/web.", "9:00-10:00", "--on", "2026-12-01", "--allow-future", "planned"});
        std::string first = run_ok(source, {"export", "--format", format});
        Workspace target;
        auto file = write(target, "history." + format, first);
        auto refused = target.run({"import", format, file, "--create"});
        CHECK(refused.code == 1);
        CHECK(ok(target, {"import", format, file, "--create", "--allow-future"}) ==
              "imported 3 entries (3h) from " + file + "; created client acme--corp, mission acme--corp/web.\n");
        CHECK(run_ok(target, {"export", "--format", format}) == first);
    }
}
