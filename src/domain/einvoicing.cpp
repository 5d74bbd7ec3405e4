#include "slash/domain/einvoicing.hpp"

namespace slash::domain {

std::string_view status_advice(std::string_view code) {
    // XP Z12-014 UC2 (Rejetée) and UC3 (Refusée): the invoice is dead for the tax
    // administration; the seller cancels it with a credit note and issues a new one.
    if (code == "213" || code == "210") {
        return "cancel it with a credit note (slash invoice credit) and issue a new invoice";
    }
    if (code == "207") return "the buyer disputes it: answer them, then credit or confirm it";
    return {};
}

}  // namespace slash::domain
