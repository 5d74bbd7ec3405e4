#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

/// How money was received (docs/contract.md §5). Parsed once where text enters (`--method`,
/// the storage codec) and handled with `switch` elsewhere, so that -Wswitch names every
/// place a new method must be handled.
namespace slash::domain {

enum class PaymentMethod { Transfer, Card, Cash, Check, Platform };

/// Every method, in the order help and completion list them.
[[nodiscard]] std::span<const PaymentMethod> payment_methods();

/// "transfer", "card", "cash", "check" or "platform": the stored text and every output.
[[nodiscard]] std::string_view to_text(PaymentMethod method);

/// The method a text names exactly, nullopt for any other text.
[[nodiscard]] std::optional<PaymentMethod> payment_method_from_text(std::string_view text);

/// The names joined with ", " and `last` before the final one: "transfer, card, cash, check
/// or platform" with " or ", for help texts and refusals.
[[nodiscard]] std::string payment_method_list(std::string_view last);

}  // namespace slash::domain
