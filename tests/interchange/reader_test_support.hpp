#pragma once

// What the reader tests share: read a whole text with a reader, or the error it refuses it
// with, and for the formats of wall-clock times, both in Europe/Paris.

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/interchange/entry_reader.hpp"
#include "support/eu_zone.hpp"

namespace slash::testing {

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

/// A file of wall-clock times (Toggl's, Clockify's) named `name`, read in Europe/Paris as
/// the account's zone: the EU's rules (support/eu_zone.hpp) give the tests a spring gap and
/// an autumn fold. `day_first` is Clockify's --day-first.
struct ParisFile {
    interchange::SourceFormat format;
    std::string name;

    [[nodiscard]] std::vector<interchange::SourceEntry> read(const std::string& text,
                                                             bool day_first = false) const {
        return read_all(format, text, name, options(day_first));
    }
    [[nodiscard]] std::string error_of(const std::string& text, bool day_first = false) const {
        return read_error(format, text, name, options(day_first));
    }

  private:
    static interchange::ReaderOptions options(bool day_first) {
        static const EuZone paris;
        return {&paris, day_first};
    }
};

}  // namespace slash::testing
