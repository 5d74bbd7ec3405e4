#include "slash/interchange/json_document.hpp"

#include <sstream>

#include "json_reader.hpp"

namespace slash::interchange {

namespace {

using Token = JsonReader::Token;

JsonValue read_value(JsonReader& json, Token first) {
    JsonValue value;
    switch (first) {
        case Token::BeginObject:
            value.kind = JsonValue::Kind::Object;
            for (Token t = json.next(); t != Token::EndObject; t = json.next()) {
                value.keys.push_back(json.text());
                value.items.push_back(read_value(json, json.next()));
            }
            break;
        case Token::BeginArray:
            value.kind = JsonValue::Kind::Array;
            for (Token t = json.next(); t != Token::EndArray; t = json.next()) value.items.push_back(read_value(json, t));
            break;
        case Token::String:
            value.kind = JsonValue::Kind::String;
            value.text = json.text();
            break;
        case Token::Number:
            value.kind = JsonValue::Kind::Number;
            value.text = json.text();
            break;
        case Token::True:
        case Token::False:
            value.kind = JsonValue::Kind::Bool;
            value.text = first == Token::True ? "true" : "false";
            break;
        case Token::Null:
            break;
        case Token::Key:
        case Token::EndObject:
        case Token::EndArray:
        case Token::End:
            json.fail("expected a value");
    }
    return value;
}

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
    if (kind != Kind::Object) return nullptr;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == key) return &items[i];
    }
    return nullptr;
}

std::string JsonValue::text_of(std::string_view key) const {
    const JsonValue* member = find(key);
    if (member == nullptr || (member->kind != Kind::String && member->kind != Kind::Number)) return {};
    return member->text;
}

JsonValue parse_json_document(std::string_view text, const std::string& source) {
    std::istringstream in{std::string(text)};
    JsonReader json(in, source);
    JsonValue value = read_value(json, json.next());
    if (json.next() != Token::End) json.fail("more than one value");
    return value;
}

}  // namespace slash::interchange
