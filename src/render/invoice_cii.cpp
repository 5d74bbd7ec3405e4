#include "slash/render/invoice_cii.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "invoice_parts.hpp"
#include "slash/domain/invoice_checks.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/money.hpp"
#include "xml_writer.hpp"

namespace slash::render {

namespace {

constexpr std::string_view kGuideline = "urn:cen.eu:en16931:2017";
// BT-23, French billing mode: S1 = an invoice for services, not paid yet (BR-FR-08).
constexpr std::string_view kBillingMode = "S1";
constexpr std::string_view kInvoiceType = "380";
constexpr std::string_view kCreditNoteType = "381";
constexpr std::string_view kDepositType = "386";  // prepayment invoice (facture d'acompte)
// UNTDID 2379: 102 = CCYYMMDD.
constexpr std::string_view kDateFormat = "102";

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// Names, identifiers and address lines are single-line data elements: line breaks and tabs
// become spaces. (Control characters are left to xml_escape.)
std::string one_line(std::string_view text) {
    std::string line(text);
    std::replace_if(
        line.begin(), line.end(), [](char ch) { return ch == '\n' || ch == '\r' || ch == '\t'; },
        ' ');
    return trim(line);
}

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Identifiers as typed may hold spaces ("FR 11 123 456 782"): the schemes want them without.
std::string without_spaces(std::string_view text) {
    std::string compact;
    for (char ch : one_line(text)) {
        if (ch != ' ') compact += ch;
    }
    return compact;
}

// "2026-11-30" -> "20261130" (format 102); other text is written as it is, for the
// validators to name.
std::string compact_date(std::string_view iso) {
    if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-') {
        return std::string(iso.substr(0, 4)) + std::string(iso.substr(5, 2)) +
               std::string(iso.substr(8, 2));
    }
    return std::string(iso);
}

// The SIREN of a party: given, else the first nine digits of its SIRET; empty when neither
// has the right shape.
std::string siren_of(std::string_view siren, std::string_view siret) {
    const std::string given = without_spaces(siren);
    if (given.size() == 9 && all_digits(given)) return given;
    const std::string establishment = without_spaces(siret);
    if (establishment.size() == 14 && all_digits(establishment)) return establishment.substr(0, 9);
    return {};
}

std::string siret_of(std::string_view siret) {
    std::string establishment = without_spaces(siret);
    return establishment.size() == 14 && all_digits(establishment) ? establishment : std::string();
}

std::string country_of(std::string_view country) {
    std::string code = without_spaces(country);
    std::transform(code.begin(), code.end(), code.begin(), [](char ch) {
        return ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
    });
    return code.empty() ? std::string("FR") : code;
}

// The printed documents follow the seller's name with "EI" (entrepreneur individuel, Code de
// commerce L526-22); the structured one says the same.
std::string with_ei(std::string_view name) {
    std::string cleaned = one_line(name);
    if (cleaned.empty() || cleaned == "EI" || cleaned.ends_with(" EI")) return cleaned;
    return cleaned + " EI";
}

// Quantities are thousandths: written exactly, without useless zeros ("7.5", "1", "-2").
std::string quantity_text(std::int64_t quantity_milli) {
    std::string text = domain::format_amount(quantity_milli, 3);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

// "-12.50" -> "12.50" and back, on the text, so that no int64 is ever negated.
std::string negated(const std::string& number) {
    if (number.starts_with('-')) return number.substr(1);
    if (number.find_first_not_of("0.") == std::string::npos) return number;
    return "-" + number;
}

struct PostalAddress {
    std::string postcode;
    std::vector<std::string> lines;
    std::string city;
};

// The stored address is lines of text. A last line "75011 Paris" (five digits, or four
// outside France: "1000 Bruxelles") is the postcode and the city; at most three street
// lines exist in CII, so any further ones join the third.
PostalAddress split_address(const std::vector<std::string>& stored, const std::string& country) {
    PostalAddress address;
    for (const auto& line : stored) {
        std::string cleaned = one_line(line);
        if (!cleaned.empty()) address.lines.push_back(std::move(cleaned));
    }
    if (!address.lines.empty()) {
        const std::string& last = address.lines.back();
        const std::size_t digits = std::min(last.find_first_not_of("0123456789"), last.size());
        const bool postcode = digits == 5 || (digits == 4 && country != "FR");
        if (postcode && digits < last.size() && last[digits] == ' ') {
            std::string city = trim(last.substr(digits));
            if (!city.empty()) {
                address.postcode = last.substr(0, digits);
                address.city = std::move(city);
                address.lines.pop_back();
            }
        }
    }
    if (address.lines.size() > 3) {
        for (std::size_t i = 3; i < address.lines.size(); ++i)
            address.lines[2] += ", " + address.lines[i];
        address.lines.resize(3);
    }
    return address;
}

void write_address(XmlWriter& xml, const std::vector<std::string>& lines,
                   const std::string& country) {
    static constexpr std::string_view kLineNames[] = {"ram:LineOne", "ram:LineTwo",
                                                      "ram:LineThree"};
    const PostalAddress address = split_address(lines, country);
    xml.open("ram:PostalTradeAddress");
    if (!address.postcode.empty()) xml.element("ram:PostcodeCode", address.postcode);
    for (std::size_t i = 0; i < address.lines.size(); ++i)
        xml.element(kLineNames[i], address.lines[i]);
    if (!address.city.empty()) xml.element("ram:CityName", address.city);
    xml.element("ram:CountryID", country);
    xml.close();
}

void write_electronic_address(XmlWriter& xml, std::string_view scheme, const std::string& value) {
    xml.open("ram:URIUniversalCommunication");
    xml.element("ram:URIID", value, {{"schemeID", scheme}});
    xml.close();
}

void write_tax_registration(XmlWriter& xml, std::string_view scheme, const std::string& value) {
    xml.open("ram:SpecifiedTaxRegistration");
    xml.element("ram:ID", value, {{"schemeID", scheme}});
    xml.close();
}

void write_legal_organization(XmlWriter& xml, const std::string& siren,
                              const std::string& trade_name) {
    if (siren.empty() && trade_name.empty()) return;
    xml.open("ram:SpecifiedLegalOrganization");
    if (!siren.empty()) xml.element("ram:ID", siren, {{"schemeID", "0002"}});
    if (!trade_name.empty()) xml.element("ram:TradingBusinessName", trade_name);
    xml.close();
}

// BG-4. BT-32 (tax registration, FC) carries the SIREN when there is no VAT id: an
// invoice under the franchise has exempt lines, and BR-E-02 then wants BT-31 or BT-32.
void write_seller(XmlWriter& xml, const domain::SellerIdentity& seller) {
    const std::string siren = siren_of(seller.siren, seller.siret);
    const std::string siret = siret_of(seller.siret);
    const std::string country = country_of(seller.country);
    const std::string email = one_line(seller.email);
    const std::string vat_id = without_spaces(seller.vat_id);
    xml.open("ram:SellerTradeParty");
    if (!siret.empty()) xml.element("ram:GlobalID", siret, {{"schemeID", "0009"}});
    xml.element("ram:Name", with_ei(seller.name));
    write_legal_organization(xml, siren, one_line(seller.trade_name));
    write_address(xml, seller.address, country);
    if (!email.empty()) write_electronic_address(xml, "EM", email);
    if (!vat_id.empty()) {
        write_tax_registration(xml, "VA", vat_id);
    } else if (!siren.empty()) {
        write_tax_registration(xml, "FC", siren);
    }
    xml.close();
}

// BG-7. BT-49 is mandatory in France (BR-FR-12): the email, else the SIREN in the scheme of
// the French e-invoicing directory (0225), whose addresses start with the SIREN.
// `outside_scope`: an invoice of category O names no VAT id (BR-O-02).
void write_buyer(XmlWriter& xml, const domain::BuyerIdentity& buyer, bool outside_scope) {
    const std::string siren = siren_of(buyer.siren, buyer.siret);
    const std::string siret = siret_of(buyer.siret);
    const std::string country = country_of(buyer.country);
    const std::string email = one_line(buyer.email);
    const std::string vat_id = without_spaces(buyer.vat_id);
    xml.open("ram:BuyerTradeParty");
    if (!siret.empty()) xml.element("ram:GlobalID", siret, {{"schemeID", "0009"}});
    xml.element("ram:Name", one_line(buyer.name));
    write_legal_organization(xml, siren, {});
    write_address(xml, buyer.address, country);
    if (!email.empty()) {
        write_electronic_address(xml, "EM", email);
    } else if (!siren.empty()) {
        write_electronic_address(xml, "0225", siren);
    }
    if (!vat_id.empty() && !outside_scope) write_tax_registration(xml, "VA", vat_id);
    xml.close();
}

void write_note(XmlWriter& xml, const std::string& text, std::string_view subject) {
    const std::string content = trim(text);
    if (content.empty()) return;
    xml.open("ram:IncludedNote");
    xml.element("ram:Content", content);
    xml.element("ram:SubjectCode", subject);
    xml.close();
}

std::string document_id(const domain::Invoice& invoice) {
    if (invoice.number && !invoice.number->empty()) return one_line(*invoice.number);
    return "DRAFT-" + std::to_string(invoice.id);
}

// BG-1 notes with their UNTDID 4451 subjects. BR-FR-05 wants PMT, PMD and AAB once each;
// the penalties and the indemnity apply between professionals only (Code de commerce
// L441-10), so that, as on the printed invoice, an individual's invoice goes without them.
void write_header(XmlWriter& xml, const domain::Invoice& invoice) {
    xml.open("rsm:ExchangedDocumentContext");
    xml.open("ram:BusinessProcessSpecifiedDocumentContextParameter");
    xml.element("ram:ID", kBillingMode);
    xml.close();
    xml.open("ram:GuidelineSpecifiedDocumentContextParameter");
    xml.element("ram:ID", kGuideline);
    xml.close();
    xml.close();

    xml.open("rsm:ExchangedDocument");
    xml.element("ram:ID", document_id(invoice));
    xml.element("ram:TypeCode", invoice.credit_note() ? kCreditNoteType
                                : invoice.deposit() ? kDepositType
                                                    : kInvoiceType);
    xml.wrapped("ram:IssueDateTime", "udt:DateTimeString", compact_date(invoice.issue_date),
                {{"format", kDateFormat}});
    write_note(xml, invoice.vat_mention, "REG");
    // The French CTC rules (BR-FR-05) want both notes on every e-invoice, whoever the buyer.
    write_note(xml, invoice.penalty_text, "PMD");
    write_note(xml, invoice.indemnity_text, "PMT");
    write_note(xml, invoice.discount_text, "AAB");
    if (invoice.credit_note()) write_note(xml, invoice.reason, "ACD");
    write_note(xml, invoice.footer, "AAI");
    xml.close();
}

// EN 16931 wants the seller's VAT id on an export invoice (G, BR-G-02), and none at all on
// one outside the scope of VAT (O, BR-O-02). Services to a business outside the EU are
// both (CGI art. 259-1): a seller without a VAT id (the franchise) writes them O.
std::string cii_category(const std::string& category, const domain::SellerIdentity& seller) {
    if (category == "G" && without_spaces(seller.vat_id).empty()) return "O";
    return category;
}

// BG-25. EN 16931 forbids a negative net price (BR-27): a discount is a positive price
// times a negative quantity, which keeps the line net.
void write_line(XmlWriter& xml, const domain::InvoiceLine& line, const domain::SellerIdentity& seller,
                std::size_t index, int digits) {
    std::string price = domain::format_amount(line.unit_price_minor, digits);
    std::string quantity = quantity_text(line.quantity_milli);
    if (line.unit_price_minor < 0) {
        price = negated(price);
        quantity = negated(quantity);
    }
    const std::string description = trim(line.description);
    const std::string name = one_line(description.substr(0, description.find_first_of("\r\n")));
    const std::string unit = line.unit_code.empty() ? std::string("C62") : one_line(line.unit_code);

    xml.open("ram:IncludedSupplyChainTradeLineItem");
    xml.open("ram:AssociatedDocumentLineDocument");
    xml.element("ram:LineID", std::to_string(index + 1));
    xml.close();
    xml.open("ram:SpecifiedTradeProduct");
    xml.element("ram:Name", name);
    if (name != description) xml.element("ram:Description", description);
    xml.close();
    xml.open("ram:SpecifiedLineTradeAgreement");
    xml.open("ram:NetPriceProductTradePrice");
    xml.element("ram:ChargeAmount", price);
    xml.close();
    xml.close();
    xml.open("ram:SpecifiedLineTradeDelivery");
    xml.element("ram:BilledQuantity", quantity, {{"unitCode", unit}});
    xml.close();
    xml.open("ram:SpecifiedLineTradeSettlement");
    xml.open("ram:ApplicableTradeTax");
    xml.element("ram:TypeCode", "VAT");
    const std::string category = cii_category(line.vat_category, seller);
    xml.element("ram:CategoryCode", category);
    // BR-O-05: a line outside the scope of VAT has no rate at all.
    if (category != "O") {
        xml.element("ram:RateApplicablePercent", domain::format_vat_rate(line.vat_rate_milli));
    }
    xml.close();
    xml.open("ram:SpecifiedTradeSettlementLineMonetarySummation");
    xml.element("ram:LineTotalAmount", domain::format_amount(line.net_minor, digits));
    xml.close();
    xml.close();
    xml.close();
}

struct Exemption {
    std::string reason;  ///< BT-120
    std::string code;    ///< BT-121
};

// BT-120/121 of a VAT breakdown row: none for "S"; the invoice's own VAT mention when it is
// the only exempt category (it may be the configured franchise text), else the default
// sentence of that category in the invoice's language.
Exemption exemption_of(const domain::VatBreakdown& row, const InvoiceDocument& document) {
    const auto& invoice = document.invoice;
    const auto& texts = domain::default_legal_texts(is_english(invoice.language) ? "en" : "fr");
    const auto exempt_categories = std::count_if(
        document.vat.begin(), document.vat.end(),
        [&](const auto& other) { return other.category != "S" && other.category != row.category; });
    const std::string mention = exempt_categories == 0 ? trim(invoice.vat_mention) : std::string();
    auto pick = [&](const std::string& fallback) { return mention.empty() ? fallback : mention; };
    if (row.category == "E") return {pick(texts.vat_franchise), "VATEX-FR-FRANCHISE"};
    if (row.category == "AE") return {pick(texts.reverse_charge), "VATEX-EU-AE"};
    if (row.category == "G") {
        if (cii_category(row.category, invoice.seller) == "O") return {pick(texts.export_services), "VATEX-EU-O"};
        return {pick(texts.export_services), "VATEX-EU-G"};
    }
    return {};
}

void write_vat_row(XmlWriter& xml, const domain::VatBreakdown& row,
                   const InvoiceDocument& document) {
    const Exemption exemption = exemption_of(row, document);
    xml.open("ram:ApplicableTradeTax");
    xml.element("ram:CalculatedAmount",
                domain::format_amount(row.vat_minor, document.minor_digits));
    xml.element("ram:TypeCode", "VAT");
    if (!exemption.reason.empty()) xml.element("ram:ExemptionReason", exemption.reason);
    xml.element("ram:BasisAmount", domain::format_amount(row.taxable_minor, document.minor_digits));
    const std::string category = cii_category(row.category, document.invoice.seller);
    xml.element("ram:CategoryCode", category);
    if (!exemption.code.empty()) xml.element("ram:ExemptionReasonCode", exemption.code);
    if (category != "O") xml.element("ram:RateApplicablePercent", domain::format_vat_rate(row.rate_milli));
    xml.close();
}

void write_settlement(XmlWriter& xml, const InvoiceDocument& document) {
    const auto& invoice = document.invoice;
    const int digits = document.minor_digits;
    const bool english = is_english(invoice.language);
    const std::string currency = one_line(invoice.currency);

    std::int64_t net = 0;
    for (const auto& line : invoice.lines) net += line.net_minor;
    std::int64_t vat = 0;
    for (const auto& row : document.vat) vat += row.vat_minor;
    const std::int64_t gross = net + vat;
    // BR-FR-CO-12: outside EUR, the VAT total is also due in EUR (BT-6, BT-111). Without an
    // exchange rate that is only known when the VAT is nil.
    const bool vat_in_eur = currency != "EUR" && vat == 0;

    xml.open("ram:ApplicableHeaderTradeSettlement");
    if (invoice.number && !invoice.number->empty() && !invoice.credit_note()) {
        xml.element("ram:PaymentReference", document_id(invoice));
    }
    if (vat_in_eur) xml.element("ram:TaxCurrencyCode", "EUR");
    xml.element("ram:InvoiceCurrencyCode", currency);

    // BG-16: a credit note is refunded, not paid to the seller's account.
    const std::string iban = without_spaces(invoice.seller.iban);
    if (!iban.empty() && !invoice.credit_note()) {
        const std::string bic = without_spaces(invoice.seller.bic);
        xml.open("ram:SpecifiedTradeSettlementPaymentMeans");
        xml.element("ram:TypeCode", currency == "EUR" ? "58" : "30");
        xml.open("ram:PayeePartyCreditorFinancialAccount");
        xml.element("ram:IBANID", iban);
        xml.close();
        if (!bic.empty()) {
            xml.open("ram:PayeeSpecifiedCreditorFinancialInstitution");
            xml.element("ram:BICID", bic);
            xml.close();
        }
        xml.close();
    }

    for (const auto& row : document.vat) write_vat_row(xml, row, document);

    if (!invoice.period_from.empty() || !invoice.period_to.empty()) {
        xml.open("ram:BillingSpecifiedPeriod");
        if (!invoice.period_from.empty()) {
            xml.wrapped("ram:StartDateTime", "udt:DateTimeString",
                        compact_date(invoice.period_from), {{"format", kDateFormat}});
        }
        if (!invoice.period_to.empty()) {
            xml.wrapped("ram:EndDateTime", "udt:DateTimeString", compact_date(invoice.period_to),
                        {{"format", kDateFormat}});
        }
        xml.close();
    }

    if (!invoice.due_date.empty()) {
        const std::string due = format_document_date(invoice.due_date, english ? "en" : "fr");
        xml.open("ram:SpecifiedTradePaymentTerms");
        xml.element("ram:Description", english ? "Due date: " + due : "Échéance : " + due);
        xml.wrapped("ram:DueDateDateTime", "udt:DateTimeString", compact_date(invoice.due_date),
                    {{"format", kDateFormat}});
        xml.close();
    }

    xml.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
    xml.element("ram:LineTotalAmount", domain::format_amount(net, digits));
    xml.element("ram:TaxBasisTotalAmount", domain::format_amount(net, digits));
    xml.element("ram:TaxTotalAmount", domain::format_amount(vat, digits),
                {{"currencyID", currency}});
    if (vat_in_eur)
        xml.element("ram:TaxTotalAmount", domain::format_amount(0, 2), {{"currencyID", "EUR"}});
    xml.element("ram:GrandTotalAmount", domain::format_amount(gross, digits));
    // BT-113: the deposits a final invoice deducts; BT-115 what is left to pay.
    if (invoice.prepaid_minor != 0) {
        xml.element("ram:TotalPrepaidAmount", domain::format_amount(invoice.prepaid_minor, digits));
    }
    xml.element("ram:DuePayableAmount", domain::format_amount(gross - invoice.prepaid_minor, digits));
    xml.close();

    // BG-3 (BR-FR-CO-05): the invoice a credit note cancels, with its date.
    const std::string credited = one_line(invoice.credited_number);
    if (invoice.credit_note() && !credited.empty()) {
        xml.open("ram:InvoiceReferencedDocument");
        xml.element("ram:IssuerAssignedID", credited);
        if (!invoice.credited_issue_date.empty()) {
            xml.wrapped("ram:FormattedIssueDateTime", "qdt:DateTimeString",
                        compact_date(invoice.credited_issue_date), {{"format", kDateFormat}});
        }
        xml.close();
    }
    // BG-3: each deposit invoice a final invoice deducts, by number and date.
    for (const auto& deposit : invoice.deposits) {
        xml.open("ram:InvoiceReferencedDocument");
        xml.element("ram:IssuerAssignedID", one_line(deposit.number));
        xml.wrapped("ram:FormattedIssueDateTime", "qdt:DateTimeString", compact_date(deposit.issue_date),
                    {{"format", kDateFormat}});
        xml.close();
    }
    xml.close();
}

}  // namespace

std::string invoice_cii(const InvoiceDocument& document) {
    const auto& invoice = document.invoice;
    XmlWriter xml;
    xml.open(
        "rsm:CrossIndustryInvoice",
        {{"xmlns:rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"},
         {"xmlns:qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"},
         {"xmlns:ram",
          "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"},
         {"xmlns:udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"}});
    write_header(xml, invoice);

    xml.open("rsm:SupplyChainTradeTransaction");
    for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
        write_line(xml, invoice.lines[i], invoice.seller, i, document.minor_digits);
    }
    xml.open("ram:ApplicableHeaderTradeAgreement");
    write_seller(xml, invoice.seller);
    const bool outside_scope = std::any_of(invoice.lines.begin(), invoice.lines.end(),
                                           [&](const auto& line) {
                                               return cii_category(line.vat_category, invoice.seller) == "O";
                                           });
    write_buyer(xml, invoice.buyer, outside_scope);
    xml.close();
    // BT-72: the services were delivered by the end of the invoiced period; an empty
    // delivery element draws a warning (PEPPOL-EN16931-R008).
    xml.open("ram:ApplicableHeaderTradeDelivery");
    if (!invoice.period_to.empty()) {
        xml.open("ram:ActualDeliverySupplyChainEvent");
        xml.wrapped("ram:OccurrenceDateTime", "udt:DateTimeString", compact_date(invoice.period_to),
                    {{"format", kDateFormat}});
        xml.close();
    }
    xml.close();
    write_settlement(xml, document);
    xml.close();
    return xml.finish();
}

}  // namespace slash::render
