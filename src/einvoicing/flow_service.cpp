// The Flow Service of XP Z12-013 (docs/einvoicing.md §Flow Service): POST /v1/flows,
// POST /v1/flows/search, GET /v1/flows/{flowId}, GET /v1/healthcheck.

#include <fmt/format.h>

#include <cctype>

#include "api_call.hpp"
#include "slash/domain/error.hpp"
#include "slash/einvoicing/platform.hpp"
#include "slash/einvoicing/sha256.hpp"

namespace slash::einvoicing {

namespace {

using detail::JsonObjectWriter;
using interchange::JsonValue;

// RFC 7578 multipart/form-data. The boundary is derived from the file's hash and checked
// against both parts, so that it cannot occur in them.
std::string multipart(const std::string& json, const FlowInfo& info, const FlowFile& file, std::string& boundary) {
    boundary = "slash-" + info.sha256.substr(0, 24);
    while (json.find(boundary) != std::string::npos || file.bytes.find(boundary) != std::string::npos) {
        boundary = "slash-" + sha256_hex(boundary).substr(0, 24);
    }
    std::string body;
    body.reserve(file.bytes.size() + json.size() + 512);
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"flowInfo\"\r\n";
    body += "Content-Type: application/json\r\n\r\n" + json + "\r\n";
    std::string name = info.name;
    for (char& c : name) {
        if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '_';
    }
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n";
    body += "Content-Type: " + file.content_type + "\r\n\r\n";
    body += file.bytes;
    body += "\r\n--" + boundary + "--\r\n";
    return body;
}

FlowRecord record_of(const JsonValue& flow) {
    FlowRecord record;
    record.flow_id = flow.text_of("flowId");
    record.tracking_id = flow.text_of("trackingId");
    record.flow_type = flow.text_of("flowType");
    record.direction = flow.text_of("flowDirection");
    record.syntax = flow.text_of("flowSyntax");
    record.submitted_at = flow.text_of("submittedAt");
    record.updated_at = flow.text_of("updatedAt");
    if (const JsonValue* ack = flow.find("acknowledgement")) {
        record.ack_status = ack->text_of("status");
        if (const JsonValue* details = ack->find("details"); details && details->kind == JsonValue::Kind::Array) {
            for (const JsonValue& d : details->items) {
                if (!record.ack_details.empty()) record.ack_details += "; ";
                record.ack_details += d.text_of("level") + " " + d.text_of("reasonCode") + ": " + d.text_of("reasonMessage");
            }
        }
    }
    return record;
}

// A flow id in a path: the platform chose it (NotOnlyUuid), so every byte outside RFC 3986's
// unreserved set is percent-encoded and cannot change the route.
std::string path_segment(const std::string& id) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : id) {
        if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

std::string where_json(const FlowSearch& search) {
    JsonObjectWriter where;
    if (!search.updated_after.empty()) where.string("updatedAfter", search.updated_after);
    if (!search.flow_types.empty()) where.raw("flowType", detail::json_string_array(search.flow_types));
    if (!search.directions.empty()) where.raw("flowDirection", detail::json_string_array(search.directions));
    if (!search.tracking_id.empty()) where.string("trackingId", search.tracking_id);
    return where.finish();
}

}  // namespace

std::string flow_info_json(const FlowInfo& info) {
    JsonObjectWriter json;
    json.string("trackingId", info.tracking_id)
        .string("name", info.name)
        .string("processingRule", info.processing_rule)
        .string("flowSyntax", info.flow_syntax)
        .string("sha256", info.sha256);
    return json.finish();
}

std::string flow_search_json(const FlowSearch& search) {
    return JsonObjectWriter().raw("limit", std::to_string(search.limit)).raw("where", where_json(search)).finish();
}

std::string stable_tracking_id(const std::string& name) {
    std::string hex = sha256_hex(name).substr(0, 32);
    hex[12] = '8';  // version 8: a custom, name-based UUID
    static constexpr char kVariant[] = "89ab";
    hex[16] = kVariant[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

void FlowService::health() {
    HttpRequest request;
    request.url = detail::join_url(access_.flow_url, "/v1/healthcheck");
    (void)detail::call(access_, request, "platform health check");
}

std::vector<FlowRecord> FlowService::search(const FlowSearch& search) {
    std::vector<FlowRecord> records;
    FlowSearch page = search;
    // Pagination by updatedAfter (API 1.1.0): ask again after the last flow of a full page.
    for (int pages = 0; pages < 1000; ++pages) {
        HttpRequest request;
        request.method = "POST";
        request.url = detail::join_url(access_.flow_url, "/v1/flows/search");
        request.headers.emplace_back("Content-Type", "application/json");
        request.body = flow_search_json(page);
        auto json = detail::json_body(detail::call(access_, request, "searching the platform's flows"),
                                      "searching the platform's flows");
        const JsonValue* results = json.find("results");
        std::size_t count = 0;
        if (results != nullptr && results->kind == JsonValue::Kind::Array) {
            for (const JsonValue& flow : results->items) records.push_back(record_of(flow));
            count = results->items.size();
        }
        if (count < static_cast<std::size_t>(page.limit) || records.back().updated_at.empty() ||
            records.back().updated_at == page.updated_after)
            break;
        page.updated_after = records.back().updated_at;
    }
    return records;
}

FlowRecord FlowService::submit(const FlowInfo& info, const FlowFile& file, const std::string& what) {
    HttpRequest request;
    request.method = "POST";
    request.url = detail::join_url(access_.flow_url, "/v1/flows");
    std::string boundary;
    request.body = multipart(flow_info_json(info), info, file, boundary);
    request.headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + boundary);
    auto json = detail::json_body(detail::call(access_, request, "sending " + what), "sending " + what);
    FlowRecord record = record_of(json);
    if (record.flow_id.empty()) {
        throw Error(ErrorKind::Failure, fmt::format("sending {}: the platform's answer has no flowId", what));
    }
    return record;
}

FlowRecord FlowService::metadata(const std::string& flow_id) {
    HttpRequest request;
    request.url = detail::join_url(access_.flow_url, "/v1/flows/" + path_segment(flow_id) + "?docType=Metadata");
    const std::string what = "reading flow " + flow_id;
    return record_of(detail::json_body(detail::call(access_, request, what), what));
}

std::string FlowService::original(const std::string& flow_id) {
    HttpRequest request;
    request.url = detail::join_url(access_.flow_url, "/v1/flows/" + path_segment(flow_id) + "?docType=Original");
    return detail::call(access_, request, "downloading flow " + flow_id).body;
}

}  // namespace slash::einvoicing
