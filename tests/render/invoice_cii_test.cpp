#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "slash/domain/invoice_checks.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/render/invoice_cii.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::render::invoice_cii;
using slash::render::InvoiceDocument;

namespace {

namespace fs = std::filesystem;

slash::domain::InvoiceLine line(const std::string& description, std::int64_t quantity_milli,
                                const std::string& unit, std::int64_t price,
                                const std::string& category, std::int64_t rate_milli = 0) {
    slash::domain::InvoiceLine result;
    result.description = description;
    result.quantity_milli = quantity_milli;
    result.unit_code = unit;
    result.unit_price_minor = price;
    result.vat_category = category;
    result.vat_rate_milli = rate_milli;
    return result;
}

// Line nets, the VAT breakdown and the totals as the invoice service computes them.
void compute(InvoiceDocument& document) {
    auto& invoice = document.invoice;
    std::vector<slash::domain::InvoiceLineInput> inputs;
    for (const auto& l : invoice.lines) {
        inputs.push_back(
            {l.quantity_milli, l.unit_price_minor, {l.vat_category, l.vat_rate_milli}});
    }
    const auto totals = slash::domain::compute_totals(inputs);
    for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
        invoice.lines[i].position = static_cast<std::int64_t>(i + 1);
        invoice.lines[i].net_minor = totals.line_net_minor[i];
    }
    invoice.net_minor = totals.net_minor;
    invoice.vat_minor = totals.vat_minor;
    invoice.gross_minor = totals.gross_minor;
    document.vat = totals.vat;
}

// The legal texts the service freezes into an invoice, and the mentions it prints.
void put_texts(InvoiceDocument& document, const std::string& vat_mention) {
    auto& invoice = document.invoice;
    const auto& texts = slash::domain::default_legal_texts(invoice.language);
    invoice.vat_mention = vat_mention;
    invoice.penalty_text = texts.penalties;
    invoice.indemnity_text = texts.indemnity;
    invoice.discount_text = texts.no_discount;
    document.mentions.clear();
    for (const auto* text : {&invoice.vat_mention, &invoice.penalty_text, &invoice.indemnity_text,
                             &invoice.discount_text, &invoice.footer}) {
        if (!text->empty()) document.mentions.push_back(*text);
    }
}

slash::domain::SellerIdentity seller() {
    slash::domain::SellerIdentity s;
    s.name = "Jeanne Dupont";
    s.trade_name = "Studio Dupont";
    s.address = {"12 rue des Lilas", "75011 Paris"};
    s.country = "FR";
    s.siren = "123456782";
    s.email = "jeanne@example.org";
    s.iban = "FR7630006000011234567890189";
    s.bic = "AGRIFRPP";
    return s;
}

slash::domain::BuyerIdentity french_buyer() {
    slash::domain::BuyerIdentity b;
    b.name = "Étoile Conseil SARL";
    b.address = {"3 place Bellecour", "69002 Lyon"};
    b.country = "FR";
    b.siren = "552100554";
    b.vat_id = "FR96552100554";
    b.email = "compta@etoile-conseil.fr";
    return b;
}

InvoiceDocument issued(const std::string& number, const std::string& language) {
    InvoiceDocument document;
    auto& invoice = document.invoice;
    invoice.id = 7;
    invoice.status = "issued";
    invoice.number = number;
    invoice.issue_date = "2026-11-30";
    invoice.due_date = "2026-12-30";
    invoice.period_from = "2026-11-01";
    invoice.period_to = "2026-11-30";
    invoice.currency = "EUR";
    invoice.language = language;
    invoice.seller = seller();
    invoice.buyer = french_buyer();
    document.status = "issued";
    return document;
}

// (a) Franchise en base (CGI art. 293 B) to a French business, with a discount line.
InvoiceDocument franchise_invoice() {
    InvoiceDocument document = issued("2026-0001", "fr");
    auto& invoice = document.invoice;
    invoice.vat_regime = "franchise";
    invoice.lines = {line("Développement backend, novembre 2026", 7500, "HUR", 50000, "E"),
                     line("Frais de déplacement", 1000, "C62", 12345, "E"),
                     line("Remise fidélité", 1000, "C62", -10000, "E")};
    compute(document);
    put_texts(document, "TVA non applicable, art. 293 B du CGI");
    return document;
}

// (b) Standard VAT at 20 % and 10 %, in English, with a quantity in thousandths.
InvoiceDocument standard_invoice() {
    InvoiceDocument document = issued("2026-0002", "en");
    auto& invoice = document.invoice;
    invoice.vat_regime = "standard";
    invoice.seller.vat_id = "FR11123456782";
    invoice.lines = {
        line("Consulting, November 2026", 3000, "DAY", 65000, "S", 20000),
        line("Training\nTwo sessions on the billing module", 2333, "HUR", 8500, "S", 10000)};
    compute(document);
    put_texts(document, "");
    return document;
}

// (c) An EU business client under reverse charge: a German company with a German VAT id.
InvoiceDocument reverse_charge_invoice() {
    InvoiceDocument document = issued("2026-0003", "en");
    auto& invoice = document.invoice;
    invoice.vat_regime = "reverse-charge";
    invoice.seller.vat_id = "FR11123456782";
    invoice.buyer = {};
    invoice.buyer.name = "Müller Software GmbH";
    invoice.buyer.address = {"Hauptstraße 5", "10115 Berlin"};
    invoice.buyer.country = "DE";
    invoice.buyer.vat_id = "DE136695976";
    invoice.buyer.email = "rechnung@mueller-software.de";
    invoice.lines = {line("Backend development, November 2026", 12000, "HUR", 9000, "AE")};
    compute(document);
    put_texts(document, slash::domain::default_legal_texts("en").reverse_charge);
    return document;
}

// (d) Micro-work paid per task (C62), to a French business known by its SIRET only and
// without an email address.
InvoiceDocument micro_work_invoice() {
    InvoiceDocument document = issued("2026-0004", "fr");
    auto& invoice = document.invoice;
    invoice.vat_regime = "franchise";
    invoice.buyer = {};
    invoice.buyer.name = "Annotations du Midi SAS";
    invoice.buyer.address = {"Bâtiment B", "8 allée des Pins", "31000 Toulouse"};
    invoice.buyer.siret = "73282932000074";
    auto task = line("Annotation d'images, lot 12", 137000, "C62", 35, "E");
    task.unit_name = "task";
    invoice.lines = {task};
    compute(document);
    put_texts(document, "TVA non applicable, art. 293 B du CGI");
    return document;
}

// (e) The credit note cancelling (a).
InvoiceDocument credit_note() {
    InvoiceDocument document = franchise_invoice();
    auto& invoice = document.invoice;
    invoice.id = 8;
    invoice.kind = slash::domain::InvoiceKind::Credit;
    invoice.number = "2026-A001";
    invoice.issue_date = "2026-12-02";
    invoice.due_date = "2026-12-02";
    invoice.credited_invoice_id = 7;
    invoice.credited_number = "2026-0001";
    invoice.credited_issue_date = "2026-11-30";
    invoice.reason = "Erreur de quantité";
    return document;
}

// The XML without the indentation between tags, so that snippets can check order and
// nesting without depending on the layout.
std::string compact(const std::string& xml) {
    std::string out;
    out.reserve(xml.size());
    for (std::size_t i = 0; i < xml.size(); ++i) {
        if (xml[i] == '\n') {
            std::size_t next = i + 1;
            while (next < xml.size() && xml[next] == ' ') ++next;
            if (next < xml.size() && xml[next] == '<' && i > 0 && xml[i - 1] == '>') {
                i = next - 1;
                continue;
            }
        }
        out += xml[i];
    }
    return out;
}

std::string apostrophes_escaped(const std::string& text) {
    std::string escaped;
    for (char ch : text) escaped += ch == '\'' ? std::string("&apos;") : std::string(1, ch);
    return escaped;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++count;
    return count;
}

fs::path write_temp(const fs::path& dir, const std::string& name, const std::string& text) {
    const fs::path path = dir / name;
    std::ofstream file(path, std::ios::binary);
    file << text;
    return path;
}

fs::path conformance_kit() {
    return fs::path(slash::testing::source_dir()) / "tests" / "conformance";
}

// Runs the conformance kit (Factur-X XSD, Factur-X and EN 16931 schematrons, BR-FR) on the
// CII of `document`: every check must pass.
void expect_valid(const InvoiceDocument& document, const std::string& name) {
    if (!slash::testing::have_program("java") || !slash::testing::have_program("xmllint")) {
        MESSAGE(
            "skipped: the CII validator needs java and xmllint (apt-get install "
            "default-jre-headless libsaxonhe-java libxml2-utils)");
        return;
    }
    const fs::path validate = conformance_kit() / "validate";
    REQUIRE_MESSAGE(fs::exists(validate), "no conformance kit at " << validate.string());
    const fs::path dir = slash::testing::make_temp_dir("slash-cii");
    const fs::path file = write_temp(dir, name + ".xml", invoice_cii(document));
    const auto started = std::chrono::steady_clock::now();
    const auto result = slash::testing::run_process({validate.string(), file.string()});
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    INFO("validate " << name << " (" << elapsed.count() << " ms):\n" << result.out << result.err);
    CHECK(result.code == 0);
    CHECK(count_of(result.out, "PASS") == 4);
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}

}  // namespace

TEST_CASE("render/cii test invoices are complete for issue") {
    for (const auto& document : {franchise_invoice(), standard_invoice(), reverse_charge_invoice(),
                                 micro_work_invoice(), credit_note()}) {
        const auto& invoice = document.invoice;
        slash::domain::IssueCandidate candidate;
        candidate.seller = invoice.seller;
        candidate.buyer = invoice.buyer;
        candidate.issue_date = invoice.issue_date;
        candidate.due_date = invoice.due_date;
        candidate.period_from = invoice.period_from;
        candidate.period_to = invoice.period_to;
        for (const auto& l : invoice.lines) {
            candidate.lines.push_back(
                {l.description, l.quantity_milli, l.unit_price_minor, l.unit_code});
        }
        candidate.vat_regime = invoice.vat_regime;
        candidate.vat_mention = invoice.vat_mention;
        candidate.penalty_text = invoice.penalty_text;
        candidate.indemnity_text = invoice.indemnity_text;
        candidate.discount_text = invoice.discount_text;
        candidate.currency = invoice.currency;
        INFO(*invoice.number);
        CHECK(slash::domain::missing_for_issue(candidate) == std::vector<std::string>{});
    }
}

TEST_CASE("render/cii writes the context and the document header") {
    const std::string xml = invoice_cii(franchise_invoice());
    const std::string flat = compact(xml);
    CHECK(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsm:CrossIndustryInvoice "));
    CHECK(flat.find(
              "<rsm:ExchangedDocumentContext>"
              "<ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>S1</ram:ID>"
              "</ram:BusinessProcessSpecifiedDocumentContextParameter>"
              "<ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</"
              "ram:ID>"
              "</ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>") !=
          std::string::npos);
    CHECK(flat.find(
              "<rsm:ExchangedDocument><ram:ID>2026-0001</ram:ID><ram:TypeCode>380</ram:TypeCode>"
              "<ram:IssueDateTime><udt:DateTimeString format=\"102\">20261130</udt:DateTimeString>"
              "</ram:IssueDateTime>") != std::string::npos);
    CHECK(flat.find(
              "<ram:IncludedNote><ram:Content>TVA non applicable, art. 293 B du CGI</ram:Content>"
              "<ram:SubjectCode>REG</ram:SubjectCode></ram:IncludedNote>") != std::string::npos);
    const auto& texts = slash::domain::default_legal_texts("fr");
    CHECK(flat.find("<ram:Content>" + apostrophes_escaped(texts.penalties) +
                    "</ram:Content><ram:SubjectCode>PMD</ram:SubjectCode>") != std::string::npos);
    CHECK(flat.find("<ram:Content>" + apostrophes_escaped(texts.indemnity) +
                    "</ram:Content><ram:SubjectCode>PMT</ram:SubjectCode>") != std::string::npos);
    CHECK(flat.find("<ram:Content>Pas d&apos;escompte pour paiement anticipé.</ram:Content>"
                    "<ram:SubjectCode>AAB</ram:SubjectCode>") != std::string::npos);
    for (const char* subject : {"REG", "PMD", "PMT", "AAB"}) {
        CHECK(count_of(xml, std::string("<ram:SubjectCode>") + subject + "<") == 1);
    }
    CHECK(xml.find("<ram:InvoiceReferencedDocument>") == std::string::npos);
}

TEST_CASE("render/cii writes lines with exact quantities and discounts as negative quantities") {
    const std::string flat = compact(invoice_cii(franchise_invoice()));
    CHECK(
        flat.find(
            "<ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument><ram:LineID>"
            "1</ram:LineID>"
            "</ram:AssociatedDocumentLineDocument><ram:SpecifiedTradeProduct>"
            "<ram:Name>Développement backend, novembre 2026</ram:Name></ram:SpecifiedTradeProduct>"
            "<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>500."
            "00</ram:ChargeAmount>"
            "</ram:NetPriceProductTradePrice></"
            "ram:SpecifiedLineTradeAgreement><ram:SpecifiedLineTradeDelivery>"
            "<ram:BilledQuantity "
            "unitCode=\"HUR\">7.5</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>"
            "<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT</"
            "ram:TypeCode>"
            "<ram:CategoryCode>E</ram:CategoryCode><ram:RateApplicablePercent>0</"
            "ram:RateApplicablePercent>"
            "</ram:ApplicableTradeTax><ram:SpecifiedTradeSettlementLineMonetarySummation>"
            "<ram:LineTotalAmount>3750.00</ram:LineTotalAmount>") != std::string::npos);
    // BR-27: the price of a discount stays positive; the quantity carries the sign.
    CHECK(
        flat.find("<ram:LineID>3</ram:LineID></"
                  "ram:AssociatedDocumentLineDocument><ram:SpecifiedTradeProduct>"
                  "<ram:Name>Remise "
                  "fidélité</ram:Name></ram:SpecifiedTradeProduct><ram:SpecifiedLineTradeAgreement>"
                  "<ram:NetPriceProductTradePrice><ram:ChargeAmount>100.00</ram:ChargeAmount>") !=
        std::string::npos);
    CHECK(flat.find("<ram:BilledQuantity unitCode=\"C62\">-1</ram:BilledQuantity>") !=
          std::string::npos);
    CHECK(flat.find("<ram:LineTotalAmount>-100.00</ram:LineTotalAmount>") != std::string::npos);
    CHECK(flat.find("<ram:ChargeAmount>-") == std::string::npos);

    const std::string standard = compact(invoice_cii(standard_invoice()));
    // 2.333 h x 85.00 = 198.305, rounded half away from zero to the cent.
    CHECK(standard.find("<ram:BilledQuantity unitCode=\"HUR\">2.333</ram:BilledQuantity>") !=
          std::string::npos);
    CHECK(standard.find("<ram:LineTotalAmount>198.31</ram:LineTotalAmount>") != std::string::npos);
    // A description of several lines: its first line is the item name, the whole of it the
    // item description.
    CHECK(standard.find(
              "<ram:Name>Training</ram:Name>"
              "<ram:Description>Training\nTwo sessions on the billing module</ram:Description>") !=
          std::string::npos);
    CHECK(standard.find("<ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>10</"
                        "ram:RateApplicablePercent>") != std::string::npos);

    const std::string micro = compact(invoice_cii(micro_work_invoice()));
    CHECK(micro.find("<ram:ChargeAmount>0.35</ram:ChargeAmount>") != std::string::npos);
    CHECK(micro.find("<ram:BilledQuantity unitCode=\"C62\">137</ram:BilledQuantity>") !=
          std::string::npos);
    CHECK(micro.find("<ram:LineTotalAmount>47.95</ram:LineTotalAmount>") != std::string::npos);
}

TEST_CASE("render/cii writes the seller and the buyer") {
    const std::string flat = compact(invoice_cii(franchise_invoice()));
    CHECK(flat.find(
              "<ram:SellerTradeParty><ram:Name>Jeanne Dupont "
              "EI</ram:Name><ram:SpecifiedLegalOrganization>"
              "<ram:ID schemeID=\"0002\">123456782</ram:ID><ram:TradingBusinessName>Studio "
              "Dupont</ram:TradingBusinessName>"
              "</ram:SpecifiedLegalOrganization><ram:PostalTradeAddress><ram:PostcodeCode>75011</"
              "ram:PostcodeCode>"
              "<ram:LineOne>12 rue des Lilas</ram:LineOne><ram:CityName>Paris</ram:CityName>"
              "<ram:CountryID>FR</ram:CountryID></"
              "ram:PostalTradeAddress><ram:URIUniversalCommunication>"
              "<ram:URIID "
              "schemeID=\"EM\">jeanne@example.org</ram:URIID></ram:URIUniversalCommunication>"
              "<ram:SpecifiedTaxRegistration><ram:ID "
              "schemeID=\"FC\">123456782</ram:ID></ram:SpecifiedTaxRegistration>"
              "</ram:SellerTradeParty>") != std::string::npos);
    CHECK(
        flat.find(
            "<ram:BuyerTradeParty><ram:Name>Étoile Conseil "
            "SARL</ram:Name><ram:SpecifiedLegalOrganization>"
            "<ram:ID "
            "schemeID=\"0002\">552100554</ram:ID></"
            "ram:SpecifiedLegalOrganization><ram:PostalTradeAddress>"
            "<ram:PostcodeCode>69002</ram:PostcodeCode><ram:LineOne>3 place Bellecour</ram:LineOne>"
            "<ram:CityName>Lyon</ram:CityName><ram:CountryID>FR</ram:CountryID></"
            "ram:PostalTradeAddress>"
            "<ram:URIUniversalCommunication><ram:URIID "
            "schemeID=\"EM\">compta@etoile-conseil.fr</ram:URIID>"
            "</ram:URIUniversalCommunication><ram:SpecifiedTaxRegistration><ram:ID "
            "schemeID=\"VA\">FR96552100554</ram:ID>"
            "</ram:SpecifiedTaxRegistration></ram:BuyerTradeParty>") != std::string::npos);

    // With a VAT id the seller has no FC registration.
    const std::string standard = compact(invoice_cii(standard_invoice()));
    CHECK(standard.find("<ram:ID schemeID=\"VA\">FR11123456782</ram:ID>") != std::string::npos);
    CHECK(standard.find("schemeID=\"FC\"") == std::string::npos);

    const std::string german = compact(invoice_cii(reverse_charge_invoice()));
    CHECK(
        german.find(
            "<ram:BuyerTradeParty><ram:Name>Müller Software GmbH</ram:Name><ram:PostalTradeAddress>"
            "<ram:PostcodeCode>10115</ram:PostcodeCode><ram:LineOne>Hauptstraße 5</ram:LineOne>"
            "<ram:CityName>Berlin</ram:CityName><ram:CountryID>DE</ram:CountryID></"
            "ram:PostalTradeAddress>"
            "<ram:URIUniversalCommunication><ram:URIID "
            "schemeID=\"EM\">rechnung@mueller-software.de</ram:URIID>"
            "</ram:URIUniversalCommunication><ram:SpecifiedTaxRegistration>"
            "<ram:ID "
            "schemeID=\"VA\">DE136695976</ram:ID></ram:SpecifiedTaxRegistration></"
            "ram:BuyerTradeParty>") != std::string::npos);

    // Known by its SIRET only and without email: SIRET (0009), its SIREN (0002), and the
    // SIREN as the electronic address of the French directory (0225); two street lines.
    const std::string micro = compact(invoice_cii(micro_work_invoice()));
    CHECK(micro.find(
              "<ram:BuyerTradeParty><ram:GlobalID schemeID=\"0009\">73282932000074</ram:GlobalID>"
              "<ram:Name>Annotations du Midi SAS</ram:Name><ram:SpecifiedLegalOrganization>"
              "<ram:ID "
              "schemeID=\"0002\">732829320</ram:ID></"
              "ram:SpecifiedLegalOrganization><ram:PostalTradeAddress>"
              "<ram:PostcodeCode>31000</ram:PostcodeCode><ram:LineOne>Bâtiment B</ram:LineOne>"
              "<ram:LineTwo>8 allée des Pins</ram:LineTwo><ram:CityName>Toulouse</ram:CityName>"
              "<ram:CountryID>FR</ram:CountryID></"
              "ram:PostalTradeAddress><ram:URIUniversalCommunication>"
              "<ram:URIID "
              "schemeID=\"0225\">732829320</ram:URIID></ram:URIUniversalCommunication></"
              "ram:BuyerTradeParty>") != std::string::npos);
}

TEST_CASE("render/cii writes payment means, VAT breakdown, period, terms and totals") {
    const std::string flat = compact(invoice_cii(franchise_invoice()));
    CHECK(
        flat.find(
            "<ram:ApplicableHeaderTradeDelivery><ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime>"
            "<udt:DateTimeString format=\"102\">20261130</udt:DateTimeString></ram:OccurrenceDateTime>"
            "</ram:ActualDeliverySupplyChainEvent></ram:ApplicableHeaderTradeDelivery>"
            "<ram:ApplicableHeaderTradeSettlement><ram:PaymentReference>2026-0001</"
            "ram:PaymentReference>"
            "<ram:InvoiceCurrencyCode>EUR</"
            "ram:InvoiceCurrencyCode><ram:SpecifiedTradeSettlementPaymentMeans>"
            "<ram:TypeCode>58</ram:TypeCode><ram:PayeePartyCreditorFinancialAccount>"
            "<ram:IBANID>FR7630006000011234567890189</ram:IBANID></"
            "ram:PayeePartyCreditorFinancialAccount>"
            "<ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>AGRIFRPP</ram:BICID>"
            "</ram:PayeeSpecifiedCreditorFinancialInstitution></"
            "ram:SpecifiedTradeSettlementPaymentMeans>"
            "<ram:ApplicableTradeTax><ram:CalculatedAmount>0.00</"
            "ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>"
            "<ram:ExemptionReason>TVA non applicable, art. 293 B du CGI</ram:ExemptionReason>"
            "<ram:BasisAmount>3773.45</ram:BasisAmount><ram:CategoryCode>E</ram:CategoryCode>"
            "<ram:ExemptionReasonCode>VATEX-FR-FRANCHISE</ram:ExemptionReasonCode>"
            "<ram:RateApplicablePercent>0</ram:RateApplicablePercent></ram:ApplicableTradeTax>"
            "<ram:BillingSpecifiedPeriod><ram:StartDateTime><udt:DateTimeString "
            "format=\"102\">20261101</udt:DateTimeString>"
            "</ram:StartDateTime><ram:EndDateTime><udt:DateTimeString "
            "format=\"102\">20261130</udt:DateTimeString>"
            "</ram:EndDateTime></ram:BillingSpecifiedPeriod><ram:SpecifiedTradePaymentTerms>"
            "<ram:Description>Échéance : 30/12/2026</ram:Description><ram:DueDateDateTime>"
            "<udt:DateTimeString format=\"102\">20261230</udt:DateTimeString></ram:DueDateDateTime>"
            "</ram:SpecifiedTradePaymentTerms><ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
            "<ram:LineTotalAmount>3773.45</ram:LineTotalAmount><ram:TaxBasisTotalAmount>3773.45</"
            "ram:TaxBasisTotalAmount>"
            "<ram:TaxTotalAmount "
            "currencyID=\"EUR\">0.00</ram:TaxTotalAmount><ram:GrandTotalAmount>3773.45</"
            "ram:GrandTotalAmount>"
            "<ram:DuePayableAmount>3773.45</ram:DuePayableAmount></"
            "ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
            "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></"
            "rsm:CrossIndustryInvoice>") != std::string::npos);

    // Two rates, each with its VAT on the sum of its lines: 1950.00 x 20 % and 198.31 x 10 %.
    const std::string standard = compact(invoice_cii(standard_invoice()));
    CHECK(
        standard.find(
            "<ram:ApplicableTradeTax><ram:CalculatedAmount>19.83</"
            "ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>"
            "<ram:BasisAmount>198.31</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode>"
            "<ram:RateApplicablePercent>10</ram:RateApplicablePercent></ram:ApplicableTradeTax>"
            "<ram:ApplicableTradeTax><ram:CalculatedAmount>390.00</"
            "ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>"
            "<ram:BasisAmount>1950.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode>"
            "<ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>") !=
        std::string::npos);
    CHECK(standard.find("<ram:Description>Due date: 30 Dec 2026</ram:Description>") !=
          std::string::npos);
    CHECK(standard.find(
              "<ram:LineTotalAmount>2148.31</ram:LineTotalAmount><ram:TaxBasisTotalAmount>2148.31</"
              "ram:TaxBasisTotalAmount>"
              "<ram:TaxTotalAmount currencyID=\"EUR\">409.83</ram:TaxTotalAmount>"
              "<ram:GrandTotalAmount>2558.14</ram:GrandTotalAmount><ram:DuePayableAmount>2558.14</"
              "ram:DuePayableAmount>") != std::string::npos);
    CHECK(standard.find("ExemptionReason") == std::string::npos);

    const std::string german = compact(invoice_cii(reverse_charge_invoice()));
    CHECK(german.find(
              "<ram:ExemptionReason>Reverse charge (Autoliquidation)</ram:ExemptionReason>"
              "<ram:BasisAmount>1080.00</ram:BasisAmount><ram:CategoryCode>AE</ram:CategoryCode>"
              "<ram:ExemptionReasonCode>VATEX-EU-AE</ram:ExemptionReasonCode>") !=
          std::string::npos);
}

TEST_CASE("render/cii writes a credit note referencing the invoice it cancels") {
    const std::string xml = invoice_cii(credit_note());
    const std::string flat = compact(xml);
    CHECK(flat.find("<ram:ID>2026-A001</ram:ID><ram:TypeCode>381</ram:TypeCode>"
                    "<ram:IssueDateTime><udt:DateTimeString "
                    "format=\"102\">20261202</udt:DateTimeString>") != std::string::npos);
    CHECK(flat.find("<ram:Content>Erreur de "
                    "quantité</ram:Content><ram:SubjectCode>ACD</ram:SubjectCode>") !=
          std::string::npos);
    CHECK(
        flat.find(
            "</ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:InvoiceReferencedDocument>"
            "<ram:IssuerAssignedID>2026-0001</ram:IssuerAssignedID><ram:FormattedIssueDateTime>"
            "<qdt:DateTimeString "
            "format=\"102\">20261130</qdt:DateTimeString></ram:FormattedIssueDateTime>"
            "</ram:InvoiceReferencedDocument></ram:ApplicableHeaderTradeSettlement>") !=
        std::string::npos);
    // Amounts stay positive in a credit note; it is refunded, not paid to the seller's IBAN.
    CHECK(flat.find("<ram:GrandTotalAmount>3773.45</ram:GrandTotalAmount>") != std::string::npos);
    CHECK(xml.find("SpecifiedTradeSettlementPaymentMeans") == std::string::npos);
    CHECK(xml.find("PaymentReference") == std::string::npos);
}

TEST_CASE("render/cii of a draft has a placeholder number") {
    InvoiceDocument document = franchise_invoice();
    document.invoice.status = "draft";
    document.invoice.number.reset();
    document.invoice.issue_date.clear();
    const std::string xml = invoice_cii(document);
    CHECK(xml.find("<ram:ID>DRAFT-7</ram:ID>") != std::string::npos);
    CHECK(xml.find("PaymentReference") == std::string::npos);
}

TEST_CASE("render/cii outside EUR states the nil VAT in EUR too") {
    InvoiceDocument document = reverse_charge_invoice();
    document.invoice.currency = "USD";
    const std::string flat = compact(invoice_cii(document));
    CHECK(flat.find("<ram:TaxCurrencyCode>EUR</ram:TaxCurrencyCode><ram:InvoiceCurrencyCode>USD</"
                    "ram:InvoiceCurrencyCode>"
                    "<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode>") !=
          std::string::npos);
    CHECK(flat.find("<ram:TaxTotalAmount currencyID=\"USD\">0.00</ram:TaxTotalAmount>"
                    "<ram:TaxTotalAmount currencyID=\"EUR\">0.00</ram:TaxTotalAmount>") !=
          std::string::npos);
}

TEST_CASE("render/cii escapes user text and keeps the XML well-formed") {
    InvoiceDocument document = franchise_invoice();
    auto& invoice = document.invoice;
    const std::string rtl = "شركة الأمل";
    invoice.buyer.name = "<script>alert(1)</script> & \"Co\" 🚀 " + rtl;
    invoice.buyer.address = {"1 rue <b>", "75002 Paris & Cie"};
    std::string description =
        "Ligne 'spéciale' \x01\x1b[31m rouge\x7f, \xff\xfe octets, \xef\xbf\xbe fin\r\n";
    while (description.size() < 2000)
        description += "Refonte du module <facturation> & export \"CSV\" ";
    description.resize(2000);
    invoice.lines[0].description = description;
    invoice.footer = "Merci ! \xf0\x9f\x99\x8f";
    const std::string xml = invoice_cii(document);

    CHECK(xml.find("<ram:Name>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; 🚀 " + rtl +
                   "</ram:Name>") != std::string::npos);
    CHECK(xml.find("<ram:LineOne>1 rue &lt;b&gt;</ram:LineOne>") != std::string::npos);
    CHECK(xml.find("<ram:CityName>Paris &amp; Cie</ram:CityName>") != std::string::npos);
    // Controls become spaces, bytes that are not UTF-8 and U+FFFE become U+FFFD.
    CHECK(
        xml.find(
            "<ram:Name>Ligne &apos;spéciale&apos;   [31m rouge , \xef\xbf\xbd\xef\xbf\xbd octets, "
            "\xef\xbf\xbd fin</ram:Name>") != std::string::npos);
    CHECK(xml.find("Refonte du module &lt;facturation&gt; &amp; export &quot;CSV&quot;") !=
          std::string::npos);
    CHECK(xml.find("<script>") == std::string::npos);
    CHECK(xml.find('\x01') == std::string::npos);
    CHECK(xml.find('\x1b') == std::string::npos);
    CHECK(xml.find('\r') == std::string::npos);
    CHECK(
        compact(xml).find("<ram:Content>Merci ! "
                          "\xf0\x9f\x99\x8f</ram:Content><ram:SubjectCode>AAI</ram:SubjectCode>") !=
        std::string::npos);

    if (!slash::testing::have_program("xmllint")) {
        MESSAGE(
            "skipped the well-formedness check: xmllint is not installed (apt-get install "
            "libxml2-utils)");
        return;
    }
    const fs::path dir = slash::testing::make_temp_dir("slash-cii");
    const fs::path file = write_temp(dir, "escaped.xml", xml);
    const auto parsed = slash::testing::run_process({"xmllint", "--noout", file.string()});
    INFO(parsed.err);
    CHECK(parsed.code == 0);
    CHECK(parsed.err.empty());
    // The parsed text is the original one: xmllint prints the buyer's name unescaped.
    const auto name = slash::testing::run_process(
        {"xmllint", "--xpath", "string(//*[local-name()='BuyerTradeParty']/*[local-name()='Name'])",
         file.string()});
    CHECK(name.out.starts_with("<script>alert(1)</script> & \"Co\" 🚀 " + rtl));
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}

TEST_CASE("render/cii export by a seller without a VAT id is category O without rate or VAT ids") {
    // A seller without a VAT id invoicing a business outside the EU (CGI art. 259-1): the
    // export line (G) is written O, which names no VAT id (BR-O-02) and no rate (BR-O-05).
    InvoiceDocument document = issued("2026-0005", "fr");
    auto& invoice = document.invoice;
    invoice.vat_regime = "export";
    invoice.buyer = {};
    invoice.buyer.name = "Gigs Platform Inc";
    invoice.buyer.address = {"1 Market St", "San Francisco CA 94105"};
    invoice.buyer.country = "US";
    invoice.buyer.vat_id = "DE136695976";  // a stray number the client record carries
    invoice.buyer.email = "ap@gigs.example";
    invoice.lines = {line("Modération, octobre 2026", 2000, "HUR", 6500, "G")};
    compute(document);
    put_texts(document, slash::domain::default_legal_texts("fr").export_services);
    const std::string flat = compact(invoice_cii(document));
    CHECK(flat.find("<ram:CategoryCode>O</ram:CategoryCode></ram:ApplicableTradeTax>") != std::string::npos);
    CHECK(flat.find("<ram:ExemptionReason>TVA non applicable, art. 259-1 du CGI</ram:ExemptionReason>"
                    "<ram:BasisAmount>130.00</ram:BasisAmount><ram:CategoryCode>O</ram:CategoryCode>"
                    "<ram:ExemptionReasonCode>VATEX-EU-O</ram:ExemptionReasonCode></ram:ApplicableTradeTax>") !=
          std::string::npos);
    CHECK(flat.find("DE136695976") == std::string::npos);
    CHECK(flat.find("schemeID=\"VA\"") == std::string::npos);
    CHECK(flat.find("<ram:CountryID>US</ram:CountryID>") != std::string::npos);
}

TEST_CASE("render/cii validates franchise en base") {
    expect_valid(franchise_invoice(), "franchise");
}

TEST_CASE("render/cii validates standard VAT at 20 and 10 percent") {
    expect_valid(standard_invoice(), "standard");
}

TEST_CASE("render/cii validates EU reverse charge") {
    expect_valid(reverse_charge_invoice(), "reverse-charge");
}

TEST_CASE("render/cii validates per-unit micro-work") {
    expect_valid(micro_work_invoice(), "micro-work");
}

TEST_CASE("render/cii validates credit note") {
    expect_valid(credit_note(), "credit-note");
}
