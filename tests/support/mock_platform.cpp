#include "support/mock_platform.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/text.hpp"
#include "slash/einvoicing/sha256.hpp"
#include "slash/interchange/json_document.hpp"

namespace slash::testing {

namespace {

using interchange::JsonValue;

struct Example {
    const char* code;
    const char* file;
    const char* number;  ///< the invoice number the example refers to
};

// One life-cycle message of the standard's examples per status (tests/einvoicing/kit).
constexpr Example kExamples[] = {
    {"200", "UC1_F202500003_01-CDV-200_Deposee.xml", "F202500003"},
    {"202", "UC1_F202500003_02-CDV-202_Recue.xml", "F202500003"},
    {"203", "UC1_F202500003_03-CDV-203_Mise_a_disposition.xml", "F202500003"},
    {"204", "UC1_F202500003_04-CDV-204_Prise_en_charge.xml", "F202500003"},
    {"205", "UC1_F202500003_05-CDV-205_Approuvee.xml", "F202500003"},
    {"207", "UC4_F202500006_04-CDV-207_En_litige.xml", "F202500006"},
    {"210", "UC3_F202500005_04-CDV-210_Refusee.xml", "F202500005"},
    {"211", "UC1_F202500003_06-CDV-211_Paiement_transmis.xml", "F202500003"},
    {"212", "UC1_F202500003_07-CDV-212_Encaissee.xml", "F202500003"},
    {"213", "UC2_F202500004_02-CDV-213_Rejetee.xml", "F202500004"},
    {"220", "UC4b_F202500006_05-CDV-220_Annulee.xml", "F202500006"},
};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string json_string(const std::string& text) {
    std::string out;
    domain::append_json_string(out, text);
    return out;
}

std::string error_body(const std::string& code, const std::string& message) {
    return "{\"errorCode\":" + json_string(code) + ",\"errorMessage\":" + json_string(message) + "}";
}

std::string flow_json(const MockPlatform::Flow& f) {
    return "{\"flowId\":" + json_string(f.flow_id) + ",\"trackingId\":" + json_string(f.tracking_id) +
           ",\"submittedAt\":" + json_string(f.submitted_at) + ",\"updatedAt\":" + json_string(f.submitted_at) +
           ",\"flowType\":" + json_string(f.flow_type) + ",\"processingRule\":" + json_string(f.processing_rule) +
           ",\"processingRuleSource\":\"Input\",\"flowDirection\":" + json_string(f.direction) +
           ",\"flowSyntax\":" + json_string(f.syntax) + ",\"acknowledgement\":{\"status\":\"Ok\"}}";
}

bool contains(std::initializer_list<std::string_view> set, std::string_view value) {
    return std::find(set.begin(), set.end(), value) != set.end();
}

struct Part {
    std::map<std::string, std::string> headers;
    std::string content;
};

// RFC 7578: the parts between "--boundary" lines.
std::vector<Part> parts_of(const std::string& body, const std::string& boundary) {
    std::vector<Part> parts;
    const std::string delimiter = "--" + boundary;
    std::size_t at = body.find(delimiter);
    while (at != std::string::npos) {
        at += delimiter.size();
        if (body.compare(at, 2, "--") == 0) break;
        at += 2;  // CRLF
        std::size_t head_end = body.find("\r\n\r\n", at);
        std::size_t next = body.find("\r\n" + delimiter, head_end);
        if (head_end == std::string::npos || next == std::string::npos) break;
        Part part;
        std::istringstream head(body.substr(at, head_end - at));
        for (std::string line; std::getline(head, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            auto colon = line.find(':');
            if (colon == std::string::npos) continue;
            std::string name = line.substr(0, colon);
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            part.headers[name] = line.substr(colon + 2);
        }
        part.content = body.substr(head_end + 4, next - head_end - 4);
        parts.push_back(std::move(part));
        at = next + 2;
    }
    return parts;
}

std::string form_name(const Part& part) {
    auto disposition = part.headers.find("content-disposition");
    if (disposition == part.headers.end()) return {};
    auto at = disposition->second.find("name=\"");
    if (at == std::string::npos) return {};
    at += 6;
    return disposition->second.substr(at, disposition->second.find('"', at) - at);
}

}  // namespace

MockPlatform::MockPlatform(std::filesystem::path kit, std::string token)
    : kit_(std::move(kit)), token_(std::move(token)) {
    server_ = std::make_unique<HttpServer>([this](HttpExchange& ex) { handle(ex); });
}

MockPlatform::~MockPlatform() { server_->stop(); }

int MockPlatform::port() const { return server_->port(); }
std::string MockPlatform::flow_url() const { return "http://127.0.0.1:" + std::to_string(port()) + "/flow-service"; }
std::string MockPlatform::directory_url() const {
    return "http://127.0.0.1:" + std::to_string(port()) + "/directory-service";
}
void MockPlatform::start() { server_->start(); }
void MockPlatform::run() { server_->run(); }

void MockPlatform::fail_next(const std::string& route, int status, const std::string& code, const std::string& message,
                             int times, const std::string& retry_after) {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < times; ++i) failures_.push_back({route, status, code, message, retry_after});
}

void MockPlatform::delay_next(const std::string& route, int ms) {
    std::lock_guard lock(mutex_);
    delays_[route] = ms;
}

void MockPlatform::on_invoice(std::vector<std::string> codes) {
    std::lock_guard lock(mutex_);
    on_invoice_ = std::move(codes);
}

void MockPlatform::emit(const std::string& invoice_number, const std::string& code) {
    std::lock_guard lock(mutex_);
    add_lifecycle(invoice_number, code);
}

void MockPlatform::add_company(const std::string& siren, const std::string& name,
                               const std::vector<std::string>& addresses) {
    std::lock_guard lock(mutex_);
    companies_[siren] = {name, addresses};
}

void MockPlatform::set_seller(const std::string& siren) {
    std::lock_guard lock(mutex_);
    seller_ = siren;
}

std::vector<MockPlatform::Flow> MockPlatform::received() const {
    std::lock_guard lock(mutex_);
    std::vector<Flow> out;
    for (const auto& f : flows_) {
        if (f.direction == "Out") out.push_back(f);
    }
    return out;
}

std::vector<std::string> MockPlatform::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

std::vector<std::string> MockPlatform::search_bodies() const {
    std::lock_guard lock(mutex_);
    return searches_;
}

std::vector<std::string> MockPlatform::problems() const {
    std::lock_guard lock(mutex_);
    return problems_;
}

void MockPlatform::problem(const std::string& what) { problems_.push_back(what); }

std::string MockPlatform::next_time() { return domain::format_iso_utc(++clock_); }

void MockPlatform::set_clock(std::int64_t start) {
    std::lock_guard lock(mutex_);
    clock_ = start;
}

void MockPlatform::add_lifecycle(const std::string& number, const std::string& code) {
    const Example* example = nullptr;
    for (const auto& e : kExamples) {
        if (code == e.code) example = &e;
    }
    if (example == nullptr) throw std::runtime_error("no kit example for status " + code);
    std::string xml = read_file_text(kit_ / "lifecycle" / example->file);
    Flow f;
    f.flow_id = "lc-" + std::to_string(flows_.size() + 1);
    f.flow_type = "CustomerInvoiceLC";
    f.direction = "In";
    f.syntax = "CDAR";
    f.processing_rule = "NotApplicable";
    f.submitted_at = next_time();
    f.content_type = "application/xml";
    // The message's own date-times (format 204) become the mock's clock, so that statuses
    // come in the order they are emitted.
    const std::string stamp = f.submitted_at.substr(0, 4) + f.submitted_at.substr(5, 2) + f.submitted_at.substr(8, 2) +
                              f.submitted_at.substr(11, 2) + f.submitted_at.substr(14, 2) + f.submitted_at.substr(17, 2);
    xml = std::regex_replace(xml, std::regex(R"((<udt:DateTimeString format="204">)[0-9]{14})"), "$01" + stamp);
    f.file = replaced(replaced(xml, example->number, number), "100000009", seller_);
    f.invoice_number = number;
    flows_.push_back(std::move(f));
}

std::string MockPlatform::read_file_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void MockPlatform::handle(HttpExchange& ex) {
    std::lock_guard lock(mutex_);
    std::string route;
    bool directory = false;
    if (ex.path.starts_with("/flow-service")) {
        route = ex.path.substr(13);
    } else if (ex.path.starts_with("/directory-service")) {
        route = ex.path.substr(18);
        directory = true;
    } else {
        ex.status = 404;
        return;
    }
    const std::string key = ex.method + " " + route;
    requests_.push_back(key);
    ex.response_headers.emplace_back("Content-Type", "application/json");
    for (auto it = failures_.begin(); it != failures_.end(); ++it) {
        if (it->route != "*" && it->route != key) continue;
        ex.status = it->status;
        ex.response_body = error_body(it->code, it->message);
        if (!it->retry_after.empty()) ex.response_headers.emplace_back("Retry-After", it->retry_after);
        failures_.erase(it);
        return;
    }
    if (auto delay = delays_.find(key); delay != delays_.end()) {
        ex.delay_ms = delay->second;
        delays_.erase(delay);
    }
    if (route == "/v1/healthcheck" && ex.method == "GET") {
        ex.response_body = "{}";
        return;
    }
    if (ex.headers["authorization"] != "Bearer " + token_) {
        ex.status = 401;
        ex.response_body = error_body(ex.headers.count("authorization") ? "INVALID_TOKEN" : "MISSING_TOKEN",
                                      "The access token is not valid");
        return;
    }
    if (directory) {
        route_directory(ex, route);
    } else {
        route_flows(ex, route);
    }
}

void MockPlatform::route_flows(HttpExchange& ex, const std::string& route) {
    if (ex.method == "POST" && route == "/v1/flows") return create_flow(ex);
    if (ex.method == "POST" && route == "/v1/flows/search") return search_flows(ex);
    if (ex.method == "GET" && route.starts_with("/v1/flows/")) return get_flow(ex, route.substr(10));
    ex.status = 404;
    ex.response_body = error_body("MISSING_RESOURCE", "no route " + ex.method + " " + route);
}

void MockPlatform::create_flow(HttpExchange& ex) {
    const std::string type = ex.headers["content-type"];
    const std::string marker = "multipart/form-data; boundary=";
    if (!type.starts_with(marker)) {
        problem("POST /v1/flows: content type " + type);
        ex.status = 400;
        ex.response_body = error_body("MISSING_REQUIRED_FIELD", "multipart/form-data expected");
        return;
    }
    const Part* info = nullptr;
    const Part* file = nullptr;
    auto parts = parts_of(ex.body, type.substr(marker.size()));
    for (const auto& part : parts) {
        if (form_name(part) == "flowInfo") info = &part;
        if (form_name(part) == "file") file = &part;
    }
    if (parts.size() != 2 || info == nullptr || file == nullptr) {
        problem("POST /v1/flows: parts are not exactly flowInfo and file");
        ex.status = 400;
        ex.response_body = error_body("MISSING_REQUIRED_FIELD", "flowInfo and file are required");
        return;
    }
    if (info->headers.count("content-type") == 0 || info->headers.at("content-type") != "application/json")
        problem("flowInfo part is not application/json");
    Flow f;
    f.flow_info_json = info->content;
    f.file = file->content;
    f.content_type = file->headers.count("content-type") ? file->headers.at("content-type") : "";
    try {
        JsonValue json = interchange::parse_json_document(info->content, "flowInfo");
        f.tracking_id = json.text_of("trackingId");
        f.name = json.text_of("name");
        f.processing_rule = json.text_of("processingRule");
        f.syntax = json.text_of("flowSyntax");
        f.sha256 = json.text_of("sha256");
    } catch (const Error& e) {
        problem(std::string("flowInfo is not JSON: ") + e.what());
    }
    if (!contains({"application/pdf", "application/xml"}, f.content_type)) problem("file part type " + f.content_type);
    if (f.syntax == "Factur-X" && !f.file.starts_with("%PDF-")) problem("a Factur-X flow that is not a PDF");
    if ((f.syntax == "CII" || f.syntax == "CDAR") && !f.file.starts_with("<?xml")) problem("an XML flow that is not XML");
    if (!f.sha256.empty() && f.sha256 != einvoicing::sha256_hex(f.file)) {
        problem("sha256 mismatch for " + f.name);
        ex.status = 400;
        ex.response_body = error_body("ChecksumMismatch", "the sha256 is not the file's");
        return;
    }
    f.flow_id = "flow-" + std::to_string(flows_.size() + 1);
    f.flow_type = f.syntax == "CDAR" ? "CustomerInvoiceLC" : "CustomerInvoice";
    f.direction = "Out";
    f.submitted_at = next_time();
    const std::string number = f.name.substr(0, f.name.rfind('.'));
    const bool invoice = f.syntax != "CDAR";
    ex.status = 202;
    ex.response_body = "{\"flowId\":" + json_string(f.flow_id) + ",\"submittedAt\":" + json_string(f.submitted_at) +
                       ",\"trackingId\":" + json_string(f.tracking_id) + ",\"name\":" + json_string(f.name) +
                       ",\"processingRule\":" + json_string(f.processing_rule) + ",\"flowSyntax\":" +
                       json_string(f.syntax) + ",\"sha256\":" + json_string(einvoicing::sha256_hex(f.file)) + "}";
    flows_.push_back(std::move(f));
    if (invoice) {
        for (const auto& code : on_invoice_) add_lifecycle(number, code);
    }
}

void MockPlatform::search_flows(HttpExchange& ex) {
    searches_.push_back(ex.body);
    JsonValue params;
    try {
        params = interchange::parse_json_document(ex.body, "search");
    } catch (const Error& e) {
        problem(std::string("search body is not JSON: ") + e.what());
    }
    const JsonValue* where = params.find("where");
    if (where == nullptr || where->keys.empty()) {
        problem("search without a criterion");
        ex.status = 400;
        ex.response_body = error_body("MISSING_REQUIRED_FIELD", "where needs at least one criterion");
        return;
    }
    auto listed = [&](const char* key, const std::string& value) {
        const JsonValue* list = where->find(key);
        if (list == nullptr) return true;
        return std::any_of(list->items.begin(), list->items.end(), [&](const JsonValue& v) { return v.text == value; });
    };
    const std::string after = where->text_of("updatedAfter");
    const std::string tracking = where->text_of("trackingId");
    std::size_t limit = params.text_of("limit").empty() ? 25 : std::stoul(params.text_of("limit"));
    std::string results;
    std::size_t count = 0;
    for (const auto& f : flows_) {
        if (!tracking.empty() && f.tracking_id != tracking) continue;
        if (!after.empty() && f.submitted_at <= after) continue;
        if (!listed("flowType", f.flow_type) || !listed("flowDirection", f.direction)) continue;
        if (count == limit) break;
        results += (count++ == 0 ? "" : ",") + flow_json(f);
    }
    ex.response_body = "{\"limit\":" + std::to_string(limit) + ",\"results\":[" + results + "]}";
}

void MockPlatform::get_flow(HttpExchange& ex, const std::string& id) {
    auto found = std::find_if(flows_.begin(), flows_.end(), [&](const Flow& f) { return f.flow_id == id; });
    if (found == flows_.end()) {
        ex.status = 404;
        ex.response_body = error_body("MISSING_RESOURCE", "Requested resource is Not Found");
        return;
    }
    if (ex.query.find("docType=Original") != std::string::npos) {
        ex.response_headers.clear();
        ex.response_headers.emplace_back("Content-Type", found->content_type);
        ex.response_headers.emplace_back("Content-Disposition", "attachment;filename=" + found->flow_id + ".xml");
        ex.response_body = found->file;
        return;
    }
    ex.response_body = flow_json(*found);
}

void MockPlatform::route_directory(HttpExchange& ex, const std::string& route) {
    const std::string company = "/v1/siren/code-insee:";
    if (ex.method == "GET" && route.starts_with(company)) {
        auto found = companies_.find(route.substr(company.size()));
        if (found == companies_.end()) {
            ex.status = 404;
            ex.response_headers = {{"Content-Type", "application/problem+json"}};
            ex.response_body = "{\"status\":404,\"message\":\"Not found\"}";
            return;
        }
        ex.response_body = "{\"siren\":" + json_string(found->first) + ",\"businessName\":" +
                           json_string(found->second.name) +
                           ",\"entityType\":\"PrivateVatRegistered\",\"administrativeStatus\":\"A\"}";
        return;
    }
    if (ex.method == "POST" && route == "/v1/directory-line/search") {
        searches_.push_back(ex.body);
        std::string siren;
        try {
            auto params = interchange::parse_json_document(ex.body, "directory search");
            if (const JsonValue* filters = params.find("filters"))
                if (const JsonValue* s = filters->find("siren")) siren = s->text_of("value");
        } catch (const Error& e) {
            problem(std::string("directory search body is not JSON: ") + e.what());
        }
        std::string results;
        if (auto found = companies_.find(siren); found != companies_.end()) {
            for (const auto& address : found->second.addresses) {
                results += (results.empty() ? "" : ",") + std::string("{\"addressingIdentifier\":") +
                           json_string(address) + ",\"siren\":" + json_string(siren) +
                           ",\"platform\":{\"platformType\":\"WK\",\"platformStatus\":\"Enabled\"}}";
            }
        }
        ex.response_body = "{\"results\":[" + results + "]}";
        return;
    }
    ex.status = 404;
    ex.response_body = "{\"status\":404,\"message\":\"no route\"}";
}

}  // namespace slash::testing
