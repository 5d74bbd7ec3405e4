#pragma once

#include <cstdint>
#include <filesystem>
#include <utility>
#include <optional>
#include <string>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/sales_quote.hpp"
#include "slash/domain/time_grammar.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// `slash quote line add QUOTE DESCRIPTION --price P [--quantity Q] [--unit U]`.
struct QuoteLineRequest {
    std::string description;
    std::string price;
    std::optional<std::string> quantity;  ///< decimal, default 1
    std::optional<std::string> unit;      ///< hour, day or unit; default unit
};

/// A quote as `quote show` prints it: the VAT sentence of its lines (as on invoices).
struct QuoteDetails {
    domain::SalesQuote quote;
    std::string vat_mention;
    std::string today;  ///< for the expired status
};

/// Which quotes a verb acts on, for shell completion: only what it would accept.
enum class QuoteChoice {
    Drafts,  ///< line add, line rm, issue: draft ids
    Issued,  ///< accept, decline: numbers of quotes not answered yet
    Any,     ///< show: every number, then the draft ids
};

/// QUOTE candidates with a description ("quote for acme, 3850.00 EUR"); read-only, empty
/// when the database is absent or unreadable (completion never prints an error).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> completion_quotes(const std::filesystem::path& db_path,
                                                                                 QuoteChoice choice);

/// The quote (devis) use cases (slash-quote(1)).
class QuoteService {
public:
    QuoteService(storage::Database& db, const config::Config& config, const domain::TimeContext& time)
        : db_(db), config_(config), time_(time) {}

    /// A draft for CLIENT, in its currency and language; `valid_until` (DATE) fixes the
    /// validity now, otherwise it is set at issue from [quote] valid_days.
    domain::SalesQuote create(const std::string& client, const std::string& title,
                              const std::optional<std::string>& valid_until);
    domain::SalesQuote add_line(const std::string& ref, const QuoteLineRequest& request);
    domain::SalesQuote remove_line(const std::string& ref, std::int64_t position);
    /// Numbers the draft in the quote series of its issue date (gapless, in the caller's
    /// write transaction: two processes get consecutive numbers) and freezes it.
    domain::SalesQuote issue(const std::string& ref, const std::optional<std::string>& date);
    [[nodiscard]] QuoteDetails details(const std::string& ref);
    /// Every quote, or those whose display status is `status`.
    [[nodiscard]] std::vector<domain::SalesQuote> list(const std::optional<std::string>& status);
    domain::SalesQuote decline(const std::string& ref);
    /// Records the acceptance and creates one mission per line; returns their addresses.
    std::vector<std::string> accept(const std::string& ref);
    [[nodiscard]] std::string today() const;
    /// The number of the quote mission `mission_id` was made from, empty when none.
    [[nodiscard]] std::string quote_of_mission(std::int64_t mission_id);

private:
    storage::Database& db_;
    const config::Config& config_;
    const domain::TimeContext& time_;
};

}  // namespace slash::services
