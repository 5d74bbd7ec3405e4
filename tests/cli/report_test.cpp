#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::Workspace;

// `slash report` (issue 6): hours, billable hours, amount, billed and unbilled, effective
// hourly rate, grouped by --by. Every expected figure is worked out by hand in the comments,
// or, for the generated history, by the test's own loops over what it logged. Now is
// 2026-11-28T10:00Z (UTC, a Saturday); [time] is the default: 15m rounding up, 7 h a day,
// half-day steps, weeks from Monday.

namespace {

// The worked example (November 2026 unless said otherwise).
//   acme (EUR): web hourly 65, docs unit 0.12 a word, admin none.
//   beta (EUR, its own rounding: 30m down): audit daily 450, site fixed 1200 with a 10h
//   estimate, open.
//   brit (GBP): app hourly 80.
// Entries (raw -> rounded billable), tags, and who bills them:
//   site  10-20 09:00-11:00  7200                 on 2026-0001 (beta, October: the fixed price)
//   e1 web    11-02 09:00-11:10  7800 -> 8100  dev ops   on 2026-0002 (acme, 11-01..11-10)
//   e2 web    11-03 14:00-15:00  3600 -> 3600  dev       on 2026-0002
//   e5 docs   11-04 09:00-10:00  3600 -> 3600  writing   2500 words, on 2026-0002
//   e7 admin  11-05 09:00-10:00  3600 (none: not billable)
//   e8 audit  11-09 09:00-12:10 11400 -> 10800           on 2026-0003 (beta, 11-01..11-10)
//   e9 audit  11-10 13:00-17:40 16800 -> 16200           on 2026-0003
//   e12 site  11-11 09:00-12:00 10800 -> 10800 dev       (price billed by 2026-0001)
//   e14 app   11-12 09:00-11:30  9000 -> 9000  dev
//   e3 web    11-16 09:00-09:50  3000 -> 3600
//   e4 web    11-17 10:00-10:20  1200, --non-billable
//   e6 docs   11-18 09:00-09:30  1800 -> 1800            1000 words
//   e10 audit 11-23 09:00-11:00  7200 -> 7200
//   e13 site  11-24 09:00-10:00  3600 -> 3600
//   e15 app   11-25 09:00-09:40  2400 -> 2700
//   timer web 11-28 from 09:15, running: 2700 raw, nothing billable
void worked_example(Workspace& ws) {
    init_seller(ws);
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address", "75002 Paris",
            "--siren", "552100554", "--hourly", "65"});
    ok(ws, {"client", "add", "beta", "--name", "Beta SARL", "--address", "3 place Y", "--address", "69001 Lyon",
            "--siren", "552100554", "--daily", "450", "--rounding", "30m", "--rounding-mode", "down"});
    ok(ws, {"client", "add", "brit", "--name", "Brit Ltd", "--address", "10 Downing St", "--address", "London",
            "--country", "GB", "--email", "ap@brit.example", "--language", "en", "--currency", "GBP", "--hourly",
            "80"});
    ok(ws, {"mission", "add", "acme/web"});
    ok(ws, {"mission", "add", "acme/docs", "--unit", "0.12", "--unit-name", "word"});
    ok(ws, {"mission", "add", "acme/admin", "--none"});
    ok(ws, {"mission", "add", "beta/audit"});
    ok(ws, {"mission", "add", "beta/site", "--fixed", "1200", "--estimate", "10h"});
    ok(ws, {"config", "set", "invoice.fixed_price", "first-work"});  // the price billed with its first work
    ok(ws, {"mission", "add", "brit/app"});
    auto issue = [&](const std::string& client, const std::string& period, const std::string& date) {
        auto id = run_ok(ws, {"invoice", "new", client, period});
        id.pop_back();
        return run_ok(ws, {"invoice", "issue", id, "--date", date});
    };
    run_ok(ws, {"log", "beta/site", "9:00-11:00", "--on", "2026-10-20"});
    REQUIRE(issue("beta", "2026-10", "2026-10-31") == "2026-0001\n");
    run_ok(ws, {"log", "acme/web", "9:00-11:10", "--on", "2026-11-02", "--tag", "dev", "--tag", "ops"});
    run_ok(ws, {"log", "acme/web", "14:00-15:00", "--on", "2026-11-03", "--tag", "dev"});
    run_ok(ws, {"log", "acme/docs", "9:00-10:00", "--on", "2026-11-04", "--units", "2500", "--tag", "writing"});
    run_ok(ws, {"log", "acme/admin", "9:00-10:00", "--on", "2026-11-05"});
    run_ok(ws, {"log", "beta/audit", "9:00-12:10", "--on", "2026-11-09"});
    run_ok(ws, {"log", "beta/audit", "13:00-17:40", "--on", "2026-11-10"});
    run_ok(ws, {"log", "beta/site", "9:00-12:00", "--on", "2026-11-11", "--tag", "dev"});
    run_ok(ws, {"log", "brit/app", "9:00-11:30", "--on", "2026-11-12", "--tag", "dev"});
    REQUIRE(issue("acme", "2026-11-01..2026-11-10", "2026-11-10") == "2026-0002\n");
    REQUIRE(issue("beta", "2026-11-01..2026-11-10", "2026-11-10") == "2026-0003\n");
    run_ok(ws, {"log", "acme/web", "9:00-9:50", "--on", "2026-11-16"});
    run_ok(ws, {"log", "acme/web", "10:00-10:20", "--on", "2026-11-17", "--non-billable"});
    run_ok(ws, {"log", "acme/docs", "9:00-9:30", "--on", "2026-11-18", "--units", "1000"});
    run_ok(ws, {"log", "beta/audit", "9:00-11:00", "--on", "2026-11-23"});
    run_ok(ws, {"log", "beta/site", "9:00-10:00", "--on", "2026-11-24"});
    run_ok(ws, {"log", "brit/app", "9:00-9:40", "--on", "2026-11-25"});
    run_ok(ws, {"start", "acme/web", "--at", "9:15"});
}

// The figures by client, worked out by hand.
//
// acme/web, hourly 65: billed e1+e2 = 11700 rounded s = 3.25 h = 211.25; unbilled e3 = 1 h =
// 65.00 (e4 is not billable, the timer is not finished).
// acme/docs, 0.12 a word: billed 2500 words = 300.00; unbilled 1000 words = 120.00.
// acme: raw 7800+3600+3000+1200+2700 (timer) +3600+1800 +3600 (admin) = 27300 s = 7.58 h;
// billable 8100+3600+3600 + 3600+1800 = 20700 s = 5.75 h; amount 696.25, billed 511.25,
// unbilled 185.00; rate 696.25 / 7.5833 h = 91.81.
//
// beta/audit, 450 a day: billed e8+e9 = 27000 s = 7.5 h = 1.07 days -> 3 half-days = 675.00
// (what 2026-0003 billed); unbilled e10 = 2 h -> one half-day = 225.00.
// beta/site, fixed 1200: logged to date 7200+10800+3600 = 6 h, under the 10 h estimate of an
// open mission, so the price is spread over 10 h: November's 4 h earn 480.00, billed (2026-0001
// bills the price).
// beta: raw 11400+16800+7200+10800+3600 = 49800 s = 13.83 h; billable 10800+16200+7200+10800
// +3600 = 48600 s = 13.50 h; amount 1380.00, billed 1155.00, unbilled 225.00; rate 1380 /
// 13.8333 h = 99.76.
//
// brit/app, hourly 80 GBP: 9000+2700 = 11700 s = 3.25 h = 260.00, on no invoice: unbilled; raw
// 11400 s = 3.17 h; rate 260 / 3.1667 h = 82.11.
//
// TOTAL EUR: raw 77100 s = 21.42 h, billable 69300 s = 19.25 h, 2076.25, billed 1666.25,
// unbilled 410.00, rate 2076.25 / 21.4167 h = 96.95. TOTAL GBP: brit's.

const std::string kByClientTsv =
    "acme\t7.58\t5.75\t696.25 EUR\t511.25 EUR\t185.00 EUR\t91.81 EUR\n"
    "beta\t13.83\t13.50\t1380.00 EUR\t1155.00 EUR\t225.00 EUR\t99.76 EUR\n"
    "brit\t3.17\t3.25\t260.00 GBP\t0.00 GBP\t260.00 GBP\t82.11 GBP\n"
    "TOTAL\t21.42\t19.25\t2076.25 EUR\t1666.25 EUR\t410.00 EUR\t96.95 EUR\n"
    "TOTAL\t3.17\t3.25\t260.00 GBP\t0.00 GBP\t260.00 GBP\t82.11 GBP\n";

std::string money(const std::string& amount, const std::string& currency) {
    return R"({"amount":")" + amount + R"(","currency":")" + currency + R"("})";
}

}  // namespace

TEST_CASE("cli/report by client (the default) over this month (the default): table, TSV, CSV, -q, template") {
    Workspace ws;
    worked_example(ws);

    SUBCASE("terminal: a header, the rows, one TOTAL row per currency") {
        ws.env.stdout_is_tty = true;
        ws.env.variables["NO_COLOR"] = "1";
        auto r = ws.run({"report"});
        CHECK(r.code == 0);
        CHECK(r.err == "");
        CHECK(r.out ==
              "CLIENT  HOURS  BILLABLE       AMOUNT       BILLED    UNBILLED     RATE/H\n"
              "acme     7:35      5:45   696.25 EUR   511.25 EUR  185.00 EUR  91.81 EUR\n"
              "beta    13:50     13:30  1380.00 EUR  1155.00 EUR  225.00 EUR  99.76 EUR\n"
              "brit     3:10      3:15   260.00 GBP     0.00 GBP  260.00 GBP  82.11 GBP\n"
              "TOTAL   21:25     19:15  2076.25 EUR  1666.25 EUR  410.00 EUR  96.95 EUR\n"
              "TOTAL    3:10      3:15   260.00 GBP     0.00 GBP  260.00 GBP  82.11 GBP\n");
    }
    SUBCASE("piped: the same rows tab-separated, TOTAL rows included, and the same with the period and --by given") {
        CHECK(run_ok(ws, {"report"}) == kByClientTsv);
        CHECK(run_ok(ws, {"report", "2026-11", "--by", "client"}) == kByClientTsv);
        CHECK(run_ok(ws, {"report", "month"}) == kByClientTsv);
    }
    SUBCASE("--csv: every field with a header, no TOTAL") {
        CHECK(run_ok(ws, {"report", "--csv"}) ==
              "client,raw_seconds,raw_hours,billable_seconds,billable_hours,amount.amount,amount.currency,"
              "billed.amount,billed.currency,unbilled.amount,unbilled.currency,effective_rate.amount,"
              "effective_rate.currency\r\n"
              "acme,27300,7.58,20700,5.75,696.25,EUR,511.25,EUR,185.00,EUR,91.81,EUR\r\n"
              "beta,49800,13.83,48600,13.50,1380.00,EUR,1155.00,EUR,225.00,EUR,99.76,EUR\r\n"
              "brit,11400,3.17,11700,3.25,260.00,GBP,0.00,GBP,260.00,GBP,82.11,GBP\r\n");
    }
    SUBCASE("-q: the first grouping's value of each row, --template: any field") {
        CHECK(run_ok(ws, {"report", "-q"}) == "acme\nbeta\nbrit\n");
        CHECK(run_ok(ws, {"report", "--template", "{client} {unbilled.amount} {unbilled.currency}"}) ==
              "acme 185.00 EUR\nbeta 225.00 EUR\nbrit 260.00 GBP\n");
    }
    SUBCASE("--json: money objects, seconds and hours") {
        CHECK(run_ok(ws, {"report", "--json"}) ==
              "[\n"
              R"({"client":"acme","raw_seconds":27300,"raw_hours":"7.58","billable_seconds":20700,)"
              R"("billable_hours":"5.75","amount":)" + money("696.25", "EUR") + R"(,"billed":)" +
                  money("511.25", "EUR") + R"(,"unbilled":)" + money("185.00", "EUR") +
                  R"(,"effective_rate":)" + money("91.81", "EUR") + "},\n" +
                  R"({"client":"beta","raw_seconds":49800,"raw_hours":"13.83","billable_seconds":48600,)"
                  R"("billable_hours":"13.50","amount":)" + money("1380.00", "EUR") + R"(,"billed":)" +
                  money("1155.00", "EUR") + R"(,"unbilled":)" + money("225.00", "EUR") +
                  R"(,"effective_rate":)" + money("99.76", "EUR") + "},\n" +
                  R"({"client":"brit","raw_seconds":11400,"raw_hours":"3.17","billable_seconds":11700,)"
                  R"("billable_hours":"3.25","amount":)" + money("260.00", "GBP") + R"(,"billed":)" +
                  money("0.00", "GBP") + R"(,"unbilled":)" + money("260.00", "GBP") +
                  R"(,"effective_rate":)" + money("82.11", "GBP") + "}\n]\n");
    }
    SUBCASE("--client: only that client's rows and its currency's total") {
        CHECK(run_ok(ws, {"report", "--client", "beta"}) ==
              "beta\t13.83\t13.50\t1380.00 EUR\t1155.00 EUR\t225.00 EUR\t99.76 EUR\n"
              "TOTAL\t13.83\t13.50\t1380.00 EUR\t1155.00 EUR\t225.00 EUR\t99.76 EUR\n");
    }
}

// By mission and ISO week (W45 = Nov 2-8, W46 = Nov 9-15, W47 = Nov 16-22, W48 = Nov 23-29):
//   admin W45: e7, 1 h raw, nothing billable.
//   docs W45: e5, 300.00 billed, 1 h -> 300.00 an hour; W47: e6, 0.5 h, 120.00 unbilled -> 240.00.
//   web W45: e1+e2 11400 s = 3.17 h, 3.25 h billable, 211.25 billed, 211.25 / 3.1667 = 66.71;
//   W47: e3+e4 4200 s = 1.17 h, 1 h billable, 65.00 unbilled, 65 / 1.1667 = 55.71; W48: the
//   timer, 0.75 h, nothing billable.
//   audit W46: e8+e9 28200 s = 7.83 h, 7.50 billable, 675.00 billed, 675 / 7.8333 = 86.17;
//   W48: e10 2 h, 225.00 unbilled, 112.50 an hour.
//   site W46: e12 3 h -> 360.00 (1200 × 3/10) billed; W48: e13 1 h -> 120.00 billed.
//   app W46: e14 2.5 h -> 200.00 GBP; W48: e15 2400 s = 0.67 h, 0.75 billable -> 60.00 GBP, 90.00.
TEST_CASE("cli/report nested groupings: by mission then week, one row per pair in that order") {
    Workspace ws;
    worked_example(ws);
    CHECK(run_ok(ws, {"report", "--by", "mission", "--by", "week"}) ==
          "acme/admin\t2026-W45\t1.00\t0.00\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
          "acme/docs\t2026-W45\t1.00\t1.00\t300.00 EUR\t300.00 EUR\t0.00 EUR\t300.00 EUR\n"
          "acme/docs\t2026-W47\t0.50\t0.50\t120.00 EUR\t0.00 EUR\t120.00 EUR\t240.00 EUR\n"
          "acme/web\t2026-W45\t3.17\t3.25\t211.25 EUR\t211.25 EUR\t0.00 EUR\t66.71 EUR\n"
          "acme/web\t2026-W47\t1.17\t1.00\t65.00 EUR\t0.00 EUR\t65.00 EUR\t55.71 EUR\n"
          "acme/web\t2026-W48\t0.75\t0.00\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
          "beta/audit\t2026-W46\t7.83\t7.50\t675.00 EUR\t675.00 EUR\t0.00 EUR\t86.17 EUR\n"
          "beta/audit\t2026-W48\t2.00\t2.00\t225.00 EUR\t0.00 EUR\t225.00 EUR\t112.50 EUR\n"
          "beta/site\t2026-W46\t3.00\t3.00\t360.00 EUR\t360.00 EUR\t0.00 EUR\t120.00 EUR\n"
          "beta/site\t2026-W48\t1.00\t1.00\t120.00 EUR\t120.00 EUR\t0.00 EUR\t120.00 EUR\n"
          "brit/app\t2026-W46\t2.50\t2.50\t200.00 GBP\t0.00 GBP\t200.00 GBP\t80.00 GBP\n"
          "brit/app\t2026-W48\t0.67\t0.75\t60.00 GBP\t0.00 GBP\t60.00 GBP\t90.00 GBP\n"
          "TOTAL\t\t21.42\t19.25\t2076.25 EUR\t1666.25 EUR\t410.00 EUR\t96.95 EUR\n"
          "TOTAL\t\t3.17\t3.25\t260.00 GBP\t0.00 GBP\t260.00 GBP\t82.11 GBP\n");
    // The other order nests the other way; the totals are the same.
    auto by_week = run_ok(ws, {"report", "--by", "week", "--by", "client", "--tsv"});
    CHECK(by_week ==
          "week\tclient\traw_seconds\traw_hours\tbillable_seconds\tbillable_hours\tamount.amount\tamount.currency\t"
          "billed.amount\tbilled.currency\tunbilled.amount\tunbilled.currency\teffective_rate.amount\t"
          "effective_rate.currency\n"
          // acme W45: web 11400 + docs 3600 + admin 3600 = 18600 s; 11700 + 3600 billable; 511.25.
          "2026-W45\tacme\t18600\t5.17\t15300\t4.25\t511.25\tEUR\t511.25\tEUR\t0.00\tEUR\t98.95\tEUR\n"
          // beta W46: audit 28200 + site 10800 = 39000 s; 27000 + 10800; 675 + 360 = 1035.00.
          "2026-W46\tbeta\t39000\t10.83\t37800\t10.50\t1035.00\tEUR\t1035.00\tEUR\t0.00\tEUR\t95.54\tEUR\n"
          "2026-W46\tbrit\t9000\t2.50\t9000\t2.50\t200.00\tGBP\t0.00\tGBP\t200.00\tGBP\t80.00\tGBP\n"
          // acme W47: web 4200 + docs 1800 = 6000 s; 3600 + 1800; 65 + 120 = 185.00 unbilled.
          "2026-W47\tacme\t6000\t1.67\t5400\t1.50\t185.00\tEUR\t0.00\tEUR\t185.00\tEUR\t111.00\tEUR\n"
          "2026-W48\tacme\t2700\t0.75\t0\t0.00\t0.00\tEUR\t0.00\tEUR\t0.00\tEUR\t0.00\tEUR\n"
          // beta W48: audit 7200 + site 3600; 225.00 unbilled + 120.00 billed.
          "2026-W48\tbeta\t10800\t3.00\t10800\t3.00\t345.00\tEUR\t120.00\tEUR\t225.00\tEUR\t115.00\tEUR\n"
          "2026-W48\tbrit\t2400\t0.67\t2700\t0.75\t60.00\tGBP\t0.00\tGBP\t60.00\tGBP\t90.00\tGBP\n");
}

// By tag, then client: an entry with two tags (e1: dev and ops) counts in both rows, once in
// the total; entries without tags are "(no tag)", after every tag.
//   dev acme: e1+e2 11400 s = 3.17 h, 11700 billable = 3.25 h, 146.25 + 65.00 = 211.25 billed.
//   dev beta: e12, 3 h, 360.00 billed. dev brit: e14, 200.00 GBP.
//   ops acme: e1, 7800 s = 2.17 h, 8100 = 2.25 h, its share of 211.25 by rounded seconds:
//   211.25 × 8100/11700 = 146.25; 146.25 / 2.1667 h = 67.50.
//   writing acme: e5, 300.00.
//   (no tag) acme: e3 3000 + e4 1200 + timer 2700 + e6 1800 + e7 3600 = 12300 s = 3.42 h;
//   3600 + 1800 = 5400 billable = 1.50 h; 65.00 + 120.00 unbilled; 185 / 3.4167 h = 54.15.
//   (no tag) beta: e8 11400 + e9 16800 + e10 7200 + e13 3600 = 39000 s = 10.83 h; 10800 + 16200 +
//   7200 + 3600 = 37800 = 10.50 h; 675 + 225 + 120 = 1020.00, billed 795.00; 1020 / 10.8333 = 94.15.
//   (no tag) brit: e15, 60.00 GBP.
// The dev rows add up to 11400 + 10800 + 9000 s, more than any client: only the totals are
// computed from the entries, each once, and are those of the report by client.
TEST_CASE("cli/report by tag: an entry counts under each of its tags, the totals count it once") {
    Workspace ws;
    worked_example(ws);
    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    auto r = ws.run({"report", "--by", "tag", "--by", "client"});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "TAG       CLIENT  HOURS  BILLABLE       AMOUNT       BILLED    UNBILLED      RATE/H\n"
          "dev       acme     3:10      3:15   211.25 EUR   211.25 EUR    0.00 EUR   66.71 EUR\n"
          "dev       beta     3:00      3:00   360.00 EUR   360.00 EUR    0.00 EUR  120.00 EUR\n"
          "dev       brit     2:30      2:30   200.00 GBP     0.00 GBP  200.00 GBP   80.00 GBP\n"
          "ops       acme     2:10      2:15   146.25 EUR   146.25 EUR    0.00 EUR   67.50 EUR\n"
          "writing   acme     1:00      1:00   300.00 EUR   300.00 EUR    0.00 EUR  300.00 EUR\n"
          "(no tag)  acme     3:25      1:30   185.00 EUR     0.00 EUR  185.00 EUR   54.15 EUR\n"
          "(no tag)  beta    10:50     10:30  1020.00 EUR   795.00 EUR  225.00 EUR   94.15 EUR\n"
          "(no tag)  brit     0:40      0:45    60.00 GBP     0.00 GBP   60.00 GBP   90.00 GBP\n"
          "TOTAL             21:25     19:15  2076.25 EUR  1666.25 EUR  410.00 EUR   96.95 EUR\n"
          "TOTAL              3:10      3:15   260.00 GBP     0.00 GBP  260.00 GBP   82.11 GBP\n");
    // By tag alone, one currency: the dev row of EUR mixes two clients.
    CHECK(run_ok(ws, {"report", "--by", "tag", "--client", "acme", "--template", "{tag}={raw_seconds}"}) ==
          "dev=11400\nops=7800\nwriting=3600\n(no tag)=12300\n");
}

TEST_CASE("cli/report by day: daily work shared among its days to the cent, rows adding up to the mission") {
    Workspace ws;
    worked_example(ws);
    // beta/audit's billed 675.00 over e8 (10800 rounded s) and e9 (16200): 270.00 and 405.00.
    // beta/site's 480.00 over e12 (3 h) and e13 (1 h): 360.00 and 120.00.
    CHECK(run_ok(ws, {"report", "--client", "beta", "--by", "day", "--by", "mission",
                      "--template", "{day} {mission} {amount.amount} {billed.amount}"}) ==
          "2026-11-09 beta/audit 270.00 270.00\n"
          "2026-11-10 beta/audit 405.00 405.00\n"
          "2026-11-11 beta/site 360.00 360.00\n"
          "2026-11-23 beta/audit 225.00 0.00\n"
          "2026-11-24 beta/site 120.00 120.00\n");
    // By month over October and November: October holds the first 2 h of beta/site, which earn
    // 1200 × 2/10 = 240.00.
    CHECK(run_ok(ws, {"report", "2026-10-01..2026-11-30", "--by", "month", "--client", "beta",
                      "--template", "{month} {raw_hours} {amount.amount}"}) ==
          "2026-10 2.00 240.00\n2026-11 13.83 1380.00\n");
}

TEST_CASE("cli/report a fixed price is spread over the estimate, then over every hour once it is passed or done") {
    Workspace ws;
    init_seller(ws);
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/site", "--fixed", "1000", "--estimate", "4h"});
    ok(ws, {"mission", "add", "acme/logo", "--fixed", "300", "--estimate", "10h"});
    run_ok(ws, {"log", "acme/site", "9:00-10:00", "--on", "2026-10-05"});
    run_ok(ws, {"log", "acme/site", "9:00-10:00", "--on", "2026-11-02"});
    run_ok(ws, {"log", "acme/logo", "9:00-10:00", "--on", "2026-11-03"});
    run_ok(ws, {"log", "acme/logo", "9:00-10:00", "--on", "2026-11-04", "--non-billable"});
    auto november = [&] {
        return run_ok(ws, {"report", "--by", "mission", "--template", "{mission} {raw_hours} {amount.amount}"});
    };
    // site: 2 h logged, under its 4 h estimate: November's hour earns 1000 / 4 = 250.00.
    // logo: 2 h logged under 10 h: each hour, billable or not, earns 30.00.
    CHECK(november() == "acme/logo 2.00 60.00\nacme/site 1.00 250.00\n");
    // site passes its estimate: 6 h logged, November's 5 h earn 1000 × 5/6 = 833.33.
    run_ok(ws, {"log", "acme/site", "13:00-17:00", "--on", "2026-11-05"});
    CHECK(november() == "acme/logo 2.00 60.00\nacme/site 5.00 833.33\n");
    // logo done after 2 h of its 10 h estimate: its price is spread over the 2 h logged.
    run_ok(ws, {"mission", "done", "acme/logo"});
    CHECK(november() == "acme/logo 2.00 300.00\nacme/site 5.00 833.33\n");
}

TEST_CASE("cli/report days, weeks and months are local calendar days, weeks follow [time] week_start") {
    Workspace ws;
    init_seller(ws);
    ws.env.variables["TZ"] = "Europe/Paris";
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "60"});
    ok(ws, {"mission", "add", "acme/web"});
    // 2026-10-31 23:30 UTC is 2026-11-01 00:30 in Paris (UTC+1 since Oct 25): a Sunday, in
    // November. 2026-11-07 22:00 UTC is Saturday 23:00 in Paris.
    run_ok(ws, {"log", "acme/web", "0:30-1:30", "--on", "2026-11-01"});
    run_ok(ws, {"log", "acme/web", "23:00-23:30", "--on", "2026-11-07"});
    run_ok(ws, {"log", "acme/web", "10:00-11:00", "--on", "2026-11-08"});
    CHECK(run_ok(ws, {"report", "--by", "month", "--template", "{month} {raw_seconds}"}) == "2026-11 9000\n");
    CHECK(run_ok(ws, {"report", "--by", "day", "-q"}) == "2026-11-01\n2026-11-07\n2026-11-08\n");
    // ISO weeks from Monday: Nov 1 is in W44, Nov 7 and 8 in W45.
    CHECK(run_ok(ws, {"report", "--by", "week", "--template", "{week} {raw_seconds}"}) ==
          "2026-W44 3600\n2026-W45 5400\n");
    // Weeks from Sunday are named by their first day: Nov 1-7, then Nov 8-14.
    run_ok(ws, {"config", "set", "time.week_start", "sunday"});
    CHECK(run_ok(ws, {"report", "--by", "week", "--template", "{week} {raw_seconds}"}) ==
          "2026-11-01 5400\n2026-11-08 3600\n");
}

TEST_CASE("cli/report an empty or future period: zero rows and a zero total") {
    Workspace ws;
    worked_example(ws);
    for (const char* period : {"2026-12", "2027", "2025-Q1"}) {
        INFO(period);
        CHECK(run_ok(ws, {"report", period}) == "TOTAL\t0.00\t0.00\t0.00 EUR\t0.00 EUR\t0.00 EUR\t\n");
        CHECK(run_ok(ws, {"report", period, "--json"}) == "[]\n");
        CHECK(run_ok(ws, {"report", period, "--chart"}) == "");
    }
    // The total of an empty report of one client is in that client's currency.
    CHECK(run_ok(ws, {"report", "2026-12", "--client", "brit"}) ==
          "TOTAL\t0.00\t0.00\t0.00 GBP\t0.00 GBP\t0.00 GBP\t\n");
    // A period that runs into the future reports what exists.
    CHECK(run_ok(ws, {"report", "2026-11-20..2026-12-31", "--client", "beta", "--by", "mission", "-q"}) ==
          "beta/audit\nbeta/site\n");
}

TEST_CASE("cli/report --chart: bars of the amount per row, one chart per currency, hours when nothing has an amount") {
    Workspace ws;
    worked_example(ws);
    // 40 columns for the largest amount of each currency: acme 696.25 / 1380.00 × 40 = 20.2.
    CHECK(run_ok(ws, {"report", "--chart", "--ascii"}) ==
          "acme  ####################                     696.25 EUR\n"
          "beta  ######################################## 1380.00 EUR\n"
          "\n"
          "brit  ######################################## 260.00 GBP\n");
    // --ascii alone draws the chart too; Unicode bars are exact to an eighth of a column:
    // 276.25 / 420 × 40 = 26.3 columns, 26 full blocks and a two-eighths block.
    CHECK(run_ok(ws, {"report", "--client", "acme", "--by", "mission", "--chart"}) ==
          "acme/admin                                           0.00 EUR\n"
          "acme/docs   ████████████████████████████████████████ 420.00 EUR\n"
          "acme/web    ██████████████████████████▎              276.25 EUR\n");
    CHECK(run_ok(ws, {"report", "--client", "acme", "--by", "mission", "--ascii"}) ==
          "acme/admin                                           0.00 EUR\n"
          "acme/docs   ######################################## 420.00 EUR\n"
          "acme/web    ##########################               276.25 EUR\n");
    // Only the admin mission (not billable) on Nov 5, and the docs on Nov 4: amounts. Nov 5
    // alone has no amount at all: the bars are hours.
    CHECK(run_ok(ws, {"report", "2026-11-05", "--by", "mission", "--chart", "--ascii"}) ==
          "acme/admin  ######################################## 1h\n");
}

TEST_CASE("cli/report refusals: one line, the right exit code, nothing written") {
    Workspace ws;
    worked_example(ws);
    expect_refusal(ws, {"report", "--by", "client", "--by", "month", "--by", "client"}, 2,
                   "--by \"client\" given twice: give each grouping once");
    expect_refusal(ws, {"report", "--by", "year"}, 2,
                   "invalid --by \"year\": use client, mission, tag, day, week or month");
    expect_refusal(ws, {"report", "--client", "acm"}, 3, "unknown client \"acm\" (did you mean \"acme\"?)");
    expect_refusal(ws, {"report", "--chart", "--json"}, 2,
                   "--chart does not combine with --json: the chart is for people, --json for programs");
    expect_refusal(ws, {"report", "--ascii", "-q"}, 2,
                   "--ascii does not combine with -q: the chart is for people, -q for programs");
    auto bad_period = ws.run({"report", "30 months"});
    CHECK(bad_period.code == 2);
    CHECK(bad_period.out == "");
    CHECK(bad_period.err.rfind("slash: error: invalid period \"30 months\"", 0) == 0);
    CHECK(bad_period.err.find('\n') == bad_period.err.size() - 1);
}

// A generated history, checked against the test's own arithmetic: three hourly missions in
// two currencies, one client rounding to the nearest 6 minutes, tags drawn from two, some
// entries not billable, over the third quarter of 2026.
TEST_CASE("cli/report a generated quarter: every figure against independent sums") {
    Workspace ws;
    init_seller(ws);
    ok(ws, {"client", "add", "c1", "--name", "One", "--hourly", "60"});
    ok(ws, {"client", "add", "c2", "--name", "Two", "--currency", "GBP", "--hourly", "75", "--rounding", "6m",
            "--rounding-mode", "nearest"});
    ok(ws, {"mission", "add", "c1/a"});
    ok(ws, {"mission", "add", "c1/b", "--hourly", "47.5"});
    ok(ws, {"mission", "add", "c2/x"});

    struct Logged {
        std::string mission, client, day;
        std::int64_t seconds;
        bool billable;
        std::vector<std::string> tags;
    };
    const std::vector<std::string> missions = {"c1/a", "c1/b", "c2/x"};
    std::vector<Logged> logged;
    std::uint64_t seed = 12345;
    auto next = [&seed](std::uint64_t bound) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        return (seed >> 33) % bound;
    };
    for (int day = 1; day <= 92; day += 1 + static_cast<int>(next(2))) {
        // July has 31 days, August 31, September 30.
        int month = day <= 31 ? 7 : day <= 62 ? 8 : 9;
        int dom = day <= 31 ? day : day <= 62 ? day - 31 : day - 62;
        char date[32];
        std::snprintf(date, sizeof date, "2026-%02d-%02d", month, dom);
        for (int slot = 0; slot < 2; ++slot) {
            const int start_minute = (8 + slot * 5) * 60 + static_cast<int>(next(60));
            const int minutes = 5 + static_cast<int>(next(200));
            const int end_minute = start_minute + minutes;
            char range[48];
            std::snprintf(range, sizeof range, "%d:%02d-%d:%02d", start_minute / 60, start_minute % 60,
                          end_minute / 60, end_minute % 60);
            Logged e{missions[next(3)], "", date, minutes * 60, next(7) != 0, {}};
            e.client = e.mission.substr(0, 2);
            if (next(2) == 0) e.tags.push_back("blue");
            if (next(3) == 0) e.tags.push_back("red");
            std::vector<std::string> args = {"log", e.mission, range, "--on", date};
            for (const auto& tag : e.tags) {
                args.push_back("--tag");
                args.push_back(tag);
            }
            if (!e.billable) args.push_back("--non-billable");
            run_ok(ws, args);
            logged.push_back(e);
        }
    }
    REQUIRE(logged.size() > 80);

    // The rounding of each client, written out: c1 up to 15 min, c2 to the nearest 6 min (a
    // tie going up).
    auto rounded = [](const Logged& e) -> std::int64_t {
        if (!e.billable) return 0;
        if (e.client == "c1") return (e.seconds + 899) / 900 * 900;
        return (e.seconds + 180) / 360 * 360;
    };
    auto rate_of = [](const std::string& mission) -> std::int64_t {
        return mission == "c1/a" ? 6000 : mission == "c1/b" ? 4750 : 7500;
    };
    auto currency_of = [](const std::string& client) { return client == "c1" ? "EUR" : "GBP"; };
    // Half away from zero for positive values.
    auto div_round = [](std::int64_t a, std::int64_t b) { return (2 * a + b) / (2 * b); };
    auto decimal = [](std::int64_t hundredths) {
        char text[32];
        std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(hundredths / 100),
                      static_cast<long long>(hundredths % 100));
        return std::string(text);
    };
    auto hours = [&](std::int64_t seconds) { return decimal(div_round(seconds * 100, 3600)); };
    // Value of rounded seconds at an hourly rate: hours to the thousandth, then to the cent.
    auto value = [&](std::int64_t seconds, std::int64_t rate) {
        return div_round(div_round(seconds * 1000, 3600) * rate, 1000);
    };

    SUBCASE("each month by mission: hours, billable hours, amount and effective rate") {
        for (const char* month : {"2026-07", "2026-08", "2026-09"}) {
            INFO(month);
            std::map<std::string, std::pair<std::int64_t, std::int64_t>> sums;  // raw, rounded
            for (const auto& e : logged) {
                if (e.day.compare(0, 7, month) != 0) continue;
                sums[e.mission].first += e.seconds;
                sums[e.mission].second += rounded(e);
            }
            std::string expected;
            std::map<std::string, std::int64_t> total_amount;
            for (const auto& [mission, sum] : sums) {
                const auto amount = value(sum.second, rate_of(mission));
                const std::string currency = currency_of(mission.substr(0, 2));
                total_amount[currency] += amount;
                expected += mission + " " + std::to_string(sum.first) + " " + hours(sum.first) + " " +
                            hours(sum.second) + " " + decimal(amount) + " " + currency + " " +
                            decimal(div_round(amount * 3600, sum.first)) + "\n";
            }
            CHECK(run_ok(ws, {"report", month, "--by", "mission", "--template",
                              "{mission} {raw_seconds} {raw_hours} {billable_hours} {amount.amount} "
                              "{amount.currency} {effective_rate.amount}"}) == expected);
            // Nothing is invoiced: all of it is unbilled.
            auto unbilled = run_ok(ws, {"report", month, "--by", "client", "--template", "{unbilled.amount}"});
            CHECK(unbilled == decimal(total_amount["EUR"]) + "\n" + decimal(total_amount["GBP"]) + "\n");
        }
    }
    SUBCASE("the quarter by client, day and tag: seconds of each row, each entry under each of its tags") {
        std::map<std::tuple<std::string, std::string, std::string>, std::pair<std::int64_t, std::int64_t>> rows;
        for (const auto& e : logged) {
            // "~" sorts after the tag names, as "(no tag)" does in the report.
            std::vector<std::string> tags = e.tags.empty() ? std::vector<std::string>{"~"} : e.tags;
            for (const auto& tag : tags) {
                auto& row = rows[{e.client, e.day, tag}];
                row.first += e.seconds;
                row.second += rounded(e);
            }
        }
        std::string expected;
        for (const auto& [key, sums] : rows) {
            const auto& tag = std::get<2>(key);
            expected += std::get<0>(key) + " " + std::get<1>(key) + " " + (tag == "~" ? "(no tag)" : tag) + " " +
                        std::to_string(sums.first) + " " + std::to_string(sums.second) + "\n";
        }
        CHECK(run_ok(ws, {"report", "2026-Q3", "--by", "client", "--by", "day", "--by", "tag", "--template",
                          "{client} {day} {tag} {raw_seconds} {billable_seconds}"}) == expected);
    }
    SUBCASE("the quarter by week: the rows' amounts add up to the TOTAL, the quarter's value of each mission") {
        std::map<std::string, std::int64_t> rounded_of;  // by mission, over the quarter
        std::map<std::string, std::int64_t> raw_of;      // by currency
        for (const auto& e : logged) {
            rounded_of[e.mission] += rounded(e);
            raw_of[currency_of(e.client)] += e.seconds;
        }
        std::map<std::string, std::int64_t> expected_total;
        for (const auto& [mission, seconds] : rounded_of) {
            expected_total[currency_of(mission.substr(0, 2))] += value(seconds, rate_of(mission));
        }
        auto out = run_ok(ws, {"report", "2026-Q3", "--by", "week", "--by", "mission"});
        std::map<std::string, std::int64_t> row_sums, totals;
        std::size_t start = 0;
        while (start < out.size()) {
            auto end = out.find('\n', start);
            std::vector<std::string> cells;
            std::size_t cell = start;
            for (;;) {
                auto tab = out.find('\t', cell);
                if (tab == std::string::npos || tab > end) {
                    cells.push_back(out.substr(cell, end - cell));
                    break;
                }
                cells.push_back(out.substr(cell, tab - cell));
                cell = tab + 1;
            }
            start = end + 1;
            REQUIRE(cells.size() == 8);
            // "1234.56 EUR": cents and currency.
            const auto& amount = cells[4];
            const auto space = amount.find(' ');
            const auto dot = amount.find('.');
            const std::int64_t cents = std::stoll(amount.substr(0, dot)) * 100 + std::stoll(amount.substr(dot + 1, 2));
            (cells[0] == "TOTAL" ? totals : row_sums)[amount.substr(space + 1)] += cents;
            if (cells[0] == "TOTAL") CHECK(cells[2] == hours(raw_of[amount.substr(space + 1)]));
        }
        CHECK(totals == expected_total);
        CHECK(row_sums == expected_total);
    }
}

TEST_CASE("cli/report large amounts: the effective rate is computed exactly, not refused as too large") {
    Workspace ws;
    init_seller(ws);
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS"});
    // 10^15 EUR an hour is 10^17 cents; 3 h are 3 × 10^17 cents, which fit in 64 bits, and so
    // does the rate. Only the intermediate amount × 3600 (1.08 × 10^21) does not.
    ok(ws, {"mission", "add", "acme/web", "--hourly", "1000000000000000"});
    run_ok(ws, {"log", "acme/web", "9:00-12:00", "--on", "2026-11-02"});
    CHECK(run_ok(ws, {"report", "--by", "mission", "--template", "{amount}|{effective_rate}"}) ==
          "3000000000000000.00 EUR|1000000000000000.00 EUR\n");
    // 7 more minutes, billed as 15 (15m up): 3.25 h = 3.25 × 10^17 cents over 11220 s, so
    // 3.25 × 10^17 × 3600 / 11220 = 104278074866310160.43 -> 104278074866310160 cents an hour.
    run_ok(ws, {"log", "acme/web", "13:00-13:07", "--on", "2026-11-02"});
    CHECK(run_ok(ws, {"report", "--by", "mission", "--template", "{amount}|{effective_rate}"}) ==
          "3250000000000000.00 EUR|1042780748663101.60 EUR\n");
}
