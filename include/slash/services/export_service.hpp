#pragma once

#include <cstdint>
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

/// Streams entries, by start, into a writer: one row in memory at a time, whatever the
/// history size. Returns how many were written.
class ExportService {
public:
    ExportService(storage::Database& db, const domain::TimeContext& context) : db_(db), context_(context) {}
    std::int64_t write(const ExportRequest& request, interchange::EntryWriter& writer);

private:
    storage::Database& db_;
    const domain::TimeContext& context_;
};

}  // namespace slash::services
