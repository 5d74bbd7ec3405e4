#include <doctest/doctest.h>

#include <string>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::read_file;
using slash::testing::run_ok;
using slash::testing::Workspace;

// `slash invoice remind` and `invoice list --overdue` (slash-invoice(1), "Reminders").
//
// The book: ACME SAS (a business, 100.00 EUR an hour) had 10 h of work in January 2026,
// invoiced 2026-0001 on 2026-01-31 for 1 000.00 EUR (franchise: no VAT), 30 days of terms:
// due 2026-03-02. ACME paid 200.00 on 2026-03-10: 800.00 remain due. Today is 2026-04-18.
//
// Penalties worked out by hand, 47 days late:
//   days late  = 2026-04-18 - 2026-03-02 = 29 days of March left after the 2nd + 18 = 47;
//   late since 2026-03-03, in the first half of 2026, whose legal interest rate ("autres
//   cas") is 2.62 % (arrêté du 15 décembre 2025): the late rate is 3 x 2.62 = 7.86 %;
//   penalty    = 800.00 x 7.86 % x 47 / 365
//              = 80000 cents x 7860 x 47 / (100000 x 365) = 29 553 600 000 / 36 500 000
//              = 809.687... cents -> 810 cents = 8.10 EUR (half away from zero);
//   indemnity  = 40.00 EUR (a business client, art. D441-5);
//   claimed    = 800.00 + 8.10 + 40.00 = 848.10 EUR.

namespace {

void book(Workspace& ws, const std::string& language = "fr", const std::string& kind = "business") {
    ws.env.variables["SLASH_NOW"] = "2026-04-18T10:00:00Z";
    init_seller(ws);
    ok(ws, {"config", "set", "seller.iban", "FR7630006000011234567890189"});
    ok(ws, {"config", "set", "seller.bic", "AGRIFRPP"});
    if (kind == "business") {
        ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue de la Paix", "--address",
                "75002 Paris", "--siren", "552100554", "--email", "ap@acme.example", "--hourly", "100",
                "--language", language});
    } else {
        ok(ws, {"client", "add", "acme", "--name", "Alex Dupont", "--kind", "individual", "--address",
                "1 rue de la Paix", "--address", "75002 Paris", "--email", "alex@example.org", "--hourly", "100",
                "--language", language});
    }
    ok(ws, {"mission", "add", "acme/web", "--title", "Website"});
    run_ok(ws, {"log", "acme/web", "8:00-18:00", "--on", "2026-01-15"});
    REQUIRE(run_ok(ws, {"invoice", "new", "acme", "2026-01"}) == "1\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "1", "--date", "2026-01-31"}) == "2026-0001\n");
    REQUIRE(ok(ws, {"invoice", "pay", "2026-0001", "--amount", "200", "--on", "2026-03-10"}) == "1\n");
}

std::string reminders_table(Workspace& ws) {
    return ws.shell("sqlite3 -separator ' ' \"$SLASH_DB\" 'SELECT invoice_id, level, reminded_on, days_late, "
                    "due_minor, late_rate_milli, penalty_minor, indemnity_minor FROM invoice_reminders ORDER BY id'")
        .out;
}

}  // namespace

TEST_CASE("cli/reminder a French letter 47 days late: penalties at three times the legal rate, indemnity, bank") {
    Workspace ws;
    book(ws);
    auto r = ws.run({"invoice", "remind", "2026-0001"});
    CHECK(r.code == 0);
    CHECK(r.err == "slash: recorded reminder 1 (level 1) of 2026-0001: 47 days late, 848.10 EUR claimed\n");
    CHECK(r.out ==
        "Camille Martin EI\n"
        "12 rue des Lilas\n"
        "75011 Paris\n"
        "SIREN 123 456 782\n"
        "camille@example.org\n"
        "\n"
        "ACME SAS\n"
        "1 rue de la Paix\n"
        "75002 Paris\n"
        "SIREN 552 100 554\n"
        "\n"
        "Le 18/04/2026\n"
        "\n"
        "Relance de paiement : facture 2026-0001\n"
        "\n"
        "Madame, Monsieur,\n"
        "\n"
        "Sauf erreur de ma part, la facture 2026-0001 du 31/01/2026, d'un montant de 1\u202f000,00\u00a0€, échue le 02/03/2026, n'a pas été entièrement réglée.\n"
        "\n"
        "Il s'agit sans doute d'un oubli : je vous remercie de régler le montant ci-dessous dans les meilleurs délais. Si vous l'avez réglé entre-temps, merci de ne pas tenir compte de ce courrier.\n"
        "\n"
        "Facture : 2026-0001\n"
        "Date d'émission : 31/01/2026\n"
        "Échéance : 02/03/2026\n"
        "Jours de retard : 47\n"
        "Reste à payer : 800,00\u00a0€\n"
        "Pénalités de retard au 18/04/2026 : 8,10\u00a0€\n"
        "Indemnité forfaitaire de recouvrement : 40,00\u00a0€\n"
        "Total réclamé : 848,10\u00a0€\n"
        "\n"
        "Pénalités : 800,00\u00a0€ x 47 jours / 365 au taux de 7,86\u00a0% l'an, trois fois le taux de l'intérêt légal de 2,62\u00a0% (premier semestre 2026, arrêté du 15 décembre 2025, JORF du 26 décembre 2025) ; art. L441-10 du Code de commerce.\n"
        "Indemnité forfaitaire : 40 € par facture payée en retard par un professionnel ; art. L441-10 et D441-5 du Code de commerce.\n"
        "\n"
        "Merci de régler par virement en rappelant la référence 2026-0001 :\n"
        "IBAN FR76 3000 6000 0112 3456 7890 189 BIC AGRIFRPP\n"
        "\n"
        "Veuillez agréer, Madame, Monsieur, mes salutations distinguées.\n"
        "Camille Martin\n");
    CHECK(reminders_table(ws) == "1 1 2026-04-18 47 80000 7860 810 4000\n");

    // invoice show lists it, in text and in JSON.
    auto text = ok(ws, {"invoice", "show", "2026-0001"});
    CHECK(text.find("Relances         niveau 1 le 18/04/2026\n") != std::string::npos);
    auto json = ok(ws, {"invoice", "show", "2026-0001", "--json"});
    CHECK(json.find(R"("reminders":[{"id":1,"level":1,"reminded_on":"2026-04-18","days_late":47,)"
                    R"("due":{"amount":"800.00","currency":"EUR"},"late_rate":"7.86",)"
                    R"("penalty":{"amount":"8.10","currency":"EUR"},"indemnity":{"amount":"40.00","currency":"EUR"},)"
                    R"("created_at":"2026-04-18T10:00:00+00:00"}])") != std::string::npos);
    // What the client receives says nothing of slash's bookkeeping.
    CHECK(ok(ws, {"invoice", "show", "2026-0001", "--format", "html"}).find("Relances") == std::string::npos);
}

TEST_CASE("cli/reminder levels: one more than the last, at most 3, or --level, each tone, each recorded") {
    Workspace ws;
    book(ws);
    auto subject = [&](const std::vector<std::string>& args) {
        auto letter = run_ok(ws, args);
        auto at = letter.find("\n\n", letter.find("\nLe ") + 1);
        return letter.substr(at + 2, letter.find('\n', at + 2) - at - 2);
    };
    CHECK(subject({"invoice", "remind", "2026-0001", "--on", "2026-04-01"}) ==
          "Relance de paiement : facture 2026-0001");
    auto second = run_ok(ws, {"invoice", "remind", "2026-0001", "--on", "2026-04-10"});
    CHECK(second.find("Deuxième relance : facture 2026-0001\n") != std::string::npos);
    CHECK(second.find("Malgré ma précédente relance, la facture 2026-0001, échue le 02/03/2026, reste impayée 39 "
                      "jours après son échéance. Je vous demande de régler le montant ci-dessous sous 8 jours.\n") !=
          std::string::npos);
    auto third = run_ok(ws, {"invoice", "remind", "2026-0001"});
    CHECK(third.find("Mise en demeure de payer : facture 2026-0001\n") != std::string::npos);
    CHECK(third.find("Par la présente, je vous mets en demeure de régler le montant ci-dessous dans un délai de 8 "
                     "jours") != std::string::npos);
    // Capped at 3; --level chooses.
    CHECK(run_ok(ws, {"invoice", "remind", "2026-0001"}).find("Mise en demeure de payer") != std::string::npos);
    CHECK(run_ok(ws, {"invoice", "remind", "2026-0001", "--level", "1"}).find("Relance de paiement") !=
          std::string::npos);
    // 2026-04-01: 30 days late, 800.00 x 7860 x 30 / 36 500 000 = 516.8 -> 5.17.
    // 2026-04-10: 39 days late, 800.00 x 7860 x 39 / 36 500 000 = 671.8 -> 6.72.
    CHECK(reminders_table(ws) == "1 1 2026-04-01 30 80000 7860 517 4000\n"
                                 "1 2 2026-04-10 39 80000 7860 672 4000\n"
                                 "1 3 2026-04-18 47 80000 7860 810 4000\n"
                                 "1 3 2026-04-18 47 80000 7860 810 4000\n"
                                 "1 1 2026-04-18 47 80000 7860 810 4000\n");
}

TEST_CASE("cli/reminder an English letter to an individual: no indemnity") {
    Workspace ws;
    book(ws, "en", "individual");
    auto r = ws.run({"invoice", "remind", "2026-0001"});
    CHECK(r.code == 0);
    CHECK(r.err == "slash: recorded reminder 1 (level 1) of 2026-0001: 47 days late, 808.10 EUR claimed\n");
    CHECK(r.out ==
        "Camille Martin EI\n"
        "12 rue des Lilas\n"
        "75011 Paris\n"
        "SIREN 123 456 782\n"
        "camille@example.org\n"
        "\n"
        "Alex Dupont\n"
        "1 rue de la Paix\n"
        "75002 Paris\n"
        "\n"
        "18 Apr 2026\n"
        "\n"
        "Payment reminder: invoice 2026-0001\n"
        "\n"
        "Dear Sir or Madam,\n"
        "\n"
        "Unless I am mistaken, invoice 2026-0001 of 31 Jan 2026 for €1,000.00, due on 2 Mar 2026, has not been paid in full.\n"
        "\n"
        "It has probably slipped through: please settle the amount below at your earliest convenience. If you have paid it in the meantime, please disregard this letter.\n"
        "\n"
        "Invoice: 2026-0001\n"
        "Issue date: 31 Jan 2026\n"
        "Due date: 2 Mar 2026\n"
        "Days late: 47\n"
        "Amount due: €800.00\n"
        "Late-payment penalties to 18 Apr 2026: €8.10\n"
        "Total claimed: €808.10\n"
        "\n"
        "Penalties: €800.00 x 47 days / 365 at 7.86 % a year, three times the legal interest rate of 2.62 % (first half of 2026, arrêté du 15 décembre 2025, JORF du 26 décembre 2025).\n"
        "\n"
        "Please pay by bank transfer, quoting 2026-0001:\n"
        "IBAN FR76 3000 6000 0112 3456 7890 189 BIC AGRIFRPP\n"
        "\n"
        "Yours faithfully,\n"
        "Camille Martin\n");
    CHECK(reminders_table(ws) == "1 1 2026-04-18 47 80000 7860 810 0\n");
}

TEST_CASE("cli/reminder md and html letters, -o FILE, and a letter not written is not recorded") {
    Workspace ws;
    book(ws);
    auto md = run_ok(ws, {"invoice", "remind", "2026-0001", "--format", "md"});
    CHECK(md.rfind("# Relance de paiement : facture 2026-0001\n\nCamille Martin EI\\\n12 rue des Lilas\\\n", 0) == 0);
    CHECK(md.find("- **Total réclamé**: 848,10\u00a0€\n") != std::string::npos);
    auto path = (ws.dir() / "relance.html").string();
    CHECK(run_ok(ws, {"invoice", "remind", "2026-0001", "--format", "html", "-o", path}) == path + "\n");
    auto html = read_file(path);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"fr\">", 0) == 0);
    CHECK(html.find("<h1>Deuxième relance : facture 2026-0001</h1>") != std::string::npos);
    // An existing file, a missing directory: refused before anything is recorded.
    expect_refusal(ws, {"invoice", "remind", "2026-0001", "-o", path}, 4,
                   "\"" + path + "\" already exists; use --force to replace it");
    auto missing = (ws.dir() / "no" / "such.txt").string();
    auto r = ws.run({"invoice", "remind", "2026-0001", "-o", missing});
    CHECK(r.code == 2);
    // A full disk on stdout: exit 6, and the reminder is not recorded.
    auto full = ws.shell("\"$SLASH\" invoice remind 2026-0001 > /dev/full");
    CHECK(full.code == 6);
    CHECK(full.err == "slash: error: writing standard output: No space left on device\n");
    CHECK(reminders_table(ws) == "1 1 2026-04-18 47 80000 7860 810 4000\n"
                                 "1 2 2026-04-18 47 80000 7860 810 4000\n");
}

TEST_CASE("cli/reminder refusals: a draft, not late, paid, a credit note, cancelled, bad level, date or format") {
    Workspace ws;
    book(ws);
    ok(ws, {"client", "add", "beta", "--name", "Beta SARL", "--address", "2 rue B", "--address", "69001 Lyon",
            "--siren", "443061841", "--hourly", "100"});
    ok(ws, {"mission", "add", "beta/app", "--title", "App"});
    run_ok(ws, {"log", "beta/app", "8:00-10:00", "--on", "2026-03-02"});
    run_ok(ws, {"log", "beta/app", "8:00-10:00", "--on", "2026-03-03"});
    run_ok(ws, {"log", "beta/app", "8:00-10:00", "--on", "2026-03-04"});
    REQUIRE(run_ok(ws, {"invoice", "new", "beta", "2026-03-02"}) == "2\n");
    REQUIRE(run_ok(ws, {"invoice", "new", "beta", "2026-03-03"}) == "3\n");
    REQUIRE(run_ok(ws, {"invoice", "new", "beta", "2026-03-04"}) == "4\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "2", "--date", "2026-04-10"}) == "2026-0002\n");  // due 2026-05-10
    REQUIRE(run_ok(ws, {"invoice", "issue", "3", "--date", "2026-04-10"}) == "2026-0003\n");
    REQUIRE(run_ok(ws, {"invoice", "credit", "2026-0003"}) == "AV2026-0001\n");
    expect_refusal(ws, {"invoice", "remind", "4"}, 1,
                   "draft 4 is not issued: only an issued invoice can be reminded; issue it with slash invoice issue 4");
    expect_refusal(ws, {"invoice", "remind", "2026-0002"}, 1,
                   "invoice 2026-0002 is not late on 2026-04-18: it is due 2026-05-10; a reminder can be sent from "
                   "the day after");
    expect_refusal(ws, {"invoice", "remind", "AV2026-0001"}, 1, "AV2026-0001 is a credit note: nothing is due on it");
    expect_refusal(ws, {"invoice", "remind", "2026-0003"}, 1,
                   "invoice 2026-0003 is cancelled by credit note AV2026-0001: nothing is due");
    expect_refusal(ws, {"invoice", "remind", "2026-0001", "--level", "4"}, 2,
                   "invalid --level \"4\": use 1 (friendly), 2 (firm) or 3 (mise en demeure)");
    expect_refusal(ws, {"invoice", "remind", "2026-0001", "--on", "2026-04-19"}, 2,
                   "invalid --on \"2026-04-19\": 2026-04-19 is in the future; a reminder is dated the day it is sent "
                   "or before");
    expect_refusal(ws, {"invoice", "remind", "2026-0001", "--format", "pdf"}, 2,
                   "invalid --format \"pdf\": use text, md or html");
    expect_refusal(ws, {"invoice", "remind", "2026-9999"}, 3,
                   "unknown invoice \"2026-9999\": give its number, or the id of a draft (#ID); see \"slash invoice "
                   "list\"");
    ok(ws, {"invoice", "pay", "2026-0001", "--on", "2026-04-18"});
    expect_refusal(ws, {"invoice", "remind", "2026-0001"}, 1, "invoice 2026-0001 is paid: nothing is due");
    CHECK(reminders_table(ws) == "");
}

TEST_CASE("cli/reminder a semester slash has no rate for is refused until invoice.late_rate is set") {
    Workspace ws;
    book(ws);
    ws.env.variables["SLASH_NOW"] = "2026-11-28T10:00:00Z";
    run_ok(ws, {"log", "acme/web", "8:00-10:00", "--on", "2026-06-15"});
    REQUIRE(run_ok(ws, {"invoice", "new", "acme", "2026-06"}) == "2\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "2", "--date", "2026-07-01"}) == "2026-0002\n");  // due 2026-07-31
    expect_refusal(ws, {"invoice", "remind", "2026-0002"}, 1,
                   "slash does not know the legal interest rate of the second half of 2026 (invoice 2026-0002 is "
                   "late since 2026-08-01); set the late-payment rate of your terms with slash config set "
                   "invoice.late_rate PERCENT");
    ok(ws, {"config", "set", "invoice.late_rate", "10.5"});
    // 2026-11-28 - 2026-07-31 = 120 days; 200.00 x 10.5 % x 120 / 365:
    // 20000 x 10500 x 120 / 36 500 000 = 690.4 -> 6.90.
    auto letter = run_ok(ws, {"invoice", "remind", "2026-0002"});
    CHECK(letter.find("Pénalités : 200,00\u00a0€ x 120 jours / 365 au taux de 10,5\u00a0% l'an, taux prévu par nos "
                      "conditions de paiement ; art. L441-10 du Code de commerce.\n") != std::string::npos);
    CHECK(reminders_table(ws) == "2 1 2026-11-28 120 20000 10500 690 4000\n");
}

TEST_CASE("cli/reminder invoice list --overdue: most late first, days late and the last reminder") {
    Workspace ws;
    book(ws);
    // Beta pays at 10 days: its invoice of 2026-02-10 was due 2026-02-20, 57 days ago.
    ok(ws, {"client", "add", "beta", "--name", "Beta SARL", "--address", "2 rue B", "--address", "69001 Lyon",
            "--siren", "443061841", "--hourly", "100", "--terms", "10"});
    ok(ws, {"mission", "add", "beta/app", "--title", "App"});
    run_ok(ws, {"log", "beta/app", "8:00-10:00", "--on", "2026-02-02"});
    REQUIRE(run_ok(ws, {"invoice", "new", "beta", "2026-02"}) == "2\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "2", "--date", "2026-02-10"}) == "2026-0002\n");
    run_ok(ws, {"invoice", "remind", "2026-0001", "--on", "2026-04-01"});
    run_ok(ws, {"invoice", "remind", "2026-0001", "--on", "2026-04-15"});
    CHECK(ok(ws, {"invoice", "list", "--overdue"}) ==
          "2026-0002\tbeta\t2026-02-20\t57\t200.00 EUR\t\t\t\n"
          "2026-0001\tacme\t2026-03-02\t47\t800.00 EUR\t2\t2026-04-15\t\n");
    CHECK(ok(ws, {"invoice", "list", "--overdue", "-q"}) == "2026-0002\n2026-0001\n");
    auto json = ok(ws, {"invoice", "list", "--overdue", "--json"});
    CHECK(json.find(R"("einvoicing":null,"days_late":57,"last_reminder_level":null,"last_reminder_on":null})") !=
          std::string::npos);
    CHECK(json.find(R"("einvoicing":null,"days_late":47,"last_reminder_level":2,"last_reminder_on":"2026-04-15"})") !=
          std::string::npos);
    auto csv = ok(ws, {"invoice", "list", "--overdue", "--csv"});
    CHECK(csv.substr(0, csv.find('\n')).find(",einvoicing,days_late,last_reminder_level,last_reminder_on") !=
          std::string::npos);
}
