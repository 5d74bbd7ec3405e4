#include "json_reader.hpp"

#include <cstdio>

#include "slash/domain/error.hpp"
#include "source_text.hpp"
#include "utf8.hpp"

namespace slash::interchange {

namespace {

constexpr int kEnd = ByteSource::kEnd;

bool is_digit(int byte) {
    return byte >= '0' && byte <= '9';
}

/// "'x'" for a printable ASCII byte, "byte 0xNN" otherwise.
std::string describe_byte(int byte) {
    if (byte > 0x20 && byte < 0x7F) return std::string("'") + static_cast<char>(byte) + "'";
    char hex[16];
    std::snprintf(hex, sizeof hex, "byte 0x%02x", static_cast<unsigned>(byte));
    return hex;
}

std::string hex4(std::uint32_t code) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04x", code);
    return hex;
}

}  // namespace

JsonReader::JsonReader(std::istream& in, std::string source_name, long first_line,
                       std::string end_of_input)
    : bytes_(in, first_line),
      source_name_(std::move(source_name)),
      end_of_input_(std::move(end_of_input)),
      token_line_(first_line) {}

std::string_view JsonReader::describe(Token token) {
    switch (token) {
        case Token::BeginObject:
            return "an object";
        case Token::BeginArray:
            return "an array";
        case Token::String:
            return "a string";
        case Token::Number:
            return "a number";
        case Token::True:
            return "true";
        case Token::False:
            return "false";
        case Token::Null:
            return "null";
        case Token::Key:
            return "a key";
        case Token::EndObject:
            return "'}'";
        case Token::EndArray:
            return "']'";
        case Token::End:
            return "the end of the input";
    }
    return "a value";
}

void JsonReader::fail(std::string_view reason) const {
    fail_at_line(source_name_, token_line_, reason);
}

void JsonReader::fail_here(std::string_view reason) const {
    fail_at_line(source_name_, bytes_.line(), reason);
}

void JsonReader::unexpected(int byte, std::string_view expected) const {
    if (byte == kEnd) fail_here(end_of_input_);
    if (byte >= 0x80) {
        fail_here("unexpected " + describe_byte(byte) + " outside a string; expected " +
                  std::string(expected));
    }
    fail_here("unexpected " + describe_byte(byte) + "; expected " + std::string(expected));
}

void JsonReader::skip_whitespace() {
    for (int byte = bytes_.peek(); byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r';
         byte = bytes_.peek()) {
        bytes_.get();
    }
}

int JsonReader::take() {
    const int byte = bytes_.get();
    if (byte == kEnd) fail_here(end_of_input_);
    return byte;
}

void JsonReader::open(char bracket) {
    if (stack_.size() >= kMaxDepth) {
        fail("values nested deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    stack_.push_back(bracket);
    expect_ = bracket == '{' ? Expect::Key : Expect::Value;
    close_allowed_ = true;
}

JsonReader::Token JsonReader::close() {
    const char bracket = stack_.back();
    stack_.pop_back();
    expect_ = Expect::After;
    return bracket == '{' ? Token::EndObject : Token::EndArray;
}

JsonReader::Token JsonReader::next() {
    text_.clear();
    while (true) {
        skip_whitespace();
        token_line_ = bytes_.line();
        if (expect_ == Expect::Done) return Token::End;
        if (expect_ == Expect::After) {
            if (stack_.empty()) {
                const int byte = bytes_.get();
                if (byte == kEnd) {
                    expect_ = Expect::Done;
                    return Token::End;
                }
                fail_here("unexpected " + describe_byte(byte) + " after the end of the JSON value");
            }
            const bool in_object = stack_.back() == '{';
            const int byte = bytes_.get();
            if (byte == ',') {
                expect_ = in_object ? Expect::Key : Expect::Value;
                close_allowed_ = false;
                continue;
            }
            if (byte == (in_object ? '}' : ']')) return close();
            unexpected(byte, in_object ? "',' or '}'" : "',' or ']'");
        }
        const int byte = bytes_.get();
        if (byte == kEnd && stack_.empty()) fail_here("empty input: no JSON value");
        if (expect_ == Expect::Key) {
            if (byte == '}' && close_allowed_) return close();
            if (byte != '"') unexpected(byte, "a key in double quotes");
            read_string();
            skip_whitespace();
            const int colon = bytes_.get();
            if (colon != ':') unexpected(colon, "':' after the key " + shown(text_));
            expect_ = Expect::Value;
            close_allowed_ = false;
            return Token::Key;
        }
        if (byte == ']' && close_allowed_) return close();
        switch (byte) {
            case '{':
                open('{');
                return Token::BeginObject;
            case '[':
                open('[');
                return Token::BeginArray;
            case '"':
                read_string();
                expect_ = Expect::After;
                return Token::String;
            default:
                break;
        }
        if (byte == '-' || is_digit(byte)) {
            read_number(byte);
            expect_ = Expect::After;
            return Token::Number;
        }
        if (byte == 't' || byte == 'f' || byte == 'n') {
            const Token literal = read_literal(byte);
            expect_ = Expect::After;
            return literal;
        }
        unexpected(byte, "a value");
    }
}

void JsonReader::skip(Token first) {
    if (first != Token::BeginObject && first != Token::BeginArray) return;
    for (std::size_t depth = 1; depth > 0;) {
        const Token token = next();
        if (token == Token::BeginObject || token == Token::BeginArray) ++depth;
        if (token == Token::EndObject || token == Token::EndArray) --depth;
    }
}

void JsonReader::read_string() {
    Utf8Checker utf8;
    while (true) {
        if (text_.size() >= kMaxString) {
            fail("a string longer than " + std::to_string(kMaxString) +
                 " bytes (missing closing quote?)");
        }
        const long line = bytes_.line();
        const int byte = bytes_.get();
        if (byte == kEnd) fail_here(end_of_input_);
        if (!utf8.feed(static_cast<unsigned char>(byte))) {
            const auto bad = static_cast<unsigned char>(byte);
            fail_at_line(source_name_, line, invalid_utf8_reason(bad < 0x80 ? utf8.lead() : bad));
        }
        if (byte == '"') return;
        if (byte == '\n' || byte == '\r') {
            fail("a string runs past the end of its line (missing closing quote?)");
        }
        if (byte < 0x20) {
            fail_here("unescaped control character (" + describe_byte(byte) +
                      ") in a string; write it as \\u00XX");
        }
        if (byte != '\\') {
            text_ += static_cast<char>(byte);
            continue;
        }
        const int escape = take();
        switch (escape) {
            case '"':
                text_ += '"';
                break;
            case '\\':
                text_ += '\\';
                break;
            case '/':
                text_ += '/';
                break;
            case 'b':
                text_ += '\b';
                break;
            case 'f':
                text_ += '\f';
                break;
            case 'n':
                text_ += '\n';
                break;
            case 'r':
                text_ += '\r';
                break;
            case 't':
                text_ += '\t';
                break;
            case 'u': {
                std::uint32_t code = read_hex4();
                if (code >= 0xDC00 && code <= 0xDFFF) {
                    fail_here("a lone low surrogate \\u" + hex4(code) + " in a string");
                }
                if (code >= 0xD800 && code <= 0xDBFF) {
                    // A UTF-16 surrogate pair: the high half needs the low half right after.
                    const bool backslash = bytes_.peek() == '\\' && bytes_.get() == '\\';
                    if (!backslash || bytes_.get() != 'u') {
                        fail_here("a high surrogate \\u" + hex4(code) +
                                  " not followed by a low one (\\udc00-\\udfff)");
                    }
                    const std::uint32_t low = read_hex4();
                    if (low < 0xDC00 || low > 0xDFFF) {
                        fail_here("a high surrogate \\u" + hex4(code) +
                                  " not followed by a low one (\\udc00-\\udfff)");
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                append_utf8(text_, code);
                break;
            }
            default:
                fail_here("unknown escape after \\: " + describe_byte(escape) +
                          " in a string; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX");
        }
    }
}

std::uint32_t JsonReader::read_hex4() {
    std::uint32_t code = 0;
    for (int i = 0; i < 4; ++i) {
        const int byte = take();
        std::uint32_t digit;
        if (is_digit(byte)) {
            digit = static_cast<std::uint32_t>(byte - '0');
        } else if (byte >= 'a' && byte <= 'f') {
            digit = static_cast<std::uint32_t>(byte - 'a' + 10);
        } else if (byte >= 'A' && byte <= 'F') {
            digit = static_cast<std::uint32_t>(byte - 'A' + 10);
        } else {
            unexpected(byte, "four hex digits after \\u");
        }
        code = code * 16 + digit;
    }
    return code;
}

void JsonReader::read_number(int first) {
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    text_ += static_cast<char>(first);
    const auto digits = [this](bool required) {
        if (required && !is_digit(bytes_.peek())) unexpected(bytes_.peek(), "a digit");
        while (is_digit(bytes_.peek())) {
            if (text_.size() >= 64) fail("a number longer than 64 characters");
            text_ += static_cast<char>(bytes_.get());
        }
    };
    if (first == '-') {
        if (!is_digit(bytes_.peek())) unexpected(bytes_.peek(), "a digit after '-'");
        text_ += static_cast<char>(bytes_.get());
    }
    if (text_.back() != '0') digits(false);
    if (bytes_.peek() == '.') {
        text_ += static_cast<char>(bytes_.get());
        digits(true);
    }
    if (bytes_.peek() == 'e' || bytes_.peek() == 'E') {
        text_ += static_cast<char>(bytes_.get());
        if (bytes_.peek() == '+' || bytes_.peek() == '-') text_ += static_cast<char>(bytes_.get());
        digits(true);
    }
}

JsonReader::Token JsonReader::read_literal(int first) {
    const std::string_view word = first == 't' ? "true" : first == 'f' ? "false" : "null";
    for (std::size_t i = 1; i < word.size(); ++i) {
        const int byte = bytes_.get();
        if (byte != word[i]) {
            unexpected(byte, "a value (did you mean " + std::string(word) + "?)");
        }
    }
    return first == 't' ? Token::True : first == 'f' ? Token::False : Token::Null;
}

}  // namespace slash::interchange
