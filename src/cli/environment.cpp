#include "slash/cli/environment.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>

extern char** environ;

namespace slash::cli {

Environment Environment::from_process() {
    Environment env;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        std::string_view text(*entry);
        auto equals = text.find('=');
        if (equals == std::string_view::npos) continue;
        env.variables.emplace(std::string(text.substr(0, equals)),
                              std::string(text.substr(equals + 1)));
    }
    env.stdin_is_tty = ::isatty(STDIN_FILENO) != 0;
    env.stdout_is_tty = ::isatty(STDOUT_FILENO) != 0;
    env.stderr_is_tty = ::isatty(STDERR_FILENO) != 0;
    if (winsize size{}; env.stdout_is_tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
        env.terminal_columns = size.ws_col;
        env.terminal_rows = size.ws_row;
    }
    env.system_now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    return env;
}

std::optional<std::string> Environment::get(std::string_view name) const {
    auto found = variables.find(name);
    if (found == variables.end() || found->second.empty()) return std::nullopt;
    return found->second;
}

}  // namespace slash::cli
