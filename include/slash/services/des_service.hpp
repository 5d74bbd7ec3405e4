#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/time_grammar.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// One row of the DES: an EU business client's VAT id and what it owes in the month.
struct DesRow {
    std::string vat_id;   ///< the buyer's VAT id as frozen on the invoices, without spaces
    std::string country;  ///< the buyer's country
    std::string client;   ///< client handle
    std::vector<std::string> invoices;  ///< numbers of the invoices and credit notes counted
    std::int64_t amount_minor = 0;      ///< net of the reverse-charge lines, credit notes subtracted
    std::string currency = "EUR";
};

/// `slash des [MONTH]`: the déclaration européenne de services of a month (docs/contract.md §4).
struct DesStatement {
    std::string month;  ///< YYYY-MM
    /// In EUR, one row per buyer VAT id, by VAT id.
    std::vector<DesRow> rows;
    std::int64_t total_minor = 0;
    /// Invoices in another currency, one row each: the DES wants euros, which slash does not
    /// convert.
    std::vector<DesRow> foreign;
};

/// Counts the reverse-charge (EN 16931 AE) lines of issued invoices whose service period ends
/// in the month: the VAT of such services becomes chargeable when they are performed (CGI
/// art. 269-2 a), not when they are invoiced. A credit note subtracts in the month of the
/// invoice it cancels.
class DesService {
public:
    DesService(storage::Database& db, const domain::TimeContext& time) : db_(db), time_(time) {}

    /// MONTH as YYYY-MM, month or lastmonth (default lastmonth); Usage otherwise.
    [[nodiscard]] DesStatement statement(const std::optional<std::string>& month);

private:
    storage::Database& db_;
    domain::TimeContext time_;
};

}  // namespace slash::services
