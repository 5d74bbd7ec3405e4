#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace slash::services {

/// Which invoices a verb can act on, for shell completion: only what the verb would accept,
/// so that Tab never offers a REF the command refuses.
enum class InvoiceChoice {
    Drafts,      ///< issue, rm, line add, line rm: draft ids
    Any,         ///< show: every number (invoices and credit notes), then the draft ids
    Payable,     ///< pay: numbers of issued invoices with something still due
    Creditable,  ///< credit: numbers of issued invoices not cancelled yet
    Invoices,    ///< payment list --invoice: numbers of invoices (credit notes are never paid)
    Issued,      ///< send, status: every number, invoices and credit notes
};

/// REF candidates: a number or a draft id, then a description ("draft for acme, 780.00 EUR",
/// "invoice for acme, 2026-11-20, 1573.75 EUR, 1073.75 EUR due"). Numbers come in issue
/// order, drafts after them by id. Read like completion_missions, never writing; empty when
/// the database is absent or unreadable.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> completion_invoices(
    const std::filesystem::path& db_path, InvoiceChoice choice);

/// Payment ids for `payment rm`, newest first, described as "2026-11-25 acme 500.00 EUR
/// 2026-0001"; read the same way.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> completion_payments(
    const std::filesystem::path& db_path, std::size_t limit = 20);

}  // namespace slash::services
