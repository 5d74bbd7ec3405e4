#include "../../src/interchange/json_reader.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "slash/domain/error.hpp"

using slash::interchange::JsonReader;
using Token = JsonReader::Token;

namespace {

/// Every token of `text` written as one word each: "{", "key:a", "s:x", "n:1", "true", ...
std::string tokens(const std::string& text) {
    std::istringstream in(text);
    JsonReader json(in, "t.json");
    std::string out;
    for (Token token = json.next(); token != Token::End; token = json.next()) {
        if (!out.empty()) out += ' ';
        switch (token) {
            case Token::BeginObject:
                out += '{';
                break;
            case Token::EndObject:
                out += '}';
                break;
            case Token::BeginArray:
                out += '[';
                break;
            case Token::EndArray:
                out += ']';
                break;
            case Token::Key:
                out += "key:" + json.text();
                break;
            case Token::String:
                out += "s:" + json.text();
                break;
            case Token::Number:
                out += "n:" + json.text();
                break;
            case Token::True:
                out += "true";
                break;
            case Token::False:
                out += "false";
                break;
            case Token::Null:
                out += "null";
                break;
            case Token::End:
                break;
        }
    }
    return out;
}

std::string error_of(const std::string& text) {
    try {
        (void)tokens(text);
    } catch (const slash::Error& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("interchange/json reader: tokens of a document, numbers kept as written") {
    CHECK(tokens(R"({"a": [1, -0.5, 2e10, -12.50E-3], "b": {}, "c": [], "d": true,
                     "e": false, "f": null, "g": "x"})") ==
          "{ key:a [ n:1 n:-0.5 n:2e10 n:-12.50E-3 ] key:b { } key:c [ ] key:d true key:e false "
          "key:f null key:g s:x }");
    CHECK(tokens(" \r\n\t42 \n") == "n:42");
    CHECK(tokens("\"top\"") == "s:top");
    CHECK(tokens("\xEF\xBB\xBF[]") == "[ ]");  // a byte order mark is skipped
}

TEST_CASE("interchange/json reader: every escape, surrogate pairs to UTF-8") {
    CHECK(tokens(R"(["\" \\ \/ \b \f \n \r \t"])") == "[ s:\" \\ / \b \f \n \r \t ]");
    CHECK(tokens(R"(["\u00e9t\u00C9 \u20ac \ud83d\ude00 \u0041"])") ==
          "[ s:\xC3\xA9t\xC3\x89 \xE2\x82\xAC \xF0\x9F\x98\x80 A ]");
    CHECK(tokens("[\"d\xC3\xA9j\xC3\xA0 \xF0\x9F\x98\x80\"]") ==
          "[ s:d\xC3\xA9j\xC3\xA0 \xF0\x9F\x98\x80 ]");
}

TEST_CASE("interchange/json reader: line numbers of tokens") {
    std::istringstream in("[\n  {\"a\":\n 1},\r\n  \"x\"\n]");
    JsonReader json(in, "t.json");
    CHECK(json.next() == Token::BeginArray);
    CHECK(json.line() == 1);
    CHECK(json.next() == Token::BeginObject);
    CHECK(json.line() == 2);
    CHECK(json.next() == Token::Key);
    CHECK(json.next() == Token::Number);
    CHECK(json.line() == 3);
    CHECK(json.next() == Token::EndObject);
    CHECK(json.next() == Token::String);
    CHECK(json.line() == 4);
    CHECK(json.next() == Token::EndArray);
    CHECK(json.line() == 5);
    CHECK(json.next() == Token::End);
    CHECK(json.next() == Token::End);
}

TEST_CASE("interchange/json reader: skip consumes a whole nested value") {
    std::istringstream in(R"({"skip": {"a": [1, {"b": []}], "c": "}"}, "keep": 2})");
    JsonReader json(in, "t.json");
    CHECK(json.next() == Token::BeginObject);
    CHECK(json.next() == Token::Key);
    json.skip(json.next());
    CHECK(json.next() == Token::Key);
    CHECK(json.text() == "keep");
}

TEST_CASE("interchange/json reader: truncated input says so, on the last line") {
    CHECK(error_of("[\n{\"start\": \"20261102T080000Z\",\n\"tags\": [\"a\"") ==
          "t.json line 3: unexpected end of input (truncated file?)");
    CHECK(error_of("[1,") == "t.json line 1: unexpected end of input (truncated file?)");
    CHECK(error_of("{\"a\"") == "t.json line 1: unexpected end of input (truncated file?)");
    CHECK(error_of("[\"abc") == "t.json line 1: unexpected end of input (truncated file?)");
    CHECK(error_of("[tr") == "t.json line 1: unexpected end of input (truncated file?)");
    CHECK(error_of("") == "t.json line 1: empty input: no JSON value");
    CHECK(error_of(" \n ") == "t.json line 2: empty input: no JSON value");
}

TEST_CASE("interchange/json reader: grammar errors name what was expected") {
    CHECK(error_of("[1 2]") == "t.json line 1: unexpected '2'; expected ',' or ']'");
    CHECK(error_of("[1,]") == "t.json line 1: unexpected ']'; expected a value");
    CHECK(error_of("{\"a\" 1}") ==
          "t.json line 1: unexpected '1'; expected ':' after the key \"a\"");
    CHECK(error_of("{a: 1}") == "t.json line 1: unexpected 'a'; expected a key in double quotes");
    CHECK(error_of("{\"a\": 1,}") ==
          "t.json line 1: unexpected '}'; expected a key in double quotes");
    CHECK(error_of("[1] [2]") == "t.json line 1: unexpected '[' after the end of the JSON value");
    CHECK(error_of("[01]") == "t.json line 1: unexpected '1'; expected ',' or ']'");
    CHECK(error_of("[-]") == "t.json line 1: unexpected ']'; expected a digit after '-'");
    CHECK(error_of("[1.]") == "t.json line 1: unexpected ']'; expected a digit");
    CHECK(error_of("[nul]") ==
          "t.json line 1: unexpected ']'; expected a value (did you mean null?)");
    CHECK(error_of("[True]") == "t.json line 1: unexpected 'T'; expected a value");
    CHECK(error_of("[\"a\\x\"]") ==
          "t.json line 1: unknown escape after \\: 'x' in a string; use \\\", \\\\, \\/, \\b, "
          "\\f, \\n, \\r, \\t or \\uXXXX");
    CHECK(error_of("[\"a\\u12g4\"]") ==
          "t.json line 1: unexpected 'g'; expected four hex digits after \\u");
}

TEST_CASE("interchange/json reader: strings must be one line of valid UTF-8") {
    CHECK(error_of("[\"line one\nline two\"]") ==
          "t.json line 1: a string runs past the end of its line (missing closing quote?)");
    CHECK(
        error_of("[\"a\x01\"]") ==
        "t.json line 1: unescaped control character (byte 0x01) in a string; write it as \\u00XX");
    CHECK(error_of("[\n\"caf\xE9\"]") ==
          "t.json line 2: invalid UTF-8 (byte 0xe9); save the file as UTF-8");
    CHECK(error_of("[\n\"caf\xE9\n\"]") ==
          "t.json line 2: invalid UTF-8 (byte 0xe9); save the file as UTF-8");
    CHECK(error_of("[\"\xC3\"]") ==
          "t.json line 1: invalid UTF-8 (byte 0xc3); save the file as UTF-8");
    CHECK(error_of("[\"\xED\xA0\x80\"]") ==
          "t.json line 1: invalid UTF-8 (byte 0xa0); save the file as UTF-8");
    CHECK(error_of("[\"\xC0\xAF\"]") ==
          "t.json line 1: invalid UTF-8 (byte 0xc0); save the file as UTF-8");
    CHECK(error_of("[\xFF]") ==
          "t.json line 1: unexpected byte 0xff outside a string; expected a value");
    CHECK(error_of(R"(["\ude00"])") == "t.json line 1: a lone low surrogate \\ude00 in a string");
    CHECK(error_of(R"(["\ud83d x"])") ==
          "t.json line 1: a high surrogate \\ud83d not followed by a low one (\\udc00-\\udfff)");
    CHECK(error_of(R"(["\ud83d\u0041"])") ==
          "t.json line 1: a high surrogate \\ud83d not followed by a low one (\\udc00-\\udfff)");
}

TEST_CASE("interchange/json reader: nesting deeper than 64 levels is refused") {
    CHECK(tokens(std::string(64, '[') + std::string(64, ']')).size() == 64 * 2 * 2 - 1);
    CHECK(error_of(std::string(65, '[') + std::string(65, ']')) ==
          "t.json line 1: values nested deeper than 64 levels");
}

TEST_CASE("interchange/json reader: a string without its closing quote stops at 1 MiB") {
    const std::string text = "[\"" + std::string(JsonReader::kMaxString + 10, 'a');
    CHECK(error_of(text) ==
          "t.json line 1: a string longer than 1048576 bytes (missing closing quote?)");
}
