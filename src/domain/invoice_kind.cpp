#include "slash/domain/invoice_kind.hpp"

#include "slash/domain/enum_text.hpp"

namespace slash::domain {

std::string_view to_text(InvoiceKind kind) {
    switch (kind) {
        case InvoiceKind::Invoice: return "invoice";
        case InvoiceKind::Credit: return "credit";
    }
    return "invoice";  // not reached: every kind is named above
}

std::optional<InvoiceKind> invoice_kind_from_text(std::string_view text) {
    static constexpr InvoiceKind kKinds[] = {InvoiceKind::Invoice, InvoiceKind::Credit};
    return enum_from_text<InvoiceKind>(text, kKinds);
}

}  // namespace slash::domain
