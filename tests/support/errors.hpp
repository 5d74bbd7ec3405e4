#pragma once

#include <functional>
#include <optional>

#include "slash/domain/error.hpp"

namespace slash::testing {

/// The slash::Error that `action` throws, or nullopt when it throws none, so that a test
/// can check both the kind and the exact message.
inline std::optional<slash::Error> error_from(const std::function<void()>& action) {
    try {
        action();
    } catch (const slash::Error& error) {
        return error;
    }
    return std::nullopt;
}

}  // namespace slash::testing
