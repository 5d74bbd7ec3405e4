#pragma once

// What the fuzz targets share: a failed property prints why and aborts, which libFuzzer
// reports as a crash with the input saved; and a guard that lets only slash::Error of the
// documented kind out of a parser.

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "slash/domain/error.hpp"

namespace slash::fuzz {

/// `text` with every byte outside printable ASCII as \xNN, for one-line messages.
inline std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7F && c != '\\') {
            out += c;
        } else {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
            out += buffer;
        }
    }
    return out;
}

/// A property does not hold: say which, on which value, and abort.
[[noreturn]] inline void fail(std::string_view property, std::string_view input,
                              std::string_view detail = {}) {
    std::fprintf(stderr, "\n*** property violated: %.*s\n*** input: \"%s\"\n",
                 static_cast<int>(property.size()), property.data(), escaped(input).c_str());
    if (!detail.empty()) {
        std::fprintf(stderr, "*** detail: %s\n", escaped(detail).c_str());
    }
    std::abort();
}

inline void require(bool holds, std::string_view property, std::string_view input,
                    std::string_view detail = {}) {
    if (!holds) fail(property, input, detail);
}

/// Runs `parse` on `input`: its value, or nullopt when it throws slash::Error of kind
/// `kind`. Any other kind, any other exception, is a violated property.
template <class Parse>
auto attempt(std::string_view what, std::string_view input, ErrorKind kind, Parse parse)
    -> std::optional<decltype(parse())> {
    try {
        return parse();
    } catch (const Error& error) {
        if (error.kind() != kind) {
            fail(std::string(what) + " threw slash::Error of an undocumented kind", input,
                 error.what());
        }
        return std::nullopt;
    } catch (const std::exception& error) {
        fail(std::string(what) + " let a foreign exception escape", input, error.what());
    } catch (...) {
        fail(std::string(what) + " threw something that is not an exception", input);
    }
}

}  // namespace slash::fuzz
