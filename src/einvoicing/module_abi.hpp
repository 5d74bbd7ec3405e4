#pragma once

// The entry points of libslash-einvoicing.so (src/einvoicing_module/), as the loader
// (module_loader.cpp) and the module both declare them. C linkage for stable symbol names;
// the types are slash's own, which is safe because the loader only accepts a module of its
// own build (slash_einvoicing_build_id). No exception crosses the boundary.

#include <string>

#include "slash/einvoicing/cdar.hpp"
#include "slash/einvoicing/transport.hpp"

namespace slash::einvoicing::abi {

using BuildId = const char* (*)();
/// Returns the TransportFailure of the request (0: a response, in `response`).
using Perform = int (*)(const HttpRequest* request, const TransportOptions* options, HttpResponse* response,
                        std::string* error);
/// Returns 0 and fills `message`, or 1 with the reason in `error`.
using ParseCdar = int (*)(const std::string* xml, CdarMessage* message, std::string* error);

inline constexpr const char* kBuildIdSymbol = "slash_einvoicing_build_id";
inline constexpr const char* kPerformSymbol = "slash_einvoicing_perform";
inline constexpr const char* kParseCdarSymbol = "slash_einvoicing_parse_cdar";

}  // namespace slash::einvoicing::abi
