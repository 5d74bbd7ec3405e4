#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slash::domain {
class TimeZone;
}

namespace slash::interchange {

/// The files `slash import` reads (slash-import(1)).
enum class SourceFormat { Timewarrior, Watson, Toggl, Clockify, Csv, Jsonl };

/// "timewarrior", "watson", "toggl", "clockify", "csv", "jsonl"; nullopt otherwise.
[[nodiscard]] std::optional<SourceFormat> parse_source_format(std::string_view name);
[[nodiscard]] std::string_view format_name(SourceFormat format);

/// One entry as a source file gives it, before the import maps it to a mission. Readers
/// check the file's own rules (syntax, dates, end after start, UTF-8); the import service
/// checks slash's (mission, overlap, 24 h, units).
struct SourceEntry {
    /// Where it is, for messages: "line 12" (CSV: the line a record starts on; JSONL) or
    /// "entry 3 (line 14)" (JSON arrays: the element, counted from 1, and the line it starts on).
    std::string where;
    /// Stable identity of the source entry, so that importing the same file twice adds
    /// nothing: slash's own uid column, "watson:<frame id>", "timew:<start as
    /// YYYYMMDDTHHMMSSZ>", or for Toggl and Clockify (whose exports carry no id)
    /// "toggl:"/"clockify:" + 16 hex digits of a 64-bit FNV-1a hash of the row's identifying
    /// fields (user, email, client, project, task, description, start, end).
    std::string uid;
    std::int64_t start = 0;            ///< UTC seconds
    std::optional<std::int64_t> end;   ///< none: still running at export time
    /// The client as the source names it ("Acme Corp"); empty when the source has none.
    std::string client;
    /// The project (Watson, Toggl, Clockify) or slash's `mission` column as written
    /// ("website", or "acme/website"); empty for Timewarrior.
    std::string project;
    /// Tags as the source writes them (Timewarrior: every tag, in order; the import picks
    /// the mission among them). Not normalised: the import turns them into handles.
    std::vector<std::string> tags;
    std::string note;                          ///< annotation / description; one line
    std::optional<std::int64_t> units_milli;   ///< slash CSV/JSONL `units`, thousandths
    std::optional<bool> billable;              ///< none when the source does not say
};

struct ReaderOptions {
    /// Local zone for sources that write wall-clock times without an offset (Toggl,
    /// Clockify): the zone of the account that exported them, normally the user's own.
    const domain::TimeZone* zone = nullptr;
    /// Clockify dates in slashes are MM/DD/YYYY unless this says DD/MM/YYYY.
    bool day_first = false;
};

/// A streaming reader: constant memory whatever the file size (a 2 GB export is read
/// entry by entry). Every error throws slash::Error(Usage) with one line:
/// `<source_name> line 12: <reason>` or `<source_name> entry 3: <reason>` (a JSON array's
/// element, counted from 1, with its line), e.g. `export.json entry 3 (line 14): "end" is
/// before "start"`.
class EntryReader {
public:
    virtual ~EntryReader() = default;
    /// The next entry, or nullopt at the end of the input.
    virtual std::optional<SourceEntry> next() = 0;
};

/// `source_name` names the input in messages ("timew.json", or "stdin" for `-`).
[[nodiscard]] std::unique_ptr<EntryReader> open_reader(SourceFormat format, std::istream& in,
                                                       std::string source_name, const ReaderOptions& options);

}  // namespace slash::interchange
