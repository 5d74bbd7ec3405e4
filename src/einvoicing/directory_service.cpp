// The Directory Service of XP Z12-013 (docs/einvoicing.md §Directory): a company by SIREN and
// its directory lines (electronic addresses and routing codes).

#include <fmt/format.h>

#include "api_call.hpp"
#include "slash/domain/error.hpp"
#include "slash/einvoicing/platform.hpp"

namespace slash::einvoicing {

namespace {

using detail::JsonObjectWriter;
using interchange::JsonValue;

DirectoryLine line_of(const JsonValue& json) {
    DirectoryLine line;
    line.addressing_identifier = json.text_of("addressingIdentifier");
    line.siren = json.text_of("siren");
    line.siret = json.text_of("siret");
    line.suffix = json.text_of("addressingSuffix");
    if (const JsonValue* routing = json.find("routingCode")) {
        line.routing_identifier = routing->text_of("routingIdentifier");
        line.routing_name = routing->text_of("routingCodeName");
    }
    if (const JsonValue* platform = json.find("platform")) {
        line.platform_type = platform->text_of("platformType");
        line.platform_status = platform->text_of("platformStatus");
    }
    return line;
}

}  // namespace

std::optional<DirectoryEntry> DirectoryService::lookup(const std::string& siren) {
    const std::string what = "looking up SIREN " + siren + " in the directory";
    HttpRequest company;
    company.url = detail::join_url(access_.directory_url, "/v1/siren/code-insee:" + siren);
    HttpResponse found = detail::call(access_, company, what, {404});
    if (found.status == 404) return std::nullopt;
    auto json = detail::json_body(found, what);
    DirectoryEntry entry;
    entry.siren = json.text_of("siren").empty() ? siren : json.text_of("siren");
    entry.business_name = json.text_of("businessName");
    entry.entity_type = json.text_of("entityType");
    entry.administrative_status = json.text_of("administrativeStatus");

    HttpRequest lines;
    lines.method = "POST";
    lines.url = detail::join_url(access_.directory_url, "/v1/directory-line/search");
    lines.headers.emplace_back("Content-Type", "application/json");
    const std::string filter = JsonObjectWriter().string("op", "contains").string("value", siren).finish();
    lines.body = JsonObjectWriter()
                     .raw("filters", JsonObjectWriter().raw("siren", filter).finish())
                     .raw("limit", "100")
                     .finish();
    HttpResponse answer = detail::call(access_, lines, what, {404});
    if (answer.status == 404) return entry;
    auto results = detail::json_body(answer, what);
    if (const JsonValue* items = results.find("results"); items && items->kind == JsonValue::Kind::Array) {
        for (const JsonValue& item : items->items) entry.lines.push_back(line_of(item));
    }
    return entry;
}

}  // namespace slash::einvoicing
