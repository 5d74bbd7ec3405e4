// What a month of real use turned up (issue 17): each rule a user tripped on, held by the
// exact output, the stderr line, the exit status and what was stored.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::init_seller;
using slash::testing::run_ok;
using slash::testing::Workspace;

namespace {

// Thursday 2026-12-10, 10:00 in Paris (UTC+1).
void paris_thursday_morning(Workspace& ws) {
    ws.env.variables["TZ"] = "Europe/Paris";
    ws.env.variables["SLASH_NOW"] = "2026-12-10T10:00:00+01:00";
}

void two_missions(Workspace& ws) {
    for (auto args : std::vector<std::vector<std::string>>{{"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"},
                                                            {"mission", "add", "acme/website"},
                                                            {"client", "add", "north", "--name", "Northwind", "--daily", "450"},
                                                            {"mission", "add", "north/book"}}) {
        auto r = ws.run(args);
        INFO(r.err);
        REQUIRE(r.code == 0);
    }
}

std::string span(Workspace& ws, const std::string& id) {
    return ws.run({"entry", "show", id, "--template", "{start} {end}"}).out;
}

}  // namespace

TEST_CASE("cli/month entry edit reads a bare time on the entry's own day") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    REQUIRE(ws.run({"log", "acme/website", "18:00-19:00", "--on", "2026-12-09"}).out == "1\n");

    // On the 10th, "--end 9:30" on an entry of the 9th used to make it 15h30 long.
    expect_refusal(ws, {"entry", "edit", "1", "--end", "9:30"}, 2,
                   "--end \"9:30\" is at or before the start of entry 1 (2026-12-09 18:00); a time alone is on the "
                   "entry's own day: for an entry that ends the next day, give the date: --end \"2026-12-10 09:30\"");
    expect_refusal(ws, {"entry", "edit", "1", "--end", "2026-12-09 17:00"}, 2,
                   "--end \"2026-12-09 17:00\" is at or before the start of entry 1 (2026-12-09 18:00); give a later "
                   "end");
    expect_refusal(ws, {"entry", "edit", "1", "--start", "20:00"}, 2,
                   "--start \"20:00\" is at or after the end of entry 1 (2026-12-09 19:00); give an earlier start, or "
                   "a later --end with it");

    auto r = ws.run({"entry", "edit", "1", "--end", "19:30"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    CHECK(r.err == "");
    CHECK(span(ws, "1") == "2026-12-09T18:00:00+01:00 2026-12-09T19:30:00+01:00\n");
    r = ws.run({"entry", "edit", "1", "--start", "17h"});
    CHECK(r.out == "1\n");
    CHECK(span(ws, "1") == "2026-12-09T17:00:00+01:00 2026-12-09T19:30:00+01:00\n");
    // The end of a moved start is read on the new start's day.
    r = ws.run({"entry", "edit", "1", "--start", "2026-12-08 9:00", "--end", "10:00"});
    CHECK(r.out == "1\n");
    CHECK(span(ws, "1") == "2026-12-08T09:00:00+01:00 2026-12-08T10:00:00+01:00\n");

    // A real overnight entry takes its date, and says what it made.
    REQUIRE(ws.run({"log", "north/book", "18:00-19:00", "--on", "2026-12-05"}).out == "2\n");
    expect_refusal(ws, {"entry", "edit", "2", "--end", "2026-12-08 17:00"}, 2,
                   "entry 2 would run from 2026-12-05 18:00 to 2026-12-08 17:00 (71h); an entry lasts at most 24 h: "
                   "check the days given to --start and --end");
    r = ws.run({"entry", "edit", "2", "--end", "2026-12-06 02:00"});
    CHECK(r.code == 0);
    CHECK(r.out == "2\n");
    CHECK(span(ws, "2") == "2026-12-05T18:00:00+01:00 2026-12-06T02:00:00+01:00\n");
}

TEST_CASE("cli/month a forgotten timer: status shows its day, stop and entry edit warn above time.long_entry") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    REQUIRE(ws.run({"start", "acme/website", "--at", "yesterday 18:00"}).out == "1\n");
    CHECK(ws.run({"status", "--template", "{timer}"}).out == "acme/website since yesterday 18:00 (16h)\n");

    auto r = ws.run({"stop"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    CHECK(r.err ==
          "slash: stopped acme/website (16h)\n"
          "slash: warning: 16h since yesterday 18:00: forgot to stop? slash entry edit 1 --end TIME\n");
    CHECK(span(ws, "1") == "2026-12-09T18:00:00+01:00 2026-12-10T10:00:00+01:00\n");

    r = ws.run({"entry", "edit", "1", "--end", "19:00"});
    CHECK(r.err == "");
    CHECK(span(ws, "1") == "2026-12-09T18:00:00+01:00 2026-12-09T19:00:00+01:00\n");

    // A timer of today shows its time alone; one of 10h exactly is not long.
    REQUIRE(ws.run({"start", "north/book", "--at", "0:00"}).out == "2\n");
    CHECK(ws.run({"status", "--template", "{timer}"}).out == "north/book since 00:00 (10h)\n");
    r = ws.run({"stop"});
    CHECK(r.err == "slash: stopped north/book (10h)\n");

    // An edit that makes an old entry long says so, with its day.
    REQUIRE(ws.run({"log", "north/book", "8:00-9:00", "--on", "2026-12-05"}).out == "3\n");
    r = ws.run({"entry", "edit", "3", "--end", "19:00"});
    CHECK(r.code == 0);
    CHECK(r.out == "3\n");
    CHECK(r.err ==
          "slash: warning: entry 3 lasts 11h since Sat 5 Dec 08:00, over time.long_entry (10h); if that is wrong: "
          "slash entry edit 3 --end TIME\n");

    // The limit is the user's, in any duration `log` takes.
    std::ofstream(ws.config_path()) << "[time]\nlong_entry = \"11h45\"\n";
    r = ws.run({"entry", "edit", "3", "--end", "19:30"});
    CHECK(r.err == "");
    std::ofstream(ws.config_path()) << "[time]\nlong_entry = \"25h\"\n";
    r = ws.run({"entry", "edit", "3", "--end", "19:00"});
    CHECK(r.code == 5);
    CHECK(r.out == "");
    CHECK(r.err.find("time.long_entry must be a duration of at most 24 hours, such as \"10h\" or \"8h30\", got \"25h\"") !=
          std::string::npos);
    std::ofstream(ws.config_path()) << "";
    CHECK(span(ws, "3") == "2026-12-05T08:00:00+01:00 2026-12-05T19:30:00+01:00\n");
}

TEST_CASE("cli/month a weekday name is the most recent such day, today included") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    auto r = ws.run({"log", "acme/website", "2h", "--on", "thu"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    CHECK(span(ws, "1") == "2026-12-10T08:00:00+01:00 2026-12-10T10:00:00+01:00\n");
    REQUIRE(ws.run({"log", "acme/website", "1h", "--on", "fri"}).out == "2\n");
    CHECK(span(ws, "2") == "2026-12-04T09:00:00+01:00 2026-12-04T10:00:00+01:00\n");
    CHECK(ws.run({"entry", "list", "jeudi", "-q"}).out == "1\n");
}

TEST_CASE("cli/month work on a done mission is refused, on a paused one warned") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    REQUIRE(ws.run({"log", "acme/website", "1h", "--on", "2026-12-07"}).out == "1\n");
    REQUIRE(ws.run({"mission", "done", "acme/website"}).code == 0);
    const std::string done = "mission \"acme/website\" is done: resume it first with \"slash mission resume acme/website\"";
    expect_refusal(ws, {"start", "acme/website"}, 4, done);
    expect_refusal(ws, {"log", "acme/website", "1h"}, 4, done);
    expect_refusal(ws, {"continue", "1"}, 4, done);

    REQUIRE(ws.run({"mission", "pause", "north/book"}).code == 0);
    const std::string paused =
        "slash: warning: mission \"north/book\" is paused; resume it with \"slash mission resume north/book\"\n";
    auto r = ws.run({"log", "north/book", "1h"});
    CHECK(r.code == 0);
    CHECK(r.out == "2\n");
    CHECK(r.err == paused);
    r = ws.run({"start", "north/book"});
    CHECK(r.code == 0);
    CHECK(r.out == "3\n");
    CHECK(r.err == paused);
    CHECK(ws.run({"entry", "list", "today", "-q"}).out == "2\n3\n");

    REQUIRE(ws.run({"mission", "resume", "acme/website"}).code == 0);
    r = ws.run({"log", "acme/website", "1h", "--on", "2026-12-08"});
    CHECK(r.code == 0);
    CHECK(r.err == "");
}

TEST_CASE("cli/month log says where the time went on a terminal, and successive logs of today pack back") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    ws.env.stderr_is_tty = true;
    auto r = ws.run({"log", "acme/website", "1h30"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    CHECK(r.err == "slash: logged 1h30m on acme/website, Thu 10 Dec 08:30\u201310:00\n");
    r = ws.run({"log", "north/book", "1h"});
    CHECK(r.code == 0);
    CHECK(r.out == "2\n");
    CHECK(r.err == "slash: logged 1h on north/book, Thu 10 Dec 07:30\u201308:30\n");
    r = ws.run({"log", "north/book", "30m", "--on", "2026-12-08"});
    CHECK(r.err == "slash: logged 30m on north/book, Tue 8 Dec 09:00\u201309:30\n");
    CHECK(span(ws, "2") == "2026-12-10T07:30:00+01:00 2026-12-10T08:30:00+01:00\n");

    // Before a running timer too; a duration that no longer fits today is refused.
    REQUIRE(ws.run({"start", "acme/website", "--at", "10:00"}).out == "4\n");
    ws.env.variables["SLASH_NOW"] = "2026-12-10T11:00:00+01:00";
    r = ws.run({"log", "north/book", "15m"});
    CHECK(r.err == "slash: logged 15m on north/book, Thu 10 Dec 07:15\u201307:30\n");
    expect_refusal(ws, {"log", "north/book", "8h"}, 2,
                   "today has no free 8h before now; give a range, e.g. \"slash log north/book 9:00-10:00\"");

    // Piped, stderr stays quiet: the id is the answer.
    ws.env.stderr_is_tty = false;
    r = ws.run({"log", "north/book", "5m"});
    CHECK(r.out == "6\n");
    CHECK(r.err == "");
    CHECK(span(ws, "6") == "2026-12-10T07:10:00+01:00 2026-12-10T07:15:00+01:00\n");
}

TEST_CASE("cli/month client show says the value in force and where it comes from") {
    Workspace ws;
    paris_thursday_morning(ws);
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME SAS"}).code == 0);
    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    auto shown = ws.run({"client", "show", "acme"}).out;
    CHECK(shown.find("Terms:          30 days (config)\nLanguage:       fr (config)\n"
                     "VAT regime:     franchise (config)\n") != std::string::npos);
    CHECK(shown.find("Archived:       no\n") != std::string::npos);
    REQUIRE(ws.run({"client", "edit", "acme", "--terms", "1", "--language", "en"}).code == 0);
    shown = ws.run({"client", "show", "acme"}).out;
    CHECK(shown.find("Terms:          1 day\nLanguage:       en\n") != std::string::npos);
    // The regime in force abroad is the place of supply's, as invoices apply it.
    REQUIRE(ws.run({"client", "add", "wafel", "--name", "Wafelhuis SRL", "--country", "BE", "--vat-id",
                    "BE0477472701"}).code == 0);
    REQUIRE(ws.run({"client", "add", "pub", "--name", "Pub Ltd", "--country", "GB", "--kind", "business"}).code == 0);
    REQUIRE(ws.run({"client", "add", "jane", "--name", "Jane Doe", "--country", "DE", "--kind", "individual"}).code ==
            0);
    CHECK(ws.run({"client", "show", "wafel"}).out.find(
              "VAT regime:     reverse-charge (place of supply: a business in BE)\n") != std::string::npos);
    CHECK(ws.run({"client", "show", "pub"}).out.find(
              "VAT regime:     export (place of supply: a business in GB, outside the EU)\n") != std::string::npos);
    CHECK(ws.run({"client", "show", "jane"}).out.find(
              "VAT regime:     franchise (config: an individual in DE)\n") != std::string::npos);
    // Scripts still read what is stored: null where the client leaves it to the config.
    ws.env.stdout_is_tty = false;
    CHECK(ws.run({"client", "show", "acme", "--template", "{vat_regime}|{archived_at}"}).out == "|\n");
}

TEST_CASE("cli/month messages that lead somewhere: entry rm, whose SIREN or VAT id, Belgian dots") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    expect_refusal(ws, {"entry", "rm"}, 2,
                   "give the ids of the entries to delete, e.g. \"slash entry rm 12 13\"; \"slash entry list -q\" "
                   "prints them");
    expect_refusal(ws, {"client", "edit", "acme", "--siren", "123456789"}, 2,
                   "invalid SIREN \"123456789\": the check digit is wrong (Luhn); check the number on the client's "
                   "invoices or on annuaire-entreprises.data.gouv.fr");
    expect_refusal(ws, {"client", "edit", "acme", "--vat-id", "FR41303265045"}, 2,
                   "invalid VAT number \"FR41303265045\": the key 41 does not match the SIREN 303265045; check the "
                   "number on the client's invoices or in VIES");
    auto r = ws.run({"config", "set", "seller.vat_id", "FR41303265045"});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "slash: error: invalid VAT number \"FR41303265045\": the key 41 does not match the SIREN 303265045; check "
          "your number in your professional space on impots.gouv.fr\n");

    r = ws.run({"client", "add", "belgo", "--name", "Belgo SA", "--country", "BE", "--vat-id", "BE0412.345.614"});
    CHECK(r.code == 0);
    CHECK(r.out == "belgo\n");
    CHECK(ws.run({"client", "show", "belgo", "--template", "{vat_id}"}).out == "BE0412345614\n");
}

TEST_CASE("cli/month bare slash before init says how to begin and creates nothing") {
    Workspace ws;
    paris_thursday_morning(ws);
    auto r = ws.run(std::vector<std::string>{});
    CHECK(r.code == 0);
    CHECK(r.out == "");
    CHECK(r.err == "slash: no data yet: start with \"slash init\"\n");
    CHECK(!std::filesystem::exists(ws.db_path()));
    r = ws.run({"status", "--json"});
    CHECK(r.out == "");
    CHECK(r.err == "slash: no data yet: start with \"slash init\"\n");
    CHECK(!std::filesystem::exists(ws.db_path()));
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME SAS"}).code == 0);
    CHECK(ws.run({"status", "--template", "{timer}"}).out == "no timer running\n");
}

TEST_CASE("cli/month missions mark work over the estimate and over the budget") {
    Workspace ws;
    paris_thursday_morning(ws);
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME SAS", "--hourly", "100"}).code == 0);
    REQUIRE(ws.run({"mission", "add", "acme/site", "--estimate", "3h", "--budget", "200"}).code == 0);
    REQUIRE(ws.run({"mission", "add", "acme/docs", "--estimate", "10h"}).code == 0);
    REQUIRE(ws.run({"log", "acme/site", "9:00-12:30", "--on", "2026-12-08"}).code == 0);
    REQUIRE(ws.run({"log", "acme/docs", "9:00-10:00", "--on", "2026-12-09"}).code == 0);
    CHECK(ws.run({"missions"}).out ==
          "acme/docs\tactive\t\t1.00\t10.00\t\t100.00 EUR\t\n"
          "acme/site\tactive\t\t3.50\t3.00 (over)\t175% (over)\t350.00 EUR\t\n");
    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    CHECK(ws.run({"mission", "show", "acme/site"}).out.find(" 3h (over)\n") != std::string::npos);
}

// Item 6: entry list, missions, status, report and drafting say the same of every entry.
TEST_CASE("cli/month billed and unbilled mean one thing: held by an invoice, draft or issued, or covered by a fixed price") {
    Workspace ws;
    paris_thursday_morning(ws);
    init_seller(ws);
    run_ok(ws, {"client", "add", "brasserie", "--name", "Brasserie SAS", "--address", "1 rue X", "--address",
                "75002 Paris", "--siren", "552100554", "--hourly", "60"});
    run_ok(ws, {"mission", "add", "brasserie/site", "--fixed", "3500", "--estimate", "35h"});
    run_ok(ws, {"config", "set", "invoice.fixed_price", "first-work"});  // the price billed with its first work
    run_ok(ws, {"mission", "add", "brasserie/conseil"});
    run_ok(ws, {"log", "brasserie/site", "9:00-13:00", "--on", "2026-12-01"});   // 1
    run_ok(ws, {"log", "brasserie/conseil", "14:00-16:00", "--on", "2026-12-01"});  // 2
    run_ok(ws, {"log", "brasserie/site", "9:00-13:00", "--on", "2026-12-02"});   // 3
    const auto unbilled_ids = [&] { return run_ok(ws, {"entry", "list", "2026-12", "--unbilled", "-q"}); };
    const auto missions = [&] { return run_ok(ws, {"missions", "--template", "{mission} {unbilled.amount}"}); };
    const auto status = [&] { return run_ok(ws, {"status", "--template", "{unbilled_text}"}); };
    const auto report = [&] {
        return run_ok(ws, {"report", "2026-12", "--by", "mission", "--template",
                           "{mission} billed {billed.amount} unbilled {unbilled.amount}"});
    };
    // Nothing drafted: all of it unbilled, everywhere. The fixed price earns 8 h of 35 in the
    // report (800.00), and the next invoice would bill it whole (3500.00).
    CHECK(unbilled_ids() == "1\n2\n3\n");
    CHECK(missions() == "brasserie/conseil 120.00\nbrasserie/site 3500.00\n");
    CHECK(status() == "3620.00 EUR\n");
    CHECK(report() == "brasserie/conseil billed 0.00 unbilled 120.00\nbrasserie/site billed 0.00 unbilled 800.00\n");

    // A draft holds the work: billed for every command, before it is issued.
    CHECK(run_ok(ws, {"invoice", "new", "brasserie", "2026-12-01..2026-12-02"}) == "1\n");
    const std::string drafted_report =
        "brasserie/conseil billed 120.00 unbilled 0.00\nbrasserie/site billed 800.00 unbilled 0.00\n";
    CHECK(unbilled_ids() == "");
    CHECK(missions() == "brasserie/conseil 0.00\nbrasserie/site 0.00\n");
    CHECK(status() == "nothing\n");
    CHECK(report() == drafted_report);

    // Work logged after the fixed price was billed is covered by it: not unbilled anywhere,
    // while new hourly work is.
    run_ok(ws, {"log", "brasserie/site", "9:00-13:00", "--on", "2026-12-08"});     // 4
    run_ok(ws, {"log", "brasserie/conseil", "14:00-15:00", "--on", "2026-12-08"});  // 5
    CHECK(unbilled_ids() == "5\n");
    CHECK(missions() == "brasserie/conseil 60.00\nbrasserie/site 0.00\n");
    CHECK(status() == "60.00 EUR\n");
    CHECK(report() == "brasserie/conseil billed 120.00 unbilled 60.00\nbrasserie/site billed 1200.00 unbilled 0.00\n");

    // Issuing changes none of it.
    CHECK(run_ok(ws, {"invoice", "issue", "#1", "--date", "2026-12-09"}) == "2026-0001\n");
    CHECK(unbilled_ids() == "5\n");
    CHECK(missions() == "brasserie/conseil 60.00\nbrasserie/site 0.00\n");
    CHECK(report() == "brasserie/conseil billed 120.00 unbilled 60.00\nbrasserie/site billed 1200.00 unbilled 0.00\n");

    // The next draft takes the covered entry with no line, and the new hour with one.
    auto r = ws.run({"invoice", "new", "brasserie", "2026-12-03..2026-12-09"});
    CHECK(r.code == 0);
    CHECK(r.out == "2\n");
    CHECK(r.err == "slash: draft 2 for brasserie: 1 line, 60.00 EUR (2026-12-03 to 2026-12-09)\n");
    CHECK(unbilled_ids() == "");

    // Deleting a draft gives its work back.
    run_ok(ws, {"invoice", "rm", "#2"});
    CHECK(unbilled_ids() == "5\n");
    CHECK(missions() == "brasserie/conseil 60.00\nbrasserie/site 0.00\n");
}

// Item 9: one way to write a duration on a terminal, chosen with [display] durations.
TEST_CASE("cli/month durations read one way on a terminal, hm or decimal, and pipes never change") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    run_ok(ws, {"log", "acme/website", "9:00-10:45", "--on", "2026-12-08"});
    run_ok(ws, {"log", "north/book", "14:00-16:30", "--on", "2026-12-09"});
    run_ok(ws, {"start", "acme/website", "--at", "9:15"});
    const std::vector<std::vector<std::string>> commands{
        {"status"}, {"today"}, {"week"}, {"missions"}, {"report", "--by", "mission"}};
    const auto outputs = [&] {
        std::string all;
        for (const auto& args : commands) all += "$ " + slash::testing::joined(args) + "\n" + run_ok(ws, args);
        return all;
    };
    const auto duration_line = [&] {
        const auto out = run_ok(ws, {"entry", "show", "1"});
        const auto at = out.find("Duration:");
        return at == std::string::npos ? out : out.substr(at, out.find('\n', at) - at);
    };
    const std::string piped = outputs();
    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    // Hours and minutes: h:mm in tables, 1h45m in show views and messages.
    CHECK(outputs() ==
          "$ status\n"
          "Timer:      acme/website since 09:15 (45m)\n"
          "Today:      45m\n"
          "This week:  5h\n"
          "Unbilled:   338.75 EUR\n"
          "$ today\n"
          "MISSION           START  END  TIME  NOTE\n"
          "acme/website      09:15  \u2026    0:45\n"
          "acme/website                  0:45  total\n"
          "TOTAL 2026-12-10              0:45\n"
          "$ week\n"
          "MISSION       Mon 7  Tue 8  Wed 9  Thu 10  Fri 11  Sat 12  Sun 13  TOTAL\n"
          "acme/website          1:45           0:45                           2:30\n"
          "north/book                   2:30                                   2:30\n"
          "TOTAL                 1:45   2:30    0:45                           5:00\n"
          "$ missions\n"
          "MISSION       STATUS  DUE  HOURS  ESTIMATE  BUDGET    UNBILLED  TITLE\n"
          "acme/website  active        2:30                    113.75 EUR\n"
          "north/book    active        2:30                    225.00 EUR\n"
          "$ report --by mission\n"
          "MISSION       HOURS  BILLABLE      AMOUNT    BILLED    UNBILLED     RATE/H\n"
          "acme/website   2:30      1:45  113.75 EUR  0.00 EUR  113.75 EUR  45.50 EUR\n"
          "north/book     2:30      2:30  225.00 EUR  0.00 EUR  225.00 EUR  90.00 EUR\n"
          "TOTAL          5:00      4:15  338.75 EUR  0.00 EUR  338.75 EUR  67.75 EUR\n");
    CHECK(duration_line() == "Duration:  1h45m");
    // Decimal hours: 1.75 in tables, 1.75 h in show views and messages.
    run_ok(ws, {"config", "set", "display.durations", "decimal"});
    CHECK(outputs() ==
          "$ status\n"
          "Timer:      acme/website since 09:15 (0.75 h)\n"
          "Today:      0.75 h\n"
          "This week:  5.00 h\n"
          "Unbilled:   338.75 EUR\n"
          "$ today\n"
          "MISSION           START  END  TIME  NOTE\n"
          "acme/website      09:15  \u2026    0.75\n"
          "acme/website                  0.75  total\n"
          "TOTAL 2026-12-10              0.75\n"
          "$ week\n"
          "MISSION       Mon 7  Tue 8  Wed 9  Thu 10  Fri 11  Sat 12  Sun 13  TOTAL\n"
          "acme/website          1.75           0.75                           2.50\n"
          "north/book                   2.50                                   2.50\n"
          "TOTAL                 1.75   2.50    0.75                           5.00\n"
          "$ missions\n"
          "MISSION       STATUS  DUE  HOURS  ESTIMATE  BUDGET    UNBILLED  TITLE\n"
          "acme/website  active        2.50                    113.75 EUR\n"
          "north/book    active        2.50                    225.00 EUR\n"
          "$ report --by mission\n"
          "MISSION       HOURS  BILLABLE      AMOUNT    BILLED    UNBILLED     RATE/H\n"
          "acme/website   2.50      1.75  113.75 EUR  0.00 EUR  113.75 EUR  45.50 EUR\n"
          "north/book     2.50      2.50  225.00 EUR  0.00 EUR  225.00 EUR  90.00 EUR\n"
          "TOTAL          5.00      4.25  338.75 EUR  0.00 EUR  338.75 EUR  67.75 EUR\n");
    CHECK(duration_line() == "Duration:  1.75 h");
    // Whatever the style, what a pipe gets is the documented fields.
    ws.env.stdout_is_tty = false;
    CHECK(outputs() == piped);
    // Messages follow the style too.
    auto r = ws.run({"stop", "--at", "9:45"});
    CHECK(r.err == "slash: stopped acme/website (0.50 h)\n");
}

TEST_CASE("cli/month a currency change under missions gets the one refusal that leads somewhere") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    const std::string refusal = "client \"acme\" has 1 mission priced in EUR; its currency cannot change under them "
                                "(add a new client for work in GBP)";
    // Before, the first answer asked for --hourly, and giving it led to this refusal.
    expect_refusal(ws, {"client", "edit", "acme", "--currency", "GBP"}, 4, refusal);
    expect_refusal(ws, {"client", "edit", "acme", "--currency", "gbp", "--hourly", "60"}, 4, refusal);
    REQUIRE(ws.run({"client", "add", "solo", "--name", "Solo", "--hourly", "50"}).code == 0);
    expect_refusal(ws, {"client", "edit", "solo", "--currency", "GBP"}, 2,
                   "changing the currency of \"solo\" to GBP needs its rate in GBP; give it again with --hourly or "
                   "--daily (or --no-rate)");
    auto r = ws.run({"client", "edit", "solo", "--currency", "GBP", "--hourly", "45"});
    CHECK(r.code == 0);
    CHECK(ws.run({"client", "show", "solo", "--template", "{currency} {rate}"}).out == "GBP 45.00 GBP\n");
}

TEST_CASE("cli/month notes and titles are capped at 1000 characters, import names the line") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    const std::string too_long(1001, 'x');
    expect_refusal(ws, {"log", "acme/website", "1h", too_long}, 2,
                   "note is 1001 characters long; the most is 1000: keep a summary here and the details in a file");
    expect_refusal(ws, {"mission", "edit", "acme/website", "--title", too_long}, 2,
                   "--title is 1001 characters long; the most is 1000: keep a summary here and the details in a file");
    // Characters, not bytes: 1000 accented letters are 2000 bytes and fit.
    std::string accents;
    for (int i = 0; i < 1000; ++i) accents += "\xc3\xa9";
    auto r = ws.run({"log", "acme/website", "1h", accents});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");

    const auto file = (ws.dir() / "long.csv").string();
    std::ofstream(file) << "uid,start,end,client,mission,units,billable,tags,note\n"
                           "a,2026-12-01T09:00:00Z,2026-12-01T10:00:00Z,acme,website,,,,"
                        << too_long << "\n";
    std::string before = ws.dump();
    r = ws.run({"import", "csv", file});
    CHECK(r.code == 1);
    CHECK(r.out == "");
    CHECK(r.err.rfind("slash: warning: refused " + file +
                          " line 2: its note is 1001 characters long, more than 1000; shorten it in the source\n",
                      0) == 0);
    CHECK(ws.dump() == before);
}

TEST_CASE("cli/month completion: entries in local time, file names where a path is expected") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    REQUIRE(ws.run({"log", "acme/website", "11:00-12:00", "--on", "2026-12-09", "review"}).out == "1\n");
    CHECK(ws.run({"__complete", "entry", "edit", ""}).out == "1\t2026-12-09 11:00 acme/website review\n:4\n");
    // ":0" lets the shell complete file names.
    CHECK(ws.run({"__complete", "invoice", "show", "1", "-o", ""}).out == ":0\n");
    CHECK(ws.run({"__complete", "invoice", "show", "1", "--output", ""}).out == ":0\n");
    CHECK(ws.run({"__complete", "invoice", "export", "--dir", ""}).out == ":0\n");
    CHECK(ws.run({"__complete", "invoice", "show", "1", "--format", ""}).out.find(":4\n") != std::string::npos);
}

TEST_CASE("cli/month interactive init re-asks an invalid answer at once and keeps the others") {
    Workspace ws;
    ws.env.stdin_is_tty = true;
    auto r = ws.run({"init"}, "Camille Martin\n1 rue X\n75002 Paris\n123456789\n732829320\nnobody\nc@example.org\n\n");
    CHECK(r.code == 0);
    CHECK(r.err ==
          "Your legal name (printed with \"EI\" on invoices): Street address: Postcode and city: SIREN or SIRET: "
          "slash: invalid SIREN \"123456789\": the check digit is wrong (Luhn); check the number on your INSEE "
          "certificate\n"
          "SIREN or SIRET: Email (also your e-invoicing address): slash: invalid email \"nobody\": it needs exactly "
          "one '@'\n"
          "Email (also your e-invoicing address): IBAN (empty to skip): ");
    CHECK(ws.run({"config", "get", "seller.name"}).out == "Camille Martin\n");
    CHECK(ws.run({"config", "get", "seller.siren"}).out == "732829320\n");
    CHECK(ws.run({"config", "get", "seller.email"}).out == "c@example.org\n");
}

TEST_CASE("cli/month did-you-mean for a verb abbreviation, a --by value and a period word") {
    Workspace ws;
    paris_thursday_morning(ws);
    two_missions(ws);
    expect_refusal(ws, {"mission", "ls"}, 2, "unknown command \"ls\" for \"slash mission\" (did you mean \"list\"?)");
    expect_refusal(ws, {"report", "--by", "clinet"}, 2,
                   "invalid --by \"clinet\" (did you mean \"client\"?): use client, mission, tag, day, week or month");
    expect_refusal(ws, {"entry", "list", "lastmonht"}, 2,
                   "invalid period \"lastmonht\": did you mean \"lastmonth\"? use today, yesterday, week, lastweek, "
                   "month, lastmonth, year, lastyear, a date, YYYY, YYYY-MM, YYYY-Qn, YYYY-Www or FROM..TO");
}
