// The 212 "Encaissée" life-cycle message a seller of services sends when paid
// (docs/einvoicing.md §Encaissée): CDAR D22B in the French profile, built as the XP Z12-014
// examples are (UC1 step 6a).

#include "../render/xml_writer.hpp"
#include "slash/einvoicing/cdar.hpp"

namespace slash::einvoicing {

namespace {

using render::XmlWriter;

void party(XmlWriter& xml, const char* element, const std::string& siren, const std::string& name, const char* role) {
    xml.open(element);
    xml.element("ram:GlobalID", siren, {{"schemeID", "0002"}});
    xml.element("ram:Name", name);
    xml.element("ram:RoleCode", role);
}

void exchanged_document(XmlWriter& xml, const EncaisseeMessage& m) {
    xml.open("rsm:ExchangedDocument");
    xml.element("ram:ID", m.document_id);
    xml.element("ram:Name", m.document_name);
    xml.wrapped("ram:IssueDateTime", "udt:DateTimeString", m.created_at, {{"format", "204"}});
    xml.open("ram:SenderTradeParty");
    xml.element("ram:RoleCode", "WK");
    xml.close();
    party(xml, "ram:IssuerTradeParty", m.seller_siren, m.seller_name, "SE");
    xml.close();
    party(xml, "ram:RecipientTradeParty", m.buyer_siren, m.buyer_name, "BY");
    xml.open("ram:URIUniversalCommunication");
    xml.element("ram:URIID", m.buyer_address.empty() ? m.buyer_siren : m.buyer_address, {{"schemeID", "0225"}});
    xml.close();
    xml.close();
    // The tax administration's data concentrator (PPF), to which 212 is one of the four
    // statuses always transmitted.
    xml.open("ram:RecipientTradeParty");
    xml.element("ram:GlobalID", "9998", {{"schemeID", "0238"}});
    xml.element("ram:Name", "PPF");
    xml.element("ram:RoleCode", "DFH");
    xml.close();
    xml.close();
}

void referenced_invoice(XmlWriter& xml, const EncaisseeMessage& m) {
    xml.open("ram:ReferenceReferencedDocument");
    xml.element("ram:IssuerAssignedID", m.invoice_number);
    xml.element("ram:StatusCode", "47");  // UNTDID 1373 "Paid" (BR-FR-CDV-CL-05)
    xml.element("ram:TypeCode", m.invoice_type_code);
    xml.wrapped("ram:ReceiptDateTime", "udt:DateTimeString", m.received_at, {{"format", "204"}});
    xml.wrapped("ram:FormattedIssueDateTime", "qdt:DateTimeString", m.invoice_date, {{"format", "102"}});
    xml.element("ram:ProcessConditionCode", "212");
    xml.element("ram:ProcessCondition", "Encaissée");
    xml.open("ram:IssuerTradeParty");
    xml.element("ram:GlobalID", m.seller_siren, {{"schemeID", "0002"}});
    xml.close();
    xml.open("ram:SpecifiedDocumentStatus");
    for (const CollectedAmount& amount : m.amounts) {
        xml.open("ram:SpecifiedDocumentCharacteristic");
        xml.element("ram:TypeCode", "MEN");  // montant encaissé TTC
        xml.wrapped("ram:ValueChangedIndicator", "udt:IndicatorString", "false");
        xml.element("ram:ValueAmount", amount.amount, {{"currencyID", m.currency}});
        xml.element("ram:ValuePercent", amount.rate);
        xml.close();
    }
    xml.close();
    xml.close();
}

}  // namespace

std::string write_encaissee(const EncaisseeMessage& m) {
    XmlWriter xml;
    xml.open("rsm:CrossDomainAcknowledgementAndResponse",
             {{"xmlns:qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"},
              {"xmlns:udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"},
              {"xmlns:ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"},
              {"xmlns:rsm", "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100"}});
    xml.open("rsm:ExchangedDocumentContext");
    xml.open("ram:BusinessProcessSpecifiedDocumentContextParameter");
    xml.element("ram:ID", "REGULATED");
    xml.close();
    xml.open("ram:GuidelineSpecifiedDocumentContextParameter");
    xml.element("ram:ID", "urn.cpro.gouv.fr:1p0:CDV:invoice");
    xml.close();
    xml.close();
    exchanged_document(xml, m);
    xml.open("rsm:AcknowledgementDocument");
    xml.wrapped("ram:MultipleReferencesIndicator", "udt:Indicator", "false");
    xml.element("ram:TypeCode", "23");  // processing phase (BR-FR-CDV-CL-05)
    xml.wrapped("ram:IssueDateTime", "udt:DateTimeString", m.status_at, {{"format", "204"}});
    referenced_invoice(xml, m);
    xml.close();
    return xml.finish();
}

}  // namespace slash::einvoicing
