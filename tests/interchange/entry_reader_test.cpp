#include "slash/interchange/entry_reader.hpp"

#include <doctest/doctest.h>

using slash::interchange::format_name;
using slash::interchange::parse_source_format;
using slash::interchange::SourceFormat;

TEST_CASE("interchange/entry reader: format names read back") {
    for (const auto format : {SourceFormat::Timewarrior, SourceFormat::Watson, SourceFormat::Toggl,
                              SourceFormat::Clockify, SourceFormat::Csv, SourceFormat::Jsonl}) {
        CHECK(parse_source_format(format_name(format)) == format);
    }
    CHECK(format_name(SourceFormat::Timewarrior) == "timewarrior");
    CHECK(format_name(SourceFormat::Jsonl) == "jsonl");
    CHECK(!parse_source_format("timew").has_value());
    CHECK(!parse_source_format("CSV").has_value());
    CHECK(!parse_source_format("").has_value());
}
