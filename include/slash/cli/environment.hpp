#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace slash::cli {

/// Everything slash learns from the process it runs in: environment variables, whether
/// the standard streams are terminals, and the clock. `from_process()` is the only code
/// that reads them; tests build an Environment by hand and pass it to `run`.
struct Environment {
    std::map<std::string, std::string, std::less<>> variables;
    bool stdin_is_tty = false;
    bool stdout_is_tty = false;
    /// Confirmations meant for a person (where `log` put the time) go to a terminal only.
    bool stderr_is_tty = false;
    /// The size of the terminal on stdout (TIOCGWINSZ); 0 when unknown or not a terminal.
    int terminal_columns = 0;
    int terminal_rows = 0;
    /// The system clock, UTC Unix seconds, read once at start; `SLASH_NOW` overrides it.
    std::int64_t system_now = 0;

    [[nodiscard]] static Environment from_process();
    /// The value of a variable; unset and empty both give nullopt.
    [[nodiscard]] std::optional<std::string> get(std::string_view name) const;
};

}  // namespace slash::cli
