// How slash talks to a platform (docs/einvoicing.md §Errors): bearer token, bounded retries
// of 429 and 503, one-line errors naming the platform's reason, the token never in them.

#include "api_call.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "slash/domain/error.hpp"
#include "slash/domain/text.hpp"

namespace slash::einvoicing::detail {

namespace {

// The platform's words, made one short line and never carrying the token back.
std::string clean(std::string text, const std::string& token) {
    if (!token.empty()) {
        for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at)) text.replace(at, token.size(), "***");
    }
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    }
    if (text.size() > 300) text = text.substr(0, 300) + "...";
    return text;
}

// "422 UNPROCESSABLE_ENTITY: Entity consistency error" from the Flow Service's Error
// ({errorCode, errorMessage}) or the Directory Service's problem+json ({message, details}).
std::string reason_of(const HttpResponse& response, const std::string& token) {
    std::string reason = std::to_string(response.status);
    try {
        auto body = interchange::parse_json_document(response.body, "response");
        std::string code = body.text_of("errorCode");
        std::string message = body.text_of("errorMessage");
        if (message.empty()) message = body.text_of("message");
        if (auto details = body.text_of("details"); !details.empty()) message += (message.empty() ? "" : ": ") + details;
        if (!code.empty()) reason += " " + code;
        if (!message.empty()) reason += ": " + message;
    } catch (const Error&) {
        // Not JSON (a proxy's HTML page): the status alone says enough.
    }
    return clean(reason, token);
}

std::string hint_of(long status) {
    switch (status) {
        case 401:
            return "; check the token ([einvoicing] token_file or SLASH_EINVOICING_TOKEN)";
        case 403:
            return "; this token may not do that: ask your platform for the rights";
        case 413:
            return "; the file is too large for the platform (send_format = \"cii\" sends the smaller XML)";
        case 429:
        case 503:
            return "; the platform is busy, try again later";
        default:
            return "";
    }
}

std::string transport_error(const TransportResult& result, const HttpRequest& request, const PlatformAccess& access,
                            const std::string& what) {
    const std::string reason = clean(result.message, access.token);
    switch (result.failure) {
        case TransportFailure::Timeout:
            return fmt::format("{}: no answer from the platform at {} within {} s ({})", what, request.url,
                               access.transport.total_timeout_ms / 1000, reason);
        case TransportFailure::Tls:
            return fmt::format("{}: the platform at {} has no certificate this machine trusts ({})", what, request.url,
                               reason);
        case TransportFailure::Unavailable:
            return fmt::format("{}: {}", what, reason);
        default:
            return fmt::format("{}: cannot reach the platform at {} ({})", what, request.url, reason);
    }
}

// Retry-After in seconds (RFC 9110 §10.2.3); an HTTP date is treated as unknown.
std::optional<int> retry_after(const HttpResponse& response) {
    auto value = response.header("retry-after");
    if (!value) return std::nullopt;
    int seconds = 0;
    auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), seconds);
    if (ec != std::errc{} || end != value->data() + value->size() || seconds < 0) return std::nullopt;
    return seconds;
}

}  // namespace

HttpResponse call(const PlatformAccess& access, HttpRequest request, const std::string& what,
                  std::initializer_list<long> accepted) {
    request.headers.emplace_back("Authorization", "Bearer " + access.token);
    request.headers.emplace_back("Accept", "application/json");
    int waited = 0;
    for (int attempt = 1;; ++attempt) {
        TransportResult result = perform(request, access.transport);
        if (result.failure != TransportFailure::None) {
            throw Error(ErrorKind::Failure, transport_error(result, request, access, what));
        }
        const HttpResponse& response = result.response;
        const long status = response.status;
        if ((status >= 200 && status < 300) || std::find(accepted.begin(), accepted.end(), status) != accepted.end()) {
            return result.response;
        }
        if ((status == 429 || status == 503) && attempt < access.attempts) {
            const int wait = retry_after(response).value_or(1 << (attempt - 1));
            if (waited + wait <= access.wait_budget_seconds) {
                if (access.notice) {
                    access.notice(fmt::format("the platform is busy ({}), retrying in {} s (attempt {} of {})", status,
                                              wait, attempt + 1, access.attempts));
                }
                if (access.wait) access.wait(wait);
                waited += wait;
                continue;
            }
        }
        throw Error(ErrorKind::Failure, fmt::format("{}: the platform answered {}{}", what,
                                                    reason_of(response, access.token), hint_of(status)));
    }
}

interchange::JsonValue json_body(const HttpResponse& response, const std::string& what) {
    try {
        return interchange::parse_json_document(response.body, "the platform's answer");
    } catch (const Error& e) {
        throw Error(ErrorKind::Failure, fmt::format("{}: the platform's answer is not JSON ({})", what, e.what()));
    }
}

std::string join_url(std::string_view base, std::string_view path) {
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    return std::string(base) + std::string(path);
}

void JsonObjectWriter::key(std::string_view name) {
    if (out_.size() > 1) out_ += ',';
    domain::append_json_string(out_, name);
    out_ += ':';
}

JsonObjectWriter& JsonObjectWriter::string(std::string_view name, std::string_view value) {
    key(name);
    domain::append_json_string(out_, value);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::raw(std::string_view name, std::string_view json) {
    key(name);
    out_ += json;
    return *this;
}

std::string json_string_array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& item : items) {
        if (out.size() > 1) out += ',';
        domain::append_json_string(out, item);
    }
    return out + "]";
}

}  // namespace slash::einvoicing::detail
