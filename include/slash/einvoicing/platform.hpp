#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "slash/einvoicing/transport.hpp"

/// The two services of the common API every approved platform (PA) exposes, AFNOR
/// XP Z12-013 (docs/einvoicing.md): the Flow Service (send a flow, search flows, read one,
/// health check) and the Directory Service (who receives invoices where).
namespace slash::einvoicing {

/// Where the platform is and how to talk to it: [einvoicing] of the config, the token and
/// the environment's proxies. The token only ever goes into the Authorization header;
/// every message built from a platform's answer has it blanked out.
struct PlatformAccess {
    std::string flow_url;       ///< the Flow Service base URL, e.g. https://api.flow.pa.fr/flow-service
    std::string directory_url;  ///< the Directory Service base URL
    std::string token;
    TransportOptions transport;
    /// 429 and 503 are retried: at most `attempts` requests in all, waiting Retry-After (or
    /// 1, 2, 4... s) between them, never more than `wait_budget_seconds` in all.
    int attempts = 4;
    int wait_budget_seconds = 30;
    std::function<void(int seconds)> wait;           ///< sleeps; tests record instead
    std::function<void(const std::string&)> notice;  ///< "platform busy, retrying in 2 s"
};

/// `flowInfo` of POST /v1/flows (OpenAPI schema FlowInfo).
struct FlowInfo {
    std::string tracking_id;      ///< slash's stable id of what it sends (NotOnlyUuid, 36 chars)
    std::string name;             ///< the file name
    std::string processing_rule;  ///< B2B for an invoice, NotApplicable for a CDAR
    std::string flow_syntax;      ///< Factur-X, CII or CDAR
    std::string sha256;
};

struct FlowFile {
    std::string content_type;  ///< application/pdf or application/xml
    std::string bytes;
};

/// A flow as the platform describes it (schemas FullFlowInfo and Flow).
struct FlowRecord {
    std::string flow_id;
    std::string tracking_id;
    std::string flow_type;  ///< CustomerInvoice, CustomerInvoiceLC...
    std::string direction;  ///< In, Out
    std::string syntax;
    std::string submitted_at;  ///< ISO 8601 as the platform wrote it
    std::string updated_at;
    std::string ack_status;  ///< Pending, Ok, Error; empty when not given
    std::string ack_details;  ///< "Error InvalidSchema: reason; ..." for an Error
};

/// `where` of POST /v1/flows/search (schema SearchFlowFilters).
struct FlowSearch {
    std::string updated_after;  ///< ISO 8601; empty: none
    std::vector<std::string> flow_types;
    std::vector<std::string> directions;
    std::string tracking_id;
    int limit = 100;
};

/// The JSON bodies slash sends, exposed for the tests' schema checks.
[[nodiscard]] std::string flow_info_json(const FlowInfo& info);
[[nodiscard]] std::string flow_search_json(const FlowSearch& search);

/// A 36-character id in the UUID form (RFC 9562 version 8, from SHA-256 of `name`): the
/// same name always gives the same id, so a second send can find the first.
[[nodiscard]] std::string stable_tracking_id(const std::string& name);

class FlowService {
public:
    explicit FlowService(const PlatformAccess& access) : access_(access) {}

    /// GET /v1/healthcheck; throws Error(Failure) naming the URL and the reason.
    void health();
    /// POST /v1/flows/search with `where` only the tracking id... or any filter; follows the
    /// updatedAfter pagination until a page is not full.
    [[nodiscard]] std::vector<FlowRecord> search(const FlowSearch& search);
    /// POST /v1/flows (multipart: flowInfo + file). `what` names it in errors ("invoice
    /// F-1"). Throws Error(Failure) with the platform's reason.
    [[nodiscard]] FlowRecord submit(const FlowInfo& info, const FlowFile& file, const std::string& what);
    /// GET /v1/flows/{id} (docType Metadata).
    [[nodiscard]] FlowRecord metadata(const std::string& flow_id);
    /// GET /v1/flows/{id}?docType=Original: the file as its emitter sent it.
    [[nodiscard]] std::string original(const std::string& flow_id);

private:
    const PlatformAccess& access_;
};

/// One directory line (schema directoryLinePayloadHistoryLegalUnitFacilityRoutingCode).
struct DirectoryLine {
    std::string addressing_identifier;  ///< the electronic address (BT-49)
    std::string siren, siret, suffix;
    std::string routing_identifier, routing_name;
    std::string platform_type, platform_status;  ///< WK or DFH; Enabled or Disabled
};

struct DirectoryEntry {
    std::string siren;
    std::string business_name;
    std::string entity_type;
    std::string administrative_status;
    std::vector<DirectoryLine> lines;
};

class DirectoryService {
public:
    explicit DirectoryService(const PlatformAccess& access) : access_(access) {}

    /// GET /v1/siren/code-insee:{siren}, then POST /v1/directory-line/search by SIREN.
    /// nullopt when the directory does not know the SIREN (404).
    [[nodiscard]] std::optional<DirectoryEntry> lookup(const std::string& siren);

private:
    const PlatformAccess& access_;
};

}  // namespace slash::einvoicing
