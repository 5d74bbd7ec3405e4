#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::Workspace;

// `slash plan` (issue 6). Now is Wednesday 2026-11-25 10:00 UTC; weeks start on Monday, so
// the current week is Mon 2026-11-23..Sun 11-29 and counts Wed, Thu and Fri only. Every
// figure below is worked out by hand in the comments.
//
// The worked example: capacity 30h a week (6h = 21600 s a working day), days off Thu
// 2026-12-24..Sat 12-26 in the config, and --off Tue 2026-12-01 on the command line.
//   acme/web   estimate 36h, 6h logged, due Fri 12-04: 30h = 108000 s left over Wed 25,
//              Thu 26, Fri 27, Mon 30, Wed 2, Thu 3, Fri 4 (Tue 1 off) = 7 days. The
//              current week has the first 3: 108000×3/7 = 46285.7 → 46285; next week the
//              rest, 61715. Capacity until then 7 × 21600 = 151200: not at risk.
//   acme/rush  estimate 20h, due Fri 11-27: 72000 s over Wed-Fri; capacity 3 × 21600 =
//              64800 < 72000: at risk, 7200 s short.
//   acme/late  estimate 10h, 4h logged, due 11-20 (overdue): 6h = 21600 s, all today; at
//              risk. Budget 3h: 4h logged is over (4/3 = 133 %).
//   acme/long  estimate 50h, from Mon 12-14 to Thu 12-31: Dec 14-18 (5), 21-23 (3; 24-26
//              off), 28-31 (4) = 12 days, 180000/12 = 15000 s a day: 75000, 45000, 60000.
//   acme/idea  estimate 8h, no due date: unscheduled, not counted.
//   acme/hold  estimate 10h, due 12-04, paused: not counted.
//   beta/fixed no estimate, budget 100.00 EUR, 3h logged at 50.00 = 150.00 EUR unbilled:
//              over budget (150 %).
// Weeks (capacity = working days × 21600):
//   11-23  3 days  64800 (18.00)  committed 21600+72000+46285 = 139885 (38.86)
//          free -75085 (-20.86)  load 139885×100/64800 = 215.8 → 215 %, overbooked
//   11-30  4 days  86400 (24.00)  committed 61715 (17.14)  free 24685 (6.86)  load 71 %
//   12-07  5 days 108000 (30.00)  committed 0  free 108000  load 0 %
//   12-14  5 days 108000 (30.00)  committed 75000 (20.83)  free 33000 (9.17)  load 69 %
//   12-21  3 days  64800 (18.00)  committed 45000 (12.50)  free 19800 (5.50)  load 69 %
//   12-28  5 days 108000 (30.00)  committed 60000 (16.67)  free 48000 (13.33)  load 55 %

namespace {

void wednesday(Workspace& ws) { ws.env.variables["SLASH_NOW"] = "2026-11-25T10:00:00Z"; }

void worked_example(Workspace& ws) {
    wednesday(ws);
    init_seller(ws);
    ok(ws, {"config", "set", "time.capacity", "30h"});
    ok(ws, {"config", "set", "time.days_off", "2026-12-24..2026-12-26"});
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address", "75002 Paris",
            "--siren", "552100554", "--hourly", "65"});
    ok(ws, {"client", "add", "beta", "--name", "Beta SARL", "--address", "3 place Y", "--address", "69001 Lyon",
            "--siren", "552100554", "--hourly", "50"});
    ok(ws, {"mission", "add", "acme/web", "--estimate", "36h", "--due", "2026-12-04"});
    run_ok(ws, {"log", "acme/web", "9:00-15:00", "--on", "2026-11-24"});
    ok(ws, {"mission", "add", "acme/rush", "--estimate", "20h", "--due", "2026-11-27"});
    ok(ws, {"mission", "add", "acme/late", "--estimate", "10h", "--due", "2026-11-20", "--budget", "3h"});
    run_ok(ws, {"log", "acme/late", "9:00-13:00", "--on", "2026-11-19"});
    ok(ws, {"mission", "add", "acme/long", "--estimate", "50h", "--start", "2026-12-14", "--due", "2026-12-31"});
    ok(ws, {"mission", "add", "acme/idea", "--estimate", "8h"});
    ok(ws, {"mission", "add", "acme/hold", "--estimate", "10h", "--due", "2026-12-04"});
    ok(ws, {"mission", "pause", "acme/hold"});
    ok(ws, {"mission", "add", "beta/fixed", "--budget", "100"});
    run_ok(ws, {"log", "beta/fixed", "16:00-19:00", "--on", "2026-11-24"});
}

void write_config(Workspace& ws, const std::string& text) {
    std::ofstream file(ws.config_path(), std::ios::binary | std::ios::trunc);
    file << text;
}

const std::string kDefaultWarning =
    "slash: warning: no [time] capacity in the config file, so the default 35h a week is used; set yours with: "
    "slash config set time.capacity 28h\n";

}  // namespace

TEST_CASE("plan: the weeks of the worked example, on a terminal, with the missions at risk and over budget") {
    Workspace ws;
    worked_example(ws);
    ws.env.stdout_is_tty = true;
    auto r = ws.run({"plan", "--off", "2026-12-01", "--no-color"});
    CHECK(r.code == 0);
    CHECK(r.err == "");
    CHECK(r.out ==
          "WEEK        DAYS  CAPACITY  COMMITTED    FREE  LOAD  STATUS\n"
          "2026-11-23     3     18:00      38:51  -20:51  215%  overbooked\n"
          "2026-11-30     4     24:00      17:09    6:51   71%\n"
          "2026-12-07     5     30:00       0:00   30:00    0%\n"
          "2026-12-14     5     30:00      20:50    9:10   69%\n"
          "2026-12-21     3     18:00      12:30    5:30   69%\n"
          "2026-12-28     5     30:00      16:40   13:20   55%\n"
          "\n"
          "at risk: acme/late: 6h left, overdue since 2026-11-20 (counted today)\n"
          "at risk: acme/rush: 20h left, 18h of capacity until it is due on 2026-11-27\n"
          "over budget: acme/late: 4h logged, budget 3h (133%)\n"
          "over budget: beta/fixed: 150.00 EUR unbilled, budget 100.00 EUR (150%)\n"
          "no due date: acme/idea: 8h left, not planned; give one with: slash mission edit acme/idea --due "
          "DATE\n");
}

TEST_CASE("plan: piped, the weeks are tab-separated rows without the notes") {
    Workspace ws;
    worked_example(ws);
    CHECK(ok(ws, {"plan", "--off", "2026-12-01", "--weeks", "2"}) ==
          "2026-11-23\t3\t18.00\t38.86\t-20.86\t215%\toverbooked\n"
          "2026-11-30\t4\t24.00\t17.14\t6.86\t71%\t\n");
    CHECK(ok(ws, {"plan", "--off", "2026-12-01", "--weeks", "2", "-q"}) == "2026-11-23\n2026-11-30\n");
    CHECK(ok(ws, {"plan", "--off", "2026-12-01", "--weeks", "2", "--template", "{week_start} {free_seconds}"}) ==
          "2026-11-23 -75085\n2026-11-30 24685\n");
}

TEST_CASE("plan: --csv and --tsv give the weeks with their flat fields") {
    Workspace ws;
    worked_example(ws);
    const std::string header =
        "week_start,week_end,working_days,capacity_seconds,capacity_hours,committed_seconds,committed_hours,"
        "free_seconds,free_hours,load_percent,overbooked";
    CHECK(ok(ws, {"plan", "--off", "2026-12-01", "--weeks", "2", "--csv"}) ==
          header + "\r\n" +
              "2026-11-23,2026-11-29,3,64800,18.00,139885,38.86,-75085,-20.86,215,true\r\n"
              "2026-11-30,2026-12-06,4,86400,24.00,61715,17.14,24685,6.86,71,false\r\n");
    std::string tsv_header = header;
    std::replace(tsv_header.begin(), tsv_header.end(), ',', '\t');
    CHECK(ok(ws, {"plan", "--off", "2026-12-01", "--weeks", "1", "--tsv"}) ==
          tsv_header + "\n" + "2026-11-23\t2026-11-29\t3\t64800\t18.00\t139885\t38.86\t-75085\t-20.86\t215\ttrue\n");
}

TEST_CASE("plan: --json is one object with the weeks, their missions and the lists") {
    Workspace ws;
    worked_example(ws);
    CHECK(ok(ws, {"plan", "--off", "2026-12-01", "--weeks", "2", "--json"}) ==
          R"({"today":"2026-11-25","capacity_seconds":108000,"capacity_hours":"30.00","capacity_source":"config",)"
          R"("weeks":[)"
          R"({"week_start":"2026-11-23","week_end":"2026-11-29","working_days":3,"capacity_seconds":64800,)"
          R"("capacity_hours":"18.00","committed_seconds":139885,"committed_hours":"38.86","free_seconds":-75085,)"
          R"("free_hours":"-20.86","load_percent":215,"overbooked":true,"missions":[)"
          R"({"mission":"acme/late","seconds":21600,"hours":"6.00"},)"
          R"({"mission":"acme/rush","seconds":72000,"hours":"20.00"},)"
          R"({"mission":"acme/web","seconds":46285,"hours":"12.86"}]},)"
          R"({"week_start":"2026-11-30","week_end":"2026-12-06","working_days":4,"capacity_seconds":86400,)"
          R"("capacity_hours":"24.00","committed_seconds":61715,"committed_hours":"17.14","free_seconds":24685,)"
          R"("free_hours":"6.86","load_percent":71,"overbooked":false,"missions":[)"
          R"({"mission":"acme/web","seconds":61715,"hours":"17.14"}]}],)"
          R"("at_risk":[)"
          R"({"mission":"acme/late","due_date":"2026-11-20","overdue":true,"remaining_seconds":21600,)"
          R"("remaining_hours":"6.00","available_seconds":0,"available_hours":"0.00","shortfall_seconds":21600,)"
          R"("shortfall_hours":"6.00"},)"
          R"({"mission":"acme/rush","due_date":"2026-11-27","overdue":false,"remaining_seconds":72000,)"
          R"("remaining_hours":"20.00","available_seconds":64800,"available_hours":"18.00","shortfall_seconds":7200,)"
          R"("shortfall_hours":"2.00"}],)"
          R"("over_budget":[)"
          R"({"mission":"acme/late","budget":{"seconds":10800,"hours":"3.00"},"logged_seconds":14400,)"
          R"("logged_hours":"4.00","unbilled":{"amount":"260.00","currency":"EUR"},"budget_used_percent":133},)"
          R"({"mission":"beta/fixed","budget":{"amount":"100.00","currency":"EUR"},"logged_seconds":10800,)"
          R"("logged_hours":"3.00","unbilled":{"amount":"150.00","currency":"EUR"},"budget_used_percent":150}],)"
          R"("unscheduled":[{"mission":"acme/idea","remaining_seconds":28800,"remaining_hours":"8.00"}]})"
          "\n");
}

TEST_CASE("plan: --off takes days out of the capacity and moves the work onto the days left") {
    Workspace ws;
    worked_example(ws);
    // Without --off, Tue 12-01 works: acme/web has 8 days, 108000×3/8 = 40500 this week and
    // 67500 the next (5 days, 108000 s of capacity).
    CHECK(ok(ws, {"plan", "--weeks", "2", "--template", "{committed_seconds} {capacity_seconds}"}) ==
          "134100 64800\n67500 108000\n");
    // Off Thu 11-26 and Thu 11-26..Fri 11-27 (overlapping): this week keeps Wednesday alone
    // (21600 s). acme/web's days are Wed 25, Mon 30 .. Fri 4 = 6, 108000/6 = 18000 a day:
    // 18000 now, 90000 next week (5 days, 108000 s); acme/rush's 72000 s all on Wednesday.
    // This week: 21600 + 72000 + 18000 = 111600.
    CHECK(ok(ws, {"plan", "--weeks", "2", "--off", "2026-11-26", "--off", "2026-11-26..2026-11-27", "--template",
                  "{committed_seconds} {capacity_seconds} {working_days}"}) ==
          "111600 21600 1\n90000 108000 5\n");
}

TEST_CASE("plan: --chart --ascii draws the committed hours of each week with its capacity marked") {
    Workspace ws;
    worked_example(ws);
    // Scale: the largest committed or capacity, 139885 s, is 40 columns; a length in eighths
    // of a column is value × 640 / 139885 rounded half up, then whole columns (+4)/8.
    //   11-23: 139885 → 40 columns; its capacity 64800 (column 19) is inside the bar.
    //   11-30: 61715 → 141 eighths → 18 columns; 86400 → 198 eighths → marker at column 25,
    //          after 7 spaces; then spaces to column 41.
    //   12-07: nothing; 108000 → 247 eighths → marker at column 31.
    auto r = ws.run({"plan", "--off", "2026-12-01", "--weeks", "3", "--ascii"});
    CHECK(r.code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "2026-11-23  " + std::string(40, '#') + " 38h51m / 18h\n" +
                       "2026-11-30  " + std::string(18, '#') + std::string(7, ' ') + "|" + std::string(15, ' ') +
                       "17h09m / 24h\n" + "2026-12-07  " + std::string(31, ' ') + "|" + std::string(9, ' ') +
                       "0m / 30h\n");
    CHECK(ok(ws, {"plan", "--off", "2026-12-01", "--weeks", "3", "--chart", "--ascii"}) == r.out);
}

TEST_CASE("plan: the capacity comes from the config, else the default with a warning") {
    Workspace ws;
    wednesday(ws);
    SUBCASE("no config file") {
        auto r = ws.run({"plan", "--weeks", "1", "--template", "{capacity_seconds}"});
        CHECK(r.code == 0);
        CHECK(r.out == "75600\n");  // 35h: 7h × 3 days
        CHECK(r.err == kDefaultWarning);
        r = ws.run({"plan", "--weeks", "1", "--json"});
        CHECK(r.out.find(R"("capacity_seconds":126000,"capacity_hours":"35.00","capacity_source":"default")") !=
              std::string::npos);
        CHECK(r.err == kDefaultWarning);
    }
    SUBCASE("a config without the key") {
        write_config(ws, "[time]\nweek_start = \"monday\"\n");
        auto r = ws.run({"plan", "--weeks", "1", "-q"});
        CHECK(r.out == "2026-11-23\n");
        CHECK(r.err == kDefaultWarning);
    }
    SUBCASE("the key set to the default value is the config's") {
        write_config(ws, "[time]\ncapacity = \"35h\"  # the usual\n");
        auto r = ws.run({"plan", "--weeks", "1", "--json"});
        CHECK(r.err == "");
        CHECK(r.out.find(R"("capacity_source":"config")") != std::string::npos);
    }
    SUBCASE("a set capacity") {
        write_config(ws, "[time]\ncapacity = \"1.5h\"\n");
        // 5400 s a week, 1080 s a day: 3240 for Wed-Fri.
        CHECK(ok(ws, {"plan", "--weeks", "2", "--template", "{capacity_seconds}"}) == "3240\n5400\n");
    }
    SUBCASE("a capacity that does not split evenly") {
        // 1.001h = 3603.6 s, read as 3604 s; Monday..Friday get 3604×(i+1)/5 − 3604×i/5 rounded
        // down: 720, 721, 721, 721, 721. Wed-Fri: 2163; a whole week: 3604.
        write_config(ws, "[time]\ncapacity = \"1.001h\"\n");
        CHECK(ok(ws, {"plan", "--weeks", "2", "--template", "{capacity_seconds}"}) == "2163\n3604\n");
    }
}

TEST_CASE("plan: weeks start on time.week_start") {
    Workspace ws;
    wednesday(ws);
    write_config(ws, "[time]\ncapacity = \"35h\"\nweek_start = \"sunday\"\n");
    // Sun 11-22..Sat 11-28, then from Sun 11-29.
    CHECK(ok(ws, {"plan", "--weeks", "2", "--template", "{week_start} {week_end} {working_days}"}) ==
          "2026-11-22 2026-11-28 3\n2026-11-29 2026-12-05 5\n");
}

TEST_CASE("plan: one mission overbooking a week, and work logged beyond the estimate") {
    Workspace ws;
    wednesday(ws);
    init_seller(ws);
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address", "75002 Paris",
            "--siren", "552100554", "--hourly", "65"});
    // 30h due Friday: 30h over Wed-Fri, 21h of capacity (35h default in the initial config).
    ok(ws, {"mission", "add", "acme/big", "--estimate", "30h", "--due", "2026-11-27"});
    // 2h estimated, 3h logged: nothing left, never negative.
    ok(ws, {"mission", "add", "acme/small", "--estimate", "2h", "--due", "2026-11-27"});
    run_ok(ws, {"log", "acme/small", "9:00-12:00", "--on", "2026-11-24"});
    CHECK(ok(ws, {"plan", "--weeks", "2", "--template",
                  "{week_start} {committed_hours} {free_hours} {load_percent} {overbooked}"}) ==
          "2026-11-23 30.00 -9.00 142 true\n"  // 30/21 = 1.428
          "2026-11-30 0.00 35.00 0 false\n");
}

TEST_CASE("plan: an empty database plans free weeks") {
    Workspace ws;
    wednesday(ws);
    init_seller(ws);
    CHECK(ok(ws, {"plan", "--weeks", "1", "--json"}) ==
          R"({"today":"2026-11-25","capacity_seconds":126000,"capacity_hours":"35.00","capacity_source":"config",)"
          R"("weeks":[{"week_start":"2026-11-23","week_end":"2026-11-29","working_days":3,"capacity_seconds":75600,)"
          R"("capacity_hours":"21.00","committed_seconds":0,"committed_hours":"0.00","free_seconds":75600,)"
          R"("free_hours":"21.00","load_percent":0,"overbooked":false,"missions":[]}],)"
          R"("at_risk":[],"over_budget":[],"unscheduled":[]})"
          "\n");
}

TEST_CASE("plan: bad --weeks, --off and flag combinations are refused with exit 2") {
    Workspace ws;
    worked_example(ws);
    expect_refusal(ws, {"plan", "--weeks", "0"}, 2, R"(invalid --weeks "0": give a number of weeks from 1 to 52)");
    expect_refusal(ws, {"plan", "--weeks", "53"}, 2, R"(invalid --weeks "53": give a number of weeks from 1 to 52)");
    expect_refusal(ws, {"plan", "--weeks", "abc"}, 2,
                   R"(invalid --weeks "abc": give a number of weeks from 1 to 52)");
    expect_refusal(ws, {"plan", "--weeks", "6.5"}, 2,
                   R"(invalid --weeks "6.5": give a number of weeks from 1 to 52)");
    expect_refusal(ws, {"plan", "--off", "2026-02-30"}, 2,
                   R"(invalid --off "2026-02-30": give a day YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD)");
    expect_refusal(ws, {"plan", "--off", "tomorrow"}, 2,
                   R"(invalid --off "tomorrow": give a day YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD)");
    expect_refusal(ws, {"plan", "--off", "2026-12-10..2026-12-01"}, 2,
                   R"(invalid --off "2026-12-10..2026-12-01": the first day is after the last; write )"
                   "2026-12-01..2026-12-10");
    expect_refusal(ws, {"plan", "--off", "2026-12-01..2026-13-01"}, 2,
                   R"(invalid --off "2026-12-01..2026-13-01": give a day YYYY-MM-DD or a range )"
                   "YYYY-MM-DD..YYYY-MM-DD");
    expect_refusal(ws, {"plan", "--chart", "--json"}, 2,
                   "--chart does not combine with --json: the chart is for people, --json for programs");
    expect_refusal(ws, {"plan", "--ascii", "--csv"}, 2,
                   "--ascii does not combine with --csv: the chart is for people, --csv for programs");
}

TEST_CASE("plan: a bad value is refused before the database is created") {
    Workspace ws;
    wednesday(ws);
    auto r = ws.run({"plan", "--weeks", "99"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: invalid --weeks \"99\": give a number of weeks from 1 to 52\n");
    CHECK_FALSE(std::filesystem::exists(ws.db_path()));
}

TEST_CASE("plan: a capacity over the hours of a week is a config error") {
    Workspace ws;
    wednesday(ws);
    write_config(ws, "[time]\ncapacity = \"169h\"\n");
    auto r = ws.run({"plan"});
    CHECK(r.code == 5);
    CHECK(r.err == "slash: error: " + ws.config_path().string() +
                       ":2:12: time.capacity must be a duration of at most a week's 168 hours, such as \"35h\" or "
                       "\"2100m\", got \"169h\"\n");
}
