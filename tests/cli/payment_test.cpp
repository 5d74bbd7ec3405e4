#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::init_seller;
using slash::testing::joined;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::Workspace;

// Money received (docs/contract.md §1, §4): against an issued invoice (`invoice pay`) or with no
// invoice (`payment add`); a payment in another currency carries the EUR received (--eur).
// Now is 2026-11-28T10:00Z.

namespace {

// The seller, acme (EUR, 65.00 an hour) with acme/web, brit (GBP, 80.00 an hour) with brit/app.
void two_clients(Workspace& ws) {
    init_seller(ws);
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address",
            "75002 Paris", "--siren", "552100554", "--hourly", "65"});
    ok(ws,
       {"client", "add", "brit", "--name", "Brit Ltd", "--address", "10 Downing St", "--address",
        "London", "--country", "GB", "--language", "en", "--currency", "GBP", "--hourly", "80",
        "--email", "ap@brit.example"});
    ok(ws, {"mission", "add", "acme/web", "--title", "Website"});
    ok(ws, {"mission", "add", "brit/app", "--title", "App"});
}

// Issues an invoice of `range` on `day` for `mission`'s client; returns its number.
std::string issued_invoice(Workspace& ws, const std::string& mission, const std::string& range,
                           const std::string& day) {
    run_ok(ws, {"log", mission, range, "--on", day});
    auto id = run_ok(ws, {"invoice", "new", mission.substr(0, mission.find('/')), day});
    id.pop_back();
    // Issued early in November, so that a payment can be dated after it and before today.
    auto number = run_ok(ws, {"invoice", "issue", id, "--date", "2026-11-02"});
    number.pop_back();
    return number;
}

std::string money(const std::string& amount, const std::string& currency) {
    return R"({"amount":")" + amount + R"(","currency":")" + currency + R"("})";
}

// The text between `"key":` and the next `,"` at the same level, for flat checks.
std::string after(const std::string& json, const std::string& key) {
    auto at = json.find("\"" + key + "\":");
    REQUIRE(at != std::string::npos);
    at += key.size() + 3;
    int depth = 0;
    for (auto i = at; i < json.size(); ++i) {
        char c = json[i];
        if (c == '{' || c == '[') ++depth;
        if ((c == '}' || c == ']') && depth-- == 0) return json.substr(at, i - at);
        if (c == ',' && depth == 0) return json.substr(at, i - at);
    }
    return json.substr(at);
}

const std::string kCreated = R"("created_at":"2026-11-28T10:00:00+00:00"})";

}  // namespace

TEST_CASE("cli/payment add prints the id, list shows it with no invoice") {
    Workspace ws;
    two_clients(ws);
    CHECK(ok(ws, {"payment", "add", "--client", "acme", "--amount", "250", "--on", "2026-11-15",
                  "--method", "transfer", "--note", "acompte"}) == "1\n");
    // Defaults: today, by platform; the amount as a user types it.
    CHECK(ok(ws, {"payment", "add", "--client", "acme", "--amount", "1 234,50"}) == "2\n");

    CHECK(ok(ws, {"payment", "list"}) ==
          "1\t2026-11-15\tacme\t\t250.00 EUR\ttransfer\tacompte\n"
          "2\t2026-11-28\tacme\t\t1234.50 EUR\tplatform\t\n");
    CHECK(
        ok(ws, {"payment", "list", "--json"}) ==
        "[\n"
        R"({"id":1,"date":"2026-11-15","client":"acme","invoice":null,"amount":{"amount":"250.00","currency":"EUR"},)"
        R"("eur":{"amount":"250.00","currency":"EUR"},"method":"transfer","note":"acompte","activity":null,)" +
            kCreated +
            ",\n"
            R"({"id":2,"date":"2026-11-28","client":"acme","invoice":null,"amount":{"amount":"1234.50","currency":"EUR"},)"
            R"("eur":{"amount":"1234.50","currency":"EUR"},"method":"platform","note":null,"activity":null,)" +
            kCreated + "\n]\n");
    CHECK(ok(ws, {"payment", "list", "2026-11-15", "-q"}) == "1\n");
    CHECK(ok(ws, {"payment", "list", "today", "-q"}) == "2\n");
    CHECK(ok(ws, {"payment", "list", "lastmonth"}) == "");
    CHECK(ok(ws, {"payment", "list", "--client", "acme", "-q"}) == "1\n2\n");
    CHECK(ok(ws, {"payment", "list", "--client", "brit", "-q"}) == "");
}

TEST_CASE(
    "cli/payment a GBP client's payment carries the EUR received, an EUR client's refuses --eur") {
    Workspace ws;
    two_clients(ws);
    CHECK(ok(ws, {"payment", "add", "--client", "brit", "--amount", "100", "--eur", "116.50",
                  "--note", "Upwork"}) == "1\n");
    CHECK(
        ok(ws, {"payment", "list", "--json"}) ==
        "[\n"
        R"({"id":1,"date":"2026-11-28","client":"brit","invoice":null,"amount":{"amount":"100.00","currency":"GBP"},)"
        R"("eur":{"amount":"116.50","currency":"EUR"},"method":"platform","note":"Upwork","activity":null,)" +
            kCreated + "\n]\n");
    CHECK(ok(ws, {"payment", "list"}) == "1\t2026-11-28\tbrit\t\t100.00 GBP\tplatform\tUpwork\n");
    expect_refusal(ws, {"payment", "add", "--client", "acme", "--amount", "10", "--eur", "10"}, 2,
                   "invalid --eur \"10\": client acme pays in EUR already");
    expect_refusal(ws, {"payment", "add", "--client", "brit", "--amount", "10", "--eur", "0"}, 2,
                   "invalid --eur \"0\": a payment is a positive amount");
    expect_refusal(ws, {"payment", "add", "--client", "brit", "--amount", "10", "--eur", "1.234"},
                   2, "invalid --eur: invalid amount \"1.234\": use at most 2 decimals");
}

TEST_CASE("cli/payment rm deletes a payment, an unknown id is refused") {
    Workspace ws;
    two_clients(ws);
    CHECK(ok(ws, {"payment", "add", "--client", "acme", "--amount", "250"}) == "1\n");
    CHECK(ok(ws, {"payment", "add", "--client", "acme", "--amount", "30"}) == "2\n");
    CHECK(ok(ws, {"payment", "rm", "1"}) == "1\n");
    CHECK(ok(ws, {"payment", "list"}) == "2\t2026-11-28\tacme\t\t30.00 EUR\tplatform\t\n");
    expect_refusal(ws, {"payment", "rm", "1"}, 3,
                   "unknown payment \"1\"; see \"slash payment list\"");
    expect_refusal(ws, {"payment", "rm", "99"}, 3,
                   "unknown payment \"99\"; see \"slash payment list\"");
}

TEST_CASE("cli/payment refusals: exit code, one line, data unchanged") {
    Workspace ws;
    two_clients(ws);
    CHECK(ok(ws, {"payment", "add", "--client", "acme", "--amount", "250"}) == "1\n");
    expect_refusal(ws,
                   {"payment", "add", "--client", "acme", "--amount", "10", "--method", "bitcoin"},
                   2, "invalid --method \"bitcoin\": use transfer, card, cash, check or platform");
    expect_refusal(ws, {"payment", "add", "--client", "acme", "--amount", "0"}, 2,
                   "invalid --amount \"0\": a payment is a positive amount");
    expect_refusal(ws, {"payment", "add", "--client", "acme", "--amount", "-10"}, 2,
                   "invalid --amount \"-10\": a payment is a positive amount");
    expect_refusal(ws, {"payment", "add", "--client", "acme", "--amount", "abc"}, 2,
                   "invalid --amount: invalid amount \"abc\": use digits with an optional sign and "
                   "decimal part, such "
                   "as 65, -12.30 or 1 234,50");
    expect_refusal(ws, {"payment", "add", "--client", "acme", "--amount", "10.123"}, 2,
                   "invalid --amount: invalid amount \"10.123\": use at most 2 decimals");
    expect_refusal(ws,
                   {"payment", "add", "--client", "acme", "--amount", "10", "--on", "2026-13-01"},
                   2, "invalid date \"2026-13-01\": the month must be from 01 to 12");
    expect_refusal(ws, {"payment", "add", "--client", "nobody", "--amount", "10"}, 3,
                   "unknown client \"nobody\"; see \"slash client list --all\"");
    expect_refusal(ws, {"payment", "list", "--client", "nobody"}, 3,
                   "unknown client \"nobody\"; see \"slash client list --all\"");
    expect_refusal(
        ws, {"payment", "list", "--invoice", "2026-0001"}, 3,
        "unknown invoice \"2026-0001\": give its number, or the id of a draft (#ID); see \"slash invoice list\"");
    expect_refusal(ws, {"payment", "rm", "abc"}, 2,
                   "Could not convert: id = abc; see \"slash payment rm --help\"");
}

TEST_CASE("cli/payment invoice pay defaults to what is due, payment rm makes it due again") {
    Workspace ws;
    two_clients(ws);
    // 2 h × 65.00 = 130.00.
    CHECK(issued_invoice(ws, "acme/web", "9:00-11:00", "2026-10-05") == "2026-0001");
    CHECK(ok(ws, {"invoice", "pay", "2026-0001", "--amount", "100", "--on", "2026-11-20",
                  "--method", "check", "--note", "chèque 1234"}) == "1\n");
    auto partial = ok(ws, {"invoice", "show", "2026-0001", "--json"});
    CHECK(after(partial, "status") == R"("partially_paid")");
    CHECK(after(partial, "paid") == money("100.00", "EUR"));
    CHECK(after(partial, "due") == money("30.00", "EUR"));  // 130.00 - 100.00

    // No --amount: all that is due, 30.00, by transfer, today.
    CHECK(ok(ws, {"invoice", "pay", "2026-0001"}) == "2\n");
    auto paid = ok(ws, {"invoice", "show", "2026-0001", "--json"});
    CHECK(after(paid, "status") == R"("paid")");
    CHECK(after(paid, "paid") == money("130.00", "EUR"));
    CHECK(after(paid, "due") == money("0.00", "EUR"));
    CHECK(
        after(paid, "payments") ==
        R"([{"id":1,"date":"2026-11-20","client":"acme","invoice":"2026-0001","amount":{"amount":"100.00","currency":"EUR"},)"
        R"("eur":{"amount":"100.00","currency":"EUR"},"method":"check","note":"chèque 1234","activity":null,)" +
            kCreated +
            R"(,{"id":2,"date":"2026-11-28","client":"acme","invoice":"2026-0001","amount":{"amount":"30.00","currency":"EUR"},)"
            R"("eur":{"amount":"30.00","currency":"EUR"},"method":"transfer","note":null,"activity":null,)" +
            kCreated + "]");
    CHECK(ok(ws, {"payment", "list", "--invoice", "2026-0001"}) ==
          "1\t2026-11-20\tacme\t2026-0001\t100.00 EUR\tcheck\tchèque 1234\n"
          "2\t2026-11-28\tacme\t2026-0001\t30.00 EUR\ttransfer\t\n");
    expect_refusal(ws, {"invoice", "pay", "2026-0001"}, 1,
                   "invoice 2026-0001 is already paid (130.00 EUR)");

    // A payment recorded by mistake: removing it makes the 30.00 due again.
    CHECK(ok(ws, {"payment", "rm", "2"}) == "2\n");
    auto again = ok(ws, {"invoice", "show", "2026-0001", "--json"});
    CHECK(after(again, "status") == R"("partially_paid")");
    CHECK(after(again, "due") == money("30.00", "EUR"));
    expect_refusal(ws, {"invoice", "pay", "2026-0001", "--amount", "30.01"}, 1,
                   "amount 30.01 EUR is more than the 30.00 EUR due on invoice 2026-0001; "
                   "overpayments are not "
                   "recorded");
    CHECK(ok(ws, {"invoice", "pay", "2026-0001", "--amount", "30"}) == "3\n");
    CHECK(ok(ws, {"invoice", "list", "--status", "paid", "-q"}) == "2026-0001\n");
}

TEST_CASE("cli/payment invoice pay of a GBP invoice with the EUR received") {
    Workspace ws;
    two_clients(ws);
    // 1.5 h × 80.00 = 120.00 GBP.
    CHECK(issued_invoice(ws, "brit/app", "9:00-10:30", "2026-10-06") == "2026-0001");
    CHECK(ok(ws, {"invoice", "pay", "2026-0001", "--amount", "50", "--eur", "58.10"}) == "1\n");
    CHECK(ok(ws, {"invoice", "pay", "2026-0001", "--eur", "81.35", "--method", "card"}) ==
          "2\n");  // 70.00 due
    CHECK(
        ok(ws, {"payment", "list", "--client", "brit", "--json"}) ==
        "[\n"
        R"({"id":1,"date":"2026-11-28","client":"brit","invoice":"2026-0001","amount":{"amount":"50.00","currency":"GBP"},)"
        R"("eur":{"amount":"58.10","currency":"EUR"},"method":"transfer","note":null,"activity":null,)" +
            kCreated +
            ",\n"
            R"({"id":2,"date":"2026-11-28","client":"brit","invoice":"2026-0001","amount":{"amount":"70.00","currency":"GBP"},)"
            R"("eur":{"amount":"81.35","currency":"EUR"},"method":"card","note":null,"activity":null,)" +
            kCreated + "\n]\n");
    auto paid = ok(ws, {"invoice", "show", "2026-0001", "--json"});
    CHECK(after(paid, "status") == R"("paid")");
    CHECK(after(paid, "paid") == money("120.00", "GBP"));
}

TEST_CASE("cli/payment a payment in another currency without its EUR amount is recorded with a warning") {
    // docs/contract.md §1: a payment in another currency carries the EUR actually received; the
    // URSSAF report (issue 6) lists those that lack it, so the payment is kept and the user
    // is told at once.
    Workspace ws;
    two_clients(ws);
    CHECK(issued_invoice(ws, "brit/app", "9:00-10:30", "2026-10-06") == "2026-0001");
    auto receipt = ws.run({"payment", "add", "--client", "brit", "--amount", "50"});
    CHECK(receipt.code == 0);
    CHECK(receipt.out == "1\n");
    CHECK(receipt.err == "slash: warning: payment 1 is in GBP without its EUR amount: the URSSAF figures need it; "
                         "record the EUR received with --eur\n");
    auto paid = ws.run({"invoice", "pay", "2026-0001"});
    CHECK(paid.code == 0);
    CHECK(paid.out == "2\n");
    CHECK(paid.err == "slash: warning: payment 2 is in GBP without its EUR amount: the URSSAF figures need it; "
                      "record the EUR received with --eur\n");
    CHECK(ok(ws, {"payment", "list", "--template", "{id} {amount} {eur}"}) == "1 50.00 GBP \n2 120.00 GBP \n");
}

TEST_CASE("cli/payment a payment cannot be dated in the future nor carry a multi-line note") {
    Workspace ws;
    two_clients(ws);
    expect_refusal(ws, {"payment", "add", "--client", "brit", "--amount", "5", "--eur", "6", "--on", "2026-12-01"}, 2,
                   "invalid --on \"2026-12-01\": 2026-12-01 is in the future; record a payment once it is received");
    CHECK(issued_invoice(ws, "brit/app", "9:00-10:30", "2026-10-06") == "2026-0001");
    expect_refusal(ws, {"invoice", "pay", "2026-0001", "--eur", "100", "--on", "2027-01-01"}, 2,
                   "invalid --on \"2027-01-01\": 2027-01-01 is in the future; record a payment once it is received");
    expect_refusal(ws, {"invoice", "pay", "2026-0001", "--eur", "100", "--on", "2026-11-01"}, 2,
                   "invalid --on \"2026-11-01\": invoice 2026-0001 is dated 2026-11-02; money received before an "
                   "invoice is a receipt (slash payment add)");
    expect_refusal(ws, {"invoice", "pay", "2026-0001", "--eur", "100", "--note", "a\nb"}, 2,
                   "invalid --note \"a\\x0ab\": it must be one line without control characters");
}

TEST_CASE("cli/payment add --activity: the URSSAF activity of a receipt, stored and listed") {
    Workspace ws;
    two_clients(ws);
    CHECK(ok(ws, {"payment", "add", "--client", "acme", "--amount", "116.50", "--on", "2026-11-10", "--activity",
                  "bic-services", "--note", "micro-tâches"}) == "1\n");
    CHECK(ok(ws, {"payment", "add", "--client", "acme", "--amount", "40", "--on", "2026-11-11", "--activity",
                  "default"}) == "2\n");
    CHECK(ok(ws, {"payment", "add", "--client", "acme", "--amount", "50", "--on", "2026-11-12"}) == "3\n");
    CHECK(ok(ws, {"payment", "list", "--json"}) ==
          "[\n"
          R"({"id":1,"date":"2026-11-10","client":"acme","invoice":null,"amount":{"amount":"116.50","currency":"EUR"},)"
          R"("eur":{"amount":"116.50","currency":"EUR"},"method":"platform","note":"micro-tâches",)"
          R"("activity":"bic-services",)" +
              kCreated + ",\n" +
              R"({"id":2,"date":"2026-11-11","client":"acme","invoice":null,)"
              R"("amount":{"amount":"40.00","currency":"EUR"},)"
              R"("eur":{"amount":"40.00","currency":"EUR"},"method":"platform","note":null,"activity":null,)" +
              kCreated + ",\n" +
              R"({"id":3,"date":"2026-11-12","client":"acme","invoice":null,)"
              R"("amount":{"amount":"50.00","currency":"EUR"},)"
              R"("eur":{"amount":"50.00","currency":"EUR"},"method":"platform","note":null,"activity":null,)" +
              kCreated + "\n]\n");
    // What the URSSAF declaration of November makes of them: 116.50 BIC services, the rest
    // the config's activity (bnc).
    auto r = ws.run({"urssaf", "month", "--template", "{activity} {turnover}"});
    CHECK(r.code == 0);
    CHECK(r.out == "bnc 90.00 EUR\nbic-services 116.50 EUR\nbic-sales 0.00 EUR\n");
    for (const char* bad : {"bic", "BNC", ""}) {
        expect_refusal(ws, {"payment", "add", "--client", "acme", "--amount", "10", "--activity", bad}, 2,
                       "invalid --activity \"" + std::string(bad) + "\": use bnc, bic-services or bic-sales");
    }
}
