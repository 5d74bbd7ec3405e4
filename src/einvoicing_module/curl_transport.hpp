#pragma once

#include <string>

#include "slash/einvoicing/transport.hpp"

namespace slash::einvoicing::module {

/// One request with libcurl; returns a TransportFailure as int (0: `response` is filled).
int perform(const HttpRequest& request, const TransportOptions& options, HttpResponse& response, std::string& error);

}  // namespace slash::einvoicing::module
