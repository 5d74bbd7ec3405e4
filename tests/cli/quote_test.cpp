#include <doctest/doctest.h>

#include <algorithm>
#include <latch>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "support/commands.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::Workspace;

// Quotes (devis, issue 19; slash-quote(1)). The clock of the workspace is 2026-11-28.

namespace {

void acme(Workspace& ws) {
    init_seller(ws);
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address", "75002 Paris",
            "--siren", "552100554", "--hourly", "65"});
}

// Draft 1 for acme: 2 days of audit at 600, 30 hours of development at 80, hosting at 250
// (one unit: a fixed price), and 5 licences at 40 (units).
void priced_draft(Workspace& ws) {
    CHECK(ok(ws, {"quote", "new", "acme", "--title", "Refonte du site"}) == "1\n");
    CHECK(ok(ws, {"quote", "line", "add", "1", "Audit technique", "--price", "600", "--quantity", "2", "--unit",
                  "day"}) == "1\n");
    CHECK(ok(ws, {"quote", "line", "add", "1", "Développement", "--price", "80", "--quantity", "30", "--unit",
                  "hour"}) == "2\n");
    CHECK(ok(ws, {"quote", "line", "add", "1", "Hébergement", "--price", "250"}) == "3\n");
    CHECK(ok(ws, {"quote", "line", "add", "1", "Licences", "--price", "40", "--quantity", "5"}) == "4\n");
}

}  // namespace

TEST_CASE("cli/quote: a draft is priced, issued as D2026-0001 and shown with its signature block") {
    Workspace ws;
    acme(ws);
    priced_draft(ws);
    CHECK(ok(ws, {"quote", "line", "rm", "1", "4"}) == "1\n");
    CHECK(ok(ws, {"quote", "issue", "1", "--date", "2026-11-02"}) == "D2026-0001\n");
    // 2 × 600 + 30 × 80 + 250 = 1,200 + 2,400 + 250 = 3,850.00; franchise: no VAT. Valid
    // 30 days ([quote] valid_days) after 2 November: 2 December.
    CHECK(ok(ws, {"quote", "show", "D2026-0001"}) == "DEVIS D2026-0001\n"
                                                    "Client:      ACME SAS (acme)\n"
                                                    "Title:       Refonte du site\n"
                                                    "Status:      issued\n"
                                                    "Date:        2026-11-02\n"
                                                    "Valid until: 2026-12-02\n"
                                                    "\n"
                                                    "1. Audit technique: 2 day x 600.00 EUR = 1200.00 EUR\n"
                                                    "2. Développement: 30 hour x 80.00 EUR = 2400.00 EUR\n"
                                                    "3. Hébergement: 1 unit x 250.00 EUR = 250.00 EUR\n"
                                                    "\n"
                                                    "Net:   3850.00 EUR\n"
                                                    "VAT:   0.00 EUR\n"
                                                    "Total: 3850.00 EUR\n"
                                                    "TVA non applicable, art. 293 B du CGI\n"
                                                    "\n"
                                                    "Bon pour accord (date, signature) :\n");
}

TEST_CASE("cli/quote: numbers are gapless in their own series, apart from invoices") {
    Workspace ws;
    acme(ws);
    priced_draft(ws);
    CHECK(ok(ws, {"quote", "new", "acme"}) == "2\n");
    CHECK(ok(ws, {"quote", "line", "add", "2", "Maintenance", "--price", "100"}) == "1\n");
    CHECK(ok(ws, {"quote", "new", "acme"}) == "3\n");
    CHECK(ok(ws, {"quote", "issue", "2"}) == "D2026-0001\n");
    CHECK(ok(ws, {"quote", "issue", "1"}) == "D2026-0002\n");
    expect_refusal(ws, {"quote", "issue", "3"}, 1,
                   "cannot issue draft 3: it has no line; add one with slash quote line add 3 DESCRIPTION --price P");
    expect_refusal(ws, {"quote", "issue", "D2026-0001"}, 4, "quote D2026-0001 is already issued");
    // Draft 1: 2 × 600 + 30 × 80 + 250 + 5 × 40 = 1,200 + 2,400 + 250 + 200 = 4,050.00.
    CHECK(ok(ws, {"quote", "list"}) == "D2026-0002\tacme\tissued\t2026-11-28\t2026-12-28\t4050.00 EUR\tRefonte du site\n"
                                       "D2026-0001\tacme\tissued\t2026-11-28\t2026-12-28\t100.00 EUR\t\n"
                                       "3\tacme\tdraft\t\t\t0.00 EUR\t\n");
}

TEST_CASE("cli/quote: an accepted quote becomes one mission per line, in one go") {
    Workspace ws;
    acme(ws);
    priced_draft(ws);
    ok(ws, {"quote", "issue", "1"});
    CHECK(ok(ws, {"quote", "accept", "D2026-0001"}) ==
          "acme/audit-technique\nacme/developpement\nacme/hebergement\nacme/licences\n");
    // By hand: the audit is daily at 600.00, 2 days of [time] hours_per_day 7 = 14 h =
    // 50,400 s; development hourly at 80.00, 30 h = 108,000 s; hosting (1 unit) a fixed
    // price of its net, 250.00; licences (5 units) per unit at 40.00, no estimate.
    auto audit = ok(ws, {"mission", "show", "acme/audit-technique", "--json"});
    CHECK(audit.find("\"billing\":\"daily\",\"rate\":{\"amount\":\"600.00\",\"currency\":\"EUR\"}") !=
          std::string::npos);
    CHECK(audit.find("\"estimate_seconds\":50400") != std::string::npos);
    // mission show cites the quote; a mission not made from one has no such field.
    CHECK(audit.find(",\"quote\":\"D2026-0001\"}") != std::string::npos);
    auto piped = ok(ws, {"mission", "show", "acme/audit-technique"});
    CHECK(piped.size() >= 17);
    CHECK(piped.substr(piped.size() - 17) == "quote\tD2026-0001\n");
    ok(ws, {"mission", "add", "acme/support"});
    CHECK(ok(ws, {"mission", "show", "acme/support", "--json"}).find("\"quote\"") == std::string::npos);
    auto dev = ok(ws, {"mission", "show", "acme/developpement", "--json"});
    CHECK(dev.find("\"billing\":\"hourly\",\"rate\":{\"amount\":\"80.00\",\"currency\":\"EUR\"}") != std::string::npos);
    CHECK(dev.find("\"estimate_seconds\":108000") != std::string::npos);
    auto hosting = ok(ws, {"mission", "show", "acme/hebergement", "--json"});
    CHECK(hosting.find("\"billing\":\"fixed\",\"rate\":{\"amount\":\"250.00\",\"currency\":\"EUR\"}") !=
          std::string::npos);
    CHECK(hosting.find("\"estimate_seconds\":null") != std::string::npos);
    auto licences = ok(ws, {"mission", "show", "acme/licences", "--json"});
    CHECK(licences.find("\"billing\":\"unit\",\"rate\":{\"amount\":\"40.00\",\"currency\":\"EUR\"}") !=
          std::string::npos);
    CHECK(ok(ws, {"quote", "list", "--status", "accepted"}).rfind("D2026-0001\tacme\taccepted\t", 0) == 0);

    // An accepted quote never changes, and its answer is given once.
    expect_refusal(ws, {"quote", "accept", "D2026-0001"}, 4, "quote D2026-0001 is already accepted");
    expect_refusal(ws, {"quote", "decline", "D2026-0001"}, 4, "quote D2026-0001 is already accepted");
    expect_refusal(ws, {"quote", "line", "add", "D2026-0001", "More", "--price", "1"}, 4,
                   "quote D2026-0001 is accepted: it cannot change; make a new quote (slash quote new acme)");
    // Handles stay unique: a second accepted quote with an audit gets acme/audit-technique-2.
    ok(ws, {"quote", "new", "acme"});
    ok(ws, {"quote", "line", "add", "2", "Audit technique", "--price", "500"});
    ok(ws, {"quote", "issue", "2"});
    CHECK(ok(ws, {"quote", "accept", "D2026-0002"}) == "acme/audit-technique-2\n");
}

TEST_CASE("cli/quote: edits after issue, declines and expired quotes are refused with the way out") {
    Workspace ws;
    acme(ws);
    priced_draft(ws);
    ok(ws, {"quote", "issue", "1"});
    expect_refusal(ws, {"quote", "line", "add", "D2026-0001", "More", "--price", "1"}, 4,
                   "quote D2026-0001 is issued: it cannot change; make a new quote (slash quote new acme)");
    expect_refusal(ws, {"quote", "line", "rm", "D2026-0001", "1"}, 4,
                   "quote D2026-0001 is issued: it cannot change; make a new quote (slash quote new acme)");
    CHECK(ok(ws, {"quote", "decline", "D2026-0001"}) == "D2026-0001\n");
    expect_refusal(ws, {"quote", "accept", "D2026-0001"}, 4, "quote D2026-0001 is already declined");
    CHECK(ok(ws, {"quote", "list", "--status", "declined"}).rfind("D2026-0001\tacme\tdeclined\t", 0) == 0);

    // Issued 1 October, valid 30 days: expired on 28 November.
    ok(ws, {"quote", "new", "acme"});
    ok(ws, {"quote", "line", "add", "2", "Audit", "--price", "500"});
    CHECK(ok(ws, {"quote", "issue", "2", "--date", "2026-10-01"}) == "D2026-0002\n");
    CHECK(ok(ws, {"quote", "list", "--status", "expired"}) ==
          "D2026-0002\tacme\texpired\t2026-10-01\t2026-10-31\t500.00 EUR\t\n");
    expect_refusal(ws, {"quote", "accept", "D2026-0002"}, 1,
                   "cannot accept D2026-0002: it was valid until 2026-10-31; make a new quote with a later "
                   "--valid-until");
    // A draft given --valid-until keeps it at issue.
    CHECK(ok(ws, {"quote", "new", "acme", "--valid-until", "2027-01-15"}) == "3\n");
    ok(ws, {"quote", "line", "add", "3", "Audit", "--price", "500"});
    ok(ws, {"quote", "issue", "3"});
    CHECK(ok(ws, {"quote", "list", "--status", "issued"}) ==
          "D2026-0003\tacme\tissued\t2026-11-28\t2027-01-15\t500.00 EUR\t\n");
}

TEST_CASE("cli/quote: bad input is refused naming the value, data unchanged") {
    Workspace ws;
    acme(ws);
    ok(ws, {"quote", "new", "acme"});
    expect_refusal(ws, {"quote", "new", "nobody"}, 3, "unknown client \"nobody\"; see \"slash client list --all\"");
    expect_refusal(ws, {"quote", "new", "acme", "--valid-until", "2026-11-01"}, 2,
                   "invalid --valid-until \"2026-11-01\": 2026-11-01 is past; a quote is valid until today or later");
    expect_refusal(ws, {"quote", "line", "add", "1", "Audit", "--price", "500", "--unit", "week"}, 2,
                   "invalid --unit \"week\": use hour, day or unit");
    expect_refusal(ws, {"quote", "line", "add", "1", "Audit", "--price", "-5"}, 2,
                   "invalid --price \"-5\": a quote line needs a price above zero (each line becomes a mission)");
    expect_refusal(ws, {"quote", "line", "add", "1", "Audit", "--price", "5", "--quantity", "0"}, 2,
                   "invalid --quantity \"0\": use a positive number with at most 3 decimals, such as 1, 2.5 or 0.125");
    expect_refusal(ws, {"quote", "line", "rm", "1", "1"}, 2, "invalid line 1: draft 1 has 0 lines; see slash quote show 1");
    expect_refusal(ws, {"quote", "show", "D2026-0009"}, 3,
                   "no quote \"D2026-0009\": give a quote number or a draft id (slash quote list)");
    expect_refusal(ws, {"quote", "accept", "1"}, 4, "draft 1 is not issued: issue it first (slash quote issue 1)");
    expect_refusal(ws, {"quote", "decline", "1"}, 4, "draft 1 is not issued: only an issued quote can be declined");
    expect_refusal(ws, {"quote", "list", "--status", "open"}, 2,
                   "invalid --status \"open\": use draft, issued, accepted, declined or expired");
}

TEST_CASE("cli/quote: two processes issuing at once get consecutive numbers") {
    Workspace ws;
    acme(ws);
    for (const char* id : {"1", "2"}) {
        ok(ws, {"quote", "new", "acme"});
        ok(ws, {"quote", "line", "add", id, "Audit", "--price", "500"});
    }
    std::map<std::string, std::string> env(ws.env.variables.begin(), ws.env.variables.end());
    std::vector<slash::testing::ProcessResult> results(2);
    std::latch start(2);
    std::vector<std::thread> threads;
    for (int p = 0; p < 2; ++p) {
        threads.emplace_back([&, p] {
            start.arrive_and_wait();
            results[static_cast<std::size_t>(p)] = slash::testing::run_process(
                {slash::testing::slash_binary(), "quote", "issue", std::to_string(p + 1)}, env);
        });
    }
    for (auto& thread : threads) thread.join();
    std::vector<std::string> printed;
    for (const auto& r : results) {
        INFO(r.err);
        CHECK(r.code == 0);
        printed.push_back(r.out);
    }
    std::sort(printed.begin(), printed.end());
    CHECK(printed == std::vector<std::string>{"D2026-0001\n", "D2026-0002\n"});
}
