#pragma once

// What the six import fuzz targets share (one target per format of `slash import`): read
// the whole input with the format's reader and check each entry it returns.
//
// Properties, for every input:
// - nothing but slash::Error of kind Usage escapes the reader, from open_reader or next();
// - every entry has a non-empty uid and a `where` of "line N" or "entry N";
// - end > start when there is an end; units, when set, are more than 0;
// - every string (uid, client, project, tags, note) is valid UTF-8 without control
//   characters (C0, DEL, C1) or surrounding spaces, and no tag is empty;
// - reading stops: each entry takes at least one byte of input, so there are never more
//   entries than bytes (an endless reader fails here instead of timing out).

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/text.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/interchange/entry_reader.hpp"

namespace slash::fuzz {

/// The EU rules (Europe/Paris since 1996), so that Toggl's and Clockify's wall-clock times
/// meet the spring gap and the autumn fold: UTC+1, and UTC+2 from the last Sunday of March
/// 01:00 UTC to the last Sunday of October 01:00 UTC.
class ImportFuzzZone final : public domain::TimeZone {
  public:
    [[nodiscard]] std::int64_t offset_at(std::int64_t utc) const override {
        const std::int64_t days = utc / 86400 - (utc % 86400 < 0 ? 1 : 0);
        const int year = domain::civil_from_days(days).year;
        return utc >= last_sunday_0100(year, 3) && utc < last_sunday_0100(year, 10) ? 7200 : 3600;
    }
    [[nodiscard]] std::vector<std::int64_t> instants_of(
        const domain::LocalDateTime& local) const override {
        std::vector<std::int64_t> instants;
        const std::int64_t naive = domain::local_seconds(local);
        for (const std::int64_t offset : {7200, 3600}) {  // the earlier instant first
            if (offset_at(naive - offset) == offset) instants.push_back(naive - offset);
        }
        return instants;
    }
    [[nodiscard]] std::string name() const override { return "Fuzz/EU"; }

  private:
    static std::int64_t last_sunday_0100(int year, int month) {
        const domain::CivilDate last = domain::add_days(domain::CivilDate{year, month + 1, 1}, -1);
        return (domain::days_from_civil(last) - (domain::weekday(last) + 1) % 7) * 86400 + 3600;
    }
};

/// One line of printable UTF-8, trimmed: what every text of a SourceEntry must be.
inline void check_text(std::string_view text, std::string_view what, std::string_view input) {
    const std::string name(what);
    require(domain::is_valid_utf8(text), name + " is valid UTF-8", input, text);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool c1 =
            byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0;
        require(byte >= 0x20 && byte != 0x7F && !c1, name + " has no control character", input,
                text);
    }
    require(text.empty() || (text.front() != ' ' && text.back() != ' '),
            name + " has no surrounding spaces", input, text);
}

inline bool is_where(std::string_view where) {
    for (const std::string_view prefix : {"line ", "entry "}) {
        if (!where.starts_with(prefix)) continue;
        const std::string_view number = where.substr(prefix.size());
        if (number.empty() || number.front() == '0') return false;
        return number.find_first_not_of("0123456789") == std::string_view::npos;
    }
    return false;
}

inline void check_entry(const interchange::SourceEntry& entry, std::string_view input) {
    require(!entry.uid.empty(), "every entry has a uid", input);
    require(is_where(entry.where), "where is \"line N\" or \"entry N\"", input, entry.where);
    if (entry.end) require(*entry.end > entry.start, "end is after start", input, entry.uid);
    if (entry.units_milli) require(*entry.units_milli > 0, "units are more than 0", input);
    check_text(entry.uid, "uid", input);
    check_text(entry.client, "client", input);
    check_text(entry.project, "project", input);
    check_text(entry.note, "note", input);
    for (const std::string& tag : entry.tags) {
        require(!tag.empty(), "no tag is empty", input);
        check_text(tag, "a tag", input);
    }
}

/// Reads all of `data` as `format` and checks every entry (the properties above).
inline void check_import(interchange::SourceFormat format, const std::uint8_t* data,
                         std::size_t size) {
    static const ImportFuzzZone zone;
    const std::string input(reinterpret_cast<const char*>(data), size);
    // Clockify's day-first option, from the input so that both orders are explored.
    const interchange::ReaderOptions options{&zone, size % 2 == 1};
    (void)attempt("the reader", input, ErrorKind::Usage, [&] {
        std::istringstream in(input);
        auto reader = interchange::open_reader(format, in, "fuzz", options);
        std::size_t count = 0;
        while (auto entry = reader->next()) {
            check_entry(*entry, input);
            require(++count <= size, "reading stops: no more entries than bytes", input);
        }
        return count;
    });
}

}  // namespace slash::fuzz
