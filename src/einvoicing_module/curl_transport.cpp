// HTTP with libcurl, for the e-invoicing commands only (docs/einvoicing.md §Transport).

#include "curl_transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace slash::einvoicing::module {

namespace {

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlGlobal() { curl_global_cleanup(); }
};

// A flow is one invoice: no answer of the common API is near this size, so a longer one is
// a broken or hostile server, not a reason to fill the memory.
constexpr std::size_t kMaxBody = std::size_t{256} << 20;

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    if (body->size() + size * count > kMaxBody) return 0;  // libcurl stops with a write error
    body->append(data, size * count);
    return size * count;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return std::string(text);
}

// Header lines of the final response only: a "100 Continue" or a proxy's CONNECT reply
// starts a new block with its status line.
std::size_t append_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* headers = static_cast<Headers*>(user);
    std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        headers->clear();
    } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
        headers->emplace_back(lower(std::string(line.substr(0, colon))), trimmed(line.substr(colon + 1)));
    }
    return size * count;
}

TransportFailure failure_of(CURLcode code) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
            return TransportFailure::Connect;
        case CURLE_OPERATION_TIMEDOUT:
            return TransportFailure::Timeout;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CACERT_BADFILE:
            return TransportFailure::Tls;
        default:
            return TransportFailure::Other;
    }
}

using Easy = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using List = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

void set_options(CURL* curl, const HttpRequest& request, const TransportOptions& options) {
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options.total_timeout_ms);
    // "" disables proxies outright: libcurl would otherwise read the process environment,
    // which slash reads once, in main.
    curl_easy_setopt(curl, CURLOPT_PROXY, options.proxy.c_str());
    if (!options.no_proxy.empty()) curl_easy_setopt(curl, CURLOPT_NOPROXY, options.no_proxy.c_str());
    curl_easy_setopt(curl, CURLOPT_USERAGENT, options.user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    if (request.method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else if (request.method != "GET") {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
}

}  // namespace

int perform(const HttpRequest& request, const TransportOptions& options, HttpResponse& response, std::string& error) {
    static CurlGlobal global;
    Easy curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
        error = "cannot start libcurl";
        return static_cast<int>(TransportFailure::Other);
    }
    // No "Expect: 100-continue" round trip before a body.
    curl_slist* list = nullptr;
    auto add = [&list](const std::string& line) {
        if (curl_slist* grown = curl_slist_append(list, line.c_str())) list = grown;
    };
    add("Expect:");
    for (const auto& [name, value] : request.headers) add(name + ": " + value);
    List headers(list, &curl_slist_free_all);
    char reason[CURL_ERROR_SIZE] = {};
    set_options(curl.get(), request, options);
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, reason);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &append_body);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, &append_header);
    curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &response.headers);
    const CURLcode code = curl_easy_perform(curl.get());
    if (code == CURLE_WRITE_ERROR) {
        error = "the answer is larger than 256 MiB";
        return static_cast<int>(TransportFailure::Other);
    }
    if (code != CURLE_OK) {
        error = reason[0] != '\0' ? reason : curl_easy_strerror(code);
        return static_cast<int>(failure_of(code));
    }
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.status);
    return 0;
}

}  // namespace slash::einvoicing::module
