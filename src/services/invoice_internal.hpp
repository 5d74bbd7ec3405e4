#pragma once

// Services-internal: what the invoice use cases share (src/services/invoice_*.cpp).

#include <string>
#include <string_view>

#include "slash/config/config.hpp"
#include "slash/domain/billing.hpp"
#include "slash/domain/client.hpp"
#include "slash/domain/invoice.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/mission.hpp"
#include "slash/storage/invoice_store.hpp"

namespace slash::services::invoicing {

/// The VAT of a line: the regime (mission, else client, else [tax] regime) and what it
/// means in EN 16931 terms.
struct VatChoice {
    std::string regime;
    domain::TaxLine tax;
};

/// The regime and rate for work of `mission` (nullptr: a line added by hand) for `client`.
[[nodiscard]] VatChoice vat_for(const config::Config& config, const domain::Client& client,
                                const domain::Mission* mission);

/// [time] rules with the client's rounding overrides.
[[nodiscard]] domain::BillingRules rules_for(const config::Config& config, const domain::Client& client);

/// The invoice language of a client: its own, else [invoice] language.
[[nodiscard]] std::string language_for(const config::Config& config, const domain::Client& client);

/// Line nets and invoice totals recomputed from the lines (EN 16931).
void recompute_totals(domain::Invoice& invoice);

/// REF as typed: an invoice number first, else an id ("12" or "#12"). NotFound otherwise.
[[nodiscard]] domain::Invoice get_invoice(storage::InvoiceStore& store, std::string_view ref);

/// Conflict unless `invoice` is a draft: issued invoices never change.
void require_draft(const domain::Invoice& invoice);

/// "novembre 2026" / "November 2026" for a whole month, else "du 03/11/2026 au 17/11/2026" /
/// "2026-11-03 to 2026-11-17".
[[nodiscard]] std::string period_text(std::string_view from, std::string_view to, std::string_view language);

}  // namespace slash::services::invoicing
