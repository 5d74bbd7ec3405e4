#include "slash/domain/invoice_kind.hpp"

namespace slash::domain {

std::string_view to_text(InvoiceKind kind) {
    switch (kind) {
        case InvoiceKind::Invoice: return "invoice";
        case InvoiceKind::Credit: return "credit";
    }
    return "invoice";  // not reached: every kind is named above
}

std::optional<InvoiceKind> invoice_kind_from_text(std::string_view text) {
    for (InvoiceKind kind : {InvoiceKind::Invoice, InvoiceKind::Credit}) {
        if (to_text(kind) == text) return kind;
    }
    return std::nullopt;
}

}  // namespace slash::domain
