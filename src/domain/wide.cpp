#include "slash/domain/wide.hpp"

#include <limits>
#include <stdexcept>
#include <string>

#include "slash/domain/error.hpp"

namespace slash::domain {
namespace {

Wide magnitude(Wide value) {
    return value < 0 ? -value : value;
}

void check_divisor(Wide b) {
    if (b == 0) throw std::invalid_argument("division by zero");
}

}  // namespace

void out_of_range(const Figure& figure) {
    throw Error(figure.kind, std::string(figure.what) + " is out of range (over 19 digits in " +
                                 std::string(figure.unit) + ")");
}

std::int64_t narrow(Wide value, const Figure& figure) {
    if (value > std::numeric_limits<std::int64_t>::max() ||
        value < std::numeric_limits<std::int64_t>::min()) {
        out_of_range(figure);
    }
    return static_cast<std::int64_t>(value);
}

Wide multiply(Wide a, Wide b, const Figure& figure) {
    Wide product = 0;
    if (__builtin_mul_overflow(a, b, &product)) out_of_range(figure);
    return product;
}

// C++ division truncates toward zero; a remainder of at least half the divisor moves the
// quotient one step further from zero.
Wide divide_half_away(Wide a, Wide b) {
    check_divisor(b);
    Wide quotient = a / b;
    if (2 * magnitude(a % b) >= magnitude(b)) quotient += (a < 0) == (b < 0) ? 1 : -1;
    return quotient;
}

std::int64_t divide_rounded(std::int64_t a, std::int64_t b) {
    return narrow(divide_half_away(a, b));
}

Wide divide_floor(Wide a, Wide b) {
    check_divisor(b);
    Wide quotient = a / b;
    if (a % b != 0 && (a < 0) != (b < 0)) --quotient;
    return quotient;
}

Wide divide_ceil(Wide a, Wide b) {
    check_divisor(b);
    Wide quotient = a / b;
    if (a % b != 0 && (a < 0) == (b < 0)) ++quotient;
    return quotient;
}

}  // namespace slash::domain
