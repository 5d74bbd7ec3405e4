#include "slash/domain/payment_method.hpp"

#include "slash/domain/enum_text.hpp"

namespace slash::domain {

namespace {

constexpr PaymentMethod kMethods[] = {PaymentMethod::Transfer, PaymentMethod::Card,
                                      PaymentMethod::Cash, PaymentMethod::Check,
                                      PaymentMethod::Platform};

}  // namespace

std::span<const PaymentMethod> payment_methods() {
    return kMethods;
}

std::string_view to_text(PaymentMethod method) {
    switch (method) {
        case PaymentMethod::Transfer:
            return "transfer";
        case PaymentMethod::Card:
            return "card";
        case PaymentMethod::Cash:
            return "cash";
        case PaymentMethod::Check:
            return "check";
        case PaymentMethod::Platform:
            return "platform";
    }
    return "transfer";  // not reached: every method is named above
}

std::optional<PaymentMethod> payment_method_from_text(std::string_view text) {
    return enum_from_text<PaymentMethod>(text, kMethods);
}

std::string payment_method_list(std::string_view last) {
    std::string text;
    for (std::size_t i = 0; i < std::size(kMethods); ++i) {
        if (i > 0) text += i + 1 == std::size(kMethods) ? last : std::string_view(", ");
        text += to_text(kMethods[i]);
    }
    return text;
}

}  // namespace slash::domain
