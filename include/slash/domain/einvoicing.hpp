#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

/// E-invoicing through the user's approved platform (docs/contract.md §5, docs/einvoicing.md):
/// what slash sent and what became of it.
namespace slash::domain {

/// What slash sends: an invoice (or credit note), or a status message it wrote itself.
enum class FlowKind { Invoice, Status };

/// One flow slash sent, or queued for `einvoicing sync` (no flow id yet).
struct EinvoicingFlow {
    std::int64_t id = 0;
    std::int64_t invoice_id = 0;
    std::optional<std::int64_t> payment_id;  ///< the payment a 212 Encaissée reports
    FlowKind kind = FlowKind::Invoice;
    std::string tracking_id;  ///< slash's stable id, found again by a search
    std::string flow_id;      ///< the platform's; empty while queued
    std::string syntax;       ///< Factur-X, CII or CDAR
    std::string file_name;
    std::string sha256;
    std::string content;      ///< a status message's bytes (kept until sent); empty for an invoice
    std::string ack_status;   ///< Pending, Ok, Error; empty: not known
    std::string ack_details;
    std::optional<std::int64_t> submitted_at;  ///< the platform's time, UTC seconds
    std::int64_t created_at = 0;

    [[nodiscard]] bool queued() const { return flow_id.empty(); }
};

/// Who set a status: the platforms and the buyer (read by sync), or slash (212 it sent).
enum class StatusOrigin { Platform, Slash };

/// One life-cycle status of an invoice (CDAR D22B, XP Z12-012), stored once.
struct InvoiceStatus {
    std::int64_t id = 0;
    std::int64_t invoice_id = 0;
    std::string code;   ///< "200" ... "220"
    std::string label;  ///< "Déposée" ...
    std::int64_t at = 0;  ///< when the status was set, UTC seconds
    std::string reason;
    std::optional<std::int64_t> amount_minor;
    std::string currency;
    StatusOrigin origin = StatusOrigin::Platform;
    std::string source;  ///< the life-cycle flow it came in, or the flow slash sent
    std::int64_t recorded_at = 0;
};

/// What the user should do after a status, or empty: a rejected (213) or refused (210)
/// invoice is cancelled by a credit note and replaced by a new invoice; a disputed one (207)
/// needs an answer to the buyer.
[[nodiscard]] std::string_view status_advice(std::string_view code);

/// `[einvoicing] paid_status`.
enum class PaidStatusPolicy { Auto, Always, Never };

}  // namespace slash::domain
