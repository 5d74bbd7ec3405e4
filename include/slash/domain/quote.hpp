#pragma once

#include <string>
#include <string_view>

namespace slash::domain {

/// The value in double quotes for an error message, with quotes, backslashes and control
/// characters escaped (\x0a) so that the message always stays on one line.
[[nodiscard]] std::string quoted(std::string_view text);

}  // namespace slash::domain
