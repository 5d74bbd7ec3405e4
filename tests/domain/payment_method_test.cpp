#include "slash/domain/payment_method.hpp"

#include <doctest/doctest.h>

#include <string>

namespace d = slash::domain;

TEST_CASE("domain/payment_method: one list, each stored text reads back, others do not") {
    CHECK(d::payment_methods().size() == 5);
    for (d::PaymentMethod method : d::payment_methods()) {
        CAPTURE(std::string(d::to_text(method)));
        CHECK(d::payment_method_from_text(d::to_text(method)) == method);
    }
    CHECK(d::payment_method_from_text("Transfer") == std::nullopt);
    CHECK(d::payment_method_from_text("bitcoin") == std::nullopt);
    CHECK(d::payment_method_list(" or ") == "transfer, card, cash, check or platform");
    CHECK(d::payment_method_list(", ") == "transfer, card, cash, check, platform");
}
