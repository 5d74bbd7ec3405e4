#include "json_fields.hpp"

#include <algorithm>

#include "slash/domain/quote.hpp"

namespace slash::interchange {

using Token = JsonReader::Token;

JsonArrayEntries::JsonArrayEntries(std::istream& in, std::string source_name, std::string expected)
    : json_(in, std::move(source_name)),
      expected_(std::move(expected)),
      place_(Place::line(json_.source_name(), 1)) {}

std::optional<Token> JsonArrayEntries::next() {
    if (finished_) return std::nullopt;
    if (!started_) {
        const Token first = json_.next();
        if (first != Token::BeginArray) {
            json_.fail("expected " + expected_ + ", not " +
                       std::string(JsonReader::describe(first)));
        }
        started_ = true;
    }
    const Token token = json_.next();
    if (token == Token::EndArray) {
        json_.next();  // checks that nothing follows the array
        finished_ = true;
        return std::nullopt;
    }
    place_ = Place::entry(json_.source_name(), ++index_, json_.line());
    return token;
}

void SeenKeys::add(const std::string& key, const Place& place) {
    if (std::find(keys_.begin(), keys_.end(), key) != keys_.end()) {
        place.fail(domain::quoted(key) + " appears twice in one object");
    }
    keys_.push_back(key);
}

namespace {

/// No entry has a thousand tags; the bound keeps one entry's memory small.
constexpr std::size_t kMaxItems = 1000;

[[noreturn]] void wrong_type(std::string_view key, std::string_view expected, Token got,
                             const Place& place) {
    place.fail(domain::quoted(key) + " must be " + std::string(expected) + ", not " +
               std::string(JsonReader::describe(got)));
}

}  // namespace

std::optional<std::string> read_string(JsonReader& json, std::string_view key, const Place& place,
                                       bool nullable) {
    const Token token = json.next();
    if (token == Token::String) return json.text();
    if (token == Token::Null && nullable) return std::nullopt;
    wrong_type(key, nullable ? "a string or null" : "a string", token, place);
}

std::vector<std::string> read_string_array(JsonReader& json, std::string_view key,
                                           const Place& place, bool nullable) {
    std::vector<std::string> items;
    const Token token = json.next();
    if (token == Token::Null && nullable) return items;
    if (token != Token::BeginArray) wrong_type(key, "an array of strings", token, place);
    for (Token item = json.next(); item != Token::EndArray; item = json.next()) {
        if (item != Token::String) wrong_type(key, "an array of strings", item, place);
        if (items.size() == kMaxItems) {
            place.fail(domain::quoted(key) + " has more than " + std::to_string(kMaxItems) +
                       " strings");
        }
        items.push_back(json.text());
    }
    return items;
}

std::optional<bool> read_bool(JsonReader& json, std::string_view key, const Place& place,
                              bool nullable) {
    const Token token = json.next();
    if (token == Token::True || token == Token::False) return token == Token::True;
    if (token == Token::Null && nullable) return std::nullopt;
    wrong_type(key, nullable ? "true, false or null" : "true or false", token, place);
}

}  // namespace slash::interchange
