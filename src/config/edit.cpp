#include "slash/config/config.hpp"

#include <cstddef>
#include <optional>

#include "internal.hpp"
#include "slash/domain/error.hpp"

namespace slash::config {
namespace {

/// One logical line of a TOML document as far as editing needs it: a `[table]` header,
/// a `key = value` (which may span several physical lines), or anything else (blank,
/// comment). Offsets are bytes into the text.
struct Statement {
    enum class Kind { Other, Table, KeyValue };
    Kind kind = Kind::Other;
    std::size_t begin = 0;          ///< first byte of its first line
    std::size_t indent_end = 0;     ///< end of the leading blanks
    std::size_t end = 0;            ///< one past the newline of its last line (or the text end)
    std::vector<std::string> path;  ///< table name or dotted key, unquoted
    std::size_t value_begin = 0;    ///< the value itself, without blanks or trailing comment
    std::size_t value_end = 0;
};

/// A lexer for just enough of TOML to find where statements and values start and end.
/// It runs on text toml++ has already accepted, so it need not diagnose anything.
class Scanner {
  public:
    explicit Scanner(std::string_view text) : text_(text) {
        if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    }

    std::vector<Statement> statements() {
        std::vector<Statement> all;
        while (pos_ < text_.size()) all.push_back(next());
        return all;
    }

  private:
    Statement next() {
        Statement s;
        s.begin = pos_;
        skip_blanks();
        s.indent_end = pos_;
        const char c = peek();
        if (c == '[') {
            s.kind = Statement::Kind::Table;
            ++pos_;
            if (peek() == '[') ++pos_;
            s.path = key_path();
        } else if (c != '#' && c != '\n' && c != '\r' && c != '\0') {
            s.kind = Statement::Kind::KeyValue;
            s.path = key_path();
            if (peek() == '=') ++pos_;
            skip_blanks();
            s.value_begin = pos_;
            s.value_end = value_end();
        }
        skip_line();
        s.end = pos_;
        return s;
    }

    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }

    void skip_blanks() {
        while (peek() == ' ' || peek() == '\t') ++pos_;
    }

    void skip_line() {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        if (pos_ < text_.size()) ++pos_;
    }

    /// `a.b`, `"a b".c`, `'x'` with blanks around the dots. Escapes in double-quoted keys
    /// are decoded as TOML does (`"na\u006De"` is `name`), so that a key written that way
    /// is found and replaced, not duplicated.
    std::vector<std::string> key_path() {
        std::vector<std::string> path;
        for (;;) {
            skip_blanks();
            std::string part;
            const char c = peek();
            if (c == '"' || c == '\'') {
                ++pos_;
                while (pos_ < text_.size() && text_[pos_] != c && text_[pos_] != '\n') {
                    if (c == '"' && text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
                        part += unescape();
                        continue;
                    }
                    part += text_[pos_++];
                }
                ++pos_;
            } else {
                while (is_bare_key_char(peek())) part += text_[pos_++];
            }
            path.push_back(std::move(part));
            skip_blanks();
            if (peek() != '.') return path;
            ++pos_;
        }
    }

    /// One escape of a basic string, pos_ on its backslash: its UTF-8 text (a malformed
    /// escape is kept as written; the TOML parser has already refused such a file).
    std::string unescape() {
        const char kind = peek(1);
        const char* simple = nullptr;
        switch (kind) {
            case 'b': simple = "\b"; break;
            case 't': simple = "\t"; break;
            case 'n': simple = "\n"; break;
            case 'f': simple = "\f"; break;
            case 'r': simple = "\r"; break;
            case '"': simple = "\""; break;
            case '\\': simple = "\\"; break;
            default: break;
        }
        if (simple != nullptr) {
            pos_ += 2;
            return simple;
        }
        const std::size_t digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
        std::uint32_t code = 0;
        for (std::size_t i = 0; i < digits; ++i) {
            const char h = peek(2 + i);
            const int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                                         : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (v < 0) return std::string(1, text_[pos_++]);
            code = code * 16 + static_cast<std::uint32_t>(v);
        }
        if (digits == 0) return std::string(1, text_[pos_++]);
        pos_ += 2 + digits;
        return utf8(code);
    }

    static std::string utf8(std::uint32_t code) {
        std::string out;
        auto byte = [&](std::uint32_t v) { out += static_cast<char>(v); };
        if (code < 0x80) {
            byte(code);
        } else if (code < 0x800) {
            byte(0xC0 | (code >> 6));
            byte(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            byte(0xE0 | (code >> 12));
            byte(0x80 | ((code >> 6) & 0x3F));
            byte(0x80 | (code & 0x3F));
        } else {
            byte(0xF0 | (code >> 18));
            byte(0x80 | ((code >> 12) & 0x3F));
            byte(0x80 | ((code >> 6) & 0x3F));
            byte(0x80 | (code & 0x3F));
        }
        return out;
    }

    static bool is_bare_key_char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    }

    /// Moves past the value (arrays and multi-line strings included) and returns the
    /// offset just after its last character, leaving pos_ on the newline that ends it.
    std::size_t value_end() {
        int depth = 0;
        std::size_t last = pos_;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n') {
                if (depth == 0) break;
                ++pos_;
            } else if (c == '#') {
                while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++pos_;
            } else if (c == '"' || c == '\'') {
                skip_string(c);
                last = pos_;
            } else {
                if (c == '[' || c == '{') ++depth;
                if (c == ']' || c == '}') --depth;
                ++pos_;
                last = pos_;
            }
        }
        return last;
    }

    void skip_string(char quote) {
        const std::string triple(3, quote);
        const bool multi_line = text_.substr(pos_, 3) == triple;
        pos_ += multi_line ? 3 : 1;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (quote == '"' && c == '\\') {
                pos_ += 2;
            } else if (multi_line && text_.substr(pos_, 3) == triple) {
                pos_ += 3;
                // Up to two quotes may sit just inside the closing delimiter: """a"""".
                for (int extra = 0; extra < 2 && peek() == quote; ++extra) ++pos_;
                return;
            } else if (!multi_line && (c == quote || c == '\n')) {
                if (c == quote) ++pos_;
                return;
            } else {
                ++pos_;
            }
        }
        pos_ = std::min(pos_, text_.size());
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

/// Where the statements of the document put one key, and its table.
struct Placement {
    const Statement* value = nullptr;          ///< the existing `key = ...`
    const Statement* header = nullptr;         ///< `[section]`
    const Statement* last_in_table = nullptr;  ///< the last `x = ...` under that header
    const Statement* last_dotted = nullptr;    ///< the last root `section.x = ...`
    const Statement* inline_table = nullptr;   ///< a root `section = {...}`
};

Placement locate(const std::vector<Statement>& statements, std::string_view section,
                 std::string_view name) {
    Placement found;
    std::vector<std::string> table;
    bool in_section = false;
    for (const Statement& s : statements) {
        if (s.kind == Statement::Kind::Table) {
            table = s.path;
            in_section = table.size() == 1 && table[0] == section;
            if (in_section && found.header == nullptr) found.header = &s;
            continue;
        }
        if (s.kind != Statement::Kind::KeyValue) continue;
        std::vector<std::string> full = table;
        full.insert(full.end(), s.path.begin(), s.path.end());
        if (full.size() == 2 && full[0] == section && full[1] == name) found.value = &s;
        if (in_section) found.last_in_table = &s;
        if (table.empty() && !s.path.empty() && s.path[0] == section) {
            if (s.path.size() == 1)
                found.inline_table = &s;
            else
                found.last_dotted = &s;
        }
    }
    return found;
}

/// `FILE:LINE:COL` of a statement's first character, as parse errors write it.
std::string position(const std::string& source, std::string_view text, const Statement& s) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < s.begin; ++i) line += text[i] == '\n' ? 1 : 0;
    return source + ":" + std::to_string(line) + ":" + std::to_string(s.indent_end - s.begin + 1);
}

/// Inserts `line` (without its newline) after the statement `after`.
std::string insert_after(std::string_view text, const Statement& after, std::string_view line,
                         std::string_view eol) {
    std::string out(text.substr(0, after.end));
    if (!out.empty() && out.back() != '\n') out += eol;
    out += line;
    out += eol;
    out += text.substr(after.end);
    return out;
}

std::string append_table(std::string_view text, std::string_view section, std::string_view line,
                         std::string_view eol) {
    std::string out(text);
    if (!out.empty()) {
        if (out.back() != '\n') out += eol;
        // One blank line between tables, as people write them.
        if (!out.ends_with(std::string("\n") + std::string(eol))) out += eol;
    }
    out += "[" + std::string(section) + "]";
    out += eol;
    out += line;
    out += eol;
    return out;
}

}  // namespace

std::string set_config_value(std::string_view text, std::string_view key,
                             const std::vector<std::string>& values, const std::string& source) {
    const detail::KeySpec& spec = detail::get_key(key);
    const std::string literal = detail::toml_literal(detail::value_from_words(spec, values));
    // Editing text that is not TOML could only make it worse: say where it breaks.
    detail::check_toml_syntax(text, source);

    const std::string_view eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    const std::vector<Statement> statements = Scanner(text).statements();
    const Placement at = locate(statements, spec.section(), spec.name());

    std::string edited;
    if (at.value != nullptr) {
        edited = std::string(text.substr(0, at.value->value_begin)) + literal +
                 std::string(text.substr(at.value->value_end));
    } else if (at.inline_table != nullptr) {
        throw Error(ErrorKind::Config, position(source, text, *at.inline_table) + ": cannot set " +
                                           std::string(spec.key) +
                                           " in an inline table; edit the file by hand");
    } else if (at.header != nullptr) {
        const Statement& after = at.last_in_table != nullptr ? *at.last_in_table : *at.header;
        const std::string_view indent =
            at.last_in_table != nullptr ? text.substr(after.begin, after.indent_end - after.begin)
                                        : std::string_view{};
        edited = insert_after(
            text, after, std::string(indent) + std::string(spec.name()) + " = " + literal, eol);
    } else if (at.last_dotted != nullptr) {
        // `seller.name = ...` at the top: a `[seller]` header after it would redefine it.
        const Statement& after = *at.last_dotted;
        edited =
            insert_after(text, after,
                         std::string(text.substr(after.begin, after.indent_end - after.begin)) +
                             std::string(spec.key) + " = " + literal,
                         eol);
    } else {
        edited =
            append_table(text, spec.section(), std::string(spec.name()) + " = " + literal, eol);
    }
    static_cast<void>(parse_config(edited, source));
    return edited;
}

}  // namespace slash::config
