#include "slash/domain/wide.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "slash/domain/error.hpp"
#include "support/errors.hpp"

namespace d = slash::domain;
using slash::testing::error_from;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

}  // namespace

TEST_CASE("domain/wide divisions: half away from zero, floor and ceiling, both signs") {
    struct Case {
        std::int64_t a, b, half_away, floor, ceil;
    };
    for (const auto& c : std::vector<Case>{{7, 2, 4, 3, 4},
                                           {-7, 2, -4, -4, -3},
                                           {7, -2, -4, -4, -3},
                                           {-7, -2, 4, 3, 4},
                                           {4, 10, 0, 0, 1},
                                           {-5, 10, -1, -1, 0},
                                           {6, 3, 2, 2, 2}}) {
        CAPTURE(c.a);
        CAPTURE(c.b);
        CHECK(d::divide_half_away(c.a, c.b) == c.half_away);
        CHECK(d::divide_floor(c.a, c.b) == c.floor);
        CHECK(d::divide_ceil(c.a, c.b) == c.ceil);
    }
    CHECK_THROWS_AS((void)d::divide_half_away(1, 0), std::invalid_argument);
}

TEST_CASE("domain/wide narrow: the one overflow refusal names the figure, its unit and its kind") {
    CHECK(d::narrow(d::Wide(kMax)) == kMax);
    auto plain = error_from([] { (void)d::narrow(d::Wide(kMax) + 1); });
    REQUIRE(plain.has_value());
    CHECK(plain->kind() == slash::ErrorKind::Failure);
    CHECK(std::string(plain->what()) ==
          "the amount is out of range (over 19 digits in minor units)");
    auto named = error_from([] {
        (void)d::narrow(
            -d::Wide(kMax) - 2,
            {.what = "a workload figure", .unit = "seconds", .kind = slash::ErrorKind::Usage});
    });
    REQUIRE(named.has_value());
    CHECK(named->kind() == slash::ErrorKind::Usage);
    CHECK(std::string(named->what()) ==
          "a workload figure is out of range (over 19 digits in seconds)");
    auto product = error_from([] { (void)d::multiply(d::Wide(kMax) * kMax, kMax); });
    REQUIRE(product.has_value());
    CHECK(std::string(product->what()) ==
          "the amount is out of range (over 19 digits in minor units)");
}
