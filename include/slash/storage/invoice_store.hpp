#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/domain/entry.hpp"
#include "slash/domain/invoice.hpp"

namespace slash::storage {

class Database;

/// Which invoices a listing wants (all of them by default).
struct InvoiceFilter {
    std::optional<std::int64_t> client_id;
    /// Issue year; a draft counts in the year its period starts.
    std::optional<int> year;
};

/// A deposit invoice of a fixed-price mission (not cancelled), and the invoice that deducts
/// it, if any (a draft or an issued final invoice; a cancelled one frees it).
struct MissionDeposit {
    std::int64_t id = 0;
    bool draft = false;
    std::string number;      ///< empty for a draft
    std::string issue_date;  ///< empty for a draft
    std::int64_t net_minor = 0;
    std::int64_t gross_minor = 0;
    std::string deducted_by;  ///< the deducting invoice's number; empty when a draft deducts it, or none
    std::optional<std::int64_t> deducted_by_id;
};

/// Invoices, their lines and the entries they reserve. Reads fill client_handle,
/// paid_minor, the credited invoice's number and date and the cancelling credit note.
/// Writes expect the caller's transaction; the schema's triggers refuse any change to an
/// issued invoice, so a bug here cannot rewrite history either.
class InvoiceStore {
public:
    explicit InvoiceStore(Database& db) : db_(db) {}

    /// With its lines.
    [[nodiscard]] std::optional<domain::Invoice> find(std::int64_t id);
    [[nodiscard]] std::optional<domain::Invoice> find_by_number(std::string_view number);
    /// Without lines, frozen identities (but the buyer's kind) and legal texts; ordered by
    /// issue date then number, drafts last by id.
    [[nodiscard]] std::vector<domain::Invoice> list(const InvoiceFilter& filter);
    /// The same invoices one at a time (the visitor may take what it is given).
    void each(const InvoiceFilter& filter, const std::function<void(domain::Invoice&)>& visit);

    /// Inserts a draft and its lines (positions renumbered from 1); returns its id.
    std::int64_t insert_draft(const domain::Invoice& invoice);
    /// Replaces the lines and totals of a draft.
    void update_draft(const domain::Invoice& invoice);
    /// Writes the VAT and net of each line of a draft (by line id), as the draft is issued.
    void update_line_taxes(const domain::Invoice& invoice);
    /// Turns a draft into an issued invoice: number, series, seq, dates, snapshots, texts and
    /// totals from `invoice`, in one UPDATE.
    void issue(const domain::Invoice& invoice);
    /// An issued invoice cancelled by a credit note: its status, and its entries freed.
    void cancel(std::int64_t id, std::int64_t now);
    /// Deletes a draft; the schema frees its entries.
    void remove_draft(std::int64_t id);

    /// Marks entries as billed by the invoice (a draft reserves them).
    void reserve_entries(std::int64_t invoice_id, const std::vector<std::int64_t>& entry_ids);
    /// Frees entries of a draft (a line removed): they are unbilled again.
    void release_entries(const std::vector<std::int64_t>& entry_ids);

    /// The highest sequence number of a series, 0 when none.
    [[nodiscard]] std::int64_t last_seq(std::string_view series);
    /// The numbered invoice (or credit note, per `kind`) with the latest issue date, then the
    /// highest number: the one a new number must come after.
    struct Latest {
        std::string number;
        std::string issue_date;
    };
    [[nodiscard]] std::optional<Latest> latest_issued(std::string_view kind);
    /// True when a line of an invoice that is not cancelled (nor a credit note) bills the
    /// mission: a fixed price is billed once.
    [[nodiscard]] bool mission_billed(std::int64_t mission_id);
    /// The deposit invoices of a mission that are not cancelled: issued ones by date, then
    /// drafts.
    [[nodiscard]] std::vector<MissionDeposit> deposits_of_mission(std::int64_t mission_id);

private:
    Database& db_;
};

}  // namespace slash::storage
