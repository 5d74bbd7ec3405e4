#pragma once

#include <optional>
#include <string_view>

/// What a numbered document is: an invoice, or a credit note cancelling one (docs/contract.md
/// §5). Parsed once by the storage codec and handled with `switch` elsewhere.
namespace slash::domain {

enum class InvoiceKind { Invoice, Credit };

/// "invoice" or "credit": the stored text, the numbering series' key and every output.
[[nodiscard]] std::string_view to_text(InvoiceKind kind);

/// The kind a text names exactly, nullopt for any other text.
[[nodiscard]] std::optional<InvoiceKind> invoice_kind_from_text(std::string_view text);

}  // namespace slash::domain
