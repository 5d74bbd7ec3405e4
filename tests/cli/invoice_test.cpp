#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::init_seller;
using slash::testing::joined;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::read_file;
using slash::testing::Workspace;

// Every amount below is computed by hand in the comments, from the rules of docs/contract.md §3-5:
// each entry's duration is rounded to the [time] step before it is billed, a line net is
// quantity × unit price rounded half away from zero to the cent, and the VAT of each
// (category, rate) is computed once on the sum of its line nets, half away from zero.
// Now is 2026-11-28T10:00Z (UTC), so "lastmonth" is October 2026.

namespace {

void seller(Workspace& ws) { init_seller(ws); }

void add_acme(Workspace& ws) {
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address",
            "75002 Paris", "--siren", "552100554", "--hourly", "65"});
}

// The seller, client acme (65.00 EUR an hour) and its mission acme/web, titled Website.
void acme_web(Workspace& ws) {
    seller(ws);
    add_acme(ws);
    ok(ws, {"mission", "add", "acme/web", "--title", "Website"});
}

void log_on(Workspace& ws, const std::string& mission, const std::string& when,
            const std::string& day) {
    run_ok(ws, {"log", mission, when, "--on", day});
}

void log_units(Workspace& ws, const std::string& mission, const std::string& units,
               const std::string& day) {
    run_ok(ws, {"log", mission, "30m", "--units", units, "--on", day});
}

// The raw text of the value of `key` in the top-level object of `json`.
std::string field(const std::string& json, const std::string& key) {
    const std::string needle = "\"" + key + "\":";
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        char c = json[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            bool is_key = depth == 1 && i > 0 && (json[i - 1] == '{' || json[i - 1] == ',');
            if (is_key && json.compare(i, needle.size(), needle) == 0) {
                std::size_t start = i + needle.size();
                int inner = 0;
                bool quoted = false;
                for (std::size_t j = start; j < json.size(); ++j) {
                    char ch = json[j];
                    if (quoted) {
                        if (ch == '\\') {
                            ++j;
                        } else if (ch == '"') {
                            quoted = false;
                        }
                    } else if (ch == '"') {
                        quoted = true;
                    } else if (ch == '{' || ch == '[') {
                        ++inner;
                    } else if (inner > 0 && (ch == '}' || ch == ']')) {
                        --inner;
                    } else if (inner == 0 && (ch == ',' || ch == '}' || ch == ']')) {
                        return json.substr(start, j - start);
                    }
                }
            }
            in_string = true;
            continue;
        }
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') --depth;
    }
    FAIL("no field " << key << " in " << json);
    return "";
}

std::string show(Workspace& ws, const std::string& ref) {
    return ok(ws, {"invoice", "show", ref, "--json"});
}

std::string money(const std::string& amount, const std::string& currency) {
    return R"({"amount":")" + amount + R"(","currency":")" + currency + R"("})";
}

// "net N vat V total T paid P due D", the amounts of the top-level money fields.
std::string sums(const std::string& json) {
    std::string text;
    for (const char* key : {"net", "vat", "total", "paid", "due"}) {
        auto value = field(json, key);
        auto from = value.find(":\"") + 2;
        text += (text.empty() ? "" : " ") + std::string(key) + " " +
                value.substr(from, value.find('"', from) - from);
    }
    return text;
}

struct Line {
    std::string mission_id;  // a number, or null
    std::string entry_id;    // a number, or null
    std::string description;
    std::string quantity;
    std::string unit_code;
    std::string unit_name;  // null, or a JSON string
    std::string price;
    std::string net;
    std::string category;
    std::string rate;
};

std::string lines_json(const std::vector<Line>& lines, const std::string& currency = "EUR") {
    std::string text = "[";
    int position = 0;
    for (const auto& l : lines) {
        if (position > 0) text += ",";
        ++position;
        text += R"({"position":)" + std::to_string(position) + R"(,"mission_id":)" + l.mission_id +
                R"(,"entry_id":)" + l.entry_id + R"(,"description":")" + l.description +
                R"(","quantity":")" + l.quantity + R"(","unit_code":")" + l.unit_code +
                R"(","unit_name":)" + l.unit_name + R"(,"unit_price":)" + money(l.price, currency) +
                R"(,"net":)" + money(l.net, currency) + R"(,"vat_category":")" + l.category +
                R"(","vat_rate":")" + l.rate + R"("})";
    }
    return text + "]";
}

std::string vat_row(const std::string& category, const std::string& rate,
                    const std::string& taxable, const std::string& vat,
                    const std::string& currency = "EUR") {
    return R"({"category":")" + category + R"(","rate":")" + rate + R"(","taxable":)" +
           money(taxable, currency) + R"(,"vat":)" + money(vat, currency) + "}";
}

const std::string kPenaltyFr =
    "En cas de retard de paiement, des pénalités au taux égal à trois fois le taux d'intérêt légal "
    "sont exigibles "
    "(art. L441-10 du Code de commerce).";
const std::string kIndemnityFr =
    "Une indemnité forfaitaire de 40 € pour frais de recouvrement est due en cas de retard de "
    "paiement (art. "
    "L441-10 et D441-5 du Code de commerce).";
const std::string kDiscountFr = "Pas d'escompte pour paiement anticipé.";
const std::string kFranchiseFr = "TVA non applicable, art. 293 B du CGI";

const std::string kIssuedMessage =
    "is issued: it can never change; correct it with \"slash invoice credit ";

}  // namespace

// ---------------------------------------------------------------------------------------
// Totals

TEST_CASE("cli/invoice hourly lines round each entry to the step: up, nearest with ties up, down") {
    Workspace ws;
    acme_web(ws);
    // Logged in October: 2h10 (7800 s), 7m30s (450 s) and 7m (420 s), 2h24m30s in all.
    log_on(ws, "acme/web", "9:00-11:10", "2026-10-05");
    log_on(ws, "acme/web", "PT7M30S", "2026-10-06");
    log_on(ws, "acme/web", "14:00-14:07", "2026-10-07");
    auto line = [](const std::string& hours, const std::string& net) {
        return lines_json({{"1", "null", "Website — octobre 2026", hours, "HUR", "null", "65.00",
                            net, "E", "0"}});
    };

    SUBCASE("up, the default 15m step") {
        // 2h10 -> 2h15, 7m30s -> 15m, 7m -> 15m: 2h45 = 2.75 h; 2.75 × 65.00 = 178.75.
        auto r = ws.run({"invoice", "new", "acme"});
        CHECK(r.code == 0);
        CHECK(r.out == "1\n");
        CHECK(r.err == "slash: draft 1 for acme: 1 line, 178.75 EUR (2026-10-01 to 2026-10-31)\n");
        auto json = show(ws, "1");
        CHECK(field(json, "lines") == line("2.750", "178.75"));
        CHECK(sums(json) == "net 178.75 vat 0.00 total 178.75 paid 0.00 due 0.00");
        CHECK(field(json, "vat_breakdown") == "[" + vat_row("E", "0", "178.75", "0.00") + "]");
        CHECK(field(json, "status") == R"("draft")");
        CHECK(field(json, "entries") == "[1,2,3]");
    }
    SUBCASE("nearest, set in the config") {
        // 2h10 -> 2h15 (10m is past half a step), 7m30s -> 15m (exactly half: the tie goes
        // up), 7m -> 0: 2h30 = 2.5 h; 2.5 × 65.00 = 162.50.
        ok(ws, {"config", "set", "time.rounding_mode", "nearest"});
        CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-10"}) == "1\n");
        auto json = show(ws, "1");
        CHECK(field(json, "lines") == line("2.500", "162.50"));
        CHECK(sums(json) == "net 162.50 vat 0.00 total 162.50 paid 0.00 due 0.00");
    }
    SUBCASE("down, the client's override beats the config") {
        // 2h10 -> 2h, 7m30s -> 0, 7m -> 0: 2 h × 65.00 = 130.00.
        ok(ws, {"config", "set", "time.rounding_mode", "nearest"});
        ok(ws, {"client", "edit", "acme", "--rounding-mode", "down"});
        CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-10"}) == "1\n");
        auto json = show(ws, "1");
        CHECK(field(json, "lines") == line("2.000", "130.00"));
        CHECK(sums(json) == "net 130.00 vat 0.00 total 130.00 paid 0.00 due 0.00");
    }
    SUBCASE("a 1h step, the client's override") {
        // Up to the hour: 3h + 1h + 1h = 5 h × 65.00 = 325.00.
        ok(ws, {"client", "edit", "acme", "--rounding", "1h"});
        CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-10"}) == "1\n");
        auto json = show(ws, "1");
        CHECK(field(json, "lines") == line("5.000", "325.00"));
        CHECK(sums(json) == "net 325.00 vat 0.00 total 325.00 paid 0.00 due 0.00");
    }
}

TEST_CASE("cli/invoice daily lines count days of 7 h in half-day steps, rounded up") {
    Workspace ws;
    seller(ws);
    ok(ws, {"client", "add", "beta", "--name", "Beta SARL", "--address", "2 rue Y", "--address",
            "69001 Lyon", "--siren", "552100554", "--daily", "450.50"});
    ok(ws, {"mission", "add", "beta/audit", "--title", "Audit"});
    log_on(ws, "beta/audit", "8:00-18:00", "2026-10-05");  // 10h
    log_on(ws, "beta/audit", "9:00-12:00", "2026-10-06");  // 3h

    SUBCASE("--detail keeps one line for a daily mission: days count on the total") {
        // Entry by entry, 10h would be 1.5 days and 3h 0.5 day (2 days); on the total, 13h /
        // 7h = 1.86 days -> 4 half-days = 2 days. Eight 1 h days would differ (1.5 days on
        // the total, 4 half-days entry by entry): the total is what is billed.
        CHECK(run_ok(ws, {"invoice", "new", "beta", "2026-10", "--detail"}) == "1\n");
        auto json = show(ws, "1");
        CHECK(field(json, "lines") == lines_json({{"1", "null", "Audit — octobre 2026", "2.000",
                                                   "DAY", "null", "450.50", "901.00", "E", "0"}}));
        CHECK(sums(json) == "net 901.00 vat 0.00 total 901.00 paid 0.00 due 0.00");
    }
    SUBCASE("one line for the mission: the days of the summed hours") {
        // 13h / 7h = 1.86 days -> 4 half-days = 2 days; 2 × 450.50 = 901.00.
        CHECK(run_ok(ws, {"invoice", "new", "beta", "2026-10"}) == "1\n");
        auto json = show(ws, "1");
        CHECK(field(json, "lines") == lines_json({{"1", "null", "Audit — octobre 2026", "2.000",
                                                   "DAY", "null", "450.50", "901.00", "E", "0"}}));
        CHECK(sums(json) == "net 901.00 vat 0.00 total 901.00 paid 0.00 due 0.00");
    }
    SUBCASE("8 h a day in quarter days, from the config") {
        // 13h / 8h = 1.625 days = 6.5 quarters -> 7 quarters = 1.75 days;
        // 1.75 × 450.50 = 788.375 -> 788.38 (a tie, away from zero).
        ok(ws, {"config", "set", "time.hours_per_day", "8"});
        ok(ws, {"config", "set", "time.day_step", "0.25"});
        CHECK(run_ok(ws, {"invoice", "new", "beta", "2026-10"}) == "1\n");
        auto json = show(ws, "1");
        CHECK(field(json, "lines") == lines_json({{"1", "null", "Audit — octobre 2026", "1.750",
                                                   "DAY", "null", "450.50", "788.38", "E", "0"}}));
        CHECK(sums(json) == "net 788.38 vat 0.00 total 788.38 paid 0.00 due 0.00");
    }
}

TEST_CASE(
    "cli/invoice unit lines bill units times the unit price, the cent rounded half away from "
    "zero") {
    Workspace ws;
    seller(ws);
    ok(ws, {"client", "add", "micro", "--name", "MicroTask", "--address", "3 rue Z", "--address",
            "33000 Bordeaux", "--siren", "552100554"});
    ok(ws, {"mission", "add", "micro/labels", "--unit", "0.12", "--unit-name", "task"});
    log_units(ws, "micro/labels", "2.5", "2026-10-07");
    log_units(ws, "micro/labels", "1.125", "2026-10-08");

    SUBCASE("--detail") {
        // 2.5 × 0.12 = 0.30; 1.125 × 0.12 = 0.135 -> 0.14 (a tie, away from zero); 0.44.
        CHECK(run_ok(ws, {"invoice", "new", "micro", "2026-10", "--detail"}) == "1\n");
        auto json = show(ws, "1");
        CHECK(field(json, "lines") == lines_json({{"1", "1", "micro/labels — 2026-10-07", "2.500",
                                                   "C62", R"("task")", "0.12", "0.30", "E", "0"},
                                                  {"1", "2", "micro/labels — 2026-10-08", "1.125",
                                                   "C62", R"("task")", "0.12", "0.14", "E", "0"}}));
        CHECK(sums(json) == "net 0.44 vat 0.00 total 0.44 paid 0.00 due 0.00");
    }
    SUBCASE("one line") {
        // 3.625 × 0.12 = 0.435 -> 0.44 (a tie, away from zero).
        CHECK(run_ok(ws, {"invoice", "new", "micro", "2026-10"}) == "1\n");
        auto json = show(ws, "1");
        CHECK(field(json, "lines") ==
              lines_json({{"1", "null", "micro/labels — octobre 2026", "3.625", "C62", R"("task")",
                           "0.12", "0.44", "E", "0"}}));
        CHECK(sums(json) == "net 0.44 vat 0.00 total 0.44 paid 0.00 due 0.00");
    }
}

TEST_CASE("cli/invoice under first-work a fixed price is billed once with its first work: the next month's invoice leaves it out") {
    Workspace ws;
    acme_web(ws);
    ok(ws, {"mission", "add", "acme/site", "--title", "Site vitrine", "--fixed", "1200"});
    ok(ws, {"config", "set", "invoice.fixed_price", "first-work"});
    log_on(ws, "acme/site", "9:00-10:00", "2026-10-09");
    // October: work on the fixed-price mission bills its price once, 1 × 1200.00.
    CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-10"}) == "1\n");
    auto october = show(ws, "1");
    CHECK(field(october, "lines") == lines_json({{"2", "null", "Site vitrine — forfait", "1.000",
                                                  "C62", "null", "1200.00", "1200.00", "E", "0"}}));
    CHECK(sums(october) == "net 1200.00 vat 0.00 total 1200.00 paid 0.00 due 0.00");
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");

    // November: more work on the site and 1h on the website: only the hour is billed, 65.00.
    log_on(ws, "acme/site", "9:00-10:00", "2026-11-02");
    log_on(ws, "acme/web", "9:00-10:00", "2026-11-03");
    CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-11"}) == "2\n");
    auto november = show(ws, "2");
    CHECK(field(november, "lines") == lines_json({{"1", "null", "Website — novembre 2026", "1.000",
                                                   "HUR", "null", "65.00", "65.00", "E", "0"}}));
    CHECK(sums(november) == "net 65.00 vat 0.00 total 65.00 paid 0.00 due 0.00");
    expect_refusal(
        ws, {"invoice", "new", "acme", "2026-11"}, 1,
        "nothing to bill for acme from 2026-11-01 to 2026-11-30: none of its 2 missions has "
        "unbilled "
        "billable work in that period (see \"slash entry list 2026-11-01..2026-11-30 --client acme "
        "--unbilled\")");
    // The price is billed: the mission's later work is worth nothing more.
    CHECK(field(ok(ws, {"mission", "show", "acme/site", "--json"}), "unbilled") ==
          money("0.00", "EUR"));
}

TEST_CASE(
    "cli/invoice standard regime: VAT per rate on the sum of the line nets, a discount, ties away "
    "from zero") {
    Workspace ws;
    acme_web(ws);
    ok(ws, {"config", "set", "tax.regime", "standard"});
    ok(ws, {"config", "set", "seller.vat_id", "FR11123456782"});
    ok(ws, {"mission", "add", "acme/formation", "--title", "Formation", "--hourly", "80.20",
            "--vat-rate", "10"});
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");         // 2h
    log_on(ws, "acme/formation", "14:00-14:07", "2026-10-06");  // 7m -> 15m
    auto r = ws.run({"invoice", "new", "acme"});
    CHECK(r.out == "1\n");
    // Formation 0.25 h × 80.20 = 20.05 at 10 %: VAT 2.005 -> 2.01; Website 2 h × 65.00 =
    // 130.00 at 20 %: 26.00. 150.05 + 28.01 = 178.06.
    CHECK(r.err == "slash: draft 1 for acme: 2 lines, 178.06 EUR (2026-10-01 to 2026-10-31)\n");
    CHECK(ok(ws, {"invoice", "line", "add", "1", "Livres", "--price", "1.50", "--vat", "5.5"}) ==
          "3\n");
    CHECK(ok(ws, {"invoice", "line", "add", "1", "Livres de poche", "--price", "0.75", "--quantity",
                  "2", "--vat", "5.5"}) == "4\n");
    CHECK(ok(ws, {"invoice", "line", "add", "1", "Remise fidélité", "--price", "-20.05",
                  "--quantity", "0.5"}) == "5\n");
    // Lines: 20.05 (10 %), 130.00 (20 %), 1.50 (5.5 %), 2 × 0.75 = 1.50 (5.5 %), and the
    // discount 0.5 × -20.05 = -10.025 -> -10.03 (away from zero) at the default 20 %.
    // VAT on the sum of each rate's nets, never per line:
    //   5.5 %: 1.50 + 1.50 = 3.00 -> 0.165 -> 0.17 (a tie; per line it would be 0.08 + 0.08)
    //   10 %:  20.05 -> 2.005 -> 2.01 (a tie)
    //   20 %:  130.00 - 10.03 = 119.97 -> 23.994 -> 23.99
    // Net 3.00 + 20.05 + 119.97 = 143.02; VAT 0.17 + 2.01 + 23.99 = 26.17; total 169.19.
    const auto lines = lines_json({
        {"2", "null", "Formation — octobre 2026", "0.250", "HUR", "null", "80.20", "20.05", "S",
         "10"},
        {"1", "null", "Website — octobre 2026", "2.000", "HUR", "null", "65.00", "130.00", "S",
         "20"},
        {"null", "null", "Livres", "1.000", "C62", "null", "1.50", "1.50", "S", "5.5"},
        {"null", "null", "Livres de poche", "2.000", "C62", "null", "0.75", "1.50", "S", "5.5"},
        {"null", "null", "Remise fidélité", "0.500", "C62", "null", "-20.05", "-10.03", "S", "20"},
    });
    const auto breakdown = "[" + vat_row("S", "5.5", "3.00", "0.17") + "," +
                           vat_row("S", "10", "20.05", "2.01") + "," +
                           vat_row("S", "20", "119.97", "23.99") + "]";
    auto draft = show(ws, "1");
    CHECK(field(draft, "vat_regime") == R"("standard")");
    CHECK(field(draft, "lines") == lines);
    CHECK(field(draft, "vat_breakdown") == breakdown);
    CHECK(sums(draft) == "net 143.02 vat 26.17 total 169.19 paid 0.00 due 0.00");

    r = ws.run({"invoice", "issue", "1"});
    CHECK(r.code == 0);
    CHECK(r.out == "2026-0001\n");
    CHECK(r.err == "slash: issued 2026-0001 to acme: 169.19 EUR, due 2026-12-28\n");
    auto issued = show(ws, "2026-0001");
    CHECK(field(issued, "lines") == lines);
    CHECK(field(issued, "vat_breakdown") == breakdown);
    CHECK(sums(issued) == "net 143.02 vat 26.17 total 169.19 paid 0.00 due 169.19");
    // Standard VAT needs no exemption mention; a business client gets the payment terms.
    CHECK(field(issued, "mentions") ==
          "[\"" + kPenaltyFr + "\",\"" + kIndemnityFr + "\",\"" + kDiscountFr + "\"]");
    auto text = ok(ws, {"invoice", "show", "2026-0001"});
    CHECK(text.rfind("FACTURE 2026-0001\n", 0) == 0);
    CHECK(text.find("N° TVA FR11123456782") != std::string::npos);
    CHECK(text.find("Total HT   143,02\u00a0€") != std::string::npos);
    CHECK(text.find("Total TTC  169,19\u00a0€") != std::string::npos);
}

// ---------------------------------------------------------------------------------------
// Lifecycle

TEST_CASE("cli/invoice new reserves entries, line add and rm, issue numbers in order") {
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    log_on(ws, "acme/web", "9:00-10:00", "2026-10-06");
    CHECK(ok(ws, {"entry", "list", "2026-10", "--unbilled", "-q"}) == "1\n2\n");

    // 3 h × 65.00 = 195.00.
    auto r = ws.run({"invoice", "new", "acme"});
    CHECK(r.code == 0);
    CHECK(r.out == "1\n");
    CHECK(r.err == "slash: draft 1 for acme: 1 line, 195.00 EUR (2026-10-01 to 2026-10-31)\n");
    CHECK(ok(ws, {"entry", "list", "2026-10", "--unbilled", "-q"}) == "");
    expect_refusal(ws, {"entry", "edit", "1", "--note", "x"}, 4,
                   "entry 1 is reserved by draft invoice 1: remove that line (slash invoice line "
                   "rm 1 LINE) or the "
                   "draft (slash invoice rm 1) to change it");
    CHECK(ok(ws, {"invoice", "list"}) == "1\tinvoice\tacme\t\t\tdraft\t195.00 EUR\t\t\n");

    CHECK(ok(ws, {"invoice", "line", "add", "1", "Frais de déplacement", "--price", "45.50"}) ==
          "2\n");
    CHECK(ok(ws, {"invoice", "line", "add", "1", "Nuit d'hôtel", "--price", "89.90", "--quantity",
                  "2", "--unit-name", "nuit"}) == "3\n");
    // 195.00 + 45.50 + 2 × 89.90 = 420.30.
    CHECK(sums(show(ws, "1")) == "net 420.30 vat 0.00 total 420.30 paid 0.00 due 0.00");

    // Removing the mission's line frees its entries; the later lines move up.
    CHECK(ok(ws, {"invoice", "line", "rm", "1", "1"}) == "1\n");
    CHECK(ok(ws, {"entry", "list", "2026-10", "--unbilled", "-q"}) == "1\n2\n");
    auto extras = show(ws, "1");
    CHECK(field(extras, "lines") == lines_json({{"null", "null", "Frais de déplacement", "1.000",
                                                 "C62", "null", "45.50", "45.50", "E", "0"},
                                                {"null", "null", "Nuit d'hôtel", "2.000", "C62",
                                                 R"("nuit")", "89.90", "179.80", "E", "0"}}));
    CHECK(sums(extras) == "net 225.30 vat 0.00 total 225.30 paid 0.00 due 0.00");
    CHECK(field(extras, "entries") == "[]");

    // The freed work goes on a new draft; the drafts are issued in the order chosen.
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "2\n");
    r = ws.run({"invoice", "issue", "2"});
    CHECK(r.code == 0);
    CHECK(r.out == "2026-0001\n");
    CHECK(r.err == "slash: issued 2026-0001 to acme: 195.00 EUR, due 2026-12-28\n");
    r = ws.run({"invoice", "issue", "1"});
    CHECK(r.out == "2026-0002\n");
    CHECK(r.err == "slash: issued 2026-0002 to acme: 225.30 EUR, due 2026-12-28\n");

    auto issued = show(ws, "2026-0001");
    CHECK(field(issued, "ref") == R"("2026-0001")");
    CHECK(field(issued, "id") == "2");
    CHECK(field(issued, "status") == R"("issued")");
    CHECK(field(issued, "issue_date") == R"("2026-11-28")");
    CHECK(field(issued, "due_date") == R"("2026-12-28")");
    CHECK(field(issued, "issued_at") == R"("2026-11-28T10:00:00+00:00")");
    CHECK(field(issued, "entries") == "[1,2]");
    CHECK(sums(issued) == "net 195.00 vat 0.00 total 195.00 paid 0.00 due 195.00");
    CHECK(field(issued, "mentions") == "[\"" + kFranchiseFr + "\",\"" + kPenaltyFr + "\",\"" +
                                           kIndemnityFr + "\",\"" + kDiscountFr + "\"]");
    // A draft id still finds the invoice it became.
    CHECK(field(show(ws, "1"), "number") == R"("2026-0002")");
    CHECK(ok(ws, {"invoice", "show", "2026-0001"}).rfind("FACTURE 2026-0001\n", 0) == 0);
    CHECK(ok(ws, {"invoice", "show", "2026-0001", "--format", "md"})
              .rfind("# FACTURE 2026-0001\n", 0) == 0);
    CHECK(ok(ws, {"invoice", "show", "2026-0001", "--format", "json"}) == issued);
    CHECK(ok(ws, {"invoice", "list"}) ==
          "2026-0001\tinvoice\tacme\t2026-11-28\t2026-12-28\tissued\t195.00 EUR\t195.00 EUR\t\n"
          "2026-0002\tinvoice\tacme\t2026-11-28\t2026-12-28\tissued\t225.30 EUR\t225.30 EUR\t\n");
    // The billed entries are locked.
    expect_refusal(
        ws, {"entry", "edit", "1", "--note", "x"}, 4,
        "entry 1 is billed on invoice 2026-0001: it cannot change; credit that invoice to free it");
}

TEST_CASE("cli/invoice list shows each status and filters by status, client, year and --overdue") {
    Workspace ws;
    acme_web(ws);
    for (const char* day : {"2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"}) {
        log_on(ws, "acme/web", "9:00-11:00", day);  // 2 h × 65.00 = 130.00 each
        CHECK(run_ok(ws, {"invoice", "new", "acme", day}).size() == 2);
    }
    // Issued on 2026-10-20 with 30 days of terms: due 2026-11-19, before today.
    CHECK(run_ok(ws, {"invoice", "issue", "1", "--date", "2026-10-20"}) == "2026-0001\n");
    CHECK(ok(ws, {"invoice", "list", "--overdue", "-q"}) == "2026-0001\n");
    CHECK(run_ok(ws, {"invoice", "issue", "2", "--date", "2026-11-02"}) == "2026-0002\n");
    CHECK(run_ok(ws, {"invoice", "issue", "3"}) == "2026-0003\n");
    CHECK(run_ok(ws, {"invoice", "issue", "4"}) == "2026-0004\n");
    CHECK(ok(ws, {"invoice", "pay", "2026-0001"}) == "1\n");                     // 130.00: paid
    CHECK(ok(ws, {"invoice", "pay", "2026-0002", "--amount", "100"}) == "2\n");  // 30.00 left
    CHECK(run_ok(ws, {"invoice", "credit", "2026-0004"}) == "AV2026-0001\n");    // cancelled

    CHECK(
        ok(ws, {"invoice", "list"}) ==
        "2026-0001\tinvoice\tacme\t2026-10-20\t2026-11-19\tpaid\t130.00 EUR\t0.00 EUR\t\n"
        "2026-0002\tinvoice\tacme\t2026-11-02\t2026-12-02\tpartially_paid\t130.00 EUR\t30.00 EUR\t\n"
        "2026-0003\tinvoice\tacme\t2026-11-28\t2026-12-28\tissued\t130.00 EUR\t130.00 EUR\t\n"
        "2026-0004\tinvoice\tacme\t2026-11-28\t2026-12-28\tcancelled\t130.00 EUR\t0.00 EUR\t\n"
        "AV2026-0001\tcredit\tacme\t2026-11-28\t2026-11-28\tissued\t130.00 EUR\t0.00 EUR\t\n"
        "5\tinvoice\tacme\t\t\tdraft\t130.00 EUR\t\t\n");
    CHECK(ok(ws, {"invoice", "list", "-q"}) ==
          "2026-0001\n2026-0002\n2026-0003\n2026-0004\nAV2026-0001\n5\n");
    CHECK(ok(ws, {"invoice", "list", "--status", "draft", "-q"}) == "5\n");
    CHECK(ok(ws, {"invoice", "list", "--status", "issued", "-q"}) == "2026-0003\nAV2026-0001\n");
    CHECK(ok(ws, {"invoice", "list", "--status", "partially_paid", "-q"}) == "2026-0002\n");
    CHECK(ok(ws, {"invoice", "list", "--status", "paid", "-q"}) == "2026-0001\n");
    CHECK(ok(ws, {"invoice", "list", "--status", "cancelled", "-q"}) == "2026-0004\n");
    CHECK(ok(ws, {"invoice", "list", "--status", "overdue", "-q"}) == "");
    CHECK(ok(ws, {"invoice", "list", "--overdue", "-q"}) == "");
    CHECK(ok(ws, {"invoice", "list", "--year", "2025", "-q"}) == "");
    CHECK(ok(ws, {"invoice", "list", "--year", "2026", "--status", "paid", "-q"}) == "2026-0001\n");
    CHECK(ok(ws, {"invoice", "list", "--client", "acme", "--status", "draft", "-q"}) == "5\n");
    auto partial = ok(ws, {"invoice", "list", "--status", "partially_paid", "--json"});
    CHECK(partial.rfind("[\n{\"ref\":\"2026-0002\",", 0) == 0);
    CHECK(
        partial.find(
            R"("paid":{"amount":"100.00","currency":"EUR"},"due":{"amount":"30.00","currency":"EUR"})") !=
        std::string::npos);

    // In January, what is not paid by its due date is overdue; paid and cancelled stay so.
    ws.env.variables["SLASH_NOW"] = "2027-01-05T10:00:00Z";
    CHECK(ok(ws, {"invoice", "list"}) ==
          "2026-0001\tinvoice\tacme\t2026-10-20\t2026-11-19\tpaid\t130.00 EUR\t0.00 EUR\t\n"
          "2026-0002\tinvoice\tacme\t2026-11-02\t2026-12-02\toverdue\t130.00 EUR\t30.00 EUR\t\n"
          "2026-0003\tinvoice\tacme\t2026-11-28\t2026-12-28\toverdue\t130.00 EUR\t130.00 EUR\t\n"
          "2026-0004\tinvoice\tacme\t2026-11-28\t2026-12-28\tcancelled\t130.00 EUR\t0.00 EUR\t\n"
          "AV2026-0001\tcredit\tacme\t2026-11-28\t2026-11-28\tissued\t130.00 EUR\t0.00 EUR\t\n"
          "5\tinvoice\tacme\t\t\tdraft\t130.00 EUR\t\t\n");
    CHECK(ok(ws, {"invoice", "list", "--overdue", "-q"}) == "2026-0002\n2026-0003\n");
    CHECK(ok(ws, {"invoice", "list", "--status", "overdue", "-q"}) == "2026-0002\n2026-0003\n");
    CHECK(field(show(ws, "2026-0003"), "status") == R"("overdue")");
    // A new year starts a new series.
    CHECK(run_ok(ws, {"invoice", "issue", "5"}) == "2027-0001\n");
}

TEST_CASE("cli/invoice credit cancels the invoice and frees its entries for a new draft") {
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
    CHECK(ok(ws, {"entry", "list", "2026-10", "--unbilled", "-q"}) == "");

    auto r = ws.run({"invoice", "credit", "2026-0001", "--reason", "Erreur de tarif"});
    CHECK(r.code == 0);
    CHECK(r.out == "AV2026-0001\n");
    CHECK(r.err ==
          "slash: AV2026-0001 cancels invoice 2026-0001; its entries are unbilled again\n");

    auto original = show(ws, "2026-0001");
    CHECK(field(original, "status") == R"("cancelled")");
    CHECK(field(original, "credit_note") == R"("AV2026-0001")");
    CHECK(field(original, "entries") == "[]");
    CHECK(sums(original) == "net 130.00 vat 0.00 total 130.00 paid 0.00 due 0.00");

    auto note = show(ws, "AV2026-0001");
    CHECK(field(note, "kind") == R"("credit")");
    CHECK(field(note, "status") == R"("issued")");
    CHECK(field(note, "credited_invoice") == R"("2026-0001")");
    CHECK(field(note, "reason") == R"("Erreur de tarif")");
    CHECK(field(note, "issue_date") == R"("2026-11-28")");
    CHECK(field(note, "lines") == lines_json({{"1", "null", "Website — octobre 2026", "2.000",
                                               "HUR", "null", "65.00", "130.00", "E", "0"}}));
    CHECK(sums(note) == "net 130.00 vat 0.00 total 130.00 paid 0.00 due 0.00");
    CHECK(ok(ws, {"invoice", "show", "AV2026-0001"})
              .rfind("AVOIR AV2026-0001\nAvoir sur la facture 2026-0001 du 28/11/2026\n", 0) == 0);

    // The work is unbilled again: editable, and billed by the next draft and invoice.
    CHECK(ok(ws, {"entry", "list", "2026-10", "--unbilled", "-q"}) == "1\n");
    CHECK(ok(ws, {"entry", "edit", "1", "--note", "refait"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "3\n");
    CHECK(sums(show(ws, "3")) == "net 130.00 vat 0.00 total 130.00 paid 0.00 due 0.00");
    CHECK(run_ok(ws, {"invoice", "issue", "3"}) == "2026-0002\n");
}

TEST_CASE("cli/invoice monthly drafts one invoice per client, --dry-run writes nothing") {
    Workspace ws;
    acme_web(ws);
    ok(ws,
       {"client", "add", "brit", "--name", "Brit Ltd", "--address", "10 Downing St", "--address",
        "London", "--country", "GB", "--language", "en", "--currency", "GBP", "--hourly", "80",
        "--email", "ap@brit.example"});
    ok(ws, {"client", "add", "gamma", "--name", "Gamma", "--hourly", "50"});
    ok(ws, {"mission", "add", "brit/app", "--title", "App"});
    ok(ws, {"mission", "add", "gamma/misc"});
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");    // 2 h × 65.00 = 130.00 EUR
    log_on(ws, "brit/app", "9:00-10:30", "2026-10-06");    // 1.5 h × 80.00 = 120.00 GBP
    log_on(ws, "gamma/misc", "9:00-10:00", "2026-11-06");  // November: not in October's run

    auto before = ws.dump();
    auto r = ws.run({"invoice", "monthly", "--dry-run"});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "\tinvoice\tacme\t\t\tdraft\t130.00 EUR\t\t\n"
          "\tinvoice\tbrit\t\t\tdraft\t120.00 GBP\t\t\n");
    CHECK(r.err == "slash: dry run: nothing was written\n");
    CHECK(ws.dump() == before);
    CHECK(ok(ws, {"entry", "list", "2026-10", "--unbilled", "-q"}) == "1\n2\n");

    r = ws.run({"invoice", "monthly"});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "1\tinvoice\tacme\t\t\tdraft\t130.00 EUR\t\t\n"
          "2\tinvoice\tbrit\t\t\tdraft\t120.00 GBP\t\t\n");
    CHECK(r.err == "");
    CHECK(ok(ws, {"entry", "list", "2026-10", "--unbilled", "-q"}) == "");
    // A business outside the EU: export, outside the scope of French VAT (G).
    CHECK(field(show(ws, "2"), "lines") ==
          lines_json({{"2", "null", "App — October 2026", "1.500", "HUR", "null", "80.00", "120.00",
                       "G", "0"}},
                     "GBP"));
    expect_refusal(ws, {"invoice", "monthly"}, 1,
                   "nothing to bill from 2026-10-01 to 2026-10-31: no client has unbilled billable "
                   "work in that "
                   "period");
    CHECK(ok(ws, {"invoice", "monthly", "2026-11", "-q"}) == "3\n");
    CHECK(field(show(ws, "3"), "client") == R"("gamma")");
}

TEST_CASE("cli/invoice an English client gets English lines, labels and mentions") {
    Workspace ws;
    seller(ws);
    ok(ws, {"client", "add", "brit", "--name", "Brit Ltd", "--address", "10 Downing St",
            "--address", "London SW1A 2AA", "--country", "GB", "--language", "en", "--currency",
            "GBP", "--hourly", "80", "--email", "ap@brit.example"});
    ok(ws, {"mission", "add", "brit/app", "--title", "App"});
    log_on(ws, "brit/app", "9:00-10:30", "2026-10-06");
    CHECK(run_ok(ws, {"invoice", "new", "brit"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
    auto json = show(ws, "2026-0001");
    CHECK(field(json, "language") == R"("en")");
    CHECK(field(json, "currency") == R"("GBP")");
    // A business in GB: outside the scope of French VAT (export, category G), art. 259-1.
    CHECK(field(json, "lines") == lines_json({{"1", "null", "App — October 2026", "1.500", "HUR",
                                               "null", "80.00", "120.00", "G", "0"}},
                                             "GBP"));
    CHECK(sums(json) == "net 120.00 vat 0.00 total 120.00 paid 0.00 due 120.00");
    CHECK(
        field(json, "mentions") ==
        R"x(["VAT not applicable, art. 259-1 of the French General Tax Code (CGI)",)x"
        R"x("In case of late payment, penalties at three times the French legal interest rate are due )x"
        R"x((art. L441-10 of the French Commercial Code).",)x"
        R"x("A fixed indemnity of €40 for recovery costs is due in case of late payment )x"
        R"x((art. L441-10 and D441-5 of the French Commercial Code).",)x"
        R"x("No discount for early payment."])x");
    auto text = ok(ws, {"invoice", "show", "2026-0001"});
    CHECK(text.rfind("INVOICE 2026-0001\n", 0) == 0);
    CHECK(text.find("Bill to\nBrit Ltd\n10 Downing St\nLondon SW1A 2AA\nUnited Kingdom\n") != std::string::npos);
    CHECK(text.find("75011 Paris\nFrance\n") != std::string::npos);
    CHECK(text.find("£120.00") != std::string::npos);
}

// ---------------------------------------------------------------------------------------
// Refusals

TEST_CASE("cli/invoice issue refuses an incomplete invoice, listing every missing item") {
    Workspace ws;  // no `init`: no seller at all
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web"});
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "1\n");
    const std::string missing =
        "cannot issue draft 1: missing seller name ([seller] name: slash config set seller.name "
        "...); seller "
        "address ([seller] address: slash config set seller.address ...); seller SIREN or SIRET "
        "(slash config set "
        "seller.siren ...); seller email, the e-invoicing address (slash config set seller.email "
        "...); buyer address "
        "(slash client edit CLIENT --address ...); buyer email, the e-invoicing address (slash client edit "
        "CLIENT --email ...); buyer SIREN for a French business client (slash "
        "client edit "
        "CLIENT --siren ...)";
    expect_refusal(ws, {"invoice", "issue", "1"}, 1, missing);
    ok(ws, {"config", "set", "invoice.discount_text", " "});
    expect_refusal(ws, {"invoice", "issue", "1"}, 1,
                   missing + "; early-payment discount statement ([invoice] discount_text)");
    // Under the standard regime the seller's VAT id is one more item.
    ok(ws, {"config", "set", "seller.name", "Camille Martin"});
    ok(ws, {"config", "set", "seller.address", "12 rue des Lilas", "75011 Paris"});
    ok(ws, {"config", "set", "seller.siren", "123456782"});
    ok(ws, {"config", "set", "seller.email", "camille@example.org"});
    ok(ws, {"config", "set", "invoice.discount_text", "Pas d'escompte."});
    ok(ws, {"client", "edit", "acme", "--address", "1 rue X", "--siren", "552100554"});
    ok(ws, {"config", "set", "tax.regime", "standard"});
    expect_refusal(ws, {"invoice", "issue", "1"}, 1,
                   "cannot issue draft 1: missing seller VAT id (required under the standard "
                   "regime: slash config "
                   "set seller.vat_id ...)");
}

TEST_CASE(
    "cli/invoice refusals that depend on the state: draft, issued, paid, cancelled, credit note") {
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");  // 130.00 each
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-06");
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-07");
    run_ok(ws, {"invoice", "new", "acme", "2026-10-05"});
    run_ok(ws, {"invoice", "new", "acme", "2026-10-06"});
    run_ok(ws, {"invoice", "new", "acme", "2026-10-07"});
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
    CHECK(run_ok(ws, {"invoice", "issue", "3"}) == "2026-0002\n");
    CHECK(run_ok(ws, {"invoice", "credit", "2026-0002"}) == "AV2026-0001\n");
    // Now: 2026-0001 issued, draft 2, 2026-0002 cancelled by AV2026-0001.

    expect_refusal(
        ws, {"invoice", "new", "acme", "2026-09"}, 1,
        "nothing to bill for acme from 2026-09-01 to 2026-09-30: none of its 1 mission has "
        "unbilled "
        "billable work in that period (see \"slash entry list 2026-09-01..2026-09-30 --client acme "
        "--unbilled\")");
    expect_refusal(
        ws, {"invoice", "new", "acme", "2026-10-05"}, 1,
        "nothing to bill for acme from 2026-10-05 to 2026-10-05: none of its 1 mission has "
        "unbilled "
        "billable work in that period (see \"slash entry list 2026-10-05..2026-10-05 --client acme "
        "--unbilled\")");
    expect_refusal(ws, {"invoice", "monthly", "2026-09"}, 1,
                   "nothing to bill from 2026-09-01 to 2026-09-30: no client has unbilled billable "
                   "work in that period");

    expect_refusal(ws, {"invoice", "issue", "2026-0001"}, 4, "invoice 2026-0001 is already issued");
    expect_refusal(ws, {"invoice", "issue", "1"}, 4, "invoice 2026-0001 is already issued");
    const std::string frozen =
        "invoice 2026-0001 " + kIssuedMessage + "2026-0001\" and a new invoice";
    expect_refusal(ws, {"invoice", "line", "add", "2026-0001", "Frais", "--price", "10"}, 4,
                   frozen);
    expect_refusal(ws, {"invoice", "line", "rm", "2026-0001", "1"}, 4, frozen);
    expect_refusal(ws, {"invoice", "rm", "2026-0001"}, 4, frozen);
    expect_refusal(ws, {"invoice", "line", "add", "AV2026-0001", "Frais", "--price", "10"}, 4,
                   "credit note AV2026-0001 is issued: it can never change");
    expect_refusal(ws, {"invoice", "rm", "AV2026-0001"}, 4,
                   "credit note AV2026-0001 is issued: it can never change");

    expect_refusal(ws, {"invoice", "pay", "2"}, 1,
                   "draft 2 is not issued yet: issue it first (slash invoice issue 2)");
    expect_refusal(ws, {"invoice", "pay", "2026-0001", "--amount", "130.01"}, 1,
                   "amount 130.01 EUR is more than the 130.00 EUR due on invoice 2026-0001; "
                   "overpayments are not "
                   "recorded");
    expect_refusal(ws, {"invoice", "pay", "AV2026-0001"}, 1,
                   "AV2026-0001 is a credit note: it is not paid");
    expect_refusal(ws, {"invoice", "pay", "2026-0002"}, 1,
                   "invoice 2026-0002 is cancelled by credit note AV2026-0001: nothing is due");
    expect_refusal(ws, {"invoice", "credit", "2"}, 1,
                   "draft 2 is not issued: only an issued invoice is credited; delete a draft with "
                   "\"slash invoice rm "
                   "2\"");
    expect_refusal(ws, {"invoice", "credit", "AV2026-0001"}, 1,
                   "AV2026-0001 is a credit note: a credit note is never credited");
    expect_refusal(ws, {"invoice", "credit", "2026-0002"}, 4,
                   "invoice 2026-0002 is already cancelled by credit note AV2026-0001");
    expect_refusal(ws, {"invoice", "credit", "2026-0001", "--date", "2026-11-01"}, 2,
                   "invalid --date \"2026-11-01\": a credit note cannot be dated before the "
                   "invoice it cancels "
                   "(2026-11-28)");

    expect_refusal(
        ws, {"invoice", "line", "add", "2", "Frais", "--price", "10", "--currency", "GBP"}, 2,
        "invalid --currency \"GBP\": draft 2 is billed in EUR and amounts are never converted; "
        "give the "
        "price in EUR");
    expect_refusal(ws, {"invoice", "issue", "2", "--date", "2026-11-29"}, 2,
                   "invalid --date \"2026-11-29\": 2026-11-29 is in the future; an invoice is "
                   "dated the day it is "
                   "issued or before");
    expect_refusal(ws, {"invoice", "issue", "2", "--date", "2026-11-27"}, 1,
                   "cannot date draft 2 2026-11-27: 2026-0002 is dated 2026-11-28, and numbers follow dates; use "
                   "--date 2026-11-28 or later");

    for (const auto& verb :
         std::vector<std::vector<std::string>>{{"invoice", "show", "2026-9999"},
                                               {"invoice", "issue", "2026-9999"},
                                               {"invoice", "pay", "2026-9999"},
                                               {"invoice", "credit", "2026-9999"},
                                               {"invoice", "rm", "2026-9999"},
                                               {"invoice", "line", "rm", "2026-9999", "1"},
                                               {"payment", "list", "--invoice", "2026-9999"}}) {
        expect_refusal(ws, verb, 3,
                       "unknown invoice \"2026-9999\": give its number, or the id of a draft (#ID); see \"slash "
                       "invoice list\"");
    }
    expect_refusal(
        ws, {"invoice", "show", "99"}, 3,
        "unknown invoice \"99\": give its number, or the id of a draft (#ID); see \"slash invoice list\"");
    expect_refusal(ws, {"invoice", "new", "nobody"}, 3,
                   "unknown client \"nobody\"; see \"slash client list --all\"");

    // Paid in full, it takes no more money.
    CHECK(ok(ws, {"invoice", "pay", "2026-0001"}) == "1\n");
    expect_refusal(ws, {"invoice", "pay", "2026-0001", "--amount", "1"}, 1,
                   "invoice 2026-0001 is already paid (130.00 EUR)");
    // The entries of an issued invoice are locked.
    expect_refusal(
        ws, {"entry", "edit", "1", "--note", "x"}, 4,
        "entry 1 is billed on invoice 2026-0001: it cannot change; credit that invoice to free it");
    expect_refusal(
        ws, {"entry", "rm", "1"}, 4,
        "entry 1 is billed on invoice 2026-0001: it cannot change; credit that invoice to free it");
}

TEST_CASE("cli/invoice refusals of bad values: exit 2, one line, data unchanged") {
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-06");
    run_ok(ws, {"invoice", "new", "acme", "2026-10-05"});
    run_ok(ws, {"invoice", "new", "acme", "2026-10-06"});
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");

    auto line_add = [](std::vector<std::string> extra) {
        std::vector<std::string> args{"invoice", "line", "add", "2", "Frais"};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    expect_refusal(
        ws, {"invoice", "list", "--status", "open"}, 2,
        "invalid --status \"open\": use draft, issued, paid, partially_paid, overdue, cancelled");
    expect_refusal(ws, {"invoice", "list", "--year", "26"}, 2,
                   "invalid --year \"26\": use four digits, such as 2026");
    expect_refusal(ws, {"invoice", "pay", "2026-0001", "--method", "bitcoin"}, 2,
                   "invalid --method \"bitcoin\": use transfer, card, cash, check, platform");
    expect_refusal(ws, {"invoice", "pay", "2026-0001", "--amount", "0"}, 2,
                   "invalid --amount \"0\": a payment is a positive amount");
    expect_refusal(ws, {"invoice", "pay", "2026-0001", "--amount", "-5"}, 2,
                   "invalid --amount \"-5\": a payment is a positive amount");
    expect_refusal(ws, {"invoice", "pay", "2026-0001", "--eur", "100"}, 2,
                   "invalid --eur \"100\": invoice 2026-0001 is in EUR already");
    expect_refusal(ws, line_add({"--price", "10", "--unit", "km"}), 2,
                   "invalid --unit \"km\": use hour, day or unit");
    for (const char* quantity : {"0", "-1", "1.2345", "abc"}) {
        expect_refusal(
            ws, line_add({"--price", "10", "--quantity", quantity}), 2,
            "invalid --quantity \"" + std::string(quantity) +
                "\": use a positive number with at most 3 decimals, such as 1, 2.5 or 0.125");
    }
    expect_refusal(
        ws, line_add({"--price", "0"}), 2,
        "invalid --price \"0\": a line needs a non-zero price (negative for a discount)");
    expect_refusal(ws, line_add({"--price", "1.234"}), 2,
                   "invalid --price: invalid amount \"1.234\": use at most 2 decimals");
    expect_refusal(ws, line_add({"--price", "10", "--vat", "5.5"}), 2,
                   "invalid --vat \"5.5\": draft 2 is under the franchise VAT regime, where no VAT "
                   "rate applies");
    expect_refusal(ws, {"invoice", "line", "add", "2", "", "--price", "10"}, 2,
                   "invalid description \"\": a line needs a description");
    expect_refusal(ws, {"invoice", "line", "rm", "2", "5"}, 2,
                   "invalid line 5: draft 2 has 1 line, numbered 1 to 1");
    expect_refusal(ws, {"invoice", "line", "rm", "2", "0"}, 2,
                   "invalid line 0: draft 2 has 1 line, numbered 1 to 1");
    expect_refusal(ws, {"invoice", "show", "2", "--format", "odt"}, 2,
                   "invalid --format \"odt\": use text, md, json, html, cii or pdf");
    // The unit and the currency are case-insensitive; the line lands at the end.
    CHECK(ok(ws, line_add({"--price", "10", "--unit", "DAY", "--currency", "eur"})) == "2\n");
}

TEST_CASE("cli/invoice config set refuses a number format without a seq placeholder") {
    Workspace ws;
    seller(ws);
    const auto config_before = read_file(ws.config_path());
    const std::string rule =
        " must be a format with one {seq} and only {year}, {month}, letters, digits and - + _ /, "
        "such as "
        "\"{year}-{seq:04}\", got ";
    expect_refusal(ws, {"config", "set", "invoice.number_format", "{year}"}, 2,
                   "invoice.number_format" + rule + "\"{year}\"");
    expect_refusal(ws, {"config", "set", "invoice.credit_number_format", "AV{year}"}, 2,
                   "invoice.credit_number_format" + rule + "\"AV{year}\"");
    expect_refusal(ws, {"config", "set", "invoice.number_format", "{year}-{seq:04}-{foo}"}, 2,
                   "invoice.number_format" + rule + "\"{year}-{seq:04}-{foo}\"");
    CHECK(read_file(ws.config_path()) == config_before);

    // A valid format numbers the next invoice.
    ok(ws, {"config", "set", "invoice.number_format", "F{year}{month}-{seq:03}"});
    add_acme(ws);
    ok(ws, {"mission", "add", "acme/web"});
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    run_ok(ws, {"invoice", "new", "acme"});
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "F202611-001\n");

    // The same format written by hand is a broken configuration: exit 5, with file:line:col.
    Workspace by_hand;
    std::ofstream(by_hand.config_path()) << "[invoice]\nnumber_format = \"{year}\"\n";
    expect_refusal(
        by_hand, {"invoice", "list"}, 5,
        by_hand.config_path().string() + ":2:17: invoice.number_format" + rule + "\"{year}\"");
}

TEST_CASE("cli/invoice rm deletes a draft and frees its entries") {
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "1\n");
    CHECK(ok(ws, {"invoice", "line", "add", "1", "Frais", "--price", "12"}) == "2\n");
    CHECK(ok(ws, {"entry", "list", "2026-10", "--unbilled", "-q"}) == "");
    CHECK(ok(ws, {"invoice", "rm", "1"}) == "1\n");
    CHECK(ok(ws, {"entry", "list", "2026-10", "--unbilled", "-q"}) == "1\n");
    CHECK(ok(ws, {"invoice", "list", "-q"}) == "");
    expect_refusal(
        ws, {"invoice", "show", "1"}, 3,
        "unknown invoice \"1\": give its number, or the id of a draft (#ID); see \"slash invoice list\"");
    // The freed work is billed again, 2 h × 65.00 = 130.00.
    auto id = run_ok(ws, {"invoice", "new", "acme"});
    CHECK(sums(show(ws, id.substr(0, id.size() - 1))) ==
          "net 130.00 vat 0.00 total 130.00 paid 0.00 due 0.00");
}

// ---------------------------------------------------------------------------------------
// The VAT regime of an invoice follows its lines, and the mission figures follow the lines.

TEST_CASE("cli/invoice VAT charged by a mission under the standard regime needs the seller's VAT id") {
    // The legal checks follow the VAT categories of the lines, not the client's regime: an
    // export client (category G) with one mission under --vat-regime standard is charged
    // 20 % VAT (2 h × 80.00 = 160.00 + 32.00), so the seller's VAT number is required.
    Workspace ws;
    seller(ws);
    ok(ws, {"config", "set", "tax.regime", "standard"});
    ok(ws, {"client", "add", "brit", "--name", "Brit Ltd", "--address", "10 Downing St",
            "--address", "London", "--country", "GB", "--language", "en", "--currency", "GBP",
            "--hourly", "80", "--vat-regime", "export", "--email", "ap@brit.example"});
    ok(ws, {"mission", "add", "brit/event", "--title", "Paris event", "--vat-regime", "standard"});
    log_on(ws, "brit/event", "9:00-11:00", "2026-10-05");
    CHECK(run_ok(ws, {"invoice", "new", "brit"}) == "1\n");
    CHECK(sums(show(ws, "1")) == "net 160.00 vat 32.00 total 192.00 paid 0.00 due 0.00");
    expect_refusal(ws, {"invoice", "issue", "1"}, 1,
                   "cannot issue draft 1: missing seller VAT id (required under the standard "
                   "regime: slash config "
                   "set seller.vat_id ...)");
}

TEST_CASE("cli/invoice a reverse-charge mission is checked as reverse charge at issue") {
    // Under [tax] regime standard, a mission with --vat-regime reverse-charge for a French
    // client with no VAT id is billed as category AE: the reverse-charge checks (the
    // buyer's EU VAT number, a business in another EU country) apply.
    Workspace ws;
    acme_web(ws);
    ok(ws, {"config", "set", "tax.regime", "standard"});
    ok(ws, {"config", "set", "seller.vat_id", "FR11123456782"});
    ok(ws, {"mission", "add", "acme/audit", "--title", "Audit", "--vat-regime", "reverse-charge"});
    log_on(ws, "acme/audit", "9:00-11:00", "2026-10-05");
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "1\n");
    CHECK(field(show(ws, "1"), "lines") ==
          lines_json({{"2", "null", "Audit — octobre 2026", "2.000", "HUR", "null", "65.00",
                       "130.00", "AE", "0"}}));
    expect_refusal(ws, {"invoice", "issue", "1"}, 1,
                   "cannot issue draft 1: missing buyer VAT id (required for reverse charge: slash "
                   "client edit "
                   "CLIENT --vat-id ...); buyer for reverse charge: it must be a business in an EU "
                   "country other "
                   "than France, and this client is in France (use another VAT regime for it)");
}

TEST_CASE("cli/invoice a draft follows the VAT settings until it is issued") {
    // Lines are drafted under the franchise (E, 0 %); the regime changes to standard before
    // issue: the draft shows, and the invoice is issued with, S at 20 % and no 293 B mention.
    // 2 h × 65.00 = 130.00, VAT 26.00, total 156.00.
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "1\n");
    CHECK(sums(show(ws, "1")) == "net 130.00 vat 0.00 total 130.00 paid 0.00 due 0.00");
    ok(ws, {"config", "set", "tax.regime", "standard"});
    ok(ws, {"config", "set", "seller.vat_id", "FR11123456782"});
    auto pair_of = [](const std::string& json) {
        auto lines = field(json, "lines");
        auto at = lines.find("\"vat_category\":\"") + 16;
        return field(json, "vat_regime") + "/" + lines.substr(at, lines.find('"', at) - at);
    };
    auto draft = show(ws, "1");
    CHECK(pair_of(draft) == R"("standard"/S)");
    CHECK(sums(draft) == "net 130.00 vat 26.00 total 156.00 paid 0.00 due 0.00");
    REQUIRE(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
    auto issued = show(ws, "2026-0001");
    CHECK(pair_of(issued) == R"("standard"/S)");
    CHECK(sums(issued) == "net 130.00 vat 26.00 total 156.00 paid 0.00 due 156.00");
    CHECK(field(issued, "mentions").find("293 B") == std::string::npos);
}

TEST_CASE("cli/invoice without rounding, the mission's unbilled amount is what the draft bills") {
    // With `--rounding 0`, 2h10 + 7m30s + 7m = 8670 s = 2.408 h (thousandths of an hour,
    // half away from zero) × 65.00 = 156.52, in `mission show` as in the draft's line.
    Workspace ws;
    acme_web(ws);
    ok(ws, {"client", "edit", "acme", "--rounding", "0"});
    log_on(ws, "acme/web", "9:00-11:10", "2026-10-05");
    log_on(ws, "acme/web", "PT7M30S", "2026-10-06");
    log_on(ws, "acme/web", "14:00-14:07", "2026-10-07");
    auto unbilled = field(ok(ws, {"mission", "show", "acme/web", "--json"}), "unbilled");
    CHECK(unbilled == R"({"amount":"156.52","currency":"EUR"})");
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "1\n");
    CHECK(field(show(ws, "1"), "net") == unbilled);
}

TEST_CASE("cli/invoice later work on a fixed-price mission already billed is covered by its price") {
    Workspace ws;
    acme_web(ws);
    ok(ws, {"mission", "add", "acme/logo", "--fixed", "800"});
    ok(ws, {"config", "set", "invoice.fixed_price", "first-work"});
    log_on(ws, "acme/logo", "9:00-11:00", "2026-10-06");
    CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-10"}) == "1\n");
    log_on(ws, "acme/logo", "9:00-10:00", "2026-11-03");
    // Alone, it is nothing to bill, and the message says why.
    expect_refusal(ws, {"invoice", "new", "acme", "2026-11"}, 1,
                   "nothing to bill for acme from 2026-11-01 to 2026-11-30: its new entries are on fixed-price "
                   "missions already billed (acme/logo), which their price covers");
    // With other work, the draft takes the entry (no line of its own), so it is not left
    // unbilled forever.
    log_on(ws, "acme/web", "14:00-15:00", "2026-11-04");
    CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-11"}) == "2\n");
    CHECK(ok(ws, {"entry", "list", "2026-11", "--unbilled", "-q"}) == "");
    auto draft = show(ws, "2");
    CHECK(sums(draft) == "net 65.00 vat 0.00 total 65.00 paid 0.00 due 0.00");
}

TEST_CASE("cli/invoice a cancelled invoice names its credit note when asked to change") {
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
    CHECK(run_ok(ws, {"invoice", "credit", "2026-0001"}) == "AV2026-0001\n");
    expect_refusal(ws, {"invoice", "line", "add", "2026-0001", "Extra", "--price", "10"}, 4,
                   "invoice 2026-0001 is cancelled by credit note AV2026-0001: it can never change");
    expect_refusal(ws, {"invoice", "rm", "2026-0001"}, 4,
                   "invoice 2026-0001 is cancelled by credit note AV2026-0001: it can never change");
}

// ---------------------------------------------------------------------------------------
// Rules added after review.

TEST_CASE("cli/invoice a draft whose total is not positive is not issued") {
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");  // 130.00
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "1\n");
    CHECK(ok(ws, {"invoice", "line", "add", "1", "Remise", "--price", "-500"}) == "2\n");
    expect_refusal(ws, {"invoice", "issue", "1"}, 1,
                   "cannot issue draft 1: its total is -370.00 EUR; an invoice bills a positive amount (a credit "
                   "note corrects an issued one: slash invoice credit)");
}

TEST_CASE("cli/invoice issue dates follow the work and every earlier invoice, across years") {
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-09-07");
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-09"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-10"}) == "2\n");
    // Not before the work it bills.
    expect_refusal(ws, {"invoice", "issue", "2", "--date", "2026-09-30"}, 1,
                   "cannot date draft 2 2026-09-30: its work starts on 2026-10-01; an invoice is issued once the "
                   "work is done, use --date 2026-10-01 or later");
    CHECK(run_ok(ws, {"invoice", "issue", "2", "--date", "2026-11-05"}) == "2026-0001\n");
    // A new year's series must not let an older date in after a later invoice.
    ok(ws, {"config", "set", "invoice.number_format", "F{year}{month}-{seq:03}"});
    expect_refusal(ws, {"invoice", "issue", "1", "--date", "2026-10-01"}, 1,
                   "cannot date draft 1 2026-10-01: 2026-0001 is dated 2026-11-05, and numbers follow dates; use "
                   "--date 2026-11-05 or later");
    CHECK(run_ok(ws, {"invoice", "issue", "1", "--date", "2026-11-05"}) == "F202611-001\n");
}

TEST_CASE("cli/invoice a bare id names the draft on draft verbs when numbers look like ids") {
    Workspace ws;
    acme_web(ws);
    ok(ws, {"config", "set", "invoice.number_format", "{seq}"});
    log_on(ws, "acme/web", "9:00-11:00", "2026-09-07");
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-09"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-10"}) == "2\n");
    CHECK(run_ok(ws, {"invoice", "issue", "2"}) == "1\n");  // draft 2 becomes invoice number 1
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2\n");  // draft 1, not invoice number 1
    // Elsewhere a number comes first, and #ID is always an id.
    CHECK(field(show(ws, "1"), "id") == "2");
    CHECK(field(show(ws, "#1"), "id") == "1");
}

TEST_CASE("cli/invoice a timer running in the period is stopped before billing it") {
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-11-05");
    ws.env.variables["SLASH_NOW"] = "2026-11-30T23:30:00Z";
    REQUIRE(ws.run({"start", "acme/web", "--at", "23:00"}).code == 0);
    expect_refusal(ws, {"invoice", "new", "acme", "2026-11"}, 4,
                   "a timer is running on acme/web since 2026-11-30T23:00:00+00:00, in the period billed: stop it "
                   "first (slash stop) so that its time is billed");
    expect_refusal(ws, {"invoice", "monthly", "2026-11"}, 4,
                   "a timer is running on acme/web since 2026-11-30T23:00:00+00:00, in the period billed: stop it "
                   "first (slash stop) so that its time is billed");
    // A timer outside the period is no concern.
    CHECK(run_ok(ws, {"invoice", "new", "acme", "2026-11-01..2026-11-29"}) == "1\n");
}

TEST_CASE("cli/invoice monthly takes a month, nothing else") {
    Workspace ws;
    acme_web(ws);
    for (const char* period : {"2026", "week", "2026-10-05", "2026-10-01..2026-11-30"}) {
        expect_refusal(ws, {"invoice", "monthly", period}, 2,
                       std::string("invalid month \"") + period +
                           "\": use YYYY-MM, month or lastmonth; for another period, slash invoice new CLIENT "
                           "PERIOD");
    }
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    CHECK(ws.run({"invoice", "monthly", "2026-10-01..2026-10-31"}).code == 0);
}

TEST_CASE("cli/invoice line rm frees entries a --detail draft holds with no line") {
    Workspace ws;
    acme_web(ws);
    ok(ws, {"config", "set", "time.rounding_mode", "down"});
    log_on(ws, "acme/web", "9:00-9:10", "2026-10-05");   // 10 min, rounded down to nothing
    log_on(ws, "acme/web", "9:00-10:00", "2026-10-06");  // 1 h
    CHECK(run_ok(ws, {"invoice", "new", "acme", "--detail"}) == "1\n");
    CHECK(field(show(ws, "1"), "entries") == "[1,2]");
    CHECK(ok(ws, {"invoice", "line", "rm", "1", "1"}) == "1\n");
    CHECK(field(show(ws, "1"), "entries") == "[]");
    CHECK(ok(ws, {"entry", "list", "2026-10", "--unbilled", "-q"}) == "1\n2\n");
}

TEST_CASE("cli/invoice crediting a paid invoice warns that the money stays recorded") {
    Workspace ws;
    acme_web(ws);
    log_on(ws, "acme/web", "9:00-11:00", "2026-10-05");
    CHECK(run_ok(ws, {"invoice", "new", "acme"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
    CHECK(ok(ws, {"invoice", "pay", "2026-0001", "--amount", "30"}) == "1\n");
    auto r = ws.run({"invoice", "credit", "2026-0001"});
    CHECK(r.code == 0);
    CHECK(r.out == "AV2026-0001\n");
    CHECK(r.err ==
          "slash: AV2026-0001 cancels invoice 2026-0001; its entries are unbilled again\n"
          "slash: warning: 2026-0001 was paid 30.00 EUR: that money stays recorded against it; refund it or set "
          "it against the next invoice\n");
}

TEST_CASE("cli/invoice issue checks reverse charge and export against the client's country") {
    Workspace ws;
    seller(ws);
    ok(ws, {"config", "set", "seller.vat_id", "FR11123456782"});
    ok(ws, {"client", "add", "de", "--name", "Kunde GmbH", "--address", "Hauptstr. 1", "--address", "10115 Berlin",
            "--country", "DE", "--vat-id", "FR40303265045", "--vat-regime", "reverse-charge", "--hourly", "65",
            "--email", "ap@kunde.example"});
    ok(ws, {"mission", "add", "de/api"});
    ok(ws, {"client", "add", "be", "--name", "Klant BV", "--address", "Rue 1", "--address", "1000 Bruxelles",
            "--country", "BE", "--vat-regime", "export", "--hourly", "65", "--email", "ap@klant.example"});
    ok(ws, {"mission", "add", "be/api"});
    log_on(ws, "de/api", "9:00-10:00", "2026-10-05");
    log_on(ws, "be/api", "9:00-10:00", "2026-10-06");
    CHECK(run_ok(ws, {"invoice", "new", "de"}) == "1\n");
    CHECK(run_ok(ws, {"invoice", "new", "be"}) == "2\n");
    expect_refusal(ws, {"invoice", "issue", "1"}, 1,
                   "cannot issue draft 1: missing buyer VAT id FR40303265045 for reverse charge: it must be a "
                   "number of DE, the client's country, starting with DE (slash client edit CLIENT --vat-id ...)");
    expect_refusal(ws, {"invoice", "issue", "2"}, 1,
                   "cannot issue draft 2: missing buyer for export: it must be a client outside the EU, and this "
                   "client is in BE (use another VAT regime for it, or slash client edit CLIENT --country ...)");
}
