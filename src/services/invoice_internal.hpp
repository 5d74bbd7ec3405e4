#pragma once

// Services-internal: what the invoice use cases share (src/services/invoice_*.cpp).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/billing.hpp"
#include "slash/domain/client.hpp"
#include "slash/domain/invoice.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/mission.hpp"
#include "slash/domain/place_of_supply.hpp"
#include "slash/domain/time_grammar.hpp"
#include "slash/storage/invoice_store.hpp"

namespace slash::services::invoicing {

/// The VAT of a line: the regime (mission, else client, else the place of supply from
/// [tax] regime and the client's country and kind), why, and what it means in EN 16931 terms.
struct VatChoice {
    std::string regime;
    domain::VatDecision decision;
    domain::TaxLine tax;
};

/// The regime and rate for work of `mission` (nullptr: a line added by hand) for `client`.
[[nodiscard]] VatChoice vat_for(const config::Config& config, const domain::Client& client,
                                const domain::Mission* mission);

/// An amount as typed for `flag` in minor units of `currency`; Usage naming the flag otherwise.
[[nodiscard]] std::int64_t parse_money(std::string_view text, std::string_view flag, const std::string& currency);

/// A --quantity: a positive decimal with at most 3 decimals, in thousandths ("1.5" -> 1500).
[[nodiscard]] std::int64_t parse_quantity(std::string_view text);

/// A --unit as typed (hour, day, unit) as its UN/ECE code (HUR, DAY, C62).
[[nodiscard]] std::string unit_code_of(std::string_view text);

/// The VAT sentence of a document with these lines under `regime` (franchise, reverse
/// charge, export), in `language`: the config's franchise text, else the defaults.
[[nodiscard]] std::string vat_mention(const std::vector<domain::InvoiceLine>& lines, std::string_view regime,
                                      std::string_view language, const config::Config& config);

/// [time] rules with the client's rounding overrides.
[[nodiscard]] domain::BillingRules rules_for(const config::Config& config, const domain::Client& client);

/// The invoice language of a client: its own, else [invoice] language.
[[nodiscard]] std::string language_for(const config::Config& config, const domain::Client& client);

/// Every mission an invoice may bill, of one client or all: done ones and those of archived
/// clients included, ordered by address.
[[nodiscard]] std::vector<domain::Mission> billable_missions(storage::Database& db,
                                                             std::optional<std::int64_t> client_id);

/// Line nets and invoice totals recomputed from the lines (EN 16931).
void recompute_totals(domain::Invoice& invoice);

/// REF as typed: "#12" is the invoice of id 12; otherwise an invoice number first, else an
/// id; with `draft_first` (the verbs that only take drafts) an id naming a draft wins over a
/// number that looks the same. NotFound otherwise.
[[nodiscard]] domain::Invoice get_invoice(storage::InvoiceStore& store, std::string_view ref,
                                          bool draft_first = false);

/// Conflict unless `invoice` is a draft: issued invoices never change.
void require_draft(const domain::Invoice& invoice);

/// The date a payment was received: --on or today, never in the future (payments are what
/// the URSSAF declaration counts). Throws Usage naming the value.
[[nodiscard]] std::string payment_date(const std::optional<std::string>& on, const domain::TimeContext& time);

/// "novembre 2026" / "November 2026" for a whole month, else "du 03/11/2026 au 17/11/2026" /
/// "2026-11-03 to 2026-11-17".
[[nodiscard]] std::string period_text(std::string_view from, std::string_view to, std::string_view language);

/// The issued deposits on a fixed-price mission that no invoice deducts yet: what its final
/// invoice deducts. Conflict when a deposit of it is still a draft.
[[nodiscard]] std::vector<domain::DepositDeduction> deposits_to_deduct(storage::InvoiceStore& store,
                                                                       const domain::Mission& mission);

/// At issue: a deposit's mission still unbilled; a final invoice's deposits still issued
/// (not cancelled since the draft) and no more than its total.
void check_deposits_at_issue(storage::Database& db, storage::InvoiceStore& store, const domain::Invoice& invoice);

/// A deposit that an invoice deducts is credited only once that invoice is.
void check_deposit_credit(storage::InvoiceStore& store, const domain::Invoice& original);

}  // namespace slash::services::invoicing
