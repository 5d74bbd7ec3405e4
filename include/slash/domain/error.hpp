#pragma once

#include <stdexcept>
#include <string>

namespace slash {

/// What went wrong, at the granularity a script can act on. Each kind maps to one exit
/// status of docs/contract.md §6 through `exit_code`.
enum class ErrorKind {
    Failure,      ///< 1: a rule refused the request, or there was nothing to do
    Usage,        ///< 2: bad flag, bad value, bad date
    NotFound,     ///< 3: the named thing does not exist
    Conflict,     ///< 4: overlap, duplicate handle, already issued, still referenced
    Config,       ///< 5: the config file cannot be read or has a wrong value
    Storage,      ///< 6: the database cannot be opened, is locked, or is too new
    Interrupted,  ///< 130: the user pressed ^C
};

/// The one exception type of slash. Its message is a complete sentence fragment that
/// follows "slash: error: " on a single line, names the offending value in quotes and,
/// where it helps, says how to fix it.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }

private:
    ErrorKind kind_;
};

/// The process exit status for an error kind (docs/contract.md §6).
[[nodiscard]] int exit_code(ErrorKind kind) noexcept;

}  // namespace slash
