// The entry points of libslash-einvoicing.so (src/einvoicing/module_abi.hpp), which
// src/einvoicing/module_loader.cpp opens for the e-invoicing commands only.

#include <exception>
#include <string>

#include "../einvoicing/module_abi.hpp"
#include "cdar_reader.hpp"
#include "curl_transport.hpp"

#define SLASH_EINVOICING_EXPORT extern "C" __attribute__((visibility("default")))

SLASH_EINVOICING_EXPORT const char* slash_einvoicing_build_id() { return SLASH_EINVOICING_BUILD_ID; }

SLASH_EINVOICING_EXPORT int slash_einvoicing_perform(const slash::einvoicing::HttpRequest* request,
                                                     const slash::einvoicing::TransportOptions* options,
                                                     slash::einvoicing::HttpResponse* response, std::string* error) {
    try {
        return slash::einvoicing::module::perform(*request, *options, *response, *error);
    } catch (const std::exception& e) {
        *error = e.what();
        return static_cast<int>(slash::einvoicing::TransportFailure::Other);
    }
}

SLASH_EINVOICING_EXPORT int slash_einvoicing_parse_cdar(const std::string* xml,
                                                        slash::einvoicing::CdarMessage* message, std::string* error) {
    try {
        return slash::einvoicing::module::parse_cdar(*xml, *message, *error) ? 0 : 1;
    } catch (const std::exception& e) {
        *error = e.what();
        return 1;
    }
}
