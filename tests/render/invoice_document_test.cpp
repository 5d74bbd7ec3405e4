#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "slash/render/invoice_document.hpp"
#include "support/invoice_fixtures.hpp"

using slash::render::format_document_date;
using slash::render::format_money;
using slash::render::format_quantity;
using slash::render::InvoiceDocument;

using slash::testing::invoice_line;

namespace {

// 1 234,50 € is written with a narrow no-break space and a no-break space.
const std::string kThin = "\u202f";
const std::string kNbsp = "\u00a0";

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool has_line(const std::vector<std::string>& lines, const std::string& wanted) {
    return std::find(lines.begin(), lines.end(), wanted) != lines.end();
}

std::string line_starting(const std::vector<std::string>& lines, const std::string& prefix) {
    for (const auto& line : lines) {
        if (line.rfind(prefix, 0) == 0) return line;
    }
    return "(no line starting with " + prefix + ")";
}

std::string left_trimmed(const std::string& line) {
    const auto first = line.find_first_not_of(' ');
    return first == std::string::npos ? std::string() : line.substr(first);
}

// The first indented line whose text starts with `prefix`, without its indentation.
std::string indented_line_starting(const std::vector<std::string>& lines,
                                   const std::string& prefix) {
    for (const auto& line : lines) {
        if (line.rfind(' ', 0) == 0 && left_trimmed(line).rfind(prefix, 0) == 0)
            return left_trimmed(line);
    }
    return "(no indented line starting with " + prefix + ")";
}

// Terminal columns of the test texts: CJK (3-byte sequences led by E3 to E9) and emoji
// (4-byte sequences) take two, any other code point one.
std::size_t columns(const std::string& text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            width += 1, i += 1;
        } else if (lead < 0xE0) {
            width += 1, i += 2;
        } else if (lead < 0xF0) {
            width += (lead >= 0xE3 && lead <= 0xE9) ? 2 : 1, i += 3;
        } else {
            width += 2, i += 4;
        }
    }
    return width;
}

// Exactly 2000 characters, with the characters Markdown cares about and line breaks.
std::string long_description() {
    std::string text;
    while (text.size() < 2000) text += "Refonte du module *facturation* | export CSV\nsuite ";
    text.resize(2000);
    return text;
}

// An issued French invoice under the franchise, to a French business, partly paid.
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
    invoice.lines = {invoice_line(long_description(), 7500, "HUR", 50000, 375000, "E"),
                     invoice_line("Frais de déplacement", 1000, "C62", 12345, 12345, "E")};
    invoice.net_minor = 387345;
    invoice.gross_minor = 387345;
    document.vat = {{"E", 0, 387345, 0}};
    document.mentions = {
        "TVA non applicable, art. 293 B du CGI",
        "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €.",
        "Pas d'escompte pour paiement anticipé."};
    slash::domain::Payment payment;
    payment.paid_on = "2026-12-05";
    payment.amount_minor = 100000;
    payment.currency = "EUR";
    payment.method = slash::domain::PaymentMethod::Transfer;
    document.payments = {payment};
    document.status = "partially_paid";
    return document;
}

// The credit note cancelling an English invoice under the standard regime.
InvoiceDocument english_credit_note() {
    InvoiceDocument document = french_invoice();
    auto& invoice = document.invoice;
    invoice.kind = slash::domain::InvoiceKind::Credit;
    invoice.status = "issued";
    invoice.language = "en";
    invoice.number = "2026-A001";
    invoice.issue_date = "2026-12-02";
    invoice.due_date = "2026-12-02";
    invoice.credited_number = "2026-0001";
    invoice.credited_issue_date = "2026-11-30";
    invoice.reason = "Wrong quantity";
    invoice.vat_regime = "standard";
    invoice.seller.vat_id = "FR40123456782";
    invoice.lines = {invoice_line("Consulting", 7500, "HUR", 50000, 375000, "S", 20000),
                     invoice_line("Workshop", 1000, "DAY", 12345, 12345, "S", 20000)};
    invoice.net_minor = 387345;
    invoice.vat_minor = 77469;
    invoice.gross_minor = 464814;
    document.vat = {{"S", 20000, 387345, 77469}};
    document.mentions = {"Late payment penalties: three times the legal interest rate."};
    document.payments.clear();
    document.status = "issued";
    return document;
}

std::string text_of(const InvoiceDocument& document) {
    std::ostringstream out;
    slash::render::write_invoice_text(out, document);
    return out.str();
}

std::string markdown_of(const InvoiceDocument& document) {
    std::ostringstream out;
    slash::render::write_invoice_markdown(out, document);
    return out.str();
}

}  // namespace

TEST_CASE("render/format_money writes French and English styles") {
    CHECK(format_money(123450, "EUR", 2, "fr") == "1" + kThin + "234,50" + kNbsp + "€");
    CHECK(format_money(123450, "EUR", 2, "en") == "€1,234.50");
    CHECK(format_money(123450, "USD", 2, "en") == "$1,234.50");
    CHECK(format_money(123450, "GBP", 2, "en") == "£1,234.50");
    CHECK(format_money(123450, "USD", 2, "fr") == "1" + kThin + "234,50" + kNbsp + "$");
    CHECK(format_money(123450, "CHF", 2, "fr") == "1" + kThin + "234,50" + kNbsp + "CHF");
    CHECK(format_money(123450, "CHF", 2, "en") == "CHF 1,234.50");
    CHECK(format_money(123450, "EUR", 2, "EN") == "€1,234.50");
    CHECK(format_money(999, "EUR", 2, "fr") == "9,99" + kNbsp + "€");
    CHECK(format_money(5, "EUR", 2, "en") == "€0.05");
    CHECK(format_money(0, "EUR", 2, "en") == "€0.00");
    CHECK(format_money(100000000, "EUR", 2, "fr") ==
          "1" + kThin + "000" + kThin + "000,00" + kNbsp + "€");
    CHECK(format_money(1234567, "KWD", 3, "en") == "KWD 1,234.567");
}

TEST_CASE("render/format_money puts the sign first and handles the int64 extremes") {
    CHECK(format_money(-1200, "EUR", 2, "fr") == "-12,00" + kNbsp + "€");
    CHECK(format_money(-1200, "EUR", 2, "en") == "-€12.00");
    CHECK(format_money(-1200, "CHF", 2, "en") == "-CHF 12.00");
    CHECK(format_money(-5, "EUR", 2, "fr") == "-0,05" + kNbsp + "€");
    CHECK(format_money(std::numeric_limits<std::int64_t>::max(), "EUR", 2, "en") ==
          "€92,233,720,368,547,758.07");
    CHECK(format_money(std::numeric_limits<std::int64_t>::min(), "EUR", 2, "en") ==
          "-€92,233,720,368,547,758.08");
    CHECK(format_money(std::numeric_limits<std::int64_t>::min(), "EUR", 2, "fr") ==
          "-92" + kThin + "233" + kThin + "720" + kThin + "368" + kThin + "547" + kThin + "758,08" +
              kNbsp + "€");
}

TEST_CASE("render/format_money without minor digits has no decimal separator") {
    CHECK(format_money(1234, "JPY", 0, "fr") == "1" + kThin + "234" + kNbsp + "JPY");
    CHECK(format_money(1234, "JPY", 0, "en") == "JPY 1,234");
    CHECK(format_money(-1234567, "JPY", 0, "en") == "-JPY 1,234,567");
    CHECK(format_money(0, "JPY", 0, "en") == "JPY 0");
}

TEST_CASE(
    "render/format_document_date writes valid dates per language and leaves other text alone") {
    CHECK(format_document_date("2026-11-30", "fr") == "30/11/2026");
    CHECK(format_document_date("2026-11-30", "en") == "30 Nov 2026");
    CHECK(format_document_date("2026-01-05", "fr") == "05/01/2026");
    CHECK(format_document_date("2026-01-05", "en") == "5 Jan 2026");
    CHECK(format_document_date("2024-02-29", "en") == "29 Feb 2024");
    CHECK(format_document_date("2026-02-29", "en") == "2026-02-29");
    CHECK(format_document_date("2026-13-01", "fr") == "2026-13-01");
    CHECK(format_document_date("2026-1-05", "fr") == "2026-1-05");
    CHECK(format_document_date("", "fr").empty());
    CHECK(format_document_date("soon", "en") == "soon");
}

TEST_CASE("render/format_quantity drops useless zeros") {
    CHECK(format_quantity(7500, "fr") == "7,5");
    CHECK(format_quantity(7500, "en") == "7.5");
    CHECK(format_quantity(250, "fr") == "0,25");
    CHECK(format_quantity(1000, "fr") == "1");
    CHECK(format_quantity(1000, "en") == "1");
    CHECK(format_quantity(0, "fr") == "0");
    CHECK(format_quantity(1, "en") == "0.001");
    CHECK(format_quantity(12000, "en") == "12");
    CHECK(format_quantity(-2500, "fr") == "-2,5");
    CHECK(format_quantity(std::numeric_limits<std::int64_t>::min(), "en") ==
          "-9223372036854775.808");
}

TEST_CASE("render/invoice text has the title, the fields and both parties") {
    const auto lines = lines_of(text_of(french_invoice()));
    REQUIRE(lines.size() > 10);
    CHECK(lines[0] == "FACTURE 2026-0001");
    CHECK(lines[1].empty());
    CHECK(lines[2] == "Date d'émission  30/11/2026");
    CHECK(lines[3] == "Échéance         30/12/2026");
    CHECK(lines[4] == "Période          du 01/11/2026 au 30/11/2026");
    CHECK(lines[5] == "Statut           partiellement payée");
    CHECK(has_line(lines, "Émetteur"));
    CHECK(has_line(lines, "Jeanne Dupont EI"));
    CHECK(has_line(lines, "Studio Dupont"));
    CHECK(has_line(lines, "12 rue des Lilas"));
    CHECK(has_line(lines, "SIREN 123 456 782"));
    CHECK(has_line(lines, "jeanne@example.org"));
    CHECK(has_line(lines, "Client"));
    CHECK(has_line(lines, "Étoile Conseil SARL"));
    CHECK(has_line(lines, "69002 Lyon"));
    CHECK(has_line(lines, "SIRET 732 829 320 00074"));
}

TEST_CASE("render/invoice text aligns the lines table with accents, CJK and emoji") {
    InvoiceDocument document = french_invoice();
    auto& invoice = document.invoice;
    invoice.vat_regime = "standard";
    invoice.lines = {invoice_line("Atelier 東京 🎉", 2000, "DAY", 60000, 120000, "S", 20000),
                     invoice_line("Café", 1500, "HUR", 8000, 12000, "S", 20000)};
    invoice.net_minor = 132000;
    invoice.vat_minor = 26400;
    invoice.gross_minor = 158400;
    document.vat = {{"S", 20000, 132000, 26400}};
    document.payments.clear();
    const auto lines = lines_of(text_of(document));

    const std::string header = "Description      Qté  Unité  Prix unitaire   TVA  Montant HT";
    const std::string rule = "---------------  ---  -----  -------------  ----  ----------";
    const std::string first = "Atelier 東京 🎉    2  jour        600,00" + kNbsp + "€  20 %  1" +
                              kThin + "200,00" + kNbsp + "€";
    const std::string second =
        "Café             1,5  h            80,00" + kNbsp + "€  20 %    120,00" + kNbsp + "€";
    CHECK(has_line(lines, header));
    CHECK(has_line(lines, rule));
    CHECK(has_line(lines, first));
    CHECK(has_line(lines, second));
    CHECK(columns(first) == columns(header));
    CHECK(columns(second) == columns(header));

    // Right-aligned under the table: the amounts end where the net amounts do.
    const std::string indent(39, ' ');
    CHECK(has_line(lines, indent + "Total HT   1" + kThin + "320,00" + kNbsp + "€"));
    CHECK(has_line(lines, indent + "TVA 20 %     264,00" + kNbsp + "€"));
    CHECK(has_line(lines, indent + "Total TTC  1" + kThin + "584,00" + kNbsp + "€"));
}

TEST_CASE("render/invoice text wraps a 2000-character description and stays within 78 columns") {
    const InvoiceDocument document = french_invoice();
    REQUIRE(document.invoice.lines[0].description.size() == 2000);
    const auto lines = lines_of(text_of(document));
    for (const auto& text_line : lines) {
        CHECK_MESSAGE(columns(text_line) <= 78, text_line);
        CHECK(text_line.find('\r') == std::string::npos);
    }
    // The row itself, then the description's continuation lines, then the second line.
    const std::string header = line_starting(lines, "Description");
    const std::string row = line_starting(lines, "Refonte du module");
    CHECK(row.find("  7,5  h  ") != std::string::npos);
    CHECK(row.ends_with("500,00" + kNbsp + "€    E  3" + kThin + "750,00" + kNbsp + "€"));
    CHECK(columns(row) == columns(header));
    const auto continuation =
        std::count_if(lines.begin(), lines.end(), [](const std::string& text_line) {
            return text_line.rfind("suite", 0) == 0 || text_line.rfind("*facturation*", 0) == 0 ||
                   text_line.rfind("| export", 0) == 0 || text_line.rfind("Refonte", 0) == 0;
        });
    CHECK(continuation > 40);
    const std::string second = line_starting(lines, "Frais de déplacement");
    CHECK(second.ends_with("1  unité       123,45" + kNbsp + "€    E    123,45" + kNbsp + "€"));
    CHECK(columns(second) == columns(header));
}

TEST_CASE(
    "render/invoice text under the franchise shows one total, the payments and the amount due") {
    const auto lines = lines_of(text_of(french_invoice()));
    // Labels padded to the longest ("Paiement du 05/12/2026 (virement)"), amounts right-aligned.
    CHECK(indented_line_starting(lines, "Total ") ==
          "Total" + std::string(30, ' ') + " 3" + kThin + "873,45" + kNbsp + "€");
    const std::string payment =
        "Paiement du 05/12/2026 (virement)  -1" + kThin + "000,00" + kNbsp + "€";
    const std::string due =
        "Reste à payer" + std::string(22, ' ') + " 2" + kThin + "873,45" + kNbsp + "€";
    bool payment_found = false;
    bool due_found = false;
    for (const auto& text_line : lines) {
        payment_found = payment_found || left_trimmed(text_line) == payment;
        due_found = due_found || left_trimmed(text_line) == due;
        CHECK(text_line.find("TVA 0") == std::string::npos);
        CHECK(text_line.find("Total HT") == std::string::npos);
        CHECK(text_line.find("Total TTC") == std::string::npos);
    }
    CHECK(payment_found);
    CHECK(due_found);
}

TEST_CASE("render/invoice text ends with the mentions and the bank details") {
    const auto lines = lines_of(text_of(french_invoice()));
    REQUIRE(lines.size() > 6);
    const auto end = lines.size();
    CHECK(lines[end - 6] == "TVA non applicable, art. 293 B du CGI");
    // Wrapped at 78 columns, and "paiement :" moves down whole rather than leave ":" alone.
    CHECK(lines[end - 5] == "Indemnité forfaitaire pour frais de recouvrement en cas de retard de");
    CHECK(lines[end - 4] == "paiement : 40 €.");
    CHECK(lines[end - 3] == "Pas d'escompte pour paiement anticipé.");
    CHECK(lines[end - 2].empty());
    CHECK(lines[end - 1] == "IBAN FR76 3000 6000 0112 3456 7890 189 BIC BNPAFRPP");
}

TEST_CASE("render/invoice text of a draft says BROUILLON and has no number") {
    InvoiceDocument document = french_invoice();
    document.invoice.status = "draft";
    document.invoice.number.reset();
    document.invoice.issue_date.clear();
    document.invoice.due_date.clear();
    document.status = "draft";
    document.payments.clear();
    const std::string text = text_of(document);
    const auto lines = lines_of(text);
    CHECK(lines[0] == "FACTURE (BROUILLON)");
    CHECK(lines[2] == "Période  du 01/11/2026 au 30/11/2026");
    CHECK(text.find("2026-0001") == std::string::npos);
    CHECK(text.find("Date d'émission") == std::string::npos);
    CHECK(text.find("Statut") == std::string::npos);
    CHECK(text.find("Reste à payer") == std::string::npos);
}

TEST_CASE("render/invoice text of an English credit note references the credited invoice") {
    const auto lines = lines_of(text_of(english_credit_note()));
    CHECK(lines[0] == "CREDIT NOTE 2026-A001");
    CHECK(lines[1] == "Credit note for invoice 2026-0001 of 30 Nov 2026");
    CHECK(has_line(lines, "Date      2 Dec 2026"));
    CHECK(has_line(lines, "Period    1 Nov 2026 to 30 Nov 2026"));
    CHECK(has_line(lines, "Reason    Wrong quantity"));
    CHECK(has_line(lines, "Status    issued"));
    CHECK(has_line(lines, "From"));
    CHECK(has_line(lines, "VAT ID FR40123456782"));
    CHECK(has_line(lines, "Bill to"));
    CHECK(has_line(lines, "Description  Qty  Unit  Unit price  VAT  Net amount"));
    CHECK(has_line(lines, "Consulting   7.5  h        €500.00  20%   €3,750.00"));
    CHECK(has_line(lines, "Workshop       1  day      €123.45  20%     €123.45"));
    const std::string indent(31, ' ');
    CHECK(has_line(lines, indent + "Total net  €3,873.45"));
    CHECK(has_line(lines, indent + "VAT 20%      €774.69"));
    CHECK(has_line(lines, indent + "Total      €4,648.14"));
}

TEST_CASE("render/invoice text in English names payments and the amount due") {
    InvoiceDocument document = french_invoice();
    document.invoice.language = "en";
    const auto lines = lines_of(text_of(document));
    CHECK(indented_line_starting(lines, "Total ") == "Total" + std::string(30, ' ') + "€3,873.45");
    bool payment_found = false;
    bool due_found = false;
    for (const auto& text_line : lines) {
        payment_found = payment_found ||
                        left_trimmed(text_line) == "Payment of 5 Dec 2026 (transfer)  -€1,000.00";
        due_found = due_found ||
                    left_trimmed(text_line) == "Amount due" + std::string(24, ' ') + " €2,873.45";
    }
    CHECK(payment_found);
    CHECK(due_found);
}

TEST_CASE("render/invoice text keeps control characters out and does not repeat EI") {
    InvoiceDocument document = french_invoice();
    document.invoice.seller.name = "Jeanne Dupont EI";
    document.invoice.buyer.name = "Evil\x1b[2J Corp\r\nLtd";
    const std::string text = text_of(document);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find("Jeanne Dupont EI EI") == std::string::npos);
    CHECK(has_line(lines_of(text), "Jeanne Dupont EI"));
    CHECK(has_line(lines_of(text), "Evil [2J Corp Ltd"));
}

TEST_CASE("render/invoice markdown has the title, the fields as a list and the tables") {
    const std::string markdown = markdown_of(french_invoice());
    const auto lines = lines_of(markdown);
    CHECK(lines[0] == "# FACTURE 2026-0001");
    CHECK(has_line(lines, "- **Date d'émission" + kNbsp + ":** 30/11/2026"));
    CHECK(has_line(lines, "- **Période" + kNbsp + ":** du 01/11/2026 au 30/11/2026"));
    CHECK(has_line(lines, "## Émetteur"));
    CHECK(has_line(lines, "Jeanne Dupont EI\\"));
    CHECK(has_line(lines, "jeanne@example.org"));
    CHECK(has_line(lines, "## Client"));
    CHECK(has_line(lines, "| Description | Qté | Unité | Prix unitaire | TVA | Montant HT |"));
    CHECK(has_line(lines, "| :--- | ---: | :--- | ---: | ---: | ---: |"));
    CHECK(has_line(lines, "| Frais de déplacement | 1 | unité | 123,45" + kNbsp + "€ | E | 123,45" +
                              kNbsp + "€ |"));
    CHECK(has_line(lines, "| **Total** | **3" + kThin + "873,45" + kNbsp + "€** |"));
    CHECK(has_line(lines,
                   "| Paiement du 05/12/2026 (virement) | -1" + kThin + "000,00" + kNbsp + "€ |"));
    CHECK(has_line(lines, "| **Reste à payer** | **2" + kThin + "873,45" + kNbsp + "€** |"));
    CHECK(has_line(lines, "TVA non applicable, art. 293 B du CGI"));
    CHECK(has_line(lines, "IBAN FR76 3000 6000 0112 3456 7890 189 BIC BNPAFRPP"));
}

TEST_CASE("render/invoice markdown escapes pipes, stars and line breaks of the description") {
    const auto lines = lines_of(markdown_of(french_invoice()));
    const std::string row = line_starting(lines, "| Refonte");
    // One table row: the line breaks are spaces, each '|' and '*' escaped.
    CHECK(row.ends_with(" | 7,5 | h | 500,00" + kNbsp + "€ | E | 3" + kThin + "750,00" + kNbsp +
                        "€ |"));
    CHECK(row.find("| Refonte du module \\*facturation\\* \\| export CSV suite Refonte") == 0);
    std::size_t cell_separators = 0;
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++cell_separators;
        if (row[i] == '*') CHECK(row[i - 1] == '\\');
    }
    CHECK(cell_separators == 7);
}

TEST_CASE("render/invoice markdown keeps user text from starting blocks or HTML") {
    InvoiceDocument document = french_invoice();
    document.invoice.buyer.name = "<script>alert(1)</script> & [x](y)";
    document.invoice.buyer.address = {"- 1er étage", "# Bât. B", "2026. rue",
                                      "=====", "  + indenté"};
    document.mentions = {"Ligne un\n1) deux"};
    const auto lines = lines_of(markdown_of(document));
    CHECK(has_line(lines, "\\<script\\>alert(1)\\</script\\> \\& \\[x\\](y)\\"));
    CHECK(has_line(lines, "\\- 1er étage\\"));
    CHECK(has_line(lines, "\\# Bât. B\\"));
    CHECK(has_line(lines, "2026\\. rue\\"));
    CHECK(has_line(lines, "\\=====\\"));
    CHECK(has_line(lines, "\\+ indenté\\"));
    CHECK(has_line(lines, "Ligne un\\"));
    CHECK(has_line(lines, "1\\) deux"));
}

TEST_CASE("render/invoice markdown of a draft and of an English credit note") {
    InvoiceDocument draft = french_invoice();
    draft.invoice.status = "draft";
    draft.invoice.number.reset();
    draft.status = "draft";
    const std::string draft_markdown = markdown_of(draft);
    CHECK(lines_of(draft_markdown)[0] == "# FACTURE (BROUILLON)");
    CHECK(draft_markdown.find("2026-0001") == std::string::npos);

    const auto lines = lines_of(markdown_of(english_credit_note()));
    CHECK(lines[0] == "# CREDIT NOTE 2026-A001");
    CHECK(lines[2] == "Credit note for invoice 2026-0001 of 30 Nov 2026");
    CHECK(has_line(lines, "- **Reason:** Wrong quantity"));
    CHECK(has_line(lines, "## Bill to"));
    CHECK(has_line(lines, "| Consulting | 7.5 | h | €500.00 | 20% | €3,750.00 |"));
    CHECK(has_line(lines, "| Total net | €3,873.45 |"));
    CHECK(has_line(lines, "| VAT 20% | €774.69 |"));
    CHECK(has_line(lines, "| **Total** | **€4,648.14** |"));
}
