#include "slash/interchange/entry_reader.hpp"

#include <array>
#include <utility>

#include "readers.hpp"

namespace slash::interchange {

namespace {

constexpr std::array<std::pair<SourceFormat, std::string_view>, 6> kNames{{
    {SourceFormat::Timewarrior, "timewarrior"},
    {SourceFormat::Watson, "watson"},
    {SourceFormat::Toggl, "toggl"},
    {SourceFormat::Clockify, "clockify"},
    {SourceFormat::Csv, "csv"},
    {SourceFormat::Jsonl, "jsonl"},
}};

}  // namespace

std::optional<SourceFormat> parse_source_format(std::string_view name) {
    for (const auto& [format, format_name] : kNames) {
        if (name == format_name) return format;
    }
    return std::nullopt;
}

std::string_view format_name(SourceFormat format) {
    for (const auto& [known, name] : kNames) {
        if (known == format) return name;
    }
    return "unknown";
}

std::unique_ptr<EntryReader> open_reader(SourceFormat format, std::istream& in,
                                         std::string source_name, const ReaderOptions& options) {
    switch (format) {
        case SourceFormat::Timewarrior:
            return make_timewarrior_reader(in, std::move(source_name));
        case SourceFormat::Watson:
            return make_watson_reader(in, std::move(source_name));
        case SourceFormat::Toggl:
            return make_toggl_reader(in, std::move(source_name), options);
        case SourceFormat::Clockify:
            return make_clockify_reader(in, std::move(source_name), options);
        case SourceFormat::Csv:
            return make_slash_csv_reader(in, std::move(source_name));
        case SourceFormat::Jsonl:
            return make_slash_jsonl_reader(in, std::move(source_name));
    }
    return make_slash_csv_reader(in, std::move(source_name));
}

}  // namespace slash::interchange
