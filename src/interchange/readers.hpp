#pragma once

// One reader per source format, each in its own file; open_reader picks one.

#include <istream>
#include <memory>
#include <string>

#include "slash/interchange/entry_reader.hpp"

namespace slash::interchange {

[[nodiscard]] std::unique_ptr<EntryReader> make_timewarrior_reader(std::istream& in,
                                                                   std::string source_name);
[[nodiscard]] std::unique_ptr<EntryReader> make_watson_reader(std::istream& in,
                                                              std::string source_name);
[[nodiscard]] std::unique_ptr<EntryReader> make_toggl_reader(std::istream& in,
                                                             std::string source_name,
                                                             const ReaderOptions& options);
[[nodiscard]] std::unique_ptr<EntryReader> make_clockify_reader(std::istream& in,
                                                                std::string source_name,
                                                                const ReaderOptions& options);
[[nodiscard]] std::unique_ptr<EntryReader> make_slash_csv_reader(std::istream& in,
                                                                 std::string source_name);
[[nodiscard]] std::unique_ptr<EntryReader> make_slash_jsonl_reader(std::istream& in,
                                                                   std::string source_name);

}  // namespace slash::interchange
