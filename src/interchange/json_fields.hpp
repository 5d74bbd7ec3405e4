#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_reader.hpp"
#include "source_text.hpp"

namespace slash::interchange {

/// A top-level JSON array read element by element, each numbered from 1 for messages:
/// what the Timewarrior and Watson readers share.
class JsonArrayEntries {
  public:
    /// `expected` names what the input should be, for the message when it is not an array:
    /// "expected <expected>, not an object".
    JsonArrayEntries(std::istream& in, std::string source_name, std::string expected);

    /// The first token of the next element, or nullopt after the closing ']' once nothing
    /// but white space follows it.
    std::optional<JsonReader::Token> next();
    /// Where the element next() returned is: "entry N (line L)".
    [[nodiscard]] const Place& place() const { return place_; }
    [[nodiscard]] JsonReader& json() { return json_; }

  private:
    JsonReader json_;
    std::string expected_;
    long index_ = 0;
    bool started_ = false, finished_ = false;
    Place place_;
};

/// The known keys of an object seen so far: a key given twice is refused rather than one of
/// its values silently dropped.
class SeenKeys {
  public:
    void add(const std::string& key, const Place& place);

  private:
    std::vector<std::string> keys_;
};

// Values read right after their Key token; any other type is refused, naming the key:
// `"tags" must be an array of strings, not a number`. With `nullable`, null reads as
// nothing. Strings are returned as decoded, not cleaned.
[[nodiscard]] std::optional<std::string> read_string(JsonReader& json, std::string_view key,
                                                     const Place& place, bool nullable);
[[nodiscard]] std::vector<std::string> read_string_array(JsonReader& json, std::string_view key,
                                                         const Place& place, bool nullable);
[[nodiscard]] std::optional<bool> read_bool(JsonReader& json, std::string_view key,
                                            const Place& place, bool nullable);

}  // namespace slash::interchange
