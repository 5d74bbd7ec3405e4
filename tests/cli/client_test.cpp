#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::Workspace;

namespace {

const char* kAcmeJson =
    R"({"handle":"acme","name":"ACME SAS","kind":"business","address":["1 rue X","75002 Paris"],"country":"FR",)"
    R"("siren":"552100554","siret":null,"vat_id":"FR40303265045","email":"ap@acme.example","currency":"EUR",)"
    R"("terms_days":30,"language":"fr","vat_regime":null,"vat_rate":null,"rate_mode":"hourly",)"
    R"("rate":{"amount":"65.00","currency":"EUR"},"rounding_seconds":null,"rounding_mode":null,"notes":null,)"
    R"("archived":false,"archived_at":null,"created_at":"2026-11-28T10:00:00+00:00",)"
    R"("updated_at":"2026-11-28T10:00:00+00:00"})";

void add_acme(Workspace& ws) {
    auto r = ws.run({"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address",
                     "75002 Paris", "--country", "fr", "--siren", "552 100 554", "--vat-id", "fr40303265045",
                     "--email", "ap@acme.example", "--currency", "eur", "--terms", "30", "--language", "FR",
                     "--hourly", "65"});
    REQUIRE(r.err == "");
    REQUIRE(r.code == 0);
    REQUIRE(r.out == "acme\n");
}

// Runs SQL on the workspace's database, as another program (or a later verb) would write
// rows that the client commands must respect.
void exec_sql(Workspace& ws, const std::string& sql) {
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec(sql);
}

void add_beta(Workspace& ws) {
    auto r = ws.run({"client", "add", "beta", "--name", "Beta Ltd", "--country", "GB", "--currency", "GBP",
                     "--daily", "450.5", "--language", "en", "--kind", "business"});
    REQUIRE(r.code == 0);
}

}  // namespace

TEST_CASE("cli/client add stores every field, normalised, and prints the handle") {
    Workspace ws;
    add_acme(ws);
    auto r = ws.run({"client", "show", "acme", "--json"});
    CHECK(r.code == 0);
    CHECK(r.out == std::string(kAcmeJson) + "\n");
}

TEST_CASE("cli/client list formats: json, csv, tsv, template, quiet, piped table") {
    Workspace ws;
    add_acme(ws);
    add_beta(ws);

    SUBCASE("json is one array with every field") {
        auto r = ws.run({"client", "list", "--json"});
        CHECK(r.code == 0);
        CHECK(r.out.rfind("[\n" + std::string(kAcmeJson) + ",\n{\"handle\":\"beta\"", 0) == 0);
        CHECK(r.out.find(R"("rate":{"amount":"450.50","currency":"GBP"})") != std::string::npos);
        CHECK(r.out.substr(r.out.size() - 4) == std::string("}\n]\n"));
    }
    SUBCASE("csv has a header and flattens objects") {
        auto r = ws.run({"client", "list", "--csv"});
        CHECK(r.out ==
              "handle,name,kind,address,country,siren,siret,vat_id,email,currency,terms_days,language,vat_regime,"
              "vat_rate,rate_mode,rate.amount,rate.currency,rounding_seconds,rounding_mode,notes,archived,"
              "archived_at,created_at,updated_at\r\n"
              "acme,ACME SAS,business,1 rue X; 75002 Paris,FR,552100554,,FR40303265045,ap@acme.example,EUR,30,fr,"
              ",,hourly,65.00,EUR,,,,false,,2026-11-28T10:00:00+00:00,2026-11-28T10:00:00+00:00\r\n"
              "beta,Beta Ltd,business,,GB,,,,,GBP,,en,,,daily,450.50,GBP,,,,false,,2026-11-28T10:00:00+00:00,"
              "2026-11-28T10:00:00+00:00\r\n");
    }
    SUBCASE("tsv has a header") {
        auto r = ws.run({"client", "list", "--tsv"});
        CHECK(r.out.rfind("handle\tname\tkind\taddress\t", 0) == 0);
        CHECK(r.out.find("\nbeta\tBeta Ltd\tbusiness\t\tGB\t") != std::string::npos);
    }
    SUBCASE("template renders each row with escapes and nested fields") {
        auto r = ws.run({"client", "list", "--template", "{handle}\\t{rate.amount} {rate}"});
        CHECK(r.out == "acme\t65.00 65.00 EUR\nbeta\t450.50 450.50 GBP\n");
    }
    SUBCASE("-q prints handles only") {
        auto r = ws.run({"client", "list", "-q"});
        CHECK(r.out == "acme\nbeta\n");
    }
    SUBCASE("piped default: table columns, tab-separated, no header, no escape codes") {
        auto r = ws.run({"client", "list"});
        CHECK(r.out ==
              "acme\tACME SAS\tFR\tEUR\thourly\t65.00 EUR\tap@acme.example\n"
              "beta\tBeta Ltd\tGB\tGBP\tdaily\t450.50 GBP\t\n");
    }
    SUBCASE("terminal: aligned table with a bold header, no colour with NO_COLOR") {
        ws.env.stdout_is_tty = true;
        auto r = ws.run({"client", "list"});
        CHECK(r.out ==
              "\033[1mHANDLE  NAME      COUNTRY  CURRENCY  BILLING        RATE  EMAIL\033[0m\n"
              "acme    ACME SAS  FR       EUR       hourly    65.00 EUR  ap@acme.example\n"
              "beta    Beta Ltd  GB       GBP       daily    450.50 GBP\n");
        ws.env.variables["NO_COLOR"] = "1";
        r = ws.run({"client", "list"});
        CHECK(r.out.rfind("HANDLE  NAME", 0) == 0);
        CHECK(r.out.find('\033') == std::string::npos);
        ws.env.variables.erase("NO_COLOR");
        r = ws.run({"client", "list", "--no-color"});
        CHECK(r.out.find('\033') == std::string::npos);
    }
    SUBCASE("output flags exclude each other") {
        auto r = ws.run({"client", "list", "--json", "--csv"});
        CHECK(r.code == 2);
        CHECK(r.err.rfind("slash: error: --json excludes --csv", 0) == 0);
    }
}

TEST_CASE("cli/client list on an empty database") {
    Workspace ws;
    CHECK(ws.run({"client", "list"}).out == "");
    CHECK(ws.run({"client", "list", "--json"}).out == "[]\n");
    CHECK(ws.run({"client", "list", "--csv"}).out.rfind("handle,name,kind,address,", 0) == 0);
    auto r = ws.run({"client", "list", "--template", "{nope}"});
    CHECK(r.code == 2);
    CHECK(r.err.rfind("slash: error: unknown field \"nope\" in --template; fields: handle, name,", 0) == 0);
}

TEST_CASE("cli/client csv guards against spreadsheet formulas") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "evil", "--name", "=HYPERLINK(\"x\")", "--notes", "@SUM(1,2)"}).code == 0);
    auto r = ws.run({"client", "list", "--csv"});
    CHECK(r.out.find("evil,\"'=HYPERLINK(\"\"x\"\")\",business") != std::string::npos);
    CHECK(r.out.find(",\"'@SUM(1,2)\",false") != std::string::npos);
}

TEST_CASE("cli/client show on a terminal and piped") {
    Workspace ws;
    add_acme(ws);
    auto piped = ws.run({"client", "show", "acme"});
    CHECK(piped.out.rfind("handle\tacme\nname\tACME SAS\nkind\tbusiness\naddress\t1 rue X; 75002 Paris\n", 0) == 0);
    CHECK(piped.out.find("rate.amount\t65.00\nrate.currency\tEUR\n") != std::string::npos);
    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    auto tty = ws.run({"client", "show", "acme"});
    CHECK(tty.out.rfind("Handle:         acme\nName:           ACME SAS\n", 0) == 0);
    CHECK(tty.out.find("Rate:           65.00 EUR\n") != std::string::npos);
}

TEST_CASE("cli/client edit changes only what is given, empty clears") {
    Workspace ws;
    add_acme(ws);
    ws.env.variables["SLASH_NOW"] = "2026-11-29T08:00:00+00:00";
    auto r = ws.run({"client", "edit", "acme", "--vat-id", "", "--daily", "500", "--notes", "VIP"});
    CHECK(r.code == 0);
    CHECK(r.out == "acme\n");
    auto shown = ws.run({"client", "show", "acme", "--json"}).out;
    CHECK(shown.find(R"("vat_id":null)") != std::string::npos);
    CHECK(shown.find(R"("rate_mode":"daily","rate":{"amount":"500.00","currency":"EUR"},"rounding_seconds":null,)"
                     R"("rounding_mode":null,"notes":"VIP")") !=
          std::string::npos);
    CHECK(shown.find(R"("name":"ACME SAS")") != std::string::npos);
    CHECK(shown.find(R"("created_at":"2026-11-28T10:00:00+00:00","updated_at":"2026-11-29T08:00:00+00:00")") !=
          std::string::npos);

    r = ws.run({"client", "edit", "acme", "--no-rate", "--rename", "acme-corp"});
    CHECK(r.out == "acme-corp\n");
    shown = ws.run({"client", "show", "acme-corp", "--json"}).out;
    CHECK(shown.find(R"("rate_mode":null,"rate":null)") != std::string::npos);
    CHECK(ws.run({"client", "show", "acme"}).code == 3);
}

TEST_CASE("cli/client archive hides from list, unarchive brings back") {
    Workspace ws;
    add_acme(ws);
    add_beta(ws);
    CHECK(ws.run({"client", "archive", "beta"}).out == "beta\n");
    CHECK(ws.run({"client", "list", "-q"}).out == "acme\n");
    CHECK(ws.run({"client", "list", "-q", "--all"}).out == "acme\nbeta\n");
    CHECK(ws.run({"client", "show", "beta", "--json"}).out.find(R"("archived":true,"archived_at":"2026-11-28T10:00:00+00:00")") !=
          std::string::npos);
    expect_refusal(ws, {"client", "archive", "beta"}, 1, "client \"beta\" is already archived");
    CHECK(ws.run({"client", "unarchive", "beta"}).out == "beta\n");
    CHECK(ws.run({"client", "list", "-q"}).out == "acme\nbeta\n");
    expect_refusal(ws, {"client", "unarchive", "beta"}, 1, "client \"beta\" is already active (not archived)");
}

TEST_CASE("cli/client rm deletes a client without history") {
    Workspace ws;
    add_acme(ws);
    auto r = ws.run({"client", "rm", "acme"});
    CHECK(r.code == 0);
    CHECK(r.out == "acme\n");
    CHECK(ws.run({"client", "list", "-q", "--all"}).out == "");
    expect_refusal(ws, {"client", "rm", "acme"}, 3, "unknown client \"acme\"; see \"slash client list --all\"");
}

TEST_CASE("cli/client refusals: exit code, one line, data unchanged") {
    Workspace ws;
    add_acme(ws);
    expect_refusal(ws, {"client", "add", "acme", "--name", "Again"}, 4,
                   "client \"acme\" already exists; choose another handle or edit it with \"slash client edit acme\"");
    add_beta(ws);
    expect_refusal(ws, {"client", "edit", "beta", "--rename", "acme"}, 4,
                   "client \"acme\" already exists; choose another handle or edit it with \"slash client edit acme\"");
    expect_refusal(ws, {"client", "show", "acm"}, 3, "unknown client \"acm\" (did you mean \"acme\"?)");
    expect_refusal(ws, {"client", "add", "Acme", "--name", "X"}, 2,
                   "invalid client handle \"Acme\": use 1-32 lower-case letters, digits, '.', '_' or '-', starting "
                   "with a letter or digit");
    expect_refusal(ws, {"client", "add", "new", "--email", "x@y.z"}, 2,
                   "client \"new\" needs a legal name: add --name \"...\"");
    expect_refusal(ws, {"client", "add", "new", "--name", "N", "--siren", "123456789"}, 2,
                   "invalid SIREN \"123456789\": the check digit is wrong (Luhn); check the number on the "
                   "client's invoices or on annuaire-entreprises.data.gouv.fr");
    expect_refusal(ws, {"client", "add", "new", "--name", "N", "--currency", "EUX"}, 2,
                   "unknown currency \"EUX\": use an ISO 4217 code such as EUR, USD, GBP");
    expect_refusal(ws, {"client", "add", "new", "--name", "N", "--hourly", "65", "--daily", "400"}, 2,
                   "give either --hourly or --daily, not both");
    expect_refusal(ws, {"client", "add", "new", "--name", "N", "--hourly", "-5"}, 2,
                   "invalid --hourly rate \"-5\": a rate cannot be negative");
    expect_refusal(ws, {"client", "add", "new", "--name", "N", "--terms", "400"}, 2,
                   "invalid --terms \"400\": use a number of days from 0 to 365");
    expect_refusal(ws, {"client", "add", "new", "--name", "N", "--kind", "person"}, 2,
                   "invalid --kind \"person\": use business or individual");
    expect_refusal(ws, {"client", "add", "new", "--name", "Line\nbreak"}, 2,
                   "invalid --name \"Line\\x0abreak\": it must be one line without control characters");
    expect_refusal(ws, {"client", "edit", "acme", "--currency", "JPY"}, 2,
                   "changing the currency of \"acme\" to JPY needs its rate in JPY; give it again with --hourly or "
                   "--daily (or --no-rate)");
    expect_refusal(ws, {"client", "add", "new", "--name", "N", "--siret", "552100554"}, 2,
                   "invalid --siret \"552100554\": a SIRET has 14 digits; give a 9-digit SIREN with --siren");
    expect_refusal(ws, {"client", "add", "new", "--name", "N", "--siren", "552100554", "--siret", "73282932000074"}, 2,
                   "give either --siren or --siret, not both (a SIRET contains the SIREN)");
    expect_refusal(ws, {"client", "add", "new", "--name", "Caf\xe9"}, 2,
                   "invalid --name \"Caf\xe9\": it is not valid UTF-8");
    expect_refusal(ws, {"client", "add", "new", "--name", "N", "--notes", "\x1b[31mred"}, 2,
                   "invalid --notes \"\\x1b[31mred\": control characters are not allowed");
    REQUIRE(ws.run({"client", "add", "multi", "--name", "N", "--notes", "line one\nline two"}).code == 0);
    REQUIRE(ws.run({"client", "add", "withmission", "--name", "W", "--hourly", "10"}).code == 0);
    REQUIRE(ws.run({"mission", "add", "withmission/site"}).code == 0);
    expect_refusal(ws, {"client", "edit", "withmission", "--currency", "USD", "--hourly", "12"}, 4,
                   "client \"withmission\" has 1 mission priced in EUR; its currency cannot change under them (add "
                   "a new client for work in USD)");
}

TEST_CASE("cli/client refusals from the validators name the value") {
    Workspace ws;
    REQUIRE(ws.run({"client", "list"}).code == 0);
    struct Case {
        std::vector<std::string> flag;
        std::string needle;
    };
    for (const auto& c : std::vector<Case>{{{"--vat-id", "FR00303265045"}, "\"FR00303265045\""},
                                           {{"--email", "not-an-email"}, "\"not-an-email\""},
                                           {{"--country", "XX"}, "\"XX\""},
                                           {{"--language", "de"}, "\"de\""},
                                           {{"--siret", "73282932000075"}, "\"73282932000075\""},
                                           {{"--hourly", "12.345"}, "\"12.345\""}}) {
        std::vector<std::string> args = {"client", "add", "new", "--name", "N"};
        args.insert(args.end(), c.flag.begin(), c.flag.end());
        std::string before = ws.dump();
        auto r = ws.run(args);
        CAPTURE(c.flag[0]);
        CHECK(r.code == 2);
        CHECK(r.err.rfind("slash: error: ", 0) == 0);
        CHECK(r.err.find(c.needle) != std::string::npos);
        CHECK(r.err.find('\n') == r.err.size() - 1);
        CHECK(ws.dump() == before);
    }
}

TEST_CASE("cli/client flat formats keep their columns whatever the first row holds") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "aaa", "--name", "No rate"}).code == 0);
    add_acme(ws);
    auto csv = ws.run({"client", "list", "--csv"}).out;
    CHECK(csv.rfind("handle,name,kind,address,country,siren,siret,vat_id,email,currency,terms_days,language,"
                    "vat_regime,vat_rate,rate_mode,rate.amount,rate.currency,rounding_seconds,rounding_mode,notes,",
                    0) == 0);
    CHECK(csv.find("\r\nacme,ACME SAS,business,1 rue X; 75002 Paris,FR,552100554,,FR40303265045,ap@acme.example,EUR,30,"
                   "fr,,,hourly,65.00,EUR,") != std::string::npos);
    auto templ = ws.run({"client", "list", "--template", "{handle}:{rate.amount}:{rate}"});
    CHECK(templ.code == 0);
    CHECK(templ.out == "aaa::\nacme:65.00:65.00 EUR\n");
    CHECK(ws.run({"client", "show", "aaa"}).out.find("rate.amount\t\nrate.currency\t\n") != std::string::npos);
}

TEST_CASE("cli/client edit: an empty --terms or --language returns to the config default") {
    Workspace ws;
    add_acme(ws);
    REQUIRE(ws.run({"client", "edit", "acme", "--terms", "", "--language", ""}).code == 0);
    auto shown = ws.run({"client", "show", "acme", "--json"}).out;
    CHECK(shown.find(R"("terms_days":null,"language":null)") != std::string::npos);
    REQUIRE(ws.run({"client", "edit", "acme", "--terms", "0"}).code == 0);
    CHECK(ws.run({"client", "show", "acme", "--template", "{terms_days}"}).out == "0\n");
    expect_refusal(ws, {"client", "edit", "acme", "--terms", "30d"}, 2,
                   "invalid --terms \"30d\": use a number of days from 0 to 365");
    expect_refusal(ws, {"client", "edit", "acme"}, 2,
                   "nothing to change for client \"acme\": give at least one flag, see \"slash client edit --help\"");
}

TEST_CASE("cli/client [display] color: always colours a pipe, never keeps a terminal plain") {
    Workspace ws;
    add_acme(ws);
    REQUIRE(ws.run({"config", "set", "display.color", "always"}).code == 0);
    auto r = ws.run({"client", "list"});
    CHECK(r.out.rfind("\033[1mHANDLE  NAME", 0) == 0);
    CHECK(ws.run({"client", "list", "--no-color"}).out.rfind("acme\tACME SAS\t", 0) == 0);
    REQUIRE(ws.run({"config", "set", "display.color", "never"}).code == 0);
    ws.env.stdout_is_tty = true;
    CHECK(ws.run({"client", "list"}).out.rfind("HANDLE  NAME", 0) == 0);
}

TEST_CASE("cli/client list --json | jq round-trips every field, with the real binary") {
    if (!slash::testing::have_program("jq")) {
        MESSAGE("skipped: install jq (Debian package jq)");
        return;
    }
    Workspace ws;
    add_acme(ws);
    add_beta(ws);
    REQUIRE(ws.run({"client", "archive", "beta"}).code == 0);
    // jq re-serialises every value: identical compact rows mean every field is valid JSON
    // of a stable type, and `.rate.amount` shows money stays a string.
    auto r = ws.shell("\"$SLASH\" client list --all --json | jq -c '.[]'");
    CHECK(r.code == 0);
    std::string expected;
    for (const auto& handle : {"acme", "beta"}) expected += ws.run({"client", "show", handle, "--json"}).out;
    CHECK(r.out == expected);
    auto types = ws.shell("\"$SLASH\" client list --all --json | jq -r '.[0] | [(.rate.amount|type), "
                          "(.terms_days|type), (.archived|type), (.address|type)] | join(\" \")'");
    CHECK(types.out == "string number boolean array\n");
}

TEST_CASE("cli/client VAT and rounding overrides: set on add and edit, read back, empty clears") {
    Workspace ws;
    add_acme(ws);
    const std::vector<std::string> fields = {
        "client", "show", "acme", "--template", "{vat_regime}|{vat_rate}|{rounding_seconds}|{rounding_mode}"};
    CHECK(ws.run(fields).out == "|||\n");

    auto r = ws.run({"client", "edit", "acme", "--vat-regime", "standard", "--vat-rate", "5.5", "--rounding", "30m",
                     "--rounding-mode", "nearest"});
    CHECK(r.err == "");
    CHECK(r.code == 0);
    CHECK(r.out == "acme\n");
    auto shown = ws.run({"client", "show", "acme", "--json"}).out;
    CHECK(shown.find(R"("language":"fr","vat_regime":"standard","vat_rate":"5.5","rate_mode":"hourly",)"
                     R"("rate":{"amount":"65.00","currency":"EUR"},"rounding_seconds":1800,"rounding_mode":"nearest",)"
                     R"("notes":null)") != std::string::npos);

    // One flag at a time leaves the others as they are.
    REQUIRE(ws.run({"client", "edit", "acme", "--vat-rate", "20"}).code == 0);
    CHECK(ws.run(fields).out == "standard|20|1800|nearest\n");
    REQUIRE(ws.run({"client", "edit", "acme", "--vat-rate", "2.125", "--rounding", "1h30"}).code == 0);
    CHECK(ws.run(fields).out == "standard|2.125|5400|nearest\n");
    REQUIRE(ws.run({"client", "edit", "acme", "--rounding", "24h", "--rounding-mode", "down"}).code == 0);
    CHECK(ws.run(fields).out == "standard|2.125|86400|down\n");
    // "0" is an explicit "no rounding", not the config default.
    REQUIRE(ws.run({"client", "edit", "acme", "--rounding", "0", "--rounding-mode", "up"}).code == 0);
    CHECK(ws.run(fields).out == "standard|2.125|0|up\n");
    REQUIRE(ws.run({"client", "edit", "acme", "--vat-regime", "reverse-charge", "--vat-rate", "0"}).code == 0);
    CHECK(ws.run(fields).out == "reverse-charge|0|0|up\n");

    // An empty value returns each one to the config default (null).
    REQUIRE(ws.run({"client", "edit", "acme", "--vat-regime", "", "--vat-rate", "", "--rounding", "",
                    "--rounding-mode", ""})
                .code == 0);
    shown = ws.run({"client", "show", "acme", "--json"}).out;
    CHECK(shown == std::string(kAcmeJson) + "\n");

    r = ws.run({"client", "add", "beta", "--name", "Beta Ltd", "--country", "GB", "--vat-regime", "export",
                "--rounding", "PT6M", "--rounding-mode", "down"});
    CHECK(r.err == "");
    CHECK(r.code == 0);
    CHECK(ws.run({"client", "show", "beta", "--json"}).out.find(
              R"("language":null,"vat_regime":"export","vat_rate":null,"rate_mode":null,"rate":null,)"
              R"("rounding_seconds":360,"rounding_mode":"down","notes":null)") != std::string::npos);
    CHECK(ws.run({"client", "list", "--csv"}).out.find(
              "\r\nbeta,Beta Ltd,business,,GB,,,,,EUR,,,export,,,,,360,down,,false,") != std::string::npos);
}

TEST_CASE("cli/client show labels the VAT and rounding overrides on a terminal") {
    Workspace ws;
    add_acme(ws);
    REQUIRE(ws.run({"client", "edit", "acme", "--vat-regime", "standard", "--vat-rate", "5.5", "--rounding", "15m",
                    "--rounding-mode", "nearest"})
                .code == 0);
    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    auto tty = ws.run({"client", "show", "acme"}).out;
    CHECK(tty.find("Language:       fr\nVAT regime:     standard\nVAT rate (%):   5.5\nBilling:        hourly\n"
                   "Rate:           65.00 EUR\nRounding:       15m\nRounding mode:  nearest\nNotes:          \n") !=
          std::string::npos);
    REQUIRE(ws.run({"client", "edit", "acme", "--rounding", "0"}).code == 0);
    CHECK(ws.run({"client", "show", "acme"}).out.find("Rounding:       none\n") != std::string::npos);
    REQUIRE(ws.run({"client", "edit", "acme", "--rounding", ""}).code == 0);
    CHECK(ws.run({"client", "show", "acme"}).out.find("Rounding:       \n") != std::string::npos);
    // Piped, the lines are the JSON fields: seconds, not the display text.
    ws.env.stdout_is_tty = false;
    REQUIRE(ws.run({"client", "edit", "acme", "--rounding", "15m"}).code == 0);
    auto piped = ws.run({"client", "show", "acme"}).out;
    CHECK(piped.find("vat_regime\tstandard\nvat_rate\t5.5\n") != std::string::npos);
    CHECK(piped.find("rounding_seconds\t900\nrounding_mode\tnearest\n") != std::string::npos);
    CHECK(piped.find("rounding_text") == std::string::npos);
}

TEST_CASE("cli/client VAT and rounding refusals: exit 2, one line, data unchanged") {
    Workspace ws;
    add_acme(ws);
    for (const char* verb : {"add", "edit"}) {
        CAPTURE(verb);
        std::vector<std::string> base = {"client", verb, std::string(verb) == "add" ? "new" : "acme"};
        if (std::string(verb) == "add") base.insert(base.end(), {"--name", "N"});
        auto with = [&base](std::vector<std::string> flags) {
            std::vector<std::string> args = base;
            args.insert(args.end(), flags.begin(), flags.end());
            return args;
        };
        expect_refusal(ws, with({"--vat-regime", "vat"}), 2,
                       "invalid --vat-regime \"vat\": use franchise, standard, reverse-charge or export");
        expect_refusal(ws, with({"--vat-regime", "Standard"}), 2,
                       "invalid --vat-regime \"Standard\": use franchise, standard, reverse-charge or export");
        expect_refusal(ws, with({"--vat-rate", "5,5"}), 2,
                       "invalid VAT rate \"5,5\": use a percentage such as \"20\" or \"5.5\"");
        expect_refusal(ws, with({"--vat-rate", "20%"}), 2,
                       "invalid VAT rate \"20%\": use a percentage such as \"20\" or \"5.5\"");
        expect_refusal(ws, with({"--vat-rate", "150"}), 2, "invalid VAT rate \"150\": it is over 100 %");
        expect_refusal(ws, with({"--vat-rate", "-5"}), 2, "invalid VAT rate \"-5\": it cannot be negative");
        expect_refusal(ws, with({"--vat-rate", "5.1234"}), 2, "invalid VAT rate \"5.1234\": use at most 3 decimals");
        expect_refusal(ws, with({"--vat-regime", "standard", "--vat-rate", "0"}), 2,
                       std::string("client \"") + (std::string(verb) == "add" ? "new" : "acme") +
                           "\" cannot have a standard VAT rate of 0 %: give --vat-rate above 0, or --vat-regime "
                           "franchise, reverse-charge or export");
        const std::string rounding_rule = ": use a duration from 1s to 24h such as 15m or 1h, or 0 for none";
        expect_refusal(ws, with({"--rounding", "15"}), 2, "invalid --rounding \"15\"" + rounding_rule);
        expect_refusal(ws, with({"--rounding", "25h"}), 2, "invalid --rounding \"25h\"" + rounding_rule);
        expect_refusal(ws, with({"--rounding", "24h01m"}), 2, "invalid --rounding \"24h01m\"" + rounding_rule);
        expect_refusal(ws, with({"--rounding", "-15m"}), 2, "invalid --rounding \"-15m\"" + rounding_rule);
        expect_refusal(ws, with({"--rounding", "1mo"}), 2, "invalid --rounding \"1mo\"" + rounding_rule);
        expect_refusal(ws, with({"--rounding-mode", "ceil"}), 2,
                       "invalid --rounding-mode \"ceil\": use up, nearest or down");
        expect_refusal(ws, with({"--rounding-mode", "UP"}), 2,
                       "invalid --rounding-mode \"UP\": use up, nearest or down");
    }
    // The rule holds on the result of an edit, whichever flag brings it.
    REQUIRE(ws.run({"client", "edit", "acme", "--vat-rate", "0"}).code == 0);
    expect_refusal(ws, {"client", "edit", "acme", "--vat-regime", "standard"}, 2,
                   "client \"acme\" cannot have a standard VAT rate of 0 %: give --vat-rate above 0, or "
                   "--vat-regime franchise, reverse-charge or export");
    CHECK(ws.run({"client", "edit", "acme", "--vat-regime", "standard", "--vat-rate", "10"}).code == 0);
}

TEST_CASE("cli/client rm refuses a client with invoices or payments, suggesting archive") {
    Workspace ws;
    add_acme(ws);
    add_beta(ws);
    exec_sql(ws, "INSERT INTO payments (client_id, paid_on, amount_minor, currency, method, created_at) "
                 "SELECT id, '2026-11-20', 12000, 'EUR', 'platform', 0 FROM clients WHERE handle = 'acme'");
    expect_refusal(ws, {"client", "rm", "acme"}, 4,
                   "client \"acme\" still has 1 payment; archive it instead: slash client archive acme");
    exec_sql(ws, "INSERT INTO invoices (client_id, period_from, period_to, currency, language, vat_regime, created_at, "
                 "updated_at) SELECT id, '2026-11-01', '2026-11-30', 'GBP', 'en', 'export', 0, 0 FROM clients "
                 "WHERE handle = 'beta'");
    expect_refusal(ws, {"client", "rm", "beta"}, 4,
                   "client \"beta\" still has 1 invoice; archive it instead: slash client archive beta");
    exec_sql(ws, "INSERT INTO invoices (client_id, period_from, period_to, currency, language, vat_regime, created_at, "
                 "updated_at) SELECT id, '2026-10-01', '2026-10-31', 'EUR', 'fr', 'franchise', 0, 0 FROM clients "
                 "WHERE handle = 'acme'");
    exec_sql(ws, "INSERT INTO payments (client_id, paid_on, amount_minor, currency, method, created_at) "
                 "SELECT id, '2026-11-21', 500, 'EUR', 'transfer', 0 FROM clients WHERE handle = 'acme'");
    REQUIRE(ws.run({"mission", "add", "acme/site"}).code == 0);
    expect_refusal(ws, {"client", "rm", "acme"}, 4,
                   "client \"acme\" still has 1 mission, 1 invoice and 2 payments; archive it instead: slash client "
                   "archive acme");
    CHECK(ws.run({"client", "archive", "acme"}).out == "acme\n");
}
