#include "slash/domain/billing_mode.hpp"

#include <doctest/doctest.h>

#include <string>

namespace d = slash::domain;

TEST_CASE(
    "domain/billing_mode: each mode's stored text reads back as the mode, any other text as none "
    "of them") {
    for (d::BillingMode mode : {d::BillingMode::None, d::BillingMode::Hourly, d::BillingMode::Daily,
                                d::BillingMode::Unit, d::BillingMode::Fixed}) {
        CAPTURE(std::string(d::to_text(mode)));
        CHECK(d::billing_mode_from_text(d::to_text(mode)) == mode);
    }
    CHECK(d::to_text(d::BillingMode::Hourly) == "hourly");
    CHECK(d::to_text(d::BillingMode::None) == "none");
    CHECK(d::billing_mode_from_text("Hourly") == std::nullopt);
    CHECK(d::billing_mode_from_text("") == std::nullopt);
    CHECK(d::billing_mode_from_text("weekly") == std::nullopt);
}
