#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::Workspace;

namespace {

// Runs a command that must succeed silently on stderr, and returns its stdout.
std::string ok(Workspace& ws, std::vector<std::string> args) {
    auto r = ws.run(args);
    INFO("slash " << args.front() << " " << (args.size() > 1 ? args[1] : "") << ": " << r.err);
    REQUIRE(r.err == "");
    REQUIRE(r.code == 0);
    return r.out;
}

void add_clients(Workspace& ws) {
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"client", "add", "beta", "--name", "Beta Ltd", "--currency", "GBP", "--daily", "450.50"});
    ok(ws, {"client", "add", "gamma", "--name", "Gamma"});
}

std::int64_t at(const char* iso) {
    auto instant = slash::domain::parse_iso_instant(iso);
    REQUIRE(instant.has_value());
    return *instant;
}

std::int64_t mission_id(Workspace& ws, const std::string& address) {
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READONLY);
    SQLite::Statement stmt(db, "SELECT m.id FROM missions m JOIN clients c ON c.id = m.client_id "
                               "WHERE c.handle || '/' || m.handle = ?");
    stmt.bind(1, address);
    REQUIRE(stmt.executeStep());
    return stmt.getColumn(0).getInt64();
}

// An entry written straight into the table, as the time commands will write it.
struct RawEntry {
    const char* start;
    const char* end;  ///< nullptr: the running timer
    std::optional<std::int64_t> units_milli;
    bool billable = true;
};

void insert_entries(Workspace& ws, const std::string& address, const std::vector<RawEntry>& entries) {
    std::int64_t id = mission_id(ws, address);
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE);
    for (const auto& e : entries) {
        SQLite::Statement stmt(db, "INSERT INTO entries (uid, mission_id, start_at, end_at, note, tags, units_milli, "
                                   "billable, created_at, updated_at) VALUES (?, ?, ?, ?, '', '', ?, ?, 0, 0)");
        stmt.bind(1, address + "@" + e.start);
        stmt.bind(2, id);
        stmt.bind(3, at(e.start));
        if (e.end) {
            stmt.bind(4, at(e.end));
        } else {
            stmt.bind(4);
        }
        if (e.units_milli) {
            stmt.bind(5, *e.units_milli);
        } else {
            stmt.bind(5);
        }
        stmt.bind(6, e.billable ? 1 : 0);
        stmt.exec();
    }
}

std::int64_t entry_count(Workspace& ws, std::int64_t mission) {
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READONLY);
    SQLite::Statement stmt(db, "SELECT count(*) FROM entries WHERE mission_id = ?");
    stmt.bind(1, mission);
    REQUIRE(stmt.executeStep());
    return stmt.getColumn(0).getInt64();
}

const std::string kStamps = R"("created_at":"2026-11-28T10:00:00+00:00","updated_at":"2026-11-28T10:00:00+00:00"})";

// Five open missions over three clients, each billed another way, plus a done mission and
// the mission of an archived client, which `missions` leaves out. Figures by hand (default
// [time]: 15m steps rounded up, 7 h a day, half-day steps), with now 2026-11-28T10:00Z:
//
// acme/website, hourly 65.00 EUR, budget 10h, due 2026-11-20 (overdue):
//   2h50m billable -> 3h; 7m billable -> 15m; 1h not billable; a timer since 9:30 (30m).
//   logged 10200 + 420 + 3600 + 1800 = 16020 s = 4.45 h; 16020 / 36000 = 44.5 % -> 44;
//   unbilled (3h + 15m) x 65.00 = 211.25 (the timer is not billed before it stops).
// beta/audit, daily 450.50 GBP, budget 2000 GBP: 7h billable, 1h10m billable -> 1h15m;
//   8h15m / 7 h = 1.18 day -> 1.5 days x 450.50 = 675.75; logged 29400 s = 8.17 h;
//   675.75 / 2000 = 33.79 % -> 33.
// beta/words, unit 0.05 GBP per word: 1250.5 + 800 billable words, 100 not billable;
//   2050.5 x 0.05 = 102.525 -> 102.53 (a tie, away from zero); logged 2h30 = 2.50 h.
// gamma/admin, none: 1h logged, nothing billable (null), no budget.
// gamma/site, fixed 1200 EUR, planned, budget 20h, due today (not overdue): no entries, so
//   nothing to bill yet: 0.00.
void add_portfolio(Workspace& ws) {
    add_clients(ws);
    ok(ws, {"client", "add", "delta", "--name", "Delta", "--hourly", "50"});
    ok(ws, {"mission", "add", "acme/website", "--title", "Website", "--budget", "10h", "--due", "2026-11-20", "--tag",
            "web"});
    ok(ws, {"mission", "add", "acme/old", "--title", "Old"});
    ok(ws, {"mission", "add", "beta/audit", "--title", "Audit", "--budget", "2000", "--due", "2026-12-15"});
    ok(ws, {"mission", "add", "beta/words", "--title", "Translation", "--unit", "0.05", "--unit-name", "word"});
    ok(ws, {"mission", "add", "gamma/admin", "--title", "Admin", "--none"});
    ok(ws, {"mission", "add", "gamma/site", "--fixed", "1200", "--budget", "20h", "--due", "2026-11-28", "--status",
            "planned"});
    ok(ws, {"mission", "add", "delta/app", "--title", "App"});
    ok(ws, {"mission", "done", "acme/old"});
    ok(ws, {"client", "archive", "delta"});
    insert_entries(ws, "acme/website", {{"2026-11-20T09:00:00+00:00", "2026-11-20T11:50:00+00:00", std::nullopt, true},
                                        {"2026-11-21T14:00:00+00:00", "2026-11-21T14:07:00+00:00", std::nullopt, true},
                                        {"2026-11-22T10:00:00+00:00", "2026-11-22T11:00:00+00:00", std::nullopt, false},
                                        {"2026-11-28T09:30:00+00:00", nullptr, std::nullopt, true}});
    insert_entries(ws, "acme/old", {{"2026-11-02T09:00:00+00:00", "2026-11-02T10:00:00+00:00", std::nullopt, true}});
    insert_entries(ws, "beta/audit", {{"2026-11-23T09:00:00+00:00", "2026-11-23T16:00:00+00:00", std::nullopt, true},
                                      {"2026-11-24T09:00:00+00:00", "2026-11-24T10:10:00+00:00", std::nullopt, true}});
    insert_entries(ws, "beta/words", {{"2026-11-25T09:00:00+00:00", "2026-11-25T10:00:00+00:00", 1250500, true},
                                      {"2026-11-25T10:00:00+00:00", "2026-11-25T11:00:00+00:00", 800000, true},
                                      {"2026-11-25T11:00:00+00:00", "2026-11-25T11:30:00+00:00", 100000, false}});
    insert_entries(ws, "gamma/admin", {{"2026-11-26T09:00:00+00:00", "2026-11-26T10:00:00+00:00", std::nullopt, true}});
    insert_entries(ws, "delta/app", {{"2026-11-27T09:00:00+00:00", "2026-11-27T10:00:00+00:00", std::nullopt, true}});
}

const std::string kWebsiteJson =
    R"({"mission":"acme/website","client":"acme","handle":"website","title":"Website","billing":"hourly",)"
    R"("rate":{"amount":"65.00","currency":"EUR"},"unit_name":null,"vat_regime":null,"vat_rate":null,"activity":null,)"
    R"("budget":{"seconds":36000,"hours":"10.00"},)"
    R"("estimate_seconds":null,"start_date":null,"due_date":"2026-11-20","overdue":true,"tags":["web"],)"
    R"("status":"active","logged_seconds":16020,"logged_hours":"4.45","budget_used_percent":44,)"
    R"("unbilled":{"amount":"211.25","currency":"EUR"},"deposits":null,)" +
    kStamps;
const std::string kAuditJson =
    R"({"mission":"beta/audit","client":"beta","handle":"audit","title":"Audit","billing":"daily",)"
    R"("rate":{"amount":"450.50","currency":"GBP"},"unit_name":null,"vat_regime":null,"vat_rate":null,"activity":null,)"
    R"("budget":{"amount":"2000.00","currency":"GBP"},)"
    R"("estimate_seconds":null,"start_date":null,"due_date":"2026-12-15","overdue":false,"tags":[],)"
    R"("status":"active","logged_seconds":29400,"logged_hours":"8.17","budget_used_percent":33,)"
    R"("unbilled":{"amount":"675.75","currency":"GBP"},"deposits":null,)" +
    kStamps;
const std::string kWordsJson =
    R"({"mission":"beta/words","client":"beta","handle":"words","title":"Translation","billing":"unit",)"
    R"("rate":{"amount":"0.05","currency":"GBP"},"unit_name":"word","vat_regime":null,"vat_rate":null,"activity":null,"budget":null,)"
    R"("estimate_seconds":null,"start_date":null,"due_date":null,"overdue":false,"tags":[],)"
    R"("status":"active","logged_seconds":9000,"logged_hours":"2.50","budget_used_percent":null,)"
    R"("unbilled":{"amount":"102.53","currency":"GBP"},"deposits":null,)" +
    kStamps;
const std::string kAdminJson =
    R"({"mission":"gamma/admin","client":"gamma","handle":"admin","title":"Admin","billing":"none",)"
    R"("rate":null,"unit_name":null,"vat_regime":null,"vat_rate":null,"activity":null,"budget":null,)"
    R"("estimate_seconds":null,"start_date":null,"due_date":null,"overdue":false,"tags":[],)"
    R"("status":"active","logged_seconds":3600,"logged_hours":"1.00","budget_used_percent":null,)"
    R"("unbilled":null,"deposits":null,)" +
    kStamps;
const std::string kSiteJson =
    R"({"mission":"gamma/site","client":"gamma","handle":"site","title":null,"billing":"fixed",)"
    R"("rate":{"amount":"1200.00","currency":"EUR"},"unit_name":null,"vat_regime":null,"vat_rate":null,"activity":null,)"
    R"("budget":{"seconds":72000,"hours":"20.00"},)"
    R"("estimate_seconds":null,"start_date":null,"due_date":"2026-11-28","overdue":false,"tags":[],)"
    R"("status":"planned","logged_seconds":0,"logged_hours":"0.00","budget_used_percent":0,)"
    R"("unbilled":{"amount":"0.00","currency":"EUR"},"deposits":{"amount":"0.00","currency":"EUR"},)" +
    kStamps;

const std::string kMissionsJson = "[\n" + kWebsiteJson + ",\n" + kAuditJson + ",\n" + kWordsJson + ",\n" +
                                  kAdminJson + ",\n" + kSiteJson + "\n]\n";

const std::string kCsvHeader =
    "mission,client,handle,title,billing,rate.amount,rate.currency,unit_name,vat_regime,vat_rate,activity,budget.seconds,"
    "budget.hours,budget.amount,budget.currency,estimate_seconds,start_date,due_date,overdue,tags,status,"
    "logged_seconds,logged_hours,budget_used_percent,unbilled.amount,unbilled.currency,deposits.amount,deposits.currency,"
    "created_at,updated_at\r\n";

}  // namespace

TEST_CASE("cli/mission add prints the address and stores every field") {
    Workspace ws;
    add_clients(ws);
    CHECK(ok(ws, {"mission", "add", "acme/website", "--title", "Website redesign", "--budget", "40h", "--estimate",
                  "30h", "--start", "2026-11-02", "--due", "2026-12-18", "--tag", "web", "--tag", "design", "--tag",
                  "web", "--status", "planned"}) == "acme/website\n");
    CHECK(ok(ws, {"mission", "show", "acme/website", "--json"}) ==
          R"({"mission":"acme/website","client":"acme","handle":"website","title":"Website redesign",)"
          R"("billing":"hourly","rate":{"amount":"65.00","currency":"EUR"},"unit_name":null,)"
          R"("vat_regime":null,"vat_rate":null,"activity":null,)"
          R"("budget":{"seconds":144000,"hours":"40.00"},"estimate_seconds":108000,"start_date":"2026-11-02",)"
          R"("due_date":"2026-12-18","overdue":false,"tags":["web","design"],"status":"planned",)"
          R"("logged_seconds":0,"logged_hours":"0.00","budget_used_percent":0,)"
          R"("unbilled":{"amount":"0.00","currency":"EUR"},"deposits":null,)" +
              kStamps + "\n");
}

TEST_CASE("cli/mission add: billing modes, the client's default rate and currency, budgets, dates") {
    Workspace ws;
    add_clients(ws);
    CHECK(ok(ws, {"mission", "add", "beta/audit"}) == "beta/audit\n");
    CHECK(ok(ws, {"mission", "add", "beta/words", "--unit", "0,05", "--unit-name", "word"}) == "beta/words\n");
    CHECK(ok(ws, {"mission", "add", "beta/tasks", "--unit", "3", "--budget", "1 500,50"}) == "beta/tasks\n");
    CHECK(ok(ws, {"mission", "add", "gamma/site", "--fixed", "1200", "--budget", "2000"}) == "gamma/site\n");
    CHECK(ok(ws, {"mission", "add", "gamma/admin", "--none", "--budget", "1:30"}) == "gamma/admin\n");
    CHECK(ok(ws, {"mission", "add", "acme/audit", "--daily", "500", "--budget", "PT2H", "--start", "today", "--due",
                  "today"}) == "acme/audit\n");
    // The same mission handle under another client is another mission.
    CHECK(ok(ws, {"mission", "add", "gamma/audit", "--hourly", "80"}) == "gamma/audit\n");

    auto listing = ok(ws, {"mission", "list", "--template",
                           "{mission} {billing} [{rate}] [{unit_name}] [{budget.seconds}|{budget.amount} "
                           "{budget.currency}] {start_date} {due_date}"});
    CHECK(listing ==
          "acme/audit daily [500.00 EUR] [] [7200| ] 2026-11-28 2026-11-28\n"
          "beta/audit daily [450.50 GBP] [] [| ]  \n"
          "beta/tasks unit [3.00 GBP] [unit] [|1500.50 GBP]  \n"
          "beta/words unit [0.05 GBP] [word] [| ]  \n"
          "gamma/admin none [] [] [5400| ]  \n"
          "gamma/audit hourly [80.00 EUR] [] [| ]  \n"
          "gamma/site fixed [1200.00 EUR] [] [|2000.00 EUR]  \n");
}

TEST_CASE("cli/mission add refusals: exit code, one line, data unchanged") {
    Workspace ws;
    add_clients(ws);
    ok(ws, {"mission", "add", "acme/website"});
    ok(ws, {"client", "add", "old", "--name", "Old", "--hourly", "10"});
    ok(ws, {"client", "archive", "old"});
    const std::string handle_rule =
        ": use 1-32 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

    expect_refusal(ws, {"mission", "add", "acme"}, 2,
                   "invalid mission address \"acme\": use CLIENT/MISSION, such as acme/website");
    expect_refusal(ws, {"mission", "add", "acme/Web"}, 2, "invalid mission handle \"Web\"" + handle_rule);
    expect_refusal(ws, {"mission", "add", "acme/"}, 2, "invalid mission handle \"\"" + handle_rule);
    expect_refusal(ws, {"mission", "add", "ACME/web"}, 2, "invalid client handle \"ACME\"" + handle_rule);
    expect_refusal(ws, {"mission", "add", "acme/web/x"}, 2, "invalid mission handle \"web/x\"" + handle_rule);
    expect_refusal(ws, {"mission", "add", "nobody/web"}, 3,
                   "unknown client \"nobody\"; see \"slash client list --all\"");
    expect_refusal(ws, {"mission", "add", "acm/web"}, 3, "unknown client \"acm\" (did you mean \"acme\"?)");
    expect_refusal(ws, {"mission", "add", "old/web"}, 1,
                   "client \"old\" is archived; bring it back first with \"slash client unarchive old\"");
    expect_refusal(ws, {"mission", "add", "gamma/web"}, 2,
                   "client \"gamma\" has no default rate: give one of --hourly, --daily, --unit, --fixed or --none");
    expect_refusal(ws, {"mission", "add", "acme/website"}, 4,
                   "mission \"acme/website\" already exists; choose another handle or edit it with \"slash mission "
                   "edit acme/website\"");
    expect_refusal(ws, {"mission", "add", "acme/x", "--hourly", "60", "--daily", "400"}, 2,
                   "give only one of --hourly, --daily, --unit, --fixed or --none");
    expect_refusal(ws, {"mission", "add", "acme/x", "--fixed", "100", "--none"}, 2,
                   "give only one of --hourly, --daily, --unit, --fixed or --none");
    expect_refusal(ws, {"mission", "add", "acme/x", "--hourly", "-5"}, 2,
                   "invalid --hourly rate \"-5\": a rate cannot be negative");
    expect_refusal(ws, {"mission", "add", "acme/x", "--fixed", "-5"}, 2,
                   "invalid --fixed price \"-5\": a price cannot be negative");
    expect_refusal(ws, {"mission", "add", "acme/x", "--hourly", "12.345"}, 2,
                   "invalid amount \"12.345\": use at most 2 decimals");
    expect_refusal(ws, {"mission", "add", "acme/x", "--unit-name", "word"}, 2,
                   "--unit-name is only for missions billed per unit (--unit); \"acme/x\" is billed hourly");
    expect_refusal(ws, {"mission", "add", "acme/x", "--budget", "0"}, 2,
                   "invalid --budget \"0\": a budget must be more than zero, such as 40h or 2000");
    expect_refusal(ws, {"mission", "add", "acme/x", "--budget", "-5"}, 2,
                   "invalid --budget \"-5\": a budget must be more than zero, such as 40h or 2000");
    expect_refusal(ws, {"mission", "add", "acme/x", "--budget", "40x"}, 2,
                   "invalid duration \"40x\": use a form such as 2h30, 1.5h, 90m, 1:30 or PT1H30M");
    expect_refusal(ws, {"mission", "add", "gamma/x", "--none", "--budget", "100"}, 2,
                   "\"gamma/x\" is not billed (none), so its budget cannot be money; give a time budget such as "
                   "--budget 40h");
    expect_refusal(ws, {"mission", "add", "acme/x", "--estimate", "90"}, 2,
                   "invalid duration \"90\": it has no unit; add one, such as 90m for minutes or 1.5h for hours");
    expect_refusal(ws, {"mission", "add", "acme/x", "--start", "2026-11-10", "--due", "2026-11-01"}, 2,
                   "the due date 2026-11-01 is before the start date 2026-11-10");
    expect_refusal(ws, {"mission", "add", "acme/x", "--due", "2026-02-30"}, 2,
                   "invalid date \"2026-02-30\": February 2026 has 28 days");
    expect_refusal(ws, {"mission", "add", "acme/x", "--status", "done"}, 2,
                   "invalid --status \"done\": use planned or active (slash mission done, pause and resume set the "
                   "others)");
    expect_refusal(ws, {"mission", "add", "acme/x", "--tag", "Web"}, 2, "invalid tag \"Web\"" + handle_rule);
    expect_refusal(ws, {"mission", "add", "acme/x", "--title", "Two\nlines"}, 2,
                   "invalid --title \"Two\\x0alines\": it must be one line without control characters");
}

TEST_CASE("cli/mission edit changes only what is given, empty clears, renames keep the address rule") {
    Workspace ws;
    add_clients(ws);
    ok(ws, {"mission", "add", "acme/website", "--title", "Website", "--budget", "40h", "--estimate", "30h", "--start",
            "2026-11-02", "--due", "2026-12-18", "--tag", "web"});
    ws.env.variables["SLASH_NOW"] = "2026-11-29T08:00:00+00:00";
    CHECK(ok(ws, {"mission", "edit", "acme/website", "--title", "Site", "--daily", "500", "--budget", "", "--due", "",
                  "--tag", "", "--estimate", "12h", "--status", "planned"}) == "acme/website\n");
    CHECK(ok(ws, {"mission", "show", "acme/website", "--json"}) ==
          R"({"mission":"acme/website","client":"acme","handle":"website","title":"Site","billing":"daily",)"
          R"("rate":{"amount":"500.00","currency":"EUR"},"unit_name":null,"vat_regime":null,"vat_rate":null,"activity":null,)"
          R"("budget":null,"estimate_seconds":43200,)"
          R"("start_date":"2026-11-02","due_date":null,"overdue":false,"tags":[],"status":"planned",)"
          R"("logged_seconds":0,"logged_hours":"0.00","budget_used_percent":null,)"
          R"("unbilled":{"amount":"0.00","currency":"EUR"},"deposits":null,"created_at":"2026-11-28T10:00:00+00:00",)"
          R"("updated_at":"2026-11-29T08:00:00+00:00"})"
          "\n");

    const std::vector<std::string> fields = {"mission", "show", "acme/website", "--template",
                                             "{billing} {rate} [{unit_name}] {budget}"};
    ok(ws, {"mission", "edit", "acme/website", "--unit", "0.10"});
    CHECK(ok(ws, fields) == "unit 0.10 EUR [unit] \n");
    ok(ws, {"mission", "edit", "acme/website", "--unit-name", "page", "--budget", "300"});
    CHECK(ok(ws, fields) == "unit 0.10 EUR [page] 300.00 EUR\n");
    ok(ws, {"mission", "edit", "acme/website", "--hourly", "70", "--budget", "10h"});
    CHECK(ok(ws, fields) == "hourly 70.00 EUR [] 36000 10.00\n");
    ok(ws, {"mission", "edit", "acme/website", "--none"});
    CHECK(ok(ws, fields) == "none  [] 36000 10.00\n");

    expect_refusal(ws, {"mission", "edit", "acme/website"}, 2,
                   "nothing to change for mission \"acme/website\": give at least one flag, see \"slash mission edit "
                   "--help\"");
    expect_refusal(ws, {"mission", "edit", "acme/website", "--budget", "100"}, 2,
                   "\"acme/website\" is not billed (none), so its budget cannot be money; give a time budget such as "
                   "--budget 40h");
    expect_refusal(ws, {"mission", "edit", "acme/website", "--due", "2026-10-01"}, 2,
                   "the due date 2026-10-01 is before the start date 2026-11-02");
    expect_refusal(ws, {"mission", "edit", "acme/website", "--unit-name", "page"}, 2,
                   "--unit-name is only for missions billed per unit (--unit); \"acme/website\" is billed none");
    expect_refusal(ws, {"mission", "edit", "acme/webiste", "--title", "X"}, 3,
                   "unknown mission \"acme/webiste\" (did you mean \"acme/website\"?)");

    ok(ws, {"mission", "add", "acme/shop", "--title", "Shop"});
    expect_refusal(ws, {"mission", "edit", "acme/shop", "--rename", "website"}, 4,
                   "mission \"acme/website\" already exists; choose another handle or edit it with \"slash mission "
                   "edit acme/website\"");
    expect_refusal(ws, {"mission", "edit", "acme/shop", "--rename", "Shop"}, 2,
                   "invalid mission handle \"Shop\": use 1-32 lower-case letters, digits, '.', '_' or '-', starting "
                   "with a letter or digit");
    CHECK(ok(ws, {"mission", "edit", "acme/shop", "--rename", "store"}) == "acme/store\n");
    CHECK(ok(ws, {"mission", "list", "-q"}) == "acme/store\nacme/website\n");
}

TEST_CASE("cli/mission done, pause, resume: transitions and no-op refusals") {
    Workspace ws;
    add_clients(ws);
    ok(ws, {"mission", "add", "acme/website"});
    ok(ws, {"mission", "add", "acme/later", "--status", "planned"});
    const std::vector<std::string> status = {"mission", "show", "acme/website", "--template", "{status}"};

    CHECK(ok(ws, {"mission", "pause", "acme/website"}) == "acme/website\n");
    CHECK(ok(ws, status) == "paused\n");
    expect_refusal(ws, {"mission", "pause", "acme/website"}, 1, "mission \"acme/website\" is already paused");
    CHECK(ok(ws, {"mission", "resume", "acme/website"}) == "acme/website\n");
    CHECK(ok(ws, status) == "active\n");
    expect_refusal(ws, {"mission", "resume", "acme/website"}, 1, "mission \"acme/website\" is already active");
    CHECK(ok(ws, {"mission", "done", "acme/website"}) == "acme/website\n");
    CHECK(ok(ws, status) == "done\n");
    expect_refusal(ws, {"mission", "done", "acme/website"}, 1, "mission \"acme/website\" is already done");
    expect_refusal(ws, {"mission", "pause", "acme/website"}, 1,
                   "mission \"acme/website\" is done; reopen it with \"slash mission resume acme/website\"");
    CHECK(ok(ws, {"mission", "list", "-q"}) == "acme/later\n");
    CHECK(ok(ws, {"mission", "list", "-q", "--all"}) == "acme/later\nacme/website\n");
    CHECK(ok(ws, {"mission", "resume", "acme/website"}) == "acme/website\n");
    CHECK(ok(ws, status) == "active\n");

    expect_refusal(ws, {"mission", "resume", "acme/later"}, 1,
                   "mission \"acme/later\" is planned, not paused; start it with \"slash mission edit acme/later "
                   "--status active\"");
    CHECK(ok(ws, {"mission", "pause", "acme/later"}) == "acme/later\n");
    CHECK(ok(ws, {"mission", "done", "acme/later"}) == "acme/later\n");
    expect_refusal(ws, {"mission", "done", "acme/nope"}, 3,
                   "unknown mission \"acme/nope\"; see \"slash mission list acme\"");
    expect_refusal(ws, {"mission", "pause", "website"}, 2,
                   "invalid mission address \"website\": use CLIENT/MISSION, such as acme/website");
}

TEST_CASE("cli/mission rm deletes a mission without entries, refuses one with entries") {
    Workspace ws;
    add_clients(ws);
    ok(ws, {"mission", "add", "acme/website"});
    ok(ws, {"mission", "add", "acme/draft"});
    ok(ws, {"mission", "add", "acme/single"});
    insert_entries(ws, "acme/website", {{"2026-11-20T09:00:00+00:00", "2026-11-20T10:00:00+00:00", std::nullopt, true},
                                        {"2026-11-21T09:00:00+00:00", "2026-11-21T10:00:00+00:00", std::nullopt, false}});
    insert_entries(ws, "acme/single", {{"2026-11-22T09:00:00+00:00", "2026-11-22T10:00:00+00:00", std::nullopt, true}});

    CHECK(ok(ws, {"mission", "rm", "acme/draft"}) == "acme/draft\n");
    expect_refusal(ws, {"mission", "show", "acme/draft"}, 3,
                   "unknown mission \"acme/draft\"; see \"slash mission list acme\"");
    expect_refusal(ws, {"mission", "rm", "acme/website"}, 4,
                   "mission \"acme/website\" has 2 entries; mark it done instead: slash mission done acme/website");
    expect_refusal(ws, {"mission", "rm", "acme/single"}, 4,
                   "mission \"acme/single\" has 1 entry; mark it done instead: slash mission done acme/single");
    expect_refusal(ws, {"client", "rm", "acme"}, 4,
                   "client \"acme\" still has 2 missions; archive it instead: slash client archive acme");
}

TEST_CASE("cli/mission renaming a client or a mission keeps every entry attached") {
    Workspace ws;
    add_portfolio(ws);
    std::int64_t id = mission_id(ws, "acme/website");
    const std::string figures = "{mission} {logged_seconds} {unbilled}";

    CHECK(ok(ws, {"client", "edit", "acme", "--rename", "acme-corp"}) == "acme-corp\n");
    CHECK(ok(ws, {"mission", "show", "acme-corp/website", "--template", figures}) ==
          "acme-corp/website 16020 211.25 EUR\n");
    expect_refusal(ws, {"mission", "show", "acme/website"}, 3,
                   "unknown client \"acme\" (did you mean \"acme-corp\"?)");

    CHECK(ok(ws, {"mission", "edit", "acme-corp/website", "--rename", "site"}) == "acme-corp/site\n");
    CHECK(ok(ws, {"mission", "show", "acme-corp/site", "--template", figures}) ==
          "acme-corp/site 16020 211.25 EUR\n");
    CHECK(mission_id(ws, "acme-corp/site") == id);
    CHECK(entry_count(ws, id) == 4);
    expect_refusal(ws, {"mission", "show", "acme-corp/website"}, 3,
                   "unknown mission \"acme-corp/website\" (did you mean \"acme-corp/site\"?)");
}

TEST_CASE("cli/mission missions --json: every open mission of every client, figures by hand") {
    Workspace ws;
    add_portfolio(ws);
    CHECK(ok(ws, {"missions", "--json"}) == kMissionsJson);
    CHECK(ok(ws, {"mission", "list", "--json"}) == kMissionsJson);
    CHECK(ok(ws, {"mission", "show", "beta/words", "--json"}) == kWordsJson + "\n");

    SUBCASE("one client; --all adds done missions and archived clients") {
        CHECK(ok(ws, {"mission", "list", "beta", "--json"}) == "[\n" + kAuditJson + ",\n" + kWordsJson + "\n]\n");
        CHECK(ok(ws, {"mission", "list", "-q", "--all"}) ==
              "acme/old\nacme/website\nbeta/audit\nbeta/words\ndelta/app\ngamma/admin\ngamma/site\n");
        CHECK(ok(ws, {"mission", "list", "delta", "-q"}) == "delta/app\n");
        CHECK(ok(ws, {"mission", "list", "acme", "--all", "--template", "{mission} {status} {logged_hours}"}) ==
              "acme/old done 1.00\nacme/website active 4.45\n");
        expect_refusal(ws, {"mission", "list", "nobody"}, 3,
                       "unknown client \"nobody\"; see \"slash client list --all\"");
    }
    SUBCASE("a running entry counts up to now in the hours, not in what is unbilled") {
        ws.env.variables["SLASH_NOW"] = "2026-11-28T10:30:00+00:00";
        CHECK(ok(ws, {"mission", "show", "acme/website", "--template", "{logged_seconds} {logged_hours} "
                                                                        "{budget_used_percent} {unbilled}"}) ==
              "17820 4.95 49 211.25 EUR\n");
    }
    SUBCASE("a fixed price counts once the mission is done") {
        ok(ws, {"mission", "done", "gamma/site"});
        CHECK(ok(ws, {"mission", "show", "gamma/site", "--template", "{status} {unbilled} {overdue}"}) ==
              "done 1200.00 EUR false\n");
    }
    SUBCASE("overdue compares with today's local date") {
        const std::vector<std::string> due = {"mission", "show", "gamma/site", "--template", "{due_date} {overdue}"};
        ws.env.variables["SLASH_NOW"] = "2026-11-28T12:00:00+00:00";
        CHECK(ok(ws, due) == "2026-11-28 false\n");
        ws.env.variables["TZ"] = "Pacific/Auckland";  // 2026-11-29 01:00 there
        CHECK(ok(ws, due) == "2026-11-28 true\n");
    }
    SUBCASE("a done mission is never overdue") {
        ok(ws, {"mission", "done", "acme/website"});
        CHECK(ok(ws, {"mission", "show", "acme/website", "--template", "{due_date} {overdue}"}) ==
              "2026-11-20 false\n");
    }
    SUBCASE("[time] rounding, rounding_mode and day_step decide the billed amounts") {
        const std::vector<std::string> amounts = {"missions", "--template", "{mission} {unbilled}"};
        ok(ws, {"config", "set", "time.rounding", "0"});
        // 2h57m of billable work, unrounded: 2.95 h x 65.00 = 191.75.
        CHECK(ok(ws, amounts).rfind("acme/website 191.75 EUR\n", 0) == 0);
        ok(ws, {"config", "set", "time.rounding", "15m"});
        ok(ws, {"config", "set", "time.rounding_mode", "nearest"});
        // 2h50m -> 2h45m, 7m -> 0: 2.75 h x 65.00 = 178.75.
        CHECK(ok(ws, amounts).rfind("acme/website 178.75 EUR\n", 0) == 0);
        ok(ws, {"config", "set", "time.rounding_mode", "up"});
        ok(ws, {"config", "set", "time.day_step", "1"});
        // 8h15m / 7 h = 1.18 day -> 2 whole days x 450.50.
        CHECK(ok(ws, amounts).find("\nbeta/audit 901.00 GBP\n") != std::string::npos);
    }
}

TEST_CASE("cli/mission missions: table, piped rows, csv, -q") {
    Workspace ws;
    add_portfolio(ws);

    SUBCASE("piped: the table's columns, tab-separated, overdue marked") {
        CHECK(ok(ws, {"missions"}) ==
              "acme/website\tactive\t2026-11-20 (overdue)\t4.45\t\t44%\t211.25 EUR\tWebsite\n"
              "beta/audit\tactive\t2026-12-15\t8.17\t\t33%\t675.75 GBP\tAudit\n"
              "beta/words\tactive\t\t2.50\t\t\t102.53 GBP\tTranslation\n"
              "gamma/admin\tactive\t\t1.00\t\t\t\tAdmin\n"
              "gamma/site\tplanned\t2026-11-28\t0.00\t\t0%\t0.00 EUR\t\n");
    }
    SUBCASE("terminal: aligned, numbers to the right") {
        ws.env.stdout_is_tty = true;
        ws.env.variables["NO_COLOR"] = "1";
        CHECK(ok(ws, {"missions"}) ==
              "MISSION       STATUS   DUE                   HOURS  ESTIMATE  BUDGET    UNBILLED  TITLE\n"
              "acme/website  active   2026-11-20 (overdue)   4:27               44%  211.25 EUR  Website\n"
              "beta/audit    active   2026-12-15             8:10               33%  675.75 GBP  Audit\n"
              "beta/words    active                          2:30                    102.53 GBP  Translation\n"
              "gamma/admin   active                          1:00                                Admin\n"
              "gamma/site    planned  2026-11-28             0:00                0%    0.00 EUR\n");
    }
    SUBCASE("show on a terminal: labels and display values") {
        ws.env.stdout_is_tty = true;
        ws.env.variables["NO_COLOR"] = "1";
        CHECK(ok(ws, {"mission", "show", "acme/website"}) ==
              "Mission:       acme/website\n"
              "Title:         Website\n"
              "Billing:       hourly\n"
              "Rate:          65.00 EUR\n"
              "Unit:          \n"
              "VAT regime:    \n"
              "VAT rate (%):  \n"
              "Activity:      \n"
              "Budget:        10h\n"
              "Budget used:   44%\n"
              "Estimate:      \n"
              "Start:         \n"
              "Due:           2026-11-20 (overdue)\n"
              "Tags:          web\n"
              "Status:        active\n"
              "Logged:        4h27m\n"
              "Unbilled:      211.25 EUR\n"
              "Deposits:      \n"
              "Created:       2026-11-28T10:00:00+00:00\n"
              "Updated:       2026-11-28T10:00:00+00:00\n");
    }
    SUBCASE("csv: every field, both kinds of budget in their own columns") {
        CHECK(ok(ws, {"missions", "--csv"}) ==
              kCsvHeader +
                  "acme/website,acme,website,Website,hourly,65.00,EUR,,,,,36000,10.00,,,,,2026-11-20,true,web,active,"
                  "16020,4.45,44,211.25,EUR,,,2026-11-28T10:00:00+00:00,2026-11-28T10:00:00+00:00\r\n"
                  "beta/audit,beta,audit,Audit,daily,450.50,GBP,,,,,,,2000.00,GBP,,,2026-12-15,false,,active,29400,"
                  "8.17,33,675.75,GBP,,,2026-11-28T10:00:00+00:00,2026-11-28T10:00:00+00:00\r\n"
                  "beta/words,beta,words,Translation,unit,0.05,GBP,word,,,,,,,,,,,false,,active,9000,2.50,,102.53,GBP,,,"
                  "2026-11-28T10:00:00+00:00,2026-11-28T10:00:00+00:00\r\n"
                  "gamma/admin,gamma,admin,Admin,none,,,,,,,,,,,,,,false,,active,3600,1.00,,,,,,"
                  "2026-11-28T10:00:00+00:00,2026-11-28T10:00:00+00:00\r\n"
                  "gamma/site,gamma,site,,fixed,1200.00,EUR,,,,,72000,20.00,,,,,2026-11-28,false,,planned,0,0.00,0,"
                  "0.00,EUR,0.00,EUR,2026-11-28T10:00:00+00:00,2026-11-28T10:00:00+00:00\r\n");
    }
    SUBCASE("-q prints addresses, --tsv has the csv columns") {
        CHECK(ok(ws, {"missions", "-q"}) == "acme/website\nbeta/audit\nbeta/words\ngamma/admin\ngamma/site\n");
        auto tsv = ok(ws, {"missions", "--tsv"});
        CHECK(tsv.rfind("mission\tclient\thandle\ttitle\tbilling\trate.amount\t", 0) == 0);
        CHECK(tsv.find("\ngamma/admin\tgamma\tadmin\tAdmin\tnone\t") != std::string::npos);
    }
    SUBCASE("an empty list") {
        Workspace empty;
        CHECK(ok(empty, {"missions", "--json"}) == "[]\n");
        CHECK(ok(empty, {"missions", "--csv"}) == kCsvHeader);
        CHECK(ok(empty, {"missions"}) == "");
    }
}

TEST_CASE("cli/mission unknown and malformed addresses") {
    Workspace ws;
    add_portfolio(ws);
    expect_refusal(ws, {"mission", "show", "acme/webiste"}, 3,
                   "unknown mission \"acme/webiste\" (did you mean \"acme/website\"?)");
    expect_refusal(ws, {"mission", "show", "beta/audti"}, 3,
                   "unknown mission \"beta/audti\" (did you mean \"beta/audit\"?)");
    expect_refusal(ws, {"mission", "show", "gamma/zzzzzz"}, 3,
                   "unknown mission \"gamma/zzzzzz\"; see \"slash mission list gamma\"");
    expect_refusal(ws, {"mission", "show", "acm/website"}, 3, "unknown client \"acm\" (did you mean \"acme\"?)");
    expect_refusal(ws, {"mission", "rm", "acme"}, 2,
                   "invalid mission address \"acme\": use CLIENT/MISSION, such as acme/website");
    expect_refusal(ws, {"mission", "edit", "acme/Website", "--title", "X"}, 2,
                   "invalid mission handle \"Website\": use 1-32 lower-case letters, digits, '.', '_' or '-', "
                   "starting with a letter or digit");
}

TEST_CASE("cli/mission completion: addresses by verb, client handles for add") {
    Workspace ws;
    add_portfolio(ws);
    ok(ws, {"mission", "pause", "beta/words"});
    CHECK(ws.run({"__complete", "mission", "show", ""}).out ==
          "acme/website\tWebsite\nbeta/audit\tAudit\nbeta/words\tTranslation\ngamma/admin\tAdmin\ngamma/site\n:4\n");
    CHECK(ws.run({"__complete", "mission", "edit", "b"}).out == "beta/audit\tAudit\nbeta/words\tTranslation\n:4\n");
    CHECK(ws.run({"__complete", "mission", "pause", ""}).out ==
          "acme/website\tWebsite\nbeta/audit\tAudit\ngamma/admin\tAdmin\ngamma/site\n:4\n");
    CHECK(ws.run({"__complete", "mission", "resume", ""}).out == "acme/old\tOld\nbeta/words\tTranslation\n:4\n");
    CHECK(ws.run({"__complete", "mission", "add", "a"}).out == "acme/\tACME SAS\n:6\n");
    CHECK(ws.run({"__complete", "mission", "list", ""}).out == "acme\tACME SAS\nbeta\tBeta Ltd\ngamma\tGamma\n:4\n");
    CHECK(ws.run({"__complete", "mission", "show", "acme/website", ""}).out == ":4\n");
    CHECK(ws.run({"__complete", "missions", ""}).out == ":4\n");
}

namespace {

// Runs SQL on the workspace's database, as the invoicing verbs will write their rows.
void exec_sql(Workspace& ws, const std::string& sql) {
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec(sql);
}

}  // namespace

TEST_CASE("cli/mission VAT overrides: set on add and edit, read back, empty clears") {
    Workspace ws;
    add_clients(ws);
    CHECK(ok(ws, {"mission", "add", "acme/website", "--vat-regime", "standard", "--vat-rate", "5.5"}) ==
          "acme/website\n");
    CHECK(ok(ws, {"mission", "show", "acme/website", "--json"}) ==
          R"({"mission":"acme/website","client":"acme","handle":"website","title":null,"billing":"hourly",)"
          R"("rate":{"amount":"65.00","currency":"EUR"},"unit_name":null,"vat_regime":"standard","vat_rate":"5.5","activity":null,)"
          R"("budget":null,"estimate_seconds":null,"start_date":null,"due_date":null,"overdue":false,"tags":[],)"
          R"("status":"active","logged_seconds":0,"logged_hours":"0.00","budget_used_percent":null,)"
          R"("unbilled":{"amount":"0.00","currency":"EUR"},"deposits":null,)" +
              kStamps + "\n");

    const std::vector<std::string> fields = {"mission", "show", "acme/website", "--template",
                                             "{vat_regime}|{vat_rate}|{title}"};
    ok(ws, {"mission", "edit", "acme/website", "--vat-rate", "20"});
    CHECK(ok(ws, fields) == "standard|20|\n");
    ok(ws, {"mission", "edit", "acme/website", "--vat-regime", "export", "--vat-rate", "0"});
    CHECK(ok(ws, fields) == "export|0|\n");
    ok(ws, {"mission", "edit", "acme/website", "--vat-regime", "franchise", "--title", "Site"});
    CHECK(ok(ws, fields) == "franchise|0|Site\n");
    ok(ws, {"mission", "edit", "acme/website", "--vat-regime", "", "--vat-rate", ""});
    CHECK(ok(ws, fields) == "||Site\n");
    CHECK(ok(ws, {"mission", "show", "acme/website", "--json"}).find(R"("unit_name":null,"vat_regime":null,)"
                                                                       R"("vat_rate":null,"activity":null,"budget":null,)") !=
          std::string::npos);

    // The mission keeps its own value whatever its client says: null is "inherit".
    ok(ws, {"client", "edit", "acme", "--vat-regime", "reverse-charge"});
    ok(ws, {"mission", "add", "acme/audit", "--vat-regime", "reverse-charge", "--vat-rate", "2.1"});
    CHECK(ok(ws, {"mission", "list", "acme", "--template", "{mission}|{vat_regime}|{vat_rate}"}) ==
          "acme/audit|reverse-charge|2.1\nacme/website||\n");

    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    auto tty = ok(ws, {"mission", "show", "acme/audit"});
    CHECK(tty.find("Unit:          \nVAT regime:    reverse-charge\nVAT rate (%):  2.1\nActivity:      \nBudget:        \n") !=
          std::string::npos);
}

TEST_CASE("cli/mission VAT refusals: exit 2, one line, data unchanged") {
    Workspace ws;
    add_clients(ws);
    ok(ws, {"mission", "add", "acme/website"});
    for (const char* verb : {"add", "edit"}) {
        CAPTURE(verb);
        const std::string address = std::string(verb) == "add" ? "acme/new" : "acme/website";
        auto with = [&](std::vector<std::string> flags) {
            std::vector<std::string> args = {"mission", verb, address};
            args.insert(args.end(), flags.begin(), flags.end());
            return args;
        };
        expect_refusal(ws, with({"--vat-regime", "intra-eu"}), 2,
                       "invalid --vat-regime \"intra-eu\": use franchise, standard, reverse-charge or export");
        expect_refusal(ws, with({"--vat-rate", "5,5"}), 2,
                       "invalid VAT rate \"5,5\": use a percentage such as \"20\" or \"5.5\"");
        expect_refusal(ws, with({"--vat-rate", "100.001"}), 2, "invalid VAT rate \"100.001\": it is over 100 %");
        expect_refusal(ws, with({"--vat-rate", "-1"}), 2, "invalid VAT rate \"-1\": it cannot be negative");
        expect_refusal(ws, with({"--vat-regime", "standard", "--vat-rate", "0"}), 2,
                       "mission \"" + address +
                           "\" cannot have a standard VAT rate of 0 %: give --vat-rate above 0, or --vat-regime "
                           "franchise, reverse-charge or export");
    }
}

TEST_CASE("cli/mission rm refuses a mission on an invoice line, suggesting done") {
    Workspace ws;
    add_clients(ws);
    ok(ws, {"mission", "add", "acme/website"});
    ok(ws, {"mission", "add", "acme/audit", "--fixed", "1200"});
    ok(ws, {"mission", "add", "acme/spare"});
    // A fixed-price line has no entry: only the invoice line refers to the mission.
    exec_sql(ws, "INSERT INTO invoices (client_id, period_from, period_to, currency, language, vat_regime, created_at, "
                 "updated_at) SELECT id, '2026-11-01', '2026-11-30', 'EUR', 'fr', 'franchise', 0, 0 FROM clients "
                 "WHERE handle = 'acme'");
    exec_sql(ws, "INSERT INTO invoices (client_id, period_from, period_to, currency, language, vat_regime, created_at, "
                 "updated_at) SELECT id, '2026-10-01', '2026-10-31', 'EUR', 'fr', 'franchise', 0, 0 FROM clients "
                 "WHERE handle = 'acme'");
    const std::string line =
        "INSERT INTO invoice_lines (invoice_id, position, mission_id, description, quantity_milli, unit_code, "
        "unit_price_minor, net_minor, vat_category, vat_rate_milli) VALUES (?1, ?2, ?3, 'Work', 1000, 'C62', 120000, "
        "120000, 'E', 0)";
    auto add_line = [&](std::int64_t invoice, std::int64_t position, const std::string& address) {
        SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE);
        SQLite::Statement stmt(db, line);
        stmt.bind(1, invoice);
        stmt.bind(2, position);
        stmt.bind(3, mission_id(ws, address));
        stmt.exec();
    };
    add_line(1, 1, "acme/audit");
    add_line(1, 2, "acme/audit");
    expect_refusal(ws, {"mission", "rm", "acme/audit"}, 4,
                   "mission \"acme/audit\" appears on 1 invoice; mark it done instead: slash mission done acme/audit");
    add_line(2, 1, "acme/website");
    add_line(1, 3, "acme/website");
    expect_refusal(ws, {"mission", "rm", "acme/website"}, 4,
                   "mission \"acme/website\" appears on 2 invoices; mark it done instead: slash mission done "
                   "acme/website");
    // Entries are named first: they are what the user logged.
    insert_entries(ws, "acme/website",
                   {{"2026-11-20T09:00:00+00:00", "2026-11-20T10:00:00+00:00", std::nullopt, true}});
    expect_refusal(ws, {"mission", "rm", "acme/website"}, 4,
                   "mission \"acme/website\" has 1 entry; mark it done instead: slash mission done acme/website");
    CHECK(ok(ws, {"mission", "rm", "acme/spare"}) == "acme/spare\n");
    expect_refusal(ws, {"client", "rm", "acme"}, 4,
                   "client \"acme\" still has 2 missions and 2 invoices; archive it instead: slash client archive "
                   "acme");
}

TEST_CASE("cli/mission unbilled follows the client's rounding override") {
    Workspace ws;
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "60"});
    ok(ws, {"client", "add", "beta", "--name", "Beta", "--hourly", "60"});
    ok(ws, {"mission", "add", "acme/site"});
    ok(ws, {"mission", "add", "beta/site"});
    // 7 minutes each, billed at 60.00 an hour: the config's 15m step up makes 15.00.
    insert_entries(ws, "acme/site", {{"2026-11-20T09:00:00+00:00", "2026-11-20T09:07:00+00:00", std::nullopt, true}});
    insert_entries(ws, "beta/site", {{"2026-11-20T09:00:00+00:00", "2026-11-20T09:07:00+00:00", std::nullopt, true}});
    const std::vector<std::string> unbilled = {"missions", "--template", "{mission} {unbilled}"};
    CHECK(ok(ws, unbilled) == "acme/site 15.00 EUR\nbeta/site 15.00 EUR\n");
    ok(ws, {"client", "edit", "acme", "--rounding", "0"});
    // Unrounded, 7 minutes are billed as an invoice line would: 0.117 h × 60.00 = 7.02.
    CHECK(ok(ws, unbilled) == "acme/site 7.02 EUR\nbeta/site 15.00 EUR\n");
    ok(ws, {"client", "edit", "acme", "--rounding", "", "--rounding-mode", "down"});
    CHECK(ok(ws, unbilled) == "acme/site 0.00 EUR\nbeta/site 15.00 EUR\n");
    ok(ws, {"client", "edit", "acme", "--rounding", "6m", "--rounding-mode", "nearest"});
    CHECK(ok(ws, unbilled) == "acme/site 6.00 EUR\nbeta/site 15.00 EUR\n");
    ok(ws, {"client", "edit", "acme", "--rounding-mode", ""});
    CHECK(ok(ws, {"mission", "show", "acme/site", "--template", "{unbilled}"}) == "12.00 EUR\n");
}

TEST_CASE("cli/mission a fixed price billed by an invoice is no longer unbilled, credited it is again") {
    Workspace ws;
    REQUIRE(ws.run({"init", "--no-input", "--name", "Camille Martin", "--siren", "123456782", "--address",
                    "12 rue des Lilas", "--address", "75011 Paris", "--email", "camille@example.org"})
                .code == 0);
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address",
                    "75002 Paris", "--siren", "552100554"})
                .code == 0);
    REQUIRE(ws.run({"mission", "add", "acme/logo", "--fixed", "800"}).code == 0);
    REQUIRE(ws.run({"mission", "done", "acme/logo"}).code == 0);
    auto unbilled = [&] { return ws.run({"mission", "show", "acme/logo", "--template", "{unbilled.amount}"}).out; };
    CHECK(unbilled() == "800.00\n");
    REQUIRE(ws.run({"invoice", "new", "acme"}).out == "1\n");
    CHECK(unbilled() == "0.00\n");
    REQUIRE(ws.run({"invoice", "issue", "1"}).out == "2026-0001\n");
    CHECK(unbilled() == "0.00\n");
    REQUIRE(ws.run({"invoice", "credit", "2026-0001"}).out == "AV2026-0001\n");
    CHECK(unbilled() == "800.00\n");
}

TEST_CASE("cli/mission URSSAF activity: set on add and edit, shown, default or empty clears, unknown refused") {
    Workspace ws;
    add_clients(ws);
    CHECK(ok(ws, {"mission", "add", "acme/shop", "--fixed", "900", "--activity", "bic-sales"}) == "acme/shop\n");
    ok(ws, {"mission", "add", "acme/website"});
    const std::vector<std::string> activities = {"mission", "list", "acme", "--template", "{mission}|{activity}"};
    // null: the [urssaf] activity of the config applies.
    CHECK(ok(ws, activities) == "acme/shop|bic-sales\nacme/website|\n");
    CHECK(ok(ws, {"mission", "show", "acme/shop", "--json"}).find(R"("vat_rate":null,"activity":"bic-sales",)"
                                                                    R"("budget":null,)") != std::string::npos);
    CHECK(ok(ws, {"mission", "show", "acme/website", "--json"}).find(R"("vat_rate":null,"activity":null,)") !=
          std::string::npos);

    ok(ws, {"mission", "edit", "acme/website", "--activity", "bic-services"});
    CHECK(ok(ws, activities) == "acme/shop|bic-sales\nacme/website|bic-services\n");
    // Other edits keep it.
    ok(ws, {"mission", "edit", "acme/website", "--title", "Site"});
    CHECK(ok(ws, activities) == "acme/shop|bic-sales\nacme/website|bic-services\n");
    ok(ws, {"mission", "edit", "acme/website", "--activity", "default"});
    ok(ws, {"mission", "edit", "acme/shop", "--activity", ""});
    CHECK(ok(ws, activities) == "acme/shop|\nacme/website|\n");

    ok(ws, {"mission", "edit", "acme/shop", "--activity", "bnc"});
    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    CHECK(ok(ws, {"mission", "show", "acme/shop"}).find("VAT rate (%):  \nActivity:      bnc\nBudget:") !=
          std::string::npos);
    ws.env.stdout_is_tty = false;

    for (const char* verb : {"add", "edit"}) {
        CAPTURE(verb);
        const std::string address = std::string(verb) == "add" ? "acme/new" : "acme/website";
        for (const char* bad : {"bic", "BNC", "services", "liberal"}) {
            expect_refusal(ws, {"mission", verb, address, "--activity", bad}, 2,
                           "invalid --activity \"" + std::string(bad) + "\": use bnc, bic-services or bic-sales");
        }
    }
}
