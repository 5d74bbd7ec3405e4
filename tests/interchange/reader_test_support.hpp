#pragma once

// What the reader tests share: read a whole text with a reader, or the error it refuses it
// with, and a zone with the EU's daylight-saving rules.

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/interchange/entry_reader.hpp"

namespace slash::testing {

/// Europe/Paris since 1996: UTC+1, and UTC+2 from the last Sunday of March 01:00 UTC to the
/// last Sunday of October 01:00 UTC. Local 02:00-03:00 on the spring day does not exist.
class EuZone final : public domain::TimeZone {
  public:
    [[nodiscard]] std::int64_t offset_at(std::int64_t utc) const override {
        const std::int64_t days = utc >= 0 ? utc / 86400 : (utc - 86399) / 86400;
        const int year = domain::civil_from_days(days).year;
        return utc >= last_sunday_0100(year, 3) && utc < last_sunday_0100(year, 10) ? 7200 : 3600;
    }
    [[nodiscard]] std::vector<std::int64_t> instants_of(
        const domain::LocalDateTime& local) const override {
        std::vector<std::int64_t> instants;
        const std::int64_t naive = domain::local_seconds(local);
        for (const std::int64_t offset : {7200, 3600}) {
            if (offset_at(naive - offset) == offset) instants.push_back(naive - offset);
        }
        return instants;
    }
    [[nodiscard]] std::string name() const override { return "Europe/Paris"; }

  private:
    static std::int64_t last_sunday_0100(int year, int month) {
        const domain::CivilDate last = domain::add_days(domain::CivilDate{year, month + 1, 1}, -1);
        return (domain::days_from_civil(last) - (domain::weekday(last) + 1) % 7) * 86400 + 3600;
    }
};

inline std::int64_t utc(const char* iso) {
    return domain::parse_iso_instant(iso).value();
}

/// Every entry `format` reads from `text`.
inline std::vector<interchange::SourceEntry> read_all(
    interchange::SourceFormat format, const std::string& text, const std::string& name = "in",
    const interchange::ReaderOptions& options = {}) {
    std::istringstream in(text);
    auto reader = interchange::open_reader(format, in, name, options);
    std::vector<interchange::SourceEntry> entries;
    while (auto entry = reader->next()) entries.push_back(std::move(*entry));
    return entries;
}

/// The message of the usage error reading `text` ends with; "no error" when it reads, and
/// the kind when it is not a usage error, so that a CHECK shows what went wrong.
inline std::string read_error(interchange::SourceFormat format, const std::string& text,
                              const std::string& name = "in",
                              const interchange::ReaderOptions& options = {}) {
    try {
        (void)read_all(format, text, name, options);
    } catch (const Error& error) {
        if (error.kind() != ErrorKind::Usage)
            return "not a usage error: " + std::string(error.what());
        return error.what();
    }
    return "no error";
}

}  // namespace slash::testing
