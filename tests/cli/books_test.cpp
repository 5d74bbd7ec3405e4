#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
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

// The books (issue 6): `slash receipts [YEAR]`, the livre des recettes, and `slash revenue
// [YEAR] [--by client]`. Every expected figure is worked out by hand in the comments, or, for
// the generated history, by the test's own model of what it recorded. Now is
// 2026-11-28T10:00Z (UTC): November is the current month, December is in the future.

namespace {

// The seller; acme (EUR, 65.00 an hour, business), beta (EUR, 50.00, a private person) and
// brit (GBP, 80.00), each with one mission. Invoices are due 30 days after their date.
void three_clients(Workspace& ws) {
    init_seller(ws);
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address", "75002 Paris",
            "--siren", "552100554", "--hourly", "65"});
    ok(ws, {"client", "add", "beta", "--name", "Béatrice Durand", "--kind", "individual", "--address",
            "3 place Y", "--address", "69001 Lyon", "--email", "beatrice@example.org", "--hourly", "50"});
    ok(ws, {"client", "add", "brit", "--name", "Brit Ltd", "--address", "10 Downing St", "--address", "London",
            "--country", "GB", "--email", "ap@brit.example", "--language", "en", "--currency", "GBP", "--hourly",
            "80"});
    ok(ws, {"mission", "add", "acme/web", "--title", "Website"});
    ok(ws, {"mission", "add", "beta/site", "--title", "Site"});
    ok(ws, {"mission", "add", "brit/app", "--title", "App"});
}

// Logs `range` on `day` for `mission`, drafts the client's invoice of that month and issues it
// on `issued`; returns its number.
std::string invoice(Workspace& ws, const std::string& mission, const std::string& range, const std::string& day,
                    const std::string& issued) {
    run_ok(ws, {"log", mission, range, "--on", day});
    auto id = run_ok(ws, {"invoice", "new", mission.substr(0, mission.find('/')), day.substr(0, 7)});
    id.pop_back();
    auto number = run_ok(ws, {"invoice", "issue", id, "--date", issued});
    number.pop_back();
    return number;
}

// The worked example. Invoices (franchise: no VAT, total = hours × rate; due 30 days later):
//   2025-0001 acme 2 h × 65 = 130.00 EUR, 2025-12-15, due 2026-01-14
//   2026-0001 acme 4 h × 65 = 260.00 EUR, 2026-01-31, due 2026-03-02
//   2026-0002 beta 8 h × 50 = 400.00 EUR, 2026-02-28, due 2026-03-30, cancelled 2026-04-10 by AV2026-0001
//   2026-0003 brit 5 h × 80 = 400.00 GBP, 2026-03-31
//   2026-0004 acme 10 h × 65 = 650.00 EUR, 2026-05-31, due 2026-06-30
//   2026-0005 brit 2 h × 80 = 160.00 GBP, 2026-06-30
//   2026-0006 beta 3 h × 50 = 150.00 EUR, 2026-10-31, due 2026-11-30
// Payments, by id (recorded out of date order on purpose):
//   1 beta 80.00 EUR 2026-09-12 platform, no invoice, "Malt payout"
//   2 acme 130.00 EUR 2026-01-20 (2025-0001, paid in full)
//   3 acme 100.00 EUR 2026-02-10 (2026-0001, partly)
//   4 acme 160.00 EUR 2026-03-15 check (2026-0001, the rest)
//   5 brit 400.00 GBP 2026-04-20, 465.20 EUR received (2026-0003)
//   6 acme 250.00 EUR 2026-07-01 (2026-0004, partly: 400.00 left, overdue since 2026-06-30)
//   7 brit 160.00 GBP 2026-08-05, no EUR amount (2026-0005)
void worked_example(Workspace& ws) {
    three_clients(ws);
    REQUIRE(invoice(ws, "acme/web", "9:00-11:00", "2025-12-01", "2025-12-15") == "2025-0001");
    REQUIRE(invoice(ws, "acme/web", "9:00-13:00", "2026-01-05", "2026-01-31") == "2026-0001");
    REQUIRE(invoice(ws, "beta/site", "9:00-17:00", "2026-02-03", "2026-02-28") == "2026-0002");
    REQUIRE(invoice(ws, "brit/app", "10:00-15:00", "2026-03-02", "2026-03-31") == "2026-0003");
    REQUIRE(invoice(ws, "acme/web", "9:00-19:00", "2026-05-04", "2026-05-31") == "2026-0004");
    REQUIRE(invoice(ws, "brit/app", "9:00-11:00", "2026-06-01", "2026-06-30") == "2026-0005");
    REQUIRE(invoice(ws, "beta/site", "9:00-12:00", "2026-10-05", "2026-10-31") == "2026-0006");
    REQUIRE(run_ok(ws, {"invoice", "credit", "2026-0002", "--reason", "erreur", "--date", "2026-04-10"}) ==
            "AV2026-0001\n");
    REQUIRE(ok(ws, {"payment", "add", "--client", "beta", "--amount", "80", "--on", "2026-09-12", "--note",
                    "Malt payout"}) == "1\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2025-0001", "--on", "2026-01-20"}) == "2\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0001", "--amount", "100", "--on", "2026-02-10"}) == "3\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0001", "--on", "2026-03-15", "--method", "check"}) == "4\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0003", "--on", "2026-04-20", "--eur", "465.20"}) == "5\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0004", "--amount", "250", "--on", "2026-07-01"}) == "6\n");
    REQUIRE(run_ok(ws, {"invoice", "pay", "2026-0005", "--on", "2026-08-05"}) == "7\n");
}

const std::string kMissingEur =
    "slash: warning: 1 payment in another currency has no EUR amount: see slash payment list\n";
const std::string kForeignInvoices =
    "slash: warning: 2 invoices in other currencies are left out of the EUR columns\n";

std::string eur(const std::string& amount) { return R"({"amount":")" + amount + R"(","currency":"EUR"})"; }

}  // namespace

TEST_CASE("cli/books receipts: every payment of the year by date, the EUR total, the missing EUR said") {
    Workspace ws;
    worked_example(ws);

    // TOTAL = 130.00 + 100.00 + 160.00 + 465.20 + 250.00 + 80.00 = 1185.20; payment 7 has no EUR.
    SUBCASE("terminal: the journal and its TOTAL row") {
        ws.env.stdout_is_tty = true;
        ws.env.variables["NO_COLOR"] = "1";
        auto r = ws.run({"receipts"});
        CHECK(r.code == 0);
        CHECK(r.out ==
              "DATE        CLIENT  NAME             INVOICE    NATURE                             AMOUNT          EUR"
              "  METHOD    NOTE\n"
              "2026-01-20  acme    ACME SAS         2025-0001  prestations de services (BNC)  130.00 EUR   130.00 EUR"
              "  transfer\n"
              "2026-02-10  acme    ACME SAS         2026-0001  prestations de services (BNC)  100.00 EUR   100.00 EUR"
              "  transfer\n"
              "2026-03-15  acme    ACME SAS         2026-0001  prestations de services (BNC)  160.00 EUR   160.00 EUR"
              "  check\n"
              "2026-04-20  brit    Brit Ltd         2026-0003  prestations de services (BNC)  400.00 GBP   465.20 EUR"
              "  transfer\n"
              "2026-07-01  acme    ACME SAS         2026-0004  prestations de services (BNC)  250.00 EUR   250.00 EUR"
              "  transfer\n"
              "2026-08-05  brit    Brit Ltd         2026-0005  prestations de services (BNC)  160.00 GBP             "
              "  transfer\n"
              "2026-09-12  beta    Béatrice Durand             prestations de services (BNC)   80.00 EUR    80.00 EUR"
              "  platform  Malt payout\n"
              "TOTAL                                                                                      1185.20 EUR\n");
        CHECK(r.err == kMissingEur);
    }
    SUBCASE("piped: the same rows tab-separated, TOTAL included") {
        auto r = ws.run({"receipts", "2026"});
        CHECK(r.code == 0);
        CHECK(r.out ==
              "2026-01-20\tacme\tACME SAS\t2025-0001\tprestations de services (BNC)\t130.00 EUR\t130.00 EUR\ttransfer\t\n"
              "2026-02-10\tacme\tACME SAS\t2026-0001\tprestations de services (BNC)\t100.00 EUR\t100.00 EUR\ttransfer\t\n"
              "2026-03-15\tacme\tACME SAS\t2026-0001\tprestations de services (BNC)\t160.00 EUR\t160.00 EUR\tcheck\t\n"
              "2026-04-20\tbrit\tBrit Ltd\t2026-0003\tprestations de services (BNC)\t400.00 GBP\t465.20 EUR\ttransfer\t\n"
              "2026-07-01\tacme\tACME SAS\t2026-0004\tprestations de services (BNC)\t250.00 EUR\t250.00 EUR\ttransfer\t\n"
              "2026-08-05\tbrit\tBrit Ltd\t2026-0005\tprestations de services (BNC)\t160.00 GBP\t\ttransfer\t\n"
              "2026-09-12\tbeta\tBéatrice Durand\t\tprestations de services (BNC)\t80.00 EUR\t80.00 EUR\tplatform\t"
              "Malt payout\n"
              "TOTAL\t\t\t\t\t\t1185.20 EUR\t\t\n");
        CHECK(r.err == kMissingEur);
    }
    SUBCASE("--tsv and --csv: every field with a header, no TOTAL row") {
        auto tsv = ws.run({"receipts", "--tsv"});
        CHECK(tsv.out ==
              "id\tdate\tclient\tclient_name\tinvoice\tnature\tamount.amount\tamount.currency\teur.amount\teur.currency"
              "\tmethod\tnote\n"
              "2\t2026-01-20\tacme\tACME SAS\t2025-0001\tprestations de services (BNC)\t130.00\tEUR\t130.00\tEUR\t"
              "transfer\t\n"
              "3\t2026-02-10\tacme\tACME SAS\t2026-0001\tprestations de services (BNC)\t100.00\tEUR\t100.00\tEUR\t"
              "transfer\t\n"
              "4\t2026-03-15\tacme\tACME SAS\t2026-0001\tprestations de services (BNC)\t160.00\tEUR\t160.00\tEUR\t"
              "check\t\n"
              "5\t2026-04-20\tbrit\tBrit Ltd\t2026-0003\tprestations de services (BNC)\t400.00\tGBP\t465.20\tEUR\t"
              "transfer\t\n"
              "6\t2026-07-01\tacme\tACME SAS\t2026-0004\tprestations de services (BNC)\t250.00\tEUR\t250.00\tEUR\t"
              "transfer\t\n"
              "7\t2026-08-05\tbrit\tBrit Ltd\t2026-0005\tprestations de services (BNC)\t160.00\tGBP\t\t\ttransfer\t\n"
              "1\t2026-09-12\tbeta\tBéatrice Durand\t\tprestations de services (BNC)\t80.00\tEUR\t80.00\tEUR\tplatform"
              "\tMalt payout\n");
        CHECK(tsv.err == kMissingEur);
        auto csv = ws.run({"receipts", "--csv"});
        CHECK(csv.out.find("TOTAL") == std::string::npos);
        CHECK(csv.out.rfind("id,date,client,client_name,invoice,nature,amount.amount,amount.currency,eur.amount,"
                            "eur.currency,method,note\r\n",
                            0) == 0);
        CHECK(csv.out.find("\r\n7,2026-08-05,brit,Brit Ltd,2026-0005,prestations de services (BNC),160.00,GBP,,,"
                           "transfer,\r\n") != std::string::npos);
    }
    SUBCASE("--json: money objects, null for the missing EUR and the missing invoice") {
        auto r = ws.run({"receipts", "--json"});
        CHECK(r.code == 0);
        auto row = [](const std::string& head, const std::string& invoice, const std::string& amount,
                      const std::string& eur_value, const std::string& tail) {
            return "{" + head + R"(,"invoice":)" + invoice + R"x(,"nature":"prestations de services (BNC)","amount":)x" +
                   amount + R"(,"eur":)" + eur_value + "," + tail + "}";
        };
        CHECK(r.out ==
              "[\n" +
                  row(R"("id":2,"date":"2026-01-20","client":"acme","client_name":"ACME SAS")", R"("2025-0001")",
                      eur("130.00"), eur("130.00"), R"("method":"transfer","note":null)") +
                  ",\n" +
                  row(R"("id":3,"date":"2026-02-10","client":"acme","client_name":"ACME SAS")", R"("2026-0001")",
                      eur("100.00"), eur("100.00"), R"("method":"transfer","note":null)") +
                  ",\n" +
                  row(R"("id":4,"date":"2026-03-15","client":"acme","client_name":"ACME SAS")", R"("2026-0001")",
                      eur("160.00"), eur("160.00"), R"("method":"check","note":null)") +
                  ",\n" +
                  row(R"("id":5,"date":"2026-04-20","client":"brit","client_name":"Brit Ltd")", R"("2026-0003")",
                      R"({"amount":"400.00","currency":"GBP"})", eur("465.20"), R"("method":"transfer","note":null)") +
                  ",\n" +
                  row(R"("id":6,"date":"2026-07-01","client":"acme","client_name":"ACME SAS")", R"("2026-0004")",
                      eur("250.00"), eur("250.00"), R"("method":"transfer","note":null)") +
                  ",\n" +
                  row(R"("id":7,"date":"2026-08-05","client":"brit","client_name":"Brit Ltd")", R"("2026-0005")",
                      R"({"amount":"160.00","currency":"GBP"})", "null", R"("method":"transfer","note":null)") +
                  ",\n" +
                  row(R"("id":1,"date":"2026-09-12","client":"beta","client_name":"Béatrice Durand")", "null",
                      eur("80.00"), eur("80.00"), R"("method":"platform","note":"Malt payout")") +
                  "\n]\n");
        CHECK(r.err == kMissingEur);
    }
    SUBCASE("-q: the payment ids in journal order; --template") {
        auto q = ws.run({"receipts", "-q"});
        CHECK(q.out == "2\n3\n4\n5\n6\n7\n1\n");
        CHECK(q.err == kMissingEur);  // a warning, printed even with -q
        CHECK(run_ok(ws, {"receipts", "--template", "{date} {invoice} {eur.amount} {eur}"}) ==
              "2026-01-20 2025-0001 130.00 130.00 EUR\n"
              "2026-02-10 2026-0001 100.00 100.00 EUR\n"
              "2026-03-15 2026-0001 160.00 160.00 EUR\n"
              "2026-04-20 2026-0003 465.20 465.20 EUR\n"
              "2026-07-01 2026-0004 250.00 250.00 EUR\n"
              "2026-08-05 2026-0005  \n"
              "2026-09-12  80.00 80.00 EUR\n");
    }
    SUBCASE("another year: 2025 had no payment; 2027 is empty too, with a zero total") {
        CHECK(ok(ws, {"receipts", "2025"}) == "TOTAL\t\t\t\t\t\t0.00 EUR\t\t\n");
        CHECK(ok(ws, {"receipts", "2025", "--json"}) == "[]\n");
        CHECK(ok(ws, {"receipts", "2027", "-q"}) == "");
        ws.env.stdout_is_tty = true;
        ws.env.variables["NO_COLOR"] = "1";
        CHECK(ok(ws, {"receipts", "2027"}) ==
              "DATE   CLIENT  NAME  INVOICE  NATURE  AMOUNT       EUR  METHOD  NOTE\n"
              "TOTAL                                         0.00 EUR\n");
    }
}

TEST_CASE("cli/books receipts: the nature follows [urssaf] activity, in French") {
    Workspace ws;
    three_clients(ws);
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "10", "--on", "2026-03-01"});
    auto nature = [&] { return run_ok(ws, {"receipts", "--template", "{nature}"}); };
    CHECK(nature() == "prestations de services (BNC)\n");
    ok(ws, {"config", "set", "urssaf.activity", "bic-services"});
    CHECK(nature() == "prestations de services (BIC)\n");
    ok(ws, {"config", "set", "urssaf.activity", "bic-sales"});
    CHECK(nature() == "ventes de marchandises (BIC)\n");
}

TEST_CASE("cli/books receipts: each receipt's nature follows its missions' or its own activity") {
    Workspace ws;
    three_clients(ws);
    ok(ws, {"mission", "add", "acme/shop", "--fixed", "300", "--activity", "bic-sales"});
    ok(ws, {"config", "set", "invoice.fixed_price", "first-work"});  // the price billed with its first work
    ok(ws, {"mission", "add", "beta/repair", "--activity", "bic-services"});
    // acme: one invoice with a BNC line (web, default activity) and a sales line (shop).
    run_ok(ws, {"log", "acme/shop", "9:00-10:00", "--on", "2026-02-03"});
    const auto mixed = invoice(ws, "acme/web", "10:00-11:00", "2026-02-03", "2026-02-28");
    const auto services = invoice(ws, "beta/repair", "9:00-10:00", "2026-02-04", "2026-02-28");
    ok(ws, {"invoice", "pay", mixed, "--on", "2026-03-01"});
    ok(ws, {"invoice", "pay", services, "--on", "2026-03-02"});
    ok(ws, {"payment", "add", "--client", "brit", "--amount", "10", "--eur", "11.50", "--on", "2026-03-03",
            "--method", "platform", "--activity", "bic-services"});
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "5", "--on", "2026-03-04"});
    // A discount line (no mission: the default activity, bnc) does not make BNC a nature of
    // a services invoice, as it gets no share of the URSSAF turnover either.
    run_ok(ws, {"log", "beta/repair", "9:00-10:00", "--on", "2026-03-05"});
    auto draft = run_ok(ws, {"invoice", "new", "beta", "2026-03"});
    draft.pop_back();
    ok(ws, {"invoice", "line", "add", draft, "Remise", "--price", "-10"});
    auto discounted = run_ok(ws, {"invoice", "issue", draft, "--date", "2026-03-31"});
    discounted.pop_back();
    ok(ws, {"invoice", "pay", discounted, "--on", "2026-04-01"});
    CHECK(run_ok(ws, {"receipts", "2026", "--template", "{invoice}|{nature}"}) ==
          mixed + "|prestations de services (BNC) + ventes de marchandises (BIC)\n" + services +
              "|prestations de services (BIC)\n"
              "|prestations de services (BIC)\n"
              "|prestations de services (BNC)\n" +
              discounted + "|prestations de services (BIC)\n");
}

TEST_CASE("cli/books the default year is the current one in local time") {
    Workspace ws;
    three_clients(ws);
    ws.env.variables["SLASH_NOW"] = "2027-01-01T12:00:00Z";
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "10", "--on", "2026-12-31"});
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "20", "--on", "2027-01-01"});
    // 2026-12-31T23:30Z is already 2027-01-01 00:30 in Paris.
    ws.env.variables["SLASH_NOW"] = "2026-12-31T23:30:00Z";
    CHECK(ok(ws, {"receipts", "-q"}) == "1\n");
    ws.env.variables["TZ"] = "Europe/Paris";
    CHECK(ok(ws, {"receipts", "-q"}) == "2\n");
    CHECK(ok(ws, {"revenue", "-q"}).substr(0, 8) == "2027-01\n");
}

TEST_CASE("cli/books revenue by month: invoiced, collected, outstanding and overdue worked out by hand") {
    Workspace ws;
    worked_example(ws);
    // invoiced:    Jan 260.00 (2026-0001); Feb 400.00 (2026-0002); Mar 0 (2026-0003 is GBP); Apr -400.00 (the
    //              credit note of 2026-0002); May 650.00; Jun 0 (GBP); Oct 150.00. Total 1060.00.
    // collected:   Jan 130.00 (2025-0001); Feb 100.00; Mar 160.00; Apr 465.20 (the EUR of the GBP payment);
    //              Jul 250.00; Aug 0 (GBP without EUR); Sep 80.00 (no invoice). Total 1185.20.
    // outstanding: Jan 31: 2025-0001 paid, 2026-0001 260.00 -> 260.00. Feb 28: 260 - 100 + 400 -> 560.00.
    //              Mar 31: 2026-0001 paid, 2026-0002 400.00 -> 400.00. Apr 30: 2026-0002 cancelled -> 0.
    //              May 31, Jun 30: 650.00. Jul to Sep: 650 - 250 = 400.00. Oct 31 and today (Nov 28):
    //              400 + 150 = 550.00. Dec: the future, 0.
    // overdue:     Mar: 2026-0002 due Mar 30 -> 400.00. Jun: 2026-0004 due Jun 30, the last day -> 650.00.
    //              Jul to Oct: 400.00. Nov (today): 400.00; 2026-0006 is due Nov 30, not yet. Others 0.
    // TOTAL: 1060.00, 1185.20, then November's 550.00 and 400.00.
    SUBCASE("terminal") {
        ws.env.stdout_is_tty = true;
        ws.env.variables["NO_COLOR"] = "1";
        auto r = ws.run({"revenue"});
        CHECK(r.code == 0);
        CHECK(r.out ==
              "MONTH       INVOICED    COLLECTED  OUTSTANDING     OVERDUE\n"
              "2026-01   260.00 EUR   130.00 EUR   260.00 EUR    0.00 EUR\n"
              "2026-02   400.00 EUR   100.00 EUR   560.00 EUR    0.00 EUR\n"
              "2026-03     0.00 EUR   160.00 EUR   400.00 EUR  400.00 EUR\n"
              "2026-04  -400.00 EUR   465.20 EUR     0.00 EUR    0.00 EUR\n"
              "2026-05   650.00 EUR     0.00 EUR   650.00 EUR    0.00 EUR\n"
              "2026-06     0.00 EUR     0.00 EUR   650.00 EUR  650.00 EUR\n"
              "2026-07     0.00 EUR   250.00 EUR   400.00 EUR  400.00 EUR\n"
              "2026-08     0.00 EUR     0.00 EUR   400.00 EUR  400.00 EUR\n"
              "2026-09     0.00 EUR    80.00 EUR   400.00 EUR  400.00 EUR\n"
              "2026-10   150.00 EUR     0.00 EUR   550.00 EUR  400.00 EUR\n"
              "2026-11     0.00 EUR     0.00 EUR   550.00 EUR  400.00 EUR\n"
              "2026-12     0.00 EUR     0.00 EUR     0.00 EUR    0.00 EUR\n"
              "TOTAL    1060.00 EUR  1185.20 EUR   550.00 EUR  400.00 EUR\n");
        CHECK(r.err == kForeignInvoices + kMissingEur);
    }
    SUBCASE("piped, TSV, JSON, -q") {
        CHECK(run_ok(ws, {"revenue", "2026"}) ==
              "2026-01\t260.00 EUR\t130.00 EUR\t260.00 EUR\t0.00 EUR\n"
              "2026-02\t400.00 EUR\t100.00 EUR\t560.00 EUR\t0.00 EUR\n"
              "2026-03\t0.00 EUR\t160.00 EUR\t400.00 EUR\t400.00 EUR\n"
              "2026-04\t-400.00 EUR\t465.20 EUR\t0.00 EUR\t0.00 EUR\n"
              "2026-05\t650.00 EUR\t0.00 EUR\t650.00 EUR\t0.00 EUR\n"
              "2026-06\t0.00 EUR\t0.00 EUR\t650.00 EUR\t650.00 EUR\n"
              "2026-07\t0.00 EUR\t250.00 EUR\t400.00 EUR\t400.00 EUR\n"
              "2026-08\t0.00 EUR\t0.00 EUR\t400.00 EUR\t400.00 EUR\n"
              "2026-09\t0.00 EUR\t80.00 EUR\t400.00 EUR\t400.00 EUR\n"
              "2026-10\t150.00 EUR\t0.00 EUR\t550.00 EUR\t400.00 EUR\n"
              "2026-11\t0.00 EUR\t0.00 EUR\t550.00 EUR\t400.00 EUR\n"
              "2026-12\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "TOTAL\t1060.00 EUR\t1185.20 EUR\t550.00 EUR\t400.00 EUR\n");
        auto tsv = run_ok(ws, {"revenue", "--tsv"});
        CHECK(tsv.rfind("month\tinvoiced.amount\tinvoiced.currency\tcollected.amount\tcollected.currency\t"
                        "outstanding.amount\toutstanding.currency\toverdue.amount\toverdue.currency\n"
                        "2026-01\t260.00\tEUR\t130.00\tEUR\t260.00\tEUR\t0.00\tEUR\n",
                        0) == 0);
        CHECK(tsv.find("\n2026-04\t-400.00\tEUR\t465.20\tEUR\t0.00\tEUR\t0.00\tEUR\n") != std::string::npos);
        CHECK(tsv.find("TOTAL") == std::string::npos);
        auto json = ws.run({"revenue", "--json"});
        CHECK(json.err == kForeignInvoices + kMissingEur);
        auto row = [](const std::string& month, const std::string& i, const std::string& c, const std::string& o,
                      const std::string& d) {
            return R"({"month":")" + month + R"(","invoiced":)" + eur(i) + R"(,"collected":)" + eur(c) +
                   R"(,"outstanding":)" + eur(o) + R"(,"overdue":)" + eur(d) + "}";
        };
        CHECK(json.out == "[\n" + row("2026-01", "260.00", "130.00", "260.00", "0.00") + ",\n" +
                              row("2026-02", "400.00", "100.00", "560.00", "0.00") + ",\n" +
                              row("2026-03", "0.00", "160.00", "400.00", "400.00") + ",\n" +
                              row("2026-04", "-400.00", "465.20", "0.00", "0.00") + ",\n" +
                              row("2026-05", "650.00", "0.00", "650.00", "0.00") + ",\n" +
                              row("2026-06", "0.00", "0.00", "650.00", "650.00") + ",\n" +
                              row("2026-07", "0.00", "250.00", "400.00", "400.00") + ",\n" +
                              row("2026-08", "0.00", "0.00", "400.00", "400.00") + ",\n" +
                              row("2026-09", "0.00", "80.00", "400.00", "400.00") + ",\n" +
                              row("2026-10", "150.00", "0.00", "550.00", "400.00") + ",\n" +
                              row("2026-11", "0.00", "0.00", "550.00", "400.00") + ",\n" +
                              row("2026-12", "0.00", "0.00", "0.00", "0.00") + "\n]\n");
        auto q = ws.run({"revenue", "-q"});
        CHECK(q.out ==
              "2026-01\n2026-02\n2026-03\n2026-04\n2026-05\n2026-06\n2026-07\n2026-08\n2026-09\n2026-10\n2026-11\n"
              "2026-12\n");
        CHECK(run_ok(ws, {"revenue", "--template", "{month}={overdue.amount}"}).substr(0, 26) ==
              "2026-01=0.00\n2026-02=0.00\n");
    }
    SUBCASE("a past year: December's outstanding carries into the TOTAL; no foreign invoice that year") {
        // 2025-0001, 130.00 issued 2025-12-15, due 2026-01-14: outstanding at Dec 31, not overdue.
        auto r = ws.run({"revenue", "2025"});
        CHECK(r.code == 0);
        CHECK(r.err == "");
        CHECK(r.out ==
              "2025-01\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-02\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-03\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-04\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-05\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-06\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-07\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-08\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-09\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-10\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-11\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n"
              "2025-12\t130.00 EUR\t0.00 EUR\t130.00 EUR\t0.00 EUR\n"
              "TOTAL\t130.00 EUR\t0.00 EUR\t130.00 EUR\t0.00 EUR\n");
    }
    SUBCASE("a year to come: twelve months of zeros, a zero TOTAL") {
        auto r = ws.run({"revenue", "2027", "--by", "month"});
        CHECK(r.code == 0);
        CHECK(r.err == "");
        std::string expected;
        for (int m = 1; m <= 12; ++m) {
            expected += std::string("2027-") + (m < 10 ? "0" : "") + std::to_string(m) +
                        "\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n";
        }
        CHECK(r.out == expected + "TOTAL\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n");
    }
}

TEST_CASE("cli/books revenue by client: the year's figures per client, the same TOTAL") {
    Workspace ws;
    worked_example(ws);
    // acme: invoiced 260 + 650 = 910.00; collected 130 + 100 + 160 + 250 = 640.00; outstanding today 400.00 of
    //       2026-0004, overdue since Jun 30.
    // beta: invoiced 400 - 400 + 150 = 150.00; collected 80.00 (no invoice); outstanding 150.00 (2026-0006, due
    //       Nov 30: not overdue).
    // brit: invoiced 0 (GBP); collected 465.20; nothing outstanding in EUR.
    SUBCASE("terminal") {
        ws.env.stdout_is_tty = true;
        ws.env.variables["NO_COLOR"] = "1";
        auto r = ws.run({"revenue", "--by", "client"});
        CHECK(r.code == 0);
        CHECK(r.out ==
              "CLIENT  NAME                INVOICED    COLLECTED  OUTSTANDING     OVERDUE\n"
              "acme    ACME SAS          910.00 EUR   640.00 EUR   400.00 EUR  400.00 EUR\n"
              "beta    Béatrice Durand   150.00 EUR    80.00 EUR   150.00 EUR    0.00 EUR\n"
              "brit    Brit Ltd            0.00 EUR   465.20 EUR     0.00 EUR    0.00 EUR\n"
              "TOTAL                    1060.00 EUR  1185.20 EUR   550.00 EUR  400.00 EUR\n");
        CHECK(r.err == kForeignInvoices + kMissingEur);
    }
    SUBCASE("JSON, CSV, -q") {
        CHECK(run_ok(ws, {"revenue", "--by", "client", "--json"}) ==
              "[\n"
              R"({"client":"acme","name":"ACME SAS","invoiced":)" +
                  eur("910.00") + R"(,"collected":)" + eur("640.00") + R"(,"outstanding":)" + eur("400.00") +
                  R"(,"overdue":)" + eur("400.00") +
                  "},\n"
                  R"({"client":"beta","name":"Béatrice Durand","invoiced":)" +
                  eur("150.00") + R"(,"collected":)" + eur("80.00") + R"(,"outstanding":)" + eur("150.00") +
                  R"(,"overdue":)" + eur("0.00") +
                  "},\n"
                  R"({"client":"brit","name":"Brit Ltd","invoiced":)" +
                  eur("0.00") + R"(,"collected":)" + eur("465.20") + R"(,"outstanding":)" + eur("0.00") +
                  R"(,"overdue":)" + eur("0.00") + "}\n]\n");
        CHECK(run_ok(ws, {"revenue", "--by", "client", "--csv"}) ==
              "client,name,invoiced.amount,invoiced.currency,collected.amount,collected.currency,outstanding.amount,"
              "outstanding.currency,overdue.amount,overdue.currency\r\n"
              "acme,ACME SAS,910.00,EUR,640.00,EUR,400.00,EUR,400.00,EUR\r\n"
              "beta,Béatrice Durand,150.00,EUR,80.00,EUR,150.00,EUR,0.00,EUR\r\n"
              "brit,Brit Ltd,0.00,EUR,465.20,EUR,0.00,EUR,0.00,EUR\r\n");
        CHECK(run_ok(ws, {"revenue", "--by", "client", "-q"}) == "acme\nbeta\nbrit\n");
    }
    SUBCASE("a past year: outstanding at Dec 31; a year to come has no row") {
        CHECK(ok(ws, {"revenue", "2025", "--by", "client"}) ==
              "acme\tACME SAS\t130.00 EUR\t0.00 EUR\t130.00 EUR\t0.00 EUR\n"
              "TOTAL\t\t130.00 EUR\t0.00 EUR\t130.00 EUR\t0.00 EUR\n");
        CHECK(ok(ws, {"revenue", "2027", "--by", "client", "--json"}) == "[]\n");
        CHECK(ok(ws, {"revenue", "2027", "--by", "client"}) == "TOTAL\t\t0.00 EUR\t0.00 EUR\t0.00 EUR\t0.00 EUR\n");
    }
}

TEST_CASE("cli/books a client with only an old unpaid invoice still has its row") {
    Workspace ws;
    three_clients(ws);
    REQUIRE(invoice(ws, "acme/web", "9:00-11:00", "2025-06-02", "2025-06-30") == "2025-0001");
    // 130.00 issued 2025-06-30, due 2025-07-30: outstanding and overdue all through 2026.
    CHECK(ok(ws, {"revenue", "--by", "client"}) ==
          "acme\tACME SAS\t0.00 EUR\t0.00 EUR\t130.00 EUR\t130.00 EUR\n"
          "TOTAL\t\t0.00 EUR\t0.00 EUR\t130.00 EUR\t130.00 EUR\n");
    CHECK(ok(ws, {"revenue", "--template", "{month} {outstanding.amount} {overdue.amount}"}) ==
          "2026-01 130.00 130.00\n2026-02 130.00 130.00\n2026-03 130.00 130.00\n2026-04 130.00 130.00\n"
          "2026-05 130.00 130.00\n2026-06 130.00 130.00\n2026-07 130.00 130.00\n2026-08 130.00 130.00\n"
          "2026-09 130.00 130.00\n2026-10 130.00 130.00\n2026-11 130.00 130.00\n2026-12 0.00 0.00\n");
}

TEST_CASE("cli/books refusals: one line, exit 2, nothing written") {
    Workspace ws;
    worked_example(ws);
    expect_refusal(ws, {"receipts", "26"}, 2, "invalid year \"26\": use four digits, such as 2026");
    expect_refusal(ws, {"receipts", "20x6"}, 2, "invalid year \"20x6\": use four digits, such as 2026");
    expect_refusal(ws, {"receipts", "2026-11"}, 2, "invalid year \"2026-11\": use four digits, such as 2026");
    expect_refusal(ws, {"receipts", "12026"}, 2, "invalid year \"12026\": use four digits, such as 2026");
    expect_refusal(ws, {"revenue", "year"}, 2, "invalid year \"year\": use four digits, such as 2026");
    expect_refusal(ws, {"revenue", ""}, 2, "invalid year \"\": use four digits, such as 2026");
    expect_refusal(ws, {"revenue", "--by", "mission"}, 2, "invalid --by \"mission\": use month or client");
    expect_refusal(ws, {"revenue", "--by", "Client"}, 2, "invalid --by \"Client\": use month or client");
    expect_refusal(ws, {"revenue", "--by", "client", "--by", "month"}, 2,
                   "--by given 2 times: revenue groups one way, give month or client once");
    expect_refusal(ws, {"receipts", "2026", "2027"}, 2,
                   "unexpected argument \"2027\" for \"slash receipts\"; see \"slash receipts --help\"");
    expect_refusal(ws, {"receipts", "--template", "{amount.cents}"}, 2,
                   "unknown field \"amount.cents\" in --template; fields: id, date, client, client_name, invoice, "
                   "nature, amount.amount, amount.currency, eur.amount, eur.currency, method, note, amount, eur");
}

// A generated history, checked against the test's own model of it: a year of invoices for
// two EUR clients and a GBP one, partial and late payments, credit notes, payments in pounds
// with and without their EUR amount, and receipts without an invoice.
namespace {

using Day = std::int64_t;  // days since 1970-01-01

Day day_of(int y, int m, int d) {
    using namespace std::chrono;
    return sys_days{year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}}
        .time_since_epoch()
        .count();
}

std::string text_of(Day n) {
    using namespace std::chrono;
    year_month_day ymd{sys_days{days{n}}};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

std::string cents(std::int64_t value) {
    std::string sign = value < 0 ? "-" : "";
    if (value < 0) value = -value;
    std::string frac = std::to_string(value % 100);
    return sign + std::to_string(value / 100) + "." + (frac.size() == 1 ? "0" : "") + frac;
}

struct Rng {
    std::uint64_t state;
    int below(int n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
    }
};

struct ModelInvoice {
    std::string number, client, currency;
    std::int64_t gross = 0;
    Day issued = 0, due = 0;
    std::optional<Day> cancelled;
};

struct ModelPayment {
    std::int64_t id = 0;
    std::string client, currency;
    std::optional<std::size_t> invoice;  // index in the invoices
    Day date = 0;
    std::int64_t amount = 0;
    std::optional<std::int64_t> eur;
};

struct Model {
    std::vector<ModelInvoice> invoices;
    std::vector<ModelPayment> payments;

    std::optional<std::int64_t> eur_of(const ModelPayment& p) const {
        if (p.currency == "EUR") return p.amount;
        return p.eur;
    }
    // What invoice i owed at the end of day `cutoff`.
    std::int64_t owed(std::size_t i, Day cutoff) const {
        const auto& v = invoices[i];
        if (v.currency != "EUR" || v.issued > cutoff || (v.cancelled && *v.cancelled <= cutoff)) return 0;
        std::int64_t paid = 0;
        for (const auto& p : payments) {
            if (p.invoice == i && p.date <= cutoff) paid += p.amount;
        }
        return std::max<std::int64_t>(0, v.gross - paid);
    }
};

struct Figures {
    std::int64_t invoiced = 0, collected = 0, outstanding = 0, overdue = 0;
};

std::string json_row(const std::string& head, const Figures& f) {
    return "{" + head + R"(,"invoiced":)" + eur(cents(f.invoiced)) + R"(,"collected":)" + eur(cents(f.collected)) +
           R"(,"outstanding":)" + eur(cents(f.outstanding)) + R"(,"overdue":)" + eur(cents(f.overdue)) + "}";
}

}  // namespace

TEST_CASE("cli/books revenue and receipts of a generated history match the test's own model") {
    Workspace ws;
    three_clients(ws);
    Model model;
    Rng rng{20261128};
    const Day today = day_of(2026, 11, 28);
    const std::map<std::string, std::pair<std::string, std::int64_t>> clients = {
        {"acme", {"EUR", 6500}}, {"beta", {"EUR", 5000}}, {"brit", {"GBP", 8000}}};

    // Invoices from December 2025 to November 2026, issued in date order: acme on the 10th, beta on
    // the 20th, brit on the 25th of every third month; the work is logged early in the month.
    for (int index = 0; index < 12; ++index) {
        int y = index == 0 ? 2025 : 2026;
        int m = index == 0 ? 12 : index;
        for (const auto& [client, work_day, issue_day] :
             std::vector<std::tuple<std::string, int, int>>{{"acme", 2, 10}, {"beta", 3, 20}, {"brit", 4, 25}}) {
            if (client == "brit" && m % 3 != 0) continue;
            int hours = 1 + rng.below(8);
            std::string mission = client == "acme" ? "acme/web" : client == "beta" ? "beta/site" : "brit/app";
            std::string range = std::to_string(9) + ":00-" + std::to_string(9 + hours) + ":00";
            ModelInvoice v;
            v.client = client;
            v.currency = clients.at(client).first;
            v.gross = hours * clients.at(client).second;
            v.issued = day_of(y, m, issue_day);
            v.due = v.issued + 30;
            v.number = invoice(ws, mission, range, text_of(day_of(y, m, work_day)), text_of(v.issued));
            model.invoices.push_back(v);
        }
    }

    // Every fourth invoice is cancelled some days later (never after today); payments come before
    // the credit note only. Events are recorded in date order, payments before credit notes.
    struct Event {
        Day date;
        int order;  // 0: payment, 1: credit note
        std::size_t invoice;
        std::int64_t amount;
        std::optional<std::int64_t> eur;
    };
    std::vector<Event> events;
    for (std::size_t i = 0; i < model.invoices.size(); ++i) {
        auto& v = model.invoices[i];
        if (i % 4 == 1) {
            Day on = std::min(today, v.issued + rng.below(60));
            v.cancelled = on;
            events.push_back({on, 1, i, 0, std::nullopt});
        }
        int plan = rng.below(4);  // 0 unpaid, 1 in full, 2 a part, 3 two halves
        std::vector<std::pair<Day, std::int64_t>> parts;
        Day first = v.issued + rng.below(70);
        if (plan == 1) parts = {{first, v.gross}};
        if (plan == 2) parts = {{first, v.gross * (1 + rng.below(9)) / 10}};
        if (plan == 3) parts = {{first, v.gross / 2}, {first + 1 + rng.below(40), v.gross - v.gross / 2}};
        for (const auto& [on, amount] : parts) {
            if (on > today || (v.cancelled && on >= *v.cancelled)) break;
            std::optional<std::int64_t> eur_amount;
            if (v.currency != "EUR" && rng.below(2) == 0) eur_amount = amount * 115 / 100;
            events.push_back({on, 0, i, amount, eur_amount});
        }
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const Event& a, const Event& b) { return std::tie(a.date, a.order) < std::tie(b.date, b.order); });
    std::int64_t next_id = 1;
    for (const auto& e : events) {
        const auto& v = model.invoices[e.invoice];
        if (e.order == 1) {
            run_ok(ws, {"invoice", "credit", v.number, "--reason", "annulée", "--date", text_of(e.date)});
            continue;
        }
        std::vector<std::string> args{"invoice", "pay", v.number, "--amount", cents(e.amount), "--on", text_of(e.date)};
        if (e.eur) {
            args.push_back("--eur");
            args.push_back(cents(*e.eur));
        }
        REQUIRE(run_ok(ws, args) == std::to_string(next_id) + "\n");
        model.payments.push_back({next_id++, v.client, v.currency, e.invoice, e.date, e.amount, e.eur});
    }
    // Receipts without an invoice, recorded last though dated earlier.
    for (const auto& [client, on, amount, eur_amount] :
         std::vector<std::tuple<std::string, Day, std::int64_t, std::optional<std::int64_t>>>{
             {"beta", day_of(2026, 2, 14), 4250, std::nullopt},
             {"brit", day_of(2026, 5, 5), 10000, 11720},
             {"brit", day_of(2026, 9, 30), 5000, std::nullopt},
             {"acme", day_of(2025, 12, 31), 999, std::nullopt},
             {"acme", day_of(2026, 11, 28), 12345, std::nullopt}}) {
        std::vector<std::string> args{"payment", "add", "--client", client, "--amount", cents(amount), "--on",
                                      text_of(on)};
        if (eur_amount) {
            args.push_back("--eur");
            args.push_back(cents(*eur_amount));
        }
        REQUIRE(run_ok(ws, args) == std::to_string(next_id) + "\n");
        model.payments.push_back({next_id++, client, clients.at(client).first, std::nullopt, on, amount, eur_amount});
    }

    // The model's figures.
    auto in = [](Day d, Day from, Day to) { return from <= d && d <= to; };
    auto invoiced_in = [&](const ModelInvoice& v, Day from, Day to) {
        if (v.currency != "EUR") return std::int64_t{0};
        std::int64_t sum = in(v.issued, from, to) ? v.gross : 0;
        if (v.cancelled && in(*v.cancelled, from, to)) sum -= v.gross;  // its credit note
        return sum;
    };
    for (int y : {2025, 2026}) {
        CAPTURE(y);
        std::string expected = "[\n";
        Figures total;
        std::int64_t missing = 0, foreign = 0;
        for (const auto& p : model.payments) {
            if (in(p.date, day_of(y, 1, 1), day_of(y, 12, 31)) && !model.eur_of(p)) ++missing;
        }
        for (const auto& v : model.invoices) {
            if (v.currency == "EUR") continue;
            foreign += in(v.issued, day_of(y, 1, 1), day_of(y, 12, 31)) ? 1 : 0;
            foreign += v.cancelled && in(*v.cancelled, day_of(y, 1, 1), day_of(y, 12, 31)) ? 1 : 0;
        }
        for (int m = 1; m <= 12; ++m) {
            Day from = day_of(y, m, 1);
            Day to = (m == 12 ? day_of(y + 1, 1, 1) : day_of(y, m + 1, 1)) - 1;
            Figures f;
            for (const auto& v : model.invoices) f.invoiced += invoiced_in(v, from, to);
            for (const auto& p : model.payments) {
                if (in(p.date, from, to) && model.eur_of(p)) f.collected += *model.eur_of(p);
            }
            if (from <= today) {
                bool current = today <= to;
                for (std::size_t i = 0; i < model.invoices.size(); ++i) {
                    auto owed = model.owed(i, current ? today : to);
                    f.outstanding += owed;
                    if (current ? model.invoices[i].due < today : model.invoices[i].due <= to) f.overdue += owed;
                }
                total.outstanding = f.outstanding;
                total.overdue = f.overdue;
            }
            total.invoiced += f.invoiced;
            total.collected += f.collected;
            expected += (m > 1 ? ",\n" : "") + json_row(R"("month":")" + text_of(from).substr(0, 7) + "\"", f);
        }
        auto r = ws.run({"revenue", std::to_string(y), "--json"});
        CHECK(r.code == 0);
        CHECK(r.out == expected + "\n]\n");
        std::string warnings;
        if (foreign > 0) {
            warnings += "slash: warning: " + std::to_string(foreign) +
                        (foreign == 1 ? " invoice in another currency is" : " invoices in other currencies are") +
                        " left out of the EUR columns\n";
        }
        if (missing > 0) {
            warnings += "slash: warning: " + std::to_string(missing) +
                        (missing == 1 ? " payment in another currency has" : " payments in another currency have") +
                        " no EUR amount: see slash payment list\n";
        }
        CHECK(r.err == warnings);
        auto table = run_ok(ws, {"revenue", std::to_string(y)});
        CHECK(table.substr(table.rfind("TOTAL")) == "TOTAL\t" + cents(total.invoiced) + " EUR\t" +
                                                       cents(total.collected) + " EUR\t" + cents(total.outstanding) +
                                                       " EUR\t" + cents(total.overdue) + " EUR\n");

        // By client: the year's sums, outstanding as of today (2026) or Dec 31 (2025).
        Day from = day_of(y, 1, 1), to = day_of(y, 12, 31);
        bool current = today <= to;
        std::string by_client = "[\n";
        Figures client_total;
        for (const auto& [client, currency_rate] : clients) {
            Figures f;
            bool active = false;
            for (std::size_t i = 0; i < model.invoices.size(); ++i) {
                const auto& v = model.invoices[i];
                if (v.client != client) continue;
                active = active || in(v.issued, from, to) || (v.cancelled && in(*v.cancelled, from, to));
                f.invoiced += invoiced_in(v, from, to);
                auto owed = model.owed(i, current ? today : to);
                f.outstanding += owed;
                if (current ? v.due < today : v.due <= to) f.overdue += owed;
            }
            for (const auto& p : model.payments) {
                if (p.client != client || !in(p.date, from, to)) continue;
                active = true;
                if (model.eur_of(p)) f.collected += *model.eur_of(p);
            }
            if (!active && f.outstanding == 0) continue;
            std::string name = client == "acme" ? "ACME SAS" : client == "beta" ? "Béatrice Durand" : "Brit Ltd";
            by_client += (by_client.size() > 2 ? ",\n" : "") +
                         json_row(R"("client":")" + client + R"(","name":")" + name + "\"", f);
            client_total.invoiced += f.invoiced;
            client_total.collected += f.collected;
        }
        CHECK(run_ok(ws, {"revenue", std::to_string(y), "--by", "client", "--json"}) == by_client + "\n]\n");
        CHECK(client_total.invoiced == total.invoiced);
        CHECK(client_total.collected == total.collected);

        // Receipts: the payments of the year by date then id, their EUR, and the total.
        std::vector<const ModelPayment*> journal;
        std::int64_t eur_total = 0;
        for (const auto& p : model.payments) {
            if (!in(p.date, from, to)) continue;
            journal.push_back(&p);
            if (model.eur_of(p)) eur_total += *model.eur_of(p);
        }
        std::stable_sort(journal.begin(), journal.end(), [](const ModelPayment* a, const ModelPayment* b) {
            return std::tie(a->date, a->id) < std::tie(b->date, b->id);
        });
        std::string lines;
        for (const auto* p : journal) {
            lines += std::to_string(p->id) + " " + text_of(p->date) + " " + p->client + " " +
                     (p->invoice ? model.invoices[*p->invoice].number : "-") + " " + cents(p->amount) + " " +
                     p->currency + " " + (model.eur_of(*p) ? cents(*model.eur_of(*p)) : "?") + "\n";
        }
        auto receipts = ws.run({"receipts", std::to_string(y), "--template",
                                "{id} {date} {client} {invoice} {amount} {eur.amount}"});
        std::string normalized;  // no invoice and no EUR amount written as "-" and "?"
        for (std::size_t at = 0; at < receipts.out.size();) {
            auto end = receipts.out.find('\n', at);
            std::string line = receipts.out.substr(at, end - at);
            std::vector<std::string> words;
            for (std::size_t s = 0;;) {
                auto space = line.find(' ', s);
                words.push_back(line.substr(s, space - s));
                if (space == std::string::npos) break;
                s = space + 1;
            }
            REQUIRE(words.size() == 7);
            if (words[3].empty()) words[3] = "-";
            if (words[6].empty()) words[6] = "?";
            for (std::size_t w = 0; w < words.size(); ++w) normalized += (w ? " " : "") + words[w];
            normalized += "\n";
            at = end + 1;
        }
        CHECK(normalized == lines);
        auto receipts_table = run_ok(ws, {"receipts", std::to_string(y)});
        CHECK(receipts_table.substr(receipts_table.rfind("TOTAL")) == "TOTAL\t\t\t\t\t\t" + cents(eur_total) + " EUR\t\t\n");
    }
    // The history is not trivial: it has what the definitions are about.
    CHECK(std::count_if(model.invoices.begin(), model.invoices.end(), [](const auto& v) { return v.cancelled; }) >= 3);
    CHECK(std::count_if(model.payments.begin(), model.payments.end(),
                        [&](const auto& p) { return p.currency != "EUR" && !p.eur; }) >= 1);
    CHECK(std::count_if(model.payments.begin(), model.payments.end(),
                        [&](const auto& p) { return p.currency != "EUR" && p.eur; }) >= 1);
}
