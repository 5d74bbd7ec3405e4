// `einvoicing sync` (queued status messages out, life-cycle statuses in) and the 212
// Encaissée of a payment (docs/einvoicing.md §Life cycle, §Encaissée).

#include <fmt/format.h>

#include "einvoicing_internal.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/wide.hpp"
#include "slash/einvoicing/cdar.hpp"
#include "slash/einvoicing/sha256.hpp"
#include "slash/services/einvoicing_service.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/einvoicing_store.hpp"
#include "slash/storage/invoice_store.hpp"
#include "slash/storage/payment_store.hpp"

namespace slash::services {

namespace {

using namespace einvoicing_detail;

// amount × part / whole without overflow, for any two amounts a book can hold.
using domain::Wide;

struct Incoming {
    std::string flow_id;
    einvoicing::CdarMessage message;
};

std::optional<std::int64_t> amount_of(const einvoicing::CdarReference& ref, const std::string& currency) {
    if (ref.amount.empty()) return std::nullopt;
    try {
        return domain::parse_amount(ref.amount, domain::currency_minor_digits(currency.empty() ? "EUR" : currency));
    } catch (const Error&) {
        return std::nullopt;
    }
}

// One status of a message, for the invoice it names; nullopt (and a warning) when the
// invoice is not one of this book's.
std::optional<domain::InvoiceStatus> status_of(storage::InvoiceStore& invoices, const Incoming& in,
                                               const einvoicing::CdarReference& ref, const domain::TimeContext& time,
                                               std::vector<std::string>& warnings) {
    auto invoice = invoices.find_by_number(ref.invoice_number);
    if (!invoice || invoice->draft()) {
        warnings.push_back(fmt::format("flow {}: invoice {} is not in this book; status {} left aside", in.flow_id,
                                       domain::quoted(ref.invoice_number), ref.status_code));
        return std::nullopt;
    }
    const std::string seller = invoice->seller.siren.empty() ? invoice->seller.siret.substr(0, 9) : invoice->seller.siren;
    if (!ref.seller_id.empty() && ref.seller_id != seller) {
        warnings.push_back(fmt::format("flow {}: invoice {} of seller {} is not yours; status {} left aside",
                                       in.flow_id, ref.invoice_number, ref.seller_id, ref.status_code));
        return std::nullopt;
    }
    domain::InvoiceStatus status;
    status.invoice_id = invoice->id;
    status.code = ref.status_code;
    // The standard's label for a code it lists: the examples themselves write
    // "Mise_à_disposition"; the message's own label otherwise.
    const std::string_view known = einvoicing::status_label(ref.status_code);
    status.label = known.empty() ? ref.status_label : std::string(known);
    status.at = cdar_instant(ref.status_at, time.zone).value_or(time.now);
    status.reason = ref.reason;
    status.currency = ref.currency;
    status.amount_minor = amount_of(ref, ref.currency);
    status.origin = domain::StatusOrigin::Platform;
    status.source = in.flow_id;
    status.recorded_at = time.now;
    return status;
}

// The collected amount split over the invoice's VAT rates in proportion to their totals
// (XP Z12-014: one MEN amount per rate), the last rate taking the rounding remainder.
std::vector<einvoicing::CollectedAmount> collected(const domain::Payment& payment, const domain::Invoice& invoice,
                                                   const std::vector<domain::VatBreakdown>& vat, int digits) {
    std::vector<einvoicing::CollectedAmount> amounts;
    std::int64_t left = payment.amount_minor;
    for (std::size_t i = 0; i < vat.size(); ++i) {
        const std::int64_t gross = vat[i].taxable_minor + vat[i].vat_minor;
        std::int64_t share = i + 1 == vat.size() || invoice.gross_minor == 0
                                 ? left
                                 : static_cast<std::int64_t>(static_cast<Wide>(payment.amount_minor) * gross /
                                                             invoice.gross_minor);
        left -= share;
        amounts.push_back({domain::format_amount(share, digits), domain::format_amount(vat[i].rate_milli / 10, 2)});
    }
    if (amounts.empty()) amounts.push_back({domain::format_amount(payment.amount_minor, digits), "0.00"});
    return amounts;
}

// The 212 of a payment (docs/einvoicing.md §Encaissée), dated now.
einvoicing::EncaisseeMessage encaissee_of(const InvoiceDetails& details, const domain::Payment& payment,
                                          const domain::EinvoicingFlow& sent, const std::string& buyer_address,
                                          const domain::TimeContext& time) {
    const domain::Invoice& invoice = details.invoice;
    auto compact = [](const std::string& date) { return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2); };
    einvoicing::EncaisseeMessage m;
    m.created_at = cdar_time(time.now, time.zone);
    // MDT-78 is when the status is set ("date-heure de dépôt du statut"): now, as in the
    // XP Z12-014 example; the payment's own date stays in the books.
    m.status_at = m.created_at;
    // UNTDID 1001: 380, a commercial invoice; only invoices are paid, so a payment's status
    // names one (there is no deposit kind, whose code 386 was once tested for here).
    m.invoice_type_code = "380";
    m.invoice_date = compact(invoice.issue_date);
    m.document_id = fmt::format("{}_212_{}#{}_{}", *invoice.number, m.created_at, m.invoice_type_code, m.invoice_date);
    m.document_name = fmt::format("{}-212-{}", *invoice.number, payment.id);
    m.seller_siren = invoice.seller.siren.empty() ? invoice.seller.siret.substr(0, 9) : invoice.seller.siren;
    m.seller_name = invoice.seller.name;
    m.buyer_siren = invoice.buyer.siren.empty() ? invoice.buyer.siret.substr(0, 9) : invoice.buyer.siren;
    m.buyer_name = invoice.buyer.name;
    m.buyer_address = buyer_address;
    m.invoice_number = *invoice.number;
    m.received_at = cdar_time(sent.submitted_at.value_or(time.now), time.zone);
    m.currency = invoice.currency;
    m.amounts = collected(payment, invoice, details.vat, domain::currency_minor_digits(invoice.currency));
    return m;
}

}  // namespace

void EinvoicingService::send_queued(storage::Database& db, einvoicing::FlowService& flows, SyncOutcome& outcome) {
    storage::EinvoicingStore store(db);
    for (domain::EinvoicingFlow flow : store.queued()) {
        einvoicing::FlowInfo info;
        info.tracking_id = flow.tracking_id;
        info.name = flow.file_name;
        info.processing_rule = "NotApplicable";
        info.flow_syntax = flow.syntax;
        info.sha256 = flow.sha256;
        std::optional<einvoicing::FlowRecord> record;
        einvoicing::FlowSearch search;
        search.tracking_id = flow.tracking_id;
        for (const auto& found : flows.search(search)) {
            if (found.tracking_id == flow.tracking_id && found.direction != "In" && !found.flow_id.empty()) record = found;
        }
        if (!record) record = flows.submit(info, {"application/xml", flow.content}, "status message " + flow.file_name);
        flow.flow_id = record->flow_id;
        flow.submitted_at = platform_instant(record->submitted_at, time_.now);
        flow.ack_status = record->ack_status;
        storage::WriteTransaction tx(db);
        store.update_flow(flow);
        tx.commit();
        ++outcome.sent;
    }
}

SyncOutcome EinvoicingService::sync() {
    SyncOutcome outcome;
    einvoicing::FlowService flows(access(false));
    send_queued(db_, flows, outcome);
    storage::EinvoicingStore store(db_);
    einvoicing::FlowSearch search;
    search.updated_after = store.sync_cursor();
    search.flow_types = {"CustomerInvoiceLC"};
    search.directions = {"In"};
    std::vector<Incoming> incoming;
    std::string cursor = search.updated_after;
    for (const auto& record : flows.search(search)) {
        if (record.updated_at > cursor) cursor = record.updated_at;
        try {
            incoming.push_back({record.flow_id, einvoicing::parse_cdar(flows.original(record.flow_id))});
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::Failure || std::string(e.what()).find("not a life-cycle") == std::string::npos)
                throw;
            outcome.warnings.push_back(fmt::format("flow {}: {}", record.flow_id, e.what()));
        }
    }
    storage::InvoiceStore invoices(db_);
    storage::WriteTransaction tx(db_);
    for (const Incoming& in : incoming) {
        ++outcome.flows;
        for (const auto& ref : in.message.references) {
            auto status = status_of(invoices, in, ref, time_, outcome.warnings);
            if (status && store.insert_status(*status)) outcome.added.emplace_back(ref.invoice_number, *status);
        }
    }
    if (cursor != search.updated_after) store.set_sync_cursor(cursor, time_.now);
    tx.commit();
    // Acknowledgements not known yet (best effort: a flow the platform forgot stays as it is).
    for (domain::EinvoicingFlow flow : store.unacknowledged()) {
        try {
            auto meta = flows.metadata(flow.flow_id);
            if (meta.ack_status.empty() || meta.ack_status == flow.ack_status) continue;
            flow.ack_status = meta.ack_status;
            flow.ack_details = meta.ack_details;
            storage::WriteTransaction ack(db_);
            store.update_flow(flow);
            ack.commit();
        } catch (const Error& e) {
            outcome.warnings.push_back(e.what());
        }
    }
    return outcome;
}

PaidOutcome EinvoicingService::paid(std::int64_t payment_id) {
    storage::EinvoicingStore store(db_);
    auto payment = storage::PaymentStore(db_).find(payment_id);
    if (!payment || !payment->invoice_id) return {};
    auto sent = store.invoice_flow(*payment->invoice_id);
    if (!sent) return {};
    InvoiceService invoices(db_, config_, time_);
    InvoiceDetails details = invoices.details(std::to_string(*payment->invoice_id));
    const domain::Invoice& invoice = details.invoice;
    const std::string& policy = config_.einvoicing.paid_status;
    if (policy == "never") return {PaidOutcome::What::Never, {}};
    if (policy == "auto" && !encaissee_required(invoice, config_)) return {PaidOutcome::What::NotRequired, {}};

    const std::string seller = invoice.seller.siren.empty() ? invoice.seller.siret.substr(0, 9) : invoice.seller.siren;
    const einvoicing::EncaisseeMessage m =
        encaissee_of(details, *payment, *sent, store.client_address(invoice.client_id).value_or(""), time_);
    domain::EinvoicingFlow flow;
    flow.invoice_id = invoice.id;
    flow.payment_id = payment->id;
    flow.kind = domain::FlowKind::Status;
    flow.tracking_id =
        einvoicing::stable_tracking_id(fmt::format("slash status 212 {} {} {}", seller, *invoice.number, payment->id));
    flow.syntax = "CDAR";
    flow.file_name = m.document_name + ".xml";
    flow.content = einvoicing::write_encaissee(m);
    flow.sha256 = einvoicing::sha256_hex(flow.content);
    flow.created_at = time_.now;
    domain::InvoiceStatus status;
    status.invoice_id = invoice.id;
    status.code = "212";
    status.label = "Encaissée";
    status.at = time_.now;
    status.amount_minor = payment->amount_minor;
    status.currency = payment->currency;
    status.origin = domain::StatusOrigin::Slash;
    status.source = flow.tracking_id;
    status.recorded_at = time_.now;
    {
        storage::WriteTransaction tx(db_);
        flow.id = store.insert_flow(flow);
        store.insert_status(status);
        tx.commit();
    }
    // Sent now when the platform answers; otherwise it waits for `einvoicing sync`.
    try {
        SyncOutcome ignored;
        einvoicing::FlowService flows(access(false));
        send_queued(db_, flows, ignored);
        return {PaidOutcome::What::Sent, store.find_tracking(flow.tracking_id)->flow_id};
    } catch (const Error& e) {
        return {PaidOutcome::What::Queued, e.what()};
    }
}

}  // namespace slash::services
