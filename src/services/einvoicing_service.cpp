// `einvoicing check`, `invoice send`, `invoice status`, `client lookup` (docs/einvoicing.md).

#include "slash/services/einvoicing_service.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "einvoicing_internal.hpp"
#include "invoice_internal.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/quote.hpp"
#include "slash/einvoicing/sha256.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/einvoicing_store.hpp"
#include "slash/storage/invoice_store.hpp"

namespace slash::services {

namespace {

using namespace einvoicing_detail;

// Only invoices to French businesses are e-invoices; the others are e-reporting, which
// slash does not do yet (docs/einvoicing.md §Scope).
void require_e_invoice(const domain::Invoice& invoice) {
    if (invoice.draft()) {
        throw Error(ErrorKind::Failure, fmt::format("{} is not issued yet: issue it first (slash invoice issue {})",
                                                    invoice.label(), invoice.id));
    }
    if (!invoice.buyer.business) {
        throw Error(ErrorKind::Failure,
                    fmt::format("invoice {} is to an individual: that sale is e-reported (B2C), not e-invoiced; "
                                "slash does not e-report yet",
                                invoice.label()));
    }
    if (invoice.buyer.country != "FR") {
        throw Error(ErrorKind::Failure,
                    fmt::format("invoice {} is to a business in {}: an international sale is e-reported (B2BInt), "
                                "not e-invoiced; slash does not e-report yet",
                                invoice.label(), invoice.buyer.country));
    }
    if (invoice.buyer.siren.empty() && invoice.buyer.siret.empty()) {
        throw Error(ErrorKind::Failure, fmt::format("invoice {} has no buyer SIREN, by which the platform routes it",
                                                    invoice.label()));
    }
}

std::string seller_siren(const domain::Invoice& invoice) {
    return invoice.seller.siren.empty() ? invoice.seller.siret.substr(0, 9) : invoice.seller.siren;
}

domain::EinvoicingFlow recorded(const domain::Invoice& invoice, const einvoicing::FlowRecord& record,
                                const einvoicing::FlowInfo& info, std::int64_t now) {
    domain::EinvoicingFlow flow;
    flow.invoice_id = invoice.id;
    flow.kind = domain::FlowKind::Invoice;
    flow.tracking_id = info.tracking_id;
    flow.flow_id = record.flow_id;
    flow.syntax = info.flow_syntax;
    flow.file_name = info.name;
    flow.sha256 = info.sha256;
    flow.ack_status = record.ack_status;
    flow.ack_details = record.ack_details;
    flow.submitted_at = platform_instant(record.submitted_at, now);
    flow.created_at = now;
    return flow;
}

}  // namespace

EinvoicingService::EinvoicingService(storage::Database& db, const config::Config& config,
                                     const domain::TimeContext& time, EinvoicingEnvironment environment)
    : db_(db), config_(config), time_(time), env_(std::move(environment)) {}

CheckOutcome EinvoicingService::check() {
    auto& a = access(false);
    einvoicing::FlowService flows(a);
    CheckOutcome outcome;
    try {
        flows.health();
        outcome.healthy = true;
        outcome.health = fmt::format("platform {}: up", a.flow_url);
    } catch (const Error& e) {
        outcome.health = fmt::format("platform {}: down ({})", a.flow_url, e.what());
    }
    try {
        // The smallest search the API allows: one flow updated from now on.
        einvoicing::FlowSearch probe;
        probe.updated_after = domain::format_iso_utc(time_.now);
        probe.limit = 1;
        (void)flows.search(probe);
        outcome.authorised = true;
        outcome.authorisation = "token: accepted";
    } catch (const Error& e) {
        outcome.authorisation = fmt::format("token: refused ({})", e.what());
    }
    return outcome;
}

SendOutcome EinvoicingService::send(const std::string& ref, const InvoiceFileMaker& make_file) {
    InvoiceService invoices(db_, config_, time_);
    InvoiceDetails details = invoices.details(ref);
    const domain::Invoice& invoice = details.invoice;
    require_e_invoice(invoice);
    storage::EinvoicingStore store(db_);
    SendOutcome outcome;
    outcome.invoice = *invoice.number;
    if (auto flow = store.invoice_flow(invoice.id)) {
        outcome.flow = *flow;
        outcome.how = SendOutcome::How::AlreadyRecorded;
        return outcome;
    }
    auto& a = access(false);
    einvoicing::FlowService flows(a);
    einvoicing::FlowInfo info;
    info.tracking_id = einvoicing::stable_tracking_id("slash invoice " + seller_siren(invoice) + " " + *invoice.number);
    info.processing_rule = "B2B";
    const bool pdf = config_.einvoicing.send_format == "factur-x";
    info.flow_syntax = pdf ? "Factur-X" : "CII";
    std::string name = *invoice.number;
    for (char& c : name) {
        if (c == '/') c = '-';
    }
    info.name = name + (pdf ? ".pdf" : ".xml");
    // The same invoice always makes the same bytes, so the fingerprint of a flow found again
    // is the one it was sent with.
    einvoicing::FlowFile file;
    file.content_type = pdf ? "application/pdf" : "application/xml";
    file.bytes = make_file(details, info.flow_syntax);
    info.sha256 = einvoicing::sha256_hex(file.bytes);
    // Idempotent: a send whose answer was lost (a time-out after the platform took it) is
    // found again by its tracking id instead of sent twice.
    einvoicing::FlowSearch search;
    search.tracking_id = info.tracking_id;
    for (const auto& found : flows.search(search)) {
        if (found.tracking_id != info.tracking_id || found.direction == "In" || found.flow_id.empty()) continue;
        storage::WriteTransaction tx(db_);
        outcome.flow = recorded(invoice, found, info, time_.now);
        outcome.flow.id = store.insert_flow(outcome.flow);
        tx.commit();
        outcome.how = SendOutcome::How::FoundOnPlatform;
        return outcome;
    }
    einvoicing::FlowRecord record = flows.submit(info, file, "invoice " + *invoice.number);
    {
        storage::WriteTransaction tx(db_);
        outcome.flow = recorded(invoice, record, info, time_.now);
        outcome.flow.id = store.insert_flow(outcome.flow);
        tx.commit();
    }
    // The acknowledgement (anti-virus, schema, duplicates) may already be known.
    try {
        auto meta = flows.metadata(record.flow_id);
        if (!meta.ack_status.empty()) {
            outcome.flow.ack_status = meta.ack_status;
            outcome.flow.ack_details = meta.ack_details;
            storage::WriteTransaction tx(db_);
            store.update_flow(outcome.flow);
            tx.commit();
        }
    } catch (const Error&) {
        // The flow is sent and recorded; `einvoicing sync` reads its acknowledgement later.
    }
    return outcome;
}

StatusReport EinvoicingService::status(const std::string& ref) {
    storage::InvoiceStore invoices(db_);
    StatusReport report;
    report.invoice = invoicing::get_invoice(invoices, ref);
    storage::EinvoicingStore store(db_);
    report.flow = store.invoice_flow(report.invoice.id);
    report.statuses = store.statuses(report.invoice.id);
    return report;
}

std::optional<einvoicing::DirectoryEntry> EinvoicingService::lookup(const std::string& siren) {
    const domain::CompanyId id = domain::parse_company_id(siren, domain::Party::Client);
    return einvoicing::DirectoryService(access(true)).lookup(id.siren);
}

std::string EinvoicingService::record_address(const std::string& client_handle) {
    storage::ClientStore clients(db_);
    const domain::Client client = clients.get(client_handle);
    const std::string siren = client.siren.empty() ? client.siret.substr(0, std::min<std::size_t>(9, client.siret.size()))
                                                   : client.siren;
    if (siren.empty()) {
        throw Error(ErrorKind::Usage, fmt::format("client {} has no SIREN to look up; give it with --siren",
                                                  domain::quoted(client.handle)));
    }
    auto entry = lookup(siren);
    if (!entry || entry->lines.empty()) {
        throw Error(ErrorKind::Failure, fmt::format("the directory has no electronic address for SIREN {}: that "
                                                    "company does not receive e-invoices yet",
                                                    siren));
    }
    // The company's own line (SIREN only) is its main address; else the first line.
    const einvoicing::DirectoryLine* main = &entry->lines.front();
    for (const auto& line : entry->lines) {
        if (line.siret.empty() && line.suffix.empty() && line.routing_identifier.empty()) {
            main = &line;
            break;
        }
    }
    storage::WriteTransaction tx(db_);
    storage::EinvoicingStore(db_).set_client_address(client.id, main->addressing_identifier, time_.now);
    tx.commit();
    return main->addressing_identifier;
}

std::map<std::int64_t, domain::InvoiceStatus> EinvoicingService::latest_statuses() {
    return latest_einvoicing_statuses(db_);
}

std::string client_einvoicing_address(storage::Database& db, std::int64_t client_id) {
    return storage::EinvoicingStore(db).client_address(client_id).value_or("");
}

std::map<std::int64_t, domain::InvoiceStatus> latest_einvoicing_statuses(storage::Database& db) {
    return storage::EinvoicingStore(db).latest_statuses();
}

}  // namespace slash::services
