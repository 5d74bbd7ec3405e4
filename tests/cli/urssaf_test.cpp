#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <utility>
#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::Workspace;

// `slash urssaf [PERIOD]` (issue 6): the turnover collected in a month or a quarter, by
// activity, the contributions it costs, and the year to date against the micro-entreprise
// ceilings and the VAT franchise thresholds. Every figure is worked out by hand in the
// comments: rates of 2026 (BNC 25.6 %, BIC services 21.2 %, sales 12.3 %; versement
// libératoire 2.2 %, 1.7 %, 1 %; CFP 0.2 %, 0.1 %, 0.1 %), each product rounded to the cent
// half away from zero. Now is 2026-11-28T10:00Z (UTC) unless a test says otherwise.

namespace {

std::string eur(const std::string& amount) { return R"({"amount":")" + amount + R"(","currency":"EUR"})"; }

// One object of "activities" in the JSON, VL and CFP opted for.
std::string activity_json(const std::string& name, const std::string& turnover, const std::string& declared,
                          const std::string& rate, const std::string& contributions, const std::string& vl_rate,
                          const std::string& vl, const std::string& cfp_rate, const std::string& cfp,
                          const std::string& total, const std::string& year_to_date) {
    return R"({"activity":")" + name + R"(","turnover":)" + eur(turnover) + R"(,"declared":)" + eur(declared) +
           R"(,"contribution_rate":")" + rate + R"(","contributions":)" + eur(contributions) +
           R"(,"versement_liberatoire_rate":")" + vl_rate + R"(","versement_liberatoire":)" + eur(vl) +
           R"(,"cfp_rate":")" + cfp_rate + R"(","cfp":)" + eur(cfp) + R"(,"total":)" + eur(total) +
           R"(,"year_to_date":)" + eur(year_to_date) + "}";
}

std::string threshold_json(const std::string& name, const std::string& basis, const std::string& year_to_date,
                           const std::string& limit, const std::string& used, const std::string& status,
                           const std::string& crossed_on = "") {
    return R"({"threshold":")" + name + R"(","basis":")" + basis + R"(","year_to_date":)" + eur(year_to_date) +
           R"(,"limit":)" + eur(limit) + R"(,"used_percent":")" + used + R"(","status":")" + status +
           R"(","crossed_on":)" + (crossed_on.empty() ? std::string("null") : "\"" + crossed_on + "\"") + "}";
}

// The JSON text of a field of the top-level object (not of the objects inside it).
std::string field(const std::string& json, const std::string& key) {
    const std::string name = "\"" + key + "\":";
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (in_string) {
            if (c == '\\') ++i;
            if (c == '"') in_string = false;
            continue;
        }
        if (c == '"' && depth == 1 && json.compare(i, name.size(), name) == 0) {
            const std::size_t from = i + name.size();
            int inner = 0;
            bool quoted = false;
            for (std::size_t j = from; j < json.size(); ++j) {
                const char v = json[j];
                if (quoted) {
                    if (v == '\\') ++j;
                    if (v == '"') quoted = false;
                    continue;
                }
                if (v == '"') quoted = true;
                if (v == '{' || v == '[') ++inner;
                if ((v == '}' || v == ']') && inner-- == 0) return json.substr(from, j - from);
                if (v == ',' && inner == 0) return json.substr(from, j - from);
            }
            return json.substr(from);
        }
        if (c == '"') in_string = true;
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') --depth;
    }
    FAIL("no field " << key << " in " << json);
    return "";
}

// A client paying in EUR, with an address complete enough to invoice it.
void eur_client(Workspace& ws, const std::string& handle) {
    ok(ws, {"client", "add", handle, "--name", handle + " SAS", "--address", "1 rue X", "--address", "75002 Paris",
            "--siren", "552100554", "--hourly", "65"});
}

// Logs `range` on `day`, drafts the client's invoice of that month and issues it on
// `issued`; returns its number.
std::string invoice(Workspace& ws, const std::string& mission, const std::string& range, const std::string& day,
                    const std::string& issued) {
    run_ok(ws, {"log", mission, range, "--on", day});
    auto id = run_ok(ws, {"invoice", "new", mission.substr(0, mission.find('/')), day.substr(0, 7)});
    id.pop_back();
    auto number = run_ok(ws, {"invoice", "issue", id, "--date", issued});
    number.pop_back();
    return number;
}

std::string tty(Workspace& ws, const std::vector<std::string>& args) {
    ws.env.stdout_is_tty = true;
    ws.env.variables["NO_COLOR"] = "1";
    auto r = ws.run(args);
    ws.env.stdout_is_tty = false;
    INFO(r.err);
    REQUIRE(r.code == 0);
    return r.out;
}

// The worked example of issue 6: the third quarter of 2026 of a developer who also audits
// (BIC services), writes articles (per unit), sells a fixed-price shop (BIC sales), works for
// a British client in GBP and does micro-work paid out by a platform. The config's activity
// is bnc; the versement libératoire is opted for.
//
// Invoices (franchise: no VAT, total = net):
//   2026-0001 acme, May: acme/web 4 h × 65.00 = 260.00 EUR (bnc)
//   2026-0002 acme, July: acme/audit 7 h + 3.5 h = 1.5 days × 500.00 = 750.00 (bic-services)
//                         acme/web 6 h + 4 h = 10 h × 65.00 = 650.00 (bnc); total 1400.00 EUR
//   2026-0003 brit, July: brit/app 5 h × 80.00 = 400.00 GBP (bnc)
//   2026-0004 beta, August: beta/articles 12 articles × 40.00 = 480.00 (bnc)
//                           beta/shop, fixed price, 1200.00 (bic-sales)
//                           "Frais de port" 20.00, a line without mission: the default, bnc;
//                           total 1700.00 EUR
// Payments, by id:
//   1 2026-06-15 acme 260.00 EUR (2026-0001): before the quarter, in the year to date
//   2 2026-08-14 acme 1000.00 EUR (2026-0002, partly)
//   3 2026-08-20 brit 400.00 GBP (2026-0003), 465.20 EUR received
//   4 2026-09-10 beta 1700.00 EUR (2026-0004)
//   5 2026-09-25 malt 116.50 EUR, no invoice, platform payout of micro-work, bic-services
//   6 2026-09-02 usco 300.00 USD, no invoice, no EUR amount: left out, and said
//   7 2026-10-05 acme 400.00 EUR (2026-0002, the rest): after the quarter
void worked_example(Workspace& ws) {
    init_seller(ws);
    ok(ws, {"config", "set", "urssaf.versement_liberatoire", "true"});
    eur_client(ws, "acme");
    ok(ws, {"client", "add", "beta", "--name", "Béatrice Durand", "--kind", "individual", "--address", "3 place Y",
            "--address", "69001 Lyon", "--email", "beatrice@example.org", "--hourly", "50"});
    ok(ws, {"client", "add", "brit", "--name", "Brit Ltd", "--address", "10 Downing St", "--address", "London",
            "--country", "GB", "--email", "ap@brit.example", "--language", "en", "--currency", "GBP", "--hourly",
            "80"});
    eur_client(ws, "malt");
    ok(ws, {"client", "add", "usco", "--name", "US Co", "--address", "1 Main St", "--address", "Boston", "--country",
            "US", "--email", "ap@us.example", "--language", "en", "--currency", "USD", "--hourly", "90"});
    ok(ws, {"mission", "add", "acme/web", "--title", "Website"});
    ok(ws, {"mission", "add", "acme/audit", "--daily", "500", "--activity", "bic-services"});
    ok(ws, {"mission", "add", "beta/articles", "--unit", "40", "--unit-name", "article"});
    ok(ws, {"mission", "add", "beta/shop", "--fixed", "1200", "--activity", "bic-sales"});
    ok(ws, {"config", "set", "invoice.fixed_price", "first-work"});  // the price billed with its first work
    ok(ws, {"mission", "add", "brit/app"});

    REQUIRE(invoice(ws, "acme/web", "9:00-13:00", "2026-05-04", "2026-05-29") == "2026-0001");
    run_ok(ws, {"log", "acme/web", "9:00-15:00", "--on", "2026-07-01"});
    run_ok(ws, {"log", "acme/audit", "9:00-16:00", "--on", "2026-07-08"});
    run_ok(ws, {"log", "acme/audit", "9:00-12:30", "--on", "2026-07-09"});
    REQUIRE(invoice(ws, "acme/web", "9:00-13:00", "2026-07-02", "2026-07-31") == "2026-0002");
    REQUIRE(invoice(ws, "brit/app", "10:00-15:00", "2026-07-15", "2026-07-31") == "2026-0003");
    run_ok(ws, {"log", "beta/articles", "2h", "--on", "2026-08-03", "--units", "12"});
    run_ok(ws, {"log", "beta/shop", "3h", "--on", "2026-08-04"});
    REQUIRE(run_ok(ws, {"invoice", "new", "beta", "2026-08"}) == "4\n");
    REQUIRE(run_ok(ws, {"invoice", "line", "add", "4", "Frais de port", "--price", "20"}) == "3\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "4", "--date", "2026-08-31"}) == "2026-0004\n");
    // The invoices are what the comment says.
    REQUIRE(ok(ws, {"invoice", "list", "--template", "{number} {total}"}) ==
            "2026-0001 260.00 EUR\n2026-0002 1400.00 EUR\n2026-0003 400.00 GBP\n2026-0004 1700.00 EUR\n");

    REQUIRE(ok(ws, {"invoice", "pay", "2026-0001", "--on", "2026-06-15"}) == "1\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0002", "--amount", "1000", "--on", "2026-08-14"}) == "2\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0003", "--on", "2026-08-20", "--eur", "465.20"}) == "3\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0004", "--on", "2026-09-10"}) == "4\n");
    REQUIRE(ok(ws, {"payment", "add", "--client", "malt", "--amount", "116.50", "--on", "2026-09-25", "--method",
                    "platform", "--activity", "bic-services", "--note", "micro-tâches"}) == "5\n");
    REQUIRE(run_ok(ws, {"payment", "add", "--client", "usco", "--amount", "300", "--on", "2026-09-02"}) == "6\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0002", "--on", "2026-10-05"}) == "7\n");
}

// The third quarter by activity:
//   payment 2, 1000.00 of 2026-0002, in proportion to its lines' net, 650.00 bnc and 750.00
//   bic-services: 100000 × 650 / 1400 = 46428.57 cents, 100000 × 750 / 1400 = 53571.43; the
//   floors leave one cent, which goes to the larger remainder (0.57): bnc 464.29, bic-services
//   535.71;
//   payment 3, 465.20 EUR: bnc;
//   payment 4, 1700.00: by its lines, bnc 480.00 + 20.00 = 500.00, bic-sales 1200.00;
//   payment 5: bic-services 116.50; payment 6: no EUR, left out; payment 7: in October.
// bnc          464.29 + 465.20 + 500.00 = 1429.49, declared 1429
//              × 25.6 % = 365.94944 -> 365.95; VL × 2.2 % = 31.44878 -> 31.45;
//              CFP × 0.2 % = 2.85898 -> 2.86; to pay 365.95 + 31.45 + 2.86 = 400.26
// bic-services 535.71 + 116.50 = 652.21, declared 652
//              × 21.2 % = 138.26852 -> 138.27; VL × 1.7 % = 11.08757 -> 11.09;
//              CFP × 0.1 % = 0.65221 -> 0.65; to pay 150.01
// bic-sales    1200.00 × 12.3 % = 147.60; VL × 1 % = 12.00; CFP × 0.1 % = 1.20; to pay 160.80
// TOTAL        turnover 3281.70, declared 3281, contributions 651.82, VL 54.54, CFP 4.71, 711.07
// Year to date (1 January to 30 September): bnc 1429.49 + 260.00 (payment 1) = 1689.49;
// services 1689.49 + 652.21 = 2341.70; total 2341.70 + 1200.00 = 3541.70:
//   2341.70 / 83600 = 2.80 %, / 37500 = 6.24 %, / 41250 = 5.67 %;
//   3541.70 / 203100 = 1.74 %, / 85000 = 4.16 %, / 93500 = 3.78 % (tenths rounded down).
const std::string kMissingUsd =
    "slash: warning: payment 6 of 300.00 USD from usco on 2026-09-02 has no EUR amount and is left out; record it "
    "again with it: slash payment rm 6, then slash payment add --client usco --amount 300.00 --on 2026-09-02 --eur "
    "AMOUNT\n";

}  // namespace

TEST_CASE("cli/urssaf worked example: hourly, daily, per-unit and fixed missions, GBP, a platform payout") {
    Workspace ws;
    worked_example(ws);

    SUBCASE("terminal: the figures used, the activities, the thresholds") {
        CHECK(tty(ws, {"urssaf", "2026-Q3"}) ==
              "URSSAF 2026-Q3 (2026-07-01 to 2026-09-30): rates and thresholds of 2026\n"
              "ACTIVITY         TURNOVER     DECLARED  RATE %  CONTRIBUTIONS  VL %         VL  CFP %       CFP      "
              "TO PAY\n"
              "bnc           1429.49 EUR  1429.00 EUR    25.6     365.95 EUR   2.2  31.45 EUR    0.2  2.86 EUR  "
              "400.26 EUR\n"
              "bic-services   652.21 EUR   652.00 EUR    21.2     138.27 EUR   1.7  11.09 EUR    0.1  0.65 EUR  "
              "150.01 EUR\n"
              "bic-sales     1200.00 EUR  1200.00 EUR    12.3     147.60 EUR     1  12.00 EUR    0.1  1.20 EUR  "
              "160.80 EUR\n"
              "TOTAL         3281.70 EUR  3281.00 EUR             651.82 EUR        54.54 EUR         4.71 EUR  "
              "711.07 EUR\n"
              "\n"
              "THRESHOLD                 BASIS     YEAR TO DATE          LIMIT  USED  STATUS\n"
              "micro-entreprise ceiling  services   2341.70 EUR   83600.00 EUR  2.8%  ok\n"
              "VAT franchise             services   2341.70 EUR   37500.00 EUR  6.2%  ok\n"
              "VAT franchise, majoré     services   2341.70 EUR   41250.00 EUR  5.6%  ok\n"
              "micro-entreprise ceiling  total      3541.70 EUR  203100.00 EUR  1.7%  ok\n"
              "VAT franchise             total      3541.70 EUR   85000.00 EUR  4.1%  ok\n"
              "VAT franchise, majoré     total      3541.70 EUR   93500.00 EUR  3.7%  ok\n");
    }
    SUBCASE("the default period is the last complete quarter; stderr names the payment left out") {
        auto r = ws.run({"urssaf"});
        CHECK(r.code == 0);
        CHECK(r.err == kMissingUsd);
        CHECK(r.out ==
              "bnc\t1429.49 EUR\t1429.00 EUR\t25.6\t365.95 EUR\t2.2\t31.45 EUR\t0.2\t2.86 EUR\t400.26 EUR\n"
              "bic-services\t652.21 EUR\t652.00 EUR\t21.2\t138.27 EUR\t1.7\t11.09 EUR\t0.1\t0.65 EUR\t150.01 EUR\n"
              "bic-sales\t1200.00 EUR\t1200.00 EUR\t12.3\t147.60 EUR\t1\t12.00 EUR\t0.1\t1.20 EUR\t160.80 EUR\n"
              "TOTAL\t3281.70 EUR\t3281.00 EUR\t\t651.82 EUR\t\t54.54 EUR\t\t4.71 EUR\t711.07 EUR\n"
              "micro-entreprise ceiling\tservices\t2341.70 EUR\t83600.00 EUR\t2.8%\tok\n"
              "VAT franchise\tservices\t2341.70 EUR\t37500.00 EUR\t6.2%\tok\n"
              "VAT franchise, majoré\tservices\t2341.70 EUR\t41250.00 EUR\t5.6%\tok\n"
              "micro-entreprise ceiling\ttotal\t3541.70 EUR\t203100.00 EUR\t1.7%\tok\n"
              "VAT franchise\ttotal\t3541.70 EUR\t85000.00 EUR\t4.1%\tok\n"
              "VAT franchise, majoré\ttotal\t3541.70 EUR\t93500.00 EUR\t3.7%\tok\n");
    }
    SUBCASE("--json: one object with every figure") {
        auto r = ws.run({"urssaf", "2026-Q3", "--json"});
        CHECK(r.code == 0);
        CHECK(r.err == kMissingUsd);
        CHECK(r.out ==
              R"({"period":"2026-Q3","from":"2026-07-01","to":"2026-09-30","complete":true,)"
              R"("figures":{"year":2026,"builtin_year":2026,"overrides":[]},"default_activity":"bnc",)"
              R"("activities":[)" +
                  activity_json("bnc", "1429.49", "1429.00", "25.6", "365.95", "2.2", "31.45", "0.2", "2.86",
                                "400.26", "1689.49") +
                  "," +
                  activity_json("bic-services", "652.21", "652.00", "21.2", "138.27", "1.7", "11.09", "0.1", "0.65",
                                "150.01", "652.21") +
                  "," +
                  activity_json("bic-sales", "1200.00", "1200.00", "12.3", "147.60", "1", "12.00", "0.1", "1.20",
                                "160.80", "1200.00") +
                  R"(],"turnover":)" + eur("3281.70") + R"(,"declared":)" + eur("3281.00") +
                  R"(,"contributions":)" + eur("651.82") + R"(,"versement_liberatoire":)" + eur("54.54") +
                  R"(,"cfp":)" + eur("4.71") + R"(,"total":)" + eur("711.07") + R"(,"vat_excluded":)" + eur("0.00") +
                  R"(,"year_to_date":{"from":"2026-01-01","to":"2026-09-30","services":)" + eur("2341.70") +
                  R"(,"total":)" + eur("3541.70") + R"(},"thresholds":[)" +
                  threshold_json("ceiling_services", "services", "2341.70", "83600.00", "2.8", "ok") + "," +
                  threshold_json("vat_services", "services", "2341.70", "37500.00", "6.2", "ok") + "," +
                  threshold_json("vat_services_majore", "services", "2341.70", "41250.00", "5.6", "ok") + "," +
                  threshold_json("ceiling_sales", "total", "3541.70", "203100.00", "1.7", "ok") + "," +
                  threshold_json("vat_sales", "total", "3541.70", "85000.00", "4.1", "ok") + "," +
                  threshold_json("vat_sales_majore", "total", "3541.70", "93500.00", "3.7", "ok") +
                  R"(],"missing_eur":[{"id":6,"date":"2026-09-02","client":"usco","invoice":null,)"
                  R"("amount":{"amount":"300.00","currency":"USD"}}]})"
                  "\n");
    }
    SUBCASE("--csv: one row per activity, all three; -q their names; --template") {
        auto r = ws.run({"urssaf", "2026-Q3", "--csv"});
        CHECK(r.code == 0);
        CHECK(r.out ==
              "period,activity,turnover.amount,turnover.currency,declared.amount,declared.currency,"
              "contribution_rate,contributions.amount,contributions.currency,versement_liberatoire_rate,"
              "versement_liberatoire.amount,versement_liberatoire.currency,cfp_rate,cfp.amount,cfp.currency,"
              "total.amount,total.currency,year_to_date.amount,year_to_date.currency\r\n"
              "2026-Q3,bnc,1429.49,EUR,1429.00,EUR,25.6,365.95,EUR,2.2,31.45,EUR,0.2,2.86,EUR,400.26,EUR,1689.49,"
              "EUR\r\n"
              "2026-Q3,bic-services,652.21,EUR,652.00,EUR,21.2,138.27,EUR,1.7,11.09,EUR,0.1,0.65,EUR,150.01,EUR,"
              "652.21,EUR\r\n"
              "2026-Q3,bic-sales,1200.00,EUR,1200.00,EUR,12.3,147.60,EUR,1,12.00,EUR,0.1,1.20,EUR,160.80,EUR,"
              "1200.00,EUR\r\n");
        CHECK(run_ok(ws, {"urssaf", "2026-Q3", "-q"}) == "bnc\nbic-services\nbic-sales\n");
        CHECK(run_ok(ws, {"urssaf", "2026-Q3", "--template", "{activity}: {declared.amount} {total}"}) ==
              "bnc: 1429.00 400.26 EUR\n"
              "bic-services: 652.00 150.01 EUR\n"
              "bic-sales: 1200.00 160.80 EUR\n");
    }
    SUBCASE("a month: August alone") {
        // Payments 2 (bnc 464.29, bic-services 535.71) and 3 (bnc 465.20): bnc 929.49
        // × 25.6 % = 237.94944 -> 237.95; bic-services 535.71 × 21.2 % = 113.57052 -> 113.57.
        auto json = run_ok(ws, {"urssaf", "2026-08", "--json"});
        CHECK(field(json, "period") == "\"2026-08\"");
        CHECK(field(json, "turnover") == eur("1465.20"));
        CHECK(field(json, "contributions") == eur("351.52"));
        CHECK(json.find(R"({"activity":"bnc","turnover":)" + eur("929.49")) != std::string::npos);
        CHECK(json.find(R"("contributions":)" + eur("237.95")) != std::string::npos);
        CHECK(json.find(R"({"activity":"bic-services","turnover":)" + eur("535.71")) != std::string::npos);
        CHECK(json.find(R"("contributions":)" + eur("113.57")) != std::string::npos);
        // The year to date runs to the end of August: 260.00 + 1465.20.
        CHECK(field(json, "year_to_date") == R"({"from":"2026-01-01","to":"2026-08-31","services":)" +
                                                 eur("1725.20") + R"(,"total":)" + eur("1725.20") + "}");
        // The USD receipt of September is not in the year to August: no warning.
        CHECK(ws.run({"urssaf", "2026-08"}).err == "");
    }
}

TEST_CASE("cli/urssaf an invoice with VAT: its net is turnover, its VAT share is not") {
    Workspace ws;
    init_seller(ws);
    ok(ws, {"config", "set", "seller.vat_id", "FR11123456782"});
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address", "75002 Paris",
            "--siren", "552100554", "--hourly", "65", "--vat-regime", "standard"});
    ok(ws, {"mission", "add", "acme/dev", "--activity", "bic-services"});
    run_ok(ws, {"log", "acme/dev", "9:00-19:00", "--on", "2026-07-06"});
    REQUIRE(run_ok(ws, {"invoice", "new", "acme", "2026-07"}) == "1\n");
    // A discount without mission: the default activity (bnc), whose lines then add up to
    // less than zero, so it gets none of the turnover.
    REQUIRE(run_ok(ws, {"invoice", "line", "add", "1", "Remise", "--price", "-50"}) == "2\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "1", "--date", "2026-07-31"}) == "2026-0001\n");
    // 10 h × 65.00 = 650.00 - 50.00 = 600.00 net, VAT 20 % 120.00, total 720.00.
    REQUIRE(ok(ws, {"invoice", "list", "--template", "{net} {vat} {total}"}) == "600.00 EUR 120.00 EUR 720.00 EUR\n");
    // Half of it paid: 360.00 × 600 / 720 = 300.00 of turnover, 60.00 of VAT.
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0001", "--amount", "360", "--on", "2026-08-10"}) == "1\n");
    auto json = ok(ws, {"urssaf", "2026-Q3", "--json"});
    CHECK(json.find(R"({"activity":"bic-services","turnover":)" + eur("300.00")) != std::string::npos);
    CHECK(json.find(R"({"activity":"bnc","turnover":)" + eur("0.00")) != std::string::npos);
    CHECK(field(json, "turnover") == eur("300.00"));
    CHECK(field(json, "vat_excluded") == eur("60.00"));
    // 300.00 × 21.2 % = 63.60, CFP 0.1 % = 0.30.
    CHECK(field(json, "contributions") == eur("63.60"));
    CHECK(field(json, "total") == eur("63.90"));
}

TEST_CASE("cli/urssaf a credit-noted invoice: the money received still counts") {
    Workspace ws;
    init_seller(ws);
    eur_client(ws, "acme");
    ok(ws, {"mission", "add", "acme/web"});
    REQUIRE(invoice(ws, "acme/web", "9:00-11:00", "2026-07-06", "2026-07-31") == "2026-0001");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0001", "--on", "2026-08-05"}) == "1\n");
    REQUIRE(run_ok(ws, {"invoice", "credit", "2026-0001", "--date", "2026-08-20"}) == "AV2026-0001\n");
    // 2 h × 65.00 = 130.00 received in August, never refunded.
    auto json = ok(ws, {"urssaf", "2026-Q3", "--json"});
    CHECK(field(json, "turnover") == eur("130.00"));
    // Once the refund is recorded by deleting the payment, nothing is left.
    REQUIRE(ok(ws, {"payment", "rm", "1"}) == "1\n");
    CHECK(field(ok(ws, {"urssaf", "2026-Q3", "--json"}), "turnover") == eur("0.00"));
}

TEST_CASE("cli/urssaf a payment without its EUR amount earlier in the year: listed, then fixed as told") {
    Workspace ws;
    init_seller(ws);
    ok(ws, {"client", "add", "brit", "--name", "Brit Ltd", "--address", "10 Downing St", "--address", "London",
            "--country", "GB", "--email", "ap@brit.example", "--language", "en", "--currency", "GBP", "--hourly",
            "80"});
    ok(ws, {"mission", "add", "brit/app"});
    REQUIRE(invoice(ws, "brit/app", "10:00-15:00", "2026-04-06", "2026-04-30") == "2026-0001");
    REQUIRE(run_ok(ws, {"invoice", "pay", "2026-0001", "--on", "2026-05-10"}) == "1\n");
    // In the year to date of the third quarter, though not in the quarter.
    auto r = ws.run({"urssaf", "2026-Q3", "--json"});
    CHECK(r.code == 0);
    CHECK(r.err ==
          "slash: warning: payment 1 of 400.00 GBP from brit on 2026-05-10 (invoice 2026-0001) has no EUR amount and "
          "is left out; record it again with it: slash payment rm 1, then slash invoice pay 2026-0001 --amount "
          "400.00 --on 2026-05-10 --eur AMOUNT\n");
    CHECK(field(r.out, "missing_eur") ==
          R"([{"id":1,"date":"2026-05-10","client":"brit","invoice":"2026-0001",)"
          R"("amount":{"amount":"400.00","currency":"GBP"}}])");
    CHECK(field(r.out, "turnover") == eur("0.00"));
    // Doing what it says.
    REQUIRE(ok(ws, {"payment", "rm", "1"}) == "1\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0001", "--amount", "400.00", "--on", "2026-05-10", "--eur", "465.00"}) ==
            "2\n");
    auto fixed = ws.run({"urssaf", "2026-Q2", "--json"});
    CHECK(fixed.err == "");
    CHECK(field(fixed.out, "turnover") == eur("465.00"));
    CHECK(field(fixed.out, "missing_eur") == "[]");
}

TEST_CASE("cli/urssaf services thresholds: 80 %, the base and majoré VAT thresholds, the ceiling, each dated") {
    Workspace ws;
    init_seller(ws);
    eur_client(ws, "malt");
    // Receipts without invoice, bnc (the default activity). Year to date after each:
    //   2026-02-10 30000.00 -> 30000.00: 80.0 % of 37500 (VAT base), 72.7 % of 41250, 35.8 % of 83600
    //   2026-03-05  7501.00 -> 37501.00: over 37500 that day
    //   2026-04-20  3750.00 -> 41251.00: over 41250 that day
    //   2026-06-30 42350.00 -> 83601.00: over the ceiling of 83600 that day
    ok(ws, {"payment", "add", "--client", "malt", "--amount", "30000", "--on", "2026-02-10"});
    ok(ws, {"payment", "add", "--client", "malt", "--amount", "7501", "--on", "2026-03-05"});
    ok(ws, {"payment", "add", "--client", "malt", "--amount", "3750", "--on", "2026-04-20"});
    ok(ws, {"payment", "add", "--client", "malt", "--amount", "42350", "--on", "2026-06-30"});

    SUBCASE("February: 80 % of the VAT threshold, a warning") {
        auto r = ws.run({"urssaf", "2026-02"});
        CHECK(r.code == 0);
        CHECK(r.err ==
              "slash: warning: the services turnover of 2026 to 2026-02-28, 30000.00 EUR, is 80.0% of the VAT "
              "franchise threshold of 37500.00 EUR\n");
        // 30000.00 × 25.6 % = 7680.00, CFP 0.2 % = 60.00.
        CHECK(r.out ==
              "bnc\t30000.00 EUR\t30000.00 EUR\t25.6\t7680.00 EUR\t0.2\t60.00 EUR\t7740.00 EUR\n"
              "TOTAL\t30000.00 EUR\t30000.00 EUR\t\t7680.00 EUR\t\t60.00 EUR\t7740.00 EUR\n"
              "micro-entreprise ceiling\tservices\t30000.00 EUR\t83600.00 EUR\t35.8%\tok\n"
              "VAT franchise\tservices\t30000.00 EUR\t37500.00 EUR\t80.0%\t80% reached\n"
              "VAT franchise, majoré\tservices\t30000.00 EUR\t41250.00 EUR\t72.7%\tok\n");
    }
    SUBCASE("the first quarter: the base threshold crossed on 5 March, VAT from 1 January 2027") {
        auto r = ws.run({"urssaf", "2026-Q1"});
        CHECK(r.code == 0);
        CHECK(r.err ==
              "slash: warning: the services turnover of 2026 to 2026-03-31, 37501.00 EUR, is over the VAT franchise "
              "threshold of 37500.00 EUR since 2026-03-05: the franchise ends on 1 January 2027, invoice VAT from "
              "then (CGI art. 293 B)\n");
        // 37501 / 83600 = 44.85 %; / 37500 = 100.002 %; / 41250 = 90.91 %.
        CHECK(r.out.substr(r.out.find("micro-entreprise")) ==
              "micro-entreprise ceiling\tservices\t37501.00 EUR\t83600.00 EUR\t44.8%\tok\n"
              "VAT franchise\tservices\t37501.00 EUR\t37500.00 EUR\t100.0%\tcrossed on 2026-03-05\n"
              "VAT franchise, majoré\tservices\t37501.00 EUR\t41250.00 EUR\t90.9%\t80% reached\n");
    }
    SUBCASE("the second quarter: the majoré threshold crossed on 20 April, the ceiling on 30 June") {
        auto r = ws.run({"urssaf", "2026-Q2"});
        CHECK(r.code == 0);
        CHECK(r.err ==
              "slash: warning: the services turnover of 2026 to 2026-06-30, 83601.00 EUR, is over the "
              "micro-entreprise ceiling of 83600.00 EUR since 2026-06-30: the regime is kept for 2026; over it again "
              "in 2027, it ends on 1 January 2028 (CGI art. 50-0 and 102 ter)\n"
              "slash: warning: the services turnover of 2026 to 2026-06-30, 83601.00 EUR, is over the VAT franchise "
              "threshold majoré of 41250.00 EUR since 2026-04-20: VAT is due on what you invoice from that day (CGI "
              "art. 293 B); set [tax] regime = \"standard\"\n");
        // The quarter: 3750.00 + 42350.00 = 46100.00 × 25.6 % = 11801.60, CFP 92.20.
        // 83601 / 83600 = 100.001 %; / 37500 = 222.93 %; / 41250 = 202.66 %.
        CHECK(r.out ==
              "bnc\t46100.00 EUR\t46100.00 EUR\t25.6\t11801.60 EUR\t0.2\t92.20 EUR\t11893.80 EUR\n"
              "TOTAL\t46100.00 EUR\t46100.00 EUR\t\t11801.60 EUR\t\t92.20 EUR\t11893.80 EUR\n"
              "micro-entreprise ceiling\tservices\t83601.00 EUR\t83600.00 EUR\t100.0%\tcrossed on 2026-06-30\n"
              "VAT franchise\tservices\t83601.00 EUR\t37500.00 EUR\t222.9%\tcrossed on 2026-03-05\n"
              "VAT franchise, majoré\tservices\t83601.00 EUR\t41250.00 EUR\t202.6%\tcrossed on 2026-04-20\n");
    }
    SUBCASE("the thresholds in JSON") {
        auto json = run_ok(ws, {"urssaf", "2026-Q2", "--json"});
        CHECK(field(json, "thresholds") ==
              "[" + threshold_json("ceiling_services", "services", "83601.00", "83600.00", "100.0", "crossed",
                                   "2026-06-30") +
                  "," +
                  threshold_json("vat_services", "services", "83601.00", "37500.00", "222.9", "crossed",
                                 "2026-03-05") +
                  "," +
                  threshold_json("vat_services_majore", "services", "83601.00", "41250.00", "202.6", "crossed",
                                 "2026-04-20") +
                  "]");
    }
}

TEST_CASE("cli/urssaf sales and services together: the total against the sales figures, services on their own") {
    Workspace ws;
    init_seller(ws);
    ok(ws, {"config", "set", "urssaf.activity", "bic-sales"});
    eur_client(ws, "shop");
    // 2026-01-15 60000.00 of sales (the default), 2026-02-15 8000.00 of BNC.
    ok(ws, {"payment", "add", "--client", "shop", "--amount", "60000", "--on", "2026-01-15"});
    ok(ws, {"payment", "add", "--client", "shop", "--amount", "8000", "--on", "2026-02-15", "--activity", "bnc"});

    // First quarter: total 68000.00 = 80.0 % of 85000: a warning; services 8000.00 far from
    // theirs. bnc 8000.00 × 25.6 % = 2048.00, CFP 16.00; sales 60000.00 × 12.3 % = 7380.00,
    // CFP 60.00. 8000 / 83600 = 9.56 %, / 37500 = 21.33 %, / 41250 = 19.39 %;
    // 68000 / 203100 = 33.48 %, / 93500 = 72.72 %.
    auto q1 = ws.run({"urssaf", "2026-Q1"});
    CHECK(q1.code == 0);
    CHECK(q1.err ==
          "slash: warning: the total turnover of 2026 to 2026-03-31, 68000.00 EUR, is 80.0% of the VAT franchise "
          "threshold of 85000.00 EUR\n");
    CHECK(q1.out ==
          "bnc\t8000.00 EUR\t8000.00 EUR\t25.6\t2048.00 EUR\t0.2\t16.00 EUR\t2064.00 EUR\n"
          "bic-sales\t60000.00 EUR\t60000.00 EUR\t12.3\t7380.00 EUR\t0.1\t60.00 EUR\t7440.00 EUR\n"
          "TOTAL\t68000.00 EUR\t68000.00 EUR\t\t9428.00 EUR\t\t76.00 EUR\t9504.00 EUR\n"
          "micro-entreprise ceiling\tservices\t8000.00 EUR\t83600.00 EUR\t9.5%\tok\n"
          "VAT franchise\tservices\t8000.00 EUR\t37500.00 EUR\t21.3%\tok\n"
          "VAT franchise, majoré\tservices\t8000.00 EUR\t41250.00 EUR\t19.3%\tok\n"
          "micro-entreprise ceiling\ttotal\t68000.00 EUR\t203100.00 EUR\t33.4%\tok\n"
          "VAT franchise\ttotal\t68000.00 EUR\t85000.00 EUR\t80.0%\t80% reached\n"
          "VAT franchise, majoré\ttotal\t68000.00 EUR\t93500.00 EUR\t72.7%\tok\n");

    // 2026-05-20 108000.00 of sales: total 176000.00, over both VAT thresholds that day and
    // 86.66 % of the sales ceiling.
    ok(ws, {"payment", "add", "--client", "shop", "--amount", "108000", "--on", "2026-05-20"});
    auto q2 = ws.run({"urssaf", "2026-Q2"});
    CHECK(q2.code == 0);
    CHECK(q2.err ==
          "slash: warning: the total turnover of 2026 to 2026-06-30, 176000.00 EUR, is 86.6% of the "
          "micro-entreprise ceiling of 203100.00 EUR\n"
          "slash: warning: the total turnover of 2026 to 2026-06-30, 176000.00 EUR, is over the VAT franchise "
          "threshold majoré of 93500.00 EUR since 2026-05-20: VAT is due on what you invoice from that day (CGI art. "
          "293 B); set [tax] regime = \"standard\"\n");
    // Only sales in the quarter: 108000.00 × 12.3 % = 13284.00, CFP 108.00; bnc stays a row,
    // in use in the year to date.
    CHECK(q2.out.substr(0, q2.out.find("micro-entreprise")) ==
          "bnc\t0.00 EUR\t0.00 EUR\t25.6\t0.00 EUR\t0.2\t0.00 EUR\t0.00 EUR\n"
          "bic-sales\t108000.00 EUR\t108000.00 EUR\t12.3\t13284.00 EUR\t0.1\t108.00 EUR\t13392.00 EUR\n"
          "TOTAL\t108000.00 EUR\t108000.00 EUR\t\t13284.00 EUR\t\t108.00 EUR\t13392.00 EUR\n");
    CHECK(q2.out.find("VAT franchise\ttotal\t176000.00 EUR\t85000.00 EUR\t207.0%\tcrossed on 2026-05-20\n") !=
          std::string::npos);
}

TEST_CASE("cli/urssaf [urssaf] overrides apply to rates_year only, and the output says so") {
    Workspace ws;
    init_seller(ws);
    eur_client(ws, "acme");
    ok(ws, {"config", "set", "urssaf.rates_year", "2026"});
    ok(ws, {"config", "set", "urssaf.rate_bnc", "23.2"});
    ok(ws, {"config", "set", "urssaf.ceiling_services", "80000"});
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "10000", "--on", "2025-11-10"});
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "10000", "--on", "2026-07-10"});

    // 2026: 10000.00 × 23.2 % = 2320.00; the ceiling 80000: 12.5 %.
    auto y2026 = ok(ws, {"urssaf", "2026-Q3", "--json"});
    CHECK(field(y2026, "figures") ==
          R"({"year":2026,"builtin_year":2026,"overrides":["urssaf.rate_bnc","urssaf.ceiling_services"]})");
    CHECK(field(y2026, "contributions") == eur("2320.00"));
    CHECK(y2026.find(threshold_json("ceiling_services", "services", "10000.00", "80000.00", "12.5", "ok")) !=
          std::string::npos);
    CHECK(tty(ws, {"urssaf", "2026-Q3"}).rfind("URSSAF 2026-Q3 (2026-07-01 to 2026-09-30): rates and thresholds of "
                                               "2026, overridden by [urssaf] for 2026: rate_bnc, ceiling_services\n",
                                               0) == 0);

    // 2025: the built-in figures, 24.6 % and 77700 (10000 / 77700 = 12.87 %).
    auto y2025 = ok(ws, {"urssaf", "2025-Q4", "--json"});
    CHECK(field(y2025, "figures") == R"({"year":2025,"builtin_year":2025,"overrides":[]})");
    CHECK(field(y2025, "contributions") == eur("2460.00"));
    CHECK(y2025.find(threshold_json("ceiling_services", "services", "10000.00", "77700.00", "12.8", "ok")) !=
          std::string::npos);
    CHECK(tty(ws, {"urssaf", "2025-Q4"}).rfind(
              "URSSAF 2025-Q4 (2025-10-01 to 2025-12-31): rates and thresholds of 2025\n", 0) == 0);
}

TEST_CASE("cli/urssaf a year without built-in figures borrows the nearest one, and says so") {
    Workspace ws;
    ws.env.variables["SLASH_NOW"] = "2028-02-01T10:00:00Z";
    init_seller(ws);
    eur_client(ws, "acme");
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "1000", "--on", "2027-11-10"});
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "1000", "--on", "2024-12-05"});

    // 2027: the figures of 2026, 1000.00 × 25.6 % = 256.00.
    auto r = ws.run({"urssaf", "2027-Q4", "--json"});
    CHECK(r.code == 0);
    CHECK(r.err ==
          "slash: warning: no built-in URSSAF figures for 2027: using those of 2026; set [urssaf] rates_year = 2027 "
          "and the figures that differ (see slash-config(5))\n");
    CHECK(field(r.out, "figures") == R"({"year":2027,"builtin_year":2026,"overrides":[]})");
    CHECK(field(r.out, "contributions") == eur("256.00"));
    CHECK(tty(ws, {"urssaf", "2027-Q4"}).rfind(
              "URSSAF 2027-Q4 (2027-10-01 to 2027-12-31): rates and thresholds of 2026 (none built in for 2027)\n",
              0) == 0);

    // 2024: those of 2025, 1000.00 × 24.6 % = 246.00.
    auto old = ws.run({"urssaf", "2024-12", "--json"});
    CHECK(old.err ==
          "slash: warning: no built-in URSSAF figures for 2024: using those of 2025; set [urssaf] rates_year = 2024 "
          "and the figures that differ (see slash-config(5))\n");
    CHECK(field(old.out, "contributions") == eur("246.00"));

    // With figures of its own for 2027: 1000.00 × 26 % = 260.00.
    ok(ws, {"config", "set", "urssaf.rates_year", "2027"});
    ok(ws, {"config", "set", "urssaf.rate_bnc", "26"});
    auto own = ws.run({"urssaf", "2027-Q4", "--json"});
    CHECK(own.err ==
          "slash: warning: no built-in URSSAF figures for 2027: using those of 2026 with the [urssaf] figures set for "
          "2027\n");
    CHECK(field(own.out, "figures") == R"({"year":2027,"builtin_year":2026,"overrides":["urssaf.rate_bnc"]})");
    CHECK(field(own.out, "contributions") == eur("260.00"));
}

TEST_CASE("cli/urssaf the default period: the last complete month or quarter per [urssaf] periodicity") {
    struct Case {
        const char* now;
        const char* periodicity;
        const char* period;
    };
    for (const Case& c : {Case{"2026-11-28T10:00:00Z", "quarterly", "2026-Q3"},
                          Case{"2026-11-28T10:00:00Z", "monthly", "2026-10"},
                          Case{"2026-01-10T10:00:00Z", "quarterly", "2025-Q4"},
                          Case{"2026-01-10T10:00:00Z", "monthly", "2025-12"},
                          Case{"2026-03-31T23:59:00Z", "quarterly", "2025-Q4"},
                          Case{"2026-04-01T00:00:00Z", "quarterly", "2026-Q1"},
                          Case{"2026-04-01T00:00:00Z", "monthly", "2026-03"}}) {
        INFO(c.now << " " << c.periodicity);
        Workspace ws;
        ws.env.variables["SLASH_NOW"] = c.now;
        init_seller(ws);
        ok(ws, {"config", "set", "urssaf.periodicity", c.periodicity});
        auto r = ws.run({"urssaf", "--template", "{period}"});
        CHECK(r.code == 0);
        CHECK(r.err == "");
        const std::string line = std::string(c.period) + "\n";
        CHECK(r.out == line + line + line);
    }
}

TEST_CASE("cli/urssaf periods: months and quarters in any spelling, anything else refused with exit 2") {
    Workspace ws;
    init_seller(ws);
    for (const auto& [text, period] : std::vector<std::pair<std::string, std::string>>{
             {"2026-07", "2026-07"},
             {"lastmonth", "2026-10"},
             {"2026-Q3", "2026-Q3"},
             {"2026-q1", "2026-Q1"},
             {"2026-07-01..2026-09-30", "2026-Q3"},
             {"2026-02-01..2026-02-28", "2026-02"}}) {
        INFO(text);
        CHECK(ok(ws, {"urssaf", text, "--template", "{period}"}).rfind(period + "\n", 0) == 0);
    }
    const std::string expected = ": slash urssaf declares a month (YYYY-MM, month, lastmonth) or a quarter (YYYY-Qn)";
    for (const char* text : {"2026", "year", "week", "2026-W10", "today", "2026-11-02", "2026-11-02..2026-11-15",
                             "2026-02-01..2026-03-31", "2025-12-01..2026-02-28"}) {
        INFO(text);
        expect_refusal(ws, {"urssaf", text}, 2, "invalid period \"" + std::string(text) + "\"" + expected);
    }
    expect_refusal(ws, {"urssaf", "2026-Q5"}, 2, "invalid period \"2026-Q5\": quarters go from Q1 to Q4");
    expect_refusal(ws, {"urssaf", "soon"}, 2,
                   "invalid period \"soon\": use today, yesterday, week, lastweek, month, lastmonth, year, lastyear, "
                   "a date, YYYY, YYYY-MM, YYYY-Qn, YYYY-Www or FROM..TO");
    // The future: nothing is collected yet.
    for (const char* text : {"2026-12", "2027-Q1", "2026-12-01..2026-12-31"}) {
        INFO(text);
        expect_refusal(ws, {"urssaf", text}, 2,
                       "invalid period \"" + std::string(text) +
                           "\": it has not begun (today is 2026-11-28); slash urssaf declares money already "
                           "collected");
    }
}

TEST_CASE("cli/urssaf the current period: the figures so far, with a warning, and an empty period is zeros") {
    Workspace ws;
    init_seller(ws);
    eur_client(ws, "acme");
    auto empty = ws.run({"urssaf"});
    CHECK(empty.code == 0);
    CHECK(empty.err == "");
    CHECK(empty.out ==
          "bnc\t0.00 EUR\t0.00 EUR\t25.6\t0.00 EUR\t0.2\t0.00 EUR\t0.00 EUR\n"
          "TOTAL\t0.00 EUR\t0.00 EUR\t\t0.00 EUR\t\t0.00 EUR\t0.00 EUR\n"
          "micro-entreprise ceiling\tservices\t0.00 EUR\t83600.00 EUR\t0.0%\tok\n"
          "VAT franchise\tservices\t0.00 EUR\t37500.00 EUR\t0.0%\tok\n"
          "VAT franchise, majoré\tservices\t0.00 EUR\t41250.00 EUR\t0.0%\tok\n");

    // 100.50 received on 2026-11-02: × 25.6 % = 25.728 -> 25.73; declared 101 (50 cents up).
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "100.50", "--on", "2026-11-02"});
    for (const char* text : {"month", "2026-Q4"}) {
        INFO(text);
        auto r = ws.run({"urssaf", text, "--json"});
        CHECK(r.code == 0);
        const std::string period = text == std::string("month") ? "2026-11" : "2026-Q4";
        const std::string end = text == std::string("month") ? "2026-11-30" : "2026-12-31";
        CHECK(r.err == "slash: warning: " + period + " is not over (it ends on " + end +
                           "): these are the figures collected so far\n");
        CHECK(field(r.out, "complete") == "false");
        CHECK(field(r.out, "turnover") == eur("100.50"));
        CHECK(field(r.out, "declared") == eur("101.00"));
        CHECK(field(r.out, "contributions") == eur("25.73"));
    }
    CHECK(field(ok(ws, {"urssaf", "2026-Q3", "--json"}), "complete") == "true");
}

TEST_CASE("cli/urssaf without CFP and with the versement libératoire: the columns follow the config") {
    Workspace ws;
    init_seller(ws);
    eur_client(ws, "acme");
    ok(ws, {"config", "set", "urssaf.cfp", "false"});
    ok(ws, {"config", "set", "urssaf.versement_liberatoire", "true"});
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "1000", "--on", "2026-08-01"});
    // 1000.00 × 25.6 % = 256.00, VL 2.2 % = 22.00; no CFP.
    CHECK(tty(ws, {"urssaf", "2026-Q3"}).rfind(
              "URSSAF 2026-Q3 (2026-07-01 to 2026-09-30): rates and thresholds of 2026\n"
          "ACTIVITY     TURNOVER     DECLARED  RATE %  CONTRIBUTIONS  VL %         VL      TO PAY\n"
          "bnc       1000.00 EUR  1000.00 EUR    25.6     256.00 EUR   2.2  22.00 EUR  278.00 EUR\n"
          "TOTAL     1000.00 EUR  1000.00 EUR             256.00 EUR        22.00 EUR  278.00 EUR\n\n",
              0) == 0);
    auto json = ok(ws, {"urssaf", "2026-Q3", "--json"});
    CHECK(field(json, "cfp") == "null");
    CHECK(field(json, "versement_liberatoire") == eur("22.00"));
    CHECK(json.find(R"("cfp_rate":null,"cfp":null,"total":)" + eur("278.00")) != std::string::npos);
}

TEST_CASE("cli/urssaf a receipt without its EUR amount: the command to record it again keeps its activity and method") {
    Workspace ws;
    init_seller(ws);
    ok(ws, {"client", "add", "brit", "--name", "Brit Ltd", "--address", "10 Downing St", "--address", "London",
            "--country", "GB", "--email", "ap@brit.example", "--language", "en", "--currency", "GBP"});
    run_ok(ws, {"payment", "add", "--client", "brit", "--amount", "250", "--on", "2026-08-03", "--activity",
                "bic-sales", "--method", "transfer", "--note", "shop's stock"});
    auto r = ws.run({"urssaf", "2026-Q3"});
    CHECK(r.code == 0);
    const std::string again =
        "slash payment add --client brit --amount 250.00 --on 2026-08-03 --method transfer --activity bic-sales "
        "--note 'shop'\\''s stock' --eur AMOUNT";
    CHECK(r.err.find("record it again with it: slash payment rm 1, then " + again + "\n") != std::string::npos);
    // Doing what it says gives the same receipt, with its EUR amount: bic-sales turnover.
    REQUIRE(ok(ws, {"payment", "rm", "1"}) == "1\n");
    REQUIRE(run_ok(ws, {"payment", "add", "--client", "brit", "--amount", "250.00", "--on", "2026-08-03", "--method",
                        "transfer", "--activity", "bic-sales", "--note", "shop's stock", "--eur", "290.00"}) == "2\n");
    auto json = ok(ws, {"urssaf", "2026-Q3", "--json"});
    CHECK(json.find(R"({"activity":"bic-sales","turnover":)" + eur("290.00")) != std::string::npos);
    CHECK(ok(ws, {"payment", "list", "--template", "{method}|{note}|{activity}"}) ==
          "transfer|shop's stock|bic-sales\n");
}

TEST_CASE("cli/urssaf [urssaf] figures that rates_year keeps from applying are named on stderr, never silently dropped") {
    Workspace ws;
    init_seller(ws);
    eur_client(ws, "acme");
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "1000", "--on", "2026-07-10"});
    // A CIPAV member sets its rate and forgets rates_year: the built-in 25.6 % is used
    // (1000.00 × 25.6 % = 256.00), and stderr says why.
    ok(ws, {"config", "set", "urssaf.rate_bnc", "23.2"});
    ok(ws, {"config", "set", "urssaf.vat_threshold_services", "36800"});
    auto unset = ws.run({"urssaf", "2026-Q3", "--json"});
    CHECK(unset.code == 0);
    CHECK(unset.err ==
          "slash: warning: [urssaf] rate_bnc, vat_threshold_services are set but not used: they apply to the year "
          "[urssaf] rates_year names, and it is not set; set rates_year = 2026 to use them for 2026\n");
    CHECK(field(unset.out, "contributions") == eur("256.00"));
    // Last year's figures: not used for this year, and said so.
    ok(ws, {"config", "set", "urssaf.rates_year", "2025"});
    auto stale = ws.run({"urssaf", "2026-Q3", "--json"});
    CHECK(stale.err ==
          "slash: warning: [urssaf] rate_bnc, vat_threshold_services are set for 2025 (rates_year), not for 2026: "
          "the built-in figures are used; set rates_year = 2026 if they still apply\n");
    CHECK(field(stale.out, "contributions") == eur("256.00"));
    // For 2026: used, and no warning (1000.00 × 23.2 % = 232.00).
    ok(ws, {"config", "set", "urssaf.rates_year", "2026"});
    CHECK(field(ok(ws, {"urssaf", "2026-Q3", "--json"}), "contributions") == eur("232.00"));
    // A past year declared after them keeps its built-in figures without a word.
    ok(ws, {"payment", "add", "--client", "acme", "--amount", "1000", "--on", "2025-07-10"});
    CHECK(field(ok(ws, {"urssaf", "2025-Q3", "--json"}), "contributions") == eur("246.00"));
}

// A generated year of receipts, checked against the test's own sums: 120 receipts without
// invoice from January to September 2026, each of a random amount (up to 2,500.00) and
// activity (the payouts of a slasher's platforms); the third quarter's turnover,
// contributions and CFP per activity, the year to date, and the day each limit was crossed,
// computed here with integer cents, never by slash's code.
TEST_CASE("cli/urssaf a generated year of receipts: every figure against the test's own sums") {
    Workspace ws;
    ws.env.variables["SLASH_NOW"] = "2026-11-28T10:00:00Z";
    init_seller(ws);
    ok(ws, {"client", "add", "plat", "--name", "Platform SAS"});
    const char* const activities[] = {"bnc", "bic-services", "bic-sales"};
    const std::int64_t rate[] = {25600, 21200, 12300};  // thousandths of a percent, 2026
    const std::int64_t cfp_rate[] = {200, 100, 100};
    std::int64_t quarter[3] = {0, 0, 0}, year[3] = {0, 0, 0};
    std::vector<std::pair<std::string, std::pair<std::size_t, std::int64_t>>> receipts;  // date, activity, cents
    std::uint64_t state = 20261128;
    auto next = [&](std::uint64_t below) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % below;
    };
    auto text = [](std::int64_t cents) {
        return std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
    };
    for (int i = 0; i < 120; ++i) {
        const int month = 1 + static_cast<int>(next(9));
        const int day = 1 + static_cast<int>(next(28));
        const std::size_t a = next(3);
        const std::int64_t cents = 1 + static_cast<std::int64_t>(next(250000));
        char date[32];  // room for any int, so that -Wformat-truncation has nothing to say
        std::snprintf(date, sizeof date, "2026-%02d-%02d", month, day);
        ok(ws, {"payment", "add", "--client", "plat", "--amount", text(cents), "--on", date, "--method", "platform",
                "--activity", activities[a]});
        year[a] += cents;
        if (month >= 7) quarter[a] += cents;
        receipts.push_back({date, {a, cents}});
    }
    // Half away from zero, on positive amounts: (x × rate + half) / divisor.
    auto percent = [](std::int64_t cents, std::int64_t milli) { return (cents * milli + 50000) / 100000; };
    std::string expected;
    for (std::size_t a = 0; a < 3; ++a) {
        const std::int64_t contributions = percent(quarter[a], rate[a]);
        const std::int64_t cfp = percent(quarter[a], cfp_rate[a]);
        expected += std::string(activities[a]) + "|" + text(quarter[a]) + "|" + text(contributions) + "|" +
                    text(cfp) + "|" + text(contributions + cfp) + "|" + text(year[a]) + "\n";
    }
    // The day a running total first goes over a limit: services are bnc and bic-services.
    std::stable_sort(receipts.begin(), receipts.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    auto crossed = [&](bool services_only, std::int64_t limit) {
        std::int64_t sum = 0;
        for (const auto& [date, part] : receipts) {
            if (services_only && part.first == 2) continue;
            sum += part.second;
            if (sum > limit) return date;
        }
        return std::string("never");
    };
    auto r = ws.run({"urssaf", "2026-Q3", "--template",
                     "{activity}|{turnover.amount}|{contributions.amount}|{cfp.amount}|{total.amount}|"
                     "{year_to_date.amount}"});
    CHECK(r.code == 0);
    CHECK(r.out == expected);
    const std::int64_t services = year[0] + year[1], total = year[0] + year[1] + year[2];
    INFO("services " << text(services) << ", total " << text(total) << "\n" << r.err);
    REQUIRE(services > 8360000);  // the history is drawn so that these three limits are crossed
    REQUIRE(total > 9350000);
    REQUIRE(total < 20310000);
    CHECK(r.err.find("the services turnover of 2026 to 2026-09-30, " + text(services) +
                     " EUR, is over the micro-entreprise ceiling of 83600.00 EUR since " + crossed(true, 8360000)) !=
          std::string::npos);
    CHECK(r.err.find("the services turnover of 2026 to 2026-09-30, " + text(services) +
                     " EUR, is over the VAT franchise threshold majoré of 41250.00 EUR since " +
                     crossed(true, 4125000)) != std::string::npos);
    CHECK(r.err.find("the total turnover of 2026 to 2026-09-30, " + text(total) +
                     " EUR, is over the VAT franchise threshold majoré of 93500.00 EUR since " +
                     crossed(false, 9350000)) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 3);
}
