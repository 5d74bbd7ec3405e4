#pragma once

#include <string>

#include "slash/einvoicing/cdar.hpp"

namespace slash::einvoicing::module {

/// Fills `message` and returns true, or returns false with the reason in `error`.
bool parse_cdar(const std::string& xml, CdarMessage& message, std::string& error);

}  // namespace slash::einvoicing::module
