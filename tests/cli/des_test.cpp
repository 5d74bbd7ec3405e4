#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::Workspace;

// `slash des` (docs/contract.md §4): now is 2026-11-28T10:00Z, so the default month is
// October 2026. Amounts by hand: 65.00 an hour for be and de, 100.00 USD for nl.

namespace {

void client(Workspace& ws, const std::string& handle, const std::string& country, const std::string& vat_id,
            const std::string& currency, const std::string& rate) {
    ok(ws, {"client", "add", handle, "--name", handle + " company", "--address", "Street 1", "--address", "City",
            "--country", country, "--vat-id", vat_id, "--currency", currency, "--hourly", rate, "--email",
            "ap@" + handle + ".example"});
    ok(ws, {"mission", "add", handle + "/work", "--title", "Work"});
}

// Two BE invoices, a DE invoice and a USD invoice for October, a DE invoice for September
// issued in October, and a credit note cancelling the second BE invoice in November.
void october(Workspace& ws) {
    init_seller(ws);
    ok(ws, {"config", "set", "seller.vat_id", "FR11123456782"});
    client(ws, "be", "BE", "BE0477472701", "EUR", "65");
    client(ws, "de", "DE", "DE136695976", "EUR", "65");
    client(ws, "nl", "NL", "NL123456789B01", "USD", "100");
    run_ok(ws, {"log", "de/work", "9:00-10:00", "--on", "2026-09-10"});   // 1 h: 65.00, September
    run_ok(ws, {"log", "be/work", "9:00-11:00", "--on", "2026-10-05"});   // 2 h: 130.00
    run_ok(ws, {"log", "be/work", "9:00-12:00", "--on", "2026-10-20"});   // 3 h: 195.00
    run_ok(ws, {"log", "de/work", "9:00-10:00", "--on", "2026-10-07"});   // 1 h: 65.00
    run_ok(ws, {"log", "nl/work", "9:00-10:00", "--on", "2026-10-08"});   // 1 h: 100.00 USD
    CHECK(run_ok(ws, {"invoice", "new", "de", "2026-09"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "issue", "1", "--date", "2026-10-02"}) == "2026-0001\n");
    CHECK(run_ok(ws, {"invoice", "new", "be", "2026-10-01..2026-10-15"}) == "2\n");
    CHECK(run_ok(ws, {"invoice", "new", "be", "2026-10-16..2026-10-31"}) == "3\n");
    CHECK(run_ok(ws, {"invoice", "new", "de", "2026-10"}) == "4\n");
    CHECK(run_ok(ws, {"invoice", "new", "nl", "2026-10"}) == "5\n");
    for (const char* id : {"2", "3", "4", "5"}) run_ok(ws, {"invoice", "issue", id});
    CHECK(run_ok(ws, {"invoice", "credit", "2026-0003", "--reason", "Doublon"}) == "AV2026-0001\n");
}

const std::string kUsdMissing =
    "the EUR amount: the DES declares euros, at the exchange rate of the month the VAT became chargeable; slash does "
    "not convert USD";

}  // namespace

TEST_CASE("cli/des counts the month the services end, credit notes with the invoice they cancel") {
    Workspace ws;
    october(ws);
    // BE: 130.00 + 195.00 - 195.00 (the credit note) = 130.00; DE: 65.00; total 195.00.
    // The September DE invoice, issued in October, is not October's; USD is listed apart.
    auto r = ws.run({"des"});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "BE0477472701\tBE\tbe\t2026-0002; 2026-0003; AV2026-0001\t130.00 EUR\t\n"
          "DE136695976\tDE\tde\t2026-0004\t65.00 EUR\t\n"
          "TOTAL\t\t\t\t195.00 EUR\t\n"
          "NL123456789B01\tNL\tnl\t2026-0005\t100.00 USD\t" + kUsdMissing + "\n");
    CHECK(r.err == "slash: warning: 1 invoice in another currency left out of the total: declare it in EUR yourself\n");
    CHECK(ok(ws, {"des", "2026-09"}) == "DE136695976\tDE\tde\t2026-0001\t65.00 EUR\t\nTOTAL\t\t\t\t65.00 EUR\t\n");

    r = ws.run({"des", "2026-10", "--json"});
    CHECK(r.code == 0);
    CHECK(r.out ==
          R"([)" "\n"
          R"({"month":"2026-10","vat_id":"BE0477472701","country":"BE","client":"be",)"
          R"("invoices":["2026-0002","2026-0003","AV2026-0001"],"amount":{"amount":"130.00","currency":"EUR"},)"
          R"("missing":null},)" "\n"
          R"({"month":"2026-10","vat_id":"DE136695976","country":"DE","client":"de","invoices":["2026-0004"],)"
          R"("amount":{"amount":"65.00","currency":"EUR"},"missing":null},)" "\n"
          R"({"month":"2026-10","vat_id":"NL123456789B01","country":"NL","client":"nl","invoices":["2026-0005"],)"
          R"("amount":{"amount":"100.00","currency":"USD"},"missing":")" + kUsdMissing + "\"}\n]\n");

    auto csv = ok(ws, {"des", "2026-09", "--csv"});
    CHECK(csv.find("DE136695976,DE,de,2026-0001,65.00") != std::string::npos);
    CHECK(csv.find("TOTAL") == std::string::npos);
}

TEST_CASE("cli/des of a month with nothing to declare, and a month that is not one") {
    Workspace ws;
    october(ws);
    auto before = ws.dump();
    auto r = ws.run({"des", "2026-11"});
    CHECK(r.code == 0);
    CHECK(r.out == "");
    CHECK(r.err == "slash: nothing to declare for 2026-11: no reverse-charge service performed that month\n");
    expect_refusal(ws, {"des", "2026"}, 2,
                   "invalid month \"2026\": use YYYY-MM, month or lastmonth (the DES is monthly)");
    expect_refusal(ws, {"des", "octobre"}, 2,
                   "invalid month \"octobre\": use YYYY-MM, month or lastmonth (the DES is monthly)");
    CHECK(ws.dump() == before);
}
