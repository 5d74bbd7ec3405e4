#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace slash::einvoicing {

/// SHA-256 (FIPS 180-4) of `bytes`: the fingerprint XP Z12-013 puts in a flow's `sha256`.
[[nodiscard]] std::array<std::uint8_t, 32> sha256(std::string_view bytes);
/// The same as 64 lower-case hex digits (`^[a-f0-9]{64}$`, the OpenAPI pattern).
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace slash::einvoicing
