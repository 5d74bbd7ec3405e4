#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::have_program;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::run_process;
using slash::testing::source_dir;
using slash::testing::Workspace;

// Deposits on fixed-price missions (issue 19, slash-invoice(1) "slash invoice deposit"): the
// story of the issue, worked out by hand. A 3,500.00 EUR website due mid-December gets a
// 30 % deposit in November (1,050.00); work is logged; the final invoice, once the mission is
// done, bills 3,500.00, deducts the deposit and leaves 2,450.00 to pay.

namespace {

void at(Workspace& ws, const std::string& now) { ws.env.variables["SLASH_NOW"] = now; }


// The lines of `text` from the one starting with `first` to the end of that block.
std::string block_from(const std::string& text, const std::string& first) {
    auto start = text.find(first);
    if (start == std::string::npos) return "(no line starting " + first + ")";
    auto end = text.find("\n\n", start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start + 1);
}

void brasserie(Workspace& ws) {
    init_seller(ws);
    ok(ws, {"client", "add", "brasserie", "--name", "Brasserie du Port SAS", "--address", "2 quai Y", "--address",
            "13002 Marseille", "--siren", "552100554", "--email", "compta@brasserie.example"});
    ok(ws, {"mission", "add", "brasserie/site", "--title", "Site vitrine", "--fixed", "3500", "--due",
            "2026-12-15"});
}

// Runs tests/conformance/validate on the CII of each invoice (about 15 s each).
void validate(Workspace& ws, const std::vector<std::string>& numbers) {
    if (!have_program("java") || !have_program("xmllint")) {
        MESSAGE("skipped: java and xmllint (Debian default-jre-headless, libxml2-utils) are not installed");
        return;
    }
    for (const auto& number : numbers) {
        auto xml = (ws.dir() / (number + ".xml")).string();
        run_ok(ws, {"invoice", "show", number, "--format", "cii", "-o", xml});
        auto result = run_process({source_dir() + "/tests/conformance/validate", xml});
        INFO(number << ":\n" << result.out << result.err);
        CHECK(result.code == 0);
    }
}

}  // namespace

TEST_CASE("cli/deposit a 30 % deposit, then the final invoice deducts it: 3500.00 - 1050.00 = 2450.00 (fr)") {
    Workspace ws;
    brasserie(ws);
    at(ws, "2026-11-15T09:00:00Z");
    auto r = ws.run({"invoice", "deposit", "brasserie/site", "--percent", "30"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    // 30 % of 3500.00 = 1050.00, franchise: no VAT.
    CHECK(r.err == "slash: draft 1 for brasserie: 1 line, 1050.00 EUR (2026-11-15 to 2026-11-15)\n");
    auto draft = ok(ws, {"invoice", "show", "1", "--json"});
    CHECK(draft.find(R"("description":"Acompte de 30 % — Site vitrine","quantity":"1.000","unit_code":"C62")") !=
          std::string::npos);
    CHECK(draft.find(R"("deposit_of":"brasserie/site","deposits":[],"prepaid":{"amount":"0.00","currency":"EUR"})") !=
          std::string::npos);
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
    CHECK(ok(ws, {"invoice", "show", "2026-0001"}).rfind("FACTURE D'ACOMPTE 2026-0001\n", 0) == 0);
    CHECK(ok(ws, {"mission", "show", "brasserie/site", "--template", "{deposits} {unbilled}"}) ==
          "1050.00 EUR 0.00 EUR\n");
    run_ok(ws, {"invoice", "pay", "2026-0001", "--on", "2026-11-15"});

    // Work in November; the mission is still open: under fixed_price = "completion" (the
    // default) its price waits, and the message says what to do.
    at(ws, "2026-12-01T09:00:00Z");
    run_ok(ws, {"log", "brasserie/site", "9:00-11:00", "--on", "2026-11-23"});
    expect_refusal(ws, {"invoice", "new", "brasserie", "2026-11"}, 1,
                   "nothing to bill for brasserie from 2026-11-01 to 2026-11-30: its work is on fixed-price missions "
                   "billed on completion (brasserie/site): \"slash mission done brasserie/site\" first, or bill a "
                   "deposit with \"slash invoice deposit brasserie/site --percent 30\"");
    expect_refusal(ws, {"invoice", "monthly", "2026-11"}, 1,
                   "nothing to bill from 2026-11-01 to 2026-11-30: no client has unbilled billable work in that "
                   "period");
    CHECK(ok(ws, {"mission", "show", "brasserie/site", "--json"}).find(R"("unbilled":{"amount":"0.00")") !=
          std::string::npos);

    // Done: the final invoice bills the price and deducts the deposit (1050.00 on 2026-11-15).
    ok(ws, {"mission", "done", "brasserie/site"});
    CHECK(ok(ws, {"mission", "show", "brasserie/site", "--json"}).find(R"("unbilled":{"amount":"3500.00")") !=
          std::string::npos);
    CHECK(run_ok(ws, {"invoice", "new", "brasserie", "2026-11"}) == "2\n");
    auto issued = ws.run({"invoice", "issue", "2", "--date", "2026-11-30"});
    CHECK(issued.out == "2026-0002\n");
    CHECK(issued.err == "slash: issued 2026-0002 to brasserie: 3500.00 EUR (2450.00 EUR after deposits), due 2026-12-30\n");
    auto final_json = ok(ws, {"invoice", "show", "2026-0002", "--json"});
    CHECK(final_json.find(R"("total":{"amount":"3500.00","currency":"EUR"},"paid":{"amount":"0.00","currency":"EUR"},)"
                          R"("due":{"amount":"2450.00","currency":"EUR"})") != std::string::npos);
    CHECK(final_json.find(R"("deposit_of":null,"deposits":[{"number":"2026-0001","issue_date":"2026-11-15",)"
                          R"("amount":{"amount":"1050.00","currency":"EUR"}}],"prepaid":{"amount":"1050.00",)"
                          R"("currency":"EUR"})") != std::string::npos);
    CHECK(block_from(ok(ws, {"invoice", "show", "2026-0002"}), "                      Total") ==
          "                      Total                             3\u202F500,00\u00A0€\n"
          "                      Acompte 2026-0001 du 15/11/2026  -1\u202F050,00\u00A0€\n"
          "                      Reste à payer                     2\u202F450,00\u00A0€\n");
    auto cii = ok(ws, {"invoice", "show", "2026-0002", "--format", "cii"});
    CHECK(cii.find("<ram:GrandTotalAmount>3500.00</ram:GrandTotalAmount>\n"
                   "        <ram:TotalPrepaidAmount>1050.00</ram:TotalPrepaidAmount>\n"
                   "        <ram:DuePayableAmount>2450.00</ram:DuePayableAmount>") != std::string::npos);
    CHECK(cii.find("<ram:IssuerAssignedID>2026-0001</ram:IssuerAssignedID>") != std::string::npos);

    // The deposit is deducted: it cannot be credited before the invoice deducting it.
    expect_refusal(ws, {"invoice", "credit", "2026-0001"}, 1,
                   "deposit 2026-0001 is deducted by invoice 2026-0002: credit that invoice first");
    // Paying the rest: the amount due by default is 2450.00, and then it is paid.
    CHECK(run_ok(ws, {"invoice", "pay", "2026-0002"}) == "2\n");
    CHECK(ok(ws, {"invoice", "list", "--status", "paid", "-q"}) == "2026-0001\n2026-0002\n");
    CHECK(ok(ws, {"invoice", "show", "2026-0002", "--json"}).find(R"("paid":{"amount":"2450.00","currency":"EUR"},)"
                                                                   R"("due":{"amount":"0.00","currency":"EUR"})") !=
          std::string::npos);
    // Invoiced in November: 1050.00 + (3500.00 - 1050.00) = 3500.00, the price, once.
    CHECK(ok(ws, {"revenue", "2026", "--json"}).find(R"("month":"2026-11","invoiced":{"amount":"3500.00")") !=
          std::string::npos);
}

TEST_CASE("cli/deposit under VAT, in English: two deposits and a final invoice pass the three validators") {
    Workspace ws;
    init_seller(ws);
    ok(ws, {"config", "set", "tax.regime", "standard"});
    ok(ws, {"config", "set", "seller.vat_id", "FR11123456782"});
    ok(ws, {"client", "add", "north", "--name", "Northwind SAS", "--address", "1 rue X", "--address", "75002 Paris",
            "--siren", "552100554", "--vat-id", "FR96552100554", "--email", "ap@north.example", "--language", "en"});
    ok(ws, {"mission", "add", "north/app", "--title", "Mobile app", "--fixed", "2000"});
    at(ws, "2026-10-05T09:00:00Z");
    // 500.00 net + 20 % VAT (100.00) = 600.00.
    CHECK(run_ok(ws, {"invoice", "deposit", "north/app", "--amount", "500"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
    at(ws, "2026-10-20T09:00:00Z");
    // 25 % of 2000.00 = 500.00 net, 600.00 with VAT.
    CHECK(run_ok(ws, {"invoice", "deposit", "north/app", "--percent", "25"}) == "2\n");
    CHECK(run_ok(ws, {"invoice", "issue", "2"}) == "2026-0002\n");
    auto deposit = ok(ws, {"invoice", "show", "2026-0002", "--json"});
    CHECK(deposit.find(R"("description":"Deposit of 25% — Mobile app")") != std::string::npos);
    CHECK(deposit.find(R"("net":{"amount":"500.00","currency":"EUR"},"vat":{"amount":"100.00","currency":"EUR"},)"
                       R"("total":{"amount":"600.00","currency":"EUR"})") != std::string::npos);
    CHECK(ok(ws, {"invoice", "show", "2026-0002", "--format", "cii"}).find("<ram:TypeCode>386</ram:TypeCode>") !=
          std::string::npos);
    // At most 2000.00 - 1000.00 = 1000.00 is left to deposit.
    expect_refusal(ws, {"invoice", "deposit", "north/app", "--amount", "1000.01"}, 1,
                   "a deposit of 1000.01 EUR would bring the deposits on north/app to 2000.01 EUR, more than its "
                   "price of 2000.00 EUR; at most 1000.00 EUR is left");

    // Final: 2000.00 net + 400.00 VAT = 2400.00, less 600.00 + 600.00 = 1200.00 due.
    at(ws, "2026-11-02T09:00:00Z");
    run_ok(ws, {"log", "north/app", "9:00-12:00", "--on", "2026-10-21"});
    ok(ws, {"mission", "done", "north/app"});
    CHECK(run_ok(ws, {"invoice", "new", "north", "2026-10"}) == "3\n");
    CHECK(run_ok(ws, {"invoice", "issue", "3"}) == "2026-0003\n");
    CHECK(block_from(ok(ws, {"invoice", "show", "2026-0003"}), "                     Total net") ==
          "                     Total net                         €2,000.00\n"
          "                     VAT 20%                             €400.00\n"
          "                     Total                             €2,400.00\n"
          "                     Deposit 2026-0001 of 5 Oct 2026    -€600.00\n"
          "                     Deposit 2026-0002 of 20 Oct 2026   -€600.00\n"
          "                     Amount due                        €1,200.00\n");
    auto final_json = ok(ws, {"invoice", "show", "2026-0003", "--json"});
    CHECK(final_json.find(R"("total":{"amount":"2400.00","currency":"EUR"},"paid":{"amount":"0.00","currency":"EUR"},)"
                          R"("due":{"amount":"1200.00","currency":"EUR"})") != std::string::npos);
    CHECK(final_json.find(R"("prepaid":{"amount":"1200.00","currency":"EUR"})") != std::string::npos);
    validate(ws, {"2026-0002", "2026-0003"});
}

TEST_CASE("cli/deposit refusals, a draft deposit, and a credited final invoice freeing its deposits") {
    Workspace ws;
    brasserie(ws);
    ok(ws, {"mission", "add", "brasserie/audit", "--hourly", "80"});
    expect_refusal(ws, {"invoice", "deposit", "brasserie/audit", "--percent", "30"}, 1,
                   "mission brasserie/audit is billed hourly: a deposit is an advance on a fixed price (slash "
                   "mission edit brasserie/audit --fixed PRICE)");
    expect_refusal(ws, {"invoice", "deposit", "brasserie/site"}, 2,
                   "a deposit needs --percent P or --amount A (one of them)");
    expect_refusal(ws, {"invoice", "deposit", "brasserie/site", "--percent", "0"}, 2,
                   "invalid --percent \"0\": use a percentage above 0 and at most 100, such as 30 or 12.5");
    expect_refusal(ws, {"invoice", "deposit", "brasserie/site", "--percent", "101"}, 2,
                   "invalid --percent \"101\": use a percentage above 0 and at most 100, such as 30 or 12.5");
    auto both = ws.run({"invoice", "deposit", "brasserie/site", "--percent", "30", "--amount", "5"});
    CHECK(both.code == 2);
    CHECK(both.err.find("--percent excludes --amount") != std::string::npos);

    // A deposit left a draft stops the final invoice; issued, it is deducted.
    at(ws, "2026-11-10T09:00:00Z");
    CHECK(run_ok(ws, {"invoice", "deposit", "brasserie/site", "--amount", "1000"}) == "1\n");
    ok(ws, {"mission", "done", "brasserie/site"});
    at(ws, "2026-12-01T09:00:00Z");
    expect_refusal(ws, {"invoice", "new", "brasserie", "2026-11"}, 4,
                   "draft 1 is a deposit on brasserie/site: issue it (slash invoice issue 1) or delete it (slash "
                   "invoice rm 1) before the final invoice");
    CHECK(run_ok(ws, {"invoice", "issue", "1", "--date", "2026-11-10"}) == "2026-0001\n");
    CHECK(run_ok(ws, {"invoice", "new", "brasserie", "2026-11"}) == "2\n");
    CHECK(run_ok(ws, {"invoice", "issue", "2", "--date", "2026-11-30"}) == "2026-0002\n");
    // The price is billed: no more deposit.
    expect_refusal(ws, {"invoice", "deposit", "brasserie/site", "--amount", "10"}, 1,
                   "the price of brasserie/site is already on an invoice: a deposit comes before the final invoice");
    // Crediting the final invoice frees the deposit: the next final invoice deducts it again.
    run_ok(ws, {"invoice", "credit", "2026-0002", "--reason", "wrong title"});
    CHECK(run_ok(ws, {"invoice", "new", "brasserie", "2026-11"}) == "4\n");
    CHECK(ok(ws, {"invoice", "show", "4", "--json"})
              .find(R"("deposits":[{"number":"2026-0001","issue_date":"2026-11-10",)") != std::string::npos);
    // And the deposit, once the draft deducting it is deleted, can be credited.
    expect_refusal(ws, {"invoice", "credit", "2026-0001"}, 1,
                   "deposit 2026-0001 is deducted by invoice draft 4: delete that invoice first");
    run_ok(ws, {"invoice", "rm", "4"});
    run_ok(ws, {"invoice", "credit", "2026-0001"});  // credit note AV2026-0002, id 5
    CHECK(run_ok(ws, {"invoice", "new", "brasserie", "2026-11"}) == "6\n");
    CHECK(ok(ws, {"invoice", "show", "6", "--json"}).find(R"("deposits":[],)") != std::string::npos);
}

TEST_CASE("cli/deposit a paid deposit counts in the URSSAF turnover of its mission's activity") {
    Workspace ws;
    brasserie(ws);
    ok(ws, {"mission", "add", "brasserie/menu", "--fixed", "1000", "--activity", "bic-services"});
    at(ws, "2026-11-10T09:00:00Z");
    CHECK(run_ok(ws, {"invoice", "deposit", "brasserie/menu", "--percent", "30"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
    run_ok(ws, {"invoice", "pay", "2026-0001"});
    at(ws, "2026-12-01T09:00:00Z");
    // 30 % of 1000.00 = 300.00 received in November: BIC services (the mission's), not the
    // configured BNC.
    auto urssaf = ok(ws, {"urssaf", "2026-11", "--json"});
    CHECK(urssaf.find(R"({"activity":"bnc","turnover":{"amount":"0.00","currency":"EUR"})") != std::string::npos);
    CHECK(urssaf.find(R"({"activity":"bic-services","turnover":{"amount":"300.00","currency":"EUR"})") !=
          std::string::npos);
}
