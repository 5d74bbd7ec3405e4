#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace slash::cli {

/// An option whose absence matters (`edit` changes only what was given): the optional is
/// set only when the flag appears, even with an empty value.
template <class T>
CLI::Option* optional_option(CLI::App& app, const std::string& name, std::optional<T>& target,
                             const std::string& description) {
    return app
        .add_option_function<T>(
            name, [&target](const T& value) { target = value; }, description)
        ->type_name(std::is_integral_v<T> ? "N" : "TEXT");
}

/// A repeatable option taking one value per occurrence (`--address A --address B`), so
/// that it never swallows the positional arguments after it.
inline CLI::Option* optional_list_option(CLI::App& app, const std::string& name,
                                         std::optional<std::vector<std::string>>& target,
                                         const std::string& description) {
    return app
        .add_option_function<std::vector<std::string>>(
            name, [&target](const std::vector<std::string>& values) { target = values; }, description)
        ->allow_extra_args(false)
        ->type_name("TEXT");
}

}  // namespace slash::cli
