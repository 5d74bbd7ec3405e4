#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/time_grammar.hpp"
#include "slash/interchange/entry_reader.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// `slash import FORMAT FILE|-`, as typed.
struct ImportRequest {
    interchange::SourceFormat format = interchange::SourceFormat::Csv;
    std::istream* input = nullptr;
    /// Names the input in messages: the path as typed, or "stdin".
    std::string source_name;
    /// --mission CLIENT/MISSION: every entry goes there.
    std::optional<std::string> mission;
    /// --map NAME=CLIENT/MISSION, as typed, in order.
    std::vector<std::string> maps;
    /// --create: missing clients and missions named by the source are created.
    bool create = false;
    bool dry_run = false;
    /// --skip-refused: write the acceptable entries even when others are refused.
    bool skip_refused = false;
    /// --day-first: Clockify dates are DD/MM/YYYY.
    bool day_first = false;
    /// --allow-future: entries ending after now are accepted, as `log --allow-future` does.
    bool allow_future = false;
    /// Called with the number of entries read every kProgressEvery entries and once more
    /// before anything is written; it may throw to stop the import, which then writes
    /// nothing (the CLI's progress line and Ctrl-C).
    std::function<void(std::int64_t entries_read)> on_progress;
    static constexpr std::int64_t kProgressEvery = 1024;
};

/// An entry the import would not take, and why.
struct ImportRefusal {
    std::string where;  ///< "timew.json entry 3 (line 5)"
    std::string reason;
};

struct ImportResult {
    std::int64_t read = 0;        ///< entries in the file
    std::int64_t added = 0;       ///< new entries (would be, with --dry-run or refusals)
    std::int64_t added_seconds = 0;
    std::int64_t duplicates = 0;  ///< uids already in the database: skipped
    std::int64_t refused = 0;
    /// The first refusals, in file order (at most kShownRefusals; `refused` counts all).
    std::vector<ImportRefusal> refusals;
    /// "client acme-corp", "mission acme-corp/website": what --create made, in order.
    std::vector<std::string> created;
    /// True when the entries were written: not a dry run, and no refusal or --skip-refused.
    bool written = false;
    static constexpr std::size_t kShownRefusals = 20;
};

/// Imports entries from another tracker's export or slash's own: one write transaction
/// (all or nothing), idempotent through each entry's uid, constant memory apart from the
/// names it maps. Errors in the file itself (syntax, dates, a uid twice) throw Usage with
/// the file and line; names mapped to no mission throw Usage listing them with counts.
class ImportService {
public:
    ImportService(storage::Database& db, const domain::TimeContext& context) : db_(db), context_(context) {}
    ImportResult import(const ImportRequest& request);

private:
    storage::Database& db_;
    const domain::TimeContext& context_;
};

}  // namespace slash::services
