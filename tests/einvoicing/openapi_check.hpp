#pragma once

// A JSON-schema check of request bodies against the components of the kit's OpenAPI files:
// the subset those schemas use (type, required, properties, enum, maxLength, maximum,
// pattern, items, $ref, allOf, oneOf). Returns the problems, empty when the body conforms.

#include <string>
#include <vector>

namespace slash::testing {

/// `body` (JSON text) against `#/components/schemas/<schema>` of `openapi_file`.
std::vector<std::string> openapi_problems(const std::string& openapi_file, const std::string& schema,
                                          const std::string& body);

}  // namespace slash::testing
