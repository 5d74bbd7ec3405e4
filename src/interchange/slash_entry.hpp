#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/interchange/entry_reader.hpp"

namespace slash::interchange {

class Place;

/// One entry of slash's own CSV or JSONL as written, before any rule is checked.
struct SlashFields {
    std::optional<std::string> uid, start, end, client, mission, units, note;
    std::optional<bool> billable;
    std::vector<std::string> tags;
};

/// The rules slash's own formats share (slash-import(1), docs/contract.md §8):
/// - start: ISO 8601 with an offset or Z (domain::parse_iso_instant); end: the same, or
///   empty for a running entry, after start;
/// - mission: "client/mission", or the mission alone when a client is given; kept as written
///   in `project` (the import resolves it);
/// - units: a decimal more than 0 and at most 1000000000 (slash log's bound), in thousandths;
/// - the note kept byte for byte (exact_text: slash log's rule, so that export -> import
///   gives it back as it was); client, mission and tags cleaned (clean_text), tags emptied
///   of blanks;
/// - uid: as written; when empty, "<uid_prefix>:" + fnv1a64_hex(start, end, client, mission,
///   note), start and end as format_iso_utc writes them, so that a file without uids can
///   still be imported twice without adding anything.
[[nodiscard]] SourceEntry build_slash_entry(const SlashFields& fields, std::string_view uid_prefix,
                                            const Place& place);

/// true, false, yes, no, 1 or 0 in any case; nullopt when empty.
[[nodiscard]] std::optional<bool> parse_billable(std::string_view text, const Place& place);

}  // namespace slash::interchange
