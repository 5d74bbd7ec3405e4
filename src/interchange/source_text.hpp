#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace slash::interchange {

/// Where an entry is in its source, for SourceEntry::where and for the one-line errors of
/// entry_reader.hpp.
class Place {
  public:
    /// "line 12": CSV records (the line a record starts on) and JSONL lines.
    static Place line(const std::string& source, long line);
    /// "entry 3 (line 14)": an element of a JSON array, counted from 1, and the line it
    /// starts on.
    static Place entry(const std::string& source, long index, long line);

    /// What SourceEntry::where holds: "line 12" or "entry 3 (line 14)".
    [[nodiscard]] const std::string& where() const { return where_; }
    /// Throws Error(Usage): `<source> line 12: <reason>` or `<source> entry 3 (line 14):
    /// <reason>`.
    [[noreturn]] void fail(std::string_view reason) const;

  private:
    Place(std::string prefix, std::string where)
        : prefix_(std::move(prefix)), where_(std::move(where)) {}
    std::string prefix_;  ///< "<source> entry 3 (line 14)"
    std::string where_;   ///< "entry 3 (line 14)"
};

/// Throws Error(Usage) `<source> line <line>: <reason>`, for errors outside an entry
/// (syntax, header).
[[noreturn]] void fail_at_line(const std::string& source, long line, std::string_view reason);

/// A value for a message: quoted (domain::quoted), cut after 60 bytes on a character
/// boundary so that a megabyte of garbage makes a readable line.
[[nodiscard]] std::string shown(std::string_view text);

/// ASCII spaces and tabs removed at both ends.
[[nodiscard]] std::string_view trim(std::string_view text);

/// ASCII case-insensitive equality, for header names and Yes/No.
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);

/// A text field of a source made fit for slash, where every text must be one line of
/// printable UTF-8 (`text` must already be valid UTF-8): foreign trackers allow multi-line
/// descriptions, so each run of white space holding a line break or a tab (CR, LF, tab,
/// U+0085, U+2028, U+2029) becomes one space; any other control character (C0, DEL, C1) is
/// refused, naming `label`, as it is more likely a corrupt file than a deliberate note.
/// Spaces at both ends are removed, for every field, notes included.
[[nodiscard]] std::string clean_text(std::string_view text, std::string_view label,
                                     const Place& place);

/// A text of slash's own CSV or JSONL kept byte for byte, so that what slash exported reads
/// back the same: the rule slash log applies to a note (valid UTF-8, already checked, and one
/// line), which refuses a C0 control character or DEL, naming `label` as clean_text does, and
/// keeps everything else (spaces at the ends, runs of spaces, C1 controls, U+2028).
[[nodiscard]] std::string exact_text(std::string_view text, std::string_view label,
                                     const Place& place);

/// `text` cut at each `separator`, each piece cleaned (clean_text), empty pieces dropped.
[[nodiscard]] std::vector<std::string> split_list(std::string_view text, char separator,
                                                  std::string_view label, const Place& place);

/// The 16 lower-case hex digits of the 64-bit FNV-1a hash of `fields`, each followed by a
/// unit separator (0x1F): a byte neither clean_text nor exact_text lets through, so two
/// different lists of fields never hash the same bytes ("a", "bc" vs "ab", "c").
[[nodiscard]] std::string fnv1a64_hex(std::initializer_list<std::string_view> fields);

/// Refuses an entry that does not end after it starts: `end_label end_text is before
/// start_label` (or "is the same as"), e.g. `"end" "20261102T080000Z" is before "start"`.
void check_order(std::int64_t start, std::int64_t end, std::string_view end_label,
                 std::string_view end_text, std::string_view start_label, const Place& place);

}  // namespace slash::interchange
