// Reading a life-cycle message (CDAR D22B) with libxml2 (docs/einvoicing.md §CDAR): the
// fields slash records, found by namespace and local name, whatever the prefixes.

#include "cdar_reader.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string_view>

namespace slash::einvoicing::module {

namespace {

constexpr std::string_view kRsm = "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100";
constexpr std::string_view kRam = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

bool is(const xmlNode* node, std::string_view ns, std::string_view name) {
    if (node == nullptr || node->type != XML_ELEMENT_NODE || node->ns == nullptr || node->ns->href == nullptr)
        return false;
    return reinterpret_cast<const char*>(node->ns->href) == ns && reinterpret_cast<const char*>(node->name) == name;
}

bool is_ram(const xmlNode* node, std::string_view name) { return is(node, kRam, name); }

const xmlNode* child(const xmlNode* parent, std::string_view name) {
    if (parent == nullptr) return nullptr;
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
        if (is_ram(c, name)) return c;
    }
    return nullptr;
}

// The first element child, whatever its namespace: the udt:/qdt: DateTimeString or
// Indicator inside a date or indicator wrapper.
const xmlNode* first_element(const xmlNode* parent) {
    if (parent == nullptr) return nullptr;
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) return c;
    }
    return nullptr;
}

std::string text_of(const xmlNode* node) {
    if (node == nullptr) return {};
    std::unique_ptr<xmlChar, decltype(xmlFree)> content(xmlNodeGetContent(node), xmlFree);
    if (!content) return {};
    std::string_view text(reinterpret_cast<const char*>(content.get()));
    while (!text.empty() && std::string_view(" \t\r\n").find(text.front()) != std::string_view::npos)
        text.remove_prefix(1);
    while (!text.empty() && std::string_view(" \t\r\n").find(text.back()) != std::string_view::npos)
        text.remove_suffix(1);
    return std::string(text);
}

std::string attribute(const xmlNode* node, const char* name) {
    if (node == nullptr) return {};
    std::unique_ptr<xmlChar, decltype(xmlFree)> value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)),
                                                      xmlFree);
    return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string();
}

std::string date_of(const xmlNode* wrapper) { return text_of(first_element(wrapper)); }

void add_reason(std::string& reason, const std::string& part) {
    if (part.empty() || reason.find(part) != std::string::npos) return;
    if (!reason.empty()) reason += " - ";
    reason += part;
}

// MDG-37: the reasons (code, text, notes) and the first amount (MEN collected, MPA paid).
void read_status_details(const xmlNode* status, CdarReference& ref) {
    add_reason(ref.reason, text_of(child(status, "ReasonCode")));
    add_reason(ref.reason, text_of(child(status, "Reason")));
    for (const xmlNode* c = status->children; c != nullptr; c = c->next) {
        if (is_ram(c, "IncludedNote")) add_reason(ref.reason, text_of(child(c, "Content")));
        if (is_ram(c, "SpecifiedDocumentCharacteristic") && ref.amount.empty()) {
            const std::string type = text_of(child(c, "TypeCode"));
            const xmlNode* amount = child(c, "ValueAmount");
            if ((type == "MEN" || type == "MPA") && amount != nullptr) {
                ref.amount = text_of(amount);
                ref.currency = attribute(amount, "currencyID");
            }
        }
    }
}

CdarReference read_reference(const xmlNode* node, const std::string& status_at) {
    CdarReference ref;
    ref.invoice_number = text_of(child(node, "IssuerAssignedID"));
    ref.type_code = text_of(child(node, "TypeCode"));
    ref.invoice_date = date_of(child(node, "FormattedIssueDateTime"));
    ref.seller_id = text_of(child(child(node, "IssuerTradeParty"), "GlobalID"));
    ref.status_code = text_of(child(node, "ProcessConditionCode"));
    ref.status_label = text_of(child(node, "ProcessCondition"));
    ref.status_at = status_at;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (is_ram(c, "SpecifiedDocumentStatus")) read_status_details(c, ref);
    }
    return ref;
}

// libxml2 reports errors through a global handler; this parse keeps them to itself.
void quiet(void*, const char*, ...) {}

}  // namespace

bool parse_cdar(const std::string& xml, CdarMessage& message, std::string& error) {
    xmlSetGenericErrorFunc(nullptr, &quiet);
    // No network, no DTD loading, no entity substitution: a message is data, not a program.
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "cdar.xml", nullptr, options), &xmlFreeDoc);
    if (!doc) {
        const xmlError* last = xmlGetLastError();
        error = last != nullptr && last->message != nullptr ? std::string(last->message) : "not well-formed XML";
        while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
        if (last != nullptr && last->line > 0) error = "line " + std::to_string(last->line) + ": " + error;
        return false;
    }
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!is(root, kRsm, "CrossDomainAcknowledgementAndResponse")) {
        error = "its root is not a CrossDomainAcknowledgementAndResponse (CDAR D22B)";
        return false;
    }
    const xmlNode* document = nullptr;
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
        if (is(c, kRsm, "ExchangedDocument")) document = c;
    }
    message.document_id = text_of(child(document, "ID"));
    message.issued_at = date_of(child(document, "IssueDateTime"));
    for (const xmlNode* ack = root->children; ack != nullptr; ack = ack->next) {
        if (!is(ack, kRsm, "AcknowledgementDocument")) continue;
        const std::string status_at = date_of(child(ack, "IssueDateTime"));
        if (message.status_at.empty()) message.status_at = status_at;
        for (const xmlNode* c = ack->children; c != nullptr; c = c->next) {
            if (is_ram(c, "ReferenceReferencedDocument")) message.references.push_back(read_reference(c, status_at));
        }
    }
    for (const auto& ref : message.references) {
        if (ref.invoice_number.empty() || ref.status_code.empty()) {
            error = "a referenced document has no invoice number (MDT-87) or no status code (MDT-105)";
            return false;
        }
    }
    if (message.references.empty()) {
        error = "it references no document (MDG-32)";
        return false;
    }
    return true;
}

}  // namespace slash::einvoicing::module
