#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "slash/domain/time_grammar.hpp"
#include "slash/interchange/entry_writer.hpp"

namespace slash::storage {
class Database;
}

namespace slash::services {

/// `slash export [PERIOD] [--client C] [--mission C/M]`, as typed.
struct ExportRequest {
    /// Entries starting in this PERIOD; nullopt: the whole history.
    std::optional<std::string> period;
    std::optional<std::string> client;
    std::optional<std::string> mission;
};

/// The entries an export writes, resolved: the request with its names and period checked.
struct ExportSelection {
    std::int64_t from = 0, to = 0;
    std::optional<std::int64_t> client_id;
    std::optional<std::int64_t> mission_id;
};

/// Streams entries, by start, into a writer: one row in memory at a time, whatever the
/// history size. Two steps, so that a bad period or an unknown name is refused before the
/// writer has written its first byte (a CSV header, a VCALENDAR line).
class ExportService {
public:
    ExportService(storage::Database& db, const domain::TimeContext& context) : db_(db), context_(context) {}
    /// Throws Usage for a bad PERIOD, NotFound for an unknown client or mission.
    [[nodiscard]] ExportSelection select(const ExportRequest& request);
    /// Writes the selected entries and finishes the writer; returns how many were written.
    /// `on_progress`, when given, hears the count every kProgressEvery entries (the CLI's
    /// progress line and Ctrl-C: it may throw to stop the export).
    std::int64_t write(const ExportSelection& selection, interchange::EntryWriter& writer,
                       const std::function<void(std::int64_t written)>& on_progress = {});
    static constexpr std::int64_t kProgressEvery = 1024;

private:
    storage::Database& db_;
    const domain::TimeContext& context_;
};

}  // namespace slash::services
