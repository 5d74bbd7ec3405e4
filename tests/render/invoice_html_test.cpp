#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "slash/render/invoice_html.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"
#include "support/invoice_fixtures.hpp"

using slash::render::InvoiceDocument;

using slash::testing::invoice_line;

namespace {

const std::string kThin = "\u202f";
const std::string kNbsp = "\u00a0";

// An issued French invoice under the franchise, to a French business, partly paid, with
// two billed entries for the annex.
InvoiceDocument french_invoice() {
    InvoiceDocument document;
    auto& invoice = document.invoice;
    invoice.status = "issued";
    invoice.number = "2026-0001";
    invoice.issue_date = "2026-11-30";
    invoice.due_date = "2026-12-30";
    invoice.period_from = "2026-11-01";
    invoice.period_to = "2026-11-30";
    invoice.currency = "EUR";
    invoice.language = "fr";
    invoice.vat_regime = "franchise";
    invoice.seller.name = "Jeanne Dupont";
    invoice.seller.trade_name = "Studio Dupont";
    invoice.seller.address = {"12 rue des Lilas", "75011 Paris"};
    invoice.seller.siren = "123456782";
    invoice.seller.email = "jeanne@example.org";
    invoice.seller.iban = "FR7630006000011234567890189";
    invoice.seller.bic = "BNPAFRPP";
    invoice.buyer.name = "Étoile Conseil SARL";
    invoice.buyer.address = {"3 place Bellecour", "69002 Lyon"};
    invoice.buyer.siret = "73282932000074";
    invoice.lines = {invoice_line("Développement\nNovembre 2026", 7500, "HUR", 50000, 375000, "E"),
                     invoice_line("Frais de déplacement", 1000, "C62", 12345, 12345, "E")};
    invoice.net_minor = 387345;
    invoice.gross_minor = 387345;
    invoice.footer = "Merci de votre confiance.";
    document.vat = {{"E", 0, 387345, 0}};
    document.mentions = {
        "TVA non applicable, art. 293 B du CGI",
        "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €.",
        "Pas d'escompte pour paiement anticipé.", "Merci de votre confiance."};
    slash::domain::Payment payment;
    payment.paid_on = "2026-12-05";
    payment.amount_minor = 100000;
    payment.currency = "EUR";
    payment.method = slash::domain::PaymentMethod::Transfer;
    document.payments = {payment};
    document.status = "partially_paid";
    document.timesheet = {
        {"2026-11-03", "09:00", "12:30", "etoile/site", 12600, "", "Réunion de lancement"},
        {"2026-11-04", "14:00", "18:00", "etoile/site", 14400, "", ""}};
    return document;
}

InvoiceDocument french_draft() {
    InvoiceDocument document = french_invoice();
    document.invoice.status = "draft";
    document.invoice.number.reset();
    document.invoice.issue_date.clear();
    document.invoice.due_date.clear();
    document.status = "draft";
    document.payments.clear();
    return document;
}

// An English invoice under the standard regime, 20 % VAT.
InvoiceDocument english_invoice() {
    InvoiceDocument document = french_invoice();
    auto& invoice = document.invoice;
    invoice.language = "en";
    invoice.number = "2026-0002";
    invoice.vat_regime = "standard";
    invoice.seller.vat_id = "FR40123456782";
    invoice.lines = {invoice_line("Consulting", 7500, "HUR", 50000, 375000, "S", 20000),
                     invoice_line("Workshop", 1000, "DAY", 12345, 12345, "S", 20000)};
    invoice.net_minor = 387345;
    invoice.vat_minor = 77469;
    invoice.gross_minor = 464814;
    invoice.footer.clear();
    document.vat = {{"S", 20000, 387345, 77469}};
    document.mentions = {"Late payment penalties: three times the legal interest rate."};
    document.payments.clear();
    document.status = "issued";
    return document;
}

std::string html_of(const InvoiceDocument& document, bool timesheet = false) {
    std::ostringstream out;
    slash::render::write_invoice_html(out, document, timesheet);
    return out.str();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

}  // namespace

TEST_CASE("render/invoice html is one self-contained UTF-8 document in the invoice's language") {
    const std::string html = html_of(french_invoice(), true);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n  <meta charset=\"utf-8\">\n",
                     0) == 0);
    CHECK(html.ends_with("</body>\n</html>\n"));
    CHECK(contains(html, "<title>FACTURE 2026-0001</title>"));
    CHECK(contains(html, "@page { size: A4; margin: 16mm 15mm 18mm 15mm; }"));
    CHECK(contains(html, "overflow-wrap: anywhere"));
    // Nothing fetched, nothing run.
    for (const char* outside : {"<script", "<link", "<img", "<iframe", "http:", "https:", "url(",
                                "@import", "src=", "href="}) {
        CHECK_MESSAGE(!contains(html, outside), outside);
    }
}

TEST_CASE("render/invoice html has the parties, the title with the number and the dates") {
    const std::string html = html_of(french_invoice());
    CHECK(contains(html,
                   "      <div class=\"seller\">\n"
                   "        <div class=\"label\">Émetteur</div>\n"
                   "        <div class=\"name\" dir=\"auto\">Jeanne Dupont EI</div>\n"
                   "        <div dir=\"auto\">Studio Dupont</div>\n"));
    CHECK(contains(html, "        <div dir=\"auto\">SIREN 123 456 782</div>\n"));
    CHECK(contains(html,
                   "      <div class=\"buyer\">\n"
                   "        <div class=\"label\">Client</div>\n"
                   "        <div class=\"name\" dir=\"auto\">Étoile Conseil SARL</div>\n"));
    CHECK(contains(html, "<h1 class=\"title\">FACTURE <span class=\"number\" dir=\"auto\">N°" +
                             kNbsp + "2026-0001</span></h1>"));
    CHECK(contains(html, "<tr><th>Date d&#39;émission</th><td dir=\"auto\">30/11/2026</td></tr>"));
    CHECK(contains(html, "<tr><th>Échéance</th><td dir=\"auto\">30/12/2026</td></tr>"));
    CHECK(contains(html,
                   "<tr><th>Période</th><td dir=\"auto\">du 01/11/2026 au 30/11/2026</td></tr>"));
    // The seller block comes before the buyer block, and both before the title.
    CHECK(html.find("class=\"seller\"") < html.find("class=\"buyer\""));
    CHECK(html.find("class=\"buyer\"") < html.find("<h1"));
    CHECK(!contains(html, "BROUILLON"));
}

TEST_CASE("render/invoice html lists the lines, the totals and the VAT breakdown") {
    const std::string html = html_of(french_invoice());
    CHECK(contains(html,
                   "<thead><tr><th>Description</th><th class=\"num\">Qté</th><th>Unité</th>"
                   "<th class=\"num\">Prix unitaire</th><th class=\"num\">TVA</th>"
                   "<th class=\"num\">Montant HT</th></tr></thead>"));
    CHECK(contains(html,
                   "        <tr>\n"
                   "          <td dir=\"auto\">Développement<br>Novembre 2026</td>\n"
                   "          <td class=\"num\">7,5</td>\n"
                   "          <td dir=\"auto\">h</td>\n"
                   "          <td class=\"num\">500,00" +
                       kNbsp +
                       "€</td>\n"
                       "          <td class=\"num\">E</td>\n"
                       "          <td class=\"num\">3" +
                       kThin + "750,00" + kNbsp +
                       "€</td>\n"
                       "        </tr>\n"));
    CHECK(contains(html, "<tr class=\"strong\"><td>Total</td><td class=\"num\">3" + kThin +
                             "873,45" + kNbsp + "€</td></tr>"));
    CHECK(contains(html, "<tr><td>Paiement du 05/12/2026 (virement)</td><td class=\"num\">-1" +
                             kThin + "000,00" + kNbsp + "€</td></tr>"));
    CHECK(contains(html, "<tr class=\"strong\"><td>Reste à payer</td><td class=\"num\">2" + kThin +
                             "873,45" + kNbsp + "€</td></tr>"));
    CHECK(contains(html, "<h2>Détail de la TVA</h2>"));
    CHECK(contains(html,
                   "<tr><td>Franchise en base de TVA</td><td class=\"num\">0 %</td>"
                   "<td class=\"num\">3" +
                       kThin + "873,45" + kNbsp + "€</td><td class=\"num\">0,00" + kNbsp +
                       "€</td></tr>"));
}

TEST_CASE("render/invoice html gives the bank details, the mentions in small print and a footer") {
    const std::string html = html_of(french_invoice());
    CHECK(contains(html, "<h2>Règlement</h2>"));
    CHECK(contains(html,
                   "<tr><th>Mode de règlement</th><td dir=\"auto\">Virement bancaire</td></tr>"));
    CHECK(contains(
        html, "<tr><th>IBAN</th><td dir=\"auto\">FR76 3000 6000 0112 3456 7890 189</td></tr>"));
    CHECK(contains(html, "<tr><th>BIC</th><td dir=\"auto\">BNPAFRPP</td></tr>"));
    CHECK(contains(html, "<tr><th>Référence à rappeler</th><td dir=\"auto\">2026-0001</td></tr>"));
    CHECK(contains(html,
                   "    <div class=\"mentions\">\n"
                   "      <h2>Mentions légales</h2>\n"
                   "      <p dir=\"auto\">TVA non applicable, art. 293 B du CGI</p>\n"));
    CHECK(contains(html, "<p dir=\"auto\">Pas d&#39;escompte pour paiement anticipé.</p>"));
    CHECK(contains(html,
                   "    <div class=\"footer\">\n"
                   "      <div dir=\"auto\">Merci de votre confiance.</div>\n"
                   "      <div dir=\"auto\">Jeanne Dupont EI · SIREN 123 456 782</div>\n"
                   "    </div>\n"));
    // The footer text is in the footer, not among the legal mentions.
    CHECK(count_of(html, "Merci de votre confiance.") == 1);
}

TEST_CASE("render/invoice html of a draft is marked BROUILLON and has no number") {
    const std::string html = html_of(french_draft());
    CHECK(contains(html, "<title>FACTURE (BROUILLON)</title>"));
    CHECK(contains(html,
                   "<h1 class=\"title\">FACTURE <span class=\"draft-tag\">BROUILLON</span></h1>"));
    CHECK(contains(html,
                   "<div class=\"draft-banner\">Brouillon : document provisoire, sans numéro "
                   "ni valeur légale</div>"));
    CHECK(contains(html, "<div class=\"watermark\" aria-hidden=\"true\">BROUILLON</div>"));
    CHECK(!contains(html, "2026-0001"));
    CHECK(!contains(html, "N°"));
    CHECK(!contains(html, "Référence à rappeler"));
    CHECK(!contains(html, "Date d&#39;émission"));
}

TEST_CASE("render/invoice html of an English invoice has English labels and money") {
    const std::string html = html_of(english_invoice());
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n", 0) == 0);
    CHECK(contains(html,
                   "<h1 class=\"title\">INVOICE <span class=\"number\" dir=\"auto\">No. "
                   "2026-0002</span></h1>"));
    CHECK(contains(html, "<div class=\"label\">From</div>"));
    CHECK(contains(html, "<div class=\"label\">Bill to</div>"));
    CHECK(contains(html, "<tr><th>Date</th><td dir=\"auto\">30 Nov 2026</td></tr>"));
    CHECK(contains(html, "<tr><th>Due date</th><td dir=\"auto\">30 Dec 2026</td></tr>"));
    CHECK(contains(html,
                   "<thead><tr><th>Description</th><th class=\"num\">Qty</th><th>Unit</th>"
                   "<th class=\"num\">Unit price</th><th class=\"num\">VAT</th>"
                   "<th class=\"num\">Net amount</th></tr></thead>"));
    CHECK(contains(html, "<td class=\"num\">€3,750.00</td>"));
    CHECK(contains(html, "<tr><td>Total net</td><td class=\"num\">€3,873.45</td></tr>"));
    CHECK(contains(html, "<tr><td>VAT 20%</td><td class=\"num\">€774.69</td></tr>"));
    CHECK(
        contains(html, "<tr class=\"strong\"><td>Total</td><td class=\"num\">€4,648.14</td></tr>"));
    CHECK(contains(html, "<h2>VAT breakdown</h2>"));
    CHECK(contains(html,
                   "<tr><td>Standard rate</td><td class=\"num\">20%</td>"
                   "<td class=\"num\">€3,873.45</td><td class=\"num\">€774.69</td></tr>"));
    CHECK(contains(html, "<h2>Payment</h2>"));
    CHECK(contains(html, "<tr><th>Payment reference</th><td dir=\"auto\">2026-0002</td></tr>"));
    CHECK(contains(html, "<h2>Legal notices</h2>"));
    CHECK(contains(html, "Jeanne Dupont EI · SIREN 123 456 782 · VAT ID FR40123456782"));
    CHECK(!contains(html, "Émetteur"));
    CHECK(!contains(html, "Montant HT"));
    CHECK(!contains(html, "Règlement"));

    InvoiceDocument draft = english_invoice();
    draft.invoice.status = "draft";
    draft.invoice.number.reset();
    const std::string draft_html = html_of(draft);
    CHECK(contains(draft_html,
                   "<h1 class=\"title\">INVOICE <span class=\"draft-tag\">DRAFT</span></h1>"));
    CHECK(contains(draft_html, "<div class=\"watermark\" aria-hidden=\"true\">DRAFT</div>"));
}

TEST_CASE("render/invoice html of a credit note references the invoice and asks for no payment") {
    InvoiceDocument document = english_invoice();
    document.invoice.kind = slash::domain::InvoiceKind::Credit;
    document.invoice.number = "2026-A001";
    document.invoice.credited_number = "2026-0002";
    document.invoice.credited_issue_date = "2026-11-30";
    const std::string html = html_of(document);
    CHECK(contains(html,
                   "<h1 class=\"title\">CREDIT NOTE <span class=\"number\" dir=\"auto\">No. "
                   "2026-A001</span></h1>"));
    CHECK(contains(html,
                   "<p class=\"note\" dir=\"auto\">Credit note for invoice 2026-0002 of 30 Nov "
                   "2026</p>"));
    CHECK(!contains(html, "<h2>Payment</h2>"));
    CHECK(!contains(html, "IBAN"));
}

TEST_CASE("render/invoice html has the timesheet annex only when asked") {
    const InvoiceDocument document = french_invoice();
    const std::string without = html_of(document, false);
    CHECK(!contains(without, "class=\"sheet annex\""));
    CHECK(!contains(without, "Relevé d&#39;activité"));
    CHECK(!contains(without, "Réunion de lancement"));

    const std::string with = html_of(document, true);
    CHECK(contains(with,
                   "  <div class=\"sheet annex\">\n"
                   "    <h1>Relevé d&#39;activité</h1>\n"
                   "    <p class=\"caption\" dir=\"auto\">Annexe — FACTURE 2026-0001</p>\n"));
    CHECK(contains(with, ".annex { break-before: page; page-break-before: always; }"));
    CHECK(contains(with,
                   "<thead><tr><th>Date</th><th>Début</th><th>Fin</th><th>Mission</th>"
                   "<th class=\"num\">Durée</th><th>Note</th></tr></thead>"));
    CHECK(contains(with,
                   "        <tr>\n"
                   "          <td>03/11/2026</td>\n"
                   "          <td>09:00</td>\n"
                   "          <td>12:30</td>\n"
                   "          <td dir=\"auto\">etoile/site</td>\n"
                   "          <td class=\"num\">3:30</td>\n"
                   "          <td dir=\"auto\">Réunion de lancement</td>\n"
                   "        </tr>\n"));
    CHECK(contains(with,
                   "<tfoot><tr class=\"total\"><td colspan=\"4\">Total</td>"
                   "<td class=\"num\">7:30</td><td colspan=\"1\"></td></tr></tfoot>"));
    // The annex comes after the invoice's footer, on its own page.
    CHECK(with.find("class=\"footer\"") < with.find("class=\"sheet annex\""));

    // Units are shown, with a decimal comma, once an entry has some.
    InvoiceDocument units = document;
    units.timesheet[1].units = "2.5";
    const std::string with_units = html_of(units, true);
    CHECK(contains(with_units, "<th class=\"num\">Unités</th>"));
    CHECK(contains(with_units, "<td class=\"num\">2,5</td>"));

    // Nothing to annex: no empty annex.
    InvoiceDocument empty = document;
    empty.timesheet.clear();
    CHECK(!contains(html_of(empty, true), "annex\">"));

    const std::string english = html_of(english_invoice(), true);
    CHECK(contains(english, "<h1>Timesheet</h1>"));
    CHECK(contains(english, "<p class=\"caption\" dir=\"auto\">Annex — INVOICE 2026-0002</p>"));
    CHECK(contains(english, "<td>3 Nov 2026</td>"));
}

TEST_CASE("render/invoice html escapes a client named like a script") {
    InvoiceDocument document = french_invoice();
    const std::string name = "<script>alert(1)</script> & \"Co\"";
    document.invoice.buyer.name = name;
    document.invoice.buyer.address = {"1 rue <b>Gras</b>", "O'Brien & Sons"};
    document.invoice.lines[0].description = "<img src=x onerror=alert(1)> \"quoted\" 'single'";
    document.invoice.lines[1].unit_name = "</td><td>";
    document.timesheet[0].note = "<script>note</script>";
    document.timesheet[0].mission = "a/<i>b</i>";
    const std::string html = html_of(document, true);
    CHECK(contains(html,
                   "<div class=\"name\" dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt; "
                   "&amp; &quot;Co&quot;</div>"));
    CHECK(contains(html, "<div dir=\"auto\">1 rue &lt;b&gt;Gras&lt;/b&gt;</div>"));
    CHECK(contains(html, "<div dir=\"auto\">O&#39;Brien &amp; Sons</div>"));
    CHECK(contains(html,
                   "<td dir=\"auto\">&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; "
                   "&#39;single&#39;</td>"));
    CHECK(contains(html, "<td dir=\"auto\">&lt;/td&gt;&lt;td&gt;</td>"));
    CHECK(contains(html, "<td dir=\"auto\">&lt;script&gt;note&lt;/script&gt;</td>"));
    CHECK(contains(html, "<td dir=\"auto\">a/&lt;i&gt;b&lt;/i&gt;</td>"));
    CHECK(!contains(html, "<script"));
    CHECK(!contains(html, "<img"));
    CHECK(!contains(html, "<b>"));
    CHECK(!contains(html, "<i>"));
    CHECK(!contains(html, name));
}

TEST_CASE(
    "render/invoice html keeps long, emoji and right-to-left text and drops control characters") {
    InvoiceDocument document = french_invoice();
    std::string long_description;
    while (long_description.size() < 2000) long_description += "Refonte_du_module_facturation_";
    long_description.resize(2000);
    document.invoice.lines[0].description = long_description;
    document.invoice.lines[1].description = "Atelier 🎉 مرحبا שלום";
    document.invoice.buyer.name = "شركة النور";
    document.invoice.buyer.address = {"Ligne\x1b[31m rouge\x07", std::string("Nul\0l", 5),
                                      "Bad \xff\xfe UTF-8 \xed\xa0\x80"};
    const std::string html = html_of(document);
    // The 2000 characters are all there, in a cell the CSS lets wrap anywhere.
    CHECK(contains(html, "<td dir=\"auto\">" + long_description + "</td>"));
    CHECK(contains(html,
                   "div, p, h1, h2, th, td { overflow-wrap: anywhere; word-break: break-word; }"));
    CHECK(contains(html, ".lines { table-layout: fixed;"));
    CHECK(contains(html, "<td dir=\"auto\">Atelier 🎉 مرحبا שלום</td>"));
    CHECK(contains(html, "<div class=\"name\" dir=\"auto\">شركة النور</div>"));
    CHECK(contains(html, "<div dir=\"auto\">Ligne [31m rouge</div>"));
    CHECK(contains(html, "<div dir=\"auto\">Nul l</div>"));
    // Bytes that are not UTF-8 become U+FFFD: the file stays valid UTF-8.
    CHECK(contains(html, "<div dir=\"auto\">Bad \uFFFD\uFFFD UTF-8 \uFFFD\uFFFD\uFFFD</div>"));
    for (const char ch : html) {
        const auto byte = static_cast<unsigned char>(ch);
        CHECK_MESSAGE((byte >= 0x20 || byte == '\n'), "control byte ", static_cast<int>(byte));
        CHECK(byte != 0xFF);
    }
}

TEST_CASE("render/invoice html parses with xmllint without errors") {
    if (!slash::testing::have_program("xmllint")) {
        MESSAGE("skipped: xmllint is not installed (Debian: libxml2-utils)");
        return;
    }
    InvoiceDocument hostile = french_invoice();
    hostile.invoice.buyer.name = "<script>alert(1)</script> & \"Co\"";
    hostile.invoice.lines[0].description = std::string(2000, 'x') + " 🎉 مرحبا שלום \x1b[0m";
    const std::vector<std::pair<std::string, InvoiceDocument>> cases{{"issued", french_invoice()},
                                                                     {"draft", french_draft()},
                                                                     {"english", english_invoice()},
                                                                     {"hostile", hostile}};
    const auto dir = slash::testing::make_temp_dir("slash-html");
    for (const auto& [name, document] : cases) {
        for (const bool timesheet : {false, true}) {
            const auto path = dir / (name + (timesheet ? "-annex" : "") + ".html");
            {
                std::ofstream file(path, std::ios::binary);
                file << html_of(document, timesheet);
            }
            const auto result =
                slash::testing::run_process({"xmllint", "--html", "--noout", path.string()});
            CHECK_MESSAGE(result.code == 0, path.string());
            CHECK_MESSAGE(result.err.empty(), path.string(), "\n", result.err);
            CHECK(result.out.empty());
        }
    }
    std::filesystem::remove_all(dir);
}
