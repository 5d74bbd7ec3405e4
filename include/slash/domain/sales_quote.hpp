#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// A quote (devis, issue 19): a priced offer to a client. A draft gets lines; issuing
/// numbers it in its own gapless series and freezes it; the client then accepts it (slash
/// creates the missions it priced) or declines it, once. ("quote.hpp" is the text-quoting
/// helper, hence the name.)
namespace slash::domain {

struct QuoteLine {
    std::int64_t id = 0;
    std::int64_t position = 0;  ///< 1-based order on the quote
    std::string description;
    std::int64_t quantity_milli = 0;  ///< quantity × 1000
    std::string unit_code;            ///< HUR, DAY or C62, as on invoices
    std::int64_t unit_price_minor = 0;
    std::int64_t net_minor = 0;
    std::string vat_category;  ///< S, E, AE or G
    std::int64_t vat_rate_milli = 0;
};

struct SalesQuote {
    std::int64_t id = 0;
    std::string status = "draft";  ///< draft | issued | accepted | declined
    std::int64_t client_id = 0;
    std::string client_handle;  ///< filled by reads
    std::string client_name;    ///< filled by reads
    std::optional<std::string> number;
    std::optional<std::string> series;
    std::optional<std::int64_t> seq;
    std::string issue_date;   ///< YYYY-MM-DD, empty for a draft
    std::string valid_until;  ///< YYYY-MM-DD; a draft may carry the one --valid-until gave
    std::string title;
    std::string currency = "EUR";
    std::string language = "fr";
    std::int64_t net_minor = 0;
    std::int64_t vat_minor = 0;
    std::int64_t gross_minor = 0;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> issued_at;
    std::optional<std::int64_t> accepted_at;
    std::optional<std::int64_t> declined_at;
    std::vector<QuoteLine> lines;

    /// Its number once issued, else "draft N".
    [[nodiscard]] std::string label() const { return number ? *number : "draft " + std::to_string(id); }

    /// What listings show: the status, or "expired" for an issued quote whose validity
    /// ended before `today` (YYYY-MM-DD): it can no longer be accepted.
    [[nodiscard]] std::string display_status(const std::string& today) const {
        if (status == "issued" && !valid_until.empty() && valid_until < today) return "expired";
        return status;
    }
};

}  // namespace slash::domain
