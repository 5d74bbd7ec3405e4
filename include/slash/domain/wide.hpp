#pragma once

#include <cstdint>
#include <string_view>

#include "slash/domain/error.hpp"

/// The one wide integer of slash and its rounding (docs/architecture.md). Money is int64
/// minor units and time int64 seconds, but their products (seconds × rate, amount × 3600,
/// quantity × price) overflow 64 bits long before they stop making sense: they are computed
/// in 128 bits and narrowed back, checked, once per result.
namespace slash::domain {

__extension__ using Wide = __int128;

/// What a figure that may not fit is, for the one overflow refusal.
struct Figure {
    std::string_view what = "the amount";
    std::string_view unit = "minor units";
    /// Failure (exit 1) where the operands were accepted earlier (a stored rate, logged
    /// time); Usage (exit 2) where they are the command's own input (an invoice line's
    /// quantity and price), which the user fixes by giving other values.
    ErrorKind kind = ErrorKind::Failure;
};

/// The one overflow refusal: `<what> is out of range (over 19 digits in <unit>)`, as in
/// "the net total of the invoice is out of range (over 19 digits in minor units)".
[[noreturn]] void out_of_range(const Figure& figure);

/// `value` as int64, or out_of_range(figure).
[[nodiscard]] std::int64_t narrow(Wide value, const Figure& figure = {});

/// a × b, or out_of_range(figure) when even 128 bits cannot hold it (three int64 factors).
[[nodiscard]] Wide multiply(Wide a, Wide b, const Figure& figure = {});

/// a / b rounded half away from zero (7/2 is 4, -7/2 is -4), the one rounding of money
/// (EN 16931). `b` must not be 0 (std::invalid_argument).
[[nodiscard]] Wide divide_half_away(Wide a, Wide b);

/// The same on int64, narrowed: only INT64_MIN / -1 is out of range.
[[nodiscard]] std::int64_t divide_rounded(std::int64_t a, std::int64_t b);

/// a / b rounded toward minus infinity (-7/2 is -4). `b` must not be 0.
[[nodiscard]] Wide divide_floor(Wide a, Wide b);

/// a / b rounded toward plus infinity (7/2 is 4, -7/2 is -3). `b` must not be 0.
[[nodiscard]] Wide divide_ceil(Wide a, Wide b);

}  // namespace slash::domain
