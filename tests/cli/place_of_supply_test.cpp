#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::have_program;
using slash::testing::run_process;
using slash::testing::source_dir;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::Workspace;

// The VAT regime of an invoice from the place of supply (docs/contract.md §4), worked out by
// hand for each client: now is 2026-11-28T10:00Z, "lastmonth" is October 2026, and every
// client has one mission with 2 h logged in October at 65.00 an hour: 130.00 net.

namespace {

const std::string kSellerVatId = "FR11123456782";

// One client of `handle` in `country` with a mission `handle/work` and 2 h of October work.
// Each client's 2 h are on a day of their own (entries never overlap): 2026-10-01, -02, ...
void client_with_work(Workspace& ws, const std::string& handle, std::vector<std::string> identity) {
    static int day = 0;
    day = day % 28 + 1;
    std::vector<std::string> args{"client", "add", handle, "--hourly", "65", "--email", "ap@" + handle + ".example"};
    args.insert(args.end(), identity.begin(), identity.end());
    ok(ws, args);
    ok(ws, {"mission", "add", handle + "/work", "--title", "Work"});
    run_ok(ws, {"log", handle + "/work", "9:00-11:00", "--on", "2026-10-" + std::string(day < 10 ? "0" : "") + std::to_string(day)});
}

void belgian_business(Workspace& ws) {
    client_with_work(ws, "be", {"--name", "Agence Bruxelles SRL", "--address", "Rue Neuve 1", "--address",
                                "1000 Bruxelles", "--country", "BE", "--vat-id", "BE0477472701"});
}
void german_business_without_vat_id(Workspace& ws) {
    client_with_work(ws, "de", {"--name", "Kunde GmbH", "--address", "Hauptstr. 1", "--address", "10115 Berlin",
                                "--country", "DE"});
}
void british_business(Workspace& ws) {
    client_with_work(ws, "gb", {"--name", "Northwind Publishing Ltd", "--address", "1 Fleet St", "--address",
                                "London EC4Y 1AA", "--country", "GB", "--language", "en"});
}
void us_platform(Workspace& ws) {
    client_with_work(ws, "us", {"--name", "Gigs Platform Inc", "--address", "1 Market St", "--address",
                                "San Francisco CA 94105", "--country", "US", "--language", "en"});
}
void belgian_individual(Workspace& ws) {
    client_with_work(ws, "bei", {"--name", "Jan Peeters", "--kind", "individual", "--address", "Kerkstraat 2",
                                 "--address", "2000 Antwerpen", "--country", "BE"});
}
void french_business(Workspace& ws) {
    client_with_work(ws, "acme", {"--name", "ACME SAS", "--address", "1 rue X", "--address", "75002 Paris",
                                  "--siren", "552100554"});
}

std::string show_json(Workspace& ws, const std::string& ref) {
    return ok(ws, {"invoice", "show", ref, "--json"});
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The draft of `handle`'s October work: its id.
std::string draft(Workspace& ws, const std::string& handle) {
    auto id = run_ok(ws, {"invoice", "new", handle});
    return id.substr(0, id.size() - 1);
}

// Runs tests/conformance/validate on the CII of each invoice (about 15 s each).
void validate(Workspace& ws, const std::vector<std::string>& numbers) {
    if (!have_program("java") || !have_program("xmllint")) {
        MESSAGE("skipped: java and xmllint (Debian default-jre-headless, libxml2-utils) are not installed");
        return;
    }
    const auto validator = source_dir() + "/tests/conformance/validate";
    for (const auto& number : numbers) {
        auto xml = (ws.dir() / (number + ".xml")).string();
        run_ok(ws, {"invoice", "show", number, "--format", "cii", "-o", xml});
        auto result = run_process({validator, xml});
        INFO(number << ":\n" << result.out << result.err);
        CHECK(result.code == 0);
    }
}

}  // namespace

TEST_CASE("place of supply under the franchise: BE GB US business, BE individual, FR client") {
    Workspace ws;
    init_seller(ws);
    belgian_business(ws);
    german_business_without_vat_id(ws);
    british_business(ws);
    us_platform(ws);
    belgian_individual(ws);
    french_business(ws);

    // A business outside the EU: outside the scope of French VAT (export, category G; its CII
    // writes O, the seller having no VAT id), mention of art. 259-1.
    auto gb = draft(ws, "gb");
    auto json = show_json(ws, gb);
    CHECK(has(json, R"("vat_regime":"export","vat_reason":"outside the scope of French VAT: business client in GB, )"
                    R"(outside the EU")"));
    CHECK(has(json, R"("vat_category":"G","vat_rate":"0")"));
    CHECK(run_ok(ws, {"invoice", "issue", gb}) == "2026-0001\n");
    json = show_json(ws, "2026-0001");
    CHECK(has(json, R"("vat_reason":null)"));  // issued: the regime is frozen
    CHECK(has(json, R"x("mentions":["VAT not applicable, art. 259-1 of the French General Tax Code (CGI)",)x"));
    CHECK(has(json, R"("net":{"amount":"130.00","currency":"EUR"},"vat":{"amount":"0.00","currency":"EUR"},)"
                    R"("total":{"amount":"130.00","currency":"EUR"})"));

    // An EU business: reverse charge, which needs the seller's intra-EU VAT id.
    auto be = draft(ws, "be");
    json = show_json(ws, be);
    CHECK(has(json, R"("vat_regime":"reverse-charge","vat_reason":"reverse charge: business client in BE")"));
    auto text = ok(ws, {"invoice", "show", be});
    CHECK(has(text, "autoliquidation : client professionnel établi en BE\n"));
    expect_refusal(ws, {"invoice", "issue", be}, 1,
                   "cannot issue draft " + be +
                       ": missing seller VAT id (required for reverse charge, even under the franchise: ask your SIE, "
                       "the service des impôts des entreprises, for an intra-EU VAT number, then slash config set "
                       "seller.vat_id ...)");
    ok(ws, {"config", "set", "seller.vat_id", kSellerVatId});
    CHECK(run_ok(ws, {"invoice", "issue", be}) == "2026-0002\n");
    json = show_json(ws, "2026-0002");
    CHECK(has(json, R"("vat_category":"AE","vat_rate":"0")"));
    CHECK(has(json, R"("mentions":["Autoliquidation",)"));
    CHECK(has(json, R"("vat_id":"FR11123456782")"));
    CHECK(has(json, R"("vat_id":"BE0477472701")"));
    CHECK(has(json, R"("total":{"amount":"130.00","currency":"EUR"})"));

    // An EU business without a VAT id: refused, naming the fix.
    auto de = draft(ws, "de");
    expect_refusal(ws, {"invoice", "issue", de}, 1,
                   "cannot issue draft " + de +
                       ": missing buyer VAT id (required for reverse charge: slash client edit CLIENT --vat-id ...)");

    // The US platform: export too, and its CII writes G now that the seller has a VAT id.
    auto us = draft(ws, "us");
    CHECK(has(show_json(ws, us), R"("vat_category":"G","vat_rate":"0")"));
    CHECK(run_ok(ws, {"invoice", "issue", us}) == "2026-0003\n");
    CHECK(has(show_json(ws, "2026-0003"),
              R"x("mentions":["VAT not applicable, art. 259-1 of the French General Tax Code (CGI)",)x"));

    // An individual in Belgium: French rules (the franchise), and a warning about the OSS.
    auto bei = draft(ws, "bei");
    CHECK(has(show_json(ws, bei), R"("vat_regime":"franchise","vat_reason":"franchise: individual client in BE, )"
                                  R"x(French rules (B2C)")x"));
    auto r = ws.run({"invoice", "issue", bei});
    CHECK(r.code == 0);
    CHECK(r.out == "2026-0004\n");
    CHECK(r.err == "slash: issued 2026-0004 to bei: 130.00 EUR, due 2026-12-28\n"
                   "slash: warning: 2026-0004 bills an individual in BE: French VAT rules apply, unless these are "
                   "electronically supplied services and such sales to EU individuals pass 10,000 EUR a year; then "
                   "the VAT of BE is due through the OSS (one-stop shop), which slash does not file\n");
    json = show_json(ws, "2026-0004");
    CHECK(has(json, R"("vat_category":"E","vat_rate":"0")"));
    CHECK(has(json, R"("mentions":["TVA non applicable, art. 293 B du CGI",)"));

    // A French client: unchanged, the franchise.
    auto fr = draft(ws, "acme");
    CHECK(has(show_json(ws, fr), R"("vat_regime":"franchise","vat_reason":"franchise: client in FR")"));
    r = ws.run({"invoice", "issue", fr});
    CHECK(r.code == 0);
    CHECK(r.err == "slash: issued 2026-0005 to acme: 130.00 EUR, due 2026-12-28\n");
    CHECK(has(show_json(ws, "2026-0005"), R"("mentions":["TVA non applicable, art. 293 B du CGI",)"));

    // The CII of each new case passes the Factur-X XSD, EN 16931 and BR-FR: outside the
    // scope (O, no seller VAT id), reverse charge (AE), export (G), the franchise to an
    // individual abroad (E).
    validate(ws, {"2026-0001", "2026-0002", "2026-0003", "2026-0004"});
}

TEST_CASE("place of supply under the standard regime, and a client override that wins") {
    Workspace ws;
    init_seller(ws);
    ok(ws, {"config", "set", "tax.regime", "standard"});
    ok(ws, {"config", "set", "seller.vat_id", kSellerVatId});
    belgian_business(ws);
    german_business_without_vat_id(ws);
    british_business(ws);
    belgian_individual(ws);
    french_business(ws);

    // BE business: reverse charge, 130.00 and no VAT.
    auto be = draft(ws, "be");
    CHECK(has(show_json(ws, be), R"("vat_reason":"reverse charge: business client in BE")"));
    CHECK(run_ok(ws, {"invoice", "issue", be}) == "2026-0001\n");
    auto json = show_json(ws, "2026-0001");
    CHECK(has(json, R"("vat_category":"AE","vat_rate":"0")"));
    CHECK(has(json, R"("total":{"amount":"130.00","currency":"EUR"})"));
    CHECK(has(json, R"("mentions":["Autoliquidation",)"));

    // DE business without VAT id: refused.
    auto de = draft(ws, "de");
    expect_refusal(ws, {"invoice", "issue", de}, 1,
                   "cannot issue draft " + de +
                       ": missing buyer VAT id (required for reverse charge: slash client edit CLIENT --vat-id ...)");

    // GB business: export (G, the seller has a VAT id), art. 259-1.
    auto gb = draft(ws, "gb");
    CHECK(run_ok(ws, {"invoice", "issue", gb}) == "2026-0002\n");
    json = show_json(ws, "2026-0002");
    CHECK(has(json, R"("vat_category":"G","vat_rate":"0")"));
    CHECK(has(json, R"("total":{"amount":"130.00","currency":"EUR"})"));

    // BE individual: French VAT at 20 %: 130.00 + 26.00 = 156.00.
    auto bei = draft(ws, "bei");
    CHECK(has(show_json(ws, bei), R"x("vat_reason":"standard VAT: individual client in BE, French rules (B2C)")x"));
    CHECK(run_ok(ws, {"invoice", "issue", bei}) == "2026-0003\n");
    json = show_json(ws, "2026-0003");
    CHECK(has(json, R"("vat_category":"S","vat_rate":"20")"));
    CHECK(has(json, R"("vat":{"amount":"26.00","currency":"EUR"},"total":{"amount":"156.00","currency":"EUR"})"));

    // FR: French VAT at 20 %, 156.00.
    auto fr = draft(ws, "acme");
    CHECK(has(show_json(ws, fr), R"("vat_reason":"standard VAT: client in FR")"));
    CHECK(run_ok(ws, {"invoice", "issue", fr}) == "2026-0004\n");
    CHECK(has(show_json(ws, "2026-0004"), R"("total":{"amount":"156.00","currency":"EUR"})"));

    // The client's own regime wins over the place of supply: the German client under
    // standard VAT is charged 20 %, and the draft says why.
    ok(ws, {"client", "edit", "de", "--vat-regime", "standard"});
    json = show_json(ws, de);
    CHECK(has(json, R"("vat_regime":"standard","vat_reason":"standard VAT: set on client de")"));
    CHECK(has(json, R"("vat_category":"S","vat_rate":"20")"));
    CHECK(run_ok(ws, {"invoice", "issue", de}) == "2026-0005\n");
    CHECK(has(show_json(ws, "2026-0005"), R"("total":{"amount":"156.00","currency":"EUR"})"));
}

TEST_CASE("place of supply: another state's VAT id is refused, a mission's regime wins and says so") {
    Workspace ws;
    init_seller(ws);
    ok(ws, {"config", "set", "seller.vat_id", kSellerVatId});
    client_with_work(ws, "nl", {"--name", "Bureau BV", "--address", "Dam 1", "--address", "1012 Amsterdam",
                                "--country", "NL", "--vat-id", "BE0477472701"});
    auto nl = draft(ws, "nl");
    expect_refusal(ws, {"invoice", "issue", nl}, 1,
                   "cannot issue draft " + nl +
                       ": missing buyer VAT id BE0477472701 for reverse charge: it must be a number of NL, the "
                       "client's country, starting with NL (slash client edit CLIENT --vat-id ...)");
    // The mission's own regime beats the place of supply: 2 h × 65.00, franchise, 130.00.
    ok(ws, {"mission", "edit", "nl/work", "--vat-regime", "franchise"});
    auto json = show_json(ws, nl);
    CHECK(has(json, R"("vat_regime":"franchise","vat_reason":"franchise: set on mission nl/work")"));
    CHECK(has(json, R"("vat_category":"E","vat_rate":"0")"));
}
