#pragma once

// Einvoicing-internal: one call to the platform with the retry and error rules of
// docs/einvoicing.md §Errors, and the JSON helpers of the two services.

#include <string>
#include <string_view>

#include "slash/einvoicing/platform.hpp"
#include "slash/interchange/json_document.hpp"

namespace slash::einvoicing::detail {

/// Performs `request` with the bearer token: 429 and 503 are retried within the access's
/// bounds; a transport failure or another status outside 2xx throws Error(Failure), one line
/// naming `what`, the URL or the platform's status and reason, and a hint. Statuses in
/// `accepted` (e.g. 404 for a look-up) are returned instead of thrown.
[[nodiscard]] HttpResponse call(const PlatformAccess& access, HttpRequest request, const std::string& what,
                                std::initializer_list<long> accepted = {});

/// The JSON body of a response; Error(Failure) naming `what` when it is not JSON.
[[nodiscard]] interchange::JsonValue json_body(const HttpResponse& response, const std::string& what);

/// `base` + `path`, one slash between them.
[[nodiscard]] std::string join_url(std::string_view base, std::string_view path);

/// JSON writing: `"key":` then the value, with a comma before all but the first.
class JsonObjectWriter {
public:
    JsonObjectWriter& string(std::string_view key, std::string_view value);
    JsonObjectWriter& raw(std::string_view key, std::string_view json);
    [[nodiscard]] std::string finish() const { return out_ + "}"; }

private:
    void key(std::string_view name);
    std::string out_ = "{";
};

[[nodiscard]] std::string json_string_array(const std::vector<std::string>& items);

}  // namespace slash::einvoicing::detail
