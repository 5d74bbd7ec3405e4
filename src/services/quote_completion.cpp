#include "slash/domain/error.hpp"
#include "slash/domain/money.hpp"
#include "slash/services/quote_service.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/quote_store.hpp"

namespace slash::services {

std::vector<std::pair<std::string, std::string>> completion_quotes(const std::filesystem::path& db_path,
                                                                   QuoteChoice choice) {
    std::vector<std::pair<std::string, std::string>> result;
    auto db = storage::Database::open_read_only(db_path);
    if (!db) return result;
    try {
        std::vector<std::pair<std::string, std::string>> drafts;
        for (const auto& quote : storage::QuoteStore(*db).list()) {
            bool draft = quote.status == "draft";
            bool wanted = choice == QuoteChoice::Any || (choice == QuoteChoice::Drafts && draft) ||
                          (choice == QuoteChoice::Issued && quote.status == "issued");
            if (!wanted) continue;
            auto description = (draft ? "draft for " : "quote for ") + quote.client_handle + ", " +
                               domain::format_money(quote.gross_minor, quote.currency);
            (draft ? drafts : result).emplace_back(quote.label() == "draft " + std::to_string(quote.id)
                                                       ? std::to_string(quote.id)
                                                       : quote.label(),
                                                   description);
        }
        result.insert(result.end(), drafts.begin(), drafts.end());
    } catch (const Error&) {
        result.clear();
    }
    return result;
}

}  // namespace slash::services
