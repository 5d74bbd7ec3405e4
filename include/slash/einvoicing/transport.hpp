#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// HTTP for the e-invoicing commands (docs/einvoicing.md §Transport). The requests are made
/// by libcurl inside the module libslash-einvoicing.so, which only these commands load, so
/// that every other command starts without libcurl and its TLS stack. The types here cross
/// the module boundary: plain standard types only.
namespace slash::einvoicing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "GET";  ///< GET or POST
    std::string url;
    Headers headers;  ///< "Authorization: Bearer ..." included: never logged, never in a message
    std::string body;
};

struct HttpResponse {
    long status = 0;
    Headers headers;  ///< names lower case
    std::string body;

    /// The first header of that name (lower case), if any.
    [[nodiscard]] std::optional<std::string> header(std::string_view name) const;
};

/// How requests leave this machine. Proxies come from the environment slash was started
/// with (cli::Environment), never from the process: an empty proxy means none at all.
struct TransportOptions {
    long connect_timeout_ms = 10'000;
    long total_timeout_ms = 60'000;
    std::string proxy;     ///< from https_proxy/HTTPS_PROXY, http_proxy, ALL_PROXY
    std::string no_proxy;  ///< from no_proxy/NO_PROXY
    std::string user_agent = "slash";
};

/// Why no response came back.
enum class TransportFailure {
    None = 0,
    Connect = 1,  ///< DNS, refused, unreachable, proxy
    Timeout = 2,  ///< connect or total time-out
    Tls = 3,      ///< certificate or handshake
    Other = 4,
    Unavailable = 5,  ///< this slash has no e-invoicing module
};

struct TransportResult {
    TransportFailure failure = TransportFailure::None;
    std::string message;  ///< libcurl's reason when failure != None (never holds a header)
    HttpResponse response;
};

/// Performs one request: TLS verification on (peer and host), no redirect followed (a
/// bearer token is never sent to another place), only http and https. Loads the module on
/// first use; a slash built without libcurl answers Unavailable.
[[nodiscard]] TransportResult perform(const HttpRequest& request, const TransportOptions& options);

}  // namespace slash::einvoicing
