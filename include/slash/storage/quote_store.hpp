#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/domain/sales_quote.hpp"

namespace slash::storage {

class Database;

/// Quotes and their lines (migration 8). Writes expect the caller's transaction.
class QuoteStore {
public:
    explicit QuoteStore(Database& db) : db_(db) {}

    std::int64_t insert(const domain::SalesQuote& quote);
    /// With its lines and client, nullopt when no quote has this id / number.
    [[nodiscard]] std::optional<domain::SalesQuote> find(std::int64_t id);
    [[nodiscard]] std::optional<domain::SalesQuote> find_number(std::string_view number);
    /// Every quote with its lines, oldest first.
    [[nodiscard]] std::vector<domain::SalesQuote> list();
    /// Replaces a draft's lines (positions renumbered from 1) and its totals.
    void update_draft(const domain::SalesQuote& quote);
    /// Writes number, series, seq, dates and totals in one UPDATE (the triggers check the order).
    void issue(const domain::SalesQuote& quote);
    /// issued -> accepted | declined, with the time.
    void set_outcome(std::int64_t id, std::string_view status, std::int64_t at);
    [[nodiscard]] std::int64_t last_seq(std::string_view series);
    /// The number of the quote a mission was made from, empty when none.
    [[nodiscard]] std::string number_of_mission(std::int64_t mission_id);
    /// Marks a mission as made from a quote (missions.quote_id).
    void set_mission_quote(std::int64_t mission_id, std::int64_t quote_id);

private:
    Database& db_;
};

}  // namespace slash::storage
