#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/invoice.hpp"
#include "slash/domain/time_grammar.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// The nature of the receipts in the livre des recettes for an [urssaf] activity:
/// "prestations de services (BNC)", "prestations de services (BIC)" or "ventes de
/// marchandises (BIC)". A French legal journal: French labels only.
[[nodiscard]] std::string receipt_nature(std::string_view activity);

/// One line of the receipts journal: a payment, who made it and what it is worth in euros.
struct Receipt {
    domain::Payment payment;
    std::string client_name;
    /// What was sold: the activities of the invoice's missions (or of the receipt itself,
    /// else [urssaf] activity), each by receipt_nature, joined with " + " when mixed.
    std::string nature;
    /// The euros received: the amount of a payment in EUR, its --eur amount otherwise;
    /// nullopt for a payment in another currency recorded without it.
    std::optional<std::int64_t> eur_minor;
};

/// `slash receipts [YEAR]`: the livre des recettes of a micro-entrepreneur.
struct ReceiptsJournal {
    int year = 0;
    /// Every payment received in the year, by date then id.
    std::vector<Receipt> receipts;
    /// The sum of the known EUR amounts, in cents.
    std::int64_t eur_total_minor = 0;
    /// Payments in another currency without their EUR amount (left out of the total).
    std::int64_t missing_eur = 0;
};

/// One row of `slash revenue`: a month ("2026-01") or a client (its handle), in EUR cents.
struct RevenueRow {
    std::string key;
    std::string name;                  ///< the client's name (by client); empty by month
    std::int64_t invoiced_minor = 0;   ///< invoices issued minus credit notes issued
    std::int64_t collected_minor = 0;  ///< EUR received (payments with their EUR amount)
    std::int64_t outstanding_minor = 0;
    std::int64_t overdue_minor = 0;
};

/// `slash revenue [YEAR] [--by month|client]`.
struct RevenueQuery {
    std::optional<std::string> year;  ///< four digits; default the current year
    std::string by = "month";         ///< month | client
};

struct Revenue {
    int year = 0;
    bool by_client = false;
    /// By month: twelve rows, January to December, future months all zero. By client: the
    /// clients with an invoice, credit note or payment in the year or money outstanding at
    /// its cut-off, by handle.
    std::vector<RevenueRow> rows;
    /// Invoiced and collected summed over the rows; outstanding and overdue as of the last
    /// month that is not in the future (zero for a year in the future).
    RevenueRow total;
    /// Invoices and credit notes in another currency issued in the year: left out.
    std::int64_t foreign_invoices = 0;
    /// Payments in another currency received in the year without their EUR amount.
    std::int64_t missing_eur = 0;
};

/// The books of the year, read-only: the receipts journal and the revenue report. Each
/// reads the stores in a few queries (never one per row) and computes in memory. Only EUR
/// counts: an invoice in another currency is left out of the EUR columns (and counted), a
/// payment in another currency counts by the EUR received (`--eur`) when it was given.
class BooksService {
public:
    BooksService(storage::Database& db, const config::Config& config, const domain::TimeContext& time)
        : db_(db), config_(config), time_(time) {}

    /// YEAR must be four digits (Usage otherwise); default the current local year.
    [[nodiscard]] ReceiptsJournal receipts(const std::optional<std::string>& year);
    /// Usage for a YEAR that is not four digits or a --by other than month or client.
    ///
    /// Definitions, at a cut-off date C (the last day of a past month, today for the
    /// current month; for a client row, today in the current year, Dec 31 of a past year):
    /// - invoiced: gross totals of EUR invoices issued in the month (or year), minus those
    ///   of EUR credit notes issued then;
    /// - collected: EUR of the payments received then, with or without an invoice;
    /// - outstanding: for each EUR invoice issued by C and not cancelled by a credit note
    ///   dated by C, its total minus its payments dated by C (never below zero);
    /// - overdue: the part of outstanding whose due date is by C for a past month (the
    ///   invoice was late when the month ended), before today for the current one (what
    ///   `invoice list --overdue` shows).
    [[nodiscard]] Revenue revenue(const RevenueQuery& query);

private:
    storage::Database& db_;
    const config::Config& config_;
    domain::TimeContext time_;
};

}  // namespace slash::services
