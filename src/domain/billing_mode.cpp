#include "slash/domain/billing_mode.hpp"

#include "slash/domain/enum_text.hpp"

namespace slash::domain {

namespace {

constexpr BillingMode kModes[] = {BillingMode::None, BillingMode::Hourly, BillingMode::Daily,
                                  BillingMode::Unit, BillingMode::Fixed};

}  // namespace

std::string_view to_text(BillingMode mode) {
    switch (mode) {
        case BillingMode::None:
            return "none";
        case BillingMode::Hourly:
            return "hourly";
        case BillingMode::Daily:
            return "daily";
        case BillingMode::Unit:
            return "unit";
        case BillingMode::Fixed:
            return "fixed";
    }
    return "none";  // not reached: every mode is named above
}

std::optional<BillingMode> billing_mode_from_text(std::string_view text) {
    return enum_from_text<BillingMode>(text, kModes);
}

}  // namespace slash::domain
