#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "byte_source.hpp"

namespace slash::interchange {

/// A streaming JSON pull parser (RFC 8259): the caller asks for one token at a time, so a
/// top-level array of millions of entries is read in constant memory. It checks the whole
/// grammar (commas, colons, nesting), decodes every string escape (\u surrogate pairs
/// included) to UTF-8, refuses invalid UTF-8, and keeps number tokens as text: nothing here
/// goes through floating point. Every error throws Error(Usage) `<source> line N: <reason>`.
class JsonReader {
  public:
    enum class Token {
        BeginObject,
        EndObject,
        BeginArray,
        EndArray,
        Key,     ///< an object's key; text() is the decoded key
        String,  ///< text() is the decoded string
        Number,  ///< text() is the number as written ("-12.50e3")
        True,
        False,
        Null,
        End,  ///< after the one top-level value; returned again by every later call
    };

    /// Deeper nesting is refused: no source needs it, and it bounds the parser's memory.
    static constexpr std::size_t kMaxDepth = 64;
    /// Longer strings (and numbers) are refused, so that a missing quote cannot make the
    /// reader hold the rest of a 2 GB file.
    static constexpr std::size_t kMaxString = 1 << 20;

    /// `end_of_input` is the reason given when the input stops inside a value.
    JsonReader(std::istream& in, std::string source_name, long first_line = 1,
               std::string end_of_input = "unexpected end of input (truncated file?)");

    /// Reads the next token.
    Token next();
    /// Consumes the rest of the value whose first token `first` next() just returned.
    void skip(Token first);

    [[nodiscard]] const std::string& text() const { return text_; }
    /// The line the last token starts on.
    [[nodiscard]] long line() const { return token_line_; }
    [[nodiscard]] const std::string& source_name() const { return source_name_; }

    /// "a string", "an object", ...: a token's kind for messages ("must be a string, not a
    /// number").
    [[nodiscard]] static std::string_view describe(Token token);

    /// Throws Error(Usage) `<source> line <line()>: <reason>`.
    [[noreturn]] void fail(std::string_view reason) const;

  private:
    enum class Expect { Value, Key, After, Done };

    void skip_whitespace();
    int take();  ///< the next byte; the input ending here is an error
    [[noreturn]] void fail_here(std::string_view reason) const;
    [[noreturn]] void unexpected(int byte, std::string_view expected) const;
    void open(char bracket);
    Token close();
    void read_string();
    std::uint32_t read_hex4();
    void read_number(int first);
    Token read_literal(int first);

    ByteSource bytes_;
    std::string source_name_;
    std::string end_of_input_;
    std::vector<char> stack_;  ///< '{' or '[' per open container
    Expect expect_ = Expect::Value;
    bool close_allowed_ = false;  ///< right after '{' or '[': the container may be empty
    std::string text_;
    long token_line_;
};

}  // namespace slash::interchange
