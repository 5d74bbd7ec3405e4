#pragma once

// Shared between the files of the config layer only; nothing here is public.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "slash/config/config.hpp"

namespace slash::config::detail {

/// The value of one key; the alternative matches the key's Type.
using Value = std::variant<std::string, std::vector<std::string>, std::int64_t, bool>;

enum class Type { String, StringList, Integer, Boolean };

/// The check a value must pass beyond its type.
enum class Rule {
    None,
    Choice,     ///< one of `choices`
    Decimal,    ///< digits with an optional "." fraction, greater than zero
    VatRate,    ///< a VAT rate in percent, above 0, at most 100, at most 3 decimals
    SeqFormat,  ///< contains a "{seq" placeholder
    Rounding,   ///< a positive duration in m/min/h, or "0" for none
    Capacity,   ///< a positive duration in m/min/h
    LongEntry,  ///< a positive duration of at most 24 h, an entry's longest
    Range,      ///< an integer between `min` and `max`
    Year,       ///< 0, or an integer year between `min` and `max`
    Percent,    ///< empty, or a decimal from 0 to 100
    Euros,      ///< empty, or a positive decimal with at most two fraction digits
    DayRanges,  ///< a list of "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD"
    Url,        ///< empty, an https:// URL, or http:// to this machine
};

/// One key of the schema of docs/contract.md §7: its type, its rule, how to read and write it
/// in a Config, and the comment `slash init` writes above it.
struct KeySpec {
    std::string_view key;  ///< "seller.name"
    Type type;
    Rule rule;
    std::span<const std::string_view> choices;
    std::int64_t min = 0, max = 0;
    std::string_view comment;
    Value (*get)(const Config&);
    void (*set)(Config&, Value&&);

    [[nodiscard]] std::string_view section() const { return key.substr(0, key.find('.')); }
    [[nodiscard]] std::string_view name() const { return key.substr(key.find('.') + 1); }
};

/// Every key, in the order of config_keys().
[[nodiscard]] std::span<const KeySpec> schema();
/// The section names in file order.
[[nodiscard]] std::span<const std::string_view> sections();
[[nodiscard]] bool is_section(std::string_view name);
[[nodiscard]] const KeySpec* find_key(std::string_view key);
/// The key spec, or Error(Usage) `unknown config key "x" (did you mean "y"?)`.
[[nodiscard]] const KeySpec& get_key(std::string_view key);

/// The message `<key> must be ..., got <value>` when a well-typed value breaks the key's
/// rule, else nullopt. Shared by parsing (which adds the position) and `config set`.
[[nodiscard]] std::optional<std::string> rule_violation(const KeySpec& spec, const Value& value);

/// Types the command-line words of `slash config set` by the schema and checks them;
/// throws Error(Usage) naming the value and what is allowed.
[[nodiscard]] Value value_from_words(const KeySpec& spec, const std::vector<std::string>& words);

/// The closest of `candidates` to `word` when it is close enough to be a likely typo.
[[nodiscard]] std::optional<std::string_view> closest(std::string_view word,
                                                      std::span<const std::string_view> candidates);
/// The schema key a mistyped key most likely meant: a near spelling, or the same key
/// name in another section.
[[nodiscard]] std::optional<std::string_view> suggest_key(std::string_view key);

/// `s` as a TOML basic string: in double quotes, with `"`, `\` and control characters
/// escaped. Also how messages quote a value, since it keeps them on one line.
[[nodiscard]] std::string quote(std::string_view s);
/// The value as TOML source: `"text"`, `["a", "b"]`, `30`, `false`.
[[nodiscard]] std::string toml_literal(const Value& value);
/// The value as plain text for `slash config get`.
[[nodiscard]] std::string plain_text(const Value& value);

/// Throws Error(Config) `FILE:LINE:COL: <what>` when `text` is not valid TOML.
void check_toml_syntax(std::string_view text, const std::string& source);

}  // namespace slash::config::detail
