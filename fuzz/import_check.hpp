#pragma once

// What the six import fuzz targets share (one target per format of `slash import`): read
// the whole input with the format's reader and check each entry it returns.
//
// Properties, for every input:
// - nothing but slash::Error of kind Usage escapes the reader, from open_reader or next();
// - every entry has a non-empty uid and a `where` of "line N" or "entry N (line M)";
// - end > start when there is an end; units, when set, are more than 0 and at most
//   1000000000 (slash log's bound);
// - every string (uid, client, project, tags, note) is valid UTF-8 without control
//   characters (C0, DEL, C1) or surrounding spaces, and no tag is empty; except that slash's
//   own CSV and JSONL keep the note and the uid as written (what slash log takes): there they
//   only have no byte below 0x20 and no DEL, C1 allowed, and the note may have surrounding
//   spaces;
// - reading stops: each entry takes at least one byte of input, so there are never more
//   entries than bytes (an endless reader fails here instead of timing out).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "slash/domain/text.hpp"
#include "slash/interchange/entry_reader.hpp"
#include "support/eu_zone.hpp"

namespace slash::fuzz {

/// What a text of a SourceEntry may hold: C1 controls (U+0080-U+009F) or not, spaces at
/// its ends or not.
struct TextRule {
    bool c1 = false;
    bool surrounding_spaces = false;
};

/// One line of UTF-8 without C0 controls or DEL, and by default without C1 controls or
/// spaces at the ends: what every text of a SourceEntry must be.
inline void check_text(std::string_view text, std::string_view what, std::string_view input,
                       TextRule rule = {}) {
    const std::string name(what);
    require(domain::is_valid_utf8(text), name + " is valid UTF-8", input, text);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool c1 =
            byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0;
        require(byte >= 0x20 && byte != 0x7F && (rule.c1 || !c1),
                name + " has no control character", input, text);
    }
    require(rule.surrounding_spaces || text.empty() || (text.front() != ' ' && text.back() != ' '),
            name + " has no surrounding spaces", input, text);
}

/// A number from 1 without leading zeros, at the start of `text`, removed; false if none.
inline bool take_count(std::string_view& text) {
    const std::size_t digits = std::min(text.find_first_not_of("0123456789"), text.size());
    if (digits == 0 || text.front() == '0') return false;
    text.remove_prefix(digits);
    return true;
}

/// "line N" or "entry N (line M)".
inline bool is_where(std::string_view where) {
    if (where.starts_with("line ")) {
        where.remove_prefix(5);
        return take_count(where) && where.empty();
    }
    if (!where.starts_with("entry ")) return false;
    where.remove_prefix(6);
    if (!take_count(where) || !where.starts_with(" (line ")) return false;
    where.remove_prefix(7);
    return take_count(where) && where == ")";
}

inline void check_entry(interchange::SourceFormat format, const interchange::SourceEntry& entry,
                        std::string_view input) {
    require(!entry.uid.empty(), "every entry has a uid", input);
    require(is_where(entry.where), "where is \"line N\" or \"entry N (line M)\"", input,
            entry.where);
    if (entry.end) require(*entry.end > entry.start, "end is after start", input, entry.uid);
    if (entry.units_milli) {
        require(*entry.units_milli > 0, "units are more than 0", input);
        require(*entry.units_milli <= 1'000'000'000'000, "units are at most 1000000000", input);
    }
    // slash's own formats keep the note and the uid as slash log took them.
    const bool own =
        format == interchange::SourceFormat::Csv || format == interchange::SourceFormat::Jsonl;
    check_text(entry.uid, "uid", input, {.c1 = own, .surrounding_spaces = false});
    check_text(entry.client, "client", input);
    check_text(entry.project, "project", input);
    check_text(entry.note, "note", input, {.c1 = own, .surrounding_spaces = own});
    for (const std::string& tag : entry.tags) {
        require(!tag.empty(), "no tag is empty", input);
        check_text(tag, "a tag", input);
    }
}

/// Reads all of `data` as `format` and checks every entry (the properties above).
inline void check_import(interchange::SourceFormat format, const std::uint8_t* data,
                         std::size_t size) {
    // The EU rules, so that Toggl's and Clockify's wall-clock times meet the spring gap and
    // the autumn fold.
    static const testing::EuZone zone("Fuzz/EU");
    const std::string input(reinterpret_cast<const char*>(data), size);
    // Clockify's day-first option, from the input so that both orders are explored.
    const interchange::ReaderOptions options{&zone, size % 2 == 1};
    (void)attempt("the reader", input, ErrorKind::Usage, [&] {
        std::istringstream in(input);
        auto reader = interchange::open_reader(format, in, "fuzz", options);
        std::size_t count = 0;
        while (auto entry = reader->next()) {
            check_entry(format, *entry, input);
            require(++count <= size, "reading stops: no more entries than bytes", input);
        }
        return count;
    });
}

}  // namespace slash::fuzz
